"""Archive members for the API-contract probe: listing and selective reads, never extraction."""

from __future__ import annotations

import pytest

from pytest_depfix.errors import IndexUnavailable
from tests.support.index_faults import append_member
from tests.support.wheels import LocalIndex, build_sdist, build_wheel

SRC = {"api/__init__.py": "from .core import run\n", "api/core.py": "def run(x, *, fast=False):\n    return x\n",
       "api/data.bin": "x" * 1000}


@pytest.fixture
def api_index(tmp_path):
    li = LocalIndex(tmp_path / "idx")
    files = tmp_path / "idx" / "files"
    whl = append_member(build_wheel(files, "api", "1.0", files=SRC), "api/zz_big.bin", 300_000)
    li.add("api", whl)
    li.add("api", build_sdist(files, "api", "0.5", files={"api/__init__.py": "OLD = 1\n", "api/core.py": "def run(x):\n    pass\n"}))
    return li.write()


def test_list_members_of_the_wheel(api_index, faulty_server, open_index):
    idx = open_index(faulty_server(api_index).url)
    names = idx.list_members("api", "1.0")
    assert {"api/__init__.py", "api/core.py", "api-1.0.dist-info/METADATA"} <= set(names)
    assert open_index(faulty_server(api_index).url).list_members("api", "1.0") == names  # cached


def test_read_members_reads_only_what_is_selected(api_index, faulty_server, open_index):
    srv = faulty_server(api_index)
    idx = open_index(srv.url)
    got = idx.read_members("api", "1.0", lambda n: n.endswith(".py"))
    assert got == {k: v.encode() for k, v in SRC.items() if k.endswith(".py")}
    assert idx.stats["bytes"] < 100_000  # the 300 kB member was never downloaded


def test_read_members_respects_the_budget(api_index, faulty_server, open_index):
    idx = open_index(faulty_server(api_index).url)
    got = idx.read_members("api", "1.0", lambda n: n.startswith("api/"), max_bytes=2000)
    assert "api/zz_big.bin" not in got and "api/core.py" in got
    assert any("over the 2000 byte budget" in w for w in idx.warnings)


def test_sdist_members(api_index, faulty_server, open_index):
    idx = open_index(faulty_server(api_index).url)
    assert "api-0.5/api/core.py" in idx.list_members("api", "0.5")
    got = idx.read_members("api", "0.5", lambda n: n.endswith("core.py"))
    assert got == {"api-0.5/api/core.py": b"def run(x):\n    pass\n"}


def test_offline_members_not_cached(api_index, faulty_server, open_index):
    url = faulty_server(api_index).url
    open_index(url).releases("api")
    with pytest.raises(IndexUnavailable, match="offline"):
        open_index(url, offline=True).list_members("api", "1.0")
