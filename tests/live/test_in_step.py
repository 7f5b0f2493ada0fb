"""Every screen stays in step: bursts of joins and reconnects while other phones post, on every
backend (SQLite; PostgreSQL; two processes sharing PostgreSQL and Redis) and async mode.

A screen that joins or reconnects listens to the room before it reads its snapshot, so every
change saved after the snapshot reaches it as a delta. Each screen here applies deltas strictly
in version order (`Screen`) and never asks for a snapshot on a gap, so a change it missed would
leave it behind for good: the test waits for every screen to reach the server's version, then
compares what each holds with a fresh snapshot.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from .helpers import create_room
from .reconnecting import RECONNECT_TIMEOUT, Reconnecting, drop

JOINERS = 24  # joining at once, then reconnecting at once
POSTERS = 3  # changing the room all the while
POSTS_EACH = 6  # within the per-person post limit; profile edits after that
BACKENDS = ["sqlite", "postgres", "redis"]
MODES = ["eventlet", "gevent", "threading"]


@pytest.fixture(params=BACKENDS)
def servers(request, live_server):
    """The server processes of one backend in one async mode (each test's own database)."""
    env = {"ASYNC_MODE": request.node.callspec.params["async_mode"],
           # Everyone joins from 127.0.0.1, and posters change the room as fast as it goes.
           "RATELIMIT_JOIN": "10000 per minute", "RATELIMIT_SOCKET_EVENTS": "10000 per second"}
    if request.param in ("postgres", "redis"):
        env["DATABASE_URL"] = request.getfixturevalue("postgres_url")
    if request.param == "redis":
        env["REDIS_URL"] = request.getfixturevalue("redis_url")
        env["REDIS_PREFIX"] = request.getfixturevalue("redis_prefix")
        return [live_server(extra_env=env), live_server(extra_env=env)]
    return [live_server(extra_env=env)]


def keep_changing(poster: Reconnecting, number: int, stop: threading.Event) -> list[dict]:
    """Post asks, then edit one's profile, until told to stop."""
    acks, n = [], 0
    while not stop.is_set():
        if n < POSTS_EACH:
            acks.append(poster.call("post_ask", {"text": f"Ask {n} from poster {number}"}))
        else:
            acks.append(poster.call("profile", {"name": f"Poster {number}",
                                                "about": f"Edit {n}", "interests": []}))
        n += 1
    return acks


def without_clock(state: dict) -> dict:
    """What a screen holds of the room, minus the server's clock reading of its last message."""
    return {key: value for key, value in state.items() if key != "now"}


@pytest.mark.parametrize("async_mode", MODES)
def test_joins_and_reconnects_during_changes_miss_nothing(servers, screens, async_mode):
    urls = [server.url for server in servers]
    code, key = create_room(urls[0], turn_seconds=300)
    host = screens(urls[-1], code, host_key=key)
    posters = [screens(urls[i % len(urls)], code) for i in range(POSTERS)]
    for i, poster in enumerate(posters):
        poster.join(f"Poster {i}")
    assert host.call("host", {"action": "start"})["ok"]

    def seat(i: int) -> Reconnecting:
        phone = screens(urls[i % len(urls)], code)
        phone.join(f"Phone {i}")
        return phone

    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=POSTERS) as changing:
        changes = [changing.submit(keep_changing, poster, i, stop)
                   for i, poster in enumerate(posters)]
        with ThreadPoolExecutor(max_workers=JOINERS) as pool:
            phones = list(pool.map(seat, range(JOINERS)))  # a burst of joins ...
        connects = {id(phone): phone.connects for phone in phones}
        for phone in phones:  # ... then of reconnects, each watching again with its token
            drop(phone)
        for phone in phones:
            phone.wait_for(lambda s: s.connects > connects[id(s)] and s.sio.connected,
                           timeout=RECONNECT_TIMEOUT)
        stop.set()
    acks = [ack for change in changes for ack in change.result()]
    assert acks and all(ack["ok"] for ack in acks), [a for a in acks if not a["ok"]]

    final = host.sync()
    fresh = screens(urls[0], code)
    assert fresh.version == final
    for screen in [*posters, *phones, fresh]:
        screen.wait_for(lambda s: s.version == final, timeout=RECONNECT_TIMEOUT)
        assert without_clock(screen.state) == without_clock(fresh.state)
    host.wait_for(lambda s: s.version == final, timeout=RECONNECT_TIMEOUT)
