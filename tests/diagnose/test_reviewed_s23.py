"""Review of session 23's new readings: inputs on which they answer wrongly (each test fails on the reviewed code).

Every test states, in a comment, what the current code does and why a careful user expects otherwise.
"""
from packaging.specifiers import SpecifierSet

from tests.support.diagnose_crashes import diagnose_paste


def _moves(d):
    return sorted((c.name, c.constraint) for c in d.culprits)


# -- verdict.below_series: a pre-release pin with a local label --------------------------------------------------


def test_below_series_of_a_local_pre_release_pin_is_a_valid_specifier():
    # NVIDIA's NGC containers ship torch as "2.2.0a0+81ea7a4" (a pre-release with a local label).  The new
    # pre-release branch returns "<2.2.0a0+81ea7a4", and PEP 440 forbids a local label in an ordered
    # comparison: SpecifierSet raises InvalidSpecifier on it, so the ABI and upload-date readings that
    # call below_series hand on a constraint nothing downstream can parse (the old code gave "<2.2").
    # (The pre-release branch was later removed, measured on the full run; the guess is "<2.2" again.)
    spec = SpecifierSet(below_series_of("2.2.0a0+81ea7a4"))
    assert spec.contains("2.1.2")
    assert not spec.contains("2.2.0a0+81ea7a4", prereleases=True)


def below_series_of(version):
    from pytest_depfix.diagnose.verdict import below_series

    return below_series(version)


# -- message_only._REPR_UNCLOSED: a repr cut inside the quoted name ------------------------------------------------


def test_a_repr_cut_inside_its_quoted_name_is_not_read_as_a_whole_message():
    # The reading is for a repr that lost only its closing quote ("cut before its closing quote").  A log
    # cut at its length limit inside the quoted name ('... has no attribute \'flo') is read all the same,
    # and the half name becomes the signal: the tool goes looking for numpy's attribute "flo" (and
    # sklearn's module "sklearn.exter"), names nobody's code ever used.
    from pytest_depfix.diagnose.message_only import infer_message

    for line in ("AttributeError(\"module 'numpy' has no attribute 'flo\n",
                 "ModuleNotFoundError(\"No module named 'sklearn.exter\n",
                 "ImportError(\"cannot import name 'acreate_markdown_art\n"):
        found = infer_message(line, None)
        assert found is None or found.reason != "the line prints it as its repr, cut before its closing quote", \
            (line, found.message)


# -- verdict._own_import_slip -----------------------------------------------------------------------------------

from tests.diagnose.test_own_import_slip import FIXED, OLD, SLIP  # noqa: E402 (the reading's own fixtures)


def test_an_own_import_slip_on_python_311_is_read_as_on_39(index_for):
    # Since Python 3.10 CPython names a function by its qualified name in these messages:
    # "Client._outgoing_call() missing 1 required positional argument: 'func'".  _SIGNATURE_REFUSAL is
    # matched from the message's start with a bare identifier before "()", so the dotted name never
    # matches and the reading is silent on every Python from 3.10 on (asyncio-mqtt's own report was on
    # such a Python); the same paste from 3.9 gets both moves.
    paste = """Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "/usr/local/lib/python3.11/site-packages/mqtty/__init__.py", line 1, in <module>
    from .client import Client
  File "/usr/local/lib/python3.11/site-packages/mqtty/client.py", line 1, in <module>
    class Client:
  File "/usr/local/lib/python3.11/site-packages/mqtty/client.py", line 6, in Client
    async def subscribe(self, *args):
TypeError: Client._outgoing_call() missing 1 required positional argument: 'func'
"""
    universe = {"mqtty": [{"version": v, "files": {"mqtty/__init__.py": "from .client import Client\n",
                                                   "mqtty/client.py": b}}
                          for v, b in (("0.11.1", OLD), ("0.12.0", SLIP), ("0.12.1", FIXED))]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "mqtty==0.12.0\n", paste)
    assert _moves(d) == [("mqtty", "<=0.11.1"), ("mqtty", ">=0.12.1")], d.summary


def _formatter_module(init_args):
    return ("import logging\n\n\nclass Handler:\n"
            f"    def __init__(self{init_args}):\n        self.a = 1\n\n\n"
            "FMT = logging.Formatter('%(x)s', defaults={'x': 1})\n")


def test_a_refusal_by_another_callable_of_the_same_name_is_not_the_files_own_slip(index_for):
    # fmtx's module-level line calls the standard library's logging.Formatter(defaults=...), a keyword
    # Python 3.10 added; on 3.9 the message is "__init__() got an unexpected keyword argument 'defaults'".
    # The file also happens to define a class with an __init__ of its own, so _own_import_slip takes the
    # refusing "__init__" for the file's own function (it matches the bare name, never the call on the
    # shown line) and moves fmtx to the releases whose Handler.__init__ differs.  Every fmtx release makes
    # the same stdlib call: those moves cannot help, and the evidence claims a slip that is not there.
    paste = """Traceback (most recent call last):
  File "app.py", line 1, in <module>
    import fmtx.log
  File "/usr/local/lib/python3.9/site-packages/fmtx/log.py", line 9, in <module>
    FMT = logging.Formatter('%(x)s', defaults={'x': 1})
TypeError: __init__() got an unexpected keyword argument 'defaults'
"""
    universe = {"fmtx": [{"version": v, "files": {"fmtx/__init__.py": "", "fmtx/log.py": _formatter_module(args)}}
                         for v, args in (("1.0", ""), ("1.1", ", a"), ("1.2", ", a, b=None"))]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "fmtx==1.1\n", paste)
    assert not any("which the same file defines" in e for c in d.culprits for e in c.evidence), \
        (d.summary, _moves(d))


# -- verdict._build_caps_old_tool -------------------------------------------------------------------------------

from tests.diagnose.test_build_caps_old_tool import CAPPED as CAPPED_OLD, NEW_TOOL, OLD_TOOL, UNCAPPED  # noqa: E402
# setuptools 66.1+ (pkg_resources) still spells the name, behind a guard that makes it safe on 3.12
GUARDED_TOOL = ("import pkgutil\n\nif hasattr(pkgutil, 'ImpImporter'):\n"
                "    register_finder(pkgutil.ImpImporter, find_on_path)\n")


def test_a_cap_allowing_a_tool_that_only_spells_the_name_behind_a_guard_is_no_sign(index_for):
    # pyaudy 0.2.13's sdist asks for "setuptools<70": pip installs setuptools 69.5.1, whose pkg_resources
    # reads pkgutil.ImpImporter only under "if hasattr(pkgutil, 'ImpImporter'):" and builds fine on 3.12
    # (caps below 70/72 were common in 2024).  _tool_uses is a plain substring test, so the guarded
    # spelling counts as a use and pyaudy is moved for a build that never fails.
    def audio(v, pyproject):
        files = {"setup.py": "from setuptools import setup\nsetup(name='pyaudy')\n", "pyaudy/__init__.py": ""}
        if pyproject:
            files["pyproject.toml"] = pyproject
        return {"version": v, "wheel": False, "sdist": True, "files": files}

    universe = {"pyaudy": [audio("0.2.11", None), audio("0.2.12", CAPPED_OLD),
                           audio("0.2.13", '[build-system]\nrequires = ["setuptools<70", "wheel"]\n'),
                           audio("0.2.14", UNCAPPED)],
                "setuptools": [{"version": "65.1.1", "files": {"pkg_resources/__init__.py": OLD_TOOL}},
                               {"version": "69.5.1", "files": {"pkg_resources/__init__.py": GUARDED_TOOL}},
                               {"version": "70.0.0", "files": {"pkg_resources/__init__.py": NEW_TOOL}}]}
    index, target = index_for(universe, python="3.12")
    d = diagnose_paste(index, target, "pyaudy==0.2.13\n",
                       "AttributeError: module 'pkgutil' has no attribute 'ImpImporter'. Did you mean: 'zipimporter'?\n")
    assert not [m for m in _moves(d) if m[0] == "pyaudy"], (d.summary, _moves(d))


# -- users.last_without_before_read: the gallop past the nearest ten releases ---------------------------------------

USES = "from djangoy.urls import URLResolver\n"


def test_the_gallop_does_not_land_on_a_release_without_the_module_the_crash_imports(index_for):
    # wagtaily 2.0 to 2.12 all import URLResolver in wagtaily/routable/models.py; 1.x releases have no
    # wagtaily.routable at all.  The nearest ten all use the name, so the new gallop reads further back and
    # takes 1.9 as "the newest release without it" -- it lacks the name only because it lacks the whole
    # module the traceback shows being imported (from the project's urls.py).  Moving to wagtaily==1.9 turns
    # the ImportError into "No module named 'wagtaily.routable'"; there is no way back here.
    paste = """Traceback (most recent call last):
  File "/app/urls.py", line 1, in <module>
    from wagtaily.routable.models import RoutablePageMixin
  File "/venv/lib/python3.6/site-packages/wagtaily/routable/models.py", line 1, in <module>
    from djangoy.urls import URLResolver
ImportError: cannot import name 'URLResolver'
"""
    old = [f"1.{m}" for m in range(10)]
    new = [f"2.{m}" for m in range(13)] + ["2.13"]
    wag = [{"version": v, "files": {"wagtaily/__init__.py": "", "wagtaily/core.py": "X = 1\n"}} for v in old]
    wag += [{"version": v, "files": {"wagtaily/__init__.py": "", "wagtaily/routable/__init__.py": "",
                                     "wagtaily/routable/models.py": USES + "RoutablePageMixin = object\n"}}
            for v in new]
    universe = {"djangoy": [{"version": v, "files": {"djangoy/__init__.py": "", "djangoy/urls.py": text}}
                            for v, text in (("1.11.28", "RegexURLResolver = object\n"),
                                            ("2.0", "RegexURLResolver = object\nURLResolver = object\n"))],
                "wagtaily": wag}
    index, target = index_for(universe, python="3.6")
    d = diagnose_paste(index, target, "wagtaily==2.13\ndjangoy==1.11.28\n", paste, keep=["djangoy"])
    assert not [m for m in _moves(d) if m[0] == "wagtaily" and m[1].startswith("==1.")], (d.summary, _moves(d))


# -- message_only._REPR_UNCLOSED: escapes left in ---------------------------------------------------------------


def test_a_cut_repr_is_unescaped_as_the_closed_one_is():
    # A repr doubles every backslash.  The closed-repr reading undoes that; the cut-repr reading hands the
    # inner text on as printed, so a Windows path in CPython's "(C:\\Users\\...\\y.py)" keeps doubled
    # backslashes and the signal's path differs from the same message read from a closed repr.
    from pytest_depfix.diagnose.message_only import infer_message

    closed = infer_message("ImportError(\"cannot import name 'x' from 'y' (C:\\\\Users\\\\me\\\\app\\\\y.py)\")\n", None)
    cut = infer_message("ImportError(\"cannot import name 'x' from 'y' (C:\\\\Users\\\\me\\\\app\\\\y.py)\n", None)
    assert closed.message == "cannot import name 'x' from 'y' (C:\\Users\\me\\app\\y.py)"
    assert cut is not None and cut.message == closed.message, cut.message


# -- verdict._line_came's "new function" state, as other readings use it -------------------------------------------

EXPORT_OLD = "def read(path):\n    return path\n"
EXPORT_NEW = ("def read(path):\n    return path\n\n\ndef export(obj):\n    result = helpy.convert(obj)\n"
              "    return result\n")


def test_a_function_new_in_the_pinned_release_is_no_way_back_for_the_project_calling_it(index_for):
    # The project calls pathy.export(), a function pathy 2.2 introduced; its line hands the object to
    # helpy, which fails on it.  The new "function came with the pinned release" state makes _line_came
    # answer "pathy 2.1 did not have that line yet" for export()'s line, and _new_line_on_path (which shares
    # _line_came and has no caller-age check) moves pathy to <=2.1 -- a release with no export() at all, so
    # the project's own call becomes an AttributeError.  Before this session _line_came gave no sign here
    # (the function is absent from 2.1, so nothing says the line is what changed).
    paste = """Traceback (most recent call last):
  File "/app/main.py", line 3, in <module>
    data = pathy.export(record)
  File "/venv/lib/python3.9/site-packages/pathy/__init__.py", line 6, in export
    result = helpy.convert(obj)
  File "/venv/lib/python3.9/site-packages/helpy/__init__.py", line 2, in convert
    return obj.payload['kind']
KeyError: 'kind'
"""
    helpy = "def convert(obj):\n    return obj.payload['kind']\n"
    universe = {"pathy": [{"version": v, "requires_dist": ["helpy"],
                           "files": {"pathy/__init__.py": body}}
                          for v, body in (("2.0", EXPORT_OLD), ("2.1", EXPORT_OLD), ("2.2", EXPORT_NEW), ("2.3", EXPORT_NEW))],
                "helpy": [{"version": "1.0", "files": {"helpy/__init__.py": helpy}}]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "pathy==2.2\nhelpy==1.0\n", paste)
    assert ("pathy", "<=2.1") not in _moves(d), (d.summary, _moves(d))



# -- fixed alongside the findings above (the reviewer's untested concerns) ------------------------------------------


def test_a_quoted_raise_statement_cut_at_the_line_end_is_code_not_a_message():
    from pytest_depfix.diagnose.message_only import infer_message

    found = infer_message("    raise ImportError(\"cannot import name 'x' from 'y'\n", None)
    assert found is None or found.reason != "the line prints it as its repr, cut before its closing quote"


def test_module_bindings_enter_handlers_and_leave_nested_defs_alone():
    import ast

    from pytest_depfix.diagnose.undefined import _module_bindings

    star_in_handler = "try:\n    import x\nexcept ImportError:\n    from y import *\n"
    assert _module_bindings(ast.parse(star_in_handler), "z") is None
    nested = "if True:\n    def f():\n        X = 1\nX = 2\n"
    assert _module_bindings(ast.parse(nested), "X") == [4]
