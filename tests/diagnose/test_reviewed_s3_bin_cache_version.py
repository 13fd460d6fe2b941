"""Reviewed (s3): the "bin" cache entries behind probe answers are not keyed by the reader's version.

``READER_VERSION`` exists so that "a changed reader never reuses stale answers" (probe._reader_version).
``ReleaseTree.compiled_lacks`` (probe.py) and ``_build_mentions`` (verdict.py, which also depends on
cguard.py, a file the reader version does not even hash) store their verdicts under keys without it, and
keep them forever: after an upgrade that changes how a binary is read (say, another compressed string
table format is recognised), the recomputed answers still read the old "lacks" verdict from disk.
"""
from pytest_depfix.diagnose import probe as probe_mod
from pytest_depfix.diagnose.probe import ApiProbe, Question
from tests.diagnose.test_linkcheck import _universe


def test_compiled_lacks_cache_keys_follow_the_reader_version(index_for):
    index, target = index_for(_universe(b"\x7fELF get_blas_impl PyInit__ext"), python="3.11")
    probe = ApiProbe(index)
    keys = []
    real_put = probe._store.put

    def put(section, key, value):
        keys.append((section, key))
        return real_put(section, key, value)

    probe._store.put = put
    assert probe.ask("scy", "1.13.0", Question.parse("scy.linalg:triu")).value == "no"
    bin_keys = [k for s, k in keys if s == "bin"]
    assert bin_keys, keys
    assert all(probe_mod.READER_VERSION in k for k in bin_keys), bin_keys
