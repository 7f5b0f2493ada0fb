"""The round: started for every table together, then run by each table itself (its speaker's
"I'm done" and "Pass", its table host, the host naming the table, "time is up").

Rounds are the event's: `start` begins one on the prompt up next at every table where someone
sits, and the round is over when every table's is. Changes at one table take `table` (or, for
a participant, their own table) and touch nothing but it, so the write path saves and sends
that table alone. Every change to a table's round goes through `Table.changing_turns`, so its
delta carries only what it moved. The commands that take the room past the current prompt
(`start`, `next_prompt`) first apply the "fill the gaps" rule: after an ask round, the room
moves on only once every ask has had an offer, unless the host switched the rule off.
"""

import random
from dataclasses import dataclass

from ..errors import N_, RoomError, say, say_n
from ..sections import Section
from ..state.decks import ASK_PROMPT
from ..state.room import Room
from ..state.table import TIME_UP_GRACE_SECONDS, Table
from ..state.turns import IN_ROUND, PAUSED, SPEAKING, Turns

STILL_RUNNING = N_("Some tables are still on this round: wait for them, or end the round "
                   "everywhere.")


@dataclass(frozen=True)
class SeenTurn:
    """The turn a screen showed when someone pressed to end it ("Next speaker", "Skip"):
    `speaker`'s, in `round` if the screen said. A press that crossed that turn's end (the
    speaker's "I'm done", a double press, a second console) then ends nothing: else the next
    person's turn ended before they said a word, and "Finish round" pressed twice started the
    next round."""

    speaker: str
    round: int | None = None

    def ended(self, turns: Turns) -> bool:
        return turns.current != self.speaker or self.round not in (None, turns.round)


def start(room: Room, *, now: float) -> None:
    """Start the next round on the prompt that is up next, at every table where someone sits."""
    room.require_open()
    _fill_the_gaps_first(room)
    tables = room.every_table()
    if any(table.turns.status in IN_ROUND for table in tables):
        raise RoomError(N_("A round is already running.") if len(tables) == 1 else STILL_RUNNING)
    seated = [table for table in tables if table.seated]
    if not seated:
        raise RoomError(N_("Nobody has joined yet: share the code first."))
    prompt = room.prompts.for_new_round()
    room.rounds.append({"round": room.round + 1, "prompt_id": prompt["id"],
                        "text": prompt["text"], "started_at": now})
    room.layout.rounds.append(room.layout.seating())
    if room.layout.moving:
        room.layout.moving = False
        room.changes.touch(Section.LAYOUT)
    for table in seated:
        with table.changing_turns() as turns:
            turns.start_round(now, room.round)
    room.changes.touch(Section.PROMPTS)


def running(room: Room) -> bool:
    """Whether any table is still on the current round."""
    return any(table.turns.status in IN_ROUND for table in room.every_table())


def advance(room: Room, *, table: int | None = None, seen: SeenTurn | None = None,
            now: float) -> None:
    """The host's one "next" key: at a table still on the round, its next speaker; between
    rounds, the next round everywhere (unless the press was meant for a turn, `seen`)."""
    if table is None and room.layout.count > 1:
        start(room, now=now)
        return
    picked = room.pick_table(table)
    if seen is not None and seen.ended(picked.turns):
        return
    if picked.turns.status in IN_ROUND:
        next_turn(room, table=picked.number, now=now)
    elif table is None:
        start(room, now=now)
    else:
        raise RoomError(say("%(table)s has finished this round: the next one starts at every "
                            "table together.", table=room.layout.name(picked.number)))


def next_turn(room: Room, *, table: int | None = None, seen: SeenTurn | None = None,
              now: float) -> None:
    """At one table: its next speaker."""
    _finish_turn(room.pick_table(table), seen, now, "next")


def next_prompt(room: Room, *, round_shown: int | None = None, now: float) -> None:
    """During a round: end it everywhere, so the following prompt is up next. Between rounds:
    skip the prompt that was up next, unless the press was meant to end round `round_shown`
    (pressed twice, the second would have skipped a prompt nobody chose to skip)."""
    room.require_open()
    if round_shown is not None and not (running(room) and room.round == round_shown):
        return
    _fill_the_gaps_first(room)
    if running(room):
        end_round(room, now=now)
    else:
        nxt = room.prompts.up_next()
        if nxt is None or nxt + 1 >= len(room.prompts.items):
            raise RoomError(N_("That was the last prompt: add one, or pick a prompt to run again."))
        room.prompts.select(room.prompts.items[nxt + 1]["id"])
    room.changes.touch(Section.PROMPTS)


def skip(room: Room, *, table: int | None = None, seen: SeenTurn | None = None,
         now: float) -> None:
    _finish_turn(room.pick_table(table), seen, now, "skipped")


def _finish_turn(table: Table, seen: SeenTurn | None, now: float, outcome: str) -> None:
    if seen is not None and seen.ended(table.turns):
        return
    with table.changing_turns() as turns:
        turns.finish_turn(now, outcome)


def pause(room: Room, *, table: int | None = None, now: float) -> None:
    """Pause one table's turn, or (no table) every table's that is running."""
    for one in _tables(room, table, N_("Nothing to pause: no turn is running.")):
        with one.changing_turns() as turns:
            turns.pause(now)


def resume(room: Room, *, table: int | None = None, now: float) -> None:
    """Carry on at one table, or (no table) at every table that is paused."""
    for one in _tables(room, table, N_("Nothing to resume: the round is not paused."), paused=True):
        with one.changing_turns() as turns:
            turns.resume(now)


def end_round(room: Room, *, table: int | None = None, now: float) -> None:
    """End the round now at one table, or (no table) everywhere."""
    for one in [room.table(table)] if table is not None else room.every_table():
        with one.changing_turns() as turns:
            turns.end_round(now)


def shuffle(room: Room, *, table: int | None = None, rng: random.Random) -> None:
    """Shuffle who is still to speak at a table (or its seats, between rounds)."""
    with room.pick_table(table).changing_turns() as turns:
        turns.shuffle(rng)


def reorder(room: Room, *, table: int | None = None, order: list[str]) -> None:
    with room.pick_table(table).changing_turns() as turns:
        turns.reorder(order)


def set_turn_seconds(room: Room, *, seconds: int) -> None:
    """The turn length at every table, from the next turn on."""
    for table in room.every_table():
        with table.changing_turns() as turns:
            turns.set_turn_seconds(seconds)
    if room.turn_seconds != seconds:  # checked by the tables' rule above
        room.turn_seconds = seconds
        room.changes.touch_private()  # kept for tables to come; each table's `turns` says it


def done(room: Room, pid: str, *, now: float) -> None:
    """The speaker taps "I'm done"; only the speaker may."""
    with _speakers_table(room, pid).changing_turns() as turns:
        turns.finish_turn(now, "done")


def pass_turn(room: Room, pid: str, *, now: float) -> None:
    """The speaker passes: moved to the end of the round (a second pass sits it out)."""
    with _speakers_table(room, pid).changing_turns() as turns:
        turns.pass_turn(now)


def time_up(room: Room, *, table: int, round_no: int, speaker: str, now: float) -> None:
    """A screen at `table` saw the turn (`round_no`, `speaker`) run out. With "move on at
    time-up" on, that turn ends once the server's clock is past its deadline and the grace;
    asked again, or early, or after the turn moved on, nothing changes."""
    room.generosity.features.require("auto_advance")
    at = room.table(table)
    turns, deadline = at.turns, at.turns.deadline
    if (turns.status == SPEAKING and not SeenTurn(speaker, round_no).ended(turns)
            and deadline is not None and now >= deadline + TIME_UP_GRACE_SECONDS):
        with at.changing_turns():
            turns.finish_turn(now, "time_up")


def table_action(room: Room, pid: str, *, action: str, seen: SeenTurn | None = None,
                 now: float) -> None:
    """The table host's controls for their own table (moving on and skipping end the turn
    `seen`, if given)."""
    table = room.table_of(pid)
    if table.host != pid:
        raise RoomError(N_("Only this table's host can do that."))
    controls = {
        "next": lambda: next_turn(room, table=table.number, seen=seen, now=now),
        "skip": lambda: skip(room, table=table.number, seen=seen, now=now),
        "pause": lambda: pause(room, table=table.number, now=now),
        "resume": lambda: resume(room, table=table.number, now=now),
    }
    if action not in controls:
        raise RoomError(N_("A table host can move on, skip, pause or resume."))
    controls[action]()


def _speakers_table(room: Room, pid: str) -> Table:
    table = room.table_of(pid)
    if table.turns.current != pid:
        raise RoomError(N_("It isn't your turn right now."))
    return table


def _tables(room: Room, table: int | None, nothing: str, *, paused: bool = False) -> list[Table]:
    """The table named, or (None) every table where the round is running (or paused)."""
    if table is not None:
        return [room.table(table)]
    wanted = PAUSED if paused else SPEAKING
    found = [one for one in room.every_table() if one.turns.status == wanted]
    if not found:
        raise RoomError(nothing)
    return found


def _fill_the_gaps_first(room: Room) -> None:
    """With the "fill the gaps" rule on, refuse to leave an ask round while asks still wait for
    an offer; the host can always switch the rule off."""
    if not room.generosity.features.fill_the_gaps or room.last_round_kind() != ASK_PROMPT:
        return
    gaps = len(room.board.waiting())
    if gaps:
        raise RoomError(say_n(
            "%(num)d ask is still waiting for an offer: fill the gaps first (or switch the rule "
            "off).", "%(num)d asks are still waiting for an offer: fill the gaps first (or switch "
            "the rule off).", gaps))
