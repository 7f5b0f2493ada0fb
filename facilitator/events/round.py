"""Socket.IO handlers for the speaker's own controls: "I'm done" and "Pass"."""

from ..core.commands import round
from .common import as_participant, on


@on("turn_done")
def turn_done(data: dict) -> dict:
    return as_participant(lambda room, pid, at: round.done(room, pid, now=at.now))


@on("turn_pass")
def turn_pass(data: dict) -> dict:
    return as_participant(lambda room, pid, at: round.pass_turn(room, pid, now=at.now))
