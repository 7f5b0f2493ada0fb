"""Persistence: the only module that speaks SQL.

A room is saved whole, as one JSON document with its version, in one statement: a change is
either all written or not at all. Saves are conditional on the version read, so two server
processes changing one room never overwrite each other (the loser reloads and retries).
"""

import json
import os
from dataclasses import dataclass

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
            conn.execute(delete(outbox).where(outbox.c.room_code == code))

    def delete_expired(self, *, idle_since: float, now: float) -> list[str]:
        """Remove the ended rooms kept until before `now`, and the rooms nobody ended that are
        untouched since `idle_since`; returns their codes."""
        # One statement, RETURNING what it deleted: when several processes sweep at once, each
        # room is deleted (and announced) by exactly one of them, and a room changed meanwhile
        # is not deleted at all.
        expired = or_(and_(rooms.c.kept_until.is_(None), rooms.c.updated_at < idle_since),
                      rooms.c.kept_until < now)
        with self.engine.begin() as conn:
            codes = list(conn.execute(delete(rooms).where(expired)
                                      .returning(rooms.c.code)).scalars())
            if codes:
                conn.execute(delete(outbox).where(outbox.c.room_code.in_(codes)))
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
