"""A target given as "3.6" is 3.6.0, as pip reads it, unless the installed pins say the interpreter was later.

asottile/pyupgrade-directories#13: pyupgrade 2.9.0 (Requires-Python >=3.6.1) was installed on the
crashing Python 3.6, so that interpreter was at least 3.6.1; every later pyupgrade declares the
same floor, and reading the target as 3.6.0 left none of them on offer.
"""
from pytest_depfix.crash.parse import parse_traceback
from pytest_depfix.engine import AnalysisRequest, analyze
from pytest_depfix.requirements import parse_requirements_text

UNIVERSE = {
    "upgr": [{"version": "2.7.4", "requires_python": ">=3.6.1", "files": {"upgr.py": "def _fix_file(p):\n    return p\n"}},
             {"version": "2.9.0", "requires_python": ">=3.6.1", "files": {"upgr/__init__.py": "", "upgr/_main.py": "def main():\n    pass\n"}}],
}
PASTE = ('Traceback (most recent call last):\n  File "/tmp/venv/bin/dirs", line 5, in <module>\n    from upgr import _fix_file\n'
         "ImportError: cannot import name '_fix_file'\n")


def _report(index_for, python, pins_text):
    index, target = index_for(UNIVERSE, python=python)
    pins = parse_requirements_text(pins_text, target)
    return analyze(AnalysisRequest(pins=pins, target=target, crashes=parse_traceback(PASTE), index=index))


def test_a_pin_requiring_a_later_patch_lifts_the_target_to_it(index_for):
    report = _report(index_for, "3.6", "upgr==2.9.0\n")
    assert report.target.python == (3, 6, 1)
    assert any("read as 3.6.1" in w for w in report.warnings)
    assert dict(report.resolution.pins)["upgr"] == "2.7.4"


def test_a_full_version_or_pins_that_need_nothing_later_leave_the_target_alone(index_for):
    assert _report(index_for, "3.6.0", "upgr==2.9.0\n").target.python == (3, 6, 0)
    universe_free = _report(index_for, "3.7", "upgr==2.9.0\n")
    assert universe_free.target.python == (3, 7)
