"""Finding 14: the app's "own origin" came from the Host header with no list of names, so DNS
rebinding passed the origin check: a page of evil.example, its name re-pointed at the laptop,
was "same origin" with the event. Now only addresses and the app's known names are answered,
and scripts may connect only to the page's own origin."""

import pytest
import websocket

from .helpers import TIMEOUT

REBOUND = "evil.example"


def test_a_page_and_a_socket_addressed_to_another_name_are_refused(attacked_server, raw_http):
    port = attacked_server.port
    page = raw_http(attacked_server.url)
    page.head("GET", "/", Host=f"{REBOUND}:{port}")
    assert page.response()[0] == 400
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(
            f"ws://127.0.0.1:{port}/socket.io/?EIO=4&transport=websocket",
            host=f"{REBOUND}:{port}", origin=f"http://{REBOUND}:{port}", timeout=TIMEOUT,
            http_proxy_host=None)
    assert refused.value.status_code == 400


def test_the_laptops_own_addresses_are_answered(attacked_server, raw_http):
    port = attacked_server.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"192.168.1.20:{port}"):
        page = raw_http(attacked_server.url)
        page.head("GET", "/", Host=host)
        status, headers = page.response()
        assert status == 200
        assert f"connect-src 'self' ws://{host} wss://{host};" in headers[
            "content-security-policy"] + ";"
