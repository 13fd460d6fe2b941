"""The few errors depfix raises on purpose, each with the CLI exit status it maps to.

Anything else escaping the engine is a depfix bug: the CLI turns it into a
one-line message (exit 2), the plugin into a warning and a report entry.
"""

from __future__ import annotations


class DepfixError(Exception):
    """A failure with a clear one-line message meant for the user."""

    exit_code = 2


class BadInput(DepfixError):
    """The user's input (a file, an option, a pin) cannot be used."""

    exit_code = 2


class NoSolution(DepfixError):
    """No pin set satisfies the constraints."""

    exit_code = 1


class IndexUnavailable(DepfixError):
    """The index could not be reached and the cache could not answer."""

    exit_code = 3


class PackageNotFound(DepfixError):
    """The index has no project of that name (404 everywhere)."""

    exit_code = 2
