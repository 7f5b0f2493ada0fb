"""The room service: load a room, apply one core change, save it, broadcast what changed.

Every change goes through `change_room`, so every change bumps the version exactly once, is
persisted before anyone is told, and reaches every screen in the room as a delta.
"""

import random
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from typing import TypeVar

from .core.errors import RoomError
from .core.identity import normalize_code
from .core.room import Room
from .extensions import socketio
from .store import CodeTaken, get_store

T = TypeVar("T")
SAVE_ATTEMPTS = 5
_rng = random.SystemRandom()
# One lock per room serialises changes within this process; the versioned save in the store
# serialises them across processes.
_locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)


def channel(code: str) -> str:
    """The Socket.IO room every screen of an event listens on."""
    return f"room:{code}"


def host_channel(code: str) -> str:
    """The Socket.IO room only the host's screens join."""
    return f"host:{code}"


def create_room(**fields: object) -> tuple[Room, str]:
    """A new room with a fresh code, saved; returns it and its host key."""
    store = get_store()
    for _ in range(SAVE_ATTEMPTS):
        room, host_key = Room.create(now=time.time(), **fields)
        try:
            store.insert(room, time.time())
            return room, host_key
        except CodeTaken:
            continue
    raise RoomError("Could not find a free room code; please try again.")


def load_room(code: object) -> Room:
    """The room with this code, or a clear message for a mistyped or expired code."""
    room = get_store().load(normalize_code(code)) if isinstance(code, str) else None
    if room is None:
        raise RoomError("There's no event with that code. Check the code on the big screen.")
    return room


def change_room(code: str, change: Callable[[Room, float, random.Random], T]) -> tuple[Room, T]:
    """Apply `change` to the latest saved room, save it, broadcast the delta.

    If `change` raises, nothing is saved. If another process saved first, start over from its
    version, so the change is applied to what everyone else already sees.
    """
    store = get_store()
    with _locks[code]:
        for _ in range(SAVE_ATTEMPTS):
            room = load_room(code)
            now = time.time()
            result = change(room, now, _rng)
            if not room.changes:
                return room, result
            room.version += 1
            if store.save(room, room.version - 1, now):
                break
        else:
            raise RoomError("The room is very busy; please try again.")
        # Still under the lock, so this process's deltas leave in version order.
        socketio.emit("room_update", room.delta(now), to=channel(code))
    return room, result
