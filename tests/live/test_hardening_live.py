"""Hardening on a real server: the expiry sweep, origins and message size on real WebSockets."""

import threading

import pytest
import requests
import socketio
import websocket

from .helpers import TIMEOUT, Screen, create_room, engine_io_websocket


def test_the_background_sweep_deletes_an_idle_room_and_tells_its_screens(live_server):
    # A TTL of about two seconds, swept every second.
    server = live_server(extra_env={"ROOM_TTL_HOURS": "0.0006",
                                    "HOUSEKEEPING_INTERVAL_SECONDS": "1"})
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)
    notice: list[dict] = []
    told = threading.Event()
    host.sio.on("room_deleted", lambda data: (notice.append(data), told.set()))
    assert told.wait(timeout=30), "the idle room was never swept"
    assert notice[0]["code"] == code and "deleted" in notice[0]["message"]
    gone = requests.get(f"{server.url}/j/{code}", timeout=TIMEOUT,
                        proxies={"http": "", "https": ""})
    assert gone.status_code == 404
    host.close()


def connect(url: str, **kwargs) -> socketio.Client:
    client = socketio.Client(reconnection=False)
    client.connect(url, transports=["websocket"], wait_timeout=TIMEOUT, **kwargs)
    return client


def websocket_handshake(url: str, origin: str) -> str:
    """Open a raw Engine.IO WebSocket with exactly this Origin; returns its first packet."""
    ws = engine_io_websocket(url, origin=origin)
    try:
        return ws.recv()
    finally:
        ws.close()


def test_websockets_from_other_origins_are_refused(live_server):
    server = live_server(extra_env={"ALLOWED_ORIGINS": "https://screens.example"})
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket_handshake(server.url, "https://evil.example")
    assert refused.value.status_code == 400
    for origin in (server.url, "https://screens.example"):
        assert websocket_handshake(server.url, origin).startswith("0{")  # Engine.IO "open"


@pytest.mark.parametrize("mode", ["eventlet", "gevent", "threading"])
def test_a_websocket_closed_by_its_screen_ends_its_connection(live_server, mode):
    """A phone's tab closing sends a WebSocket close. The server closes the connection then,
    well before SOCKET_TIMEOUT_SECONDS (60 by default) would. (Its answering close may not
    come first: under threading, simple-websocket sends it from a thread of its own, which may
    find the connection shut already.)"""
    server = live_server(extra_env={"ASYNC_MODE": mode})
    ws = engine_io_websocket(server.url)
    try:
        assert ws.recv().startswith("0{")  # Engine.IO's "open"
        ws.send_close()
        while ws.sock.recv(4096):  # TimeoutError if the server keeps it open
            pass
    finally:
        ws.shutdown()


def test_an_oversized_message_closes_only_its_own_connection(live_server):
    server = live_server(extra_env={"MAX_MESSAGE_BYTES": "20000"})
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)
    hog = connect(server.url)
    dropped = threading.Event()
    hog.on("disconnect", lambda *reason: dropped.set())
    hog.emit("join", {"code": code, "name": "x" * 50_000})
    assert dropped.wait(timeout=TIMEOUT)
    hog.eio.ws.shutdown()  # python-engineio leaves a WebSocket the server closed open
    assert host.call("host", {"action": "shuffle"})["ok"]  # everyone else carries on
    host.close()
