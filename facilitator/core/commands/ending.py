"""The end of an event: the host ends it, and what follows is follow-up.

Ending stops the round where it is, lowers every hand, and makes the board read-only (every
command that posts checks `Room.require_open`). Follow-up pages, marks and contacts carry on
until the room's `kept_until`, when housekeeping deletes everything.
"""

from ..sections import Section
from ..state.room import Room
from ..state.turns import IN_ROUND


def end_event(room: Room, *, keep_days: float, now: float) -> None:
    """The host ends the event; it is kept `keep_days` for follow-up, then deleted."""
    room.end(now, keep_days)
    if room.turns.status in IN_ROUND:
        with room.changing_turns() as turns:
            turns.end_round(now)
    room.generosity.hands.clear()
    room.changes.touch(Section.ROOM, Section.HANDS)
