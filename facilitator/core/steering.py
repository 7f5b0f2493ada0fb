"""Steering the room towards generosity: the changes people make, with the room's rules.

Each function checks that the host hasn't switched the feature off, that the person is still at
the table, and records what it touched so the broadcast carries just that. Pitch taps touch only
`NUDGES`, which is the host's alone: the room learns that something changed, never what.
"""

from . import give_take
from .errors import RoomError
from .intros import INTRO, intro_offer
from .participants import Participant
from .room import Room

NUDGES = "nudges"  # a touched name for the host's section only (see steering_view)
# Host actions that take the room past the current prompt: "fill the gaps" holds these.
MOVING_ON = ("start", "next", "next_prompt")
ASK_PROMPT = "ask"  # the prompt kind of a "what do you need help with" round


def pitch_tap(room: Room, pid: str) -> str | None:
    """A listener's anonymous "sounds like a pitch"; returns the speaker if it's time to nudge."""
    g = room.generosity
    g.features.require("pitch_nudges")
    room.member(pid)
    speaker = _speaker(room)
    listeners = sum(p.present for p in room.participants.values() if p.id != speaker)
    nudge = g.nudges.tap(room.turns.round, speaker, pid, listeners, g.features.pitch_share)
    room.changes.touch(NUDGES)
    return speaker if nudge else None


def raise_hand(room: Room, pid: str, now: float) -> None:
    """A listener has a question for the speaker."""
    room.generosity.features.require("hands")
    room.member(pid)
    room.generosity.hands.raise_hand(pid, _speaker(room), room.turns.round, now)
    room.changes.touch("hands")


def lower_hand(room: Room, pid: str) -> None:
    """The asker takes their hand down (it works even after the host switched hands off)."""
    room.generosity.hands.lower_hand(pid)
    room.changes.touch("hands")


def clear_hands(room: Room, pid: object = None) -> None:
    """The host took `pid`'s question, or clears the queue (e.g. when the turn ends)."""
    room.generosity.hands.clear(pid)
    room.changes.touch("hands")


def set_features(room: Room, changes: object) -> None:
    """The host's switches; a queue switched off is cleared so nobody waits on it."""
    g = room.generosity
    changed = g.features.update(changes)
    if "hands" in changed and not g.features.hands:
        g.hands.clear()
        room.changes.touch("hands")
    room.changes.touch("features")


def introduce(room: Room, pid: str, data: dict, now: float) -> str:
    """`pid` introduces two people at the table: an "I know someone" offer to `to`, naming
    `with`, which both can accept. Returns the offer's id."""
    g = room.generosity
    g.features.require("introductions")
    room.member(pid)
    to, other = data.get("to"), data.get("with")
    if not isinstance(to, str) or not isinstance(other, str):
        raise RoomError("Choose the two people to introduce.")
    if len({pid, to, other}) < 3:
        raise RoomError("Introduce two other people to each other.")
    _at_table(room, to)
    named = _at_table(room, other).name
    text = data.get("text") or f"I'd like to introduce you to {named}."
    offer = room.board.add_offer(pid, INTRO, text, now, to=to, who=named)
    g.intros.link(offer, other)
    room.changes.touch_item("posts", offer.id)
    room.changes.touch("board", "intros")
    return offer.id


def respond_intro(room: Room, pid: str, data: dict) -> None:
    """One side of an introduction accepts it (`accept: true`) or takes that back."""
    room.generosity.features.require("introductions")
    room.member(pid)
    offer = intro_offer(room.board, data.get("offer"))
    room.generosity.intros.respond(offer, pid, data.get("accept"))
    room.changes.touch("intros")


def check_moving_on(room: Room, action: object) -> None:
    """With the "fill the gaps" rule, the room leaves an ask round only when every ask has had
    an offer; the host can always switch the rule off."""
    if action not in MOVING_ON or not room.generosity.features.fill_the_gaps:
        return
    if action == "next" and room.turns.current is not None:
        return  # just the next speaker
    if _last_round_kind(room) != ASK_PROMPT:
        return
    gaps = len(give_take.waiting(room.board))
    if gaps:
        waits = "ask is" if gaps == 1 else "asks are"
        raise RoomError(f"{gaps} {waits} still waiting for an offer: fill the gaps first "
                        "(or switch the rule off).")


def _last_round_kind(room: Room) -> str | None:
    if not room.rounds:
        return None
    prompt_id = room.rounds[-1]["prompt_id"]
    return next((p["kind"] for p in room.prompts.items if p["id"] == prompt_id), None)


def _at_table(room: Room, pid: str) -> Participant:
    person = room.participants.get(pid)
    if person is None or not person.present:
        raise RoomError("That person isn't at the table.")
    return person


def _speaker(room: Room) -> str:
    speaker = room.turns.current
    if speaker is None:
        raise RoomError("Nobody is speaking right now.")
    return speaker
