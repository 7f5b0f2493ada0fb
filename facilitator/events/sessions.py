"""The session a Socket.IO event sees, without opening the cookie session again, and the
routing of its request: none once the connection is open, a route without a page before.

Flask-SocketIO keeps each connection's session apart (a copy of the cookie session made when
it connects, kept with the connection), and hands it to every handler. But Flask opens the
cookie session for each event first, checking its signature, only for that to be replaced: a
good part of what a table's "next" cost the app (docs/benchmarks.md, "One read per press").
So a request that is a connection's event gets the session kept with it."""

from typing import NoReturn

from flask import Flask, Request, Response, abort
from flask.sessions import SecureCookieSessionInterface, SessionInterface, SessionMixin
from werkzeug.routing import MapAdapter

# Where Flask-SocketIO keeps a connection's session, in the connection's WSGI environ, from
# its first event (connecting) on.
KEPT = "saved_session"
# Where the Socket.IO server listens (Flask-SocketIO's default path), and the name of the route
# that gives a connection's first event a match (`init_app`).
SOCKET_IO_PATH, SOCKET_IO_ENDPOINT = "/socket.io/", "socket_io"


class App(Flask):
    """Flask, except that the events of an open Socket.IO connection are routed nowhere.

    Flask-SocketIO handles each event inside a request context made from its connection's
    request, and Flask binds the routes to it and matches them for every one: about as much as
    the rest of the context together, on each press of each phone (docs/benchmarks.md,
    "Routing no event"). No handler uses a route (no `url_for`: links in messages are built
    from the public address), so from the connection's first event on, which keeps its session
    in the environ, there is nothing to bind.
    """

    def create_url_adapter(self, request: Request | None) -> MapAdapter | None:
        if request is not None and KEPT in request.environ:
            return None
        return super().create_url_adapter(request)


class SocketSessions(SessionInterface):
    """Cookie sessions for pages; a Socket.IO event's, the one its connection keeps."""

    def __init__(self) -> None:
        self.cookies = SecureCookieSessionInterface()

    def open_session(self, app: Flask, request: Request) -> SessionMixin | None:
        kept: SessionMixin | None = request.environ.get(KEPT)
        return kept if kept is not None else self.cookies.open_session(app, request)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        self.cookies.save_session(app, session, response)


def init_app(app: Flask) -> None:
    app.session_interface = SocketSessions()
    # Flask matches a connection's first event (`App`) against the routes. With no route
    # there, it raised NotFound and kept it with the request: a cycle, through its traceback,
    # that held the event's payload until the next garbage collection. Under a flood of the
    # largest messages, one such collection in the middle of an honest post was its slowest
    # moment (docs/benchmarks.md, "Under attack"). One rule for connections polling over HTTP,
    # one for WebSockets (a rule matches one kind or the other). Requests under this path go
    # to the Socket.IO server before Flask routes anything; only the path without its final
    # slash reaches a page, and there is none.
    for websocket in (False, True):
        app.add_url_rule(SOCKET_IO_PATH, endpoint=SOCKET_IO_ENDPOINT, view_func=_no_page,
                         strict_slashes=False, methods=["GET"] if websocket else ["GET", "POST"],
                         websocket=websocket)


def _no_page() -> NoReturn:
    abort(404)
