"""Prove a proposal: re-run the failing tests against candidate pin sets.

A proposal nobody ran is a guess.  When the target is the running Python,
:func:`verify_candidates` installs each ranked candidate into an isolated,
cached environment (:mod:`pytest_depfix.verify_env`), re-runs only the failing
test ids there (:mod:`pytest_depfix.verify_run`) and stops at the first
candidate under which they all pass.  :func:`bisect` finds the release that
broke a test between a good and a bad pin set.

The plugin needs only::

    builder = EnvironmentBuilder(cache_root, index_url=..., timeout=t)
    result = verify_candidates(candidates, failing_ids, project_root=rootdir,
                               builder=builder, attempts=n, timeout=t, target=target)
    result.to_dict()  # into the report; result.pins into the artifact
"""

from __future__ import annotations

import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from packaging.utils import canonicalize_name

from .verify_env import EnvironmentBuilder, EnvironmentError_, clean_environments, environments_dir
from .verify_project import ProjectInstall, detect_project
from .verify_run import project_pythonpath, pytest_args, run_pytest

__all__ = [
    "Attempt", "VerifyResult", "EnvironmentBuilder", "EnvironmentError_", "ProjectInstall",
    "verify_candidates", "verification_possible", "prepare_project", "clean_environments",
    "environments_dir", "bisect", "BisectResult", "BisectStep",  # noqa: F822 - the last three load lazily (__getattr__)
]


@dataclass
class Attempt:
    """One candidate tried: its pins, per-test outcome, and what the run printed."""

    pins: Dict[str, str]
    passed: Dict[str, bool] = field(default_factory=dict)  # test id -> passed under these pins
    returncode: Optional[int] = None  # pytest's exit status (None: pytest never ran)
    output_tail: str = ""
    seconds: float = 0.0  # wall time, environment included
    error: Optional[str] = None  # why the environment could not be built, or the run timed out
    env_cached: bool = False  # the environment was reused (only the test run was paid)
    install_seconds: float = 0.0
    outcomes: Dict[str, str] = field(default_factory=dict)  # every node id run -> passed|failed|skipped|error

    @property
    def all_passed(self) -> bool:
        return self.error is None and bool(self.passed) and all(self.passed.values())


@dataclass
class VerifyResult:
    """The outcome of verifying ranked candidates, best first."""

    verified: bool
    candidate_index: Optional[int]  # index into the candidates of the verified set
    pins: Dict[str, str]  # the verified pins, or the best unverified ones
    attempts: List[Attempt] = field(default_factory=list)
    reason: str = ""

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        """One line for a terminal summary."""
        mark = "verified" if self.verified else "UNVERIFIED"
        return f"{mark}: {self.reason}"


def verification_possible(target: Any = None) -> Optional[str]:
    """None when ``target`` is the running interpreter, else the reason verification cannot run here."""
    if target is None:
        return None
    running = ".".join(map(str, sys.version_info[:2]))
    wanted = ".".join(map(str, tuple(getattr(target, "python", ()))[:2]))
    if wanted and wanted != running:
        return f"target Python {wanted} is not the running Python {running}: verification not possible here"
    system = getattr(target, "system", None)
    if system and system != sys.platform and not (system == "linux" and sys.platform.startswith("linux")):
        return f"target platform {system} is not this machine's {sys.platform}: verification not possible here"
    return None


def prepare_project(project_root: Path, builder: EnvironmentBuilder, install_project: bool = True) -> Optional[ProjectInstall]:
    """The installed project, repacked for the environments (None: run it from its folder)."""
    if not install_project:
        return None
    return detect_project(Path(project_root), builder.wheelhouse)


def verify_candidates(
    candidates: Sequence[Mapping[str, str]],
    test_ids: Sequence[str],
    *,
    project_root: Path,
    rootdir_args: Sequence[str] = (),
    builder: EnvironmentBuilder,
    attempts: int = 3,
    timeout: float = 600,
    install_project: bool = True,
    target: Any = None,
) -> VerifyResult:
    """Try the candidates in order (at most ``attempts``); stop at the first where every test passes."""
    cands = [dict(c) for c in candidates]
    best = cands[0] if cands else {}
    why_not = verification_possible(target)
    if why_not:
        return VerifyResult(False, None, best, [], why_not)
    if not cands:
        return VerifyResult(False, None, {}, [], "no candidate pin set to verify")
    if not test_ids:
        return VerifyResult(False, None, best, [], "no failing test to re-run")
    project = prepare_project(Path(project_root), builder, install_project)
    budget = max(1, int(attempts))
    tried: List[Attempt] = []
    for index, pins in enumerate(cands[:budget]):
        attempt = run_attempt(pins, list(rootdir_args) + list(test_ids), list(test_ids), project_root=Path(project_root),
                              builder=builder, project=project, timeout=timeout)
        tried.append(attempt)
        if attempt.all_passed:
            n = len(test_ids)
            return VerifyResult(True, index, pins, tried,
                                f"candidate {index + 1} of {len(cands)}: {n} failing test{'s' if n != 1 else ''} now pass")
    skipped = len(cands) - len(tried)
    reason = f"none of the {len(tried)} candidate{'s' if len(tried) != 1 else ''} tried made the failing tests pass"
    if skipped:
        reason += f" ({skipped} more not tried: budget of {budget} attempt{'s' if budget != 1 else ''})"
    return VerifyResult(False, None, best, tried, reason)


def run_attempt(
    pins: Mapping[str, str],
    args: Sequence[str],
    test_ids: Sequence[str],
    *,
    project_root: Path,
    builder: EnvironmentBuilder,
    project: Optional[ProjectInstall],
    timeout: float,
) -> Attempt:
    """Build (or reuse) the environment for ``pins`` and run pytest with ``args`` in it."""
    start = time.monotonic()
    attempt = Attempt(pins=dict(pins))
    if project is not None and project.wheel is not None:
        # A pin set read from the running environment names the project itself, which no index serves:
        # it comes from its own repacked wheel instead.
        own = canonicalize_name(project.dist)
        pins = {k: v for k, v in pins.items() if canonicalize_name(k) != own}
    try:
        env = builder.ensure(pins, project)
    except EnvironmentError_ as exc:
        attempt.error = str(exc)
        attempt.output_tail = "\n".join(exc.output.splitlines()[-40:])
        attempt.seconds = time.monotonic() - start
        attempt.passed = {t: False for t in test_ids}
        return attempt
    attempt.env_cached = builder.last_cache_hit
    attempt.install_seconds = builder.last_install_seconds
    installed = project is not None and project.wheel is not None
    run = run_pytest(env, pytest_args([], args), cwd=Path(project_root),
                     pythonpath=project_pythonpath(Path(project_root), installed), timeout=timeout)
    attempt.returncode = run.returncode
    attempt.output_tail = run.tail()
    attempt.outcomes = dict(run.outcomes)
    attempt.passed = run.passed_map(test_ids) if test_ids else {}
    if run.timed_out:
        attempt.error = f"the test run timed out after {timeout:g} s"
    attempt.seconds = time.monotonic() - start
    return attempt


def __getattr__(name: str) -> Any:  # bisect lives in its own module; import it on first use
    if name in ("bisect", "BisectResult", "BisectStep"):
        from . import verify_bisect

        return getattr(verify_bisect, name)
    raise AttributeError(name)


# -- shared by ``depfix verify`` and ``depfix bisect`` -------------------------

def add_environment_arguments(p: Any) -> None:
    """Options of the verification environments (the index options come from index.options)."""
    g = p.add_argument_group("verification environment")
    g.add_argument("--project", metavar="DIR", default=".", help="the project whose tests run (default: the current folder)")
    g.add_argument("--installer", choices=("auto", "uv", "pip"), default="auto",
                   help="uv when on PATH (auto), or venv + pip")
    g.add_argument("--verify-timeout", type=float, default=600.0, metavar="SECONDS",
                   help="limit for each environment build and each test run (default 600)")
    g.add_argument("--max-envs", type=int, default=5, metavar="N", help="cached environments to keep (default 5)")
    g.add_argument("--no-install-project", action="store_true",
                   help="do not install the project into the environment; run it from its folder")
    g.add_argument("pytest_args", nargs="*", metavar="-- pytest ARGS", help="what to run, after '--'")


def pytest_arguments(raw: Sequence[str]) -> List[str]:
    """``-- pytest -q tests`` / ``-- python -m pytest tests`` / ``-- tests`` -> the pytest arguments."""
    args = list(raw)
    if args[:1] == ["--"]:
        args = args[1:]
    if args[:1] and Path(args[0]).name in ("pytest", "py.test"):
        args = args[1:]
    elif len(args) >= 3 and Path(args[0]).name.startswith("python") and args[1:3] == ["-m", "pytest"]:
        args = args[3:]
    return args


def exact_pins(path: str, target: Any = None) -> Tuple[Dict[str, str], Any]:
    """``{name: version}`` from a requirements file whose every active line is an exact pin."""
    from .errors import BadInput
    from .requirements import read_requirements

    pinset = read_requirements(path, target)
    pins: Dict[str, str] = {}
    loose = []
    for pin in pinset.pins:
        if not pin.active:
            continue
        if pin.version is None or pin.url:
            loose.append(pin.requirement() if not pin.url else f"{pin.name} @ <url>")
            continue
        pins[pin.name] = pin.version
    if loose:
        raise BadInput(f"{path}: verification needs exact pins (NAME==VERSION); not exact: {', '.join(loose[:5])}")
    if not pins:
        raise BadInput(f"{path} names no packages")
    return pins, pinset


def builder_from_args(args: Any, pinset: Any = None) -> EnvironmentBuilder:
    """An EnvironmentBuilder for the shared options; the requirements file's own index lines apply when no option does."""
    index_url = getattr(args, "index_url", None)
    extras = list(getattr(args, "extra_index_url", None) or [])
    links = list(getattr(args, "find_links", None) or [])
    no_index = bool(getattr(args, "no_index", False))
    if pinset is not None and not (index_url or extras or links or no_index):
        index_url, extras, links = pinset.index_url, list(pinset.extra_index_urls), list(pinset.find_links)
    try:
        return EnvironmentBuilder(getattr(args, "cache_dir", None), index_url=index_url, extra_index_urls=extras,
                                  find_links=links, no_index=no_index, timeout=args.verify_timeout,
                                  max_envs=args.max_envs, installer=args.installer)
    except EnvironmentError_ as exc:
        from .errors import BadInput

        raise BadInput(str(exc))
