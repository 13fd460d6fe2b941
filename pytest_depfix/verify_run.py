"""Run pytest inside a verification environment and learn, per test, what happened.

The exit status alone says too little (which of the failing tests now pass?)
and parsing ``-q`` output is brittle, so a tiny plugin -- written to a
temporary folder and loaded with ``-p`` -- records each test's outcome by node
id into a JSON file.  It uses only hooks every pytest since 3.0 has, because the
environment runs the user's pytest, not necessarily ours.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Sequence

from .verify_env import _clean_env, _decode, env_python, kill_group

_PLUGIN_NAME = "_depfix_verify_probe"
_PLUGIN = '''
import json, os
_OUT = {}
def pytest_runtest_logreport(report):
    prev = _OUT.get(report.nodeid)
    if report.failed:
        _OUT[report.nodeid] = "failed"
    elif report.skipped and prev is None:
        _OUT[report.nodeid] = "skipped"
    elif report.when == "call" and report.passed and prev in (None, "skipped"):
        _OUT[report.nodeid] = "passed"
def pytest_collectreport(report):
    if report.failed:
        _OUT[report.nodeid or "<collection>"] = "error"
def pytest_sessionfinish(session):
    path = os.environ.get("DEPFIX_VERIFY_RESULTS")
    if path:
        with open(path, "w") as f:
            json.dump(_OUT, f)
'''

TAIL_LINES = 40


@dataclass
class TestRun:
    """What one pytest run inside an environment showed."""

    returncode: int
    outcomes: Dict[str, str] = field(default_factory=dict)  # node id -> passed|failed|skipped|error
    output: str = ""
    seconds: float = 0.0
    timed_out: bool = False

    def tail(self, lines: int = TAIL_LINES) -> str:
        return "\n".join(self.output.splitlines()[-lines:])

    def passed_map(self, test_ids: Sequence[str]) -> Dict[str, bool]:
        """For each asked id: True when it ran and passed (a skip is not a pass)."""
        out = {}
        for tid in test_ids:
            hits = [v for k, v in self.outcomes.items() if k == tid or k.startswith(tid + "[") or k.startswith(tid + "::")]
            out[tid] = bool(hits) and all(v == "passed" for v in hits)
        return out


def run_pytest(
    env_dir: Path,
    args: Sequence[str],
    *,
    cwd: Path,
    pythonpath: Sequence[str] = (),
    timeout: float = 600,
) -> TestRun:
    """``python -m pytest -p no:cacheprovider <args>`` with the environment's interpreter."""
    python = env_python(env_dir)
    with tempfile.TemporaryDirectory(prefix="depfix-verify-") as tmp:
        (Path(tmp) / f"{_PLUGIN_NAME}.py").write_text(_PLUGIN)
        results = Path(tmp) / "results.json"
        env = _clean_env(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([tmp, *[str(p) for p in pythonpath]])
        env["DEPFIX_VERIFY_RESULTS"] = str(results)
        env["PYTHONNOUSERSITE"] = "1"
        env.pop("PYTEST_PLUGINS", None)
        cmd = [str(python), "-m", "pytest", "-p", _PLUGIN_NAME, "-p", "no:cacheprovider", *args]
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=str(cwd), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)
        timed_out = False
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            out = proc.communicate()[0]
            timed_out = True
        except BaseException:
            kill_group(proc)
            raise
        seconds = time.monotonic() - start
        outcomes: Dict[str, str] = {}
        if results.is_file():
            try:
                outcomes = json.loads(results.read_text())
            except ValueError:
                outcomes = {}
    text = _decode(out)
    if timed_out:
        text += f"\n[depfix] test run timed out after {timeout:g} s"
    return TestRun(returncode=proc.returncode if not timed_out else -1, outcomes=outcomes, output=text,
                   seconds=seconds, timed_out=timed_out)


def pytest_args(test_ids: Sequence[str], rootdir_args: Sequence[str] = ()) -> List[str]:
    """The arguments that re-run exactly ``test_ids``."""
    return ["-q", *rootdir_args, *test_ids]


def project_pythonpath(project_root: Path, installed: bool) -> List[str]:
    """When the project is not installed, its folder (and ``src/``) make it importable."""
    if installed:
        return []
    paths = [str(project_root)]
    if (project_root / "src").is_dir():
        paths.append(str(project_root / "src"))
    return paths


__all__ = ["TestRun", "run_pytest", "pytest_args", "project_pythonpath"]
