"""What the host puts on the display: checked choices, sent in the room's public stream, kept
across a save, and old rooms loading with the defaults (board off, no cards, light, no chime)."""

import pytest

from facilitator.core.commands import display
from facilitator.core.errors import RoomError
from facilitator.core.sections import Section
from facilitator.core.state.display import Display, clean_board, clean_cards, clean_theme
from facilitator.core.state.persisted import room_from_dict, room_to_dict
from facilitator.core.state.room import Room
from facilitator.core.views import screens


def new_room() -> Room:
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    return room


def test_the_host_choice_goes_to_every_screen_and_is_kept():
    room = new_room()
    assert screens.snapshot(room, 0)["sections"]["display"] == {
        "board": "off", "cards": [], "theme": "light", "chime": False}
    room.begin_change()
    display.set_display(room, board="full", cards=["gaps", "airtime"], chime=True)
    assert Section.DISPLAY in room.changes.sections
    assert screens.delta(room, 0)["sections"]["display"] == {
        "board": "full", "cards": ["airtime", "gaps"], "theme": "light", "chime": True}
    again = room_from_dict(room_to_dict(room))
    assert again.display == room.display


def test_a_choice_that_moves_nothing_touches_nothing():
    room = new_room()
    room.begin_change()
    display.set_display(room, board="off", theme="light")
    assert Section.DISPLAY not in room.changes.sections


def test_a_room_saved_before_the_display_loads_with_the_defaults():
    data = room_to_dict(new_room())
    del data["display"]
    assert room_from_dict(data).display == Display()


@pytest.mark.parametrize(("clean", "value"), [
    (clean_board, "sideways"), (clean_cards, ["airtime", "tips"]), (clean_theme, "neon"),
])
def test_unknown_choices_are_refused_in_words(clean, value):
    with pytest.raises(RoomError):
        clean(value)
