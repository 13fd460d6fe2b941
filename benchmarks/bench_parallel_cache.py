"""Parallel runs sharing one cold cache: requests per item, corrupt entries, recovery after SIGKILL.

Baseline, measured in the same run: one ``depfix analyze`` process on a cold
cache (its request count and wall time).  Then N processes started together
on one cold cache, several rounds: total requests / baseline requests (1.00
means every item was fetched once), the most any single item was fetched,
corrupt or half-written entries, and wall time against the single run.  Last,
a process is SIGKILLed while it holds an entry lock (the server stalls its
fetch) and the time another process needs to finish afterwards is measured.

Run: python benchmarks/bench_parallel_cache.py [--procs 8] [--rounds 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.hardening_parallel import (  # noqa: E402
    analyze_command, env, held_locks, kill, per_item, run_together, start_holder, wait_for,
)
from tests.support.hardening_server import HostileIndexServer  # noqa: E402
from tests.support.hardening_world import build_world, cache_entries, cache_problems  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--procs", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        world = build_world(root / "world")
        with HostileIndexServer(world.index.root) as srv:
            start = time.perf_counter()
            (r,) = run_together([analyze_command(world, srv.url, root / "alone")])
            t_alone = time.perf_counter() - start
            alone = per_item(srv.requests)
            print(f"baseline: 1 process, cold cache: {sum(alone.values())} requests for {len(alone)} items, "
                  f"{t_alone:.2f} s, exit {r[0]}")
            for i in range(args.rounds):
                srv.requests.clear()
                cache = root / f"shared{i}"
                start = time.perf_counter()
                results = run_together([analyze_command(world, srv.url, cache)] * args.procs)
                wall = time.perf_counter() - start
                items = per_item(srv.requests)
                problems = cache_problems(cache)
                outputs = {o for _, o, _ in results}
                statuses = sorted({s for s, _, _ in results})
                ok = statuses == [0] and len(outputs) == 1 and not problems
                bad += not ok
                print(f"round {i + 1}: {args.procs} processes, cold shared cache: {sum(items.values())} requests "
                      f"(ratio {sum(items.values()) / sum(alone.values()):.2f} to one process), max per item "
                      f"{max(items.values())}, {cache_entries(cache)} entries, corrupt/half-written {len(problems)}, "
                      f"exit {statuses}, identical outputs {len(outputs) == 1}, wall {wall:.2f} s "
                      f"({wall / t_alone:.1f}x one process)")

        cache = root / "killed"
        with HostileIndexServer(world.index.root, "stall", "pages") as srv:
            srv.stall_seconds = 60
            holder = start_holder(world, srv.url, cache)
            wait_for(lambda: any("[stall]" in r for r in srv.requests))
            wait_for(lambda: held_locks(cache))
            n_held = len(held_locks(cache))
            srv.fault = ""
            waiter = subprocess.Popen(analyze_command(world, srv.url, cache, "--timeout", "60"), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, env=env())
            time.sleep(1.0)
            waiting = waiter.poll() is None
            start = time.perf_counter()
            kill(holder)
            waiter.communicate(timeout=120)
            after = time.perf_counter() - start
        ok = waiter.returncode == 0 and not held_locks(cache) and not cache_problems(cache)
        bad += not ok
        print(f"SIGKILL of a process holding {n_held} lock(s): the other was waiting: {waiting}; it finished "
              f"{after:.2f} s after the kill (lock timeout is 120 s), exit {waiter.returncode}, "
              f"locks still held {len(held_locks(cache))}, corrupt entries {len(cache_problems(cache))}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
