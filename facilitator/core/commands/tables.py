"""Tables and seating: where a newcomer sits, moving to a table by its QR, how many tables there
are and what they are called, table hosts, the organiser's seating rules, and the reshuffle
between rounds so people meet people they have not sat with (docs/seating.md: how the planner
plans).

A reshuffle plans the rounds ahead at once (a schedule beats round-by-round choices) and follows
that plan while the same people are here under the same rules; when someone arrives, leaves or
moves, or a rule changes, it plans again from who sat with whom so far.
"""

import hashlib
import json

from ..errors import N_, RoomError, say
from ..seating import (
    Constraints,
    SeatingError,
    kept_together,
    meetings,
    plan_seating,
    quality,
    tables_for,
)
from ..sections import Section
from ..state.layout import COUNT_OR_SIZE, Seating, clean_table_count, clean_table_size
from ..state.participants import clean_company, company_key
from ..state.room import Room
from .round import running

MAX_ROUNDS_AHEAD = 8  # a plan beyond the prompts left is rarely followed to the end
BETWEEN_ROUNDS = N_("Do that between rounds, when every table has finished.")


# --- seating people as they come and go --------------------------------------------------

def seat_newcomer(room: Room, pid: str, *, wanted: int | None, now: float) -> None:
    """Seat `pid`, who has no seat: at `wanted` (the table QR they scanned) when it has room,
    else at the smallest table; with "tables of about s", before the first round, the tables
    then follow who is here."""
    room.seat(pid, room.layout.place(wanted))
    follow_arrivals(room, now)


def follow_arrivals(room: Room, now: float) -> None:
    """"Tables of about s" before the first round: as many tables as suit who is here, people
    moved to balance them (the latest seated first). After it, latecomers go to the smallest
    table and the count follows at each reshuffle."""
    size = room.layout.size
    if size is None or room.rounds:
        return
    count = tables_for(len(room.layout.seats), size)
    if count != room.layout.count:
        _rebalance(room, count, now)


def sit(room: Room, pid: str, *, table: int, now: float) -> None:
    """`pid` scanned table `table`'s QR: seated there when it has room (nothing changes when
    they already sit there), else told which table does."""
    room.member(pid)
    layout = room.layout
    room.table(table)
    if layout.seats.get(pid) == table:
        return
    if not layout.has_room(table, len(layout.seats) - (pid in layout.seats) + 1):
        mine = layout.seats.get(pid)
        full = layout.name(table)
        if mine:
            raise RoomError(say("%(table)s is full. Your seat is at %(mine)s.", table=full,
                                mine=layout.name(mine)))
        raise RoomError(say("%(table)s is full.", table=full))
    if pid in layout.seats:
        room.move(pid, table, now)
    else:
        room.seat(pid, table)


# --- the tables ------------------------------------------------------------------------

def set_tables(room: Room, *, count: int | None = None, size: int | None = None,
               now: float) -> None:
    """A fixed number of tables, or tables of about `size` (the count then follows who is
    here); between rounds. People at tables that go, or over a balanced size, move to the
    smallest."""
    _between_rounds(room)
    if (count is None) == (size is None):
        raise RoomError(COUNT_OR_SIZE)
    layout = room.layout
    if size is not None:
        layout.size = clean_table_size(size)
        count = tables_for(len(layout.seats), layout.size)
    else:
        layout.size = None
        count = clean_table_count(count)
    room.changes.touch(Section.LAYOUT)
    _rebalance(room, count, now)


def label_table(room: Room, *, table: int, name: str | None = None,
                colour: str | None = None) -> None:
    room.table(table)
    room.layout.rename(table, name=name, colour=colour)
    room.changes.touch(Section.LAYOUT)


def make_table_host(room: Room, *, table: int, pid: str | None) -> None:
    """The host makes someone seated at `table` its table host (None: nobody)."""
    room.table(table).make_host(pid)


# --- the organiser's rules ---------------------------------------------------------------

def set_rule(room: Room, *, pid: str, company: str, stay: bool, together: str | None) -> None:
    """One person's seating rules: whom they are kept apart from (the same company, or who they
    came with), whether they keep their table at reshuffles, whom they always sit with."""
    person = room.known(pid)
    layout = room.layout
    if together == pid:
        raise RoomError(N_("Keep someone together with another person."))
    if together is not None:
        room.known(together)
    person.company = clean_company(company)
    layout.stay = [p for p in layout.stay if p != pid] + ([pid] if stay else [])
    layout.together = [pair for pair in layout.together if pid not in pair]
    if together is not None:
        layout.together = [pair for pair in layout.together if together not in pair]
        layout.together.append([pid, together])
    room.changes.touch(Section.RULES)


def constraints(room: Room) -> Constraints:
    """The organiser's rules, as the planner takes them (it ignores people not here)."""
    labels = {p.id: key for p in room.participants.values() if (key := company_key(p.company))}
    return Constraints(labels=labels, together=[tuple(pair) for pair in room.layout.together],
                       stay=list(room.layout.stay))


# --- the reshuffle ---------------------------------------------------------------------

def reshuffle(room: Room, *, seed: int, shown: int | None = None, now: float) -> None:
    """Between rounds: everyone moves to the table the plan gives them, so they meet people they
    have not sat with, keeping the organiser's rules; phones say "move now" and the display
    shows the plan until the next round starts. `shown`: how many reshuffles the host's screen
    showed made; if another was made since (a double click, a second console), nobody moves
    again: the room was told to move twice in a second, to two different tables."""
    if shown is not None and shown != room.layout.reshuffles:
        return
    room.require_open()
    _between_rounds(room)
    layout = room.layout
    people = list(layout.seats)
    if not people:
        raise RoomError(N_("Nobody is seated yet."))
    count = tables_for(len(people), layout.size) if layout.size else layout.count
    rules = constraints(room)
    seating = _next_seating(room, people, count, rules, seed)
    _seat_everyone(room, seating, now)
    layout.planned_for = _fingerprint(people, count, rules, layout.seating())
    layout.reshuffles += 1
    layout.moving = True
    room.changes.touch(Section.LAYOUT)


def _next_seating(room: Room, people: list[str], count: int, rules: Constraints,
                  seed: int) -> Seating:
    """The next round of the plan when it still fits, else the first of a new plan."""
    layout = room.layout
    if layout.plan and layout.planned_for == _fingerprint(people, count, rules,
                                                           layout.seating()):
        return layout.plan.pop(0)
    upcoming = room.prompts.up_next()
    left = len(room.prompts.items) - upcoming if upcoming is not None else 1
    current = layout.seating() if count == layout.count else []
    history = meetings(layout.rounds)

    def plan(rounds: int) -> list[Seating]:
        try:
            planned = plan_seating(people, tables=count, rounds=rounds, history=history,
                                   current=current, constraints=rules, seed=seed)
        except SeatingError as error:
            raise RoomError(error.message) from error
        return [[list(table) for table in tables] for tables in planned.rounds]

    rounds = plan(max(1, min(left, MAX_ROUNDS_AHEAD)))
    forced = sum(kept_together(len(table), count) for table in layout.seating())
    if len(rounds) > 1 and (repeats := quality(rounds[:1], history).repeats) > forced:
        # A plan of several rounds may repeat a pair in its first to spare the later ones, but
        # the next round is the one surely run: if alone it repeats less, it is that, and the
        # rounds after it are planned again from there. (Not when no round could repeat less:
        # pairs a table can't spread over the tables there are.)
        (alone,) = plan(1)
        if quality([alone], history).repeats < repeats:
            layout.plan = []
            return alone
    layout.plan = rounds[1:]
    return rounds[0]


def _seat_everyone(room: Room, seating: Seating, now: float) -> None:
    """Move whoever the new seating puts at another table; add or drop tables to fit it."""
    while room.layout.count < len(seating):
        room.add_table()
    for number, people in enumerate(seating, start=1):
        for pid in people:
            if room.layout.seats.get(pid) != number:
                room.move(pid, number, now)
    _drop_tables(room, len(seating))


def _rebalance(room: Room, count: int, now: float) -> None:
    while room.layout.count < count:
        room.add_table()
    moves = room.layout.balance(count)
    for pid, number in moves:
        room.move(pid, number, now)
    if moves:
        room.layout.moving = True
    _drop_tables(room, count)
    room.changes.touch(Section.LAYOUT)


def _drop_tables(room: Room, count: int) -> None:
    """Tables beyond `count` (nobody sits there now) leave the layout; their parts stay saved,
    with their rounds' records."""
    if room.layout.count > count:
        room.layout.resize(count)
        room.changes.touch(Section.LAYOUT)


def _between_rounds(room: Room) -> None:
    if running(room):
        raise RoomError(BETWEEN_ROUNDS)


def _fingerprint(people: list[str], count: int, rules: Constraints, seating: Seating) -> str:
    """What a plan was made for: who, how many tables, which rules, seated where."""
    data = [sorted(people), count, sorted(rules.labels.items()),
            sorted(sorted(pair) for pair in rules.together), sorted(rules.stay),
            [sorted(table) for table in seating]]
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()

