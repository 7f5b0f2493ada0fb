"""Anonymous "sounds like a pitch" taps, and when they add up to a kind nudge for the speaker.

Who tapped is kept only to allow one tap per listener per turn; it never leaves this module.
Everything read from here is a count. A turn is a (round, speaker) pair, so a speaker who
passed and comes back later in the round carries on where the taps left off.
"""

import math
from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError

# Sent as written: the speaker's phone shows it in its own language (static/js/phone/generosity.js).
NUDGE_TEXT = N_("Lovely to hear from you. Try a story, or ask the table a question.")


@dataclass
class TurnTaps:
    round: int
    speaker: str
    tappers: list[str] = field(default_factory=list)
    listeners: int = 0  # when the last tap came
    nudged: bool = False

    def counts(self) -> dict[str, Any]:
        """The turn as the host sees it: numbers only, never who."""
        return {"round": self.round, "pid": self.speaker, "taps": len(self.tappers),
                "listeners": self.listeners, "nudged": self.nudged}


def threshold(listeners: int, share: float) -> int:
    """How many taps nudge the speaker: `share` of the listeners, rounded up, at least one."""
    # A hair below the share so 3 listeners at exactly a third need 1 tap, not 2.
    return max(1, math.ceil(listeners * share - 1e-9))


@dataclass
class Nudges:
    turns: list[TurnTaps] = field(default_factory=list)

    def tap(self, round_no: int, speaker: str, tapper: str, listeners: int,
            share: float) -> bool:
        """Count one listener's tap; True only when this tap is the one that nudges."""
        if tapper == speaker:
            raise RoomError(N_("That's your own turn: the button is for listeners."))
        turn = self._turn(round_no, speaker)
        if tapper in turn.tappers:
            raise RoomError(N_("You've already tapped for this turn. Thank you."))
        turn.tappers.append(tapper)
        turn.listeners = listeners
        if turn.nudged or len(turn.tappers) < threshold(listeners, share):
            return False
        turn.nudged = True
        return True

    def current(self, round_no: int, speaker: str | None) -> dict[str, Any] | None:
        """The running turn's counts for the host's discreet marker, if anyone tapped."""
        turn = self._find(round_no, speaker) if speaker else None
        return turn.counts() if turn else None

    def history(self) -> list[dict[str, Any]]:
        """Every turn that drew a tap, as counts, oldest first."""
        return [t.counts() for t in self.turns]

    def _find(self, round_no: int, speaker: str) -> TurnTaps | None:
        for turn in reversed(self.turns):
            if (turn.round, turn.speaker) == (round_no, speaker):
                return turn
        return None

    def _turn(self, round_no: int, speaker: str) -> TurnTaps:
        turn = self._find(round_no, speaker)
        if turn is None:
            turn = TurnTaps(round_no, speaker)
            self.turns.append(turn)
        return turn

    def to_dict(self) -> dict[str, Any]:
        return {"turns": [dict(vars(t)) for t in self.turns]}  # shares lists: saved at once

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Nudges":
        return cls([TurnTaps(**t) for t in data.get("turns", [])])
