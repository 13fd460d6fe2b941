"""Reviewed (s3): linkcheck asks a *pinned backport* about a standard-library import.

``_Walker._owner`` maps a module to a pin through ``module_owner``, which guesses by name and never asks
whether the module is the standard library's.  Old pin sets often carry the PyPI backports
``dataclasses`` (0.6/0.8), ``typing``, ``enum34``, ``argparse``...; on the target Python the standard
library's module shadows them (it comes first on sys.path), so ``from dataclasses import KW_ONLY`` works
on 3.10+.  The walker asks the backport instead, gets "no", and reports the lost message as
``cannot import name 'KW_ONLY' from 'dataclasses'``, hiding the real failure further on (``triu``).
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

SITE = "/home/u/venv/lib/python3.11/site-packages"
CUT = (f'Traceback (most recent call last):\n  File "/home/u/nb.py", line 5, in <module>\n    from gensy import models\n'
       f'  File "{SITE}/gensy/__init__.py", line 2, in <module>\n    from gensy import matutils\n'
       "ImportError\n")


def test_a_standard_library_import_is_not_asked_of_a_pinned_backport(index_for):
    universe = {
        "gensy": [{"version": "4.3.2", "files": {
            "gensy/__init__.py": "import logging\nfrom gensy import matutils\n",
            "gensy/matutils.py": "from dataclasses import KW_ONLY, dataclass\nfrom scy.linalg import triu\n"}}],
        "scy": [{"version": v, "files": {"scy/__init__.py": "", "scy/linalg/__init__.py": body}}
                for v, body in (("1.12.0", "def triu(): pass\n"), ("1.13.0", "def tril(): pass\n"))],
        # the PyPI backport (Python 3.6 only in use), still pinned in the set
        "dataclasses": [{"version": "0.6", "files": {"dataclasses.py": "def dataclass(cls=None): pass\ndef field(): pass\n"}}],
    }
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("gensy==4.3.2\nscy==1.13.0\ndataclasses==0.6\n", target)
    d = diagnose(simple_parse(CUT, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.details.get("message_read_from_imports") == "cannot import name 'triu' from 'scy.linalg'", d.details.get(
        "message_read_from_imports")
