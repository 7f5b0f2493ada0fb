"""Plan the next rounds: start from the best construction, fit it to the room and its rules,
then search for fewer repeats.

With a current seating, the construction's first round *is* the current one (its people are
placed on its first round's points), so the rounds after it repeat nobody from it; without
one, people with a table to keep and groups kept together are placed where they need to be.
Each round's tables are then renumbered so that as many people who stay as possible are
already at their table, every rule is enforced (`fit.py`), and the search does the rest.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from itertools import combinations

from .bounds import repeat_floor, table_sizes
from .construct import best_design
from .designs import Design
from .fit import fit_round
from .model import Constraints, Plan
from .problem import Problem, build, settle
from .search import improve


def plan_seating(people: Collection[str], *, tables: int, rounds: int = 1,
                 history: Mapping[tuple[str, str], int] | None = None,
                 current: Sequence[Sequence[str]] = (),
                 constraints: Constraints | None = None, seed: int = 0) -> Plan:
    """The next `rounds` rounds of `people` at `tables` tables.

    `history` counts who already sat with whom (`meetings()` of the rounds so far); `current`
    is the seating now, table by table (people who left or are not listed are fine). The same
    arguments and seed always give the same plan. Raises SeatingError, naming the rule, when
    the constraints cannot all be kept.
    """
    problem = build(list(people), tables, rounds, history or {}, current,
                    constraints or Constraints())
    n = len(problem.names)
    if n == 0:
        return Plan((tuple(() for _ in range(tables)),) * rounds, "nobody to seat")
    rng = random.Random(seed)  # noqa: S311 (not a secret: the same seed must give the same plan)
    anchored = any(table >= 0 for table in problem.current)
    design = best_design(n, tables, rounds + anchored)
    lines = _lines(design)
    point_of = _place(problem, design, lines, anchored, rng)
    seats: list[list[int]] = []
    for line_of in lines[anchored:]:
        seats.append(fit_round(problem, _renumbered(problem, [line_of[point_of[p]]
                                                              for p in range(n)])))
        settle(problem, seats[0])
    seats = _fewest_repeats_first(problem, improve(problem, seats, rng, plan_floor(problem)))
    names = problem.names
    planned = tuple(tuple(tuple(names[p] for p in range(n) if seat[p] == table)
                          for table in range(tables)) for seat in seats)
    return Plan(planned, design.name)


def _fewest_repeats_first(problem: Problem, seats: list[list[int]]) -> list[list[int]]:
    """The same rounds, those with the fewest repeats (of earlier rounds and the ones before it
    in the plan) first: a plan longer than the rounds without repeats can be must repeat
    somewhere, and the next round is the one surely run. Every round keeps every rule, and
    each is numbered against the seating now, so any of them can come first."""
    n = len(problem.names)
    met = bytearray(1 if count else 0 for count in problem.met)

    def tables(seat: list[int]) -> list[list[int]]:
        at: list[list[int]] = [[] for _ in range(problem.tables)]
        for person, table in enumerate(seat):
            at[table].append(person)
        return at

    def repeats(seat: list[int]) -> int:
        return sum(met[a * n + b] for people in tables(seat) for a, b in combinations(people, 2))

    ordered, left = [], list(seats)
    while left:
        best = min(left, key=repeats)  # the first of equals: a plan with no repeats keeps its order
        left.remove(best)
        ordered.append(best)
        for people in tables(best):
            for a, b in combinations(people, 2):
                met[a * n + b] = met[b * n + a] = 1
    return ordered


def _lines(design: Design) -> list[list[int]]:
    """For each round of the design, the table of each point."""
    lines = []
    for tables in design.rounds:
        line_of = [0] * design.points
        for table, points in enumerate(tables):
            for point in points:
                line_of[point] = table
        lines.append(line_of)
    return lines


def _place(problem: Problem, design: Design, lines: list[list[int]], anchored: bool,
           rng: random.Random) -> list[int]:
    """Each person's point: people who share a table now (or keep one) on the points of one
    table of the design's first round, the biggest such group on the biggest table; people
    with rules first, on points that never meet the points of those they are kept from."""
    n = len(problem.names)
    home = problem.current if anchored else [problem.fixed[problem.unit_of[p]]
                                             for p in range(n)]
    groups: dict[int, list[int]] = {}
    for person, table in enumerate(home):
        if table >= 0:
            groups.setdefault(table, []).append(person)
    first = design.rounds[0]
    biggest_first = sorted(range(len(first)), key=lambda v: (-len(first[v]), v))
    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    placement = _Placement(problem, design, lines, _kept_from(problem), rng)
    spare: list[int] = []
    for line, group in zip(biggest_first, ordered + [[]] * len(first), strict=False):
        points = list(first[line])
        ruled_first = sorted(group, key=lambda p: not placement.has_rules(p))
        placement.seat(ruled_first[:len(points)], points)
        spare += ruled_first[len(points):]
    units = [u for u in range(len(problem.units))
             if any(placement.point_of.get(p) is None for p in problem.units[u])]
    rng.shuffle(units)
    spare += [p for u in units for p in problem.units[u]
              if placement.point_of.get(p) is None and p not in spare]
    placement.seat(sorted(spare, key=lambda p: not placement.has_rules(p)), placement.free)
    return [placement.point_of[p] for p in range(n)]


def _kept_from(problem: Problem) -> list[list[int]]:
    """Whom each person must not share a table with: those they are kept apart from, and if
    they stay, everyone else who stays (but not at the same table, nor in their group): two
    who stay meet at every round they share, so their points had better never meet."""
    unit_of, fixed = problem.unit_of, problem.fixed
    staying = [p for p in range(len(problem.names))
               if fixed[unit_of[p]] >= 0 or unit_of[p] in problem.waiting]
    return [problem.apart_from[p] + [q for q in staying if unit_of[q] != unit_of[p]
                                     and (fixed[unit_of[q]] < 0 or fixed[unit_of[q]]
                                          != fixed[unit_of[p]])]
            if p in staying else problem.apart_from[p]
            for p in range(len(problem.names))]


class _Placement:
    """People put on points one at a time. Those with rules choose: someone kept from others
    takes a point meeting fewest of theirs; someone in a group kept together, a point sharing
    most rounds with the group's points already taken (two people of one cell share every
    round, so the group's own repeats fall where the construction has its forced ones)."""

    def __init__(self, problem: Problem, design: Design, lines: list[list[int]],
                 avoid: list[list[int]], rng: random.Random) -> None:
        self.problem, self.lines, self.avoid, self.rng = problem, lines, avoid, rng
        self.meets = [0] * design.points  # the points each point shares a table with, as bits
        shared: list[dict[int, int]] = [{} for _ in range(design.points)]
        for tables in design.rounds:
            for table in tables:
                together = sum(1 << point for point in table)
                for point in table:
                    self.meets[point] |= together
                    for other in table:
                        shared[point][other] = shared[point].get(other, 0) + 1
        # the most rounds a point shares with another: where a group's first member should go
        self.twin = [max((c for q, c in counts.items() if q != p), default=0)
                     for p, counts in enumerate(shared)]
        self.point_of: dict[int, int] = {}
        self.free: list[int] = []

    def has_rules(self, person: int) -> bool:
        unit = self.problem.units[self.problem.unit_of[person]]
        return bool(self.avoid[person]) or len(unit) > 1

    def seat(self, people: list[int], points: list[int]) -> None:
        """People with rules (first in `people`) choose; the rest take the points left, in
        order; points nobody takes stay free for later."""
        left = list(points)
        for person in people:
            point = self._choice(person, left) if self.has_rules(person) else left[0]
            left.remove(point)
            self.point_of[person] = point
        self.free = sorted(set(self.free) - set(self.point_of.values()) | set(left))

    def _choice(self, person: int, left: list[int]) -> int:
        group = [self.point_of[q] for q in self.problem.units[self.problem.unit_of[person]]
                 if q in self.point_of]
        taken = sum(1 << self.point_of[q] for q in self.avoid[person] if q in self.point_of)
        alone = len(self.problem.units[self.problem.unit_of[person]]) == 1
        scores = [(-sum(line[p] == line[q] for line in self.lines for q in group)
                   if group or alone else -self.twin[p],
                   (self.meets[p] & taken).bit_count()) for p in left]
        best = min(scores)
        return self.rng.choice([p for p, score in zip(left, scores, strict=True)
                                if score == best])


def _renumbered(problem: Problem, line_of: list[int]) -> list[int]:
    """Tables numbered so that the lines holding people who stay get those people's tables."""
    votes: dict[tuple[int, int], int] = {}
    for person, line in enumerate(line_of):
        table = problem.fixed[problem.unit_of[person]]
        if table >= 0:
            votes[(line, table)] = votes.get((line, table), 0) + 1
    table_of: dict[int, int] = {}
    taken: set[int] = set()
    for (line, table), _ in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
        if line not in table_of and table not in taken:
            table_of[line] = table
            taken.add(table)
    spare = iter(t for t in range(problem.tables) if t not in taken)
    for line in sorted(set(range(problem.tables)) - table_of.keys()):
        table_of[line] = next(spare)
    return [table_of[line] for line in line_of]


def plan_floor(problem: Problem) -> tuple[int, int]:
    """No plan scores below this: the search stops if it gets there."""
    n = len(problem.names)
    before = sum(count - 1 for count in problem.before.values())
    planned = repeat_floor(n, problem.tables, problem.rounds)
    if problem.before or any(problem.mates_gone):
        return before + planned, 0
    slots = problem.rounds * sum(s * (s - 1) // 2 for s in table_sizes(n, problem.tables))
    each, more = divmod(2 * (slots - planned), n)
    return planned, more * (each + 1) ** 2 + (n - more) * each**2


def tables_for(people: int, size: int) -> int:
    """How many tables make tables "of about `size`": the count whose mean size is nearest
    (more tables on a tie), and at least one."""
    if people <= 0 or size <= 0:
        return 1
    below = max(1, people // size)
    return min((below, below + 1), key=lambda t: (abs(people / t - size), -t))
