"""'module pkg.sub has no attribute x' where x is a submodule file of the pinned release.

A submodule is an attribute of its package only once something imported it.  When the
package's own ``__init__`` imports it on every import (tensorflow-datasets 4.2.0's
``core/download/__init__.py`` runs ``from ...checksums import add_checksums_dir``), the
pinned release has the attribute and the installed copy is broken: no pin change helps.
"""
import pytest

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = "AttributeError: module 'tfdsy.core.download' has no attribute 'checksums'\n"


def _universe(init: str):
    files = {"tfdsy/__init__.py": "", "tfdsy/core/__init__.py": "", "tfdsy/core/download/__init__.py": init,
             "tfdsy/core/download/checksums.py": "def add_checksums_dir(path):\n    pass\n"}
    return {"tfdsy": [{"version": v, "files": files} for v in ("4.1.0", "4.2.0")]}


def _verdict(index_for, init: str):
    index, target = index_for(_universe(init), python="3.8")
    pins = parse_requirements_text("tfdsy==4.2.0\n", target)
    kb = load_knowledge(bundled=False)
    crash = infer_message(PASTE, kb).to_crash()
    return diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))


@pytest.mark.parametrize("init", [
    "from tfdsy.core.download.checksums import add_checksums_dir\n",
    "from .checksums import add_checksums_dir\n",
    "from . import checksums\n",
    "import tfdsy.core.download.checksums\n",
])
def test_a_submodule_the_package_imports_itself_is_there_so_the_install_is_broken(index_for, init):
    d = _verdict(index_for, init)
    assert d.verdict == "environment", (d.verdict, d.summary)
    assert not d.culprits


@pytest.mark.parametrize("init", [
    "",  # nobody imports it: the caller must (scipy's 'sp.signal')
    "try:\n    from .checksums import add_checksums_dir\nexcept ImportError:\n    pass\n",
    "def load():\n    from . import checksums\n",
])
def test_a_submodule_the_package_does_not_surely_import_is_not_read_as_a_broken_install(index_for, init):
    assert _verdict(index_for, init).verdict != "environment"


PYPLOT = {"3.2.2": "import mplot\nfrom mplot.backends import _helper\n\ndef switch_backend(name):\n    mplot.backends.backend = name\n",
          "3.3.0": "import mplot\n\ndef switch_backend(name):\n    mplot.backends.backend = name\n",
          "3.3.1": "import mplot\n\ndef switch_backend(name):\n    import mplot.backends\n    mplot.backends.backend = name\n"}
SWITCH_TB = ("Traceback (most recent call last):\n"
             '  File "/home/u/anaconda3/lib/python3.7/site-packages/mplot/pyplot.py", line 4, in switch_backend\n'
             "    mplot.backends.backend = name\n"
             "AttributeError: module 'mplot' has no attribute 'backends'\n")


def test_a_submodule_the_failing_file_reads_without_importing_it_moves_that_file_s_pin(index_for):
    # matplotlib/matplotlib#18022: 3.3.0's pyplot no longer imports matplotlib.backends; 3.3.1 does again.
    from pytest_depfix.crash import attribute, parse_traceback

    universe = {"mplot": [{"version": v, "files": {"mplot/__init__.py": "", "mplot/backends/__init__.py": "def _helper():\n    pass\n",
                                                   "mplot/pyplot.py": src}} for v, src in PYPLOT.items()]}
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("mplot==3.3.0\n", target)
    crash = attribute(parse_traceback(SWITCH_TB)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("mplot", "<=3.2.2"), ("mplot", ">=3.3.1")]
    assert d.verdict == "direct"
