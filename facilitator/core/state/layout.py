"""The event's tables and who sits where: how many tables and what each is called, where everyone
sits, who sat with whom in each round, the organiser's seating rules and the plan for the rounds
ahead.

It is part of the room, not of a table (the seats of 600 people are one small map), so a join
or a reshuffle changes the room and only the tables it moves people between. Each table's own
round holds the same people in speaking order (`Table.seated`); every move goes through
`Room.move`, which changes both.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError, Text, say
from .text import clean_int, clean_text

# Colour names: the pages map each to a colour and a pattern that read on paper and projectors.
COLOURS = (N_("green"), N_("blue"), N_("orange"), N_("purple"), N_("red"), N_("teal"),
           N_("yellow"), N_("pink"), N_("brown"), N_("grey"))
MAX_TABLES = 200
MIN_TABLE_SIZE, MAX_TABLE_SIZE = 2, 20
TABLE_NAME_MAX_LEN = 30
TABLE_NAME_LABEL = N_("The table's name")
COLOUR_ASK = say("A table's colour is one of %(colours)s.", colours=", ".join(COLOURS))
TABLE, TABLE_COUNT, TABLE_SIZE = N_("The table"), N_("The number of tables"), N_("The table size")
TABLE_LABELS = N_("The tables' names and colours")
COUNT_OR_SIZE = N_("Say how many tables, or about how many people at each.")
MORE_LABELS_THAN_TABLES = N_("There are more table names than tables.")
TOO_MANY_LABELS = say("At most %(max)s tables can be named.", max=MAX_TABLES)
Seating = list[list[str]]  # table by table (index = number - 1), who sits there


@dataclass
class Layout:
    tables: list[dict[str, str]]  # one per table, in number order: {"name", "colour"}
    size: int | None = None  # "tables of about `size`": the count follows who is here
    seats: dict[str, int] = field(default_factory=dict)  # pid -> table number, latest seated last
    rounds: list[Seating] = field(default_factory=list)  # who sat where in each round run
    together: list[list[str]] = field(default_factory=list)  # pairs always at one table
    stay: list[str] = field(default_factory=list)  # people who keep their table
    plan: list[Seating] = field(default_factory=list)  # the rounds planned ahead
    planned_for: str = ""  # who was here, where, under which rules, when the plan was made
    reshuffles: int = 0
    moving: bool = False  # a reshuffle was just made: people are moving until the round starts
    # The names and colours the organiser gave at creation, by number: tables of about s are
    # made as people arrive, and take theirs then.
    presets: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def new(cls, *, tables: object = None, size: object = None,
            labels: Sequence[Mapping[str, object]] = ()) -> "Layout":
        """A fixed number of tables (one when neither is given), or (with `size`) one table to
        start, growing with who arrives; `labels` name and colour the first tables (each
        {"name"?, "colour"?}, the rest keep their defaults)."""
        if tables is not None and size is not None:
            raise RoomError(COUNT_OR_SIZE)
        if size is not None:
            layout = cls([default_label(1)], size=clean_table_size(size))
        else:
            count = 1 if tables is None else clean_table_count(tables)
            layout = cls([default_label(n) for n in range(1, count + 1)])
        if size is None and len(labels) > layout.count:
            raise RoomError(MORE_LABELS_THAN_TABLES)
        if len(labels) > MAX_TABLES:
            raise RoomError(TOO_MANY_LABELS)
        for number, label in enumerate(labels, start=1):
            preset = default_label(number)
            if label.get("name"):
                preset["name"] = clean_table_name(label["name"])
            if label.get("colour"):
                preset["colour"] = clean_colour(label["colour"])
            layout.presets.append(preset)
        layout.tables = [layout.preset(n) for n in range(1, layout.count + 1)]
        return layout

    @property
    def count(self) -> int:
        return len(self.tables)

    def label(self, number: int) -> dict[str, Any]:
        return {"number": number, **self.tables[number - 1]}

    def name(self, number: int) -> str:
        """Table `number`'s name for people: the host's, or while it is still the default a
        `Text` ("Table 4"), so each reader sees it in their own language."""
        name: str = self.tables[number - 1]["name"]
        default = default_name(number)
        return default if name == default else name

    def rename(self, number: int, *, name: object = None, colour: object = None) -> None:
        label = self.tables[number - 1]
        if name is not None:
            label["name"] = clean_table_name(name)
        if colour is not None:
            label["colour"] = clean_colour(colour)

    def resize(self, count: int) -> list[int]:
        """Have `count` tables; returns the numbers of those added."""
        added = list(range(self.count + 1, count + 1))
        self.tables = self.tables[:count] + [self.preset(n) for n in added]
        return added

    def preset(self, number: int) -> dict[str, str]:
        """A new table's name and colour: the organiser's for it, else "Table n" and the next
        colour."""
        return dict(self.presets[number - 1]) if number <= len(self.presets) \
            else default_label(number)

    def again(self) -> "Layout":
        """The next event's tables: these, named as they are now, and nobody seated."""
        labels = self.tables + self.presets[self.count:]
        return Layout([dict(label) for label in self.tables], size=self.size,
                      presets=[dict(label) for label in labels])

    # --- who sits where ------------------------------------------------------------------

    def at(self, number: int) -> list[str]:
        return [pid for pid, table in self.seats.items() if table == number]

    def seating(self) -> Seating:
        """Everyone's table now, table by table."""
        tables: Seating = [[] for _ in range(self.count)]
        for pid, number in self.seats.items():
            if number <= self.count:
                tables[number - 1].append(pid)
        return tables

    def smallest(self) -> int:
        """The table a latecomer goes to: the one with fewest people (the lowest number of
        those)."""
        sizes = [len(people) for people in self.seating()]
        return sizes.index(min(sizes)) + 1

    def has_room(self, number: int, people: int) -> bool:
        """Whether `number` can take one more without being more than one over a balanced size,
        `people` being everyone seated once they are."""
        return len(self.at(number)) < math.ceil(people / self.count)

    def place(self, wanted: int | None) -> int:
        """The table a newcomer sits at: the one whose QR they scanned, if it has room, else the
        smallest."""
        if wanted is not None and self.has_room(wanted, len(self.seats) + 1):
            return wanted
        return self.smallest()

    def sit(self, pid: str, number: int, *, mid_round: bool = False) -> None:
        """Record `pid` at table `number` (the latest seated there); `mid_round`: its round is
        running, so they sit with its people in this round too (a latecomer)."""
        self.seats.pop(pid, None)
        self.seats[pid] = number
        latest = self.rounds[-1] if self.rounds and mid_round else []
        if number <= len(latest) and pid not in latest[number - 1]:
            latest[number - 1].append(pid)

    def balance(self, count: int) -> list[tuple[str, int]]:
        """Moves that balance everyone over `count` tables (each within one of the others),
        moving the fewest people, the latest seated first: [(pid, to table)]."""
        seating: Seating = [[] for _ in range(count)]
        overflow: list[str] = []
        for pid, number in self.seats.items():
            (seating[number - 1] if number <= count else overflow).append(pid)
        base, bigger = divmod(len(self.seats), count)
        # The biggest tables keep the bigger targets, so the fewest people move.
        by_size = sorted(range(count), key=lambda t: (-len(seating[t]), t))
        target = {t: base + (rank < bigger) for rank, t in enumerate(by_size)}
        for t in range(count):
            extra = len(seating[t]) - target[t]
            if extra > 0:
                overflow += seating[t][-extra:]
        moves = []
        for t in range(count):
            while len(seating[t]) < target[t] and overflow:
                moves.append((overflow.pop(0), t + 1))
                seating[t].append(moves[-1][0])
        return moves

    def public(self) -> dict[str, Any]:
        return {"tables": [self.label(n) for n in range(1, self.count + 1)], "size": self.size,
                "reshuffles": self.reshuffles, "moving": self.moving}

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))  # plain lists and dicts, dumped to JSON at once

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Layout":
        return cls(**data)


def default_name(number: int) -> Text:
    """A table's name until the host gives it one: kept in English in the room's data, said in
    each reader's language on screens (`Layout.name`, static/js/shared/tables.js `tableName`)."""
    return say("Table %(num)s", num=number)


def default_label(number: int) -> dict[str, str]:
    return {"name": str(default_name(number)), "colour": COLOURS[(number - 1) % len(COLOURS)]}


def clean_table_count(value: object) -> int:
    return clean_int(value, TABLE_COUNT, 1, MAX_TABLES)


def clean_table_size(value: object) -> int:
    return clean_int(value, TABLE_SIZE, MIN_TABLE_SIZE, MAX_TABLE_SIZE)


def clean_table_name(value: object) -> str:
    return clean_text(value, TABLE_NAME_LABEL, TABLE_NAME_MAX_LEN)


def clean_colour(value: object) -> str:
    if not isinstance(value, str) or value not in COLOURS:
        raise RoomError(COLOUR_ASK)
    return value
