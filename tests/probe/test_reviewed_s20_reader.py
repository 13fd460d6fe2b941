"""Review of session 20's reader changes: PEP 695 rewriting, pydantic ``extra``, an sdist's ``src/`` as the package.

Each test is one input the change reads wrongly (or too slowly), on in-memory sources only.
"""

from __future__ import annotations

import time

from pytest_depfix.diagnose.probe import _module_path, _package_folder
from pytest_depfix.diagnose.pysource import NO, UNKNOWN, YES, DictTree, Resolver, read_module


def lookup(files, module, name, python=(3, 11)):
    return Resolver(DictTree(files), python).lookup(module, name)


def accepts(src, cls, param):
    r = Resolver(DictTree({"m.py": src}))
    return r.accepts(r.lookup("m", cls).refs[0], param)


# --------------------------------------------------------------------------
# 1. without_type_parameters
# --------------------------------------------------------------------------

def test_a_string_holding_class_brackets_does_not_swallow_the_definitions_after_it():
    # The bracket scan of ``class A[`` inside a string counts brackets in code and in later
    # strings; it ended at the ']' of Y's string, cut out 'def helper' and 'Y' with it, and the
    # rest still parsed: helper and Y read as not defined (before the change: cannot parse).
    src = 'X = """\nclass A[\n"""\ndef helper(): pass\nY = """]"""\nclass B[T]: pass\n'
    assert lookup({"m.py": src}, "m", "helper").value in (YES, UNKNOWN)
    assert lookup({"m.py": src}, "m", "Y").value in (YES, UNKNOWN)


def test_a_type_line_padded_with_blanks_is_read_in_linear_time():
    # _TYPE_STATEMENT's '[ \t]*(?:\[...\])?[ \t]*=' backtracks quadratically over one line of
    # blanks after 'type X' with no '=': about 5 s for 100 kB here (a minute for 1 MB).
    src = "type X" + " " * 100_000 + "\nclass Y:\n    pass\n"
    t0 = time.perf_counter()
    read_module(src, "m.py", "m")
    assert time.perf_counter() - t0 < 1.0


# --------------------------------------------------------------------------
# 2. pydantic extra policy
# --------------------------------------------------------------------------

PYDANTIC_HIERARCHY = '''
from pydantic import BaseModel, ConfigDict


class Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str = ""


class Tight(Loose):
    model_config = ConfigDict(extra="forbid")


class TightOld(Loose):
    class Config:
        extra = "forbid"


class TightByKeyword(Loose, extra="forbid"):
    pass
'''


def test_a_subclass_that_forbids_extras_does_not_take_any_keyword():
    # pydantic merges configs down the hierarchy: Tight(version=1) raises "Extra inputs are not
    # permitted".  'forbid' on the subclass fell through to the base, whose 'ignore' answered YES.
    assert accepts(PYDANTIC_HIERARCHY, "Tight", "version").value != YES
    assert accepts(PYDANTIC_HIERARCHY, "TightOld", "version").value != YES


def test_extra_forbid_given_as_a_class_keyword_is_not_overridden_by_the_base():
    # pydantic 2 also takes config as class keywords: class M(Base, extra="forbid").
    assert accepts(PYDANTIC_HIERARCHY, "TightByKeyword", "version").value != YES


def test_a_plain_class_with_a_model_config_attribute_is_no_pydantic_model():
    # No base at all: Plain(x=1) is "Plain() takes no arguments", whatever its attributes say.
    src = ('class Plain:\n    model_config = {"extra": "allow"}\n\n\n'
           'class PlainOld:\n    class Config:\n        extra = "allow"\n')
    assert accepts(src, "Plain", "x").value == NO
    assert accepts(src, "PlainOld", "x").value == NO


def test_a_stdlib_dataclass_with_a_model_config_field_takes_only_its_fields():
    # an unannotated class attribute is no field: DC(y=1) raises "unexpected keyword argument 'y'"
    src = ('from dataclasses import dataclass\n\n\n@dataclass\nclass DC:\n'
           '    model_config = {"extra": "allow"}\n    x: int = 0\n')
    assert accepts(src, "DC", "x").value == YES
    assert accepts(src, "DC", "y").value == NO


# --------------------------------------------------------------------------
# 3. an sdist whose src/ folder is the package
# --------------------------------------------------------------------------

def _release(members, dist, texts):
    renamed = _package_folder(members, dist)
    files = {}
    for m in members:
        for p in _module_path(m, True, renamed):
            files.setdefault(p, texts.get(m, ""))
    return files


def test_a_stray_src_init_does_not_hide_a_package_named_unlike_its_distribution():
    # src/__init__.py beside the real package src/foobar/ (distribution foo-bar): only a folder
    # named for the canonical distribution name counted, so src/ became 'foo_bar' and the
    # package 'foobar' vanished.  The same for a capitalised package folder (src/PubControl/).
    members = ["foo-bar-1.0/setup.py", "foo-bar-1.0/src/__init__.py", "foo-bar-1.0/src/foobar/__init__.py",
               "foo-bar-1.0/src/foobar/core.py"]
    files = _release(members, "foo-bar", {"foo-bar-1.0/src/foobar/core.py": "def run():\n    pass\n"})
    assert lookup(files, "foobar.core", "run").value == YES
    caps = ["PubControl-1.0/setup.py", "PubControl-1.0/src/__init__.py", "PubControl-1.0/src/PubControl/__init__.py",
            "PubControl-1.0/src/PubControl/item.py"]
    files = _release(caps, "PubControl", {"PubControl-1.0/src/PubControl/item.py": "class Item:\n    pass\n"})
    assert lookup(files, "PubControl.item", "Item").value == YES


def test_a_lib_package_beside_a_differently_named_package_keeps_its_name():
    # py-thing ships its package 'thing' at the root and a 'lib' package of its own: lib/ is not
    # the distribution's package, yet it was read as 'py_thing' and 'lib.util' vanished.
    members = ["py-thing-1.0/setup.py", "py-thing-1.0/thing/__init__.py", "py-thing-1.0/lib/__init__.py",
               "py-thing-1.0/lib/util.py"]
    files = _release(members, "py-thing", {"py-thing-1.0/lib/util.py": "def helper():\n    pass\n"})
    assert lookup(files, "lib.util", "helper").value == YES
