"""Finding 1: one ~96 KB `profile` (or `join`) with thousands of distinct interests froze every
room on the process for ~27 s: the duplicate check was quadratic and ran before the cap of 8.
Now sizes and counts are checked first, so the message costs what reading it costs; and under
eventlet, reading a WebSocket message no longer costs a Python step per byte
(`serving.faster_eventlet_unmasking`).

The server's own CPU time (from /proc) is compared with the same number of ordinary profile
changes sent the same way in the same test: a ratio, not a duration. Every field of every event
and route is measured the same way, in process, in tests/app/test_cost.py."""

import time

import pytest

from facilitator.config import DEFAULTS
from facilitator.core.state.participants import INTERESTS as INTERESTS_LABEL
from facilitator.core.state.participants import MAX_INTERESTS
from facilitator.core.state.text import too_many

from .helpers import Screen, cpu_seconds, create_room

MESSAGES = 40
PACE = 0.05  # seconds between messages: under RATELIMIT_SOCKET_EVENTS, so none is refused
# As many as fit in a message of MAX_MESSAGE_BYTES (~24 bytes each), all distinct
INTERESTS = [f"interest number {n}" for n in range(int(str(DEFAULTS["MAX_MESSAGE_BYTES"])) // 24)]


def server_cpu_for(server, send) -> float:
    before = cpu_seconds(server.proc.pid)
    for _ in range(MESSAGES):
        send()
        time.sleep(PACE)
    return cpu_seconds(server.proc.pid) - before


@pytest.mark.parametrize("mode", ["eventlet", "gevent", "threading"])
def test_a_profile_with_thousands_of_interests_is_refused_at_the_cost_of_reading_it(
        live_server, mode):
    attacked_server = live_server(extra_env={"ASYNC_MODE": mode})
    code, key = create_room(attacked_server.url)
    other_code, other_key = create_room(attacked_server.url, name="Another table")
    mallory = Screen(attacked_server.url, code)
    mallory.join("Mallory")
    ordinary = {"name": "Mallory", "about": "Printing", "interests": ["chess", "running"]}
    attack = {"name": "Mallory", "interests": INTERESTS}
    refusals = []

    def ordinary_change():
        assert mallory.call("profile", ordinary)["ok"]

    def attack_change():
        refusals.append(mallory.call("profile", attack).get("error"))

    baseline = server_cpu_for(attacked_server, ordinary_change)
    attacked = server_cpu_for(attacked_server, attack_change)
    assert set(refusals) == {str(too_many(INTERESTS_LABEL, MAX_INTERESTS))}
    assert attacked <= 4 * baseline, (attacked, baseline)
    # Every other room carries on.
    host = Screen(attacked_server.url, other_code, host_key=other_key)
    assert host.call("host", {"action": "shuffle", "args": {}})["ok"]
    host.close()
    mallory.close()
