"""The host chooses what the display shows (the board's place, the cards between rounds, the
theme, the chime): a change of the room, sent to every screen in its `display` section."""

from ..sections import Section
from ..state.room import Room


def set_display(room: Room, *, board: str | None = None, cards: list[str] | None = None,
                theme: str | None = None, chime: bool | None = None) -> None:
    """Apply the host's choice; None leaves a setting as it is."""
    if room.display.update(board=board, cards=cards, theme=theme, chime=chime):
        room.changes.touch(Section.DISPLAY)
