"""A frameless attribute error whose class no Python file defines: the one pin reading the name, which later stopped.

google-deepmind/dm_control#430-like: mujoco 3.0.0 renamed a compiled class's ``bvh_geomid``; the one pin of the
set reading ``.bvh_geomid`` stopped in its next release.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'MjModel' object has no attribute 'bvh_geomid'\n"


def _moves(index_for, later="def ids(model):\n    return model.bvh_nodeid\n", name="bvh_geomid"):
    universe = {"mujocoz": [{"version": v, "files": {"mujocoz/__init__.py": "", "mujocoz/_structs.cpython-311-x86_64-linux-gnu.so": "ELF"}}
                            for v in ("2.3.7", "3.0.0")],
                "dmz": [{"version": "1.0.14", "files": {"dmz/__init__.py": "", "dmz/physics.py": f"def ids(model):\n    return model.{name}\n"}},
                        {"version": "1.0.15", "files": {"dmz/__init__.py": "", "dmz/physics.py": later}}]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "dmz==1.0.14\nmujocoz==3.0.0\n", PASTE.replace("bvh_geomid", name))
    return d, [(c.name, c.constraint) for c in d.culprits]


def test_the_one_reader_moves_to_its_release_that_stopped_reading_it(index_for):
    d, moves = _moves(index_for)
    assert ("dmz", ">=1.0.15") in moves, d.summary


def test_a_reader_that_never_stopped_gives_no_move(index_for):
    d, moves = _moves(index_for, later="def ids(model):\n    return model.bvh_geomid\n")
    assert ("dmz", ">=1.0.15") not in moves, d.summary


def test_a_plain_word_is_too_common_to_name_its_reader(index_for):
    d, moves = _moves(index_for, name="name", later="def ids(model):\n    return model.label\n")
    assert ("dmz", ">=1.0.15") not in moves, d.summary
