"""Finding 13: a deleted event lingered in SQLite's write-ahead log, and the database files were
readable by every user of the machine. On a real server: an event full of a marker is deleted
by its host; no byte of the marker is left in any of the database's files, and each is readable
by the server's own user alone."""

import os
import stat
from pathlib import Path

import requests

from tests.live.helpers import TIMEOUT, Screen, create_room

MARKER = "Zanzibar-7f3c"


def test_a_deleted_event_leaves_nothing_behind_and_no_one_else_can_read_the_files(
        live_server, tmp_path):
    database = tmp_path / "attacked.db"
    server = live_server(extra_env={"DATABASE_URL": f"sqlite:///{database}"})
    code, key = create_room(server.url, name=f"{MARKER} event")
    host = Screen(server.url, code, host_key=key)
    phone = Screen(server.url, code)
    phone.join(f"{MARKER} person")
    for i in range(10):  # as many as one person may post in a minute
        assert phone.call("post_ask", {"text": f"{MARKER} ask {i}"})["ok"]
    files = [Path(f"{database}{suffix}") for suffix in ("", "-wal", "-shm")]
    assert any(MARKER.encode() in f.read_bytes() for f in files if f.exists())
    assert host.call("delete_room", {"code": code})["ok"]
    gone = requests.get(f"{server.url}/j/{code}", timeout=TIMEOUT,
                        proxies={"http": "", "https": ""})
    assert gone.status_code == 404

    for f in files:
        if f.exists():
            assert MARKER.encode() not in f.read_bytes(), f.name
            assert stat.S_IMODE(os.stat(f).st_mode) == 0o600, f.name
    assert database.exists()
    for screen in (host, phone):
        screen.close()
