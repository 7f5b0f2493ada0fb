"""Keeping it generous over Socket.IO: anonymous pitch taps, the questions queue, the host's
switches and introductions, and who hears what."""

import json

import pytest

from .helpers import join, open_table, refusal, table_updates, updates


def received(client, name: str) -> list[dict]:
    return [m["args"][0] for m in client.get_received() if m["name"] == name]


def emit(client, event, payload=None):
    return client.emit(event, payload or {}, callback=True)


def host(table, action, **args):
    ack = emit(table.host, "host", {"action": action, "args": args})
    assert ack["ok"], ack
    return ack


@pytest.fixture
def table(client, socketio_client):
    """A host and four phones (Ann speaks first), a round running, every inbox emptied."""
    table = open_table(client, socketio_client)
    table.phones, table.tokens = {}, {}
    for name in ("Ann", "Bob", "Cat", "Dan"):
        phone, ack = join(socketio_client, table.code, name)
        table.phones[name] = (phone, ack["me"])
        table.tokens[name] = ack["token"]
    host(table, "start")
    for c in [table.host, *(p for p, _ in table.phones.values())]:
        c.get_received()
    return table


def test_taps_are_anonymous_counts_reach_only_the_host_and_the_speaker_gets_a_kind_nudge(table):
    (ann, ann_id), (bob, bob_id), (cat, cat_id), (dan, _) = table.phones.values()
    before = emit(dan, "sync")
    ack = emit(bob, "pitch_tap")
    # No count for the listener: the versions of the room and of the table, as they were.
    assert ack == {"ok": True, "version": before["version"], "tables": before["tables"]}
    everyone = {name: phone.get_received() for name, (phone, _) in table.phones.items()}
    from_host = table.host.get_received()
    # The table sees nothing at all, not even a version go by; the speaker is nudged (1 of 3
    # listeners).
    for name, messages in everyone.items():
        assert {m["name"] for m in messages} <= {"nudge"}
        nudges = [m["args"][0] for m in messages if m["name"] == "nudge"]
        assert len(nudges) == (1 if name == "Ann" else 0)
        assert "host_update" not in {m["name"] for m in messages}
    [nudge] = [m["args"][0] for m in everyone["Ann"] if m["name"] == "nudge"]
    assert "story" in nudge["text"] and "question" in nudge["text"]
    [extra] = [m["args"][0] for m in from_host if m["name"] == "host_update"]
    assert (extra["table"], extra["version"]) == (1, ack["tables"]["1"])
    current = extra["sections"]["generosity"]["nudges"]["current"]
    assert current == {"round": 1, "pid": ann_id, "taps": 1, "listeners": 3, "nudged": True}
    # Nobody, not even the host, learns who tapped.
    for message in (m for ms in everyone.values() for m in ms):
        assert bob_id not in json.dumps(message["args"])
    assert bob_id not in json.dumps(extra["sections"]["generosity"]["nudges"])
    # One tap per listener per turn; the speaker can't tap; a second nudge never comes.
    assert "already tapped" in emit(bob, "pitch_tap")["error"]
    assert "your own turn" in emit(ann, "pitch_tap")["error"]
    assert emit(cat, "pitch_tap")["ok"]
    assert received(ann, "nudge") == []
    assert emit(dan, "sync") == before
    snap = emit(table.host, "watch", {"code": table.code, "host_key": table.host_key,
                                      "tables": "all"})
    figures = snap["tables"]["1"]["sections"]["generosity"]["nudges"]
    assert figures["current"]["taps"] == 2 and cat_id not in json.dumps(figures)
    looking = emit(dan, "watch", {"code": table.code, "tables": "all"})
    assert "generosity" not in looking["snapshot"]["sections"]
    assert "generosity" not in looking["tables"]["1"]["sections"]


def test_the_nudge_waits_for_the_hosts_share_of_listeners(table):
    (ann, _), (bob, _), (cat, _), (dan, _) = table.phones.values()
    host(table, "features", pitch_share=1.0)
    ann.get_received()
    for phone in (bob, cat):
        assert emit(phone, "pitch_tap")["ok"]
    assert received(ann, "nudge") == []
    assert emit(dan, "pitch_tap")["ok"]
    assert len(received(ann, "nudge")) == 1


def test_the_questions_queue_puts_those_who_asked_least_first(table):
    (ann, ann_id), (bob, bob_id), (cat, cat_id), (dan, dan_id) = table.phones.values()
    assert emit(bob, "raise_hand")["ok"]
    host(table, "next")  # Bob speaks: the hand he raised for Ann went down with her turn
    assert table_updates(ann)[-1]["sections"]["hands"]["queue"] == []
    assert "your turn" in emit(bob, "raise_hand")["error"]
    assert emit(dan, "raise_hand")["ok"]
    host(table, "next")  # Cat speaks; Bob and Dan have asked once, Ann never
    for phone in (bob, dan, ann):
        assert emit(phone, "raise_hand")["ok"]
    queue = table_updates(ann)[-1]["sections"]["hands"]["queue"]
    assert [(h["pid"], h["speaker"]) for h in queue] == [
        (ann_id, cat_id), (bob_id, cat_id), (dan_id, cat_id)]
    # The speaker marks one answered; nobody else may.
    assert "Only the speaker" in emit(ann, "answer_hand", {"pid": bob_id})["error"]
    assert emit(cat, "answer_hand", {"pid": bob_id})["ok"]
    assert "isn't up" in emit(cat, "answer_hand", {"pid": bob_id})["error"]
    host(table, "hands_clear")
    assert emit(dan, "raise_hand")["ok"]
    assert emit(ann, "raise_hand")["ok"]
    assert emit(ann, "lower_hand")["ok"]
    assert [h["pid"] for h in table_updates(bob)[-1]["sections"]["hands"]["queue"]] == [dan_id]
    assert "isn't up" in emit(ann, "lower_hand")["error"]


def test_switched_off_features_are_refused_with_a_clear_message(table):
    (ann, ann_id), (bob, _), (cat, cat_id), _ = table.phones.values()
    assert emit(bob, "raise_hand")["ok"]
    host(table, "features", pitch_nudges=False, hands=False, introductions=False)
    received_by_bob = bob.get_received()
    room = [m["args"][0] for m in received_by_bob if m["name"] == "room_update"][-1]
    at_table = [m["args"][0] for m in received_by_bob if m["name"] == "table_update"][-1]
    assert room["sections"]["features"]["hands"] is False
    assert at_table["sections"]["hands"] == {"queue": []}
    for event, payload, name in (
            ("pitch_tap", {}, "Pitch nudges"), ("raise_hand", {}, "Questions queue"),
            ("introduce", {"to": ann_id, "with": cat_id}, "Introductions")):
        ack = emit(bob, event, payload)
        assert refusal(ack) == f"The host has switched off “{name}” for this room."
    # Only the host switches.
    assert emit(bob, "host", {"action": "features", "args": {"hands": True}})["error"] == (
        "Only the host can do that.")
    assert not emit(table.host, "host", {"action": "features", "args": {"hands": "yes"}})["ok"]


def test_an_introduction_both_sides_accept_reaches_both_follow_up_pages(client, table):
    (ann, ann_id), (bob, _), (cat, cat_id), (dan, _) = table.phones.values()
    ack = emit(bob, "introduce", {"to": ann_id, "with": cat_id, "text": "You both love maps"})
    assert ack["ok"], ack
    offer = ack["id"]
    delta = updates(cat)[-1]
    assert delta["items"]["posts"][offer]["kind"] == "intro"
    assert delta["sections"]["intros"][offer] == {"with": cat_id, "accepted_by": [],
                                                  "accepted": False}
    assert "Only the people being introduced" in emit(
        dan, "intro_respond", {"offer": offer, "accept": True})["error"]
    assert emit(ann, "intro_respond", {"offer": offer, "accept": True})["ok"]
    assert emit(cat, "intro_respond", {"offer": offer, "accept": True})["ok"]
    assert updates(dan)[-1]["sections"]["intros"][offer]["accepted"] is True
    for name in ("Ann", "Cat", "Bob", "Dan"):
        page = client.get(f"/j/{table.code}/me.json",
                          headers={"Authorization": f"Bearer {table.tokens[name]}"}).get_json()
        intros = [(i["id"], i["to_name"], i["with_name"]) for i in page["introductions"]]
        assert intros == ([] if name == "Dan" else [(offer, "Ann", "Cat")])


def test_fill_the_gaps_holds_the_room_until_every_ask_has_an_offer(table):
    (ann, _), (bob, _), _, _ = table.phones.values()
    host(table, "next_prompt")  # the classic deck's second prompt is the ask round
    host(table, "features", fill_the_gaps=True)
    host(table, "start")
    ask = emit(ann, "post_ask", {"text": "A venue for 40"})["id"]
    host(table, "end_round")
    ack = emit(table.host, "host", {"action": "next"})
    assert refusal(ack) == ("1 ask is still waiting for an offer: fill the gaps "
                            "first (or switch the rule off).")
    seen: dict = {}  # the host's section, from the parts each update brings
    for update in received(table.host, "host_update"):
        seen.update(update["sections"].get("generosity", {}))
    assert seen["waiting"] == [ask]
    assert emit(bob, "post_offer", {"kind": "help", "text": "Our hall", "ask": ask})["ok"]
    host(table, "next")


def test_the_summary_is_for_the_host_key_only(client, table):
    (ann, ann_id), (bob, _), _, _ = table.phones.values()
    assert emit(bob, "pitch_tap")["ok"]
    url = f"/host/{table.code}/summary"
    page = client.get(url)
    assert page.status_code == 200 and table.host_key not in page.get_data(as_text=True)
    for secret in (None, table.tokens["Ann"], "guess"):
        headers = {"Authorization": f"Bearer {secret}"} if secret else {}
        refused = client.get(url + ".json", headers=headers)
        assert refused.status_code == 401 and not refused.get_json()["ok"]
    answer = client.get(url + ".json", headers={"Authorization": f"Bearer {table.host_key}"})
    assert answer.headers["Cache-Control"] == "no-store"
    data = answer.get_json()
    assert data["ok"] and data["nudges"]["nudged"] == 1 and data["people"][ann_id] == "Ann"
    assert client.get("/host/ZZZZZZ/summary").status_code == 404
