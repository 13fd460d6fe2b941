"""Review of session 22's later engine changes (5da3d14..49bdf5d): inputs where a new reading gives a wrong answer.

Each test builds small real wheels on a local index and states the input and the correct behaviour.
"""
from pytest_depfix.crash.stdlib import is_stdlib_module
from tests.support.diagnose_crashes import diagnose_paste

TAG = "py2.py3-none-any"


def _pairs(d):
    return [(c.name, c.constraint) for c in d.culprits]


def _why(d):
    return f"{d.summary} | {[(c.name, c.constraint, c.evidence[:1]) for c in d.culprits]} | advice: {d.advice}"


# --------------------------------------------------------------------------------------------------
# crash/stdlib.py: Python 3's renames added to ADDED at (3, 0)
# --------------------------------------------------------------------------------------------------

def test_dummy_thread_stays_removed_from_python_3_9_on(index_for):
    """Python 3.11, a pin's ``import _dummy_thread`` fails: "ModuleNotFoundError: No module named '_dummy_thread'".

    ``_dummy_thread`` left the standard library in 3.9 (REMOVED says so).  Listing it in ADDED at (3, 0) as well
    makes _cached() add it back for every Python >= 3.0 (the ADDED loop runs after the REMOVED one), so
    is_stdlib_module('_dummy_thread', (3, 11)) is True and the diagnosis says "_dummy_thread exists since Python
    3.0 and the target is 3.11: something else hides it".  It is not a module of 3.9+: is_stdlib_module must be
    False there, and the summary must not claim 3.11 has it.
    """
    paste = ("Traceback (most recent call last):\n"
             '  File "/usr/lib/python3.11/site-packages/oldlib/compat.py", line 1, in <module>\n'
             "    import _dummy_thread\n"
             "ModuleNotFoundError: No module named '_dummy_thread'\n")
    universe = {"oldlib": [{"version": "1.0", "files": {"oldlib/__init__.py": "", "oldlib/compat.py": "import _dummy_thread\n"}},
                           {"version": "1.1", "files": {"oldlib/__init__.py": "", "oldlib/compat.py": "import _thread\n"}}]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "oldlib==1.0\n", paste)
    assert "exists since Python 3.0" not in d.summary, _why(d)
    assert not is_stdlib_module("_dummy_thread", (3, 11))


def test_py27_builtins_from_a_declared_but_missing_future_is_not_a_python_upgrade(index_for):
    """Python 2.7, a pin's frame: tasky 1.0's ``from builtins import str`` fails with "ImportError: No module named
    builtins".  tasky 1.0 declares ``future`` (the distribution that installs ``builtins`` on Python 2); the
    frozen set lacks it.

    Before the change this read as a missing module ("add the distribution that provides builtins").  Now
    ``builtins`` is "new in Python 3.0", and _python_added's backport check only knows distributions named after
    the module (enum34, configparser), so the answer is "use Python >= 3.0, or a release of the caller that
    supports Python 2.7" -- tasky supports 2.7 fine.  The set is only missing tasky's declared ``future``: the
    advice must not tell the user to leave Python 2.7 (it should name future, or at least a missing distribution).
    """
    paste = ("Traceback (most recent call last):\n"
             '  File "/usr/lib/python2.7/site-packages/tasky/core.py", line 1, in <module>\n'
             "    from builtins import str\n"
             "ImportError: No module named builtins\n")
    universe = {"tasky": [{"version": "1.0", "tag": TAG, "requires_dist": ["future"],
                           "files": {"tasky/__init__.py": "", "tasky/core.py": "from builtins import str\n"}}],
                "future": [{"version": "0.18.2", "tag": TAG,
                            "files": {"future/__init__.py": "", "builtins/__init__.py": "", "queue/__init__.py": ""}}]}
    index, target = index_for(universe, python="2.7")
    d = diagnose_paste(index, target, "tasky==1.0\n", paste)
    assert "Python >= 3.0" not in (d.advice or "") and "new in Python 3.0" not in d.summary, _why(d)


def test_py27_configparser_imported_by_a_pin_that_declares_the_backport_later(index_for):
    """Python 2.7, message-only "ImportError: No module named configparser".  codeed 7.4.0 (pinned) imports
    ``configparser`` unguarded and declares nothing; codeed 7.4.1 declares the ``configparser`` backport.

    The stdlib.py comment says it: on 2.7 "No module named configparser" is a pin's.  The same input with any
    other module name (``cfgparse``) gives codeed>=7.4.1 (_declared_later: "imports it without declaring a
    distribution that installs it; 7.4.1 declares one").  But the family is now python-version, whose handler
    never reaches _declared_later: no culprit and the advice "use Python >= 3.0".  codeed>=7.4.1 should be given.
    """
    universe = {"webby": [{"version": "2.7.0", "tag": TAG, "files": {"webby/__init__.py": ""}}],
                "configparser": [{"version": "3.5.0", "tag": TAG, "files": {"configparser/__init__.py": ""}}],
                "codeed": [{"version": v, "tag": TAG, "requires_dist": deps,
                            "files": {"codeed/__init__.py": "", "codeed/plugin.py": "import configparser\n"}}
                           for v, deps in (("7.3.0", []), ("7.4.0", []), ("7.4.1", ["configparser"]))]}
    index, target = index_for(universe, python="2.7")
    d = diagnose_paste(index, target, "webby==2.7.0\ncodeed==7.4.0\n", "ImportError: No module named configparser\n")
    assert ("codeed", ">=7.4.1") in _pairs(d), _why(d)


def test_py27_html_from_a_pinned_future_too_old_to_ship_it(index_for):
    """Python 2.7, a pin's frame: tasky 1.0's ``from html import escape`` fails with "No module named html".  tasky
    declares futurey; the set pins futurey 0.12.0, which installs no top-level ``html``; futurey 0.13.0 does.

    ``html`` on 2.7 is whatever a pin installs (future's html/), yet it is now read as "new in Python 3.0" with
    the advice "use Python >= 3.0" and no culprit.  The declared provider's later release that installs ``html``
    is the fix: futurey>=0.13.0 (at the least, the advice must not be to leave Python 2.7).
    """
    paste = ("Traceback (most recent call last):\n"
             '  File "/usr/lib/python2.7/site-packages/tasky/core.py", line 1, in <module>\n'
             "    from html import escape\n"
             "ImportError: No module named html\n")
    universe = {"tasky": [{"version": "1.0", "tag": TAG, "requires_dist": ["futurey"],
                           "files": {"tasky/__init__.py": "", "tasky/core.py": "from html import escape\n"}}],
                "futurey": [{"version": v, "tag": TAG, "files": f} for v, f in (
                    ("0.12.0", {"future/__init__.py": ""}),
                    ("0.13.0", {"future/__init__.py": "", "html/__init__.py": "def escape(s):\n    return s\n"}))]}
    index, target = index_for(universe, python="2.7")
    d = diagnose_paste(index, target, "tasky==1.0\nfuturey==0.12.0\n", paste)
    assert "Python >= 3.0" not in (d.advice or ""), _why(d)


# --------------------------------------------------------------------------------------------------
# families.py: _SIG_NO_ARGS
# --------------------------------------------------------------------------------------------------

def test_takes_no_arguments_with_two_positionals_asks_for_releases_taking_two(index_for):
    """princy 0.6.3 calls ``pandy.Frame(X, cols)`` (two positionals, shown in the frame); pandy 1.0.1 (pinned)
    has ``class Frame: pass`` -> "TypeError: Frame() takes no arguments".  pandy 0.9.0's Frame takes one argument
    (``data``), 0.8.0's takes two (``data, columns``).

    _SIG_NO_ARGS always records one positional, and the answer is pandy<1.0 ("Frame() is missing in pandy==1.0.1",
    which is not so: Frame exists), which installs 0.9.0 where the same call fails again ("takes 2 positional
    arguments but 3 were given").  The move must exclude 0.9.0 (pandy<=0.8.0 / <0.9).
    """
    paste = ("Traceback (most recent call last):\n"
             '  File "/venv/lib/python3.8/site-packages/princy/one_hot.py", line 4, in transform\n'
             "    return pandy.Frame(X, cols)\n"
             "TypeError: Frame() takes no arguments\n")
    one = "class Frame(object):\n    def __init__(self, data):\n        self.data = data\n"
    two = "class Frame(object):\n    def __init__(self, data, columns):\n        self.data = data\n"
    universe = {"pandy": [{"version": v, "upload_time": t, "files": {"pandy/__init__.py": text}}
                          for v, t, text in (("0.8.0", "2019-06-02T00:00:00Z", two), ("0.9.0", "2019-11-02T00:00:00Z", one),
                                             ("1.0.1", "2020-02-05T00:00:00Z", "class Frame(object):\n    pass\n"))],
                "princy": [{"version": "0.6.3", "upload_time": "2019-12-10T00:00:00Z", "requires_dist": ["pandy"], "files": {
                    "princy/__init__.py": "",
                    "princy/one_hot.py": "import pandy\n\ndef transform(X, cols):\n    return pandy.Frame(X, cols)\n"}}]}
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "princy==0.6.3\npandy==1.0.1\n", paste)
    from packaging.specifiers import SpecifierSet
    moves = [SpecifierSet(c.constraint) for c in d.culprits if c.name == "pandy"]
    assert moves and not any("0.9.0" in s for s in moves), _why(d)


# --------------------------------------------------------------------------------------------------
# verdict.py: _shape_changed_under's "failing module imports the suspect" guard
# --------------------------------------------------------------------------------------------------

def test_shape_refusal_on_a_value_a_sibling_module_fetched_from_the_dependency(index_for):
    """sphinx-gallery#879 with the index read through the package's own helper: galleryx 0.10.0's
    docs_resolv.py does ``index = load_index(app)`` (``from .compat import load_index``; compat.py imports sphinxy
    and returns ``sphinxy.load(app)``) and then ``index['objects'][name]`` -> "TypeError: list indices must be
    integers or slices, not str".  sphinxy 4.3.0 (pinned) began its series after galleryx 0.10.0's upload.

    Before the change this gave sphinxy<4.3 (upload dates).  The new guard keeps only dependencies the failing
    module itself imports, and docs_resolv.py reaches sphinxy through its sibling: sphinxy is dropped and no
    culprit is given.  sphinxy<4.3 should still be given (the package imports sphinxy; the value came from it).
    """
    paste = ("Traceback (most recent call last):\n"
             '  File "/venv/lib/python3.9/site-packages/galleryx/docs_resolv.py", line 5, in embed_code_links\n'
             '    return index["objects"][name]\n'
             "TypeError: list indices must be integers or slices, not str\n")
    resolv = ("from .compat import load_index\n\ndef embed_code_links(app, name):\n    index = load_index(app)\n"
              "    return index['objects'][name]\n")
    compat = "import sphinxy\n\ndef load_index(app):\n    return sphinxy.load(app)\n"
    universe = {"sphinxy": [{"version": v, "upload_time": t, "files": {"sphinxy/__init__.py": "def load(app):\n    return []\n"}}
                            for v, t in (("4.2.0", "2021-09-12T00:00:00Z"), ("4.3.0", "2021-11-07T00:00:00Z"))],
                "galleryx": [{"version": v, "upload_time": t, "requires_dist": ["sphinxy>=1.8"],
                              "files": {"galleryx/__init__.py": "", "galleryx/docs_resolv.py": resolv,
                                        "galleryx/compat.py": compat}}
                             for v, t in (("0.10.0", "2021-10-01T00:00:00Z"), ("0.10.1", "2021-11-22T00:00:00Z"))]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "galleryx==0.10.0\nsphinxy==4.3.0\n", paste)
    assert ("sphinxy", "<4.3") in _pairs(d), _why(d)
