"""A release that stopped using one stdlib name the target Python removed must not import another one.

materialsproject/pymatgen#4116 (benchmarks/cases/networkx22-collections-mapping-pymatgen2024103-ci-mac-py311):
networkx 2.2's ``from collections import Mapping`` fails on Python 3.11.  networkx 2.3 changed that
line, but its ``algorithms/dag.py``, which ``import networkx`` runs, still did ``from fractions import
gcd`` (removed in 3.9); 2.4 is the first release that imports on 3.11.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

INIT = "from netx.classes import graph\nfrom netx.algorithms import dag\n"


def _release(version, graph, dag, when):
    return {"version": version, "upload_time": when, "files": {"netx/__init__.py": INIT, "netx/classes/__init__.py": "",
                                          "netx/classes/graph.py": graph, "netx/algorithms/__init__.py": "",
                                          "netx/algorithms/dag.py": dag}}


FRAMED = ('Traceback (most recent call last):\n'
          '  File "/home/u/app.py", line 1, in <module>\n'
          '    import netx\n'
          '  File "/usr/lib/python3.11/site-packages/netx/__init__.py", line 1, in <module>\n'
          '    from netx.classes import graph\n'
          '  File "/usr/lib/python3.11/site-packages/netx/classes/graph.py", line 1, in <module>\n'
          '    from collections import Mapping\n'
          "ImportError: cannot import name 'Mapping' from 'collections' (/usr/lib/python3.11/collections/__init__.py)\n")
FRAMELESS = "ImportError: cannot import name 'Mapping' from 'collections'\n"


def _answer(index_for, dag_23, paste):
    universe = {"netx": [
        _release("2.2", "from collections import Mapping\n", "from fractions import gcd\n", "2018-09-19T00:00:00Z"),
        _release("2.3", "from collections.abc import Mapping\n", dag_23, "2019-04-11T00:00:00Z"),
        _release("2.4", "from collections.abc import Mapping\n", "from math import gcd\n", "2019-10-16T00:00:00Z"),
    ]}
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("netx==2.2\n", target)
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    return {(c.name, c.constraint) for c in d.culprits}, d


def test_the_adapted_release_that_still_imports_fractions_gcd_is_passed_over(index_for):
    culprits, d = _answer(index_for, "from fractions import gcd\n", FRAMED)
    assert ("netx", ">=2.4") in culprits and ("netx", ">=2.3") not in culprits, (culprits, d.summary)


def test_without_a_frame_the_release_that_stopped_using_it_is_checked_the_same_way(index_for):
    culprits, d = _answer(index_for, "from fractions import gcd\n", FRAMELESS)
    assert ("netx", ">=2.4") in culprits and ("netx", ">=2.3") not in culprits, (culprits, d.summary)


def test_an_import_under_try_or_in_a_function_may_never_run_and_does_not_count(index_for):
    guarded = "try:\n    from fractions import gcd\nexcept ImportError:\n    from math import gcd\n"
    culprits, _ = _answer(index_for, guarded, FRAMED)
    assert ("netx", ">=2.3") in culprits
    culprits, _ = _answer(index_for, "def f():\n    from fractions import gcd\n", FRAMELESS)
    assert ("netx", ">=2.3") in culprits
