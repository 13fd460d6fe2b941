"""``depfix trace``: show what depfix reads from a traceback, frame by frame.

Before trusting a diagnosis, a user (or a maintainer triaging a report) wants
to see which exceptions were found and which distribution and version each
frame was attributed to.  This prints every crash in the text readably, with
``owner==version`` beside each frame, or as JSON (``--json``, one
``Crash.to_dict()`` per crash, in a list).  A message-only paste whose
wording names its exception class is read as one frameless crash (see
``diagnose.message_only``); exit 2 with "no traceback found" otherwise.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import List, Optional, TextIO

from ..crash import attribute, parse_traceback
from ..crash.attribute import owner_label
from ..errors import BadInput
from .common import read_text_arg
from ..models import OWNER_DIST, Crash, Frame

HELP = "show the exceptions, frames and owning distributions read from a traceback"

_RELATION_TEXT = {
    "cause": "The above exception was the direct cause of the following exception:",
    "context": "During handling of the above exception, another exception occurred:",
    "remote": "Re-raised from a worker/replica; its original traceback:",
    "group": "Exception group member:",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE|-", help="the text holding the traceback ('-' reads standard input)")
    p.add_argument("--json", action="store_true", help="print the crash records as JSON")
    p.add_argument("--requirements", "-r", metavar="FILE", help="pins to attribute frames to (their versions are shown)")
    p.add_argument("--python", metavar="X.Y", help="the Python the traceback came from (decides what is stdlib)")
    p.add_argument("--project", metavar="DIR", help="the project's source folder (frames under it are the project's)")
    p.add_argument("--no-installed", action="store_true", help="do not consult the distributions installed here")


def run(args: argparse.Namespace) -> int:
    from ..target import Target

    target: Optional[Target] = Target.from_spec(args.python, "linux") if args.python else None
    pins = None
    if args.requirements:
        from ..requirements import read_requirements

        pins = read_requirements(args.requirements, target)
    text = read_text_arg(args.file)
    crashes = parse_traceback(text)
    if not crashes:
        from ..diagnose import load_knowledge
        from ..diagnose.message_only import infer_message

        found = infer_message(text, load_knowledge())
        if found is None:
            raise BadInput("no traceback found")
        print(f"depfix: {found.note()}", file=sys.stderr)
        crashes = [found.to_crash()]
    crashes = [
        attribute(c, pins, target=target, project_root=args.project, installed=not args.no_installed) for c in crashes
    ]
    if args.json:
        json.dump([_to_dict(c) for c in crashes], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for i, crash in enumerate(crashes, 1):
            print_crash(crash, sys.stdout, number=i, total=len(crashes))
    return 0


def _to_dict(crash: Crash) -> dict:
    data = crash.to_dict()
    for rec, exc in zip(data["exceptions"], crash.exceptions):
        loc = getattr(exc, "location", None)
        if isinstance(loc, Frame):
            rec["location"] = dataclasses.asdict(loc)
    return data


def _owner_text(frame: Frame) -> str:
    if frame.owner == OWNER_DIST and frame.dist:
        return f"{frame.dist}=={frame.version}" if frame.version else frame.dist
    return owner_label(frame)


def print_crash(crash: Crash, out: TextIO, number: int = 1, total: int = 1) -> None:
    """The readable form: frames with their owners, exceptions, then the call edges."""
    lines: List[str] = [f"crash {number} of {total} ({crash.when})" + (f": {', '.join(crash.tests)}" if crash.tests else "")]
    for exc in crash.exceptions:
        if exc.frames:
            lines.append("  Traceback (most recent call last):")
        for fr in exc.frames:
            lines.append(f"    {fr.file}:{fr.line} in {fr.function or '?'}    [{_owner_text(fr)}]")
            if fr.source:
                lines.append(f"        {fr.source}")
        loc = getattr(exc, "location", None)
        if isinstance(loc, Frame):
            lines.append(f"    at {loc.file}:{loc.line}    [{_owner_text(loc)}]")
        message = exc.message.split("\n", 1)[0]
        lines.append(f"  {exc.type}: {message}" if message else f"  {exc.type}")
        if exc.relation:
            lines.append(f"  -- {_RELATION_TEXT.get(exc.relation, exc.relation)}")
    if crash.edges:
        chain = [crash.edges[0].caller] + [e.callee for e in crash.edges]
        lines.append("  calls: " + " -> ".join(chain))
    if crash.innermost_library:
        lines.append(f"  innermost library: {crash.innermost_library}")
    if crash.raised_in:
        lines.append(f"  raised in: {crash.raised_in}")
    out.write("\n".join(lines) + "\n\n")
