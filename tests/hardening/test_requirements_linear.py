"""Requirements lines built to make backtracking regexes explode stay linear.

Each line is 200,000 characters: a quadratic pattern takes minutes on it, a
linear reader milliseconds.  The bound (2 s per line) only catches the
quadratic blow-up, not ordinary speed (benchmarks/fuzz_inputs.py measures that).
"""

from __future__ import annotations

import time

import pytest

from pytest_depfix.errors import BadInput
from pytest_depfix.requirements import parse_requirements_text
from pytest_depfix.target import Target

N = 200_000

PATHOLOGICAL = {
    "one long word (credential redaction scanned every start)": "x" * N,
    "a run of spaces (comment stripping)": "a" + " " * N + "b",
    "a run of spaces before an option (per-requirement options split)": "pkg==1.0" + " " * N + "-",
    "a long word in a bad requirement": "pkg==1.0 ; " + "y" * N,
    "many schemes without credentials": "pkg @ " + "a://" * (N // 4),
    "continuation lines of spaces": (" " * 1000 + "\\\n") * (N // 1000) + "pkg==1.0",
}


@pytest.mark.parametrize("line", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_a_pathological_line_is_read_or_refused_in_linear_time(line):
    start = time.perf_counter()
    try:
        parse_requirements_text(line + "\n", Target.from_spec("3.9", "linux"))
    except BadInput:
        pass
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize("line", [
    "pkg @ https://user:p@ss@example.invalid/pkg-1.0.tar.gz",
    "pkg @ git+https://tok3n@github.com/a/b@v1",
    "-e git+https://user:p@ss@example.invalid/repo",
])
def test_credentials_with_an_at_sign_in_the_password_are_hidden_whole(line):
    from pytest_depfix.redaction import redact as _redact

    assert "ss@" not in _redact(line) and "tok3n" not in _redact(line)
    assert "example.invalid" in _redact(line) or "github.com" in _redact(line)
