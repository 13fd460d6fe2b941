"""Review (session 6): ``verdict._attribute_users`` takes a module function for the class attribute.

A frameless "'DataFrame' object has no attribute 'iteritems'" (pandas 2.0 removed
``DataFrame.iteritems``) searches the pins declaring pandas with ``users._callers_among(ctx, ..., module="",
name="iteritems", ...)``; with an empty module *any* ``x.iteritems`` counts, including
``six.iteritems(mapping)``, a function of the module ``six`` called on a dict.  A dependant that used
``six.iteritems`` and later dropped six is then offered as the caller that "stopped", at the same
confidence as holding pandas back (0.8), and the resolver prefers it (no major move): the answer moves
an innocent package and leaves pandas 2.0, so the crash stays.  An access on a name bound by
``import`` (a module) cannot be the instance attribute the message is about.
"""
from __future__ import annotations

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

OLD = "class DataFrame:\n    def items(self):\n        return []\n\n    def iteritems(self):\n        return self.items()\n"
NEW = "class DataFrame:\n    def items(self):\n        return []\n"
INIT = "from .frame import DataFrame\n"
UNIVERSE = {
    "pandy": [{"version": "1.5.3", "files": {"pandy/__init__.py": INIT, "pandy/frame.py": OLD}},
              {"version": "2.0.0", "files": {"pandy/__init__.py": INIT, "pandy/frame.py": NEW}}],
    "helperlib": [{"version": "1.0", "requires_dist": ["pandy>=1"], "files": {"helperlib/util.py":
                   "import six\n\n\ndef labels(mapping):\n    return [k for k, v in six.iteritems(mapping)]\n"}},
                  {"version": "1.1", "requires_dist": ["pandy>=1"], "files": {"helperlib/util.py":
                   "def labels(mapping):\n    return [k for k, v in mapping.items()]\n"}}],
}
PASTE = "AttributeError: 'DataFrame' object has no attribute 'iteritems'\n"


def test_a_module_function_of_the_same_name_is_no_use_of_the_class_attribute(index_for):
    index, target = index_for(UNIVERSE, python="3.10")
    pins = parse_requirements_text("helperlib==1.0\npandy==2.0.0\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    culprits = sorted((c.name, c.constraint) for c in d.culprits)
    assert any(name == "pandy" for name, _ in culprits), culprits
    assert "helperlib" not in [name for name, _ in culprits], culprits
