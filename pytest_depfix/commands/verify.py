"""``depfix verify``: does this pin set make the tests pass?  Run them and see.

Builds (or reuses) an isolated environment holding exactly the pins of a
requirements file, runs the given pytest arguments there, and prints per test
what failed.  Exit 0 when the tests pass, 1 when they fail (or the pins cannot
be installed), 2 for bad input -- including a target Python that is not the
running one, where verification is not possible.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import BadInput

HELP = "install a pin set into an isolated environment and run the tests there"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..index.options import add_index_arguments
    from ..verify import add_environment_arguments

    p.add_argument("--requirements", "-r", required=True, metavar="FILE", help="the exact pins to verify")
    add_index_arguments(p)
    add_environment_arguments(p)


def run(args: argparse.Namespace) -> int:
    from ..index.options import target_from_args
    from ..verify import (builder_from_args, exact_pins, prepare_project, pytest_arguments, run_attempt,
                          verification_possible)

    target = target_from_args(args)
    why_not = verification_possible(target)
    if why_not:
        raise BadInput(why_not)
    test_args = pytest_arguments(args.pytest_args)
    project_root = Path(args.project)
    if not project_root.is_dir():
        raise BadInput(f"project folder not found: {args.project}")
    pins, pinset = exact_pins(args.requirements, target)
    builder = builder_from_args(args, pinset)
    project = prepare_project(project_root, builder, not args.no_install_project)
    attempt = run_attempt(pins, ["-q", *test_args], [], project_root=project_root, builder=builder,
                          project=project, timeout=args.verify_timeout)
    env_note = "environment reused" if attempt.env_cached else f"environment built in {attempt.install_seconds:.1f} s"
    if attempt.error and attempt.returncode is None:
        print(f"depfix: verify: {attempt.error}", file=sys.stderr)
        if attempt.output_tail:
            print(attempt.output_tail, file=sys.stderr)
        return 1
    counts: dict = {}
    for nodeid, outcome in sorted(attempt.outcomes.items()):
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome in ("failed", "error"):
            print(f"FAIL {nodeid}")
    ok = attempt.returncode == 0
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no tests ran"
    verdict = "PASS" if ok else "FAIL"
    print(f"{verdict}: {summary} under {len(pins)} pins ({env_note}, {attempt.seconds:.1f} s)")
    if not ok:
        print(attempt.output_tail, file=sys.stderr)
    if attempt.error:
        print(f"depfix: verify: {attempt.error}", file=sys.stderr)
    return 0 if ok else 1
