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

HostAction = Callable[[Room, dict, float, random.Random], None]


def _turns(method: str) -> HostAction:
    def act(room: Room, args: dict, now: float, rng: random.Random) -> None:
        getattr(room.turns, method)(now)
        room.changes.touch("turns")
    return act


def _skip(room: Room, args: dict, now: float, rng: random.Random) -> None:
    room.turns.finish_turn(now, "skipped")
    room.changes.touch("turns")


def _shuffle(room: Room, args: dict, now: float, rng: random.Random) -> None:
    room.turns.shuffle(rng)
    room.changes.touch("turns")


def _reorder(room: Room, args: dict, now: float, rng: random.Random) -> None:
    room.turns.reorder(args.get("order"))
    room.changes.touch("turns")


def _turn_seconds(room: Room, args: dict, now: float, rng: random.Random) -> None:
    room.turns.set_turn_seconds(clean_int(args.get("seconds"), "Turn length", 0, 10_000))
    room.changes.touch("turns")


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
    "skip": _skip,
    "pause": _turns("pause"),
    "resume": _turns("resume"),
    "end_round": _turns("end_round"),
    "next_prompt": lambda room, args, now, rng: room.next_prompt(now),
    "shuffle": _shuffle,
    "reorder": _reorder,
    "remove": lambda room, args, now, rng: room.remove(args.get("pid"), now),
    "turn_seconds": _turn_seconds,
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
