"""The protocol's names: a change records only those, and no two of them read alike."""

import pytest

from facilitator.core.sections import HOST_SECTIONS, Collection, HostOnly, HostPart, Section
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


def test_every_public_section_and_host_part_has_a_builder_in_one_stream():
    public = set(Section) - HOST_SECTIONS
    assert set(routing.PUBLIC_SECTIONS) | set(routing.TABLE_SECTIONS) == public
    assert not set(routing.PUBLIC_SECTIONS) & set(routing.TABLE_SECTIONS)
    assert set(routing.ITEMS) | set(routing.TABLE_ITEMS) == (
        set(Collection) - {Collection.HIDDEN_POSTS})
    assert not set(routing.ITEMS) & set(routing.TABLE_ITEMS)
    host_parts = set(generosity.HOST_PARTS) | set(generosity.TABLE_HOST_PARTS)
    assert set(routing.HOST_INPUTS) == host_parts == set(HostPart)
    assert not set(generosity.HOST_PARTS) & set(generosity.TABLE_HOST_PARTS)
