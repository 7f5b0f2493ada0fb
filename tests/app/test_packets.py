"""Socket.IO packets are sent as text without searching payloads for bytes (serving.TextPacket),
and a client's binary event still reaches a handler that refuses it clearly."""

import logging

from socketio.packet import EVENT

from facilitator.extensions import socketio
from facilitator.payloads.base import MALFORMED
from facilitator.security import TOO_FAST, EventLimits
from facilitator.serving import MALFORMED_EVENT, TextPacket


def test_the_server_sends_text_packets(app):
    assert socketio.server.packet_class is TextPacket
    packet = TextPacket(data=["room_update", {"sections": {"order": {"pids": ["a"] * 500}}}])
    assert packet.encode().startswith('2["room_update",')


def test_a_binary_event_gets_a_clear_refusal(app):
    phone = socketio.test_client(app)
    assert phone.emit("watch", b"\x00\x01", callback=True) == {
        "ok": False, "error": "That message was malformed."}
    ack = phone.emit("watch", {"code": b"\x00"}, callback=True)
    assert ack["ok"] is False and "no event with that code" in ack["error"]


def test_a_message_too_deep_or_not_json_is_read_as_the_malformed_event_without_recursing():
    """orjson refuses nesting deeper than 1,024 without recursing in Python; the packet keeps
    its acknowledgement id, so the sender gets an answer."""
    for payload in ("[" * 50_000 + "]" * 50_000, '{"code": ', "NaN"):
        packet = TextPacket(encoded_packet=f'27["watch",{payload}]')
        assert (packet.packet_type, packet.id, packet.data) == (EVENT, 7, [MALFORMED_EVENT])
    readable = TextPacket(encoded_packet='27["watch",{"code":"ABC"}]')
    assert readable.data == ["watch", {"code": "ABC"}]


def test_malformed_messages_are_refused_counted_and_logged_once_per_connection(
        app, caplog):
    app.extensions["event_limits"] = EventLimits({**app.config, "RATELIMIT_ENABLED": True,
                                                  "RATELIMIT_SOCKET_EVENTS": "5 per minute"})
    flooder, other = socketio.test_client(app), socketio.test_client(app)
    with caplog.at_level(logging.WARNING):
        acks = [flooder.emit(MALFORMED_EVENT, callback=True) for _ in range(8)]
        other.emit(MALFORMED_EVENT, callback=True)
    assert [ack["error"] for ack in acks] == [MALFORMED] * 5 + [TOO_FAST] * 3
    logged = [r for r in caplog.records if "not JSON or nests too deep" in r.getMessage()]
    assert len(logged) == 2  # one per connection, however many it sends
    assert not any(r.exc_info for r in caplog.records)
