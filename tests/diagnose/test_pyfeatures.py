"""Code a target Python cannot run, read from the source (never run).

Real cases behind it: swansonk14/p_tqdm#49 (setup.py line 5 is
``__version__: str | None = None``; Python 3.9 fails with ``unsupported operand
type(s) for |: 'type' and 'NoneType'``) and davep/textual-fspicker#55 (0.4.2
stopped importing ``typing.TypeAlias`` but still evaluated
``ButtonLabel: TypeAlias = str | Callable[[str], str]`` at import).
"""

from __future__ import annotations

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.pyfeatures import too_new
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_text


def test_a_union_in_a_module_level_annotation_needs_python_3_10():
    hit = too_new("import os\n__version__: str | None = None\n", (3, 9))
    assert hit is not None and hit.line == 2 and hit.needs == (3, 10)
    assert hit.statement == "__version__: str | None = None"
    assert too_new("__version__: str | None = None\n", (3, 10)) is None


def test_function_and_class_annotations_are_evaluated_when_defined():
    assert too_new("def f(x: int | None = None) -> None:\n    pass\n", (3, 9)).line == 1
    assert too_new("class A:\n    x: list[int] = []\n", (3, 8)).needs == (3, 9)
    assert too_new("class A:\n    def m(self) -> 'A | None':\n        pass\n", (3, 9)) is None  # a string: not evaluated


def test_what_only_runs_when_called_or_is_never_evaluated_is_not_judged():
    assert too_new("def f():\n    x: int | None = None\n    return isinstance(x, int | str)\n", (3, 9)) is None
    assert too_new("from __future__ import annotations\ndef f(x: int | None) -> list[int]:\n    pass\n", (3, 8)) is None
    assert too_new("import sys\nif sys.version_info >= (3, 10):\n    Alias = int | None\n", (3, 9)) is None
    assert too_new("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    Alias = int | None\n", (3, 9)) is None


def test_a_value_is_judged_only_when_an_operand_is_certainly_a_type():
    assert too_new("from typing import Callable\nAlias = str | Callable[[str], str]\n", (3, 9)).line == 2
    assert too_new("FLAGS = READ | WRITE\nmask = 1 | 2\n", (3, 9)) is None
    assert too_new("from __future__ import annotations\nAlias = int | None\n", (3, 9)).line == 2  # values still run


def test_syntax_the_targets_grammar_lacks_is_found_with_the_python_it_needs():
    hit = too_new("def f(x):\n    match x:\n        case 1:\n            return 1\n", (3, 9))
    assert hit is not None and hit.needs == (3, 10) and hit.line == 2
    assert too_new("if (n := 3):\n    pass\n", (3, 7)).needs == (3, 8)
    assert too_new("if (n := 3):\n    pass\n", (3, 8)) is None
    assert too_new("print 'python 2'\n", (3, 7)) is None  # unparsable here as well: not judged


def pep604_universe():
    return {
        "ptq": [
            {"version": "1.4.0", "upload_time": "2024-01-01T00:00:00Z", "files": {"ptq/__init__.py": "VERSION = '1.4.0'\n"}},
            {"version": "1.4.1", "upload_time": "2024-08-04T00:00:00Z",
             "files": {"ptq/__init__.py": "__version__: str | None = None\n"}},
            {"version": "1.4.2", "upload_time": "2024-08-05T00:00:00Z",
             "files": {"ptq/__init__.py": "from typing import Optional\n__version__: Optional[str] = None\n"}},
        ],
        "bystander": [{"version": "1.0", "upload_time": "2020-01-01T00:00:00Z",
                       "files": {"bystander/__init__.py": "MASK = 1 | 2\n"}}],
    }


def test_a_frameless_union_error_finds_the_pin_whose_code_has_it_and_its_first_clean_release(index_for):
    from pytest_depfix.crash import parse_traceback

    index, target = index_for(pep604_universe(), python="3.9")
    pins = parse_requirements_text("ptq==1.4.1\nbystander==1.0\n", target)
    (crash,) = parse_traceback("__version__: str | None = None\n"
                               "TypeError: unsupported operand type(s) for |: 'type' and 'NoneType'\n")
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.verdict == "transitive" and d.family == "python-version"
    # forward to the first clean release, or back to the newest one before the union was written
    assert [(c.name, c.constraint) for c in d.culprits] == [("ptq", ">=1.4.2"), ("ptq", "==1.4.0")]
    assert "ptq/__init__.py line 1" in d.culprits[0].evidence[0]
    assert "newest earlier release" in d.culprits[1].evidence[0]


def test_the_same_error_on_a_python_that_has_unions_is_no_python_version_break(index_for):
    index, target = index_for(pep604_universe(), python="3.10")
    pins = parse_requirements_text("ptq==1.4.1\n", target)
    d = diagnose_text(index, target, pins, "TypeError: unsupported operand type(s) for |: 'type' and 'NoneType'\n")
    assert d.verdict == "unknown" and d.culprits == []


def test_a_release_that_dropped_a_new_typing_name_but_still_evaluates_a_union_is_passed_over(index_for):
    # textual-fspicker 0.4.1 -> 0.4.2 -> 0.4.3 on Python 3.9.
    universe = {"picker": [
        {"version": "0.4.1", "upload_time": "2025-02-28T00:00:00Z",
         "files": {"picker/base.py": "from typing import Callable, TypeAlias\nLabel: TypeAlias = str\n"}},
        {"version": "0.4.2", "upload_time": "2025-08-07T00:00:00Z",
         "files": {"picker/base.py": "from typing import Callable\nfrom typing_extensions import TypeAlias\n"
                                     "Label: TypeAlias = str | Callable[[str], str]\n"}},
        {"version": "0.4.3", "upload_time": "2025-08-08T00:00:00Z",
         "files": {"picker/base.py": "from typing import Callable, Union\nfrom typing_extensions import TypeAlias\n"
                                     "Label: TypeAlias = Union[str, Callable[[str], str]]\n"}},
    ]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("picker==0.4.1\n", target)
    d = diagnose_text(index, target, pins, "ImportError: cannot import name 'TypeAlias' from 'typing' (/usr/lib64/python3.9/typing.py)\n")
    assert [(c.name, c.constraint) for c in d.culprits] == [("picker", ">=0.4.3")]


def test_with_frames_only_the_callers_modules_on_the_failing_path_are_judged(index_for):
    # Every release keeps a module written for 3.10 that is imported only there: it does not block the fix.
    newer_only = "def pick(x):\n    match x:\n        case 1:\n            return 1\n"
    universe = {"ptq": [
        {"version": "1.0", "upload_time": "2024-01-01T00:00:00Z",
         "files": {"ptq/core.py": "import os\nSIZE: int | None = None\n", "ptq/modern.py": newer_only}},
        {"version": "1.1", "upload_time": "2024-02-01T00:00:00Z",
         "files": {"ptq/core.py": "import os\nSIZE = None\n", "ptq/modern.py": newer_only}},
    ]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("ptq==1.0\n", target)
    paste = ("Traceback (most recent call last):\n"
             '  File "/app/main.py", line 1, in <module>\n    import ptq.core\n'
             '  File "/usr/lib/python3.9/site-packages/ptq/core.py", line 2, in <module>\n    SIZE: int | None = None\n'
             "TypeError: unsupported operand type(s) for |: 'type' and 'NoneType'\n")
    d = diagnose_text(index, target, pins, paste)
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("ptq", ">=1.1")]


def test_without_frames_only_what_importing_the_package_runs_is_judged(index_for):
    # pymust 0.1.5 on Python 3.8: __init__ imports sptrack, whose signature returns tuple[...]; 0.1.6 adds
    # 'from __future__ import annotations' there.  sptrack_old.py, which nothing imports, keeps tuple[...] in both.
    old = "def track(i) -> tuple[int, int]:\n    pass\n"
    universe = {"pym": [
        {"version": "0.1.5", "upload_time": "2025-01-07T00:00:00Z",
         "files": {"pym/__init__.py": "from .sptrack import sptrack\n", "pym/sptrack_old.py": old,
                   "pym/sptrack.py": "from . import utils\ndef sptrack(i) -> tuple[int, int]:\n    pass\n",
                   "pym/utils.py": "X = 1\n"}},
        {"version": "0.1.6", "upload_time": "2025-01-17T00:00:00Z",
         "files": {"pym/__init__.py": "from .sptrack import sptrack\n", "pym/sptrack_old.py": old,
                   "pym/sptrack.py": "from __future__ import annotations\nfrom . import utils\n"
                                     "def sptrack(i) -> tuple[int, int]:\n    pass\n",
                   "pym/utils.py": "X = 1\n"}},
    ]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("pym==0.1.5\n", target)
    d = diagnose_text(index, target, pins, "TypeError: 'type' object is not subscriptable\n")
    assert [(c.name, c.constraint) for c in d.culprits] == [("pym", ">=0.1.6")]
    assert "pym/sptrack.py line 2" in d.culprits[0].evidence[0]


def test_code_written_to_survive_older_pythons_is_not_judged_as_failing():
    assert too_new("import threading\nL = threading.Lock()\nwith (L):\n    x = 1\n", (3, 8)) is None  # runs on 3.8
    assert too_new("with (open('a') as f, open('b') as g):\n    pass\n", (3, 8)).needs == (3, 9)
    assert too_new("from typing import Optional\ntry:\n    X = int | None\nexcept TypeError:\n    X = Optional[int]\n",
                   (3, 9)) is None
    assert too_new("if __name__ == '__main__':\n    X = int | None\n", (3, 9)) is None
    assert too_new("list = [1, 2]\ny = list[0]\n", (3, 8)) is None  # a shadowed builtin is no generic
    assert too_new("x = " + " | ".join(["a"] * 2000) + "\n", (3, 9)) is None  # a long chain of flags, no recursion


def test_what_importing_a_package_runs_skips_type_checking_version_branches_and_sdist_helpers(index_for):
    from pytest_depfix.diagnose.users import imported_at_import

    init = ("import sys\nfrom typing import TYPE_CHECKING\nfrom . import core\nif TYPE_CHECKING:\n    from . import _types\n"
            "else:\n    from . import _runtime\nif sys.version_info >= (3, 10):\n    from . import _py310\n")
    universe = {"pkg": [{"version": "1.0", "upload_time": "2024-01-01T00:00:00Z",
                         "files": {"pkg/__init__.py": init, "pkg/core.py": "from .helpers import h\n",
                                   "pkg/helpers.py": "h = 1\n", "pkg/_types.py": "", "pkg/_runtime.py": "",
                                   "pkg/_py310.py": "", "pkg/unused.py": ""}}]}
    index, target = index_for(universe, python="3.9")
    assert imported_at_import(ApiProbe(index), "pkg", "1.0") == [
        "pkg/__init__.py", "pkg/_runtime.py", "pkg/core.py", "pkg/helpers.py"]


def test_a_bare_lru_cache_decorator_needs_python_3_8_and_a_called_one_does_not():
    bare = "from functools import lru_cache\n\nclass TM:\n    @lru_cache\n    def f(self):\n        pass\n"
    found = too_new(bare, (3, 7))
    assert found is not None and found.needs == (3, 8) and found.statement == "@lru_cache"
    assert too_new(bare, (3, 8)) is None
    assert too_new(bare.replace("@lru_cache", "@lru_cache()"), (3, 7)) is None
    assert too_new("import functools as ft\n@ft.lru_cache\ndef f():\n    pass\n", (3, 7)).needs == (3, 8)


def test_functools_refusing_a_bare_lru_cache_finds_the_release_that_called_it(index_for):
    # OWASP/pytm#135 on Python 3.7.8: pytm 1.1.1's class body has '@lru_cache'; 1.2.0 writes '@lru_cache()'.
    universe = {"pytmx": [
        {"version": "1.1.1", "upload_time": "2020-06-01T00:00:00Z",
         "files": {"pytmx/pytm.py": "from functools import lru_cache\n\nclass TM():\n    @lru_cache\n    def seq(self):\n        pass\n"}},
        {"version": "1.2.0", "upload_time": "2021-01-01T00:00:00Z",
         "files": {"pytmx/pytm.py": "from functools import lru_cache\n\nclass TM():\n    @lru_cache()\n    def seq(self):\n        pass\n"}},
    ]}
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("pytmx==1.1.1\n", target)
    paste = ("Traceback (most recent call last):\n"
             '  File "/home/m/.pyenv/versions/3.7.8/lib/python3.7/site-packages/pytmx/pytm.py", line 3, in <module>\n'
             "    class TM():\n"
             '  File "/home/m/.pyenv/versions/3.7.8/lib/python3.7/site-packages/pytmx/pytm.py", line 4, in TM\n'
             "    @lru_cache\n"
             '  File "/home/m/.pyenv/versions/3.7.8/lib/python3.7/functools.py", line 490, in lru_cache\n'
             "    raise TypeError('Expected maxsize to be an integer or None')\n"
             "TypeError: Expected maxsize to be an integer or None\n")
    d = diagnose_text(index, target, pins, paste)
    assert d.family == "python-version"
    assert ("pytmx", ">=1.2.0") in [(c.name, c.constraint) for c in d.culprits]
