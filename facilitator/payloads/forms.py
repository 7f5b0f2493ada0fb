"""HTTP bodies: the home page's form that creates an event, a follow-up page's contact."""

from .base import Payload
from .fields import DeckId, Email, NewTurnSeconds, Phone, ProfileLink, RoomName, Share


class CreateRoom(Payload):
    turn_seconds: NewTurnSeconds = 90
    name: RoomName
    deck: DeckId


class Contact(Payload):
    share: Share = False  # with the people one exchanged offers with
    share_with_host: Share = False  # in the host's exports
    email: Email
    phone: Phone
    link: ProfileLink
