"""`room_service.change_room`: a change is saved whole or not at all, even though the room it
changed stays in memory for the next one. `room_service.load_room`: screens share one parsed copy
of a room while its saved version stays the same."""

import pytest

from facilitator.core.errors import RoomError
from facilitator.core.sections import Section
from facilitator.core.state.persisted import room_to_dict
from facilitator.core.state.room import Room
from facilitator.core.views import routing
from facilitator.room_service import Kept, change_room, delete_room, load_room
from facilitator.store import get_store

from .helpers import create_room, open_table, refusal, updates


def rename_then_fail(room, at):
    room.name = "Half-done"
    room.changes.touch(Section.ROOM)
    raise RoomError("No.")


def test_a_change_that_fails_halfway_leaves_no_trace(app, client):
    code, _ = create_room(client, name="Breakfast")
    with app.app_context():
        change_room(code, lambda room, at: room.changes.touch(Section.ROOM))  # kept in memory
        with pytest.raises(RoomError):
            change_room(code, rename_then_fail)
        saved, name = change_room(code, lambda room, at: room.name)
        assert name == "Breakfast" and load_room(code).name == "Breakfast"
        assert saved.version == load_room(code).version


def test_each_change_bumps_the_saved_version_once(app, client):
    code, _ = create_room(client)
    with app.app_context():
        first = load_room(code).version
        versions = [change_room(code, lambda room, at: room.changes.touch(Section.ROOM))[0].version
                    for _ in range(3)]
        assert versions == [first + 1, first + 2, first + 3]
        assert load_room(code).version == first + 3


def test_screens_share_a_room_until_it_changes(app, client):
    code, _ = create_room(client)
    with app.app_context():
        shown = load_room(code)
        assert load_room(code.lower()) is shown  # no second copy for the same version
        saved, _ = change_room(code, lambda room, at: room.changes.touch(Section.ROOM))
        fresh = load_room(code)
        assert fresh is not shown and fresh.version == saved.version == shown.version + 1


def test_a_shown_room_is_never_the_one_being_changed(app, client):
    code, _ = create_room(client, name="Breakfast")
    with app.app_context():
        shown = load_room(code)

        def rename(room, at):
            assert room is not shown
            room.name = "Lunch"
            room.changes.touch(Section.ROOM)

        change_room(code, rename)
        assert shown.name == "Breakfast" and load_room(code).name == "Lunch"


def test_a_deleted_room_is_not_shown_from_memory(app, client):
    code, _ = create_room(client)
    with app.app_context():
        load_room(code)
        change_room(code, lambda room, at: room.changes.touch(Section.ROOM))
        delete_room(code)
        with pytest.raises(RoomError, match="no event with that code"):
            load_room(code)
        with pytest.raises(RoomError, match="no event with that code"):
            change_room(code, lambda room, at: room.changes.touch(Section.ROOM))


def test_kept_parts_are_bounded_and_the_least_recently_used_goes_first():
    kept: Kept[Room] = Kept(size=2)
    a, b, c = (Room.create(name=n, deck_id="classic", turn_seconds=60, now=0)[0] for n in "ABC")
    kept.keep(a.code, a)
    kept.keep(b.code, b)
    assert kept.peek(a.code) is a  # a is now the most recently used
    kept.keep(c.code, c)
    assert kept.peek(b.code) is None and kept.peek(a.code) is a and kept.peek(c.code) is c
    assert kept.take(a.code) is a and kept.peek(a.code) is None  # taken out while changed


GENERIC = "Something went wrong on our side. Please try again."


def bad_section_name(monkeypatch) -> None:
    monkeypatch.setattr(routing, "room_sections", lambda room: ["prompt"])  # misspelt


def section_that_fails(monkeypatch) -> None:
    def fail(room):
        raise ValueError("no prompts to show")
    monkeypatch.setitem(routing.PUBLIC_SECTIONS, Section.PROMPTS, fail)


def host_part_that_fails(monkeypatch) -> None:
    monkeypatch.setattr(routing, "host_parts", lambda changes, table=False: ["tips"])  # no part


@pytest.mark.parametrize("break_routing", [bad_section_name, section_that_fails,
                                           host_part_that_fails])
def test_a_change_that_cannot_be_sent_is_refused_and_not_saved(
        app, client, socketio_client, monkeypatch, break_routing):
    """The deltas are built before the save: if routing a change fails, the change is refused,
    the stored room keeps its version and data, and no screen hears of it."""
    table = open_table(client, socketio_client)
    viewer = socketio_client()
    assert viewer.emit("watch", {"code": table.code}, callback=True)["ok"]
    with app.app_context():
        load_room(table.code)
        before = room_to_dict(get_store().load(table.code))
    table.host.get_received(), viewer.get_received()
    break_routing(monkeypatch)
    add = {"action": "prompt_add", "args": {"text": "What surprised you today?"}}
    assert refusal(table.host.emit("host", add, callback=True)) == GENERIC
    assert table.host.get_received() == [] and viewer.get_received() == []
    with app.app_context():
        assert room_to_dict(get_store().load(table.code)) == before
        assert load_room(table.code).version == before["version"]
    monkeypatch.undo()
    # The refused change left nothing behind in memory either: the next one starts from the save.
    ack = table.host.emit("host", {"action": "prompt_add", "args": {"text": "Next"}}, callback=True)
    assert ack == {"ok": True, "version": before["version"] + 1}
    [update] = updates(viewer)
    texts = [p["text"] for p in update["sections"]["prompts"]["items"]]
    assert "Next" in texts and "What surprised you today?" not in texts
