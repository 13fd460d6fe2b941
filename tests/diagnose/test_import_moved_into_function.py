"""A crash at import whose later release imports the name only inside the function that needs it.

NKU-HLT/DIFFA#6: peft 0.18.0's lora/model.py runs ``from transformers.modeling_layers import
GradientCheckpointingLayer`` at import, and transformers 4.49 has no such module; peft 0.18.1
imports it inside the one method that needs it, after checking the transformers version.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/usr/local/lib/python3.10/dist-packages/pefty/model.py", line 1, in <module>
    from transformersy.modeling_layers import GradientCheckpointingLayer
ModuleNotFoundError: No module named 'transformersy.modeling_layers'
"""
TOP = "from transformersy.modeling_layers import GradientCheckpointingLayer\n\n\ndef hooks():\n    return GradientCheckpointingLayer\n"
INSIDE = "import transformersy\n\n\ndef hooks():\n    from transformersy.modeling_layers import GradientCheckpointingLayer\n    return GradientCheckpointingLayer\n"


def _universe():
    def peft(v, body):
        return {"version": v, "requires_dist": ["transformersy"], "files": {"pefty/__init__.py": "", "pefty/model.py": body}}

    def tr(v, layers):
        files = {"transformersy/__init__.py": ""}
        if layers:
            files["transformersy/modeling_layers.py"] = "class GradientCheckpointingLayer:\n    pass\n"
        return {"version": v, "files": files}

    return {"pefty": [peft("0.18.0", TOP), peft("0.18.1", INSIDE)],
            "transformersy": [tr("4.49.0", False), tr("4.52.1", True)]}


def _diagnose(index_for, paste=PASTE):
    index, target = index_for(_universe(), python="3.10")
    return diagnose_paste(index, target, "pefty==0.18.0\ntransformersy==4.49.0\n", paste)


def test_an_import_moved_into_the_function_needing_it_ends_the_crash_at_import(index_for):
    d = _diagnose(index_for)
    assert ("pefty", ">=0.18.1") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_crash_inside_a_function_still_meets_the_moved_import(index_for):
    d = _diagnose(index_for, PASTE.replace("in <module>", "in hooks"))
    assert ("pefty", ">=0.18.1") not in [(c.name, c.constraint) for c in d.culprits], d.summary
