"""Reviewed (s4): pip's "requires a different Python" for a package that publishes only sdists.

``_requires_other_python`` (verdict.py, b036211) accepts only a release with a *wheel* for the target
(``nearest_installable(..., wheel=True)``), on the grounds that an old sdist declaring no Requires-Python
is no evidence.  An sdist-only project whose older releases *declare* a Requires-Python admitting the
target is evidence, yet the verdict is "environment" ("no release of docopty installs on Python 3.7"),
with no culprit and the advice to change Python.  (analyze() still writes docopty==1.4.0: the resolver's
Requires-Python check is not bypassed by the hold, so the report contradicts its own pins.)
The move is docopty<=1.4.0 (Requires-Python >=3.6).
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse


def test_an_sdist_release_declaring_a_python_that_admits_the_target_is_the_move(index_for):
    universe = {"docopty": [{"version": "1.4.0", "requires_python": ">=3.6", "wheel": False, "sdist": True},
                            {"version": "1.5.0", "requires_python": ">=3.8", "wheel": False, "sdist": True}],
                "helpery": [{"version": "1.0.0"}]}
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("helpery==1.0.0\ndocopty==1.5.0\n", target)
    paste = "ERROR: Package 'docopty' requires a different Python: 3.7.9 not in '>=3.8'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict != "environment", d.summary
    assert ("docopty", "<=1.4.0") in [(c.name, c.constraint) for c in d.culprits], d.summary

