"""A restarted server resumes the round from the database: SQLite by default, or PostgreSQL."""

import pytest

from facilitator import create_app
from facilitator.extensions import socketio
from facilitator.room_service import change_room

from .helpers import create_room


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/events.db"
    return request.getfixturevalue("postgres_url")


def make_app(database_url: str):
    return create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "t",
                       "PUBLIC_URL": "http://127.0.0.1:5000", "WTF_CSRF_ENABLED": False})


def test_a_new_server_on_the_same_database_resumes_the_round(database_url):
    first = make_app(database_url)
    code, key = create_room(first.test_client(), turn_seconds=45)
    host = socketio.test_client(first)
    host.emit("watch", {"code": code, "host_key": key}, callback=True)
    phones = [socketio.test_client(first) for _ in range(3)]
    joined = [p.emit("join", {"code": code, "name": f"P{i}"}, callback=True)
              for i, p in enumerate(phones)]
    for action in ("start", "next", "pause"):
        assert host.emit("host", {"action": action}, callback=True)["ok"]
    before = host.emit("watch", {"code": code, "host_key": key}, callback=True)["snapshot"]
    for c in [host, *phones]:
        c.disconnect()
    first.extensions["room_store"].engine.dispose()

    second = make_app(database_url)
    phone = socketio.test_client(second)
    ack = phone.emit("watch", {"code": code, "token": joined[1]["token"]}, callback=True)
    assert ack["ok"] and ack["me"] == joined[1]["me"]
    after = ack["snapshot"]
    assert after["version"] == before["version"]
    shared = {k: v for k, v in before["sections"].items() if k != "generosity"}  # host's only
    assert after["sections"] == shared and after["items"]["airtime"] == before["items"]["airtime"]
    turns = after["sections"]["turns"]
    assert turns["current"] == joined[1]["me"] and turns["status"] == "paused"
    assert after["sections"]["order"]["pids"] == [j["me"] for j in joined]
    phone.disconnect()
    second.extensions["room_store"].engine.dispose()


def test_two_servers_changing_one_room_in_turn_build_on_each_other(database_url):
    """Each server keeps the room it saved last; when the other saved since, its versioned save
    fails and it starts over from the database, so no change is lost or applied twice. Nor is
    one refused, or answered, on the state the other server has moved on from."""
    apps = [make_app(database_url), make_app(database_url)]
    code, key = create_room(apps[0].test_client())
    hosts = [socketio.test_client(app) for app in apps]
    for host in hosts:
        assert host.emit("watch", {"code": code, "host_key": key}, callback=True)["ok"]
    for i in range(3):
        phone = socketio.test_client(apps[i % 2])
        assert phone.emit("join", {"code": code, "name": f"P{i}"}, callback=True)["ok"]
    acks = [hosts[i % 2].emit("host", {"action": action}, callback=True)
            for i, action in enumerate(["start", "next", "next", "pause", "resume", "pause"])]
    assert [ack["version"] for ack in acks] == list(range(acks[0]["version"],
                                                          acks[0]["version"] + 6))
    with apps[0].app_context():  # changes nothing, so it reads what the other server saved
        assert change_room(code, lambda room, at: room.turns.status)[1] == "paused"
    for host in hosts:
        turns = host.emit("watch", {"code": code, "host_key": key}, callback=True)[
            "snapshot"]["sections"]["turns"]
        assert (turns["status"], turns["position"]) == ("paused", 2)
    for app in apps:
        app.extensions["room_store"].engine.dispose()
