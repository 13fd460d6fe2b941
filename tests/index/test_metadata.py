"""Core metadata: PEP 658 files, range reads of wheels, full-download and sdist fallbacks, faults."""

from __future__ import annotations

import re

import pytest

from pytest_depfix.errors import IndexUnavailable, PackageNotFound
from pytest_depfix.index import BadDistribution
from pytest_depfix.index import archives
from pytest_depfix.target import Target
from tests.support.index_faults import append_member, offer_core_metadata
from tests.support.wheels import LocalIndex, build_sdist, build_wheel

DEPS = ['numpy>=1.16', 'dataclasses; python_version < "3.7"', 'pywin32; sys_platform == "win32"',
        'pysocks!=1.5.7; extra == "socks"']


def file_gets(srv):
    return [r for r in srv.requests if "/files/" in r]


@pytest.fixture
def lib(make_local_index):
    return make_local_index({
        "lib": [
            {"version": "1.0", "requires_dist": DEPS, "requires_python": ">=3.6"},
        ],
    })


@pytest.fixture
def lib2(lib):
    """lib 2.0 whose METADATA lies outside the last 64 KiB of the wheel."""
    whl = append_member(build_wheel(lib.root / "files", "lib", "2.0", requires_dist=["six"]), "lib/blob.bin", 200_000)
    lib.add("lib", whl)
    return lib.write()


def test_small_wheel_metadata_in_one_range_request(lib, faulty_server, open_index, target):
    srv = faulty_server(lib)
    idx = open_index(srv.url)
    meta = idx.metadata("lib", "1.0")
    assert (meta.name, meta.version, meta.requires_python) == ("lib", "1.0", ">=3.6")
    assert meta.requires_dist == DEPS and meta.source == "lib-1.0-py3-none-any.whl"
    gets = file_gets(srv)
    assert len(gets) == 1 and gets[0].endswith("bytes=-65536")
    assert idx.stats["metadata_fetches"] == 1


def test_member_beyond_the_tail_costs_one_more_range(lib2, faulty_server, open_index):
    srv = faulty_server(lib2)
    idx = open_index(srv.url)
    assert idx.metadata("lib", "2.0").requires_dist == ["six"]
    gets = file_gets(srv)
    assert len(gets) == 2 and "bytes=-65536" in gets[0] and re.search(r"bytes=\d+-\d+$", gets[1])
    assert idx.stats["bytes"] < 150_000  # not the whole 200 kB wheel


def test_dependencies_are_evaluated_for_the_target(lib, faulty_server, open_index):
    meta = open_index(faulty_server(lib).url).metadata("lib", "1.0")
    names = lambda reqs: [r.name for r in reqs]  # noqa: E731
    assert names(meta.dependencies(Target.from_spec("3.6", "linux"))) == ["numpy", "dataclasses"]
    assert names(meta.dependencies(Target.from_spec("3.7", "linux"))) == ["numpy"]
    assert names(meta.dependencies(Target.from_spec("3.7", "win_amd64"))) == ["numpy", "pywin32"]
    assert names(meta.dependencies(Target.from_spec("3.7", "linux"), extras=["SOCKS"])) == ["numpy", "pysocks"]


def test_server_ignoring_range_falls_back_to_full_download_once_per_host(lib2, faulty_server, open_index):
    srv = faulty_server(lib2)
    srv.modes.add("ignore-range")
    idx = open_index(srv.url)
    assert idx.metadata("lib", "1.0").requires_dist == DEPS
    assert idx.metadata("lib", "2.0").requires_dist == ["six"]
    gets = file_gets(srv)
    assert len(gets) == 2  # one GET per wheel, each answered whole
    assert "bytes=" in gets[0] and "bytes=" not in gets[1]  # the host is remembered as range-less
    assert idx.stats["full_downloads"] == 2


def test_wrong_content_range_is_not_trusted(lib2, faulty_server, open_index):
    srv = faulty_server(lib2)
    srv.modes.add("bad-content-range")
    idx = open_index(srv.url)
    assert idx.metadata("lib", "2.0").requires_dist == ["six"]
    assert file_gets(srv)[-1].split()[-1].startswith("/files/")  # last read: whole file, no Range


def test_no_content_length_on_files(lib2, faulty_server, open_index):
    srv = faulty_server(lib2)
    srv.modes.add("no-length")
    assert open_index(srv.url).metadata("lib", "2.0").requires_dist == ["six"]


def test_pep658_metadata_file_is_used_when_served(lib, faulty_server, open_index):
    offer_core_metadata(lib)
    srv = faulty_server(lib)
    idx = open_index(srv.url)
    meta = idx.metadata("lib", "1.0")
    assert meta.requires_dist == DEPS and meta.source.endswith(".whl.metadata")
    assert [r for r in srv.requests if "/files/" in r] == ["GET /files/lib-1.0-py3-none-any.whl.metadata"]


def test_pep658_offered_but_404_falls_back_to_range_reads(lib, faulty_server, open_index):
    offer_core_metadata(lib)
    srv = faulty_server(lib)
    srv.modes.add("metadata-404")
    meta = open_index(srv.url).metadata("lib", "1.0")
    assert meta.requires_dist == DEPS and meta.source == "lib-1.0-py3-none-any.whl"
    assert any(r.endswith(".metadata") for r in srv.requests) and any("bytes=-65536" in r for r in srv.requests)


def test_truncated_file_body_is_unavailable_not_garbage(lib, faulty_server, open_index):
    srv = faulty_server(lib)
    idx = open_index(srv.url)
    idx.releases("lib")
    srv.modes.add("truncate-files")
    with pytest.raises(IndexUnavailable, match="cut short"):
        idx.metadata("lib", "1.0")
    assert not list((idx.cache.root and __import__("pathlib").Path(idx.cache.root)).rglob("meta/**/*.json"))


def test_stalled_file_download_times_out(lib, faulty_server, open_index):
    srv = faulty_server(lib)
    idx = open_index(srv.url, timeout=0.5)
    idx.releases("lib")
    srv.modes.add("stall-files")
    srv.stall_seconds = 3
    with pytest.raises(IndexUnavailable, match="timed out"):
        idx.metadata("lib", "1.0")


def test_5xx_on_files_is_index_unavailable(lib, faulty_server, open_index):
    srv = faulty_server(lib)
    idx = open_index(srv.url)
    idx.releases("lib")
    srv.modes.add("500-files")
    with pytest.raises(IndexUnavailable, match="HTTP 500"):
        idx.metadata("lib", "1.0")


def test_unknown_version(lib, faulty_server, open_index):
    with pytest.raises(PackageNotFound, match="lib has no release 9.9"):
        open_index(faulty_server(lib).url).metadata("lib", "9.9")


def _index_with(tmp_path, build):
    li = LocalIndex(tmp_path / "idx")
    for path in build(tmp_path / "idx" / "files"):
        li.add("odd", path)
    return li.write()


def test_corrupt_zip_is_a_clear_error(tmp_path, faulty_server, open_index):
    def build(d):
        d.mkdir(parents=True)
        p = d / "odd-1.0-py3-none-any.whl"
        p.write_bytes(b"this is not a zip file" * 100)
        return [p]

    idx = open_index(faulty_server(_index_with(tmp_path, build)).url)
    with pytest.raises(BadDistribution, match="odd-1.0-py3-none-any.whl: not a zip file"):
        idx.metadata("odd", "1.0")


def test_corrupt_member_fails_its_crc(tmp_path, faulty_server, open_index):
    def build(d):
        p = build_wheel(d, "odd", "1.0", requires_dist=["a"])
        data = bytearray(p.read_bytes())
        i = data.find(b"Requires-Dist: a")  # stored? deflated: flip a byte of METADATA's data instead
        assert i == -1
        at = data.find(b"odd-1.0.dist-info/METADATA") + len("odd-1.0.dist-info/METADATA")
        data[at + 3] ^= 0xFF
        p.write_bytes(bytes(data))
        return [p]

    idx = open_index(faulty_server(_index_with(tmp_path, build)).url)
    with pytest.raises(BadDistribution, match="corrupt zip|CRC"):
        idx.metadata("odd", "1.0")


def test_wheel_without_metadata_falls_back_to_the_sdist(tmp_path, faulty_server, open_index):
    def build(d):
        return [build_wheel(d, "odd", "1.0", omit_metadata=True), build_sdist(d, "odd", "1.0", requires_dist=["b>1"])]

    idx = open_index(faulty_server(_index_with(tmp_path, build)).url)
    meta = idx.metadata("odd", "1.0")
    assert meta.requires_dist == ["b>1"] and meta.source == "odd-1.0.tar.gz"


def test_wheel_without_metadata_and_no_sdist(tmp_path, faulty_server, open_index):
    idx = open_index(faulty_server(_index_with(tmp_path, lambda d: [build_wheel(d, "odd", "1.0", omit_metadata=True)])).url)
    with pytest.raises(BadDistribution, match="wheel has no .dist-info/METADATA"):
        idx.metadata("odd", "1.0")


def test_huge_central_directory_is_refused(tmp_path, faulty_server, open_index, monkeypatch):
    files = {f"odd/m{i:04d}.py": "" for i in range(400)}
    idx = open_index(faulty_server(_index_with(tmp_path, lambda d: [build_wheel(d, "odd", "1.0", files=files)])).url)
    monkeypatch.setattr(archives, "MAX_CENTRAL_DIRECTORY", 8 * 1024)
    with pytest.raises(BadDistribution, match="central directory too large"):
        idx.metadata("odd", "1.0")


def test_sdist_pkg_info(tmp_path, faulty_server, open_index):
    idx = open_index(faulty_server(_index_with(tmp_path, lambda d: [build_sdist(d, "odd", "1.0", requires_dist=["x<2"], requires_python=">=3.5")])).url)
    meta = idx.metadata("odd", "1.0")
    assert (meta.requires_dist, meta.requires_python, meta.complete) == (["x<2"], ">=3.5", True)


def test_sdist_egg_info_requires_txt(tmp_path, faulty_server, open_index, target):
    req = "six\n\n[:python_version < \"3.8\"]\nimportlib-metadata\n\n[tests]\npytest>=4\n"
    idx = open_index(faulty_server(_index_with(tmp_path, lambda d: [build_sdist(d, "odd", "1.0", egg_info_requires=req)])).url)
    meta = idx.metadata("odd", "1.0")
    assert meta.requires_dist == ["six", 'importlib-metadata; (python_version < "3.8")', 'pytest>=4; extra == "tests"']
    assert [r.name for r in meta.dependencies(target)] == ["six", "importlib-metadata"]
    assert [r.name for r in meta.dependencies(target, ["tests"])] == ["six", "importlib-metadata", "pytest"]


def test_metadata_many_runs_concurrently_and_returns_errors(make_local_index, faulty_server, open_index):
    local = make_local_index({f"p{i}": [{"version": "1.0", "requires_dist": [f"dep{i}"]}] for i in range(10)})
    idx = open_index(faulty_server(local).url)
    pairs = [(f"p{i}", "1.0") for i in range(10)] + [("p1", "7.0"), ("nope", "1.0")]
    out = idx.metadata_many(pairs)
    assert [out[(f"p{i}", "1.0")].requires_dist for i in range(10)] == [[f"dep{i}"] for i in range(10)]
    assert isinstance(out[("p1", "7.0")], PackageNotFound) and isinstance(out[("nope", "1.0")], PackageNotFound)


def test_best_wheel_for_the_target_is_read(tmp_path, faulty_server, open_index, target):
    def build(d):
        return [build_wheel(d, "odd", "1.0", tag="cp37-cp37m-manylinux_2_17_x86_64", requires_dist=["linux-dep"]),
                build_wheel(d, "odd", "1.0", tag="cp37-cp37m-win_amd64", requires_dist=["win-dep"])]

    srv = faulty_server(_index_with(tmp_path, build))
    assert open_index(srv.url).metadata("odd", "1.0").requires_dist == ["linux-dep"]
    assert open_index(srv.url, target=Target.from_spec("3.7", "win_amd64"), cache_dir=str(tmp_path / "c2")).metadata("odd", "1.0").requires_dist == ["win-dep"]
