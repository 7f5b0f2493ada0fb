"""Looking an event up by its code, with wrong codes limited per address (issue 16.10).

Anyone may open `/j/<code>` (and the other pages named by a code) or watch a room by its code:
that is how people join. Unlimited, a script could try codes until one answered. Now every
address may get only so many "no such event" answers (RATELIMIT_ROOM_MISSES); past that, every
lookup by code from it is refused, hits as well as misses, until the window frees up, so the
answer tells a guesser nothing. docs/security.md works out how long finding a live room takes.

The key latecomers add to a code once the host closed the event to it (`Room.latecomers_key`)
is guessed the same way, so a wrong one counts as a miss too. Phones scan the QR code and so
never miss; people typing the code by hand miss now and then.
Misses are counted where Flask-Limiter counts (Redis with REDIS_URL), so every process shares
them.
"""

from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app, request
from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from .core.errors import N_, RoomError
from .core.state.identity import NO_SUCH_ROOM
from .core.state.room import NEW_CODE

T = TypeVar("T")
# Answers that count as a miss: no such event, or a wrong latecomers' key after a code (a
# guess at the key that lets latecomers into a closed event)
MISSES = (NO_SUCH_ROOM, NEW_CODE)
TOO_MANY_MISSES = N_("Too many unknown event codes came from your network just now. Please wait "
                     "a few minutes, or scan the QR code on the big screen.")


class TooManyMisses(RoomError):
    """A lookup refused because its address guessed wrong too often."""


class CodeGuesses:
    def __init__(self, config: dict) -> None:
        self.items = parse_many(config["RATELIMIT_ROOM_MISSES"])
        self.windows = MovingWindowRateLimiter(storage_from_string(
            config["RATELIMIT_STORAGE_URI"], key_prefix=f"{config['REDIS_PREFIX']}-misses"))

    def refused(self, address: str) -> bool:
        return not all(self.windows.test(item, "miss", address) for item in self.items)

    def missed(self, address: str) -> None:
        for item in self.items:
            self.windows.hit(item, "miss", address)


def init_app(app: Flask) -> None:
    """Count misses (after `security.init_app`, which says where limits are counted)."""
    if app.config["RATELIMIT_ENABLED"]:
        app.extensions["code_guesses"] = CodeGuesses(app.config)


def looked_up(load: Callable[[], T]) -> T:
    """`load()`, a lookup by a code someone gave, counted as a miss if there is no such event;
    TooManyMisses if this address has missed too often."""
    guesses: CodeGuesses | None = current_app.extensions.get("code_guesses")
    if guesses is None:
        return load()
    address = request.remote_addr or "?"
    if guesses.refused(address):
        raise TooManyMisses(TOO_MANY_MISSES)
    try:
        return load()
    except RoomError as exc:
        if exc.message in MISSES:
            guesses.missed(address)
        raise
