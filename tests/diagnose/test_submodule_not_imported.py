"""A stdlib submodule read without importing it: "module 'importlib' has no attribute 'metadata'" on 3.12.

Iapetus-11/aio-mc-rcon#11: aio-mc-rcon 3.4.0's ``__init__.py`` does ``import importlib`` and reads
``importlib.metadata.version(...)``, which worked while something else had imported
``importlib.metadata`` first; on 3.12 nothing does.  3.4.1 imports the submodule itself.  The
paste is cut at the site folder: ``site-packages/aiomcrcon/__init__.py``.
"""
from pytest_depfix.crash.attribute import classify_path
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """site-packages/rconx/__init__.py", line 2, in <module>
    __version__ = importlib.metadata.version("rconx")
                  ^^^^^^^^^^^^^^^^^^
AttributeError: module 'importlib' has no attribute 'metadata'
"""
OLD = 'import importlib\n__version__ = importlib.metadata.version("rconx")\n'
NEW = 'import importlib.metadata\n__version__ = importlib.metadata.version("rconx")\n'


def _diagnose(index_for, bodies, paste=PASTE):
    universe = {"rconx": [{"version": v, "files": {"rconx/__init__.py": b}} for v, b in bodies]}
    index, target = index_for(universe, python="3.12")
    return diagnose_paste(index, target, "rconx==3.4.0\n", paste)


def test_a_path_cut_at_the_site_folder_is_still_a_pins():
    info = classify_path("site-packages/rconx/__init__.py")
    assert (info.kind, info.module) == ("site", "rconx")


def test_the_first_release_that_imports_the_submodule_is_the_fix(index_for):
    d = _diagnose(index_for, [("3.3.0", OLD), ("3.4.0", OLD), ("3.4.1", NEW)])
    assert [(c.name, c.constraint) for c in d.culprits] == [("rconx", ">=3.4.1")], d.summary


def test_a_pin_that_imports_it_already_is_not_this_break(index_for):
    d = _diagnose(index_for, [("3.4.0", NEW), ("3.4.1", NEW)])
    assert not d.culprits, d.summary
