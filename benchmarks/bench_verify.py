"""How much does proving a fix cost?  First verify (env build + run) vs second (cache hit) vs plain pytest.

Builds a local index of fixture wheels (no network), a project whose tests call
a function that version 2 of a library removed, and times, for each installer
available (uv when on PATH, venv + pip always):

  * baseline: ``python -m pytest -p no:cacheprovider -q <ids>`` in the running
    environment (the library installed into a throwaway ``--target`` folder on
    PYTHONPATH, so the running environment is not touched),
  * first verify: environment built from scratch, then the run,
  * second verify of the same pins: the environment is reused.

Usage: python benchmarks/bench_verify.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_depfix.verify import EnvironmentBuilder, verify_candidates  # noqa: E402
from tests.support.wheels import make_index  # noqa: E402

TEST_ID = "tests/test_it.py::test_helper"


def setup(root: Path):
    idx = make_index(root / "idx", {"mylib": [
        {"version": "1.0", "files": {"mylib/__init__.py": "def helper():\n    return 42\n"}},
        {"version": "2.0", "files": {"mylib/__init__.py": "def other():\n    return 1\n"}},
    ]})
    proj = root / "proj"
    (proj / "tests").mkdir(parents=True)
    (proj / "tests" / "test_it.py").write_text("from mylib import helper\n\ndef test_helper():\n    assert helper() == 42\n")
    return idx, proj


def baseline(root: Path, idx, proj: Path) -> float:
    site = root / "baseline-site"
    if not site.exists():
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(site),
                       str(next((idx.root / "files").glob("mylib-1.0-*.whl")))], check=True, capture_output=True)
    env = dict(os.environ, PYTHONPATH=str(site))
    env.pop("PYTEST_ADDOPTS", None)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", TEST_ID], cwd=proj, env=env,
                          capture_output=True)
    took = time.perf_counter() - start
    assert proc.returncode == 0, proc.stdout.decode()
    return took


def one_round(installer: str, root: Path, idx, proj: Path):
    builder = EnvironmentBuilder(root / f"cache-{installer}", no_index=True, find_links=[str(idx.root / "files")],
                                 installer=installer)
    times = []
    for _ in range(2):
        start = time.perf_counter()
        result = verify_candidates([{"mylib": "1.0"}], [TEST_ID], project_root=proj, builder=builder)
        times.append(time.perf_counter() - start)
        assert result.verified, result.attempts[0].output_tail
    shutil.rmtree(root / f"cache-{installer}")
    return times


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    os.environ["PIP_CONFIG_FILE"] = os.devnull  # only the local index
    os.environ.pop("PIP_FIND_LINKS", None)
    installers = (["uv"] if shutil.which("uv") else []) + ["pip"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["UV_CACHE_DIR"] = str(root / "uv-cache")
        idx, proj = setup(root)
        base = statistics.median(baseline(root, idx, proj) for _ in range(args.repeat))
        print(f"python {sys.version.split()[0]}, repeat {args.repeat} (medians)")
        print(f"{'baseline: plain pytest of the same id':<44} {base:7.3f} s   1.00x")
        for installer in installers:
            rounds = [one_round(installer, root, idx, proj) for _ in range(args.repeat)]
            first = statistics.median(r[0] for r in rounds)
            second = statistics.median(r[1] for r in rounds)
            print(f"{installer + ': first verify (build + run)':<44} {first:7.3f} s {first / base:6.2f}x")
            print(f"{installer + ': second verify (cache hit)':<44} {second:7.3f} s {second / base:6.2f}x"
                  f"   (first/second = {first / second:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
