"""Review of a8efda0 and c4dfafd (session 20): inputs the changed readings get wrong.

One test per finding: the stdlib-submodule reading of "module 'importlib' has no attribute
'metadata'" (what counts as importing the submodule, and a read moved to another file), the
rewritten loop-string reader of ``**kwargs`` keys, the top-level-only class lookup of
``_enclosing_callable``, and the ``_SAID_RAISED`` condition words.
"""
import ast

from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.pysource import read_function
from tests.support.diagnose_crashes import diagnose_paste

# --- _submodule_import_added ------------------------------------------------------------------------------

PASTE = """site-packages/rconx/__init__.py", line 2, in <module>
    __version__ = importlib.metadata.version("rconx")
                  ^^^^^^^^^^^^^^^^^^
AttributeError: module 'importlib' has no attribute 'metadata'
"""
OLD = 'import importlib\n__version__ = importlib.metadata.version("rconx")\n'
NEW = 'import importlib.metadata\n__version__ = importlib.metadata.version("rconx")\n'


def _diagnose(index_for, releases, paste=PASTE):
    universe = {"rconx": [{"version": v, "files": files if isinstance(files, dict) else {"rconx/__init__.py": files}}
                          for v, files in releases]}
    index, target = index_for(universe, python="3.12")
    return diagnose_paste(index, target, "rconx==3.4.0\n", paste)


def test_an_import_of_the_submodule_inside_a_function_does_not_fix_a_module_level_read(index_for):
    # 3.4.1 adds a helper that imports importlib.metadata when it is called, but the module-level
    # read on line 2 still runs first, at import: 3.4.1 fails the same way.  3.4.2 imports it at the
    # top.  The regex matches an indented "import importlib.metadata" anywhere in the file.
    mid = OLD + "\n\ndef dist_files():\n    import importlib.metadata\n    return importlib.metadata.files('rconx')\n"
    d = _diagnose(index_for, [("3.4.0", OLD), ("3.4.1", mid), ("3.4.2", NEW)])
    assert [(c.name, c.constraint) for c in d.culprits] == [("rconx", ">=3.4.2")], d.summary


def test_a_read_moved_to_another_module_is_not_a_fix(index_for):
    # 3.4.1 moves the same unimported read into rconx/_version.py and imports __version__ from it:
    # __init__.py no longer spells importlib.metadata, yet importing rconx 3.4.1 fails the same way.
    moved = {"rconx/__init__.py": "from ._version import __version__\n",
             "rconx/_version.py": OLD}
    fixed = {"rconx/__init__.py": "from ._version import __version__\n",
             "rconx/_version.py": NEW}
    d = _diagnose(index_for, [("3.4.0", {"rconx/__init__.py": OLD}), ("3.4.1", moved), ("3.4.2", fixed)])
    assert [(c.name, c.constraint) for c in d.culprits] == [("rconx", ">=3.4.2")], d.summary


def test_an_import_of_the_submodule_among_other_names_is_the_fix(index_for):
    # "import os, importlib.metadata" imports the submodule just as its own line does.
    d = _diagnose(index_for, [("3.4.0", OLD), ("3.4.1", "import os, importlib.metadata\n" + OLD.split("\n", 1)[1]),
                              ("3.5.0", NEW)])
    assert [(c.name, c.constraint) for c in d.culprits] == [("rconx", ">=3.4.1")], d.summary


# --- _loop_strings ----------------------------------------------------------------------------------------

def _kwarg_keys(src: str):
    fn = next(n for n in ast.walk(ast.parse(src)) if isinstance(n, ast.FunctionDef))
    return read_function(fn).kwarg_keys


def test_setdefault_in_a_loop_over_a_literal_list_still_names_the_keys():
    # Before a8efda0 the looped branch took kwargs.pop/get/setdefault; _loop_strings now only
    # looks at pop and get, so defaults filled in a loop are no longer keys the function knows
    # (the constant branch still reads kwargs.setdefault('theme', None)).
    keys = _kwarg_keys("def __init__(self, **kwargs):\n"
                       "    for k in ('theme', 'css'):\n"
                       "        kwargs.setdefault(k, None)\n"
                       "    super().__init__(**kwargs)\n")
    assert {"theme", "css"} <= keys, keys


def test_an_inner_loop_rebinding_the_name_in_a_tuple_target_shadows_the_outer_literal_loop():
    # The pop's own loop binds k through "for k, v in pairs": the outer loop over a literal list
    # is not where k comes from, but a tuple target is skipped and the walk goes on outwards.
    keys = _kwarg_keys("def __init__(self, pairs, **kwargs):\n"
                       "    for k in ('theme', 'css'):\n"
                       "        for k, v in pairs:\n"
                       "            kwargs.pop(k, None)\n"
                       "    super().__init__(**kwargs)\n")
    assert not keys & {"theme", "css"}, keys


def test_a_literal_list_name_rebound_by_a_for_loop_gives_no_keys():
    # "names" is a literal list once, then each group in turn: "bound once" only counts assignments,
    # not a for target (nor a with-as or walrus target).
    keys = _kwarg_keys("def __init__(self, groups, **kwargs):\n"
                       "    names = ['theme', 'css']\n"
                       "    for names in groups:\n"
                       "        for k in names:\n"
                       "            kwargs.pop(k, None)\n"
                       "    super().__init__(**kwargs)\n")
    assert not keys & {"theme", "css"}, keys


def test_a_loop_variable_reassigned_before_the_pop_gives_no_literal_keys():
    # k runs over the literal list but is rebound to 'old_' + k before the pop: the popped keys are
    # old_theme and old_css, not theme and css.
    keys = _kwarg_keys("def __init__(self, **kwargs):\n"
                       "    for k in ('theme', 'css'):\n"
                       "        k = 'old_' + k\n"
                       "        kwargs.pop(k, None)\n"
                       "    super().__init__(**kwargs)\n")
    assert not keys & {"theme", "css"}, keys


# --- _enclosing_callable: a module-level class under if/try is still the module's class -------------------

GUARDED = ("import sys\n\n"
           "class BlockContext:\n"
           "    def __init__(self, render=True):\n"
           "        self.render = render\n\n\n"
           "try:\n"
           "    from ._speedups import Blocks\n"
           "except ImportError:\n"
           "    class Blocks(BlockContext):\n"
           "        def __init__(self, title=None, **kwargs):\n"
           "            super().__init__(**kwargs)\n")


def test_a_class_defined_under_a_module_level_try_is_the_modules_class(monkeypatch):
    # The fallback Blocks is importable as gradiox.blocks.Blocks; only a class nested in a class or
    # function is not.  a8efda0 reads tree.body only, so the frame's class is not found at all.
    import types

    import pytest_depfix.diagnose.probe as probe_module
    from pytest_depfix.diagnose.verdict import _enclosing_callable
    from pytest_depfix.models import Frame

    class Tree:
        def __init__(self, probe, name, version):
            pass

        def read(self, rel):
            return GUARDED if rel == "gradiox/blocks.py" else None

    monkeypatch.setattr(probe_module, "ReleaseTree", Tree)
    line = GUARDED.splitlines().index("            super().__init__(**kwargs)") + 1
    frame = Frame(file="/env/lib/python3.10/site-packages/gradiox/blocks.py", line=line, function="__init__",
                  relpath="gradiox/blocks.py")
    got = _enclosing_callable(types.SimpleNamespace(probe=object()), types.SimpleNamespace(name="gradiox", version="6.0.2"),
                              frame)
    assert got == ("gradiox.blocks", "Blocks"), got


# --- _SAID_RAISED: the condition words are matched in lower case only -------------------------------------

def test_a_readme_sentence_with_a_capitalised_condition_is_not_an_exception():
    # The same sentence as test_reviewed_s20b's, as docstrings usually write it: "If ...".
    inferred = infer_message("Calling `load()` raises ConfigError: If the file is missing.\n")
    assert inferred is None, inferred
