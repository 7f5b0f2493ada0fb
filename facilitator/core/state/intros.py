"""Introductions: an "I know someone" offer to a person becomes an introduction they can accept.

The sides of an introduction are the person it is for and, when the introducer named someone
at the table, that person too; the introducer agreed by offering. Once every side has accepted,
it is on the follow-up pages of everyone in it, so nobody forgets to make it happen.
Which offers exist and who may see them is the board's business; this keeps only the links
to people in the room and who accepted.
"""

from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError
from .board import OFFER, Board, Post
from .text import clean_bool

INTRO = "intro"
ACCEPT_ASK = N_("Say whether you accept the introduction.")


@dataclass
class Intros:
    links: dict[str, str] = field(default_factory=dict)  # offer id -> the other side in the room
    accepted: dict[str, list[str]] = field(default_factory=dict)  # offer id -> who accepted

    def link(self, offer: Post, with_pid: str) -> None:
        """The introducer named someone at the table as the other side."""
        if with_pid in (offer.author, offer.to):
            raise RoomError(N_("Introduce two different people to each other."))
        self.links[offer.id] = with_pid

    def sides(self, offer: Post) -> list[str]:
        """Who must accept: the person it is for, and the person in the room, if any."""
        return [pid for pid in (offer.to, self.links.get(offer.id)) if pid is not None]

    def respond(self, offer: Post, pid: str, accept: object) -> None:
        """One side accepts the introduction (or takes the acceptance back)."""
        accept = clean_bool(accept, ACCEPT_ASK)
        if pid not in self.sides(offer):
            raise RoomError(N_("Only the people being introduced can accept it."))
        mine = [p for p in self.accepted.get(offer.id, []) if p != pid] + ([pid] if accept else [])
        if mine:
            self.accepted[offer.id] = mine
        else:
            self.accepted.pop(offer.id, None)

    def is_accepted(self, offer: Post) -> bool:
        """Every side has said yes."""
        return set(self.sides(offer)) <= set(self.accepted.get(offer.id, []))

    def view(self, offer: Post) -> dict[str, Any]:
        """What screens show of one introduction (the offer itself is on the board)."""
        return {"with": self.links.get(offer.id), "accepted_by": self.accepted.get(offer.id, []),
                "accepted": self.is_accepted(offer)}

    def public(self, board: Board) -> dict[str, Any]:
        """Every introduction the room can see, by offer id."""
        return {o.id: self.view(o) for o in offers(board)}

    def for_person(self, board: Board, pid: str, names: dict[str, str]) -> list[dict[str, Any]]:
        """The accepted introductions `pid` is part of, for their follow-up page."""
        out = []
        for o in offers(board):
            people = [o.author, *self.sides(o)]
            if pid in people and self.is_accepted(o):
                out.append({"id": o.id, "by": o.author, "by_name": names.get(o.author),
                            "to": o.to, "to_name": names.get(o.to) if o.to else None,
                            "with": self.links.get(o.id),
                            "with_name": names.get(self.links.get(o.id, "")),
                            "who": o.who, "text": o.text})
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"links": self.links, "accepted": self.accepted}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Intros":
        return cls(dict(data.get("links", {})), dict(data.get("accepted", {})))


def offers(board: Board) -> list[Post]:
    """The "I know someone" offers to a person that the room can see, oldest first."""
    return [o for o in board.shown(OFFER) if o.kind == INTRO and o.to]


def intro_offer(board: Board, offer_id: object) -> Post:
    """A visible introduction, or a refusal."""
    offer = board.visible_post(offer_id, OFFER)
    if offer.kind != INTRO or not offer.to:
        raise RoomError(N_("That offer isn't an introduction."))
    return offer
