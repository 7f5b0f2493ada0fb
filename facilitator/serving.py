"""What a server process adds around the app (`server_app`, shared by `python -m facilitator`
and gunicorn's `facilitator.wsgi`): WebSocket frames go out uncompressed and without delay
(`listener`), the garbage collector pauses less, under eventlet waits for PostgreSQL let other
connections run, and payloads are not searched for bytes they never hold (`TextPacket`).

Browsers offer per-message compression on every WebSocket, and both servers we run on accept
it (eventlet's, and simple-websocket under gevent and threading). Then every broadcast is
compressed once per phone, not once per room, and each connection keeps its own zlib state: in a
room of 500 phones that was most of the server's CPU and memory (docs/benchmarks.md, change 1).
Node's socket.io turns it off by default for the same reason. WEBSOCKET_COMPRESSION=1 turns it
back on, for a venue where bandwidth is scarcer than CPU.
"""

import gc
import logging
import os
import socket
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import orjson
from socketio.packet import BINARY_EVENT, EVENT, Packet

if TYPE_CHECKING:
    from flask import Flask

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


# The event a client's packet that can't be read becomes, so its sender gets a refusal that
# counts against its connection's limits (events/malformed.py), not a traceback in the log.
MALFORMED_EVENT = "malformed"


class ClientJson:
    """orjson both ways. Reading, it parses without recursing in Python and refuses JSON nested
    deeper than 1,024 with a plain ValueError, where the standard decoder recursed until a
    RecursionError (issue 16.9). Writing, it embeds a snapshot already encoded as is
    (`orjson.Fragment`, events/snapshots.py), and is several times faster."""

    @staticmethod
    def dumps(data: Any, **_options: Any) -> str:  # python-socketio asks for compact separators
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS).decode()

    loads = staticmethod(orjson.loads)


class TextPacket(Packet):
    """A Socket.IO packet that never carries bytes, as none of ours do (they are all JSON), and
    reads a client's packet without trusting it.

    Before sending, python-socketio walks every value of every payload looking for bytes to send
    as attachments, which cost many times encoding the payload (docs/benchmarks.md, change 13).
    A client's binary event is still received as before; handlers refuse what is not the JSON
    they expect.

    A client's event that is not JSON, or nests deeper than orjson reads, failed inside the
    decoder, which logged a traceback per packet (megabytes a second from one connection): it
    becomes the event MALFORMED_EVENT, refused and counted like any other.
    """

    uses_binary_events = False
    json = ClientJson

    def decode(self, encoded_packet: Any) -> int:
        try:
            return int(super().decode(encoded_packet) or 0)
        except ValueError:  # what orjson.loads raises for anything it can't read
            if self.packet_type not in (EVENT, BINARY_EVENT):
                raise
            self.packet_type: int = EVENT
            self.data = [MALFORMED_EVENT]
            return 0


def without_websocket_compression(wsgi_app: WSGIApp) -> WSGIApp:
    """Drop the client's offer of extensions, so no WebSocket server negotiates compression."""
    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        environ.pop("HTTP_SEC_WEBSOCKET_EXTENSIONS", None)
        return wsgi_app(environ, start_response)
    return app


def server_app(async_mode: str) -> "Flask":
    """The app as a server process serves it, in `async_mode` (already patched for): the one
    start-up of `python -m facilitator` and `facilitator.wsgi`."""
    from . import create_app

    if async_mode == "eventlet":
        green_postgres()
    app = create_app({"ASYNC_MODE": async_mode})
    if async_mode == "eventlet":
        faster_eventlet_unmasking()
    log_to_console()
    if not app.config["WEBSOCKET_COMPRESSION"]:
        app.wsgi_app = without_websocket_compression(  # type: ignore[method-assign,assignment]
            app.wsgi_app)
    quieter_gc()
    return app


def listener(host: str, port: int) -> socket.socket:
    """A listening socket whose connections send every packet at once (TCP_NODELAY; accepted
    connections inherit it).

    Otherwise Nagle's algorithm holds a small write back until the previous one is acknowledged,
    and the other end delays its acknowledgements: a host's acknowledgement, which follows the
    room's update on the same connection, waited for that delay after every "next"
    (docs/benchmarks.md, change 15). gunicorn and Node's ws set it too. Call after
    monkey-patching, so eventlet or gevent get a socket of their own.
    """
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    sock = socket.create_server((host, port), family=family, backlog=1024)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def green_postgres() -> None:
    """Under eventlet, wait for PostgreSQL with select(), which eventlet patches.

    psycopg's default wait is in C, where eventlet cannot switch greenlets: each query would stop
    every connection of the process until the database answered. (psycopg detects gevent's
    patching itself.) Call after monkey-patching, before psycopg is imported.
    """
    if "psycopg" not in sys.modules:
        os.environ.setdefault("PSYCOPG_WAIT_FUNC", "wait_select")


def unmask(data: bytes, mask: Sequence[int], length: int | None = None,
           offset: int = 0) -> bytes:
    """A WebSocket frame's bytes XORed with the client's 4-byte `mask`, starting `offset` bytes
    into the frame: eventlet's `_apply_mask`, as one XOR of two integers."""
    length = len(data) if length is None else length
    key = bytes(mask[(offset + i) % 4] for i in range(4))
    repeated = (key * (length // 4 + 1))[:length]
    xored = int.from_bytes(data[:length], "little") ^ int.from_bytes(repeated, "little")
    return xored.to_bytes(length, "little")


def faster_eventlet_unmasking() -> None:
    """eventlet's WebSocket unmasks what clients send one byte per Python step, so a message at
    MAX_MESSAGE_BYTES cost the server more than a whole ordinary change before it was even
    read, and one connection sending them at the allowed rate took most of a core (issue 16.1;
    docs/benchmarks.md, "What one message can cost"). `unmask` does the same XOR in C. Call
    once the app exists (Socket.IO has then loaded eventlet's WebSocket for this mode; nothing
    here imports eventlet)."""
    websocket = sys.modules.get("eventlet.websocket")
    if websocket is not None:
        websocket.RFC6455WebSocket._apply_mask = staticmethod(unmask)


def log_to_console() -> None:
    """The app's log (the access log among it, facilitator/access_log.py) on standard error,
    unless the server (gunicorn's --log-config, say) set up logging already. Werkzeug's own
    request log, which writes whole paths and query strings, stays quiet."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: "
                                                   "%(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


def quieter_gc() -> None:
    """Fewer full garbage collections: each walks every object alive, and no phone is served
    meanwhile. A change to a room of 500 allocates thousands of objects, so with Python's
    defaults a full collection came every few dozen presses, each a slow press for every phone
    (docs/benchmarks.md, change 6). Everything loaded at start-up is frozen out of collections,
    and the young generation is collected every 50,000 allocations instead of 700, for a little
    more memory per connection. Call once the app is built, before serving.
    """
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)
