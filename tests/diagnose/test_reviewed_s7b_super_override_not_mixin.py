"""Reviewed (s7b): ``_super_protocol`` (verdict.py, 6b7c605) takes any override calling ``super().m()`` for a mixin.

The handler looks for the class enclosing the innermost frame whose body defines the
method named in "'super' object has no attribute 'm'", and calls it "a base library's
mixin asking the next class" without checking that it is one.  The commonest shape of
this message is the opposite: a library's *subclass* overrides ``m`` and chains to
``super().m()``, and its *base* (another pin) removed ``m`` -- the scBoolSeq case the
same commit series handles without frames (scikit-learn 1.7 removed
``BaseEstimator._validate_data``).  With the frame printed, the handler now answers
"scb<2.2.0: before 2.2.0 the mixin asked nothing of the class after it" -- a false fix,
since scb 2.1.0 calls ``self._validate_data`` and fails the same way on scikit-learn
1.7 -- and returns before the caller/callee search that, at fc5fa90, offered the real
fix (scb>=2.3.2, whose call no longer reaches the removed method).  The summary also
says the subclass does not define a method the subclass does define.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

BASE_16 = "class BaseEstimator:\n    def _validate_data(self, X):\n        return X\n"
BASE_17 = "class BaseEstimator:\n    pass\n"
UTILS = "def validate_data(est, X):\n    return X\n"
SCB_21 = ("from skl.base import BaseEstimator\n\n\nclass Binarizer(BaseEstimator):\n"
          "    def fit(self, X):\n        return self._validate_data(X)\n")
SCB_22 = ("from skl.base import BaseEstimator\n\n\nclass Binarizer(BaseEstimator):\n"
          "    def _validate_data(self, X):\n        return super()._validate_data(X)\n")
SCB_23 = ("from skl.utils import validate_data\n\n\nclass Binarizer:\n"
          "    def _validate_data(self, X):\n        return validate_data(self, X)\n")

UNIVERSE = {
    "skl": [{"version": "1.6.1", "upload_time": "2025-01-05T00:00:00Z",
             "files": {"skl/__init__.py": "", "skl/base.py": BASE_16, "skl/utils.py": UTILS}},
            {"version": "1.7.0", "upload_time": "2025-06-05T00:00:00Z",
             "files": {"skl/__init__.py": "", "skl/base.py": BASE_17, "skl/utils.py": UTILS}}],
    "scb": [{"version": "2.1.0", "upload_time": "2024-06-30T00:00:00Z", "files": {"scb/__init__.py": "", "scb/bin.py": SCB_21}},
            {"version": "2.2.0", "upload_time": "2025-01-30T00:00:00Z", "files": {"scb/__init__.py": "", "scb/bin.py": SCB_22}},
            {"version": "2.3.2", "upload_time": "2025-08-13T00:00:00Z", "files": {"scb/__init__.py": "", "scb/bin.py": SCB_23}}],
}

PASTE = """Traceback (most recent call last):
  File "/content/run.py", line 3, in <module>
    b.fit(X)
  File "/usr/local/lib/python3.12/site-packages/scb/bin.py", line 6, in _validate_data
    return super()._validate_data(X)
AttributeError: 'super' object has no attribute '_validate_data'
"""


def test_an_override_chaining_to_a_removed_base_method_is_not_read_as_a_mixin_protocol(index_for):
    index, target = index_for(UNIVERSE, python="3.12")
    pins = parse_requirements_text("scb==2.2.0\nskl==1.7.0\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    # scb 2.1.0 calls self._validate_data too: moving scb back does not fix the set
    assert ("scb", "<2.2.0") not in got
    # the caller's release that stopped reaching the removed method is offered (as at fc5fa90),
    # or the base library that removed it is held back
    assert got & {("scb", ">=2.3.2"), ("skl", "<1.7.0")}
    assert "asks the next class in the MRO" not in d.summary
