"""What the emails say: the follow-up link asked for, the host's "the event has ended", and the
one reminder a week later. Plain text, written from the room when each is sent, so it lists what
the attendee said they'd do as it stands then."""

import time

from ..state.room import Room
from .calendar import things_i_said
from .followup import followup

LINK, ENDED, REMINDER = "link", "ended", "reminder"
KINDS = (LINK, ENDED, REMINDER)
REMINDER_DAYS = 7


def day(epoch_seconds: float) -> str:
    """e.g. "30 December 2026" (UTC: the server knows nobody's time zone)."""
    return time.strftime("%-d %B %Y", time.gmtime(epoch_seconds))


def message(kind: str, room: Room, pid: str, *, link: str, unsubscribe: str,
            retention_days: float) -> tuple[str, str]:
    """The subject and body of one message of `kind` to participant `pid`."""
    mine = followup(room, pid)
    name, event = mine["me"]["name"], room.name
    kept = (f"It stays there until {day(room.kept_until)}, then it is deleted with everything "
            "from the event." if room.kept_until is not None else
            f"It stays there while the event runs and for {retention_days:g} days after it ends, "
            "then it is deleted with everything from the event.")
    if kind == REMINDER:
        subject = f"A week on from {event}: time to follow up?"
        opening = (f"A week ago you were at {event}. This is the one reminder you asked for: "
                   "have you followed up? On your follow-up page you can say how it went.")
    elif kind == ENDED:
        subject = f"{event} has ended: your follow-up page"
        opening = (f"{event} has ended. Your follow-up page has the offers you made and "
                   "received, the introductions and the contacts shared with you.")
    else:
        subject = f"Your follow-up page from {event}"
        opening = ("Here is the link to your follow-up page: the offers you made and received, "
                   "the introductions and the contacts shared with you.")
    said = things_i_said(mine)
    lines = [f"Hello {name},", "", opening, "", f"  {link}", "", kept]
    if said:
        lines += ["", "Things you said you'd do:", *(f"- {line}" for line in said)]
    lines += ["", "The link is yours alone: it opens your follow-up page, so please don't "
              "forward this email.", "",
              "You get this because you asked for it on your follow-up page. To get no more "
              f"emails about {event}: {unsubscribe}"]
    return subject, "\n".join(lines) + "\n"
