"""Asking for one's follow-up link by email, and unsubscribing: saved and versioned like every
change, never broadcast (an address is nobody else's business)."""

from ..state.languages import DEFAULT_LANGUAGE
from ..state.mailing import Subscriber
from ..state.room import Room


def subscribe(room: Room, pid: str, *, email: str, reminder: bool,
              language: str = DEFAULT_LANGUAGE) -> Subscriber:
    """`pid` asks for their link at `email` (and, if `reminder`, one reminder a week on), their
    emails to speak `language`."""
    subscriber = room.mailing.subscribe(room.known(pid).id, email, reminder, language)
    room.changes.touch_private()
    return subscriber


def unsubscribe(room: Room, *, pid: str) -> None:
    """Forget `pid`'s address (from the link in any message: no token needed)."""
    if room.mailing.unsubscribe(pid):
        room.changes.touch_private()
