"""The protocol's names: a change records only those, and no two of them read alike."""

import pytest

from facilitator.core.sections import Collection, HostOnly, HostPart, Section
from facilitator.core.state.changes import Changes
from facilitator.core.views import generosity, routing


def test_a_change_accepts_only_the_protocols_names():
    changes = Changes()
    changes.touch(Section.TURNS, HostOnly.PITCH_TAPS)
    changes.touch_item(Collection.POSTS, "p1")
    with pytest.raises(TypeError):
        changes.touch("turns")  # even spelt right: only the constants
    with pytest.raises(TypeError):
        changes.touch_item("posts", "p2")
    assert changes.sections == {Section.TURNS, HostOnly.PITCH_TAPS}
    assert changes.items == {Collection.POSTS: {"p1"}}


def test_names_that_meet_in_one_change_never_collide():
    touched = [*Section, *Collection, *HostOnly]
    assert len({str(name) for name in touched}) == len(touched)


def test_every_public_section_and_host_part_has_a_builder():
    public = set(Section) - {Section.GENEROSITY}
    assert set(routing.PUBLIC_SECTIONS) == public
    assert set(routing.ITEMS) == set(Collection) - {Collection.HIDDEN_POSTS}
    assert set(routing.HOST_INPUTS) == set(generosity.HOST_PARTS) == set(HostPart)
