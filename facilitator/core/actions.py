"""Who may do what: the host's controls and a participant's own actions, by name.

Socket handlers look an action up here and pass its arguments through; every argument is checked
by the core, so a hand-crafted event can do no more than the buttons on the screens.
"""

import random
from collections.abc import Callable

from . import steering
from .errors import RoomError
from .room import Room
from .text import clean_int
from .turns import Turns

HostAction = Callable[[Room, dict, float, random.Random], None]


def _turns(change: Callable[[Turns, dict, float, random.Random], None]) -> HostAction:
    """A host control on the round, made through `Room.changing_turns` like every such change."""
    def act(room: Room, args: dict, now: float, rng: random.Random) -> None:
        with room.changing_turns() as turns:
            change(turns, args, now, rng)
    return act


def _turn_seconds(turns: Turns, args: dict, now: float, rng: random.Random) -> None:
    turns.set_turn_seconds(clean_int(args.get("seconds"), "Turn length", 0, 10_000))


def _prompts(method: str, *fields: str) -> HostAction:
    def act(room: Room, args: dict, now: float, rng: random.Random) -> None:
        getattr(room.prompts, method)(*(args.get(f) for f in fields))
        room.changes.touch("prompts")
    return act


def _move_prompt(room: Room, args: dict, now: float, rng: random.Random) -> None:
    to = clean_int(args.get("to"), "Position", 0, 1000)
    room.prompts.move(args.get("id"), to)
    room.changes.touch("prompts")


HOST_ACTIONS: dict[str, HostAction] = {
    "start": lambda room, args, now, rng: room.start_round(now),
    "next": lambda room, args, now, rng: room.advance(now),
    "skip": _turns(lambda turns, args, now, rng: turns.finish_turn(now, "skipped")),
    "pause": _turns(lambda turns, args, now, rng: turns.pause(now)),
    "resume": _turns(lambda turns, args, now, rng: turns.resume(now)),
    "end_round": _turns(lambda turns, args, now, rng: turns.end_round(now)),
    "next_prompt": lambda room, args, now, rng: room.next_prompt(now),
    "shuffle": _turns(lambda turns, args, now, rng: turns.shuffle(rng)),
    "reorder": _turns(lambda turns, args, now, rng: turns.reorder(args.get("order"))),
    "remove": lambda room, args, now, rng: room.remove(args.get("pid"), now),
    "turn_seconds": _turns(_turn_seconds),
    "prompt_add": _prompts("add", "text", "hint"),
    "prompt_edit": _prompts("edit", "id", "text", "hint"),
    "prompt_remove": _prompts("remove", "id"),
    "prompt_select": _prompts("select", "id"),
    "prompt_move": _move_prompt,
    "features": lambda room, args, now, rng: steering.set_features(room, args),
    "hands_clear": lambda room, args, now, rng: steering.clear_hands(room, args.get("pid")),
}


def host_action(room: Room, name: object, args: object, now: float,
                rng: random.Random) -> None:
    """Run one host control on `room`, or refuse it clearly."""
    action = HOST_ACTIONS.get(name) if isinstance(name, str) else None
    if action is None:
        raise RoomError("Unknown host action.")
    if not isinstance(args, dict):
        raise RoomError("The action's details are malformed.")
    steering.check_moving_on(room, name)
    action(room, args, now, rng)
