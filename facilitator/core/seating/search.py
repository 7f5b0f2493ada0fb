"""Tabu search for fewer repeats, then a polish for the worst-off.

Each step takes a round where someone meets a person again, weighs every swap that moves a few
of those people (with anyone at another table), and makes the best one that is not tabu (a
person may not go straight back to a table they just left) unless it beats the best plan so
far. After a long stretch without progress it starts again from the best plan, a little
shaken. Then the polish gives the people with fewest distinct table-mates more, by swaps
that add no repeat.

Effort is counted in work done, never in time: the same request and seed give the same plan
on any machine.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import combinations

from .problem import Problem
from .schedule import Exchange, Schedule

# Work (one unit per person or table looked at) before the search settles for what it has:
# sized so that 600 people plan well inside a second (docs/benchmarks.md measures it).
WORK_BUDGET = 1_000_000
# Troubled people moved per step; the swaps weighed grow with it.
MOVERS = 4
# Tables where the people to swap with are sought, in a large room (all in a small one).
TARGET_TABLES = 24
TABU_TENURE = (4, 14)
# Steps without a better plan before starting again from the best one, and before stopping.
SHAKE_AFTER = 300
PATIENCE = 3_000
# Swaps weighed for their spread of table-mates, per person and round, in the polish.
POLISH_SAMPLE = 24
POLISH_TABLES = 12

Candidate = tuple[int, Exchange | tuple[int, int, int]]


def improve(problem: Problem, seats: list[list[int]], rng: random.Random,
            floor: tuple[int, int]) -> list[list[int]]:
    """Better rounds (each rule still kept), starting from `seats`; stops early at `floor`."""
    schedule, work = _tabu(Schedule(problem, seats), rng, floor[0])
    if schedule.score() > floor:
        _polish(schedule, rng, work)
    return schedule.seat


def _tabu(schedule: Schedule, rng: random.Random, floor: int) -> tuple[Schedule, int]:
    """The best plan found from `schedule`, and the work it took."""
    best, best_seats = schedule.score(), [list(s) for s in schedule.seat]
    tabu: dict[tuple[int, int, int], int] = {}
    work = step = idle = 0
    while best[0] > floor and work < WORK_BUDGET and idle < PATIENCE:
        step += 1
        k, troubled = _troubled_round(schedule, rng)
        if not troubled:
            break
        targets = _targets(schedule, rng, TARGET_TABLES)
        candidates = _candidates(schedule, k, troubled, targets, rng)
        work += _work(schedule, k, targets, MOVERS) + len(candidates)
        allowed = [c for c in candidates if schedule.repeats + c[0] < best[0]
                   or not _tabu_hit(schedule, k, c[1], tabu, step)]
        if allowed:
            fewest = min(change for change, _ in allowed)
            move = _exchange(schedule, k, rng.choice([m for c, m in allowed if c == fewest]))
            schedule.apply(move)
            tenure = step + rng.randint(*TABU_TENURE)
            tabu.update({(k, p, move.source): tenure for p in move.leaving})
            tabu.update({(k, p, move.target): tenure for p in move.coming})
        idle += 1
        if schedule.score() < best:
            best, best_seats, idle = schedule.score(), [list(s) for s in schedule.seat], 0
        elif idle % SHAKE_AFTER == 0:
            schedule = Schedule(schedule.problem, best_seats)
            _shake(schedule, rng)
    if schedule.score() != best:
        schedule = Schedule(schedule.problem, best_seats)
    return schedule, work


def _troubled_round(schedule: Schedule, rng: random.Random) -> tuple[int, list[int]]:
    rounds = schedule.problem.rounds
    first = rng.randrange(rounds)
    for k in (first + i for i in range(rounds)):
        troubled = schedule.troubled(k % rounds)
        if troubled:
            return k % rounds, troubled
    return first, []


def _targets(schedule: Schedule, rng: random.Random, most: int) -> list[int] | None:
    """Tables to seek swaps at: all of them (None), or a sample of `most` in a large room."""
    tables = schedule.problem.tables
    return None if tables <= most else rng.sample(range(tables), most)


def _work(schedule: Schedule, k: int, targets: list[int] | None, movers: int) -> int:
    """People and tables a call of `swaps` looks at."""
    people = schedule.n if targets is None else sum(len(schedule.tables[k][t]) for t in targets)
    return people * (1 + movers) + schedule.problem.tables * movers


def _candidates(schedule: Schedule, k: int, troubled: list[int], targets: list[int] | None,
                rng: random.Random) -> list[Candidate]:
    problem = schedule.problem
    alone = [p for p in troubled if schedule.alone[p]]
    grouped = [problem.unit_of[p] for p in troubled
               if not schedule.alone[p] and problem.fixed[problem.unit_of[p]] < 0]
    movers = rng.sample(alone, min(MOVERS, len(alone)))
    found: list[Candidate] = [(change, (a, b, t)) for change, a, b, t
                              in schedule.swaps(k, movers, targets)]
    if grouped:
        for move in _exchanges(schedule, k, rng.choice(grouped)):
            change = schedule.repeats_change(move)
            if change is not None:
                found.append((change, move))
    return found


def _exchange(schedule: Schedule, k: int, move: Exchange | tuple[int, int, int]) -> Exchange:
    if isinstance(move, Exchange):
        return move
    a, b, target = move
    return Exchange(k, schedule.seat[k][a], target, (a,), () if b < 0 else (b,))


def _tabu_hit(schedule: Schedule, k: int, move: Exchange | tuple[int, int, int],
              tabu: dict[tuple[int, int, int], int], step: int) -> bool:
    """Whether the move sends someone back to a table they left a moment ago."""
    if isinstance(move, Exchange):
        return (any(tabu.get((k, p, move.target), 0) > step for p in move.leaving)
                or any(tabu.get((k, p, move.source), 0) > step for p in move.coming))
    a, b, target = move
    return (tabu.get((k, a, target), 0) > step
            or (b >= 0 and tabu.get((k, b, schedule.seat[k][a]), 0) > step))


def _exchanges(schedule: Schedule, k: int, unit: int) -> Iterator[Exchange]:
    """Every exchange that moves a group kept together in round k, keeping sizes balanced:
    with another group or person, two of them, or nobody."""
    problem = schedule.problem
    leaving = problem.units[unit]
    tables = schedule.tables[k]
    source = schedule.seat[k][leaving[0]]
    low, high = problem.low, problem.high
    for target in range(problem.tables):
        if target == source:
            continue
        units = dict.fromkeys(problem.unit_of[p] for p in tables[target]
                              if problem.fixed[problem.unit_of[p]] < 0)
        options = [problem.units[u] for u in units]
        options += [a + b for a, b in combinations(options, 2)] + [()]
        for coming in options:
            if (low <= len(tables[source]) - len(leaving) + len(coming) <= high
                    and low <= len(tables[target]) - len(coming) + len(leaving) <= high):
                yield Exchange(k, source, target, leaving, coming)


def _shake(schedule: Schedule, rng: random.Random) -> None:
    """A few random swaps that keep every rule."""
    movable = [p for p in range(schedule.n) if schedule.alone[p]]
    if len(movable) < 2:
        return
    for _ in range(max(2, schedule.problem.rounds)):
        k = rng.randrange(schedule.problem.rounds)
        a, b = rng.sample(movable, 2)
        move = Exchange(k, schedule.seat[k][a], schedule.seat[k][b], (a,), (b,))
        if move.source != move.target and schedule.repeats_change(move) is not None:
            schedule.apply(move)


def _polish(schedule: Schedule, rng: random.Random, work: int) -> None:
    """Swaps that add no repeat and give someone with fewest table-mates more: in a round
    where they meet someone again, or sit at one of the smaller tables."""
    problem = schedule.problem
    improved = True
    while improved and work < WORK_BUDGET:
        improved = False
        movable = [p for p in range(schedule.n) if schedule.alone[p]]
        fewest = min((schedule.mates[p] for p in movable), default=0)
        for a in rng.sample(movable, len(movable)):
            for k in rng.sample(range(problem.rounds), problem.rounds):
                if schedule.mates[a] != fewest or not _could_gain(schedule, k, a):
                    continue
                targets = _targets(schedule, rng, POLISH_TABLES)
                swaps = [_exchange(schedule, k, (a, b, t)) for change, _, b, t
                         in schedule.swaps(k, [a], targets)
                         if change <= 0 and schedule.mates_gain(k, a, b, t) > 0]
                work += _work(schedule, k, targets, 1) + len(swaps)
                best = min(rng.sample(swaps, min(POLISH_SAMPLE, len(swaps))),
                           key=schedule.spread_change, default=None)
                if best is not None and schedule.spread_change(best) < 0:
                    schedule.apply(best)
                    improved = True


def _could_gain(schedule: Schedule, k: int, person: int) -> bool:
    table = schedule.seat[k][person]
    return (len(schedule.tables[k][table]) < schedule.problem.high
            or bool(schedule.again[person] & schedule.seated[k][table]))
