"""The host's controls on the round, and the speaker's own "I'm done" and "Pass".

Every change to the round goes through `Room.changing_turns`, so its delta carries only what it
moved. The commands that take the room past the current prompt (`start`, `advance` past the last
speaker, `next_prompt`) first apply the "fill the gaps" rule: after an ask round, the room moves
on only once every ask has had an offer, unless the host switched the rule off.
"""

import random

from ..errors import RoomError
from ..sections import Section
from ..state.decks import ASK_PROMPT
from ..state.room import Room
from ..state.turns import IN_ROUND


def start(room: Room, *, now: float) -> None:
    """Start the next round on the prompt that is up next."""
    room.require_open()
    _fill_the_gaps_first(room)
    if room.turns.status in IN_ROUND:
        raise RoomError("A round is already running.")
    if not room.turns.seats:
        raise RoomError("Nobody has joined yet: share the code first.")
    prompt = room.prompts.for_new_round()
    with room.changing_turns() as turns:
        turns.start_round(now)
    room.rounds.append({"round": room.turns.round, "prompt_id": prompt["id"],
                        "text": prompt["text"], "started_at": now})
    room.changes.touch(Section.PROMPTS)


def advance(room: Room, *, now: float) -> None:
    """The host's one "next" key: next speaker, or the next round when one is over."""
    if room.turns.status in IN_ROUND:
        with room.changing_turns() as turns:
            turns.finish_turn(now, "next")
    else:
        start(room, now=now)


def next_prompt(room: Room, *, now: float) -> None:
    """During a round: end it, so the following prompt is up next. Between rounds: skip the
    prompt that was up next."""
    room.require_open()
    _fill_the_gaps_first(room)
    if room.turns.status in IN_ROUND:
        with room.changing_turns() as turns:
            turns.end_round(now)
    else:
        nxt = room.prompts.up_next()
        if nxt is None or nxt + 1 >= len(room.prompts.items):
            raise RoomError("That was the last prompt: add one, or pick a prompt to run again.")
        room.prompts.select(room.prompts.items[nxt + 1]["id"])
    room.changes.touch(Section.PROMPTS)


def skip(room: Room, *, now: float) -> None:
    with room.changing_turns() as turns:
        turns.finish_turn(now, "skipped")


def pause(room: Room, *, now: float) -> None:
    with room.changing_turns() as turns:
        turns.pause(now)


def resume(room: Room, *, now: float) -> None:
    with room.changing_turns() as turns:
        turns.resume(now)


def end_round(room: Room, *, now: float) -> None:
    with room.changing_turns() as turns:
        turns.end_round(now)


def shuffle(room: Room, *, rng: random.Random) -> None:
    """Shuffle who is still to speak (or the seats, between rounds)."""
    with room.changing_turns() as turns:
        turns.shuffle(rng)


def reorder(room: Room, *, order: list[str]) -> None:
    with room.changing_turns() as turns:
        turns.reorder(order)


def set_turn_seconds(room: Room, *, seconds: int) -> None:
    with room.changing_turns() as turns:
        turns.set_turn_seconds(seconds)


def done(room: Room, pid: str, *, now: float) -> None:
    """The speaker taps "I'm done"; only the speaker may."""
    _require_speaker(room, pid)
    with room.changing_turns() as turns:
        turns.finish_turn(now, "done")


def pass_turn(room: Room, pid: str, *, now: float) -> None:
    """The speaker passes: moved to the end of the round (a second pass sits it out)."""
    _require_speaker(room, pid)
    with room.changing_turns() as turns:
        turns.pass_turn(now)


def _require_speaker(room: Room, pid: str) -> None:
    if room.turns.current != pid:
        raise RoomError("It isn't your turn right now.")


def _fill_the_gaps_first(room: Room) -> None:
    """With the "fill the gaps" rule on, refuse to leave an ask round while asks still wait for
    an offer; the host can always switch the rule off."""
    if not room.generosity.features.fill_the_gaps or room.last_round_kind() != ASK_PROMPT:
        return
    gaps = len(room.board.waiting())
    if gaps:
        waits = "ask is" if gaps == 1 else "asks are"
        raise RoomError(f"{gaps} {waits} still waiting for an offer: fill the gaps first "
                        "(or switch the rule off).")
