"""Who asked for their follow-up link by email, and whether they want one reminder.

Only when the organiser set up email (SMTP_URL): nobody needs an address to take part. An
address is kept in the room, so it goes when the event is deleted (or when its owner
unsubscribes), never longer. Each subscriber has a mail key: the secret their emailed link
carries (in its fragment), which opens only their follow-up page, never a place at the table.
It is kept as is, not as a digest, because messages sent later (the reminder, the host's
"event ended") must carry it again.
"""

from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError
from . import identity
from .contacts import clean_email
from .languages import DEFAULT_LANGUAGE, clean_language
from .text import clean_bool

REMINDER_ASK = N_("Say whether you'd like a reminder.")
NO_ADDRESS = N_("Give the address to send your link to.")


@dataclass
class Subscriber:
    email: str
    key: str  # the emailed link's secret: opens this person's follow-up page only
    reminder: bool = False  # one reminder, a week after the event
    language: str = DEFAULT_LANGUAGE  # what their emails speak: their page's when they asked


@dataclass
class Mailing:
    by_person: dict[str, Subscriber] = field(default_factory=dict)

    def subscribe(self, pid: str, email: object, reminder: object,
                  language: object = DEFAULT_LANGUAGE) -> Subscriber:
        """`pid` asks for their link at `email`, in `language`; the key of an earlier request
        stays valid."""
        address, wants = clean_email(email), clean_bool(reminder, REMINDER_ASK)
        spoken = clean_language(language)
        if not address:
            raise RoomError(NO_ADDRESS)
        old = self.by_person.get(pid)
        key = old.key if old else identity.new_token()
        self.by_person[pid] = Subscriber(address, key, wants, spoken)
        return self.by_person[pid]

    def unsubscribe(self, pid: str) -> bool:
        """Forget `pid`'s address; whether there was one."""
        return self.by_person.pop(pid, None) is not None

    def of(self, pid: str) -> Subscriber | None:
        return self.by_person.get(pid)

    def person_by_key(self, key: object) -> str | None:
        """Whose emailed link carries this key, if anyone's."""
        if not isinstance(key, str):
            return None
        wanted = identity.digest(key)
        for pid, sub in self.by_person.items():
            if identity.same_digest(wanted, identity.digest(sub.key)):
                return pid
        return None

    def to_dict(self) -> dict[str, Any]:
        return {pid: dict(vars(s)) for pid, s in self.by_person.items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Mailing":
        return cls({pid: Subscriber(**s) for pid, s in data.items()})
