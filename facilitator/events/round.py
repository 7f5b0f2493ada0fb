"""Socket.IO handlers for the live round: watching, joining, turns and the host's controls."""

from flask import session
from flask_socketio import leave_room

from ..core.actions import host_action
from ..core.errors import RoomError
from ..rooms import change_room, channel, load_room
from .common import as_participant, attach, host_room, on, welcome


@on("watch")
def watch(data: dict) -> dict:
    """(Re)connect to a room: as host with its key, as a participant with a token, or to look."""
    room = load_room(data.get("code"))
    if data.get("host_key") is not None:
        if not room.is_host(data["host_key"]):
            raise RoomError("This host link is not valid for this event.")
        attach(room, host=True)
        return welcome(room, "host")
    if data.get("token") is not None:
        person = room.participant_by_token(data["token"])
        if person is None:
            raise RoomError("We couldn't find your place in this event. Please join again.")
        if not person.present:
            change_room(room.code, lambda r, now, rng: r.rejoin(person.id))
            room = load_room(room.code)
        attach(room, pid=person.id)
        return welcome(room, "participant", person.id)
    attach(room)
    return welcome(room, "viewer")


@on("join")
def join(data: dict) -> dict:
    """A phone joins: seated at the end of the order, given its secret token once."""
    code = load_room(data.get("code")).code
    _, (person, token) = change_room(code, lambda r, now, rng: r.join(
        name=data.get("name"), about=data.get("about"), interests=data.get("interests"),
        now=now))
    room = load_room(code)
    attach(room, pid=person.id)
    return {"token": token, **welcome(room, "participant", person.id)}


@on("host")
def host(data: dict) -> dict:
    """One of the host's controls, by name, with its arguments."""
    version, _ = change_room(host_room(), lambda r, now, rng: host_action(
        r, data.get("action"), data.get("args", {}), now, rng))
    return {"version": version}


@on("turn_done")
def turn_done(data: dict) -> dict:
    return as_participant(lambda r, pid, now: r.speaker_done(pid, now))


@on("turn_pass")
def turn_pass(data: dict) -> dict:
    return as_participant(lambda r, pid, now: r.speaker_done(pid, now, passing=True))


@on("profile")
def profile(data: dict) -> dict:
    return as_participant(lambda r, pid, now: r.update_profile(
        pid, name=data.get("name"), about=data.get("about"), interests=data.get("interests")))


@on("leave")
def leave(data: dict) -> dict:
    """The participant leaves the table; their token can bring them back later."""
    code = session.get("code")
    ack = as_participant(lambda r, pid, now: r.leave(pid, now))
    leave_room(channel(code))
    session.update(code=None, pid=None, host=False)
    return ack
