"""The room's own list of prompts: copied from a deck, then edited by the host at any time."""

from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError, say
from .decks import clean_prompt
from .identity import new_public_id

MAX_PROMPTS = 50
PROMPT_GONE = N_("That prompt no longer exists.")


@dataclass
class Prompts:
    items: list[dict[str, Any]] = field(default_factory=list)  # each {id, text, hint, kind}
    current_id: str | None = None
    used: bool = False  # a round has run on the current prompt

    @classmethod
    def from_deck(cls, prompts: tuple[dict[str, Any], ...]) -> "Prompts":
        items = [{"id": new_public_id(), **p} for p in prompts]
        return cls(items=items, current_id=items[0]["id"] if items else None)

    @property
    def index(self) -> int | None:
        ids = [p["id"] for p in self.items]
        return ids.index(self.current_id) if self.current_id in ids else None

    @property
    def current(self) -> dict[str, Any] | None:
        i = self.index
        return None if i is None else self.items[i]

    def up_next(self) -> int | None:
        """Index of the prompt the next round will use."""
        i = self.index
        if i is None:
            return 0 if self.items else None
        if not self.used:
            return i
        return i + 1 if i + 1 < len(self.items) else None

    def for_new_round(self) -> dict[str, Any]:
        """Move to the prompt the next round uses and mark it used."""
        nxt = self.up_next()
        if nxt is None:
            raise RoomError(N_("That was the last prompt: add one, or pick a prompt to run again."))
        self.current_id, self.used = self.items[nxt]["id"], True
        return self.items[nxt]

    def select(self, prompt_id: object) -> None:
        """The host picks which prompt comes next (or now)."""
        self.current_id, self.used = self._find(prompt_id)["id"], False

    def add(self, text: object, hint: object = "", kind: object = "custom") -> dict[str, Any]:
        if len(self.items) >= MAX_PROMPTS:
            raise RoomError(say("A room can have at most %(max)s prompts.", max=MAX_PROMPTS))
        prompt = {"id": new_public_id(), **clean_prompt(text, hint, kind)}
        self.items.append(prompt)
        if self.current_id is None:
            self.current_id = prompt["id"]
        return prompt

    def edit(self, prompt_id: object, text: object, hint: object = "") -> None:
        prompt = self._find(prompt_id)
        prompt.update(clean_prompt(text, hint, prompt["kind"]))

    def remove(self, prompt_id: object) -> None:
        prompt = self._find(prompt_id)
        i = self.items.index(prompt)
        self.items.remove(prompt)
        if prompt_id == self.current_id:
            # The prompt that took its place becomes current, fresh.
            nxt = self.items[min(i, len(self.items) - 1)] if self.items else None
            self.current_id, self.used = (nxt["id"] if nxt else None), False

    def move(self, prompt_id: object, to_index: int) -> None:
        prompt = self._find(prompt_id)
        if not 0 <= to_index < len(self.items):
            raise RoomError(N_("That position is outside the list of prompts."))
        self.items.remove(prompt)
        self.items.insert(to_index, prompt)

    def _find(self, prompt_id: object) -> dict[str, Any]:
        for prompt in self.items:
            if prompt["id"] == prompt_id:
                return prompt
        raise RoomError(PROMPT_GONE)

    def public(self) -> dict[str, Any]:
        return {"items": self.items, "index": self.index, "used": self.used,
                "up_next": self.up_next()}

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "current_id": self.current_id, "used": self.used}
