"""Releases of a project, read from HTTP (JSON and HTML), file:// indexes and find-links folders."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from packaging.version import Version

from pytest_depfix.errors import BadInput, IndexUnavailable, PackageNotFound
from pytest_depfix.target import Target
from tests.support.wheels import build_wheel

UNIVERSE = {
    "demo-pkg": [
        {"version": "1.0", "upload_time": "2020-01-01T10:00:00Z", "sdist": True},
        {"version": "1.10", "upload_time": "2021-03-05T23:00:00Z"},
        {"version": "1.2", "upload_time": "2020-06-01T10:00:00.123456Z", "requires_python": ">=3.8"},
        {"version": "2.0rc1", "upload_time": "2022-01-01T00:00:00Z", "yanked": "broken build"},
        {"version": "0.9", "wheel": False, "sdist": True, "upload_time": "2019-01-01T00:00:00Z"},
        {"version": "3.0", "tag": "cp39-cp39-manylinux_2_17_x86_64", "upload_time": "2023-01-01T00:00:00Z"},
    ],
}


def versions(rels):
    return [str(r.version) for r in rels]


@pytest.fixture
def demo(make_local_index):
    return make_local_index(UNIVERSE)


def test_json_page_gives_sorted_releases_with_pep700_facts(demo, serve_index, open_index, target):
    srv = serve_index(demo)
    rels = open_index(srv.url).releases("Demo_Pkg")
    assert versions(rels) == ["0.9", "1.0", "1.2", "1.10", "2.0rc1", "3.0"]
    by = {str(r.version): r for r in rels}
    assert by["1.0"].name == "demo-pkg"
    assert {f.kind for f in by["1.0"].files} == {"wheel", "sdist"}
    assert by["1.2"].requires_python == ">=3.8"
    assert by["1.2"].upload_time.year == 2020 and by["1.2"].files[0].size > 0
    assert by["2.0rc1"].yanked and by["2.0rc1"].files[0].yanked_reason == "broken build"
    assert not by["1.0"].yanked
    assert by["1.0"].files[0].sha256 and len(by["1.0"].files[0].sha256) == 64
    assert srv.requests[0].startswith("GET /simple/demo-pkg/")


def test_what_the_target_can_install(demo, serve_index, open_index, target):
    by = {str(r.version): r for r in open_index(serve_index(demo).url).releases("demo-pkg")}
    assert by["1.0"].installable(target) == "wheel"
    assert by["0.9"].installable(target) == "sdist" and by["0.9"].best_wheel(target) is None
    assert by["1.2"].installable(target) is None  # Requires-Python >=3.8 excludes 3.7
    assert by["3.0"].installable(target) is None  # cp39 wheel only
    py39 = Target.from_spec("3.9", "manylinux_2_17_x86_64")
    assert by["3.0"].installable(py39) == "wheel"
    assert by["3.0"].installable(Target.from_spec("3.9", "win_amd64")) is None


def test_html_only_server_gives_the_same_answer(demo, serve_index, open_index):
    srv = serve_index(demo)
    srv.modes.add("no-json")
    rels = open_index(srv.url).releases("demo-pkg")
    assert versions(rels) == ["0.9", "1.0", "1.2", "1.10", "2.0rc1", "3.0"]
    by = {str(r.version): r for r in rels}
    assert by["1.2"].requires_python == ">=3.8"  # data-requires-python, HTML-unescaped
    assert by["2.0rc1"].yanked and by["2.0rc1"].files[0].yanked_reason == "broken build"
    assert by["1.0"].upload_time is None  # HTML carries no upload time


def test_file_index(demo, open_index):
    rels = open_index(demo.file_url).releases("demo-pkg")
    assert "1.10" in versions(rels)
    assert all(f.url.startswith("file://") for r in rels for f in r.files)


def test_find_links_folder_and_merge_by_filename(demo, serve_index, open_index, tmp_path):
    links = tmp_path / "links"
    build_wheel(links, "demo-pkg", "4.0")
    shutil.copy(next((demo.root / "files").glob("demo_pkg-1.0-*.whl")), links)
    srv = serve_index(demo)
    idx = open_index(srv.url, find_links=[str(links)])
    rels = idx.releases("demo-pkg")
    assert versions(rels)[-1] == "4.0"
    one = next(r for r in rels if str(r.version) == "1.0")
    wheels = [f for f in one.files if f.kind == "wheel"]
    assert len(wheels) == 1  # same filename from two sources: one file
    assert wheels[0].url.startswith("file://")  # the local copy is preferred ...
    assert wheels[0].upload_time is not None and wheels[0].sha256  # ... with the index's facts kept


def test_find_links_only(tmp_path, open_index):
    build_wheel(tmp_path / "links", "solo", "1.0")
    idx = open_index(None, find_links=[str(tmp_path / "links")], no_index=True)
    assert versions(idx.releases("solo")) == ["1.0"]
    with pytest.raises(PackageNotFound):
        idx.releases("other")


def test_as_of_date_hides_later_uploads(demo, serve_index, open_index):
    url = serve_index(demo).url
    assert versions(open_index(url, as_of=date(2021, 3, 5)).releases("demo-pkg")) == ["0.9", "1.0", "1.2", "1.10"]
    assert versions(open_index(url, as_of="2021-03-04").releases("demo-pkg")) == ["0.9", "1.0", "1.2"]
    with pytest.raises(BadInput, match="not a date"):
        open_index(url, as_of="last tuesday")


def test_release_lookup_normalises_versions(demo, serve_index, open_index):
    idx = open_index(serve_index(demo).url)
    assert idx.release("demo-pkg", "1.0.0").version == Version("1.0")
    assert idx.release("demo-pkg", "7.0") is None
    with pytest.raises(BadInput):
        idx.release("demo-pkg", "not-a-version")


def test_unknown_project_is_package_not_found(demo, serve_index, open_index):
    with pytest.raises(PackageNotFound, match="no project named 'nope'"):
        open_index(serve_index(demo).url).releases("nope")


@pytest.mark.parametrize("bad", ["", "bad name", "-lead", "trail-", "a/b", "../etc"])
def test_malformed_name_is_bad_input(bad, open_index, demo):
    with pytest.raises(BadInput, match="not a valid project name"):
        open_index(demo.file_url).releases(bad)


def test_server_error_is_index_unavailable_without_credentials(demo, serve_index, open_index):
    srv = serve_index(demo)
    srv.modes.add("500")
    url = srv.url.replace("http://", "http://alice:s3cret@")
    idx = open_index(url)
    with pytest.raises(IndexUnavailable) as info:
        idx.releases("demo-pkg")
    assert "HTTP 500" in str(info.value)
    assert "s3cret" not in str(info.value) and "alice" not in str(info.value)


def test_credentials_are_sent_as_basic_auth_and_never_shown(demo, serve_index, open_index):
    srv = serve_index(demo)
    seen = []
    orig = srv._handle

    def spy(h, head=False):
        seen.append(h.headers.get("Authorization"))
        return orig(h, head)

    srv._handle = spy
    idx = open_index(srv.url.replace("http://", "http://alice:s3cret@"))
    idx.releases("demo-pkg")
    assert seen[0] == "Basic YWxpY2U6czNjcmV0"
    assert all("s3cret" not in s.label for s in idx.sources)


def test_a_broken_extra_index_is_a_warning_when_another_answers(demo, make_local_index, serve_index, open_index):
    good = serve_index(demo)
    bad = serve_index(make_local_index({"x": [{"version": "1"}]}))
    bad.modes.add("500")
    idx = open_index(good.url, extra_index_urls=[bad.url.replace("http://", "http://u:pw@")])
    assert versions(idx.releases("demo-pkg"))[:2] == ["0.9", "1.0"]
    assert any("HTTP 500" in w and "incomplete" in w for w in idx.warnings)
    assert not any("pw@" in w for w in idx.warnings)


def test_stalled_server_times_out_with_a_clear_error(demo, serve_index, open_index):
    srv = serve_index(demo)
    srv.modes.add("stall")
    srv.stall_seconds = 3
    with pytest.raises(IndexUnavailable, match="timed out after 0.5s"):
        open_index(srv.url, timeout=0.5).releases("demo-pkg")


def test_truncated_page_is_an_error_not_short_data(demo, serve_index, open_index):
    srv = serve_index(demo)
    srv.modes.add("truncate")
    with pytest.raises(IndexUnavailable, match="cut short"):
        open_index(srv.url).releases("demo-pkg")


def test_page_without_content_length_is_read_to_the_end(demo, serve_index, open_index):
    srv = serve_index(demo)
    srv.modes.add("no-length")
    assert len(open_index(srv.url).releases("demo-pkg")) == 6


def test_prefetch_reads_pages_concurrently_and_reuses_connections(make_local_index, serve_index, open_index):
    local = make_local_index({f"p{i}": [{"version": "1.0"}] for i in range(12)})
    srv = serve_index(local)
    idx = open_index(srv.url)
    idx.prefetch([f"p{i}" for i in range(12)] + ["bad name"])
    assert idx.stats["requests"] == 12
    before = idx.stats["requests"]
    assert [str(idx.releases(f"p{i}")[0].version) for i in range(12)] == ["1.0"] * 12
    assert idx.stats["requests"] == before  # answered from memory


def test_as_of_dates_undated_files_by_their_public_version(demo, serve_index, open_index, tmp_path):
    links = tmp_path / "links"
    build_wheel(links, "demo-pkg", "1.0+local")  # dated like 1.0 (2020): kept
    build_wheel(links, "demo-pkg", "5.0")  # no date anywhere: dropped, with a warning
    idx = open_index(serve_index(demo).url, find_links=[str(links)], as_of="2021-01-01")
    assert versions(idx.releases("demo-pkg")) == ["0.9", "1.0", "1.0+local", "1.2"]
    assert any("1 file(s) with no known upload time ignored" in w for w in idx.warnings)
