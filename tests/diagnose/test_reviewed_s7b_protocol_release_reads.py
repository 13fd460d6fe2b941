"""Reviewed (s7b): ``_super_protocol`` (verdict.py, 6b7c605) reads a dozen whole releases of pins that only name the mixin.

Any other pin whose release *mentions* ``ClassifierMixin`` (``\\bClassifierMixin\\b`` anywhere:
an import for an ``isinstance`` check, a docstring) and defines no ``__sklearn_tags__`` is
searched forward with ``users.first_where`` whose predicate is ``_release_mentions`` -- a
scan of every shipped module of the release, up to the 4 MB read cap each.  For a pin
that never defines the method that is the pinned release twice, the next ten releases,
then the newest: 12 whole releases, for each of up to six such pins (~70 releases,
hundreds of MB on real packages), to learn nothing -- such a pin does not subclass the
mixin at all.  Only pins with a class that subclasses the mixin should be searched, and
the later search can ask the newest release first (one read answers "never") or read
only the modules that held the subclass.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe, ReleaseTree
from pytest_depfix.requirements import parse_requirements_text
from tests.diagnose.test_s7_super_protocol import PASTE, UNIVERSE
from tests.support.diagnose_crashes import simple_parse

HELPER = ("from skl.base import ClassifierMixin\n\n\n"
          "def is_classifier(est):\n    return isinstance(est, ClassifierMixin)\n")


def test_a_pin_that_only_names_the_mixin_is_not_read_release_after_release(index_for, monkeypatch):
    universe = dict(UNIVERSE)
    universe["hlp"] = [{"version": f"1.{i}.0", "upload_time": f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}T00:00:00Z",
                        "files": {"hlp/__init__.py": "", "hlp/util.py": HELPER}} for i in range(40)]
    index, target = index_for(universe, python="3.10")
    read = set()
    real_prefetch = ReleaseTree.prefetch

    def prefetch(self, paths):
        paths = list(paths)
        if self.dist == "hlp" and paths:
            read.add(self.version)
        return real_prefetch(self, paths)

    monkeypatch.setattr(ReleaseTree, "prefetch", prefetch)
    pins = parse_requirements_text("hlp==1.0.0\nxgb==2.1.3\nskl==1.6.1\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("xgb", ">=2.1.4") in {(c.name, c.constraint) for c in d.culprits}  # the answer itself is right
    assert len(read) <= 2, f"{len(read)} whole releases of hlp read: {sorted(read)}"
