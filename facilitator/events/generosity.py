"""Socket.IO handlers that keep the room generous: pitch taps, raised hands, introductions.

Each checks who is asking and runs one command of `core.commands.generosity` inside
`change_room`. A pitch tap is acknowledged with no count (listeners never see one); when it tips
the share, only the speaker's own screens get the kind nudge. The host's switches and clearing
the queue are host actions (`events.host`).
"""

from ..core.commands import generosity
from ..core.state.nudges import NUDGE_TEXT
from ..extensions import socketio
from ..payloads import parse
from ..payloads.events import AnswerHand, Introduce, IntroRespond
from ..room_service import change_room, person_channel
from .common import acked, at_my_table, on, participant


@on("pitch_tap")
def pitch_tap(data: dict) -> dict:
    """A listener's anonymous "sounds like a pitch" (a change of their table alone)."""
    code, _ = participant()
    changed = at_my_table(lambda room, pid, at: (
        generosity.pitch_tap(room, pid), room.table_of(pid).turns.round))
    speaker, round_ = changed[1]
    if speaker is not None:
        socketio.emit("nudge", {"round": round_, "text": NUDGE_TEXT},
                      to=person_channel(code, speaker))
    return acked(changed)


@on("raise_hand")
def raise_hand(data: dict) -> dict:
    return acked(at_my_table(lambda room, pid, at: generosity.raise_hand(room, pid, now=at.now)))


@on("lower_hand")
def lower_hand(data: dict) -> dict:
    return acked(at_my_table(lambda room, pid, at: generosity.lower_hand(room, pid)))


@on("answer_hand")
def answer_hand(data: dict) -> dict:
    """The speaker marks one question answered."""
    asker = parse(AnswerHand, data).pid
    return acked(at_my_table(lambda room, pid, at: generosity.answer_hand(room, pid, asker=asker)))


@on("introduce")
def introduce(data: dict) -> dict:
    """Introduce two people at the event to each other (an "I know someone" offer)."""
    code, pid = participant()
    intro = parse(Introduce, data)
    changed = change_room(code, lambda room, at: generosity.introduce(
        room, pid, to=intro.to, other=intro.other, text=intro.text, now=at.now))
    return {**acked(changed), "id": changed[1]}


@on("intro_respond")
def intro_respond(data: dict) -> dict:
    """One side accepts an introduction (or takes the acceptance back)."""
    code, pid = participant()
    answer = parse(IntroRespond, data)
    return acked(change_room(code, lambda room, at: generosity.respond_intro(
        room, pid, offer_id=answer.offer_id, accept=answer.accept)))
