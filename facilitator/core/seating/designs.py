"""Schedules known to repeat nobody: grids of lines over a ring, and two classical designs that
no ring gives, kept as data.

A grid puts t² cells in a t×t square; each *direction* cuts it into t parallel lines, and a round
seats the people of each line at one table. Cells are numbered i·t + c (row i, column c).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .rings import ring_of

# A round: tables of point numbers. A design: its rounds, over points 0..points-1.
Round = tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class Design:
    """Rounds over points 0..points-1; which construction made them, for the record."""

    name: str
    points: int
    rounds: tuple[Round, ...]


@dataclass(frozen=True)
class Grid:
    """t×t cells and, per direction, the line (table) each cell lies on."""

    name: str
    order: int
    directions: tuple[str, ...]
    lines: tuple[tuple[int, ...], ...]  # lines[d][cell] = the table of that cell in direction d


@lru_cache(maxsize=16)
def ring_grid(t: int) -> Grid:
    """Directions of slope m (lines i + m·c = v) for every m, and the columns (slope ∞).

    Over a field any two directions' lines meet in one cell, so a pair of cells shares a line in
    at most one of them: t+1 rounds with no repeat. Round 0 is the rows. Seating (row i, seat j)
    at table i + k·j in round k is slope k over the integers mod t.
    """
    ring = ring_of(t)
    if ring.extension:
        slopes = tuple(tuple(ring.add(i, ring.mul(m, c)) for i in range(t) for c in range(t))
                       for m in range(t))
    else:
        slopes = tuple(tuple((i + m * c) % t for i in range(t) for c in range(t))
                       for m in range(t))
    columns = tuple(c for _ in range(t) for c in range(t))
    kind = "GF" if ring.is_field else "Z/"
    names = tuple(f"{kind}{t} slope {m}" for m in range(t)) + (f"{kind}{t} columns",)
    return Grid(f"{kind}{t} lines", t, names, (*slopes, columns))


# Two orthogonal Latin squares of order 10: the example square of D. E. Knuth, The Art of
# Computer Programming, vol. 4, pre-fascicle 0a, and the orthogonal mate found there by
# E. T. Parker's method (an exact cover by disjoint transversals). No field has 10 elements,
# and no such pair was known before Bose, Shrikhande and Parker (1959).
# tests/core/test_seating.py checks that both are Latin and orthogonal. Rows, columns and the
# two squares are 4 directions: 4 rounds of 10 tables of 10 with no repeat.
_KNUTH = (
    "0123456789", "1832547690", "2956308471", "3709861524", "4675290813",
    "5094783162", "6547132908", "7418029356", "8360915247", "9281674035",
)
_MATE = (
    "0285947361", "1749365028", "2564870193", "3690458217", "4817536902",
    "5178029436", "6902713845", "7351204689", "8023691754", "9436182570",
)


@lru_cache(maxsize=1)
def mols10_grid() -> Grid:
    """Rows, columns, Knuth's square and its mate: 4 directions on the 10×10 grid."""
    rows = tuple(i for i in range(10) for _ in range(10))
    columns = tuple(c for _ in range(10) for c in range(10))
    first = tuple(int(ch) for row in _KNUTH for ch in row)
    second = tuple(int(ch) for row in _MATE for ch in row)
    return Grid("two orthogonal Latin squares of order 10", 10,
                ("rows", "columns", "Knuth's square", "its orthogonal mate"),
                (rows, columns, first, second))


# Fifteen people in tables of three for seven rounds, every pair meeting exactly once: a
# Kirkman triple system, the solution to Kirkman's schoolgirl problem (1850) given in Wikipedia's
# article "Kirkman's schoolgirl problem", girls 01..15 renumbered 0..14. No grid gives it:
# 5 is prime, so lines over GF(5) give at most 6 rounds.
_KIRKMAN = (
    ((0, 5, 10), (1, 6, 11), (2, 7, 12), (3, 8, 13), (4, 9, 14)),
    ((0, 1, 4), (2, 3, 6), (7, 8, 11), (9, 10, 13), (12, 14, 5)),
    ((1, 2, 5), (3, 4, 7), (8, 9, 12), (10, 11, 14), (13, 0, 6)),
    ((4, 5, 8), (6, 7, 10), (11, 12, 0), (13, 14, 2), (1, 3, 9)),
    ((2, 4, 10), (3, 5, 11), (6, 8, 14), (7, 9, 0), (12, 13, 1)),
    ((4, 6, 12), (5, 7, 13), (8, 10, 1), (9, 11, 2), (14, 0, 3)),
    ((10, 12, 3), (11, 13, 4), (14, 1, 7), (0, 2, 8), (5, 6, 9)),
)


def kirkman_design() -> Design:
    """Kirkman's fifteen schoolgirls: 15 points, 7 rounds of 5 triples, no pair twice."""
    return Design("Kirkman triple system of order 15", 15, _KIRKMAN)
