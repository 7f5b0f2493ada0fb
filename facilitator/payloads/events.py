"""The payload of each Socket.IO event a client sends (docs/protocol.md), one model per event.

Fields are listed in the order the core checks them, so the first refusal is the one the core
would give. Events whose payload carries nothing (turn_done, pitch_tap, sync, ...) have no model.
"""

from typing import Annotated

from pydantic import Field

from .base import Payload
from .checks import ident
from .fields import (
    About,
    Accept,
    AskIdOrNone,
    AskText,
    Hidden,
    HostKey,
    Interests,
    IntroText,
    Link,
    Name,
    OfferId,
    OfferKind,
    OfferText,
    PersonIdOrNone,
    PostId,
    PostText,
    RoomCode,
    RoomToDelete,
    Taken,
    Token,
    Who,
)

CHOOSE_TWO = "Choose the two people to introduce."


class Watch(Payload):
    code: RoomCode
    host_key: HostKey = None  # the host's screen
    token: Token = None  # a participant's phone (neither: a screen that only looks)


class Join(Payload):
    code: RoomCode
    name: Name
    about: About = ""
    interests: Interests = []


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
