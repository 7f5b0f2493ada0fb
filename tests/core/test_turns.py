"""The turn engine: fair order, passes, late joiners, leavers, exact pause and airtime."""

import random

import pytest

from facilitator.core.errors import RoomError
from facilitator.core.state.turns import LOBBY, PAUSED, ROUND_OVER, SPEAKING, Turns


def seated(*pids: str, seconds: int = 90) -> Turns:
    turns = Turns(turn_seconds=seconds)
    for pid in pids:
        turns.seat(pid)
    return turns


def test_round_robin_in_join_order_until_everyone_spoke():
    turns = seated("a", "b", "c")
    turns.start_round(now=0)
    spoken = []
    while turns.status == SPEAKING:
        spoken.append(turns.current)
        turns.finish_turn(now=len(spoken) * 10, outcome="done")
    assert spoken == ["a", "b", "c"]
    assert turns.status == ROUND_OVER
    assert turns.airtime(now=100) == {"a": 10.0, "b": 10.0, "c": 10.0}


def test_start_needs_someone_seated_and_no_running_round():
    turns = Turns()
    with pytest.raises(RoomError, match="Nobody has joined"):
        turns.start_round(now=0)
    turns.seat("a")
    turns.start_round(now=0)
    with pytest.raises(RoomError, match="already running"):
        turns.start_round(now=1)


def test_deadline_is_start_plus_turn_length():
    turns = seated("a", seconds=60)
    turns.start_round(now=1000)
    assert turns.deadline == 1060


def test_pause_and_resume_keep_exactly_the_time_left():
    turns = seated("a", "b", seconds=90)
    turns.start_round(now=100)
    turns.pause(now=130.25)
    assert turns.status == PAUSED
    assert turns.remaining == pytest.approx(59.75)
    assert turns.deadline is None
    turns.resume(now=500)
    assert turns.deadline == pytest.approx(559.75)
    # The paused stretch is not airtime.
    assert turns.airtime(now=510) == {"a": pytest.approx(40.2, abs=0.1)}


def test_pause_and_resume_refuse_the_wrong_state():
    turns = seated("a")
    with pytest.raises(RoomError):
        turns.pause(now=0)
    turns.start_round(now=0)
    with pytest.raises(RoomError):
        turns.resume(now=1)


def test_pass_moves_the_speaker_to_the_end_once():
    turns = seated("a", "b", "c")
    turns.start_round(now=0)
    turns.pass_turn(now=5)
    assert turns.order == ["b", "c", "a"]
    assert turns.current == "b"
    turns.finish_turn(now=10, outcome="done")
    turns.finish_turn(now=20, outcome="done")
    assert turns.current == "a"
    # A second pass in the same round sits the round out.
    turns.pass_turn(now=25)
    assert turns.status == ROUND_OVER
    assert [r["outcome"] for r in turns.log] == ["passed", "done", "done", "passed"]


def test_late_joiner_speaks_at_the_end_of_the_current_round():
    turns = seated("a", "b")
    turns.start_round(now=0)
    turns.seat("late")
    assert turns.order == ["a", "b", "late"]
    assert turns.upcoming() == ["b", "late"]


def test_current_speaker_leaving_passes_the_turn_on():
    turns = seated("a", "b", "c")
    turns.start_round(now=0)
    turns.unseat("a", now=30)
    assert turns.current == "b"
    assert turns.log[-1] == {"pid": "a", "round": 1, "seconds": 30.0, "outcome": "left"}
    assert "a" not in turns.seats


def test_upcoming_speaker_leaving_is_dropped_without_breaking_the_round():
    turns = seated("a", "b", "c")
    turns.start_round(now=0)
    turns.unseat("c", now=1)
    turns.finish_turn(now=2, outcome="done")
    turns.finish_turn(now=3, outcome="done")
    assert turns.status == ROUND_OVER
    assert [r["pid"] for r in turns.log] == ["a", "b"]


def test_someone_back_during_the_round_speaks_once_in_it():
    """Back before their turn: at the end of the round, like a latecomer; back after it (or
    after leaving mid-turn): not a second time. Nobody is twice in the round's order."""
    turns = seated("a", "b", "c", "d")
    turns.start_round(now=0)
    turns.unseat("a", now=5)  # mid-turn: their turn ends, recorded as left
    turns.unseat("c", now=6)  # before their turn
    turns.seat("a")
    turns.seat("c")
    assert turns.order == ["a", "b", "d", "c"]
    assert turns.position == 1 and turns.current == "b"
    assert turns.seats == ["b", "d", "a", "c"]  # the next round: everyone once


def test_reorder_upcoming_only_accepts_exactly_those_still_to_speak():
    turns = seated("a", "b", "c", "d")
    turns.start_round(now=0)
    with pytest.raises(RoomError):
        turns.reorder(["a", "d", "c", "b"])
    with pytest.raises(RoomError):
        turns.reorder("d,c,b")
    turns.reorder(["d", "c", "b"])
    assert turns.order == ["a", "d", "c", "b"]
    # The next round keeps the host's order.
    assert turns.seats == ["a", "d", "c", "b"]


def test_reorder_between_rounds_sets_the_seats():
    turns = seated("a", "b", "c")
    turns.reorder(["c", "a", "b"])
    turns.start_round(now=0)
    assert turns.current == "c"


def test_shuffle_keeps_everyone_and_the_current_speaker():
    turns = seated(*"abcdefgh")
    turns.start_round(now=0)
    turns.shuffle(random.Random(4))
    assert turns.current == "a"
    assert sorted(turns.order) == list("abcdefgh")


def test_turn_length_bounds():
    turns = Turns()
    with pytest.raises(RoomError, match="15 to 900"):
        turns.set_turn_seconds(5)
    turns.set_turn_seconds(120)
    assert turns.turn_seconds == 120


def test_end_round_records_the_current_speaker():
    turns = seated("a", "b")
    turns.start_round(now=0)
    turns.end_round(now=12)
    assert turns.status == ROUND_OVER
    assert turns.log == [{"pid": "a", "round": 1, "seconds": 12.0, "outcome": "ended"}]


def test_public_view_counts_progress_and_next():
    turns = seated("a", "b", "c")
    assert turns.public()["status"] == LOBBY
    turns.start_round(now=0)
    turns.finish_turn(now=5, outcome="done")
    view = turns.public()
    assert (view["position"], view["current"], view["next"]) == (1, "b", "c")
    assert (view["spoken"], view["since"]) == (0.0, 5)  # screens count b's airtime up from 5
    assert turns.finished_airtime() == {"a": 5.0} and turns.airtime(now=6) == {"a": 5.0, "b": 1.0}


def test_public_view_keeps_the_current_turns_airtime_across_a_pause():
    turns = seated("a", "b")
    turns.start_round(now=0)
    turns.pause(now=4)
    assert (turns.public()["spoken"], turns.public()["since"]) == (4.0, None)
    turns.resume(now=10)
    assert (turns.public()["spoken"], turns.public()["since"]) == (4.0, 10)
    assert turns.airtime(now=11) == {"a": 5.0}


def test_a_round_ended_early_says_who_was_unheard_and_they_go_first_next():
    turns = seated("a", "b", "c", "d")
    turns.start_round(now=0)
    turns.finish_turn(now=10, outcome="done")  # a spoke; b is speaking
    turns.end_round(now=20)
    assert turns.status == ROUND_OVER
    assert turns.public()["unheard"] == ["c", "d"]
    turns.unseat("d", now=25)  # someone unheard leaves: no longer owed a turn
    assert turns.public()["unheard"] == ["c"]
    turns.start_round(now=30)
    assert turns.order == ["c", "a", "b"] and turns.public()["unheard"] == []


def test_the_host_reordering_between_rounds_overrides_who_goes_first():
    turns = seated("a", "b", "c")
    turns.start_round(now=0)
    turns.end_round(now=10)
    assert turns.public()["unheard"] == ["b", "c"]
    turns.reorder(["c", "a", "b"])
    assert turns.public()["unheard"] == []
    turns.start_round(now=20)
    assert turns.order == ["c", "a", "b"]


def test_a_round_everyone_spoke_in_leaves_nobody_unheard():
    turns = seated("a", "b")
    turns.start_round(now=0)
    turns.finish_turn(now=10, outcome="done")
    turns.finish_turn(now=20, outcome="done")
    assert turns.status == ROUND_OVER and turns.public()["unheard"] == []
    assert turns.speaking_order() == ["a", "b"]
