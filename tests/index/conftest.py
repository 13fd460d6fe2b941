"""Fixtures for the index layer: a PackageIndex over a served local index, a faulty server."""

from __future__ import annotations

import pytest

from pytest_depfix.index import PackageIndex
from pytest_depfix.target import Target
from tests.support.index_faults import FaultyIndexServer

PY37 = Target.from_spec("3.7", "manylinux_2_17_x86_64")


@pytest.fixture
def target():
    return PY37


@pytest.fixture
def faulty_server():
    """Factory: serve a LocalIndex with the fault-injecting server; closed after the test."""
    servers = []

    def factory(local_index):
        srv = FaultyIndexServer(local_index.root).__enter__()
        servers.append(srv)
        return srv

    yield factory
    for srv in servers:
        srv.__exit__(None, None, None)


@pytest.fixture
def serve_index(faulty_server):
    """The shared fixture's name, served by the faulty server (same behaviour, quick teardown)."""
    return faulty_server


@pytest.fixture
def open_index(isolated_pip_config, cache_dir):
    """Factory: ``open_index(url, **kw)`` -> PackageIndex using only that index and the test cache."""
    made = []

    def factory(url=None, *, target=PY37, **kw):
        kw.setdefault("timeout", 5.0)
        kw.setdefault("cache_dir", str(cache_dir))
        idx = PackageIndex.from_config(target, index_url=url, use_pip_config=False, **kw)
        made.append(idx)
        return idx

    yield factory
    for idx in made:
        idx.close()
