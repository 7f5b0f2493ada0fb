"""Introductions: which "I know someone" offers are introductions, who accepts, who sees them."""

import pytest

from facilitator.core.errors import RoomError
from facilitator.core.state.board import Board
from facilitator.core.state.intros import Intros, intro_offer, offers

NAMES = {"ann": "Ann", "bob": "Bob", "cat": "Cat", "dan": "Dan"}


def test_only_intro_offers_to_someone_are_introductions():
    board = Board()
    ask = board.add_ask("ann", "A printer", now=0)
    intro = board.add_offer("bob", "intro", "I know one", now=1, ask_id=ask.id, who="Dana")
    board.add_offer("cat", "help", "I can print", now=2, ask_id=ask.id)
    board.add_offer("dan", "intro", "I know lots of people", now=3)  # to nobody in particular
    assert offers(board) == [intro]
    assert intro_offer(board, intro.id) is intro
    with pytest.raises(RoomError, match="isn't an introduction"):
        intro_offer(board, board.shown("offer")[1].id)


def test_someone_outside_the_room_the_person_it_is_for_accepts():
    board, intros = Board(), Intros()
    offer = board.add_offer("bob", "intro", "My accountant", now=0, to="ann", who="Dana")
    assert intros.sides(offer) == ["ann"]
    assert intros.view(offer) == {"with": None, "accepted_by": [], "accepted": False}
    with pytest.raises(RoomError, match="Only the people being introduced"):
        intros.respond(offer, "cat", True)
    intros.respond(offer, "ann", True)
    assert intros.is_accepted(offer)
    [mine] = intros.for_person(board, "ann", NAMES)
    assert (mine["by_name"], mine["to_name"], mine["who"]) == ("Bob", "Ann", "Dana")
    assert intros.for_person(board, "bob", NAMES) == [mine]  # the introducer remembers it too
    assert intros.for_person(board, "cat", NAMES) == []


def test_two_people_at_the_table_both_accept_before_it_counts():
    board, intros = Board(), Intros()
    offer = board.add_offer("bob", "intro", "You two should talk", now=0, to="ann", who="Cat")
    with pytest.raises(RoomError):
        intros.link(offer, "ann")
    intros.link(offer, "cat")
    intros.respond(offer, "ann", True)
    assert not intros.is_accepted(offer)
    assert intros.for_person(board, "cat", NAMES) == []
    intros.respond(offer, "cat", True)
    assert intros.public(board)[offer.id] == {"with": "cat", "accepted_by": ["ann", "cat"],
                                              "accepted": True}
    assert intros.for_person(board, "cat", NAMES)[0]["with_name"] == "Cat"
    intros.respond(offer, "ann", False)  # taken back
    assert not intros.is_accepted(offer)
    with pytest.raises(RoomError, match="Say whether"):
        intros.respond(offer, "ann", "yes")


def test_a_hidden_offer_is_no_introduction_and_state_survives_a_save():
    board, intros = Board(), Intros()
    offer = board.add_offer("bob", "intro", "Meet Dana", now=0, to="ann")
    intros.respond(offer, "ann", True)
    board.moderate(offer.id, True)
    assert intros.public(board) == {} and intros.for_person(board, "ann", NAMES) == []
    assert Intros.from_dict(intros.to_dict()) == intros
