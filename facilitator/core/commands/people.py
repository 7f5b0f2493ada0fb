"""Who is at the event: joining (and being seated), coming back, leaving, being removed, one's
own profile."""

from ..errors import RoomError, say
from ..sections import Collection
from ..state import identity, records
from ..state.participants import (
    HERE,
    LEFT,
    NOT_IN_ROOM,
    REMOVED,
    Participant,
    clean_company,
    clean_profile,
)
from ..state.room import Room
from ..state.text import clean_id
from . import tables


def join(room: Room, *, name: str, about: str = "", interests: list[str] | None = None,
         company: str = "", table: int | None = None, key: str = "", token: str | None = None,
         now: float) -> tuple[Participant, str]:
    """A newcomer, seated at the smallest table (or at `table`, whose QR they scanned, when it
    has room); returns them and their secret token. `key`: what followed the event's code in
    the code they used (the latecomers' key, `moderation.lock`). `token`: the secret the phone
    made for itself, if it did. A join sent again with it, its answer lost on the venue's wifi,
    finds the person the first one made: else a second one sat at the table, a ghost with a
    turn of their own."""
    if token is not None and (person := room.participant_by_token(token)) is not None:
        rejoin(room, person.id, now=now)
        return person, token
    room.require_open()
    room.require_joinable(key)
    profile = clean_profile(name, about, interests)
    company = clean_company(company)
    if table is not None:
        room.table(table)
    _require_a_seat(room)
    _forget_if_full(room)
    token = token or identity.new_token()
    person = Participant(id=identity.new_public_id(), token_digest=identity.digest(token),
                         joined_at=now, company=company, **profile)
    room.participants[person.id] = person
    room.changes.touch_item(Collection.PEOPLE, person.id)
    tables.seat_newcomer(room, person.id, wanted=table, now=now)
    return person, token


def rejoin(room: Room, pid: str, *, now: float) -> None:
    """Someone who left comes back with their token: seated again, at the smallest table (once
    the event has ended there is no table to come back to, only their follow-up page)."""
    person = room.participants[pid]
    if person.status == LEFT and not room.ended:
        _require_a_seat(room)  # a token kept from before is no way past the size of the room
        person.status, person.left_at = HERE, None
        room.changes.touch_item(Collection.PEOPLE, pid)
        tables.seat_newcomer(room, pid, wanted=None, now=now)


def update_profile(room: Room, pid: str, *, name: str, about: str = "",
                   interests: list[str] | None = None) -> None:
    person = room.member(pid)
    for key, value in clean_profile(name, about, interests).items():
        setattr(person, key, value)
    room.changes.touch_item(Collection.PEOPLE, pid)


def leave(room: Room, pid: str, *, now: float) -> None:
    room.member(pid)
    _unseat(room, pid, LEFT, now)


def remove(room: Room, *, pid: str, now: float) -> None:
    """The host removes someone: their token stops working."""
    if clean_id(pid, NOT_IN_ROOM) not in room.participants:
        raise RoomError(NOT_IN_ROOM)
    _unseat(room, pid, REMOVED, now)


def _require_a_seat(room: Room) -> None:
    if room.present_count() >= room.max_participants:
        raise RoomError(say("This room is full (%(max)s people).", max=room.max_participants))


def _forget_if_full(room: Room) -> None:
    """Keep the records bounded: when the room holds as many as it may, forget those who left
    without a trace (`records`), or refuse the join if nobody can go."""
    if len(room.participants) < records.max_records(room):
        return
    gone = records.forgettable(room)
    if not gone:
        raise RoomError(records.TOO_MANY)
    for pid in gone:
        del room.participants[pid]
        room.board.recent.pop(pid, None)
        room.changes.touch_item(Collection.PEOPLE, pid)


def _unseat(room: Room, pid: str, status: str, now: float) -> None:
    person = room.participants[pid]
    person.status, person.left_at = status, now
    room.changes.touch_item(Collection.PEOPLE, pid)
    room.unseat(pid, now)
    tables.follow_arrivals(room, now)
