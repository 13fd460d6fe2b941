"""Crash records from live exceptions and pasted text, attributed to distributions.

    parse_traceback(text) -> list[Crash]          every traceback chain in a paste or log
    crash_from_exception(exc, when=, nodeid=)      a live exception (chains, groups) -> Crash
    attribute(crash, pins, target=, ...)           frames -> owner/dist/version/module, call edges
    group_crashes(crashes)                         identical crashes merged, test ids kept

A SyntaxError's location (``File "x", line N`` without a function) is not a
frame; it is kept as ``ExceptionRecord.location`` (a Frame attribute set on the
record; not yet a dataclass field, so ``to_dict`` does not carry it).
"""

from .attribute import attribute, classify_path
from .capture import crash_from_exception
from .group import group_crashes
from .parse import parse_traceback

__all__ = ["parse_traceback", "crash_from_exception", "attribute", "group_crashes", "classify_path"]
