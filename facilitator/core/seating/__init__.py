"""The seating planner: who sits at which table in each round, so people meet new people.

Pure and deterministic: no I/O, no clock, no global random; the same request and seed give the
same plan. `plan_seating` is the entry point; docs/seating.md explains how it plans and what
it achieves.
"""

from .bounds import (
    MatesCeiling,
    Quality,
    kept_together,
    mates_ceiling,
    meetings,
    pair,
    quality,
    repeat_floor,
    table_sizes,
)
from .model import Constraints, Plan, SeatingError
from .planner import plan_seating, tables_for

__all__ = [
    "Constraints",
    "MatesCeiling",
    "Plan",
    "Quality",
    "SeatingError",
    "kept_together",
    "mates_ceiling",
    "meetings",
    "pair",
    "plan_seating",
    "quality",
    "repeat_floor",
    "table_sizes",
    "tables_for",
]
