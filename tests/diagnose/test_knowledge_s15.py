"""Knowledge entries added in session 15, each against fixture wheels.

ian-chuang/Manipulator-Mujoco#2: NumPy 2.0's ``np.array(obj, copy=False)`` raises "Unable to avoid
copy while creating an array as requested" where NumPy 1.x copied quietly; dm-control 1.0.20 calls it
(1.0.21 calls ``np.asarray``).  The thread held numpy below 2.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

COPY_TB = """Traceback (most recent call last):
  File "/envs/osc/lib/python3.9/site-packages/dmcontroly/index.py", line 2, in convert_key_item
    key_item = np.array(key_item, copy=False)
ValueError: Unable to avoid copy while creating an array as requested.
If using `np.array(obj, copy=False)` replace it with `np.asarray(obj)` to allow a copy when needed (no behavior change in NumPy 1.x).
"""


def test_numpy_2s_copy_keyword_holds_numpy_below_2(index_for):
    body = "def convert_key_item(key_item):\n    key_item = np.array(key_item, copy=False)\n"
    universe = {"numpy": [{"version": v, "files": {"numpy/__init__.py": ""}} for v in ("1.26.4", "2.0.1")],
                "dmcontroly": [{"version": "1.0.20", "requires_dist": ["numpy"],
                                "files": {"dmcontroly/__init__.py": "", "dmcontroly/index.py": body}}]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("dmcontroly==1.0.20\nnumpy==2.0.1\n", target)
    crash = attribute(parse_traceback(COPY_TB)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.details.get("knowledge") == "numpy2-copy-false-no-longer-copies"
    assert ("numpy", "<2") in [(c.name, c.constraint) for c in d.culprits], d.summary
    # pyarrow's own wording of the same refusal is the same entry
    kb = load_knowledge()
    assert [e.id for e in kb.match("ValueError", "Unable to avoid a copy while creating a numpy array as requested.")] \
        == ["numpy2-copy-false-no-longer-copies"]
