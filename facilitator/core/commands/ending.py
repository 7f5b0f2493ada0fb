"""The end of an event: the host ends it, and what follows is follow-up.

Ending stops the round where it is at every table, lowers every hand, and makes the board read-
only (every command that posts checks `Room.require_open`). Follow-up pages, marks and contacts
carry on until the room's `kept_until`, when housekeeping deletes everything.
"""

from ..sections import Section
from ..state.room import Room


def end_event(room: Room, *, keep_days: float, now: float) -> None:
    """The host ends the event; it is kept `keep_days` for follow-up, then deleted. The round
    stops and hands go down at every table."""
    room.end(now, keep_days)
    for table in room.every_table():
        with table.changing_turns() as turns:
            turns.end_round(now)
        if table.hands.queue:
            table.hands.clear()
            table.changes.touch(Section.HANDS)
    room.changes.touch(Section.ROOM)
