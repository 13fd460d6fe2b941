"""Reviewed (s4): an import-time version check naming the project ("TensorFlow") when the set pins a variant.

``_RUNTIME_REQUIRES`` (families.py, c501764) turns "Keras requires TensorFlow 2.2 or higher" into the
requirement ``TensorFlow>=2.2``; ``_declared`` (verdict.py) looks the name up with ``ctx.pinned`` only.  A set
that runs ``tensorflow-gpu`` (keras 2.4's era: TF 2.1 users installed tensorflow-gpu) gets no culprit at all
(neither the checked package nor ``_requirer_before``'s keras<2.4, which needs the pin too), and the summary
"no pin of the set can satisfy it without moving a keep-pin" although nothing is kept.  The check is met by
tensorflow-gpu>=2.2 (it imports as ``tensorflow``), or by keras 2.3.1.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse


def test_the_checked_project_is_found_under_the_variant_the_set_pins(index_for):
    tf = {"tensorflow/__init__.py": "__version__ = '0'\n"}
    universe = {
        "tensorflow-gpu": [{"version": v, "files": tf} for v in ("2.1.0", "2.2.0", "2.3.0")],
        "keras": [{"version": v, "files": {"keras/__init__.py": ""}} for v in ("2.3.1", "2.4.3")],
    }
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("keras==2.4.3\ntensorflow-gpu==2.1.0\n", target)
    paste = ('Traceback (most recent call last):\n'
             '  File "/home/u/proj/train.py", line 1, in <module>\n'
             '    import keras\n'
             '  File "/usr/lib/python3.8/site-packages/keras/__init__.py", line 6, in <module>\n'
             "    'Keras requires TensorFlow 2.2 or higher. '\n"
             "ImportError: Keras requires TensorFlow 2.2 or higher. Install TensorFlow via `pip install tensorflow`\n")
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert {"tensorflow-gpu", "keras"} & {c.name for c in d.culprits}, (d.verdict, d.summary)
