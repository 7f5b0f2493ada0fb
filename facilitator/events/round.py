"""Socket.IO handlers for a table's round: the speaker's "I'm done" and "Pass", the table host's
controls, and "time is up" from the screens at a table. Each is a change of that table alone."""

from ..core.commands import round
from ..payloads import parse
from ..payloads.events import TableAction, TimeUp
from ..room_service import change_room
from .common import acked, at_my_table, on, room_code


@on("turn_done")
def turn_done(data: dict) -> dict:
    return acked(at_my_table(lambda room, pid, at: round.done(room, pid, now=at.now)))


@on("turn_pass")
def turn_pass(data: dict) -> dict:
    return acked(at_my_table(lambda room, pid, at: round.pass_turn(room, pid, now=at.now)))


@on("table_action")
def table_action(data: dict) -> dict:
    """The table host moves their table on, skips, pauses or resumes it."""
    pressed = parse(TableAction, data)
    return acked(at_my_table(lambda room, pid, at: round.table_action(
        room, pid, action=pressed.action, seen=pressed.seen(), now=at.now)))


@on("time_up")
def time_up(data: dict) -> dict:
    """A screen saw a turn at a table run out: with "move on at time-up" on, it ends once the
    server's clock agrees (asked by every phone at the table, it moves on once)."""
    code = room_code()
    seen = parse(TimeUp, data)
    return acked(change_room(code, lambda room, at: round.time_up(
        room, table=seen.table, round_no=seen.round_no, speaker=seen.speaker, now=at.now),
        table=seen.table))
