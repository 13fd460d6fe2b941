"""Small pieces several subcommands share."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import BadInput


def read_text_arg(spec: str, what: str = "traceback") -> str:
    """The text of a FILE argument, or standard input for ``-``; unreadable input is BadInput."""
    if spec == "-":
        return sys.stdin.read()
    path = Path(spec)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"{what} file not found: {spec}")
    except IsADirectoryError:
        raise BadInput(f"{what} path is a directory, not a file: {spec}")
    except OSError as exc:
        raise BadInput(f"cannot read {what} file {spec}: {exc.strerror or exc}")
    return data.decode("utf-8-sig", errors="replace")
