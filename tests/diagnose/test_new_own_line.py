"""The failing line is a pin's own, new in its last releases, where the project calls in: the way back.

mhallsmoore/qstrader#347: matplotlib 3.3.3 rewrote ``Axis.grid`` to read
``self._major_tick_kw['gridOn']``; ``ax.xaxis.grid(linestyle=':')`` fails with ``KeyError:
'gridOn'``.  3.3.2 did not have the line.
"""
from tests.support.diagnose_crashes import diagnose_paste

LINE = "gridkw['gridOn'] = not self._major_tick_kw['gridOn']"
PASTE = f"""Traceback (most recent call last):
  File "/qstrader/qstrader/statistics/tearsheet.py", line 76, in _plot_equity
    ax.xaxis.grid(linestyle=':')
  File "/usr/local/lib/python3.8/dist-packages/mplx/axis.py", line 4, in grid
    {LINE}
KeyError: 'gridOn'
"""
NEW = f"class Axis:\n    def grid(self, b=None, **gridkw):\n        if b is None:\n            {LINE}\n"
OLD = "class Axis:\n    def grid(self, b=None, **gridkw):\n        self._gridOnMajor = not self._gridOnMajor\n"


def _universe(bodies):
    return {"mplx": [{"version": v, "files": {"mplx/__init__.py": "", "mplx/axis.py": body}} for v, body in bodies]}


def _diagnose(index_for, bodies, paste=PASTE):
    index, target = index_for(_universe(bodies), python="3.8")
    return diagnose_paste(index, target, "mplx==3.3.3\n", paste)


def test_the_release_before_the_line_came_is_the_way_back(index_for):
    d = _diagnose(index_for, [("3.3.1", OLD), ("3.3.2", OLD), ("3.3.3", NEW), ("3.3.4", NEW)])
    assert d.verdict == "direct", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("mplx", "<=3.3.2")], d.summary


def test_a_later_release_without_the_line_is_the_way_forward(index_for):
    d = _diagnose(index_for, [("3.3.2", OLD), ("3.3.3", NEW), ("3.3.4", OLD)])
    assert sorted(c.constraint for c in d.culprits) == ["<=3.3.2", ">=3.3.4"], d.summary


def test_an_old_line_is_no_sign_of_what_changed(index_for):
    d = _diagnose(index_for, [("3.2.0", OLD), ("3.3.0", NEW), ("3.3.1", NEW), ("3.3.2", NEW), ("3.3.3", NEW)])
    assert not d.culprits, d.summary


def test_a_line_that_raises_on_purpose_is_a_refusal_not_a_slip(index_for):
    raising = "raise KeyError('gridOn')"
    d = _diagnose(index_for, [("3.3.2", OLD), ("3.3.3", NEW.replace(LINE, raising))], paste=PASTE.replace(LINE, raising))
    assert not d.culprits, d.summary


def test_a_call_from_another_pin_is_not_the_projects(index_for):
    paste = PASTE.replace("/qstrader/qstrader/statistics/tearsheet.py", "/usr/local/lib/python3.8/dist-packages/seabornx/core.py")
    universe = _universe([("3.3.2", OLD), ("3.3.3", NEW)])
    universe["seabornx"] = [{"version": "0.11.0", "files": {"seabornx/__init__.py": "", "seabornx/core.py": "x = 1\n"}}]
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "mplx==3.3.3\nseabornx==0.11.0\n", paste)
    assert ("mplx", "<=3.3.2") not in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_line_that_only_changed_its_quotes_is_the_same_line(index_for):
    # (review) 3.3.2 had the line with double quotes: it is not "before the line came"
    quoted = NEW.replace("'gridOn'", '"gridOn"')
    d = _diagnose(index_for, [("3.3.0", quoted), ("3.3.1", quoted), ("3.3.2", quoted), ("3.3.3", NEW)])
    assert not d.culprits, d.summary


def _from_another_pin(index_for, bodies, paste):
    paste = paste.replace("/qstrader/qstrader/statistics/tearsheet.py", "/usr/local/lib/python3.8/dist-packages/seabornx/core.py")
    universe = _universe(bodies)
    universe["seabornx"] = [{"version": "0.11.0", "files": {"seabornx/__init__.py": "", "seabornx/core.py": "x = 1\n"}}]
    index, target = index_for(universe, python="3.8")
    return diagnose_paste(index, target, "mplx==3.3.3\nseabornx==0.11.0\n", paste)


def test_a_line_another_pin_runs_into_that_came_and_went_is_the_pins_regression(index_for):
    # schedulefree 1.2.2's step(), called by torch's optimizer wrapper: the line is in 1.2.2 alone
    d = _from_another_pin(index_for, [("3.3.2", OLD), ("3.3.3", NEW), ("3.3.4", OLD)], PASTE)
    assert d.verdict == "direct", d.summary
    assert sorted(c.constraint for c in d.culprits if c.name == "mplx") == ["<=3.3.2", ">=3.3.4"], d.summary


def test_an_unpacking_that_got_another_count_is_a_slip(index_for):
    line = "y, grad, z = zip(*[(p.data, p.grad, p.z) for p in group])"
    paste = PASTE.replace(LINE, line).replace("KeyError: 'gridOn'", "ValueError: not enough values to unpack (expected 3, got 0)")
    new = NEW.replace(LINE, line)
    d = _diagnose(index_for, [("3.3.2", OLD), ("3.3.3", new)], paste=paste)
    assert [(c.name, c.constraint) for c in d.culprits] == [("mplx", "<=3.3.2")], d.summary
    other = _diagnose(index_for, [("3.3.2", OLD), ("3.3.3", new)], paste=paste.replace("not enough values to unpack (expected 3, got 0)",
                                                                                         "invalid literal for int()"))
    assert not other.culprits, other.summary


HOOK = "class VendorAlias:\n    def load_module(self, name):\n        __import__(name)\n"
HOOK_PASTE = ('Traceback (most recent call last):\n  File "./setup.py", line 225, in <module>\n'
              "    __import__(d[2], fromlist=[''])\n"
              '  File "/usr/lib/python3.8/site-packages/requestsy/__init__.py", line 1, in <module>\n'
              "    from .packages import x\n"
              '  File "/usr/lib/python3.8/site-packages/requestsy/packages/__init__.py", line 3, in load_module\n'
              "    __import__(name)\nValueError: Empty module name\n")


def _hook_universe(last_body):
    return {"requestsy": [{"version": v, "files": {"requestsy/__init__.py": "from .packages import x\n",
                                                   "requestsy/packages/__init__.py": body}}
                          for v, body in (("2.5.2", HOOK), ("2.5.3", HOOK), ("2.6.0", HOOK), ("2.6.1", last_body))]}


def test_an_old_line_a_patch_of_its_series_dropped_is_the_way_forward(index_for):
    # loris-imageserver/loris#230: requests 2.6.0's import hook runs __import__('') (ValueError: Empty module
    # name) under requests' own __init__; the hook is old, and 2.6.1 dropped it from requests/packages/__init__.py
    index, target = index_for(_hook_universe("x = 1\n"), python="3.8")
    d = diagnose_paste(index, target, "requestsy==2.6.0\n", HOOK_PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("requestsy", ">=2.6.1")], d.summary


def test_an_old_line_every_later_release_of_its_series_keeps_is_no_sign(index_for):
    index, target = index_for(_hook_universe(HOOK), python="3.8")
    d = diagnose_paste(index, target, "requestsy==2.6.0\n", HOOK_PASTE)
    assert not d.culprits, d.summary
