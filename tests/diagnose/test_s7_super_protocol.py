"""``'super' object has no attribute 'm'``: a base library's mixin now asks the next class for ``m``.

dmlc/xgboost#11163: scikit-learn 1.6's ``ClassifierMixin.__sklearn_tags__`` calls
``super().__sklearn_tags__()``; xgboost 2.1.3's ``XGBClassifier(XGBModel, ClassifierMixin)``
defines none, so the call reaches ``object``.  xgboost 2.1.4 defines ``__sklearn_tags__``;
scikit-learn before 1.6 never asked.  Both are fixes.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

BASE_15 = "class BaseEstimator:\n    pass\n\n\nclass ClassifierMixin:\n    def score(self):\n        return 1\n"
BASE_16 = ("class BaseEstimator:\n    def __sklearn_tags__(self):\n        return {}\n\n\n"
           "class ClassifierMixin:\n    def __sklearn_tags__(self):\n        tags = super().__sklearn_tags__()\n"
           "        return tags\n")
XGB_OLD = ("from skl.base import ClassifierMixin\n\n\nclass XGBModel:\n    pass\n\n\n"
           "class XGBClassifier(XGBModel, ClassifierMixin):\n    pass\n")
XGB_NEW = ("from skl.base import ClassifierMixin\n\n\nclass XGBModel:\n    def __sklearn_tags__(self):\n"
           "        return {}\n\n\nclass XGBClassifier(XGBModel, ClassifierMixin):\n    pass\n")

UNIVERSE = {
    "skl": [{"version": "1.5.2", "upload_time": "2024-09-01T00:00:00Z", "files": {"skl/__init__.py": "", "skl/base.py": BASE_15}},
            {"version": "1.6.1", "upload_time": "2025-01-10T00:00:00Z", "files": {"skl/__init__.py": "", "skl/base.py": BASE_16}}],
    "xgb": [{"version": "2.1.3", "upload_time": "2024-11-26T00:00:00Z", "files": {"xgb/__init__.py": "", "xgb/sklearn.py": XGB_OLD}},
            {"version": "2.1.4", "upload_time": "2025-02-06T00:00:00Z", "files": {"xgb/__init__.py": "", "xgb/sklearn.py": XGB_NEW}}],
}

PASTE = """Traceback (most recent call last):
  File "/content/search.py", line 3, in <module>
    search.fit(X, y)
  File "/usr/local/lib/python3.10/dist-packages/skl/base.py", line 8, in __sklearn_tags__
    tags = super().__sklearn_tags__()
AttributeError: 'super' object has no attribute '__sklearn_tags__'
"""


def test_the_mixins_owner_goes_back_or_the_subclassing_pin_goes_forward(index_for):
    index, target = index_for(UNIVERSE, python="3.10")
    pins = parse_requirements_text("xgb==2.1.3\nskl==1.6.1\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "transitive"
    assert {(c.name, c.constraint) for c in d.culprits} == {("skl", "<1.6.1"), ("xgb", ">=2.1.4")}
    assert "ClassifierMixin.__sklearn_tags__" in d.summary


SCB_OLD = ("from skl.base import BaseEstimator\n\n\nclass Binarizer(BaseEstimator):\n"
           "    def _validate_data(self, X):\n        return super()._validate_data(X)\n")
SCB_NEW = ("from skl.utils import validate_data\n\n\nclass Binarizer:\n"
           "    def _validate_data(self, X):\n        return validate_data(self, X)\n")
FRAMELESS = {
    "skl": [{"version": "1.7.0", "upload_time": "2025-06-05T00:00:00Z",
             "files": {"skl/__init__.py": "", "skl/base.py": "class BaseEstimator:\n    pass\n",
                       "skl/utils.py": "def validate_data(est, X):\n    return X\n"}}],
    "scb": [{"version": "2.2.0", "upload_time": "2025-01-30T00:00:00Z", "files": {"scb/__init__.py": "", "scb/bin.py": SCB_OLD}},
            {"version": "2.3.2", "upload_time": "2025-08-13T00:00:00Z", "files": {"scb/__init__.py": "", "scb/bin.py": SCB_NEW}}],
}


def test_with_no_frame_the_one_pin_calling_super_for_the_name_moves_to_its_release_that_stopped(index_for):
    # bnediction/scBoolSeq#5: scikit-learn 1.7 removed BaseEstimator._validate_data; 2.3.2 stopped calling it
    index, target = index_for(FRAMELESS, python="3.12")
    pins = parse_requirements_text("scb==2.2.0\nskl==1.7.0\n", target)
    crash = simple_parse("AttributeError: 'super' object has no attribute '_validate_data'\n", pins)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("scb", ">=2.3.2")]
    assert "calls super()._validate_data()" in d.culprits[0].evidence[0]


def test_the_mixin_under_an_alias_and_a_base_in_another_module_are_followed(index_for):
    # xgboost imports ClassifierMixin as XGBClassifierBase in compat.py; 2.1.4's XGBModel defines the method
    compat = "from skl.base import ClassifierMixin as XGBClassifierBase\n"
    old = ("from xgb.compat import XGBClassifierBase\nfrom xgb.core import XGBModel\n\n\n"
           "class XGBClassifier(XGBModel, XGBClassifierBase):\n    pass\n")
    core_old = "class XGBModel:\n    pass\n"
    core_new = "class XGBModel:\n    def __sklearn_tags__(self):\n        return {}\n"
    universe = dict(UNIVERSE)
    universe["xgb"] = [
        {"version": "2.1.3", "upload_time": "2024-11-26T00:00:00Z",
         "files": {"xgb/__init__.py": "", "xgb/compat.py": compat, "xgb/core.py": core_old, "xgb/sklearn.py": old}},
        {"version": "2.1.4", "upload_time": "2025-02-06T00:00:00Z",
         "files": {"xgb/__init__.py": "", "xgb/compat.py": compat, "xgb/core.py": core_new, "xgb/sklearn.py": old}}]
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("xgb==2.1.3\nskl==1.6.1\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("xgb", ">=2.1.4") in {(c.name, c.constraint) for c in d.culprits}
