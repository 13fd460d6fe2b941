""""can't set attribute": the pin whose class made the attribute a read-only property moves back.

dynamicslab/pysindy#125: pysindy 1.4.3 sets ``self.n_input_features_``; scikit-learn 1.0 made it a
deprecated property of ``PolynomialFeatures`` with no setter; 0.24.2 set it as a plain attribute.
"""
import pytest

from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "D:\\\\envs\\\\sindy\\\\lib\\\\site-packages\\\\pysindyx\\\\library.py", line 5, in fit
    self.n_input_features_ = n_features
AttributeError: can't set attribute
"""
PROPERTY = ("class PolynomialFeatures:\n    @property\n    def n_input_features_(self):\n"
            "        return self.n_features_in_\n")
WITH_SETTER = PROPERTY + "\n    @n_input_features_.setter\n    def n_input_features_(self, v):\n        self._n = v\n"
PLAIN = "class PolynomialFeatures:\n    def fit(self, X):\n        self.n_input_features_ = 3\n"
CALLER = ("from sklearnx import PolynomialFeatures\n\nclass Lib(PolynomialFeatures):\n    def fit(self, n_features):\n"
          "        self.n_input_features_ = n_features\n")


def _diagnose(index_for, new=PROPERTY, paste=PASTE):
    universe = {
        "sklearnx": [{"version": v, "files": {"sklearnx/__init__.py": "from .poly import PolynomialFeatures\n",
                                              "sklearnx/poly.py": body}} for v, body in (("0.24.2", PLAIN), ("1.0", new))],
        "pysindyx": [{"version": "1.4.3", "requires_dist": ["sklearnx"],
                      "files": {"pysindyx/__init__.py": "", "pysindyx/library.py": CALLER}}],
    }
    index, target = index_for(universe, python="3.9", platform="win_amd64")
    return diagnose_paste(index, target, "pysindyx==1.4.3\nsklearnx==1.0\n", paste)


def test_the_pin_that_made_it_a_read_only_property_goes_back(index_for):
    d = _diagnose(index_for)
    assert [(c.name, c.constraint) for c in d.culprits] == [("sklearnx", "<=0.24.2")], d.summary
    assert d.verdict == "transitive"


def test_a_property_with_a_setter_is_not_it(index_for):
    assert not _diagnose(index_for, new=WITH_SETTER).culprits


@pytest.mark.parametrize("wording", ["can't set attribute 'n_input_features_'",
                                     "property 'n_input_features_' of 'Lib' object has no setter"])
def test_the_newer_wordings_name_the_attribute(index_for, wording):
    d = _diagnose(index_for, paste=PASTE.replace("can't set attribute", wording))
    assert [(c.name, c.constraint) for c in d.culprits] == [("sklearnx", "<=0.24.2")], d.summary
