"""Identical crashes across many tests become one record that lists the tests.

A missing module breaks every test that imports it; the report should say so
once, with the test ids, rather than fifty times.
"""

from __future__ import annotations

import copy
from typing import Dict, Iterable, List

from ..models import Crash

__all__ = ["group_crashes"]


def group_crashes(crashes: Iterable[Crash]) -> List[Crash]:
    """Identical crashes (same :meth:`Crash.key`) merged into one, test ids kept in order."""
    merged: Dict[str, Crash] = {}
    order: List[str] = []
    for crash in crashes:
        key = crash.key()
        first = merged.get(key)
        if first is None:
            merged[key] = copy.copy(crash)
            merged[key].tests = list(crash.tests)
            order.append(key)
            continue
        for test in crash.tests:
            if test not in first.tests:
                first.tests.append(test)
    return [merged[k] for k in order]
