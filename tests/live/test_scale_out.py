"""Several server processes serve one event: one PostgreSQL, one Redis (docs/deployment.md).

Real processes and real sockets: phones on process A and on process B see every change, whichever
process made it, in version order; concurrent changes from both lose nothing; timers agree.
Skipped (with the reason) when PostgreSQL or Redis is not running, unless CI is set.
"""

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
import socketio

from .helpers import TIMEOUT, create_room


class Phone:
    """A real Socket.IO client that records every version of each stream it follows (the
    room's, and table 1's: a phone's own table, every table for the host) in arrival order and
    keeps their state from its snapshots on."""

    def __init__(self, url: str, code: str) -> None:
        self.code = code
        self.versions: dict[str, list[int]] = {"room": [], "1": []}
        self.state: dict | None = None
        self.streams: dict[str, dict] = {}
        self.since: dict[str, int] = {}
        self.changed = threading.Condition()
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("room_update", lambda delta: self._update("room", delta))
        self.sio.on("table_update", lambda delta: self._update(str(delta["table"]), delta))
        self.sio.connect(url, transports=["websocket"], wait_timeout=TIMEOUT)

    def call(self, event: str, data: dict | None = None) -> dict:
        ack = self.sio.call(event, data or {}, timeout=TIMEOUT)
        assert ack["ok"], ack
        return ack

    def watch(self, **identity: str) -> "Phone":
        every = {} if "token" in identity else {"tables": "all"}
        self._snapshot(self.call("watch", {"code": self.code, **identity, **every}))
        return self

    def join(self, name: str) -> str:
        ack = self.call("join", {"code": self.code, "name": name})
        self._snapshot(ack)
        return ack["me"]

    def _snapshot(self, ack: dict) -> None:
        with self.changed:
            self.state = ack["snapshot"]
            self.streams = {"room": self.state, **ack["tables"]}
            self.since = {name: stream["version"] for name, stream in self.streams.items()}
            self.changed.notify_all()

    def _update(self, stream: str, delta: dict) -> None:
        with self.changed:
            self.versions.setdefault(stream, []).append(delta["version"])
            held = self.streams.get(stream)
            if held is not None and delta["version"] == held["version"] + 1:
                held["version"] = delta["version"]
                held["sections"].update(delta["sections"])
                for collection, items in delta["items"].items():
                    held["items"].setdefault(collection, {}).update(items)
            self.changed.notify_all()

    def wait_version(self, version: int, stream: str = "room") -> None:
        with self.changed:
            assert self.changed.wait_for(
                lambda: stream in self.streams and self.streams[stream]["version"] >= version,
                TIMEOUT), (f"{stream} stuck below version {version}; "
                           f"received {self.versions.get(stream)}")

    def received_since_snapshot(self, stream: str = "room") -> list[int]:
        return [v for v in self.versions.get(stream, []) if v > self.since[stream]]

    @property
    def turns(self) -> dict:
        return self.streams["1"]["sections"]["turns"]

    def close(self) -> None:
        self.sio.disconnect()


@pytest.fixture
def phones():
    made: list[Phone] = []

    def make(url: str, code: str) -> Phone:
        made.append(Phone(url, code))
        return made[-1]

    yield make
    for phone in made:
        phone.close()


def test_phones_on_either_process_see_every_turn_in_order(two_processes, phones):
    a, b = two_processes
    code, key = create_room(a.url, turn_seconds=60)
    host = phones(a.url, code).watch(host_key=key)
    host_on_b = phones(b.url, code).watch(host_key=key)
    people = [phones((a, b)[i % 2].url, code) for i in range(4)]  # seated A, B, A, B
    ids = [person.join(f"Phone {i}") for i, person in enumerate(people)]

    host.call("host", {"action": "start"})
    host.call("host", {"action": "next"})  # the speaker is now on B ...
    people[1].call("turn_done")  # ... and says so to B; every screen on A must see it
    host_on_b.call("host", {"action": "pause"})
    time.sleep(0.05)
    host_on_b.call("host", {"action": "resume"})
    final = host.call("host", {"action": "skip"})["tables"]["1"]

    screens = [host, host_on_b, *people]
    for screen in screens:
        screen.wait_version(final, "1")
        # Every delta of the table, whichever process made it, in version order, none missing.
        assert screen.received_since_snapshot("1") == list(range(screen.since["1"] + 1,
                                                                 final + 1))
    assert {screen.turns["current"] for screen in screens} == {ids[3]}
    # Timers agree: one deadline in the saved state, the same wherever a screen is connected,
    # also for a screen that connects now.
    late = phones(b.url, code).watch()
    deadlines = {screen.turns["deadline"] for screen in [*screens, late]}
    assert len(deadlines) == 1 and None not in deadlines


def test_concurrent_changes_on_both_processes_lose_nothing(two_processes, phones):
    a, b = two_processes
    code, key = create_room(a.url)
    watchers = [phones(a.url, code).watch(), phones(b.url, code).watch()]
    hosts = [phones(server.url, code).watch(host_key=key) for server in (a, b, a, b)]
    base = watchers[0].state["version"]
    texts = [[f"Prompt {n} from host {h}" for n in range(8)] for h in range(len(hosts))]
    versions: list[int] = []

    def add_prompts(h: int) -> None:
        for text in texts[h]:
            versions.append(hosts[h].call("host", {"action": "prompt_add",
                                                   "args": {"text": text}})["version"])

    threads = [threading.Thread(target=add_prompts, args=(h,)) for h in range(len(hosts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    final = base + sum(map(len, texts))
    assert sorted(versions) == list(range(base + 1, final + 1))  # one version per change

    for screen in watchers + hosts:
        screen.wait_version(final)
        assert screen.received_since_snapshot() == list(range(screen.since["room"] + 1,
                                                              final + 1))
    seen = [{p["text"] for p in s.state["sections"]["prompts"]["items"]} for s in watchers]
    assert seen[0] == seen[1] and {t for ts in texts for t in ts} <= seen[0]
    fresh = phones(b.url, code).watch()  # what is saved is what the screens were told
    assert fresh.state["sections"]["prompts"] == watchers[0].state["sections"]["prompts"]


def test_expired_rooms_are_swept_by_one_process_only(postgres_url):
    """Every process sweeps expired rooms; each room is deleted, and announced, once."""
    from facilitator.core.state.room import Room
    from facilitator.store import RoomStore

    stores = [RoomStore(postgres_url) for _ in range(2)]
    codes = []
    for i in range(30):
        room, _ = Room.create(name=f"Old {i}", deck_id="classic", turn_seconds=90, now=0)
        stores[0].insert(room, now=0)
        codes.append(room.code)
    swept: list[list[str]] = [[], []]
    start = threading.Barrier(2)

    def sweep(i: int) -> None:
        start.wait(timeout=10)
        swept[i] = stores[i].delete_expired(idle_since=1, now=1)

    threads = [threading.Thread(target=sweep, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for store in stores:
        store.engine.dispose()
    assert sorted(swept[0] + swept[1]) == sorted(codes)


def test_a_postgres_query_leaves_other_connections_running_under_eventlet(postgres_url):
    """While one greenlet waits for PostgreSQL, the others (every other phone) keep running."""
    script = textwrap.dedent("""
        import sys, time
        import eventlet
        eventlet.monkey_patch()
        from facilitator.serving import green_postgres
        green_postgres()  # as python -m facilitator and facilitator.wsgi do under eventlet
        import psycopg
        ticks, query = [], {}
        def tick():
            while "end" not in query:
                ticks.append(time.monotonic())
                eventlet.sleep(0.01)
        ticker = eventlet.spawn(tick)
        with psycopg.connect(sys.argv[1]) as conn:
            query["start"] = time.monotonic()
            conn.execute("SELECT pg_sleep(0.3)")
            query["end"] = time.monotonic()
        ticker.wait()
        print(sum(query["start"] < t < query["end"] for t in ticks))
    """)
    conninfo = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    run = subprocess.run([sys.executable, "-c", script, conninfo], capture_output=True, text=True,
                         timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0, run.stderr
    # A blocking wait would hold every greenlet until the query ended: no tick in between.
    assert int(run.stdout) > 0
