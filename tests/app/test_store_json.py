"""The store's JSON: orjson for speed, json for what orjson refuses; either reads back the same."""

from facilitator.core.commands import people
from facilitator.core.state.persisted import (
    room_from_dict,
    room_to_dict,
    table_from_dict,
    table_to_dict,
)
from facilitator.core.state.room import Room
from facilitator.store import _dump, _parse


def room_with(name: str) -> Room:
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    people.join(room, name="Ann", now=0)
    room.name = name  # as if stored unchecked: the store must not depend on the core's checks
    return room


def test_a_saved_room_and_its_table_read_back_equal():
    room = room_with("Thursday breakfast ☕")
    assert room_from_dict(_parse(_dump(room_to_dict(room)))) == room
    assert _parse(_dump(room_to_dict(room))) == room_to_dict(room)
    table = room.table(1)
    assert table_from_dict(_parse(_dump(table_to_dict(table)))) == table


def test_text_orjson_refuses_is_saved_with_json():
    room = room_with("broken \ud800 surrogate")
    assert room_from_dict(_parse(_dump(room_to_dict(room)))).name == room.name
