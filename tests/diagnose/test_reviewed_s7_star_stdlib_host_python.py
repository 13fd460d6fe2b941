"""Reviewed (s7): star imports from the standard library are judged by the *host* Python (pysource.py, 9873438).

``_STDLIB_TOPS = frozenset(getattr(sys, "stdlib_module_names", ())) | {"__future__"}``:
``sys.stdlib_module_names`` exists only on Python 3.10+, and pytest-depfix declares
``requires-python = ">=3.8"``.  Run on 3.8/3.9 the set is just ``{"__future__"}``, so
``from os.path import *`` counts as "another distribution's module" and every name the
release lacks becomes UNKNOWN instead of NO: the same paste gets a different diagnosis
depending on the interpreter depfix runs on (and on 3.12+/3.13 ``from distutils... import *``
/ ``from cgi import *`` in a release built for an older target flips the same way).
The project already ships a target-aware list for exactly this reason
(``pytest_depfix.crash.stdlib.stdlib_names``, whose docstring says
``sys.stdlib_module_names`` "only exists on 3.10+ and only describes the running
interpreter").

The test imports the resolver in a child interpreter whose ``sys`` has no
``stdlib_module_names`` (what a 3.8/3.9 host looks like) and asks the question the
existing test ``test_a_star_import_from_the_standard_library_does_not_hide_a_missing_name``
asks on this host.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CHILD = textwrap.dedent("""
    import sys
    if hasattr(sys, "stdlib_module_names"):
        del sys.stdlib_module_names          # what Python 3.8 / 3.9 look like
    from pytest_depfix.diagnose.pysource import DictTree, Resolver
    r = Resolver(DictTree({"m/__init__.py": "from os.path import *\\n"}))
    print(r.lookup("m", "get_file").value)
""")


def test_a_stdlib_star_import_is_no_on_a_python_without_stdlib_module_names():
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "no", f"on a 3.8/3.9 host the answer is {out.stdout.strip()!r}"
