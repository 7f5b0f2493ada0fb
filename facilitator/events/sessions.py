"""The session a Socket.IO event sees, without opening the cookie session again.

Flask-SocketIO keeps each connection's session apart (a copy of the cookie session made when
it connects, kept with the connection), and hands it to every handler. But Flask opens the
cookie session for each event first, checking its signature, only for that to be replaced:
about a tenth of what a table's "next" costs the app (docs/benchmarks.md, "One read per
press"). So a request that is a connection's event gets the session kept with it."""

from flask import Flask, Request, Response
from flask.sessions import SecureCookieSessionInterface, SessionInterface, SessionMixin

# Where Flask-SocketIO keeps a connection's session, in the connection's WSGI environ.
KEPT = "saved_session"


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
