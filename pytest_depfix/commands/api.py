"""``depfix api``: does a release provide a name, an attribute or a keyword argument?

``depfix api NAME==VER a.b:X`` reads the module files of that release (for the
target) and answers yes / no / unknown with the file and line it saw;
``depfix api NAME a.b:X --range`` bisects over the installable releases and
prints where the name is present, how many releases it read and the bytes it
fetched.  Nothing downloaded is imported or run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from packaging.utils import canonicalize_name

from ..errors import BadInput
from ..index.options import add_index_arguments, index_from_args, target_from_args

HELP = "answer an API question (module, name, attribute, keyword) from a release's files, or find its version range"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("project", metavar="NAME[==VER]", help="distribution, with ==VERSION for one release (omit it with --range)")
    p.add_argument("question", metavar="QUESTION", help="a.b (module), a.b:X (name), a.b:C.y (attribute), a.b:f(k) (keyword)")
    p.add_argument("--range", action="store_true", help="bisect over the installable releases for where it is present")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_index_arguments(p)


def _split_project(spec: str):
    name, sep, version = spec.partition("==")
    name, version = name.strip(), version.strip()
    if not name or (sep and not version):
        raise BadInput(f"not a project spec: {spec!r} (expected NAME or NAME==VERSION)")
    return name, version or None


def run(args: argparse.Namespace) -> int:
    from ..diagnose.probe import ApiProbe, Question

    name, version = _split_project(args.project)
    question = Question.parse(args.question)
    if not args.range and version is None:
        raise BadInput("give NAME==VERSION, or --range to search over releases")
    target = target_from_args(args)
    with index_from_args(args, target) as index:
        probe = ApiProbe(index)
        started = time.perf_counter()
        if args.range:
            versions = None
            if version is not None:
                raise BadInput("--range searches all releases: give NAME without ==VERSION")
            ra = probe.find_range(name, question, versions)
            elapsed = time.perf_counter() - started
            if args.json:
                out = ra.to_dict()
                out.update({"target": target.to_dict(), "seconds": round(elapsed, 3)})
                print(json.dumps(out, indent=2))
            else:
                print(f"{canonicalize_name(name)} {question} for {target.describe()}")
                if ra.first_with is None:
                    print(f"  present in none of the {ra.versions_considered} installable releases read")
                else:
                    print(f"  present: {ra.present or 'all installable releases'}"
                          f" (first {ra.first_with}, last {ra.last_with}"
                          + (f", gone in {ra.first_without_after}" if ra.first_without_after else "") + ")")
                for v, val in ra.answers.items():
                    print(f"    {v:<14} {val:<8} {ra.evidence.get(v, '')}")
                print(f"  read {ra.releases_read} of {ra.versions_considered} releases, "
                      f"{ra.bytes_fetched} bytes in {ra.requests} requests, {elapsed:.2f} s")
        else:
            ans = probe.ask(name, version, question)
            if args.json:
                out = ans.to_dict()
                out["target"] = target.to_dict()
                print(json.dumps(out, indent=2))
            else:
                note = " (conditional)" if ans.conditional else ""
                print(f"{canonicalize_name(name)}=={version} {question}: {ans.value}{note}")
                print(f"  {ans.evidence}")
        for w in index.warnings:
            print(f"depfix: warning: {w}", file=sys.stderr)
    return 0
