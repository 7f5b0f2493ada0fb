"""The server's listening socket: connections it accepts send each packet at once."""

import socket

import pytest

from facilitator.serving import listener, unmask


def test_accepted_connections_send_without_nagles_delay():
    server = listener("127.0.0.1", 0)
    try:
        client = socket.create_connection(server.getsockname())
        accepted, _ = server.accept()
        with client, accepted:
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        server.close()


def test_it_listens_on_ipv6_loopback_too():
    try:
        server = listener("::1", 0)
    except OSError as exc:
        pytest.skip(f"this machine has no IPv6 loopback: {exc}")
    with server:
        assert server.family == socket.AF_INET6


@pytest.mark.parametrize("offset", [0, 1, 2, 3, 5, 4096])
@pytest.mark.parametrize("size", [0, 1, 3, 4, 7, 1000])
def test_unmasking_gives_what_eventlets_own_gives(size, offset):
    from eventlet.websocket import RFC6455WebSocket  # imported by a test only, as a reference

    data = bytes((i * 37 + 11) % 256 for i in range(size + 9))
    mask = (0x12, 0xF0, 0x00, 0xAB)
    original = RFC6455WebSocket.__dict__["_apply_mask"].__func__
    for length in (None, size):
        assert unmask(data[:size], mask, length, offset) == original(data[:size], mask, length,
                                                                      offset)
    assert unmask(unmask(data, mask), mask) == data
