"""The room service, the one write path: load the parts of an event a change needs, apply one
core command, save what it changed, broadcast what changed.

Every change goes through `change_room`, so every change bumps the version of each part it
changed exactly once, is persisted before anyone is told, and reaches every screen that shows
those parts as deltas, in version order. The deltas are built before the save: a change whose
delta cannot be built is refused and leaves the stored event as it was.

An event is stored and sent in parts (docs/architecture.md, "An event of several tables"): the
room part, and each table with its own version. A change names its scope: one table (it locks,
loads, saves and sends that table alone, reading the room part, which its save checks is still
the version saved), or the room, which it locks first, then each table it asks for, in the
order it asks (only such changes hold more than one lock, and all of them hold the room's
first, so none waits for another's table while holding one).

Several processes can serve one event (REDIS_URL set, one DATABASE_URL): a change holds its
locks from loading until its broadcast is published, in this process and, through Redis, in
all of them, so every screen gets every delta in version order wherever it is connected.
Nothing runs on a timer per room or table: a turn's end is a deadline in the saved state, so
no process ticks it twice.
"""

import random
import threading
import time
import uuid
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

import redis
from flask import current_app
from redis.lock import Lock

from .core.errors import N_, RoomError
from .core.sections import Collection
from .core.state.changes import Changes
from .core.state.identity import NO_SUCH_ROOM, ROOM_DELETED, normalize_code
from .core.state.languages import DEFAULT_LANGUAGE
from .core.state.layout import Layout
from .core.state.room import DEFAULT_MAX_PARTICIPANTS, Room
from .core.state.table import Table, Tables
from .core.views.screens import (
    delta,
    host_delta,
    table_delta,
    table_host_delta,
    table_snapshot,
)
from .extensions import socketio
from .store import CodeTaken, get_store

T = TypeVar("T")
Part = TypeVar("Part", Room, Table)
SAVE_ATTEMPTS = 5
# A change takes milliseconds; a lock left by a process that died mid-change expires after this.
SHARED_LOCK_SECONDS = 10
# Connections to Redis for the shared locks, per process (each is held for one round trip).
LOCK_CONNECTIONS = 50
_rng = random.SystemRandom()
# One lock per part (a room's, each table's) serialises changes within this process; with
# Redis, a shared lock per part serialises them across processes (and the versioned save in the
# store would catch any slip).
_locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
# Parts kept parsed, per set (see Kept): enough for every table of a big event, bounded so
# memory stays bounded (docs/benchmarks.md, change 7). Beyond that, parts are loaded as needed.
KEPT_ROOMS, KEPT_TABLES = 200, 2000
TABLES_MOVED = N_("The tables just changed: please try again.")


@dataclass(frozen=True)
class At:
    """When a change happens and its source of chance, for the commands that use them."""

    now: float
    rng: random.Random


@dataclass(frozen=True)
class Saved:
    """Where a change left the event: the room part's version (as read, for a change at one
    table) and the new version of each table it changed, by number."""

    version: int
    tables: dict[int, int] = field(default_factory=dict)


@contextmanager
def part_lock(name: str) -> Iterator[None]:
    """Hold the lock of one part (`CODE` for the room, `CODE:N` for table N): this process's,
    then the one all processes share through Redis."""
    with part_locks([name]):
        yield


@contextmanager
def part_locks(names: list[str]) -> Iterator[None]:
    """Hold the locks of several parts, taken in the order given: this process's, then the ones
    all processes share through Redis, asked for together in one round trip (an event-wide
    change at 200 tables asked 200 times, one after another). If another process holds any,
    they are let go and taken one by one, in order, waiting as for one."""
    with ExitStack() as held:
        for name in names:
            held.enter_context(_locks[name])
        client = _shared_locks()
        if client is not None:
            held.enter_context(_shared_part_locks(client, names))
        yield


@contextmanager
def _shared_part_locks(client: "redis.Redis", names: list[str]) -> Iterator[None]:
    prefix = current_app.config["REDIS_PREFIX"]
    locks = [client.lock(f"{prefix}:room-lock:{name}", timeout=SHARED_LOCK_SECONDS,
                         sleep=0.002, blocking_timeout=SHARED_LOCK_SECONDS) for name in names]
    tokens = [uuid.uuid4().hex for _ in locks]
    with client.pipeline(transaction=False) as pipe:
        for lock, token in zip(locks, tokens, strict=True):
            pipe.set(lock.name, token, nx=True, px=int(SHARED_LOCK_SECONDS * 1000))
        taken = pipe.execute()
    held = [(lock.name, token) for lock, token, ok in zip(locks, tokens, taken, strict=True) if ok]
    try:
        if len(held) < len(locks):
            _release(client, held)
            held = []
            for lock in locks:
                if not lock.acquire():
                    raise RoomError(N_("The room is very busy; please try again."))
                held.append((lock.name, lock.local.token))
        yield
    finally:
        _release(client, held)


def _release(client: "redis.Redis", held: list[tuple[str, Any]]) -> None:
    """Let go of shared locks (name, token) in one round trip. One that expired (a change
    slower than SHARED_LOCK_SECONDS) may be someone else's by now: the script leaves it."""
    if not held:
        return
    script = current_app.extensions.get("room_lock_release")
    if script is None:
        script = current_app.extensions["room_lock_release"] = client.register_script(
            Lock.LUA_RELEASE_SCRIPT)
    with client.pipeline(transaction=False) as pipe:
        for name, token in held:
            script(keys=[name], args=[token], client=pipe)
        pipe.execute()


def table_key(code: str, number: int) -> str:
    """The name of a table's lock and of its kept copies."""
    return f"{code}:{number}"


def _shared_locks() -> "redis.Redis | None":
    """The Redis client for room locks when several processes may serve a room, else None.

    Its connections are a bounded pool that a change waits on when all are in use: a burst of
    presses at 200 tables at once asked for more than the default pool's 100 and failed."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    client = current_app.extensions.get("room_locks")
    if client is None:
        pool = redis.BlockingConnectionPool.from_url(url, max_connections=LOCK_CONNECTIONS,
                                                     timeout=SHARED_LOCK_SECONDS)
        client = current_app.extensions["room_locks"] = redis.Redis(connection_pool=pool)
    return client


class Kept(Generic[Part]):
    """Parts this process keeps parsed, so a busy room or table is not loaded and parsed again
    and again, and screens share one copy instead of each parsing its own (docs/benchmarks.md,
    changes 7 and 10).

    Each app keeps two sets of each kind of part. The parts as this process last saved them,
    for `change_room` alone: it holds the part's lock and takes a part out while changing it,
    so a change that fails leaves nothing half-done behind. And the parts screens read, never
    changed, which `load_room` and `load_tables` serve while the saved version is still theirs.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._parts: OrderedDict[str, Part] = OrderedDict()
        self._guard = threading.Lock()  # the threading async mode serves requests in parallel

    def take(self, key: str) -> Part | None:
        with self._guard:
            return self._parts.pop(key, None)

    def peek(self, key: str) -> Part | None:
        with self._guard:
            part = self._parts.get(key)
            if part is not None:
                self._parts.move_to_end(key)
            return part

    def keep(self, key: str, part: Part) -> None:
        with self._guard:
            self._parts[key] = part
            self._parts.move_to_end(key)
            if len(self._parts) > self.size:
                self._parts.popitem(last=False)

    def drop(self, code: str) -> None:
        """Forget everything of the event `code`."""
        with self._guard:
            for key in [k for k in self._parts if k == code or k.startswith(f"{code}:")]:
                del self._parts[key]


def _kept_rooms(purpose: str) -> Kept[Room]:
    """This app's room parts kept "to change" or "to read" (one set per app: tests run several
    apps, each on its own database)."""
    return _kept(f"rooms kept {purpose}", KEPT_ROOMS)


def _kept_tables(purpose: str) -> Kept[Table]:
    return _kept(f"tables kept {purpose}", KEPT_TABLES)


def _kept(key: str, size: int) -> Any:
    if (kept := current_app.extensions.get(key)) is None:
        kept = current_app.extensions[key] = Kept(size)
    return kept


def channel(code: str, *, onlookers: bool = False) -> str:
    """The Socket.IO room the screens of an event taking part in it listen on (its phones, the
    console), or with `onlookers` the one of every other screen (the display, a phone not
    joined yet): changes reach the people taking part first (`_deltas`)."""
    return f"{'onlookers' if onlookers else 'room'}:{code}"


def table_channel(code: str, number: int, *, onlookers: bool = False) -> str:
    """The Socket.IO room of the screens following every table of an event (the console), or
    with `onlookers` of those only looking on (the display); the phones seated at a table get
    its deltas on their `person_channel`."""
    return f"{'onlookers-table' if onlookers else 'table'}:{code}:{number}"


def host_channel(code: str) -> str:
    """The Socket.IO room only the host's screens join."""
    return f"host:{code}"


def person_channel(code: str, pid: str) -> str:
    """The Socket.IO room of one participant's screens: for what only they may see (a nudge)."""
    return f"person:{code}:{pid}"


def create_room(*, name: str, deck_id: str, turn_seconds: int,
                max_participants: int = DEFAULT_MAX_PARTICIPANTS,
                prompts: tuple[dict[str, Any], ...] | None = None,
                layout: Layout | None = None,
                language: str = DEFAULT_LANGUAGE) -> tuple[Room, str]:
    """A new room with a fresh code and its tables, saved; returns it and its host key."""
    return _insert_new(lambda now: Room.create(
        name=name, deck_id=deck_id, turn_seconds=turn_seconds, now=now,
        max_participants=max_participants, prompts=prompts, layout=layout, language=language))


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
    raise RoomError(N_("Could not find a free room code; please try again."))


def load_room(code: object) -> Room:
    """The room part of an event as last saved, to show and never to change (that is
    `change_room`'s job), or a clear message for a mistyped or expired code.

    Screens share one parsed copy per saved version: asking the store for the version costs a
    fraction of loading the room.
    """
    store, kept = get_store(), _kept_rooms("to read")
    code = normalize_code(code) if isinstance(code, str) else ""
    version = store.version(code) if code else None
    if version is None:
        raise RoomError(NO_SUCH_ROOM)
    room = kept.peek(code)
    if room is None or room.version != version:
        room = _load_to_change(code)
        kept.keep(code, room)
    return room


def room_as_read(code: object) -> Room:
    """The room part as this process last read it, without asking the store whether it is
    still the version saved, unless this process has saved a newer one since (else as
    `load_room` gives it): only for what is checked later on the room as saved, such as which
    table a phone's action is for, or the room a change at one table reads (its save checks
    the version: `RoomStore.save`)."""
    normal = normalize_code(code) if isinstance(code, str) else ""
    read = _kept_rooms("to read").peek(normal)
    saved_here = _kept_rooms("to change").peek(normal)
    if read is not None and (saved_here is None or saved_here.version <= read.version):
        return read
    return load_room(code)


def room_version(code: str) -> int | None:
    """The version of the room part as last saved (None: it is gone): what a screen compares
    with its own to know it is in step."""
    return get_store().version(code)


def load_tables(code: str, numbers: list[int]) -> list[Table]:
    """Tables of an event as last saved, to show (shared copies, as `load_room`'s): one query
    for their revisions, and one more to load them if any changed since this process read
    them. A phone follows one table, and after a reshuffle every phone of a big event asks at
    once: its table alone is checked and loaded (docs/benchmarks.md, "A reshuffle")."""
    if not numbers:
        return []
    store, kept = get_store(), _kept_tables("to read")
    if len(numbers) == 1:
        (number,) = numbers
        revision = store.table_revision(code, number)
        revisions = {} if revision is None else {number: revision}
    else:
        revisions = store.table_revisions(code)
    tables = {n: t for n in numbers if (t := kept.peek(table_key(code, n))) is not None
              and t.revision == revisions.get(n)}
    if len(tables) < len([n for n in numbers if n in revisions]):
        loaded = [store.load_table(code, numbers[0])] if len(numbers) == 1 \
            else store.load_tables(code)
        for table in loaded:
            if table is not None:
                kept.keep(table_key(code, table.number), table)
                tables.setdefault(table.number, table)
    return [tables[n] for n in numbers if n in tables]


def table_versions(code: str) -> dict[int, int]:
    """Each table's version as last saved, by number."""
    return get_store().table_versions(code)


def load_event(code: object) -> Room:
    """The whole event as last saved, every table it ever had loaded: for the pages and exports
    that count over all of it (a copy of its own; never to change)."""
    room = load_room(code)
    store = get_store()
    return replace(room, changes=Changes(),
                   tables=Tables({t.number: t for t in store.load_tables(room.code)}))


def _load_to_change(code: str) -> Room:
    """A copy of the room part of its own, fresh from the store."""
    room = get_store().load(code)
    if room is None:
        raise RoomError(NO_SUCH_ROOM)
    return room


class _Parts:
    """The parts one attempt of a change works on: the room part and every table it asked for,
    each table under its lock, each taken from what this process kept or else loaded."""

    def __init__(self, code: str, locks: ExitStack, locked: set[int], only: int | None, *,
                 first: bool) -> None:
        self.code, self.locks, self.locked, self.only = code, locks, locked, only
        self.first = first  # the change's first attempt
        self.kept: list[Room | Table] = []  # parts taken from a kept copy, not the store

    def room(self) -> Room:
        """The room part: to change (its lock is held), or for a change at one table a copy
        of the room as read (`_room_to_read`; the change may not touch it)."""
        if self.only is not None:
            room = replace(self._room_to_read(), changes=Changes())
        else:
            kept = _kept_rooms("to change").take(self.code)
            room = kept or _load_to_change(self.code)
            if kept is not None:
                self.kept.append(kept)
            room.begin_change()
        room.tables = Tables(fetch=self.fetch)
        return room

    def _room_to_read(self) -> Room:
        """For a change at one table: on its first attempt, the room part as this process read
        it (`room_as_read`); the store saves the table only if the room part is still that
        version, so a room changed by another process costs a second attempt, which reads the
        room as last saved (docs/benchmarks.md, "Straight to the driver")."""
        if not self.first:
            return load_room(self.code)
        read = room_as_read(self.code)
        self.kept.append(read)
        return read

    def fetch(self, numbers: list[int]) -> dict[int, Table]:
        """Tables `numbers`, each under its lock (taken in the order asked), each taken from
        what this process kept, the rest loaded in one query: a change of every table of a
        big event does not load them one by one."""
        if self.only is not None and any(n != self.only for n in numbers):
            # The room read says another table than the one chosen: a reshuffle or a move was
            # saved in between (or a bug asks for tables a change at one table may not touch).
            raise RoomError(TABLES_MOVED)
        if to_lock := [n for n in numbers if n not in self.locked]:
            self.locks.enter_context(part_locks([table_key(self.code, n) for n in to_lock]))
            self.locked.update(to_lock)
        kept = _kept_tables("to change")
        found: dict[int, Table] = {}
        for number in numbers:
            if (table := kept.take(table_key(self.code, number))) is not None:
                self.kept.append(table)
                found[number] = table
        if missing := [n for n in numbers if n not in found]:
            found.update((t.number, t) for t in get_store().load_some_tables(self.code, missing))
        for table in found.values():
            table.begin_change()
        return found

    def verified(self) -> bool:
        """Whether every part taken from a kept copy is still the version saved, so what the
        change made of them stands (a cheap check, made only when it changed nothing)."""
        store = get_store()
        for part in self.kept:
            if isinstance(part, Room):
                current = store.version(self.code) == part.version
            else:
                current = store.table_revision(self.code, part.number) == part.revision
            if not current:
                return False
        return True


def change_room(code: str, change: Callable[[Room, At], T], *,
                table: int | None = None) -> tuple[Saved, T]:
    """Apply `change` to the latest saved event, save the parts it changed, broadcast their
    deltas; returns where that left the event (`Saved`) and what `change` returned.

    With `table`, the change is one at that table: it locks and saves only the table, and the
    table is saved only if the room part it read is still the one saved. Without, it locks the
    room part, and each table it asks for (`room.table(n)`) as it asks. If `change` raises, or
    its deltas can't be built, nothing is saved. If another process saved first, start over
    from its version, so the change is applied to what everyone else already sees. The parts
    stay here, for the next change: a caller that wants to show them calls `load_room` or
    `load_tables`.
    """
    store = get_store()
    with ExitStack() as locks:
        locks.enter_context(part_lock(code if table is None else table_key(code, table)))
        locked = set() if table is None else {table}
        for attempt in range(SAVE_ATTEMPTS):
            parts = _Parts(code, locks, locked, table, first=attempt == 0)
            room = parts.room()
            now = time.time()
            try:
                result = change(room, At(now, _rng))
            except RoomError:
                if not parts.kept or parts.verified():
                    raise
                continue  # maybe refused by a state another process has since moved on from
            if table is not None and room.changes:  # a bug: it may not change what it only reads
                raise RuntimeError(f"a change at table {table} touched the room part")
            tables = [t for t in room.tables.loaded() if t.changes or t.number in room.tables.new]
            if not room.changes and not tables:
                if parts.kept and not parts.verified():
                    continue  # likewise: a change that changes nothing is checked on what's saved
                _keep(room, parts, table)
                return Saved(room.version), result
            if room.changes:
                room.version += 1
            # A table's version moves only with what its screens see (`Table.count_change`)
            shown = [t for t in tables if t.count_change(new=t.number in room.tables.new)]
            # The deltas before saving: see above.
            updates = _deltas(room, tables, shown, now)
            if store.save(room, tables, now, room_changed=bool(room.changes)):
                break
        else:
            raise RoomError(N_("The room is very busy; please try again."))
        _keep(room, parts, table)
        # Still under the locks, so each part's deltas are published in version order (with
        # Redis: before any other process can make its next version), and the host's extras
        # follow the delta of the same version.
        for event, payload, to in updates:
            socketio.emit(event, payload, to=to)
        return Saved(room.version, {t.number: t.version for t in tables}), result


def _deltas(room: Room, tables: list[Table], shown: list[Table], now: float
            ) -> list[tuple[str, Any, str | list[str]]]:
    """What the change sends, in order: to each person it seated at another table, that
    table's snapshot (`table_snapshot`); the room's delta and the host's extras; then each
    table's: its delta if its screens see the change (`shown`), and the host's extras; then
    the same deltas again for the onlookers' channels.

    A table's delta goes to the screens following every table (`table_channel`) and to the
    people seated there (their `person_channel`), so a phone moved by a reshuffle has its new
    table from the server, before the room's delta says where it sits, instead of each of
    600 phones asking for it at once (docs/benchmarks.md, "A reshuffle").

    People taking part come first: every screen's copy is queued in the order emitted, so the
    phones and the console get theirs before any onlooker's. Anyone may look on, as often as
    the limits allow (issue 16.2): a crowd of onlookers then delays only the onlookers."""
    code = room.code
    out: list[tuple[str, Any, str | list[str]]] = []
    looking_on: list[tuple[str, Any, str | list[str]]] = []
    moved = room.changes.items.get(Collection.SEATS, set())
    for table in tables:
        if movers := [pid for pid in table.seated if pid in moved]:
            out.append(("table_snapshot", {"table": table.number,
                                           "snapshot": table_snapshot(room, table, now)},
                        [person_channel(code, pid) for pid in movers]))
    if room.changes:
        room_delta = delta(room, now)
        out.append(("room_update", room_delta, channel(code)))
        looking_on.append(("room_update", room_delta, channel(code, onlookers=True)))
        if (extra := host_delta(room, now)) is not None:
            out.append(("host_update", extra, host_channel(code)))
    for table in tables:
        if table in shown:
            seated = [person_channel(code, pid) for pid in table.seated if pid not in moved]
            seen = table_delta(table, now)
            out.append(("table_update", seen, [table_channel(code, table.number), *seated]))
            looking_on.append(("table_update", seen,
                               table_channel(code, table.number, onlookers=True)))
        if (extra := table_host_delta(room, table, now)) is not None:
            out.append(("host_update", extra, host_channel(code)))
    return out + looking_on


def _keep(room: Room, parts: _Parts, only: int | None) -> None:
    """Keep what the change worked on for the next change: each table it asked for or added,
    and the room part unless it only read it."""
    kept_tables = _kept_tables("to change")
    for table in room.tables.loaded():
        kept_tables.keep(table_key(room.code, table.number), table)
    room.tables = Tables()  # the kept room holds no table: each is kept (and changed) apart
    if only is None:
        _kept_rooms("to change").keep(room.code, room)



def delete_room(code: str) -> None:
    """Delete a room's data now; every screen on it is told and leaves its channels."""
    with part_lock(code):  # no room delta can follow the notice
        get_store().delete(code)
        room_gone(code)


def room_gone(code: str) -> None:
    """After a room's data is deleted (by its host or on expiry): drop what this process keeps of
    it, tell every screen on it, then close its channels."""
    for purpose in ("to change", "to read"):
        _kept_rooms(purpose).drop(code)
        _kept_tables(purpose).drop(code)
    for onlookers in (False, True):
        socketio.emit("room_deleted", {"code": code, "message": ROOM_DELETED},
                      to=channel(code, onlookers=onlookers))
        socketio.close_room(channel(code, onlookers=onlookers))
    socketio.close_room(host_channel(code))
