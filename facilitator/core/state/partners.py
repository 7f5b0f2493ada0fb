"""Who someone truly exchanged with: the only people their shared contact details may reach.

Anyone can post an offer *to* someone, so an offer alone is one-sided and opens nothing (issue
16.5: a script posting offers to everyone would otherwise collect every shared address). Two
people are partners only along an exchange both took part in:

- an offer its recipient took up: on the board ("Mark taken up"), or afterwards on their
  follow-up page ("We're in touch", "It helped");
- an introduction every side accepted: the introducer and everyone it introduced.

And nobody who joined after someone left sees that person's details, whatever happens later.
"""

from .board import OFFER, Post
from .followthrough import FOLLOWED_UP
from .intros import offers as intro_offers
from .room import Room


def partners(room: Room, pid: str) -> set[str]:
    """Everyone `pid` took part in an exchange with, that the room can still see."""
    found = {_other_side(offer, pid) for offer in room.board.shown(OFFER)
             if pid in (offer.author, offer.to) and taken_up(room, offer)}
    intros = room.generosity.intros
    for offer in intro_offers(room.board):
        people = {offer.author, *intros.sides(offer)}
        if pid in people and intros.is_accepted(offer):
            found |= people
    found.discard(pid)
    return found


def may_see(room: Room, viewer: str, owner: str) -> bool:
    """Whether `owner`'s shared details may reach their partner `viewer`: not if `viewer` joined
    after `owner` left (or was removed) and hasn't come back."""
    person, other = room.participants[owner], room.participants[viewer]
    return person.left_at is None or other.joined_at <= person.left_at


def audience(room: Room, owner: str) -> set[str]:
    """Who sees `owner`'s details when they share them: exactly these people."""
    return {pid for pid in partners(room, owner) if may_see(room, pid, owner)}


def taken_up(room: Room, offer: Post) -> bool:
    """The offer's recipient took it up: marked it taken, or said it led somewhere."""
    if offer.to is None:
        return False
    mark = room.follow_through.offers.get(offer.id)
    return offer.taken or (mark is not None and mark["by"] == offer.to
                           and mark["mark"] in FOLLOWED_UP)


def _other_side(offer: Post, pid: str) -> str:
    return offer.to if offer.author == pid and offer.to else offer.author
