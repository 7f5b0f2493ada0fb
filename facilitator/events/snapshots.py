"""Snapshots built and encoded once per version, shared by every screen that (re)connects
(issue 16.2).

A big room's snapshot is over a megabyte of JSON (500 people with full profiles, a busy board):
~9 ms to build and ~8 ms to encode. Every `watch` did both, so one connection sending watches at
the allowed rate slowed every room of the process, and a few took another room's "next" from
milliseconds to seconds. Now the first screen to ask for a version pays, and every other
acknowledgement embeds the same bytes (`orjson.Fragment`, written as is by
`serving.ClientJson`); only the server's clock (`now`), which screens count deadlines from, is
written for each.
"""

from collections.abc import Callable
from typing import Any

import orjson
from flask import current_app

from ..core.state.room import Room
from ..core.state.table import Table
from ..core.views.screens import snapshot, table_snapshot
from ..room_service import Kept

KEPT_SNAPSHOTS = 64  # the versions screens are (re)joining right now, of every room and table
JSON_OPTIONS = orjson.OPT_NON_STR_KEYS  # sections and collections are StrEnum keys


def room_snapshot(room: Room, now: float, *, host: bool) -> orjson.Fragment:
    """`core.views.screens.snapshot`, encoded, shared by every screen of the same version."""
    return _shared(_key(room, "host" if host else "room"),
                   lambda: snapshot(room, now, host=host), now)


def shared_table_snapshot(room: Room, table: Table, now: float, *,
                          host: bool) -> orjson.Fragment:
    """`core.views.screens.table_snapshot`, encoded and shared likewise (the host's figures
    depend on the room too, so both versions name it, and on changes only the host sees,
    which move the table's revision alone)."""
    seen = f"r{table.revision} host" if host else "room"
    part = f"table {table.number} v{table.version} {seen}"
    return _shared(_key(room, part), lambda: table_snapshot(room, table, now, host=host), now)


def _key(room: Room, part: str) -> str:
    # created_at: a code freed by a deleted room and drawn again starts again at version 1
    return f"{room.code}:{room.created_at!r}:v{room.version}:{part}"


def _shared(key: str, build: Callable[[], dict[str, Any]], now: float) -> orjson.Fragment:
    kept = current_app.extensions.get("snapshots kept")
    if kept is None:
        kept = current_app.extensions["snapshots kept"] = Kept(KEPT_SNAPSHOTS)
    encoded = kept.peek(key)
    if encoded is None:
        view = build()
        del view["now"]
        encoded = orjson.dumps(view, option=JSON_OPTIONS)
        kept.keep(key, encoded)
    return orjson.Fragment(b'{"now":' + orjson.dumps(now) + b"," + encoded[1:])
