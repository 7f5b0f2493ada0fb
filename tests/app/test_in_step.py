"""How a screen knows it is in step with the room (docs/protocol.md, "Staying in step"): every
acknowledgement on a connection attached to a room carries the room's version, refusals too (and
a change at a table, that table's), and `sync` asks for nothing else."""

from facilitator.events.common import NOT_WATCHING

from .helpers import join, open_table


def test_welcomes_changes_and_refusals_all_carry_the_rooms_version(client, socketio_client):
    table = open_table(client, socketio_client)
    phone, welcome = join(socketio_client, table.code, "Ann")
    assert welcome["version"] == welcome["snapshot"]["version"]
    changed = table.host.emit("host", {"action": "start"}, callback=True)
    at_table = welcome["tables"]["1"]["version"]
    assert changed == {"ok": True, "version": welcome["version"] + 1,
                       "tables": {"1": at_table + 1}}
    refused = phone.emit("host", {"action": "next"}, callback=True)
    assert refused == {"ok": False, "error": "Only the host can do that.",
                       "version": welcome["version"] + 1}


def test_sync_answers_the_rooms_current_version(client, socketio_client):
    table = open_table(client, socketio_client)
    viewer = socketio_client()
    watched = viewer.emit("watch", {"code": table.code}, callback=True)
    join(socketio_client, table.code, "Ann")  # a change the viewer may not have applied yet
    assert viewer.emit("sync", {}, callback=True) == {"ok": True,
                                                      "version": watched["version"] + 1,
                                                      "tables": {}}
    following = viewer.emit("follow_tables", {"tables": "all"}, callback=True)
    join(socketio_client, table.code, "Bob")  # its table moves on too
    assert viewer.emit("sync", {}, callback=True)["tables"] == {
        "1": following["tables"]["1"]["version"] + 1}


def test_sync_before_watching_is_refused_without_a_version(socketio_client):
    stranger = socketio_client()
    assert stranger.emit("sync", {}, callback=True) == {"ok": False, "error": NOT_WATCHING}


def test_a_host_who_watches_again_as_a_viewer_stops_getting_the_hosts_updates(
        client, socketio_client):
    table = open_table(client, socketio_client)
    assert table.host.emit("watch", {"code": table.code}, callback=True)["role"] == "viewer"
    table.host.get_received()
    phone, _ = join(socketio_client, table.code, "Ann")
    assert phone.emit("post_ask", {"text": "A printer"}, callback=True)["ok"]
    assert [m["name"] for m in table.host.get_received()] == ["room_update", "room_update"]
