"""Crash records from live exceptions and pasted text, attributed to distributions.

    parse_traceback(text) -> list[Crash]          every traceback chain in a paste or log
    crash_from_exception(exc, when=, nodeid=)      a live exception (chains, groups) -> Crash
    attribute(crash, pins, target=, ...)           frames -> owner/dist/version/module, call edges
    group_crashes(crashes)                         identical crashes merged, test ids kept
"""

from .parse import parse_traceback

__all__ = ["parse_traceback"]
