"""Anonymous pitch taps: one per listener per turn, a share of listeners nudges, counts only."""

import json

import pytest

from facilitator.core.errors import RoomError
from facilitator.core.state.nudges import Nudges, threshold


@pytest.mark.parametrize(("listeners", "share", "needed"), [
    (3, 1 / 3, 1), (6, 1 / 3, 2), (8, 1 / 3, 3), (9, 1 / 3, 3), (0, 1 / 3, 1), (1, 1 / 3, 1),
    (8, 0.5, 4), (8, 1.0, 8), (10, 0.25, 3),
])
def test_the_threshold_is_the_share_of_listeners_rounded_up(listeners, share, needed):
    assert threshold(listeners, share) == needed


def test_the_tap_that_reaches_the_threshold_nudges_once():
    nudges = Nudges()
    assert nudges.tap(1, "ann", "bob", 6, 1 / 3) is False
    assert nudges.tap(1, "ann", "cat", 6, 1 / 3) is True
    assert nudges.tap(1, "ann", "dan", 6, 1 / 3) is False  # already nudged
    assert nudges.current(1, "ann") == {"round": 1, "pid": "ann", "taps": 3, "listeners": 6,
                                        "nudged": True}


def test_one_tap_per_listener_per_turn_and_never_for_oneself():
    nudges = Nudges()
    nudges.tap(1, "ann", "bob", 8, 1 / 3)
    with pytest.raises(RoomError, match="already tapped"):
        nudges.tap(1, "ann", "bob", 8, 1 / 3)
    with pytest.raises(RoomError, match="your own turn"):
        nudges.tap(1, "ann", "ann", 8, 1 / 3)
    # A new turn (the next round) starts afresh.
    nudges.tap(2, "ann", "bob", 8, 1 / 3)
    assert [t["taps"] for t in nudges.history()] == [1, 1]


def test_only_counts_leave_the_module():
    nudges = Nudges()
    nudges.tap(1, "ann", "bob-secret-id", 4, 1 / 3)
    assert "bob-secret-id" not in json.dumps([nudges.history(), nudges.current(1, "ann")])
    assert nudges.current(1, "cat") is None and nudges.current(1, None) is None


def test_taps_survive_a_save():
    nudges = Nudges()
    nudges.tap(1, "ann", "bob", 3, 1 / 3)
    again = Nudges.from_dict(json.loads(json.dumps(nudges.to_dict())))
    assert again == nudges
    with pytest.raises(RoomError):
        again.tap(1, "ann", "bob", 3, 1 / 3)
