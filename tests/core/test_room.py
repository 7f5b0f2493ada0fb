"""The room aggregate and the people and round commands: joining, identity, the host's controls
and what each change touches."""

import json

import pytest

from facilitator.core.commands import people, round
from facilitator.core.errors import RoomError
from facilitator.core.state.identity import CODE_ALPHABET, CODE_LENGTH, normalize_code
from facilitator.core.state.participants import NAME_MAX_LEN
from facilitator.core.state.persisted import (
    room_from_dict,
    room_to_dict,
    table_from_dict,
    table_to_dict,
)
from facilitator.core.state.room import Room
from facilitator.core.views import screens


def new_room(**overrides) -> tuple[Room, str]:
    fields = {"name": "Thursday breakfast", "deck_id": "classic", "turn_seconds": 90, "now": 0}
    return Room.create(**{**fields, **overrides})


def test_code_is_six_unambiguous_characters():
    room, _ = new_room()
    assert len(room.code) == CODE_LENGTH
    assert set(room.code) <= set(CODE_ALPHABET)
    assert not set("0O1IL") & set(CODE_ALPHABET)
    assert normalize_code(" w4p-bbg ") == "W4PBBG"


def test_host_key_is_checked_and_never_stored_in_clear():
    room, key = new_room()
    assert room.is_host(key)
    assert not room.is_host(key + "x")
    assert not room.is_host(None)
    assert key not in json.dumps(room_to_dict(room))


def test_join_gives_a_secret_token_that_identifies_only_that_person():
    room, _ = new_room()
    ann, ann_token = people.join(room, name="Ann", now=1)
    bob, bob_token = people.join(room, name="Bob", now=2)
    assert room.participant_by_token(ann_token) is ann
    assert room.participant_by_token(bob_token) is bob
    assert room.participant_by_token("guess") is None
    assert room.participant_by_token(42) is None
    saved = json.dumps(room_to_dict(room))
    assert ann_token not in saved and bob_token not in saved


@pytest.mark.parametrize("name", ["", "   ", "x" * (NAME_MAX_LEN + 1), None, 7, {"a": 1}])
def test_join_refuses_bad_names(name):
    room, _ = new_room()
    with pytest.raises(RoomError):
        people.join(room, name=name, now=0)
    assert room.participants == {}


def test_names_keep_markup_as_text_and_lose_control_characters():
    room, _ = new_room()
    person, _ = people.join(room, name="<b>Ann</b>\u202e\x00", about="I\nbake", now=0)
    assert person.name == "<b>Ann</b>"
    assert person.about == "I bake"


def test_room_size_is_capped():
    room, _ = new_room(max_participants=2)
    people.join(room, name="A", now=0)
    people.join(room, name="B", now=0)
    with pytest.raises(RoomError, match="full"):
        people.join(room, name="C", now=0)


def test_removed_person_loses_their_token_and_their_turn():
    room, key = new_room()
    ann, token = people.join(room, name="Ann", now=0)
    people.join(room, name="Bob", now=0)
    round.start(room, now=1)
    people.remove(room, pid=ann.id, now=5)
    assert room.participant_by_token(token) is None
    assert room.participants[ann.id].status == "removed"
    assert room.table(1).turns.current != ann.id


def test_left_person_comes_back_at_the_end():
    room, _ = new_room()
    ann, _ = people.join(room, name="Ann", now=0)
    bob, _ = people.join(room, name="Bob", now=0)
    people.leave(room, ann.id, now=1)
    people.rejoin(room, ann.id, now=2)
    assert room.table(1).turns.seats == [bob.id, ann.id]


def test_only_the_speaker_can_finish_their_turn():
    room, _ = new_room()
    ann, _ = people.join(room, name="Ann", now=0)
    bob, _ = people.join(room, name="Bob", now=0)
    round.start(room, now=0)
    with pytest.raises(RoomError, match="isn't your turn"):
        round.done(room, bob.id, now=1)
    round.done(room, ann.id, now=1)
    assert room.table(1).turns.current == bob.id


def test_advance_runs_the_next_round_on_the_next_prompt():
    room, _ = new_room()
    people.join(room, name="Ann", now=0)
    round.advance(room, now=0)
    assert room.prompts.index == 0
    round.advance(room, now=10)
    assert room.table(1).turns.status == "round_over"
    round.advance(room, now=20)
    assert room.prompts.index == 1
    assert [r["round"] for r in room.rounds] == [1, 2]


def test_next_prompt_ends_the_round_and_moves_on():
    room, _ = new_room()
    people.join(room, name="Ann", now=0)
    round.start(room, now=0)
    round.next_prompt(room, now=3)
    assert room.table(1).turns.status == "round_over"
    assert room.prompts.up_next() == 1
    assert room.round_prompt_id == room.prompts.items[0]["id"]


def test_next_prompt_between_rounds_skips_the_one_up_next():
    room, _ = new_room()
    people.join(room, name="Ann", now=0)
    round.next_prompt(room, now=0)
    assert room.prompts.up_next() == 1
    round.start(room, now=1)
    round.advance(room, now=2)
    round.next_prompt(room, now=3)  # the round on prompt 1 is over; 2 was up next, so 3 is now
    assert room.prompts.up_next() == 3
    assert room.round_prompt_id == room.prompts.items[1]["id"]


def test_next_prompt_refuses_to_run_off_the_end():
    room, _ = new_room()
    room.prompts.select(room.prompts.items[-1]["id"])
    with pytest.raises(RoomError, match="last prompt"):
        round.next_prompt(room, now=0)


def test_changes_say_what_to_broadcast():
    room, _ = new_room()
    person, _ = people.join(room, name="Ann", now=0)
    delta = screens.delta(room, now=0)
    assert "turns" not in delta["sections"] and "prompts" not in delta["sections"]
    assert delta["items"]["people"][person.id]["name"] == "Ann"
    assert delta["items"]["seats"] == {person.id: 1}
    assert "token_digest" not in json.dumps(delta)
    at_table = screens.table_delta(room.table(1), now=0)
    assert set(at_table["sections"]) == {"turns", "order"} and at_table["table"] == 1


def test_a_change_to_the_round_touches_the_order_only_when_it_moves():
    room, _ = new_room()
    a, b, c = (people.join(room, name=n, now=0)[0].id for n in ("Ann", "Bob", "Cat"))
    round.start(room, now=0)
    table = room.table(1)
    assert room.changes.sections == {"prompts"}
    assert table.changes.sections == {"turns", "order"}
    room.begin_change()
    round.advance(room, now=30)
    assert not room.changes
    assert table.changes.sections == {"turns"} and table.changes.items == {"airtime": {a}}
    room.begin_change()
    round.pass_turn(room, b, now=40)
    assert table.changes.sections == {"turns", "order"} and table.changes.items == {"airtime": {b}}
    room.begin_change()
    round.set_turn_seconds(room, seconds=90)  # as it was: no change at all
    assert not room.changes and not table.changes


def test_moving_only_the_seats_is_still_a_change():
    """After a pass the round's order and the seats differ: a reorder that keeps who is still to
    speak as they were moves the seats (the next round's order, the host's airtime chart)."""
    room, _ = new_room()
    a, b, c, d = (people.join(room, name=n, now=0)[0].id for n in ("Ann", "Bob", "Cat", "Dan"))
    round.start(room, now=0)
    round.advance(room, now=10)
    round.pass_turn(room, b, now=20)  # the round: a c d b; the seats: a b c d
    room.begin_change()
    round.reorder(room, order=[d, b])
    assert room.table(1).turns.seats == [a, c, d, b]
    # So it is saved; the round's order is as it was.
    assert room.table(1).changes.sections == {"turns"}


def test_snapshot_round_trips_through_storage():
    room, _ = new_room()
    ann, _ = people.join(room, name="Ann", interests=["running"], now=0)
    round.start(room, now=10)
    room.table(1).turns.pause(now=20)
    copy = room_from_dict(json.loads(json.dumps(room_to_dict(room))))
    table = table_from_dict(json.loads(json.dumps(table_to_dict(room.table(1)))))
    assert copy == room and table == room.table(1)
    assert screens.snapshot(copy, now=30) == screens.snapshot(room, now=30)
    assert (screens.table_snapshot(copy, table, now=30)
            == screens.table_snapshot(room, room.table(1), now=30))
