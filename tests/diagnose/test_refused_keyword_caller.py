"""A callee refuses a keyword by name: the calling pin's first release that stopped passing it.

Watson#302: arrow 0.14.5's ``Arrow.replace`` refuses the plural units it used to shift by
('unknown attribute: "days"'); td-watson 1.7.0 calls ``now.replace(days=-weekday)`` and
td-watson 1.8.0 calls ``now.shift(days=-weekday)``.  The thread upgraded td-watson.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

# Watson#302, verbatim from its last frames; package names changed to the fixtures'.
TB = """Traceback (most recent call last):
  File "/usr/local/lib/python3.6/dist-packages/watsony/utils.py", line 4, in get_start_time_for_period
    start_time = now.replace(days=-weekday)
  File "/usr/local/lib/python3.6/dist-packages/arrowy/arrow.py", line 6, in replace
    raise AttributeError('unknown attribute: "{}"'.format(key))
AttributeError: unknown attribute: "days"
"""
OLD_REPLACE = ("class Arrow:\n    def replace(self, **kwargs):\n        for key in kwargs:\n"
               "            if key in ('days', 'weeks'):\n                return self.shift(**{key: kwargs[key]})\n"
               "        return self\n\n    def shift(self, **kwargs):\n        return self\n")
NEW_REPLACE = ("class Arrow:\n    def replace(self, **kwargs):\n        for key in kwargs:\n"
               "            if key in ('days', 'weeks'):\n\n"
               "                raise AttributeError('unknown attribute: \"{}\"'.format(key))\n"
               "        return self\n\n    def shift(self, **kwargs):\n        return self\n")


def _watson(call: str) -> str:
    return f"def get_start_time_for_period(now, weekday):\n    x = 1\n    y = 2\n    start_time = now.{call}\n    return start_time\n"


def _universe(later_call="shift(days=-weekday)"):
    return {
        "arrowy": [{"version": v, "files": {"arrowy/__init__.py": "", "arrowy/arrow.py": src}}
                   for v, src in (("0.10.0", OLD_REPLACE), ("0.14.5", NEW_REPLACE), ("0.15.0", NEW_REPLACE))],
        "watsony": [{"version": v, "requires_dist": ["arrowy>=0.10.0"],
                     "files": {"watsony/__init__.py": "", "watsony/utils.py": _watson(call)}}
                    for v, call in (("1.7.0", "replace(days=-weekday)"), ("1.8.0", later_call))],
    }


def _diagnose(index_for, universe, tb=TB, keep=()):
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("arrowy==0.14.5\nwatsony==1.7.0\n", target)
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index), keep=keep)


def test_the_caller_that_stopped_passing_the_refused_keyword_is_an_alternative(index_for):
    d = _diagnose(index_for, _universe())
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("watsony", ">=1.8.0") in got and ("arrowy", "<=0.10.0") in got, d.summary


def test_a_caller_that_still_passes_it_is_no_alternative(index_for):
    d = _diagnose(index_for, _universe(later_call="replace(days=-weekday)"))
    assert all(c.name != "watsony" for c in d.culprits), d.summary


def test_a_keyword_the_message_does_not_quote_is_no_reason(index_for):
    tb = TB.replace("now.replace(days=-weekday)", "now.replace(hours=-weekday)")
    d = _diagnose(index_for, _universe(later_call="shift(hours=-weekday)"), tb=tb)
    assert all(c.name != "watsony" for c in d.culprits), d.summary


def test_a_refuser_raising_from_a_helper_is_matched_by_the_function_the_caller_called(index_for):
    # arrow's replace() refusing through a helper it calls: the caller's line calls .replace(, not ._check(
    tb = TB.replace('  File "/usr/local/lib/python3.6/dist-packages/arrowy/arrow.py", line 6, in replace\n',
                    '  File "/usr/local/lib/python3.6/dist-packages/arrowy/arrow.py", line 4, in replace\n'
                    '    self._check(key)\n'
                    '  File "/usr/local/lib/python3.6/dist-packages/arrowy/arrow.py", line 6, in _check\n')
    d = _diagnose(index_for, _universe(), tb=tb)
    assert ("watsony", ">=1.8.0") in {(c.name, c.constraint) for c in d.culprits}, d.summary


def test_a_kept_refuser_leaves_the_caller_as_the_fix(index_for):
    d = _diagnose(index_for, _universe(), keep=["arrowy"])
    assert [(c.name, c.constraint) for c in d.culprits] == [("watsony", ">=1.8.0")], d.summary


def test_a_refuser_behind_a_decorators_wrapper_is_matched_by_the_function_the_line_calls(index_for):
    tb = TB.replace('  File "/usr/local/lib/python3.6/dist-packages/arrowy/arrow.py", line 6, in replace\n',
                    '  File "/usr/local/lib/python3.6/dist-packages/arrowy/util.py", line 3, in wrapper\n'
                    '    return f(*args, **kwargs)\n'
                    '  File "/usr/local/lib/python3.6/dist-packages/arrowy/arrow.py", line 6, in replace\n')
    d = _diagnose(index_for, _universe(), tb=tb)
    assert ("watsony", ">=1.8.0") in {(c.name, c.constraint) for c in d.culprits}, d.summary
