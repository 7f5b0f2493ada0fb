"""What screens see of the generosity features: public sections for everyone, one for the host.

Public: `features` (the host's switches), `common` (interests people share) and `intros` (who
accepted which introduction); each table's `hands` (its questions queue) is its own. Host only:
`generosity`, with pitch tap counts, airtime fairness, give and take, and the tip for the next
round, built in parts so a change sends only those it may have moved (`routing`): the board's
and the tip from the room (`HOST_PARTS`), the taps, airtime and questions from each table
(`TABLE_HOST_PARTS`). It goes only to the host's channel, never in a `room_update` or a
`table_update`, so nobody else ever sees a count.
"""

from collections.abc import Callable, Iterable
from typing import Any

from ..sections import HostPart
from ..state.nudges import threshold
from ..state.room import Room
from ..state.table import Table
from . import common_ground, fairness, give_take
from .tips import tip_for


def features(room: Room) -> dict[str, Any]:
    return room.generosity.features.public()


def common(room: Room) -> dict[str, Any]:
    """What the people at the table share, from the interests they gave at join."""
    if not room.generosity.features.common_ground:
        return {"groups": []}
    return {"groups": common_ground.groups({p.id: p.interests for p in room.participants.values()
                                            if p.present})}


def intros(room: Room) -> dict[str, Any]:
    return room.generosity.intros.public(room.board)


def host_section(room: Room, parts: Iterable[HostPart] | None = None) -> dict[str, Any]:
    """What the host alone sees of the room (give and take, the next tip), or only `parts`."""
    return {part: HOST_PARTS[part](room) for part in (HOST_PARTS if parts is None else parts)}


def table_host_section(room: Room, table: Table,
                       parts: Iterable[HostPart] | None = None) -> dict[str, Any]:
    """What the host alone sees of one table (pitch tap counts, airtime, questions), or only
    `parts`."""
    chosen = TABLE_HOST_PARTS if parts is None else parts
    return {part: TABLE_HOST_PARTS[part](room, table) for part in chosen}


def _nudges(room: Room, table: Table) -> dict[str, Any]:
    turns = table.turns
    return {"current": table.nudges.current(turns.round, turns.current),
            "needed": threshold(max(table.listeners(), 1),
                                room.generosity.features.pitch_share),
            "turns": table.nudges.history()}


def _airtime(room: Room, table: Table) -> dict[str, Any]:
    turns = table.turns
    gone = {rec["pid"] for rec in turns.log}.difference(turns.seats)
    # Everyone seated, then anyone who spoke here and has since left (in the order they joined),
    # so the chart adds up. Only then is the event's list read: a change at one table of a big
    # event costs what it does at a table alone (docs/benchmarks.md, "Where the rest goes").
    order = turns.seats + ([p for p in room.participants if p in gone] if gone else [])
    return fairness.report(turns.log, order)


def _tip(room: Room) -> str | None:
    upcoming = room.prompts.up_next()
    kind = room.prompts.items[upcoming]["kind"] if upcoming is not None else None
    return tip_for(kind, room.round) if room.generosity.features.tips else None


HOST_PARTS: dict[HostPart, Callable[[Room], object]] = {
    HostPart.GIVE_TAKE: lambda room: give_take.per_person(room.board),
    HostPart.WAITING: lambda room: room.board.waiting(),
    HostPart.TIP: _tip,
}
TABLE_HOST_PARTS: dict[HostPart, Callable[[Room, Table], object]] = {
    HostPart.NUDGES: _nudges,
    HostPart.AIRTIME: _airtime,
    HostPart.QUESTIONS: lambda room, table: dict(table.hands.asked),
}
