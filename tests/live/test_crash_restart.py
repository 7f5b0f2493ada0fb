"""kill -9 in the middle of a turn, then a restart: every screen comes back on its own to the same
round (order, speaker, deadline adjusted for a pause, prompts) with every acknowledged post.
On SQLite and on PostgreSQL; the live server runs eventlet, as at a real event."""

import time

import pytest

from .helpers import TIMEOUT, create_room
from .reconnecting import RECONNECT_TIMEOUT, Reconnecting


@pytest.fixture(params=["sqlite", "postgresql"])
def database_env(request) -> dict:
    if request.param == "sqlite":
        return {}  # the live server's own SQLite file under tmp_path
    return {"DATABASE_URL": request.getfixturevalue("postgres_url")}


def durable(snapshot: dict) -> dict:
    """The snapshot (and its tables') without what moves with the clock (`now`)."""
    tables = {n: durable(t) for n, t in snapshot.get("tables", {}).items()}
    return {k: v for k, v in snapshot.items() if k != "now"} | ({"tables": tables} if tables
                                                                 else {})


def crash_and_restart(server, screens: list[Reconnecting]) -> None:
    """SIGKILL (no cleanup at all), start again on the same port, wait for every screen."""
    before = [s.connects for s in screens]
    for screen in screens:
        screen.welcomed = None  # wait for the snapshot of the new connection, not an old one
    server.kill()
    server.start()
    for screen, count in zip(screens, before, strict=True):
        screen.wait_for(lambda s, count=count: s.connects > count and s.welcomed is not None,
                        timeout=RECONNECT_TIMEOUT)


def test_a_crash_mid_turn_loses_nothing_acknowledged(live_server, database_env, screens):
    server = live_server(extra_env=database_env)
    code, key = create_room(server.url, turn_seconds=60)
    host = screens(server.url, code, host_key=key)
    phones = [screens(server.url, code) for _ in range(4)]
    ids = [phone.join(f"Phone {i}", about="Runs a bakery")["me"] for i, phone in enumerate(phones)]
    everyone = [host, *phones]

    # The host edits the prompts, starts, moves on once, and pauses mid-turn.
    prompts = host.state["sections"]["prompts"]["items"]
    assert host.call("host", {"action": "prompt_edit", "args": {
        "id": prompts[0]["id"], "text": "What are you building this year?"}})["ok"]
    assert host.call("host", {"action": "prompt_add", "args": {"text": "Who helped you?"}})["ok"]
    assert host.call("host", {"action": "prompt_move", "args": {
        "id": prompts[1]["id"], "to": 0}})["ok"]
    assert host.call("host", {"action": "start"})["ok"]
    assert phones[0].call("turn_done")["ok"]
    host.wait_for(lambda s: s.turns["current"] == ids[1])
    deadline_at_start = host.turns["deadline"]
    assert host.call("host", {"action": "pause"})["ok"]
    time.sleep(0.3)  # a pause that lasts, so the resumed deadline visibly moves
    assert host.call("host", {"action": "resume"})["ok"]
    # Asks and offers, each acknowledged (so saved) before the crash.
    ask = phones[2].call("post_ask", {"text": "An intro to a printer"})
    offer = phones[3].call("post_offer", {"ask": ask["id"], "kind": "intro",
                                          "text": "My cousin prints", "who": "Dana"})
    own = phones[1].call("post_offer", {"kind": "help", "text": "Pitch practice, anyone"})
    assert ask["ok"] and offer["ok"] and own["ok"], (ask, offer, own)

    # What each screen is shown now (the host sees more than phones do).
    befores = [screen.rewatch() for screen in everyone]
    before = befores[0]
    before_turns = before["tables"]["1"]["sections"]["turns"]
    assert before_turns["deadline"] > deadline_at_start  # moved by the pause
    crash_and_restart(server, everyone)

    for screen, seen in zip(everyone, befores, strict=True):
        assert screen.welcomed["version"] == before["version"]
        assert durable(screen.welcomed) == durable(seen)
    turns = host.welcomed["tables"]["1"]["sections"]["turns"]
    assert (turns["status"], turns["current"], turns["position"]) == ("speaking", ids[1], 1)
    assert host.welcomed["tables"]["1"]["sections"]["order"]["pids"] == ids
    assert turns["deadline"] == before_turns["deadline"]
    texts = [p["text"] for p in host.welcomed["sections"]["prompts"]["items"]]
    assert texts[:2] == [prompts[1]["text"], "What are you building this year?"]
    assert texts[-1] == "Who helped you?"
    posts = host.welcomed["items"]["posts"]
    assert {ask["id"], offer["id"], own["id"]} <= set(posts)
    assert posts[offer["id"]]["ask"] == ask["id"]

    # Paused when it crashes: exactly the time that was left survives.
    assert host.call("host", {"action": "pause"})["ok"]
    paused = host.rewatch()
    crash_and_restart(server, everyone)
    assert durable(host.welcomed) == durable(paused)
    assert host.welcomed["tables"]["1"]["sections"]["turns"]["remaining"] > 0

    # And the round goes on, on every screen, from where it was.
    assert host.call("host", {"action": "resume"})["ok"]
    assert phones[1].call("turn_done")["ok"]
    for screen in everyone:
        screen.wait_for(lambda s: s.turns["current"] == ids[2], timeout=TIMEOUT)
        assert screen.table["version"] == paused["tables"]["1"]["version"] + 2
