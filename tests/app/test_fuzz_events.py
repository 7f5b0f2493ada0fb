"""Hostile input on every Socket.IO event: wrong types, missing and extra fields, huge strings,
odd Unicode, nesting, several arguments, events out of order, from every kind of sender.

Whatever arrives, no exception escapes a handler (the catch-all's generic message never shows),
the sender gets a clear error, and a refused event leaves the stored room exactly as it was.
Events are discovered from the Socket.IO registry, so new ones are fuzzed without a change here.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import facilitator.events  # noqa: F401  (registers every handler)
from facilitator import create_app
from facilitator.core.state.persisted import room_to_dict
from facilitator.extensions import socketio
from facilitator.payloads.host import HOST_ACTIONS
from facilitator.store import get_store

from .helpers import create_room

GENERIC = "Something went wrong on our side. Please try again."
# Per event. A fixed, modest set by default, for every run; FUZZ_EXAMPLES=500 hunts at random.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
# Registered before any server exists (create_app imports the handlers first), so complete.
EVENTS = sorted({event for event, _, _ in socketio.handlers} - {"connect", "disconnect"})
ROLES = ("host", "ann", "bob", "viewer", "stranger")
FIELDS = ["code", "name", "about", "interests", "token", "host_key", "action", "args", "text",
          "hint", "id", "kind", "ask", "to", "who", "link", "hidden", "taken", "for", "order",
          "pid", "seconds", "email", "phone", "share", "role", "host", "version"]
REFS = ["$code", "$pid", "$other", "$token", "$key", "$post", "$prompt"]
ODD = ["", " ", "\u202e\u2066evil", "\x00\x07", "\ud800", "e\u0301" * 30, "👩‍👩‍👧" * 20,
       "<script>alert(1)</script>", "javascript:alert(1)", "１２３", "-5", "1e309", "NaN",
       "ZZZZZZ", "null", "\n\t\r"]
# Made on demand, so a strategy's repr (in Hypothesis' reports) stays short.
huge = st.sampled_from([("x", 100_000), ("é", 30_000), ("<b>", 5_000)]).map(lambda p: p[0] * p[1])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-2, 1000),
    st.floats(), st.text(max_size=30), st.sampled_from(ODD), huge, st.sampled_from(REFS),
    st.sampled_from(list(HOST_ACTIONS)),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5),
    st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), inner, max_size=5),
), max_leaves=12)
deep = st.integers(2, 60).map(lambda depth: nested(depth))
payloads = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), st.one_of(values, deep), max_size=3),
    st.fixed_dictionaries({}, optional={field: values for field in FIELDS}),
    st.fixed_dictionaries({"action": st.sampled_from(list(HOST_ACTIONS)),
                           "args": st.dictionaries(st.sampled_from(FIELDS), values, max_size=4)}),
    values,
)
arguments = st.one_of(st.tuples(payloads), st.tuples(), st.tuples(payloads, payloads))


def nested(depth: int) -> object:
    value: object = "$code"
    for _ in range(depth):
        value = {"code": "$code", "args": [value]}
    return value


def resolve(value, refs: dict):
    """Put the example's real code, ids and secrets where the strategy left a placeholder."""
    if isinstance(value, str):
        return refs.get(value, value)
    if isinstance(value, list):
        return [resolve(v, refs) for v in value]
    if isinstance(value, dict):
        return {k: resolve(v, refs) for k, v in value.items()}
    return value


class Table:
    """A fresh room per example: host, two phones (a round running, an ask posted), a viewer
    and a stranger who never said who they are."""

    def __init__(self, app) -> None:
        self.app = app
        http = app.test_client()
        self.code, key = create_room(http)
        self.clients = {role: socketio.test_client(app, flask_test_client=http)
                        for role in ROLES}
        c = self.clients
        assert c["host"].emit("watch", {"code": self.code, "host_key": key}, callback=True)["ok"]
        ann = c["ann"].emit("join", {"code": self.code, "name": "Ann"}, callback=True)
        bob = c["bob"].emit("join", {"code": self.code, "name": "Bob"}, callback=True)
        assert c["viewer"].emit("watch", {"code": self.code}, callback=True)["ok"]
        assert c["host"].emit("host", {"action": "start"}, callback=True)["ok"]
        post = c["ann"].emit("post_ask", {"text": "A printer"}, callback=True)
        self.refs = {"$code": self.code, "$pid": ann["me"], "$other": bob["me"],
                     "$token": ann["token"], "$key": key, "$post": post.get("id", "?"),
                     "$prompt": ann["snapshot"]["sections"]["prompts"]["items"][0]["id"]}

    def saved(self) -> dict | None:
        with self.app.app_context():
            room = get_store().load(self.code)
        return room_to_dict(room) if room else None

    def close(self) -> None:
        for client in self.clients.values():
            if client.is_connected():
                client.disconnect()


def check(table: Table, role: str, event: str, args: tuple) -> bool:
    """Send one event; True if it was accepted, else assert it was refused cleanly."""
    before = table.saved()
    args = resolve(args, table.refs)
    ack = table.clients[role].emit(event, *args, callback=True)
    assert isinstance(ack, dict) and isinstance(ack.get("ok"), bool), (role, event, ack)
    if ack["ok"]:
        return True
    assert isinstance(ack.get("error"), str) and ack["error"].strip(), ack
    assert ack["error"] != GENERIC, f"a handler raised on {event} from {role}: {args!r:.300}"
    assert table.saved() == before, f"refused {event} from {role} changed the room"
    return False


@pytest.fixture
def app(tmp_path):
    """Like the shared `app`, with its database in RAM where there is one: hundreds of rooms
    are made, and a disk's fsync per change would be most of the run time."""
    ram = Path("/dev/shm")  # noqa: S108  (only as the parent of mkdtemp's private folder)
    folder = Path(tempfile.mkdtemp(dir=ram)) if os.access(ram, os.W_OK) else tmp_path
    app = create_app({
        "TESTING": True, "SECRET_KEY": "t", "PUBLIC_URL": "http://127.0.0.1:5000",
        "DATABASE_URL": f"sqlite:///{folder}/fuzz.db", "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False})
    yield app
    app.extensions["room_store"].engine.dispose()
    if folder != tmp_path:
        shutil.rmtree(folder)


def test_every_registered_event_is_fuzzed(app):
    registered = set(socketio.server.handlers["/"]) - {"connect", "disconnect"}
    assert set(EVENTS) == registered
    assert {"watch", "join", "host", "post_ask", "post_offer", "delete_room"} <= registered


@pytest.mark.parametrize("event", EVENTS)
@settings(max_examples=EXAMPLES, deadline=None, derandomize="FUZZ_EXAMPLES" not in os.environ,
          # One app per test on purpose: each example builds its own room and connections.
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(first=st.tuples(st.sampled_from(ROLES), arguments),
       others=st.lists(st.tuples(st.sampled_from(ROLES), st.sampled_from(EVENTS), arguments),
                       max_size=3))
def test_hostile_payloads_are_refused_cleanly_and_change_nothing(app, event, first, others):
    table = Table(app)
    try:
        check(table, first[0], event, first[1])
        # Then other events, in any order, from anyone: out-of-order traffic after this one.
        for role, other_event, args in others:
            check(table, role, other_event, args)
    finally:
        table.close()


# Values a handler might put in a set, use as a dict key or compare without checking the type.
CONFUSING = [[], {}, 1.5]
HOST_ONLY = "Only the host can do that."


@pytest.mark.parametrize("event", EVENTS)
def test_each_field_of_the_wrong_type_is_refused_cleanly(app, event):
    """A sweep the random search may miss: each field alone, with each confusing type, from
    whoever may use the event (for host controls: inside `args`, for every action)."""
    table = Table(app)
    sender = "stranger" if event in ("watch", "join") else "ann"
    if table.clients["ann"].emit(event, {}, callback=True).get("error") == HOST_ONLY:
        sender = "host"
    shapes = [lambda f, v: {f: v}]
    if event == "host":
        shapes = [lambda f, v, a=a: {"action": a, "args": {f: v}} for a in HOST_ACTIONS]
    if event in ("watch", "join"):
        shapes = [lambda f, v: {"code": "$code", f: v}, lambda f, v: {f: v}]
    try:
        for shape in shapes:
            for field in FIELDS:
                for value in CONFUSING:
                    # Accepted ones (a field it ignores) change the room; the sweep goes on.
                    check(table, sender, event, (shape(field, value),))
    finally:
        table.close()
