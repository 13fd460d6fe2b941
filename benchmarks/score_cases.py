"""Accuracy of the whole analysis on real cases: how many come out right.

For every ``benchmarks/cases/*/case.toml`` this runs ``depfix analyze`` (the
real CLI, against the real index, pip's local config ignored) and scores the
strict pins it prints:

- ``fix = {pkg = "spec"}``: right when each named package's output version is
  inside the thread's confirmed range, every keep-pin held, and the output is
  strict (one ``name==version`` per input package, same names, same count);
- ``also = [{pkg = "spec"}, ...]``: other fixes the same thread confirmed;
  the output may fall inside any one of them;
- ``fix = "unchanged"``: right when the pins come out unchanged and the verdict
  is ``environment``.

A second figure, never mixed into the first: ``[[expect.upstream]]`` entries
record a *different* fix that an upstream source confirms for the same break
(the moved package's changelog, a merged PR in a release, a maintainer),
written after a reviewer checked one of our misses against public sources,
with the source and a verbatim quote.  A miss whose output falls inside such
a ``status = "confirmed"`` range is counted as "a confirmed fix, not the
thread's"; ``status = "checked-in-release"`` (a reviewer read the release's
code, no source says it in words) is shown apart and counted in neither.

A paste the CLI cannot read ("no traceback found") counts as wrong;
``--lenient`` additionally shows what the engine would answer on a lenient
parse, without changing the figure's meaning.

It prints the figure, the median number of changed pins next to the thread's
own fix, and one line per failure saying why.  A miss that moved other pins
than the thread did is also sized against the thread's fix made into a whole
consistent set by the same resolver (``thread_fix_as_pins``): (changed,
majors, minors), the resolver's own first cost parts.  That reading never
changes the figure; it says whether a miss was a different, no larger fix.  When the CLI cannot run yet
(a step still being written), ``--inprocess`` runs the same steps in this
process with whatever exists (parse -> attribute -> diagnose -> resolve).

``--replay`` adds a third reading, printed apart: each case with a
``confirmed_on`` day (when its thread confirmed the fix) runs with ``--as-of``
the day after it (``replay_cutoff``), so the engine sees the releases the
thread's people could choose from.  A thread that pinned werkzeug back in
February 2020 could not move Flask-Session to 0.3.2, uploaded in May; today's
index can, and the main figure judges today's answer against that thread.

    python benchmarks/score_cases.py [--cases DIR] [--only SUBSTR] [--json FILE] [--inprocess] [--replay]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from packaging.specifiers import SpecifierSet  # noqa: E402
from packaging.utils import canonicalize_name  # noqa: E402
from packaging.version import Version  # noqa: E402

if sys.version_info >= (3, 11):
    import tomllib as toml
else:  # pragma: no cover
    import tomli as toml

DEFAULT_INDEX = "https://pypi.org/simple/"


def load_case(folder: Path) -> Dict[str, Any]:
    case = toml.loads((folder / "case.toml").read_text())
    case["_dir"] = folder
    case["_name"] = folder.name
    return case


def input_pins(case: Dict[str, Any]) -> List[Tuple[str, str]]:
    from pytest_depfix.requirements import read_requirements
    from pytest_depfix.target import Target

    target = Target.from_spec(case.get("python"), case.get("platform"))
    pins = read_requirements(case["_dir"] / case.get("requirements", "requirements.txt"), target)
    return [(p.name, p.version or "") for p in pins.pins]


def replay_cutoff(case: Dict[str, Any], cache_dir: str) -> Optional[str]:
    """The ``--as-of`` day that replays the thread's world, or None when the case has no date.

    ``confirmed_on`` is the day the thread confirmed its fix.  The cutoff is the
    day after it, moved later only where the case itself needs it: every pinned
    version must exist (an inferred pin can be a little newer), and so must one
    release inside each package range of the thread's fix (a maintainer may
    announce a release the day before it is uploaded).  Nothing about depfix's
    answer goes into it.
    """
    from datetime import datetime, timedelta, timezone

    from pytest_depfix.diagnose import timeline
    from pytest_depfix.index import PackageIndex
    from pytest_depfix.target import Target

    day = case.get("confirmed_on")
    if not isinstance(day, str) or not day[:4].isdigit():
        return None
    cutoff = datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    target = Target.from_spec(case.get("python"), case.get("platform"))
    index = PackageIndex.from_config(target, index_url=DEFAULT_INDEX, use_pip_config=False, cache_dir=cache_dir)
    for name, version in input_pins(case):
        t = timeline.upload_time(index, name, version) if version else None
        if t is not None and t > cutoff:
            cutoff = t
    fix = case.get("expect", {}).get("fix")
    for name, spec in (fix.items() if isinstance(fix, dict) else ()):
        inside = [t for v, t in timeline.releases(index, name) if t is not None and not v.is_prerelease
                  and SpecifierSet(spec).contains(v, prereleases=True)]
        if inside and min(inside) > cutoff:
            cutoff = min(inside)
    return (cutoff + timedelta(days=1)).strftime("%Y-%m-%d")


def run_cli(case: Dict[str, Any], cache_dir: str, timeout: float, as_of: Optional[str] = None) -> Tuple[str, Dict[str, Any], str]:
    """(stdout pins, JSON report, stderr) of one ``depfix analyze`` run."""
    folder: Path = case["_dir"]
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "pytest_depfix", "analyze",
               "--requirements", str(folder / case.get("requirements", "requirements.txt")),
               "--traceback", str(folder / case.get("traceback", "traceback.txt")),
               "--python", str(case.get("python")), "--report", str(report),
               "--no-pip-config", "--index-url", DEFAULT_INDEX, "--cache-dir", cache_dir, "-q"]
        if case.get("platform"):
            cmd += ["--platform", case["platform"]]
        for k in case.get("keep", []):
            cmd += ["--keep", k]
        if as_of:
            cmd += ["--as-of", as_of]
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=str(ROOT))
        data = json.loads(report.read_text()) if report.exists() else {}
    return proc.stdout, data, proc.stderr.strip()


def run_inprocess(case: Dict[str, Any], cache_dir: str) -> Tuple[str, Dict[str, Any], str]:
    """The CLI's steps in this process: the same engine, with a lenient parse for pastes the CLI refuses.

    Used only when the CLI could not start the analysis (no traceback found in
    a message-only paste or a timestamped log); everything after parsing is the
    engine the CLI runs (attribution, diagnosis, plausibility pruning, resolution).
    """
    from pytest_depfix.crash import parse_traceback
    from pytest_depfix.engine import AnalysisRequest, analyze, parse_keep
    from pytest_depfix.index import PackageIndex
    from pytest_depfix.report import report_to_json
    from pytest_depfix.requirements import read_requirements
    from pytest_depfix.target import Target

    folder: Path = case["_dir"]
    target = Target.from_spec(case.get("python"), case.get("platform"))
    pins = read_requirements(folder / case.get("requirements", "requirements.txt"), target)
    text = (folder / case.get("traceback", "traceback.txt")).read_text(errors="replace")
    crashes = parse_traceback(text)
    if not crashes or not crashes[-1].exceptions:
        from tests.support.diagnose_crashes import simple_parse
        crashes = [simple_parse(text, pins)]
    index = PackageIndex.from_config(target, index_url=DEFAULT_INDEX, use_pip_config=False, cache_dir=cache_dir)
    req = AnalysisRequest(pins=pins, crashes=crashes, target=target, keep=parse_keep(case.get("keep", [])),
                          index=index, installed=False)
    report = analyze(req)
    return report.strict_pins(), json.loads(report_to_json(report, deterministic=True)), ""


def move_size(before: Dict[str, str], after: Dict[str, str]) -> Tuple[int, int, int]:
    """(packages changed, majors left, minors left): the resolver's first three cost parts."""
    changed = majors = minors = 0
    for key, old in before.items():
        new = after.get(key, old)
        if new == old:
            continue
        changed += 1
        try:
            a, b = Version(old).release, Version(new).release
        except Exception:
            continue
        majors += a[:1] != b[:1]
        minors += a[:2] != b[:2]
    return changed, majors, minors


def thread_fix_as_pins(case: Dict[str, Any], cache_dir: str) -> Optional[Dict[str, str]]:
    """The thread's fix made into strict pins by the same resolver (fewest, smallest moves), or None.

    So a miss can be read fairly: pip would also have moved whatever the
    thread's fix drags along (TensorFlow 2.7.3 caps protobuf), and a fix is
    only comparable to ours once it is a whole consistent set.
    """
    from pytest_depfix.index import PackageIndex
    from pytest_depfix.models import Constraint
    from pytest_depfix.requirements import read_requirements
    from pytest_depfix.resolve import resolve
    from pytest_depfix.target import Target

    fix = case.get("expect", {}).get("fix")
    if not isinstance(fix, dict) or not fix:
        return None
    target = Target.from_spec(case.get("python"), case.get("platform"))
    pins = read_requirements(case["_dir"] / case.get("requirements", "requirements.txt"), target)
    index = PackageIndex.from_config(target, index_url=DEFAULT_INDEX, use_pip_config=False, cache_dir=cache_dir)
    keep = {canonicalize_name(k.partition("==")[0]): k.partition("==")[2] for k in case.get("keep", [])}
    res = resolve(pins, target, index, keep=keep, constraints=[Constraint(n, spec, "the thread's fix") for n, spec in fix.items()])
    return dict(res.pins) if res.ok else None


def parse_output(text: str) -> Optional[List[Tuple[str, str]]]:
    """The strict artifact as (name, version) pairs, or None when it is not strict."""
    out = []
    for line in text.splitlines():
        if "==" not in line or line != line.strip() or line.startswith("#"):
            return None
        name, _, ver = line.partition("==")
        try:
            Version(ver)
        except Exception:
            return None
        out.append((name, ver))
    return out


def _diagnoses(report: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Diagnoses from either report shape: the CLI's (per crash) or the in-process one."""
    if "diagnoses" in report:
        return report["diagnoses"]
    return [c.get("diagnosis", c) for c in report.get("crashes", [])]


def verdicts(report: Dict[str, Any]) -> List[str]:
    return [d.get("verdict", "") for d in _diagnoses(report)]


def score(case: Dict[str, Any], pins_in: List[Tuple[str, str]], stdout: str, report: Dict[str, Any]) -> Tuple[bool, str, int]:
    """(right, why not, number of changed pins)."""
    out = parse_output(stdout)
    if out is None or not out:
        return False, f"output is not strict pins: {stdout[:120]!r}", -1
    if [canonicalize_name(n) for n, _ in out] != [canonicalize_name(n) for n, _ in pins_in]:
        return False, "output names/count differ from the input", -1
    got = {canonicalize_name(n): v for n, v in out}
    before = {canonicalize_name(n): v for n, v in pins_in}
    changed = sum(1 for k in got if got[k] != before.get(k))
    for k in case.get("keep", []):
        name, _, ver = k.partition("==")
        if got.get(canonicalize_name(name)) != ver:
            return False, f"keep-pin {k} moved to {got.get(canonicalize_name(name))}", changed
    expect = case.get("expect", {})
    fix = expect.get("fix")
    vs = verdicts(report)
    if fix == "unchanged":
        if changed:
            moved = [f"{k} {before[k]}->{got[k]}" for k in got if got[k] != before.get(k)]
            return False, f"pins changed ({', '.join(moved)}) where the thread fixed nothing in the set; verdicts {vs}", changed
        if "environment" not in vs:
            return False, f"pins unchanged but verdict {vs}, expected environment", changed
        return True, "", changed
    # ``fix`` is the thread's confirmed fix; ``also`` lists other fixes the same
    # thread confirmed (e.g. "reverting scikit-learn to 0.22.2.post1 also works").
    why = ""
    for option in [fix or {}] + list(expect.get("also", [])):
        bad = _outside(option, got)
        if not bad:
            return True, "", changed
        why = why or bad
    culprits = [f"{c.get('name')}{c.get('constraint')}" for d in _diagnoses(report) for c in d.get("culprits", [])]
    return False, (f"{why}; verdicts {vs}; culprits {culprits[:4]}; "
                   f"resolution ok={report.get('resolution', {}).get('ok')}"), changed


def upstream_status(case: Dict[str, Any], pins_in: List[Tuple[str, str]], stdout: str) -> str:
    """For a miss: the status of the first ``[[expect.upstream]]`` fix the strict output falls in, else ''."""
    out = parse_output(stdout)
    if not out or [canonicalize_name(n) for n, _ in out] != [canonicalize_name(n) for n, _ in pins_in]:
        return ""
    got = {canonicalize_name(n): v for n, v in out}
    for k in case.get("keep", []):
        name, _, ver = k.partition("==")
        if got.get(canonicalize_name(name)) != ver:
            return ""
    found = ""
    for entry in case.get("expect", {}).get("upstream", []):
        if not _outside(entry.get("fix", {}), got):
            if entry.get("status") == "confirmed":
                return "confirmed"
            found = found or str(entry.get("status", ""))
    return found


def _outside(option: Dict[str, str], got: Dict[str, str]) -> str:
    """Why the output misses one confirmed fix ('' when it is inside it)."""
    for pkg, spec in option.items():
        v = got.get(canonicalize_name(pkg))
        if v is None:
            return f"{pkg} not in output"
        if not SpecifierSet(spec).contains(Version(v), prereleases=True):
            return f"{pkg}=={v} outside the confirmed {spec}"
    return ""


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=str(ROOT / "benchmarks" / "cases"))
    ap.add_argument("--only", default="", help="run cases whose folder name contains this")
    ap.add_argument("--json", help="write per-case results here")
    ap.add_argument("--inprocess", action="store_true", help="run the steps in this process instead of the CLI")
    ap.add_argument("--lenient", action="store_true",
                    help="when the CLI finds no traceback, run the engine on a lenient parse (not counted as the CLI's figure)")
    ap.add_argument("--cache-dir", default=os.environ.get("DEPFIX_CACHE_DIR") or str(Path(tempfile.gettempdir()) / "depfix-bench-cache"))
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--replay", action="store_true",
                    help="run each dated case against the index as it was the day after the thread confirmed its fix "
                         "(case.toml 'confirmed_on'); a separate figure, never the main one")
    args = ap.parse_args(argv)

    folders = sorted(p.parent for p in Path(args.cases).glob("*/case.toml") if args.only in p.parent.name)
    results = []
    compared: List[Tuple[str, bool]] = []  # misses that moved other pins: (case, ours no larger than the thread's)
    t0 = time.perf_counter()
    for folder in folders:
        case = load_case(folder)
        t = time.perf_counter()
        fallback = bool(args.inprocess)
        stdout, pins_in = "", []
        as_of = None
        try:
            pins_in = input_pins(case)
            as_of = replay_cutoff(case, args.cache_dir) if args.replay else None
            if args.inprocess:
                stdout, report, err = run_inprocess(case, args.cache_dir)
            else:
                stdout, report, err = run_cli(case, args.cache_dir, args.timeout, as_of)
                if args.lenient and not stdout.strip() and "no traceback found" in err:
                    # Only on request: what the engine would say with a lenient parse.
                    stdout, report, err2 = run_inprocess(case, args.cache_dir)
                    err = f"(in-process: CLI said {err.splitlines()[-1][:100]}) {err2}"
                    fallback = True
            ok, why, changed = score(case, pins_in, stdout, report)
            if not ok and err and not stdout.strip():
                why = f"{why}; stderr: {err.splitlines()[-1][:200]}"
        except Exception as exc:  # a failing case is a result, not a crash of the scorer
            ok, why, changed = False, f"scorer could not run it: {type(exc).__name__}: {exc}", -1
            report = {}
        upstream = "" if ok else upstream_status(case, pins_in, stdout)
        if upstream:
            why = f"{why}; inside a fix upstream {upstream} ({'counted' if upstream == 'confirmed' else 'not counted'})"
        fix = case.get("expect", {}).get("fix")
        thread_changes = 0 if fix == "unchanged" else len(fix or {})
        results.append({"case": case["_name"], "family": case.get("family", ""), "right": ok, "why": why,
                        "changed": changed, "thread_changed": thread_changes, "verdicts": verdicts(report),
                        "expected_verdict": case.get("expect", {}).get("verdict"), "seconds": round(time.perf_counter() - t, 2),
                        "in_process": fallback, "upstream": upstream, "as_of": as_of})
        if not ok and stdout.strip() and isinstance(case.get("expect", {}).get("fix"), dict) and not as_of:
            # A different answer: is it larger than the thread's fix, made whole by the same resolver?
            got = {canonicalize_name(n): v for n, v in (parse_output(stdout) or [])}
            before = {canonicalize_name(n): v for n, v in pins_in}
            try:
                theirs = thread_fix_as_pins(case, args.cache_dir)
            except Exception as exc:
                theirs, why = None, f"{why}; thread's fix not resolvable here ({type(exc).__name__})"
            if got and theirs is not None and any(got[k] != v for k, v in before.items() if k in got):
                ours_size, theirs_size = move_size(before, got), move_size(before, theirs)
                thread_moves = {k: v for k, v in theirs.items() if v != before.get(k)}
                why = (f"{why}; as whole sets: ours {ours_size} vs the thread's {theirs_size} "
                       f"(changed, majors, minors) = {thread_moves}")
                compared.append((case["_name"], ours_size <= theirs_size))
        mark = "ok  " if ok else "FAIL"
        print(f"{mark} {case['_name']}" + (f" (as of {as_of})" if as_of else "") + (" (in-process: the CLI found no traceback)" if fallback and not args.inprocess else "")
              + (f": {why}" if why else ""), flush=True)
    right = sum(r["right"] for r in results)
    n = len(results)
    changed = [r["changed"] for r in results if r["changed"] >= 0]
    print()
    if args.replay:
        dated = [r for r in results if r["as_of"]]
        print(f"REPLAY (index as of the day after each thread confirmed its fix; not the issue's figure): "
              f"{sum(r['right'] for r in dated)}/{len(dated)} dated cases right; "
              f"{len(results) - len(dated)} cases without a date ran against today's index")
    label = "right in this run (dated cases replayed)" if args.replay else "right"
    print(f"{label}: {right}/{n} = {100.0 * right / n if n else 0:.1f}% (goal >= 95%)")
    confirmed = [r["case"] for r in results if r.get("upstream") == "confirmed"]
    read_only = [r["case"] for r in results if r.get("upstream") == "checked-in-release"]
    print(f"right, or a different fix an upstream source confirms: {right + len(confirmed)}/{n} = "
          f"{100.0 * (right + len(confirmed)) / n if n else 0:.1f}% ({len(confirmed)} misses inside a confirmed "
          f"upstream fix; {len(read_only)} more inside a fix only read in the release, not counted)")
    if changed:
        print(f"median changed pins: {statistics.median(changed)} (threads' own fixes: "
              f"{statistics.median(r['thread_changed'] for r in results)})")
    vmatch = sum(1 for r in results if r["expected_verdict"] and r["expected_verdict"] in r["verdicts"])
    print(f"verdict as expected: {vmatch}/{n}")
    if compared:
        no_larger = [c for c, small in compared if small]
        print(f"misses that moved other pins than the thread: {len(compared)}; no larger than the thread's fix made whole "
              f"(changed, majors, minors): {len(no_larger)} ({', '.join(no_larger) or '-'})")
    fams: Dict[str, List[bool]] = {}
    for r in results:
        fams.setdefault(r["family"] or "?", []).append(r["right"])
    print("by family: " + ", ".join(f"{f} {sum(v)}/{len(v)}" for f, v in sorted(fams.items())))
    fell_back = [r["case"] for r in results if r["in_process"]] if not args.inprocess else []
    if fell_back:
        print(f"--lenient: ran in-process because the CLI found no traceback in the paste: {len(fell_back)} "
              f"({sum(r['right'] for r in results if r['in_process'])} right; the CLI's own figure counts them wrong): "
              f"{', '.join(fell_back)}")
    print(f"wall time: {time.perf_counter() - t0:.1f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
