"""bisect: the package and the first release that breaks the tests, by binary search."""

from __future__ import annotations

import shutil

import pytest

from pytest_depfix.index import PackageIndex
from pytest_depfix.target import Target
from pytest_depfix.verify import bisect
from pytest_depfix.verify_bisect import PASS, _search, format_steps

INSTALLER = "uv" if shutil.which("uv") else "pip"


@pytest.fixture
def index(mylib_index, tmp_path):
    with PackageIndex.from_config(Target.current(), index_url=mylib_index.file_url, use_pip_config=False,
                                  cache_dir=str(tmp_path / "index-cache")) as idx:
        yield idx


def test_bisect_finds_the_first_bad_release_among_five(make_builder, project, index):
    builder = make_builder(INSTALLER, via="index-url")
    result = bisect({"mylib": "1.0", "other": "1.0"}, {"mylib": "2.0", "other": "2.0"}, ["-q", "tests"],
                    project_root=project, builder=builder, index=index)
    assert result.found, result.reason
    assert (result.package, result.first_bad, result.last_good) == ("mylib", "1.3", "1.2")
    assert set(result.differing) == {"mylib", "other"}
    changes = [s.change for s in result.steps]
    assert changes[:2] == ["good set", "bad set"]
    assert [s.outcome for s in result.steps[:2]] == ["pass", "fail"]
    # Only mylib's releases are walked; 'other' never needed to move alone.
    tried = [s.pins["mylib"] for s in result.steps[2:]]
    assert set(tried) <= {"1.1", "1.2", "1.3", "2.0"} and "1.3" in tried and "1.2" in tried
    assert len(result.steps) <= 6  # two ends + at most log2 of the packages and of the releases, no repeats
    assert len({tuple(sorted(s.pins.items())) for s in result.steps}) == len(result.steps)
    assert any("mylib 1.0 -> 1.3: fail" in line for line in format_steps(result))


def test_bisect_downgrade_direction_walks_releases_from_good_to_bad(make_builder, project, index):
    """A good set newer than the bad one: here 'good' is 1.2 and 'bad' 1.0 for a test that wants helper gone."""
    (project / "tests" / "test_it.py").write_text("import mylib\n\ndef test_helper():\n    assert not hasattr(mylib, 'helper')\n")
    builder = make_builder(INSTALLER, via="index-url")
    result = bisect({"mylib": "2.0"}, {"mylib": "1.0"}, ["-q", "tests"], project_root=project, builder=builder, index=index)
    assert result.found, result.reason
    assert (result.first_bad, result.last_good) == ("1.2", "1.3")


def test_bisect_refuses_a_good_set_that_fails(make_builder, project, index):
    builder = make_builder(INSTALLER, via="index-url")
    result = bisect({"mylib": "2.0"}, {"mylib": "1.3"}, ["-q", "tests"], project_root=project, builder=builder, index=index)
    assert not result.found and "good set does not pass" in result.reason
    assert len(result.steps) == 1


def test_bisect_with_identical_sets_says_there_is_nothing_to_do(make_builder, project, index):
    result = bisect({"mylib": "1.0"}, {"MyLib": "1.0"}, ["tests"], project_root=project, builder=make_builder(), index=index)
    assert not result.found and "nothing to bisect" in result.reason and result.steps == []


def test_search_skips_steps_that_cannot_be_built():
    outcomes = {1: PASS, 2: "error", 3: "fail"}  # position 2 cannot be installed
    seen = []

    def probe(i):
        seen.append(i)
        return outcomes.get(i, "fail")

    assert _search(4, probe) == (1, 3)
    assert 2 in seen


def test_search_finds_the_boundary_in_logarithmic_steps():
    calls = []

    def probe(i):
        calls.append(i)
        return PASS if i < 37 else "fail"

    assert _search(100, probe) == (36, 37)
    assert len(calls) <= 7
