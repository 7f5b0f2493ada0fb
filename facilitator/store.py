"""Persistence: the only module that speaks SQL.

An event is saved in parts (docs/architecture.md, "An event of several tables"): the room part
as one JSON document in `rooms`, each table as one in `room_tables`, each with its own version.
A change saves the parts it changed in one transaction: either all are written or none. Every
save is conditional on the version read (a table's revision: it counts every save, where its
version counts only what screens see), so two server processes changing one part never
overwrite each other (the loser reloads and retries).
"""

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

import orjson
from flask import Flask, current_app
from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    bindparam,
    create_engine,
    delete,
    event,
    exists,
    insert,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.engine.interfaces import DBAPICursor
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

from .core.state.persisted import (
    room_from_dict,
    room_to_dict,
    table_from_dict,
    table_to_dict,
    upgrade,
)
from .core.state.room import Room
from .core.state.table import Table as TablePart

metadata = MetaData()
rooms = Table(
    "rooms", metadata,
    Column("code", String(16), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    # An ended event's deletion time (its data says so too; a column, so the sweep can find it)
    Column("kept_until", Float, nullable=True),
)

# The tables of each event: one row per table, with its own version (a change at one table
# writes only its row).
room_tables = Table(
    "room_tables", metadata,
    Column("code", String(16), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
    # Every save (`Table.revision`); the version only moves with what screens see. Nullable, as
    # added to databases made before it (`_fill_revisions`).
    Column("revision", Integer, nullable=True),
)

# Messages to send (facilitator/mail.py): what to send to whom and when, never the message
# itself: it is written from the room when it goes, so an address or link is only in the room.
outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("room_code", String(16), nullable=False, index=True),
    Column("pid", String(40), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("base_url", Text, nullable=False),  # where the links in it point
    Column("due_at", Float, nullable=False),  # the next try
    Column("attempts", Integer, nullable=False, default=0),
    Column("claimed_until", Float, nullable=True),  # a sender is on it (one process of several)
    Column("failed_at", Float, nullable=True),  # gave up after MAIL_MAX_ATTEMPTS
    Column("last_error", Text, nullable=True),
)


@dataclass(frozen=True)
class Mail:
    """One message waiting in the outbox."""

    id: int
    room_code: str
    pid: str
    kind: str
    base_url: str
    attempts: int


# The statements of every change, built once: building and caching a statement per call cost
# more than the SQLite write itself (docs/benchmarks.md, change 8).
LOAD = select(rooms.c.data).where(rooms.c.code == bindparam("code"))
VERSION = select(rooms.c.version).where(rooms.c.code == bindparam("code"))
# (An UPDATE's parameters may not share its columns' names.)
SAVE = (update(rooms)
        .where(rooms.c.code == bindparam("room"), rooms.c.version == bindparam("expected"))
        .values(version=bindparam("new_version"), data=bindparam("new_data"),
                updated_at=bindparam("now"), kept_until=bindparam("new_kept_until")))
_THE_TABLE = (room_tables.c.code == bindparam("room"), room_tables.c.number == bindparam("table"))
LOAD_TABLE = select(room_tables.c.data).where(*_THE_TABLE)
TABLE_REVISION = select(room_tables.c.revision).where(*_THE_TABLE)
TABLE_VERSIONS = (select(room_tables.c.number, room_tables.c.version)
                  .where(room_tables.c.code == bindparam("room")))
TABLE_REVISIONS = (select(room_tables.c.number, room_tables.c.revision)
                   .where(room_tables.c.code == bindparam("room")))
# A table is saved only if nobody saved it since it was read, and the room part is still the
# version the change read: a change at one table reads the room without asking the store
# (`room_service`), and this is where it learns it read an old one.
SAVE_TABLE = (update(room_tables)
              .where(*_THE_TABLE, room_tables.c.revision == bindparam("expected"),
                     exists().where(rooms.c.code == bindparam("room"),
                                    rooms.c.version == bindparam("room_version")))
              .values(version=bindparam("new_version"), revision=bindparam("new_revision"),
                      data=bindparam("new_data"), updated_at=bindparam("now")))
INSERT_TABLE = insert(room_tables)


class Direct:
    """A statement compiled once for the engine's database and run on a DBAPI cursor: for the
    one-row statements of every change and every screen's read, SQLAlchemy's execution
    machinery (the connection and execution context it builds per call) cost more than the
    database's own work (docs/benchmarks.md, "Straight to the driver")."""

    def __init__(self, engine: Engine, statement: ClauseElement) -> None:
        compiled = cast(SQLCompiler, statement.compile(dialect=engine.dialect))
        self.sql = compiled.string
        self.names = compiled.positiontup  # the parameters' order, if the driver's are positional
        if own := [name for name, value in compiled.params.items() if value is not None]:
            raise ValueError(f"a value in the statement itself would not be sent: {own}")

    def run(self, cursor: DBAPICursor, params: dict[str, Any]) -> DBAPICursor:
        cursor.execute(self.sql, params if self.names is None
                       else tuple(params[name] for name in self.names))
        return cursor


class CodeTaken(Exception):
    """Another room already has this code."""


class _Stale(Exception):
    """A part was saved by someone else since it was read: the transaction is rolled back."""


class RoomStore:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        _create_tables(self.engine)
        self._load = Direct(self.engine, LOAD)
        self._version = Direct(self.engine, VERSION)
        self._save = Direct(self.engine, SAVE)
        self._load_table = Direct(self.engine, LOAD_TABLE)
        self._table_revision = Direct(self.engine, TABLE_REVISION)
        self._save_table = Direct(self.engine, SAVE_TABLE)
        self._insert_table = Direct(self.engine, INSERT_TABLE.values(
            **{c.name: bindparam(c.name) for c in room_tables.columns}))
        self._integrity_error = self.engine.dialect.loaded_dbapi.IntegrityError

    @contextmanager
    def _cursor(self) -> Iterator[DBAPICursor]:
        """A cursor on a connection of the engine's pool; what it wrote is committed when the
        block ends, or rolled back when it raises (the pool rolls back what is left)."""
        conn = self.engine.raw_connection()
        try:
            yield conn.cursor()
            conn.commit()
        finally:
            conn.close()

    def _scalar(self, statement: Direct, params: dict[str, Any]) -> Any:
        with self._cursor() as cursor:
            row = statement.run(cursor, params).fetchone()
        return None if row is None else row[0]

    def insert(self, room: Room, now: float) -> None:
        """A new event: its room part and every table it starts with."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(rooms).values(
                    code=room.code, version=room.version, data=_dump(room_to_dict(room)),
                    created_at=room.created_at, updated_at=now, kept_until=room.kept_until))
                for table in room.tables.loaded():
                    conn.execute(INSERT_TABLE, _table_row(room.code, table, now))
        except IntegrityError as exc:
            raise CodeTaken(room.code) from exc

    def load(self, code: str) -> Room | None:
        """The room part of an event (its tables load apart)."""
        data = self._scalar(self._load, {"code": code})
        return room_from_dict(_parse(data)) if data is not None else None

    def version(self, code: str) -> int | None:
        """The saved room part's version, without loading it; None if there is no such room."""
        version: int | None = self._scalar(self._version, {"code": code})
        return version

    def load_table(self, code: str, number: int) -> TablePart | None:
        data = self._scalar(self._load_table, {"room": code, "table": number})
        return table_from_dict(_parse(data)) if data is not None else None

    def load_some_tables(self, code: str, numbers: list[int]) -> list[TablePart]:
        """Tables `numbers` of an event (those it has), in one query."""
        if len(numbers) == 1:
            table = self.load_table(code, numbers[0])
            return [] if table is None else [table]
        with self.engine.connect() as conn:
            rows = conn.execute(select(room_tables.c.data).where(
                room_tables.c.code == code, room_tables.c.number.in_(numbers))).scalars()
            return [table_from_dict(_parse(data)) for data in rows]

    def load_tables(self, code: str) -> list[TablePart]:
        """Every table the event has had, by number."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(room_tables.c.data).where(room_tables.c.code == code)
                                .order_by(room_tables.c.number)).scalars()
            return [table_from_dict(_parse(data)) for data in rows]

    def table_revision(self, code: str, number: int) -> int | None:
        revision: int | None = self._scalar(self._table_revision, {"room": code, "table": number})
        return revision

    def table_versions(self, code: str) -> dict[int, int]:
        """Each table's saved version (what its screens hold), by number, in one query."""
        with self.engine.connect() as conn:
            return {number: version for number, version in
                    conn.execute(TABLE_VERSIONS, {"room": code}).all()}

    def table_revisions(self, code: str) -> dict[int, int]:
        """Each table's saved revision, by number: whether a copy kept is still current."""
        with self.engine.connect() as conn:
            return {number: revision for number, revision in
                    conn.execute(TABLE_REVISIONS, {"room": code}).all()}

    def save(self, room: Room, tables: list[TablePart], now: float, *,
             room_changed: bool = True) -> bool:
        """Write the room part (if `room_changed`) and `tables`, each only if nobody else saved
        it since the version before theirs (a table new to the event is inserted), all in one
        transaction; False, and nothing written, if someone did. Tables written without the
        room part are written only if the room part is still `room.version`."""
        try:
            with self._cursor() as cursor:
                if room_changed:
                    self._save_room(cursor, room, now)
                for table in tables:
                    self._save_one_table(cursor, room, table, now)
        except (_Stale, self._integrity_error):  # a new table someone else inserted first
            return False
        return True

    def _save_room(self, cursor: DBAPICursor, room: Room, now: float) -> None:
        saved = self._save.run(cursor, {"room": room.code, "expected": room.version - 1,
                                        "new_version": room.version,
                                        "new_data": _dump(room_to_dict(room)),
                                        "new_kept_until": room.kept_until, "now": now})
        if saved.rowcount != 1:
            raise _Stale(room.code)

    def _save_one_table(self, cursor: DBAPICursor, room: Room, table: TablePart,
                        now: float) -> None:
        if table.number in room.tables.new:  # only ever with the room part (`Room.add_table`)
            self._insert_table.run(cursor, _table_row(room.code, table, now))
            return
        # The room's version: as saved just before in this transaction, or as the change read it.
        saved = self._save_table.run(cursor, {"room": room.code, "table": table.number,
                                              "expected": table.revision - 1,
                                              "room_version": room.version,
                                              "new_version": table.version,
                                              "new_revision": table.revision,
                                              "new_data": _dump(table_to_dict(table)),
                                              "now": now})
        if saved.rowcount != 1:
            raise _Stale(room.code)

    def delete(self, code: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(rooms).where(rooms.c.code == code))
            conn.execute(delete(room_tables).where(room_tables.c.code == code))
            conn.execute(delete(outbox).where(outbox.c.room_code == code))
        self._wipe()

    def _wipe(self) -> None:
        """After a deletion, leave no copy behind in SQLite's write-ahead log: the pages it
        freed are zeroed in the file (`secure_delete`), and the log is copied back and cut to
        nothing. (PostgreSQL's VACUUM does the like in its own time.)"""
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def delete_expired(self, *, idle_since: float, now: float) -> list[str]:
        """Remove the ended rooms kept until before `now`, and the rooms nobody ended that are
        untouched since `idle_since`; returns their codes."""
        # One statement, RETURNING what it deleted: when several processes sweep at once, each
        # room is deleted (and announced) by exactly one of them, and a room changed meanwhile
        # is not deleted at all.
        # A table changed lately keeps its event alive though the room part was not.
        busy_table = (select(room_tables.c.code)
                      .where(room_tables.c.code == rooms.c.code,
                             room_tables.c.updated_at >= idle_since).exists())
        expired = or_(and_(rooms.c.kept_until.is_(None), rooms.c.updated_at < idle_since,
                           ~busy_table),
                      rooms.c.kept_until < now)
        with self.engine.begin() as conn:
            codes = list(conn.execute(delete(rooms).where(expired)
                                      .returning(rooms.c.code)).scalars())
            if codes:
                conn.execute(delete(room_tables).where(room_tables.c.code.in_(codes)))
                conn.execute(delete(outbox).where(outbox.c.room_code.in_(codes)))
        if codes:
            self._wipe()
        return codes

    # --- the outbox ------------------------------------------------------------------------

    def queue_mail(self, code: str, messages: list[tuple[str, str, float]], *, base_url: str,
                   replacing: tuple[str, str] | None = None) -> None:
        """Queue (pid, kind, due) messages, in one transaction with dropping what `replacing`
        (pid, kind) names that is still to send."""
        with self.engine.begin() as conn:
            if replacing is not None:
                pid, kind = replacing
                conn.execute(delete(outbox).where(
                    outbox.c.room_code == code, outbox.c.pid == pid, outbox.c.kind == kind,
                    outbox.c.failed_at.is_(None)))
            if messages:
                conn.execute(insert(outbox), [
                    {"room_code": code, "pid": pid, "kind": kind, "base_url": base_url,
                     "due_at": due_at, "attempts": 0} for pid, kind, due_at in messages])

    def drop_mail(self, code: str, pid: str) -> None:
        """Forget what is still to send to `pid`, e.g. on unsubscribing."""
        with self.engine.begin() as conn:
            conn.execute(delete(outbox).where(outbox.c.room_code == code, outbox.c.pid == pid,
                                              outbox.c.failed_at.is_(None)))

    def claim_mail(self, now: float, until: float, limit: int) -> list[Mail]:
        """Messages due by `now` that no sender holds, each now held until `until`: when
        several processes send, each message is claimed by exactly one of them."""
        due = select(outbox).where(outbox.c.failed_at.is_(None), outbox.c.due_at <= now,
                                   or_(outbox.c.claimed_until.is_(None),
                                       outbox.c.claimed_until < now)
                                   ).order_by(outbox.c.due_at).limit(limit)
        claimed = []
        with self.engine.begin() as conn:
            for row in conn.execute(due).mappings().all():
                taken = conn.execute(update(outbox).where(
                    outbox.c.id == row["id"], or_(outbox.c.claimed_until.is_(None),
                                                  outbox.c.claimed_until < now)
                ).values(claimed_until=until))
                if taken.rowcount == 1:
                    claimed.append(Mail(row["id"], row["room_code"], row["pid"], row["kind"],
                                        row["base_url"], row["attempts"]))
        return claimed

    def mail_sent(self, mail_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(outbox).where(outbox.c.id == mail_id))

    def mail_failed(self, mail: Mail, *, now: float, retry_at: float | None, error: str) -> None:
        """A try failed: try again at `retry_at`, or (None) give up."""
        with self.engine.begin() as conn:
            conn.execute(update(outbox).where(outbox.c.id == mail.id).values(
                attempts=mail.attempts + 1, claimed_until=None, last_error=error,
                due_at=retry_at if retry_at is not None else now,
                failed_at=None if retry_at is not None else now))

    def outbox_of(self, code: str) -> list[dict]:
        """What the outbox holds for a room (for tests and the operator)."""
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(
                select(outbox).where(outbox.c.room_code == code).order_by(outbox.c.id)
            ).mappings()]


def _create_tables(engine: Engine, attempts: int = 3) -> None:
    """Create missing tables and columns, and split rooms saved before tables were parts of
    their own. Server processes started together on a new PostgreSQL database race to create
    them, and all but one fail; a second look finds them."""
    for attempt in range(attempts):
        try:
            metadata.create_all(engine)
            _add_missing_columns(engine)
            _fill_revisions(engine)
            _split_old_rooms(engine)
            return
        except (IntegrityError, ProgrammingError, OperationalError):
            if attempt == attempts - 1:
                raise


def _add_missing_columns(engine: Engine) -> None:
    """Columns added since a table was first created (a database from an older version): each
    nullable, so rows saved before read as "not set"."""
    for table in metadata.sorted_tables:
        have = {c["name"] for c in inspect(engine).get_columns(table.name)}
        for column in table.columns:
            if column.name not in have:
                kind = column.type.compile(dialect=engine.dialect)
                with engine.begin() as conn:
                    conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}"))


def _fill_revisions(engine: Engine) -> None:
    """Tables saved before revisions were counted start from their version."""
    with engine.begin() as conn:
        conn.execute(update(room_tables).where(room_tables.c.revision.is_(None))
                     .values(revision=room_tables.c.version))


def _split_old_rooms(engine: Engine) -> None:
    """Rooms saved with their one table inside (before tables were parts): each becomes a room
    part and its table 1, in one transaction per room, on the version read (a process starting
    at the same moment splits it once)."""
    with engine.connect() as conn:
        old = conn.execute(select(rooms.c.code, rooms.c.version, rooms.c.data, rooms.c.updated_at)
                           .where(rooms.c.data.startswith('{"format":1,'))).all()
    for code, version, data, updated_at in old:
        room, tables = upgrade(_parse(data))
        try:
            with engine.begin() as conn:
                for table in tables:
                    conn.execute(INSERT_TABLE, {"code": code, "number": table["number"],
                                                "version": table["version"],
                                                "revision": table["version"],
                                                "data": _dump(table), "updated_at": updated_at})
                conn.execute(update(rooms).where(rooms.c.code == code,
                                                 rooms.c.version == version)
                             .values(data=_dump(room)))
        except IntegrityError:
            continue  # another process split it


def _table_row(code: str, table: TablePart, now: float) -> dict:
    return {"code": code, "number": table.number, "version": table.version,
            "revision": table.revision,
            "data": _dump(table_to_dict(table)), "updated_at": now}


# A part is read and written whole on every change: orjson does both several times faster than
# json (docs/benchmarks.md, change 3). Text it refuses (a lone surrogate) goes through json
# instead.
def _dump(data: dict) -> str:
    try:
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return json.dumps(data, separators=(",", ":"))


def _parse(text: str) -> dict:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


# SQLite copies its log back into the database once the log holds this many pages, inside the
# commit that crosses it, flushing to disk what the log holds first: at SQLite's default of
# 1,000 pages that commit blocked every phone of the process under eventlet and gevent long
# enough to make a board post the slowest of a run. A tenth as many pages, ten times as often,
# each far shorter (docs/benchmarks.md, "Under attack").
CHECKPOINT_PAGES = 100


def make_engine(url: str) -> Engine:
    """An engine; SQLite gets WAL and a busy timeout so readers never block the writer."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # A server connection can drop (a restart, an idle timeout), so check it before use; a
    # file cannot, and the check cost SQLite a good part of a save (docs/benchmarks.md, change 8).
    engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        _owner_only(engine.url.database)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            # No fsync on every commit (only at checkpoints): a commit's fsync blocks the whole
            # process under eventlet/gevent, for every phone. In WAL mode the database stays
            # consistent; a power cut (not a crash) may lose the last moments of changes.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            # What is deleted is overwritten with zeros, not merely marked free (`_wipe`).
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
            cursor.close()
    return engine


def _owner_only(path: str | None) -> None:
    """The database file, and its write-ahead log and shared memory, readable by the server's
    own user alone. SQLite creates the other two with the database's permissions."""
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    for name in (path, f"{path}-wal", f"{path}-shm"):
        if os.path.exists(name):
            os.chmod(name, 0o600)


def init_app(app: Flask) -> None:
    """Bind the store to the app: SQLite in the instance folder unless DATABASE_URL says else."""
    url = app.config["DATABASE_URL"]
    if not url:
        os.makedirs(app.instance_path, exist_ok=True)
        url = f"sqlite:///{os.path.join(app.instance_path, 'facilitator.db')}"
    app.extensions["room_store"] = RoomStore(url)


def get_store() -> RoomStore:
    return current_app.extensions["room_store"]
