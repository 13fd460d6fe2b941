"""A small real world for hardening checks: fixture wheels, a local index, a warmed cache.

The fuzzers, the faulty-index checks and the parallel-cache benchmark all need
the same thing: a requirements file, a traceback and an index that really
answers (built by :mod:`tests.support.wheels`).  :func:`warm_cache` runs one
online ``depfix analyze`` so that later ``--offline`` runs are hermetic.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Sequence, Tuple

from tests.support.wheels import LocalIndex, make_index

UNIVERSE = {
    "jinjo": [
        {"version": "2.11.3", "requires_dist": ["markupsafe>=0.23"],
         "files": {"jinjo/__init__.py": "from markupsafe import soft_unicode\n"}},
        {"version": "3.0.0", "requires_dist": ["markupsafe>=2.0"], "files": {"jinjo/__init__.py": "from markupsafe import escape\n"}},
    ],
    "markupsafe": [
        {"version": "2.0.0", "files": {"markupsafe/__init__.py": "def soft_unicode(s):\n    return s\ndef escape(s):\n    return s\n"}},
        {"version": "2.0.1", "files": {"markupsafe/__init__.py": "def soft_unicode(s):\n    return s\ndef escape(s):\n    return s\n"}},
        {"version": "2.1.0", "files": {"markupsafe/__init__.py": "def escape(s):\n    return s\n"}},
        {"version": "2.1.1", "files": {"markupsafe/__init__.py": "def escape(s):\n    return s\n"}},
    ],
    "six": [{"version": "1.15.0"}, {"version": "1.16.0"}],
}

REQUIREMENTS = "# app\nJinjo==2.11.3\nMarkupSafe==2.1.1\nsix==1.15.0\n"

TRACEBACK = """Traceback (most recent call last):
  File "app.py", line 1, in <module>
    import jinjo
  File "/home/u/venv/lib/python3.9/site-packages/jinjo/__init__.py", line 1, in <module>
    from markupsafe import soft_unicode
ImportError: cannot import name 'soft_unicode' from 'markupsafe' (/home/u/venv/lib/python3.9/site-packages/markupsafe/__init__.py)
"""

EXIT_STATUSES = {0, 1, 2, 3}


@dataclass
class World:
    """Paths of one hardening world."""

    root: Path
    index: LocalIndex
    requirements: Path
    traceback: Path
    cache: Path

    def analyze_args(self, *extra: str, index_url: str = "", requirements: Path = None, traceback: Path = None) -> List[str]:
        return ["analyze", "-r", str(requirements or self.requirements), "-t", str(traceback or self.traceback),
                "--python", "3.9", "--platform", "linux", "--index-url", index_url or self.index.file_url,
                "--no-pip-config", "--cache-dir", str(self.cache), *extra]


def build_world(root: Path, universe=None) -> World:
    root.mkdir(parents=True, exist_ok=True)
    index = make_index(root / "index", universe or UNIVERSE)
    req = root / "requirements.txt"
    req.write_text(REQUIREMENTS)
    tb = root / "crash.txt"
    tb.write_text(TRACEBACK)
    return World(root, index, req, tb, root / "cache")


def run_cli(argv: Sequence[str]) -> Tuple[int, str, str]:
    """``depfix`` in-process, with its output captured: (status, stdout, stderr)."""
    from pytest_depfix.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def warm_cache(world: World, index_url: str = "") -> None:
    """One online analysis fills the cache with every page and metadata record the offline runs need."""
    status, _, err = run_cli(world.analyze_args(index_url=index_url))
    if status != 0:
        raise RuntimeError(f"warming the cache failed ({status}): {err}")


def cache_problems(cache: Path) -> List[str]:
    """Half-written or unreadable cache entries: temp files left behind, entries that fail their check."""
    from pytest_depfix.index.cache import Cache

    problems = []
    if not cache.exists():
        return problems
    checker = Cache(str(cache))
    for dirpath, _, names in os.walk(cache):
        for n in names:
            p = Path(dirpath) / n
            if n.startswith(".tmp") or n.endswith(".tmp"):
                problems.append(f"temp file left: {p}")
            elif n.endswith(".json") and (cache / "api") in p.parents:
                # The API probe's store: plain JSON {"key": ..., "value": ...}.
                try:
                    data = json.loads(p.read_bytes())
                    assert isinstance(data, dict) and "key" in data and "value" in data
                except (ValueError, AssertionError):
                    problems.append(f"corrupt probe entry: {p}")
            elif n.endswith(".json"):
                before = checker.corrupt_seen
                if checker.read(str(p)) is None or checker.corrupt_seen != before:
                    problems.append(f"corrupt entry: {p}")
    return problems


def cache_entries(cache: Path) -> int:
    """How many entries (``*.json``) the cache holds."""
    return sum(1 for _, _, names in os.walk(cache) for n in names if n.endswith(".json")) if cache.exists() else 0


@contextlib.contextmanager
def chdir(path: Path) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)
