"""The console on the host's phone: a private QR code hands it the host key, and a new host key
revokes every other console at once (docs/security.md, "The host key")."""

import base64

from facilitator.core.state.identity import HOST_KEY_CHANGED

from .helpers import join, open_table, refusal, table_updates


def console_qr(client, code: str, key: str | None):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.get(f"/host/{code}/console-qr", headers=headers)


def test_the_console_qr_is_for_the_host_alone_and_never_cached(client, socketio_client):
    table = open_table(client, socketio_client)
    _, ann = join(socketio_client, table.code, "Ann")
    for key in (None, ann["token"], "not-a-key"):
        refused = console_qr(client, table.code, key)
        assert refused.status_code == 401 and "Only the host" in refused.json["error"]
    answer = console_qr(client, table.code, table.host_key)
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    prefix = "data:image/svg+xml;base64,"
    assert answer.json["qr"].startswith(prefix)
    svg = base64.b64decode(answer.json["qr"].removeprefix(prefix)).decode()
    assert svg.startswith("<svg") and "<title>Open the console of Thursday breakfast" in svg
    assert table.host_key not in svg  # inside the code only (tests/browser decodes it)


def test_a_new_host_key_revokes_every_other_console(client, socketio_client):
    table = open_table(client, socketio_client)
    phone = socketio_client()  # the console the QR code handed to the host's phone
    assert phone.emit("watch", {"code": table.code, "host_key": table.host_key,
                                "tables": "all"}, callback=True)["role"] == "host"
    ack = table.host.emit("new_host_key", {}, callback=True)
    assert ack["ok"] and ack["host_key"] != table.host_key and ack["version"] >= 1
    new_key = ack["host_key"]

    # The old key opens nothing; the console that asked goes on with the new one.
    assert refusal(phone.emit("host", {"action": "start"}, callback=True)) == HOST_KEY_CHANGED
    assert not phone.emit("watch", {"code": table.code, "host_key": table.host_key},
                          callback=True)["ok"]
    assert console_qr(client, table.code, table.host_key).status_code == 401
    assert table.host.emit("host", {"action": "prompt_add", "args": {"text": "More"}},
                           callback=True)["ok"]
    assert console_qr(client, table.code, new_key).status_code == 200

    # The host's figures go only to the console that holds the key.
    phone.get_received()
    table.host.get_received()
    _, ann = join(socketio_client, table.code, "Ann")
    names = [m["name"] for m in phone.get_received()]
    assert "room_update" in names and "host_update" not in names
    assert "host_update" in [m["name"] for m in table.host.get_received()]


def test_a_revoked_console_changes_no_table(socketio_client, client):
    """A change at one table checks the key on the room it reads: the old console's "next"
    for a table is refused, and no screen hears of a change."""
    table = open_table(client, socketio_client)
    table.host.emit("host", {"action": "tables", "args": {"count": 2}}, callback=True)
    phones = [join(socketio_client, table.code, name)[0] for name in ("Ann", "Bo", "Cy")]
    assert table.host.emit("host", {"action": "start"}, callback=True)["ok"]
    old = socketio_client()
    assert old.emit("watch", {"code": table.code, "host_key": table.host_key,
                              "tables": "all"}, callback=True)["role"] == "host"
    assert table.host.emit("new_host_key", {}, callback=True)["ok"]
    for screen in (table.host, old, *phones):
        screen.get_received()
    for number in (1, 2):
        refused = old.emit("host", {"action": "next", "args": {"table": number}}, callback=True)
        assert refusal(refused) == HOST_KEY_CHANGED and "tables" not in refused
    assert all(table_updates(screen) == [] for screen in (table.host, old, *phones))
