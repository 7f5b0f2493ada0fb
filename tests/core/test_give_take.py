"""Give and take: asks and offers per person, the asks still waiting, offers by kind."""

from facilitator.core.state.board import Board
from facilitator.core.views.give_take import offers_by_kind, per_person


def test_counts_what_the_room_sees():
    board = Board()
    a1 = board.add_ask("ann", "A printer", now=0)
    a2 = board.add_ask("ann", "A plumber", now=1)
    a3 = board.add_ask("bob", "A venue", now=2)
    board.add_offer("bob", "help", "I print", now=3, ask_id=a1.id)
    board.add_offer("cat", "intro", "I know a plumber", now=4, ask_id=a2.id)
    hidden = board.add_offer("cat", "resource", "A list", now=5, ask_id=a3.id)
    board.moderate(hidden.id, True)
    assert per_person(board) == {"ann": {"asks": 2, "offers": 0},
                                 "bob": {"asks": 1, "offers": 1},
                                 "cat": {"asks": 0, "offers": 1}}
    assert board.waiting() == [a3.id]  # its only offer is hidden
    assert offers_by_kind(board) == {"help": 1, "intro": 1, "resource": 0}


def test_an_empty_board():
    assert per_person(Board()) == {} and Board().waiting() == []
    assert offers_by_kind(Board()) == {"help": 0, "intro": 0, "resource": 0}
