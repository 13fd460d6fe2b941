"""Review of session 24's readings: inputs where the new code gives a wrong or harmful answer.

Each test fails on the engine as session 24 left it; the comment above it says why.
"""
from packaging.specifiers import SpecifierSet

from pytest_depfix.diagnose import diagnose, load_knowledge, raised
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_paste, simple_parse


def _culprits(d):
    return [(c.name, c.constraint) for c in d.culprits]


def _diagnose_message(index, target, reqs, text, keep=()):
    pins = parse_requirements_text(reqs, target)
    return diagnose(simple_parse(text, pins), pins, target, index, load_knowledge(bundled=False), keep=list(keep),
                    probe=ApiProbe(index))


# --------------------------------------------------------------------------
# 1. Cython's older wording puts the sizes the other way round
# --------------------------------------------------------------------------
# Cython < 0.28 formats "%s.%s has the wrong size, try recompiling. Expected %zd, got %zd" with
# (tp_basicsize, size): "Expected" is the RUNTIME type's size and "got" the size the extension
# was compiled with -- the reverse of the newer "Expected N from C header, got M from PyObject".
# LightPipes' install notes quote "numpy.dtype has the wrong size, try recompiling. Expected 88,
# got 96" under numpy 1.8.0rc1 and say: numpy is too old, update it.  families._classify_one reads
# both wordings with one rule (``"base-too-old" if expected > got``), so the old wording's
# direction comes out inverted: numpy is sent back below the pin ("<1.8", "built against an
# older numpyy") instead of forward.
LIGHTPIPES = """>>> import lightpipesy
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "/usr/lib/python3.6/site-packages/lightpipesy/__init__.py", line 1, in <module>
    from ._lightpipes import *  # noqa
  File "__init__.pxd", line 155, in init lightpipesy._lightpipes (lightpipesy/_lightpipes.cpp:10911)
ValueError: numpyy.dtype has the wrong size, try recompiling. Expected 88, got 96
"""


def test_cythons_older_wording_with_a_smaller_runtime_type_moves_the_base_forward(index_for):
    def numpy(v, when):
        return {"version": v, "upload_time": when, "files": {"numpyy/__init__.py": "", "numpyy/core.so": ""}}

    universe = {"numpyy": [numpy("1.8.0", "2013-10-30T00:00:00Z"), numpy("1.9.0", "2014-09-07T00:00:00Z"),
                           numpy("1.13.0", "2017-06-07T00:00:00Z")],
                "lightpipesy": [{"version": "1.1.0", "upload_time": "2017-08-01T00:00:00Z", "requires_dist": ["numpyy"],
                                 "files": {"lightpipesy/__init__.py": "from ._lightpipes import *\n",
                                           "lightpipesy/_lightpipes.so": ""}}]}
    index, target = index_for(universe, python="3.6")
    d = diagnose_paste(index, target, "lightpipesy==1.1.0\nnumpyy==1.8.0\n", LIGHTPIPES)
    numpy_moves = [SpecifierSet(c.constraint) for c in d.culprits if c.name == "numpyy"]
    # the runtime dtype (88) is smaller than the one compiled against (96): numpy is too old
    assert not any(not s.contains("1.9.0") and not s.contains("1.13.0") for s in numpy_moves), _culprits(d)
    assert any(s.contains("1.9.0") for s in numpy_moves), _culprits(d)


# --------------------------------------------------------------------------
# 2. The asker's way back pre-empts the base that dropped the method
# --------------------------------------------------------------------------
# _super_callers reads a frameless "'super' object has no attribute X" before the later readings;
# when its one caller has no later release that stops, _protocol_adopter now falls back to
# _asker_before_protocol, which sends the CALLER back to a release that makes no super().X call.
# That pre-empts _super_method_dropped (session 22, nglview 3.0.3 under ipywidgets 8): the caller is
# a subclass whose base (another pin) dropped X, not a mixin asking a protocol.  With one older
# caller release that predates the subclass, viewy goes back (and the summary says "no pin of the
# set defines" the method, while widgety 7.7.2 does) instead of widgety <=7.7.2 as before.
SUPER_PASTE = "AttributeError: 'super' object has no attribute '_ipython_display_'\n"
WIDGET_OLD = "class Widget:\n    def _ipython_display_(self, **kwargs):\n        return None\n"
WIDGET_NEW = "class Widget:\n    def _repr_mimebundle_(self, **kwargs):\n        return None\n"
VIEW = ("from widgety import Widget\n\n\nclass View(Widget):\n    def _ipython_display_(self, **kwargs):\n"
        "        super()._ipython_display_(**kwargs)\n")
VIEW_EARLY = "from widgety import Widget\n\n\nclass View(Widget):\n    pass\n"


def test_a_subclass_calling_super_for_a_dropped_method_does_not_go_back_before_the_call(index_for):
    universe = {"widgety": [{"version": v, "files": {"widgety/__init__.py": text}} for v, text in
                            (("7.7.1", WIDGET_OLD), ("7.7.2", WIDGET_OLD), ("8.0.0", WIDGET_NEW), ("8.0.1", WIDGET_NEW))],
                "viewy": [{"version": v, "requires_dist": ["widgety>=7"], "files": {"viewy/__init__.py": text}}
                          for v, text in (("2.9.0", VIEW_EARLY), ("3.0.3", VIEW))]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "widgety==8.0.1\nviewy==3.0.3\n", SUPER_PASTE)
    assert _culprits(d) == [("widgety", "<=7.7.2")], d.summary


# --------------------------------------------------------------------------
# 3-5. A release's "own broken build" read where another pin is compiled against it
# --------------------------------------------------------------------------
# _own_build_mismatch's guard "no other pin of the set is compiled against it" is
# users.compiled_dependants, which goes through users.dependants: it skips kept pins and counts a
# requirement only when pip would install it for the target (no extras).  A kept compiled pin that
# declares the base, or a compiled pin that declares it under an extra (the declaration is what says
# its code is built on the base -- the same argument session 24 made for dependants(any_extra=True)
# in _protocol_adopter), is still an extension built against the base.  The reading then claims
# "no other pin of the set is compiled against cymemy: the release's own binaries disagree" and
# offers the post-release as the fix (spaCy's real "cymem.cymem.Pool size changed" is the
# extension's build, not cymem's).
CYMEM = ("ValueError: cymemy.cymem.Pool size changed, may indicate binary incompatibility. "
         "Expected 48 from C header, got 64 from PyObject\n")


def _cymem_universe(requirement="cymemy"):
    def cymem(v):
        return {"version": v, "files": {"cymemy/__init__.py": "", "cymemy/cymem.so": ""}}

    return {"cymemy": [cymem("2.0.4"), cymem("2.0.5"), cymem("2.0.5.post1"), cymem("2.0.6")],
            "spacyy": [{"version": "2.0.0", "requires_dist": [requirement],
                        "files": {"spacyy/__init__.py": "", "spacyy/_vocab.so": ""}}]}


def test_a_kept_compiled_pin_built_on_the_type_is_no_own_build_mismatch(index_for):
    index, target = index_for(_cymem_universe(), python="3.8")
    d = _diagnose_message(index, target, "spacyy==2.0.0\ncymemy==2.0.5\n", CYMEM, keep=("spacyy",))
    assert ("cymemy", "==2.0.5.post1") not in _culprits(d), d.summary
    assert "own binaries" not in d.summary


def test_a_compiled_pin_declaring_the_base_under_an_extra_is_no_own_build_mismatch(index_for):
    index, target = index_for(_cymem_universe('cymemy; extra == "fast"'), python="3.8")
    d = _diagnose_message(index, target, "spacyy==2.0.0\ncymemy==2.0.5\n", CYMEM)
    assert ("cymemy", "==2.0.5.post1") not in _culprits(d), d.summary
    assert "own binaries" not in d.summary


# _own_build_mismatch lists as "earlier" only releases of another version (v.release !=
# pinned.release) and says "releases before X were built separately", but writes the culprit as
# "<{pin.version}": for a pinned post-release (1.3.2.post1) that admits 1.3.2.post0 and 1.3.2,
# the same version's earlier builds -- the resolver picks 1.3.2.post0 first.
GEVENT = "ValueError: geventy._queue.Queue has the wrong size, try recompiling. Expected 80, got 72\n"


def test_the_release_before_a_broken_post_release_is_before_the_whole_version(index_for):
    def gevent(v):
        return {"version": v, "files": {"geventy/__init__.py": "", "geventy/_queue.so": ""}}

    universe = {"geventy": [gevent(v) for v in ("1.3.1", "1.3.2", "1.3.2.post0", "1.3.2.post1", "1.3.3")]}
    index, target = index_for(universe, python="3.6")
    d = _diagnose_message(index, target, "geventy==1.3.2.post1\n", GEVENT)
    back = [SpecifierSet(c.constraint) for c in d.culprits if c.name == "geventy"]
    assert back, d.summary
    assert not any(s.contains("1.3.2.post0") or s.contains("1.3.2") for s in back), _culprits(d)
    assert any(s.contains("1.3.1") for s in back), _culprits(d)


# --------------------------------------------------------------------------
# 6. The abbreviation match makes the "named" batch unbounded
# --------------------------------------------------------------------------
# raised._search reads the modules "named like the message's words" first, as ONE batch with no
# size limit (the other batches are 60 files, MAX_FILES in all).  _names_word now also counts a
# path part that abbreviates a word: "nn" abbreviates "none" (n...n), so a message saying "None"
# puts every module under a big package's nn/ directory in the first batch.  Its prefetch
# passes the read cap, _search returns (None, False) at once, and the shallow module that
# raises the message -- read within the cap by the first ordinary batch before this session --
# is never reached.  (A cap of 200 kB stands in for the real 4 MB over torch-sized releases.)
CHECKPOINT = "Cannot load the checkpoint: its state dict is None"
RAISER = "def load(path):\n    raise ValueError('Cannot load the checkpoint: its state dict is None')\n"
FILLER = "# " + "x" * 3000 + "\n\n\ndef f():\n    return 1\n"


def test_an_abbreviated_directory_read_first_does_not_spend_the_read_cap(index_for):
    files = {"torchy/__init__.py": "", "torchy/serialization.py": RAISER, "torchy/nn/__init__.py": ""}
    files.update({f"torchy/nn/m{i:03d}.py": FILLER for i in range(100)})
    index, target = index_for({"torchy": [{"version": "1.0.0", "files": files}]}, python="3.9")
    probe = ApiProbe(index, use_cache=False, max_bytes=200_000)
    found = raised.raising_module(probe, "torchy", "1.0.0", CHECKPOINT)
    assert found is not None and found.path == "torchy/serialization.py", found


# --------------------------------------------------------------------------
# 7-9. A dependency "moved under the refuser" that the refuser never runs
# --------------------------------------------------------------------------
DB_PASTE = "AssertionError: database connection isn't set to UTC\n"
UTILS = ("def utc_tzinfo_factory(offset):\n    if offset != 0:\n"
         "        raise AssertionError(\"database connection isn't set to UTC\")\n    return None\n")


def _refuser_universe(base, dep):
    def django(v, when):
        files = {"djangoy/__init__.py": "", "djangoy/db/__init__.py": "", "djangoy/db/backends/__init__.py": "",
                 "djangoy/db/backends/pg/__init__.py": "", "djangoy/db/backends/pg/utils.py": UTILS,
                 "djangoy/db/backends/pg/base.py": base}
        return {"version": v, "upload_time": when, "files": files}

    def other(v, when):
        return {"version": v, "upload_time": when, "files": {f"{dep}/__init__.py": ""}}

    return {"djangoy": [django("2.2.23", "2021-05-01T00:00:00Z"), django("2.2.24", "2021-06-02T00:00:00Z")],
            dep: [other("5.0.1", "2020-10-11T00:00:00Z"), other("5.0.2", "2021-02-16T00:00:00Z"),
                  other("5.2.0", "2021-11-28T00:00:00Z")]}


# _imported_by_package collects every import node ast.walk finds, including the body of
# ``if TYPE_CHECKING:``, which never runs (the engine skips it everywhere else: pysource, users).
# A pin imported only for annotations is not "what the package needs to work", yet it becomes the
# refuser's one dependency that opened a later minor series, and moves back.
TYPE_ONLY = ("from typing import TYPE_CHECKING\n\nfrom .utils import utc_tzinfo_factory\n\nif TYPE_CHECKING:\n"
             "    import psycopgy\n\n\nclass DatabaseWrapper:\n    pass\n")


def test_a_pin_imported_only_under_type_checking_is_not_moved_under_the_refuser(index_for):
    index, target = index_for(_refuser_universe(TYPE_ONLY, "psycopgy"), python="3.9")
    d = diagnose_paste(index, target, "djangoy==2.2.24\npsycopgy==5.2.0\n", DB_PASTE)
    assert not any(c.name == "psycopgy" for c in d.culprits), (d.summary, _culprits(d))


# _imported_by_package maps each imported top-level name to a pin with module_owner's name
# guesses and never asks whether the name is the standard library's.  On Python 3.9
# ``import configparser`` is the stdlib module (it precedes site-packages); the configparser
# backport a frozen requirements file pins is never imported, yet it is read as the refuser's
# dependency and moved back ("no other dependency of djangoy did": it is no dependency at all).
STDLIB_ONLY = "import configparser\n\nfrom .utils import utc_tzinfo_factory\n\n\nclass DatabaseWrapper:\n    pass\n"


def test_a_backport_shadowed_by_the_standard_library_is_not_moved_under_the_refuser(index_for):
    index, target = index_for(_refuser_universe(STDLIB_ONLY, "configparser"), python="3.9")
    d = diagnose_paste(index, target, "djangoy==2.2.24\nconfigparser==5.2.0\n", DB_PASTE)
    assert not any(c.name == "configparser" for c in d.culprits), (d.summary, _culprits(d))


# The minor-series fallback (_moved_under_refuser(minor=True)) runs for any refusal every release
# of its pin raises.  A plain usage error -- the project's own frame passes a URL without a scheme
# straight into requests -- is raised by every release too, so the one declared dependency that
# opened a later minor after the refuser's upload (idna 3.4 after requests 2.28.1) is blamed by
# date alone, and the new ``all(c.name != pin.key ...)`` clause turns the verdict from "project"
# into "transitive".  Before this session: unknown, no culprit.
SCHEMA_PASTE = """Traceback (most recent call last):
  File "/home/me/app/fetch.py", line 4, in <module>
    requestsy.get(url)
  File "/venv/lib/python3.9/site-packages/requestsy/api.py", line 2, in get
    return prepare(url)
  File "/venv/lib/python3.9/site-packages/requestsy/models.py", line 6, in prepare
    raise MissingSchema("Invalid URL {0!r}: No schema supplied. Perhaps you meant http://{0}?".format(url))
requestsy.exceptions.MissingSchema: Invalid URL 'example.com/data': No schema supplied. Perhaps you meant http://example.com/data?
"""
MODELS = ("import idnay\n\nfrom .exceptions import MissingSchema\n\n\ndef prepare(url):\n"
          "    raise MissingSchema(\"Invalid URL {0!r}: No schema supplied. Perhaps you meant http://{0}?\".format(url))\n")


def test_a_usage_error_the_project_passed_in_is_not_blamed_on_a_dependencys_minor(index_for):
    def requests(v, when):
        return {"version": v, "upload_time": when, "requires_dist": ["idnay<4,>=2.5"],
                "files": {"requestsy/__init__.py": "from .api import get\n",
                          "requestsy/api.py": "from .models import prepare\n\ndef get(url):\n    return prepare(url)\n",
                          "requestsy/models.py": MODELS,
                          "requestsy/exceptions.py": "class MissingSchema(ValueError):\n    pass\n"}}

    def idna(v, when):
        return {"version": v, "upload_time": when, "files": {"idnay/__init__.py": ""}}

    universe = {"requestsy": [requests("2.27.1", "2022-01-05T00:00:00Z"), requests("2.28.0", "2022-06-09T00:00:00Z"),
                              requests("2.28.1", "2022-06-29T00:00:00Z")],
                "idnay": [idna("3.2", "2021-05-29T00:00:00Z"), idna("3.3", "2021-10-13T00:00:00Z"),
                          idna("3.4", "2022-09-14T00:00:00Z")]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "requestsy==2.28.1\nidnay==3.4\n", SCHEMA_PASTE)
    assert not any(c.name == "idnay" for c in d.culprits), (d.summary, _culprits(d))
