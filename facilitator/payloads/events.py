"""The payload of each Socket.IO event a client sends (docs/protocol.md), one model per event.

Fields are listed in the order the core checks them, so the first refusal is the one the core
would give. Events whose payload carries nothing (turn_done, pitch_tap, sync, ...) have no model.
"""

from typing import Annotated, Any, Literal

from pydantic import Field

from ..core.commands.round import SeenTurn
from ..core.errors import N_, RoomError
from ..core.state.hands import NOT_UP
from .base import Payload
from .checks import Checked, ident
from .fields import (
    About,
    Accept,
    AskIdOrNone,
    AskText,
    Company,
    Hidden,
    HostKey,
    Interests,
    IntroText,
    Link,
    Name,
    OfferId,
    OfferKind,
    OfferText,
    OwnToken,
    PersonId,
    PersonIdOrNone,
    PostId,
    PostText,
    RoomCode,
    RoomToDelete,
    RoundNumber,
    RoundNumberOrNone,
    TableNumber,
    TableNumberOrNone,
    Taken,
    Token,
    Who,
)

CHOOSE_TWO = N_("Choose the two people to introduce.")
FOLLOW_WHICH = 'Say which tables to follow: "all", or a list of their numbers.'
MAX_FOLLOWED = 200  # every table of the biggest event
TABLE_ACTIONS = ("next", "skip", "pause", "resume")
TABLE_ACTION_ASK = N_("A table host can move on, skip, pause or resume.")


def _table_numbers(value: Any) -> Any:
    """"all", or whole numbers (a screen following chosen tables)."""
    if isinstance(value, list) and any(type(n) is not int for n in value):
        raise RoomError(FOLLOW_WHICH)
    return value


def _table_action(value: str) -> str:
    if value not in TABLE_ACTIONS:
        raise RoomError(TABLE_ACTION_ASK)
    return value


# "all" (the display, the console), a list of table numbers, or null (a participant: their own)
# (bounded in the list itself: a union takes no bounds of its own)
TablesToFollow = Annotated[
    Literal["all"] | Annotated[list[int], Field(max_length=MAX_FOLLOWED)] | None,
    Checked(FOLLOW_WHICH, _table_numbers)]


class Watch(Payload):
    code: RoomCode
    host_key: HostKey = None  # the host's screen
    token: Token = None  # a participant's phone (neither: a screen that only looks)
    tables: TablesToFollow = None


class Join(Payload):
    code: RoomCode
    name: Name
    about: About = ""
    interests: Interests = []
    company: Company = ""
    table: TableNumberOrNone = None  # the table whose QR they scanned
    token: OwnToken = None  # the secret the phone made for itself, the same if it joins again


class FollowTables(Payload):
    tables: TablesToFollow = None


class Sit(Payload):
    table: TableNumber


class TimeUp(Payload):
    """The turn a screen saw run out: which table, which round, who was speaking."""

    table: TableNumber
    round_no: Annotated[RoundNumber, Field(alias="round")]
    speaker: PersonId


class RoundShown(Payload):
    """The round a screen showed running when its button to end it was pressed."""

    round_no: Annotated[RoundNumberOrNone, Field(alias="round")] = None


class TurnShown(RoundShown):
    """The turn a screen showed when its button to end it was pressed: in which `round`, whose
    (`speaker`). A press that crossed that turn's end then ends nothing (`SeenTurn`)."""

    speaker: PersonIdOrNone = None

    def seen(self) -> SeenTurn | None:
        return None if self.speaker is None else SeenTurn(self.speaker, self.round_no)


class TableActionName(Payload):
    action: Annotated[str, Checked(TABLE_ACTION_ASK, _table_action,
                                   schema_extra={"enum": list(TABLE_ACTIONS)})]


class TableAction(TurnShown, TableActionName):
    """The table host's control and, for one that ends a turn, the turn. (A model's fields
    follow its bases from the last: the action is checked first, as the core checks it.)"""


class Profile(Payload):
    name: Name
    about: About = ""
    interests: Interests = []


class PostAsk(Payload):
    text: AskText


class HostPostAsk(Payload):
    """The host types an ask for the speaker, or for the person `for`."""

    for_pid: Annotated[PersonIdOrNone, Field(alias="for")] = None  # "" or null: the speaker
    text: AskText


class PostOffer(Payload):
    kind: OfferKind
    ask: AskIdOrNone = None
    to: PersonIdOrNone = None
    text: OfferText
    who: Who = ""
    link: Link = ""


class EditPost(Payload):
    post_id: Annotated[PostId, Field(alias="id")]
    text: PostText = ""
    who: Who = ""
    link: Link = ""


class DeletePost(Payload):
    post_id: Annotated[PostId, Field(alias="id")]


class TakeOffer(Payload):
    taken: Taken = True
    offer_id: Annotated[OfferId, Field(alias="id")]


class AnswerHand(Payload):
    """The speaker marks one question answered: whose hand goes down."""

    pid: Annotated[str, ident(NOT_UP)]


class Moderate(Payload):
    hidden: Hidden
    post_id: Annotated[PostId, Field(alias="id")]


class Introduce(Payload):
    to: Annotated[str, ident(CHOOSE_TWO)]
    other: Annotated[str, ident(CHOOSE_TWO), Field(alias="with")]
    text: IntroText = None


class IntroRespond(Payload):
    offer_id: Annotated[OfferId, Field(alias="offer")]
    accept: Accept


class DeleteRoom(Payload):
    code: RoomToDelete
