"""A caller too big to read whole, whose failing module stopped reaching the name, weighs as a changed call.

huggingface/transformers#32185: transformers 4.43.1 reads ``torch.float8_e4m3fn`` in
modeling_utils.py, which torch 2.0.1 lacks; 4.43.2 reads it only after
``hasattr(torch, "float8_e4m3fn")``.  transformers is far over the read cap, so only
that module is read: the answer weighs like a changed outer statement (0.6), enough
to stand beside the callee's range, not the full 0.8 of a release read whole.
"""

from __future__ import annotations

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.verdict import CONF_TIME
from pytest_depfix.requirements import parse_requirements_text

FILLER = "# " + "x" * 997 + "\n"
OLD = "import torchish\n\n\ndef load(param):\n    if param.dtype != torchish.float8_e4m3fn:\n        return param\n"
NEW = ("import torchish\nis_f8 = hasattr(torchish, 'float8_e4m3fn')\n\n\ndef load(param):\n"
       "    if not (is_f8 and param.dtype == torchish.float8_e4m3fn):\n        return param\n")


def universe():
    def tf(version, body, when):
        return {"version": version, "upload_time": when, "requires_dist": ["torchish"],
                "files": {"tfish/__init__.py": "", "tfish/a_big.py": FILLER * 40, "tfish/modeling_utils.py": body}}

    return {"torchish": [{"version": "2.0.1", "upload_time": "2023-05-08T00:00:00Z", "files": {"torchish/__init__.py": "float32 = 1\n"}},
                         {"version": "2.2.0", "upload_time": "2024-01-30T00:00:00Z",
                          "files": {"torchish/__init__.py": "float32 = 1\nfloat8_e4m3fn = 2\n"}}],
            "tfish": [tf("4.43.1", OLD, "2024-07-23T00:00:00Z"), tf("4.43.2", NEW, "2024-07-24T00:00:00Z")]}


def test_the_failing_modules_own_guard_is_weighed_as_a_changed_call(index_for):
    index, target = index_for(universe(), python="3.10")
    pins = parse_requirements_text("tfish==4.43.1\ntorchish==2.0.1\n", target)
    paste = ("Traceback (most recent call last):\n"
             '  File "/opt/conda/lib/python3.10/site-packages/tfish/modeling_utils.py", line 5, in load\n'
             "    if param.dtype != torchish.float8_e4m3fn:\n"
             "AttributeError: module 'torchish' has no attribute 'float8_e4m3fn'\n")
    from pytest_depfix.crash import attribute, parse_traceback

    (crash,) = parse_traceback(paste)
    crash = attribute(crash, pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index, max_bytes=20_000))
    found = {(c.name, c.constraint): c for c in d.culprits}
    moved = found.get(("tfish", ">=4.43.2"))
    assert moved is not None, found
    assert moved.confidence == CONF_TIME + 0.1 and "over the read cap" in moved.evidence[0]
