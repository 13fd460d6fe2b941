"""Property tests: the parser never raises and stays linear on hostile input.

Inputs are random text, and corpus tracebacks mutated line by line (lines
dropped, duplicated, truncated, prefixed, joined).  Timing is checked with
generous bounds against the size of the input (a linear parser handles 10 MB
in a few seconds here; a quadratic one would take hours).
"""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_depfix.crash.parse import _parse, parse_traceback

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "tracebacks"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))] or ["Traceback (most recent call last):\n"]

ALPHABET = st.sampled_from(list(" \t\n\r|+-_=^~>E:\"',.()[]<>`\\/0123456789abcFileTracebackError\x1b…"))
FRAGMENTS = st.sampled_from([
    "Traceback (most recent call last):", '  File "x.py", line 1, in f', "    x()", "ValueError: v",
    "  + Exception Group Traceback (most recent call last):", "  | ", "  +-+---- 1 ----", "    +------",
    "E   ImportError: x", "x.py:1: in f", "____ t ____", "Original Traceback (most recent call last):",
    "The above exception was the direct cause of the following exception:", '"""',
    "multiprocessing.pool.RemoteTraceback: ", "----> 1 f()", "Cell In[1], line 1", "", "  [Previous line repeated 9 more times]",
    "ImportError: bare", "web_1  | ValueError: prefixed", "2021-10-24 11:09:54  pkg.VersionConflict: stamped", " 1. continued",
    "ERROR: pip says no", "JSONDecodeError: Expecting value",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_random_text_never_raises(text):
    result = _parse(text)
    assert isinstance(result, list)
    for crash in result:
        assert crash.exceptions


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=60))
def test_random_traceback_fragments_never_raise(lines):
    for crash in _parse("\n".join(lines)):
        assert crash.exceptions and all(e.type for e in crash.exceptions)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SEEDS), st.data())
def test_mutated_corpus_never_raises(seed, data):
    lines = seed.splitlines()
    for _ in range(data.draw(st.integers(0, 6))):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["drop", "dup", "cut", "prefix", "join", "indent"]))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]))))]
        elif op == "prefix":
            lines[i] = "12:00:00 app | " + lines[i]
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + " " + lines[i + 1]]
        elif op == "indent":
            lines[i] = "  " + lines[i]
    assert isinstance(_parse("\n".join(lines)), list)


def _seconds(text: str) -> float:
    start = time.perf_counter()
    parse_traceback(text)
    return time.perf_counter() - start


def test_ten_megabytes_of_corpus_in_seconds():
    blob = "\n".join(SEEDS)
    text = (blob * (10_000_000 // max(1, len(blob)) + 1))[:10_000_000]
    assert _seconds(text) < 30


def test_pathological_single_lines_are_linear():
    """Long lines built to make backtracking regexes explode."""
    n = 2_000_000
    for text in ('File "' * (n // 6), ":1" * (n // 2), "_ " * (n // 2), "a." * (n // 2), "Traceback (most recent call last): File \"" * 1000,
                 "  |" * (n // 3), "x" * n + ": y", "E " * (n // 2), "<type '" * (n // 7),
                 "1:" * (n // 2), "0 " * (n // 2) + "ValueError: x", "a |" * (n // 3), "A.B" * (n // 3) + "Error: x",
                 "ValueError: " * (n // 12), ("ValueError: x\n" * (n // 14))):
        assert _seconds(text) < 5, text[:40]


def test_thousand_frame_recursion_error_is_fast_and_complete():
    frame = '  File "/app/rec.py", line {n}, in r{n}\n    return r{m}(x)\n'
    text = "Traceback (most recent call last):\n" + "".join(frame.format(n=i, m=i + 1) for i in range(1000))
    text += "RecursionError: maximum recursion depth exceeded\n"
    start = time.perf_counter()
    (crash,) = parse_traceback(text)
    assert time.perf_counter() - start < 2
    assert len(crash.final.frames) == 1000


def test_time_grows_linearly_with_input():
    blob = "\n".join(SEEDS)
    small = (blob * (500_000 // len(blob) + 1))[:500_000]
    big = small * 8
    t_small = min(_seconds(small) for _ in range(2))
    t_big = _seconds(big)
    assert t_big < 8 * t_small * 3 + 0.5


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("EeRrOoWwAaNnIiGg!: .-|0123456789")), max_size=60), st.text(st.characters(blacklist_categories=("Cc", "Zl", "Zp"), blacklist_characters=".>"), max_size=60))
def test_shouty_or_generic_log_words_are_never_bare_crashes(head, message):
    """``ERROR: ...``, ``Error: ...``, ``Warning: ...``: a log's words, not exception classes.

    (One line each; no "." or ">" so a message cannot be a pytest ``path.py:N:`` location.)
    """
    for word in ("ERROR", "Error", "error", "WARNING", "Warning", "npm ERR!", head.upper()):
        assert _parse(f"{word}: {message}") == []
