"""The room's language: the host picks what the room's screens speak; it is saved, carried to
the next event, and refused when it is not one the screens can speak."""

import pytest

from facilitator.core.commands.display import set_language
from facilitator.core.errors import RoomError
from facilitator.core.sections import Section
from facilitator.core.state.persisted import room_from_dict, room_to_dict
from facilitator.core.state.room import Room
from facilitator.core.views.routing import section


def new_room(**kwargs) -> Room:
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0, **kwargs)
    return room


def test_a_room_speaks_english_unless_created_in_another_language():
    assert new_room().language == "en"
    assert new_room(language="ar").language == "ar"
    with pytest.raises(RoomError, match="Pick one of the languages offered."):
        new_room(language="klingon")


def test_the_host_picks_the_rooms_language_and_the_screens_hear_of_it():
    room = new_room()
    room.begin_change()
    set_language(room, language="de")
    assert room.language == "de"
    assert Section.ROOM in room.changes.sections
    assert section(room, Section.ROOM)["language"] == "de"


def test_the_same_language_again_changes_nothing():
    room = new_room(language="fr")
    room.begin_change()
    set_language(room, language="fr")
    assert not room.changes


@pytest.mark.parametrize("language", ["", "EN", "en_001", "de-DE", None, 3])
def test_only_a_language_the_screens_speak_is_taken(language):
    room = new_room()
    with pytest.raises(RoomError, match="Pick one of the languages offered."):
        set_language(room, language=language)
    assert room.language == "en"


def test_the_language_is_saved_and_carried_to_the_next_event():
    room = new_room(language="es")
    assert room_from_dict(room_to_dict(room)).language == "es"
    saved = room_to_dict(room)
    del saved["language"]  # a room saved before rooms had a language
    assert room_from_dict(saved).language == "en"
    again, _ = room.again(name="Breakfast 2", now=1)
    assert again.language == "es"
