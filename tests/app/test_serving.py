"""The server's listening socket: connections it accepts send each packet at once."""

import socket

import pytest

from facilitator.serving import listener


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
