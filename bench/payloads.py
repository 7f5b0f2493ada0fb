"""Rooms for the benchmark, made with the real domain core, and the payloads baselines send.

Phones reach a seeded room by token (the reconnect path): 500 joins through the protocol would
broadcast O(n²) updates and dominate the run. The baselines get, per room, the snapshot (the
room's and its table's) and, per action, the delta the room (or, for "next", its table) gets and
the extras its host gets, exactly as the app builds them, so they send the same broadcasts with
payloads of the same size.
"""

import json
import time
from dataclasses import dataclass

from facilitator.core.commands import board, people, round
from facilitator.core.state.layout import Layout
from facilitator.core.state.persisted import (
    room_from_dict,
    room_to_dict,
    table_from_dict,
    table_to_dict,
)
from facilitator.core.state.room import Room
from facilitator.core.state.table import Tables
from facilitator.core.views.screens import (
    delta,
    host_delta,
    snapshot,
    table_delta,
    table_host_delta,
    table_snapshot,
)
from facilitator.store import RoomStore

# What a phone posts in the "board post" action (a typical offer, about 100 characters).
OFFER = {"kind": "intro", "text": "I know a great designer who loves early-stage work; happy to "
         "introduce you after the round."}
INTERESTS = ["climate", "design", "hiring", "open source"]


@dataclass
class Seeded:
    room: Room
    host_key: str
    tokens: list[str]
    table: int | None = None  # one table of an event: the host's "next" names it
    # A room standing for an event's table on a bare server: its host is the one connection
    # of every room with the same console, as an event's tables have one console.
    console: str | None = None

    def spec(self) -> dict:
        """What the load generator needs to play this room's (or table's) host and phones."""
        return {"code": self.room.code, "host_key": self.host_key, "tokens": self.tokens,
                "table": self.table, "console": self.console}


def seed_rooms(rooms: int, phones: int, next_actions: int) -> list[Seeded]:
    """`rooms` rooms of `phones` participants each, a round running, prompts enough for
    `next_actions` presses of "next" (each round gives every phone one turn)."""
    now = time.time()
    made = []
    for r in range(rooms):
        room, host_key = Room.create(name=f"Bench {r + 1}", deck_id="classic", turn_seconds=90,
                                     now=now, max_participants=max(500, phones))
        tokens = []
        for i in range(phones):
            _, token = people.join(room, name=f"Phone {i + 1}",
                                   about="Product designer at a small studio",
                                   interests=INTERESTS, now=now)
            tokens.append(token)
        for i in range(next_actions // (phones + 1) + 2 - len(room.prompts.items)):
            room.prompts.add(f"Extra prompt {i + 1}: what are you working on this month?")
        round.start(room, now=now)
        room.begin_change()
        made.append(Seeded(room, host_key, tokens))
    return made


def seed_event(tables: int, phones: int, next_actions: int) -> list[Seeded]:
    """One event of `tables` tables with `phones` participants at each (seated as they join:
    the smallest table first), every table's round running; one `Seeded` per table."""
    now = time.time()
    room, host_key = Room.create(name="Bench event", deck_id="classic", turn_seconds=90, now=now,
                                 max_participants=tables * phones,
                                 layout=Layout.new(tables=tables))
    tokens: dict[int, list[str]] = {}
    for i in range(tables * phones):
        person, token = people.join(room, name=f"Phone {i + 1}",
                                    about="Product designer at a small studio",
                                    interests=INTERESTS, now=now)
        tokens.setdefault(room.layout.seats[person.id], []).append(token)
    for i in range(next_actions // (phones + 1) + 2 - len(room.prompts.items)):
        room.prompts.add(f"Extra prompt {i + 1}: what are you working on this month?")
    round.start(room, now=now)
    room.begin_change()
    return [Seeded(room, host_key, tokens[n], table=n) for n in sorted(tokens)]


def insert_rooms(database_url: str, seeded: list[Seeded]) -> None:
    """Save the rooms (an event once, whatever its tables) in a fresh database, as
    `create_room` would."""
    store = RoomStore(database_url)
    try:
        for s in {s.room.code: s for s in seeded}.values():
            store.insert(s.room, time.time())
    finally:
        store.engine.dispose()


def baseline_payloads(seeded: list[Seeded], next_actions: int) -> dict:
    """Per room: the snapshots a screen gets on `watch` (the room's, its table's); per action,
    the delta it broadcasts (to the room; for "next", to table 1) and the host's extras
    (`host_update`) that follow it."""
    now = time.time()
    rooms = {}
    for s in seeded:
        room = _copy(s.room)
        # The host's airtime report grows as turns pass: take the deltas from mid-run.
        for _ in range(min(next_actions // 2, len(s.tokens) - 1)):
            round.advance(room, now=now)
        room.begin_change()
        round.advance(room, now=now)
        table = room.table(1)
        next_delta, next_extras = table_delta(table, now), table_host_delta(room, table, now)
        room = _copy(s.room)
        poster = next(iter(room.participants))
        board.post_offer(room, poster, **OFFER, now=now)
        rooms[s.room.code] = {
            "snapshot": snapshot(s.room, now),
            "tables": {"1": table_snapshot(s.room, s.room.table(1), now)},
            "actions": {"next": next_delta, "post_offer": delta(room, now)},
            "host": {"next": next_extras, "post_offer": host_delta(room, now)},
        }
    return {"rooms": rooms}


def _copy(room: Room) -> Room:
    """A deep copy, through JSON as the store makes one (`room_to_dict` shares lists)."""
    copy = room_from_dict(json.loads(json.dumps(room_to_dict(room))))
    copy.tables = Tables({t.number: table_from_dict(json.loads(json.dumps(table_to_dict(t))))
                          for t in room.tables.loaded()})
    copy.begin_change()
    return copy
