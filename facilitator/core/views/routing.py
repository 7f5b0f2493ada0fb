"""Where each change goes: which sections and items its `room_update` carries to every screen,
which a table's `table_update` carries to the screens following that table, and which parts of
the host's section go to the host alone.

Every rule of that routing is here, for every section: a change records what it touched
(`Room.changes` for the room part, `Table.changes` for each table, in `core.sections` names);
`room_sections`, `table_sections` and `host_parts` turn that into what is sent, adding what is
derived from it; `section`, `table_section` and `item` build each by name. A name with no
builder raises while the deltas are built, which the write path does before it saves, so a
change that cannot be sent is not saved either.
"""

from collections.abc import Callable
from typing import Any

from ..sections import HOST_SECTIONS, Collection, HostOnly, HostPart, Section
from ..state.changes import Changes, Touched
from ..state.intros import offers as intro_offers
from ..state.room import Room
from ..state.table import Table
from . import generosity


def _room(room: Room) -> dict[str, Any]:
    return {"code": room.code, "name": room.name, "max_participants": room.max_participants,
            "ended_at": room.ended_at, "kept_until": room.kept_until, "locked": room.locked,
            "language": room.language}


def _prompts(room: Room) -> dict[str, Any]:
    return {**room.prompts.public(), "round_prompt_id": room.round_prompt_id}


def _person(room: Room, pid: str) -> dict[str, Any] | None:
    person = room.participants.get(pid)
    return person.public() if person else None


# Every section of the room's stream any screen may receive, and how it is built.
PUBLIC_SECTIONS: dict[Section, Callable[[Room], dict[str, Any]]] = {
    Section.ROOM: _room,
    Section.PROMPTS: _prompts,
    Section.BOARD: lambda room: room.board.counts(),
    Section.FEATURES: generosity.features,
    Section.COMMON: generosity.common,
    Section.INTROS: generosity.intros,
    Section.LAYOUT: lambda room: room.layout.public(),
    Section.DISPLAY: lambda room: room.display.public(),
}
# Every section of a table's stream.
TABLE_SECTIONS: dict[Section, Callable[[Table], dict[str, Any]]] = {
    Section.TABLE: lambda table: table.public(),
    Section.TURNS: lambda table: table.turns.public(),
    Section.ORDER: lambda table: {"pids": table.turns.speaking_order()},
    Section.HANDS: lambda table: table.hands.public(),
}
# Items every screen of the room merges by id; null when gone (or, for posts, hidden).
ITEMS: dict[Collection, Callable[[Room, str], object]] = {
    Collection.PEOPLE: _person,
    Collection.POSTS: lambda room, post_id: room.board.public(post_id),
    Collection.SEATS: lambda room, pid: room.layout.seats.get(pid),
}
# Items of a table's stream: seconds each person spoke at that table, in finished turns.
TABLE_ITEMS: dict[Collection, Callable[[Table, str], object]] = {
    Collection.AIRTIME: lambda table, pid: table.turns.finished_airtime().get(pid),
}
# What each part of the host's section is computed from: the names a change touches (the
# room's for the room's parts, the table's for a table's: `generosity.TABLE_HOST_PARTS`).
HOST_INPUTS: dict[HostPart, set[Touched | Collection]] = {
    HostPart.NUDGES: {Section.TURNS, Section.ORDER, HostOnly.PITCH_TAPS},
    HostPart.AIRTIME: {Section.TURNS, Section.ORDER},
    HostPart.GIVE_TAKE: {Section.BOARD, Collection.POSTS},
    HostPart.WAITING: {Section.BOARD, Collection.POSTS},
    HostPart.QUESTIONS: {Section.HANDS},
    HostPart.TIP: {Section.PROMPTS, Section.FEATURES},
}


def room_sections(room: Room) -> list[Section]:
    """The sections a change's `room_update` carries, in order: what it touched, less what only
    the host sees, plus the sections derived from it (people's interests make the common
    ground; intro offers, the intros)."""
    changes = room.changes
    names = {name for name in changes.sections
             if isinstance(name, Section) and name not in HOST_SECTIONS}
    if Collection.PEOPLE in changes.items or Section.FEATURES in names:
        names.add(Section.COMMON)
    touched = changes.items.get(Collection.POSTS)
    if touched and any(o.id in touched for o in intro_offers(room.board)):
        names.add(Section.INTROS)
    return sorted(names)


def table_sections(table: Table) -> list[Section]:
    """The sections a change's `table_update` carries: those of the table it touched."""
    return sorted(name for name in table.changes.sections if isinstance(name, Section))


def host_parts(changes: Changes, *, table: bool = False) -> list[HostPart]:
    """The parts of the host's section this change may have moved (of the room's parts, or of
    a table's), to send only those: a post in a room of 500 then sends the host its give and
    take, not everyone's airtime figures."""
    touched = changes.sections | changes.items.keys()
    return [part for part, inputs in HOST_INPUTS.items()
            if (part in generosity.TABLE_HOST_PARTS) == table and inputs & touched]


def section(room: Room, name: Section) -> dict[str, Any]:
    """One public section of the room, by name (KeyError for a name no screen may receive)."""
    return PUBLIC_SECTIONS[name](room)


def table_section(table: Table, name: Section) -> dict[str, Any]:
    """One section of a table's stream, by name."""
    return TABLE_SECTIONS[name](table)


def item(room: Room, collection: Collection, item_id: str) -> object:
    """One item of a public collection, by id (KeyError for a collection screens don't merge)."""
    return ITEMS[collection](room, item_id)


def table_item(table: Table, collection: Collection, item_id: str) -> object:
    return TABLE_ITEMS[collection](table, item_id)
