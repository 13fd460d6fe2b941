"""``depfix check --requirements F --python X.Y``: `pip check` for a target you do not have installed.

Every pin against every other pin's Requires-Dist (markers evaluated for the
target), Requires-Python, and what the index offers for the target.  Missing
dependencies are reported, never added.  Exit status 0 when the set is
consistent, 1 when it is not, 3 when nothing conflicts but some pin could not
be read (its metadata unreadable, the index erring): "consistent" would claim
what was not checked.
"""

from __future__ import annotations

import json
import sys

from ..errors import BadInput
from ..index.options import add_index_arguments, index_from_args, target_from_args

HELP = "check a pin set's declared compatibility for a target Python/platform (pip check without installing)"


def add_arguments(parser) -> None:
    parser.add_argument("--requirements", "-r", required=True, metavar="FILE", help="the pin set (pip requirements format)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_index_arguments(parser)


def format_report(report, n_pins: int) -> list:
    lines = [f"checked {report.checked} of {n_pins} packages for {report.target.get('python')} on {report.target.get('platform') or report.target.get('system')}"]
    for c in report.conflicts:
        lines.append(f"conflict: {c.describe()}")
    for name, version, rp in report.python_incompatible:
        lines.append(f"python: {name}=={version} requires Python {rp}")
    for name, version, why in report.not_installable:
        lines.append(f"not installable: {name}=={version}: {why}")
    for name, version in report.sdist_only:
        lines.append(f"sdist only: {name}=={version} must be built on the target")
    for req, by in report.missing:
        lines.append(f"missing: {req} (required by {by}) is not in the set")
    for name in report.unpinned:
        lines.append(f"unpinned: {name} has no exact version; not checked")
    for err in report.errors:
        lines.append(f"error: {err}")
    if not report.ok:
        lines.append("inconsistent")
    elif report.errors:
        lines.append(f"incomplete: {len(report.errors)} package(s) could not be read; no conflict among the rest")
    elif report.unpinned:
        # Nothing conflicts among the exact pins, but a line without one was never read:
        # a bare "consistent" would speak for it too.
        lines.append(f"consistent among {report.checked} pinned package(s); "
                     f"{len(report.unpinned)} unpinned not checked")
    else:
        lines.append("consistent")
    return lines


def run(args) -> int:
    from ..diagnose import check_matrix
    from ..requirements import read_requirements

    target = target_from_args(args)
    pins = read_requirements(args.requirements, target)
    if not pins.pins:
        raise BadInput(f"{args.requirements} names no packages")
    with index_from_args(args, target) as index:
        report = check_matrix(pins, target, index)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for line in format_report(report, len(pins)):
            print(line)
    for w in pins.warnings:
        print(f"depfix: warning: {w}", file=sys.stderr)
    if not report.ok:
        return 1
    return 3 if report.errors else 0
