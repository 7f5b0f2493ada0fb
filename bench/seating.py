"""`python -m bench seating`: the seating planner's repeats, distinct table-mates and time at
the sizes of docs/benchmarks.md ("Seating planner"), against random reshuffles, planning round
by round, and the bounds of docs/seating.md, all measured in the same run.

Pure computation on this process: no server, no network. Each figure but time is exact and
the same on any machine (the planner is seeded; so are the random reshuffles).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from datetime import date

from facilitator.core.seating import (
    Constraints,
    Quality,
    mates_ceiling,
    meetings,
    plan_seating,
    quality,
    repeat_floor,
    tables_for,
)
from facilitator.core.seating.planner import plan_floor
from facilitator.core.seating.problem import build
from facilitator.core.seating.search import improve

from . import report
from .servers import ROOT

# (people, seats per table, rounds)
CASES = [(15, 3, 7), (20, 5, 3), (48, 6, 3), (48, 8, 3), (100, 10, 4), (300, 8, 5),
         (600, 10, 5)]
RANDOM_SEEDS = range(1, 11)
SEARCH_SEEDS = range(1, 4)
TIMED_RUNS = 5
MARKERS = ("<!-- bench:seating:start -->", "<!-- bench:seating:end -->")

QUALITY_HEADER = ("n / s / r", "tables", "repeats: floor", "planner", "round by round",
                  "search alone", "random (mean, range)", "mates: ceiling mean / least",
                  "planner mean / min", "round by round", "random",
                  "plan CPU time: median (most) of 5")
RULES_HEADER = ("n / s / r", "rules", "repeats", "of them kept-together pairs",
                "mates mean / min", "plan CPU time: median (most) of 5")


def random_rounds(people: list[str], tables: int, rounds: int, seed: int
                  ) -> list[list[list[str]]]:
    """A uniformly random balanced seating each round: what a reshuffle without a plan does."""
    rng = random.Random(seed)  # noqa: S311 (seeded on purpose: the same reshuffles each run)
    seatings = []
    for _ in range(rounds):
        order = rng.sample(people, len(people))
        seatings.append([order[t::tables] for t in range(tables)])
    return seatings


def round_by_round(people: list[str], tables: int, rounds: int) -> Quality:
    """Each round planned alone from the history so far, as if nobody had planned ahead."""
    seatings: list[tuple[tuple[str, ...], ...]] = []
    for _ in range(rounds):
        plan = plan_seating(people, tables=tables, rounds=1, history=meetings(seatings),
                            current=seatings[-1] if seatings else (), seed=1)
        seatings.append(plan.next_round)
    return quality(seatings)


def search_alone(people: list[str], tables: int, rounds: int, seed: int) -> int:
    """Repeats when the planner's search starts from random rounds instead of a construction."""
    problem = build(people, tables, rounds, {}, (), Constraints())
    index = {person: i for i, person in enumerate(problem.names)}
    seats = [[0] * len(people) for _ in range(rounds)]
    for k, seating in enumerate(random_rounds(people, tables, rounds, seed)):
        for table, seated in enumerate(seating):
            for person in seated:
                seats[k][index[person]] = table
    found = improve(problem, seats, random.Random(seed), plan_floor(problem))  # noqa: S311
    return quality([[[problem.names[p] for p in range(len(people)) if seat[p] == t]
                     for t in range(tables)] for seat in found]).repeats


def realistic_rules(people: list[str], seed: int) -> Constraints:
    """A tenth of the room came in pairs (kept apart), two interpreters (kept with the person
    they interpret for), and one in a hundred (at least two) who stay at their table."""
    order = random.Random(seed).sample(people, len(people))  # noqa: S311 (seeded: repeatable)
    pairs = len(people) // 20
    labels = {p: f"came together {i // 2}" for i, p in enumerate(order[:2 * pairs])}
    rest = order[2 * pairs:]
    return Constraints(labels=labels, together=[tuple(rest[0:2]), tuple(rest[2:4])],
                       stay=rest[4:4 + max(2, len(people) // 100)])


def timed(people: list[str], tables: int, rounds: int, rules: Constraints | None = None
          ) -> tuple[Quality, str]:
    """The plan's quality, and the median and most CPU time of a few plans (the first in a
    process also builds the grid's lines). CPU time, not wall time: other work shares the
    machine, and the planner runs on one core without waiting for anything."""
    took = []
    for _ in range(TIMED_RUNS):
        started = time.process_time()
        plan = plan_seating(people, tables=tables, rounds=rounds, constraints=rules, seed=1)
        took.append(time.process_time() - started)
    return quality(plan.rounds), (f"{statistics.median(took) * 1000:.0f} ms "
                                  f"({max(took) * 1000:.0f} ms)")


def measure(n: int, size: int, rounds: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    people = [f"p{i:03d}" for i in range(n)]
    tables = tables_for(n, size)
    ceiling = mates_ceiling(n, tables, rounds)
    planned, took = timed(people, tables, rounds)
    stepwise = round_by_round(people, tables, rounds)
    alone = [search_alone(people, tables, rounds, seed) for seed in SEARCH_SEEDS]
    shuffled = [quality(random_rounds(people, tables, rounds, seed)) for seed in RANDOM_SEEDS]
    repeats = [q.repeats for q in shuffled]
    case = f"{n} / {size} / {rounds}"
    quality_row = (
        case, str(tables), str(repeat_floor(n, tables, rounds)), str(planned.repeats),
        str(stepwise.repeats), f"{min(alone)}–{max(alone)}",
        f"{statistics.mean(repeats):.1f} ({min(repeats)}–{max(repeats)})",
        f"{ceiling.mean:.2f} / {ceiling.least}", _mates(planned), _mates(stepwise),
        f"{statistics.mean(q.mean_mates for q in shuffled):.2f} / "
        f"{statistics.mean(q.min_mates for q in shuffled):.1f}",
        took)
    rules = realistic_rules(people, seed=7)
    ruled, ruled_took = timed(people, tables, rounds, rules)
    described = (f"{len(rules.labels)} in pairs apart, {len(rules.together)} pairs together, "
                 f"{len(rules.stay)} stay")
    rules_row = (case, described, str(ruled.repeats), str(len(rules.together) * (rounds - 1)),
                 _mates(ruled), ruled_took)
    return quality_row, rules_row


def _mates(measured: Quality) -> str:
    return f"{measured.mean_mates:.2f} / {measured.min_mates}"


def _cpu() -> str:
    with open("/proc/cpuinfo") as cpuinfo:
        return next((line.split(":", 1)[1].strip() for line in cpuinfo
                     if line.startswith("model name")), "?")


def markdown(quality_rows: list[tuple[str, ...]], rules_rows: list[tuple[str, ...]]) -> str:
    return "\n".join([
        f"Measured {date.today().isoformat()} with `python -m bench seating` on "
        f"{len(os.sched_getaffinity(0))} cores ({_cpu()}), Python {platform.python_version()}.",
        "", report.markdown_table(QUALITY_HEADER, quality_rows), "",
        "With rules (a fresh plan; people who stay get their table in the first round):", "",
        report.markdown_table(RULES_HEADER, rules_rows)])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench seating",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true",
                        help="don't update docs/benchmarks.md")
    args = parser.parse_args(argv)
    quality_rows, rules_rows = [], []
    for n, size, rounds in CASES:
        quality_row, rules_row = measure(n, size, rounds)
        quality_rows.append(quality_row)
        rules_rows.append(rules_row)
        print(f"{quality_row[0]} done", flush=True)
    print()
    print(report.text_table(QUALITY_HEADER, quality_rows))
    print()
    print(report.text_table(RULES_HEADER, rules_rows))
    if not args.no_write:
        report.write_markdown(ROOT / "docs" / "benchmarks.md",
                              markdown(quality_rows, rules_rows), MARKERS)
        print("results written to docs/benchmarks.md")
    return 0
