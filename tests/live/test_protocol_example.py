"""The worked example of docs/protocol.md ("A worked example"), replayed against a live server:
each message a client sends there is sent as written, and each message it receives there must
arrive as written, and nothing else; so the doc and the server can't drift apart.

The example's ```exchange blocks hold one message each: a header line, then its JSON.
- `<who> → <event>`: a Socket.IO event, answered by `<who> ← ack` (its acknowledgement);
- `<who> → POST <path>`: an HTTP request with a JSON body, answered by `<who> ← <status>`;
- `<who> ← <event>`: an event the server sends `<who>`.
In what arrives, "…" stands for any value, and a key "…" for any other keys; "<NAME>" is a value
first seen there, the same wherever it appears again (in what is sent too).
"""

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
import socketio

from .helpers import TIMEOUT

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
HEADER = re.compile(r"^(\w+) ([→←]) (.+)$", re.MULTILINE)
BLOCK = re.compile(r"^```exchange\n(.*?)^```", re.MULTILINE | re.DOTALL)
NAME = re.compile(r"<[A-Z_]+>")
ANY = "…"


@dataclass
class Message:
    who: str
    sent: bool  # → (else ←)
    what: str  # an event's name, "ack", "POST /path" or an HTTP status
    body: Any


def example() -> list[Message]:
    """Every message of the doc's exchange blocks, in order."""
    messages = []
    for block in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        headers = list(HEADER.finditer(block))
        assert headers and not block[:headers[0].start()].strip(), "a block starts with a header"
        for header, following in zip(headers, [*headers[1:], None], strict=True):
            body = block[header.end():following.start() if following else len(block)]
            who, arrow, what = header.groups()
            messages.append(Message(who, arrow == "→", what, json.loads(body)))
    return messages


class Client:
    """One screen: a Socket.IO connection that keeps every event the server sends it."""

    def __init__(self, url: str) -> None:
        self.received: list[tuple[str, Any]] = []
        self.arrived = threading.Condition()
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("*", self._got)
        self.sio.connect(url, transports=["websocket"], wait_timeout=TIMEOUT)

    def _got(self, event: str, data: Any) -> None:
        with self.arrived:
            self.received.append((event, data))
            self.arrived.notify_all()

    def next(self, event: str) -> Any:
        """The first `event` not yet taken (the events of one name arrive in order)."""
        with self.arrived:
            assert self.arrived.wait_for(
                lambda: any(name == event for name, _ in self.received), timeout=TIMEOUT), event
            at = next(i for i, (name, _) in enumerate(self.received) if name == event)
            return self.received.pop(at)[1]


class Replay:
    def __init__(self, url: str) -> None:
        self.url = url
        self.clients: dict[str, Client] = {}
        self.answers: dict[str, tuple[str, Any]] = {}  # by who: the answer to come
        self.names: dict[str, Any] = {}

    def send(self, message: Message) -> None:
        body = self.fill(message.body)
        if message.what.startswith(("POST ", "PUT ")):
            method, path = message.what.split(" ", 1)
            with requests.Session() as http:
                http.trust_env = False  # loopback only, never through a proxy
                answer = http.request(method, self.url + path, json=body, timeout=TIMEOUT)
            self.answers[message.who] = (str(answer.status_code), answer.json())
            return
        if message.who not in self.clients:
            self.clients[message.who] = Client(self.url)
        ack = self.clients[message.who].sio.call(message.what, body, timeout=TIMEOUT)
        self.answers[message.who] = ("ack", ack)

    def receive(self, message: Message) -> None:
        if message.who in self.answers and message.what in ("ack", *map(str, range(100, 600))):
            what, body = self.answers.pop(message.who)
            assert what == message.what, message
        else:
            body = self.clients[message.who].next(message.what)
        self.match(message.body, body, f"{message.who} ← {message.what}")

    def fill(self, sent: Any) -> Any:
        """`sent` with each name replaced by the value it stands for."""
        if isinstance(sent, dict):
            return {self.fill(key): self.fill(value) for key, value in sent.items()}
        if isinstance(sent, list):
            return [self.fill(item) for item in sent]
        if isinstance(sent, str) and NAME.fullmatch(sent):
            return self.names[sent]
        return sent

    def match(self, expected: Any, got: Any, where: str) -> None:
        """Assert `got` is as `expected` says, learning the names it holds."""
        if expected == ANY:
            return
        if isinstance(expected, str) and NAME.fullmatch(expected):
            assert self.names.setdefault(expected, got) == got, (where, expected, got)
            return
        if isinstance(expected, dict):
            assert isinstance(got, dict), (where, got)
            keys = {self.fill(key): key for key in expected if key != ANY}
            extra = set(got) - set(keys)
            assert set(keys) <= set(got) and (ANY in expected or not extra), (
                where, sorted(set(keys) ^ set(got)))
            for key, written in keys.items():
                self.match(expected[written], got[key], f"{where}.{written}")
            return
        if isinstance(expected, list):
            assert isinstance(got, list) and len(got) == len(expected), (where, got)
            for i, (item, value) in enumerate(zip(expected, got, strict=True)):
                self.match(item, value, f"{where}[{i}]")
            return
        assert got == expected, (where, expected, got)

    def nothing_more(self) -> None:
        """After a round trip on each connection, no event the doc doesn't show has arrived."""
        for who, client in self.clients.items():
            client.sio.call("sync", {}, timeout=TIMEOUT)
            assert client.received == [], (who, client.received)
            client.sio.disconnect()


@pytest.fixture
def server(live_server):
    return live_server()


def test_the_worked_example_happens_as_written(server):
    messages = example()
    assert messages, "docs/protocol.md has its worked example"
    replay = Replay(server.url)
    try:
        for message in messages:
            (replay.send if message.sent else replay.receive)(message)
        replay.nothing_more()
    finally:
        for client in replay.clients.values():
            client.sio.disconnect()
