"""What every Socket.IO handler shares: acknowledgements, who this connection is, and which
streams it follows (the room's, and its table's or every table's).

Every handler answers through the acknowledgement: {"ok": true, ...} or {"ok": false, "error":
message}. Broadcasts to the room happen in `room_service.change_room`, after the change is saved.
"""

import functools
import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from flask import session
from flask_socketio import join_room, leave_room

from ..core.errors import N_, RoomError
from ..core.state.identity import HOST_KEY_CHANGED
from ..core.state.room import Room
from ..extensions import socketio
from ..i18n import translate
from ..payloads.base import MALFORMED
from ..room_service import (
    TABLES_MOVED,
    At,
    Saved,
    change_room,
    channel,
    host_channel,
    load_room,
    load_tables,
    person_channel,
    room_as_read,
    room_version,
    table_channel,
)
from ..security import throttled
from .snapshots import room_snapshot, shared_table_snapshot

log = logging.getLogger(__name__)
Ack = dict
T = TypeVar("T")
HOST, PARTICIPANT, VIEWER = "host", "participant", "viewer"
ALL_TABLES = "all"
NOT_WATCHING = N_("Open an event first.")
OUR_FAULT = N_("Something went wrong on our side. Please try again.")


def acknowledged(handler: Callable[[dict], dict | None]) -> Callable[..., Ack]:
    """Turn a handler's result or refusal into an acknowledgement; nothing escapes."""
    @functools.wraps(handler)
    def wrapper(*args: object) -> Ack:
        payload = args[0] if args else {}
        if payload is None:
            payload = {}
        if not isinstance(payload, dict) or len(args) > 1:
            return {"ok": False, "error": translate(MALFORMED)}
        try:
            ack = {"ok": True, **(handler(payload) or {})}
        except RoomError as exc:
            ack = {"ok": False, "error": translate(exc.message)}
        except Exception:
            log.exception("handler %s failed", handler.__name__)
            ack = {"ok": False, "error": translate(OUR_FAULT)}
        return with_version(ack)
    return wrapper


def with_version(ack: Ack) -> Ack:
    """`ack` with the version of the room this connection is attached to, if it has none yet
    (a refusal, a `sync`): a screen behind it notices without waiting for the next change."""
    code = session.get("code")
    if "version" not in ack and code and (version := room_version(code)) is not None:
        ack["version"] = version
    return ack


def on(event: str) -> Callable:
    """Register an acknowledged, rate-limited handler for `event`."""
    def register(handler: Callable[[dict], dict | None]) -> Callable[..., Ack]:
        wrapped = acknowledged(throttled(event, handler))
        socketio.on_event(event, wrapped)
        return wrapped
    return register


# --- who this connection is --------------------------------------------------------------

def enter(code: str, role: str, pid: str | None = None,
          tables: str | list[int] | None = None) -> Ack:
    """Make `code` this connection's one room, as `role`, following `tables` (see `follow`),
    and answer with the room's snapshot and each followed table's.

    Subscribe first, then load: a change saved after the snapshot was read is broadcast after
    this connection listens, so it arrives as a delta. (Loading first would miss a change
    broadcast in between for good, if it was the room's last.) A delta at or below the
    snapshot's version may arrive too; clients ignore it. Tables likewise (`follow`).
    """
    _attach(code, role, pid)
    try:
        room = load_room(code)
    except RoomError:
        _attach(None, None)
        raise
    # The host's snapshot has the hidden posts it may restore.
    return {"role": role, "me": pid, "version": room.version,
            "snapshot": room_snapshot(room, time.time(), host=role == HOST),
            "tables": follow(room, tables)}


def _attach(code: str | None, role: str | None, pid: str | None = None) -> None:
    """Listen to `code`'s channels as `role` (and nothing else), or to none. Another room's
    tables are left; which of this room's it follows, `follow` says."""
    old, old_pid, was_host = session.get("code"), session.get("pid"), session.get("host")
    was_onlooker, onlooker = bool(session.get("onlooker")), role == VIEWER
    if old and (old, was_onlooker) != (code, onlooker):
        leave_room(channel(old, onlookers=was_onlooker))
        _leave_tables(old, followed())
        session["tables"] = []
    if old and was_host and (old, role) != (code, HOST):
        leave_room(host_channel(old))
    if old and old_pid and (old, old_pid) != (code, pid):
        leave_room(person_channel(old, old_pid))
    if code:
        join_room(channel(code, onlookers=onlooker))
    if code and role == HOST:
        join_room(host_channel(code))
    if code and pid:
        join_room(person_channel(code, pid))
    session.update(code=code, pid=pid, host=role == HOST, onlooker=onlooker)


def leave_room_channels() -> None:
    """This connection listens to no room any more."""
    _attach(None, None)


def follow(room: Room, wanted: str | list[int] | None) -> dict[str, Any]:
    """Follow the tables `wanted` ("all", numbers, or for a participant, None: the table they
    sit at) and no other; returns their snapshots, by number. Listens first, then loads, so a
    change saved after a snapshot was read arrives as a delta. A participant listens already:
    their table's deltas come on their own channel (`room_service._deltas`), wherever the
    tables move them."""
    pid = session.get("pid")
    if pid is not None:
        seat = room.layout.seats.get(pid)
        numbers = [seat] if seat is not None else []
    elif wanted == ALL_TABLES:
        numbers = list(range(1, room.layout.count + 1))
    elif isinstance(wanted, list):
        numbers = sorted({n for n in wanted if 1 <= n <= room.layout.count})
    else:
        numbers = []
    channels = [] if pid is not None else numbers
    _leave_tables(room.code, [n for n in followed() if n not in channels])
    for number in channels:
        join_room(table_channel(room.code, number, onlookers=onlooking()))
    session["tables"] = numbers
    now, host = time.time(), bool(session.get("host"))
    return {str(t.number): shared_table_snapshot(room, t, now, host=host)
            for t in load_tables(room.code, numbers)}


def followed() -> list[int]:
    """The tables this connection follows."""
    return list(session.get("tables") or [])


def onlooking() -> bool:
    """Whether this connection only looks on (the display, a phone not joined yet): it listens
    on the onlookers' channels (`room_service.channel`)."""
    return bool(session.get("onlooker"))


def _leave_tables(code: str, numbers: list[int]) -> None:
    for number in numbers:
        leave_room(table_channel(code, number, onlookers=onlooking()))


def room_code() -> str:
    """The code of the room this connection watches, as anyone, or a refusal."""
    code = session.get("code")
    if not code:
        raise RoomError(NOT_WATCHING)
    return code


def participant() -> tuple[str, str]:
    """(room code, participant id) of this connection, or a refusal."""
    if not session.get("pid"):
        raise RoomError(N_("Join the event first."))
    return session["code"], session["pid"]


def host_room() -> str:
    """The code of the room this connection is the host of, or a refusal; a console whose key
    was replaced since it came (`new_host_key`) is the host no more."""
    code = host_code()
    still_host(load_room(code))
    return code


def host_code() -> str:
    """The code of the room this connection came to as the host, or a refusal, without reading
    the room: a change checks the key with `still_host` on the room it reads anyway, so a
    change at one table reads the room part once (docs/benchmarks.md, "One read per press")."""
    if not session.get("host"):
        raise RoomError(N_("Only the host can do that."))
    code: str = session["code"]
    return code


def still_host(room: Room) -> None:
    """Refuse a console whose key was replaced since it came (`new_host_key`)."""
    if room.host_digest != session.get("host_digest"):
        raise RoomError(HOST_KEY_CHANGED)


def at_my_table(change: Callable[[Room, str, At], T]) -> tuple[Saved, T]:
    """Apply `change(room, pid, at)` for this connection's participant as a change of the table
    they sit at alone: only that table is locked, saved and sent.

    Which table is taken from the room as this process last read it, and checked on the room
    the change reads under that table's lock, so the room part is read once per action
    (docs/benchmarks.md, "One read per press"); someone moved since then is changed at their
    new table, on a second attempt."""
    code, pid = participant()
    number = room_as_read(code).layout.seats.get(pid)
    for _ in range(2):
        number = number if number is not None else _seat(load_room(code), pid)
        try:
            return change_room(code, functools.partial(_at_seat, change, pid, number),
                               table=number)
        except _Moved as moved:
            number = moved.to
    raise RoomError(TABLES_MOVED)


class _Moved(RoomError):
    """The participant sits at another table (`to`) than the change was for."""

    def __init__(self, to: int | None) -> None:
        super().__init__(TABLES_MOVED)
        self.to = to


def _at_seat(change: Callable[[Room, str, At], T], pid: str, number: int, room: Room,
             at: At) -> T:
    if (seat := room.layout.seats.get(pid)) != number:
        raise _Moved(seat)
    return change(room, pid, at)


def _seat(room: Room, pid: str) -> int:
    """The table `pid` sits at, or a refusal."""
    number = room.layout.seats.get(pid)
    if number is None:
        raise RoomError(N_("You're no longer at a table. Join again to take part."))
    return number


def acked(changed: tuple[Saved, object]) -> dict:
    """The acknowledgement of a change: the room's version and the new version of each table
    it changed (what the command returned is for the caller to add, e.g. a new post's id)."""
    saved = changed[0]
    ack: dict = {"version": saved.version}
    if saved.tables:
        ack["tables"] = {str(n): v for n, v in saved.tables.items()}
    return ack
