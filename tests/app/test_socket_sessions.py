"""A Socket.IO event uses the session its connection keeps, without opening the cookie session
again, and once its connection is open its request is routed nowhere
(facilitator/events/sessions.py); pages still open their session and are routed. Its request
leaves nothing behind for the garbage collector."""

import gc

import pytest
from flask import request
from flask.ctx import RequestContext
from flask.sessions import SecureCookieSessionInterface
from werkzeug.routing import Map

from .helpers import join, open_table


def test_an_event_uses_its_connections_session_and_opens_no_cookie(
        client, socketio_client, monkeypatch):
    table = open_table(client, socketio_client)
    phone, ack = join(socketio_client, table.code, "Ann")
    opened = recorded(monkeypatch, SecureCookieSessionInterface, "open_session",
                      lambda self, app, request: request.path)
    # The phone's session (who it is, in which event) carries from event to event.
    for _ in range(3):
        assert phone.emit("sync", {}, callback=True)["ok"]
    posted = phone.emit("post_ask", {"text": "A bike mechanic"}, callback=True)
    assert posted["ok"] and opened == []
    assert client.get("/").status_code == 200 and opened == ["/"]


def recorded(monkeypatch, owner, name, seen):
    """Each call of `owner.name` from here on, as `seen` of its arguments, in a list."""
    calls = []
    original = getattr(owner, name)

    def spy(*args, **kwargs):
        calls.append(seen(*args, **kwargs))
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, spy)
    return calls


@pytest.fixture
def garbage():
    """What the garbage collector finds unreachable from here on, kept in `gc.garbage`."""
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    yield gc.garbage
    gc.set_debug(0)
    gc.garbage.clear()


def test_an_event_leaves_no_cycle_holding_its_payload(client, socketio_client, garbage):
    """A refused 32 KB message was kept alive in a cycle (the NotFound Flask raised for its
    request, and its traceback's frames) until a collection, which under a flood of them took
    20 ms in the middle of an honest post."""
    table = open_table(client, socketio_client)
    phone, _ = join(socketio_client, table.code, "Ann")
    interests = [f"interest number {n}" for n in range(1_000)]
    for _ in range(5):
        assert not phone.emit("profile", {"name": "Ann", "interests": interests},
                              callback=True)["ok"]
    gc.collect()
    held = [o for o in garbage if isinstance(o, list) and o == interests]
    requests = [o for o in garbage if isinstance(o, RequestContext)]
    assert held == [] and requests == []


@pytest.mark.parametrize("headers", [{}, {"Upgrade": "websocket", "Connection": "Upgrade"}],
                         ids=["polling", "websocket"])
def test_the_request_of_every_kind_of_connection_matches_a_route(app, headers):
    with app.test_request_context("/socket.io/?EIO=4&transport=websocket", headers=headers):
        assert request.routing_exception is None


def test_events_after_connecting_are_routed_nowhere_and_pages_are(
        client, socketio_client, monkeypatch):
    table = open_table(client, socketio_client)
    phone, _ = join(socketio_client, table.code, "Ann")
    bound = recorded(monkeypatch, Map, "bind_to_environ",
                     lambda self, environ, **_: environ["PATH_INFO"])
    for _ in range(3):
        assert phone.emit("sync", {}, callback=True)["ok"]
    assert bound == []
    # A page still is, and the Socket.IO path, which only the path without its slash reaches
    # as a page, is none.
    assert client.get("/").status_code == 200 and bound == ["/"]
    assert client.get("/socket.io").status_code == 404
