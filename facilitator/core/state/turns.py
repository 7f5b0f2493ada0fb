"""The turn engine: round-robin speaking order, server deadlines and measured airtime.

A round gives every seated participant one turn, in seat order. `order` is the round's speaking
order: `order[:position]` have had their turn, `order[position]` is speaking, the rest are next.
Timers are deadlines (epoch seconds); clients count down to them, so the server never ticks.
Likewise airtime: screens get the seconds of finished turns and when the running stretch began,
and count the current turn up themselves.
"""

import random
from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError, say
from .text import clean_int

LOBBY, SPEAKING, PAUSED, ROUND_OVER = "lobby", "speaking", "paused", "round_over"
IN_ROUND = (SPEAKING, PAUSED)
MIN_TURN_SECONDS, MAX_TURN_SECONDS = 15, 900
TURN_LENGTH = N_("Turn length")
REORDER_REFUSED = N_("The new order must list exactly the people still to speak.")
ORDER_MAX_LEN = 5000  # more people than any room seats, so a longer order is refused unread


@dataclass(frozen=True)
class Mark:
    """The round at one moment, to tell what a change moved (see `Room.changing_turns`)."""

    public: dict[str, Any]  # the `turns` section
    order: tuple[str, ...]  # the speaking order screens show
    seats: tuple[str, ...]  # the next round's order: mid-round it can move alone
    logged: int  # finished turns


@dataclass
class Turns:
    turn_seconds: int = 90
    seats: list[str] = field(default_factory=list)  # everyone's base order for a new round
    order: list[str] = field(default_factory=list)
    position: int = 0
    status: str = LOBBY
    round: int = 0
    deadline: float | None = None  # while speaking
    remaining: float | None = None  # while paused: exactly what was left
    segment_start: float | None = None  # start of the current uninterrupted stretch
    spoken: float = 0.0  # speaking time of the current turn before that stretch
    passed: list[str] = field(default_factory=list)  # passed once this round
    # Who a round ended early left without a turn: screens say so, and they speak first next.
    unheard: list[str] = field(default_factory=list)
    log: list[dict[str, Any]] = field(default_factory=list)  # one record per finished turn

    @property
    def current(self) -> str | None:
        """Who is speaking (or paused mid-turn), if anyone."""
        return self.order[self.position] if self.status in IN_ROUND else None

    def speaking_order(self) -> list[str]:
        """The order screens show: the round's while one runs, else the seats for the next."""
        return self.order if self.status in IN_ROUND else self.seats

    def mark(self) -> Mark:
        return Mark(self.public(), tuple(self.speaking_order()), tuple(self.seats), len(self.log))

    def ended_since(self, mark: Mark) -> set[str]:
        """Whoever finished a turn since `mark` (the log only grows)."""
        return {rec["pid"] for rec in self.log[mark.logged:]}

    def upcoming(self) -> list[str]:
        """Who is still to speak this round, in order, after the current speaker."""
        return self.order[self.position + 1 :] if self.status in IN_ROUND else []

    # --- seating -------------------------------------------------------------------------

    def seat(self, pid: str) -> None:
        """A new participant: seated last, and a late joiner speaks at the end of this round;
        one back during it speaks there only if they haven't had their turn: once a round."""
        self.seats.append(pid)
        if self.status in IN_ROUND and pid not in self.order:
            self.order.append(pid)

    def unseat(self, pid: str, now: float) -> None:
        """Someone left or was removed: drop them without breaking the round."""
        if pid in self.seats:
            self.seats.remove(pid)
        if pid in self.unheard:
            self.unheard.remove(pid)
        if self.current == pid:
            self._advance(now, "left")
        elif pid in self.upcoming():
            self.order.remove(pid)

    def reorder(self, pids: object) -> None:
        """Host's new order: for the upcoming speakers during a round, else for the seats."""
        target = self.upcoming() if self.status in IN_ROUND else self.seats
        order = clean_order(pids)
        if sorted(order) != sorted(target):
            raise RoomError(REORDER_REFUSED)
        self._set_upcoming(order)

    def shuffle(self, rng: random.Random) -> None:
        """Shuffle who is still to speak (or the seats, between rounds)."""
        target = self.upcoming() if self.status in IN_ROUND else list(self.seats)
        rng.shuffle(target)
        self._set_upcoming(target)

    def _set_upcoming(self, pids: list[str]) -> None:
        if self.status in IN_ROUND:
            self.order[self.position + 1 :] = pids
            done = self.order[: self.position + 1]
            self.seats = [p for p in done if p in self.seats] + pids
        else:
            self.seats = pids
            self.unheard = []  # the host chose the next round's order

    # --- the round ------------------------------------------------------------------------

    def start_round(self, now: float, number: int | None = None) -> None:
        """Everyone seated gets one turn, starting now, in round `number` (the event's, when
        its tables start together; else the next)."""
        if self.status in IN_ROUND:
            raise RoomError(N_("A round is already running."))
        if not self.seats:
            raise RoomError(N_("Nobody has joined yet: share the code first."))
        # Whoever a round ended early left unheard speaks first (unless the host reordered since).
        self.order = self.unheard + [pid for pid in self.seats if pid not in self.unheard]
        self.position = 0
        self.passed = []
        self.unheard = []
        self.round = self.round + 1 if number is None else number
        self._begin(now)

    def end_round(self, now: float) -> None:
        """Stop the round early (e.g. the host moves to the next prompt). Whoever hadn't had
        their turn yet is `unheard`, and goes first in the next round (unless the host reorders
        the seats before it starts)."""
        if self.status in IN_ROUND:
            self._record(now, "ended")
            self.unheard = [pid for pid in self.upcoming() if pid in self.seats]
            self.position = len(self.order)
            self._stop(ROUND_OVER)

    def finish_turn(self, now: float, outcome: str) -> None:
        """The current turn ends ("done", "next", "skipped"); the next speaker starts."""
        self._require_turn()
        self._advance(now, outcome)

    def pass_turn(self, now: float) -> None:
        """The speaker passes: moved to the end of the round; a second pass sits the round out."""
        self._require_turn()
        pid = self.order[self.position]
        if pid in self.passed or self.position == len(self.order) - 1:
            self._advance(now, "passed")
            return
        self._record(now, "passed")
        self.passed.append(pid)
        del self.order[self.position]
        self.order.append(pid)
        self._begin(now)

    def pause(self, now: float) -> None:
        """Freeze the clock; the remaining time is kept exactly."""
        deadline, start = self.deadline, self.segment_start
        if self.status != SPEAKING or deadline is None or start is None:
            raise RoomError(N_("Nothing to pause: no turn is running."))
        self.remaining = max(0.0, deadline - now)
        self.spoken += now - start
        self.deadline = self.segment_start = None
        self.status = PAUSED

    def resume(self, now: float) -> None:
        """Carry on with exactly the time that was left."""
        remaining = self.remaining
        if self.status != PAUSED or remaining is None:
            raise RoomError(N_("Nothing to resume: the round is not paused."))
        self.deadline = now + remaining
        self.segment_start = now
        self.remaining = None
        self.status = SPEAKING

    def set_turn_seconds(self, seconds: object) -> None:
        """Length of turns from the next one on."""
        seconds = clean_turn_length(seconds)
        if not MIN_TURN_SECONDS <= seconds <= MAX_TURN_SECONDS:
            raise RoomError(say("A turn lasts from %(min)s to %(max)s seconds.",
                                min=MIN_TURN_SECONDS, max=MAX_TURN_SECONDS))
        self.turn_seconds = seconds

    # --- airtime --------------------------------------------------------------------------

    def airtime(self, now: float) -> dict[str, float]:
        """Total measured speaking time per participant, the current turn included."""
        totals = self._finished()
        if self.current:
            totals[self.current] = totals.get(self.current, 0.0) + self._elapsed(now)
        return {pid: round(s, 1) for pid, s in totals.items()}

    def finished_airtime(self) -> dict[str, float]:
        """Speaking time per participant in finished turns; screens add the running turn."""
        return {pid: round(s, 1) for pid, s in self._finished().items()}

    def _finished(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for rec in self.log:
            totals[rec["pid"]] = totals.get(rec["pid"], 0.0) + rec["seconds"]
        return totals

    def _elapsed(self, now: float) -> float:
        start = self.segment_start if self.status == SPEAKING else None
        running = 0.0 if start is None else now - start
        return self.spoken + max(0.0, running)

    def _record(self, now: float, outcome: str) -> None:
        self.log.append({
            "pid": self.order[self.position],
            "round": self.round,
            "seconds": round(self._elapsed(now), 1),
            "outcome": outcome,
        })

    # --- internals ------------------------------------------------------------------------

    def _require_turn(self) -> None:
        if self.status not in IN_ROUND:
            raise RoomError(N_("No turn is running."))

    def _begin(self, now: float) -> None:
        self.status = SPEAKING
        self.deadline = now + self.turn_seconds
        self.segment_start = now
        self.remaining = None
        self.spoken = 0.0

    def _advance(self, now: float, outcome: str) -> None:
        self._record(now, outcome)
        self.position += 1
        if self.position < len(self.order):
            self._begin(now)
        else:
            self._stop(ROUND_OVER)

    def _stop(self, status: str) -> None:
        self.status = status
        self.deadline = self.remaining = self.segment_start = None
        self.spoken = 0.0

    def public(self) -> dict[str, Any]:
        """What every screen needs to show the turn and count down (and the current speaker's
        airtime up): small, as it changes on every turn. The speaking order and the airtime of
        finished turns travel apart, and only when they change."""
        return {
            "status": self.status,
            "round": self.round,
            "position": self.position if self.status in IN_ROUND else None,
            "current": self.current,
            "next": next(iter(self.upcoming()), None),
            "deadline": self.deadline,
            "remaining": self.remaining,
            "turn_seconds": self.turn_seconds,
            # The current turn's airtime: `spoken` before the running stretch, which began at
            # `since` (while speaking; null when paused or between turns).
            "spoken": round(self.spoken, 1) if self.status in IN_ROUND else 0.0,
            "since": self.segment_start if self.status == SPEAKING else None,
            # Between rounds: who the last round, ended early, left without a turn.
            "unheard": list(self.unheard) if self.status == ROUND_OVER else [],
        }


def clean_order(pids: object) -> list[str]:
    """A speaking order as sent: a list of participant ids, counted before it is read."""
    if (not isinstance(pids, list) or len(pids) > ORDER_MAX_LEN
            or not all(isinstance(pid, str) for pid in pids)):
        raise RoomError(REORDER_REFUSED)
    return list(pids)


def clean_turn_length(value: object) -> int:
    """A turn length as sent: a whole number, bounded before the turn's own limits apply."""
    return clean_int(value, TURN_LENGTH, 0, 10_000)
