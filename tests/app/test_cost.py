"""No single message costs the server more than a few ordinary changes, whatever its content
(issue 16.1): every event, host control and route, each field made as costly as it can be
(bench/cost.py), its CPU time against the host's "shuffle" measured in the same room and run.

The bound is a ratio, and generous: the quadratic check this guards against cost thousands of
times an ordinary change. docs/benchmarks.md has the figures for a full room."""

import pytest

from bench import cost
from facilitator.extensions import socketio
from facilitator.payloads.host import HOST_ACTIONS

# An event: a few ordinary changes at most. A join or "next" does more than a shuffle, and a
# message of 90 KB takes a few milliseconds to read; the quadratic check this guards against
# cost thousands of times a shuffle.
EVENT_BOUND = 10
# A route: creating an event reads and cleans a body of up to 512 KiB (the largest custom deck),
# at most RATELIMIT_CREATE_ROOM times a minute per address; every other route costs
# about an ordinary change. Ordinary changes got cheaper twice since the bound was 25 (docs/
# benchmarks.md, "One read per press" and "Straight to the driver", with the figures) while
# creating an event did not, so the same deck counts as more of them: the bound leaves it the
# headroom it had, far below the thousands the quadratic check cost.
ROUTE_BOUND = 60
# Deleting an event overwrites its pages and checkpoints SQLite's log (secure deletion, issue
# 16.13): once per event, so it is bounded as creating one is.
ONCE_PER_EVENT = {"delete_room": ROUTE_BOUND}


@pytest.fixture(scope="module")
def measured():
    with cost.world(people=20) as world:
        yield cost.measure(world)


def test_every_event_and_host_control_is_measured(measured):
    _, worst = measured
    registered = set(socketio.server.handlers["/"]) - {"connect", "disconnect"}
    assert registered - {"host"} <= {w.target for w in worst}
    assert {f"host {action}" for action in HOST_ACTIONS} <= {w.target for w in worst}


def test_no_event_costs_more_than_a_few_ordinary_changes(measured):
    baseline, worst = measured
    events = [w for w in worst if not w.target.split()[0].isupper()]
    assert len(events) > 40
    over = [w for w in events if w.ratio > ONCE_PER_EVENT.get(w.target, EVENT_BOUND)]
    assert not over, cost.table(baseline, over)


def test_no_route_costs_more_than_a_few_ordinary_changes(measured):
    baseline, worst = measured
    routes = [w for w in worst if w.target.split()[0].isupper()]  # "GET /j/{}", ...
    assert len(routes) > 20
    over = [w for w in routes if w.ratio > ROUTE_BOUND]
    assert not over, cost.table(baseline, over)
