"""The room service, the one write path: load a room, apply one core command, save it,
broadcast what changed.

Every change goes through `change_room`, so every change bumps the version exactly once, is
persisted before anyone is told, and reaches every screen in the room as a delta. The deltas are
built before the save: a change whose delta cannot be built is refused and leaves the stored
room as it was.

Several processes can serve one room (REDIS_URL set, one DATABASE_URL): a change holds the room's
lock from loading it until its broadcast is published, in this process and, through Redis, in all
of them, so every screen gets every delta in version order wherever it is connected. Nothing runs
on a timer per room: a turn's end is a deadline in the saved state, so no process ticks it twice.
"""

import random
import threading
import time
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import redis
from flask import current_app
from redis.exceptions import LockError

from .core.errors import RoomError
from .core.state.identity import NO_SUCH_ROOM, normalize_code
from .core.state.room import DEFAULT_MAX_PARTICIPANTS, Room
from .core.views.screens import delta, host_delta
from .extensions import socketio
from .store import CodeTaken, get_store

T = TypeVar("T")
SAVE_ATTEMPTS = 5
# A change takes milliseconds; a lock left by a process that died mid-change expires after this.
SHARED_LOCK_SECONDS = 10
_rng = random.SystemRandom()
# One lock per room serialises changes within this process; with Redis, a shared lock per room
# serialises them across processes (and the versioned save in the store would catch any slip).
_locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
# Rooms kept parsed, per set (see KeptRooms): enough for every table of a big event, bounded so
# memory stays bounded (docs/benchmarks.md, change 7). Beyond that, rooms are loaded as needed.
KEPT_ROOMS = 200


@dataclass(frozen=True)
class At:
    """When a change happens and its source of chance, for the commands that use them."""

    now: float
    rng: random.Random


@contextmanager
def room_lock(code: str) -> Iterator[None]:
    """Hold `code`'s lock: this process's, then the one all processes share through Redis."""
    with _locks[code]:
        client = _shared_locks()
        if client is None:
            yield
            return
        prefix = current_app.config["REDIS_PREFIX"]
        lock = client.lock(f"{prefix}:room-lock:{code}", timeout=SHARED_LOCK_SECONDS,
                           sleep=0.002, blocking_timeout=SHARED_LOCK_SECONDS)
        if not lock.acquire():
            raise RoomError("The room is very busy; please try again.")
        try:
            yield
        finally:
            try:
                lock.release()
            except LockError:  # it expired: this change was slower than SHARED_LOCK_SECONDS
                pass


def _shared_locks() -> "redis.Redis | None":
    """The Redis client for room locks when several processes may serve a room, else None."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    client = current_app.extensions.get("room_locks")
    if client is None:
        client = current_app.extensions["room_locks"] = redis.Redis.from_url(url)
    return client


class KeptRooms:
    """Rooms this process keeps parsed, so a busy room is not loaded and parsed again and again,
    and phones' `watch`es share one copy instead of each parsing its own (docs/benchmarks.md,
    changes 7 and 10).

    Each app keeps two sets. The rooms as this process last saved them, for `change_room` alone:
    it holds the room's lock and takes a room out while changing it, so a change that fails
    leaves nothing half-done behind. And the rooms screens read, never changed, which
    `load_room` serves while the saved version is still theirs.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._rooms: OrderedDict[str, Room] = OrderedDict()
        self._guard = threading.Lock()  # the threading async mode serves requests in parallel

    def take(self, code: str) -> Room | None:
        with self._guard:
            return self._rooms.pop(code, None)

    def peek(self, code: str) -> Room | None:
        with self._guard:
            room = self._rooms.get(code)
            if room is not None:
                self._rooms.move_to_end(code)
            return room

    def keep(self, room: Room) -> None:
        with self._guard:
            self._rooms[room.code] = room
            self._rooms.move_to_end(room.code)
            if len(self._rooms) > self.size:
                self._rooms.popitem(last=False)


def _kept(purpose: str) -> KeptRooms:
    """This app's rooms kept "to change" or "to read" (one set per app: tests run several apps,
    each on its own database)."""
    key = f"rooms kept {purpose}"
    if (kept := current_app.extensions.get(key)) is None:
        kept = current_app.extensions[key] = KeptRooms(KEPT_ROOMS)
    return kept


def channel(code: str) -> str:
    """The Socket.IO room every screen of an event listens on."""
    return f"room:{code}"


def host_channel(code: str) -> str:
    """The Socket.IO room only the host's screens join."""
    return f"host:{code}"


def person_channel(code: str, pid: str) -> str:
    """The Socket.IO room of one participant's screens: for what only they may see (a nudge)."""
    return f"person:{code}:{pid}"


def create_room(*, name: str, deck_id: str, turn_seconds: int,
                max_participants: int = DEFAULT_MAX_PARTICIPANTS,
                prompts: tuple[dict[str, Any], ...] | None = None) -> tuple[Room, str]:
    """A new room with a fresh code, saved; returns it and its host key."""
    return _insert_new(lambda now: Room.create(
        name=name, deck_id=deck_id, turn_seconds=turn_seconds, now=now,
        max_participants=max_participants, prompts=prompts))


def create_room_again(previous: Room, *, name: str) -> tuple[Room, str]:
    """The next event of `previous`'s series (`Room.again`), saved; returns it and its key."""
    return _insert_new(lambda now: previous.again(name=name, now=now))


def _insert_new(make: Callable[[float], tuple[Room, str]]) -> tuple[Room, str]:
    """Save the room `make(now)` builds, with another code if its code is taken."""
    store = get_store()
    for _ in range(SAVE_ATTEMPTS):
        room, host_key = make(time.time())
        try:
            store.insert(room, time.time())
            return room, host_key
        except CodeTaken:
            continue
    raise RoomError("Could not find a free room code; please try again.")


def load_room(code: object) -> Room:
    """The room with this code as last saved, to show and never to change (that is
    `change_room`'s job), or a clear message for a mistyped or expired code.

    Screens share one parsed copy per saved version: asking the store for the version costs a
    fraction of loading the room.
    """
    store, kept = get_store(), _kept("to read")
    code = normalize_code(code) if isinstance(code, str) else ""
    version = store.version(code) if code else None
    if version is None:
        raise RoomError(NO_SUCH_ROOM)
    room = kept.peek(code)
    if room is None or room.version != version:
        room = _load_to_change(code)
        kept.keep(room)
    return room


def room_version(code: str) -> int | None:
    """The version of the room as last saved (None: it is gone): what a screen compares with
    its own to know it is in step."""
    return get_store().version(code)


def _load_to_change(code: str) -> Room:
    """A copy of the room of its own, fresh from the store."""
    room = get_store().load(code)
    if room is None:
        raise RoomError(NO_SUCH_ROOM)
    return room


def change_room(code: str, change: Callable[[Room, At], T]) -> tuple[int, T]:
    """Apply `change` to the latest saved room, save it, broadcast the delta; returns the room's
    new version and what `change` returned.

    If `change` raises, or its deltas can't be built, nothing is saved. If another process saved
    first, start over from its version, so the change is applied to what everyone else already
    sees. The room itself stays here, for the next change: a caller that wants to show it calls
    `load_room`.
    """
    store, last_saved = get_store(), _kept("to change")
    with room_lock(code):
        for _ in range(SAVE_ATTEMPTS):
            kept = last_saved.take(code)
            room = kept or _load_to_change(code)
            room.begin_change()
            now = time.time()
            try:
                result = change(room, At(now, _rng))
            except RoomError:
                if kept is None:
                    raise
                continue  # maybe refused by a state another process has since moved on from
            if not room.changes:
                if kept is None:
                    last_saved.keep(room)
                    return room.version, result
                continue  # likewise: a change that changes nothing is checked on the saved room
            room.version += 1
            update, extra = delta(room, now), host_delta(room, now)  # before saving: see above
            if store.save(room, room.version - 1, now):
                break
        else:
            raise RoomError("The room is very busy; please try again.")
        last_saved.keep(room)
        # Still under the lock, so deltas are published in version order (with Redis: before
        # any other process can make the next version), and the host's extra items follow the
        # room delta of the same version.
        socketio.emit("room_update", update, to=channel(code))
        if extra is not None:
            socketio.emit("host_update", extra, to=host_channel(code))
        return room.version, result


ROOM_DELETED = "This event has ended and its data was deleted."


def delete_room(code: str) -> None:
    """Delete a room's data now; every screen on it is told and leaves its channels."""
    with room_lock(code):  # no delta can follow the notice
        get_store().delete(code)
        room_gone(code)


def room_gone(code: str) -> None:
    """After a room's data is deleted (by its host or on expiry): drop what this process keeps of
    it, tell every screen on it, then close its channels."""
    for purpose in ("to change", "to read"):
        _kept(purpose).take(code)
    socketio.emit("room_deleted", {"code": code, "message": ROOM_DELETED}, to=channel(code))
    socketio.close_room(channel(code))
    socketio.close_room(host_channel(code))
