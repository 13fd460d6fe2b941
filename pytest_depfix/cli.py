"""The ``depfix`` command: arguments in, one engine call, exit codes out.

Each subcommand lives in ``pytest_depfix.commands.<name>`` and exposes
``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``; this module only
dispatches and turns errors into one-line messages with the documented exit
statuses (0 done, 1 no solution, 2 bad input, 3 index unreachable).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import List, Optional

from . import __version__
from .errors import DepfixError

COMMANDS = ("analyze", "trace", "check", "versions", "metadata", "api", "verify", "bisect", "cache")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="depfix",
        description="Find the exact dependency pins that fix a crash caused by incompatible versions.",
    )
    parser.add_argument("--version", action="version", version=f"depfix {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f"pytest_depfix.commands.{name}")
        except ImportError:
            continue
        p = sub.add_parser(name, help=mod.HELP, description=mod.HELP)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser




def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args._run(args) or 0)
    except DepfixError as exc:
        print(f"depfix: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("depfix: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a depfix bug: one line, unless asked for the traceback
        if os.environ.get("DEPFIX_DEBUG"):
            raise
        print(f"depfix: internal error: {type(exc).__name__}: {exc} (set DEPFIX_DEBUG=1 for details)", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
