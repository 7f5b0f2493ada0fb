"""Housekeeping: rooms expire after ROOM_TTL_HOURS idle, and the host can delete one on demand."""

import time

from facilitator.housekeeping import purge_expired
from facilitator.room_service import ROOM_DELETED
from facilitator.store import get_store

from .helpers import create_room, join, open_table

HOUR = 3600


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
    assert refused == {"ok": False, "error": "Only the host can do that."}
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
