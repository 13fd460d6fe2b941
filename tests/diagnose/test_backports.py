"""A backport of a standard module on a Python that ships the module.

Real pastes: python-inject#34 (typing 3.7.4 under inject 3.5.2 on Python 3.7,
a nose run cut inside the import frames) and the enum34 break on Python 3.6
(``re`` meets enum34's ``enum``).  No release of the backport fixes it; the
requirer's neighbour that stops asking for it does, and with no requirer the
verdict names the package to uninstall.
"""
from tests.crash.test_parse import NOSE_CUT as NOSE
from tests.support.diagnose_crashes import diagnose_paste

TYPING_PY = ("import collections.abc as collections_abc\n\n\n"
             "class CallableMeta(type):\n"
             "    def __new__(cls, name, bases, namespace, extra=None):\n"
             "        self = super().__new__(cls, name, bases, namespace)\n"
             "        self._abc_registry = extra._abc_registry\n"
             "        return self\n\n\n"
             "class Callable(metaclass=CallableMeta, extra=collections_abc.Callable):\n"
             "    pass\n")
INJECT = {
    "typing": [{"version": "3.7.4", "upload_time": "2019-06-19T00:00:00Z", "files": {"typing.py": TYPING_PY}}],
    "inject": [
        {"version": "3.5.1", "upload_time": "2019-03-01T00:00:00Z", "files": {"inject/__init__.py": "def configure(): pass\n"}},
        {"version": "3.5.2", "upload_time": "2019-07-01T00:00:00Z", "requires_dist": ["typing"],
         "files": {"inject/__init__.py": "import typing\n"}},
        {"version": "3.5.3", "upload_time": "2019-08-01T00:00:00Z", "requires_dist": ['typing; python_version < "3.5"'],
         "files": {"inject/__init__.py": "import typing\n"}},
    ],
}




def test_the_requirer_moves_to_a_release_that_does_not_ask_for_the_backport(index_for):
    index, target = index_for(INJECT, python="3.7")
    d = diagnose_paste(index, target, "inject==3.5.2\ntyping==3.7.4\n", NOSE)
    assert d.verdict == "transitive"
    assert {(c.name, c.constraint) for c in d.culprits} == {("inject", ">=3.5.3"), ("inject", "<=3.5.1")}
    assert "uninstall typing" in d.advice


def test_on_a_python_without_the_module_the_same_pins_are_not_a_backport_problem(index_for):
    index, target = index_for(INJECT, python="3.4")
    d = diagnose_paste(index, target, "inject==3.5.2\ntyping==3.7.4\n", NOSE)
    assert not any(c.source == "declared-backport" for c in d.culprits)


def test_a_class_the_backport_defines_but_never_reads_the_attribute_of_is_not_tied_to_it(index_for):
    index, target = index_for(INJECT, python="3.7")
    d = diagnose_paste(index, target, "inject==3.5.2\ntyping==3.7.4\n", NOSE.replace("_abc_registry", "_gorg"))
    assert not any(c.source == "declared-backport" for c in d.culprits)


ENUM_PASTE = """\
Traceback (most recent call last):
  File "/usr/lib/python3.6/re.py", line 142, in <module>
    class RegexFlag(enum.IntFlag):
AttributeError: module 'enum' has no attribute 'IntFlag'
"""
ENUM = {"enum34": [{"version": "1.1.6", "upload_time": "2016-05-16T00:00:00Z",
                    "files": {"enum/__init__.py": "class Enum(object):\n    pass\n\n\nclass IntEnum(int, Enum):\n    pass\n"}}],
        "certifi": [{"version": "2019.3.9", "upload_time": "2019-03-09T00:00:00Z", "files": {"certifi/__init__.py": ""}}]}


def test_a_backport_nobody_in_the_set_asks_for_is_environment_naming_it(index_for):
    index, target = index_for(ENUM, python="3.6")
    d = diagnose_paste(index, target, "enum34==1.1.6\ncertifi==2019.3.9\n", ENUM_PASTE)
    assert (d.verdict, d.culprits) == ("environment", [])
    assert "uninstall enum34" in d.advice


def test_a_backport_that_has_the_missing_name_is_not_blamed(index_for):
    index, target = index_for(ENUM, python="3.6")
    d = diagnose_paste(index, target, "enum34==1.1.6\ncertifi==2019.3.9\n", ENUM_PASTE.replace("IntFlag", "IntEnum"))
    assert "uninstall enum34" not in d.advice
