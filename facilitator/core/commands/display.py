"""The host chooses what the display shows (the board's place, the cards between rounds, the
theme, the chime) and the language the room's screens speak.

Display settings go to every screen in the `display` section; the language is the room's own
(`room` section: the console and the display both redraw in it). Each phone keeps its reader's
own language (facilitator/i18n.py), and prompts stay as typed, whatever the language.
"""

from ..sections import Section
from ..state.languages import clean_language
from ..state.room import Room


def set_display(room: Room, *, board: str | None = None, cards: list[str] | None = None,
                theme: str | None = None, chime: bool | None = None) -> None:
    """Apply the host's choice; None leaves a setting as it is."""
    if room.display.update(board=board, cards=cards, theme=theme, chime=chime):
        room.changes.touch(Section.DISPLAY)


def set_language(room: Room, *, language: str) -> None:
    """The host picks the language the room's screens speak; they redraw in it."""
    language = clean_language(language)
    if room.language != language:
        room.language = language
        room.changes.touch(Section.ROOM)
