"""What every Socket.IO handler shares: acknowledgements, and who this connection is.

Every handler answers through the acknowledgement: {"ok": true, ...} or {"ok": false, "error":
message}. Broadcasts to the room happen in `room_service.change_room`, after the change is saved.
"""

import functools
import logging
import time
from collections.abc import Callable

from flask import session
from flask_socketio import join_room, leave_room

from ..core.errors import RoomError
from ..core.state.room import Room
from ..core.views.screens import snapshot
from ..extensions import socketio
from ..room_service import (
    At,
    change_room,
    channel,
    host_channel,
    load_room,
    person_channel,
    room_version,
)
from ..security import throttled

log = logging.getLogger(__name__)
Ack = dict
HOST, PARTICIPANT, VIEWER = "host", "participant", "viewer"


def acknowledged(handler: Callable[[dict], dict | None]) -> Callable[..., Ack]:
    """Turn a handler's result or refusal into an acknowledgement; nothing escapes."""
    @functools.wraps(handler)
    def wrapper(*args: object) -> Ack:
        payload = args[0] if args else {}
        if payload is None:
            payload = {}
        if not isinstance(payload, dict) or len(args) > 1:
            return {"ok": False, "error": "That message was malformed."}
        try:
            ack = {"ok": True, **(handler(payload) or {})}
        except RoomError as exc:
            ack = {"ok": False, "error": exc.message}
        except Exception:
            log.exception("handler %s failed", handler.__name__)
            ack = {"ok": False, "error": "Something went wrong on our side. Please try again."}
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

def enter(code: str, role: str, pid: str | None = None) -> Ack:
    """Make `code` this connection's one room, as `role`, and answer with the room's snapshot.

    Subscribe first, then load: a change saved after the snapshot was read is broadcast after
    this connection listens, so it arrives as a delta. (Loading first would miss a change
    broadcast in between for good, if it was the room's last.) A delta at or below the
    snapshot's version may arrive too; clients ignore it.
    """
    _attach(code, role, pid)
    try:
        room = load_room(code)
    except RoomError:
        _attach(None, None)
        raise
    # The host's snapshot has the hidden posts it may restore.
    return {"role": role, "me": pid, "version": room.version,
            "snapshot": snapshot(room, time.time(), host=role == HOST)}


def _attach(code: str | None, role: str | None, pid: str | None = None) -> None:
    """Listen to `code`'s channels as `role` (and nothing else), or to none."""
    old, old_pid, was_host = session.get("code"), session.get("pid"), session.get("host")
    if old and old != code:
        leave_room(channel(old))
    if old and was_host and (old, role) != (code, HOST):
        leave_room(host_channel(old))
    if old and old_pid and (old, old_pid) != (code, pid):
        leave_room(person_channel(old, old_pid))
    if code:
        join_room(channel(code))
    if code and role == HOST:
        join_room(host_channel(code))
    if code and pid:
        join_room(person_channel(code, pid))
    session.update(code=code, pid=pid, host=role == HOST)


def leave_room_channels() -> None:
    """This connection listens to no room any more."""
    _attach(None, None)


def participant() -> tuple[str, str]:
    """(room code, participant id) of this connection, or a refusal."""
    if not session.get("pid"):
        raise RoomError("Join the event first.")
    return session["code"], session["pid"]


def host_room() -> str:
    if not session.get("host"):
        raise RoomError("Only the host can do that.")
    return session["code"]


def as_participant(change: Callable[[Room, str, At], object]) -> dict:
    """Apply `change(room, pid, at)` for this connection's participant; ack the new version."""
    code, pid = participant()
    return acked(change_room(code, lambda room, at: change(room, pid, at)))


def acked(changed: tuple[int, object]) -> dict:
    """The acknowledgement of a change: the room's new version (what the command returned is
    for the caller to add, e.g. a new post's id)."""
    return {"version": changed[0]}
