"""Fuzzed input, counted: mutated tracebacks and requirements files through the parser,
the requirements reader and ``depfix analyze --offline``.

Inputs are seeded from the real corpora (tests/corpus/tracebacks,
benchmarks/cases, examples) and mutated by tests/support/hardening_fuzz.py;
seed N is always the same input.  ``analyze`` runs in-process
(pytest_depfix.cli.main) against a cache pre-warmed from a small fixture
index served on 127.0.0.1, so nothing leaves the machine.  A run that takes
longer than --hang seconds counts as a hang.  Then a size-vs-time table: the
parser and ``depfix analyze --offline`` on pastes of 10 kB .. 10 MB and a
1000-frame RecursionError, against reading the same text with
``str.splitlines`` (baseline measured in the same run).

Run: python benchmarks/fuzz_inputs.py [--count 10000] [--analyze 10000]
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pytest_depfix.crash.parse import _parse  # noqa: E402
from pytest_depfix.errors import BadInput  # noqa: E402
from pytest_depfix.requirements import parse_requirements_text  # noqa: E402
from pytest_depfix.target import Target  # noqa: E402
from tests.support.hardening_fuzz import (  # noqa: E402
    deep_recursion_traceback, leaks_credentials, paste_of_size, requirements_case, traceback_case,
    world_requirements_case, world_traceback_case,
)
from tests.support.hardening_server import HostileIndexServer  # noqa: E402
from tests.support.hardening_world import EXIT_STATUSES, REQUIREMENTS, TRACEBACK, build_world, run_cli, warm_cache  # noqa: E402


class Tally:
    def __init__(self, name: str, hang: float):
        self.name, self.hang = name, hang
        self.n = 0
        self.outcomes: collections.Counter = collections.Counter()
        self.failures: list = []  # (seed, what)
        self.max_seconds, self.max_seed, self.max_size = 0.0, None, 0
        self.total = 0.0
        self.bytes = 0

    def add(self, seed: int, size: int, seconds: float, outcome: str, failure: str = "") -> None:
        self.n += 1
        self.bytes += size
        self.total += seconds
        self.outcomes[outcome] += 1
        if seconds > self.max_seconds:
            self.max_seconds, self.max_seed, self.max_size = seconds, seed, size
        if seconds > self.hang:
            failure = failure or f"hang ({seconds:.1f}s)"
        if failure:
            self.failures.append((seed, failure))

    def line(self) -> str:
        outs = ", ".join(f"{k}: {v}" for k, v in sorted(self.outcomes.items()))
        return (f"{self.name:<28} {self.n:>6} inputs ({self.bytes / 1e6:.1f} MB), uncaught/leaks/hangs: {len(self.failures)}, "
                f"mean {self.total / max(1, self.n) * 1e3:.2f} ms, max {self.max_seconds * 1e3:.1f} ms "
                f"(seed {self.max_seed}, {self.max_size} chars) | {outs}")


def fuzz_parser(count: int, hang: float) -> Tally:
    t = Tally("parse_traceback", hang)
    for seed in range(count):
        text = traceback_case(seed)
        start = time.perf_counter()
        try:
            crashes = _parse(text)
            outcome, failure = ("crashes" if crashes else "none"), ""
        except Exception as exc:  # noqa: BLE001 - counting them is the point
            outcome, failure = "uncaught", f"{type(exc).__name__}: {exc}"
        t.add(seed, len(text), time.perf_counter() - start, outcome, failure)
    return t


def fuzz_requirements(count: int, hang: float) -> Tally:
    t = Tally("parse_requirements_text", hang)
    target = Target.from_spec("3.9", "linux")
    for seed in range(count):
        text = requirements_case(seed)
        start = time.perf_counter()
        failure = ""
        try:
            pins = parse_requirements_text(text, target)
            outcome = "read"
            if any(leaks_credentials(w) for w in pins.warnings):
                failure = "credential in a warning"
        except BadInput as exc:
            outcome = "BadInput"
            if leaks_credentials(str(exc)):
                failure = "credential in an error"
        except Exception as exc:  # noqa: BLE001
            outcome, failure = "uncaught", f"{type(exc).__name__}: {exc}"
        t.add(seed, len(text), time.perf_counter() - start, outcome, failure)
    return t


def fuzz_analyze(count: int, hang: float, folder: Path):
    world = build_world(folder / "world")
    with HostileIndexServer(world.index.root) as srv:
        warm_cache(world, srv.url)
        url = srv.url
    t = Tally("depfix analyze --offline", hang)
    req, tb, report = folder / "req.txt", folder / "crash.txt", folder / "report.json"
    for seed in range(count):
        rng = random.Random(seed)
        req.write_text(world_requirements_case(seed, REQUIREMENTS) if rng.random() < 0.6 else requirements_case(seed), encoding="utf-8")
        tb.write_text(world_traceback_case(seed, TRACEBACK) if rng.random() < 0.6 else traceback_case(seed), encoding="utf-8")
        report.unlink(missing_ok=True)
        start = time.perf_counter()
        try:
            status, out, err = run_cli(world.analyze_args("--offline", "--report", str(report), index_url=url,
                                                          requirements=req, traceback=tb))
        except BaseException as exc:  # noqa: BLE001 - main() must not let anything out
            status, out, err = -1, "", f"uncaught {type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
        failure = ""
        if status not in EXIT_STATUSES:
            failure = f"exit {status}: {err.strip()[:200]}"
        elif "internal error" in err:
            failure = err.strip()[:200]
        elif leaks_credentials(out + err + (report.read_text() if report.exists() else "")):
            failure = "credential echoed"
        t.add(seed, len(req.read_text()) + len(tb.read_text()), seconds, f"exit {status}", failure)
    return t, world, url


def _best(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def size_table(world, url: str, folder: Path) -> None:
    print()
    print(f"{'input':<34}{'chars':>11}{'splitlines ms':>15}{'parse ms':>11}{'ratio':>8}{'analyze ms':>12}{'exit':>6}")
    cases = [(f"paste {n // 1000} kB", paste_of_size(n, seed=1)) for n in (10_000, 100_000, 1_000_000, 10_000_000)]
    cases.append(("1000-frame RecursionError", deep_recursion_traceback(1000)))
    cases.append(("10 MB RecursionError (~100k frames)", deep_recursion_traceback(100_000)))
    cases.append(("one 10 MB line", "ValueError: " + "x" * 10_000_000))
    # Runs that made overlapping quantifiers quadratic (review, session 12): blank lines under
    # '^\\s*-+>', and dots under 'from\\s+\\.*[\\w.]+'.
    cases.append(("40k blank lines", "\n" * 40_000))
    cases.append(("40k space-only lines", " \n" * 40_000))
    cases.append(("'from ' + 32k dots", "from " + "." * 32_000))
    for label, text in cases:
        base = _best(lambda: text.splitlines())
        parse = _best(lambda: _parse(text), repeat=2)
        tb = folder / "big.txt"
        tb.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        status, _, err = run_cli(world.analyze_args("--offline", index_url=url, traceback=tb))
        analyze = time.perf_counter() - start
        print(f"{label:<34}{len(text):>11}{base * 1e3:>15.1f}{parse * 1e3:>11.1f}{parse / base:>8.0f}{analyze * 1e3:>12.0f}{status:>6}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10_000, help="inputs per parser (default 10000)")
    ap.add_argument("--analyze", type=int, default=10_000, help="depfix analyze --offline runs (default 10000)")
    ap.add_argument("--hang", type=float, default=10.0, help="seconds after which one input counts as a hang")
    ap.add_argument("--no-table", action="store_true")
    args = ap.parse_args()
    wall = time.perf_counter()
    tallies = [fuzz_parser(args.count, args.hang), fuzz_requirements(args.count, args.hang)]
    with tempfile.TemporaryDirectory() as tmp:
        t, world, url = fuzz_analyze(args.analyze, args.hang, Path(tmp))
        tallies.append(t)
        for tally in tallies:
            print(tally.line())
        total = sum(t.n for t in tallies)
        bad = sum(len(t.failures) for t in tallies)
        print(f"total: {total} inputs, {bad} uncaught exceptions / credential leaks / hangs, {time.perf_counter() - wall:.0f} s")
        for tally in tallies:
            for seed, what in tally.failures[:5]:
                print(f"  FAIL {tally.name} seed {seed}: {what}")
        if not args.no_table:
            size_table(world, url, Path(tmp))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
