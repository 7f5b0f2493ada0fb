"""The servers the benchmark compares, started as real processes on 127.0.0.1, and how much CPU,
memory and how many sockets a process holds (read from /proc, so nothing is added to it)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "bench" / "node"
# Never route benchmark traffic through a proxy that may be set in the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
APP_MODES = ("eventlet", "gevent", "threading")
SERVERS = (*(f"app-{m}" for m in APP_MODES), *(f"sio-{m}" for m in APP_MODES), "node")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ensure_node_modules() -> None:
    """`npm ci` in bench/node when its lock file changed (exact pins, no network otherwise)."""
    lock = NODE_DIR / "package-lock.json"
    stamp = NODE_DIR / "node_modules" / ".bench.stamp"
    wanted = str(lock.stat().st_mtime_ns) + (NODE_DIR / "package.json").read_text()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NODE_DIR,
                   check=True, stdin=subprocess.DEVNULL)
    stamp.write_text(wanted)


def raise_open_files_limit() -> int:
    """Soft limit on open files up to the hard one, for this process and its children."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = 1 << 20
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def run_ahead(*, realtime: bool) -> None:
    """This process and every one it starts ahead of other work on the machine (root only);
    with `realtime`, under SCHED_RR, as if alone on the cores."""
    try:
        os.nice(-10)
        if realtime:  # the kernel still keeps 5% of each second for everything else
            os.sched_setscheduler(0, os.SCHED_RR, os.sched_param(1))
    except OSError as exc:
        print(f"running at normal priority ({exc})", file=sys.stderr)


class Proc:
    """CPU time, resident memory and sockets of one process, from /proc."""

    TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def cpu_seconds(self) -> float:
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / self.TICK  # utime + stime

    def rss_bytes(self) -> int:
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

    def sockets(self) -> int:
        count = 0
        for fd in os.listdir(f"/proc/{self.pid}/fd"):
            try:
                count += os.readlink(f"/proc/{self.pid}/fd/{fd}").startswith("socket:")
            except OSError:
                continue
        return count


class Server:
    """One server under test: `app-<mode>`, `sio-<mode>` or `node`, on a free loopback port."""

    def __init__(self, name: str, workdir: Path, payloads: Path, database_url: str,
                 extra_env: dict[str, str] | None = None) -> None:
        self.name, self.port = name, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / f"{name}-{self.port}.log"
        kind, _, mode = name.partition("-")
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        if kind == "app":
            self.argv = [sys.executable, "-m", "facilitator"]
            env.update(HOST="127.0.0.1", PORT=str(self.port), PUBLIC_URL=self.url,
                       ASYNC_MODE=mode, DATABASE_URL=database_url, REDIS_URL="",
                       SECRET_KEY="bench-only-secret", MAX_CONNECTIONS="10000",
                       # Limits stay on (their cost is measured) but this host presses "next"
                       # faster than any person could, and every phone here connects from
                       # one address, so they are set out of its way.
                       RATELIMIT_SOCKET_EVENTS="100000 per second",
                       RATELIMIT_WATCH_PER_ADDRESS="100000 per minute",
                       MAX_CONNECTIONS_PER_ADDRESS="100000")
            env.update(extra_env or {})
        elif kind == "sio":
            self.argv = [sys.executable, "-m", "bench.baseline_sio", mode, str(self.port),
                         str(payloads)]
        elif name == "node":
            self.argv = ["node", str(NODE_DIR / "server.js"), str(self.port), str(payloads)]
        else:
            raise ValueError(f"unknown server {name!r}; choose from {', '.join(SERVERS)}")
        self.env = env
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> Proc:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(self.argv, cwd=ROOT, env=self.env,
                                         stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log()}")
            try:
                with _OPENER.open(f"{self.url}/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        return Proc(self.proc.pid)
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} not healthy after {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
