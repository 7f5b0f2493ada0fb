"""HTTP bodies: the home page's form that creates an event, a follow-up page's contact and
follow-through marks."""

from typing import Annotated

from ..core.state.decks import DEFAULT_DECK
from ..core.state.layout import MAX_TABLES, TABLE_LABELS, TOO_MANY_LABELS
from ..core.state.text import not_a_list
from .base import Payload
from .checks import Checked
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
    TableColour,
    TableCount,
    TableName,
    TableSize,
    WantsReminder,
)


class TableLabel(Payload):
    """A table's name and colour at creation (left out: "Table n" and the next colour)."""

    name: TableName = None
    colour: TableColour = None


TableLabels = Annotated[list[TableLabel], Checked(
    not_a_list(TABLE_LABELS), bounds={"max_length": MAX_TABLES},
    too_long=TOO_MANY_LABELS)]


class CreateRoom(Payload):
    turn_seconds: NewTurnSeconds = 90
    name: RoomName
    deck: DeckId = DEFAULT_DECK
    prompts: DeckPrompts = None  # with deck "custom": a deck the host wrote, as JSON
    # One table unless it says: a number of tables, or tables of about `table_size` (their
    # number follows who arrives); `table_labels` name and colour tables 1, 2, ... in order.
    tables: TableCount = None
    table_size: TableSize = None
    table_labels: TableLabels = []


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
