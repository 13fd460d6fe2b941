"""A frameless "missing 1 required positional argument": the owner's releases where a call may leave it out.

MLI-lab/DeepDeWedge#32: click 8.2 made ``Parameter.make_metavar(self, ctx)`` take ``ctx``, and typer
0.12 still called ``make_metavar()``.  The releases of click that do not require ``ctx`` are the fix on
the callee's side (the thread moved typer instead; both are fixes).
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

UNIVERSE = {
    "clicky": [{"version": "8.1.8", "files": {"clicky/__init__.py": "from .core import Parameter\n",
                                              "clicky/core.py": "class Parameter:\n    def make_metavar(self):\n        return 'X'\n"}},
               {"version": "8.2.1", "files": {"clicky/__init__.py": "from .core import Parameter\n",
                                              "clicky/core.py": "class Parameter:\n    def make_metavar(self, ctx):\n        return 'X'\n"}}],
}


def test_the_releases_that_do_not_require_the_argument_are_the_fix(index_for):
    index, target = index_for(UNIVERSE, python="3.10")
    pins = parse_requirements_text("clicky==8.2.1\n", target)
    paste = "TypeError: Parameter.make_metavar() missing 1 required positional argument: 'ctx'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("clicky", "<8.2.1")]
    assert "does not require 'ctx'" in d.culprits[0].evidence[0]
