"""'super' object has no attribute '__sklearn_tags__', with no frame: the pin that adopted the protocol.

interpretml/interpret#589: scikit-learn 1.6's mixins call ``super().__sklearn_tags__()`` (and every
later release keeps doing so); interpret-core 0.6.7 never names the method, 0.6.8 defines it.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

MIXIN = ("class BaseEstimator:\n    def __sklearn_tags__(self):\n        return {}\n\n"
         "class ClassifierMixin:\n    def __sklearn_tags__(self):\n        tags = super().__sklearn_tags__()\n        return tags\n")
OLD_MIXIN = "class BaseEstimator:\n    pass\n\nclass ClassifierMixin:\n    pass\n"
EBM = "from sklearny.base import ClassifierMixin\n\nclass EBMClassifier(ClassifierMixin):\n    pass\n"
EBM_TAGS = EBM + "\n    def __sklearn_tags__(self):\n        return {}\n"


def _diagnose(index_for, interp_new: str, declared: str = "sklearny"):
    universe = {"sklearny": [{"version": v, "files": {"sklearny/__init__.py": "", "sklearny/base.py": MIXIN if v >= "1.6" else OLD_MIXIN}}
                             for v in ("1.5.2", "1.6.0", "1.6.1")],
                "interpy": [{"version": v, "requires_dist": [declared],
                             "files": {"interpy/__init__.py": "", "interpy/ebm.py": EBM if v == "0.6.7" else interp_new}}
                            for v in ("0.6.7", "0.6.8")]}
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("interpy==0.6.7\nsklearny==1.6.0\n", target)
    kb = load_knowledge(bundled=False)
    crash = infer_message("'super' object has no attribute '__sklearn_tags__'\n", kb).to_crash()
    return diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))


def test_the_other_pin_whose_next_release_defines_the_asked_method_moves_forward(index_for):
    d = _diagnose(index_for, EBM_TAGS)
    assert [(c.name, c.constraint) for c in d.culprits] == [("interpy", ">=0.6.8")]
    assert d.verdict == "transitive"


def test_no_release_that_defines_it_offers_nothing(index_for):
    d = _diagnose(index_for, EBM + "# changed\n")
    assert not any(c.name == "interpy" for c in d.culprits)


def test_a_pin_declaring_the_asker_only_under_an_extra_is_still_built_on_it(index_for):
    # dmlc/xgboost: 'scikit-learn; extra == "scikit-learn"', while its classes subclass the mixins.
    d = _diagnose(index_for, EBM_TAGS, declared='sklearny; extra == "sklearny"')
    assert [(c.name, c.constraint) for c in d.culprits] == [("interpy", ">=0.6.8")]


def test_with_no_adopter_nothing_moves_on_time_alone(index_for):
    # (session 24 tried sending the asker back before it asked; a base that dropped the method, in a
    # set too big for that reading, was then answered wrongly: tests/diagnose/test_reviewed_s24b.py)
    d = _diagnose(index_for, EBM + "# changed\n")
    assert d.culprits == [], d.summary
