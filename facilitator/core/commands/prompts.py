"""The host edits the room's own prompts, at any time: every screen shows the new list."""

from ..sections import Section
from ..state.room import Room


def add(room: Room, *, text: str, hint: str = "") -> None:
    room.prompts.add(text, hint)
    room.changes.touch(Section.PROMPTS)


def edit(room: Room, *, prompt_id: str, text: str, hint: str = "") -> None:
    room.prompts.edit(prompt_id, text, hint)
    room.changes.touch(Section.PROMPTS)


def remove(room: Room, *, prompt_id: str) -> None:
    room.prompts.remove(prompt_id)
    room.changes.touch(Section.PROMPTS)


def select(room: Room, *, prompt_id: str) -> None:
    """The host picks which prompt comes next (or now)."""
    room.prompts.select(prompt_id)
    room.changes.touch(Section.PROMPTS)


def move(room: Room, *, prompt_id: str, to: int) -> None:
    room.prompts.move(prompt_id, to)
    room.changes.touch(Section.PROMPTS)
