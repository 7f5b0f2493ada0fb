"""What the emails say: the follow-up link asked for, the host's "the event has ended", and the
one reminder a week later. Plain text, written from the room when each is sent, so it lists what
the attendee said they'd do as it stands then.

The words are marked for the catalogs; `words` says them in the subscriber's language (the
edge's translation, chosen when they subscribed; English as written by default) and
`write_day` writes a date their way."""

import time
from collections.abc import Callable

from ..errors import N_, Text, say
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
            retention_days: float, words: Callable[[Text], str] = str,
            write_day: Callable[[float], str] = day) -> tuple[str, str]:
    """The subject and body of one message of `kind` to participant `pid`."""
    mine = followup(room, pid)
    name, event = mine["me"]["name"], room.name
    kept = (say("It stays there until %(day)s, then it is deleted with everything from the "
                "event.", day=write_day(room.kept_until)) if room.kept_until is not None else
            say("It stays there while the event runs and for %(days)s days after it ends, then "
                "it is deleted with everything from the event.", days=f"{retention_days:g}"))
    subject, opening = _opening(kind, event)
    said = things_i_said(mine, words)
    lines = [words(say("Hello %(name)s,", name=name)), "", words(opening), "", f"  {link}", "",
             words(kept)]
    if said:
        lines += ["", words(N_("Things you said you'd do:")), *(f"- {line}" for line in said)]
    lines += ["", words(N_("The link is yours alone: it opens your follow-up page, so please "
                           "don't forward this email.")), "",
              words(say("You get this because you asked for it on your follow-up page. To get "
                        "no more emails about %(event)s: %(link)s", event=event,
                        link=unsubscribe))]
    return words(subject), "\n".join(lines) + "\n"


def _opening(kind: str, event: str) -> tuple[Text, Text]:
    """The subject and first paragraph of a message of `kind`."""
    if kind == REMINDER:
        return (say("A week on from %(event)s: time to follow up?", event=event),
                say("A week ago you were at %(event)s. This is the one reminder you asked for: "
                    "have you followed up? On your follow-up page you can say how it went.",
                    event=event))
    if kind == ENDED:
        return (say("%(event)s has ended: your follow-up page", event=event),
                say("%(event)s has ended. Your follow-up page has the offers you made and "
                    "received, the introductions and the contacts shared with you.", event=event))
    return (say("Your follow-up page from %(event)s", event=event),
            N_("Here is the link to your follow-up page: the offers you made and received, the "
               "introductions and the contacts shared with you."))
