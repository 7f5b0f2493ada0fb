"""`python -m bench`: fan-out latency, connections, memory and CPU of Facilitator against bare
python-socketio and Node.js socket.io servers, in each async mode. See docs/benchmarks.md.
`python -m bench seating`: the seating planner's quality and speed (bench/seating.py).
`python -m bench mail`: the room's latency with a slow or unreachable mail server (bench/mail.py).
`python -m bench validation`: reading a payload into its model, against the same checks by hand
(bench/validation.py).
`python -m bench cost`: the costliest message for every event and route (bench/cost.py).
`python -m bench attack`: an honest table with and without attackers, in every async mode.
`python -m bench reshuffle`: one event of many tables, "next" at every table and reshuffles of
everyone, on one process or (`--processes 2`) on several with PostgreSQL and Redis.

Every server and the load generator run on 127.0.0.1 only; every run is bounded in count and
time and stops by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import attack, cost, mail, report, reshuffle, seating, validation
from .payloads import baseline_payloads, seed_event, seed_rooms
from .run import run_one
from .scenarios import FULL, QUICK
from .servers import ROOT, SERVERS, ensure_node_modules, raise_open_files_limit, run_ahead


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller scenarios, a minute or two")
    parser.add_argument("--scenarios", default=None,
                        help=f"comma-separated, of {', '.join(FULL)} (default: all)")
    parser.add_argument("--servers", default=",".join(SERVERS),
                        help=f"comma-separated, of {', '.join(SERVERS)} (default: all)")
    parser.add_argument("--rooms", type=int, help="override every scenario's number of rooms")
    parser.add_argument("--phones", type=int, help="override every scenario's phones per room")
    parser.add_argument("--actions", type=int, help="override every scenario's measured actions")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--no-write", action="store_true", help="don't update docs/benchmarks.md")
    parser.add_argument("--compression", action="store_true",
                        help="WebSocket per-message compression on in every server "
                             "(WEBSOCKET_COMPRESSION=1; off by default, as in the app)")
    parser.add_argument("--realtime", action="store_true",
                        help="run servers and load generator under SCHED_RR (root; for a machine "
                             "other work shares: they then get the cores as if alone)")
    parser.add_argument("--runs", type=int, default=1,
                        help="measure every server this many times, in turn (sio, app, sio, "
                             "app…), and give each ratio's median and range: on a machine whose "
                             "speed wanders, one run's ratio says little")
    parser.add_argument("--profile", action="store_true",
                        help="record the Python servers with py-spy while they are measured "
                             "(kept in workdir)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    if argv[:1] == ["seating"]:
        return seating.main(argv[1:])
    if argv[:1] == ["mail"]:
        return mail.main()
    if argv[:1] == ["validation"]:
        return validation.main()
    if argv[:1] == ["cost"]:
        return cost.main(argv[1:])
    if argv[:1] == ["attack"]:
        return attack.main(argv[1:])
    if argv[:1] == ["reshuffle"]:
        return reshuffle.main(argv[1:])
    args = parse(argv)
    catalogue = QUICK if args.quick else FULL
    keys = args.scenarios.split(",") if args.scenarios else list(catalogue)
    scenarios = [catalogue[k].sized(args.rooms, args.phones, args.actions) for k in keys]
    servers = args.servers.split(",")
    unknown = [s for s in servers if s not in SERVERS]
    if unknown:
        sys.exit(f"unknown servers: {', '.join(unknown)}; choose from {', '.join(SERVERS)}")
    if shutil.which("node") is None:
        sys.exit("node is needed for the load generator (Node.js 20, with npm)")
    ensure_node_modules()
    run_ahead(realtime=args.realtime)
    os.environ["WEBSOCKET_COMPRESSION"] = "1" if args.compression else "0"
    limit = raise_open_files_limit()
    need = max(s.rooms * (s.phones + 1) for s in scenarios) + 200
    if limit < need:
        sys.exit(f"open-file limit {limit} is below the {need} connections needed")

    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))
    results, started = [], time.monotonic()
    try:
        for scenario in scenarios:
            seeded = seed_rooms(scenario.rooms, scenario.phones, scenario.next_presses())
            payloads = workdir / f"payloads-{scenario.key}.json"
            payloads.write_text(json.dumps(baseline_payloads(seeded, scenario.actions)))
            # An event: the app runs one room of many tables; bare servers, as many rooms,
            # with one console for all, as the event has.
            event = seed_event(scenario.rooms, scenario.phones, scenario.next_presses()) \
                if scenario.event else seeded
            for s in seeded if scenario.event else ():
                s.console = "event"
            for run, name in ((r, n) for r in range(1, args.runs + 1) for n in servers):
                print(f"[{time.monotonic() - started:5.0f} s] {scenario.key} on {name}"
                      f"{f' (run {run})' if args.runs > 1 else ''} …", flush=True)
                row = run_one(name, scenario, event if name.startswith("app-") else seeded,
                              payloads, workdir, profile=args.profile and name != "node",
                              run=run)
                results.append(row)
                print(report.text_table(report.HEADER, report.rows([row])).splitlines()[-1],
                      flush=True)
    except Exception:
        print(f"logs kept in {workdir}", file=sys.stderr)
        raise
    print()
    print(report.text_table(report.HEADER, report.rows(results)))
    if ratios := report.ratios(results):
        print()
        print(report.text_table(report.RATIO_HEADER, ratios))
    if args.runs > 1:
        print()
        print(report.text_table(report.SPREAD_HEADER, report.spread(results)))
    print(f"\n{len(results)} runs in {time.monotonic() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    if not args.no_write:
        shown = [a for i, a in enumerate(argv) if "--json" not in (a, argv[i - 1] if i else "")]
        command = "python -m bench " + shlex.join(shown) if shown else "python -m bench"
        info = {**report.machine(), "load average (other work), start / end":
                f"{load_before:.1f} / {os.getloadavg()[0]:.1f}"}
        body = report.markdown(results, info, command.strip(), scenarios)
        report.write_markdown(ROOT / "docs" / "benchmarks.md", body)
        print("results written to docs/benchmarks.md")
    if args.profile:
        print(f"profiles in {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
