"""Raised hands: questions for the speaker instead of interruptions, fairly queued.

Those who have asked least so far go first, then whoever raised their hand earlier, so a keen
questioner can't crowd out a quiet one. A hand is for the speaker who has the floor: the host
or the speaker marks each question answered, and the hands still up go down when the turn
ends (or the asker leaves), so a queue never waits on someone who is no longer speaking.
"""

from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError

MAX_HANDS = 200  # more than any table raises; keeps the saved room bounded
NOT_UP = N_("That person's hand isn't up.")


@dataclass
class Hand:
    pid: str
    speaker: str
    round: int
    at: float
    asked_before: int  # questions this person had asked when raising it: their place in line


@dataclass
class Hands:
    queue: list[Hand] = field(default_factory=list)
    asked: dict[str, int] = field(default_factory=dict)  # pid -> questions asked all event

    def raise_hand(self, pid: str, speaker: str, round_no: int, now: float) -> None:
        """`pid` has a question for `speaker`: queued behind those who asked less."""
        if pid == speaker:
            raise RoomError(N_("It's your turn: the questions are for you."))
        if any(h.pid == pid and h.speaker == speaker for h in self.queue):
            raise RoomError(N_("Your hand is already up."))
        if len(self.queue) >= MAX_HANDS:
            raise RoomError(N_("The queue of questions is full: wait for the host to clear it."))
        self.queue.append(Hand(pid, speaker, round_no, now, self.asked.get(pid, 0)))
        self.asked[pid] = self.asked.get(pid, 0) + 1
        # Stable sort: equal counts keep the order the hands went up.
        self.queue.sort(key=lambda h: (h.asked_before, h.at))

    def lower_hand(self, pid: str) -> None:
        """The asker changed their mind: the question doesn't count."""
        mine = [h for h in self.queue if h.pid == pid]
        if not mine:
            raise RoomError(N_("Your hand isn't up."))
        self.queue = [h for h in self.queue if h.pid != pid]
        self.asked[pid] -= len(mine)

    def clear(self, pid: object = None) -> None:
        """The host takes one person's question (`pid`) or clears the whole queue."""
        if pid is None:
            self.queue = []
            return
        if not any(h.pid == pid for h in self.queue):
            raise RoomError(NOT_UP)
        self.queue = [h for h in self.queue if h.pid != pid]

    def keep_for(self, speaker: str | None) -> bool:
        """Only hands for `speaker` (None: nobody has the floor) stay up; whether any went."""
        kept = [h for h in self.queue if h.speaker == speaker]
        if len(kept) == len(self.queue):
            return False
        self.queue = kept
        return True

    def total(self) -> int:
        """Questions asked during the event."""
        return sum(self.asked.values())

    def public(self) -> dict[str, Any]:
        """The queue in the order questions will be taken."""
        return {"queue": [{"pid": h.pid, "speaker": h.speaker, "round": h.round}
                          for h in self.queue]}

    def to_dict(self) -> dict[str, Any]:
        return {"queue": [dict(vars(h)) for h in self.queue], "asked": self.asked}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Hands":
        return cls([Hand(**h) for h in data.get("queue", [])], dict(data.get("asked", {})))
