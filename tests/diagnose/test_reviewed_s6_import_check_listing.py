"""Review (session 6): the import check lists the files of every pin in the set, however large.

``contracts.broken_imports`` builds ``top_owner`` by calling ``_tops`` (``ReleaseTree.paths()``, one
``list_members`` range read of the wheel's central directory) for *every* pin of the answer before it
knows which modules the changed pins import.  ``engine.analyze`` runs it after each resolution that
changes anything, including in the pytest plugin's failure path, where the pin set is the whole
installed environment (often 150-300 distributions): one failing test then costs hundreds of cold
network reads that have nothing to do with the change.  Elsewhere the engine bounds the same question
("who ships module M") at ``verdict.MAX_LISTED_PINS`` pins; here nothing bounds it, and only the owners
of modules the importers actually import need to be found.
"""
from __future__ import annotations

from pytest_depfix.diagnose.contracts import broken_imports
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.verdict import MAX_LISTED_PINS

FILLERS = 60
UNIVERSE = {
    "libx": [{"version": v, "files": {"libx/__init__.py": "from os import path\n\nX = path.sep\n"}} for v in ("1.0", "2.0")],
    **{f"filler{i}": [{"version": "1.0", "files": {f"filler{i}/__init__.py": "X = 1\n"}}] for i in range(FILLERS)},
}


def test_the_import_check_does_not_list_every_unrelated_pin(index_for):
    index, _ = index_for(UNIVERSE, python="3.9")
    listed = []
    real = index.list_members

    def spy(dist, version, *a, **k):
        listed.append(dist)
        return real(dist, version, *a, **k)

    index.list_members = spy
    chosen = {"libx": "2.0", **{f"filler{i}": "1.0" for i in range(FILLERS)}}
    before = dict(chosen, libx="1.0")
    assert broken_imports(ApiProbe(index), index, chosen, before, {k: k for k in chosen}) == []
    # libx imports only the standard library: no other pin's file list is needed to know that.
    assert len(set(listed)) <= MAX_LISTED_PINS, f"{len(set(listed))} pins listed for one changed pin"
