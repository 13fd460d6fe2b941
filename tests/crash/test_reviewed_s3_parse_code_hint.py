"""Reviewed (s3): ``_looks_like_code`` (parse.py) runs ``ast.parse`` on pasted lines without silencing warnings.

A Windows path in a pasted code line (``open('C:\\pics\\a.png')``) is an invalid escape: ``ast.parse`` warns
(DeprecationWarning up to 3.11, SyntaxWarning - printed on stderr by default - from 3.12), so ``depfix
analyze`` prints "<unknown>:1: SyntaxWarning: invalid escape sequence" for the user's paste, and under an
"error" warnings filter (``-W error``, pytest ``filterwarnings = error``) the same paste parses differently
(the hint is lost).  pyfeatures.py wraps its ``ast.parse`` in ``warnings.catch_warnings()`` for this reason.
"""
import warnings

from pytest_depfix.crash.parse import parse_traceback

TEXT = "    img = open('C:\\pics\\a.png')\nOSError: [Errno 22] Invalid argument\n"


def test_parsing_a_paste_emits_no_warnings():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parse_traceback(TEXT)
    assert [str(w.message) for w in caught] == []


def test_the_warnings_filter_does_not_change_what_is_read():
    def hints():
        return [e.source_hint for c in parse_traceback(TEXT) for e in c.exceptions]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quiet = hints()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        strict = hints()
    assert quiet == strict
