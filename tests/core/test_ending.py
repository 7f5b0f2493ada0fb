"""Ending an event: the round stops, the board goes read-only, follow-up carries on until the
room's kept-until time."""

import pytest

from facilitator.core import commands
from facilitator.core.errors import RoomError
from facilitator.core.sections import Section
from facilitator.core.state.persisted import room_from_dict, room_to_dict
from facilitator.core.state.room import DAY, ENDED, Room
from facilitator.core.views import screens

NOW = 1_000.0


def ended_room() -> tuple[Room, dict[str, str], str]:
    """Ann asked, Bob offered on it; a round was running when the host ended the event."""
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    ids = {n: commands.people.join(room, name=n, now=0)[0].id for n in ("Ann", "Bob", "Cat")}
    ask = commands.board.post_ask(room, ids["Ann"], text="A bookkeeper", now=1)
    offer = commands.board.post_offer(room, ids["Bob"], kind="help", text="I keep books",
                                      ask=ask, now=2)
    commands.round.start(room, now=3)
    commands.generosity.raise_hand(room, ids["Cat"], now=4)
    room.begin_change()
    commands.ending.end_event(room, keep_days=30, now=NOW)
    return room, ids, offer


def test_ending_stops_the_round_lowers_hands_and_says_until_when_it_is_kept():
    room, _, _ = ended_room()
    assert room.ended and room.ended_at == NOW and room.kept_until == NOW + 30 * DAY
    assert room.table(1).turns.status == "round_over" and room.table(1).turns.current is None
    assert room.table(1).hands.queue == []
    delta = screens.delta(room, NOW)
    assert delta["sections"][Section.ROOM]["ended_at"] == NOW
    assert delta["sections"][Section.ROOM]["kept_until"] == NOW + 30 * DAY
    at_table = screens.table_delta(room.table(1), NOW)
    assert {Section.TURNS, Section.HANDS} <= at_table["sections"].keys()


def test_an_event_ends_once():
    room, _, _ = ended_room()
    with pytest.raises(RoomError, match="ended"):
        commands.ending.end_event(room, keep_days=1, now=NOW + 5)
    assert room.kept_until == NOW + 30 * DAY  # the promise made stays


@pytest.mark.parametrize("act", [
    lambda room, ids, offer: commands.board.post_ask(room, ids["Cat"], text="x", now=NOW),
    lambda room, ids, offer: commands.board.post_offer(room, ids["Cat"], kind="help", text="x",
                                                        now=NOW),
    lambda room, ids, offer: commands.board.post_ask_for(room, for_pid=ids["Cat"], text="x",
                                                          now=NOW),
    lambda room, ids, offer: commands.board.edit_post(room, ids["Bob"], post_id=offer,
                                                       text="y", now=NOW),
    lambda room, ids, offer: commands.board.delete_post(room, ids["Bob"], post_id=offer),
    lambda room, ids, offer: commands.board.take_offer(room, ids["Ann"], offer_id=offer),
    lambda room, ids, offer: commands.generosity.raise_hand(room, ids["Ann"], now=NOW),
    lambda room, ids, offer: commands.generosity.introduce(room, ids["Ann"], to=ids["Bob"],
                                                            other=ids["Cat"], now=NOW),
    lambda room, ids, offer: commands.people.join(room, name="Dan", now=NOW),
    lambda room, ids, offer: commands.people.update_profile(room, ids["Ann"], name="Annie"),
    lambda room, ids, offer: commands.round.start(room, now=NOW),
    lambda room, ids, offer: commands.round.advance(room, now=NOW),
    lambda room, ids, offer: commands.round.next_prompt(room, now=NOW),
])
def test_after_the_end_every_posting_and_round_command_refuses_clearly(act):
    room, ids, offer = ended_room()
    before = room_to_dict(room)
    with pytest.raises(RoomError) as refused:
        act(room, ids, offer)
    assert refused.value.message == ENDED
    assert room_to_dict(room) == before


def test_follow_up_carries_on_after_the_end():
    room, ids, _ = ended_room()
    contact = commands.contacts.set_contact(room, ids["Bob"], email="bob@example.org", share=True)
    assert contact.email == "bob@example.org"

    commands.board.moderate(room, post_id=next(iter(room.board.posts)), hidden=True)  # the host
    assert not room.board.counts()["asks"]


def test_someone_who_left_finds_no_table_to_come_back_to():
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    ann = commands.people.join(room, name="Ann", now=0)[0].id
    commands.people.leave(room, ann, now=1)
    commands.ending.end_event(room, keep_days=30, now=NOW)
    commands.people.rejoin(room, ann, now=NOW)
    assert room.participants[ann].status == "left" and ann not in room.table(1).turns.seats


def test_the_end_is_saved_and_old_rooms_load_as_running():
    room, _, _ = ended_room()
    again = room_from_dict(room_to_dict(room))
    assert (again.ended_at, again.kept_until) == (room.ended_at, room.kept_until)
    old = room_to_dict(room)
    del old["ended_at"], old["kept_until"]
    assert not room_from_dict(old).ended
