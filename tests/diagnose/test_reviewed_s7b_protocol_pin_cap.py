"""Reviewed (s7b): ``_super_protocol`` and ``_super_callers`` (verdict.py, 6b7c605/ee393c3) read only the first six pins.

Both slice the set's pins to ``MAX_PROTOCOL_PINS`` (6) *before* looking at them, in
requirements-file order, so which pins are searched depends on where they sit in the
file, not on anything about them.  A ``pip freeze`` is alphabetical: with scikit-learn,
joblib, matplotlib, numpy, pandas, scipy and threadpoolctl pinned, xgboost is the
seventh "other" pin and is never read -- the fix the dmlc/xgboost#11163 thread took
(xgboost 2.1.4, the one the size rule prefers) silently disappears and only the
scikit-learn downgrade is left.  The frameless ``super()._validate_data`` search is
capped the same way (its slice even spends a place on the base library itself), so
scBoolSeq is not found and no answer is given.  The cap should bound the whole-release
reads, not choose the pins by position: e.g. read first the pins whose metadata
declares the owner (``users.dependants``, extras included) or whose modules import
the owner's package, and cap those.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.diagnose.test_s7_super_protocol import FRAMELESS, PASTE, UNIVERSE
from tests.support.diagnose_crashes import simple_parse

FILLERS = ["joblib", "matplotlib", "numpy", "pandas", "scipy", "threadpoolctl"]


def _with_fillers(universe):
    out = dict(universe)
    for name in FILLERS:
        out[f"f{name}"] = [{"version": "1.0.0", "upload_time": "2024-01-01T00:00:00Z",
                            "files": {f"f{name}/__init__.py": "def helper(x):\n    return x\n"}}]
    return out


def _freeze(*lines):
    return "\n".join(sorted(lines + tuple(f"f{n}==1.0.0" for n in FILLERS))) + "\n"


def test_the_subclassing_pin_is_found_whatever_its_place_in_the_file(index_for):
    index, target = index_for(_with_fillers(UNIVERSE), python="3.10")
    pins = parse_requirements_text(_freeze("skl==1.6.1", "xgb==2.1.3"), target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("xgb", ">=2.1.4") in {(c.name, c.constraint) for c in d.culprits}


def test_the_frameless_super_caller_is_found_whatever_its_place_in_the_file(index_for):
    index, target = index_for(_with_fillers(FRAMELESS), python="3.12")
    pins = parse_requirements_text(_freeze("skl==1.7.0", "scb==2.2.0"), target)
    crash = simple_parse("AttributeError: 'super' object has no attribute '_validate_data'\n", pins)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("scb", ">=2.3.2") in {(c.name, c.constraint) for c in d.culprits}
