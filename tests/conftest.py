"""Shared fixtures: a tiny real index built from fixture wheels, served over file:// and HTTP."""

from __future__ import annotations

import os

import pytest

from tests.support.server import IndexServer
from tests.support.wheels import make_index

pytest_plugins = ["pytester"]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """An empty depfix cache for this test, also exported for subprocesses."""
    d = tmp_path / "depfix-cache"
    monkeypatch.setenv("DEPFIX_CACHE_DIR", str(d))
    return d


@pytest.fixture
def isolated_pip_config(tmp_path, monkeypatch):
    """Make pip's configuration empty so tests see only the index they build."""
    cfg = tmp_path / "pip.conf"
    cfg.write_text("")
    monkeypatch.setenv("PIP_CONFIG_FILE", str(cfg))
    for var in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_NO_INDEX"):
        monkeypatch.delenv(var, raising=False)
    return cfg


@pytest.fixture
def make_local_index(tmp_path):
    """Factory: ``make_local_index({"pkg": [{"version": "1.0", ...}]})`` -> LocalIndex."""
    counter = {"n": 0}

    def factory(universe):
        counter["n"] += 1
        return make_index(tmp_path / f"index{counter['n']}", universe)

    return factory


@pytest.fixture
def serve_index():
    """Factory: serve a LocalIndex root over HTTP on 127.0.0.1; closed after the test."""
    servers = []

    def factory(local_index):
        srv = IndexServer(local_index.root).__enter__()
        servers.append(srv)
        return srv

    yield factory
    for srv in servers:
        srv.__exit__(None, None, None)


def pytest_collection_modifyitems(config, items):
    """Slow checks run when asked: any ``-m`` naming ``slow``, or DEPFIX_RUN_SLOW=1 (CI and the README's test command)."""
    if "slow" in (config.getoption("markexpr", "") or "") or os.environ.get("DEPFIX_RUN_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow check: run with -m slow or DEPFIX_RUN_SLOW=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
