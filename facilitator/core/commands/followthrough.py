"""After the event, from the follow-up page: how each offer went, and who met.

These work after the event has ended and after someone left the table (not once the host removed
them): follow-up is what the end leaves open. Saved and versioned, never broadcast.
"""

from ..state.board import OFFER
from ..state.intros import intro_offer
from ..state.room import Room


def mark_offer(room: Room, pid: str, *, offer_id: str, mark: str | None, now: float) -> None:
    """A side of an offer says how it went: "in_touch", "helped", "didnt_work", or None."""
    offer = room.board.visible_post(offer_id, OFFER)
    room.follow_through.mark(offer, room.known(pid).id, mark, now)
    room.changes.touch_private()


def mark_met(room: Room, pid: str, *, offer_id: str, met: bool, now: float) -> None:
    """One of the two people an introduction introduced says they met (or takes it back)."""
    offer = intro_offer(room.board, offer_id)
    sides = room.generosity.intros.sides(offer)
    room.follow_through.mark_met(offer, sides, room.known(pid).id, met, now)
    room.changes.touch_private()
