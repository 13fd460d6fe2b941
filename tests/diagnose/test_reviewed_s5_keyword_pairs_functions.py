"""A frameless ``__init__() got an unexpected keyword argument`` is raised by a constructor, not a plain function.

Defect: ``verdict._keyword_call_pairs`` (the short-keyword branch of
``_constructor_owner``) counts every call passing the keyword to another pin's
callable that the pinned release refuses, whatever that callable is.  A call
of a plain *function* that dropped the keyword would raise
``pick_devices() got an unexpected keyword argument 'gpus'``, never
``__init__() ...``, yet it counts as a second (caller, callable) pair, and the
"exactly one pair" rule then throws the real answer away (verdict unknown, no
culprit).

Realistic scenario: pytorch-lightning 2.0 removed ``gpus=`` both from
``Trainer`` and from its device helper functions.  pyrelational 1.0.0 calls
``pl.Trainer(gpus=1)`` (the crash); another pin of the set calls the helper
function ``lightningish.pick_devices(gpus=2)`` somewhere (a code path that
would fail with a different message).  The paste says ``__init__()``, so only
the Trainer call fits.

Expected: the Trainer pair is the answer (lightningish back below 2.x, or
pyrelational forward to 1.0.1), exactly as when the other pin does not call the
helper.
"""

from __future__ import annotations

from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_text

PASTE = "TypeError: __init__() got an unexpected keyword argument 'gpus'\n"


def _lightning(gpus: bool) -> dict:
    kw = "gpus=None" if gpus else "devices=None"
    return {"lightningish/__init__.py": "from lightningish.trainer import Trainer\nfrom lightningish.devices import pick_devices\n",
            "lightningish/trainer.py": f"class Trainer:\n    def __init__(self, max_epochs=1, {kw}):\n        pass\n",
            "lightningish/devices.py": f"def pick_devices({kw}):\n    return []\n"}


def _rel(version, call, when):
    return {"version": version, "upload_time": when, "requires_dist": ["lightningish>=1.5"],
            "files": {"relational/__init__.py": "",
                      "relational/manager.py": f"import lightningish as pl\n\n\ndef fit():\n    return {call}\n"}}


def universe(helper_call: bool):
    gridder = ("import lightningish\n\n\ndef devices():\n    return lightningish.pick_devices(gpus=2)\n"
               if helper_call else "def devices():\n    return []\n")
    return {
        "lightningish": [
            {"version": "1.9.5", "upload_time": "2023-03-30T00:00:00Z", "files": _lightning(True)},
            {"version": "2.1.4", "upload_time": "2024-01-31T00:00:00Z", "files": _lightning(False)},
        ],
        "relational": [_rel("1.0.0", "pl.Trainer(max_epochs=2, gpus=1)", "2023-09-01T00:00:00Z"),
                       _rel("1.0.1", "pl.Trainer(max_epochs=2, devices=1)", "2024-02-13T00:00:00Z")],
        "gridder": [{"version": "0.3", "upload_time": "2023-01-01T00:00:00Z", "requires_dist": ["lightningish"],
                     "files": {"gridder/__init__.py": gridder}}],
    }


def _moves(index, target):
    pins = parse_requirements_text("relational==1.0.0\nlightningish==2.1.4\ngridder==0.3\n", target)
    d = diagnose_text(index, target, pins, PASTE)
    return d, {(c.name, c.constraint) for c in d.culprits}


def test_a_plain_function_refusing_the_keyword_does_not_hide_the_constructor_call(index_for):
    # (With helper_call=False the same diagnosis finds relational>=1.0.1 and lightningish<2.1.4, as
    # tests/diagnose/test_keyword_calls.py shows for its universe.)
    index, target = index_for(universe(helper_call=True), python="3.9")
    d, moves = _moves(index, target)
    assert ("relational", ">=1.0.1") in moves, (d.verdict, moves)
    assert not any(name == "gridder" for name, _ in moves), moves
