"""Index-layer errors beyond those in :mod:`pytest_depfix.errors`."""

from __future__ import annotations

from ..errors import DepfixError


class BadDistribution(DepfixError):
    """Every file of a release is unreadable (corrupt zip, no METADATA, bad sdist)."""

    exit_code = 2
