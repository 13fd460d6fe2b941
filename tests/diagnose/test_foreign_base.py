"""A pin's class built on another pin's class lost an attribute it inherited from there.

chrisjsewell/pytest-notebook#10: pytest-notebook 0.6.0's ``ExecuteCoveragePreprocessor``
builds on nbconvert's ``ExecutePreprocessor`` and calls ``self.setup_preprocessor``,
which nbconvert 6.0 dropped; pytest-notebook 0.7.0 stopped calling it.  Only the
exception line is printed.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'ExecuteCoveragePreprocessor' object has no attribute 'setup_preprocessor'\n"
BASE_OLD = "class ExecutePreprocessor:\n    def setup_preprocessor(self, nb):\n        return nb\n"
BASE_NEW = "class ExecutePreprocessor:\n    def preprocess(self, nb):\n        return nb\n"
SUB = ("from nbconverty.preprocessors import ExecutePreprocessor\n\n\n"
       "class ExecuteCoveragePreprocessor(ExecutePreprocessor):\n"
       "    def preprocess(self, nb):\n        return self.{}(nb)\n")


def _universe():
    return {
        "nbconverty": [{"version": v, "files": {"nbconverty/__init__.py": "",
                                                "nbconverty/preprocessors.py": text}}
                       for v, text in (("5.6.1", BASE_OLD), ("6.0.0", BASE_NEW))],
        "notebooky": [{"version": v, "requires_dist": ["nbconverty"],
                       "files": {"notebooky/__init__.py": "", "notebooky/execution.py": SUB.format(call)}}
                      for v, call in (("0.6.0", "setup_preprocessor"), ("0.7.0", "preprocess_cell"))],
    }


def test_the_base_pin_and_the_class_pin_are_the_two_ways_out(index_for):
    index, target = index_for(_universe(), python="3.8")
    d = diagnose_paste(index, target, "notebooky==0.6.0\nnbconverty==6.0.0\n", PASTE)
    assert d.verdict == "transitive", d.summary
    moves = {(c.name, c.constraint) for c in d.culprits}
    assert ("notebooky", ">=0.7.0") in moves, d.summary
    assert any(name == "nbconverty" and "<6.0.0" in spec for name, spec in moves), d.summary


def test_a_base_that_never_had_the_attribute_says_nothing(index_for):
    universe = _universe()
    universe["nbconverty"][0]["files"]["nbconverty/preprocessors.py"] = BASE_NEW
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "notebooky==0.6.0\nnbconverty==6.0.0\n", PASTE)
    assert not d.culprits, d.summary


def test_the_base_of_another_pin_is_found_through_the_pins_own_bases(index_for):
    # imbalanced-learn 0.7.0's SMOTE -> its BaseSMOTE -> its BaseOverSampler -> scikit-learn's BaseEstimator
    # (and _smote.py starts with a UTF-8 byte-order mark, which Python's import drops)
    universe = {
        "sklearny": [{"version": v, "files": {"sklearny/__init__.py": "", "sklearny/base.py": text}}
                     for v, text in (("0.22.1", "class BaseEstimator:\n    def fit(self):\n        pass\n"),
                                     ("0.23.0", "class BaseEstimator:\n    def _validate_data(self, X):\n        return X\n"))],
        "imblearny": [{"version": "0.7.0", "requires_dist": ["sklearny>=0.23"],
                       "files": {"imblearny/__init__.py": "",
                                 "imblearny/base.py": "from sklearny.base import BaseEstimator\n\n\n"
                                                      "class BaseOverSampler(BaseEstimator):\n    pass\n",
                                 "imblearny/_smote.py": "\ufefffrom .base import BaseOverSampler\n\n\n"
                                                        "class BaseSMOTE(BaseOverSampler):\n    pass\n\n\n"
                                                        "class SMOTE(BaseSMOTE):\n    def fit(self, X):\n"
                                                        "        return self._validate_data(X)\n"}}],
    }
    index, target = index_for(universe, python="3.6")
    d = diagnose_paste(index, target, "imblearny==0.7.0\nsklearny==0.22.1\n",
                       "AttributeError: 'SMOTE' object has no attribute '_validate_data'\n")
    assert ("sklearny", ">=0.23.0") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_byte_order_mark_is_no_part_of_a_release_file(index_for):
    from pytest_depfix.diagnose.probe import ApiProbe, ReleaseTree

    index, target = index_for({"bomy": [{"version": "1.0", "files": {"bomy/__init__.py": "\ufeffx = 1\n"}}]}, python="3.9")
    assert ReleaseTree(ApiProbe(index), "bomy", "1.0").read("bomy/__init__.py") == "x = 1\n"


def test_a_base_named_through_its_module_is_that_modules_class(index_for):
    # algorandfoundation/puya#61: class PuyaConsoleRender(structlog.dev.ConsoleRenderer), after "import structlog";
    # structlog 23.3.0 dropped ConsoleRenderer._level_to_color, puya 0.3.0 stopped reading it
    renderer = "class ConsoleRenderer:\n    def __init__(self):\n        self.{} = {{}}\n"
    universe = {
        "structlogy": [{"version": v, "files": {"structlogy/__init__.py": "from structlogy import dev\n",
                                                "structlogy/dev.py": renderer.format(attr)}}
                       for v, attr in (("23.2.0", "_level_to_color"), ("23.3.0", "_styles"))],
        "puyay": [{"version": v, "files": {"puyay/__init__.py": "",
                                           "puyay/logging_config.py": "import structlogy\n\n\n"
                                           "class PuyaConsoleRender(structlogy.dev.ConsoleRenderer):\n"
                                           f"    def render(self):\n        return self.{attr}\n"}}
                  for v, attr in (("0.2.0", "_level_to_color"), ("0.3.0", "_styles"))],
    }
    index, target = index_for(universe, python="3.12")
    d = diagnose_paste(index, target, "puyay==0.2.0\nstructlogy==23.3.0\n",
                       "AttributeError: 'PuyaConsoleRender' object has no attribute '_level_to_color'\n")
    moves = {(c.name, c.constraint) for c in d.culprits}
    assert ("puyay", ">=0.3.0") in moves, d.summary
    assert any(n == "structlogy" and "<23.3.0" in spec for n, spec in moves), d.summary
