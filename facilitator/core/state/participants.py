"""Participants: who joined, what they told the room about themselves, and whether they're here."""

from dataclasses import dataclass, field
from typing import Any

from ..errors import N_
from .text import clean_list, clean_text

NAME_MAX_LEN = 80  # real full names need more than 40 (docs/protocol.md, Limits)
ABOUT_MAX_LEN = 120
MAX_INTERESTS, INTEREST_MAX_LEN = 8, 40
COMPANY_MAX_LEN = 80
COMPANY = N_("Who you came with, or your company")
HERE, LEFT, REMOVED = "here", "left", "removed"
NOT_IN_ROOM = N_("That person is not in this room.")
INTERESTS = N_("Interests")
NAME_LABEL, ABOUT_LABEL = N_("Your name"), N_("What you do")
# The host removes everyone who joined in the last this-many minutes (at most a day).
RECENT_LABEL, MAX_RECENT_MINUTES = N_("The minutes"), 24 * 60


@dataclass
class Participant:
    id: str
    name: str
    token_digest: str  # the secret itself is only ever on the participant's phone
    joined_at: float
    about: str = ""
    interests: list[str] = field(default_factory=list)
    status: str = HERE
    # Who they came with or work for: people with the same are seated apart at reshuffles.
    # For seating only: the host sees it, the room never does.
    company: str = ""
    # When they last left or were removed (None while here): whoever joins after that never
    # sees their shared details (`partners.may_see`).
    left_at: float | None = None

    @property
    def present(self) -> bool:
        return self.status == HERE

    def public(self) -> dict[str, Any]:
        """What anyone in the room may see: never the token."""
        return {
            "id": self.id,
            "name": self.name,
            "about": self.about,
            "interests": self.interests,
            "status": self.status,
        }

    def to_dict(self) -> dict[str, Any]:
        # Not `asdict`: it deep-copies, and a room of 500 is saved on every change.
        return {**vars(self), "interests": list(self.interests)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Participant":
        return cls(**data)


def clean_profile(name: object, about: object, interests: object) -> dict[str, Any]:
    """The join form's fields, checked: name required, the rest optional."""
    return {"name": clean_name(name), "about": clean_about(about),
            "interests": clean_interests(interests)}


def clean_name(value: object) -> str:
    return clean_text(value, NAME_LABEL, NAME_MAX_LEN)


def clean_about(value: object) -> str:
    return clean_text(value, ABOUT_LABEL, ABOUT_MAX_LEN, required=False)


def clean_interests(value: object) -> list[str]:
    return clean_list(value, INTERESTS, MAX_INTERESTS, INTEREST_MAX_LEN)


def clean_company(value: object) -> str:
    return clean_text(value, COMPANY, COMPANY_MAX_LEN, required=False)


def company_key(company: str) -> str:
    """What two people's companies are compared by: "ACME Ltd" and "acme ltd." are one."""
    return " ".join("".join(ch for ch in company.casefold() if ch.isalnum() or ch.isspace())
                    .split())
