"""Faults at the index layer's level: retries, pages that are not an index, capped inflation, deadlines.

tests/hardening/test_faulty_index.py pins what a user of ``depfix analyze``
sees; these pin the mechanics behind it on one PackageIndex.
"""

from __future__ import annotations

import pytest

from pytest_depfix.errors import IndexUnavailable
from tests.support.hardening_server import HostileIndexServer

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
