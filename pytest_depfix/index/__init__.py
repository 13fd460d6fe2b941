"""Package facts for a target interpreter: sources, pages, range reads, cache.

Public API::

    from pytest_depfix.index import PackageIndex, Release, DistFile, CoreMetadata

See :class:`PackageIndex` (``core.py``) for the questions it answers.
"""

from .core import PackageIndex, check_name, parse_as_of
from .errors import BadDistribution
from .models import CoreMetadata, DistFile, Release

__all__ = ["PackageIndex", "Release", "DistFile", "CoreMetadata", "BadDistribution", "check_name", "parse_as_of"]
