"""`python -m facilitator`: serve the app on HOST:PORT with the configured async mode.

The only module (with gunicorn's worker) that knows about eventlet or gevent: their
monkey-patching must happen before anything else is imported, so it is done here, first, in the
mode `config.async_mode` reads; everything else is read with the app, after.
"""

from typing import TYPE_CHECKING

from .config import async_mode

if TYPE_CHECKING:
    import socket

    from .serving import WSGIApp

ASYNC_MODE = async_mode()

if ASYNC_MODE == "eventlet":
    import eventlet

    eventlet.monkey_patch()
elif ASYNC_MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()


def main() -> None:
    from .serving import listener, server_app

    app = server_app(ASYNC_MODE)
    host, port = app.config["HOST"], app.config["PORT"]
    sock = listener(host, port)
    print(f"Facilitator on http://{host}:{port} (async mode: {ASYNC_MODE})", flush=True)
    serve(app, sock, max_connections=app.config["MAX_CONNECTIONS"],
          timeout=app.config["SOCKET_TIMEOUT_SECONDS"],
          keepalive=app.config["KEEPALIVE_SECONDS"])


def serve(app: "WSGIApp", sock: "socket.socket", *, max_connections: int, timeout: float,
          keepalive: float) -> None:
    """The WSGI server `socketio.run` picks for this mode, on our own listening socket.

    Each closes connections as eventlet's does (issue 16.4): one waiting for a request, new or
    between two, after `keepalive` seconds (Werkzeug serves one request per connection and
    waits `timeout` for it); one that stops sending in the middle of a request, or a silent
    WebSocket, after `timeout` (WebSockets hear from every screen at least every
    PING_INTERVAL_SECONDS, so `timeout` must be longer); and one whose WebSocket has ended at
    once. gevent's and Werkzeug's servers would otherwise keep that last one, with its greenlet
    or thread, waiting for a next request that never comes, and a client that closed politely
    would wait for that end too.
    """
    if ASYNC_MODE == "eventlet":
        import eventlet.wsgi

        eventlet.wsgi.server(sock, app, log_output=False, max_size=max_connections,
                             socket_timeout=timeout, keepalive=keepalive)
    elif ASYNC_MODE == "gevent":
        from gevent import pywsgi

        pywsgi.WSGIServer(sock, app, log=None,
                          handler_class=_gevent_handler(timeout, keepalive)).serve_forever()
    else:
        from werkzeug.serving import make_server

        host, port = sock.getsockname()[:2]
        make_server(host, port, app, threaded=True, fd=sock.fileno(),
                    request_handler=_werkzeug_handler(timeout)).serve_forever()


# How long a thread waits, after a WebSocket, for its client to shut the connection (Werkzeug).
LINGER_SECONDS = 2.0


def _gevent_handler(timeout: float, keepalive: float) -> type:
    from gevent import pywsgi

    class TimedHandler(pywsgi.WSGIHandler):
        """Times connections as eventlet does, where a `keepalive` of 0 means one request per
        connection (a timeout of 0 would make the socket non-blocking)."""

        def read_requestline(self) -> str:
            self.socket.settimeout(keepalive or timeout)  # waiting for a request
            line: str = super().read_requestline()
            self.socket.settimeout(timeout)  # a request has begun
            return line

        def handle_one_response(self) -> None:
            super().handle_one_response()
            if not keepalive or _was_websocket(self.environ):
                self.close_connection = True

    return TimedHandler


def _werkzeug_handler(timeout: float) -> type:
    import socket

    from werkzeug.serving import WSGIRequestHandler

    class TimedRequestHandler(WSGIRequestHandler):
        def connection_dropped(self, error: BaseException,
                               environ: dict | None = None) -> None:
            """The connection is done, and so is a WebSocket on it (simple-websocket's way to
            end one). After a WebSocket, the client may still send its answer to the server's
            closing frame, and a socket closed with data unread resets the connection, which
            may lose what the client had not read yet. So this side is shut, and the socket
            read until the client shuts its own (clients wait for the server to go first), for
            at most LINGER_SECONDS."""
            self.close_connection = True
            if environ is None or not _was_websocket(environ):
                return
            try:
                self.connection.shutdown(socket.SHUT_WR)
                self.connection.settimeout(LINGER_SECONDS)
                while self.connection.recv(4096):
                    pass
            except OSError:
                pass

    TimedRequestHandler.timeout = timeout  # http.server's own: set on each connection
    return TimedRequestHandler


def _was_websocket(environ: dict) -> bool:
    """Whether the request asked to become a WebSocket."""
    return bool(environ.get("HTTP_UPGRADE", "").lower() == "websocket")


main()
