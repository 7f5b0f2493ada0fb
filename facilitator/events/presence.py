"""Socket.IO handlers for being in a room: watching it, joining, keeping in step, one's profile,
leaving."""

from flask import session

from ..core.commands import people
from ..core.errors import RoomError
from ..core.state.identity import NO_PLACE, NO_SUCH_ROOM, WRONG_HOST_KEY
from ..payloads import parse
from ..payloads.events import Join, Profile, Watch
from ..room_service import change_room, load_room, room_version
from .common import HOST, PARTICIPANT, VIEWER, acked, enter, leave_room_channels, on, participant

NOT_WATCHING = "Open an event first."


@on("watch")
def watch(data: dict) -> dict:
    """(Re)connect to a room: as host with its key, as a participant with a token, or to look."""
    watching = parse(Watch, data)
    room = load_room(watching.code)
    if watching.host_key is not None:
        if not room.is_host(watching.host_key):
            raise RoomError(WRONG_HOST_KEY)
        return enter(room.code, HOST)
    if watching.token is not None:
        person = room.participant_by_token(watching.token)
        if person is None:
            raise RoomError(NO_PLACE)
        if not person.present:
            change_room(room.code, lambda room, at: people.rejoin(room, person.id))
        return enter(room.code, PARTICIPANT, person.id)
    return enter(room.code, VIEWER)


@on("join")
def join(data: dict) -> dict:
    """A phone joins: seated at the end of the order, given its secret token once."""
    joining = parse(Join, data)
    code = load_room(joining.code).code
    _, (person, token) = change_room(code, lambda room, at: people.join(
        room, name=joining.name, about=joining.about, interests=joining.interests, now=at.now))
    return {"token": token, **enter(code, PARTICIPANT, person.id)}


@on("sync")
def sync(data: dict) -> dict:
    """A screen checks it is in step: the acknowledgement carries the room's version, and a
    screen that holds an older one asks for a fresh snapshot (`watch`)."""
    code = session.get("code")
    if not code:
        raise RoomError(NOT_WATCHING)
    version = room_version(code)
    if version is None:
        raise RoomError(NO_SUCH_ROOM)
    return {"version": version}


@on("profile")
def profile(data: dict) -> dict:
    code, pid = participant()
    new = parse(Profile, data)
    return acked(change_room(code, lambda room, at: people.update_profile(
        room, pid, name=new.name, about=new.about, interests=new.interests)))


@on("leave")
def leave(data: dict) -> dict:
    """The participant leaves the table; their token can bring them back later."""
    code, pid = participant()
    ack = acked(change_room(code, lambda room, at: people.leave(room, pid, now=at.now)))
    leave_room_channels()
    return ack
