"""Socket.IO handlers for the host's controls (`host`, one event for every button, ending the
event among them) and for deleting an event's data at once (`delete_room`)."""

import time
from typing import assert_never

from flask import current_app

from .. import mail
from ..core.commands import ending, generosity, people, prompts, round
from ..core.errors import RoomError
from ..core.state.room import Room
from ..core.views.mail import ENDED
from ..payloads import parse
from ..payloads.events import DeleteRoom
from ..payloads.fields import CONFIRM_DELETE
from ..payloads.host import (
    EndEvent,
    EndRound,
    HandsClear,
    HostAction,
    Next,
    NextPrompt,
    Pause,
    PromptAdd,
    PromptEdit,
    PromptMove,
    PromptRemove,
    PromptSelect,
    Remove,
    Reorder,
    Resume,
    SetFeatures,
    SetTurnSeconds,
    Shuffle,
    Skip,
    Start,
    parse_host,
)
from ..room_service import At, change_room, load_room
from ..room_service import delete_room as delete_room_data
from .common import acked, host_room, leave_room_channels, on


@on("host")
def host(data: dict) -> dict:
    """One of the host's controls, by name, with its arguments."""
    code = host_room()
    action = parse_host(data)
    ack = acked(change_room(code, lambda room, at: run(room, action, at)))
    if isinstance(action, EndEvent) and action.args.email_links and mail.enabled():
        ack["emailed"] = mail.queue_for_everyone(load_room(code), ENDED, now=time.time())
    return ack


def run(room: Room, action: HostAction, at: At) -> None:
    """The command a host action names, with its arguments."""
    match action:
        case Start():
            round.start(room, now=at.now)
        case Next():
            round.advance(room, now=at.now)
        case Skip():
            round.skip(room, now=at.now)
        case Pause():
            round.pause(room, now=at.now)
        case Resume():
            round.resume(room, now=at.now)
        case EndRound():
            round.end_round(room, now=at.now)
        case NextPrompt():
            round.next_prompt(room, now=at.now)
        case Shuffle():
            round.shuffle(room, rng=at.rng)
        case Reorder(args=args):
            round.reorder(room, order=args.order)
        case SetTurnSeconds(args=args):
            round.set_turn_seconds(room, seconds=args.seconds)
        case Remove(args=args):
            people.remove(room, pid=args.pid, now=at.now)
        case PromptAdd(args=args):
            prompts.add(room, text=args.text, hint=args.hint)
        case PromptEdit(args=args):
            prompts.edit(room, prompt_id=args.prompt_id, text=args.text, hint=args.hint)
        case PromptRemove(args=args):
            prompts.remove(room, prompt_id=args.prompt_id)
        case PromptSelect(args=args):
            prompts.select(room, prompt_id=args.prompt_id)
        case PromptMove(args=args):
            prompts.move(room, prompt_id=args.prompt_id, to=args.to)
        case SetFeatures(args=switches):
            generosity.set_features(room, switches=switches)
        case HandsClear(args=args):
            generosity.clear_hands(room, pid=args.pid)
        case EndEvent():
            ending.end_event(room, keep_days=current_app.config["RETENTION_DAYS"], now=at.now)
        case _:
            assert_never(action)


@on("delete_room")
def delete_room(data: dict) -> dict:
    """The host deletes the room and everything in it now; the code confirms which room."""
    code = host_room()
    if parse(DeleteRoom, data).code != code:
        raise RoomError(CONFIRM_DELETE)
    delete_room_data(code)
    leave_room_channels()
    return {"deleted": code}
