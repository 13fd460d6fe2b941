"""Faults at the index layer's level: retries, pages that are not an index, capped inflation, deadlines.

tests/hardening/test_faulty_index.py pins what a user of ``depfix analyze``
sees; these pin the mechanics behind it on one PackageIndex.
"""

from __future__ import annotations

import os
import re
import struct
import time
from pathlib import Path

import pytest

from pytest_depfix.errors import IndexUnavailable
from pytest_depfix.index import BadDistribution
from tests.support.hardening_server import HostileIndexServer, bomb_metadata_wheel

DEPS = ["six>=1.0"]


@pytest.fixture
def lib(make_local_index):
    return make_local_index({"lib": [{"version": "1.0", "requires_dist": DEPS}], "other": [{"version": "2.0"}]})


def faulted(srv):
    return [r for r in srv.requests if r.endswith("]")]


# -- retries ------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["truncate", "reset", "500"])
def test_a_file_failing_once_is_retried_and_read_right(lib, open_index, fault):
    with HostileIndexServer(lib.root, f"flaky-{fault}", "files") as srv:
        idx = open_index(srv.url)
        assert idx.metadata("lib", "1.0").requires_dist == DEPS
        assert len(faulted(srv)) == 1
        # (a reset on a kept-alive connection is retried at once on a fresh one, without backoff)
        assert idx.stats.get("retries", 0) == (0 if fault == "reset" else 1)


def test_a_page_cut_short_once_is_retried(lib, open_index):
    with HostileIndexServer(lib.root, "flaky-truncate", "pages") as srv:
        idx = open_index(srv.url)
        assert [str(r.version) for r in idx.releases("lib")] == ["1.0"]
        assert faulted(srv) and idx.stats["retries"] == 1


def test_retries_are_bounded_and_a_failing_host_is_then_tried_once(lib, open_index):
    with HostileIndexServer(lib.root, "truncate", "files") as srv:
        idx = open_index(srv.url)
        idx.releases("lib"), idx.releases("other")
        with pytest.raises(IndexUnavailable, match="cut short"):
            idx.metadata("lib", "1.0")
        assert len(faulted(srv)) == 3  # one try and two retries
        with pytest.raises(IndexUnavailable, match="cut short"):
            idx.metadata("other", "2.0")
        assert len(faulted(srv)) == 4  # the host failed its last fetch: one try, no retry round


def test_a_timeout_is_not_retried(lib, open_index):
    with HostileIndexServer(lib.root, "stall", "files") as srv:
        srv.stall_seconds = 2
        idx = open_index(srv.url, timeout=0.5)
        idx.releases("lib")
        with pytest.raises(IndexUnavailable, match="timed out"):
            idx.metadata("lib", "1.0")
        assert len(faulted(srv)) == 1


# -- pages that are not an index -----------------------------------------------

LOGIN = b"<!DOCTYPE html><html><body><h1>Sign in</h1><form><input name=user></form></body></html>"


@pytest.mark.parametrize("body, ctype, why", [
    (LOGIN, "text/html", "a login page"),
    (b"<html><body><h1>Access denied</h1></body></html>", "text/html", "access denied"),
    (b'<html><body><a href="/login">Log in</a></body></html>', "text/html", "none to a distribution file"),
    (b'{"meta": {"api-version": "1.0"}, "name": "x"}', "application/vnd.pypi.simple.v1+json", "'files'"),
    (b'{"files": [', "application/vnd.pypi.simple.v1+json", "does not parse"),
    (b"[]", "application/json", "'files'"),
    (bytes(range(256)) * 4, "application/octet-stream", "application/octet-stream"),
    (bytes(range(256)) * 4, "", "neither HTML nor JSON"),
])
def test_a_body_that_is_not_a_project_page_says_what_it_looked_like(body, ctype, why):
    from pytest_depfix.index.pages import NotAnIndexPage, parse_page

    with pytest.raises(NotAnIndexPage, match=re.escape(why)):
        parse_page(body, ctype, "https://mirror.example/simple/x/")


@pytest.mark.parametrize("body, ctype", [
    (b"<!DOCTYPE html><html><body>\n\n</body></html>\n", "text/html"),  # an empty project
    (b"<html><head><title>Links for x</title></head><body><h1>Links for x</h1></body></html>", "text/html"),
    (b'<html><head><meta name="pypi:repository-version" content="1.0"><title>Sign in</title></head></html>', "text/html"),
    (b'<html><body><a href="x-0.1-py2.7.egg">x-0.1-py2.7.egg</a></body></html>', "text/html"),  # eggs only
    (b'{"meta": {"api-version": "1.0"}, "name": "x", "files": []}', "application/vnd.pypi.simple.v1+json"),
    (b'<a href="x-1.0.tar.gz">x-1.0.tar.gz</a>', ""),  # a file:// page has no content type
])
def test_an_empty_or_egg_only_project_page_is_still_a_page(body, ctype):
    from pytest_depfix.index.pages import parse_page

    files = parse_page(body, ctype, "https://mirror.example/simple/x/")
    assert [f.filename for f in files] == (["x-1.0.tar.gz"] if b"tar.gz" in body else [])


def test_a_page_that_is_not_an_index_is_an_unanswering_source_named_by_url(lib, open_index):
    with HostileIndexServer(lib.root, "html", "pages") as srv:
        with pytest.raises(IndexUnavailable, match=r"127\.0\.0\.1:\d+/simple/lib/: not a project page .*login page"):
            open_index(srv.url.replace("http://", "http://user:pw9secret@")).releases("lib")


def test_next_to_a_good_source_it_is_a_warning(lib, open_index):
    with HostileIndexServer(lib.root, "not-zip", "pages") as bad, HostileIndexServer(lib.root) as good:
        idx = open_index(bad.url.replace("http://", "http://user:pw9secret@"), extra_index_urls=[good.url])
        assert [str(r.version) for r in idx.releases("lib")] == ["1.0"]
    (warning,) = idx.warnings
    assert f"{bad.url}lib/: not a project page (content type application/octet-stream" in warning
    assert "may be incomplete" in warning and "pw9secret" not in warning


def test_a_stale_cached_page_beats_a_page_that_is_not_an_index(lib, open_index):
    with HostileIndexServer(lib.root, "", "pages") as srv:
        assert len(open_index(srv.url).releases("lib")) == 1
        srv.fault = "html"
        idx = open_index(srv.url)
        idx.page_ttl = 0
        assert len(idx.releases("lib")) == 1
    assert any("not a project page" in w and "using the cached page of lib" in w for w in idx.warnings)
    assert idx.cache.read(idx.cache.page_path(idx.sources[0].url, "lib"))[0]["files"]  # not overwritten


# -- members that inflate past their cap ----------------------------------------


def _swap_wheel(index, builder, **kw):
    """Replace lib 1.0's wheel with a hostile one (the page's hashes are rewritten to match)."""
    target = next(f.path for f in index.files["lib"] if f.path.name.endswith(".whl"))
    os.replace(builder(index.root / "hostile", "lib", "1.0", **kw), target)
    return index.write()


@pytest.fixture
def small_cap(monkeypatch):
    from pytest_depfix.index import core

    monkeypatch.setattr(core, "METADATA_CAP", 1 << 20)  # 1 MB: bombs stay small and quick to build


def test_a_metadata_bomb_is_refused_by_its_declared_size(make_local_index, open_index, small_cap, cache_dir):
    index = _swap_wheel(make_local_index({"lib": [{"version": "1.0"}]}), bomb_metadata_wheel, inflated=4 << 20)
    with HostileIndexServer(index.root) as srv:
        with pytest.raises(BadDistribution, match=r"METADATA inflates to 41943\d\d bytes, over the 1048576 byte cap"):
            open_index(srv.url).metadata("lib", "1.0")
    assert not list(Path(cache_dir).rglob("meta/**/*.json"))


def test_a_bomb_falls_back_to_another_file_of_the_release(make_local_index, open_index, small_cap):
    index = make_local_index({"lib": [{"version": "1.0", "requires_dist": DEPS, "sdist": True}]})
    index = _swap_wheel(index, bomb_metadata_wheel, inflated=4 << 20)
    with HostileIndexServer(index.root) as srv:
        meta = open_index(srv.url).metadata("lib", "1.0")
    assert meta.source == "lib-1.0.tar.gz" and meta.requires_dist == DEPS


def _understate_metadata_size(dest, name, version):
    """A wheel whose central directory says METADATA is 10 bytes while it inflates to far more."""
    path = bomb_metadata_wheel(dest, name, version, inflated=2 << 20)
    data = bytearray(path.read_bytes())
    member = f"{name}-{version}.dist-info/METADATA".encode()
    at = data.rindex(b"PK\x01\x02", 0, data.rindex(member))
    struct.pack_into("<L", data, at + 24, 10)  # uncompressed size
    path.write_bytes(bytes(data))
    return path


def test_a_member_lying_about_its_size_stops_at_the_declared_size(make_local_index, open_index, small_cap):
    index = _swap_wheel(make_local_index({"lib": [{"version": "1.0"}]}), _understate_metadata_size)
    with HostileIndexServer(index.root) as srv:
        with pytest.raises(BadDistribution, match="inflates past its declared 10 bytes"):
            open_index(srv.url).metadata("lib", "1.0")


# -- an overall deadline per fetch ----------------------------------------------


def test_a_dripping_server_is_cut_off_at_four_timeouts(lib, open_index):
    with HostileIndexServer(lib.root, "drip", "files") as srv:
        srv.drip_seconds = 0.1  # never idle as long as the 0.25 s read timeout
        idx = open_index(srv.url, timeout=0.25)
        idx.releases("lib")
        start = time.monotonic()
        with pytest.raises(IndexUnavailable, match=r"timed out: no complete answer within 1s"):
            idx.metadata("lib", "1.0")
        assert time.monotonic() - start < 1.0 + 0.5
        assert len(faulted(srv)) == 1  # a deadline is a timeout: not retried


def test_the_deadline_grows_with_what_the_server_announces():
    from pytest_depfix.index.transport import SLOW_RATE, Transport, _Deadline

    t = Transport(timeout=2)
    clock = _Deadline(time.monotonic() + t.budget, t.budget)
    clock.extend(300 * 1024 * 1024 / SLOW_RATE)  # a 300 MB wheel on a slow but honest link
    assert t.budget == 8 and 307 < clock.left() <= 308


# -- archive listings read once across processes ---------------------------------


def test_reading_metadata_also_caches_the_archive_listing(lib, open_index):
    with HostileIndexServer(lib.root) as srv:
        open_index(srv.url).metadata("lib", "1.0")
        srv.requests.clear()
        other = open_index(srv.url)  # another process on the same cache
        assert "lib/__init__.py" in other.list_members("lib", "1.0")
        assert [r for r in srv.requests if "/files/" in r] == []


def test_parallel_listings_of_one_archive_read_its_tail_once(lib, open_index):
    from concurrent.futures import ThreadPoolExecutor

    with HostileIndexServer(lib.root) as srv:
        indexes = [open_index(srv.url) for _ in range(4)]  # one per "process", each with its own lock handle
        for idx in indexes:
            idx.releases("lib")
        with ThreadPoolExecutor(4) as pool:
            listings = list(pool.map(lambda idx: idx.list_members("lib", "1.0"), indexes))
        assert all(names == listings[0] for names in listings)
        assert len([r for r in srv.requests if "/files/" in r]) == 1
