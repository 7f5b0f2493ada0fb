"""A nudge to follow up: a calendar reminder (iCalendar, RFC 5545, built by `icalendar`) a
while after the event, with the attendee's own "things I said I'd do" and the offers they got,
linking back to their follow-up page.

An all-day event on the day, with an alarm at 9 in the morning of the attendee's own calendar:
the server doesn't know anyone's time zone, and a reminder shouldn't ring at midnight.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

import icalendar

from ..errors import N_, Text, say
from ..state.board import OFFER_KINDS
from ..state.room import DAY, Room
from .followup import followup

DEFAULT_DAYS, MIN_DAYS, MAX_DAYS = 7, 1, 60
ALARM_AFTER_MIDNIGHT = dt.timedelta(hours=9)


def reminder(room: Room, pid: str, *, url: str, days: int, now: float,
             words: Callable[[Text], str] = str) -> bytes:
    """The .ics file: `days` after the event ended (or after `now`, while it runs); `words` says
    its words in the reader's language (English as written by default)."""
    mine = followup(room, pid)
    on = dt.datetime.fromtimestamp((room.ended_at or now) + days * DAY, dt.UTC).date()
    event = icalendar.Event()
    event.add("uid", f"followup-{room.code}-{pid}@facilitator")
    event.add("dtstamp", dt.datetime.fromtimestamp(now, dt.UTC))
    event.add("dtstart", on)
    event.add("dtend", on + dt.timedelta(days=1))
    summary = words(say("Follow up from %(event)s", event=room.name))
    event.add("summary", summary)
    event.add("description", _description(mine, url, words))
    event.add("url", url)
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", ALARM_AFTER_MIDNIGHT)
    event.add_component(alarm)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Facilitator//follow-up reminder//EN")
    calendar.add("version", "2.0")
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def things_i_said(mine: dict[str, Any], words: Callable[[Text], str] = str) -> list[str]:
    """The attendee's own list of what they offered, one line each."""
    return [words(say("%(kind)s — to %(whom)s: %(text)s", kind=OFFER_KINDS[o["kind"]],
                      whom=o["to_name"] or N_("the whole room"), text=o["text"]))
            for o in mine["made"]]


def _description(mine: dict[str, Any], url: str, words: Callable[[Text], str]) -> str:
    said = things_i_said(mine, words)
    got = [words(say("From %(name)s: %(text)s", name=o["from_name"], text=o["text"]))
           for o in mine["received"]]
    parts = [words(say("Your follow-up page: %(link)s", link=url))]
    if said:
        parts.append(words(N_("Things I said I'd do:")) + "\n"
                     + "\n".join(f"- {line}" for line in said))
    if got:
        parts.append(words(N_("Offers I received (a thank-you, or news of how it went?):")) + "\n"
                     + "\n".join(f"- {line}" for line in got))
    return "\n\n".join(parts)
