"""A message naming a pin's release and a direction: "load and save them in MuJoCo 2.3.3 or older".

Farama-Foundation/Gymnasium#597: mujoco 2.3.4 dropped global coordinates and its refusal says which
releases still read them.  Read only when nothing else explains the crash, for a pin of the set whose
pinned release the named range leaves out.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = ("ValueError: XML Error: global coordinates no longer supported. To convert existing models, "
         "load and save them in MuJoCo 2.3.3 or older\n")
REQS = "gymy==0.28.1\nmujoco==2.3.6\n"


def _universe():
    return {"mujoco": [{"version": v, "files": {"mujoco/__init__.py": ""}} for v in ("2.3.2", "2.3.3", "2.3.4", "2.3.6")],
            "gymy": [{"version": "0.28.1", "requires_dist": ["mujoco>=2.3.2"], "files": {"gymy/__init__.py": ""}}]}


def test_the_named_pin_goes_to_the_named_release_or_older(index_for):
    index, target = index_for(_universe(), python="3.8")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("mujoco", "<=2.3.3")], d.summary


def test_a_named_range_the_pin_is_already_in_moves_nothing(index_for):
    index, target = index_for(_universe(), python="3.8")
    d = diagnose_paste(index, target, REQS, PASTE.replace("2.3.3 or older", "2.3.3 or newer"))
    assert not d.culprits, d.summary


def test_a_name_that_is_no_pin_moves_nothing(index_for):
    index, target = index_for(_universe(), python="3.8")
    d = diagnose_paste(index, target, REQS, PASTE.replace("MuJoCo", "Blender"))
    assert not d.culprits, d.summary
