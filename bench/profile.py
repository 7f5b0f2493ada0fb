"""`--profile`: py-spy samples the server while it is measured; a summary says where time went.

Samples include time blocked in system calls (`--idle`): under eventlet or gevent that is time
every phone of the process waits.
"""

import collections
import shutil
import subprocess
import sys
from pathlib import Path


def start(pid: int, out: Path) -> subprocess.Popen:
    """py-spy recording `pid` into `out` (collapsed stacks) until it gets SIGINT."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    return subprocess.Popen([spy, "record", "--pid", str(pid), "--rate", "200", "--idle",
                             "--nonblocking", "--format", "raw", "--output", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def summarise(raw: Path, top: int = 40) -> str:
    """The functions with the most samples: inclusive (on the stack) and self (at its top)."""
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames, n = stack.split(";"), int(count)
        total += n
        own[frames[-1]] += n
        for frame in set(frames):
            inclusive[frame] += n
    lines = [f"{total} samples", "", "inclusive:"]
    lines += [f"{100 * n / total:5.1f}%  {f}" for f, n in inclusive.most_common(top)]
    lines += ["", "self:"] + [f"{100 * n / total:5.1f}%  {f}" for f, n in own.most_common(top)]
    return "\n".join(lines) + "\n"
