"""Rounds being improved, with the counts that make a change cheap to weigh.

`met[a*n + b]` counts how often a and b sat together, before the plan and in it. The same is
kept as bit sets, person p being bit p: `known[a]` (met a at least once), `again[a]` (at least
twice), `seated[k][table]` (at that table in round k), so "how many at this table has a met"
is one AND and a bit count. A change moves people of one table of one round to another table
and as many back (`Exchange`). The plan is judged by its repeats first (meetings of two people
who had met), then by the spread of distinct table-mates (the sum of their squares: lower when
the worst-off have more).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .problem import Problem


@dataclass(frozen=True)
class Exchange:
    """In round `k`, `leaving` go from table `source` to `target`, `coming` the other way."""

    k: int
    source: int
    target: int
    leaving: tuple[int, ...]
    coming: tuple[int, ...]


class Schedule:
    def __init__(self, problem: Problem, seats: Sequence[Sequence[int]]) -> None:
        n = self.n = len(problem.names)
        self.problem = problem
        self.seat = [list(round_) for round_ in seats]
        self.tables: list[list[list[int]]] = []
        for seat in self.seat:
            tables: list[list[int]] = [[] for _ in range(problem.tables)]
            for person, table in enumerate(seat):
                tables[table].append(person)
            self.tables.append(tables)
        self.seated = [[sum(1 << p for p in table) for table in tables]
                       for tables in self.tables]
        self.met = list(problem.met)
        self.known, self.again = [0] * n, [0] * n
        self.repeats = 0
        for (a, b), count in problem.before.items():
            self._mark(a, b, 0, count)
        for round_ in self.tables:
            for members in round_:
                for i, a in enumerate(members):
                    for b in members[i + 1:]:
                        self._mark(a, b, self.met[a * n + b], self.met[a * n + b] + 1)
        self.mates = [problem.mates_gone[p] + self.known[p].bit_count() for p in range(n)]
        self.spread = sum(m * m for m in self.mates)
        self.kept_apart = [sum(1 << q for q in problem.apart_from[p]) for p in range(n)]
        units, unit_of, fixed = problem.units, problem.unit_of, problem.fixed
        staying = [sum(1 << p for u, t in enumerate(fixed) if t == table for p in units[u])
                   for table in range(problem.tables)]
        self.frozen = [sum(1 << q for q in units[unit_of[p]])
                       | (staying[fixed[unit_of[p]]] if fixed[unit_of[p]] >= 0 else 0)
                       for p in range(n)]
        self.alone = [len(units[unit_of[p]]) == 1 and fixed[unit_of[p]] < 0 for p in range(n)]

    def _mark(self, a: int, b: int, before: int, after: int) -> None:
        """a and b now met `after` times, not `before`: counts, bit sets and repeats follow."""
        self.met[a * self.n + b] = self.met[b * self.n + a] = after
        self.repeats += max(0, after - 1) - max(0, before - 1)
        if (before > 0) != (after > 0):
            self.known[a] ^= 1 << b
            self.known[b] ^= 1 << a
        if (before > 1) != (after > 1):
            self.again[a] ^= 1 << b
            self.again[b] ^= 1 << a

    def score(self) -> tuple[int, int]:
        return self.repeats, self.spread

    def troubled(self, k: int) -> list[int]:
        """Who meets someone again in round k, where one of the two could move."""
        seat, seated, again, frozen = self.seat[k], self.seated[k], self.again, self.frozen
        return [a for a in range(self.n) if again[a] & seated[seat[a]] & ~frozen[a]]

    def swaps(self, k: int, movers: Sequence[int], targets: Sequence[int] | None = None
              ) -> list[tuple[int, int, int, int]]:
        """(repeats added, a, b, b's table) for every rule-keeping swap of a mover a (alone,
        free to move) with someone b alone at another table of round k (at one of `targets`,
        if given); b = -1 is a move of a to a smaller table, when sizes allow."""
        problem, seat, seated, tables = self.problem, self.seat[k], self.seated[k], self.tables[k]
        known, again, apart, alone = self.known, self.again, self.kept_apart, self.alone
        candidates = [b for t in (range(problem.tables) if targets is None else targets)
                      for b in tables[t] if alone[b]]
        found: list[tuple[int, int, int, int]] = []
        joining: dict[int, list[tuple[int, int, int, int]]] = {}  # who could join a table
        for a in movers:
            source = seat[a]
            here = seated[source]
            if source not in joining:
                joining[source] = [
                    (b, seat[b], (known[b] & here).bit_count()
                     - (again[b] & seated[seat[b]]).bit_count(), (apart[b] & here).bit_count())
                    for b in candidates if seat[b] != source]
            leaving = (again[a] & here).bit_count()
            known_at = [(known[a] & table).bit_count() - leaving for table in seated]
            kept_at = [(apart[a] & table).bit_count() for table in seated]
            for b, there, gain, conflicts in joining[source]:
                both = known[a] >> b & 1
                clash = apart[a] >> b & 1
                if kept_at[there] == clash and conflicts == clash:
                    found.append((known_at[there] + gain - 2 * both, a, b, there))
            if len(tables[source]) > problem.low:
                found += [(known_at[t], a, -1, t) for t in range(problem.tables)
                          if len(tables[t]) < problem.high and not kept_at[t]]
        return found

    def mates_gain(self, k: int, a: int, b: int, target: int) -> int:
        """How many distinct table-mates a gains by going to `target` (in place of b)."""
        source = self.seated[k][self.seat[k][a]]
        others = self.seated[k][target] & ~(1 << b if b >= 0 else 0)
        once = self.known[a] & ~self.again[a]
        return (others & ~self.known[a]).bit_count() - (once & source).bit_count()

    def repeats_change(self, move: Exchange) -> int | None:
        """How many repeats `move` adds (negative: removes), or None if it breaks a rule."""
        seated = self.seated[move.k]
        source = seated[move.source] & ~_bits(move.leaving)
        target = seated[move.target] & ~_bits(move.coming)
        change = 0
        for movers, left, joined in ((move.leaving, source, target),
                                     (move.coming, target, source)):
            for a in movers:
                if self.kept_apart[a] & joined:
                    return None
                change += (self.known[a] & joined).bit_count()
                change -= (self.again[a] & left).bit_count()
        return change

    def spread_change(self, move: Exchange) -> int:
        """How `move` changes the sum of squared distinct table-mates."""
        shift: dict[int, int] = {}
        for a, b, step in self._pairs(move):
            count = self.met[a * self.n + b]
            if (step < 0 and count == 1) or (step > 0 and count == 0):
                shift[a] = shift.get(a, 0) + step
                shift[b] = shift.get(b, 0) + step
        return sum(2 * self.mates[p] * d + d * d for p, d in shift.items())

    def apply(self, move: Exchange) -> None:
        n, mates = self.n, self.mates
        for a, b, step in self._pairs(move):
            before = self.met[a * n + b]
            self._mark(a, b, before, before + step)
            if (before == 0) != (before + step == 0):
                for p in (a, b):
                    self.spread += 2 * mates[p] * step + 1
                    mates[p] += step
        tables, seat, seated = self.tables[move.k], self.seat[move.k], self.seated[move.k]
        for movers, source, target in ((move.leaving, move.source, move.target),
                                       (move.coming, move.target, move.source)):
            for person in movers:
                tables[source].remove(person)
                tables[target].append(person)
                seat[person] = target
                seated[source] ^= 1 << person
                seated[target] ^= 1 << person

    def _pairs(self, move: Exchange) -> list[tuple[int, int, int]]:
        """Every pair whose count `move` changes, with the change (+1 or -1)."""
        tables = self.tables[move.k]
        stay_source = [p for p in tables[move.source] if p not in move.leaving]
        stay_target = [p for p in tables[move.target] if p not in move.coming]
        return ([(a, b, -1) for a in move.leaving for b in stay_source]
                + [(a, b, +1) for a in move.leaving for b in stay_target]
                + [(a, b, -1) for a in move.coming for b in stay_target]
                + [(a, b, +1) for a in move.coming for b in stay_source])


def _bits(people: Sequence[int]) -> int:
    return sum(1 << p for p in people)
