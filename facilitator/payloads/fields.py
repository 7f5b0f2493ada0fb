"""The fields payloads are made of, each checked by the core's rule for it (`BeforeValidator`),
so a wrong value is refused with the message the core has always given."""

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationInfo

from ..core.errors import RoomError
from ..core.state import again, board, contacts, decks, mailing, participants, prompts, turns
from ..core.state.features import Switches, clean_switches
from ..core.state.followthrough import MET_ASK, clean_mark
from ..core.state.identity import NO_SUCH_ROOM
from ..core.state.intros import ACCEPT_ASK
from ..core.state.room import clean_room_name
from ..core.state.text import (
    as_text,
    clean_bool,
    clean_id,
    clean_int,
    clean_link,
    not_a_list,
    not_a_number,
)
from ..core.views import calendar


def checked(clean: Callable[..., object], *args: object) -> BeforeValidator:
    """The core's rule `clean(value, *args)` as a field's check."""
    return BeforeValidator(lambda value: clean(value, *args))


def converting(clean: Callable[..., object], refusal: str, *args: object) -> BeforeValidator:
    """`checked` for a rule that also reads text as what it stands for (a number sent as "90",
    interests as "running, chess"), as clients have always been allowed to send them. A strict
    model (`Payload.model_config`) refuses the text instead, with the rule's own message."""
    def check(value: object, info: ValidationInfo) -> object:
        if isinstance(value, str) and (info.config or {}).get("strict"):
            raise RoomError(refusal)
        return clean(value, *args)
    return BeforeValidator(check)


def optional(clean: Callable[..., object], *args: object) -> BeforeValidator:
    """`checked`, except that null stays null: a field the client may leave out."""
    return BeforeValidator(lambda value: None if value is None else clean(value, *args))


def blank_is_none(clean: Callable[..., object], *args: object) -> BeforeValidator:
    """`checked`, except that an empty value (null, "", 0, false) means none was given."""
    return BeforeValidator(lambda value: clean(value, *args) if value else None)


def text_or_nothing(value: object) -> str | None:
    """A secret or a confirmation as sent: text, or null if not given. Anything else can't be
    anyone's secret, so it becomes text that matches none, and is refused as a wrong one is."""
    return value if value is None or isinstance(value, str) else ""


# Who and where (an id can only be text: anything else names nothing, as its refusal says)
RoomCode = Annotated[str, checked(clean_id, NO_SUCH_ROOM)]
Secret = Annotated[str | None, BeforeValidator(text_or_nothing)]
PersonId = Annotated[str, checked(clean_id, participants.NOT_IN_ROOM)]
PersonIdOrNone = Annotated[str | None, optional(clean_id, participants.NOT_IN_ROOM)]

# People
Name = Annotated[str, checked(participants.clean_name)]
About = Annotated[str, checked(participants.clean_about)]
Interests = Annotated[list[str], converting(participants.clean_interests,
                                            not_a_list(participants.INTERESTS))]
RoomName = Annotated[str, checked(clean_room_name)]
DeckId = Annotated[str, BeforeValidator(
    lambda value: decks.CUSTOM_DECK if value == decks.CUSTOM_DECK else decks.get_deck(value).id)]
DeckPrompts = Annotated[tuple[dict[str, Any], ...] | None, blank_is_none(again.clean_deck_prompts)]

# The board
PostId = Annotated[str, checked(clean_id, board.gone("post"))]
AskIdOrNone = Annotated[str | None, optional(clean_id, board.gone(board.ASK))]
OfferId = Annotated[str, checked(clean_id, board.gone(board.OFFER))]
OfferKind = Annotated[str, checked(board.clean_offer_kind)]
AskText = Annotated[str, checked(board.clean_ask_text)]
OfferText = Annotated[str, checked(board.clean_offer_text)]
# An edit's text is an ask's or an offer's, which only the board knows: the type is checked
# here, the rest by the board with the right label.
PostText = Annotated[str, checked(as_text, "The post")]
Who = Annotated[str, checked(board.clean_who)]
Link = Annotated[str, checked(clean_link, board.LINK_LABEL)]
Taken = Annotated[bool, checked(clean_bool, board.TAKEN_ASK)]
Hidden = Annotated[bool, checked(clean_bool, board.HIDDEN_ASK)]

# Contacts
Email = Annotated[str, checked(contacts.clean_email)]
Phone = Annotated[str, checked(contacts.clean_phone)]
ProfileLink = Annotated[str, checked(clean_link, contacts.LINK_LABEL)]
Share = Annotated[bool, checked(clean_bool, contacts.SHARE_ASK)]
Accept = Annotated[bool, checked(clean_bool, ACCEPT_ASK)]

# Email
WantsReminder = Annotated[bool, checked(clean_bool, mailing.REMINDER_ASK)]
EmailLinks = Annotated[bool, checked(clean_bool, "Say whether to email everyone their link.")]

# Follow-through
ReminderDays = Annotated[int, checked(clean_int, "The reminder's number of days",
                                      calendar.MIN_DAYS, calendar.MAX_DAYS)]
Mark = Annotated[str | None, BeforeValidator(clean_mark)]
Met = Annotated[bool, checked(clean_bool, MET_ASK)]

# Prompts and the round
PromptId = Annotated[str, checked(clean_id, prompts.PROMPT_GONE)]
PromptText = Annotated[str, checked(decks.clean_prompt_text)]
Hint = Annotated[str, checked(decks.clean_hint)]
Position = Annotated[int, converting(clean_int, not_a_number("Position"), "Position", 0, 1000)]
TurnSeconds = Annotated[int, converting(turns.clean_turn_length, not_a_number(turns.TURN_LENGTH))]
# A form's fields are text whatever the rule for JSON: the number is always read from it.
NewTurnSeconds = Annotated[int, checked(clean_int, turns.TURN_LENGTH, turns.MIN_TURN_SECONDS,
                                        turns.MAX_TURN_SECONDS)]
Order = Annotated[list[str], checked(turns.clean_order)]
SwitchValues = Annotated[Switches, checked(clean_switches)]
