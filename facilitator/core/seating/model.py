"""What the planner is asked and what it answers."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field


class SeatingError(ValueError):
    """A request no seating can satisfy; the message names the constraint and why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Constraints:
    """The organiser's rules, always kept (never traded for fewer repeats).

    `labels`: a label per person ("came together", a company); people sharing one never share
    a table. `apart`: explicit pairs never at one table. `together`: groups always at one table
    (an interpreter and the person they interpret for). `stay`: people who keep their table
    (their table in `current`, or the first one they are given) in every planned round.
    People who are not present are ignored, so the rules may name people who left.
    """

    labels: Mapping[str, str] = field(default_factory=dict)
    apart: Collection[tuple[str, str]] = ()
    together: Collection[Collection[str]] = ()
    stay: Collection[str] = ()


@dataclass(frozen=True)
class Plan:
    """The rounds to come: `rounds[k][table]` lists who sits at that table in round k.

    `construction` names the schedule the planner started from (a design, or the lines of a
    grid) before fitting it to the history and the rules.
    """

    rounds: tuple[tuple[tuple[str, ...], ...], ...]
    construction: str

    @property
    def next_round(self) -> tuple[tuple[str, ...], ...]:
        return self.rounds[0]
