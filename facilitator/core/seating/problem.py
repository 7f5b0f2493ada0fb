"""The request as numbers, checked: people 0..n-1, groups kept together as units, who keeps
which table, who is kept apart from whom; every rule that no seating can keep is refused here
with the rule and the reason. (Whether a set of pairs kept apart fits t tables is a colouring
question; what is left of it after these checks is answered by the search in `fit.py`.)

Tables are numbered from 0 here; messages number them from 1, as the room does.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from .bounds import pair
from .model import Constraints, SeatingError


@dataclass
class Problem:
    names: list[str]
    tables: int
    rounds: int
    low: int  # the smaller table size; `bigger` tables seat one more
    bigger: int
    met: list[int]  # met[a*n + b]: how often a and b sat together before
    before: dict[tuple[int, int], int]  # the same, for a < b, only the pairs who met
    mates_gone: list[int]  # distinct earlier table-mates who are no longer here
    current: list[int]  # each person's table now, or -1
    units: list[tuple[int, ...]]  # people always at one table (most are one person)
    unit_of: list[int]
    fixed: list[int]  # the table a unit keeps, or -1
    waiting: list[int]  # units that stay but have no table yet: the first round gives one
    apart: bytearray  # apart[a*n + b] = 1: never at one table
    apart_from: list[list[int]]
    why_apart: dict[tuple[int, int], str]

    @property
    def high(self) -> int:
        return self.low + (1 if self.bigger else 0)


def build(people: Sequence[str], tables: int, rounds: int,
          history: Mapping[tuple[str, str], int], current: Sequence[Sequence[str]],
          constraints: Constraints) -> Problem:
    """Check the request and number it; raise SeatingError naming what cannot be kept."""
    if tables < 1 or rounds < 1:
        raise SeatingError("a plan needs at least one table and one round")
    names = sorted(people)
    for a, b in zip(names, names[1:], strict=False):
        if a == b:
            raise SeatingError(f"{a} is listed twice")
    index = {name: i for i, name in enumerate(names)}
    n = len(names)
    low, bigger = divmod(n, tables)
    problem = Problem(names, tables, rounds, low, bigger, [0] * (n * n), {}, [0] * n,
                      _current_tables(current, index), [], [], [], [], bytearray(n * n),
                      [[] for _ in range(n)], {})
    _count_history(problem, history, index)
    _group_units(problem, constraints.together, index)
    _keep_apart(problem, constraints, index)
    _fix_stays(problem, constraints.stay, index)
    return problem


def _current_tables(current: Sequence[Sequence[str]], index: Mapping[str, int]) -> list[int]:
    tables = [-1] * len(index)
    for table, seated in enumerate(current):
        for name in seated:
            if name in index:
                if tables[index[name]] not in (-1, table):
                    raise SeatingError(f"{name} is at two tables now")
                tables[index[name]] = table
    return tables


def _count_history(problem: Problem, history: Mapping[tuple[str, str], int],
                   index: Mapping[str, int]) -> None:
    n = len(problem.names)
    merged: dict[tuple[str, str], int] = {}
    for (a, b), count in history.items():
        if a != b and count > 0:
            merged[pair(a, b)] = merged.get(pair(a, b), 0) + count
    for (a, b), count in merged.items():
        ia, ib = index.get(a), index.get(b)
        if ia is not None and ib is not None:
            problem.met[ia * n + ib] = problem.met[ib * n + ia] = count
            problem.before[(min(ia, ib), max(ia, ib))] = count
        elif ia is not None:
            problem.mates_gone[ia] += 1
        elif ib is not None:
            problem.mates_gone[ib] += 1


def _group_units(problem: Problem, together: Collection[Collection[str]],
                 index: Mapping[str, int]) -> None:
    n = len(problem.names)
    leader = list(range(n))

    def find(a: int) -> int:
        while leader[a] != a:
            leader[a] = leader[leader[a]]
            a = leader[a]
        return a

    for names in together:
        present = sorted(index[name] for name in names if name in index)
        for other in present[1:]:
            leader[find(other)] = find(present[0])
    members: dict[int, list[int]] = {}
    for person in range(n):
        members.setdefault(find(person), []).append(person)
    problem.units = [tuple(group) for group in members.values()]
    problem.unit_of = [0] * n
    for u, group in enumerate(problem.units):
        for person in group:
            problem.unit_of[person] = u
        if len(group) > problem.high:
            raise SeatingError(f"{_names(problem, group)} are kept together, but with "
                               f"{room(problem)} a table seats at most {problem.high}")
    problem.fixed = [-1] * len(problem.units)


def _keep_apart(problem: Problem, constraints: Constraints, index: Mapping[str, int]) -> None:
    n = len(problem.names)
    reasons: list[tuple[int, int, str]] = []
    by_label: dict[str, list[int]] = {}
    for name, label in sorted(constraints.labels.items()):
        if name in index:
            by_label.setdefault(label, []).append(index[name])
    for label, group in sorted(by_label.items()):
        units = {problem.unit_of[p] for p in group}
        if len(group) > 1 and len(units) > problem.tables:
            raise SeatingError(f"{len(group)} people share '{label}', but with "
                               f"{room(problem)} they cannot all sit apart")
        reasons += [(a, b, f"both '{label}'") for i, a in enumerate(group) for b in group[i + 1:]]
    for first, second in constraints.apart:
        if first in index and second in index and first != second:
            reasons.append((index[first], index[second], "asked to sit apart"))
    for a, b, why in reasons:
        if problem.unit_of[a] == problem.unit_of[b]:
            raise SeatingError(f"{problem.names[a]} and {problem.names[b]} are kept together "
                               f"and kept apart ({why})")
        if not problem.apart[a * n + b]:
            problem.apart[a * n + b] = problem.apart[b * n + a] = 1
            problem.apart_from[a].append(b)
            problem.apart_from[b].append(a)
            problem.why_apart[(min(a, b), max(a, b))] = why


def _fix_stays(problem: Problem, stay: Collection[str], index: Mapping[str, int]) -> None:
    """Each unit with someone who stays keeps that person's table; units that stay but have
    no table yet wait for the first planned round to give them one."""
    for person in sorted(index[name] for name in stay if name in index):
        unit, table = problem.unit_of[person], problem.current[person]
        if table >= problem.tables:
            raise SeatingError(f"{problem.names[person]} stays at table {table + 1}, but "
                               f"the plan has {_count(problem.tables, 'table')}")
        if table >= 0 and problem.fixed[unit] not in (-1, table):
            raise SeatingError(f"{_names(problem, problem.units[unit])} are kept together "
                               f"but stay at different tables")
        if table >= 0:
            problem.fixed[unit] = table
        elif unit not in problem.waiting:
            problem.waiting.append(unit)
    problem.waiting = [u for u in problem.waiting if problem.fixed[u] < 0]
    _check_fixed(problem)


def settle(problem: Problem, seat: Sequence[int]) -> None:
    """Units that were waiting for a table keep the one `seat` (a round that keeps every
    rule) gives them, so repeating that round would still keep every rule."""
    for unit in problem.waiting:
        problem.fixed[unit] = seat[problem.units[unit][0]]
    problem.waiting = []


def _load(problem: Problem) -> list[int]:
    load = [0] * problem.tables
    for unit, table in enumerate(problem.fixed):
        if table >= 0:
            load[table] += len(problem.units[unit])
    return load


def _conflicts(problem: Problem, unit: int, table: int) -> list[tuple[int, int]]:
    n = len(problem.names)
    others = [p for u, t in enumerate(problem.fixed) if t == table and u != unit
              for p in problem.units[u]]
    return [(a, b) for a in problem.units[unit] for b in others if problem.apart[a * n + b]]


def _check_fixed(problem: Problem) -> None:
    load = _load(problem)
    for table, seated in enumerate(load):
        if seated > problem.high:
            raise SeatingError(f"{seated} people stay at table {table + 1}, but with "
                               f"{room(problem)} a table seats at most {problem.high}")
    full = [t for t, seated in enumerate(load) if seated == problem.high > problem.low]
    if len(full) > problem.bigger:
        raise SeatingError(f"tables {', '.join(str(t + 1) for t in full)} each keep "
                           f"{problem.high} people who stay, but with {room(problem)} only "
                           f"{_count(problem.bigger, 'table')} can seat {problem.high}")
    for unit, table in enumerate(problem.fixed):
        for a, b in _conflicts(problem, unit, table) if table >= 0 else ():
            if a < b:
                raise SeatingError(f"{problem.names[a]} and {problem.names[b]} both stay at "
                                   f"table {table + 1} but are kept apart "
                                   f"({problem.why_apart[(a, b)]})")


def _names(problem: Problem, people: Sequence[int]) -> str:
    return ", ".join(problem.names[p] for p in people)


def room(problem: Problem) -> str:
    """The room in words, as "12 people at 3 tables", for messages."""
    return f"{_count(len(problem.names), 'person')} at {_count(problem.tables, 'table')}"


def _count(number: int, noun: str) -> str:
    plural = "people" if noun == "person" else f"{noun}s"
    return f"{number} {noun if number == 1 else plural}"
