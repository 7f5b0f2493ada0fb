"""A restarted server resumes the round from the database: SQLite by default, or PostgreSQL."""

import pytest

from facilitator import create_app
from facilitator.core.sections import HOST_SECTIONS
from facilitator.core.state.identity import HOST_KEY_CHANGED
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
    host.emit("watch", {"code": code, "host_key": key, "tables": "all"}, callback=True)
    phones = [socketio.test_client(first) for _ in range(3)]
    joined = [p.emit("join", {"code": code, "name": f"P{i}"}, callback=True)
              for i, p in enumerate(phones)]
    for action in ("start", "next", "pause"):
        assert host.emit("host", {"action": action}, callback=True)["ok"]
    before = host.emit("watch", {"code": code, "host_key": key, "tables": "all"}, callback=True)
    for c in [host, *phones]:
        c.disconnect()
    first.extensions["room_store"].engine.dispose()

    second = make_app(database_url)
    phone = socketio.test_client(second)
    ack = phone.emit("watch", {"code": code, "token": joined[1]["token"]}, callback=True)
    assert ack["ok"] and ack["me"] == joined[1]["me"]
    after, at_table = ack["snapshot"], ack["tables"]["1"]
    assert after["version"] == before["snapshot"]["version"]
    assert at_table["version"] == before["tables"]["1"]["version"]
    host_only = HOST_SECTIONS
    shared = {k: v for k, v in before["snapshot"]["sections"].items() if k not in host_only}
    assert after["sections"] == shared
    shared = {k: v for k, v in before["tables"]["1"]["sections"].items() if k not in host_only}
    assert at_table["sections"] == shared
    assert at_table["items"]["airtime"] == before["tables"]["1"]["items"]["airtime"]
    turns = at_table["sections"]["turns"]
    assert turns["current"] == joined[1]["me"] and turns["status"] == "paused"
    assert at_table["sections"]["order"]["pids"] == [j["me"] for j in joined]
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
    # The round is table 1's: its version moves once per change, whichever server made it.
    versions = [ack["tables"]["1"] for ack in acks]
    assert versions == list(range(versions[0], versions[0] + 6))
    with apps[0].app_context():  # changes nothing, so it reads what the other server saved
        assert change_room(code, lambda room, at: room.table(1).turns.status)[1] == "paused"
    for host in hosts:
        turns = host.emit("watch", {"code": code, "host_key": key, "tables": "all"},
                          callback=True)["tables"]["1"]["sections"]["turns"]
        assert (turns["status"], turns["position"]) == ("paused", 2)
    for app in apps:
        app.extensions["room_store"].engine.dispose()


def test_changes_only_the_host_sees_are_not_lost_between_servers(database_url):
    """A pitch tap moves a table's revision, not its version (only the host may learn of it):
    a server whose kept table missed the other's tap must still notice and start over."""
    apps = [make_app(database_url), make_app(database_url)]
    code, key = create_room(apps[0].test_client())
    phones = [socketio.test_client(apps[i % 2]) for i in range(4)]
    for i, phone in enumerate(phones):
        assert phone.emit("join", {"code": code, "name": f"P{i}"}, callback=True)["ok"]
    host = socketio.test_client(apps[0])
    assert host.emit("watch", {"code": code, "host_key": key}, callback=True)["ok"]
    start = host.emit("host", {"action": "start"}, callback=True)
    taps = [phone.emit("pitch_tap", {}, callback=True) for phone in phones[1:]]
    assert all(ack["ok"] for ack in taps), taps
    assert {ack["tables"]["1"] for ack in taps} == {start["tables"]["1"]}
    for app in apps:  # each server, whatever it kept, counts every tap
        watcher = socketio.test_client(app)
        figures = watcher.emit("watch", {"code": code, "host_key": key, "tables": "all"},
                               callback=True)["tables"]["1"]["sections"]["generosity"]["nudges"]
        assert figures["current"]["taps"] == 3
    for app in apps:
        app.extensions["room_store"].engine.dispose()


def test_a_change_at_one_table_checks_the_room_it_read_is_still_the_one_saved(database_url):
    """A change at one table reads the room part as its server last read it, without asking
    the database; its save is refused if the other server saved the room since, and it starts
    over on the room as saved: the version it answers with is the other server's, and a key
    the other server replaced is refused."""
    apps = [make_app(database_url), make_app(database_url)]
    code, key = create_room(apps[0].test_client())
    host, other_host = socketio.test_client(apps[0]), socketio.test_client(apps[1])
    for console in (host, other_host):
        assert console.emit("watch", {"code": code, "host_key": key}, callback=True)["ok"]
    for i in range(3):
        phone = socketio.test_client(apps[0])
        assert phone.emit("join", {"code": code, "name": f"P{i}"}, callback=True)["ok"]
    assert host.emit("host", {"action": "start"}, callback=True)["ok"]
    next_at_1 = {"action": "next", "args": {"table": 1}}
    assert host.emit("host", next_at_1, callback=True)["ok"]

    latecomer = socketio.test_client(apps[1])
    joined = latecomer.emit("join", {"code": code, "name": "Late"}, callback=True)
    pressed = host.emit("host", next_at_1, callback=True)
    assert pressed["ok"] and pressed["version"] == joined["version"]

    assert other_host.emit("new_host_key", {}, callback=True)["ok"]
    refused = host.emit("host", next_at_1, callback=True)
    assert refused == {"ok": False, "error": HOST_KEY_CHANGED,
                       "version": pressed["version"] + 1}
    for app in apps:
        app.extensions["room_store"].engine.dispose()
