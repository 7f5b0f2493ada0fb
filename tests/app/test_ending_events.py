"""Ending an event over the wire: only the host ends it, phones learn at once, the board stops
taking posts, and the follow-up page says until when it stays."""

from .helpers import join, open_table, refusal, updates


def test_only_the_host_ends_the_event_and_every_screen_hears_it(client, socketio_client):
    table = open_table(client, socketio_client)
    ann, _ = join(socketio_client, table.code, "Ann")
    refused = ann.emit("host", {"action": "end_event"}, callback=True)
    assert refusal(refused) == "Only the host can do that."
    ann.get_received()
    assert table.host.emit("host", {"action": "end_event"}, callback=True)["ok"]
    [delta] = updates(ann)
    room = delta["sections"]["room"]
    assert room["ended_at"] and room["kept_until"] - room["ended_at"] == 30 * 86400
    again = table.host.emit("host", {"action": "end_event"}, callback=True)
    assert refusal(again) == ENDED


def test_after_the_end_posting_refuses_with_a_clear_message(client, socketio_client):
    table = open_table(client, socketio_client)
    ann, _ = join(socketio_client, table.code, "Ann")
    table.host.emit("host", {"action": "end_event"}, callback=True)
    for event, payload in (("post_ask", {"text": "A designer"}),
                           ("post_offer", {"kind": "help", "text": "I can"}),
                           ("raise_hand", {})):
        assert refusal(ann.emit(event, payload, callback=True)) == ENDED
    late = socketio_client().emit("join", {"code": table.code, "name": "Dan"}, callback=True)
    assert late == {"ok": False, "error": ENDED}
    assert table.host.emit("host", {"action": "start"}, callback=True)["error"] == ENDED


def test_the_follow_up_page_says_until_when_it_stays(client, socketio_client):
    table = open_table(client, socketio_client)
    before = client.get(f"/j/{table.code}/me").get_data(as_text=True)
    assert "for 30 days after the host ends it" in before and "Back to the event" in before
    table.host.emit("host", {"action": "end_event"}, callback=True)
    after = client.get(f"/j/{table.code}/me").get_data(as_text=True)
    assert "The event has ended. This page stays" in after and "Back to the event" not in after
    assert "available until <strong>" in after


ENDED = "This event has ended: its board is read-only. Your follow-up page has everything."
