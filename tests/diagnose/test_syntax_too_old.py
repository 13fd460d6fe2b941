"""Old code the target's grammar refuses: a pin's module that stopped parsing on a newer Python.

jonathanslenders/asyncio-redis#124: asyncio-redis 0.14.3's ``ensure_future = asyncio.async`` is a
SyntaxError from Python 3.7 on (``async`` became a keyword); 0.15.1's connection.py parses.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

OLD = "import asyncio\n\nensure_future = asyncio.async\n"
NEW = "import asyncio\n\nensure_future = asyncio.ensure_future\n"
UNIVERSE = {"redisy": [{"version": v, "files": {"redisy/__init__.py": "from .connection import *\n", "redisy/connection.py": src}}
                       for v, src in (("0.14.2", OLD), ("0.14.3", OLD), ("0.15.1", NEW))]}
PASTE = ('Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n'
         '  File "/prj/venv/lib/python3.7/site-packages/redisy/__init__.py", line 1, in <module>\n    from .connection import *\n'
         '  File "/prj/venv/lib/python3.7/site-packages/redisy/connection.py", line 3\n'
         "    ensure_future = asyncio.async\n                                ^\nSyntaxError: invalid syntax\n")


def _diagnose(index_for, python):
    index, target = index_for(UNIVERSE, python=python)
    pins = parse_requirements_text("redisy==0.14.3\n", target)
    (crash,) = parse_traceback(PASTE)
    crash = attribute(crash, pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_first_release_whose_module_parses_for_the_target_is_offered(index_for):
    d = _diagnose(index_for, "3.7")
    assert [(c.name, c.constraint) for c in d.culprits] == [("redisy", ">=0.15.1")]
    assert d.family == "python-version"


def test_a_target_whose_grammar_accepts_it_is_not_judged_old(index_for):
    d = _diagnose(index_for, "3.6")
    assert not any(c.name == "redisy" and c.constraint == ">=0.15.1" for c in d.culprits)
