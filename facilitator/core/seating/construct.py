"""The starting schedule: the construction with the fewest repeats for n people at t tables.

On a grid, people are cells (several to a cell when there are more people than cells), and
each round seats one direction's lines. Which cells hold people is chosen along the lines of a
direction left out of the rounds (the *selection*), so every round's lines hold as many people
as each other, give or take one. Two people repeat only if their cells share a line in two
chosen directions, or they share a cell: over a field the first never happens, and the second
is the forced minimum of docs/seating.md (the cell's people are the pairs a table cannot spread).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations, islice

from .designs import Design, Grid, kirkman_design, mols10_grid, ring_grid

# Direction sets weighed per selection; beyond it the first (the hint's slopes 0, 1, 2, …) win.
_COMBINATIONS_TRIED = 3000
# Directions weighed against each other on a large grid (every one on a small grid).
_SMALL_GRID = 16
_DIRECTIONS_TRIED = 6


def best_design(people: int, tables: int, rounds: int) -> Design:
    """A schedule of `rounds` balanced rounds over `people` points with the fewest repeats."""
    if tables == 1 or people <= tables:
        everyone = tuple(tuple(range(v, people, tables)) for v in range(tables))
        return Design("one table each round" if tables == 1 else "one a table",
                      people, (everyone,) * rounds)
    candidates = list(_grid_candidates(people, tables, rounds))
    kirkman = kirkman_design()
    if tables == 5 and people in (14, 15):  # dropping point 14 leaves one table of two
        candidates.append(_restricted(kirkman, people, rounds))
    return min(candidates, key=lambda d: repeats(d.rounds))


def repeats(rounds: Sequence[Sequence[Sequence[int]]]) -> int:
    """Meetings of two points who already sat together in an earlier round."""
    met: set[tuple[int, int]] = set()
    total = 0
    for tables in rounds:
        for table in tables:
            for pair in combinations(sorted(table), 2):
                if pair in met:
                    total += 1
                met.add(pair)
    return total


def _restricted(design: Design, people: int, rounds: int) -> Design:
    kept = tuple(tuple(tuple(p for p in table if p < people) for table in tables)
                 for tables in _cycled(design.rounds, rounds))
    return Design(design.name, people, kept)


def _cycled(items: Sequence[tuple[tuple[int, ...], ...]], count: int
            ) -> list[tuple[tuple[int, ...], ...]]:
    """`count` items, going round again when there are fewer (later rounds then repeat)."""
    return [items[k % len(items)] for k in range(count)]


def _grid_candidates(people: int, tables: int, rounds: int) -> Iterator[Design]:
    grids = [ring_grid(tables)] + ([mols10_grid()] if tables == 10 else [])
    for grid in grids:
        best: tuple[int, list[int], tuple[int, ...]] | None = None
        weighed = len(grid.lines) if grid.order <= _SMALL_GRID else max(rounds, _DIRECTIONS_TRIED)
        for multiplicity in _selections(grid, people):
            usable = list(islice((d for d in range(len(grid.lines))
                                  if _balanced(grid, d, multiplicity)), weighed))
            chosen, overlap = _least_overlapping(grid, usable, multiplicity, rounds)
            if best is None or overlap < best[0]:
                best = (overlap, multiplicity, chosen)
            if overlap == _forced_overlap(multiplicity, min(rounds, len(chosen))):
                break
        if best is not None:
            yield _build(grid, best[1], best[2], rounds)


def _selections(grid: Grid, people: int) -> Iterator[list[int]]:
    """How many people each cell holds: the same number everywhere, and the rest one more,
    filled line by line along one direction (the columns first)."""
    cells = grid.order**2
    base, extra = divmod(people, cells)
    if extra == 0:
        yield [base] * cells
        return
    for selection in reversed(range(len(grid.lines))):
        line_of = grid.lines[selection]
        ordered = sorted(range(cells), key=lambda cell: (line_of[cell], cell))
        multiplicity = [base] * cells
        for cell in ordered[:extra]:
            multiplicity[cell] += 1
        yield multiplicity


def _balanced(grid: Grid, direction: int, multiplicity: list[int]) -> bool:
    sizes = [0] * grid.order
    for cell, line in enumerate(grid.lines[direction]):
        sizes[line] += multiplicity[cell]
    return max(sizes) - min(sizes) <= 1


def _least_overlapping(grid: Grid, usable: list[int], multiplicity: list[int], rounds: int
                       ) -> tuple[tuple[int, ...], int]:
    """The `rounds` directions (or all usable, fewer) whose pairs of rounds share fewest pairs."""
    size = min(rounds, len(usable))
    overlap = {(a, b): _overlap(grid, a, b, multiplicity) for a, b in combinations(usable, 2)}
    best: tuple[tuple[int, ...], int] = ((), -1)
    for chosen in islice(combinations(usable, size), _COMBINATIONS_TRIED):
        total = sum(overlap[pair] for pair in combinations(chosen, 2))
        if best[1] < 0 or total < best[1]:
            best = (chosen, total)
    return best


def _overlap(grid: Grid, a: int, b: int, multiplicity: list[int]) -> int:
    """Pairs of people seated together both in direction a and in direction b."""
    together: dict[tuple[int, int], int] = {}
    for cell, count in enumerate(multiplicity):
        if count:
            key = (grid.lines[a][cell], grid.lines[b][cell])
            together[key] = together.get(key, 0) + count
    return sum(total * (total - 1) // 2 for total in together.values())


def _forced_overlap(multiplicity: list[int], rounds: int) -> int:
    """What the people sharing a cell add to every pair of rounds, whatever the directions."""
    same_cell = sum(m * (m - 1) // 2 for m in multiplicity)
    return same_cell * rounds * (rounds - 1) // 2


def _build(grid: Grid, multiplicity: list[int], chosen: tuple[int, ...], rounds: int) -> Design:
    cells = [cell for cell, count in enumerate(multiplicity) for _ in range(count)]
    built = []
    for direction in _cycled_directions(chosen, rounds):
        line_of = grid.lines[direction]
        tables: list[list[int]] = [[] for _ in range(grid.order)]
        for point, cell in enumerate(cells):
            tables[line_of[cell]].append(point)
        built.append(tuple(tuple(table) for table in tables))
    names = ", ".join(grid.directions[d] for d in chosen)
    return Design(f"{grid.name}: {names}", len(cells), tuple(built))


def _cycled_directions(chosen: tuple[int, ...], rounds: int) -> list[int]:
    return [chosen[k % len(chosen)] for k in range(rounds)]
