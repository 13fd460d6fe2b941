"""A caller's forward move for a frameless keyword error must stop passing the keyword everywhere.

Defect: ``_keyword_call_pairs`` offers the caller's first later release found
by ``users.keyword_adapted``, which reads only the one module where the first
call passing the keyword was seen (``use.file``).  ``keyword_call_sites``
records one call per callable per pin, so a second module of the same pin
that also calls ``pl.Trainer(gpus=...)`` is never looked at again.

Realistic scenario (the pyrelational shape of RelationRx/pyrelational#14):
the library calls ``pl.Trainer(gpus=...)`` in two modules (its model manager
and a learning-rate tuner).  Release 1.0.1 fixes the manager only; the tuner
still builds ``pl.Trainer(gpus=1)``, so 1.0.1 still crashes with
``__init__() got an unexpected keyword argument 'gpus'`` under
pytorch-lightning 2.x.  1.0.2 fixes both.

docs/design.md: "A caller's forward move must be a whole fix: the first later
release whose failing statement changed is offered only when that release no
longer reaches the name anywhere".  With no frame printed, either call may be
the failing one, so the forward move must be 1.0.2, never 1.0.1.
"""

from __future__ import annotations

from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_text

PASTE = "TypeError: __init__() got an unexpected keyword argument 'gpus'\n"


def _trainer(gpus: bool) -> str:
    return f"class Trainer:\n    def __init__(self, max_epochs=1, {'gpus=None' if gpus else 'devices=None'}):\n        pass\n"


def _rel(version, manager_call, tuner_call, when):
    return {"version": version, "upload_time": when, "requires_dist": ["lightningish>=1.5"],
            "files": {"relational/__init__.py": "",
                      "relational/manager.py": f"import lightningish as pl\n\n\ndef fit():\n    return {manager_call}\n",
                      "relational/tuner.py": f"import lightningish as pl\n\n\ndef tune():\n    return {tuner_call}\n"}}


OLD = "pl.Trainer(max_epochs=2, gpus=1)"
NEW = "pl.Trainer(max_epochs=2, devices=1)"


def universe():
    return {
        "lightningish": [
            {"version": "1.9.5", "upload_time": "2023-03-30T00:00:00Z",
             "files": {"lightningish/__init__.py": "from lightningish.trainer import Trainer\n",
                       "lightningish/trainer.py": _trainer(True)}},
            {"version": "2.1.4", "upload_time": "2024-01-31T00:00:00Z",
             "files": {"lightningish/__init__.py": "from lightningish.trainer import Trainer\n",
                       "lightningish/trainer.py": _trainer(False)}},
        ],
        "relational": [
            _rel("1.0.0", OLD, OLD, "2023-09-01T00:00:00Z"),
            _rel("1.0.1", NEW, OLD, "2024-02-13T00:00:00Z"),  # the tuner still passes gpus=
            _rel("1.0.2", NEW, NEW, "2024-03-20T00:00:00Z"),
        ],
    }


def test_the_callers_forward_move_is_the_release_that_stopped_passing_the_keyword_in_every_module(index_for):
    index, target = index_for(universe(), python="3.9")
    pins = parse_requirements_text("relational==1.0.0\nlightningish==2.1.4\n", target)
    d = diagnose_text(index, target, pins, PASTE)
    moves = {(c.name, c.constraint) for c in d.culprits}
    assert any(name == "lightningish" for name, _ in moves), moves  # the pair itself is found
    assert ("relational", ">=1.0.1") not in moves, moves  # 1.0.1's tuner still calls pl.Trainer(gpus=1)
    assert ("relational", ">=1.0.2") in moves, moves
