"""The live round over Socket.IO: joining, watching, turns and host controls. The round is
table 1's, in the table's own stream (`table_update`)."""

import pytest

from .helpers import join, open_table, table_updates, updates


def test_join_returns_a_token_and_a_snapshot_and_everyone_hears_of_it(client, socketio_client):
    table = open_table(client, socketio_client)
    table.host.get_received()
    phone, ack = join(socketio_client, table.code.lower(), "Ann", about="Baker",
                      interests=["running", "biscuits"])
    assert len(ack["token"]) >= 32
    assert ack["snapshot"]["items"]["people"][ack["me"]]["interests"] == ["running", "biscuits"]
    [delta] = updates(table.host)
    assert delta["items"]["people"][ack["me"]]["name"] == "Ann"
    assert delta["version"] == ack["snapshot"]["version"]
    assert ack["token"] not in str(delta)


def test_wrong_code_gets_a_clear_message(socketio_client):
    phone = socketio_client()
    ack = phone.emit("join", {"code": "ZZZZZZ", "name": "Ann"}, callback=True)
    assert ack == {"ok": False,
                   "error": "There's no event with that code. Check the code on the big screen."}


def test_token_survives_a_reconnect(client, socketio_client):
    table = open_table(client, socketio_client)
    phone, ack = join(socketio_client, table.code, "Ann")
    phone.disconnect()
    again = socketio_client()
    back = again.emit("watch", {"code": table.code, "token": ack["token"]}, callback=True)
    assert (back["ok"], back["role"], back["me"]) == (True, "participant", ack["me"])


def test_unknown_token_or_host_key_is_refused(client, socketio_client):
    table = open_table(client, socketio_client)
    stranger = socketio_client()
    ack = stranger.emit("watch", {"code": table.code, "token": "nope"}, callback=True)
    assert not ack["ok"] and "join again" in ack["error"]
    ack = stranger.emit("watch", {"code": table.code, "host_key": "nope"}, callback=True)
    assert not ack["ok"] and "host link" in ack["error"]


def test_a_full_round_driven_by_host_and_speakers(client, socketio_client):
    table = open_table(client, socketio_client, turn_seconds=60)
    ann, a = join(socketio_client, table.code, "Ann")
    bob, b = join(socketio_client, table.code, "Bob")
    cat, c = join(socketio_client, table.code, "Cat")
    assert table.host.emit("host", {"action": "start"}, callback=True)["ok"]
    turns = table_updates(bob)[-1]["sections"]["turns"]
    assert (turns["current"], turns["next"], turns["status"]) == (a["me"], b["me"], "speaking")
    assert turns["deadline"] > updates(table.host)[-1]["now"]

    # Only the speaker can say they're done; Bob passes and goes to the end.
    assert not bob.emit("turn_done", {}, callback=True)["ok"]
    assert ann.emit("turn_done", {}, callback=True)["ok"]
    assert bob.emit("turn_pass", {}, callback=True)["ok"]
    passed = table_updates(cat)[-1]
    assert passed["sections"]["order"]["pids"] == [a["me"], c["me"], b["me"]]
    assert passed["sections"]["turns"]["current"] == c["me"]
    assert set(passed["items"]["airtime"]) == {b["me"]}  # Bob's turn ended; nobody else's moved

    assert table.host.emit("host", {"action": "next"}, callback=True)["ok"]
    assert table.host.emit("host", {"action": "next"}, callback=True)["ok"]
    seen = table_updates(ann)
    assert seen[-1]["sections"]["turns"]["status"] == "round_over"
    assert "order" not in seen[-2]["sections"]  # "next" leaves the order as it was
    ended = [pid for update in seen for pid in update["items"].get("airtime", {})]
    assert ended == [a["me"], b["me"], c["me"], b["me"]]  # one entry per finished turn


def test_versions_are_contiguous_for_every_watcher(client, socketio_client):
    table = open_table(client, socketio_client)
    phone, ack = join(socketio_client, table.code, "Ann")
    start, at_table = ack["snapshot"]["version"], ack["tables"]["1"]["version"]
    for action in ("start", "pause", "resume", "next"):
        assert table.host.emit("host", {"action": action}, callback=True)["ok"]
    received = phone.get_received()
    rooms = [m["args"][0]["version"] for m in received if m["name"] == "room_update"]
    tables = [m["args"][0]["version"] for m in received if m["name"] == "table_update"]
    assert rooms == [start + 1]  # the round started: the prompt moved on
    assert tables == list(range(at_table + 1, at_table + 5))


def test_pause_keeps_remaining_time(client, socketio_client):
    table = open_table(client, socketio_client)
    join(socketio_client, table.code, "Ann")
    table.host.emit("host", {"action": "start"}, callback=True)
    table.host.emit("host", {"action": "pause"}, callback=True)
    turns = table_updates(table.host)[-1]["sections"]["turns"]
    assert turns["status"] == "paused" and turns["deadline"] is None
    assert 0 < turns["remaining"] <= 90


@pytest.mark.parametrize("payload", [
    {"action": "prompt_add", "args": {"text": ""}},
    {"action": "prompt_add", "args": "text"},
    {"action": "reorder", "args": {"order": ["x"]}},
    {"action": "remove", "args": {"pid": "ghost"}},
    {"action": "turn_seconds", "args": {"seconds": 3}},
    {"action": 5},
    {},
])
def test_malformed_host_actions_get_an_error_and_change_nothing(client, socketio_client,
                                                                 payload):
    table = open_table(client, socketio_client)
    before = table.host.emit("watch", {"code": table.code, "host_key": table.host_key},
                             callback=True)["snapshot"]
    ack = table.host.emit("host", payload, callback=True)
    assert ack["ok"] is False and ack["error"]
    after = table.host.emit("watch", {"code": table.code, "host_key": table.host_key},
                            callback=True)["snapshot"]
    assert after["version"] == before["version"]
    assert after["sections"]["prompts"] == before["sections"]["prompts"]


def test_host_manages_prompts_live(client, socketio_client):
    table = open_table(client, socketio_client)
    phone, _ = join(socketio_client, table.code, "Ann")
    ack = table.host.emit("host", {"action": "prompt_add",
                                   "args": {"text": "<script>alert(1)</script>"}},
                          callback=True)
    assert ack["ok"]
    items = updates(phone)[-1]["sections"]["prompts"]["items"]
    assert items[-1]["text"] == "<script>alert(1)</script>"
    pid = items[-1]["id"]
    table.host.emit("host", {"action": "prompt_move", "args": {"id": pid, "to": 0}},
                    callback=True)
    assert updates(phone)[-1]["sections"]["prompts"]["items"][0]["id"] == pid
    table.host.emit("host", {"action": "prompt_remove", "args": {"id": pid}}, callback=True)
    assert pid not in {p["id"] for p in updates(phone)[-1]["sections"]["prompts"]["items"]}


def test_leaving_and_removal(client, socketio_client):
    table = open_table(client, socketio_client)
    ann, a = join(socketio_client, table.code, "Ann")
    bob, b = join(socketio_client, table.code, "Bob")
    assert ann.emit("leave", {}, callback=True)["ok"]
    assert not ann.emit("turn_done", {}, callback=True)["ok"]
    assert table.host.emit("host", {"action": "remove", "args": {"pid": b["me"]}},
                           callback=True)["ok"]
    people = updates(table.host)[-1]["items"]["people"]
    assert people[b["me"]]["status"] == "removed"
    again = socketio_client().emit("watch", {"code": table.code, "token": b["token"]},
                                   callback=True)
    assert not again["ok"]
    # Ann left of her own accord: her token brings her back, seated last.
    back = socketio_client().emit("watch", {"code": table.code, "token": a["token"]},
                                  callback=True)
    assert back["ok"]
    assert back["snapshot"]["items"]["people"][a["me"]]["status"] == "here"


def test_events_before_joining_are_refused(socketio_client):
    stranger = socketio_client()
    assert stranger.emit("turn_done", {}, callback=True) == {"ok": False,
                                                              "error": "Join the event first."}
    assert stranger.emit("host", {"action": "start"}, callback=True)["error"] == (
        "Only the host can do that.")


def test_a_press_that_crosses_the_end_of_its_turn_moves_nothing_on_twice(client,
                                                                          socketio_client):
    """Ann taps "I'm done" as the host presses "Next speaker" for her: each press names the turn
    it means to end, so the second finds it ended and Bob keeps his turn. Before, Bob's turn
    ended at once (0 s, never heard), and a double press on the last turn started the next
    round. A table host's controls, and a press that names no turn, as before."""
    table = open_table(client, socketio_client)
    people = [join(socketio_client, table.code, name) for name in ("Ann", "Bob", "Cat")]
    (ann, a), (bob, b), (cat, c) = people
    assert table.host.emit("host", {"action": "start"}, callback=True)["ok"]
    turn = {"round": 1, "speaker": a["me"]}  # what the console showed when the host pressed

    assert ann.emit("turn_done", {}, callback=True)["ok"]
    assert table.host.emit("host", {"action": "next", "args": turn}, callback=True)["ok"]
    assert table.host.emit("host", {"action": "skip", "args": turn}, callback=True)["ok"]
    assert table_updates(cat)[-1]["sections"]["turns"]["current"] == b["me"]

    assert table.host.emit("host", {"action": "table_host", "args": {"table": 1,
                                                                     "pid": c["me"]}},
                           callback=True)["ok"]
    assert cat.emit("table_action", {"action": "next", "round": 1, "speaker": b["me"]},
                    callback=True)["ok"]
    assert cat.emit("table_action", {"action": "next", "round": 1, "speaker": b["me"]},
                    callback=True)["ok"]
    turns = table_updates(ann)[-1]["sections"]["turns"]
    assert (turns["current"], turns["status"]) == (c["me"], "speaking")

    last = {"round": 1, "speaker": c["me"]}
    for _ in range(2):  # "Finish round", pressed twice
        assert table.host.emit("host", {"action": "next", "args": last}, callback=True)["ok"]
    turns = table_updates(ann)[-1]["sections"]["turns"]
    assert (turns["status"], turns["round"]) == ("round_over", 1)
    assert table.host.emit("host", {"action": "next"}, callback=True)["ok"]  # names no turn
    assert table_updates(ann)[-1]["sections"]["turns"]["round"] == 2


def test_next_prompt_pressed_twice_ends_the_round_and_skips_no_prompt(client, socketio_client):
    table = open_table(client, socketio_client)
    join(socketio_client, table.code, "Ann")
    assert table.host.emit("host", {"action": "start"}, callback=True)["ok"]
    up_next = updates(table.host)[-1]["sections"]["prompts"]["up_next"]
    for _ in range(2):
        assert table.host.emit("host", {"action": "next_prompt", "args": {"round": 1}},
                               callback=True)["ok"]
    received = table.host.get_received()
    [turns] = [m["args"][0]["sections"]["turns"] for m in received if m["name"] == "table_update"]
    assert turns["status"] == "round_over"
    prompts = [m["args"][0]["sections"].get("prompts") for m in received
               if m["name"] == "room_update"]
    assert prompts and all(p is None or p["up_next"] == up_next for p in prompts)


def test_a_join_sent_again_with_the_phones_own_secret_finds_the_same_person(client,
                                                                            socketio_client):
    table = open_table(client, socketio_client)
    secret = "Own-secret_of-this-phone_0123456789"
    first, ack = join(socketio_client, table.code, "Ann", token=secret)
    assert ack["token"] == secret
    assert table.host.emit("host", {"action": "lock", "args": {"locked": True,
                                                               "new_code": False}},
                           callback=True)["ok"]
    # Its answer was lost: the phone joins again, the event closed to newcomers meanwhile.
    again, retried = join(socketio_client, table.code, "Ann", token=secret)
    assert (retried["me"], retried["token"]) == (ack["me"], secret)
    assert list(retried["snapshot"]["items"]["people"]) == [ack["me"]]
    watcher = socketio_client()
    assert watcher.emit("watch", {"code": table.code, "token": secret},
                        callback=True)["me"] == ack["me"]
    for weak in ("short", "x" * 31, "ok-but-with a space-0123456789abcdef", "y" * 65):
        refused = socketio_client().emit("join", {"code": table.code, "name": "Bob",
                                                  "token": weak}, callback=True)
        assert refused == {"ok": False,
                           "error": "A phone's own secret is 32 to 64 letters, digits, - or _."}
