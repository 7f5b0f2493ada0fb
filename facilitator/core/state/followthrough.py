"""Follow-through: whether the help offered at the event happened.

After the event either side of an offer (its author, or the person it was for) marks how it went:
"we're in touch", "it helped", "didn't work out"; the latest mark stands, with who made it. An
introduction is marked "we met" by either person it introduced. Marks are never broadcast: they
appear on the two people's follow-up pages and, counted, in the host's summary.
"""

from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError
from .board import OFFER, Board, Post
from .text import clean_bool

IN_TOUCH, HELPED, DIDNT_WORK = "in_touch", "helped", "didnt_work"
OFFER_MARKS = {IN_TOUCH: N_("We're in touch"), HELPED: N_("It helped"),
               DIDNT_WORK: N_("Didn't work out")}
FOLLOWED_UP = (IN_TOUCH, HELPED)  # marks that say the offer was taken up after the event
MARK_ASK = N_("Say how it went: we're in touch, it helped, or didn't work out.")
MET_ASK = N_("Say whether you met.")
NOT_YOURS = N_("Only the two people an offer was between can say how it went.")
NOT_INTRODUCED = N_("Only the people it introduced can say they met.")


@dataclass
class FollowThrough:
    offers: dict[str, dict[str, Any]] = field(default_factory=dict)  # offer id -> {mark, by, at}
    met: dict[str, dict[str, Any]] = field(default_factory=dict)  # intro offer id -> {by, at}

    def mark(self, offer: Post, pid: str, mark: object, now: float) -> None:
        """`pid`, a side of `offer`, says how it went (None takes the mark back)."""
        mark = clean_mark(mark)
        if not offer.to or pid not in (offer.author, offer.to):
            raise RoomError(NOT_YOURS)
        if mark is None:
            self.offers.pop(offer.id, None)
        else:
            self.offers[offer.id] = {"mark": mark, "by": pid, "at": now}

    def mark_met(self, offer: Post, sides: list[str], pid: str, met: object, now: float) -> None:
        """`pid`, one of the introduced `sides`, says they met (or takes it back)."""
        met = clean_bool(met, MET_ASK)
        if pid not in sides:
            raise RoomError(NOT_INTRODUCED)
        if met:
            self.met[offer.id] = {"by": pid, "at": now}
        else:
            self.met.pop(offer.id, None)

    def of(self, offer_id: str) -> str | None:
        """The offer's mark, if anyone made one."""
        entry = self.offers.get(offer_id)
        return entry["mark"] if entry else None

    def view(self, offer_id: str) -> dict[str, Any] | None:
        return dict(self.offers[offer_id]) if offer_id in self.offers else None

    def counts(self, board: Board) -> dict[str, int]:
        """How many of the offers the room saw were followed up, helped, or didn't work out."""
        marks = [self.of(o.id) for o in board.shown(OFFER) if o.to]
        return {"offers": len(marks), "followed_up": sum(m in FOLLOWED_UP for m in marks),
                "in_touch": marks.count(IN_TOUCH), "helped": marks.count(HELPED),
                "didnt_work": marks.count(DIDNT_WORK)}

    def to_dict(self) -> dict[str, Any]:
        return {"offers": self.offers, "met": self.met}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "FollowThrough":
        return cls(dict(data.get("offers", {})), dict(data.get("met", {})))


def clean_mark(value: object) -> str | None:
    """One of OFFER_MARKS, or None (no mark)."""
    if value is None:
        return None
    if not isinstance(value, str) or value not in OFFER_MARKS:
        raise RoomError(MARK_ASK)
    return value
