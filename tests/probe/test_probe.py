"""The probe over a real local index: fixture wheels whose interface changes across releases.

Every test reads real wheels (built by tests/support/wheels.py) through the
real PackageIndex, over file:// or the local HTTP server, and checks both the
range found and how many releases were read to find it (bisection, not scan).
"""

from __future__ import annotations

import json

import pytest

from pytest_depfix.diagnose.probe import ApiProbe, Question
from pytest_depfix.index import PackageIndex
from pytest_depfix.target import Target
from tests.probe.universe import VERSIONS, shapes_universe
from tests.support.wheels import LocalIndex, build_sdist

TARGET = Target.from_spec("3.11", "linux")


def _index(url, cache):
    return PackageIndex.from_config(TARGET, index_url=url, use_pip_config=False, cache_dir=str(cache))


@pytest.fixture
def shapes(make_local_index):
    return make_local_index(shapes_universe())


@pytest.fixture
def probe(shapes, tmp_path):
    return ApiProbe(_index(shapes.file_url, tmp_path / "cache"))


@pytest.mark.parametrize(
    "question, present, first_with, last_with, gone_in, reads",
    [
        # one edge: ends + a binary search over the six releases between them
        ("shapes.legacy", "<1.4", "1.0", "1.3", "1.4", 5),
        ("shapes:Square", "<1.5", "1.0", "1.4", "1.5", 5),
        ("shapes:area(units)", "<1.5", "1.0", "1.4", "1.5", 5),
        ("shapes:render(antialias)", "<1.7", "1.0", "1.6", "1.7", 5),
        ("shapes:Canvas.draw", ">=1.3", "1.3", "1.7", None, 5),
        # appears and disappears inside: ends, a middle probe, two binary searches
        ("shapes:circle", ">=1.2,<1.6", "1.2", "1.5", "1.6", 7),
        # always there: the two ends settle it
        ("shapes:fast", "", "1.0", "1.7", None, 2),
        ("shapes:PI", "", "1.0", "1.7", None, 2),
        ("shapes._speed", "", "1.0", "1.7", None, 2),
    ],
)
def test_find_range_locates_where_a_name_appears_and_disappears(probe, question, present, first_with, last_with, gone_in, reads):
    ra = probe.find_range("shapes", Question.parse(question))
    assert (ra.present, ra.first_with, ra.last_with, ra.first_without_after) == (present, first_with, last_with, gone_in)
    assert ra.releases_read == reads
    assert ra.versions_considered == len(VERSIONS)


def test_bisection_reads_a_logarithmic_number_of_releases(make_local_index, tmp_path):
    versions = [f"1.{i}" for i in range(33)]
    local = make_local_index(shapes_universe(versions=versions))  # legacy.py exists up to 1.3
    probe = ApiProbe(_index(local.file_url, tmp_path / "cache"))
    ra = probe.find_range("shapes", Question.parse("shapes.legacy"))
    assert ra.present == "<1.4" and ra.first_without_after == "1.4"
    assert ra.releases_read <= 2 + 5  # two ends + ceil(log2(31))
    assert ra.answers["1.3"] == "yes" and ra.answers["1.4"] == "no"


def test_removed_name_is_no_with_the_getattr_table_as_evidence(probe):
    a = probe.ask("shapes", "1.6", Question.parse("shapes:Square"))
    assert a.value == "no"
    assert "shapes/__init__.py" in a.evidence and "__former_attrs__" in a.evidence


def test_keyword_forwarded_through_kwargs_follows_the_callee(probe):
    yes = probe.ask("shapes", "1.6", Question.parse("shapes:render(antialias)"))
    no = probe.ask("shapes", "1.7", Question.parse("shapes:render(antialias)"))
    assert yes.value == "yes" and "shapes/core.py" in yes.evidence
    assert no.value == "no" and "Renderer" in no.evidence


def test_a_definition_on_both_paths_of_a_try_is_a_certain_yes(probe):
    # 'try: from ._speed import fast / except ImportError: def fast(x)': whichever path runs, fast is there.
    a = probe.ask("shapes", "1.0", Question.parse("shapes:fast"))
    assert a.value == "yes" and not a.conditional


def test_compiled_module_names_are_read_from_the_strings_its_bytes_spell(probe):
    assert probe.ask("shapes", "1.0", Question.parse("shapes._speed")).value == "yes"
    # cx_Oracle 7.3's binary never spells DB_TYPE_NVARCHAR, 8.0's does: a C extension names what it defines.
    a = probe.ask("shapes", "1.0", Question.parse("shapes._speed:anything"))
    assert a.value == "no" and ".so" in a.evidence
    spelled = probe.ask("shapes", "1.0", Question.parse("shapes._speed:fast"))
    assert spelled.value == "yes" and spelled.conditional
    assert probe.module_of("shapes", "1.0", "shapes._speed")["kind"] == "compiled"
    assert probe.module_of("shapes", "1.0", "shapes.core")["source"] == "shapes/core.py"


def test_unknown_everywhere_gives_no_range(probe):
    ra = probe.find_range("shapes", Question.parse("shapes._speed:anything"))
    assert ra.first_with is None and ra.present == "<0"


def test_answers_are_cached_on_disk_across_processes(shapes, tmp_path):
    cache = tmp_path / "cache"
    cold = ApiProbe(_index(shapes.file_url, cache))
    first = cold.find_range("shapes", Question.parse("shapes:circle"))
    assert first.bytes_fetched > 0
    warm_index = _index(shapes.file_url, cache)
    warm = ApiProbe(warm_index)
    before = warm_index.stats
    again = warm.find_range("shapes", Question.parse("shapes:circle"))
    assert again.present == first.present and again.answers == first.answers
    a = warm.ask("shapes", "1.3", Question.parse("shapes:circle"))
    assert a.from_cache
    # no archive bytes read the second time: members and answers came from <cache>/api
    assert warm_index.stats.get("local_bytes", 0) - before.get("local_bytes", 0) < 2000
    files = list((cache / "api").rglob("*.json"))
    assert files and all(json.loads(f.read_text())["key"] for f in files)


def test_byte_cap_makes_the_answer_unknown(shapes, tmp_path):
    probe = ApiProbe(_index(shapes.file_url, tmp_path / "cache"), max_bytes=50)
    a = probe.ask("shapes", "1.2", Question.parse("shapes:circle"))
    assert a.value == "unknown" and "cap" in a.evidence


def test_http_index_reads_only_the_needed_members(make_local_index, serve_index, tmp_path):
    local = make_local_index(shapes_universe(padding=400_000))
    srv = serve_index(local)
    index = _index(srv.url, tmp_path / "cache")
    probe = ApiProbe(index)
    ra = probe.find_range("shapes", Question.parse("shapes:Square"))
    assert ra.present == "<1.5" and ra.releases_read == 5
    wheel_bytes = sum(f.stat().st_size for f in (local.root / "files").glob("*.whl"))
    read_wheels = sum(f.stat().st_size for f in (local.root / "files").glob("*.whl") if f.name.split("-")[1] in ra.answers)
    assert 0 < ra.bytes_fetched < read_wheels / 4, (ra.bytes_fetched, read_wheels, wheel_bytes)
    assert any("bytes=" in r for r in srv.requests)


def test_sdist_only_release_is_read_from_the_sdist(tmp_path):
    local = LocalIndex(tmp_path / "idx")
    for v, extra in (("0.9", "def unpackb(packed, encoding=None):\n    pass\n"), ("1.0", "def unpackb(packed, raw=False):\n    pass\n")):
        p = build_sdist(tmp_path / "idx" / "files", "packy", v, files={"src/packy/__init__.py": "from .fallback import unpackb\n",
                                                                       "src/packy/fallback.py": extra})
        local.add("packy", p)
    local.write()
    probe = ApiProbe(_index(local.file_url, tmp_path / "cache"))
    ra = probe.find_range("packy", Question.parse("packy:unpackb(encoding)"))
    assert (ra.present, ra.first_without_after) == ("<1.0", "1.0")
    assert "src/packy/fallback.py" not in ra.evidence["0.9"] and "packy/fallback.py" in ra.evidence["0.9"]


def test_module_missing_from_a_release_is_no(probe):
    a = probe.ask("shapes", "1.5", Question.parse("shapes.legacy:old"))
    assert a.value == "no" and "legacy" in a.evidence


def test_a_release_over_the_read_cap_stops_at_the_same_member_on_a_cold_and_a_warm_cache(make_local_index, tmp_path):
    # A cold read fetched some members before the cap; a warm read finds them stored.  Stored members count
    # against the cap like fetched ones, so the warm run stops where the cold one did (networkx 2.6.3 read
    # twice gave two different culprits before).
    from pytest_depfix.diagnose.probe import ReleaseTree, _ByteCap

    files = {f"big/m{i:02d}.py": f"x{i} = '{'a' * 3000}'\n" for i in range(10)}
    local = make_local_index({"big": [{"version": "1.0", "upload_time": "2024-01-01T00:00:00Z", "files": files}]})
    cache = tmp_path / "cache"

    def run():
        tree = ReleaseTree(ApiProbe(_index(local.file_url, cache), max_bytes=12_000), "big", "1.0")
        tree.prefetch(sorted(files)[:3])
        after_first = tree.bytes_read
        with pytest.raises(_ByteCap):
            tree.prefetch(sorted(files))
        return after_first, tree.bytes_read

    cold, warm = run(), run()
    assert cold == warm and cold[0] > 9000


def test_a_name_alive_only_at_the_end_of_an_old_major_series_is_found(make_local_index, tmp_path):
    # openai's ChatCompletion: 0.27-0.28 only, among many 0.x and 1.x releases.
    # Evenly spaced probes (1/2, 1/4, 3/4) all miss it; the last 0.x release does not.
    versions = [f"0.{i}" for i in range(1, 29)] + [f"1.{i}" for i in range(60)]

    def files(v):
        alive = v in ("0.27", "0.28")
        return {"chatty/__init__.py": "class Completion:\n    pass\n" + ("class ChatCompletion:\n    pass\n" if alive else "")}

    local = make_local_index({"chatty": [{"version": v, "files": files(v)} for v in versions]})
    probe = ApiProbe(_index(local.file_url, tmp_path / "cache"))
    ra = probe.find_range("chatty", Question.parse("chatty:ChatCompletion"))
    assert (ra.present, ra.first_with, ra.last_with, ra.first_without_after) == (">=0.27,<1.0", "0.27", "0.28", "1.0")
    assert ra.releases_read <= 3 + 2 * 7  # two ends, the 0.x series end, two binary searches


def test_a_class_object_question_is_only_about_an_attribute():
    # Review: "m:C.y(k)" printed the same with and without on_type, yet was answered differently.
    assert not Question("m", name="C", attribute="y", parameter="k", on_type=True).on_type
    assert not Question("m", name="C", on_type=True).on_type
    assert str(Question("m", name="C", attribute="y", on_type=True)) == "m:C.y@class"
    assert Question.parse("m:C.y@class").on_type
