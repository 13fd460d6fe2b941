"""What the plugin costs a passing suite: 1000 passing tests, three ways, in one run.

* ``-p no:depfix``: the baseline, the plugin not loaded at all;
* installed but off: the default for everyone who has it installed;
* ``--depfix`` on: capture hooks registered, nothing fails so no analysis.

Each way runs ``ROUNDS`` times interleaved (so drift hits all alike); the
median wall time and the ratio against the baseline are printed.  Goal: both
ratios under 1.02.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 7
TESTS = 1000


def make_suite(root: Path) -> None:
    body = "\n".join(f"def test_{i}():\n    assert {i} == {i}\n" for i in range(TESTS))
    (root / "test_many.py").write_text(body)
    (root / "pytest.ini").write_text("[pytest]\n")


def timed(args, cwd) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"suite failed: {proc.stdout[-500:]}")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        make_suite(root)
        ways = {"baseline (-p no:depfix)": ["-p", "no:depfix"], "installed, off": [], "on (--depfix)": ["--depfix"]}
        times = {k: [] for k in ways}
        timed([], root)  # warm the file system and bytecode caches
        for _ in range(ROUNDS):
            for name, args in ways.items():
                times[name].append(timed(args, root))
        base = statistics.median(times["baseline (-p no:depfix)"])
        print(f"{TESTS} passing tests, median of {ROUNDS} interleaved runs")
        for name, ts in times.items():
            med = statistics.median(ts)
            print(f"  {name:26s} {med:6.3f} s   ratio {med / base:5.3f}")


if __name__ == "__main__":
    main()
