"""The session a Socket.IO event sees, without opening the cookie session again, and a route
its request matches.

Flask-SocketIO keeps each connection's session apart (a copy of the cookie session made when
it connects, kept with the connection), and hands it to every handler. But Flask opens the
cookie session for each event first, checking its signature, only for that to be replaced: a
good part of what a table's "next" cost the app (docs/benchmarks.md, "One read per press").
So a request that is a connection's event gets the session kept with it."""

from flask import Flask, Request, Response
from flask.sessions import SecureCookieSessionInterface, SessionInterface, SessionMixin

# Where Flask-SocketIO keeps a connection's session, in the connection's WSGI environ.
KEPT = "saved_session"
# Where the Socket.IO server listens (Flask-SocketIO's default path), and the name of the route
# that only gives its events' requests a match (`init_app`).
SOCKET_IO_PATH, SOCKET_IO_ENDPOINT = "/socket.io/", "socket_io"


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
    # Flask matches each event's request (its connection's, to the Socket.IO path) against the
    # routes. With no route there, every event raised NotFound and kept it with the request: a
    # cycle, through its traceback, that held the event's payload until the next garbage
    # collection. Under a flood of the largest messages, one such collection in the middle of
    # an honest post was its slowest moment (docs/benchmarks.md, "Under attack"). Requests to
    # this path go to the Socket.IO server before Flask routes anything, so the rules have no
    # view: one for connections polling over HTTP, one for WebSockets (a rule matches one kind
    # or the other).
    for websocket in (False, True):
        app.add_url_rule(SOCKET_IO_PATH, endpoint=SOCKET_IO_ENDPOINT, strict_slashes=False,
                         methods=["GET"] if websocket else ["GET", "POST"], websocket=websocket)
