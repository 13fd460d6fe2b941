"""The on-disk cache: warm answers without the network, TTL, corruption, offline, sharing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pytest_depfix.errors import IndexUnavailable
from pytest_depfix.index.cache import Cache

UNIVERSE = {"lib": [{"version": "1.0", "requires_dist": ["six"]}, {"version": "1.1", "requires_dist": ["six>1"]}]}


@pytest.fixture
def srv(make_local_index, faulty_server):
    return faulty_server(make_local_index(UNIVERSE))


def cache_files(root, section):
    return sorted(Path(root, section).rglob("*.json"))


def test_warm_cache_answers_without_requests(srv, open_index):
    cold = open_index(srv.url)
    assert cold.metadata("lib", "1.0").requires_dist == ["six"]
    assert cold.stats["requests"] == 2
    warm = open_index(srv.url)
    assert warm.metadata("lib", "1.0").requires_dist == ["six"]
    assert warm.stats["requests"] == 0 and warm.stats["cache_hits"] == 2


def test_expired_page_is_fetched_again_but_metadata_is_kept(srv, open_index, monkeypatch):
    open_index(srv.url).metadata("lib", "1.0")
    monkeypatch.setenv("DEPFIX_PAGE_TTL", "0")
    again = open_index(srv.url)
    again.metadata("lib", "1.0")
    assert again.stats["requests"] == 1  # the page, not the wheel
    assert again.stats["cache_hits"] == 1


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 2],  # torn write
    lambda b: b[:-3] + b"X" + b[-2:],  # edited payload: checksum no longer matches
    lambda b: b"",
    lambda b: b"not json at all",
])
def test_corrupt_entries_are_detected_and_refetched(srv, open_index, cache_dir, damage):
    open_index(srv.url).metadata("lib", "1.0")
    for f in cache_files(cache_dir, "meta") + cache_files(cache_dir, "pages"):
        f.write_bytes(damage(f.read_bytes()))
    idx = open_index(srv.url)
    assert idx.metadata("lib", "1.0").requires_dist == ["six"]
    assert idx.stats["requests"] == 2 and idx.cache.corrupt_seen == 2
    assert open_index(srv.url).metadata("lib", "1.0").requires_dist == ["six"]  # rewritten good


def test_offline_answers_from_the_cache_alone(srv, open_index):
    open_index(srv.url).metadata("lib", "1.0")
    off = open_index(srv.url, offline=True)
    assert [str(r.version) for r in off.releases("lib")] == ["1.0", "1.1"]
    assert off.metadata("lib", "1.0").requires_dist == ["six"]
    with pytest.raises(IndexUnavailable, match=r"offline: no cached metadata for lib==1.1"):
        off.metadata("lib", "1.1")
    with pytest.raises(IndexUnavailable, match=r"offline: no cached project page for other from http://127.0.0.1"):
        off.releases("other")
    assert off.stats["requests"] == 0


def test_stale_page_is_used_when_the_index_is_down(srv, open_index, monkeypatch):
    open_index(srv.url).releases("lib")
    monkeypatch.setenv("DEPFIX_PAGE_TTL", "0")
    srv.modes.add("500")
    idx = open_index(srv.url)
    assert len(idx.releases("lib")) == 2
    assert any("using the cached page of lib" in w for w in idx.warnings)


def test_no_temp_files_are_left_behind(srv, open_index, cache_dir):
    idx = open_index(srv.url)
    idx.metadata_many([("lib", "1.0"), ("lib", "1.1")])
    leftovers = [p for p in Path(cache_dir).rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == [] and len(cache_files(cache_dir, "meta")) == 2


def test_unwritable_cache_does_not_break_answers(srv, open_index, tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("")
    idx = open_index(srv.url, cache_dir=str(blocker / "cache"))
    assert idx.metadata("lib", "1.0").requires_dist == ["six"]


def test_two_processes_share_one_cache(srv, cache_dir, isolated_pip_config, tmp_path):
    script = tmp_path / "worker.py"
    script.write_text(textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
        from pytest_depfix.index import PackageIndex
        from pytest_depfix.target import Target
        idx = PackageIndex.from_config(Target.from_spec("3.7", "linux"), index_url={srv.url!r},
                                       use_pip_config=False, cache_dir={str(cache_dir)!r})
        out = idx.metadata_many([("lib", "1.0"), ("lib", "1.1")])
        print(json.dumps({{"deps": [out[k].requires_dist for k in sorted(out)], "stats": idx.stats}}))
    """))
    procs = [subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err.decode()
        results.append(json.loads(out))
    assert all(r["deps"] == [["six"], ["six>1"]] for r in results)
    wheel_gets = [r for r in srv.requests if r.startswith("GET /files/")]
    assert len(wheel_gets) == 2  # each wheel read once, by whichever process got its lock first
    assert all(Cache(str(cache_dir)).read(str(f)) for f in cache_files(cache_dir, "meta"))


def test_cache_command_dir_info_clean(srv, open_index, cache_dir, capsys):
    from pytest_depfix.cli import main

    open_index(srv.url).metadata("lib", "1.0")
    assert main(["cache", "dir"]) == 0
    assert capsys.readouterr().out.strip() == str(cache_dir)
    assert main(["cache", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["sections"]["meta"]["entries"] == 1 and info["sections"]["pages"]["entries"] == 1
    assert main(["cache", "clean", "--section", "pages"]) == 0
    capsys.readouterr()
    assert cache_files(cache_dir, "pages") == [] and len(cache_files(cache_dir, "meta")) == 1
    assert main(["cache", "clean", "--older-than", "1"]) == 0  # fresh entries stay
    assert len(cache_files(cache_dir, "meta")) == 1
    assert main(["cache", "clean"]) == 0
    assert "removed" in capsys.readouterr().out and not os.listdir(cache_dir)


def test_default_cache_dir_follows_platform_conventions(monkeypatch):
    from pytest_depfix.index import config

    monkeypatch.delenv("DEPFIX_CACHE_DIR", raising=False)
    monkeypatch.setattr(config.sys, "platform", "linux")
    assert config.default_cache_dir({"XDG_CACHE_HOME": "/x"}) == os.path.join("/x", "pytest-depfix")
    assert config.default_cache_dir({}).endswith(os.path.join(".cache", "pytest-depfix"))
    monkeypatch.setattr(config.sys, "platform", "darwin")
    assert config.default_cache_dir({}).endswith(os.path.join("Library", "Caches", "pytest-depfix"))
    monkeypatch.setattr(config.sys, "platform", "win32")
    assert config.default_cache_dir({"LOCALAPPDATA": "L"}) == os.path.join("L", "pytest-depfix", "Cache")
    assert config.default_cache_dir({"DEPFIX_CACHE_DIR": "/d"}) == "/d"
