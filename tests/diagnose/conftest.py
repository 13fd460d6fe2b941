"""Fixtures for the diagnosis tests: a real local index over fixture-built wheels."""

from __future__ import annotations

import pytest

from pytest_depfix.target import Target


@pytest.fixture
def index_for(make_local_index, serve_index, tmp_path, isolated_pip_config):
    """Factory: ``index_for(universe, python="3.9")`` -> (PackageIndex over real wheels, Target).

    Served over HTTP on 127.0.0.1 so the PEP 691 JSON pages carry upload times
    (file:// indexes are HTML only, as pip's are).
    """
    from pytest_depfix.index import PackageIndex

    def factory(universe, python="3.9", platform="linux x86_64"):
        target = Target.from_spec(python, platform)
        local = make_local_index(universe)
        server = serve_index(local)
        idx = PackageIndex.from_config(target, index_url=server.url, use_pip_config=False,
                                       cache_dir=str(tmp_path / "cache"))
        return idx, target

    return factory
