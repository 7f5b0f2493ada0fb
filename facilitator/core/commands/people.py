"""Who is at the table: joining, coming back, leaving, being removed, one's own profile."""

from ..errors import RoomError
from ..sections import Collection
from ..state import identity
from ..state.participants import HERE, LEFT, NOT_IN_ROOM, REMOVED, Participant, clean_profile
from ..state.room import Room
from ..state.text import clean_id


def join(room: Room, *, name: str, about: str = "", interests: list[str] | None = None,
         now: float) -> tuple[Participant, str]:
    """Seat a newcomer at the end of the order; returns them and their secret token."""
    room.require_open()
    profile = clean_profile(name, about, interests)
    if room.present_count() >= room.max_participants:
        raise RoomError(f"This room is full ({room.max_participants} people).")
    token = identity.new_token()
    person = Participant(id=identity.new_public_id(), token_digest=identity.digest(token),
                         joined_at=now, **profile)
    room.participants[person.id] = person
    with room.changing_turns() as turns:
        turns.seat(person.id)
    room.changes.touch_item(Collection.PEOPLE, person.id)
    return person, token


def rejoin(room: Room, pid: str) -> None:
    """Someone who left comes back with their token: seated last again (once the event has
    ended there is no table to come back to, only their follow-up page)."""
    person = room.participants[pid]
    if person.status == LEFT and not room.ended:
        person.status = HERE
        with room.changing_turns() as turns:
            turns.seat(pid)
        room.changes.touch_item(Collection.PEOPLE, pid)


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


def _unseat(room: Room, pid: str, status: str, now: float) -> None:
    room.participants[pid].status = status
    with room.changing_turns() as turns:
        turns.unseat(pid, now)
    room.changes.touch_item(Collection.PEOPLE, pid)
