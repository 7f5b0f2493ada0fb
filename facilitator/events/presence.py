"""Socket.IO handlers for being in a room: watching it, joining, following tables, keeping in
step, sitting at a table by its QR, one's profile, leaving."""

from flask import current_app, session

from ..code_guesses import looked_up
from ..core.commands import people, tables
from ..core.errors import RoomError
from ..core.state.identity import NO_PLACE, NO_SUCH_ROOM, WRONG_HOST_KEY, split_code
from ..payloads import parse
from ..payloads.events import FollowTables, Join, Profile, Sit, Watch
from ..room_service import change_room, load_room, room_version, table_versions
from .common import (
    HOST,
    PARTICIPANT,
    VIEWER,
    acked,
    enter,
    follow,
    followed,
    leave_room_channels,
    on,
    participant,
    room_code,
)


@on("watch")
def watch(data: dict) -> dict:
    """(Re)connect to a room: as host with its key, as a participant with a token, or to look;
    following the tables asked for ("all": the display, the console), or a participant's own."""
    watching = parse(Watch, data)
    room = looked_up(lambda: load_room(watching.code))
    if watching.host_key is not None:
        if not room.is_host(watching.host_key):
            raise RoomError(WRONG_HOST_KEY)
        entered = enter(room.code, HOST, tables=watching.tables)
        session["host_digest"] = room.host_digest  # the key it came with (see `host_room`)
        return entered
    if watching.token is not None:
        person = room.participant_by_token(watching.token)
        if person is None:
            raise RoomError(NO_PLACE)
        if not person.present:
            change_room(room.code, lambda room, at: people.rejoin(room, person.id, now=at.now))
        return enter(room.code, PARTICIPANT, person.id)
    return enter(room.code, VIEWER, tables=watching.tables)


@on("join")
def join(data: dict) -> dict:
    """A phone joins: seated at the smallest table (or the one whose QR it scanned, when it has
    room), given its secret token once."""
    joining = parse(Join, data)
    code, key = split_code(joining.code)  # the latecomers' key after the code, if any
    code = looked_up(lambda: load_room(code)).code
    _, (person, token) = looked_up(lambda: change_room(code, lambda room, at: people.join(
        room, name=joining.name, about=joining.about, interests=joining.interests,
        company=joining.company, table=joining.table, key=key, token=joining.token,
        now=at.now)))
    return {"token": token, **enter(code, PARTICIPANT, person.id)}


@on("follow_tables")
def follow_tables(data: dict) -> dict:
    """Follow other tables: a participant the one they now sit at, the display and the console
    every table (after one is added); answered with their snapshots."""
    room = load_room(room_code())
    return {"version": room.version, "tables": follow(room, parse(FollowTables, data).tables)}


@on("sync")
def sync(data: dict) -> dict:
    """A screen checks it is in step: the acknowledgement carries the room's version and each
    followed table's, and a screen that holds an older one asks for a fresh snapshot (`watch`,
    or `follow_tables` for a table)."""
    code = room_code()
    version = room_version(code)
    if version is None:
        raise RoomError(NO_SUCH_ROOM)
    mine = followed()
    if (pid := session.get("pid")) is not None:  # moved since it followed: its table now
        seat = load_room(code).layout.seats.get(pid)
        mine = [seat] if seat is not None else []
    at_tables = {str(n): v for n, v in table_versions(code).items() if n in mine}
    return {"version": version, "tables": at_tables}


@on("sit")
def sit(data: dict) -> dict:
    """A participant scanned a table's QR: seated there when it has room."""
    code, pid = participant()
    table = parse(Sit, data).table
    if (limits := current_app.extensions.get("event_limits")) is not None:
        limits.check_moving(code, pid)
    return acked(change_room(code, lambda room, at: tables.sit(room, pid, table=table,
                                                                now=at.now)))


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
