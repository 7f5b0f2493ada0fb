"""What screens see of the generosity features: public sections for everyone, one for the host.

Public: `features` (the host's switches), `hands` (the questions queue), `common` (interests
people share) and `intros` (who accepted which introduction). Host only: `generosity`, with pitch
tap counts, airtime fairness, give and take, and the tip for the next round. It is built here and
sent only on the host's channel, never in a `room_update`, so nobody else ever sees a count.
"""

from collections.abc import Callable, Iterable

from . import common_ground, fairness, give_take
from .changes import Changes
from .intros import offers as intro_offers
from .nudges import threshold
from .room import Room
from .steering import NUDGES
from .tips import tip_for

PUBLIC_SECTIONS = ("features", "hands", "common", "intros")
HOST_SECTION = "generosity"


def section(room: Room, name: str, now: float) -> dict:
    """One public section, by name."""
    g = room.generosity
    if name == "features":
        return g.features.public()
    if name == "hands":
        return g.hands.public()
    if name == "common":
        return {"groups": common(room) if g.features.common_ground else []}
    if name == "intros":
        return g.intros.public(room.board)
    raise KeyError(name)


def public_touched(room: Room) -> set[str]:
    """The sections a change's broadcast carries: what it touched, less the host's, plus the
    ones derived from it (people's interests make the common ground; intro offers, intros)."""
    changes = room.changes
    names = changes.sections - {NUDGES}
    if "people" in changes.items or "features" in names:
        names.add("common")
    touched = changes.items.get("posts")
    if touched and any(o.id in touched for o in intro_offers(room.board)):
        names.add("intros")
    return names


def host_touched(changes: Changes) -> list[str]:
    """The parts of the host's section this change may have moved, to send only those: a post
    in a room of 500 then sends the host its give and take, not 30 KB of airtime figures."""
    touched = changes.sections | changes.items.keys()
    return [part for part, inputs in HOST_INPUTS.items() if inputs & touched]


def common(room: Room) -> list[dict]:
    """What the people at the table share, from the interests they gave at join."""
    return common_ground.groups({p.id: p.interests for p in room.participants.values()
                                 if p.present})


def host_section(room: Room, parts: Iterable[str] | None = None) -> dict:
    """Everything the host alone sees (counts, airtime, give and take, the next tip), or only
    `parts` of it."""
    return {part: HOST_PARTS[part](room) for part in (HOST_PARTS if parts is None else parts)}


def _nudges(room: Room) -> dict:
    g, turns = room.generosity, room.turns
    listeners = sum(p.present for p in room.participants.values()) - (turns.current is not None)
    return {"current": g.nudges.current(turns.round, turns.current),
            "needed": threshold(max(listeners, 1), g.features.pitch_share),
            "turns": g.nudges.history()}


def _airtime(room: Room) -> dict:
    turns = room.turns
    spoke = {rec["pid"] for rec in turns.log}
    # Everyone seated, then anyone who spoke and has since left, so the chart adds up.
    order = turns.seats + [p for p in room.participants if p in spoke and p not in turns.seats]
    return fairness.report(turns.log, order)


def _tip(room: Room) -> str | None:
    upcoming = room.prompts.up_next()
    kind = room.prompts.items[upcoming]["kind"] if upcoming is not None else None
    return tip_for(kind, room.turns.round) if room.generosity.features.tips else None


HOST_PARTS: dict[str, Callable[[Room], object]] = {
    "nudges": _nudges,
    "airtime": _airtime,
    "give_take": lambda room: give_take.per_person(room.board),
    "waiting": lambda room: give_take.waiting(room.board),
    "questions": lambda room: dict(room.generosity.hands.asked),
    "tip": _tip,
}
# What each part is computed from: the sections and item collections a change touches.
HOST_INPUTS: dict[str, set[str]] = {
    "nudges": {"turns", NUDGES, "features", "people"},
    "airtime": {"turns", "people"},
    "give_take": {"board", "posts"},
    "waiting": {"board", "posts"},
    "questions": {"hands"},
    "tip": {"prompts", "turns", "features"},
}
