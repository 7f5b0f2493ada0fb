"""`rooms.change_room`: a change is saved whole or not at all, even though the room it changed
stays in memory for the next one. `rooms.load_room`: screens share one parsed copy of a room
while its saved version stays the same."""

import pytest

from facilitator.core.errors import RoomError
from facilitator.core.room import Room
from facilitator.rooms import KeptRooms, change_room, delete_room, load_room

from .helpers import create_room


def rename_then_fail(room, now, rng):
    room.name = "Half-done"
    room.changes.touch("room")
    raise RoomError("No.")


def test_a_change_that_fails_halfway_leaves_no_trace(app, client):
    code, _ = create_room(client, name="Breakfast")
    with app.app_context():
        change_room(code, lambda room, now, rng: room.changes.touch("room"))  # kept in memory
        with pytest.raises(RoomError):
            change_room(code, rename_then_fail)
        version, name = change_room(code, lambda room, now, rng: room.name)
        assert name == "Breakfast" and load_room(code).name == "Breakfast"
        assert version == load_room(code).version


def test_each_change_bumps_the_saved_version_once(app, client):
    code, _ = create_room(client)
    with app.app_context():
        first = load_room(code).version
        versions = [change_room(code, lambda room, now, rng: room.changes.touch("room"))[0]
                    for _ in range(3)]
        assert versions == [first + 1, first + 2, first + 3]
        assert load_room(code).version == first + 3


def test_screens_share_a_room_until_it_changes(app, client):
    code, _ = create_room(client)
    with app.app_context():
        shown = load_room(code)
        assert load_room(code.lower()) is shown  # no second copy for the same version
        version, _ = change_room(code, lambda room, now, rng: room.changes.touch("room"))
        fresh = load_room(code)
        assert fresh is not shown and fresh.version == version == shown.version + 1


def test_a_shown_room_is_never_the_one_being_changed(app, client):
    code, _ = create_room(client, name="Breakfast")
    with app.app_context():
        shown = load_room(code)

        def rename(room, now, rng):
            assert room is not shown
            room.name = "Lunch"
            room.changes.touch("room")

        change_room(code, rename)
        assert shown.name == "Breakfast" and load_room(code).name == "Lunch"


def test_a_deleted_room_is_not_shown_from_memory(app, client):
    code, _ = create_room(client)
    with app.app_context():
        load_room(code)
        change_room(code, lambda room, now, rng: room.changes.touch("room"))
        delete_room(code)
        with pytest.raises(RoomError, match="no event with that code"):
            load_room(code)
        with pytest.raises(RoomError, match="no event with that code"):
            change_room(code, lambda room, now, rng: room.changes.touch("room"))


def test_kept_rooms_are_bounded_and_the_least_recently_used_goes_first():
    kept = KeptRooms(size=2)
    a, b, c = (Room.create(name=n, deck_id="classic", turn_seconds=60, now=0)[0] for n in "ABC")
    kept.keep(a)
    kept.keep(b)
    assert kept.peek(a.code) is a  # a is now the most recently used
    kept.keep(c)
    assert kept.peek(b.code) is None and kept.peek(a.code) is a and kept.peek(c.code) is c
    assert kept.take(a.code) is a and kept.peek(a.code) is None  # taken out while changed
