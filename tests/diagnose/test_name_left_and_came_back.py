"""A name a callee dropped and later restored: the range search reads the stretch below the pin again.

PyCQA/pylint#4341-style break: astroid 2.5.4 dropped ``__pkginfo__.version`` (pylint 2.3.1 imports it),
and a later astroid defines it again.  One contiguous stretch "with the name" then spans the pinned
release that lacks it, which hid the callee's fix (astroid<2.5.4, the thread's) behind a caller move.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

WITH = "version = '{v}'\nnumversion = (2, 5)\n"
WITHOUT = "__version__ = '{v}'\nnumversion = (2, 5)\n"
RELEASES = ["1.3.0", "1.4.5", "2.0.0", "2.1.0", "2.4.0", "2.5.0", "2.5.3", "2.5.4", "2.5.5", "2.5.6", "2.6.0", "2.9.0"]
UNIVERSE = {
    "astroidy": [{"version": v, "files": {"astroidy/__init__.py": "",
                                          "astroidy/__pkginfo__.py": (WITHOUT if v in ("2.5.4", "2.5.5", "2.5.6") else WITH).format(v=v)}}
                 for v in RELEASES],
    "pylinty": [{"version": "2.3.1", "requires_dist": ["astroidy>=2.0"],
                 "files": {"pylinty/__init__.py": "", "pylinty/lint.py": "from astroidy.__pkginfo__ import version as astroid_version\n"}}],
}
SITE = "/usr/local/lib/python3.6/site-packages"
TB = ("Traceback (most recent call last):\n"
      f'  File "{SITE}/pylinty/lint.py", line 1, in <module>\n'
      "    from astroidy.__pkginfo__ import version as astroid_version\n"
      "ImportError: cannot import name 'version'\n")


def test_the_callee_range_is_the_stretch_below_the_pin(index_for):
    index, target = index_for(UNIVERSE, python="3.6")
    pins = parse_requirements_text("pylinty==2.3.1\nastroidy==2.5.5\n", target)
    d = diagnose(simple_parse(TB, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    culprits = [(c.name, c.constraint) for c in d.culprits]
    assert ("astroidy", "<2.5.4") in culprits, culprits


def test_a_name_restored_in_the_very_next_release_joins_the_stretch_above_the_pin(index_for):
    # pallets-eco/wtforms#581: 2.3.0 dropped widgets.HTMLString, 2.3.1 restored it, 3.0 removed it for good.
    with_it = "class HTMLString(str):\n    pass\n"
    universe = {"wtformsy": [{"version": v, "files": {"wtformsy/__init__.py": "",
                                                      "wtformsy/widgets.py": "" if v in ("2.3.0", "3.0.0") else with_it}}
                             for v in ("2.1", "2.2.1", "2.3.0", "2.3.1", "2.3.3", "3.0.0")]}
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("wtformsy==2.3.0\n", target)
    paste = "from wtformsy.widgets import HTMLString\nImportError: cannot import name 'HTMLString'\n"
    from pytest_depfix.crash import attribute, parse_traceback

    crash = attribute(parse_traceback(paste)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("wtformsy", "!=2.3.0,<3.0.0")]


def test_a_module_restored_without_the_names_the_import_takes_is_not_a_way_forward(index_for):
    # CGATReport#40: Sphinx 1.7.0 removed sphinx.util.compat, 1.7.1 restored it without Directive,
    # which 'from sphinx.util.compat import Directive' needs.  Sphinx's wrapper quotes the error.
    compat = "class Directive(object):\n    pass\n"
    universe = {"sphinxy": [{"version": v, "files": dict({"sphinxy/__init__.py": "", "sphinxy/util/__init__.py": ""},
                                                         **({} if v == "1.7.0" else {"sphinxy/util/compat.py": compat if v < "1.7" else "import warnings\n"}))}
                            for v in ("1.6.5", "1.6.7", "1.7.0", "1.7.1", "1.7.2")],
                "cgatr": [{"version": "0.7.6.1", "requires_dist": ["sphinxy"],
                           "files": {"cgatr/__init__.py": "", "cgatr/errors_directive.py": "from sphinxy.util.compat import Directive\n"}}]}
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("cgatr==0.7.6.1\nsphinxy==1.7.0\n", target)
    paste = ("Extension error:\nCould not import extension cgatr.errors_directive "
             "(exception: No module named 'sphinxy.util.compat')\n")
    from pytest_depfix.diagnose.message_only import infer_message

    inferred = infer_message(paste, load_knowledge(bundled=False))
    assert inferred is not None and inferred.exc_type == "ModuleNotFoundError"
    d = diagnose(inferred.to_crash(), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("sphinxy", "<1.7.0") in [(c.name, c.constraint) for c in d.culprits]
    assert not any("!=1.7.0" in c.constraint for c in d.culprits)
