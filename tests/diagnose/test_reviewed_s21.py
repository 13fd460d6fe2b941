"""The session 21 review's inputs: the Python 2 rewrite behind parse_quietly, and the lead-in rule.

Each test is an input built to break one of the session's changes, pinned to the answer the
change should give; they fail until the finding each names is fixed.
"""
import ast
import time

import pytest

from pytest_depfix.diagnose.py2syntax import without_python2
from pytest_depfix.diagnose import pysource
from pytest_depfix.diagnose.py2syntax import reading_python2
from pytest_depfix.diagnose.pysource import read_module


def parse_quietly(text):
    """The reader's parse for a Python 2 target, where the rewrite is on."""
    with reading_python2(True):
        return pysource.parse_quietly(text)
from tests.diagnose.test_return_arity import CRON
from tests.diagnose.test_reviewed_s17 import FIT, _fb_diagnose
from tests.support.diagnose_crashes import diagnose_paste


# -- A Python 3 target reads Python 2 files as code that ran -----------------------------------
# parse_quietly cannot know the target: its rewrite now reads ``print 'x'`` for a 3.10 target,
# where importing the module fails.  The session-18 and session-17 reviews pinned "a module this
# Python cannot parse is no answer"; the change swapped their fixtures for other unparsable text
# instead of keeping the answer.  These are those tests with their original Python 2 line.

def test_py2_caller_module_on_a_python3_target_is_no_answer(index_for):
    caller = "from .shim import CroniterShim\n\n\ndef is_valid(s):\n    expanded, _ = CroniterShim.expand(s)\n    return expanded\n"
    shim = "from cronny import croniter\n\nprint 'py2'\n\nclass CroniterShim(croniter):\n    pass\n"
    paste = ('Traceback (most recent call last):\n'
             '  File "/usr/local/lib/python3.10/site-packages/dagstery/schedules.py", line 5, in is_valid\n'
             '    expanded, _ = CroniterShim.expand(s)\n'
             "ValueError: too many values to unpack (expected 2)\n")

    def cronny(version, ret):
        return {"version": version, "files": {"cronny/__init__.py": "from .croniter import croniter\n",
                                              "cronny/croniter.py": CRON.format(ret=ret)}}
    universe = {"cronny": [cronny("1.3.15", "[], None"), cronny("1.4.0", "[], None, []")],
                "dagstery": [{"version": "1.3.9", "requires_dist": ["cronny"], "files": {
                    "dagstery/__init__.py": "", "dagstery/schedules.py": caller, "dagstery/shim.py": shim}}]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "dagstery==1.3.9\ncronny==1.4.0\n", paste)
    assert not d.culprits, d.summary


def test_py2_base_module_on_a_python3_target_moves_no_pin(index_for):
    leaf = "from .base import Mid\n\n\nclass Leaf(Mid):\n    def go(self):\n        return self.fit()\n"
    mid = "from basey.core import Model\nprint 'py2'\n\n\nclass Mid(Model):\n    pass\n"
    d = _fb_diagnose(index_for, FIT, {"suby/f.py": leaf, "suby/base.py": mid}, "Leaf", "fit")
    assert d.summary and not d.culprits, d.summary


def test_a_python2_only_release_is_not_the_way_back_for_a_python3_target(index_for):
    # widgety 1.0 is Python 2 code (it only printed the complaint); 2.0 raises it.  On Python
    # 3.10, 1.0 cannot be imported at all: "known silent" about the refusal it is not.
    old = ("def configure(name=None):\n    if name is None:\n"
           "        print 'the frobnicator refuses a widget configuration without a name'\n    return name\n")
    new = ("def configure(name=None):\n    if name is None:\n"
           "        raise ValueError('the frobnicator refuses a widget configuration without a name')\n    return name\n")
    universe = {"widgety": [{"version": "1.0", "files": {"widgety/__init__.py": "", "widgety/config.py": old}},
                            {"version": "2.0", "files": {"widgety/__init__.py": "", "widgety/config.py": new}}]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "widgety==2.0\n",
                       "ValueError: the frobnicator refuses a widget configuration without a name\n")
    assert ("widgety", "<=1.0") not in [(c.name, c.constraint) for c in d.culprits], d.summary


# -- The lead-in rule: a first line ending in ':' that IS the refusal --------------------------
# scikit-learn's "Expected 2D array, got 1D array instead:\narray=[...].\nReshape your data ..."
# is one raise whose first line ends in a colon.  Searching the hint line first finds the release
# that reworded the hint, and moves the pin back to one that still raises the same refusal.

def _arrays_universe():
    def learny(version, hint):
        text = ("def check_array(array):\n    if getattr(array, 'ndim', 2) == 1:\n"
                "        raise ValueError('Expected 2D array, got 1D array instead:\\narray={}.\\n'\n"
                f"                         '{hint}'.format(array))\n    return array\n")
        return {"version": version, "files": {"learny/__init__.py": "", "learny/validation.py": text}}
    plain = "def check_array(array):\n    return array\n"
    return {"learny": [{"version": "0.17", "files": {"learny/__init__.py": "", "learny/validation.py": plain}},
                       learny("0.18", "Pass a 2D array instead of a 1D one to every estimator."),
                       learny("0.19", "Reshape your data either using array.reshape(-1, 1) if your data has a single feature.")]}


def test_a_colon_ended_refusal_is_not_a_lead_in_to_its_own_hint(index_for):
    index, target = index_for(_arrays_universe(), python="3.9")
    paste = ("ValueError: Expected 2D array, got 1D array instead:\narray=[1. 2. 3.].\n"
             "Reshape your data either using array.reshape(-1, 1) if your data has a single feature.\n")
    d = diagnose_paste(index, target, "learny==0.19\n", paste)
    # learny 0.18 raises the very same refusal (only its hint is worded otherwise); 0.17 does not
    assert [(c.name, c.constraint) for c in d.culprits] == [("learny", "<=0.17")], d.summary


# -- parse_quietly raises only SyntaxError where it raised SyntaxError before ------------------
# A Python 2 line first made ast.parse stop with SyntaxError; through the rewrite the parser
# reaches a deep expression (a generated table's long "a" + "b" + ... chain) and raises
# RecursionError, which read_module (and star_import, verdict's SyntaxError/ValueError-only
# readers) never catch.

DEEP_PY2 = 'print "table"\nTABLE = ' + "1 + " * 3000 + "1\n"


def test_parse_quietly_of_python2_text_with_a_deep_expression_raises_only_syntax_error():
    with pytest.raises(SyntaxError):
        parse_quietly(DEEP_PY2)


def test_read_module_of_python2_text_with_a_deep_expression_reports_it_unparsable():
    with reading_python2(True):
        info = read_module(DEEP_PY2, "tably/table.py", "tably.table", (2, 7))
    assert info.syntax_error


# -- Time: the scans are not linear ------------------------------------------------------------

def _seconds(text):
    start = time.perf_counter()
    without_python2(text)
    return time.perf_counter() - start


def test_raises_with_unclosed_brackets_are_not_each_scanned_to_the_end_of_the_file():
    # _statement_end walks to the end of the text for every "raise E, (" whose bracket never
    # closes at depth 0: 2,500 such lines (27 kB) take seconds, 100 kB over half a minute.
    assert _seconds("raise E, (\n" * 2500) < 0.2


def test_def_heads_that_never_close_are_not_each_scanned_five_thousand_characters():
    # _closing reads up to 5,000 characters for every "def f(": 14,000 of them (98 kB) take seconds.
    assert _seconds("def f(\n" * 14000) < 0.2


# -- Rewrites inside string literals -------------------------------------------------------------

def test_a_leading_tab_inside_a_triple_quoted_string_is_kept():
    # Leading tabs are expanded before the text is masked, so a string's own lines are rewritten
    # too: the message a raise spells is no longer the one the release prints.
    text = ('def f():\n    print "checking"\n    raise ValueError("""bad row:\n\tcolumn missing""")\n')
    [raise_] = [n for n in ast.walk(parse_quietly(text)) if isinstance(n, ast.Raise)]
    assert raise_.exc.args[0].value == "bad row:\n\tcolumn missing"


# -- Names and signatures the rewrite renames ------------------------------------------------------

def test_a_python2_async_parameter_keeps_its_name_in_the_signature():
    # pymongo 2.x's ``def fsync(self, async=False)``: the tree says ``async_``, so a reader asking
    # which release's fsync takes keyword 'async' (keyword_definers, call_site) never finds it,
    # and a real ``async_`` parameter of the same function becomes a duplicate.
    text = 'def fsync(self, async=False, **kwargs):\n    print "fsync"\n    return self._run(async=async)\n'
    [fn] = [n for n in parse_quietly(text).body if isinstance(n, ast.FunctionDef)]
    assert [a.arg for a in fn.args.args] == ["self", "async"]
