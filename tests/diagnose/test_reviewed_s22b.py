"""Review of session 22's later readings (commits after 0798f50): inputs where a new reading gives a wrong answer.

Each test builds small real wheels on a local index and states the input and the correct behaviour.
"""
import time

from pytest_depfix.diagnose import load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from tests.support.diagnose_crashes import diagnose_paste


def _pairs(d):
    return [(c.name, c.constraint) for c in d.culprits]


def _why(d):
    return f"{d.summary} | {[(c.name, c.constraint, c.evidence[:1]) for c in d.culprits]}"


# --------------------------------------------------------------------------------------------------
# _stopped_shipping
# --------------------------------------------------------------------------------------------------

def test_stopped_shipping_ignores_the_projects_own_tests_package(index_for):
    """The project's own ``from tests import helpers`` fails with "No module named 'tests'" (run from the wrong
    directory).  sloppy 1.0's wheel happened to ship a top-level ``tests`` package; 1.1 (pinned) stopped.

    The project's own import is no pin's doing (as _dropped_dependency says), and a ``tests`` package a wheel
    shipped by mistake is never what an import means (the sdist reading already ignores ``tests``): nothing
    should move sloppy back to the release that polluted site-packages.
    """
    paste = ("Traceback (most recent call last):\n"
             '  File "/home/me/app/run.py", line 1, in <module>\n'
             "    from tests import helpers\n"
             "ModuleNotFoundError: No module named 'tests'\n")
    universe = {"sloppy": [{"version": "1.0", "files": {"sloppy/__init__.py": "", "tests/__init__.py": "",
                                                        "tests/helpers.py": ""}},
                           {"version": "1.1", "files": {"sloppy/__init__.py": ""}}],
                "other": [{"version": "2.0", "files": {"other/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "sloppy==1.1\nother==2.0\n", paste)
    assert not any(c.name == "sloppy" for c in d.culprits), _why(d)


def test_stopped_shipping_leaves_a_module_the_pin_now_declares_as_its_own_distribution(index_for):
    """foo 2.0 moved its top-level ``foo_compat`` module out into the ``foo-compat`` distribution, which it now
    declares (Requires-Dist: foo-compat); the frozen set lists foo==2.0 but not foo-compat, and barlib's
    ``import foo_compat`` fails with "No module named 'foo_compat'".

    A pin asks for the distribution named after the module, so the set is only missing it (the guard
    _dropped_dependency has: "a pin asks for it: the set is only missing it"): nothing should send foo back to
    1.0; the answer is to add foo-compat.
    """
    paste = ("Traceback (most recent call last):\n"
             '  File "/usr/lib/python3.11/site-packages/barlib/config.py", line 1, in <module>\n'
             "    import foo_compat\n"
             "ModuleNotFoundError: No module named 'foo_compat'\n")
    universe = {"foo": [{"version": "1.0", "files": {"foo/__init__.py": "", "foo_compat/__init__.py": ""}},
                        {"version": "2.0", "requires_dist": ["foo-compat"], "files": {"foo/__init__.py": ""}}],
                "foo-compat": [{"version": "1.0", "files": {"foo_compat/__init__.py": ""}}],
                "barlib": [{"version": "0.12.1", "requires_dist": ["foo"],
                            "files": {"barlib/__init__.py": "", "barlib/config.py": "import foo_compat\n"}}]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "barlib==0.12.1\nfoo==2.0\n", paste)
    assert not any(c.name == "foo" and c.constraint.startswith("<") for c in d.culprits), _why(d)


def test_stopped_shipping_a_package_that_became_a_namespace_is_still_installed(index_for):
    """nsutil 1.0 (pinned) ships ``acme/util/__init__.py`` with no ``acme/__init__.py`` (a PEP 420 namespace);
    0.9 shipped ``acme/__init__.py``.  "No module named 'acme'" from a pin's ``import acme``.

    Under nsutil 1.0 ``import acme`` works (a namespace package imports), so nsutil did not stop installing
    ``acme`` and going back to 0.9 is no fix: the environment lacks nsutil.  Nothing should move nsutil back.
    """
    paste = ("Traceback (most recent call last):\n"
             '  File "/usr/lib/python3.11/site-packages/userlib/core.py", line 1, in <module>\n'
             "    import acme\n"
             "ModuleNotFoundError: No module named 'acme'\n")
    universe = {"nsutil": [{"version": "0.9", "files": {"acme/__init__.py": "", "acme/util/__init__.py": ""}},
                           {"version": "1.0", "files": {"acme/util/__init__.py": ""}}],
                "userlib": [{"version": "3.0", "requires_dist": ["nsutil"],
                             "files": {"userlib/__init__.py": "", "userlib/core.py": "import acme\n"}}]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "userlib==3.0\nnsutil==1.0\n", paste)
    assert not any(c.name == "nsutil" and c.constraint.startswith("<") for c in d.culprits), _why(d)


def test_stopped_shipping_a_standard_library_module_is_no_pins(index_for):
    """"No module named 'sqlite3'" on Python 3.11 (an interpreter built without SQLite).  dbshim 1.0 once shipped a
    top-level ``sqlite3`` shim; 1.1 (pinned) does not.

    sqlite3 is a standard-library module of the target: its absence is the interpreter's, never a pin's
    (_dropped_dependency and _declared_later both skip standard-library modules).  Nothing should move dbshim.
    """
    paste = ("Traceback (most recent call last):\n"
             '  File "/usr/lib/python3.11/site-packages/ormy/db.py", line 1, in <module>\n'
             "    import sqlite3\n"
             "ModuleNotFoundError: No module named 'sqlite3'\n")
    universe = {"dbshim": [{"version": "1.0", "files": {"dbshim/__init__.py": "", "sqlite3/__init__.py": ""}},
                           {"version": "1.1", "files": {"dbshim/__init__.py": ""}}],
                "ormy": [{"version": "2.0", "files": {"ormy/__init__.py": "", "ormy/db.py": "import sqlite3\n"}}]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "ormy==2.0\ndbshim==1.1\n", paste)
    assert not any(c.name == "dbshim" for c in d.culprits), _why(d)


_SETUP = ("from setuptools import setup, find_packages\nimport versioneer\n\n"
          "setup(name='mathkit', version=versioneer.get_version(), packages=find_packages())\n")


def test_stopped_shipping_a_build_helper_at_an_sdists_root_was_never_installed(index_for):
    """"No module named 'versioneer'" (message only).  mathkit 1.0 shipped only an sdist whose root holds
    ``versioneer.py`` next to ``setup.py`` (a build helper, as ``ez_setup.py`` was: setup.py imports it and calls
    ``setup(packages=find_packages())``, no ``py_modules``; its egg-info's top_level.txt lists only ``mathkit``);
    mathkit 1.1 (pinned) is a wheel.

    A build helper at an sdist's root is read by the build and never installed, so mathkit never installed a
    top-level ``versioneer``: nothing should send mathkit back to 1.0.
    """
    universe = {"mathkit": [{"version": "1.0", "wheel": False, "sdist": True,
                             "files": {"mathkit/__init__.py": "", "versioneer.py": "def get_version():\n    return '1.0'\n",
                                       "mathkit.egg-info/top_level.txt": "mathkit\n",
                                       "setup.py": _SETUP}},
                            {"version": "1.1", "files": {"mathkit/__init__.py": ""}}],
                "other": [{"version": "2.0", "files": {"other/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "mathkit==1.1\nother==2.0\n", "ModuleNotFoundError: No module named 'versioneer'\n")
    assert not any(c.name == "mathkit" for c in d.culprits), _why(d)


def test_stopped_shipping_reads_no_more_file_lists_than_the_cap_on_a_large_set(index_for, monkeypatch):
    """A 40-pin set, message-only "No module named 'ghostmod'" (no pin ever shipped it).

    Finding who ships a module reads at most MAX_LISTED_PINS (32) pins' file lists (_owner_by_files); the new
    _stopped_shipping first lists EVERY pin's pinned release (its "no pin installs it now" check is uncapped) and
    then the release before each of 32 movable pins.  The releases listed should stay within two passes of the
    cap (2 x 32), not grow with the set.
    """
    from pytest_depfix.diagnose import probe as probe_mod
    from pytest_depfix.diagnose.verdict import MAX_LISTED_PINS

    listed = set()
    orig = probe_mod.ApiProbe._members

    def counting(self, dist, version):
        listed.add((dist, version))
        return orig(self, dist, version)

    monkeypatch.setattr(probe_mod.ApiProbe, "_members", counting)
    names = [f"pkg{i:02d}" for i in range(40)]
    universe = {n: [{"version": v, "files": {f"{n}/__init__.py": ""}} for v in ("1.0", "1.1")] for n in names}
    index, target = index_for(universe, python="3.11")
    reqs = "".join(f"{n}==1.1\n" for n in names)
    diagnose_paste(index, target, reqs, "ModuleNotFoundError: No module named 'ghostmod'\n")
    assert len(listed) <= 2 * MAX_LISTED_PINS, len(listed)


# --------------------------------------------------------------------------------------------------
# _export_needs_version
# --------------------------------------------------------------------------------------------------

_HUB_PASTE = """Traceback (most recent call last):
  File "train.py", line 3, in <module>
    layer = hub.KerasLayer(url)
AttributeError: module 'hubby' has no attribute 'KerasLayer'
"""


def _hub_universe(init):
    return {"tensy": [{"version": v, "files": {"tensy/__init__.py": f"__version__ = '{v}'\n"}}
                      for v in ("1.13.1", "1.14.0", "1.15.0")],
            "hubby": [{"version": v, "requires_dist": ["tensy"], "files": {
                "hubby/__init__.py": init, "hubby/keras_layer.py": "class KerasLayer:\n    pass\n"}} for v in ("0.6.0", "0.7.0")]}


def test_export_needs_version_reads_a_negated_test_the_right_way_round(index_for):
    """hubby's ``__init__`` binds KerasLayer only when tensy is OLDER than 1.14 (``if not tf.__version__ >= "1.14.0"``).

    The reading walks the test for a ``>=`` compare and ignores the ``not`` around it, so it answers tensy>=1.14.0 --
    the very releases under which the name is never bound.  No tensy floor should be given.
    """
    init = 'import tensy as tf\n\nif not tf.__version__ >= "1.14.0":\n    from hubby.keras_layer import KerasLayer\n'
    index, target = index_for(_hub_universe(init), python="3.7")
    d = diagnose_paste(index, target, "hubby==0.7.0\ntensy==1.13.1\n", _HUB_PASTE)
    assert ("tensy", ">=1.14.0") not in _pairs(d), _why(d)


def test_export_needs_version_an_import_inside_a_function_binds_nothing_in_the_module(index_for):
    """hubby's ``__init__`` has ``if tf.__version__ >= "1.14.0":`` around a ``def keras_layer():`` whose body does
    ``from hubby.keras_layer import KerasLayer`` -- a local name of the function, never the module's attribute.

    No tensy release makes ``hubby.KerasLayer`` exist (1.14 and 1.15 define only the function), so tensy's
    version cannot explain the AttributeError: no tensy>=1.14.0 floor should be given.
    """
    init = ('import tensy as tf\n\nif tf.__version__ >= "1.14.0":\n    def keras_layer():\n'
            '        from hubby.keras_layer import KerasLayer\n        return KerasLayer\n')
    index, target = index_for(_hub_universe(init), python="3.7")
    d = diagnose_paste(index, target, "hubby==0.7.0\ntensy==1.13.1\n", _HUB_PASTE)
    assert ("tensy", ">=1.14.0") not in _pairs(d), _why(d)


# --------------------------------------------------------------------------------------------------
# _shape_changed_under
# --------------------------------------------------------------------------------------------------

def test_shape_refusal_on_the_projects_own_argument_blames_no_unrelated_dependency(index_for):
    """The project calls ``parsy.parse(payload)`` with a JSON string instead of a dict; parsy/core.py's
    ``data["key"]`` fails: "TypeError: string indices must be integers".  parsy 1.0 (2020) declares one dependency,
    colory (a terminal-colour library its failing module never imports), pinned at 2.0 whose series began in 2021.

    The value came from the project's own call (the project frame hands it over directly) and the failing module
    never touches colory: colory's upload date is no evidence, and nothing should move colory.
    """
    paste = ("Traceback (most recent call last):\n"
             '  File "/home/me/app/main.py", line 4, in <module>\n'
             "    parsy.parse(payload)\n"
             '  File "/usr/lib/python3.11/site-packages/parsy/core.py", line 2, in parse\n'
             '    return data["key"]\n'
             "TypeError: string indices must be integers\n")
    universe = {"parsy": [{"version": "1.0", "requires_dist": ["colory"], "upload_time": "2020-01-01T00:00:00Z",
                           "files": {"parsy/__init__.py": "from .core import parse\n",
                                     "parsy/core.py": 'def parse(data):\n    return data["key"]\n',
                                     "parsy/cli.py": "import colory\n"}}],
                "colory": [{"version": "1.0", "upload_time": "2019-01-01T00:00:00Z", "files": {"colory/__init__.py": ""}},
                           {"version": "2.0", "upload_time": "2021-01-01T00:00:00Z", "files": {"colory/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "parsy==1.0\ncolory==2.0\n", paste)
    assert not any(c.name == "colory" for c in d.culprits), _why(d)


# --------------------------------------------------------------------------------------------------
# _declared_later
# --------------------------------------------------------------------------------------------------

def test_declared_later_skips_a_pin_whose_import_is_guarded(index_for):
    """Message-only paste "ModuleNotFoundError: No module named 'psslib'".  codeed 7.4.0 imports psslib only
    inside ``try: ... except ImportError: psslib = None`` (an optional feature); 7.4.1 declares pss.

    A guarded import cannot raise ModuleNotFoundError, so codeed is not what failed: nothing should move codeed.
    """
    guarded = "try:\n    import psslib\nexcept ImportError:\n    psslib = None\n"
    universe = {"airflowy": [{"version": "2.7.0", "files": {"airflowy/__init__.py": ""}}],
                "pss": [{"version": "1.44", "files": {"psslib/__init__.py": ""}}],
                "codeed": [{"version": v, "requires_dist": deps, "files": {"codeed/__init__.py": "", "codeed/plugin.py": guarded}}
                           for v, deps in (("7.4.0", []), ("7.4.1", ["pss>=1.44"]))]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "airflowy==2.7.0\ncodeed==7.4.0\n", "ModuleNotFoundError: No module named 'psslib'\n")
    assert not any(c.name == "codeed" for c in d.culprits), _why(d)


# --------------------------------------------------------------------------------------------------
# message_only: "] " added to _AFTER_COLON
# --------------------------------------------------------------------------------------------------

def test_a_bracket_lead_in_stays_cheap_on_a_long_line():
    """A 100 kB message-only paste that is one line of ``"] "`` runs (a log of bracketed fields, no exception).

    With ``\\]\\s+`` in _AFTER_COLON, _identify tries each of the ten CPython wordings at every one of the 50,000
    separators (~0.2 s here, against ~0.07 s for the same text with ``]_``).  Reading a 100 kB paste should take
    under 100 ms.
    """
    kb = load_knowledge(bundled=False)
    text = "] " * 50000
    best = min(_timed(infer_message, text, kb) for _ in range(3))
    assert best < 0.1, best


def _timed(fn, *args):
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start
