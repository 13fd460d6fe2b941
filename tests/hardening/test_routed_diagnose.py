"""Found by fuzzing, owned by diagnose/: pattern matching quadratic in a message line.

``diagnose.families.classify`` runs patterns such as ``([\\w.<>]+)\\(\\) got an
unexpected keyword argument`` with ``search``: on a long word every start
position rescans the word, so a 20 kB word costs ~1-3 s per pattern and a
200 kB one hours.  The engine now cuts messages before diagnosis (see
test_engine_bounds.py); this pins the fix of the underlying patterns.
"""

from __future__ import annotations

import time

import pytest

from pytest_depfix.models import Crash, ExceptionRecord


@pytest.mark.parametrize("line", ["x" * 20_000, "a.b" * 7_000, "/" + "x" * 20_000, "lib" * 7_000, "x-" * 10_000])
def test_classify_is_linear_in_a_long_message_line(line):
    # Patterns that begin with a greedy class now start only at a word boundary
    # (a negative lookbehind), so a long word is scanned once, not from every start.
    from pytest_depfix.diagnose.families import classify

    crash = Crash(exceptions=[ExceptionRecord(type="ValueError", message=line)])
    start = time.perf_counter()
    classify(crash)
    assert time.perf_counter() - start < 0.5
