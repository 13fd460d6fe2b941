"""Live capture: real exceptions raised here become records in CPython's printed order."""

from __future__ import annotations

import json
import sys
import traceback

import pytest

from pytest_depfix.crash import crash_from_exception, group_crashes, parse_traceback
from pytest_depfix.models import Crash


def _raise(fn):
    try:
        fn()
    except BaseException as exc:  # noqa: B902 - we want every kind
        return exc
    raise AssertionError("did not raise")


def _inner():
    raise KeyError("job")


def _chained():
    try:
        _inner()
    except KeyError as exc:
        raise ValueError("wrapped") from exc


def _context():
    try:
        _inner()
    except KeyError:
        raise RuntimeError("while handling")


def _suppressed():
    try:
        _inner()
    except KeyError:
        raise RuntimeError("clean") from None


def test_cause_chain_in_printed_order_with_frames_and_source():
    crash = crash_from_exception(_raise(_chained), when="call", nodeid="tests/t.py::test_x")
    assert [(e.type, e.message, e.relation) for e in crash.exceptions] == [("KeyError", "'job'", "cause"), ("ValueError", "wrapped", None)]
    inner = crash.exceptions[0].frames
    assert [f.function for f in inner] == ["_chained", "_inner"]
    assert inner[-1].source == 'raise KeyError("job")'
    assert inner[-1].file == __file__
    assert (crash.when, crash.tests) == ("call", ["tests/t.py::test_x"])


def test_context_chain_and_suppressed_context():
    assert [e.relation for e in crash_from_exception(_raise(_context)).exceptions] == ["context", None]
    assert [e.type for e in crash_from_exception(_raise(_suppressed)).exceptions] == ["RuntimeError"]


def test_live_record_matches_the_parsed_printed_traceback():
    exc = _raise(_chained)
    live = crash_from_exception(exc)
    (parsed,) = parse_traceback("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    strip = lambda c: [(e.type, e.message, e.relation, [(f.file, f.line, f.function, f.source) for f in e.frames]) for e in c.exceptions]
    assert strip(live) == strip(parsed)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="ExceptionGroup is 3.11+")
def test_exception_group_members_flattened_depth_first():
    def boom():
        raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")]), _raise(_chained)])  # noqa: F821 (3.11+, skipped before)

    crash = crash_from_exception(_raise(boom))
    assert [(e.type, e.relation) for e in crash.exceptions] == [
        ("ExceptionGroup", "group"), ("ValueError", "group"), ("ExceptionGroup", "group"), ("TypeError", "group"),
        ("KeyError", "cause"), ("ValueError", None)]


def test_recursion_error_frames_collapsed_like_cpython():
    def rec(n):
        return rec(n + 1)

    crash = crash_from_exception(_raise(lambda: rec(0)))
    assert crash.final.type == "RecursionError"
    assert len(crash.final.frames) < 10


def test_syntax_error_message_and_location():
    exc = _raise(lambda: compile("x = (", "broken_mod.py", "exec"))
    rec = crash_from_exception(exc).final
    assert rec.type == "SyntaxError" and rec.message and "broken_mod.py" not in rec.message  # msg, as printed
    assert rec.location.file == "broken_mod.py" and rec.location.line == 1


def test_hostile_exceptions_never_break_capture():
    class BadStr(Exception):
        def __str__(self):
            raise RuntimeError("no str for you")

    looped = ValueError("loop")
    other = KeyError("other")
    looped.__context__ = other
    other.__context__ = looped
    assert crash_from_exception(BadStr()).final.message == "<exception str() failed>"
    assert [e.type for e in crash_from_exception(looped).exceptions] == ["KeyError", "ValueError"]


def test_records_survive_json_round_trip():
    crash = crash_from_exception(_raise(_chained), nodeid="a::b")
    again = Crash.from_dict(json.loads(json.dumps(crash.to_dict())))
    assert again == crash


def test_leading_pytest_frames_are_dropped(pytester):
    pytester.makepyfile(
        conftest="""
        import pytest
        from pytest_depfix.crash import crash_from_exception
        SEEN = []
        @pytest.hookimpl(hookwrapper=True)
        def pytest_runtest_makereport(item, call):
            outcome = yield
            if call.excinfo is not None:
                c = crash_from_exception(call.excinfo.value, when=call.when, nodeid=item.nodeid)
                print("FRAMES", [f.function for f in c.final.frames])
        """,
        test_a="def helper():\n    raise ValueError('x')\n\ndef test_a():\n    helper()\n",
    )
    out = pytester.runpytest_subprocess("-s", "-p", "no:randomly").stdout.str()
    assert "FRAMES ['test_a', 'helper']" in out


def test_group_crashes_merges_identical_and_keeps_test_order():
    a = crash_from_exception(_raise(_chained), nodeid="t::1")
    b = crash_from_exception(_raise(_chained), nodeid="t::2")
    c = crash_from_exception(_raise(_context), nodeid="t::3")
    d = crash_from_exception(_raise(_chained), nodeid="t::1")
    grouped = group_crashes([a, b, c, d])
    assert [g.tests for g in grouped] == [["t::1", "t::2"], ["t::3"]]
    assert a.tests == ["t::1"], "inputs are not mutated"
