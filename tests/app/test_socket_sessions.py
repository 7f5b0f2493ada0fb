"""A Socket.IO event uses the session its connection keeps, without opening the cookie session
again (facilitator/events/sessions.py); pages still open theirs."""

from flask.sessions import SecureCookieSessionInterface

from .helpers import join, open_table


def test_an_event_uses_its_connections_session_and_opens_no_cookie(
        client, socketio_client, monkeypatch):
    table = open_table(client, socketio_client)
    phone, ack = join(socketio_client, table.code, "Ann")
    opened = []
    open_cookie = SecureCookieSessionInterface.open_session
    monkeypatch.setattr(SecureCookieSessionInterface, "open_session",
                        lambda self, app, request: opened.append(request.path)
                        or open_cookie(self, app, request))
    # The phone's session (who it is, in which event) carries from event to event.
    for _ in range(3):
        assert phone.emit("sync", {}, callback=True)["ok"]
    posted = phone.emit("post_ask", {"text": "A bike mechanic"}, callback=True)
    assert posted["ok"] and opened == []
    assert client.get("/").status_code == 200 and opened == ["/"]
