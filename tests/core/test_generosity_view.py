"""What screens see: public sections for everyone, pitch counts and airtime for the host only
(the room's figures with the room's stream, a table's with that table's)."""

import json

from facilitator.core.commands import board, generosity, people, round
from facilitator.core.sections import Section
from facilitator.core.state.persisted import room_from_dict, room_to_dict
from facilitator.core.state.room import Room
from facilitator.core.views import screens

HOST_SECTION = Section.GENEROSITY
PUBLIC_SECTIONS = (Section.FEATURES, Section.COMMON, Section.INTROS)


def table(*guests: tuple[str, list[str]]) -> tuple[Room, list[str]]:
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    pids = [people.join(room, name=n, interests=i, now=0)[0].id for n, i in guests]
    room.begin_change()
    return room, pids


def test_everyone_gets_the_public_sections_and_only_the_host_gets_its_own():
    room, _ = table(("Ann", []))
    public = screens.snapshot(room, now=1)
    assert set(PUBLIC_SECTIONS) <= set(public["sections"])
    assert HOST_SECTION not in public["sections"]
    assert HOST_SECTION in screens.snapshot(room, now=1, host=True)["sections"]
    at_table = screens.table_snapshot(room, room.table(1), now=1)
    assert Section.HANDS in at_table["sections"] and HOST_SECTION not in at_table["sections"]
    assert HOST_SECTION in screens.table_snapshot(room, room.table(1), now=1,
                                                  host=True)["sections"]


def test_a_tap_reaches_the_host_as_a_count_and_the_room_as_a_bare_version():
    room, (ann, bob, cat) = table(("Ann", []), ("Bob", []), ("Cat", []))
    round.start(room, now=1)
    room.begin_change()
    generosity.pitch_tap(room, bob)
    assert not room.changes
    table_delta = screens.table_delta(room.table(1), now=2)
    assert table_delta["sections"] == {} and table_delta["items"] == {}
    host = screens.table_host_delta(room, room.table(1), now=2)["sections"][HOST_SECTION]
    assert host["nudges"]["current"] == {"round": 1, "pid": ann, "taps": 1, "listeners": 2,
                                         "nudged": True}
    assert bob not in json.dumps(host["nudges"])
    snapshot = screens.table_snapshot(room, room.table(1), now=2, host=True)
    assert bob not in json.dumps(snapshot["sections"][HOST_SECTION]["nudges"])


def test_common_ground_follows_peoples_interests_and_the_switch():
    room, (ann, bob) = table(("Ann", ["Running"]), ("Bob", ["chess"]))
    people.update_profile(room, bob, name="Bob", about="", interests=["jogging"])
    delta = screens.delta(room, now=1)
    [group] = delta["sections"]["common"]["groups"]
    assert (group["says"], group["pids"]) == ("run", [ann, bob])
    room.begin_change()
    generosity.set_features(room, switches={"common_ground": False})
    assert screens.delta(room, now=2)["sections"]["common"] == {"groups": []}


def test_people_who_left_are_not_common_ground():
    room, (ann, bob) = table(("Ann", ["Running"]), ("Bob", ["running"]))
    people.leave(room, bob, now=1)
    assert screens.delta(room, now=1)["sections"]["common"] == {"groups": []}


def test_intro_offers_bring_the_intros_section_other_posts_dont():
    room, (ann, bob) = table(("Ann", []), ("Bob", []))
    board.post_ask(room, ann, text="A venue", now=1)
    assert "intros" not in screens.delta(room, now=1)["sections"]
    room.begin_change()
    offer = board.post_offer(room, bob, kind="intro", text="Dana", to=ann, now=2)
    assert screens.delta(room, now=2)["sections"]["intros"] == {
        offer: {"with": None, "accepted_by": [], "accepted": False}}


def test_the_host_section_has_airtime_give_and_take_and_a_tip():
    room, (ann, bob) = table(("Ann", []), ("Bob", []))
    round.start(room, now=0)
    round.advance(room, now=30)
    round.advance(room, now=40)
    ask = board.post_ask(room, ann, text="A venue", now=41)
    host = screens.snapshot(room, now=50, host=True)["sections"][HOST_SECTION]
    at_table = screens.table_snapshot(room, room.table(1), now=50, host=True)
    airtime = at_table["sections"][HOST_SECTION]["airtime"]
    assert airtime["total"] == {ann: 30.0, bob: 10.0}
    assert airtime["ratio"] == 3.0
    assert [bar["pid"] for bar in airtime["chart"]] == [ann, bob]
    assert host["give_take"] == {ann: {"asks": 1, "offers": 0}}
    assert host["waiting"] == [ask]
    assert host["tip"]
    generosity.set_features(room, switches={"tips": False})
    assert screens.snapshot(room, now=50, host=True)["sections"][HOST_SECTION]["tip"] is None


def test_a_room_saved_before_these_features_loads_with_the_defaults():
    room, (ann, bob) = table(("Ann", []), ("Bob", []))
    round.start(room, now=0)
    generosity.pitch_tap(room, bob)
    generosity.raise_hand(room, bob, now=1)
    copy = room_from_dict(json.loads(json.dumps(room_to_dict(room))))
    assert copy.generosity == room.generosity
    saved = room_to_dict(room)
    del saved["generosity"]
    assert room_from_dict(saved).generosity.features.pitch_nudges is True
