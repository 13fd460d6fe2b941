"""Reviewed (s3): ``_build_mentions`` evaluates ``#if PY_VERSION_HEX`` with the target's *micro* version
(``python_hex(tuple(ctx.target.python))``), but caches the result under ``probe.target_key``, which only
holds major.minor (``cp3.10-<platform>``).  A later analysis for another micro release of the same Python
reuses the first one's answer.  (The probe's own answers key carries the full version for exactly this
reason: "the reader evaluates 'sys.version_info >= (3, 7, 2)' branches with it".)
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

# Code that calls the symbol only on 3.10.0-3.10.2 (a guard on a micro release).
GUARDED = "#if PY_VERSION_HEX < 0x030A0300\n    ret = _PyGen_Send((PyGenObject*)yf, value);\n#endif\n"
CLEAN = "    ret = PyIter_Send(yf, value, &ret);\n"
TB = ("ImportError: /usr/lib/python3.10/site-packages/nclsy/nclsy.cpython-310-x86_64-linux-gnu.so: "
      "undefined symbol: _PyGen_Send\n")
UNIVERSE = {"nclsy": [
    {"version": "0.0.63", "wheel": False, "sdist": True, "files": {"nclsy/__init__.py": "", "nclsy/nclsy.c": GUARDED}},
    {"version": "0.0.64", "wheel": False, "sdist": True, "files": {"nclsy/__init__.py": "", "nclsy/nclsy.c": CLEAN}},
]}


def _culprits(index_for, python):
    index, target = index_for(UNIVERSE, python=python)
    pins = parse_requirements_text("nclsy==0.0.63\n", target)
    d = diagnose(simple_parse(TB, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    return [(c.name, c.constraint) for c in d.culprits]


def test_fresh_cache_reads_the_guard_for_each_micro_release(index_for):
    assert _culprits(index_for, "3.10.5") == []  # 3.10.5 never compiles the call


def test_a_micro_release_does_not_reuse_another_micro_releases_cached_reading(index_for):
    assert _culprits(index_for, "3.10.1") == [("nclsy", ">=0.0.64")]  # 3.10.1 compiles it
    # Same cache folder (index_for keeps one per test): 3.10.5 must still read its own answer.
    assert _culprits(index_for, "3.10.5") == []
