"""Finding 2: each `watch` rebuilt and encoded the whole snapshot (hundreds of KB in a big room);
one connection sending watches at the allowed rate slowed every room, a few took another room's
"next" from milliseconds to seconds. Now a version's snapshot is built once and shared
(tests/app/test_snapshots.py), watches are limited per connection and per address, and
connections per address are capped."""

import threading

import pytest
import socketio

from facilitator.security import TOO_FAST, TOO_MANY_WATCHES

from .helpers import TIMEOUT, Screen, create_room

PEOPLE = 40


def fill(url: str, code: str) -> None:
    """A big room: PEOPLE joined with full profiles, from one connection."""
    phone = socketio.Client(reconnection=False)
    phone.connect(url, transports=["websocket"], wait_timeout=TIMEOUT)
    for i in range(PEOPLE):
        ack = phone.call("join", {"code": code, "name": f"Person {i} " + "é" * 60,
                                  "about": "a" * 120, "interests": [f"i{i}{n}" * 5
                                                                    for n in range(8)]},
                         timeout=TIMEOUT)
        assert ack["ok"], ack
    phone.disconnect()


def burst(client: socketio.Client, event: str, payload: dict, count: int) -> list[dict]:
    """Send `count` events at once, without waiting between them; their acknowledgements."""
    acks: list[dict] = []
    done = threading.Event()

    def answered(ack: dict) -> None:
        acks.append(ack)
        if len(acks) == count:
            done.set()

    for _ in range(count):
        client.emit(event, payload, callback=answered)
    assert done.wait(TIMEOUT * 3), f"{len(acks)} of {count} answered"
    return acks


@pytest.fixture
def server(live_server):
    return live_server(extra_env={"RATELIMIT_JOIN": "10000 per minute",  # not this finding
                                  "RATELIMIT_SOCKET_EVENTS": "1000 per second",  # nor this
                                  "RATELIMIT_WATCH_PER_ADDRESS": "25 per minute",
                                  "MAX_CONNECTIONS_PER_ADDRESS": "6"})


def test_watches_at_full_rate_are_refused_and_other_rooms_go_on(server):
    code, _ = create_room(server.url)
    other, other_key = create_room(server.url, name="Another table")
    fill(server.url, code)
    host = Screen(server.url, other, host_key=other_key)
    attacker = socketio.Client(reconnection=False)
    attacker.connect(server.url, transports=["websocket"], wait_timeout=TIMEOUT)
    acks = burst(attacker, "watch", {"code": code}, 30)
    accepted = [a for a in acks if a["ok"]]
    assert 1 <= len(accepted) <= 10  # "10 per 10 seconds" per connection
    assert {a["error"] for a in acks if not a["ok"]} == {TOO_FAST}
    assert len(accepted[0]["snapshot"]["items"]["people"]) == PEOPLE
    # More connections from the same address share the address's watches (25 a minute here;
    # the default, 1,000, lets a venue's 500 phones behind one NAT all reconnect twice).
    more = [socketio.Client(reconnection=False) for _ in range(3)]
    for client in more:
        client.connect(server.url, transports=["websocket"], wait_timeout=TIMEOUT)
        acks += burst(client, "watch", {"code": code}, 10)
    assert sum(a["ok"] for a in acks) == 25 - 1  # the other room's host screen watched once
    assert TOO_MANY_WATCHES in {a.get("error") for a in acks}
    assert host.call("host", {"action": "shuffle", "args": {}})["ok"]
    for client in (attacker, *more):
        client.disconnect()
    host.close()


def test_connections_from_one_address_are_capped(server):
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)  # one of the address's six
    opened = []
    for _ in range(5):
        client = socketio.Client(reconnection=False)
        client.connect(server.url, transports=["websocket"], wait_timeout=TIMEOUT)
        opened.append(client)
    one_too_many = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        one_too_many.connect(server.url, transports=["websocket"], wait_timeout=TIMEOUT)
    opened.pop().disconnect()  # a place frees up
    assert host.call("host", {"action": "shuffle", "args": {}})["ok"]
    for client in opened:
        client.disconnect()
    host.close()
