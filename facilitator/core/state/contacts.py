"""Contact details people choose to share, and the rule for who may see them.

Nothing here is ever broadcast. A person's details reach someone else only when they said so:
`share` opens them to the people they took part in an exchange with (`partners`: never a
one-sided offer), `share_with_host` puts them in the host's exports. Withdrawing consent takes
effect on the next page load or export.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError
from .text import clean_bool, clean_link, clean_text

EMAIL_MAX_LEN, PHONE_MAX_LEN = 254, 32
# Deliberately loose: one @, a dot in the domain, no spaces. Mail servers have the last word.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"\+?[0-9 ().-]+")
MIN_PHONE_DIGITS = 5
SHARE_ASK = N_("Say whether to share your details.")
LINK_LABEL = N_("The profile link")
EMAIL_LABEL, PHONE_LABEL = N_("The email address"), N_("The phone number")
EMAIL_REFUSED = N_("That email address doesn't look right.")
PHONE_REFUSED = N_("A phone number has digits, spaces, +, -, dots or brackets only.")


@dataclass
class Contact:
    email: str = ""
    phone: str = ""
    link: str = ""  # a profile page, http(s) only
    share: bool = False  # with the people they took part in an exchange with
    share_with_host: bool = False  # in the host's exports

    def details(self) -> dict[str, Any] | None:
        """The details given, without the blanks; None if there are none."""
        found = {k: v for k, v in (("email", self.email), ("phone", self.phone),
                                   ("link", self.link)) if v}
        return found or None


def clean_contact(email: object, phone: object, link: object, share: object,
                  share_with_host: object) -> Contact:
    """The contact form's fields, checked; blanks clear a detail."""
    share, share_with_host = clean_bool(share, SHARE_ASK), clean_bool(share_with_host, SHARE_ASK)
    return Contact(email=clean_email(email), phone=clean_phone(phone),
                   link=clean_link(link, LINK_LABEL), share=share, share_with_host=share_with_host)


def clean_email(value: object) -> str:
    email = clean_text(value, EMAIL_LABEL, EMAIL_MAX_LEN, required=False)
    if email and not EMAIL.fullmatch(email):
        raise RoomError(EMAIL_REFUSED)
    return email


def clean_phone(value: object) -> str:
    phone = clean_text(value, PHONE_LABEL, PHONE_MAX_LEN, required=False)
    if phone and (not PHONE.fullmatch(phone) or sum(c.isdigit() for c in phone) < MIN_PHONE_DIGITS):
        raise RoomError(PHONE_REFUSED)
    return phone


@dataclass
class Contacts:
    by_person: dict[str, Contact] = field(default_factory=dict)

    def of(self, pid: str) -> Contact:
        """Someone's details as they gave them (empty if they gave none)."""
        return self.by_person.get(pid, Contact())

    def set_for(self, pid: str, contact: Contact) -> None:
        """Replace `pid`'s details; all blank and unshared means none are kept."""
        if contact == Contact():
            self.by_person.pop(pid, None)
        else:
            self.by_person[pid] = contact

    def visible_to(self, viewer: str, owner: str, *, in_audience: bool) -> dict[str, Any] | None:
        """`owner`'s details as `viewer` may see them: only if shared and `viewer` is in their
        audience, the people they exchanged with (`partners.audience`)."""
        contact = self.of(owner)
        if viewer == owner or (contact.share and in_audience):
            return contact.details()
        return None

    def for_host(self, owner: str) -> dict[str, Any] | None:
        """`owner`'s details for the host's exports, only with their consent."""
        contact = self.of(owner)
        return contact.details() if contact.share_with_host else None

    def to_dict(self) -> dict[str, Any]:
        return {pid: dict(vars(c)) for pid, c in self.by_person.items()}  # plain values only

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Contacts":
        return cls({pid: Contact(**c) for pid, c in data.items()})
