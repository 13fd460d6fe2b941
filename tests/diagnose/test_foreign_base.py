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
