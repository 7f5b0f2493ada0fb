"""What screens see of the generosity features: public sections for everyone, one for the host.

Public: `features` (the host's switches), `hands` (the questions queue), `common` (interests
people share) and `intros` (who accepted which introduction). Host only: `generosity`, with pitch
tap counts, airtime fairness, give and take, and the tip for the next round. It is built here and
sent only on the host's channel, never in a `room_update`, so nobody else ever sees a count.
"""

from . import common_ground, fairness, give_take
from .changes import Changes
from .intros import offers as intro_offers
from .nudges import threshold
from .room import Room
from .steering import NUDGES
from .tips import tip_for

PUBLIC_SECTIONS = ("features", "hands", "common", "intros")
HOST_SECTION = "generosity"
# Touched sections and item collections the host's section is computed from.
HOST_INPUTS = {"turns", "prompts", "board", "hands", "features", NUDGES}
HOST_ITEMS = {"people", "posts"}


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


def host_touched(changes: Changes) -> bool:
    """Whether the host's section needs sending after this change."""
    return bool(changes.sections & HOST_INPUTS or HOST_ITEMS & changes.items.keys())


def common(room: Room) -> list[dict]:
    """What the people at the table share, from the interests they gave at join."""
    return common_ground.groups({p.id: p.interests for p in room.participants.values()
                                 if p.present})


def host_section(room: Room, now: float) -> dict:
    """Everything the host alone sees: counts, airtime, give and take, the next tip."""
    g, turns = room.generosity, room.turns
    listeners = sum(p.present for p in room.participants.values()) - (turns.current is not None)
    spoke = {rec["pid"] for rec in turns.log}
    # Everyone seated, then anyone who spoke and has since left, so the chart adds up.
    order = turns.seats + [p for p in room.participants if p in spoke and p not in turns.seats]
    upcoming = room.prompts.up_next()
    kind = room.prompts.items[upcoming]["kind"] if upcoming is not None else None
    return {
        "nudges": {"current": g.nudges.current(turns.round, turns.current),
                   "needed": threshold(max(listeners, 1), g.features.pitch_share),
                   "turns": g.nudges.history()},
        "airtime": fairness.report(turns.log, order),
        "give_take": give_take.per_person(room.board),
        "waiting": give_take.waiting(room.board),
        "questions": dict(g.hands.asked),
        "tip": tip_for(kind, turns.round) if g.features.tips else None,
    }
