"""What the plugin costs a passing suite: 1000 passing tests, three ways, in one run.

* ``-p no:depfix``: the baseline, the plugin not loaded at all;
* installed but off: the default for everyone who has it installed;
* ``--depfix`` on: capture hooks registered, nothing fails so no analysis.

Each way runs ``ROUNDS`` times interleaved (so drift hits all alike); the
median wall time and the ratio against the baseline are printed.  Goal: both
ratios under 1.02.  On a busy machine wall times wander by a few per cent;
``--callgrind`` counts the instructions each way executes (valgrind), which
does not depend on load.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 15
TESTS = 1000


def make_suite(root: Path) -> None:
    body = "\n".join(f"def test_{i}():\n    assert {i} == {i}\n" for i in range(TESTS))
    (root / "test_many.py").write_text(body)
    (root / "pytest.ini").write_text("[pytest]\n")


def timed(args, cwd):
    """(wall seconds, CPU seconds of the pytest process): CPU time is steadier on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *args],
                          cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"suite failed: {proc.stdout[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def instructions(args, cwd) -> int:
    """Instructions the pytest process executes, counted by valgrind (callgrind): repeatable."""
    import re
    import shutil

    proc = subprocess.run(
        [shutil.which("valgrind") or "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         os.path.realpath(sys.executable), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *args],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    counts = [int(n) for n in re.findall(r"Collected : (\d+)", proc.stderr)]
    return sum(counts)


def main() -> None:
    if "--callgrind" in sys.argv:
        return main_callgrind()
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        make_suite(root)
        ways = {"baseline (-p no:depfix)": ["-p", "no:depfix"], "installed, off": [], "on (--depfix)": ["--depfix"]}
        times = {k: [] for k in ways}
        timed([], root)  # warm the file system and bytecode caches
        names = list(ways)
        for r in range(ROUNDS):
            # Rotate the order each round: the first run of a round is often slower.
            for name in names[r % 3:] + names[: r % 3]:
                times[name].append(timed(ways[name], root))
        base_wall = statistics.median(t[0] for t in times["baseline (-p no:depfix)"])
        base_cpu = statistics.median(t[1] for t in times["baseline (-p no:depfix)"])
        print(f"{TESTS} passing tests, median of {ROUNDS} interleaved runs (goal: ratios under 1.02)")
        for name, ts in times.items():
            wall = statistics.median(t[0] for t in ts)
            cpu = statistics.median(t[1] for t in ts)
            print(f"  {name:26s} wall {wall:6.3f} s (ratio {wall / base_wall:5.3f})   cpu {cpu:6.3f} s (ratio {cpu / base_cpu:5.3f})")




def main_callgrind() -> None:
    """Same three ways, once each under valgrind: instruction counts do not depend on machine load."""
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        make_suite(root)
        ways = {"baseline (-p no:depfix)": ["-p", "no:depfix"], "installed, off": [], "on (--depfix)": ["--depfix"]}
        counts = {name: instructions(args, root) for name, args in ways.items()}
        base = counts["baseline (-p no:depfix)"]
        print(f"{TESTS} passing tests, instructions executed (valgrind callgrind; goal: ratios under 1.02)")
        for name, n in counts.items():
            print(f"  {name:26s} {n / 1e9:8.3f} G instructions   ratio {n / base:6.4f}")


if __name__ == "__main__":
    main()
