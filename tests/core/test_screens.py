"""Deltas lose nothing: a screen that applies every delta to its snapshot, as live.js does (and the
host's screen every host_update, as live.js does there too), holds exactly the snapshot a
reconnecting screen would get, whatever the changes were, for the room's stream and each
table's, and counts everyone's airtime as the server measures it. And the delta of a turn stays
small in a big room."""

import json
import random
from collections import Counter

import pytest

from facilitator.core.commands import board, generosity, people, prompts, round, tables
from facilitator.core.errors import RoomError
from facilitator.core.sections import Section
from facilitator.core.state.layout import Layout
from facilitator.core.state.persisted import (
    room_from_dict,
    room_to_dict,
    table_from_dict,
    table_to_dict,
)
from facilitator.core.state.room import Room
from facilitator.core.state.table import Tables
from facilitator.core.views import screens

HOST_SECTION = Section.GENEROSITY

OFFER = {"kind": "help", "text": "Happy to look at your pitch deck."}
# How often each change comes up: the round's moves most, people coming and going often enough
# that the room neither empties nor only grows.
WEIGHTS = {"join": 3, "leave": 1, "rejoin": 1, "profile": 1, "remove": 1, "done": 4, "pass": 3,
           "reorder": 1, "post": 1, "moderate": 1, "tap": 1, "hand": 1, "hands_clear": 1,
           "features": 1, "start": 3, "next": 4, "skip": 1, "pause": 3, "resume": 3,
           "end_round": 1, "next_prompt": 1, "shuffle": 1, "turn_seconds": 1, "prompt_add": 1,
           "reshuffle": 3, "sit": 2, "tables": 2, "rule": 1, "table_host": 2}


def wire(message: dict) -> dict:
    """The message as a screen receives it: through JSON."""
    return json.loads(json.dumps(message))


def merge(screen: dict, message: dict) -> None:
    """live.js's merge: sections replaced whole, items merged by id, null meaning gone; the
    host's `generosity` section comes in parts, merged into the rest."""
    parts = message["sections"].pop(HOST_SECTION, {})
    screen["sections"].update(message["sections"])
    screen["sections"].get(HOST_SECTION, {}).update(parts)
    for collection, items in message["items"].items():
        target = screen["items"].setdefault(collection, {})
        for item_id, item in items.items():
            if item is None:
                target.pop(item_id, None)
            else:
                target[item_id] = item


def screen_airtime(table_screens: dict, pid: str, now: float) -> float:
    """room.js's airtime(), added up over the tables: finished turns, plus the current turn
    counted up from `since`."""
    seconds = 0.0
    for screen in table_screens.values():
        seconds += screen["items"]["airtime"].get(pid, 0.0)
        turns = screen["sections"]["turns"]
        if turns["current"] == pid:
            seconds += turns["spoken"]
            if turns["since"] is not None:
                seconds += now - turns["since"]
    return seconds


def new_room(size: int, now: float = 0.0, tables: int = 1) -> Room:
    room, _ = Room.create(name="Sync", deck_id="classic", turn_seconds=60, now=now,
                          layout=Layout.new(tables=tables))
    for i in range(size):
        people.join(room, name=f"P{i}", interests=["design"] if i % 2 else [], now=now)
    return room


def saved_copy(room: Room) -> Room:
    """The event as the store would load it: each part through its saved format."""
    copy = room_from_dict(wire(room_to_dict(room)))
    copy.tables = Tables({t.number: table_from_dict(wire(table_to_dict(t)))
                          for t in room.tables.loaded()})
    return copy


def random_change(room: Room, rng: random.Random, now: float) -> str:
    """One thing a host or a phone might do next (refused ones are fine too); says which."""
    kind = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    someone = rng.choice(list(room.participants))
    table = rng.choice(room.every_table())
    if kind == "join":
        people.join(room, name=f"Late {now:.0f}", now=now)
    elif kind in ("leave", "rejoin"):
        if kind == "leave":
            people.leave(room, someone, now=now)
        else:
            people.rejoin(room, someone, now=now)
    elif kind == "profile":
        people.update_profile(room, someone, name="Renamed", about="", interests=["chess"])
    elif kind in ("done", "pass"):
        (round.pass_turn if kind == "pass" else round.done)(room, table.turns.current or "",
                                                            now=now)
    elif kind == "reorder":
        order = table.turns.upcoming() if table.turns.current else list(table.turns.seats)
        rng.shuffle(order)
        round.reorder(room, table=table.number, order=order)
    elif kind == "post":
        board.post_offer(room, someone, **OFFER, now=now)
    elif kind == "moderate":
        board.moderate(room, post_id=rng.choice(list(room.board.posts) or ["none"]),
                       hidden=rng.random() < 0.5)
    elif kind == "tap":
        generosity.pitch_tap(room, someone)
    elif kind == "hand":
        generosity.raise_hand(room, someone, now=now)
    elif kind == "features":
        switch = rng.choice(["tips", "hands", "pitch_nudges"])
        generosity.set_features(room, switches={switch: rng.random() < 0.5})
    else:
        host_control(room, kind, someone, table.number, now, rng)
    return kind


def host_control(room: Room, kind: str, someone: str, table: int, now: float,
                 rng: random.Random) -> None:
    """One of the host's other controls, as the `host` event runs it (at a table, or all)."""
    anywhere = table if rng.random() < 0.5 else None
    controls = {
        "remove": lambda: people.remove(room, pid=someone, now=now),
        "hands_clear": lambda: generosity.clear_hands(room, table=table, pid=someone),
        "start": lambda: round.start(room, now=now),
        "next": lambda: round.advance(room, table=anywhere, now=now),
        "skip": lambda: round.skip(room, table=table, now=now),
        "pause": lambda: round.pause(room, table=anywhere, now=now),
        "resume": lambda: round.resume(room, table=anywhere, now=now),
        "end_round": lambda: round.end_round(room, table=anywhere, now=now),
        "next_prompt": lambda: round.next_prompt(room, now=now),
        "shuffle": lambda: round.shuffle(room, table=table, rng=rng),
        "turn_seconds": lambda: round.set_turn_seconds(room, seconds=rng.choice([45, 60])),
        "prompt_add": lambda: prompts.add(room, text="And then?"),
        "reshuffle": lambda: tables.reshuffle(room, seed=rng.randrange(100), now=now),
        "sit": lambda: tables.sit(room, someone, table=room.layout.smallest(), now=now),
        "tables": lambda: tables.set_tables(room, count=rng.choice([1, 2, 3]), now=now),
        "rule": lambda: tables.set_rule(room, pid=someone, company=rng.choice(["", "Acme"]),
                                        stay=rng.random() < 0.2, together=None),
        "table_host": lambda: tables.make_table_host(room, table=table, pid=someone),
    }
    controls[kind]()


def walk(seed: int, changes: int = 150, count: int = 1) -> Counter:
    """`changes` random changes in an event of `count` tables, each made on a copy through the
    saved format as the store makes it, checking the screens of every stream after each one;
    returns how many of each kind were made."""
    rng = random.Random(seed)
    room = new_room(6 * count, tables=count)
    screen = wire(screens.snapshot(room, now=0))
    host = wire(screens.snapshot(room, now=0, host=True))
    at_tables = {t.number: wire(screens.table_snapshot(room, t, now=0))
                 for t in room.tables.loaded()}
    host_tables = {t.number: wire(screens.table_snapshot(room, t, now=0, host=True))
                   for t in room.tables.loaded()}
    applied, now = Counter(), 0.0
    while sum(applied.values()) < changes:
        step = seed, sum(applied.values())
        now += rng.uniform(0.5, 20)
        changed = saved_copy(room)
        changed.begin_change()
        try:
            kind = random_change(changed, rng, now)
        except RoomError:
            continue  # refused: change_room would save nothing
        changed_tables = [t for t in changed.tables.loaded()
                          if t.changes or t.number in changed.tables.new]
        if not changed.changes and not changed_tables:
            continue
        room = changed
        applied[kind] += 1
        if room.changes:
            room.version += 1
            delta = wire(screens.delta(room, now))
            merge(screen, delta)
            merge(host, delta)
            if (extras := screens.host_delta(room, now)) is not None:
                merge(host, wire(extras))
        for table in changed_tables:
            if not table.count_change(new=table.number in room.tables.new):
                # Seen by the host alone: no delta for the table, and its version stays.
                assert table.version == at_tables[table.number]["version"], step
                if (extras := screens.table_host_delta(room, table, now)) is not None:
                    merge(host_tables[table.number], wire(extras))
                continue
            if table.number not in at_tables:  # a new table: its followers start from a snapshot
                at_tables[table.number] = wire(screens.table_snapshot(room, table, now))
                host_tables[table.number] = wire(screens.table_snapshot(room, table, now,
                                                                        host=True))
                continue
            delta = wire(screens.table_delta(table, now))
            assert delta["table"] == table.number and delta["version"] == (
                at_tables[table.number]["version"] + 1), step
            if "order" in delta["sections"]:  # sent only when it moved, as are finished airtimes
                assert delta["sections"]["order"] != at_tables[table.number]["sections"][
                    "order"], step
            for pid, seconds in delta["items"].get("airtime", {}).items():
                assert seconds != at_tables[table.number]["items"]["airtime"].get(pid), step
            for followed in (at_tables, host_tables):
                merge(followed[table.number], delta)
                followed[table.number]["version"] = delta["version"]
            if (extras := screens.table_host_delta(room, table, now)) is not None:
                merge(host_tables[table.number], wire(extras))
        fresh = wire(screens.snapshot(room, now))
        assert (screen["sections"], screen["items"]) == (fresh["sections"], fresh["items"]), step
        fresh = wire(screens.snapshot(room, now, host=True))
        assert (host["sections"], host["items"]) == (fresh["sections"], fresh["items"]), step
        for table in room.tables.loaded():
            for followed, as_host in ((at_tables, False), (host_tables, True)):
                fresh = wire(screens.table_snapshot(room, table, now, host=as_host))
                mine = followed[table.number]
                assert (mine["sections"], mine["items"]) == (fresh["sections"],
                                                             fresh["items"]), (step, table)
        # Seats agree between the room part and each table's own order.
        for table in room.every_table():
            assert sorted(table.seated) == sorted(room.layout.at(table.number)), step
        # Nothing a screen holds depends on the moment it was sent; the airtime it counts up
        # from it is the server's, whenever it looks.
        later = now + rng.uniform(0, 30)
        assert wire(screens.snapshot(room, later))["sections"] == screen["sections"], step
        measured: Counter = Counter()
        for table in room.tables.loaded():
            measured.update(table.turns.airtime(later))
        for pid in room.participants:
            assert screen_airtime(at_tables, pid, later) == pytest.approx(
                measured.get(pid, 0.0), abs=0.101 * len(at_tables)), (step, pid)
    return applied


def test_every_delta_applied_in_turn_gives_the_snapshot():
    """Four walks, 600 changes in all; the host's screen also merges its extras."""
    applied = sum((walk(seed) for seed in range(4)), Counter())
    walked = {"join", "leave", "rejoin", "start", "next", "done", "pass", "pause", "resume",
              "reorder", "shuffle", "skip", "remove", "end_round", "post", "moderate", "tap",
              "hand", "features"}
    assert walked <= applied.keys(), applied


def test_every_delta_of_every_table_applied_in_turn_gives_the_snapshots():
    """Three walks of an event of three tables, reshuffles, moves and new tables among the
    changes."""
    applied = sum((walk(seed, count=3) for seed in range(3)), Counter())
    walked = {"join", "leave", "start", "next", "done", "pass", "pause", "reshuffle", "sit",
              "tables", "rule", "table_host"}
    assert walked <= applied.keys(), applied


def room_of_500_mid_round() -> Room:
    """500 at the table, half of them through their turn (so half have airtime)."""
    room = new_room(500)
    round.start(room, now=0)
    for turn in range(1, 251):
        round.advance(room, now=turn * 37.3)
    room.begin_change()
    return room


def test_the_next_speaker_in_a_room_of_500_is_under_a_kilobyte():
    room = room_of_500_mid_round()
    finished = room.table(1).turns.current
    round.advance(room, now=250 * 37.3 + 41.7)
    assert not room.changes  # the room's stream hears nothing of it
    delta = screens.table_delta(room.table(1), now=9400)
    assert set(delta["sections"]) == {"turns"}  # the order did not move
    assert delta["items"] == {"airtime": {finished: 41.7}}  # only who just finished
    assert len(json.dumps(delta)) < 1024
    snapshot = screens.table_snapshot(room, room.table(1), now=9400)
    assert len(snapshot["sections"]["order"]["pids"]) == 500  # the snapshot still has it all
    assert len(snapshot["items"]["airtime"]) == 251
    assert len(json.dumps(snapshot["sections"]["turns"])) < 300


def test_a_pass_sends_the_order_it_moved_and_only_the_passers_airtime():
    room = room_of_500_mid_round()
    passer = room.table(1).turns.current
    round.pass_turn(room, passer, now=9330)
    delta = screens.table_delta(room.table(1), now=9330)
    assert delta["sections"]["order"]["pids"][-1] == passer
    assert list(delta["items"]["airtime"]) == [passer]
