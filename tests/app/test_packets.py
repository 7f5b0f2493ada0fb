"""Socket.IO packets are sent as text without searching payloads for bytes (serving.TextPacket),
and a client's binary event still reaches a handler that refuses it clearly."""

from facilitator.extensions import socketio
from facilitator.serving import TextPacket


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
