"""``depfix analyze``: the engine offline from the crash.

A requirements file, a pasted traceback, a target Python and keep-pins in;
strict pins on stdout (or ``--output``), the report where asked, a short
summary on stderr.  Exit 0 when the analysis finished, 1 when no pin set
satisfies the constraints, 2 for bad input, 3 when the index could not be
reached and the cache could not answer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import BadInput
from .common import read_text_arg

HELP = "diagnose a traceback against a requirements file and print corrected exact pins"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--requirements", "-r", required=True, metavar="FILE", help="the pin set to fix (pip requirements format)")
    p.add_argument("--traceback", "-t", metavar="FILE|-", help="the crash as text ('-' reads standard input); omit to check the set only")
    p.add_argument("--keep", action="append", default=[], metavar="NAME==VER", help="a primary pin that must not move (repeatable)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the strict pins here instead of standard output")
    p.add_argument("--report", metavar="FILE", help="write the JSON report here")
    p.add_argument("--markdown", metavar="FILE", help="write the Markdown report here")
    p.add_argument("--project", metavar="DIR", help="the project's source folder (frames under it are the project's)")
    p.add_argument("--knowledge", action="append", default=[], metavar="FILE", help="extra knowledge-base file (TOML)")
    p.add_argument("--no-probe", action="store_true", help="do not read release files for API contracts")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary on standard error")
    p.add_argument("--stats", action="store_true", help="add timings and index traffic to the JSON report (not deterministic)")
    from ..index.options import add_index_arguments

    add_index_arguments(p)


def run(args: argparse.Namespace) -> int:
    from ..crash import parse_traceback
    from ..engine import AnalysisRequest, analyze, parse_keep
    from ..index.options import index_from_args, target_from_args
    from ..report import report_to_json, report_to_markdown, summary_lines, write_atomic
    from ..requirements import read_requirements

    target = target_from_args(args)
    keep = parse_keep(args.keep)
    pins = read_requirements(args.requirements, target)
    if not pins.pins:
        raise BadInput(f"{args.requirements} names no packages")
    crashes = []
    notes = []
    if args.traceback:
        text = read_text_arg(args.traceback)
        crashes = parse_traceback(text)
        if not crashes:
            # A message-only paste (no header, no frames, no "Type: "): read it
            # only when its wording names the exception class.
            from ..diagnose import load_knowledge
            from ..diagnose.message_only import infer_message

            found = infer_message(text, load_knowledge(args.knowledge))
            if found is None and not args.no_probe:
                found = _raised_by_a_pin(args, target, pins, keep, text)
            if found is None:
                raise BadInput(f"no traceback found in {args.traceback}")
            crashes, notes = [found.to_crash()], [found.note()]
    if args.project and not Path(args.project).is_dir():
        raise BadInput(f"project folder not found: {args.project}")
    index = index_from_args(args, target=target)
    req = AnalysisRequest(
        pins=pins, crashes=crashes, target=target, keep=keep, index=index,
        project_root=args.project, knowledge_files=args.knowledge, installed=False,
        requirements_source=str(args.requirements), use_probe=not args.no_probe, notes=notes,
    )
    report = analyze(req)
    pins_text = report.strict_pins()
    if args.output:
        write_atomic(Path(args.output), pins_text)
    else:
        sys.stdout.write(pins_text)
        sys.stdout.flush()
    if args.report:
        write_atomic(Path(args.report), report_to_json(report, deterministic=not args.stats))
    if args.markdown:
        write_atomic(Path(args.markdown), report_to_markdown(report))
    if not args.quiet:
        print(f"depfix: {report.target.describe()}, {len(pins)} packages, {len(crashes)} crash(es)", file=sys.stderr)
        for line in summary_lines(report):
            print(f"depfix: {line}", file=sys.stderr)
        for w in report.warnings:
            print(f"depfix: warning: {w}", file=sys.stderr)
    return 0 if report.resolution.ok else 1


def _raised_by_a_pin(args: argparse.Namespace, target: object, pins: object, keep: object, text: str) -> object:
    """A bare message no wording identifies, found inside a ``raise`` of a pinned release (read, never run)."""
    from ..diagnose.message_only import InferredMessage
    from ..diagnose.probe import ApiProbe
    from ..diagnose.raised import infer_raiser
    from ..index.options import index_from_args

    index = index_from_args(args, target=target)
    got = infer_raiser(ApiProbe(index), pins, text, keep)
    if got is None:
        return None
    exc_type, message, why = got
    return InferredMessage(exc_type, message, why)
