"""Returning organisers: the name of the next event in a series, and a prompt deck the host
wrote, brought back from the JSON a browser kept.

The next name follows the old one's pattern: the month moves on ("Breakfast, March" →
"Breakfast, April"), else the last number ("Breakfast #12" → "Breakfast #13", "2026-03" →
"2026-04", zeros kept), else the name stays as it is, for the host to change.
"""

import json
import re
from typing import Any

from ..errors import N_, RoomError
from .decks import clean_prompt

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.IGNORECASE)
_LAST_NUMBER = re.compile(r"(\d+)(?!.*\d)")
MAX_DECK_PROMPTS = 50
MAX_DECK_CHARS = 40_000  # checked before parsing: a deck of 50 long prompts fits well within
DECK_REFUSED = N_("That deck isn't one Facilitator can read: export it again from the host screen.")


def next_name(name: str) -> str:
    """The next event's name in the pattern of `name`."""
    month = _MONTH.search(name)
    if month:
        following = MONTHS[(MONTHS.index(month.group(1).capitalize()) + 1) % 12]
        if month.group(1).isupper():
            following = following.upper()
        elif month.group(1).islower():
            following = following.lower()
        return name[:month.start()] + following + name[month.end():]
    number = _LAST_NUMBER.search(name)
    if number:
        digits = number.group(1)
        return name[:number.start()] + str(int(digits) + 1).zfill(len(digits)) + name[number.end():]
    return name


def clean_deck_prompts(value: object) -> tuple[dict[str, Any], ...]:
    """A deck's prompts from its JSON (the shape of the built-in decks' files, or just their
    list of prompts), each checked as a prompt the host types."""
    if isinstance(value, str):
        if len(value) > MAX_DECK_CHARS:
            raise RoomError(DECK_REFUSED)
        try:
            value = json.loads(value)
        except ValueError:
            raise RoomError(DECK_REFUSED) from None
    if isinstance(value, dict):
        value = value.get("prompts")
    if not isinstance(value, list) or not 0 < len(value) <= MAX_DECK_PROMPTS:
        raise RoomError(DECK_REFUSED)
    if not all(isinstance(p, dict) for p in value):
        raise RoomError(DECK_REFUSED)
    return tuple(clean_prompt(p.get("text"), p.get("hint", ""), p.get("kind", "custom"))
                 for p in value)
