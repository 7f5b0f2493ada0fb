"""Raised hands: those who asked least go first, then the earliest; lowering and clearing."""

import pytest

from facilitator.core.errors import RoomError
from facilitator.core.state.hands import Hands


def order(hands: Hands) -> list[str]:
    return [h["pid"] for h in hands.public()["queue"]]


def test_the_queue_is_in_the_order_hands_went_up_when_nobody_has_asked_yet():
    hands = Hands()
    for at, pid in enumerate(["bob", "cat", "dan"]):
        hands.raise_hand(pid, "ann", 1, at)
    assert order(hands) == ["bob", "cat", "dan"]
    assert hands.public()["queue"][0] == {"pid": "bob", "speaker": "ann", "round": 1}


def test_those_who_asked_least_go_first():
    hands = Hands()
    hands.raise_hand("bob", "ann", 1, 0)  # Bob's first question
    hands.clear()
    hands.raise_hand("bob", "cat", 1, 10)  # Bob raises first, but has asked before
    hands.raise_hand("dan", "cat", 1, 11)
    hands.raise_hand("eve", "cat", 1, 12)
    assert order(hands) == ["dan", "eve", "bob"]
    assert hands.total() == 4


def test_one_hand_per_speaker_and_never_for_ones_own_turn():
    hands = Hands()
    hands.raise_hand("bob", "ann", 1, 0)
    with pytest.raises(RoomError, match="already up"):
        hands.raise_hand("bob", "ann", 1, 1)
    with pytest.raises(RoomError, match="your turn"):
        hands.raise_hand("ann", "ann", 1, 1)
    hands.raise_hand("bob", "cat", 1, 2)  # the next speaker, while Ann's questions wait
    assert order(hands) == ["bob", "bob"]


def test_lowering_a_hand_takes_back_the_question():
    hands = Hands()
    hands.raise_hand("bob", "ann", 1, 0)
    hands.lower_hand("bob")
    assert order(hands) == [] and hands.total() == 0
    with pytest.raises(RoomError, match="isn't up"):
        hands.lower_hand("bob")


def test_the_host_takes_one_question_or_clears_the_queue_and_questions_still_count():
    hands = Hands()
    hands.raise_hand("bob", "ann", 1, 0)
    hands.raise_hand("cat", "ann", 1, 1)
    hands.clear("bob")
    assert order(hands) == ["cat"]
    with pytest.raises(RoomError):
        hands.clear("bob")
    hands.clear()
    assert order(hands) == [] and hands.asked == {"bob": 1, "cat": 1}


def test_the_queue_survives_a_save():
    hands = Hands()
    hands.raise_hand("bob", "ann", 1, 0)
    assert Hands.from_dict(hands.to_dict()) == hands
