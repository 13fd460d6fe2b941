"""Review (session 6): ``raised.releases_without`` reads a release it cannot parse as one that does not refuse.

``_module_state`` returns False ("the module is there and does not raise") when ``ast.parse`` fails:
``_raised`` and ``reworded`` both swallow the SyntaxError and answer "no".  Old releases written for
Python 2 (``raise TypeError, '...'``, ``print 'x'``), or new ones using syntax newer than the Python
depfix runs on, then look silent, and the whole-release ``_search`` that should catch a moved refusal
skips the same unparsable modules and still reports itself complete.  The nearest such release becomes
a culprit ("the refusal came in a later release") although it raises exactly the same words: a check
every readable release makes is offered as a version fix.  Unknown must stay unknown (None).
"""
from __future__ import annotations

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

PY3 = ("def check(tz):\n    if not hasattr(tz, 'localize'):\n"
       "        raise TypeError('Only timezones from the pytz library are supported')\n    return tz\n")
PY2 = ("def check(tz):\n    if not hasattr(tz, 'localize'):\n"
       "        raise TypeError, 'Only timezones from the pytz library are supported'\n    print 'checked'\n    return tz\n")
UNIVERSE = {"oldsched": [{"version": "0.9", "files": {"oldsched/util.py": PY2}},
                         {"version": "1.0", "files": {"oldsched/util.py": PY3}},
                         {"version": "2.0", "files": {"oldsched/util.py": PY3}}]}


def test_a_release_that_cannot_be_parsed_is_not_taken_for_one_that_stopped_refusing(index_for):
    index, target = index_for(UNIVERSE, python="3.8")
    pins = parse_requirements_text("oldsched==2.0\n", target)
    d = diagnose(simple_parse("TypeError: Only timezones from the pytz library are supported\n", pins), pins, target,
                 index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.culprits == [], [(c.name, c.constraint) for c in d.culprits]
