"""Keeping the room generous: pitch taps, raised hands, the host's switches, introductions.

Each command checks that the host hasn't switched the feature off and that the person is still
at the table, and records what it touched so the broadcast carries just that. Pitch taps touch
only `HostOnly.PITCH_TAPS`: the room learns that something changed, never what.
"""

from ..errors import RoomError
from ..sections import Collection, HostOnly, Section
from ..state.features import Switches
from ..state.intros import INTRO, intro_offer
from ..state.participants import Participant
from ..state.room import Room


def pitch_tap(room: Room, pid: str) -> str | None:
    """A listener's anonymous "sounds like a pitch"; returns the speaker if it's time to nudge."""
    g = room.generosity
    g.features.require("pitch_nudges")
    room.member(pid)
    speaker = _speaker(room)
    listeners = room.present_count() - room.participants[speaker].present
    nudge = g.nudges.tap(room.turns.round, speaker, pid, listeners, g.features.pitch_share)
    room.changes.touch(HostOnly.PITCH_TAPS)
    return speaker if nudge else None


def raise_hand(room: Room, pid: str, *, now: float) -> None:
    """A listener has a question for the speaker."""
    room.generosity.features.require("hands")
    room.member(pid)
    room.generosity.hands.raise_hand(pid, _speaker(room), room.turns.round, now)
    room.changes.touch(Section.HANDS)


def lower_hand(room: Room, pid: str) -> None:
    """The asker takes their hand down (it works even after the host switched hands off)."""
    room.generosity.hands.lower_hand(pid)
    room.changes.touch(Section.HANDS)


def clear_hands(room: Room, *, pid: str | None = None) -> None:
    """The host took `pid`'s question, or clears the queue (e.g. when the turn ends)."""
    room.generosity.hands.clear(pid)
    room.changes.touch(Section.HANDS)


def set_features(room: Room, *, switches: Switches) -> None:
    """The host's switches; a queue switched off is cleared so nobody waits on it."""
    g = room.generosity
    changed = g.features.update(switches)
    if "hands" in changed and not g.features.hands:
        g.hands.clear()
        room.changes.touch(Section.HANDS)
    room.changes.touch(Section.FEATURES)


def introduce(room: Room, pid: str, *, to: str, other: str, text: str | None = None,
              now: float) -> str:
    """`pid` introduces two people at the table: an "I know someone" offer to `to`, naming
    `other`, which both can accept. Returns the offer's id."""
    g = room.generosity
    g.features.require("introductions")
    room.member(pid)
    if len({pid, to, other}) < 3:
        raise RoomError("Introduce two other people to each other.")
    _at_table(room, to)
    named = _at_table(room, other).name
    offer = room.board.add_offer(pid, INTRO, text or f"I'd like to introduce you to {named}.",
                                 now, to=to, who=named)
    g.intros.link(offer, other)
    room.changes.touch_item(Collection.POSTS, offer.id)
    room.changes.touch(Section.BOARD, Section.INTROS)
    return offer.id


def respond_intro(room: Room, pid: str, *, offer_id: str, accept: bool) -> None:
    """One side of an introduction accepts it (`accept=True`) or takes that back."""
    room.generosity.features.require("introductions")
    room.member(pid)
    offer = intro_offer(room.board, offer_id)
    room.generosity.intros.respond(offer, pid, accept)
    room.changes.touch(Section.INTROS)


def _at_table(room: Room, pid: str) -> Participant:
    person = room.participants.get(pid)
    if person is None or not person.present:
        raise RoomError("That person isn't at the table.")
    return person


def _speaker(room: Room) -> str:
    speaker = room.turns.current
    if speaker is None:
        raise RoomError("Nobody is speaking right now.")
    return speaker
