"""Reviewed (s4): ``_RUNTIME_REQUIRES`` (families.py, c501764) reads "requires Python 3.7 or later" as a pin.

scikit-learn's setup.py (1.0) raises ``RuntimeError("Scikit-learn requires Python 3.7 or later. The current
Python version is ...")`` when run by a Python it no longer supports (pip < 9 ignores Requires-Python, or
``python setup.py install``).  The new pattern takes "Python" for the required package: the signal becomes
DECLARED with the requirement ``Python>=3.7``, which no pin can carry, and the verdict says "no pin of the set
can satisfy it without moving a keep-pin" (nothing is kept).  It is a Python-version break: scikit-learn
pinned too new for the target, fixed by an older scikit-learn or a newer Python.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose import families as F
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.models import Crash, ExceptionRecord
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

MESSAGE = ("Scikit-learn requires Python 3.7 or later. The current Python version is 3.6.9 installed in "
           "/usr/bin/python3.")


def test_a_python_version_check_is_not_a_requirement_on_a_package_named_python():
    sig = F.classify(Crash(exceptions=[ExceptionRecord(type="RuntimeError", message=MESSAGE)]))
    assert not (sig.family == F.DECLARED and (sig.requirement or "").lower().startswith("python")), \
        (sig.family, sig.requirement)


def test_the_verdict_does_not_invent_a_keep_pin(index_for):
    universe = {"scikit-learn": [{"version": "0.22.2", "requires_python": ">=3.5"},
                                 {"version": "1.0.0", "requires_python": ">=3.7"}],
                "helpery": [{"version": "1.0.0"}]}
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("helpery==1.0.0\nscikit-learn==1.0.0\n", target)
    d = diagnose(simple_parse(f"RuntimeError: {MESSAGE}\n", pins), pins, target, index, load_knowledge(bundled=False),
                 probe=ApiProbe(index))
    assert "keep-pin" not in d.summary, (d.verdict, d.family, d.summary)
