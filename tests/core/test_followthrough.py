"""Follow-through: either side of an offer says how it went, the introduced say they met."""

import pytest

from facilitator.core.commands import board, ending, followthrough, generosity, people
from facilitator.core.errors import RoomError
from facilitator.core.state.followthrough import MARK_ASK, NOT_INTRODUCED, NOT_YOURS
from facilitator.core.state.persisted import room_from_dict, room_to_dict
from facilitator.core.state.room import Room
from facilitator.core.views.followup import followup
from facilitator.core.views.screens import delta


@pytest.fixture
def event():
    """Bob offered on Ann's ask, Cat offered the room a resource and introduced Ann to Dan."""
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    ids = {n: people.join(room, name=n, now=0)[0].id for n in ("Ann", "Bob", "Cat", "Dan")}
    ask = board.post_ask(room, ids["Ann"], text="A bookkeeper", now=1)
    ids["help"] = board.post_offer(room, ids["Bob"], kind="help", text="I keep books", ask=ask,
                                   now=2)
    ids["all"] = board.post_offer(room, ids["Cat"], kind="resource", text="A guide", now=3)
    ids["intro"] = generosity.introduce(room, ids["Cat"], to=ids["Ann"], other=ids["Dan"], now=4)
    for side in ("Ann", "Dan"):
        generosity.respond_intro(room, ids[side], offer_id=ids["intro"], accept=True)
    ending.end_event(room, keep_days=30, now=10)
    room.begin_change()
    return room, ids


def test_either_side_marks_an_offer_and_the_latest_mark_stands(event):
    room, ids = event
    followthrough.mark_offer(room, ids["Bob"], offer_id=ids["help"], mark="in_touch", now=20)
    followthrough.mark_offer(room, ids["Ann"], offer_id=ids["help"], mark="helped", now=30)
    for name, side in (("Ann", "received"), ("Bob", "made")):
        [offer] = [o for o in followup(room, ids[name])[side] if o["id"] == ids["help"]]
        assert offer["follow_through"] == {"mark": "helped", "by": ids["Ann"], "at": 30}
    followthrough.mark_offer(room, ids["Ann"], offer_id=ids["help"], mark=None, now=40)
    assert room.follow_through.of(ids["help"]) is None


def test_marks_are_saved_and_versioned_but_never_broadcast(event):
    room, ids = event
    followthrough.mark_offer(room, ids["Bob"], offer_id=ids["help"], mark="helped", now=20)
    assert room.changes.private
    assert delta(room, 20)["sections"] == {} and delta(room, 20)["items"] == {}
    assert room_from_dict(room_to_dict(room)).follow_through == room.follow_through


@pytest.mark.parametrize(("who", "offer", "mark", "refusal"), [
    ("Cat", "help", "helped", NOT_YOURS),  # not a side of it
    ("Cat", "all", "helped", NOT_YOURS),  # to the whole room: nobody on the other side
    ("Ann", "help", "great", MARK_ASK),
    ("Ann", "help", 1, MARK_ASK),
])
def test_only_the_two_sides_mark_and_only_with_known_marks(event, who, offer, mark, refusal):
    room, ids = event
    with pytest.raises(RoomError) as refused:
        followthrough.mark_offer(room, ids[who], offer_id=ids[offer], mark=mark, now=20)
    assert refused.value.message == refusal
    assert room.follow_through.offers == {}


def test_the_introduced_say_they_met_and_the_introducer_cannot(event):
    room, ids = event
    with pytest.raises(RoomError, match=NOT_INTRODUCED):
        followthrough.mark_met(room, ids["Cat"], offer_id=ids["intro"], met=True, now=20)
    followthrough.mark_met(room, ids["Dan"], offer_id=ids["intro"], met=True, now=20)
    for name, can in (("Ann", True), ("Dan", True), ("Cat", False)):
        [intro] = followup(room, ids[name])["introductions"]
        assert (intro["met"], intro["can_mark_met"]) == (True, can)
    followthrough.mark_met(room, ids["Ann"], offer_id=ids["intro"], met=False, now=30)
    assert room.follow_through.met == {}
    with pytest.raises(RoomError, match="isn't an introduction"):
        followthrough.mark_met(room, ids["Ann"], offer_id=ids["help"], met=True, now=30)


def test_someone_who_left_still_marks_but_not_someone_removed(event):
    room, ids = event
    room.participants[ids["Bob"]].status = "left"
    followthrough.mark_offer(room, ids["Bob"], offer_id=ids["help"], mark="in_touch", now=20)
    room.participants[ids["Bob"]].status = "removed"
    with pytest.raises(RoomError):
        followthrough.mark_offer(room, ids["Bob"], offer_id=ids["help"], mark="helped", now=30)
