"""HTTP bodies: the home page's form that creates an event, a follow-up page's contact and
follow-through marks."""

from ..core.state.decks import DEFAULT_DECK
from .base import Payload
from .fields import (
    DeckId,
    DeckPrompts,
    Email,
    Mark,
    Met,
    NewTurnSeconds,
    OfferId,
    Phone,
    ProfileLink,
    ReminderDays,
    RoomName,
    Share,
    WantsReminder,
)


class CreateRoom(Payload):
    turn_seconds: NewTurnSeconds = 90
    name: RoomName
    deck: DeckId = DEFAULT_DECK
    prompts: DeckPrompts = None  # with deck "custom": a deck the host wrote, as JSON


class RunAgain(Payload):
    """The next event of a series: only its name is new."""

    name: RoomName


class Contact(Payload):
    share: Share = False  # with the people one exchanged offers with
    share_with_host: Share = False  # in the host's exports
    email: Email = ""  # left out or "": none
    phone: Phone = ""
    link: ProfileLink = ""


class OfferMark(Payload):
    offer: OfferId
    mark: Mark  # null takes the mark back


class MetMark(Payload):
    offer: OfferId
    met: Met


class Reminder(Payload):
    days: ReminderDays = 7  # core.views.calendar.DEFAULT_DAYS


class MailMe(Payload):
    reminder: WantsReminder = False  # one reminder a week after the event
    email: Email = ""  # left out: none, which the mailing rule refuses
