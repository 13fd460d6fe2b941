"""A movable caller whose failing statement changed in a later release: read from release files.

Real traceback: scrapinghub/python-scrapinghub#149 (msgpack 1.0.0 removed
``Unpacker(encoding=...)``; scrapinghub 2.3.1 dropped the argument).  The
fixture universe mirrors the real releases and dates; the caller's module has
the failing statement at the printed line, as the real wheels do.
"""

from __future__ import annotations

from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.adapted import statement_at, statement_keys
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

TB = '''Traceback (most recent call last):
  File "foobar.py", line 15, in <module>
    job.items.list(count=1)
  File "/home/a/.miniconda3/envs/d/lib/python3.8/site-packages/scrapinghub/hubstorage/serialization.py", line 28, in mpdecode
    unpacker = Unpacker(encoding='utf8')
  File "msgpack/_unpacker.pyx", line 317, in msgpack._cmsgpack.Unpacker.__init__
TypeError: __init__() got an unexpected keyword argument 'encoding'
'''

_FILLER = "".join(f"# line {i}\n" for i in range(1, 26))


def _serialization(call: str) -> str:
    # line 26: import, 27: def, 28: the call (as in scrapinghub 2.3.0)
    return _FILLER + "from msgpack import Unpacker\ndef mpdecode(data):\n    unpacker = " + call + "\n    return unpacker\n"


def universe(*, fixed_requires=(), caller_date="2019-12-17T08:08:04Z"):
    return {
        "msgpack": [
            {"version": "0.6.2", "upload_time": "2019-09-20T00:00:00Z", "files": {"msgpack/__init__.py": "class Unpacker: pass\n"}},
            {"version": "1.0.0", "upload_time": "2020-02-17T00:00:00Z", "files": {"msgpack/__init__.py": "class Unpacker: pass\n"}},
        ],
        "scrapinghub": [
            {"version": "2.3.0", "upload_time": caller_date,
             "files": {"scrapinghub/hubstorage/serialization.py": _serialization("Unpacker(encoding='utf8')")}},
            {"version": "2.3.1", "upload_time": "2020-03-13T13:00:16Z", "requires_dist": list(fixed_requires),
             "files": {"scrapinghub/hubstorage/serialization.py": _serialization("Unpacker()")}},
        ],
    }


def _diagnose(index, target, pins_text="msgpack==1.0.0\nscrapinghub==2.3.0\n", tb=TB):
    pins = parse_requirements_text(pins_text, target)
    (crash,) = parse_traceback(tb)
    crash = attribute(crash, pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))


def test_the_callers_own_fix_is_an_alternative_beside_holding_the_callee_back(index_for):
    # Both avoid the crash; the resolver's objective (fewest, smallest, minor moves
    # first) chooses, since a caller's new release can break the project's own use of it.
    index, target = index_for(universe(), python="3.8")
    d = _diagnose(index, target)
    assert {(c.name, c.constraint) for c in d.culprits} == {("msgpack", "<1.0"), ("scrapinghub", ">=2.3.1")}
    moved = next(c for c in d.culprits if c.name == "scrapinghub")
    assert moved.source == "release-files"
    assert "Unpacker(encoding='utf8')" in moved.evidence[0]


def test_an_adapted_release_that_does_not_fit_the_set_stays_one_alternative(index_for):
    index, target = index_for(universe(fixed_requires=["msgpack<1.0"]), python="3.8")
    d = _diagnose(index, target)
    assert {(c.name, c.constraint) for c in d.culprits} == {("msgpack", "<1.0"), ("scrapinghub", ">=2.3.1")}
    assert d.culprits[0].name == "msgpack"  # the sourced entry ranks first


def test_a_printed_line_missing_from_the_pinned_release_is_no_evidence(index_for):
    index, target = index_for(universe(), python="3.8")
    d = _diagnose(index, target, tb=TB.replace("unpacker = Unpacker(encoding='utf8')", "unpacker = Unpacker(encoding='latin1')"))
    assert [c.name for c in d.culprits] == ["msgpack"]


def test_a_caller_released_after_a_known_break_may_still_adapt_to_it(index_for):
    # scrapinghub 2.3.0 dated after msgpack 1.0: the knowledge entry says msgpack broke the call,
    # so 2.3.1 rewriting that very line is its adaptation (py4web under PyJWT 2 is the real case).
    index, target = index_for(universe(caller_date="2020-03-01T00:00:00Z"), python="3.8")
    d = _diagnose(index, target)
    assert {(c.name, c.constraint) for c in d.culprits} == {("msgpack", "<1.0"), ("scrapinghub", ">=2.3.1")}


def test_without_a_known_break_a_caller_released_after_the_callee_changed_is_not_adapting_to_it(index_for):
    index, target = index_for(universe(caller_date="2020-03-01T00:00:00Z"), python="3.8")
    pins = parse_requirements_text("msgpack==1.0.0\nscrapinghub==2.3.0\n", target)
    crash = attribute(parse_traceback(TB)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert "scrapinghub" not in [c.name for c in d.culprits]


def test_a_kept_caller_never_moves(index_for):
    index, target = index_for(universe(), python="3.8")
    pins = parse_requirements_text("msgpack==1.0.0\nscrapinghub==2.3.0\n", target)
    (crash,) = parse_traceback(TB)
    crash = attribute(crash, pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(), keep={"scrapinghub"}, probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("msgpack", "<1.0")]


def test_statements_compare_by_syntax_not_by_layout():
    import ast

    old = ast.parse("for entry in self._origin.iter_values(\n        a, b):\n    x = f(entry)\n")
    key, node = statement_at(old, 1)
    assert key.startswith("For:")  # a loop header is its target and iterable, not its body
    same = ast.parse("for entry in self._origin.iter_values(a,\n                                      b):\n    y = 2\n")
    assert key in statement_keys(same)
    changed = ast.parse("for entry in self._origin.iter_values(a):\n    y = 2\n")
    assert key not in statement_keys(changed)


def test_a_cython_caller_whose_failing_line_is_gone_from_its_pyx_is_offered(index_for):
    # optuna/optuna-fast-fanova#19: np.int in _fanova.pyx line 88 under NumPy 1.24; 0.0.4 writes np.int64.
    pyx = "cimport numpy as cnp\nimport numpy as np\n\ncdef class Tree:\n    def get(self):\n        return np.zeros(3, dtype=np.int)\n"
    universe = {
        "numpy": [{"version": v, "upload_time": t, "files": {"numpy/__init__.py": "def zeros(n, dtype=None): pass\n"}}
                  for v, t in (("1.23.5", "2022-11-20T00:00:00Z"), ("1.24.1", "2022-12-26T00:00:00Z"))],
        "fanovaish": [
            {"version": "0.0.3", "upload_time": "2022-06-01T00:00:00Z", "requires_dist": ["numpy"], "wheel": False, "sdist": True,
             "files": {"fanovaish/__init__.py": "", "fanovaish/_fanova.pyx": pyx}},
            {"version": "0.0.4", "upload_time": "2023-01-10T00:00:00Z", "requires_dist": ["numpy"], "wheel": False, "sdist": True,
             "files": {"fanovaish/__init__.py": "", "fanovaish/_fanova.pyx": pyx.replace("np.int)", "np.int64)")}},
        ],
    }
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("fanovaish==0.0.3\nnumpy==1.24.1\n", target)
    tb = ("Traceback (most recent call last):\n"
          '  File "fanovaish/_fanova.pyx", line 6, in fanovaish._fanova.Tree.get\n'
          '  File "/usr/local/lib/python3.9/site-packages/numpy/__init__.py", line 284, in __getattr__\n'
          '    raise AttributeError("module {!r} has no attribute "\n'
          "AttributeError: module 'numpy' has no attribute 'int'\n")
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert ("fanovaish", ">=0.0.4") in {(c.name, c.constraint) for c in d.culprits}
