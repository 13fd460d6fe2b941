""""can't set attribute": the pin whose class made the attribute a read-only property moves back.

dynamicslab/pysindy#125: pysindy 1.4.3 sets ``self.n_input_features_``; scikit-learn 1.0 made it a
deprecated property of ``PolynomialFeatures`` with no setter; 0.24.2 set it as a plain attribute.
"""
import pytest

from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "D:\\envs\\sindy\\lib\\site-packages\\pysindyx\\library.py", line 5, in fit
    self.n_input_features_ = n_features
AttributeError: can't set attribute
"""
PROPERTY = ("class PolynomialFeatures:\n    @property\n    def n_input_features_(self):\n"
            "        return self.n_features_in_\n")
WITH_SETTER = PROPERTY + "\n    @n_input_features_.setter\n    def n_input_features_(self, v):\n        self._n = v\n"
PLAIN = "class PolynomialFeatures:\n    def fit(self, X):\n        self.n_input_features_ = 3\n"
CALLER = ("from sklearnx import PolynomialFeatures\n\nclass Lib(PolynomialFeatures):\n    def fit(self, n_features):\n"
          "        self.n_input_features_ = n_features\n")


def _diagnose(index_for, new=PROPERTY, paste=PASTE, caller=CALLER):
    universe = {
        "sklearnx": [{"version": v, "files": {"sklearnx/__init__.py": "from .poly import PolynomialFeatures\n",
                                              "sklearnx/poly.py": body}} for v, body in (("0.24.2", PLAIN), ("1.0", new))],
        "pysindyx": [{"version": "1.4.3", "requires_dist": ["sklearnx"],
                      "files": {"pysindyx/__init__.py": "", "pysindyx/library.py": caller}}],
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


def test_a_class_not_built_on_the_pins_class_is_not_its_property(index_for):
    # (review) torch's Tensor.device is a read-only property; a library's own Model setting .device is not it
    caller = CALLER.replace("class Lib(PolynomialFeatures):", "class Lib(object):")
    assert not _diagnose(index_for, caller=caller).culprits


def test_the_assigning_pins_own_read_only_property_is_its_own_slip(index_for):
    own = CALLER + "\n    @property\n    def n_input_features_(self):\n        return 3\n"
    assert not _diagnose(index_for, caller=own).culprits


def test_a_project_frame_is_not_read(index_for):
    paste = PASTE.replace("D:\\envs\\sindy\\lib\\site-packages\\pysindyx\\library.py", "D:\\proj\\model.py")
    assert not _diagnose(index_for, paste=paste).culprits
