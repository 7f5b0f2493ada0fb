"""Housekeeping: an ended event goes RETENTION_DAYS after its end, one nobody ended after
ROOM_TTL_HOURS idle, and the host can delete one on demand."""

import time

import sqlalchemy

from facilitator.housekeeping import purge_expired
from facilitator.room_service import ROOM_DELETED
from facilitator.store import get_store

from .helpers import create_room, join, open_table, refusal

HOUR, DAY = 3600, 86400


def exists(app, code: str) -> bool:
    with app.app_context():
        return get_store().load(code) is not None


def deleted_notices(client) -> list[dict]:
    return [m["args"][0] for m in client.get_received() if m["name"] == "room_deleted"]


def test_rooms_idle_longer_than_the_ttl_are_deleted_and_screens_told(app, client,
                                                                     socketio_client):
    table = open_table(client, socketio_client)
    phone, _ = join(socketio_client, table.code, "Ann")
    fresh, _ = create_room(client)
    table.host.get_received()
    with app.app_context():
        ttl = app.config["ROOM_TTL_HOURS"]
        assert purge_expired(now=time.time() + (ttl - 1) * HOUR) == []
        # Both rooms are idle long enough two days on; a sweep deletes them, a second finds none.
        later = time.time() + (ttl + 1) * HOUR
        assert sorted(purge_expired(now=later)) == sorted([table.code, fresh])
        assert purge_expired(now=later) == []
    assert not exists(app, table.code)
    for screen in (table.host, phone):
        assert deleted_notices(screen) == [{"code": table.code, "message": ROOM_DELETED}]


def test_a_room_in_use_is_kept(app, client, socketio_client):
    table = open_table(client, socketio_client)
    with app.app_context():
        cutoff_hours = 1
        # Changed just now: idle for less than the TTL, whenever it was created.
        assert table.host.emit("host", {"action": "shuffle"}, callback=True)["ok"]
        assert purge_expired(ttl_hours=cutoff_hours) == []
    assert exists(app, table.code)


def test_the_cli_purges_with_the_configured_or_given_ttl(app, client):
    code, _ = create_room(client)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["purge-expired"])
    assert result.exit_code == 0 and "Deleted 0 expired room(s)." in result.output
    assert exists(app, code)
    result = runner.invoke(args=["purge-expired", "--older-than-hours", "0"])
    assert result.exit_code == 0 and "Deleted 1 expired room(s)." in result.output
    assert not exists(app, code)


def test_the_host_exports_then_deletes_the_event(app, client, socketio_client):
    table = open_table(client, socketio_client)
    phone, ack = join(socketio_client, table.code, "Ann")
    viewer = socketio_client()
    viewer.emit("watch", {"code": table.code}, callback=True)
    as_host = {"Authorization": f"Bearer {table.host_key}"}
    export = client.get(f"/host/{table.code}/export.json", headers=as_host)
    assert export.status_code == 200 and "Ann" in export.get_data(as_text=True)
    for c in (table.host, phone, viewer):
        c.get_received()

    # Only the host, and only with the room's code as confirmation.
    refused = phone.emit("delete_room", {"code": table.code}, callback=True)
    assert refusal(refused) == "Only the host can do that."
    unconfirmed = table.host.emit("delete_room", {}, callback=True)
    assert not unconfirmed["ok"] and "confirm" in unconfirmed["error"]
    assert exists(app, table.code)

    done = table.host.emit("delete_room", {"code": table.code}, callback=True)
    assert done == {"ok": True, "deleted": table.code}
    assert not exists(app, table.code)
    for screen in (phone, viewer):
        assert deleted_notices(screen) == [{"code": table.code, "message": ROOM_DELETED}]
    # Nothing is left to load, export or rejoin, and the screens left the room's channel.
    assert client.get(f"/host/{table.code}/export.json", headers=as_host).status_code == 404
    assert client.get(f"/j/{table.code}").status_code == 404
    again = phone.emit("watch", {"code": table.code, "token": ack["token"]}, callback=True)
    assert not again["ok"] and "no event with that code" in again["error"]
    assert not table.host.emit("host", {"action": "start"}, callback=True)["ok"]
    code, _ = create_room(client)  # other rooms carry on
    assert exists(app, code)


def end_event(table) -> dict:
    ack = table.host.emit("host", {"action": "end_event"}, callback=True)
    assert ack["ok"], ack
    return ack


def test_an_ended_event_is_kept_for_follow_up_then_deleted_by_the_sweep(app, client,
                                                                         socketio_client):
    table = open_table(client, socketio_client)
    phone, _ = join(socketio_client, table.code, "Ann")
    running, _ = create_room(client)
    end_event(table)
    with app.app_context():
        ended_at = get_store().load(table.code).ended_at
        days = app.config["RETENTION_DAYS"]
        assert days == 30
        # Long past the idle TTL, the ended event stays while follow-up goes on; the one nobody
        # ended does not.
        assert purge_expired(now=ended_at + 3 * DAY) == [running]
        assert purge_expired(now=ended_at + (days - 0.01) * DAY) == []
        assert exists(app, table.code)
        assert purge_expired(now=ended_at + (days + 0.01) * DAY) == [table.code]
    assert not exists(app, table.code)
    assert deleted_notices(phone) == [{"code": table.code, "message": ROOM_DELETED}]


def test_retention_is_fixed_when_the_event_ends(app, client, socketio_client):
    """The follow-up page promised a date: a later change of RETENTION_DAYS doesn't move it."""
    table = open_table(client, socketio_client)
    app.config["RETENTION_DAYS"] = 2
    end_event(table)
    app.config["RETENTION_DAYS"] = 30
    with app.app_context():
        room = get_store().load(table.code)
        assert room.kept_until == room.ended_at + 2 * DAY
        assert purge_expired(now=room.ended_at + 3 * DAY) == [table.code]


def test_a_database_from_before_the_end_gains_its_column(app, tmp_path):
    """A rooms table made before events could end is given the new column, its rooms kept."""
    from facilitator.store import RoomStore

    url = f"sqlite:///{tmp_path}/old.db"
    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text(
            "CREATE TABLE rooms (code VARCHAR(16) PRIMARY KEY, version INTEGER NOT NULL,"
            " data TEXT NOT NULL, created_at FLOAT NOT NULL, updated_at FLOAT NOT NULL)"))
        conn.execute(sqlalchemy.text(
            "INSERT INTO rooms VALUES ('OLDONE', 1, '{}', 0, 0)"))
    engine.dispose()
    store = RoomStore(url)
    assert store.delete_expired(idle_since=1, now=10**10) == ["OLDONE"]
    store.engine.dispose()
