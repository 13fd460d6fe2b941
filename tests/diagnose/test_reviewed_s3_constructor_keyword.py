"""Reviewed (s3): ``_constructor_owner`` blames the first pin (in set order) that has *some* class whose
``__init__`` takes the keyword, ignoring the failing call the traceback shows.

Python <= 3.9 prints ``__init__() got an unexpected keyword argument 'use_fast_tokenizer'`` without the
class.  ``_owner_by_time`` reaches ``_signature_owner`` whenever the caller is not a pin (any project frame),
and the new rule then searches the newest release of up to 8 pins, in requirements order, for any class
taking that keyword.  Here the project line plainly calls ``Tokenizery(...)``, yet ``alphay`` (listed first,
which also grew a class taking the same keyword) is moved.  Before this change the verdict was "unknown"
with no culprit.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse


def _cls(pkg, cls, accepts):
    kw = ", use_fast_tokenizer=False" if accepts else ""
    return {f"{pkg}/__init__.py": f"from .core import {cls}\n",
            f"{pkg}/core.py": f"class {cls}:\n    def __init__(self, name{kw}):\n        self.name = name\n"}


def test_the_constructor_keyword_is_not_blamed_on_an_unrelated_pin_that_is_listed_first(index_for):
    universe = {
        "alphay": [{"version": "1.0.0", "files": _cls("alphay", "Pipeline", False)},
                   {"version": "1.1.0", "files": _cls("alphay", "Pipeline", True)}],
        "tokenizery": [{"version": "2.0.0", "files": _cls("tokenizery", "Tokenizery", False)},
                       {"version": "2.1.0", "files": _cls("tokenizery", "Tokenizery", True)}],
    }
    index, target = index_for(universe, python="3.8")
    tb = ('Traceback (most recent call last):\n  File "/home/u/proj/run.py", line 4, in <module>\n'
          "    tok = tokenizery.Tokenizery('base', use_fast_tokenizer=True)\n"
          "TypeError: __init__() got an unexpected keyword argument 'use_fast_tokenizer'\n")
    pins = parse_requirements_text("alphay==1.0.0\ntokenizery==2.0.0\n", target)
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert "alphay" not in [c.name for c in d.culprits], (d.summary, [(c.name, c.constraint) for c in d.culprits])
