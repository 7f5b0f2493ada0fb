"""What a schedule can achieve at best, and what one achieved: repeats and distinct table-mates.

The derivations are in docs/seating.md. In short: a table of a people reseated over t tables
keeps at least the pairs of its balanced split together (C(x, 2) is convex), so every reshuffle
repeats at least the sum of that over the tables; and r rounds cannot meet more pairs than
there are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

Seating = Sequence[Sequence[str]]


def pair(a: str, b: str) -> tuple[str, str]:
    """The key of two people's meetings, whichever order they come in."""
    return (a, b) if a < b else (b, a)


def table_sizes(people: int, tables: int) -> list[int]:
    """Balanced sizes: every table within one of the others."""
    base, bigger = divmod(people, tables)
    return [base + 1] * bigger + [base] * (tables - bigger)


def kept_together(size: int, tables: int) -> int:
    """Pairs of a table of `size` that stay together however it is spread over `tables`."""
    each, more = divmod(size, tables)
    return more * (each + 1) * each // 2 + (tables - more) * each * (each - 1) // 2


def repeat_floor(people: int, tables: int, rounds: int) -> int:
    """The fewest repeated meetings any schedule of `rounds` rounds can have."""
    sizes = table_sizes(people, tables)
    per_reshuffle = sum(kept_together(size, tables) for size in sizes)
    slots = rounds * sum(size * (size - 1) // 2 for size in sizes)
    return max(0, (rounds - 1) * per_reshuffle, slots - people * (people - 1) // 2)


@dataclass(frozen=True)
class MatesCeiling:
    """Distinct table-mates: the most one person can have, and the best mean and minimum."""

    most: int
    mean: float
    least: int


def mates_ceiling(people: int, tables: int, rounds: int) -> MatesCeiling:
    """min(n−1, r(s−1)) for one person; the mean the fewest repeats allow; and for the
    worst-off, the least of that mean and of what the repeats every schedule has take from
    someone (docs/seating.md derives it)."""
    sizes = table_sizes(people, tables)
    slots = rounds * sum(size * (size - 1) // 2 for size in sizes)
    mean = 2 * (slots - repeat_floor(people, tables, rounds)) / people if people else 0.0
    seats = rounds * (max(sizes) - 1)
    most = min(people - 1, seats)
    shared = rounds * (rounds - 1) // 2 * sum(kept_together(size, tables) for size in sizes)
    lost = 0
    while 2 * shared > people * _repeats_worth(lost, rounds):
        lost += 1
    return MatesCeiling(most, mean, min(most, seats - lost, int(mean)))


def _repeats_worth(lost: int, rounds: int) -> int:
    """The most pairs of rounds one person's meetings can share if they lose `lost` mates to
    repeats: a pair met m times costs m − 1 mates and is shared by C(m, 2) pairs of rounds,
    so meeting one person as often as possible is the best use of a loss."""
    if rounds < 2:
        return 0
    whole, rest = divmod(lost, rounds - 1)
    return whole * rounds * (rounds - 1) // 2 + (rest + 1) * rest // 2


@dataclass(frozen=True)
class Quality:
    """Repeats: meetings of two people who had sat together before (in the history or an
    earlier round). Mates: the distinct people each person will have sat with, history
    included, over the people in the rounds."""

    repeats: int
    mean_mates: float
    min_mates: int


def quality(rounds: Sequence[Seating],
            history: Mapping[tuple[str, str], int] | None = None) -> Quality:
    """How good a schedule is, after what already happened."""
    before = {pair(a, b): count for (a, b), count in (history or {}).items() if count > 0}
    planned = meetings(rounds)
    repeats = sum(count if key in before else count - 1 for key, count in planned.items())
    mates = {person: 0 for tables in rounds for table in tables for person in table}
    for a, b in before.keys() | planned.keys():
        for person in (a, b):
            if person in mates:
                mates[person] += 1
    if not mates:
        return Quality(repeats, 0.0, 0)
    return Quality(repeats, sum(mates.values()) / len(mates), min(mates.values()))


def meetings(rounds: Sequence[Seating]) -> dict[tuple[str, str], int]:
    """Who sat with whom how often: the history to plan the next rounds from."""
    met: dict[tuple[str, str], int] = {}
    for tables in rounds:
        for table in tables:
            for a, b in combinations(table, 2):
                key = pair(a, b)
                met[key] = met.get(key, 0) + 1
    return met
