"""The host's per-room switches: defaults, checked updates, and clear refusals when off."""

import pytest

from facilitator.core.errors import RoomError
from facilitator.core.state.features import DEFAULT_PITCH_SHARE, LABELS, Features


def test_everything_is_on_by_default_except_the_rule_that_holds_the_room_back():
    features = Features()
    held_back = ("fill_the_gaps", "auto_advance")  # the second cuts a speaker off
    assert all(getattr(features, name) for name in LABELS if name not in held_back)
    assert features.fill_the_gaps is False and features.auto_advance is False
    assert features.pitch_share == DEFAULT_PITCH_SHARE


def test_a_switched_off_feature_is_refused_by_name():
    features = Features()
    features.update({"hands": False})
    with pytest.raises(RoomError, match="switched off “Questions queue”"):
        features.require("hands")
    features.require("pitch_nudges")


def test_update_returns_only_what_changed():
    features = Features()
    assert features.update({"hands": True, "tips": False, "pitch_share": 0.5}) == [
        "tips", "pitch_share"]
    assert (features.tips, features.pitch_share) == (False, 0.5)


@pytest.mark.parametrize("changes", [
    {}, None, [], {"nope": True}, {"hands": "no"}, {"hands": 0}, {"pitch_share": 0.05},
    {"pitch_share": 1.5}, {"pitch_share": True}, {"pitch_share": "half"},
    {"tips": False, "pitch_share": 2},
])
def test_bad_updates_change_nothing(changes):
    features = Features()
    with pytest.raises(RoomError):
        features.update(changes)
    assert features == Features()


def test_saved_switches_load_and_unknown_or_missing_ones_take_defaults():
    saved = {**Features(hands=False).to_dict(), "retired_switch": True}
    del saved["tips"]
    assert Features.from_dict(saved) == Features(hands=False)
