"""``depfix bisect``: which package, and which of its releases, broke the tests?

Between a good pin set (tests pass) and a bad one (tests fail), binary search
over the packages that differ and then over the releases in between, each step
in its own cached isolated environment.  Prints the answer and every step.
Exit 0 when the first bad release was found, 1 when it could not be narrowed
to one (or the ends do not pass/fail as claimed), 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import BadInput

HELP = "find the package and the first release that makes the tests fail, between a good and a bad pin set"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..index.options import add_index_arguments
    from ..verify import add_environment_arguments

    p.add_argument("--good", required=True, metavar="FILE", help="exact pins under which the tests pass")
    p.add_argument("--bad", required=True, metavar="FILE", help="exact pins under which the tests fail")
    add_index_arguments(p)
    add_environment_arguments(p)


def run(args: argparse.Namespace) -> int:
    from ..index.options import index_from_args, target_from_args
    from ..verify import builder_from_args, exact_pins, pytest_arguments, verification_possible
    from ..verify_bisect import bisect, format_steps

    target = target_from_args(args)
    why_not = verification_possible(target)
    if why_not:
        raise BadInput(why_not)
    project_root = Path(args.project)
    if not project_root.is_dir():
        raise BadInput(f"project folder not found: {args.project}")
    good, good_set = exact_pins(args.good, target)
    bad, _ = exact_pins(args.bad, target)
    builder = builder_from_args(args, good_set)
    with index_from_args(args, target=target) as index:
        result = bisect(good, bad, ["-q", *pytest_arguments(args.pytest_args)], project_root=project_root,
                        builder=builder, index=index, target=target, timeout=args.verify_timeout,
                        install_project=not args.no_install_project)
    if result.found:
        print(f"{result.package}=={result.first_bad}")
    print(f"depfix: bisect: {result.reason}", file=sys.stderr if result.found else sys.stdout)
    for line in format_steps(result):
        print(f"  {line}")
    if not result.found and result.steps and result.steps[-1].output_tail:
        print(result.steps[-1].output_tail, file=sys.stderr)
    return 0 if result.found else 1
