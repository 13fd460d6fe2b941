"""Reviewed (s7b): ``_super_protocol`` (verdict.py, 6b7c605) takes a ``def m`` anywhere in a release for the subclass's.

The subclassing pin's fix is "its first later release that defines the method", but the
test is ``^[ \\t]+def[ \\t]+m[ \\t]*\\(`` over every shipped module of the release: a
release that adds ``__sklearn_tags__`` to some other class (here a ranker that does
not use ``ClassifierMixin``) while ``XGBClassifier`` still defines none is offered as
the fix -- "xgb>=2.1.4", a false fix the size rule then prefers over the scikit-learn
downgrade.  The same release-wide test on the pinned release skips a pin whose
subclass lacks the method whenever any other class of it defines one (a real fix
missed).  The check belongs to the class that subclasses the mixin (and its bases in
the same release), as ``_abstract_methods`` does with the class body.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.diagnose.test_s7_super_protocol import BASE_15, BASE_16, PASTE, XGB_NEW, XGB_OLD
from tests.support.diagnose_crashes import simple_parse

RANKER = ("class XGBRanker:\n    def __sklearn_tags__(self):\n        return {}\n")
UNIVERSE = {
    "skl": [{"version": "1.5.2", "upload_time": "2024-09-01T00:00:00Z", "files": {"skl/__init__.py": "", "skl/base.py": BASE_15}},
            {"version": "1.6.1", "upload_time": "2025-01-10T00:00:00Z", "files": {"skl/__init__.py": "", "skl/base.py": BASE_16}}],
    "xgb": [{"version": "2.1.3", "upload_time": "2024-11-26T00:00:00Z",
             "files": {"xgb/__init__.py": "", "xgb/sklearn.py": XGB_OLD}},
            # only the ranker gained the method: XGBClassifier still asks past ClassifierMixin
            {"version": "2.1.4", "upload_time": "2025-02-06T00:00:00Z",
             "files": {"xgb/__init__.py": "", "xgb/sklearn.py": XGB_OLD, "xgb/ranker.py": RANKER}},
            {"version": "2.1.5", "upload_time": "2025-03-06T00:00:00Z",
             "files": {"xgb/__init__.py": "", "xgb/sklearn.py": XGB_NEW, "xgb/ranker.py": RANKER}}],
}


def test_a_release_defining_the_method_in_another_class_is_not_the_subclass_s_fix(index_for):
    index, target = index_for(UNIVERSE, python="3.10")
    pins = parse_requirements_text("xgb==2.1.3\nskl==1.6.1\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("xgb", ">=2.1.4") not in got  # 2.1.4's XGBClassifier still defines no __sklearn_tags__
    assert ("xgb", ">=2.1.5") in got
