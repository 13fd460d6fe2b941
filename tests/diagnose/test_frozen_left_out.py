"""A frozen app lacks a module the release ships: the freezer left it out, the installed copy is fine.

pypa/setuptools#1963: setuptools 45.0.0's ``pkg_resources`` imports ``py2_warn``, which
PyInstaller 3.3's hooks did not collect; the frozen app fails at start.  The thread kept
PyInstaller 3.3 and went back to setuptools 44.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

# pypa/setuptools#1963, verbatim; package names changed to the fixtures'.
TB = """[1072] Failed to execute script pyi_rth_pkgres
Traceback (most recent call last):
  File "site-packages/PyInstaller/loader/rthooks/pyi_rth_pkgres.py", line 11, in <module>
  File "/venv/lib/python3.6/site-packages/PyInstaller/loader/pyimod03_importers.py", line 631, in exec_module
    exec(bytecode, module.__dict__)
  File "site-packages/pkg_resourcesy/__init__.py", line 2, in <module>
ModuleNotFoundError: No module named 'pkg_resourcesy.py2_warn'
"""


def _universe():
    def setuptoolsy(v, warn):
        files = {"pkg_resourcesy/__init__.py": "import sys\n" + ("__import__('pkg_resourcesy.py2_warn')\n" if warn else "")}
        if warn:
            files["pkg_resourcesy/py2_warn.py"] = "import warnings\n"
        return {"version": v, "files": files}
    return {"setuptoolsy": [setuptoolsy("44.0.0", False), setuptoolsy("45.0.0", True)],
            "pyinstallery": [{"version": "3.3", "files": {"PyInstallery/__init__.py": ""}}]}


def _diagnose(index_for, tb=TB, setuptools="45.0.0"):
    index, target = index_for(_universe(), python="3.6")
    pins = parse_requirements_text(f"pyinstallery==3.3\nsetuptoolsy=={setuptools}\n", target)
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index), keep=["pyinstallery"])


def test_a_frozen_app_missing_a_module_the_release_ships_moves_the_release_back(index_for):
    d = _diagnose(index_for)
    assert [(c.name, c.constraint) for c in d.culprits] == [("setuptoolsy", "<=44.0.0")], d.summary
    assert d.verdict == "transitive" and "hidden-import" in d.advice


def test_without_the_freezers_loader_the_installed_copy_is_to_blame(index_for):
    tb = TB.replace("site-packages/PyInstaller/loader/rthooks/pyi_rth_pkgres.py", "/venv/bin/app.py") \
        .replace("/venv/lib/python3.6/site-packages/PyInstaller/loader/pyimod03_importers.py", "/venv/bin/run.py")
    d = _diagnose(index_for, tb)
    assert d.verdict == "environment" and not d.culprits, d.summary


def test_pyinstaller_6s_bare_loader_frame_is_a_frozen_app(index_for):
    tb = TB.replace('  File "site-packages/PyInstaller/loader/rthooks/pyi_rth_pkgres.py", line 11, in <module>\n', "") \
        .replace("/venv/lib/python3.6/site-packages/PyInstaller/loader/pyimod03_importers.py", "pyimod02_importers.py")
    d = _diagnose(index_for, tb)
    assert [(c.name, c.constraint) for c in d.culprits] == [("setuptoolsy", "<=44.0.0")], d.summary


def test_the_apps_own_import_of_the_module_moves_nothing(index_for):
    # review of session 14: the app's helpers.py imports the module; an older setuptoolsy would not help
    tb = TB.replace('  File "site-packages/pkg_resourcesy/__init__.py", line 2, in <module>\n',
                    '  File "app/helpers.py", line 1, in <module>\n')
    d = _diagnose(index_for, tb)
    assert not d.culprits and d.verdict == "environment" and "hidden-import" in d.advice, (d.summary, d.advice)


def test_a_module_every_release_ships_is_a_hidden_import_not_a_reinstall(index_for):
    d = _diagnose(index_for, TB.replace("pkg_resourcesy.py2_warn", "pkg_resourcesy"), setuptools="44.0.0")
    assert not d.culprits and "hidden-import" in d.advice and "reinstall" not in d.advice, (d.summary, d.advice)
