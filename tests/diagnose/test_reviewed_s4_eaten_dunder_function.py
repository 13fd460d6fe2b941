"""Reviewed (s4): ``_EATEN_DUNDER`` (families.py, c501764) turns a function really named ``init`` into ``__init__``.

``init() got an unexpected keyword argument 'x'`` is exactly what every Python prints for a module-level
function called ``init`` (wandb.init, ray.init, sentry_sdk.init, colorama.init: its qualname has no
class), so it is not evidence that markdown ate a dunder.  The rewrite sends the paste to
``_constructor_owner`` (a search for classes whose ``__init__`` takes the keyword) instead of
``_function_owner`` (the pin whose package exports ``init``), and the pin that changed the function's
keywords is no longer found.  Before the change the answer was ``wandby>=0.12.0``.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse


def _init(accepts):
    kw = ", settings_profile=None" if accepts else ""
    return {"wandby/__init__.py": f"def init(project=None{kw}):\n    return project\n"}


def test_a_function_named_init_keeps_its_name(index_for):
    universe = {"wandby": [{"version": "0.10.0", "files": _init(False)},
                           {"version": "0.12.0", "files": _init(True)}],
                "helpery": [{"version": "1.0.0"}]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("helpery==1.0.0\nwandby==0.10.0\n", target)
    paste = "TypeError: init() got an unexpected keyword argument 'settings_profile'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("wandby", ">=0.12.0") in [(c.name, c.constraint) for c in d.culprits], (d.verdict, d.summary)
