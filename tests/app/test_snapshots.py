"""A version's snapshot is built and encoded once, and shared by every screen that watches it
(issue 16.2); each still gets the server's clock of its own moment."""

from facilitator.events import snapshots

from .helpers import open_table


def test_screens_watching_one_version_share_one_snapshot(app, client, socketio_client,
                                                          monkeypatch):
    table = open_table(client, socketio_client)
    built = []
    real = snapshots.snapshot
    monkeypatch.setattr(snapshots, "snapshot",
                        lambda room, now, host: built.append(host) or real(room, now, host=host))
    viewers = [socketio_client() for _ in range(5)]
    acks = [v.emit("watch", {"code": table.code}, callback=True) for v in viewers]
    assert built == [False]  # once, for five screens
    assert all(a["snapshot"] == {**acks[0]["snapshot"], "now": a["snapshot"]["now"]}
               for a in acks)
    assert acks[-1]["snapshot"]["now"] >= acks[0]["snapshot"]["now"]
    with app.app_context():
        fresh = real(app.extensions["room_store"].load(table.code), 0.0)
    assert acks[0]["snapshot"] == {**fresh, "now": acks[0]["snapshot"]["now"]}
    # The host's has what only the host sees: a snapshot of its own (kept since it opened).
    host = table.host.emit("watch", {"code": table.code, "host_key": table.host_key},
                           callback=True)
    assert built == [False] and "rules" in host["snapshot"]["sections"]
    assert "rules" not in acks[0]["snapshot"]["sections"]
    # A change of the room makes a new version, built afresh.
    assert table.host.emit("host", {"action": "turn_seconds", "args": {"seconds": 120}},
                           callback=True)["ok"]
    again = viewers[0].emit("watch", {"code": table.code}, callback=True)
    assert built == [False, False]
    assert again["snapshot"]["version"] == acks[0]["snapshot"]["version"] + 1


def test_the_hosts_table_snapshot_follows_changes_only_the_host_sees(app, client,
                                                                      socketio_client):
    """A pitch tap moves the table's revision, not its version (16.12): the host's shared
    snapshot of the table must not be the one from before the tap."""
    table = open_table(client, socketio_client)
    phones = [socketio_client() for _ in range(3)]
    for i, phone in enumerate(phones):
        assert phone.emit("join", {"code": table.code, "name": f"P{i}"}, callback=True)["ok"]
    assert table.host.emit("host", {"action": "start"}, callback=True)["ok"]
    host_watch = {"code": table.code, "host_key": table.host_key, "tables": "all"}
    before = table.host.emit("watch", host_watch, callback=True)["tables"]["1"]
    tapped = [p.emit("pitch_tap", {}, callback=True) for p in phones]  # the speaker can't
    assert any(a["ok"] for a in tapped), tapped
    after = table.host.emit("watch", host_watch, callback=True)["tables"]["1"]
    assert after["version"] == before["version"]
    assert after["sections"] != before["sections"]  # the host's figures count the tap
