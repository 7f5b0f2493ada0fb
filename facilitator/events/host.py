"""Socket.IO handlers for the host's controls (`host`, one event for every button, ending the
event among them) and for deleting an event's data at once (`delete_room`).

A control at one table (its next speaker, a pause there, its hands, its table host) is a change
of that table alone (`scope`); the rest change the room, and the tables they reach."""

import time
from typing import assert_never

from flask import current_app, session
from flask_socketio import join_room

from .. import mail
from ..core.commands import (
    display,
    ending,
    generosity,
    hosting,
    moderation,
    people,
    prompts,
    round,
    tables,
)
from ..core.errors import RoomError
from ..core.state.room import Room
from ..core.state.turns import IN_ROUND
from ..core.views.mail import ENDED
from ..extensions import socketio
from ..payloads import parse
from ..payloads.events import DeleteRoom
from ..payloads.fields import CONFIRM_DELETE
from ..payloads.host import (
    DeletePost,
    EndEvent,
    EndRound,
    HandsClear,
    HostAction,
    Lock,
    Next,
    NextPrompt,
    Pause,
    PromptAdd,
    PromptEdit,
    PromptMove,
    PromptRemove,
    PromptSelect,
    Remove,
    RemoveRecent,
    Reorder,
    Reshuffle,
    Resume,
    SeatingRule,
    SetDisplay,
    SetFeatures,
    SetLanguage,
    SetTables,
    SetTurnSeconds,
    Shuffle,
    Skip,
    Start,
    TableHost,
    TableLabel,
    parse_host,
)
from ..room_service import At, change_room, host_channel, load_room, load_tables
from ..room_service import delete_room as delete_room_data
from .common import acked, host_code, host_room, leave_room_channels, on, still_host


@on("host")
def host(data: dict) -> dict:
    """One of the host's controls, by name, with its arguments."""
    code = host_code()
    action = parse_host(data)
    if isinstance(action, Reshuffle | SetTables) and (
            limits := current_app.extensions.get("event_limits")) is not None:
        still_host(load_room(code))  # a revoked console spends none of the host's allowance
        limits.check_reseating(code)  # the seating planner: the costliest control
    table = scope(code, action)
    ack = acked(change_room(code, lambda room, at: run(room, action, at, table=table),
                            table=table))
    if isinstance(action, EndEvent) and action.args.email_links and mail.enabled():
        ack["emailed"] = mail.queue_for_everyone(load_room(code), ENDED, now=time.time())
    return ack


def scope(code: str, action: HostAction) -> int | None:
    """The table an action changes alone, or None for a change of the room (and the tables it
    reaches): the table named, or in an event of one table, table 1 (for "next" only while its
    round runs: between rounds it starts the next round, a change of the room)."""
    match action:
        case Skip(args=args) | Shuffle(args=args) | Reorder(args=args) | HandsClear(args=args):
            return args.table or _only_table(code)
        case Pause(args=args) | Resume(args=args) | EndRound(args=args):
            return args.table or _only_table(code)
        case Next(args=args):
            number = args.table or _only_table(code)
            return number if args.table or (number and _running(code, number)) else None
        case TableHost(args=args):
            return args.table
        case _:
            return None


def _only_table(code: str) -> int | None:
    return 1 if load_room(code).layout.count == 1 else None


def _running(code: str, number: int) -> bool:
    return any(t.turns.status in IN_ROUND for t in load_tables(code, [number]))


def run(room: Room, action: HostAction, at: At, *, table: int | None = None) -> None:
    """The command a host action names, with its arguments (`table`: the one it changes alone,
    if it does), from a console whose key is still the room's."""
    still_host(room)
    match action:
        case Start():
            round.start(room, now=at.now)
        case Next(args=args) if table is not None:
            round.next_turn(room, table=table, seen=args.seen(), now=at.now)
        case Next(args=args):
            round.advance(room, table=args.table, seen=args.seen(), now=at.now)
        case Skip(args=args):
            round.skip(room, table=args.table, seen=args.seen(), now=at.now)
        case Pause(args=args):
            round.pause(room, table=args.table, now=at.now)
        case Resume(args=args):
            round.resume(room, table=args.table, now=at.now)
        case EndRound(args=args):
            round.end_round(room, table=args.table, now=at.now)
        case NextPrompt(args=args):
            round.next_prompt(room, round_shown=args.round_no, now=at.now)
        case Shuffle(args=args):
            round.shuffle(room, table=args.table, rng=at.rng)
        case Reorder(args=args):
            round.reorder(room, table=args.table, order=args.order)
        case SetTurnSeconds(args=args):
            round.set_turn_seconds(room, seconds=args.seconds)
        case SetLanguage(args=args):
            display.set_language(room, language=args.language)
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
        case SetDisplay(args=args):
            display.set_display(room, board=args.board, cards=args.cards, theme=args.theme,
                                chime=args.chime)
        case HandsClear(args=args):
            generosity.clear_hands(room, table=args.table, pid=args.pid)
        case EndEvent():
            ending.end_event(room, keep_days=current_app.config["RETENTION_DAYS"], now=at.now)
        case SetTables(args=args):
            tables.set_tables(room, count=args.count, size=args.size, now=at.now)
        case TableLabel(args=args):
            tables.label_table(room, table=args.table, name=args.name, colour=args.colour)
        case TableHost(args=args):
            tables.make_table_host(room, table=args.table, pid=args.pid)
        case SeatingRule(args=args):
            tables.set_rule(room, pid=args.pid, company=args.company, stay=args.stay,
                            together=args.together)
        case Reshuffle(args=args):
            tables.reshuffle(room, seed=at.rng.randrange(2**31), shown=args.reshuffles,
                             now=at.now)
        case Lock(args=args):
            moderation.lock(room, locked=args.locked, new_code=args.new_code)
        case RemoveRecent(args=args):
            moderation.remove_recent(room, minutes=args.minutes, posts=args.posts, now=at.now)
        case DeletePost(args=args):
            moderation.delete_post(room, post_id=args.post_id)
        case _:
            assert_never(action)


@on("new_host_key")
def new_host_key(data: dict) -> dict:
    """Revoke the host key: every other console stops receiving the host's updates and is
    refused from its next action; this one gets the new key (to keep, and to hand on by QR)."""
    code = host_room()
    saved, key = change_room(code, lambda room, at: hosting.new_host_key(room))
    socketio.close_room(host_channel(code))  # with Redis, in every process
    join_room(host_channel(code))
    session["host_digest"] = load_room(code).host_digest
    return {**acked((saved, key)), "host_key": key}


@on("delete_room")
def delete_room(data: dict) -> dict:
    """The host deletes the room and everything in it now; the code confirms which room."""
    code = host_room()
    if parse(DeleteRoom, data).code != code:
        raise RoomError(CONFIRM_DELETE)
    delete_room_data(code)
    leave_room_channels()
    return {"deleted": code}
