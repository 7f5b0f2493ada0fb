"""Finding 4: slow and idle connections were never closed; half-sent requests held connections
forever, and enough of them starved the server. Now every async mode's WSGI server closes a
connection that sends nothing for SOCKET_TIMEOUT_SECONDS, and Engine.IO drops a screen that
doesn't answer its pings. (Short settings here, so the test waits seconds, not minutes.)"""

import time

import pytest
import websocket

from tests.live.helpers import engine_io_websocket

from .helpers import Screen, create_room

SETTINGS = {"SOCKET_TIMEOUT_SECONDS": "3", "KEEPALIVE_SECONDS": "1",
            "PING_INTERVAL_SECONDS": "1", "PING_TIMEOUT_SECONDS": "1"}


@pytest.mark.parametrize("mode", ["eventlet", "gevent", "threading"])
def test_half_sent_requests_and_silent_sockets_are_closed_and_screens_stay(live_server,
                                                                           raw_http, mode):
    server = live_server(extra_env={"ASYNC_MODE": mode, **SETTINGS})
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)
    connects = []
    host.sio.on("connect", lambda: connects.append(1))
    half = raw_http(server.url)
    half.send(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # and never the rest
    idle = raw_http(server.url)
    idle.head("GET", "/healthz")
    assert idle.response()[0] == 200  # then nothing more
    silent = engine_io_websocket(server.url)
    assert silent.recv().startswith("0{")  # Engine.IO's "open"; its pings go unanswered
    assert half.closed_by_server()
    assert idle.closed_by_server()
    with pytest.raises(websocket.WebSocketException):
        for _ in range(20):  # its pings, then the close
            silent.recv()
    silent.close()
    # A screen that answers its pings stays connected through many timeouts.
    time.sleep(2 * float(SETTINGS["SOCKET_TIMEOUT_SECONDS"]))
    assert host.sio.connected and not connects
    assert host.call("host", {"action": "shuffle", "args": {}})["ok"]
    host.close()


# Werkzeug serves one request per connection. A keep-alive of 0 means that in eventlet and gevent.
@pytest.mark.parametrize(("mode", "keepalive"), [("eventlet", "1"), ("gevent", "1"),
                                                 ("gevent", "0")])
def test_a_connection_idle_after_a_request_is_closed_after_the_keepalive(live_server, raw_http,
                                                                         mode, keepalive):
    """A browser's spare connection holds a greenlet for KEEPALIVE_SECONDS, not for the minute
    of SOCKET_TIMEOUT_SECONDS; a request that has begun has the whole socket timeout."""
    server = live_server(extra_env={"ASYNC_MODE": mode, "KEEPALIVE_SECONDS": keepalive})
    connection = raw_http(server.url)
    time.sleep(0.5)  # a phone's request line comes after the connection, sometimes well after
    connection.send(f"GET /healthz HTTP/1.1\r\nHost: {connection.host}\r\n".encode())
    time.sleep(2)  # the rest of the headers, later than the keep-alive
    connection.send(b"\r\n")
    assert connection.response()[0] == 200
    assert connection.closed_by_server()  # within the test's TIMEOUT, 10 s
