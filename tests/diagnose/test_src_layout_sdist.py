"""An sdist with a src/ layout: one member answers to two paths, read once, the same cold and warm.

django-adminactions 1.8.0 ships only an sdist with ``src/adminactions/``.  Its
member was asked for under both paths in one batch; the cold read filled one
and reported the other "not read (over the cap?)", so the caller search failed
on a cold cache and succeeded on a warm one.
"""
from pytest_depfix.diagnose.probe import ApiProbe, ReleaseTree

UNIVERSE = {"aa": [{"version": "1.8.0", "sdist": True, "wheel": False,
                    "files": {"src/aa/__init__.py": "", "src/aa/mass.py": "from dj.functional import curry\n"}}]}


def _read_both(index):
    tree = ReleaseTree(ApiProbe(index), "aa", "1.8.0")
    paths = [p for p in tree.paths() if p.endswith("mass.py")]
    tree.prefetch(paths)
    return paths, [tree.read(p) for p in paths], tree.bytes_read


def test_both_paths_of_one_member_are_filled_by_one_cold_read_and_count_as_a_warm_read_does(index_for):
    index, _ = index_for(UNIVERSE, python="3.7")
    paths, texts, cold = _read_both(index)
    assert sorted(paths) == ["aa/mass.py", "src/aa/mass.py"]
    assert texts == ["from dj.functional import curry\n"] * 2
    _, _, warm = _read_both(index)
    assert warm == cold
