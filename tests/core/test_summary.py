"""The host's event summary: figures, airtime, and who helped whom laid out on a circle."""

import json
import math

import pytest

from facilitator.core.commands import board, ending, followthrough, generosity, people, round
from facilitator.core.state.room import Room
from facilitator.core.views import exports
from facilitator.core.views.summary import (
    RADIUS,
    VIEW_SIZE,
    circle,
    markdown_lines,
    offers_of_kind,
    summary,
)


def test_points_sit_evenly_on_a_circle_starting_at_the_top():
    spots = circle(4)
    centre = VIEW_SIZE / 2
    assert (spots[0]["x"], spots[0]["y"], spots[0]["anchor"]) == (centre, centre - RADIUS,
                                                                  "middle")
    assert (spots[1]["x"], spots[1]["anchor"]) == (centre + RADIUS, "start")
    assert spots[3]["anchor"] == "end"
    for spot in circle(7):
        assert math.isclose(math.dist((spot["x"], spot["y"]), (centre, centre)), RADIUS,
                            abs_tol=0.2)
    assert circle(0) == []


def test_the_summary_of_a_small_event():
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    ann, bob, cat = (people.join(room, name=n, now=0)[0].id for n in ("Ann", "Bob", "Cat"))
    round.start(room, now=0)
    generosity.pitch_tap(room, bob)
    generosity.raise_hand(room, cat, now=5)
    round.advance(room, now=60)
    round.advance(room, now=90)
    round.advance(room, now=100)
    ask = board.post_ask(room, ann, text="A venue", now=101)
    help_id = board.post_offer(room, bob, kind="help", text="Our hall", ask=ask, now=102)
    board.take_offer(room, ann, offer_id=help_id, taken=True)
    intro = board.post_offer(room, cat, kind="intro", text="Dana", to=ann, now=103)
    generosity.respond_intro(room, ann, offer_id=intro, accept=True)
    resource = board.post_offer(room, cat, kind="resource", text="A list", to=ann, now=104)

    out = summary(room, now=200)
    assert [r["round"] for r in out["rounds"]] == [1]
    assert out["airtime"]["total"] == {ann: 60.0, bob: 30.0, cat: 10.0}
    assert out["nudges"] == {"taps": 1, "nudged": 1, "turns": [
        {"round": 1, "pid": ann, "taps": 1, "listeners": 2, "nudged": True, "table": 1}]}
    assert out["questions"] == {"total": 1, "by_person": {cat: 1}}
    assert out["asks"] == {"total": 1, "met": 1, "waiting": 0}
    assert out["offers_by_kind"] == {"help": 1, "intro": 1, "resource": 1}
    assert out["tables"] == {"count": 1, "reshuffles": 0, "people_met": {"mean": 2.0, "least": 2},
                             "repeats": 0, "offers_across": 0, "offers_to_someone": 3}
    assert out["introductions"] == {"made": 1, "accepted": 1, "met": 0}
    assert out["follow_through"] == {"offers": 3, "followed_up": 0, "in_touch": 0, "helped": 0,
                                     "didnt_work": 0}
    net = out["network"]
    assert [n["name"] for n in net["nodes"]] == ["Ann", "Bob", "Cat"]
    assert net["edges"] == [
        {"from": bob, "to": ann, "offers": 1, "taken": 1, "followed_up": 0, "helped": 0},
        {"from": cat, "to": ann, "offers": 2, "taken": 0, "followed_up": 0, "helped": 0}]
    assert bob not in json.dumps(out["nudges"])

    # A week later: Bob's offer helped, Ann and Cat are in touch over the resource, and the
    # intro Cat made didn't work out, but Ann met Dana anyway.
    ending.end_event(room, keep_days=30, now=300)
    followthrough.mark_offer(room, ann, offer_id=help_id, mark="helped", now=400)
    followthrough.mark_offer(room, cat, offer_id=resource, mark="in_touch", now=401)
    followthrough.mark_offer(room, ann, offer_id=intro, mark="didnt_work", now=402)
    followthrough.mark_met(room, ann, offer_id=intro, met=True, now=403)
    out = summary(room, now=500)
    assert out["follow_through"] == {"offers": 3, "followed_up": 2, "in_touch": 1, "helped": 1,
                                     "didnt_work": 1}
    assert out["introductions"]["met"] == 1
    assert [(e["followed_up"], e["helped"]) for e in out["network"]["edges"]] == [(1, 1), (1, 0)]
    markdown = "\n".join(exports.to_markdown(exports.event_record(room, now=500)).splitlines())
    assert "- Afterwards: 2 of 3 offers followed up, 1 helped, 1 didn't work out" in markdown
    assert "1 accepted, 1 met" in markdown
    assert "- Tables: 1, 0 reshuffles; new people each person met: 2.0 on average" in markdown


@pytest.mark.parametrize(("reshuffles", "words"), [(1, "3, 1 reshuffle;"), (2, "3, 2 reshuffles;")])
def test_the_export_counts_reshuffles_in_their_plural(reshuffles, words):
    data = summary(Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)[0],
                   now=0)
    data["tables"] = {**data["tables"], "count": 3, "reshuffles": reshuffles}
    assert f"- Tables: {words} new people" in "\n".join(markdown_lines(data, str))


def test_the_exports_carry_the_summary():
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    ann = people.join(room, name="Ann *bold*", now=0)[0].id
    people.join(room, name="Bob", now=0)
    round.start(room, now=0)
    round.advance(room, now=30)
    record = exports.event_record(room, now=40)
    assert record["summary"]["airtime"]["total"][ann] == 30.0
    markdown = exports.to_markdown(record)
    assert "## Summary" in markdown and "- Rounds run: 1" in markdown
    assert "| Ann \\*bold\\* | 30.0 |" in markdown


@pytest.mark.parametrize(("kind", "count", "words"), [
    ("help", 1, "1 offer to help"), ("help", 2, "2 offers to help"),
    ("intro", 1, "1 introduction offered"), ("resource", 3, "3 resources"),
])
def test_a_count_of_offers_reads_as_english_in_every_number(kind, count, words):
    # Once "1 i can help": the kind's label was lower-cased after the number.
    assert offers_of_kind(kind, count) == words
