"""Returning organisers: the next event's name follows the pattern, it starts from this one's
prompts (as edited) and settings with nobody in it, and a deck a host wrote comes back from its
JSON checked like typed prompts."""

import json

import pytest

from facilitator.core.commands import board, ending, generosity, people, prompts
from facilitator.core.errors import RoomError
from facilitator.core.state.again import (
    DECK_REFUSED,
    MAX_DECK_PROMPTS,
    clean_deck_prompts,
    next_name,
)
from facilitator.core.state.decks import CUSTOM_DECK
from facilitator.core.state.persisted import room_to_dict
from facilitator.core.state.room import Room


@pytest.mark.parametrize(("name", "following"), [
    ("Breakfast club, March", "Breakfast club, April"),
    ("DECEMBER drinks 2026", "JANUARY drinks 2026"),
    ("Breakfast #12", "Breakfast #13"),
    ("Founders 2026-09", "Founders 2026-10"),
    ("Meetup 009", "Meetup 010"),
    ("Thursday breakfast", "Thursday breakfast"),
])
def test_the_next_name_follows_the_pattern(name, following):
    assert next_name(name) == following


def test_the_next_event_keeps_prompts_and_settings_and_no_one():
    room, _ = Room.create(name="Breakfast #4", deck_id="quick", turn_seconds=120, now=0)
    ann = people.join(room, name="Ann", now=0)[0].id
    board.post_ask(room, ann, text="A venue", now=1)
    first = room.prompts.items[0]["id"]
    prompts.edit(room, prompt_id=first, text="Your story, in a minute", hint="Short!")
    prompts.add(room, text="What will you do this week?")
    generosity.set_features(room, switches={"pitch_nudges": False, "fill_the_gaps": True})
    room.max_participants = 40
    ending.end_event(room, keep_days=30, now=10)

    new, key = room.again(name="Breakfast #5", now=20)
    assert new.code != room.code and new.is_host(key) and not room.is_host(key)
    assert [(p["text"], p["hint"], p["kind"]) for p in new.prompts.items] == [
        (p["text"], p["hint"], p["kind"]) for p in room.prompts.items]
    assert new.prompts.items[0]["text"] == "Your story, in a minute"
    assert not {p["id"] for p in new.prompts.items} & {p["id"] for p in room.prompts.items}
    assert (new.table(1).turns.turn_seconds, new.max_participants) == (120, 40)
    assert new.generosity.features == room.generosity.features
    assert new.participants == {} and new.board.posts == {} and not new.ended
    assert "Ann" not in json.dumps(room_to_dict(new))


def test_a_deck_comes_back_from_its_json_checked():
    deck = {"title": "Mine", "prompts": [
        {"text": "Why here?", "kind": "story"},
        {"text": "What do you need?", "kind": "ask", "hint": "Ask"}]}
    assert clean_deck_prompts(json.dumps(deck)) == (
        {"text": "Why here?", "hint": "", "kind": "story"},
        {"text": "What do you need?", "hint": "Ask", "kind": "ask"})
    room, _ = Room.create(name="B", deck_id=CUSTOM_DECK, turn_seconds=90, now=0,
                          prompts=clean_deck_prompts(deck))
    assert room.prompts.items[1]["kind"] == "ask"


@pytest.mark.parametrize("bad", [
    "not json", "[]", "{}", json.dumps({"prompts": ["text"]}),
    json.dumps([{"text": "x", "kind": "rant"}]), json.dumps([{"text": ""}]),
    json.dumps([{"text": "x"}] * (MAX_DECK_PROMPTS + 1)), "[" + " " * 50_000 + "]",
])
def test_a_deck_that_isnt_one_is_refused(bad):
    with pytest.raises(RoomError) as refused:
        clean_deck_prompts(bad)
    assert refused.value.message == DECK_REFUSED or "prompt" in refused.value.message.lower()


def test_a_custom_deck_needs_its_prompts():
    with pytest.raises(RoomError, match="import yours"):
        Room.create(name="B", deck_id=CUSTOM_DECK, turn_seconds=90, now=0)
