"""Fixtures for the resolver: a real local index (real wheels, file://) and a runner.

``solve(universe, "pins text", python="3.7", ...)`` builds the index, reads the
pins for the target, resolves, and checks the answer with the independent
checker before handing it back -- so every test also checks validity.
"""

from __future__ import annotations

import pytest

from pytest_depfix.index import PackageIndex
from pytest_depfix.requirements import parse_requirements_text
from pytest_depfix.resolve import resolve
from pytest_depfix.target import Target
from tests.resolve.checker import check_resolution


@pytest.fixture
def solve(make_local_index, tmp_path):
    def run(universe, pins_text, *, python="3.7", platform="linux", check=True, **kw):
        local = make_local_index(universe)
        target = Target.from_spec(python, platform)
        index = PackageIndex.from_config(target, index_url=local.file_url, use_pip_config=False,
                                         cache_dir=str(tmp_path / "cache"))
        pins = parse_requirements_text(pins_text, target)
        res = resolve(pins, target, index, **kw)
        res.index = index  # for tests that look at fetch counts
        if check and res.ok:
            errors = check_resolution(res, pins, target, index, keep=kw.get("keep", {}),
                                      demands=kw.get("demands", ()), constraints=kw.get("constraints", ()))
            assert errors == [], errors
        return res

    return run
