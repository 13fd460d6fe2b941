"""Found by review: a frameless removed-module crash is pinned on a pin whose only import of it is in its tests."""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text


def test_an_import_in_a_shipped_test_module_is_not_the_frameless_caller(index_for):
    universe = {"toolzy": [
        {"version": "1.0.0", "files": {"toolzy/__init__.py": "import json\n",
                                       "toolzy/tests/test_compat.py": "import imp\n\ndef test_x():\n    imp.reload\n"}},
        {"version": "1.1.0", "files": {"toolzy/__init__.py": "import json\n",
                                       "toolzy/tests/test_compat.py": "import importlib\n"}},
    ]}
    index, target = index_for(universe, python="3.12")
    pins = parse_requirements_text("toolzy==1.0.0\n", target)
    kb = load_knowledge(bundled=False)
    crash = infer_message("ModuleNotFoundError: No module named 'imp'\n", kb).to_crash()
    d = diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))
    # toolzy's package never imports its tests: nothing points at toolzy
    assert [c.name for c in d.culprits] == [], (d.verdict, d.culprits)
