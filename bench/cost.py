"""`python -m bench cost`: what one message can cost the server (issue 16.1), for every Socket.IO
event, every host control and every HTTP route, against an ordinary change measured in the same
run.

One message used to stop every room of a process for ~27 s (a quadratic check that ran before a
size cap). The rule since: check sizes and counts first, then do linear work. This measures it
the way an attacker would look for the exception: each field of each payload model gets the
values that cost most to check (text at its size bound made of combining marks, emoji sequences
and direction marks; lists at their bound, and of 10,000 distinct items; objects of 5,000 keys;
deep nesting; huge numbers), as large as a message may be (MAX_MESSAGE_BYTES), plus the
ordinary payloads that make the core work hardest (seat everyone at tables of two, reshuffle
them, follow every table). Routes get the same in their bodies, paths and query strings.

The server's CPU time per message (this thread's, so other work on the machine counts little;
the test clients' own work taken out) is reported against the baseline: the host's "shuffle"
in the same room, an ordinary change that loads, changes, saves and broadcasts the room.
tests/app/test_cost.py runs it on a small room and asserts a generous bound on every ratio;
docs/benchmarks.md has the table for a full room.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

HEAVY_UNITS = ["e\u0301\u0302", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\u202e",
               "\ufdfa", "a\u200b", "\u0928\u094d\u200d"]
BASELINE = "host shuffle"
REPS = 3


def heavy_text(length: int) -> str:
    """`length` code points of the text that costs most to clean and count (grapheme clusters
    of combining marks and joiners, direction marks, a ligature that expands when normalised)."""
    units: list[str] = []
    size = 0
    while size < length:
        unit = HEAVY_UNITS[len(units) % len(HEAVY_UNITS)]
        units.append(unit)
        size += len(unit)
    return "".join(units)[:length]


def nested(depth: int) -> object:
    value: object = []
    for _ in range(depth):
        value = [value]
    return value


def max_length(model: type[BaseModel], field: str) -> int | None:
    """The field's bound on code points, items or keys, from its `Checked` metadata."""
    for meta in model.model_fields[field].metadata:
        bounds = getattr(meta, "bounds", None)
        if isinstance(bounds, dict) and "max_length" in bounds:
            return int(bounds["max_length"])
    return None


def hostile_values(bound: int | None) -> dict[str, object]:
    """The values tried in a field, by name: each as costly as its kind can be."""
    at = bound or 1000
    return {
        "text at its bound": heavy_text(at),
        "text of 90,000": heavy_text(90_000),
        "list at its bound": [heavy_text(40) + str(i) for i in range(bound or 50)],
        "10,000 distinct items": [f"i{i}" for i in range(10_000)],
        "5,000 keys": {f"k{i}": i for i in range(5_000)},
        "nested 200 deep": nested(200),  # deeper: finding 9, refused by the decoder
        "a 4,000-digit number": 10 ** 4000,
        "1e308": 1e308,
    }


def fits(payload: object, limit: int) -> bool:
    """Whether the message fits what the server reads (larger ones close the connection)."""
    try:
        return len(json.dumps(payload)) <= limit
    except ValueError:  # a number too long to write as JSON text: Python refuses it too
        return False


@dataclass(frozen=True)
class Case:
    """One message: `send(world)` sends it; `target` is what it attacks (an event, a host
    control, a route)."""

    target: str
    variant: str
    send: Callable[[World], object]


class World:
    """An app and one room filled to `people` with the largest profiles and a busy board, and
    the screens that attack it: the host, two participants (ann, bob), a viewer, a stranger."""

    def __init__(self, folder: Path, people: int) -> None:
        from facilitator import create_app
        from facilitator.extensions import socketio

        self.app = create_app({
            "TESTING": True, "SECRET_KEY": "cost", "PUBLIC_URL": "http://127.0.0.1:5000",
            "DATABASE_URL": f"sqlite:///{folder}/cost.db", "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False})
        self.limit = int(self.app.config["MAX_MESSAGE_BYTES"])
        self.http = self.app.test_client()
        made = self.http.post("/api/rooms", json={"name": "Cost", "deck": "classic"}).get_json()
        self.code, self.key = made["code"], made["host_key"]
        self.clients = {role: socketio.test_client(self.app, flask_test_client=self.http)
                        for role in ("host", "ann", "bob", "viewer", "stranger", "filler")}
        self.emit("host", "watch", {"code": self.code, "host_key": self.key, "tables": "all"})
        self.emit("viewer", "watch", {"code": self.code, "tables": "all"})
        ann = self.emit("ann", "join", self.profile("Ann"))
        bob = self.emit("bob", "join", self.profile("Bob"))
        self.tokens = {"ann": ann["token"], "bob": bob["token"]}
        self.pids = {"ann": ann["me"], "bob": bob["me"]}
        self.fillers = [self.emit("filler", "join", self.profile(f"P{i}"))["me"]
                        for i in range(max(people - 2, 0))]
        self.emit("host", "host", {"action": "start", "args": {}})
        self.ask = self.emit("ann", "post_ask", {"text": heavy_text(200)})["id"]
        self.offer = self.emit("bob", "post_offer", {
            "kind": "help", "ask": self.ask, "text": heavy_text(200)})["id"]
        self.intro = self.emit("bob", "introduce", {
            "to": self.pids["ann"], "with": self.fillers[0] if self.fillers else self.pids["bob"],
            "text": heavy_text(100)})["id"]
        self.prompt = ann["snapshot"]["sections"]["prompts"]["items"][0]["id"]
        self.server_seconds = 0.0
        self._time_the_server_alone(socketio.server)

    def _time_the_server_alone(self, server: Any) -> None:
        """Count in `server_seconds` this thread's CPU time in the server's handling of each
        message and request, not the test clients' work: encoding what they send, and reading
        what they are sent (which Flask-SocketIO's test client does inside the server's
        sending, so that is taken out again, all but the server's own encoding)."""
        handle, send_packet, send_eio_packet = (
            server._handle_eio_message, server._send_packet, server._send_eio_packet)
        clients = [0.0]

        def timed_handle(*args: Any) -> Any:
            start, before = time.thread_time(), clients[0]
            try:
                return handle(*args)
            finally:
                self.server_seconds += time.thread_time() - start - (clients[0] - before)

        def client_send_packet(sid: str, pkt: Any) -> None:
            pkt.encode()  # the server's own work, counted
            start = time.thread_time()
            send_packet(sid, pkt)  # encodes again, and the client reads it: not counted
            clients[0] += time.thread_time() - start

        def client_send_eio_packet(sid: str, pkt: Any) -> None:
            start = time.thread_time()
            send_eio_packet(sid, pkt)
            clients[0] += time.thread_time() - start

        server._handle_eio_message = timed_handle
        server._send_packet = client_send_packet
        server._send_eio_packet = client_send_eio_packet
        wsgi = self.app.wsgi_app

        def timed_wsgi(environ: dict, start_response: Any) -> Any:
            start = time.thread_time()
            try:
                return list(wsgi(environ, start_response))
            finally:
                self.server_seconds += time.thread_time() - start

        self.app.wsgi_app = timed_wsgi  # type: ignore[method-assign]

    def profile(self, name: str) -> dict[str, object]:
        return {"code": self.code, "name": name + heavy_text(60), "about": heavy_text(120),
                "interests": [heavy_text(30) + str(i) for i in range(8)],
                "company": heavy_text(60)}

    def emit(self, role: str, event: str, *args: object) -> dict[str, Any]:
        ack = self.clients[role].emit(event, *args, callback=True)
        if not isinstance(ack, dict):
            raise AssertionError(f"{event} from {role} got no acknowledgement: {ack!r}")
        return ack

    def close(self) -> None:
        for client in self.clients.values():
            if client.is_connected():
                client.disconnect()
        self.app.extensions["room_store"].engine.dispose()


# --- the cases --------------------------------------------------------------------------

def _event_models() -> dict[str, tuple[str, type[BaseModel] | None]]:
    """Each event: who sends it, and the model its payload is read as (None: it has none)."""
    from facilitator.payloads import events as m
    from facilitator.serving import MALFORMED_EVENT

    return {
        "watch": ("stranger", m.Watch), "join": ("stranger", m.Join),
        "follow_tables": ("viewer", m.FollowTables), "sync": ("viewer", None),
        "sit": ("ann", m.Sit), "profile": ("ann", m.Profile), "post_ask": ("ann", m.PostAsk),
        "post_offer": ("bob", m.PostOffer), "edit_post": ("ann", m.EditPost),
        "delete_post": ("ann", m.DeletePost), "take_offer": ("ann", m.TakeOffer),
        "moderate": ("host", m.Moderate), "introduce": ("bob", m.Introduce),
        "intro_respond": ("ann", m.IntroRespond), "pitch_tap": ("bob", None),
        "raise_hand": ("bob", None), "lower_hand": ("bob", None),
        "answer_hand": ("ann", m.AnswerHand), "turn_done": ("ann", None),
        "turn_pass": ("ann", None), "table_action": ("ann", m.TableAction),
        "time_up": ("viewer", m.TimeUp), MALFORMED_EVENT: ("stranger", None),
        "host": ("host", None), "leave": ("bob", None), "delete_room": ("host", m.DeleteRoom),
        "new_host_key": ("host", None),
    }


def _ordinary(world: World, event: str) -> dict[str, object]:
    """A payload the event accepts, to which one field at a time is made hostile."""
    ann, bob = world.pids["ann"], world.pids["bob"]
    return {
        "watch": {"code": world.code, "tables": "all"}, "join": world.profile("Eve"),
        "follow_tables": {"tables": "all"}, "sit": {"table": 1},
        "profile": {k: v for k, v in world.profile("Ann").items() if k in ("name", "about",
                                                                           "interests")},
        "post_ask": {"text": "A printer"},
        "post_offer": {"kind": "help", "ask": world.ask, "text": "Mine", "to": ann,
                       "who": "Sam", "link": "https://example.org"},
        "edit_post": {"id": world.ask, "text": "A bigger printer"},
        "delete_post": {"id": world.ask}, "take_offer": {"id": world.offer, "taken": True},
        "moderate": {"id": world.offer, "hidden": False},
        "introduce": {"to": ann, "with": bob, "text": "Meet"},
        "intro_respond": {"offer": world.intro, "accept": True},
        "answer_hand": {"pid": bob},
        "table_action": {"action": "pause"},
        "time_up": {"table": 1, "round": 1, "speaker": ann},
        "delete_room": {"code": world.code},
    }.get(event, {})


def _host_args(world: World) -> dict[str, tuple[type[BaseModel] | None, dict[str, object]]]:
    """Each host control: its arguments' model, and arguments it accepts."""
    from typing import get_args

    from facilitator.payloads.host import HostAction

    everyone = [world.pids["ann"], world.pids["bob"], *world.fillers]
    ordinary = {
        "reorder": {"order": everyone}, "remove": {"pid": world.fillers[-1]
                                                   if world.fillers else world.pids["bob"]},
        "turn_seconds": {"seconds": 120}, "prompt_add": {"text": heavy_text(200),
                                                          "hint": heavy_text(200)},
        "prompt_edit": {"id": world.prompt, "text": heavy_text(200), "hint": heavy_text(200)},
        "prompt_remove": {"id": "nope"}, "prompt_select": {"id": world.prompt},
        "prompt_move": {"id": world.prompt, "to": 2},
        "features": {"pitch": True, "pitch_share": 0.5}, "hands_clear": {},
        "end_event": {"email_links": False}, "tables": {"size": 2},
        "table_label": {"table": 1, "name": heavy_text(30), "colour": "teal"},
        "table_host": {"table": 1, "pid": world.pids["ann"]},
        "seating_rule": {"pid": world.pids["ann"], "company": heavy_text(60), "stay": True,
                         "with": world.pids["bob"]},
    }
    controls = {}
    for model in get_args(HostAction):
        action = get_args(model.model_fields["action"].annotation)[0]
        args_model = model.model_fields["args"].annotation
        if not (isinstance(args_model, type) and issubclass(args_model, BaseModel)):
            args_model = None  # the switches: a mapping of names to values, not a model
        controls[action] = (args_model, ordinary.get(action, {}))
    return controls


# Sent last, in this order: each would leave the others nothing to attack.
DESTRUCTIVE = ("host remove", "leave", "host end_event", "new_host_key", "delete_room")


def field_variants(model: type[BaseModel] | None, base: dict[str, object], limit: int,
                   wrap: Callable[[object], object]) -> Iterator[tuple[str, object]]:
    """(variant, payload) for each hostile value in each field of `model` (or in a field no
    model names), the rest of the payload ordinary; `wrap` puts the fields in the message."""
    fields = [f.alias or name for name, f in model.model_fields.items()] if model else []
    for field in [*fields, "unknown"]:
        name = next((n for n, f in model.model_fields.items() if (f.alias or n) == field),
                    None) if model else None
        bound = max_length(model, name) if model and name else None
        for label, value in hostile_values(bound).items():
            payload = wrap({**base, field: value})
            if fits(payload, limit):
                yield f"{field}: {label}", payload
    for label, value in hostile_values(None).items():
        if fits(value, limit):
            yield f"the whole message: {label}", value


def _bare(fields: object) -> object:
    return fields


def _as_control(action: str) -> Callable[[object], object]:
    """The `host` event's message for `action` with these arguments."""
    return lambda args: {"action": action, "args": args}


def event_cases(world: World) -> list[Case]:
    """Every event (and every host control), each field made hostile in turn, and the ordinary
    payload itself (for the events whose ordinary use is the costly one)."""
    cases: list[Case] = []
    for event, (role, model) in _event_models().items():
        if event == "host":
            continue
        base = _ordinary(world, event)
        if event != "delete_room":
            cases.append(_emit_case(event, "ordinary", role, event, base))
        for variant, payload in field_variants(model, base, world.limit, _bare):
            cases.append(_emit_case(event, variant, role, event, payload))
    for action, (args_model, base) in _host_args(world).items():
        target = f"host {action}"
        if target not in DESTRUCTIVE:
            cases.append(_emit_case(target, "ordinary", "host", "host",
                                    {"action": action, "args": base}))
        for variant, payload in field_variants(args_model, base, world.limit,
                                               _as_control(action)):
            cases.append(_emit_case(target, variant, "host", "host", payload))
    first = [c for c in cases if c.target not in DESTRUCTIVE]
    last = [c for t in DESTRUCTIVE for c in cases if c.target == t]
    return first + last


def _emit_case(target: str, variant: str, role: str, event: str, payload: object) -> Case:
    return Case(target, variant, lambda w: w.emit(role, event, payload))


def route_cases(world: World) -> list[Case]:
    """Every HTTP route, with the largest and costliest paths, query strings and bodies."""
    from facilitator.body_limit import SMALL_BODY_BYTES

    code, token, key = world.code, world.tokens["ann"], world.key
    as_ann = {"Authorization": f"Bearer {token}"}
    as_host = {"Authorization": f"Bearer {key}"}
    long_code = "Z" * 4000
    cases = []

    def get(target: str, variant: str, path: str, **kw: Any) -> None:
        cases.append(Case(target, variant, lambda w: w.http.get(path, **kw)))

    def send(target: str, variant: str, method: str, path: str, **kw: Any) -> None:
        cases.append(Case(target, variant, lambda w: w.http.open(path, method=method, **kw)))

    for page in ("/j/{}", "/host/{}", "/qr/{}.svg", "/j/{}/me", "/host/{}/summary"):
        get(f"GET {page}", "ordinary", page.format(code))
        get(f"GET {page}", "a 4,000-letter code", page.format(long_code))
    get("GET /", "ordinary", "/")
    get("GET /healthz", "ordinary", "/healthz")
    get("GET /join", "a 4,000-letter code", "/join?code=" + heavy_text(4000))
    for path in ("/j/{}/me.json", "/j/{}/contacts.vcf", "/j/{}/me/reminder.ics?days=30"):
        get(f"GET {path}", "ordinary", path.format(code), headers=as_ann)
        get(f"GET {path}", "a 4,000-character token", path.format(code),
            headers={"Authorization": "Bearer " + "x" * 4000})
    get("GET /j/{}/me/reminder.ics", "days: 4,000 digits",
        f"/j/{code}/me/reminder.ics?days={'9' * 4000}", headers=as_ann)
    for fmt in ("csv", "md", "json"):
        get(f"GET /host/{{}}/export.{fmt}", "ordinary", f"/host/{code}/export.{fmt}",
            headers=as_host)
    get("GET /host/{}/summary.json", "ordinary", f"/host/{code}/summary.json", headers=as_host)
    get("GET /mail/unsubscribe/{}", "a 4,000-character token", "/mail/unsubscribe/" + "x" * 4000)
    small = SMALL_BODY_BYTES - 100
    for path, model_fields in (("/j/{}/me/contact", ("email", "phone", "link")),
                               ("/j/{}/me/mark", ("offer", "mark")),
                               ("/j/{}/me/met", ("offer", "met"))):
        send(f"PUT {path}", "ordinary", "PUT", path.format(code), headers=as_ann,
             json={"email": "a@example.org", "offer": world.offer, "mark": "helped",
                   "met": True})
        for field in model_fields:
            send(f"PUT {path}", f"{field}: text of {small}", "PUT", path.format(code),
                 headers=as_ann, json={field: heavy_text(small // 12)})
        send(f"PUT {path}", "5,000 keys at the body limit", "PUT", path.format(code),
             headers=as_ann, json={f"k{i}": 1 for i in range(small // 12)})
    send("POST /mail/unsubscribe/{}", "a 4,000-character token", "POST",
         "/mail/unsubscribe/" + "x" * 4000)
    send("POST /host/{}/again", "name: text at the body limit", "POST", f"/host/{code}/again",
         headers=as_host, json={"name": heavy_text(small // 12)})
    deck = json.dumps({"prompts": [{"text": heavy_text(200), "hint": heavy_text(200)}] * 50},
                      ensure_ascii=False)
    send("POST /api/rooms", "the largest custom deck", "POST", "/api/rooms",
         json={"name": heavy_text(80), "deck": "custom", "prompts": deck})
    send("POST /api/rooms", "prompts: 40,000 distinct items", "POST", "/api/rooms",
         json={"name": "x", "deck": "custom", "prompts": [{"text": str(i)}
                                                           for i in range(40_000)]})
    send("POST /rooms", "the largest custom deck, as a form", "POST", "/rooms",
         data={"name": heavy_text(80), "deck": "custom", "prompts": deck})
    return cases


# --- measuring --------------------------------------------------------------------------

def cpu_ms(world: World, case: Case) -> float:
    """The server's CPU time to handle the message, in milliseconds."""
    start = world.server_seconds
    case.send(world)
    return (world.server_seconds - start) * 1000


@dataclass(frozen=True)
class Worst:
    target: str
    variant: str
    ms: float
    ratio: float


def measure(world: World, *, shortlist: int = 2) -> tuple[float, list[Worst]]:
    """The baseline (the host's shuffle, the least of REPS) and, for each target, its costliest
    case: every case once, then the `shortlist` costliest of each target again, REPS times
    (the least: a timing may catch a pause that is not the message's, a collection of garbage
    or a checkpoint, and pauses only add). The destructive targets come last, once each: after
    them there is no room left to measure."""
    shuffle = Case(BASELINE, "ordinary", lambda w: w.emit("host", "host", {
        "action": "shuffle", "args": {}}))
    baseline = min(cpu_ms(world, shuffle) for _ in range(REPS))
    cases = event_cases(world) + route_cases(world)
    lasting = [c for c in cases if c.target not in DESTRUCTIVE]
    worst = [_costliest(world, timed, shortlist, baseline)
             for timed in _timed_once(world, lasting).values()]
    worst += [max((Worst(t, c.variant, ms, ms / baseline) for ms, c in timed),
                  key=lambda w: w.ms)
              for t, timed in _timed_once(world, [c for c in cases if c.target in DESTRUCTIVE])
              .items()]
    return baseline, worst


def _timed_once(world: World, cases: list[Case]) -> dict[str, list[tuple[float, Case]]]:
    timed: dict[str, list[tuple[float, Case]]] = {}
    for case in cases:
        timed.setdefault(case.target, []).append((cpu_ms(world, case), case))
    return timed


def _costliest(world: World, timed: list[tuple[float, Case]], shortlist: int,
               baseline: float) -> Worst:
    again = [(min(cpu_ms(world, case) for _ in range(REPS)), case)
             for _, case in sorted(timed, key=lambda t: -t[0])[:shortlist]]
    ms, case = max(again, key=lambda t: t[0])
    return Worst(case.target, case.variant, ms, ms / baseline)


@contextmanager
def world(people: int) -> Iterator[World]:
    """A `World` of `people`, its database in RAM where there is one (what is measured is the
    server's CPU, not the disk's fsync), with the garbage collector tuned as a server's is."""
    from facilitator.serving import quieter_gc

    ram = Path("/dev/shm")  # noqa: S108  (only as the parent of mkdtemp's private folder)
    folder = Path(tempfile.mkdtemp(prefix="facilitator-cost-",
                                   dir=ram if os.access(ram, os.W_OK) else None))
    made = World(folder, people)
    quieter_gc()
    try:
        yield made
    finally:
        made.close()
        shutil.rmtree(folder, ignore_errors=True)


def table(baseline: float, worst: list[Worst]) -> str:
    lines = ["| what | its costliest message | CPU ms | × an ordinary change |",
             "|---|---|---:|---:|",
             f"| {BASELINE} (the baseline) | ordinary | {baseline:.2f} | 1.0 |"]
    for w in sorted(worst, key=lambda w: -w.ratio):
        lines.append(f"| {w.target} | {w.variant} | {w.ms:.2f} | {w.ratio:.1f} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench cost", description=__doc__)
    parser.add_argument("--people", type=int, default=500, help="people in the room")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with world(args.people) as made:
        baseline, worst = measure(made)
    print(table(baseline, worst))
    print(f"\n{len(worst)} targets, a room of {args.people}, in "
          f"{time.monotonic() - started:.0f} s", file=sys.stderr)
    return 0
