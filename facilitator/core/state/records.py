"""How many people an event keeps a record of (issue 16.8).

Everyone who joined is kept, so their posts, turns and contacts keep a name and they can come
back with their token. Join-and-leave cycles would grow that without bound, so an event keeps
at most `RECORDS_PER_SEAT` records per seat; when it is full, a join first forgets the people
who left without a trace (never in a round, no post by or to them, no contact details, address,
introduction, mark or seating rule): nothing of theirs is lost, and coming back means joining
again. Removed people are never forgotten, so their tokens stay refused.
"""

from ..errors import N_
from .board import OFFER
from .participants import LEFT
from .room import Room

RECORDS_PER_SEAT = 2
TOO_MANY = N_("So many people have come and gone that this event can't take anyone new. "
              "Please ask the host.")


def max_records(room: Room) -> int:
    return RECORDS_PER_SEAT * room.max_participants


def forgettable(room: Room) -> list[str]:
    """Those who left without a trace, whom the room may forget to make space for a join."""
    kept = traces(room)
    return [pid for pid, p in room.participants.items() if p.status == LEFT and pid not in kept]


def traces(room: Room) -> set[str]:
    """Everyone something in the room part points at."""
    found = {pid for seating in room.layout.rounds for table in seating for pid in table}
    found.update(pid for seating in room.layout.plan for table in seating for pid in table)
    found.update(pid for pair in room.layout.together for pid in pair)
    found.update(room.layout.stay)
    for post in room.board.posts.values():
        found.add(post.author)
        if post.type == OFFER and post.to:
            found.add(post.to)
    found.update(room.contacts.by_person, room.mailing.by_person)
    intros = room.generosity.intros
    found.update(intros.links.values())
    found.update(pid for people in intros.accepted.values() for pid in people)
    marks = room.follow_through
    found.update(mark["by"] for mark in (*marks.offers.values(), *marks.met.values()))
    return found
