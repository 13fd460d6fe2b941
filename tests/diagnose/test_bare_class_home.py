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


def test_a_placeholder_class_for_a_missing_backend_is_not_the_home():
    # transformers' utils/dummy_tokenizers_objects.py: 'class RobertaTokenizerFast(metaclass=DummyObject)'.
    import ast

    from pytest_depfix.diagnose.users import _named_after, _placeholder_class

    dummy = ast.parse("class RobertaTokenizerFast(metaclass=DummyObject):\n    _backends = ['tokenizers']\n").body[0]
    real = ast.parse("class RobertaTokenizerFast(GPT2TokenizerFast):\n    pass\n").body[0]
    assert _placeholder_class(dummy) and not _placeholder_class(real)
    # The file holding most of the class name's words comes first, before shallower partial matches.
    paths = ["transformers/utils/dummy_tokenizers_objects.py", "transformers/models/bert/tokenization_bert_fast.py",
             "transformers/models/roberta/tokenization_roberta_fast.py"]
    assert _named_after(paths, "RobertaTokenizerFast")[0] == "transformers/models/roberta/tokenization_roberta_fast.py"
    # gempy#801: pandas' Styler lives in io/formats/style.py, named by the word's stem.
    assert _named_after(["pandas/io/formats/style.py", "pandas/io/formats/format.py"], "Styler") == ["pandas/io/formats/style.py"]
    # Review: "__init__" is no stem of "Initializer", and a stem ranks below a whole word.
    paths = [f"tf/sub{i}/__init__.py" for i in range(80)] + ["tf/keras/initializers/initializers_v2.py"]
    assert _named_after(paths, "VarianceScalingInitializer")[0] == "tf/keras/initializers/initializers_v2.py"


# nitorch#74: nibabel 5 renamed ArrayProxy's class variable ``order`` to ``_default_order`` and
# sets ``self.order`` in ``__init__``: every instance has it, the class object does not.
PROXY_OLD = "class ArrayProxy:\n    order = 'F'\n    def __init__(self, order=None):\n        self.order = order or 'F'\n"
PROXY_NEW = ("class ArrayProxy:\n    _default_order = 'F'\n    def __init__(self, order=None):\n"
             "        self.order = order or self._default_order\n")


def _proxy_diagnose(index_for, message):
    from pytest_depfix.diagnose.message_only import infer_message

    universe = {"nibabelx": [{"version": v, "files": {"nibabelx/__init__.py": "", "nibabelx/arrayproxy.py":
                                                      PROXY_OLD if v < "5" else PROXY_NEW}}
                             for v in ("3.2.2", "4.0.2", "5.0.0", "5.1.0")]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("nibabelx==5.1.0\n", target)
    crash = infer_message(message).to_crash()
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_class_object_lacks_what_only_its_instances_set(index_for):
    d = _proxy_diagnose(index_for, "AttributeError: type object 'ArrayProxy' has no attribute 'order'\n")
    assert [(c.name, c.constraint.split(",")[-1]) for c in d.culprits] == [("nibabelx", "<5.0.0")], d.summary


def test_an_instance_still_has_what_its_init_sets(index_for):
    d = _proxy_diagnose(index_for, "AttributeError: 'ArrayProxy' object has no attribute 'order'\n")
    assert not any(c.name == "nibabelx" and c.source == "api-probe" for c in d.culprits), d.summary


def test_the_class_question_reads_class_variables_slots_and_methods_but_not_self_assignments():
    from pytest_depfix.diagnose.pysource import read_class
    import ast

    info = read_class(ast.parse("class C:\n    __slots__ = ('s',)\n    v = 1\n    def m(self):\n"
                                "        self.i = 1\n        self.v = 2\n        self.s = 3\n").body[0])
    assert info.instance_only == {"i"}
    # Review: an annotation without a value, or a dataclass field built by a factory, is no class attribute.
    typed = read_class(ast.parse("class D:\n    order: str\n    items: list = field(default_factory=list)\n"
                                 "    size: int = 3\n    mode: str = field(default='r')\n").body[0])
    assert typed.instance_only == {"order", "items"}


# firefighter-incident#345: pytest-django 4.13.0 reads ``PytestDjangoTestCase._pre_setup_ran_eagerly``,
# a Django 5.2 attribute, on a class it builds inside a function on the Django test case it is handed.
def _fixtures(reads: bool, nested: bool = True) -> str:
    body = "    if not PytestDjangoTestCase._pre_setup_ran_eagerly:\n        pass\n" if reads else "    pass\n"
    if nested:
        return ("def _helper(test_case_class):\n"
                "    class PytestDjangoTestCase(test_case_class):\n        pass\n" + body)
    return "class PytestDjangoTestCase:\n    pass\n\ndef _helper(x):\n" + body


def _eager_diagnose(index_for, nested=True, other=("djangy", "4.2.30", "djangy/testcases.py", "class SimpleTestCase:\n    pass\n")):
    name, version, path, text = other
    universe = {"pytestdjangoy": [{"version": v, "files": {"pytestdjangoy/__init__.py": "",
                                                           "pytestdjangoy/fixtures.py": _fixtures(v == "4.13.0", nested)}}
                                  for v in ("4.11.1", "4.12.0", "4.13.0")],
                name: [{"version": version, "files": {f"{name}/__init__.py": "", path: text}}]}
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text(f"pytestdjangoy==4.13.0\n{name}=={version}\n", target)
    crash = simple_parse("AttributeError: type object 'PytestDjangoTestCase' has no attribute '_pre_setup_ran_eagerly'\n", pins)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_class_a_pin_builds_inside_a_function_is_read_through_the_one_pin_that_reads_the_attribute(index_for):
    d = _eager_diagnose(index_for)
    assert ("pytestdjangoy", "<=4.12.0") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_bare_class_a_module_binds_is_not_taken_for_an_unreadable_one(index_for):
    d = _eager_diagnose(index_for, nested=False)
    assert not any("no module of a pin binds" in " ".join(c.evidence) for c in d.culprits), d.summary


# HN-UnifiedSourceFilterGAN#2: Hydra prints only OmegaConf's "Key 'chdir' not in 'JobConf'"; a
# structured config's keys are its dataclass's fields, and hydra-core 1.2 added JobConf.chdir.
HYDRA_PASTE = ("Key 'chdir' not in 'JobConf'\n    full_key: hydra.job.chdir\n    reference_type=JobConf\n"
               "    object_type=JobConf\n\nSet the environment variable HYDRA_FULL_ERROR=1 for a complete stack trace.\n")


def test_a_structured_configs_missing_key_is_its_dataclasss_missing_field(index_for):
    from pytest_depfix.diagnose.message_only import infer_message

    def conf(v):
        field = "    chdir: Optional[bool] = None\n" if v >= "1.2" else ""
        return ("from dataclasses import dataclass\nfrom typing import Optional\n\n@dataclass\nclass JobConf:\n"
                "    name: str = 'job'\n" + field)

    universe = {"hydray": [{"version": v, "files": {"hydray/__init__.py": "", "hydray/conf/__init__.py": conf(v)}}
                           for v in ("1.0.7", "1.1.2", "1.2.0", "1.3.2")]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("hydray==1.1.2\n", target)
    inferred = infer_message(HYDRA_PASTE)
    assert inferred is not None and inferred.exc_type.endswith("ConfigAttributeError")
    d = diagnose(inferred.to_crash(), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint.split(",")[0]) for c in d.culprits] == [("hydray", ">=1.2.0")], d.summary


def test_another_pin_binding_the_bare_class_at_module_level_keeps_it_a_readable_class(index_for):
    # Review: only the first pin with a class of that name was scanned.
    d = _eager_diagnose(index_for, other=("othery", "1.0", "othery/cases.py", "class PytestDjangoTestCase:\n    pass\n"))
    assert not any("no module of a pin binds" in " ".join(c.evidence) for c in d.culprits), d.summary


def test_a_file_python_cannot_parse_does_not_stop_the_search_for_a_class(index_for):
    # imbalanced-learn 0.7.0: one module of the release did not parse, and the whole release went unread.
    from pytest_depfix.diagnose import users
    from pytest_depfix.diagnose.verdict import Context

    files = {"serverx/__init__.py": "", "serverx/extension_manager.py": "print 'class ExtensionManager'\n",
             "serverx/extension/__init__.py": "", "serverx/extension/manager.py": NEW}
    index, target = index_for({"serverx": [{"version": "1.7.0", "files": files}]}, python="3.7")
    pins = parse_requirements_text("serverx==1.7.0\n", target)
    ctx = Context(crash=simple_parse(PASTE, pins), pins=pins, target=target, index=index,
                  kb=load_knowledge(bundled=False), keep=set(), probe=ApiProbe(index))
    homes = users.classes_named(ctx, list(pins), "ExtensionManager")
    assert [(module, cls) for _, module, cls in homes] == [("serverx.extension.manager", "ExtensionManager")]
