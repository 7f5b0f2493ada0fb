"""Keeping the room generous: pitch taps, raised hands, the host's switches, introductions.

Each command checks that the host hasn't switched the feature off and that the person is still
at the table, and records what it touched so the broadcast carries just that. Pitch taps and
hands belong to the table where they happen (a change of that table alone); pitch taps touch
only `HostOnly.PITCH_TAPS`: nobody but the host learns even that something changed.
"""

from ..errors import N_, RoomError
from ..sections import Collection, HostOnly, Section
from ..state.features import Switches
from ..state.intros import INTRO, intro_offer
from ..state.participants import Participant
from ..state.room import Room
from ..state.table import Table


def pitch_tap(room: Room, pid: str) -> str | None:
    """A listener's anonymous "sounds like a pitch"; returns the speaker if it's time to nudge."""
    features = room.generosity.features
    features.require("pitch_nudges")
    room.member(pid)
    table = _my_table(room, pid)
    nudge = table.nudges.tap(table.turns.round, table.speaker(), pid, table.listeners(),
                             features.pitch_share)
    table.changes.touch(HostOnly.PITCH_TAPS)
    return table.speaker() if nudge else None


def raise_hand(room: Room, pid: str, *, now: float) -> None:
    """A listener has a question for the speaker at their table."""
    room.generosity.features.require("hands")
    room.member(pid)
    table = _my_table(room, pid)
    table.hands.raise_hand(pid, table.speaker(), table.turns.round, now)
    table.changes.touch(Section.HANDS)


def lower_hand(room: Room, pid: str) -> None:
    """The asker takes their hand down (it works even after the host switched hands off)."""
    table = _my_table(room, pid)
    table.hands.lower_hand(pid)
    table.changes.touch(Section.HANDS)


def answer_hand(room: Room, pid: str, *, asker: str) -> None:
    """The speaker marks `asker`'s question answered: their hand goes down."""
    table = _my_table(room, pid)
    if table.turns.current != pid:
        raise RoomError(N_("Only the speaker can mark their questions answered."))
    table.hands.clear(asker)
    table.changes.touch(Section.HANDS)


def clear_hands(room: Room, *, table: int | None = None, pid: str | None = None) -> None:
    """The host took `pid`'s question at a table, or clears that table's queue."""
    at = room.pick_table(table)
    at.hands.clear(pid)
    at.changes.touch(Section.HANDS)


def set_features(room: Room, *, switches: Switches) -> None:
    """The host's switches; a queue switched off is cleared at every table so nobody waits on
    it, and a new share of listeners for the pitch nudge reaches every table's figures."""
    g = room.generosity
    changed = g.features.update(switches)
    if "hands" in changed and not g.features.hands:
        for table in room.every_table():
            table.hands.clear()
            table.changes.touch(Section.HANDS)
    if {"pitch_nudges", "pitch_share"} & set(changed):
        for table in room.every_table():
            table.changes.touch(HostOnly.PITCH_TAPS)
    room.changes.touch(Section.FEATURES)


def introduce(room: Room, pid: str, *, to: str, other: str, text: str | None = None,
              now: float) -> str:
    """`pid` introduces two people at the event (at any table): an "I know someone" offer to
    `to`, naming `other`, which both can accept. Returns the offer's id."""
    g = room.generosity
    g.features.require("introductions")
    room.member(pid)
    if len({pid, to, other}) < 3:
        raise RoomError(N_("Introduce two other people to each other."))
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
    """Someone at any table of the event: introductions cross tables."""
    person = room.participants.get(pid)
    if person is None or not person.present:
        raise RoomError(N_("That person isn't at the event any more."))
    return person


def _my_table(room: Room, pid: str) -> Table:
    """`pid`'s table, which they must still sit at (the seat the room part says is checked
    against the table's own)."""
    table = room.table_of(pid)
    table.require_seated(pid)
    return table
