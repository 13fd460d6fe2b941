"""Many ``depfix analyze`` processes on one cache: start them together, count what the server saw.

Used by tests/hardening/test_parallel_cache.py and benchmarks/bench_parallel_cache.py.
"""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Tuple

from tests.support.hardening_world import World

ROOT = Path(__file__).resolve().parents[2]


def analyze_command(world: World, url: str, cache: Path, *extra: str) -> List[str]:
    args = world.analyze_args(*extra, index_url=url)
    i = args.index("--cache-dir")
    args[i + 1] = str(cache)
    return [sys.executable, "-m", "pytest_depfix", *args]


def env() -> Dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    e.pop("DEPFIX_CACHE_DIR", None)
    return e


def run_together(commands: List[List[str]], timeout: float = 120) -> List[Tuple[int, str, str]]:
    """Start every command before waiting for any; (status, stdout, stderr) each."""
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env()) for c in commands]
    out = []
    for p in procs:
        o, e = p.communicate(timeout=timeout)
        out.append((p.returncode, o, e))
    return out


def per_item(requests: List[str]) -> Dict[str, int]:
    """Requests per (path, range): what a process fetched; retries of the same item count twice."""
    return dict(collections.Counter(r.split(" [", 1)[0] for r in requests))


def start_holder(world: World, url: str, cache: Path) -> subprocess.Popen:
    return subprocess.Popen(analyze_command(world, url, cache, "--timeout", "60"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env())


def wait_for(predicate, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def kill(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def held_locks(cache: Path) -> List[Path]:
    """Lock files under the cache that some process holds right now (tried without blocking)."""
    from filelock import FileLock, Timeout

    held = []
    for dirpath, _, names in os.walk(cache):
        for n in names:
            if n.endswith(".lock"):
                p = Path(dirpath) / n
                lock = FileLock(str(p), timeout=0)
                try:
                    lock.acquire()
                    lock.release()
                except Timeout:
                    held.append(p)
    return held
