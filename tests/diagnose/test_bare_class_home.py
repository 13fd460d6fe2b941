"""An attribute error of a bare class name with no frame of a pin: the class's home is found by name.

jupyterlab#10228: "'ExtensionManager' object has no attribute '_extensions'" after jupyter_server 1.7.0,
with only a runpy frame printed.  jupyter_server defines the class (and had ``self._extensions`` up
to 1.6.4); jupyterlab defines another class of the same name that never had it.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

OLD = "class ExtensionManager(object):\n    def __init__(self):\n        self._extensions = {}\n"
NEW = "class ExtensionManager(object):\n    def __init__(self):\n        self.extensions = {}\n"
PASTE = ("Traceback (most recent call last):\n"
         '  File "C:\\Python37\\lib\\runpy.py", line 193, in _run_module_as_main\n'
         " ......\n"
         '    nb = self._extensions.get("nbclassic")\n'
         "AttributeError: 'ExtensionManager' object has no attribute '_extensions'\n")


def _universe(lab_class: str):
    return {
        "serverx": [{"version": v, "files": {"serverx/__init__.py": "", "serverx/extension/__init__.py": "",
                                             "serverx/extension/manager.py": OLD if v < "1.7" else NEW}}
                    for v in ("1.5.0", "1.6.4", "1.7.0")],
        "labx": [{"version": "3.0.15", "requires_dist": ["serverx"],
                  "files": {"labx/__init__.py": "", "labx/handlers.py": lab_class}}],
    }


def _diagnose(index_for, lab_class: str):
    index, target = index_for(_universe(lab_class), python="3.7")
    pins = parse_requirements_text("labx==3.0.15\nserverx==1.7.0\n", target)
    return diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_one_pin_whose_class_of_that_name_had_the_attribute_is_held_back(index_for):
    d = _diagnose(index_for, "class ExtensionManager(object):\n    def __init__(self):\n        self.app = None\n")
    assert [(c.name, c.constraint) for c in d.culprits] == [("serverx", "<1.7.0")], d.summary


def test_two_classes_of_that_name_that_both_have_it_leave_the_owner_open(index_for):
    d = _diagnose(index_for, OLD)
    assert not any(c.name == "serverx" and c.source == "api-probe" for c in d.culprits), d.summary
