"""A stdlib name no table lists, absent from the target Python's own source: a Python-version break.

coffinxp/loxs#29: aiohttp 3.5.4 reads ``asyncio.coroutines._DEBUG``, which Python 3.11 no longer
binds.  When the target is the running Python, its stdlib source on disk says so (parsed, not imported).
"""
import sys

import pytest

from pytest_depfix.diagnose import stdlib_source
from pytest_depfix.diagnose.users import uses_in_source
from pytest_depfix.target import Target

HERE = Target.from_spec(f"{sys.version_info[0]}.{sys.version_info[1]}", "linux x86_64")
OTHER = Target.from_spec("3.7" if sys.version_info[:2] != (3, 7) else "3.8", "linux x86_64")


@pytest.fixture
def stdlib(tmp_path, monkeypatch):
    """A stand-in standard library directory whose asyncio/coroutines.py the test writes."""
    (tmp_path / "asyncio").mkdir()
    (tmp_path / "asyncio" / "__init__.py").write_text("from .coroutines import *\n")
    monkeypatch.setattr(stdlib_source.sysconfig, "get_paths", lambda: {"stdlib": str(tmp_path)})
    stdlib_source._module_bindings.cache_clear()
    yield lambda text: (tmp_path / "asyncio" / "coroutines.py").write_text(text)
    stdlib_source._module_bindings.cache_clear()


def test_a_name_the_running_targets_module_never_binds_is_absent(stdlib):
    stdlib("import sys\n\ndef iscoroutine(obj):\n    return False\n\n_is_debug = False\n")
    assert stdlib_source.absent_here("asyncio.coroutines", "_DEBUG", HERE) == HERE.python_version


def test_a_bound_name_or_another_target_says_nothing(stdlib):
    stdlib("import sys\nif sys.flags.dev_mode:\n    _DEBUG = True\nelse:\n    _DEBUG = False\n")
    assert stdlib_source.absent_here("asyncio.coroutines", "_DEBUG", HERE) is None
    stdlib("x = 1\n")
    stdlib_source._module_bindings.cache_clear()
    assert stdlib_source.absent_here("asyncio.coroutines", "_DEBUG", HERE) == HERE.python_version  # the file is read anew
    assert stdlib_source.absent_here("asyncio.coroutines", "_DEBUG", OTHER) is None


@pytest.mark.parametrize("text", ["from .base import *\n", "def __getattr__(name):\n    return 1\n",
                                  "globals()['_DEBUG'] = 1\n",
                                  # re's flags, ssl's constants: names bound by enum helpers
                                  "import enum\n@enum.global_enum\nclass Flag(enum.IntFlag):\n    _DEBUG = 1\n",
                                  "_IntEnum._convert_('Options', __name__, lambda n: n.startswith('_DEBUG'))\n"])
def test_a_module_that_binds_names_unseen_says_nothing(stdlib, text):
    stdlib(text)
    assert stdlib_source.absent_here("asyncio.coroutines", "_DEBUG", HERE) is None


def test_a_non_stdlib_module_says_nothing(stdlib, tmp_path):
    # the stand-in stdlib has the file: only the module's name keeps it out
    (tmp_path / "aiohttp").mkdir()
    (tmp_path / "aiohttp" / "helpers.py").write_text("x = 1\n")
    assert stdlib_source.absent_here("aiohttp.helpers", "_DEBUG", HERE) is None


def test_a_dunder_every_module_has_is_never_absent(stdlib):
    stdlib("x = 1\n")
    assert stdlib_source.absent_here("asyncio.coroutines", "__file__", HERE) is None


def test_a_name_bound_to_a_submodule_stands_for_it():
    # aiohttp 3.6.0's helpers.py
    src = "import asyncio\ncoroutines = asyncio.coroutines\nold_debug = coroutines._DEBUG\n"
    use = uses_in_source(src, "asyncio.coroutines", "_DEBUG", raises="AttributeError")
    assert use is not None and use.line == 3


def test_the_caller_moves_to_its_release_that_stopped_reading_the_name(stdlib, index_for):
    from tests.support.diagnose_crashes import diagnose_paste

    stdlib("import sys\n\ndef iscoroutine(obj):\n    return False\n")
    py = HERE.python_version
    paste = ("Traceback (most recent call last):\n"
             f'  File "/usr/local/lib/python{py}/dist-packages/aiohttpy/helpers.py", line 3, in <module>\n'
             "    old_debug = coroutines._DEBUG  # type: ignore\n"
             "AttributeError: module 'asyncio.coroutines' has no attribute '_DEBUG'\n")
    reads = "import asyncio\ncoroutines = asyncio.coroutines\nold_debug = coroutines._DEBUG  # type: ignore\n"
    # 3.6.0 only moved an unrelated line: it still reads the name
    moved = "import asyncio\n\ncoroutines = asyncio.coroutines\nold_debug = coroutines._DEBUG  # type: ignore\n"
    universe = {"aiohttpy": [{"version": v, "files": {"aiohttpy/__init__.py": "", "aiohttpy/helpers.py": body}}
                             for v, body in (("3.5.4", reads), ("3.6.0", moved), ("3.7.0", "import asyncio\n"))]}
    index, target = index_for(universe, python=py)
    d = diagnose_paste(index, target, "aiohttpy==3.5.4\n", paste)
    assert d.family == "python-version", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("aiohttpy", ">=3.7.0")], d.summary


def _sig(paste):
    from pytest_depfix.crash import parse_traceback
    from pytest_depfix.diagnose import _stdlib_read
    from pytest_depfix.diagnose.families import classify

    from pytest_depfix.crash import attribute

    crash = attribute(parse_traceback(paste)[0], [], target=HERE, installed=False)
    return _stdlib_read(classify(crash), HERE, crash)


@pytest.mark.parametrize("paste", [
    # the project's own typo
    'Traceback (most recent call last):\n  File "/home/u/proj/app.py", line 3, in <module>\n    asyncio.coroutines._DEBUG\n'
    "AttributeError: module 'asyncio.coroutines' has no attribute '_DEBUG'\n",
    # a module the project shadows
    "ImportError: cannot import name '_DEBUG' from 'asyncio.coroutines' (/home/u/proj/asyncio/coroutines.py)\n",
    # a circular import
    "AttributeError: partially initialized module 'asyncio.coroutines' has no attribute '_DEBUG' "
    "(most likely due to a circular import)\n",
    # frames of another Python than the target
    'Traceback (most recent call last):\n  File "/usr/lib/python3.6/site-packages/libx/a.py", line 3, in <module>\n'
    "    asyncio.coroutines._DEBUG\nAttributeError: module 'asyncio.coroutines' has no attribute '_DEBUG'\n",
])
def test_slips_shadows_and_other_pythons_are_not_read_as_the_targets_stdlib(stdlib, paste):
    stdlib("x = 1\n")
    if "python3.6" in paste and HERE.python[:2] == (3, 6):
        pytest.skip("the running Python is the pasted one")
    assert _sig(paste).family != "python-version"


def test_an_ast_end_position_on_a_target_that_has_them_is_an_attribute_break():
    sig = _sig("AttributeError: 'FunctionDef' object has no attribute 'end_lineno'\n")
    assert HERE.python[:2] < (3, 8) or sig.family == "attribute"


def test_a_submodule_alias_of_an_import_inside_a_block_stands_for_it():
    # (review) ast.walk is breadth-first: the import in the try block is bound after the alias is seen
    src = ("try:\n    import asyncio\nexcept ImportError:\n    asyncio = None\n"
           "coroutines = asyncio.coroutines\nold_debug = coroutines._DEBUG\n")
    use = uses_in_source(src, "asyncio.coroutines", "_DEBUG", raises="AttributeError")
    assert use is not None and use.line == 6
