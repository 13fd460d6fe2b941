"""A Python 3 submodule imported on Python 2.7: "No module named mock" of ``from unittest.mock import *``.

Simplistix/testfixtures#105: testfixtures 6.4.2's ``testfixtures/mock.py`` falls back to
``unittest.mock`` when the ``mock`` backport is missing; Python 2.7's ``unittest`` has no ``mock``,
so ``import testfixtures`` fails.  6.4.1 had no such module; 6.4.3 asks for the backport on 2.7.
"""
from pytest_depfix.diagnose.families import stdlib_added
from tests.support.diagnose_crashes import diagnose_paste

MOCK_641 = "import sys\n\n\nfrom mock import *\n"
MOCK_642 = "import sys\n\n\nfrom unittest.mock import *\n"
PASTE = ("Traceback:\npupils/tests/test_api.py:29: in <module>\n    from fixturesy import LogCapture\n"
         "../venv/lib/python2.7/site-packages/fixturesy/__init__.py:1: in <module>\n"
         "    from fixturesy.mock import parent_name\n"
         "../venv/lib/python2.7/site-packages/fixturesy/mock.py:4: in <module>\n"
         "    from unittest.mock import *\n"
         "E   ImportError: No module named mock\n")


def test_python3_submodules_are_known_to_be_new_in_python3():
    assert (stdlib_added("unittest.mock", None), stdlib_added("urllib.parse", None)) == ("3.3", "3.0")


def test_the_pin_importing_a_python3_submodule_on_27_moves_to_a_release_without_it(index_for):
    def rel(v, files):
        return {"version": v, "tag": "py2.py3-none-any", "files": {"fixturesy/__init__.py": "LogCapture = 1\n", **files}}
    universe = {"fixturesy": [rel("6.4.1", {"fixturesy/mock.py": MOCK_641}), rel("6.4.2", {"fixturesy/mock.py": MOCK_642})]}
    index, target = index_for(universe, python="2.7")
    d = diagnose_paste(index, target, "fixturesy==6.4.2\n", PASTE)
    assert ("fixturesy", "==6.4.1") in [(c.name, c.constraint) for c in d.culprits], d.summary
