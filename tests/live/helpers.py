"""Steps live-server tests repeat: create a room through the real form, connect real clients."""

import re
import threading
from urllib.parse import urlsplit

import requests
import socketio
import websocket

TIMEOUT = 10


def create_room(base_url: str, name: str = "Live table", turn_seconds: int = 90,
                **form: str) -> tuple:
    """Fill in the home page's form like a browser (with its CSRF token), and any other of its
    fields in `form` (seating="count", tables="3"); returns (code, key)."""
    with requests.Session() as http:
        http.trust_env = False  # loopback only, never through a proxy
        home = http.get(base_url + "/", timeout=TIMEOUT)
        token = re.search(r'name="csrf_token" value="([^"]+)"', home.text).group(1)
        created = http.post(base_url + "/rooms", allow_redirects=False, timeout=TIMEOUT, data={
            "csrf_token": token, "name": name, "deck": "classic",
            "turn_seconds": str(turn_seconds), **form})
    assert created.status_code == 303, created.text
    location = urlsplit(created.headers["Location"])
    return location.path.rsplit("/", 1)[1], location.fragment.removeprefix("key=")


def engine_io_websocket(base_url: str, **options: object) -> websocket.WebSocket:
    """A raw Engine.IO WebSocket to the server (no Socket.IO client in between), never through
    a proxy; `options` go to websocket-client (an `origin`, say)."""
    return websocket.create_connection(
        base_url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket",
        timeout=TIMEOUT, http_proxy_host=None, **options)


class Screen:
    """A real Socket.IO client that keeps the event's state as a browser screen does: snapshot
    on (re)connect, then deltas in version order, for the room's stream and each table's it
    follows (a participant its own, the host and viewers every table).

    python-socketio's client handles each message on a thread of its own, so deltas may be
    handled out of order: they wait in `pending` (per stream) until the one before them is
    applied (a browser gets them in order). A delta that never comes leaves the screen behind
    for good, which is what tests look for."""

    def __init__(self, base_url: str, code: str, **identity: str) -> None:
        """`identity` is host_key=... or token=...; none watches as a viewer until join()."""
        self.code, self.identity = code, identity
        self.version = -1
        self.me: str | None = None
        self.state: dict = {}
        self.tables: dict[str, dict] = {}
        self.pending: dict[str, dict[int, dict]] = {}  # by stream: "room", or a table's number
        self.changed = threading.Condition()
        self.sio = socketio.Client(reconnection=True, reconnection_delay=0.2,
                                   reconnection_delay_max=1)
        self.sio.on("connect", self._watch)
        self.sio.on("room_update", lambda delta: self._apply("room", delta))
        self.sio.on("table_update", lambda delta: self._apply(str(delta["table"]), delta))
        self.sio.connect(base_url, transports=["websocket"], wait_timeout=TIMEOUT)
        self.wait_for(lambda s: s.version >= 0)

    def _watch(self) -> None:
        """As the host, a participant, or (before joining) a viewer."""
        self.sio.emit("watch", self._watching(), callback=self._welcome)

    def _watching(self) -> dict:
        every = {} if "token" in self.identity else {"tables": "all"}
        return {"code": self.code, **self.identity, **every}

    def rewatch(self) -> dict:
        """Watch again and return the snapshot, with the snapshots of its tables in `tables`."""
        ack = self.call("watch", self._watching())
        return {**ack["snapshot"], "tables": ack["tables"]}

    def join(self, name: str, **profile: object) -> dict:
        ack = self.sio.call("join", {"code": self.code, "name": name, **profile},
                            timeout=TIMEOUT)
        assert ack["ok"], ack
        self.identity = {"token": ack["token"]}
        self._welcome(ack)
        return ack

    def _welcome(self, ack: dict) -> None:
        if not ack.get("ok"):
            return
        with self.changed:
            snap = ack["snapshot"]
            if snap["version"] >= self.version:
                self.version, self.state, self.me = snap["version"], snap, ack.get("me")
                self.tables = dict(ack.get("tables", {}))
            self._catch_up()

    def _followed(self, ack: dict) -> None:
        if ack.get("ok"):
            with self.changed:
                self.tables = dict(ack["tables"])
                self._catch_up()

    def _apply(self, stream: str, delta: dict) -> None:
        with self.changed:
            self.pending.setdefault(stream, {})[delta["version"]] = delta
            self._catch_up()

    def _catch_up(self) -> None:
        """Apply each stream's pending deltas that follow the version held; drop those it is
        past; a participant moved to another table follows it."""
        if not self.state:
            return  # not welcomed yet: the deltas wait for the snapshot
        for stream, held in [("room", self.state), *self.tables.items()]:
            pending = {v: d for v, d in self.pending.get(stream, {}).items()
                       if v > held["version"]}
            while (delta := pending.pop(held["version"] + 1, None)) is not None:
                held["version"] = delta["version"]
                held["sections"].update(delta["sections"])
                for coll, items in delta["items"].items():
                    kept = held["items"].setdefault(coll, {})
                    for item_id, item in items.items():
                        if item is None:  # the item is gone
                            kept.pop(item_id, None)
                        else:
                            kept[item_id] = item
            self.pending[stream] = pending
        self.version = self.state["version"]
        mine = self.state["items"].get("seats", {}).get(self.me)
        if "token" in self.identity and mine and str(mine) not in self.tables:
            self.sio.emit("follow_tables", {}, callback=self._followed)  # moved
        self.changed.notify_all()

    def sync(self) -> int:
        """The room's version as the server has it now (the `sync` event)."""
        ack = self.call("sync")
        assert ack["ok"], ack
        return ack["version"]

    def call(self, event: str, data: dict | None = None) -> dict:
        return self.sio.call(event, data or {}, timeout=TIMEOUT)

    def wait_for(self, condition, timeout: float = TIMEOUT) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: condition(self), timeout), (
                f"state never matched; version {self.version}")

    @property
    def table(self) -> dict:
        """The table in view: a participant's own, else the first."""
        mine = self.state["items"].get("seats", {}).get(self.me)
        return self.tables[str(mine)] if mine else self.tables[min(self.tables, key=int)]

    @property
    def turns(self) -> dict:
        return self.table["sections"]["turns"]

    def close(self) -> None:
        self.sio.disconnect()
