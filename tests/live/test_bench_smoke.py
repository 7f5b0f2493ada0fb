"""The benchmark harness (`python -m bench`, docs/benchmarks.md) runs end to end on tiny numbers,
twice in turn (`--runs 2`).

Only that it produced numbers is checked: timings on a shared machine are no test.
"""

import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVERS = ("app-eventlet", "sio-eventlet", "node")


@pytest.mark.live
def test_quick_bench_measures_every_kind_of_server(tmp_path):
    if shutil.which("node") is None or shutil.which("npm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Node.js and npm are needed for the benchmark's load generator")
        pytest.skip("Node.js and npm are needed for the benchmark's load generator")
    out = tmp_path / "results.json"
    run = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--scenarios", "table", "--rooms", "1",
         "--phones", "3", "--actions", "3", "--servers", ",".join(SERVERS), "--runs", "2",
         "--no-write", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "next turn ms" in run.stdout  # the table was printed
    # Each run's ratios, then their medians over both runs.
    assert "app-eventlet ÷ sio-eventlet (run 2)" in run.stdout
    spread = run.stdout.split("next p99: median (range)", 1)[1]
    assert "app-eventlet ÷ sio-eventlet  2 " in spread and "app-eventlet ÷ node" in spread

    rows = json.loads(out.read_text())
    assert [(row["server"], row["run"]) for row in rows] == [
        (server, run) for run in (1, 2) for server in SERVERS]
    for row in rows:
        assert row["phones"] == 3 and row["failed"] == 0 and row["connections"] == 4
        assert row["next"]["n"] == 3 and row["post"]["n"] >= 1
        assert row["next"]["errors"] == row["post"]["errors"] == 0
        numbers = [row["next"]["p99"], row["post"]["p50"], row["rss_mb"], row["server_cpu"],
                   row["next"]["cpu_ms"], row["post"]["cpu_ms"]]
        assert all(math.isfinite(n) and n >= 0 for n in numbers)
