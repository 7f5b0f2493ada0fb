"""Prompt decks: the built-in ones live as JSON data beside this module, not in code.

A prompt has a `kind` so screens can react to it: during an "ask" prompt phones offer to post
what the speaker needs on the board.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import N_, RoomError
from .text import clean_text

DECKS_DIR = Path(__file__).with_name("decks")
PROMPT_KINDS = ("story", "ask", "common", "give", "custom")
PROMPT_MAX_LEN = 200
HINT_MAX_LEN = 200
PROMPT_LABEL, HINT_LABEL = N_("The prompt"), N_("The hint")
PICK_A_DECK = N_("Please pick one of the prompt decks.")
DEFAULT_DECK = "classic"
CUSTOM_DECK = "custom"  # a deck the host wrote, sent with the form that creates the event
ASK_PROMPT = "ask"  # the kind of a "what do you need help with" round


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    description: str
    prompts: tuple[dict[str, Any], ...]


@cache
def builtin_decks() -> dict[str, Deck]:
    """Every deck shipped with the app, by id (the JSON file's stem), read once."""
    decks = {}
    for path in sorted(DECKS_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        prompts = tuple(
            {"text": p["text"], "kind": p.get("kind", "custom"), "hint": p.get("hint", "")}
            for p in data["prompts"]
        )
        decks[path.stem] = Deck(path.stem, data["title"], data["description"], prompts)
    return decks


def get_deck(deck_id: object) -> Deck:
    """The deck with this id, or a clear refusal."""
    decks = builtin_decks()
    if not isinstance(deck_id, str) or deck_id not in decks:
        raise RoomError(PICK_A_DECK)
    return decks[deck_id]


def clean_prompt(text: object, hint: object = "", kind: object = "custom") -> dict[str, Any]:
    """A prompt the host typed, checked like everything else people type."""
    if kind not in PROMPT_KINDS:
        raise RoomError(N_("Unknown kind of prompt."))
    return {"text": clean_prompt_text(text), "hint": clean_hint(hint), "kind": kind}


def clean_prompt_text(value: object) -> str:
    return clean_text(value, PROMPT_LABEL, PROMPT_MAX_LEN)


def clean_hint(value: object) -> str:
    return clean_text(value, HINT_LABEL, HINT_MAX_LEN, required=False)
