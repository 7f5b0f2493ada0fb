"""The fields payloads are made of: each a strict JSON type, bounded in size, then cleaned by
the core's rule for it, and refused in the core's words (`checks`).

Optional text and flags have defaults in the models; a field the client leaves out that has
none is read as null (`base.Payload`), which its check refuses with what is missing.
"""

from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from ..core.errors import N_
from ..core.state import (
    again,
    board,
    contacts,
    decks,
    display,
    layout,
    mailing,
    participants,
    prompts,
    turns,
)
from ..core.state.features import LABELS as SWITCH_LABELS
from ..core.state.features import (
    MAX_PITCH_SHARE,
    MIN_PITCH_SHARE,
    SWITCHES_ASK,
    clean_switches,
)
from ..core.state.followthrough import MARK_ASK, MET_ASK, clean_mark
from ..core.state.identity import (
    NO_PLACE,
    NO_SUCH_ROOM,
    WEAK_TOKEN,
    WRONG_HOST_KEY,
    clean_own_token,
)
from ..core.state.intros import ACCEPT_ASK
from ..core.state.languages import PICK_LANGUAGE, clean_language
from ..core.state.room import (
    LOCK_ASK,
    NEW_CODE_ASK,
    ROOM_NAME_LABEL,
    ROOM_NAME_MAX_LEN,
    clean_room_name,
)
from ..core.state.text import (
    LINK_MAX_LEN,
    clean_link,
    not_a_list,
    not_a_web_address,
    too_many,
    unsafe_link,
)
from ..core.views import calendar
from .checks import ID_MAX_LEN, Checked, flag, ident, text, whole_number

CONFIRM_DELETE = N_("To delete this event, confirm it with its code.")


def none_if_blank(clean: Callable[[str], Any] | None = None) -> Callable[[str | None], Any]:
    """A rule for a field where "" means none was given, as null does."""
    return lambda value: (clean(value) if clean else value) if value else None


def link_refusals(label: str) -> tuple[str, ...]:
    """What `clean_link` says of a link that isn't a safe web address."""
    return (unsafe_link(label), not_a_web_address(label))


# Who and where
RoomCode = Annotated[str, ident(NO_SUCH_ROOM)]
HostKey = Annotated[str | None, ident(WRONG_HOST_KEY)]  # null: not the host's screen
Token = Annotated[str | None, ident(NO_PLACE)]  # null: not a participant's phone
# The secret a joining phone made for itself (null: the server makes one)
OwnToken = Annotated[str | None, ident(WEAK_TOKEN, none_if_blank(clean_own_token))]
RoomToDelete = Annotated[str, ident(CONFIRM_DELETE)]  # the room's code again, to confirm
PersonId = Annotated[str, ident(participants.NOT_IN_ROOM)]
PersonIdOrNone = Annotated[str | None, ident(participants.NOT_IN_ROOM, none_if_blank())]

# People
Name = Annotated[str, text(participants.NAME_LABEL, participants.NAME_MAX_LEN,
                           participants.clean_name)]
About = Annotated[str, text(participants.ABOUT_LABEL, participants.ABOUT_MAX_LEN,
                            participants.clean_about, required=False)]
# Each interest's type and raw size; the list's rule cleans them and drops repeats.
Interest = Annotated[str, text(participants.INTERESTS, participants.INTEREST_MAX_LEN, None,
                               required=False)]
Interests = Annotated[list[Interest], Checked(
    not_a_list(participants.INTERESTS), participants.clean_interests,
    bounds={"max_length": participants.MAX_INTERESTS},
    too_long=too_many(participants.INTERESTS, participants.MAX_INTERESTS))]
RoomName = Annotated[str, text(ROOM_NAME_LABEL, ROOM_NAME_MAX_LEN, clean_room_name)]
DeckId = Annotated[str, ident(decks.PICK_A_DECK, lambda value: value if value == decks.CUSTOM_DECK
                              else decks.get_deck(value).id)]
# The home form's deck file is JSON text, which the rule reads (and bounds before parsing).
DeckPrompts = Annotated[tuple[dict[str, Any], ...] | None,
                        BeforeValidator(none_if_blank(again.clean_deck_prompts)),
                        WithJsonSchema({
                            "anyOf": [{"type": "object"}, {"type": "array"}, {"type": "string"},
                                      {"type": "null"}],
                            "description": f"With deck \"{decks.CUSTOM_DECK}\": a deck "
                            '{"title", "description", "prompts": [{"text", "hint", "kind"}]}, '
                            f"or its list of prompts (at most {again.MAX_DECK_PROMPTS}), or "
                            "either as JSON text; refused with "
                            f'"{again.DECK_REFUSED}"'})]

# The board
PostId = Annotated[str, ident(board.gone("post"))]
AskIdOrNone = Annotated[str | None, ident(board.gone(board.ASK))]
OfferId = Annotated[str, ident(board.gone(board.OFFER))]
OfferKind = Annotated[str, Checked(board.KIND_ASK, board.clean_offer_kind,
                                   schema_extra={"enum": list(board.OFFER_KINDS)})]
AskText = Annotated[str, text(board.ASK_LABEL, board.TEXT_MAX_LEN, board.clean_ask_text)]
OfferText = Annotated[str, text(board.OFFER_LABEL, board.TEXT_MAX_LEN, board.clean_offer_text)]
IntroText = Annotated[str | None, text(board.OFFER_LABEL, board.TEXT_MAX_LEN,
                                       none_if_blank(board.clean_offer_text), required=False)]
# An edit's text is an ask's or an offer's, which only the board knows: the type and size are
# checked here, the rest by the board with the right label.
PostText = Annotated[str, text(N_("The post"), board.TEXT_MAX_LEN, None, required=False)]
Who = Annotated[str, text(board.WHO_LABEL, board.WHO_MAX_LEN, board.clean_who, required=False)]
Link = Annotated[str, text(board.LINK_LABEL, LINK_MAX_LEN,
                           partial(clean_link, label=board.LINK_LABEL), required=False,
                           more=link_refusals(board.LINK_LABEL))]
Taken = Annotated[bool, flag(board.TAKEN_ASK)]
Hidden = Annotated[bool, flag(board.HIDDEN_ASK)]

# Contacts
Email = Annotated[str, text(contacts.EMAIL_LABEL, contacts.EMAIL_MAX_LEN, contacts.clean_email,
                            required=False, more=(contacts.EMAIL_REFUSED,))]
Phone = Annotated[str, text(contacts.PHONE_LABEL, contacts.PHONE_MAX_LEN, contacts.clean_phone,
                            required=False, more=(contacts.PHONE_REFUSED,))]
ProfileLink = Annotated[str, text(contacts.LINK_LABEL, LINK_MAX_LEN,
                                  partial(clean_link, label=contacts.LINK_LABEL),
                                  required=False, more=link_refusals(contacts.LINK_LABEL))]
Share = Annotated[bool, flag(contacts.SHARE_ASK)]
Accept = Annotated[bool, flag(ACCEPT_ASK)]

# Email
WantsReminder = Annotated[bool, flag(mailing.REMINDER_ASK)]
EmailLinks = Annotated[bool, flag(N_("Say whether to email everyone their link."))]

# Follow-through
ReminderDays = Annotated[int, whole_number(N_("The reminder's number of days"), calendar.MIN_DAYS,
                                          calendar.MAX_DAYS)]
Mark = Annotated[str | None, ident(MARK_ASK, clean_mark)]  # null takes the mark back
Met = Annotated[bool, flag(MET_ASK)]

# Prompts and the round
PromptId = Annotated[str, ident(prompts.PROMPT_GONE)]
PromptText = Annotated[str, text(decks.PROMPT_LABEL, decks.PROMPT_MAX_LEN,
                                 decks.clean_prompt_text)]
Hint = Annotated[str, text(decks.HINT_LABEL, decks.HINT_MAX_LEN, decks.clean_hint,
                           required=False)]
Position = Annotated[int, whole_number("Position", 0, 1000)]
# Bounded here; the turn's own limits (and their message) are the round's to check.
TurnSeconds = Annotated[int, whole_number(turns.TURN_LENGTH, 0, 10_000)]
# A language's code, as the room's screens may speak it (core/state/languages.py, LANGUAGES).
Language = Annotated[str, Checked(PICK_LANGUAGE, clean_language, bounds={"max_length": 8})]
NewTurnSeconds = Annotated[int, whole_number(turns.TURN_LENGTH, turns.MIN_TURN_SECONDS,
                                             turns.MAX_TURN_SECONDS)]
# Ids bounded by pydantic alone (no call per id): any refusal in the list is the rule's.
Order = Annotated[list[Annotated[str, Field(max_length=ID_MAX_LEN)]], Checked(
    turns.REORDER_REFUSED, turns.clean_order, bounds={"max_length": turns.ORDER_MAX_LEN})]
# Each switch's value is the rule's to check, so its refusal names the switch.
SwitchValues = Annotated[dict[str, Any], Checked(
    SWITCHES_ASK, clean_switches, too_long=N_("Unknown switch."),
    bounds={"max_length": len(SWITCH_LABELS) + 1},  # every switch, and pitch_share
    schema_extra={"properties": {
        **{name: {"type": "boolean", "description": label}
           for name, label in SWITCH_LABELS.items()},
        "pitch_share": {"type": "number", "minimum": MIN_PITCH_SHARE,
                        "maximum": MAX_PITCH_SHARE,
                        "description": "The share of listeners whose taps nudge a speaker"}},
        "additionalProperties": False, "minProperties": 1})]

# The display
DisplayBoard = Annotated[str | None, Checked(
    display.BOARD_ASK, none_if_blank(display.clean_board), bounds={"max_length": 16},
    schema_extra={"enum": list(display.BOARD_PLACES)})]
DisplayCards = Annotated[list[Annotated[str, Field(max_length=16)]] | None, Checked(
    display.CARDS_ASK, lambda cards: None if cards is None else display.clean_cards(cards),
    bounds={"max_length": len(display.CARDS)})]
DisplayTheme = Annotated[str | None, Checked(
    display.THEME_ASK, none_if_blank(display.clean_theme), bounds={"max_length": 16},
    schema_extra={"enum": list(display.THEMES)})]
DisplayChime = Annotated[bool | None, flag(display.CHIME_ASK)]

# Tables and seating
TableNumber = Annotated[int, whole_number(layout.TABLE, 1, layout.MAX_TABLES)]
TableNumberOrNone = Annotated[int | None, whole_number(layout.TABLE, 1, layout.MAX_TABLES)]
TableCount = Annotated[int | None, whole_number(layout.TABLE_COUNT, 1, layout.MAX_TABLES)]
TableSize = Annotated[int | None, whole_number(layout.TABLE_SIZE, layout.MIN_TABLE_SIZE,
                                               layout.MAX_TABLE_SIZE)]
TableName = Annotated[str | None, text(layout.TABLE_NAME_LABEL, layout.TABLE_NAME_MAX_LEN,
                                       none_if_blank(layout.clean_table_name), required=False)]
TableColour = Annotated[str | None, Checked(
    layout.COLOUR_ASK, none_if_blank(layout.clean_colour),
    schema_extra={"enum": list(layout.COLOURS)})]
Company = Annotated[str, text(participants.COMPANY, participants.COMPANY_MAX_LEN,
                              participants.clean_company, required=False)]
Stay = Annotated[bool, flag(N_("Say whether they keep their table."))]
Locked = Annotated[bool, flag(LOCK_ASK)]
NewCode = Annotated[bool, flag(NEW_CODE_ASK)]
RemovePosts = Annotated[bool, flag(N_("Say whether to delete their posts too."))]
RecentMinutes = Annotated[int, whole_number(participants.RECENT_LABEL, 1,
                                            participants.MAX_RECENT_MINUTES)]
ReshufflesOrNone = Annotated[int | None,
                            whole_number(N_("The number of reshuffles"), 0, 10_000)]
ROUND = N_("The round")
RoundNumber = Annotated[int, whole_number(ROUND, 1, 10_000)]
RoundNumberOrNone = Annotated[int | None, whole_number(ROUND, 1, 10_000)]
