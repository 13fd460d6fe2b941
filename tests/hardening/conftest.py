"""Fixtures for the hardening checks: one small real world (fixture wheels, local index)."""

from __future__ import annotations

import os

import pytest

from tests.support.hardening_world import World, build_world


@pytest.fixture
def world(tmp_path, isolated_pip_config, monkeypatch) -> World:
    w = build_world(tmp_path / "world")
    monkeypatch.setenv("DEPFIX_CACHE_DIR", str(w.cache))
    return w


def pytest_collection_modifyitems(config, items):
    """Slow hardening checks run when asked: ``-m slow`` (any -m naming it) or DEPFIX_RUN_SLOW=1 (CI)."""
    if "slow" in (config.getoption("markexpr", "") or "") or os.environ.get("DEPFIX_RUN_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow hardening check: run with -m slow or DEPFIX_RUN_SLOW=1")
    for item in items:
        if "slow" in item.keywords and "/hardening/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)
