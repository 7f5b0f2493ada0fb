"""Steering a room: taps, hands, switches, introductions and the "fill the gaps" rule."""

import random

import pytest

from facilitator.core import posting, steering
from facilitator.core.actions import host_action
from facilitator.core.errors import RoomError
from facilitator.core.room import Room

RNG = random.Random(3)


def table(*names: str, deck: str = "classic") -> tuple[Room, list[str]]:
    room, _ = Room.create(name="Breakfast", deck_id=deck, turn_seconds=90, now=0)
    pids = [room.join(name=n, now=0)[0].id for n in names]
    room.begin_change()
    return room, pids


def host(room: Room, action: str, **args) -> None:
    host_action(room, action, args, 10, RNG)


def test_a_third_of_the_listeners_nudges_the_speaker_and_only_the_host_section_is_touched():
    room, (ann, bob, cat, dan, eve, fay, gus) = table(*"ABCDEFG")
    room.start_round(1)
    room.begin_change()
    assert steering.pitch_tap(room, bob) is None
    assert room.changes.sections == {steering.NUDGES}
    assert steering.pitch_tap(room, cat) == ann  # 2 of 6 listeners
    assert steering.pitch_tap(room, dan) is None  # nudged once is enough


def test_taps_need_a_speaker_a_listener_and_the_switch_on():
    room, (ann, bob) = table("Ann", "Bob")
    with pytest.raises(RoomError, match="Nobody is speaking"):
        steering.pitch_tap(room, bob)
    room.start_round(1)
    with pytest.raises(RoomError, match="your own turn"):
        steering.pitch_tap(room, ann)
    host(room, "features", pitch_nudges=False)
    with pytest.raises(RoomError, match="switched off"):
        steering.pitch_tap(room, bob)


def test_the_share_is_the_hosts_to_set():
    room, pids = table(*"ABCDE")
    host(room, "features", pitch_share=0.5)
    room.start_round(1)
    assert steering.pitch_tap(room, pids[1]) is None
    assert steering.pitch_tap(room, pids[2]) == pids[0]  # 2 of 4


def test_hands_go_to_the_speaker_and_switching_them_off_clears_the_queue():
    room, (ann, bob, cat) = table("Ann", "Bob", "Cat")
    room.start_round(1)
    room.begin_change()
    steering.raise_hand(room, bob, 2)
    steering.raise_hand(room, cat, 3)
    assert room.changes.sections == {"hands"}
    assert [h["speaker"] for h in room.generosity.hands.public()["queue"]] == [ann, ann]
    host(room, "hands_clear", pid=bob)
    assert [h["pid"] for h in room.generosity.hands.public()["queue"]] == [cat]
    host(room, "features", hands=False)
    assert room.generosity.hands.public()["queue"] == []
    with pytest.raises(RoomError, match="switched off"):
        steering.raise_hand(room, bob, 4)


def test_introducing_two_people_at_the_table_posts_an_offer_both_accept():
    room, (ann, bob, cat, dan) = table("Ann", "Bob", "Cat", "Dan")
    offer_id = steering.introduce(room, bob, {"to": ann, "with": cat}, 5)
    post = room.board.posts[offer_id]
    assert (post.kind, post.to, post.who, post.author) == ("intro", ann, "Cat", bob)
    assert room.changes.items["posts"] == {offer_id}
    with pytest.raises(RoomError, match="Only the people being introduced"):
        steering.respond_intro(room, dan, {"offer": offer_id, "accept": True})
    steering.respond_intro(room, ann, {"offer": offer_id, "accept": True})
    steering.respond_intro(room, cat, {"offer": offer_id, "accept": True})
    assert room.generosity.intros.is_accepted(post)


@pytest.mark.parametrize("data", [
    {}, {"to": "A", "with": "A"}, {"to": "me", "with": "C"}, {"to": "A", "with": "nobody"},
    {"to": 1, "with": 2},
])
def test_bad_introductions_are_refused(data):
    room, pids = table("Ann", "Bob", "Cat")
    ids = {"A": pids[0], "me": pids[1], "C": pids[2]}
    data = {k: ids.get(v, v) for k, v in data.items()}
    with pytest.raises(RoomError):
        steering.introduce(room, pids[1], data, 5)
    assert room.board.posts == {}


def test_fill_the_gaps_holds_the_room_after_an_ask_round_until_every_ask_has_an_offer():
    room, (ann, bob) = table("Ann", "Bob", deck="quick")
    host(room, "features", fill_the_gaps=True)
    host(room, "start")  # the origin story round: no rule
    host(room, "end_round")
    host(room, "start")  # "What do you need help with right now?"
    ask = posting.post_ask(room, ann, {"text": "A venue"}, 11)
    host(room, "next")  # next speaker: allowed
    host(room, "next")  # the round ends: allowed
    with pytest.raises(RoomError, match="1 ask is still waiting for an offer"):
        host(room, "next")
    with pytest.raises(RoomError, match="fill the gaps"):
        host(room, "next_prompt")
    posting.post_offer(room, bob, {"kind": "help", "text": "Our hall", "ask": ask}, 12)
    host(room, "next")
    assert room.turns.round == 3


def test_without_the_rule_the_room_moves_on():
    room, (ann, bob) = table("Ann", "Bob", deck="quick")
    host(room, "start")
    host(room, "next_prompt")
    host(room, "start")
    posting.post_ask(room, ann, {"text": "A venue"}, 11)
    host(room, "next_prompt")
