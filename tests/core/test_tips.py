"""Between-round tips: one for the kind of prompt coming up, rotating by round."""

from facilitator.core.state.decks import PROMPT_KINDS
from facilitator.core.views.tips import tip_for, tips


def test_every_prompt_kind_has_tips():
    assert set(tips()) == set(PROMPT_KINDS)
    assert all(lines and all(len(t) <= 120 for t in lines) for lines in tips().values())


def test_tips_rotate_and_fall_back_when_nothing_is_up_next():
    assert tip_for("story", 0) != tip_for("story", 1)
    assert tip_for("story", 0) == tip_for("story", len(tips()["story"]))
    assert tip_for(None, 0) in tips()["custom"]
    assert tip_for("unknown", 0) in tips()["custom"]
