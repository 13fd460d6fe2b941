"""Fixtures for the hardening checks: one small real world (fixture wheels, local index)."""

from __future__ import annotations

import pytest

from tests.support.hardening_world import World, build_world


@pytest.fixture
def world(tmp_path, isolated_pip_config, monkeypatch) -> World:
    w = build_world(tmp_path / "world")
    monkeypatch.setenv("DEPFIX_CACHE_DIR", str(w.cache))
    return w
