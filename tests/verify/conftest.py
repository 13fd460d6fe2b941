"""Fixtures for verification: a library whose later releases remove a function, and a project that calls it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pytest_depfix.verify import EnvironmentBuilder

HAS_HELPER = "def helper():\n    return 42\n"
NO_HELPER = "def other():\n    return 1\n"
# Five releases; 1.3 is the first without ``helper``.
MYLIB_RELEASES = [("1.0", HAS_HELPER), ("1.1", HAS_HELPER), ("1.2", HAS_HELPER), ("1.3", NO_HELPER), ("2.0", NO_HELPER)]
TEST_ID = "tests/test_it.py::test_helper"

INSTALLERS = ["pip"] + (["uv"] if shutil.which("uv") else [])


@pytest.fixture(autouse=True)
def _hermetic(isolated_pip_config, tmp_path, monkeypatch):
    """Only the indexes a test builds are seen, by pip and by uv (own cache, no user config)."""
    monkeypatch.setenv("UV_CACHE_DIR", str(tmp_path / "uv-cache"))
    monkeypatch.setenv("UV_NO_CONFIG", "1")
    for var in ("UV_INDEX_URL", "UV_EXTRA_INDEX_URL", "UV_FIND_LINKS", "UV_INDEX", "UV_DEFAULT_INDEX"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def mylib_index(make_local_index):
    universe = {
        "mylib": [{"version": v, "files": {"mylib/__init__.py": body}} for v, body in MYLIB_RELEASES],
        "other": [{"version": "1.0"}, {"version": "2.0"}],
    }
    return make_local_index(universe)


@pytest.fixture
def project(tmp_path) -> Path:
    """A project whose test calls ``mylib.helper``."""
    root = tmp_path / "proj"
    (root / "tests").mkdir(parents=True)
    (root / "tests" / "test_it.py").write_text(
        "from mylib import helper\n\n\ndef test_helper():\n    assert helper() == 42\n\n\ndef test_unrelated():\n    assert True\n"
    )
    return root


@pytest.fixture
def make_builder(tmp_path, mylib_index):
    """Factory: a builder over the local index; ``via`` picks find-links (no index) or a file:// index."""

    def factory(installer: str = "pip", via: str = "find-links", **kw) -> EnvironmentBuilder:
        if via == "find-links":
            return EnvironmentBuilder(tmp_path / "cache", no_index=True, find_links=[str(mylib_index.root / "files")],
                                      installer=installer, **kw)
        return EnvironmentBuilder(tmp_path / "cache", index_url=kw.pop("index_url", mylib_index.file_url),
                                  installer=installer, **kw)

    return factory
