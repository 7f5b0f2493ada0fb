"""A restarted server resumes the round from the database: SQLite by default, or PostgreSQL."""

import pytest

from facilitator import create_app
from facilitator.extensions import socketio

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
    assert after["sections"] == {**shared, "turns": after["sections"]["turns"]}
    turns_before, turns_after = before["sections"]["turns"], after["sections"]["turns"]
    for key_ in ("status", "order", "current", "remaining", "round"):
        assert turns_after[key_] == turns_before[key_]
    assert turns_after["current"] == joined[1]["me"] and turns_after["status"] == "paused"
    phone.disconnect()
    second.extensions["room_store"].engine.dispose()
