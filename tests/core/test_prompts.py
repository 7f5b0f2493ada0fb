"""Prompt decks are data; the host edits a room's prompts at any time."""

import pytest

from facilitator.core.errors import RoomError
from facilitator.core.state.decks import builtin_decks, get_deck
from facilitator.core.state.prompts import Prompts

REQUIRED = [
    "How did you get into your field? Your origin story",
    "What do you need help with right now?",
    "Something you love that has nothing to do with work",
    "A cause you give your time to",
    "Who here could you introduce to someone you know?",
    "Favourite biscuit — and why?",
]


def test_classic_deck_has_the_required_prompts():
    texts = [p["text"] for p in get_deck("classic").prompts]
    assert texts == REQUIRED


def test_every_deck_has_prompts_of_known_kinds():
    for deck in builtin_decks().values():
        assert deck.prompts and deck.title
        assert {p["kind"] for p in deck.prompts} <= {"story", "ask", "common", "give", "custom"}


def test_unknown_deck_is_refused():
    with pytest.raises(RoomError, match="pick one"):
        get_deck("nope")


def deck() -> Prompts:
    return Prompts.from_deck(get_deck("classic").prompts)


def test_rounds_walk_through_the_prompts():
    prompts = deck()
    assert prompts.for_new_round()["text"] == REQUIRED[0]
    assert prompts.up_next() == 1
    assert prompts.for_new_round()["text"] == REQUIRED[1]


def test_add_edit_move_remove():
    prompts = deck()
    added = prompts.add("  What surprised you this year?  ", "A small thing counts")
    assert added["text"] == "What surprised you this year?"
    prompts.edit(added["id"], "What surprised you most this year?")
    prompts.move(added["id"], 0)
    assert prompts.items[0]["text"] == "What surprised you most this year?"
    prompts.remove(added["id"])
    assert [p["text"] for p in prompts.items] == REQUIRED


def test_removing_the_current_prompt_makes_the_next_one_current():
    prompts = deck()
    prompts.for_new_round()
    prompts.remove(prompts.current_id)
    assert prompts.current["text"] == REQUIRED[1]
    assert prompts.up_next() == 0


def test_select_runs_a_prompt_again():
    prompts = deck()
    first = prompts.items[0]["id"]
    prompts.for_new_round()
    prompts.for_new_round()
    prompts.select(first)
    assert prompts.for_new_round()["id"] == first


def test_last_prompt_then_clear_message():
    prompts = Prompts()
    prompts.add("Only one")
    prompts.for_new_round()
    with pytest.raises(RoomError, match="last prompt"):
        prompts.for_new_round()


@pytest.mark.parametrize("text", ["", "   ", "x" * 201, 42, None, ["a"]])
def test_bad_prompt_text_is_refused(text):
    with pytest.raises(RoomError):
        deck().add(text)


def test_unknown_prompt_id_is_refused():
    with pytest.raises(RoomError, match="no longer exists"):
        deck().edit("missing", "text")
