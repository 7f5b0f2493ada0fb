"""The board over Socket.IO: posting, offering, taking up, moderating, and who hears what."""

import json

import pytest

from facilitator.core.state.board import RATE_LIMIT

from .helpers import join, open_table, refusal, updates


def host_updates(client) -> list[dict]:
    return [m["args"][0] for m in client.get_received() if m["name"] == "host_update"]


@pytest.fixture
def table(client, socketio_client):
    """A host and three phones at one table, every client's inbox emptied."""
    table = open_table(client, socketio_client)
    table.phones = {}
    for name in ("Ann", "Bob", "Cat"):
        phone, ack = join(socketio_client, table.code, name)
        table.phones[name] = (phone, ack["me"], ack["token"])
    for c in [table.host, *(p for p, _, _ in table.phones.values())]:
        c.get_received()
    return table


def emit(client, event, payload):
    return client.emit(event, payload, callback=True)


def test_an_ask_is_saved_before_it_is_acknowledged_and_reaches_everyone(app, table):
    ann, ann_id, _ = table.phones["Ann"]
    ack = emit(ann, "post_ask", {"text": "A printer for 500 flyers"})
    assert ack["ok"], ack
    with app.app_context():
        saved = app.extensions["room_store"].load(table.code)
    assert saved.version == ack["version"] and ack["id"] in saved.board.posts
    for phone, _, _ in table.phones.values():
        [delta] = updates(phone)
        assert delta["version"] == ack["version"]
        assert delta["items"]["posts"][ack["id"]]["text"] == "A printer for 500 flyers"
        assert delta["items"]["posts"][ack["id"]]["author"] == ann_id
        assert delta["sections"]["board"] == {"asks": 1, "met": 0, "offers": 0}


def test_offers_answer_asks_and_the_asker_takes_them_up(table):
    (ann, ann_id, _), (bob, _, _), (cat, _, _) = table.phones.values()
    ask = emit(ann, "post_ask", {"text": "A mentor"})["id"]
    offers = [emit(who, "post_offer", {"kind": kind, "text": text, "ask": ask, **extra})
              for who, kind, text, extra in (
                  (bob, "help", "I mentor founders", {}),
                  (cat, "intro", "I know one", {"who": "Dana"}),
                  (cat, "resource", "A good book", {"link": "https://example.org/book"}))]
    assert all(o["ok"] for o in offers), offers
    assert not emit(bob, "take_offer", {"id": offers[0]["id"], "taken": True})["ok"]
    assert emit(ann, "take_offer", {"id": offers[0]["id"], "taken": True})["ok"]
    last = updates(table.host)[-1]
    assert last["sections"]["board"] == {"asks": 1, "met": 1, "offers": 3}
    assert last["items"]["posts"][ask]["met"] is True
    assert last["items"]["posts"][offers[0]["id"]]["taken"] is True


def test_offering_help_to_the_speaker_from_their_card(table):
    (ann, ann_id, _), (bob, _, _), _ = table.phones.values()
    assert emit(table.host, "host", {"action": "start"})["ok"]
    ack = emit(bob, "post_offer", {"kind": "help", "text": "Happy to review your deck",
                                   "to": ann_id})
    assert ack["ok"], ack
    post = updates(ann)[-1]["items"]["posts"][ack["id"]]
    assert (post["to"], post["ask"], post["kind"]) == (ann_id, None, "help")


def test_the_host_types_the_speakers_ask(table):
    ann, ann_id, _ = table.phones["Ann"]
    assert not emit(table.host, "post_ask", {"text": "Help"})["ok"]  # nobody speaking yet
    emit(table.host, "host", {"action": "start"})
    ack = emit(table.host, "post_ask", {"text": "Intro to a lawyer"})
    assert ack["ok"], ack
    post = updates(ann)[-1]["items"]["posts"][ack["id"]]
    assert (post["author"], post["by_host"]) == (ann_id, True)
    assert emit(ann, "edit_post", {"id": ack["id"], "text": "Intro to an IP lawyer"})["ok"]


def test_hidden_posts_vanish_for_everyone_but_the_host_can_restore_them(socketio_client,
                                                                          table):
    (ann, _, _), (bob, _, _), (cat, _, _) = table.phones.values()
    ask = emit(ann, "post_ask", {"text": "Something unkind"})["id"]
    offer = emit(bob, "post_offer", {"kind": "help", "text": "Me", "ask": ask})["id"]
    for c in [table.host, ann, bob, cat]:
        c.get_received()
    assert not emit(bob, "moderate", {"id": ask, "hidden": True})["ok"]
    assert emit(table.host, "moderate", {"id": ask, "hidden": True})["ok"]
    for c in [table.host, ann, bob, cat]:
        received = c.get_received()
        [delta] = [m["args"][0] for m in received if m["name"] == "room_update"]
        assert delta["items"]["posts"] == {ask: None, offer: None}
        assert delta["sections"]["board"] == {"asks": 0, "met": 0, "offers": 0}
        extra = [m["args"][0] for m in received if m["name"] == "host_update"]
        if c is table.host:
            assert extra[0]["version"] == delta["version"]
            assert extra[0]["items"]["hidden_posts"][ask]["hidden"] is True
        else:
            assert extra == []
    late, late_ack = join(socketio_client, table.code, "Dan")
    fresh = emit(late, "watch", {"code": table.code, "token": late_ack["token"]})["snapshot"]
    assert "Something unkind" not in json.dumps(fresh)
    host_view = emit(table.host, "watch", {"code": table.code,
                                           "host_key": table.host_key})["snapshot"]
    assert set(host_view["items"]["hidden_posts"]) == {ask, offer}
    assert emit(table.host, "moderate", {"id": ask, "hidden": False})["ok"]
    assert updates(cat)[-1]["items"]["posts"][ask]["text"] == "Something unkind"
    assert host_updates(table.host)[-1]["items"]["hidden_posts"] == {ask: None, offer: None}


def test_authors_edit_and_delete_their_own_posts_only(table):
    (ann, _, _), (bob, _, _), _ = table.phones.values()
    ask = emit(ann, "post_ask", {"text": "Help"})["id"]
    assert refusal(emit(bob, "edit_post", {"id": ask, "text": "Mine now"})) == (
        "You can only change your own posts.")
    assert not emit(bob, "delete_post", {"id": ask})["ok"]
    assert emit(ann, "edit_post", {"id": ask, "text": "Help with VAT"})["ok"]
    assert updates(bob)[-1]["items"]["posts"][ask]["text"] == "Help with VAT"
    assert emit(ann, "delete_post", {"id": ask})["ok"]
    assert updates(bob)[-1]["items"]["posts"] == {ask: None}


def test_a_late_joiner_gets_the_whole_board(socketio_client, table):
    (ann, _, _), (bob, _, _), _ = table.phones.values()
    ask = emit(ann, "post_ask", {"text": "Help"})["id"]
    offer = emit(bob, "post_offer", {"kind": "help", "text": "Me", "ask": ask})["id"]
    _, ack = join(socketio_client, table.code, "Dan")
    snap = ack["snapshot"]
    assert set(snap["items"]["posts"]) == {ask, offer}
    assert snap["sections"]["board"] == {"asks": 1, "met": 0, "offers": 1}
    assert "hidden_posts" not in snap["items"]


@pytest.mark.parametrize(("event", "payload", "message"), [
    ("post_ask", {"text": "x" * 281}, "at most 280 characters"),
    ("post_ask", {"text": ""}, "required"),
    ("post_ask", {"text": 42}, "must be text"),
    ("post_offer", {"kind": "help", "text": "x", "link": "javascript:alert(1)"}, "http"),
    ("post_offer", {"kind": "bribe", "text": "x"}, "kind of offer"),
    ("post_offer", {"kind": "help", "text": "x", "ask": "gone"}, "no longer on the board"),
    ("take_offer", {"id": "gone", "taken": True}, "no longer on the board"),
    ("edit_post", {"id": "gone", "text": "x"}, "no longer on the board"),
])
def test_refusals_are_clear_and_change_nothing(table, event, payload, message):
    ann, _, _ = table.phones["Ann"]
    ack = emit(ann, event, payload)
    assert ack["ok"] is False and message in ack["error"]
    assert updates(ann) == []


def test_the_rate_limit_refuses_the_eleventh_post_in_a_minute(table):
    ann, _, _ = table.phones["Ann"]
    for i in range(RATE_LIMIT):
        assert emit(ann, "post_ask", {"text": f"Ask {i}"})["ok"]
    ack = emit(ann, "post_ask", {"text": "One too many"})
    assert ack["ok"] is False and "posting very fast" in ack["error"]
    assert emit(table.phones["Bob"][0], "post_ask", {"text": "Bob can still post"})["ok"]


def test_strangers_cannot_post_and_no_broadcast_carries_a_secret(socketio_client, table):
    stranger = socketio_client()
    assert emit(stranger, "post_ask", {"text": "Hi"}) == {"ok": False,
                                                          "error": "Join the event first."}
    (ann, _, token), (bob, _, _), _ = table.phones.values()
    ask = emit(ann, "post_ask", {"text": "Help"})["id"]
    emit(bob, "post_offer", {"kind": "help", "text": "Me", "ask": ask})
    seen = json.dumps([m["args"] for m in table.host.get_received()])
    assert token not in seen and table.host_key not in seen and "digest" not in seen
