"""One round that keeps every rule, as close as it can to the tables a construction wanted.

Units that stay go to their tables; units with a rule (kept together, kept apart) are seated
by a depth-first search that tries each one's wanted table first; everyone else then sits at
their wanted table while it has room, and at the emptiest table after that. The search is
bounded: a rule set it cannot fit within the bound is refused, naming who could not be seated.
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import SeatingError
from .problem import Problem, room

# Placements tried per round before refusing: far beyond what a realistic rule set needs
# (a few labels, pairs and groups fit at the first try), small enough to answer quickly.
PLACEMENT_BUDGET = 50_000


class _Tables:
    """Who sits where in the round being built, and whether a table has room for more."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.seated: list[list[int]] = [[] for _ in range(problem.tables)]
        self.bigger_used = 0

    def fits(self, unit: int, table: int) -> bool:
        problem, seated = self.problem, self.seated[table]
        size = len(seated) + len(problem.units[unit])
        if size > problem.high or (size > problem.low >= len(seated)
                                   and self.bigger_used >= problem.bigger):
            return False
        n = len(problem.names)
        return not any(problem.apart[a * n + b] for a in problem.units[unit] for b in seated)

    def sit(self, unit: int, table: int) -> None:
        seated = self.seated[table]
        if len(seated) <= self.problem.low < len(seated) + len(self.problem.units[unit]):
            self.bigger_used += 1
        seated.extend(self.problem.units[unit])

    def leave(self, unit: int, table: int) -> None:
        seated, size = self.seated[table], len(self.problem.units[unit])
        del seated[len(seated) - size:]
        if len(seated) <= self.problem.low < len(seated) + size:
            self.bigger_used -= 1


def fit_round(problem: Problem, wanted: list[int]) -> list[int]:
    """Each person's table for one round: every rule kept, `wanted[person]` where possible."""
    tables = _Tables(problem)
    for unit, table in enumerate(problem.fixed):
        if table >= 0:
            tables.sit(unit, table)
    ruled = [u for u, members in enumerate(problem.units) if problem.fixed[u] < 0
             and (len(members) > 1 or any(problem.apart_from[p] for p in members))]
    ruled.sort(key=lambda u: (-len(problem.units[u]),
                              -sum(len(problem.apart_from[p]) for p in problem.units[u]), u))
    _search(tables, ruled, wanted)
    rules = set(ruled)
    free = [u for u in range(len(problem.units)) if problem.fixed[u] < 0 and u not in rules]
    later = []
    for unit in free:
        table = wanted[problem.units[unit][0]]
        if tables.fits(unit, table):
            tables.sit(unit, table)
        else:
            later.append(unit)
    for unit in later:
        table = min(range(problem.tables), key=lambda t: (len(tables.seated[t]), t))
        tables.sit(unit, table)
    seat = [0] * len(problem.names)
    for table, seated in enumerate(tables.seated):
        for person in seated:
            seat[person] = table
    return seat


def _search(tables: _Tables, ruled: list[int], wanted: list[int]) -> None:
    """Depth-first: each ruled unit at its wanted table, else the emptiest that fits."""
    problem = tables.problem
    choices: list[Iterator[int]] = []
    placed: list[int] = []
    failures = [0] * len(problem.units)
    tried = 0
    while len(placed) < len(ruled):
        depth = len(placed)
        unit = ruled[depth]
        if len(choices) == depth:
            first = wanted[problem.units[unit][0]]
            choices.append(iter(sorted(range(problem.tables),
                                       key=lambda t: (t != first, len(tables.seated[t]), t))))
        table = next((t for t in choices[depth] if tables.fits(unit, t)), -1)
        tried += 1
        if table >= 0 and tried <= PLACEMENT_BUDGET:
            tables.sit(unit, table)
            placed.append(table)
            continue
        failures[unit] += 1
        if not placed or tried > PLACEMENT_BUDGET:
            raise SeatingError(_refusal(problem, max(ruled, key=lambda u: failures[u]),
                                        exhausted=tried > PLACEMENT_BUDGET))
        choices.pop()
        tables.leave(ruled[depth - 1], placed.pop())


def _refusal(problem: Problem, unit: int, *, exhausted: bool) -> str:
    names = ", ".join(problem.names[p] for p in problem.units[unit])
    reasons = sorted({problem.why_apart[(min(a, b), max(a, b))]
                      for a in problem.units[unit] for b in problem.apart_from[a]})
    kept = f" (kept apart: {'; '.join(reasons)})" if reasons else ""
    how = ("no seating was found in the search's bound" if exhausted
           else "every table is full or seats someone they are kept apart from")
    return f"cannot seat {names} with {room(problem)}{kept}: {how}"
