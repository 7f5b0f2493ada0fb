"""Socket.IO handlers that keep the room generous: pitch taps, raised hands, introductions.

Each checks who is asking and hands the payload to one function of `core.steering` inside
`change_room`. A pitch tap is acknowledged with no count (listeners never see one); when it tips
the share, only the speaker's own screens get the kind nudge. The host's switches and clearing
the queue are host actions (`core.actions`).
"""

from ..core import steering
from ..core.nudges import NUDGE_TEXT
from ..extensions import socketio
from ..rooms import change_room, person_channel
from .common import as_participant, on, participant


@on("pitch_tap")
def pitch_tap(data: dict) -> dict:
    """A listener's anonymous "sounds like a pitch"."""
    code, pid = participant()
    version, (speaker, round_) = change_room(code, lambda r, now, rng: (
        steering.pitch_tap(r, pid), r.turns.round))
    if speaker is not None:
        socketio.emit("nudge", {"round": round_, "text": NUDGE_TEXT},
                      to=person_channel(code, speaker))
    return {"version": version}


@on("raise_hand")
def raise_hand(data: dict) -> dict:
    return as_participant(lambda r, pid, now: steering.raise_hand(r, pid, now))


@on("lower_hand")
def lower_hand(data: dict) -> dict:
    return as_participant(lambda r, pid, now: steering.lower_hand(r, pid))


@on("introduce")
def introduce(data: dict) -> dict:
    """Introduce two people at the table to each other (an "I know someone" offer)."""
    code, pid = participant()
    version, offer_id = change_room(code, lambda r, now, rng: steering.introduce(
        r, pid, data, now))
    return {"version": version, "id": offer_id}


@on("intro_respond")
def intro_respond(data: dict) -> dict:
    """One side accepts an introduction (or takes the acceptance back)."""
    return as_participant(lambda r, pid, now: steering.respond_intro(r, pid, data))
