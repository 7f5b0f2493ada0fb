"""A test screen that reconnects by itself and records each connection, for crash and storm
tests; the `screens` fixture closes every one, even when a test fails half way."""

import socket

from .helpers import Screen

RECONNECT_TIMEOUT = 30  # a restart plus python-socketio's backoff, on a busy machine
BROWSER_PING_TIMEOUT = 20  # Flask-SocketIO's default ping timeout, which browsers honour


class Reconnecting(Screen):
    """A screen that counts its connections and keeps the last snapshot the server sent it
    (with its tables' in `tables`)."""

    def __init__(self, *args, **kwargs) -> None:
        self.sids: set[str] = set()
        self.sockets: set = set()
        self.welcomed: dict | None = None
        super().__init__(*args, **kwargs)

    @property
    def connects(self) -> int:
        return len(self.sids)

    def _watch(self) -> None:
        # Also called to refill a gap on the same connection: count connections by their sid.
        self.sids.add(self.sio.get_sid())
        eio = self.sio.eio
        if eio.ws is not None:
            self.sockets.add(eio.ws)
        # Wait for a late server ping as long as a browser does (interval + timeout) rather
        # than python-engineio's 5 s of grace, which a busy test machine easily overruns.
        eio.ping_timeout = max(eio.ping_timeout, eio.ping_interval + BROWSER_PING_TIMEOUT)
        super()._watch()

    def close(self) -> None:
        super().close()
        self.sio.shutdown()  # also ends a reconnection still in progress
        for ws in self.sockets:  # python-engineio leaves a WebSocket that broke open
            ws.shutdown()

    def _welcome(self, ack: dict) -> None:
        if ack.get("ok"):
            self.welcomed = {**ack["snapshot"], "tables": ack.get("tables", {})}
        super()._welcome(ack)


def drop(screen: Reconnecting) -> None:
    """Cut the screen's TCP connection under its WebSocket, like a network that goes away: no
    goodbye is sent, so python-socketio reconnects by itself, as a browser would."""
    screen.sio.eio.ws.sock.shutdown(socket.SHUT_RDWR)
