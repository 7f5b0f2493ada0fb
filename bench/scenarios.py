"""The scenarios the issue asks for, in full and in a quick version."""

from dataclasses import dataclass, replace

# The board allows each person 10 posts a minute; phones take turns posting, so keep under that.
POSTS_PER_PHONE = 9


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    rooms: int
    phones: int  # per room
    actions: int  # measured "next" presses, then as many board posts
    burst: bool = False  # act in every room at once (else one room at a time, in turn)
    warmups: int = 3
    # One event whose `rooms` are its tables (the app); bare servers get as many rooms, the
    # same broadcasts to the same phones.
    event: bool = False

    def plan(self) -> list[dict]:
        posts = min(self.actions, POSTS_PER_PHONE * self.phones - self.warmups)
        return [{"kind": "next", "count": self.actions, "burst": self.burst},
                {"kind": "post", "count": max(posts, 1), "burst": self.burst}]

    def warmup(self) -> list[dict]:
        return [{"kind": "next", "count": self.warmups, "burst": self.burst},
                {"kind": "post", "count": 1, "burst": self.burst}]

    def next_presses(self) -> int:
        """How many times "next" is pressed in each room (to seed enough prompts)."""
        per_room = 1 if self.burst else 1 / self.rooms
        return int((self.actions + self.warmups) * per_room) + 1

    def time_limit(self) -> float:
        """Seconds the measured actions may take before the run is called failed."""
        return 120 + 2 * self.actions * (self.rooms if self.burst else 1)

    def sized(self, rooms: int | None, phones: int | None, actions: int | None) -> "Scenario":
        return replace(self, rooms=rooms or self.rooms, phones=phones or self.phones,
                       actions=actions or self.actions,
                       warmups=min(self.warmups, actions or self.warmups))


FULL = {
    "table": Scenario("table", "1. One table: host + 9 phones", 1, 9, 50),
    "rooms": Scenario("rooms", "2. 50 rooms × 20 phones, every host at once", 50, 20, 10,
                      burst=True),
    "hall": Scenario("hall", "3. One room of 500 phones", 1, 500, 50),
    "capacity": Scenario("capacity", "4. 2,000 phones on one process: 4 rooms × 500", 4, 500,
                         12),
    # Six presses after three warm-ups: each table's round of ten turns runs without ending.
    "event": Scenario("event", "5. One event of 60 tables × 10 phones, every table at once",
                      60, 10, 6, burst=True, event=True),
}
QUICK = {
    "table": replace(FULL["table"], actions=10, warmups=1),
    "rooms": replace(FULL["rooms"], rooms=10, actions=3, warmups=1),
    "hall": replace(FULL["hall"], phones=100, actions=10, warmups=1),
    "event": replace(FULL["event"], rooms=10, actions=3, warmups=1),
}  # no capacity run: 2,000 connections take a while to open
