"""The parser against the corpus of real tracebacks in tests/corpus/tracebacks/.

Each ``NN-slug.txt`` is a verbatim paste from a public issue tracker (its
source URL is in the ``.toml`` beside it); the ``.toml`` lists the expected
exceptions in printed order.  Every exception of every crash found in the text
is compared, so a parser that invents an extra exception (from a short test
summary line, a trailing log line) fails too.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pytest_depfix.crash import parse_traceback

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "tracebacks"
CASES = sorted(p for p in CORPUS.glob("*.txt") if p.with_suffix(".toml").exists())


def test_corpus_is_present():
    assert len(CASES) >= 20, f"expected the traceback corpus under {CORPUS}"


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_parser_matches_expected_record(case: Path):
    expected = tomllib.loads(case.with_suffix(".toml").read_text(encoding="utf-8"))
    text = case.read_text(encoding="utf-8")
    crashes = parse_traceback(text)
    got = [exc for crash in crashes for exc in crash.exceptions]
    want = expected.get("exception", [])
    summary = [(e.type, e.message.split("\n", 1)[0], len(e.frames)) for e in got]
    assert len(got) == len(want), f"{case.name}: got {summary}"
    for i, (g, w) in enumerate(zip(got, want)):
        where = f"{case.name} exception {i}: got {summary[i]}"
        assert g.type == w["type"], where
        assert g.message.split("\n", 1)[0] == w["message"], where
        assert len(g.frames) == w["frames"], where
        if w["frames"]:
            assert g.frames[-1].file == w["innermost_file"], where
            assert g.frames[-1].line == w["innermost_line"], where
    if "syntax_error_file" in expected:
        loc = getattr(got[-1], "location", None)
        assert loc is not None, f"{case.name}: SyntaxError location not kept"
        assert (loc.file, loc.line) == (expected["syntax_error_file"], expected["syntax_error_line"])


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_crlf_and_ansi_and_prefix_do_not_change_the_record(case: Path):
    """The same paste with CRLF line ends and colour codes reads the same."""
    text = case.read_text(encoding="utf-8")
    plain = [(e.type, e.message, len(e.frames)) for c in parse_traceback(text) for e in c.exceptions]
    crlf = text.replace("\n", "\r\n")
    coloured = "\n".join("\x1b[0;31m" + line + "\x1b[0m" if line.strip() else line for line in text.split("\n"))
    for variant in (crlf, coloured):
        got = [(e.type, e.message, len(e.frames)) for c in parse_traceback(variant) for e in c.exceptions]
        assert got == plain
