"""Reviewed (s4): ``_RUNTIME_REQUIRES`` (families.py, c501764) is quadratic in a long capitalised word.

The pattern begins ``(?:This version of )?(?P<by>[A-Z][\\w.-]*...) requires`` and is ``search``-ed without
the ``(?<![\\w.-])`` lookbehind the other greedy patterns carry (tests/hardening/test_routed_diagnose.py):
every upper-case letter of a long word is a start position and rescans the rest of the word.  It also
runs for every exception type (the etype test comes after the search).  A 20 kB base64/hex-like word
in a ValueError took ~10 s in ``classify`` (0.01 s before the change).
"""
from __future__ import annotations

import time

import pytest

from pytest_depfix.models import Crash, ExceptionRecord


@pytest.mark.parametrize("line", ["X" * 20_000, "Ab" * 10_000, "blob: " + "QmFzZTY0" * 2_500],
                         ids=["upper", "mixed", "base64"])
def test_classify_is_linear_in_a_long_capitalised_word(line):
    from pytest_depfix.diagnose.families import classify

    crash = Crash(exceptions=[ExceptionRecord(type="ValueError", message=line)])
    start = time.perf_counter()
    classify(crash)
    assert time.perf_counter() - start < 0.5
