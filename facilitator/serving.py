"""What a server process adds around the app: WebSocket frames go out uncompressed and without
delay (`listener`), the garbage collector pauses less, under eventlet waits for PostgreSQL let
other connections run, and payloads are not searched for bytes they never hold (`TextPacket`).

Browsers offer per-message compression on every WebSocket, and both servers we run on accept
it (eventlet's, and simple-websocket under gevent and threading). Then every broadcast is
compressed once per phone, not once per room, and each connection keeps its own zlib state
(about 300 KiB). Measured in a room of 500 phones, that was most of the server's CPU and memory
(docs/benchmarks.md). Node's socket.io turns it off by default for the same reason.
WEBSOCKET_COMPRESSION=1 turns it back on, for a venue where bandwidth is scarcer than CPU.
"""

import gc
import os
import socket
import sys
from collections.abc import Callable, Iterable

from socketio.packet import Packet

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


class TextPacket(Packet):
    """A Socket.IO packet that never carries bytes, as none of ours do (they are all JSON).

    Before sending, python-socketio walks every value of every payload looking for bytes to send
    as attachments: 6.8 ms for a phone's snapshot in a room of 500 (150 KB), against 0.3 ms to
    encode it, and 1-2 ms for the host's airtime figures on every "next". A client's binary event
    is still received as before; handlers refuse what is not the JSON they expect.
    """

    uses_binary_events = False


def without_websocket_compression(wsgi_app: WSGIApp) -> WSGIApp:
    """Drop the client's offer of extensions, so no WebSocket server negotiates compression."""
    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        environ.pop("HTTP_SEC_WEBSOCKET_EXTENSIONS", None)
        return wsgi_app(environ, start_response)
    return app


def compression_wanted() -> bool:
    return os.environ.get("WEBSOCKET_COMPRESSION", "").lower() in ("1", "true", "yes", "on")


def prepare(app):
    """The Flask app as a server process serves it (`python -m facilitator`, gunicorn)."""
    if not compression_wanted():
        app.wsgi_app = without_websocket_compression(app.wsgi_app)
    return app


def listener(host: str, port: int) -> socket.socket:
    """A listening socket whose connections send every packet at once (TCP_NODELAY; accepted
    connections inherit it).

    Otherwise Nagle's algorithm holds a small write back until the previous one is acknowledged,
    and the other end delays its acknowledgements (40 ms on Linux, up to 200 ms on some phones):
    a host's acknowledgement, which follows the room's update on the same connection, came 44 ms
    after pressing "next" at a table, 1 ms without the hold. gunicorn and Node's ws set it too.
    Call after monkey-patching, so eventlet or gevent get a socket of their own.
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


def quieter_gc() -> None:
    """Fewer full garbage collections: each walks every object alive, and no phone is served
    meanwhile (about 100 ms with 500 connections). Python starts one every ~70,000 allocations;
    a change to a room of 500 makes thousands, so it came every ~20 presses. Everything loaded at
    start-up is frozen out of collections, and the young generation is collected every 50,000
    allocations instead of 700. Measured in a room of 500: "next turn" p99 127-164 -> 49-85 ms,
    for 15% more memory per connection. Call once the app is built, before serving.
    """
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)
