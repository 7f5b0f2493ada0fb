"""`python -m bench attack`: an honest table's fan-out with and without attackers, in every
async mode (issue 16, "under attack"). docs/benchmarks.md has the table.

The honest table is the benchmark's "table" scenario (a host pressing "next", phones posting),
measured on a fresh server per run, alone and attacked in turn (A B A B …, `--rounds` pairs, so
drift in the machine's other load falls on both), attacked meaning while `Attackers` run
findings 1, 2, 4 and 7 at the highest rate the default limits allow one address:

1. one message costs a lot: connections sending profiles with as many interests as fit in
   MAX_MESSAGE_BYTES, each at RATELIMIT_SOCKET_EVENTS (25 a second);
2. watch amplification: connections watching the honest room, each at RATELIMIT_WATCH (30 a
   minute), together at RATELIMIT_WATCH_PER_ADDRESS (1,000 a minute);
4. slow connections: 200 half-sent requests, opened again as the server closes them;
7. scripted joins: bots joining a room of the attacker's own at RATELIMIT_JOIN (2 a second).

Every phone, honest or not, connects from 127.0.0.1, so the benchmark's server has the
per-address limits out of the way (bench/servers.py); the attackers keep to the defaults
themselves instead. Everything runs on loopback and stops by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import requests
import socketio

from facilitator.config import setting

from .payloads import baseline_payloads, seed_rooms
from .run import run_one
from .scenarios import QUICK, Scenario
from .servers import ensure_node_modules, raise_open_files_limit
from .stats import summary

MODES = ("eventlet", "gevent", "threading")
ATTACKERS_NICENESS = 19
PROFILES, WATCHERS, SLOW = 2, 34, 200  # 34 watchers at RATELIMIT_WATCH's 30 a minute: 1,000
# As many interests as fit in a message of MAX_MESSAGE_BYTES: the costliest profile allowed
INTERESTS = [f"interest number {n}" for n in range(int(str(setting("MAX_MESSAGE_BYTES"))) // 24)]


class Attackers:
    """Threads that attack `url` until `stop()`; `sent` counts what each finding sent."""

    def __init__(self, url: str, honest_code: str) -> None:
        self.url, self.honest_code = url, honest_code
        self.stopping = threading.Event()
        self.sent = {"profiles": 0, "watches": 0, "slow": 0, "joins": 0}
        self.threads: list[threading.Thread] = []
        self.clients: list[socketio.Client] = []
        self.cpu = 0.0  # % of one core this process (the attackers, mostly) used while attacking

    def start(self) -> None:
        self._cpu0, self._t0 = time.process_time(), time.monotonic()
        own = requests.post(f"{self.url}/api/rooms", json={"name": "Mallory's"},
                            timeout=10).json()["code"]
        for _ in range(PROFILES):
            self._spawn(self._profiles, own)
        for i in range(WATCHERS):
            self._spawn(self._watches, i)
        self._spawn(self._slow)
        self._spawn(self._joins, own)

    def stop(self) -> None:
        if self.stopping.is_set():
            return
        self.stopping.set()
        self.cpu = 100 * (time.process_time() - self._cpu0) / (time.monotonic() - self._t0)
        for thread in self.threads:
            thread.join(timeout=10)
        for client in self.clients:
            client.disconnect()

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        def run() -> None:
            # Attackers stand in for other machines: their own work (encoding 32 KB profiles,
            # reading every broadcast) takes the cores' idle time, not the server's or the
            # honest phones' share. Threads their clients start inherit it; `sent` shows
            # whether they still reached the rates.
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), ATTACKERS_NICENESS)
            target(*args)
        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        self.threads.append(thread)

    def _client(self) -> socketio.Client:
        client = socketio.Client(reconnection=False)
        client.connect(self.url, transports=["websocket"], wait_timeout=10)
        self.clients.append(client)
        return client

    def _paced(self, per_second: float, send: Callable[[], None]) -> None:
        while not self.stopping.is_set():
            send()
            self.stopping.wait(1 / per_second)

    def _profiles(self, code: str) -> None:
        client = self._client()
        client.call("join", {"code": code, "name": "Mallory"}, timeout=10)

        def send() -> None:
            client.emit("profile", {"name": "Mallory", "interests": INTERESTS}, callback=_drop)
            self.sent["profiles"] += 1
        self._paced(25, send)

    def _watches(self, offset: int) -> None:
        client = self._client()
        self.stopping.wait(offset / WATCHERS)  # spread over the second

        def send() -> None:
            client.emit("watch", {"code": self.honest_code, "tables": "all"}, callback=_drop)
            self.sent["watches"] += 1
        self._paced(0.5, send)

    def _slow(self) -> None:
        host, port = self.url.removeprefix("http://").split(":")
        held: list[socket.socket] = []
        while not self.stopping.is_set():
            while len(held) < SLOW:
                sock = socket.create_connection((host, int(port)), timeout=5)
                sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                held.append(sock)
                self.sent["slow"] += 1
            self.stopping.wait(1)
            for sock in list(held):  # drop those the server closed; they are opened again
                sock.setblocking(False)
                try:
                    if sock.recv(1) == b"":
                        held.remove(sock)
                        sock.close()
                except BlockingIOError:
                    pass
                finally:
                    if sock in held:
                        sock.setblocking(True)
        for sock in held:
            sock.close()

    def _joins(self, code: str) -> None:
        client = self._client()

        def send() -> None:
            client.emit("join", {"code": code, "name": f"Bot {self.sent['joins']}"},
                        callback=_drop)
            self.sent["joins"] += 1
        self._paced(2, send)


def _drop(*ack: object) -> None:
    """Ask for the acknowledgement, as a client does (the server sends it), and ignore it."""


def measure(mode: str, scenario: Scenario, workdir: Path, attacked: bool,
            profile: bool = False) -> dict:
    seeded = seed_rooms(scenario.rooms, scenario.phones, scenario.next_presses())
    payloads = workdir / f"payloads-{mode}-{attacked}.json"
    payloads.write_text(json.dumps(baseline_payloads(seeded, scenario.actions)))
    attackers: list[Attackers] = []

    def attack(url: str) -> Callable[[], None]:
        attackers.append(Attackers(url, seeded[0].room.code))
        attackers[0].start()
        return attackers[0].stop

    row = run_one(f"app-{mode}", scenario, seeded, payloads, workdir, profile=profile,
                  alongside=attack if attacked else None)
    if attackers:
        row["attack"] = dict(attackers[0].sent)
        row["attack_cpu"] = attackers[0].cpu
    return row


def interleaved(mode: str, scenario: Scenario, workdir: Path, rounds: int,
                profile: bool) -> dict:
    """`rounds` runs alone and as many attacked, in turn (A B A B …), so drift in the rest of
    the machine's load falls on both; each kind's samples pooled per condition."""
    pooled: dict[bool, dict[str, list[float]]] = {False: {}, True: {}}
    cpu: dict[str, list[float]] = {"alone": [], "attacked": [], "attackers": []}
    sent: dict[str, int] = {}
    for _ in range(rounds):
        for attacked in (False, True):
            row = measure(mode, scenario, workdir, attacked, profile=profile and attacked)
            for kind in ("next", "post"):
                pooled[attacked].setdefault(kind, []).extend(row[kind]["samples"])
            for key, count in row.get("attack", {}).items():
                sent[key] = sent.get(key, 0) + count
            cpu["attacked" if attacked else "alone"].append(row["server_cpu"])
            if attacked:
                cpu["attackers"].append(row["attack_cpu"])
    return {"alone": {k: summary(v) for k, v in pooled[False].items()},
            "attacked": {k: summary(v) for k, v in pooled[True].items()},
            "sent": sent, "load_average": round(os.getloadavg()[0], 1),
            "cpu": {k: round(sum(v) / len(v)) for k, v in cpu.items()}}


def table_rows(mode: str, result: dict) -> list[str]:
    sent = ", ".join(f"{n} {k}" for k, n in result["sent"].items())
    cpu = "{alone} / {attacked} / {attackers}".format(**result["cpu"])
    rows = []
    for kind in ("next", "post"):
        a, b = result["alone"][kind], result["attacked"][kind]
        rows.append(f"| {mode} | {kind} | {a['n']} | {a['p50']} | {a['p99']} | {b['p50']} | "
                    f"{b['p99']} | {b['p99'] / a['p99']:.2f} | {result['load_average']} "
                    f"| {cpu} | {sent} |")
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench attack", description=__doc__)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--phones", type=int, default=9)
    parser.add_argument("--actions", type=int, default=100, help="presses of each kind per run")
    parser.add_argument("--rounds", type=int, default=2, help="alone/attacked pairs per mode")
    parser.add_argument("--profile", action="store_true",
                        help="py-spy the server while attacked; profiles kept in a folder")
    args = parser.parse_args(argv)
    ensure_node_modules()
    raise_open_files_limit()
    scenario = QUICK["table"].sized(1, args.phones, args.actions)
    workdir = Path(tempfile.mkdtemp(prefix="facilitator-attack-"))
    lines = ["| async mode | action | samples each | p50 alone | p99 alone | p50 attacked "
             "| p99 attacked | p99 ratio | load average | CPU % server alone / attacked / "
             "attackers | attack sent |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    try:
        for mode in args.modes.split(","):
            rows = table_rows(mode, interleaved(mode, scenario, workdir, args.rounds,
                                                args.profile))
            print("\n".join(rows), flush=True)
            lines += rows
    finally:
        if args.profile:
            print(f"profiles in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
