"""Persistence: the only module that speaks SQL.

A room is saved whole, as one JSON document with its version, in one statement: a change is
either all written or not at all. Saves are conditional on the version read, so two server
processes changing one room never overwrite each other (the loser reloads and retries).
"""

import json
import os

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
    insert,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from .core.state.persisted import room_from_dict, room_to_dict
from .core.state.room import Room

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

# The two statements of every change, built once: building and caching a statement per call cost
# more than the SQLite write itself (docs/benchmarks.md, change 8).
LOAD = select(rooms.c.data).where(rooms.c.code == bindparam("code"))
VERSION = select(rooms.c.version).where(rooms.c.code == bindparam("code"))
# (An UPDATE's parameters may not share its columns' names.)
SAVE = (update(rooms)
        .where(rooms.c.code == bindparam("room"), rooms.c.version == bindparam("expected"))
        .values(version=bindparam("new_version"), data=bindparam("new_data"),
                updated_at=bindparam("now"), kept_until=bindparam("new_kept_until")))


class CodeTaken(Exception):
    """Another room already has this code."""


class RoomStore:
    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        _create_tables(self.engine)

    def insert(self, room: Room, now: float) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(rooms).values(
                    code=room.code, version=room.version, data=_dump(room),
                    created_at=room.created_at, updated_at=now, kept_until=room.kept_until))
        except IntegrityError as exc:
            raise CodeTaken(room.code) from exc

    def load(self, code: str) -> Room | None:
        with self.engine.connect() as conn:
            data = conn.execute(LOAD, {"code": code}).scalar()
        return room_from_dict(_parse(data)) if data is not None else None

    def version(self, code: str) -> int | None:
        """The saved room's version, without loading it; None if there is no such room."""
        with self.engine.connect() as conn:
            return conn.execute(VERSION, {"code": code}).scalar()

    def save(self, room: Room, expected_version: int, now: float) -> bool:
        """Write `room` if nobody else saved since `expected_version`; False if someone did."""
        with self.engine.begin() as conn:
            result = conn.execute(SAVE, {"room": room.code, "expected": expected_version,
                                         "new_version": room.version, "new_data": _dump(room),
                                         "new_kept_until": room.kept_until, "now": now})
        return result.rowcount == 1

    def delete(self, code: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(rooms).where(rooms.c.code == code))

    def delete_expired(self, *, idle_since: float, now: float) -> list[str]:
        """Remove the ended rooms kept until before `now`, and the rooms nobody ended that are
        untouched since `idle_since`; returns their codes."""
        # One statement, RETURNING what it deleted: when several processes sweep at once, each
        # room is deleted (and announced) by exactly one of them, and a room changed meanwhile
        # is not deleted at all.
        expired = or_(and_(rooms.c.kept_until.is_(None), rooms.c.updated_at < idle_since),
                      rooms.c.kept_until < now)
        with self.engine.begin() as conn:
            return list(conn.execute(delete(rooms).where(expired)
                                     .returning(rooms.c.code)).scalars())


def _create_tables(engine: Engine, attempts: int = 3) -> None:
    """Create missing tables and columns. Server processes started together on a new
    PostgreSQL database race to create them, and all but one fail; a second look finds them."""
    for attempt in range(attempts):
        try:
            metadata.create_all(engine)
            _add_missing_columns(engine)
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


# A room is read and written whole on every change: orjson does both several times faster than
# json (docs/benchmarks.md, change 3). Text it refuses (a lone surrogate) goes through json
# instead.
def _dump(room: Room) -> str:
    data = room_to_dict(room)
    try:
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return json.dumps(data, separators=(",", ":"))


def _parse(text: str) -> dict:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def make_engine(url: str) -> Engine:
    """An engine; SQLite gets WAL and a busy timeout so readers never block the writer."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # A server connection can drop (a restart, an idle timeout), so check it before use; a
    # file cannot, and the check cost SQLite a good part of a save (docs/benchmarks.md, change 8).
    engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            # No fsync on every commit (only at checkpoints): a commit's fsync blocks the whole
            # process under eventlet/gevent, for every phone. In WAL mode the database stays
            # consistent; a power cut (not a crash) may lose the last moments of changes.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()
    return engine


def init_app(app: Flask) -> None:
    """Bind the store to the app: SQLite in the instance folder unless DATABASE_URL says else."""
    url = app.config["DATABASE_URL"]
    if not url:
        os.makedirs(app.instance_path, exist_ok=True)
        url = f"sqlite:///{os.path.join(app.instance_path, 'facilitator.db')}"
    app.extensions["room_store"] = RoomStore(url)


def get_store() -> RoomStore:
    return current_app.extensions["room_store"]
