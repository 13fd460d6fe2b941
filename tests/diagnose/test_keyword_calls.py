"""A frameless constructor keyword error with a short keyword: find the call, then ask its callee.

RelationRx/pyrelational#14 as pasted (pyrelational 1.0.0 with pytorch-lightning 2.1.4, no frames):
``TypeError: __init__() got an unexpected keyword argument 'gpus'``.  'gpus' is too
common to search class definitions by, so the pins' calls are read instead: only
pyrelational passes ``gpus=`` to another pin's callable (``pl.Trainer``) that the
pinned release refuses and older releases accept.  pyrelational 1.0.1 stopped.
"""

from __future__ import annotations

from pytest_depfix.diagnose.users import keyword_calls
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_text

PASTE = "TypeError: __init__() got an unexpected keyword argument 'gpus'\n"


def test_calls_are_named_by_what_the_module_imports():
    src = ("import lightningish as pl\nfrom lightningish import Trainer as T\n\nclass Trainer:\n    pass\n\n"
           "a = pl.Trainer(gpus=1)\nb = T(\n    gpus=2)\nc = Trainer(gpus=3)\nd = obj.make(gpus=4)\n")
    assert [(full, use.line) for full, use in keyword_calls(src, "gpus")] == [
        ("lightningish.Trainer", 7), ("lightningish.Trainer", 8)]


def trainer(gpus: bool) -> str:
    return f"class Trainer:\n    def __init__(self, max_epochs=1, {'gpus=None' if gpus else 'devices=None'}):\n        pass\n"


def universe(relational_101_call="pl.Trainer(max_epochs=2, devices=1)", other_calls_own=True):
    def rel(version, call, when):
        return {"version": version, "upload_time": when, "requires_dist": ["lightningish>=1.5"],
                "files": {"relational/__init__.py": "", "relational/manager.py":
                          f"import lightningish as pl\n\n\ndef fit():\n    trainer = {call}\n    return trainer\n"}}

    other = ("class Grid:\n    def __init__(self, gpus=0):\n        pass\n\n\ndef make():\n    return Grid(gpus=2)\n"
             if other_calls_own else "import lightningish\n\n\ndef make():\n    return lightningish.Trainer(gpus=2)\n")
    return {
        "lightningish": [
            {"version": "1.9.5", "upload_time": "2023-03-30T00:00:00Z",
             "files": {"lightningish/__init__.py": "from lightningish.trainer import Trainer\n", "lightningish/trainer.py": trainer(True)}},
            {"version": "2.1.4", "upload_time": "2024-01-31T00:00:00Z",
             "files": {"lightningish/__init__.py": "from lightningish.trainer import Trainer\n", "lightningish/trainer.py": trainer(False)}},
        ],
        "relational": [rel("1.0.0", "pl.Trainer(max_epochs=2, gpus=1)", "2023-09-01T00:00:00Z"),
                       rel("1.0.1", relational_101_call, "2024-02-13T00:00:00Z")],
        "gridder": [{"version": "0.3", "upload_time": "2023-01-01T00:00:00Z", "files": {"gridder/__init__.py": other}}],
    }


def _diagnose(index, target):
    pins = parse_requirements_text("relational==1.0.0\nlightningish==2.1.4\ngridder==0.3\n", target)
    return diagnose_text(index, target, pins, PASTE)


def test_the_one_pin_calling_another_pins_class_with_the_refused_keyword_is_the_caller(index_for):
    index, target = index_for(universe(), python="3.9")
    d = _diagnose(index, target)
    assert d.verdict == "transitive"
    moves = {(c.name, c.constraint) for c in d.culprits}
    assert ("relational", ">=1.0.1") in moves, moves
    assert any(name == "lightningish" and spec.endswith("<2.0.0") or spec == "<2.1.4" for name, spec in moves), moves
    assert not any(c.name == "gridder" for c in d.culprits)  # its own Grid(gpus=2) is not the failing call


def test_two_pins_calling_it_leave_the_crash_unknown(index_for):
    index, target = index_for(universe(other_calls_own=False), python="3.9")
    d = _diagnose(index, target)
    assert d.culprits == [] and d.verdict == "unknown"


def test_a_caller_that_never_stopped_still_gives_the_callees_range(index_for):
    index, target = index_for(universe(relational_101_call="pl.Trainer(max_epochs=2, gpus=1)"), python="3.9")
    d = _diagnose(index, target)
    assert [c.name for c in d.culprits] == ["lightningish"]


def test_a_keyword_bound_by_functools_partial_is_a_call_of_the_wrapped_callable():
    src = ("import functools\nfrom functools import partial\nimport pandas as pd\n\n"
           "READ = partial(pd.read_csv, sep='\\t', squeeze=False)\nALSO = functools.partial(pd.read_table, squeeze=True)\n"
           "OWN = partial(print, squeeze=1)\n")
    assert [(full, use.line) for full, use in keyword_calls(src, "squeeze")] == [("pandas.read_csv", 5), ("pandas.read_table", 6)]
