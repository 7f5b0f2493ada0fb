"""Room codes, secret tokens and how they are checked.

Tokens are stored only as SHA-256 digests: a copy of the database cannot be used to act as a
participant or as the host, and lookups by digest take the same time whatever the guess.
"""

import hashlib
import hmac
import re
import secrets

from ..errors import N_, RoomError

# No 0/O, 1/I/L, 5/S or 2/Z: a code read off a projector must survive being typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789"
CODE_LENGTH = 6
# Letters after the code that let latecomers in once the host closed the event to its code
# (`new_latecomers_key`): 27**4, half a million, where guesses count as code misses.
LATECOMERS_KEY_LENGTH = 4
NO_SUCH_ROOM = N_("There's no event with that code. Check the code on the big screen.")
WRONG_HOST_KEY = N_("This host link is not valid for this event.")
HOST_KEY_CHANGED = N_("The host key was changed on another console: open the console from its "
                      "new link or QR code.")
# Sent as written to every screen of a deleted event; each script shows it in its reader's language.
ROOM_DELETED = N_("This event has ended and its data was deleted.")
NO_PLACE = N_("We couldn't find your place in this event. Please join again.")
# A secret a phone made for itself (`join`): at least as long as ours, of the same characters.
OWN_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")
WEAK_TOKEN = N_("A phone's own secret is 32 to 64 letters, digits, - or _.")


def new_room_code() -> str:
    """A short code people can type."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(raw: str) -> str:
    """Upper-case and strip what people add by hand (spaces, dashes)."""
    return "".join(ch for ch in str(raw).upper() if ch.isalnum())


def new_latecomers_key() -> str:
    """What latecomers add to the event's code, once the host closed the event to that code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(LATECOMERS_KEY_LENGTH))


def split_code(raw: str) -> tuple[str, str]:
    """A code as given, normalized: (the event's code, the latecomers' key after it, or "")."""
    code = normalize_code(raw)
    return code[:CODE_LENGTH], code[CODE_LENGTH:]


def new_token() -> str:
    """A secret for a participant or a host: 192 random bits."""
    return secrets.token_urlsafe(24)


def clean_own_token(value: str) -> str:
    """A secret a phone made for itself, refused unless it could be one of ours."""
    if not OWN_TOKEN.fullmatch(value):
        raise RoomError(WEAK_TOKEN)
    return value


def new_public_id() -> str:
    """An id others may see (in the turn order, on the board); grants nothing."""
    return secrets.token_hex(5)


def digest(token: str) -> str:
    """What we store instead of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same_digest(a: str, b: str) -> bool:
    """Compare two digests in constant time."""
    return hmac.compare_digest(a, b)


def matches(token: str, stored_digest: str) -> bool:
    """Whether `token` is the one whose digest was stored."""
    return same_digest(digest(token), stored_digest)
