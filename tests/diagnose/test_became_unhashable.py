""""TypeError: unhashable type: 'SwitchInfo'": the pin's class lost its ``__hash__`` in the pinned release.

devopshq/artifactory-cleanup#181: plumbum 2.0.0 made ``SwitchInfo`` a ``@dataclasses.dataclass``
(value-based ``__eq__``, so ``__hash__ = None``) and its own ``_validate_args`` hashed one; 2.0.1 made
it ``dataclass(eq=False)``.  Read from the class definitions, both ways out are offered.
"""
import pytest

from pytest_depfix.diagnose.verdict import _class_unhashable
from tests.support.diagnose_crashes import diagnose_paste

PLAIN = "class SwitchInfo:\n    def __init__(self, **kw):\n        self.__dict__.update(kw)\n"
DATA = "import dataclasses\n\n\n@dataclasses.dataclass\nclass SwitchInfo:\n    names: tuple = ()\n"
FIXED = DATA.replace("@dataclasses.dataclass\n", "@dataclasses.dataclass(eq=False)\n")
APP = ("from plumby.switches import SwitchInfo\n\n\nclass Application:\n    def _validate_args(self, sw):\n"
       "        return {sw: 1}\n")
PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.12/site-packages/plumby/application.py", line 6, in _validate_args
    return {sw: 1}
TypeError: unhashable type: 'SwitchInfo'
"""


def _universe(newest=FIXED):
    return {"plumby": [{"version": v, "files": {"plumby/__init__.py": "", "plumby/switches.py": text,
                                                "plumby/application.py": APP}}
                       for v, text in (("1.9.0", PLAIN), ("1.10.0", PLAIN), ("2.0.0", DATA), ("2.0.1", newest))]}


def test_both_the_last_hashable_release_and_the_one_that_fixed_it_are_offered(index_for):
    index, target = index_for(_universe(), python="3.12")
    d = diagnose_paste(index, target, "plumby==2.0.0\n", PASTE)
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("plumby", "<=1.10.0"), ("plumby", ">=2.0.1")], d.summary


def test_a_class_unhashable_before_too_is_not_what_the_release_changed(index_for):
    universe = _universe(newest=DATA)
    for r in universe["plumby"]:
        r["files"]["plumby/switches.py"] = DATA
    index, target = index_for(universe, python="3.12")
    d = diagnose_paste(index, target, "plumby==2.0.0\n", PASTE)
    assert not d.culprits, d.summary


def test_a_builtin_type_is_no_pins_class(index_for):
    index, target = index_for(_universe(), python="3.12")
    d = diagnose_paste(index, target, "plumby==2.0.0\n", PASTE.replace("'SwitchInfo'", "'list'"))
    assert not d.culprits, d.summary


@pytest.mark.parametrize("text, unhashable", [
    (PLAIN, False), (DATA, True), (FIXED, False),
    ("from dataclasses import dataclass\n@dataclass(frozen=True)\nclass SwitchInfo:\n    pass\n", False),
    ("from dataclasses import dataclass\n@dataclass(unsafe_hash=True)\nclass SwitchInfo:\n    pass\n", False),
    ("import attr\n@attr.s\nclass SwitchInfo:\n    pass\n", True),
    ("import attr\n@attr.s(hash=True)\nclass SwitchInfo:\n    pass\n", False),
    ("class SwitchInfo:\n    def __eq__(self, other):\n        return True\n", True),
    ("class SwitchInfo:\n    def __eq__(self, other):\n        return True\n    def __hash__(self):\n        return 1\n", False),
    ("class SwitchInfo:\n    __hash__ = None\n", True),
    ("import s\n@s\nclass SwitchInfo:\n    pass\n", False),
])
def test_which_class_definitions_switch_hashing_off(text, unhashable):
    assert _class_unhashable(text, "SwitchInfo") is unhashable
