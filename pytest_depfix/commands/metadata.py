"""``depfix metadata NAME==VER``: Requires-Python and Requires-Dist, markers evaluated for the target."""

from __future__ import annotations

import json
import sys

from packaging.requirements import InvalidRequirement, Requirement

from ..errors import BadInput
from ..index.options import add_index_arguments, index_from_args, target_from_args

HELP = "show a release's Requires-Python and its dependencies for the target"


def add_arguments(parser) -> None:
    parser.add_argument("pin", help="NAME==VERSION (extras allowed: NAME[extra]==VERSION)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_index_arguments(parser)


def _parse_pin(text: str):
    try:
        req = Requirement(text)
    except InvalidRequirement:
        req = None
    specs = list(req.specifier) if req else []
    if req is None or len(specs) != 1 or specs[0].operator not in ("==", "===") or "*" in specs[0].version:
        raise BadInput(f"expected NAME==VERSION, got {text!r}")
    return req.name, specs[0].version, sorted(req.extras)


def run(args) -> int:
    name, version, extras = _parse_pin(args.pin)
    target = target_from_args(args)
    with index_from_args(args, target) as index:
        meta = index.metadata(name, version)
        applies = {str(r) for r in meta.dependencies(target, extras)}
        deps = [{"requirement": r, "applies": r in applies or _same(r, applies)} for r in meta.requires_dist]
        for w in index.warnings:
            print(f"depfix: warning: {w}", file=sys.stderr)
        if args.json:
            print(json.dumps({
                "name": meta.name, "version": meta.version, "target": target.to_dict(),
                "requires_python": meta.requires_python, "python_ok": target.allows_python(meta.requires_python),
                "requires_dist": deps, "source": meta.source, "complete": meta.complete,
            }, indent=2))
            return 0
        ok = "" if target.allows_python(meta.requires_python) else "  (excludes the target!)"
        print(f"{meta.name} {meta.version} for {target.describe()}  [from {meta.source}]")
        print(f"  Requires-Python: {meta.requires_python or '(any)'}{ok}")
        if not meta.complete:
            print("  (sdist without static metadata: dependencies are decided at build time)")
        print("  Requires-Dist:" + ("" if deps else " (none)"))
        for d in deps:
            print(f"    {'+' if d['applies'] else '-'} {d['requirement']}")
    return 0


def _same(text: str, applies: set) -> bool:
    try:
        return str(Requirement(text)) in applies
    except InvalidRequirement:
        return False
