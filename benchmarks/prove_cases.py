"""Proof by running: does the crash come back with the case's pins, and go away with ours?

``score_cases.py`` compares our answer with the fix a thread confirmed.  When
the two differ, only running can say whether ours is a fix too.  For every
case on a platform this machine can run (linux x86_64) and a target Python it
has (pyenv's interpreters: 3.6 to 3.13), this script:

1. builds an isolated environment with uv for the case's pins (their
   dependencies resolved by uv, limited to releases uploaded before the
   newest pin plus 60 days, so unpinned dependencies look like the thread's
   world, not today's);
2. imports, outermost first, every module of the traceback's library frames
   and counts the case *reproduced* when one raises the same exception type
   with the same missing name (an import-time crash; a crash that needs a
   call is "not reproducible by import" and left out); that module is the
   reproducer;
3. builds a second environment from ``depfix analyze``'s strict pins (the
   real CLI, as in ``score_cases.py``) and imports the reproducer: *fixed*
   when it imports cleanly, *gone, then* another error when the original
   crash is gone but the import stopped elsewhere (shown, not counted),
   *fails* when the same crash comes back;
4. does the same for the thread's fix made whole by the same resolver
   (``thread_fix_as_pins``), the baseline measured in the same run.

Downloaded packages run only inside those throwaway environments (as
``depfix verify`` does); nothing is installed into the running one.  Heavy
frameworks (torch, tensorflow, jax, paddle) are skipped for time and disk.

    python benchmarks/prove_cases.py [--only SUBSTR] [--json FILE] [--timeout S]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import score_cases as sc  # noqa: E402
from packaging.utils import canonicalize_name  # noqa: E402

HEAVY = {"torch", "tensorflow", "tensorflow-gpu", "tensorflow-cpu", "jax", "jaxlib", "paddlepaddle", "paddlepaddle-gpu",
         "torchvision", "torchaudio", "mxnet", "cupy", "tf-nightly", "keras", "opencv-python", "opencv-python-headless",
         "opencv-contrib-python", "torch-scatter", "torch-sparse", "torch-geometric", "bitsandbytes", "vllm", "xformers"}
SITE = re.compile(r"(?:site|dist)-packages[\\/](.+?)\.py\b")


def interpreter(python: str) -> Optional[str]:
    """pyenv's interpreter for ``X.Y`` (uv does not download one here)."""
    hits = sorted(glob.glob(os.path.expanduser(f"~/.pyenv/versions/{python}.*/bin/python{python}")))
    return hits[-1] if hits else None


def read_paste(text: str) -> Tuple[Optional[Tuple[str, str]], List[str]]:
    """(exception signature, importable modules of its site-packages frames, outermost first), read by depfix's parser.

    The signature is the informative exception's type (last component) and the
    first quoted name of its message (or its first 40 characters).
    """
    from pytest_depfix.crash import parse_traceback

    crashes = parse_traceback(text)
    if crashes and crashes[-1].exceptions:
        crash = crashes[-1]
    else:  # a bare message, read as the CLI reads it
        from pytest_depfix.diagnose import load_knowledge
        from pytest_depfix.diagnose.message_only import infer_message

        inferred = infer_message(text, load_knowledge())
        if inferred is None:
            return None, []
        crash = inferred.to_crash()
    exc = crash.root
    quoted = re.findall(r"['\"]([^'\"]{1,120})['\"]", exc.message or "")
    sig = (exc.type.split(".")[-1], quoted[0] if quoted else (exc.message or "")[:40])
    mods: List[str] = []
    for e in crash.exceptions:
        for fr in e.frames:
            m = SITE.search(fr.file or "")
            if not m:
                continue
            parts = re.split(r"[\\/]", m.group(1))
            if parts[-1] == "__init__":
                parts = parts[:-1]
            if parts and all(p.isidentifier() for p in parts) and ".".join(parts) not in mods:
                mods.append(".".join(parts))
    return sig, mods


PROBE = """
import importlib, sys
for m in {mods!r}:
    try:
        importlib.import_module(m)
    except BaseException as e:
        print("RAISED", m, type(e).__name__, str(e).replace("\\n", " ")[:400])
        sys.exit(3)
print("OK")
"""


def pin_tops(index: Any, pins: Dict[str, str]) -> List[str]:
    """Top-level packages of the pins' wheels (file lists read from the index), for a paste without library frames."""
    from pytest_depfix.diagnose.probe import ApiProbe

    probe = ApiProbe(index)
    out: List[str] = []
    for name, ver in pins.items():
        try:
            members = probe._members(name, ver)
        except Exception:
            continue
        for m in members:
            parts = m.split("/")
            if len(parts) == 2 and parts[1] == "__init__.py" and parts[0].isidentifier() and parts[0] not in out:
                out.append(parts[0])
    return out


def build_env(where: Path, python: str, pins: Dict[str, str], exclude_newer: Optional[str], timeout: float) -> Tuple[bool, str]:
    if where.exists():
        shutil.rmtree(where)
    r = subprocess.run(["uv", "venv", "-q", "--python", python, str(where)], capture_output=True, text=True, timeout=timeout)
    if r.returncode:
        return False, f"venv: {r.stderr.strip()[-200:]}"
    req = where / "pins.txt"
    req.write_text("".join(f"{k}=={v}\n" for k, v in pins.items()))
    cmd = ["uv", "pip", "install", "-q", "--python", str(where / "bin" / "python"), "-r", str(req),
           "--index-url", "https://pypi.org/simple/"]
    if exclude_newer:
        cmd += ["--exclude-newer", exclude_newer]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "install timed out"
    if r.returncode and exclude_newer:
        # The date bound can leave a dependency with no release for this Python: try today's index.
        return build_env(where, python, pins, None, timeout)
    if r.returncode:
        lines = [ln for ln in r.stderr.strip().splitlines() if ln.strip() and not ln.startswith(("hint", "  "))]
        return False, "install: " + (lines or ["?"])[-1][:200]
    return True, ""


def run_probe(env: Path, mods: List[str], timeout: float) -> Tuple[str, str]:
    try:
        r = subprocess.run([str(env / "bin" / "python"), "-c", PROBE.format(mods=mods)], capture_output=True, text=True,
                           timeout=timeout, cwd=str(env))
    except subprocess.TimeoutExpired:
        return "timeout", ""
    line = (r.stdout.strip().splitlines() or [""])[-1]
    if line == "OK":
        return "ok", ""
    if line.startswith("RAISED"):
        return "raised", line[len("RAISED "):]
    return "error", (r.stderr.strip().splitlines() or ["?"])[-1][:200]


def same_crash(raised: str, sig: Tuple[str, str]) -> bool:
    parts = raised.split(" ", 2)
    return len(parts) == 3 and parts[1] == sig[0] and sig[1] in parts[2]


def exclude_date(index: Any, pins: Dict[str, str]) -> Optional[str]:
    """Newest upload among the pins plus 60 days (RFC 3339), or None."""
    newest = None
    for name, ver in pins.items():
        try:
            for rel in index.releases(name):
                if str(rel.version) == ver and rel.upload_time and (newest is None or rel.upload_time > newest):
                    newest = rel.upload_time
        except Exception:
            continue
    return (newest + timedelta(days=60)).strftime("%Y-%m-%dT%H:%M:%SZ") if newest else None


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=str(ROOT / "benchmarks" / "cases"))
    ap.add_argument("--only", default="")
    ap.add_argument("--json")
    ap.add_argument("--timeout", type=float, default=400.0)
    ap.add_argument("--cache-dir", default=os.environ.get("DEPFIX_CACHE_DIR") or str(Path(tempfile.gettempdir()) / "depfix-bench-cache"))
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "depfix-prove"))
    args = ap.parse_args(argv)

    from pytest_depfix.index import PackageIndex
    from pytest_depfix.target import Target

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows: List[Dict[str, Any]] = []
    t0 = time.perf_counter()
    for folder in sorted(p.parent for p in Path(args.cases).glob("*/case.toml") if args.only in p.parent.name):
        case = sc.load_case(folder)
        row: Dict[str, Any] = {"case": case["_name"]}
        rows.append(row)
        python = str(case.get("python", ""))
        plat = str(case.get("platform", "linux x86_64"))
        text = (folder / case.get("traceback", "traceback.txt")).read_text(errors="replace")
        pins_in = dict(sc.input_pins(case))
        exe = interpreter(python)
        sig, mods = read_paste(text)
        why = ("platform " + plat if not plat.startswith("linux") else
               f"no Python {python} here" if exe is None or python.startswith("2") else
               "heavy framework" if any(canonicalize_name(n) in HEAVY for n in pins_in) else
               "no exception line" if sig is None else
               "environment case" if case.get("expect", {}).get("fix") == "unchanged" else "")
        if why:
            row["status"] = f"skipped: {why}"
            print(f"skip {case['_name']}: {why}", flush=True)
            continue
        target = Target.from_spec(python, plat)
        index = PackageIndex.from_config(target, index_url=sc.DEFAULT_INDEX, use_pip_config=False, cache_dir=args.cache_dir)
        if not mods:
            mods = pin_tops(index, pins_in)  # no library frame printed: import every pin's packages
        stdout, _report, _err = sc.run_cli(case, args.cache_dir, args.timeout)
        ours = dict(sc.parse_output(stdout) or [])
        try:
            theirs = sc.thread_fix_as_pins(case, args.cache_dir)
        except Exception:
            theirs = None
        row.update(right=None, ours=ours, theirs=theirs)
        env = work / case["_name"]
        ok, msg = build_env(env / "before", exe, pins_in, exclude_date(index, pins_in), args.timeout)
        if not ok:
            row["status"] = f"not installable here: {msg}"
            print(f"skip {case['_name']}: {row['status']}", flush=True)
            continue
        state, raised = run_probe(env / "before", mods, args.timeout)
        if state != "raised" or not same_crash(raised, sig):
            row["status"] = f"not reproduced by import ({state}: {raised[:160]})"
            print(f"skip {case['_name']}: {row['status']}", flush=True)
            shutil.rmtree(env, ignore_errors=True)
            continue
        row["status"] = "reproduced"
        mods = [raised.split(" ", 1)[0]]  # the module whose import reproduces it: only it must import afterwards
        for label, pins in (("ours", ours), ("theirs", theirs)):
            if not pins:
                row[label + "_result"] = "no answer"
                continue
            if pins == pins_in:
                row[label + "_result"] = "fails (pins unchanged)"
                continue
            ok, msg = build_env(env / label, exe, pins, exclude_date(index, pins), args.timeout)
            if not ok:
                row[label + "_result"] = f"not installable: {msg}"
                continue
            st, raised2 = run_probe(env / label, mods, args.timeout)
            if st == "ok":
                row[label + "_result"] = "fixed"
            elif st == "raised" and not same_crash(raised2, sig):
                # past the original crash, the import stopped somewhere else (a Django model module
                # without settings, or a new problem): shown, not counted as fixed
                row[label + "_result"] = f"gone, then: {raised2}"[:200]
            else:
                row[label + "_result"] = f"fails: {raised2 or st}"[:200]
        shutil.rmtree(env, ignore_errors=True)
        print(f"{case['_name']}: ours {row['ours_result']}; thread's {row['theirs_result']}", flush=True)
    done = [r for r in rows if r.get("status") == "reproduced"]
    fixed = sum(1 for r in done if r.get("ours_result") == "fixed")
    fixed_t = sum(1 for r in done if r.get("theirs_result") == "fixed")
    print()
    print(f"cases: {len(rows)}; reproduced by import here: {len(done)}")
    gone = sum(1 for r in done if str(r.get("ours_result", "")).startswith("gone"))
    gone_t = sum(1 for r in done if str(r.get("theirs_result", "")).startswith("gone"))
    print(f"our pins fix the reproduced crash: {fixed}/{len(done)}; the thread's fix made whole: {fixed_t}/{len(done)}")
    print(f"the original crash gone but the import stopped on another error: ours {gone}, the thread's {gone_t}")
    print(f"wall time: {time.perf_counter() - t0:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
