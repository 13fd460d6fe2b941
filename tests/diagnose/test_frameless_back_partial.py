"""A frameless caller too big to read whole moves back to its release whose using module stopped.

amaiya/ktrain#528: only "module 'keras.utils' has no attribute 'unpack_x_y_sample_weight'"
was posted.  transformers 4.39.3's modeling_tf_utils.py calls it; the kept TensorFlow 2.11
holds keras at 2.11, which lacks it; transformers 4.37.2 called TensorFlow's own copy.  Every
transformers release is over the read cap, so the earlier release is accepted when the
module that used the name is there and no longer uses it, weighed below a release read whole.
"""

from __future__ import annotations

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.verdict import CONF_TIME
from pytest_depfix.requirements import parse_requirements_text

PASTE = "AttributeError: module 'kerasy.utils' has no attribute 'unpack_x_y_sample_weight'\n"
FILLER = "# " + "x" * 997 + "\n"
OLD = "import tensorflowy as tf\n\n\ndef train_step(data):\n    return tf.unpack(data)\n"
NEW = "import kerasy\n\n\ndef train_step(data):\n    return kerasy.utils.unpack_x_y_sample_weight(data)\n"


def universe(old_body=OLD, old_file="transformy/modeling_tf_utils.py"):
    def tr(version, body, path="transformy/modeling_tf_utils.py"):
        return {"version": version, "requires_dist": ["kerasy"],
                "files": {"transformy/__init__.py": "", "transformy/a_big.py": FILLER * 30, path: body}}

    def kr(version, has):
        utils = "def unpack_x_y_sample_weight(data):\n    return data\n" if has else "def other():\n    pass\n"
        return {"version": version, "files": {"kerasy/__init__.py": "from . import utils\n", "kerasy/utils/__init__.py": utils}}

    return {"kerasy": [kr("2.11.0", False), kr("2.13.1", True)],
            "transformy": [tr("4.37.2", old_body, old_file), tr("4.39.3", NEW)]}


def _diagnose(index_for, world):
    index, target = index_for(world, python="3.10")
    pins = parse_requirements_text("kerasy==2.11.0\ntransformy==4.39.3\n", target)
    crash = infer_message(PASTE).to_crash()
    from pytest_depfix.crash import attribute

    crash = attribute(crash, pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), keep=["kerasy"],
                    probe=ApiProbe(index, max_bytes=20_000))


def test_the_using_module_that_stopped_is_enough_for_a_weaker_way_back(index_for):
    d = _diagnose(index_for, universe())
    found = {(c.name, c.constraint): c for c in d.culprits}
    back = found.get(("transformy", "==4.37.2"))
    assert back is not None, (d.summary, found)
    assert back.confidence == CONF_TIME and "over the read cap" in back.evidence[0]


def test_a_module_that_still_uses_it_or_moved_away_proves_nothing(index_for):
    d = _diagnose(index_for, universe(old_body=NEW))
    assert ("transformy", "==4.37.2") not in {(c.name, c.constraint) for c in d.culprits}, d.summary
    d = _diagnose(index_for, universe(old_file="transformy/elsewhere.py"))
    assert ("transformy", "==4.37.2") not in {(c.name, c.constraint) for c in d.culprits}, d.summary
