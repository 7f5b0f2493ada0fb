"""One measurement: a fresh server, the load generator connecting every phone, the actions, and
the server's (and load generator's) CPU and memory sampled at known moments."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

from . import profile as py_spy
from .payloads import insert_rooms
from .scenarios import Scenario
from .servers import NODE_DIR, Proc, Server
from .stats import summary


class LoadGen:
    """`node bench/node/loadgen.js`, spoken to one JSON line at a time."""

    def __init__(self, config: dict, path: Path) -> None:
        path.write_text(json.dumps(config))
        self.proc = subprocess.Popen(["node", str(NODE_DIR / "loadgen.js"), str(path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout or ():
            self.lines.put(line)
        self.lines.put("")

    def expect(self, phase: str, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if not line:
                raise RuntimeError(f"load generator exited (code {self.proc.wait()})")
            message = json.loads(line)
            if message.get("phase") == "error":
                raise RuntimeError(f"load generator: {message['error']}")
            if message.get("phase") == phase:
                return message
        raise RuntimeError(f"load generator: no {phase!r} within {timeout:.0f} s")

    def send(self, line: str) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()

    def close(self) -> None:
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def run_one(name: str, scenario: Scenario, seeded: list, payloads: Path, workdir: Path,
            profile: bool = False,
            alongside: Callable[[str], Callable[[], None]] | None = None, run: int = 1) -> dict:
    """Measure `scenario` on the server `name`, for the `run`th time (each in a database of
    its own); returns one row of results.
    `alongside(url)`, if given, starts something once every phone is connected and returns
    how to stop it, which is called when the measuring is done (bench/attack.py's
    attackers)."""
    tag = f"{name}-{scenario.key}-{run}"
    database_url = f"sqlite:///{workdir}/{tag}.db"
    if name.startswith("app-"):
        insert_rooms(database_url, seeded)
    server = Server(name, workdir, payloads, database_url)
    proc = server.start()
    loadgen = None
    profiler = None
    stop_alongside: Callable[[], None] | None = None
    try:
        time.sleep(0.3)
        idle_rss = proc.rss_bytes()
        plan = scenario.plan()
        config = {
            "url": server.url, "rooms": [s.spec() for s in seeded],
            "plan": plan, "warmup": scenario.warmup(),
            "timeout_ms": 15000, "hard_limit_ms": 600000, "gap_ms": 20,
            "connect_concurrency": 50,
        }
        loadgen = LoadGen(config, workdir / f"loadgen-{tag}.json")
        connected = loadgen.expect("connected", timeout=300)
        sockets, connected_rss = proc.sockets(), proc.rss_bytes()
        stop_alongside = alongside(server.url) if alongside is not None else None
        loadgen.send("go")
        loadgen.expect("measuring", timeout=120)
        if profile:
            raw = workdir / f"profile-{tag}.txt"
            profiler = py_spy.start(proc.pid, raw)
        gen = Proc(loadgen.proc.pid)
        cpu0, gen0, t0 = proc.cpu_seconds(), gen.cpu_seconds(), time.monotonic()
        step_cpu = _cpu_per_step(loadgen, proc, plan, scenario.time_limit(), since=cpu0)
        done = loadgen.expect("done", timeout=scenario.time_limit())
        wall = time.monotonic() - t0
        cpu, gen_cpu = proc.cpu_seconds() - cpu0, gen.cpu_seconds() - gen0
        end_rss = proc.rss_bytes()
        if stop_alongside is not None:  # after the figures: stopping takes seconds
            stop_alongside()
    finally:
        if profiler is not None:
            profiler.send_signal(signal.SIGINT)  # py-spy writes what it sampled and exits
            profiler.wait(timeout=30)
            if raw.exists():
                raw.with_name(raw.stem + "-summary.txt").write_text(py_spy.summarise(raw))
        if loadgen is not None:
            loadgen.close()
        if stop_alongside is not None:
            stop_alongside()  # idempotent: a run that failed stops its attackers here
        server.stop()
    conns = connected["phones"] + connected["hosts"]
    row = {
        "server": name, "scenario": scenario.key, "run": run, "phones": connected["phones"],
        "failed": connected["failed"], "connections": conns, "server_sockets": sockets,
        "connect_seconds": round(connected["connect_seconds"], 2),
        # Memory a connection costs, measured between no phone and every phone connected; the
        # RSS after all the broadcasts shows what the traffic added on top.
        "kib_per_conn": round((connected_rss - idle_rss) / 1024 / max(conns, 1), 1),
        "rss_mb": round(end_rss / 2**20, 1),
        "server_cpu": round(100 * cpu / wall, 1), "loadgen_cpu": round(100 * gen_cpu / wall, 1),
        "load_average": round(os.getloadavg()[0], 2),
    }
    for result, spent in zip(done["results"], step_cpu, strict=True):
        measured = len(result["samples"]) + len(result["errors"])
        row[result["kind"]] = {**summary(result["samples"]), "errors": len(result["errors"]),
                               "cpu_ms": round(1000 * spent / max(measured, 1), 2),
                               "ack_p50": summary(result["acks"])["p50"],
                               "first_errors": result["errors"][:3],
                               "samples": [round(ms, 1) for ms in result["samples"]]}
    return row


def _cpu_per_step(loadgen: LoadGen, proc: Proc, plan: list[dict], limit: float, *,
                  since: float) -> list[float]:
    """The server's CPU seconds in each step of `plan`, from `since` (its CPU time as the
    measuring began), as the load generator ends each: the kinds of action differ too much for
    one figure per action (at an event, a post reaches 600 phones, a "next" one table's 10)."""
    spent, before = [], since
    for _ in plan:
        loadgen.expect("step", timeout=limit)
        now = proc.cpu_seconds()
        spent.append(now - before)
        before = now
    return spent
