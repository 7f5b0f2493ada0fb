"""What screens see of the generosity features: public sections for everyone, one for the host.

Public: `features` (the host's switches), `hands` (the questions queue), `common` (interests
people share) and `intros` (who accepted which introduction). Host only: `generosity`, with pitch
tap counts, airtime fairness, give and take, and the tip for the next round, built in parts
(`HOST_PARTS`) so a change sends only those it may have moved (`routing`). It goes only to the
host's channel, never in a `room_update`, so nobody else ever sees a count.
"""

from collections.abc import Callable, Iterable
from typing import Any

from ..sections import HostPart
from ..state.nudges import threshold
from ..state.room import Room
from . import common_ground, fairness, give_take
from .tips import tip_for


def features(room: Room) -> dict[str, Any]:
    return room.generosity.features.public()


def hands(room: Room) -> dict[str, Any]:
    return room.generosity.hands.public()


def common(room: Room) -> dict[str, Any]:
    """What the people at the table share, from the interests they gave at join."""
    if not room.generosity.features.common_ground:
        return {"groups": []}
    return {"groups": common_ground.groups({p.id: p.interests for p in room.participants.values()
                                            if p.present})}


def intros(room: Room) -> dict[str, Any]:
    return room.generosity.intros.public(room.board)


def host_section(room: Room, parts: Iterable[HostPart] | None = None) -> dict[str, Any]:
    """Everything the host alone sees (counts, airtime, give and take, the next tip), or only
    `parts` of it."""
    return {part: HOST_PARTS[part](room) for part in (HOST_PARTS if parts is None else parts)}


def _nudges(room: Room) -> dict[str, Any]:
    g, turns = room.generosity, room.turns
    listeners = room.present_count() - (turns.current is not None)
    return {"current": g.nudges.current(turns.round, turns.current),
            "needed": threshold(max(listeners, 1), g.features.pitch_share),
            "turns": g.nudges.history()}


def _airtime(room: Room) -> dict[str, Any]:
    turns = room.turns
    spoke = {rec["pid"] for rec in turns.log}
    # Everyone seated, then anyone who spoke and has since left, so the chart adds up.
    order = turns.seats + [p for p in room.participants if p in spoke and p not in turns.seats]
    return fairness.report(turns.log, order)


def _tip(room: Room) -> str | None:
    upcoming = room.prompts.up_next()
    kind = room.prompts.items[upcoming]["kind"] if upcoming is not None else None
    return tip_for(kind, room.turns.round) if room.generosity.features.tips else None


HOST_PARTS: dict[HostPart, Callable[[Room], object]] = {
    HostPart.NUDGES: _nudges,
    HostPart.AIRTIME: _airtime,
    HostPart.GIVE_TAKE: lambda room: give_take.per_person(room.board),
    HostPart.WAITING: lambda room: room.board.waiting(),
    HostPart.QUESTIONS: lambda room: dict(room.generosity.hands.asked),
    HostPart.TIP: _tip,
}
