"""Markdown's extension loader: a message that hides the import error, and a name that is not a module.

mkdocs prints only Markdown's 'Failed loading extension "mdx_truly_sane_lists".'
(mdx-truly-sane-lists 1.2 ran ``from markdown import version``, which Markdown 3.4
dropped); the module it names is walked like a cut paste's frame.  Markdown 3.0
imports the old "headerid(level=2)" extension string whole, and a module name with
a call in it is a knowledge-base entry, not a missing package.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

WITH_VERSION = "__version__ = '{v}'\nversion = __version__\n"
WITHOUT_VERSION = "__version__ = '{v}'\n"
MARKDOWNY = [{"version": v, "files": {"markdowny/__init__.py": (WITH_VERSION if v < "3.4" else WITHOUT_VERSION).format(v=v)}}
             for v in ("3.2.2", "3.3.7", "3.4")]


def _universe(ext_source: str):
    return {"markdowny": MARKDOWNY,
            "mdx-sane": [{"version": "1.2", "requires_dist": ["markdowny>=2.6"],
                          "files": {"mdx_sane/__init__.py": "from .sane import *\n", "mdx_sane/sane.py": ext_source}}]}


def _diagnose(index_for, universe, paste, reqs):
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text(reqs, target)
    kb = load_knowledge(bundled=False)
    inferred = infer_message(paste, kb)
    assert inferred is not None and inferred.exc_type == "ImportError"
    return diagnose(inferred.to_crash(), pins, target, index, kb, probe=ApiProbe(index))


PASTE = "Config value: 'markdown_extensions'. Error: Failed loading extension \"mdx_sane\".\n"


def test_the_module_a_loader_failed_to_load_is_walked_for_the_import_the_set_cannot_satisfy(index_for):
    source = "import re\nfrom markdowny import version as md_version\n"
    d = _diagnose(index_for, _universe(source), PASTE, "mdx-sane==1.2\nmarkdowny==3.4\n")
    assert d.details.get("message_read_from_imports") == "cannot import name 'version' from 'markdowny'"
    assert ("markdowny", "<3.4") in [(c.name, c.constraint.split(",")[-1]) for c in d.culprits]
    assert "Failed loading extension" not in d.details["message_read_from_imports"]


def test_a_loaded_module_whose_imports_all_resolve_is_left_unexplained(index_for):
    d = _diagnose(index_for, _universe("import re\nfrom markdowny import __version__\n"), PASTE,
                  "mdx-sane==1.2\nmarkdowny==3.4\n")
    assert "message_read_from_imports" not in d.details
    assert not any(c.name == "markdowny" for c in d.culprits)


SPHINX_PASTE = ("Extension error:\n"
                "Could not import extension sphinxy_ext (exception: cannot import name 'version')\n")


def test_sphinxs_quoted_bare_import_error_walks_the_extension_it_names(index_for):
    # numpydoc 0.6.0 under Sphinx 1.7: "Could not import extension numpydoc (exception: cannot
    # import name 'Directive')" names neither the module nor the importer; the extension is walked.
    universe = _universe("")
    universe["sphinxy-ext"] = [{"version": "0.6", "requires_dist": ["markdowny>=2.6"],
                                "files": {"sphinxy_ext/__init__.py": "from .core import setup\n",
                                          "sphinxy_ext/core.py": "from markdowny import version as md_version\n"
                                                                 "def setup(app):\n    return {}\n"}}]
    d = _diagnose(index_for, universe, SPHINX_PASTE, "sphinxy-ext==0.6\nmarkdowny==3.4\n")
    assert d.details.get("message_read_from_imports") == "cannot import name 'version' from 'markdowny'"
    assert ("markdowny", "<3.4") in [(c.name, c.constraint.split(",")[-1]) for c in d.culprits]


def test_sphinxs_quoted_import_error_that_names_its_module_is_read_as_quoted():
    inferred = infer_message("Could not import extension sphinxy_ext (exception: cannot import name 'x' from 'y.z')\n")
    assert inferred is not None and inferred.loading == "sphinxy_ext"
    assert inferred.message == "cannot import name 'x' from 'y.z'"


def test_markdown_3s_extension_string_with_its_configuration_is_a_knowledge_entry():
    # Markdown 2.6 deprecated 'headerid(level=2)'; 3.0 imports the whole string as a module name.
    kb = load_knowledge()
    inferred = infer_message("ModuleNotFoundError\nNo module named 'headerid(level=2)'\n", kb)
    assert inferred is not None and inferred.exc_type == "ModuleNotFoundError"
    assert "markdown3-extension-config-in-name-removed" in inferred.reason
    # An ordinary missing module is not that break.
    plain = infer_message("No module named 'headerid'\n", kb)
    assert plain is not None and "knowledge" not in plain.reason


CYTHON_TAIL = (
    '    File "/tmp/pip-build-env-el21d7kt/overlay/lib64/python3.8/site-packages/Cython/Build/Dependencies.py", '
    "line 1301, in cythonize_one\n"
    "      raise CompileError(None, pyx_file)\n"
    "  Cython.Compiler.Errors.CompileError: MACS2/IO/FixWidthTrack.pyx\n"
    "  ----------------------------------------\n"
    "  ERROR: Failed building wheel for MACS2\n")


def _parsed(text, pins, target):
    from pytest_depfix.crash import attribute, parse_traceback

    return attribute(parse_traceback(text)[0], pins, target=target, installed=False)


def _cython_universe():
    return {"cython": [{"version": v, "files": {"Cython/__init__.py": f"__version__ = '{v}'\n"}} for v in ("0.29.36", "3.0.0")],
            "macs2y": [{"version": "2.2.8", "files": {"macs2y/__init__.py": ""}}]}


def test_a_pyx_that_cython_3_cannot_compile_holds_cython_below_3(index_for):
    # macs2#569: MACS2 2.2.8's build requires cython>=0.29.24, and pip's isolated build took 3.0.0.
    index, target = index_for(_cython_universe(), python="3.8")
    pins = parse_requirements_text("macs2y==2.2.8\ncython==3.0.0\n", target)
    d = diagnose(_parsed(CYTHON_TAIL, pins, target), pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("cython", "<3")]
    assert d.details.get("knowledge") == "cython3-compile-error-old-pyx"


def test_a_compile_error_under_cython_0_29_is_not_blamed_on_cython_3(index_for):
    index, target = index_for(_cython_universe(), python="3.8")
    pins = parse_requirements_text("macs2y==2.2.8\ncython==0.29.36\n", target)
    d = diagnose(_parsed(CYTHON_TAIL, pins, target), pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.details.get("knowledge") != "cython3-compile-error-old-pyx"
    assert not any(c.constraint == "<3" for c in d.culprits)


def test_a_walk_that_meets_another_missing_import_first_does_not_replace_the_quoted_one(index_for):
    # Review: the walk met a missing markdowny.gone before the quoted 'version'; the quote is what failed.
    universe = _universe("")
    universe["sphinxy-ext"] = [{"version": "0.6", "requires_dist": ["markdowny>=2.6"],
                                "files": {"sphinxy_ext/__init__.py": "from markdowny import gone\n"
                                                                     "from markdowny import version\n"}}]
    d = _diagnose(index_for, universe, SPHINX_PASTE, "sphinxy-ext==0.6\nmarkdowny==3.4\n")
    assert "message_read_from_imports" not in d.details
