"""A star import from a module whose ``__all__`` is built at run time brings only what that list holds.

locustio/locust#2099: pyzmq 23.0's ``zmq/__init__.py`` sums its submodules' ``__all__``
lists (``sugar.__all__``, itself extended in a loop) and left the constants out, so
``zmq.green``'s ``from zmq import *`` no longer brought ``ROUTER``.  The module binds the
name, but whether its list does is not read: the answer is unknown, not yes.
"""
from pytest_depfix.diagnose.probe import ApiProbe, Question

GREEN = "from zmqy import *\n"
CONSTANTS = "ROUTER = 6\nDEALER = 5\n"


def _ask(index_for, init: str, version: str = "23.0.0") -> str:
    files = {"zmqy/__init__.py": init, "zmqy/constants.py": CONSTANTS, "zmqy/green/__init__.py": GREEN,
             "zmqy/sugar/__init__.py": "__all__ = []\nfor m in ():\n    __all__.extend(m.__all__)\n"}
    # (one version per variant: answers are cached per release)
    index, target = index_for({"zmqy": [{"version": version, "files": files}]}, python="3.9")
    return ApiProbe(index).ask("zmqy", version, Question.parse("zmqy.green:ROUTER")).value


def test_a_run_time_all_makes_a_star_imported_name_unknown(index_for):
    init = "from zmqy.constants import *\nfrom zmqy import sugar\n__all__ = ['get_includes'] + sugar.__all__\n"
    assert _ask(index_for, init) == "unknown"


def test_without_an_all_the_star_import_brings_the_bound_name(index_for):
    assert _ask(index_for, "from zmqy.constants import *\n") == "yes"


def test_a_literal_all_is_read(index_for):
    assert _ask(index_for, "from zmqy.constants import *\n__all__ = ['ROUTER']\n") == "yes"
    assert _ask(index_for, "from zmqy.constants import *\n__all__ = ['DEALER']\n", "23.0.1") == "no"


def test_a_name_the_literal_part_lists_is_still_brought(index_for):
    init = "from zmqy.constants import *\nfrom zmqy import sugar\n__all__ = ['ROUTER'] + sugar.__all__\n"
    assert _ask(index_for, init, "23.0.2") == "yes"


def test_other_run_time_lists_are_unknown_too(index_for):
    # (the second review's inputs: a sorted dir(), and a list of names from another module)
    init = "from zmqy.constants import *\n__all__ = sorted(n for n in dir() if n.isupper() and n != 'ROUTER')\n"
    assert _ask(index_for, init, "23.0.3") == "unknown"
    init = "from zmqy.constants import *\nfrom zmqy import constants\n__all__ = ['x']\n__all__ += constants.NAMES\n"
    assert _ask(index_for, init, "23.0.4") == "unknown"
