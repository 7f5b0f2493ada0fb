"""Ending a turn by a press that names it: a press that crossed the turn's end ends nothing."""

from facilitator.core.commands import people, round
from facilitator.core.commands.round import SeenTurn
from facilitator.core.state.room import Room


def table(*names: str) -> tuple[Room, list[str]]:
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    pids = [people.join(room, name=n, now=0)[0].id for n in names]
    room.begin_change()
    return room, pids


def test_a_press_ends_only_the_turn_it_names():
    room, (ann, bob, cat) = table("Ann", "Bob", "Cat")
    round.start(room, now=1)
    turns = room.table(1).turns
    round.done(room, ann, now=2)
    round.next_turn(room, table=1, seen=SeenTurn(ann, 1), now=2)  # crossed Ann's "I'm done"
    assert turns.current == bob
    round.pass_turn(room, bob, now=3)  # Bob to the end: Cat speaks where he stood
    round.skip(room, table=1, seen=SeenTurn(bob, 1), now=3)
    assert turns.current == cat
    round.next_turn(room, table=1, seen=SeenTurn(cat, 2), now=4)  # a round this one isn't
    assert turns.current == cat
    round.next_turn(room, table=1, seen=SeenTurn(cat), now=4)  # the round left unsaid
    round.advance(room, seen=SeenTurn(bob, 1), now=5)  # "Finish round" at Bob's last turn
    assert (turns.status, turns.round) == ("round_over", 1)
    round.advance(room, seen=SeenTurn(bob, 1), now=6)  # ... pressed again: no new round
    assert (turns.status, turns.round) == ("round_over", 1)
    round.advance(room, now=7)  # a press naming no turn: between rounds, the next round
    assert (turns.status, turns.round, turns.current) == ("speaking", 2, ann)
