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
from ..room_service import At, change_room, channel, host_channel, person_channel
from ..security import throttled

log = logging.getLogger(__name__)
Ack = dict


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
            return {"ok": True, **(handler(payload) or {})}
        except RoomError as exc:
            return {"ok": False, "error": exc.message}
        except Exception:
            log.exception("handler %s failed", handler.__name__)
            return {"ok": False, "error": "Something went wrong on our side. Please try again."}
    return wrapper


def on(event: str) -> Callable:
    """Register an acknowledged, rate-limited handler for `event`."""
    def register(handler: Callable[[dict], dict | None]) -> Callable[..., Ack]:
        wrapped = acknowledged(throttled(event, handler))
        socketio.on_event(event, wrapped)
        return wrapped
    return register


# --- who this connection is --------------------------------------------------------------

def attach(room: Room, *, pid: str | None = None, host: bool = False) -> None:
    """Listen to `room` as this connection's one room, as the host, a participant or a viewer."""
    old, old_pid = session.get("code"), session.get("pid")
    if old and old != room.code:
        leave_room(channel(old))
        leave_room(host_channel(old))
    if old and old_pid and (old, old_pid) != (room.code, pid):
        leave_room(person_channel(old, old_pid))
    join_room(channel(room.code))
    if host:
        join_room(host_channel(room.code))
    if pid:
        join_room(person_channel(room.code, pid))
    session.update(code=room.code, pid=pid, host=host)


def participant() -> tuple[str, str]:
    """(room code, participant id) of this connection, or a refusal."""
    if not session.get("pid"):
        raise RoomError("Join the event first.")
    return session["code"], session["pid"]


def host_room() -> str:
    if not session.get("host"):
        raise RoomError("Only the host can do that.")
    return session["code"]


def welcome(room: Room, role: str, pid: str | None = None) -> dict:
    """The acknowledgement of `watch`/`join`: who you are and the full state (the host's with
    the hidden posts it may restore)."""
    return {"role": role, "me": pid,
            "snapshot": snapshot(room, time.time(), host=role == "host")}


def as_participant(change: Callable[[Room, str, At], object]) -> dict:
    """Apply `change(room, pid, at)` for this connection's participant; ack the new version."""
    code, pid = participant()
    return acked(change_room(code, lambda room, at: change(room, pid, at)))


def acked(changed: tuple[int, object]) -> dict:
    """The acknowledgement of a change: the room's new version (what the command returned is
    for the caller to add, e.g. a new post's id)."""
    return {"version": changed[0]}
