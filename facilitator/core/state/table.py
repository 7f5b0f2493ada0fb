"""One table of the event: its round, its raised hands, its pitch taps and its table host.

A table is a part of the room saved and sent apart from it, with a version of its own
(docs/architecture.md, "An event of several tables"): a change at one table locks, loads, saves
and sends only that table. A one-table event is an event with table 1.

Its `version` counts the changes its screens see; its `revision` counts every change saved,
including those only the host sees (a pitch tap), which the store checks saves against. Were a
tap to move the version, every phone at the table could count the taps (issue 16.12).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError
from ..sections import Collection, Section
from .changes import Changes
from .hands import Hands
from .nudges import Nudges
from .turns import Turns

NOT_AT_TABLE = N_("You're not at this table.")
# How long after time-up a table moves on by itself, when the host switched that on: long
# enough to finish a sentence.
TIME_UP_GRACE_SECONDS = 10.0


@dataclass
class Table:
    number: int
    turns: Turns
    hands: Hands = field(default_factory=Hands)
    nudges: Nudges = field(default_factory=Nudges)
    host: str | None = None  # the participant the host made table host, if any
    version: int = 0
    revision: int = 0
    changes: Changes = field(default_factory=Changes, compare=False, repr=False)

    @classmethod
    def new(cls, number: int, turn_seconds: int) -> "Table":
        return cls(number, Turns(turn_seconds=turn_seconds))

    def begin_change(self) -> None:
        """Start recording what the next change touches, for its delta."""
        self.changes = Changes()

    def count_change(self, *, new: bool = False) -> bool:
        """Count the change just made, before it is saved: its revision always, its version
        when screens see it (or the table is `new`). Returns whether the version moved, so a
        delta goes to the table's screens."""
        self.revision += 1
        if self.changes.seen or new:
            self.version += 1
            return True
        return False

    # --- who sits here ---------------------------------------------------------------------

    @property
    def seated(self) -> list[str]:
        """Who sits at this table now, in the order the next round would go round."""
        return self.turns.seats

    def require_seated(self, pid: str) -> None:
        if pid not in self.turns.seats:
            raise RoomError(NOT_AT_TABLE)

    def seat(self, pid: str) -> None:
        """`pid` sits down here: last in the order, and speaks at the end of a running round."""
        with self.changing_turns() as turns:
            turns.seat(pid)

    def unseat(self, pid: str, now: float) -> None:
        """`pid` leaves this table (for another, or the event): a turn of theirs ends, a hand of
        theirs goes down, and they are no longer its table host."""
        with self.changing_turns() as turns:
            turns.unseat(pid, now)
        if any(hand.pid == pid for hand in self.hands.queue):
            self.hands.queue = [hand for hand in self.hands.queue if hand.pid != pid]
            self.changes.touch(Section.HANDS)
        if self.host == pid:
            self.host = None
            self.changes.touch(Section.TABLE)

    def make_host(self, pid: str | None) -> None:
        """Make `pid` (seated here) this table's host, or (None) nobody."""
        if pid is not None:
            self.require_seated(pid)
        self.host = pid
        self.changes.touch(Section.TABLE)

    # --- the round --------------------------------------------------------------------------

    @contextmanager
    def changing_turns(self) -> Iterator[Turns]:
        """The one way to change the round, so that each change's delta carries only what it
        moved: the `turns` section, the `order` section if the speaking order moved, and the
        finished airtime of whoever's turn ended. A "next" at a table of ten, or in a room of
        500, is then a few hundred bytes, not everyone's place and airtime."""
        before = self.turns.mark()
        yield self.turns
        after = self.turns.mark()
        if after == before:
            return
        self.changes.touch(Section.TURNS)  # even if only the seats moved: so it is saved and sent
        if after.order != before.order:
            self.changes.touch(Section.ORDER)
        if self.hands.keep_for(self.turns.current):  # the turn ended: its questions with it
            self.changes.touch(Section.HANDS)
        for pid in self.turns.ended_since(before):
            self.changes.touch_item(Collection.AIRTIME, pid)

    def speaker(self) -> str:
        """Who has the floor, or a refusal."""
        speaker = self.turns.current
        if speaker is None:
            raise RoomError(N_("Nobody is speaking right now."))
        return speaker

    def listeners(self) -> int:
        """Those at the table who are not speaking."""
        return len(self.turns.seats) - (self.turns.current in self.turns.seats)

    def public(self) -> dict[str, Any]:
        return {"number": self.number, "host": self.host}

    def to_dict(self) -> dict[str, Any]:
        # Shallow, not `asdict` (a deep copy): this is dumped to JSON at once, on every change.
        return {"number": self.number, "turns": dict(vars(self.turns)),
                "hands": self.hands.to_dict(), "nudges": self.nudges.to_dict(),
                "host": self.host, "version": self.version, "revision": self.revision}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Table":
        return cls(data["number"], Turns(**data["turns"]), Hands.from_dict(data.get("hands", {})),
                   Nudges.from_dict(data.get("nudges", {})), data.get("host"),
                   data.get("version", 0), data.get("revision", data.get("version", 0)))


# The tables asked for that the event has, by number (one it never had is left out): asked for
# all at once, so a change of every table of a big event loads them in one go.
Fetch = Callable[[list[int]], dict[int, Table]]


class Tables:
    """The event's tables as far as they are loaded: every one of them for a room made in
    memory (a new event, the core's tests), or fetched one at a time by the write path, so a
    change loads (and locks) only the tables it asks for."""

    def __init__(self, parts: dict[int, Table] | None = None, fetch: Fetch | None = None) -> None:
        self._parts = dict(parts or {})
        self._fetch = fetch
        self.new: set[int] = set()  # added by this change: not saved yet

    def __getitem__(self, number: int) -> Table:
        table = self.get(number)
        if table is None:
            raise KeyError(number)
        return table

    def get(self, number: int) -> Table | None:
        """Table `number`, fetched if need be, or None if the event never had it."""
        self._fetch_missing([number])
        return self._parts.get(number)

    def many(self, numbers: list[int]) -> list[Table]:
        """Tables `numbers`, those not at hand fetched together; KeyError for one the event
        never had."""
        self._fetch_missing(numbers)
        return [self._parts[n] for n in numbers]

    def _fetch_missing(self, numbers: list[int]) -> None:
        missing = [n for n in numbers if n not in self._parts]
        if missing and self._fetch is not None:
            self._parts.update(self._fetch(missing))

    def add(self, table: Table) -> None:
        """A table the event did not have before (its count grew)."""
        self._parts[table.number] = table
        self.new.add(table.number)

    def loaded(self) -> list[Table]:
        """The tables at hand, by number."""
        return [self._parts[n] for n in sorted(self._parts)]
