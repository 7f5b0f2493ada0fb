"""Keeping a room generous: taps, hands, switches, introductions and the "fill the gaps" rule."""

import pytest

from facilitator.core.commands import board, generosity, people, round
from facilitator.core.errors import RoomError
from facilitator.core.sections import HostOnly
from facilitator.core.state.room import Room


def table(*names: str, deck: str = "classic") -> tuple[Room, list[str]]:
    room, _ = Room.create(name="Breakfast", deck_id=deck, turn_seconds=90, now=0)
    pids = [people.join(room, name=n, now=0)[0].id for n in names]
    room.begin_change()
    return room, pids


def test_a_third_of_the_listeners_nudges_the_speaker_and_only_the_host_section_is_touched():
    room, (ann, bob, cat, dan, eve, fay, gus) = table(*"ABCDEFG")
    round.start(room, now=1)
    room.begin_change()
    assert generosity.pitch_tap(room, bob) is None
    assert room.table(1).changes.sections == {HostOnly.PITCH_TAPS} and not room.changes
    assert generosity.pitch_tap(room, cat) == ann  # 2 of 6 listeners
    assert generosity.pitch_tap(room, dan) is None  # nudged once is enough


def test_taps_need_a_speaker_a_listener_and_the_switch_on():
    room, (ann, bob) = table("Ann", "Bob")
    with pytest.raises(RoomError, match="Nobody is speaking"):
        generosity.pitch_tap(room, bob)
    round.start(room, now=1)
    with pytest.raises(RoomError, match="your own turn"):
        generosity.pitch_tap(room, ann)
    generosity.set_features(room, switches={"pitch_nudges": False})
    with pytest.raises(RoomError, match="switched off"):
        generosity.pitch_tap(room, bob)


def test_the_share_is_the_hosts_to_set():
    room, pids = table(*"ABCDE")
    generosity.set_features(room, switches={"pitch_share": 0.5})
    round.start(room, now=1)
    assert generosity.pitch_tap(room, pids[1]) is None
    assert generosity.pitch_tap(room, pids[2]) == pids[0]  # 2 of 4


def test_hands_go_to_the_speaker_and_switching_them_off_clears_the_queue():
    room, (ann, bob, cat) = table("Ann", "Bob", "Cat")
    round.start(room, now=1)
    room.begin_change()
    generosity.raise_hand(room, bob, now=2)
    generosity.raise_hand(room, cat, now=3)
    assert room.table(1).changes.sections == {"hands"} and not room.changes
    assert [h["speaker"] for h in room.table(1).hands.public()["queue"]] == [ann, ann]
    generosity.clear_hands(room, pid=bob)
    assert [h["pid"] for h in room.table(1).hands.public()["queue"]] == [cat]
    generosity.set_features(room, switches={"hands": False})
    assert room.table(1).hands.public()["queue"] == []
    with pytest.raises(RoomError, match="switched off"):
        generosity.raise_hand(room, bob, now=4)


def test_introducing_two_people_at_the_table_posts_an_offer_both_accept():
    room, (ann, bob, cat, dan) = table("Ann", "Bob", "Cat", "Dan")
    offer_id = generosity.introduce(room, bob, to=ann, other=cat, now=5)
    post = room.board.posts[offer_id]
    assert (post.kind, post.to, post.who, post.author) == ("intro", ann, "Cat", bob)
    assert room.changes.items["posts"] == {offer_id}
    with pytest.raises(RoomError, match="Only the people being introduced"):
        generosity.respond_intro(room, dan, offer_id=offer_id, accept=True)
    generosity.respond_intro(room, ann, offer_id=offer_id, accept=True)
    generosity.respond_intro(room, cat, offer_id=offer_id, accept=True)
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
        generosity.introduce(room, pids[1], to=data.get("to"), other=data.get("with"), now=5)
    assert room.board.posts == {}


def test_fill_the_gaps_holds_the_room_after_an_ask_round_until_every_ask_has_an_offer():
    room, (ann, bob) = table("Ann", "Bob", deck="quick")
    generosity.set_features(room, switches={"fill_the_gaps": True})
    round.start(room, now=10)  # the origin story round: no rule
    round.end_round(room, now=10)
    round.start(room, now=10)  # "What do you need help with right now?"
    ask = board.post_ask(room, ann, text="A venue", now=11)
    round.advance(room, now=10)  # next speaker: allowed
    round.advance(room, now=10)  # the round ends: allowed
    with pytest.raises(RoomError, match="1 ask is still waiting for an offer"):
        round.advance(room, now=10)
    with pytest.raises(RoomError, match="fill the gaps"):
        round.next_prompt(room, now=10)
    board.post_offer(room, bob, kind="help", text="Our hall", ask=ask, now=12)
    round.advance(room, now=10)
    assert room.table(1).turns.round == 3


def test_without_the_rule_the_room_moves_on():
    room, (ann, bob) = table("Ann", "Bob", deck="quick")
    round.start(room, now=10)
    round.next_prompt(room, now=10)
    round.start(room, now=10)
    board.post_ask(room, ann, text="A venue", now=11)
    round.next_prompt(room, now=10)


def test_questions_are_answered_one_by_one_and_go_down_with_the_turn():
    room, (ann, bob, cat) = table("Ann", "Bob", "Cat")
    round.start(room, now=1)  # Ann speaks
    generosity.raise_hand(room, bob, now=2)
    generosity.raise_hand(room, cat, now=3)
    with pytest.raises(RoomError, match="Only the speaker"):
        generosity.answer_hand(room, bob, asker=cat)
    generosity.answer_hand(room, ann, asker=bob)
    assert [h.pid for h in room.table(1).hands.queue] == [cat]
    round.next_turn(room, table=1, now=4)  # Bob speaks: Cat's question for Ann goes down
    assert room.table(1).hands.queue == []
    assert room.table(1).hands.asked == {bob: 1, cat: 1}  # still counted as asked
