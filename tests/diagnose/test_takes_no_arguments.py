""""SparseDataFrame() takes no arguments": a class whose constructor takes nothing in the pinned release.

MaxHalford/prince#85: pandas 1.0 left ``SparseDataFrame`` as a stub without a constructor; prince 0.6.3
still builds ``pd.SparseDataFrame(data=...)``.  The releases whose constructor takes a first argument are
the ones asked for.
"""
from pytest_depfix.diagnose import families as F
from pytest_depfix.models import Crash, ExceptionRecord
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.8/site-packages/princy/one_hot.py", line 4, in transform
    return pandy.SparseDataFrame(data=X)
TypeError: SparseDataFrame() takes no arguments
"""


def _signal(message):
    return F.classify(Crash(exceptions=[ExceptionRecord("TypeError", message, [])]))


def test_a_class_taking_no_arguments_is_read_as_one_positional_too_many():
    sig = _signal("SparseDataFrame() takes no arguments")
    assert (sig.family, sig.function, sig.detail.get("positional")) == (F.SIGNATURE, "SparseDataFrame", 2)


def test_a_lower_case_function_is_not_read_so():
    assert _signal("foo() takes no arguments").family != F.SIGNATURE or not _signal("foo() takes no arguments").detail.get("positional")


def test_the_releases_whose_constructor_took_data_are_the_way_back(index_for):
    old = "class SparseDataFrame(object):\n    def __init__(self, data=None, columns=None):\n        self.data = data\n"
    universe = {"pandy": [{"version": v, "upload_time": t, "files": {"pandy/__init__.py": text}}
                          for v, t, text in (("0.25.3", "2019-11-02T00:00:00Z", old),
                                             ("1.0.1", "2020-02-05T00:00:00Z", "class SparseDataFrame(object):\n    pass\n"))],
                "princy": [{"version": "0.6.3", "upload_time": "2019-12-10T00:00:00Z", "requires_dist": ["pandy"], "files": {
                    "princy/__init__.py": "", "princy/one_hot.py": "import pandy\n\ndef transform(X):\n    return pandy.SparseDataFrame(data=X)\n"}}]}
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "princy==0.6.3\npandy==1.0.1\n", PASTE)
    assert any(c.name == "pandy" and c.constraint.startswith("<") for c in d.culprits), d.summary
