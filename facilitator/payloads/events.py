"""The payload of each Socket.IO event a client sends (docs/protocol.md), one model per event.

Fields are listed in the order the core checks them, so the first refusal is the one the core
would give. Events whose payload carries nothing (turn_done, pitch_tap, ...) have no model.
"""

from typing import Annotated

from pydantic import Field

from ..core.state.board import clean_offer_text
from ..core.state.participants import NOT_IN_ROOM
from ..core.state.text import clean_id
from .base import Payload
from .fields import (
    About,
    Accept,
    AskIdOrNone,
    AskText,
    Hidden,
    Interests,
    Link,
    Name,
    OfferId,
    OfferKind,
    OfferText,
    PersonIdOrNone,
    PostId,
    PostText,
    RoomCode,
    Secret,
    Taken,
    Who,
    blank_is_none,
    checked,
)

CHOOSE_TWO = "Choose the two people to introduce."


class Watch(Payload):
    code: RoomCode
    host_key: Secret  # the host's screen
    token: Secret  # a participant's phone (neither: a screen that only looks)


class Join(Payload):
    code: RoomCode
    name: Name
    about: About
    interests: Interests


class Profile(Payload):
    name: Name
    about: About
    interests: Interests


class PostAsk(Payload):
    text: AskText


class HostPostAsk(Payload):
    """The host types an ask for the speaker, or for the person `for`."""

    for_pid: Annotated[str | None, blank_is_none(clean_id, NOT_IN_ROOM), Field(alias="for")]
    text: AskText


class PostOffer(Payload):
    kind: OfferKind
    ask: AskIdOrNone
    to: PersonIdOrNone
    text: OfferText
    who: Who
    link: Link


class EditPost(Payload):
    post_id: Annotated[PostId, Field(alias="id")]
    text: PostText
    who: Who
    link: Link


class DeletePost(Payload):
    post_id: Annotated[PostId, Field(alias="id")]


class TakeOffer(Payload):
    taken: Taken = True
    offer_id: Annotated[OfferId, Field(alias="id")]


class Moderate(Payload):
    hidden: Hidden
    post_id: Annotated[PostId, Field(alias="id")]


class Introduce(Payload):
    to: Annotated[str, checked(clean_id, CHOOSE_TWO)]
    other: Annotated[str, checked(clean_id, CHOOSE_TWO), Field(alias="with")]
    text: Annotated[str | None, blank_is_none(clean_offer_text)]


class IntroRespond(Payload):
    offer_id: Annotated[OfferId, Field(alias="offer")]
    accept: Accept


class DeleteRoom(Payload):
    code: Secret  # the room's code again, to confirm
