"""The room aggregate: joining, identity, the host's controls and what each change touches."""

import json
import random

import pytest

from facilitator.core import sync
from facilitator.core.actions import host_action
from facilitator.core.errors import RoomError
from facilitator.core.identity import CODE_ALPHABET, CODE_LENGTH, normalize_code
from facilitator.core.persisted import room_from_dict, room_to_dict
from facilitator.core.room import Room

RNG = random.Random(7)


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
    ann, ann_token = room.join(name="Ann", now=1)
    bob, bob_token = room.join(name="Bob", now=2)
    assert room.participant_by_token(ann_token) is ann
    assert room.participant_by_token(bob_token) is bob
    assert room.participant_by_token("guess") is None
    assert room.participant_by_token(42) is None
    saved = json.dumps(room_to_dict(room))
    assert ann_token not in saved and bob_token not in saved


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, None, 7, {"a": 1}])
def test_join_refuses_bad_names(name):
    room, _ = new_room()
    with pytest.raises(RoomError):
        room.join(name=name, now=0)
    assert room.participants == {}


def test_names_keep_markup_as_text_and_lose_control_characters():
    room, _ = new_room()
    person, _ = room.join(name="<b>Ann</b>\u202e\x00", about="I\nbake", now=0)
    assert person.name == "<b>Ann</b>"
    assert person.about == "I bake"


def test_room_size_is_capped():
    room, _ = new_room(max_participants=2)
    room.join(name="A", now=0)
    room.join(name="B", now=0)
    with pytest.raises(RoomError, match="full"):
        room.join(name="C", now=0)


def test_removed_person_loses_their_token_and_their_turn():
    room, key = new_room()
    ann, token = room.join(name="Ann", now=0)
    room.join(name="Bob", now=0)
    host_action(room, "start", {}, 1, RNG)
    host_action(room, "remove", {"pid": ann.id}, 5, RNG)
    assert room.participant_by_token(token) is None
    assert room.participants[ann.id].status == "removed"
    assert room.turns.current != ann.id


def test_left_person_comes_back_at_the_end():
    room, _ = new_room()
    ann, _ = room.join(name="Ann", now=0)
    bob, _ = room.join(name="Bob", now=0)
    room.leave(ann.id, now=1)
    room.rejoin(ann.id)
    assert room.turns.seats == [bob.id, ann.id]


def test_only_the_speaker_can_finish_their_turn():
    room, _ = new_room()
    ann, _ = room.join(name="Ann", now=0)
    bob, _ = room.join(name="Bob", now=0)
    room.start_round(now=0)
    with pytest.raises(RoomError, match="isn't your turn"):
        room.speaker_done(bob.id, now=1)
    room.speaker_done(ann.id, now=1)
    assert room.turns.current == bob.id


def test_advance_runs_the_next_round_on_the_next_prompt():
    room, _ = new_room()
    room.join(name="Ann", now=0)
    room.advance(now=0)
    assert room.prompts.index == 0
    room.advance(now=10)
    assert room.turns.status == "round_over"
    room.advance(now=20)
    assert room.prompts.index == 1
    assert [r["round"] for r in room.rounds] == [1, 2]


def test_next_prompt_ends_the_round_and_moves_on():
    room, _ = new_room()
    room.join(name="Ann", now=0)
    room.start_round(now=0)
    room.next_prompt(now=3)
    assert room.turns.status == "round_over"
    assert room.prompts.up_next() == 1
    assert room.round_prompt_id == room.prompts.items[0]["id"]


def test_next_prompt_between_rounds_skips_the_one_up_next():
    room, _ = new_room()
    room.join(name="Ann", now=0)
    room.next_prompt(now=0)
    assert room.prompts.up_next() == 1
    room.start_round(now=1)
    room.advance(now=2)
    room.next_prompt(now=3)  # the round on prompt 1 is over; 2 was up next, so 3 is now
    assert room.prompts.up_next() == 3
    assert room.round_prompt_id == room.prompts.items[1]["id"]


def test_next_prompt_refuses_to_run_off_the_end():
    room, _ = new_room()
    room.prompts.select(room.prompts.items[-1]["id"])
    with pytest.raises(RoomError, match="last prompt"):
        room.next_prompt(now=0)


def test_unknown_or_malformed_host_actions_are_refused():
    room, _ = new_room()
    with pytest.raises(RoomError, match="Unknown"):
        host_action(room, "explode", {}, 0, RNG)
    with pytest.raises(RoomError, match="malformed"):
        host_action(room, "start", ["x"], 0, RNG)
    with pytest.raises(RoomError):
        host_action(room, "turn_seconds", {"seconds": True}, 0, RNG)


def test_changes_say_what_to_broadcast():
    room, _ = new_room()
    person, _ = room.join(name="Ann", now=0)
    delta = sync.delta(room, now=0)
    assert "turns" in delta["sections"] and "prompts" not in delta["sections"]
    assert delta["items"]["people"][person.id]["name"] == "Ann"
    assert "token_digest" not in json.dumps(delta)


def test_a_change_to_the_round_touches_the_order_only_when_it_moves():
    room, _ = new_room()
    a, b, c = (room.join(name=n, now=0)[0].id for n in ("Ann", "Bob", "Cat"))
    room.start_round(now=0)
    assert room.changes.sections == {"turns", "order", "prompts"}
    room.begin_change()
    room.advance(now=30)
    assert room.changes.sections == {"turns"} and room.changes.items == {"airtime": {a}}
    room.begin_change()
    room.speaker_done(b, now=40, passing=True)
    assert room.changes.sections == {"turns", "order"} and room.changes.items == {"airtime": {b}}
    room.begin_change()
    host_action(room, "turn_seconds", {"seconds": 90}, 41, RNG)  # as it was: no change at all
    assert not room.changes


def test_moving_only_the_seats_is_still_a_change():
    """After a pass the round's order and the seats differ: a reorder that keeps who is still to
    speak as they were moves the seats (the next round's order, the host's airtime chart)."""
    room, _ = new_room()
    a, b, c, d = (room.join(name=n, now=0)[0].id for n in ("Ann", "Bob", "Cat", "Dan"))
    room.start_round(now=0)
    room.advance(now=10)
    room.speaker_done(b, now=20, passing=True)  # the round: a c d b; the seats: a b c d
    room.begin_change()
    host_action(room, "reorder", {"order": [d, b]}, 30, RNG)
    assert room.turns.seats == [a, c, d, b]
    assert room.changes.sections == {"turns"}  # so it is saved; the round's order is as it was


def test_snapshot_round_trips_through_storage():
    room, _ = new_room()
    ann, _ = room.join(name="Ann", interests=["running"], now=0)
    room.start_round(now=10)
    room.turns.pause(now=20)
    copy = room_from_dict(json.loads(json.dumps(room_to_dict(room))))
    assert copy == room
    assert sync.snapshot(copy, now=30) == sync.snapshot(room, now=30)
