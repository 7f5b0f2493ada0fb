"""`python -m bench reshuffle`: one event of many tables, every table's "next" at once, then
reshuffles of everyone, in each async mode (issue 19, "Scale, measured"; docs/benchmarks.md).

A reshuffle is one press of the console that plans the seating of everyone and moves them:
measured per phone, from the press to the phone knowing its seat and holding its new table
(bench/node/loadgen.js, `reshuffle`). `--processes 2` runs two app processes sharing a PostgreSQL
database (created for the run with a name of its own, dropped after) and Redis (keys under a
prefix of its own, deleted after), the phones spread over both, as docs/deployment.md scales out.

Everything runs on 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from . import profile as py_spy
from . import report
from .payloads import insert_rooms, seed_event
from .run import LoadGen
from .servers import (
    APP_MODES,
    ROOT,
    Server,
    ensure_node_modules,
    raise_open_files_limit,
    run_ahead,
)
from .stats import summary

START, END = "<!-- bench:reshuffle:start -->", "<!-- bench:reshuffle:end -->"
PG_ADMIN = "host=127.0.0.1 port=5432 dbname=postgres user=postgres"
REDIS_URL = "redis://127.0.0.1:6379/0"
WARMUP_NEXT = 2  # presses before the measured ones; with them, each round of ten still runs


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench reshuffle",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--modes", default=",".join(APP_MODES),
                        help=f"comma-separated, of {', '.join(APP_MODES)} (default: all)")
    parser.add_argument("--tables", type=int, default=60)
    parser.add_argument("--phones", type=int, default=10, help="per table")
    parser.add_argument("--nexts", type=int, default=6, help="measured bursts of next")
    parser.add_argument("--reshuffles", type=int, default=5, help="measured reshuffles")
    parser.add_argument("--processes", type=int, default=1,
                        help="app processes; above 1, on PostgreSQL and Redis")
    parser.add_argument("--realtime", action="store_true",
                        help="servers and load generator under SCHED_RR (root; as `python -m "
                             "bench --realtime`)")
    parser.add_argument("--profile", action="store_true",
                        help="record the first server with py-spy while measured (summary kept)")
    parser.add_argument("--no-write", action="store_true", help="don't update docs/benchmarks.md")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    if shutil.which("node") is None:
        sys.exit("node is needed for the load generator (Node.js 20, with npm)")
    ensure_node_modules()
    run_ahead(realtime=args.realtime)
    if raise_open_files_limit() < args.tables * (args.phones + 1) + 200:
        sys.exit("the open-file limit is below the connections needed")
    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="facilitator-bench-reshuffle-"))
    rows = []
    try:
        for mode in args.modes.split(","):
            print(f"{mode}: {args.tables} tables × {args.phones} phones on {args.processes} "
                  "process(es) …", flush=True)
            rows.append(run_mode(mode, args, workdir))
            print(text(rows[-1:]), flush=True)
    except Exception:
        print(f"logs kept in {workdir}", file=sys.stderr)
        raise
    shutil.rmtree(workdir, ignore_errors=True)
    info = f"{load_before:.1f} / {os.getloadavg()[0]:.1f}"
    print(f"\n{text(rows)}\nload average (other work), start / end: {info}")
    if not args.no_write:
        command = "python -m bench reshuffle " + " ".join(argv)
        body = markdown(rows, command.strip(), args, info)
        report.write_markdown(ROOT / "docs" / "benchmarks.md", body,
                              markers=_markers(args.processes))
        print("results written to docs/benchmarks.md")
    return 0


def _markers(processes: int) -> tuple[str, str]:
    """One generated part for one process, another for several."""
    if processes == 1:
        return START, END
    return START.replace("reshuffle", "reshuffle-scaled"), END.replace("reshuffle",
                                                                       "reshuffle-scaled")


def run_mode(mode: str, args: argparse.Namespace, workdir: Path) -> dict:
    """Fresh servers in `mode`, the event seeded, every phone connected, then measured."""
    rounds = args.reshuffles + 2  # the seeded round, one after each reshuffle, one to spare
    seeded = seed_event(args.tables, args.phones, rounds * (args.phones + 1))
    with ExitStack() as stack:
        env = stack.enter_context(_shared_services(workdir, mode, args.processes))
        insert_rooms(env["DATABASE_URL"], seeded)
        servers = [Server(f"app-{mode}", workdir, workdir / "none.json", env["DATABASE_URL"],
                          extra_env=env) for _ in range(args.processes)]
        procs = []
        for server in servers:
            stack.callback(server.stop)
            procs.append(server.start())
        results_path = workdir / f"results-{mode}.json"
        config = {
            "urls": [s.url for s in servers], "rooms": [s.spec() for s in seeded],
            "warmup": [{"kind": "next", "count": WARMUP_NEXT, "burst": True}],
            "plan": [{"kind": "next", "count": args.nexts, "burst": True},
                     {"kind": "reshuffle", "count": args.reshuffles}],
            "timeout_ms": 20000, "hard_limit_ms": 900000, "gap_ms": 20,
            "connect_concurrency": 50, "results_path": str(results_path),
        }
        loadgen = LoadGen(config, workdir / f"loadgen-{mode}.json")
        stack.callback(loadgen.close)
        connected = loadgen.expect("connected", timeout=600)
        loadgen.send("go")
        loadgen.expect("measuring", timeout=120)
        if args.profile:
            stack.enter_context(_profiled(procs[0].pid, workdir / f"profile-{mode}.txt"))
        cpu0, t0 = sum(p.cpu_seconds() for p in procs), time.monotonic()
        loadgen.expect("done", timeout=600)
        wall, cpu = time.monotonic() - t0, sum(p.cpu_seconds() for p in procs) - cpu0
    results = {r["kind"]: r for r in json.loads(results_path.read_text())}
    shuffled = results["reshuffle"]
    return {
        "mode": mode, "processes": args.processes, "tables": args.tables,
        "connections": connected["phones"] + connected["hosts"], "failed": connected["failed"],
        "next": {**summary(results["next"]["samples"]), "errors": len(results["next"]["errors"])},
        "table": {**summary(shuffled["samples"]), "errors": len(shuffled["errors"]),
                  "first_errors": shuffled["errors"][:3]},
        "moved": shuffled["moved"],
        "worst": [round(ms) for ms in shuffled["worst"]],
        "ack": [round(ms) for ms in shuffled["acks"]],
        "server_cpu": round(100 * cpu / wall, 1),
        "load_average": round(os.getloadavg()[0], 2),
    }


@contextmanager
def _profiled(pid: int, raw: Path) -> Iterator[None]:
    """py-spy records `pid` until the block ends; the samples and their summary are kept."""
    spy = py_spy.start(pid, raw)
    try:
        yield
    finally:
        spy.send_signal(signal.SIGINT)
        spy.wait(timeout=30)
        if raw.exists():  # kept out of the run's directory, which goes
            kept = Path(shutil.move(raw, Path(tempfile.gettempdir()) / raw.name))
            kept.with_name(f"{raw.stem}-summary.txt").write_text(py_spy.summarise(kept, top=60))
            print(f"profile and its summary in {kept.parent}/{raw.stem}*")


@contextmanager
def _shared_services(workdir: Path, mode: str, processes: int) -> Iterator[dict[str, str]]:
    """The environment of the app processes: SQLite for one; for several, a PostgreSQL
    database and a Redis prefix of this run's own, removed after."""
    limits = {"RATELIMIT_RESEATING": "100000 per minute"}  # the bench reshuffles every second
    if processes == 1:
        yield {**limits, "DATABASE_URL": f"sqlite:///{workdir}/{mode}.db"}
        return
    import psycopg
    import redis
    from psycopg import sql

    name = f"facilitator_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield {**limits, "DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}",
               "REDIS_URL": REDIS_URL, "REDIS_PREFIX": name}
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                         .format(sql.Identifier(name)))
        client = redis.Redis.from_url(REDIS_URL)
        if keys := list(client.scan_iter(match=f"{name}*", count=1000)):
            client.delete(*keys)
        client.close()


HEADER = ("mode", "processes", "conns", "next ms p50/p95/p99",
          "reshuffle: seat and table ms p50/p95/p99", "phones moved",
          "last phone per reshuffle ms", "press acknowledged ms", "server CPU %")


def _lat(r: dict) -> str:
    text = f"{r['p50']:.0f} / {r['p95']:.0f} / {r['p99']:.0f}"
    return text + (f" ({r['errors']} err)" if r.get("errors") else "")


def _rows(rows: list[dict]) -> list[tuple]:
    return [(r["mode"], r["processes"], str(r["connections"]) + (
        f" ({r['failed']} failed)" if r["failed"] else ""), _lat(r["next"]), _lat(r["table"]),
        r["moved"], ", ".join(map(str, r["worst"])), ", ".join(map(str, r["ack"])),
        f"{r['server_cpu']:.0f}")
        for r in rows]


def text(rows: list[dict]) -> str:
    return report.text_table(HEADER, _rows(rows))


def markdown(rows: list[dict], command: str, args: argparse.Namespace, load: str) -> str:
    where = ("SQLite" if args.processes == 1 else
             f"{args.processes} processes, PostgreSQL and Redis, phones spread over them")
    return "\n".join([
        f"Measured with `{command}` on {time.strftime('%Y-%m-%d')}: {args.tables} tables × "
        f"{args.phones} phones on {where}; {args.nexts} bursts of next at every table, then "
        f"{args.reshuffles} reshuffles. Load average (other work), start / end: {load}.", "",
        report.markdown_table(HEADER, _rows(rows))])
