"""pytest hooks only: options, capture on workers, hand-off to the engine at session end.

The module imports nothing heavy: when ``--depfix`` is off, only the option
hooks run (pytest-cov's approach), so installed-but-off costs nothing
measurable.  When on, a :class:`DepfixSession` object is registered:

* on every process (xdist workers included) it turns a failing test's live
  exception into a plain-data crash record attached to the report
  (``report.depfix_crash``), which xdist ships to the controller as JSON;
* on the controller only it gathers one record per failure, and after the
  session runs the engine and writes the artifacts atomically.

Nothing here may change a test outcome or pytest's exit status: every depfix
failure becomes a warning line and an ``errors`` entry in the report.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

DEFAULT_DIR = ".depfix"
# Exceptions that end a test phase without failing it.
_NOT_FAILURES = (pytest.skip.Exception, pytest.xfail.Exception)
_WORKER = "workerinput"


class DepfixWarning(UserWarning):
    """A depfix problem that did not stop the test run."""


# -- options ---------------------------------------------------------------

_OPTIONS: Tuple[Tuple[str, str, str, Dict[str, Any]], ...] = (
    # (flag, ini key, help, add_option kwargs)
    ("--depfix", "depfix_enabled", "diagnose failing tests' dependency crashes and write corrected exact pins",
     {"action": "store_true", "default": None}),
    ("--depfix-dir", "depfix_dir", "folder for the artifacts (default: .depfix under the rootdir, or $TOX_ENV_DIR/depfix)", {}),
    ("--depfix-keep", "depfix_keep", "a primary pin that must not move, NAME==VER (repeatable)", {"action": "append"}),
    ("--depfix-requirements", "depfix_requirements", "the pin set to fix (default: the distributions installed here)", {}),
    ("--depfix-python", "depfix_python", "target Python version X.Y (default: the running one)", {}),
    ("--depfix-platform", "depfix_platform", "target platform, e.g. manylinux_2_17_x86_64 (default: the running one)", {}),
    ("--depfix-offline", "depfix_offline", "answer from the metadata cache only", {"action": "store_true", "default": None}),
    ("--depfix-index-url", "depfix_index_url", "package index to use instead of pip's configured one", {}),
    ("--depfix-cache-dir", "depfix_cache_dir", "metadata cache folder", {}),
    ("--depfix-verify", "depfix_verify", "re-run the failing tests in an isolated environment with the proposed pins",
     {"action": "store_true", "default": None}),
    ("--depfix-verify-attempts", "depfix_verify_attempts", "how many ranked candidate sets to try (default 3)", {}),
    ("--depfix-verify-timeout", "depfix_verify_timeout", "seconds for each install and re-run (default 600)", {}),
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("depfix", "dependency crash diagnosis (pytest-depfix)")
    for flag, ini, help_text, kwargs in _OPTIONS:
        dest = ini if ini != "depfix_enabled" else "depfix"
        group.addoption(flag, dest=dest, help=help_text, **kwargs)
        ini_type = "bool" if kwargs.get("action") == "store_true" else ("linelist" if kwargs.get("action") == "append" else None)
        if ini_type:
            parser.addini(ini, help_text, type=ini_type, default=False if ini_type == "bool" else [])
        else:
            parser.addini(ini, help_text, default=None)


def _option(config: pytest.Config, ini: str) -> Any:
    """Command line wins over the ini file."""
    dest = ini if ini != "depfix_enabled" else "depfix"
    value = config.getoption(dest, default=None)
    if value not in (None, [], False):
        return value
    return config.getini(ini)


def pytest_configure(config: pytest.Config) -> None:
    if _option(config, "depfix_enabled"):
        config.pluginmanager.register(DepfixSession(config), "depfix-session")


_PATH_OPTIONS = ("--depfix-dir", "--depfix-requirements", "--depfix-cache-dir")


def _warn_spaced_path_options(config: pytest.Config) -> None:
    """pytest finds its rootdir before plugins add their options: in ``--depfix-cache-dir /x``
    it takes ``/x`` for a test path, and the rootdir (with .pytest_cache and --lf's memory)
    moves to a common ancestor.  ``--depfix-cache-dir=/x`` is safe; say so when it happens."""
    args = list(config.invocation_params.args)
    for flag, value in zip(args, args[1:]):
        if flag in _PATH_OPTIONS and os.path.exists(value):
            here = Path(config.invocation_params.dir).resolve()
            root = Path(config.rootpath).resolve()
            if root != here and root in here.parents:
                tr = config.pluginmanager.get_plugin("terminalreporter")
                if tr is not None:
                    tr.write_line(f"depfix warning: write {flag}={value} (with '='): pytest read {value} as a test path "
                                  f"and chose {root} as its rootdir", yellow=True)
                return


# -- the session object ----------------------------------------------------


class DepfixSession:
    """Registered only when ``--depfix`` is on."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.is_worker = hasattr(config, _WORKER)
        self.records: List[Dict[str, Any]] = []
        self._pending: Dict[Tuple[str, str], BaseException] = {}  # failing phase -> live exception, until its report
        self._seen: set = set()
        self.errors: List[str] = []
        self.paths: Dict[str, Path] = {}
        self.report = None
        self.summary: List[str] = []
        self.summary_extra: List[str] = []

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        if not self.is_worker:
            _warn_spaced_path_options(self.config)

    # capture (every process) -------------------------------------------
    # Plain tryfirst hooks, not a hookwrapper: a passing test pays two cheap calls.
    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> None:
        excinfo = call.excinfo
        if excinfo is not None and not isinstance(excinfo.value, _NOT_FAILURES):
            self._pending[(item.nodeid, call.when)] = excinfo.value
        return None  # pytest's own implementation makes the report

    @pytest.hookimpl(hookwrapper=True)
    def pytest_make_collect_report(self, collector: pytest.Collector):
        outcome = yield
        rep = outcome.get_result()
        if rep.failed:
            call = rep.__dict__.get("call")
            excinfo = getattr(call, "excinfo", None)
            if excinfo is not None:
                self._attach(rep, excinfo.value, "collect", rep.nodeid)

    def _attach(self, rep: Any, exc: BaseException, when: str, nodeid: str) -> None:
        """Turn the live exception into plain data on the report (xdist ships it to the controller)."""
        try:
            from .crash.capture import crash_from_exception

            # pytest wraps import errors of test modules in CollectError: look at the cause.
            while isinstance(exc, pytest.Collector.CollectError) and exc.__cause__ is not None:
                exc = exc.__cause__
            crash = crash_from_exception(exc, when=when, nodeid=nodeid)
            for record in crash.exceptions:
                record.frames = _without_pytest_frames(record.frames)
            rep.depfix_crash = crash.to_dict()
        except Exception as err:  # capture must never disturb the run
            rep.depfix_error = f"capture failed: {type(err).__name__}: {err}"

    # gather (controller) ------------------------------------------------
    @pytest.hookimpl(tryfirst=True)  # before xdist's worker sends the report on
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if not self._pending:
            if report.failed:
                self._record(report, report.when)
            return
        exc = self._pending.pop((report.nodeid, report.when), None)
        if report.failed:
            if exc is not None and getattr(report, "depfix_crash", None) is None:
                self._attach(report, exc, report.when, report.nodeid)
            self._record(report, report.when)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self._record(report, "collect")

    def _record(self, report: Any, when: str) -> None:
        if self.is_worker:
            return
        key = (report.nodeid, when)
        if key in self._seen:
            return
        self._seen.add(key)
        data = getattr(report, "depfix_crash", None)
        if data is None:
            # No live record (capture failed, or an old worker): read the printed traceback.
            data = {"text": getattr(report, "longreprtext", "") or str(report.longrepr or ""), "nodeid": report.nodeid, "when": when}
        err = getattr(report, "depfix_error", None)
        if err:
            self.errors.append(f"{report.nodeid}: {err}")
        self.records.append(data)

    # hand-off (controller) ----------------------------------------------
    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if self.is_worker or not self.records:
            return
        try:
            self._analyze()
        except BaseException as exc:  # noqa: B902 - never an INTERNALERROR, not even on Ctrl-C
            if isinstance(exc, KeyboardInterrupt):
                self.errors.append("analysis interrupted")
            else:
                self.errors.append(f"depfix could not finish the analysis: {type(exc).__name__}: {exc}")
            self._write_error_report()
        for err in self.errors:
            try:
                warnings.warn(DepfixWarning(err))
            except Exception:
                pass

    def _analyze(self) -> None:
        from .engine import AnalysisRequest, analyze, parse_keep
        from .report import summary_lines, write_artifacts
        from .requirements import read_requirements
        from .target import Target

        cfg = self.config
        target = Target.from_spec(_option(cfg, "depfix_python"), _option(cfg, "depfix_platform"))
        req_file = _option(cfg, "depfix_requirements")
        if req_file:
            path = Path(req_file)
            if not path.is_absolute():
                path = Path(cfg.invocation_params.dir) / path
            pins = read_requirements(path, target)
            source = str(req_file)
        else:
            pins = installed_pinset()
            source = "installed distributions"
        keep = parse_keep(_option(cfg, "depfix_keep") or [])
        crashes = self._crashes()
        index_options: Dict[str, Any] = {}
        if _option(cfg, "depfix_index_url"):
            index_options["index_url"] = _option(cfg, "depfix_index_url")
        if _option(cfg, "depfix_cache_dir"):
            index_options["cache_dir"] = _option(cfg, "depfix_cache_dir")
        if _option(cfg, "depfix_offline"):
            index_options["offline"] = True
        verify = bool(_option(cfg, "depfix_verify"))
        attempts = _int_option(cfg, "depfix_verify_attempts", 3)
        req = AnalysisRequest(
            pins=pins, crashes=crashes, target=target, keep=keep, index_options=index_options,
            project_root=str(cfg.rootpath), installed=not req_file or target == Target.current(),
            requirements_source=source, pyproject=_pyproject(cfg), alternatives=max(0, attempts - 1) if verify else 0,
        )
        report = analyze(req)
        report.errors[:0] = self.errors
        if verify:
            self._verify(report, target, index_options, attempts)
        self.report = report
        self.paths = write_artifacts(report, self.artifact_dir())
        self.summary = summary_lines(report)

    def _verify(self, report, target, index_options: Dict[str, Any], attempts: int) -> None:
        """Prove the answer by re-running the failing tests; fall back to the next-ranked answers."""
        from .verify import EnvironmentBuilder, verify_candidates

        answers = [r for r in [report.resolution] + list(report.alternatives) if r.ok]
        candidates = [{p.name: r.pins.get(p.key, p.version) for p in report.pins if p.active} for r in answers]
        test_ids = list(dict.fromkeys(t for c in report.crashes for t in c.tests))
        pins = report.pins
        timeout = float(_int_option(self.config, "depfix_verify_timeout", 600))
        builder = EnvironmentBuilder(
            index_options.get("cache_dir"),
            index_url=index_options.get("index_url") or pins.index_url,
            extra_index_urls=pins.extra_index_urls, find_links=pins.find_links, timeout=timeout,
        )
        result = verify_candidates(candidates, test_ids, project_root=Path(self.config.rootpath), builder=builder,
                                   attempts=attempts, timeout=timeout, target=target)
        report.verification = result.to_dict()
        if result.verified and result.candidate_index:
            report.resolution = answers[result.candidate_index]
        self.summary_extra = [result.summary()]

    def _crashes(self):
        from .crash import parse_traceback
        from .models import Crash

        crashes = []
        for data in self.records:
            if "exceptions" in data:
                crashes.append(Crash.from_dict(data))
                continue
            parsed = parse_traceback(data.get("text", ""))
            for crash in parsed[-1:]:
                crash.tests = [data["nodeid"]]
                crash.when = data["when"]
                crashes.append(crash)
            if not parsed:
                self.errors.append(f"{data['nodeid']}: no traceback could be read from the failure")
        return crashes

    def _write_error_report(self) -> None:
        """Even a failed analysis leaves a report saying why (never half a file)."""
        try:
            import json

            from .report import JSON_NAME, write_atomic

            folder = self.artifact_dir()
            body = {"status": "error", "errors": self.errors, "crashes": len(self.records)}
            write_atomic(folder / JSON_NAME, json.dumps(body, indent=2) + "\n")
            self.paths = {"json": folder / JSON_NAME}
        except Exception as exc:
            self.errors.append(f"could not write the report: {exc}")

    def artifact_dir(self) -> Path:
        configured = _option(self.config, "depfix_dir")
        if configured:
            path = Path(configured)
            return path if path.is_absolute() else Path(self.config.invocation_params.dir) / path
        tox_env = os.environ.get("TOX_ENV_DIR")
        if tox_env:
            return Path(tox_env) / "depfix"
        return Path(self.config.rootpath) / DEFAULT_DIR

    # terminal (controller) ----------------------------------------------
    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.is_worker or not self.records:
            return
        tr = terminalreporter
        tr.write_sep("-", "depfix")
        for line in self.summary + self.summary_extra:
            tr.write_line(line)
        for err in self.errors:
            tr.write_line(f"depfix warning: {err}", yellow=True)
        for name, path in self.paths.items():
            tr.write_line(f"{name}: {path}")


def _int_option(config: pytest.Config, ini: str, default: int) -> int:
    value = _option(config, ini)
    if value in (None, ""):
        return default
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        from .errors import BadInput

        raise BadInput(f"{ini} must be a whole number, not {value!r}")


def _without_pytest_frames(frames: list) -> list:
    """Drop the outermost frames that belong to pytest/pluggy's runner."""
    markers = (os.sep + "_pytest" + os.sep, os.sep + "pluggy" + os.sep)
    i = 0
    while i < len(frames) - 1 and any(m in frames[i].file for m in markers):
        i += 1
    return frames[i:]


def _pyproject(config: pytest.Config) -> Optional[str]:
    path = Path(config.rootpath) / "pyproject.toml"
    return str(path) if path.exists() else None


def installed_pinset():
    """The running environment as a pin set (minus pytest-depfix itself)."""
    from importlib import metadata

    from packaging.utils import canonicalize_name

    from .requirements import Pin, PinSet

    seen: Dict[str, Pin] = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"] if dist.metadata else None
        if not name:
            continue
        key = canonicalize_name(name)
        if key in seen or key == "pytest-depfix":
            continue
        seen[key] = Pin(name=name, key=key, specifier=f"=={dist.version}", version=dist.version, source="installed")
    return PinSet(pins=[seen[k] for k in sorted(seen)])
