"""The results as a table, ratios against the baselines, the machine they were measured on, and
docs/benchmarks.md (only the part between its markers is rewritten)."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
from importlib import metadata
from pathlib import Path

from .servers import NODE_DIR

START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
PACKAGES = ("flask-socketio", "python-socketio", "python-engineio", "eventlet", "gevent",
            "simple-websocket", "sqlalchemy")


def machine() -> dict:
    """What the numbers depend on: cores, CPU, memory, runtimes and library versions."""
    def first(path: str, key: str) -> str:
        with open(path) as f:
            return next((line.split(":", 1)[1].strip() for line in f if line.startswith(key)), "?")

    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    sio_js = json.loads((NODE_DIR / "node_modules" / "socket.io" / "package.json").read_text())
    import resource

    return {
        "cores (nproc)": len(os.sched_getaffinity(0)),
        "CPU": first("/proc/cpuinfo", "model name"),
        "memory": first("/proc/meminfo", "MemTotal"),
        "kernel": platform.release(),
        "Python": platform.python_version(),
        "Node.js": node,
        "open files (soft limit)": resource.getrlimit(resource.RLIMIT_NOFILE)[0],
        "packages": ", ".join(f"{p} {metadata.version(p)}" for p in PACKAGES)
        + f", socket.io (npm) {sio_js['version']}",
    }


def _lat(row: dict, kind: str) -> str:
    r = row.get(kind)
    if not r or not r["n"]:
        return "–"
    text = f"{r['p50']:.0f} / {r['p95']:.0f} / {r['p99']:.0f}"
    return text + (f" ({r['errors']} err)" if r["errors"] else "")


HEADER = ("scenario", "server", "conns", "next turn ms p50/p95/p99", "board post ms p50/p95/p99",
          "RSS MB after", "KiB/conn", "server CPU %", "CPU ms per next / post", "loadgen CPU %")


def rows(results: list[dict]) -> list[tuple]:
    return [(r["scenario"], r["server"], str(r["connections"]) + (f" ({r['failed']} failed)"
             if r["failed"] else ""), _lat(r, "next"), _lat(r, "post"), f"{r['rss_mb']:.0f}",
             f"{r['kib_per_conn']:.0f}", f"{r['server_cpu']:.0f}",
             f"{_cpu(r, 'next')} / {_cpu(r, 'post')}", f"{r['loadgen_cpu']:.0f}")
            for r in results]


def _cpu(row: dict, kind: str) -> str:
    r = row.get(kind)
    return f"{r['cpu_ms']:.2f}" if r else "–"


def ratios(results: list[dict]) -> list[tuple]:
    """Each app mode against the bare python-socketio server (same mode) and against Node, of
    the same run."""
    several = any(r["run"] > 1 for r in results)
    return [(r["scenario"], f"{r['server']} ÷ {base['server']}"
             + (f" (run {r['run']})" if several else ""),
             _ratio(r, base, "next", "p50"), _ratio(r, base, "next", "p99"),
             _ratio(r, base, "post", "p99"), _ratio(r, base, "next", "cpu_ms"),
             _div(r["kib_per_conn"], base["kib_per_conn"]))
            for r, base in _pairs(results)]


RATIO_HEADER = ("scenario", "app ÷ baseline", "next p50", "next p99", "post p99",
                "CPU per next", "memory/conn")


def spread(results: list[dict]) -> list[tuple]:
    """Over every run: each ratio of "next" (app ÷ baseline of the same run), as its median
    and its range."""
    runs: dict[tuple[str, str, str], list[tuple[dict, dict]]] = {}
    for r, base in _pairs(results):
        runs.setdefault((r["scenario"], r["server"], base["server"]), []).append((r, base))
    return [(scenario, f"{server} ÷ {base_name}", str(len(pairs)),
             *(_median_range([_quotient(r, base, "next", p) for r, base in pairs])
               for p in ("p50", "p99", "cpu_ms")))
            for (scenario, server, base_name), pairs in runs.items()]


SPREAD_HEADER = ("scenario", "app ÷ baseline", "runs", "next p50: median (range)",
                 "next p99: median (range)", "CPU per next: median (range)")


def _pairs(results: list[dict]) -> list[tuple[dict, dict]]:
    """(app row, baseline row) for each app run and each of its baselines measured in the same
    run: the bare python-socketio server of its mode, then Node."""
    by = {(r["scenario"], r["server"], r["run"]): r for r in results}
    return [(r, base) for r in results if r["server"].startswith("app-")
            for name in (f"sio-{r['server'].removeprefix('app-')}", "node")
            if (base := by.get((r["scenario"], name, r["run"]))) is not None]


def _quotient(row: dict, base: dict, kind: str, p: str) -> float | None:
    a, b = row.get(kind), base.get(kind)
    return a[p] / b[p] if a and b and a["n"] and b["n"] and b[p] > 0 else None


def _median_range(values: list[float | None]) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return "–"
    return f"{statistics.median(known):.2f}× ({min(known):.2f}–{max(known):.2f})"


def _ratio(row: dict, base: dict, kind: str, p: str) -> str:
    quotient = _quotient(row, base, kind, p)
    return f"{quotient:.2f}×" if quotient is not None else "–"


def _div(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b > 0 else "–"


def text_table(header: tuple, body: list[tuple]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *body, strict=True)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([line.format(*header), line.format(*("-" * w for w in widths)),
                      *(line.format(*row) for row in body)])


def markdown_table(header: tuple, body: list[tuple]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in body])


def markdown(results: list[dict], info: dict, command: str, scenarios: list) -> str:
    parts = [f"Measured with `{command}`.", "",
             "| machine | |", "|---|---|", *(f"| {k} | {v} |" for k, v in info.items()), "",
             "Scenarios:", "", *(f"- `{s.key}`: {s.title} ({s.rooms} × {s.phones} phones, "
                                 f"{s.actions} measured presses of each action"
                                 f"{' in every room at once' if s.burst else ''})"
                                 for s in scenarios), "",
             markdown_table(HEADER, rows(results)), "",
             "Ratios (below 1.2× against `sio-*` is the target):", "",
             markdown_table(RATIO_HEADER, ratios(results))]
    if any(r["run"] > 1 for r in results):
        parts += ["", "Over every run:", "", markdown_table(SPREAD_HEADER, spread(results))]
    return "\n".join(parts)


def write_markdown(path: Path, body: str, markers: tuple[str, str] = (START, END)) -> None:
    """Replace the generated part of `path` (between `markers`), keeping the hand-written text
    around it."""
    start, end = markers
    text = path.read_text() if path.exists() else f"# Benchmarks\n\n{start}\n{end}\n"
    if start not in text:
        text += f"\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    tail = rest.split(end, 1)[1] if end in rest else "\n"
    path.write_text(f"{head}{start}\n{body}\n{end}{tail}")
