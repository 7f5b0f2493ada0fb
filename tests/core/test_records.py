"""Records of people stay bounded: join-and-leave cycles can't grow them, and a token kept from
before is no way past the size of the room (issue 16.8)."""

import pytest

from facilitator.core.commands import board, people, round
from facilitator.core.errors import RoomError
from facilitator.core.sections import Collection
from facilitator.core.state.records import RECORDS_PER_SEAT, TOO_MANY
from facilitator.core.state.room import Room


def small_room(seats: int = 3) -> Room:
    room, _ = Room.create(name="Small", deck_id="classic", turn_seconds=90, now=0,
                          max_participants=seats)
    return room


def test_join_and_leave_cycles_never_grow_the_records_past_their_bound():
    room = small_room()
    for i in range(50):
        person, _ = people.join(room, name=f"Bot {i}", now=i)
        people.leave(room, person.id, now=i)
    assert len(room.participants) <= RECORDS_PER_SEAT * room.max_participants


def test_only_those_who_left_without_a_trace_are_forgotten():
    room = small_room()
    ann = people.join(room, name="Ann", now=0)[0].id
    bob = people.join(room, name="Bob", now=0)[0].id
    board.post_ask(room, bob, text="A printer", now=1)
    people.leave(room, bob, now=2)
    bots = []
    for i in range(4):
        bots.append(people.join(room, name=f"Bot {i}", now=3)[0].id)
        people.leave(room, bots[-1], now=4)
    room.begin_change()
    people.join(room, name="Cat", now=5)
    assert ann in room.participants and bob in room.participants  # here, or left a post
    assert not set(bots) & set(room.participants)
    assert {pid: None for pid in bots}.items() <= {
        pid: room.participants.get(pid) for pid in room.changes.items[Collection.PEOPLE]
    }.items()


def test_a_full_book_of_people_with_traces_refuses_a_join_clearly():
    room = small_room(seats=2)
    for i in range(4):
        person, _ = people.join(room, name=f"P{i}", now=i)
        board.post_ask(room, person.id, text="Something", now=i)
        people.leave(room, person.id, now=i)
    with pytest.raises(RoomError) as refused:
        people.join(room, name="Late", now=10)
    assert refused.value.message == TOO_MANY


def test_a_returning_token_does_not_pass_the_participant_cap():
    room = small_room(seats=2)
    ann = people.join(room, name="Ann", now=0)[0].id
    people.leave(room, ann, now=1)
    for name in ("Bob", "Cat"):
        people.join(room, name=name, now=2)
    with pytest.raises(RoomError, match="full"):
        people.rejoin(room, ann, now=3)
    assert room.present_count() == 2


def test_someone_seated_in_a_round_is_never_forgotten():
    room = small_room(seats=2)
    ann = people.join(room, name="Ann", now=0)[0].id
    people.join(room, name="Bob", now=0)
    round.start(room, now=1)
    people.leave(room, ann, now=2)
    for i in range(2):  # seated in the running round as they join: they sat with people
        person, _ = people.join(room, name=f"Bot {i}", now=3)
        people.leave(room, person.id, now=3)
    with pytest.raises(RoomError) as refused:
        people.join(room, name="Late", now=4)
    assert refused.value.message == TOO_MANY and ann in room.participants


def test_cycles_during_a_running_round_stay_bounded_and_forget_nobody_a_table_names():
    room = small_room(seats=3)
    ann = people.join(room, name="Ann", now=0)[0].id
    people.join(room, name="Bob", now=0)
    round.start(room, now=1)
    round.next_turn(room, now=2)
    people.leave(room, ann, now=3)  # she spoke (her airtime is in the round's log), then left
    refusals = 0
    for i in range(50):  # a script joining and leaving while the round runs
        try:
            person, _ = people.join(room, name=f"Bot {i}", now=4 + i)
        except RoomError as refused:
            assert refused.message == TOO_MANY
            refusals += 1
            continue
        people.leave(room, person.id, now=4 + i)
        assert len(room.participants) <= RECORDS_PER_SEAT * room.max_participants
    assert round.running(room)
    assert refusals > 0  # the bound holds by refusing, not by forgetting whom the round names
    for table in room.tables.loaded():
        turns = table.turns
        named = {*turns.seats, *turns.order, *turns.unheard, *(r["pid"] for r in turns.log)}
        assert ann in named and named <= set(room.participants)
