"""Sources come from pip's configuration the way pip reads it; explicit options win."""

from __future__ import annotations

import os

import pytest

from pytest_depfix.index import PackageIndex
from pytest_depfix.index.config import DEFAULT_INDEX, load_sources, redact
from pytest_depfix.target import Target

T = Target.from_spec("3.7", "linux")


def write_conf(path, **values):
    body = "[global]\n" + "".join(f"{k} = {v}\n" for k, v in values.items())
    path.write_text(body)
    return path


def test_pip_config_file_and_env_vars_in_pips_order(tmp_path):
    conf = write_conf(tmp_path / "pip.conf", **{"index-url": "https://mirror/simple", "extra-index-url": "https://a/simple https://b/simple",
                                                "find-links": "/links", "cert": "/ca.pem"})
    env = {"PIP_CONFIG_FILE": str(conf), "HOME": str(tmp_path)}
    s = load_sources(env=env)
    assert s.index_urls == ["https://mirror/simple", "https://a/simple", "https://b/simple"]
    assert s.find_links == ["/links"] and s.cert == "/ca.pem"
    env["PIP_EXTRA_INDEX_URL"] = "https://c/simple"  # an env var replaces the file's value, as in pip
    env["PIP_INDEX_URL"] = "https://env/simple"
    assert load_sources(env=env).index_urls == ["https://env/simple", "https://c/simple"]


def test_install_section_overrides_global(tmp_path):
    conf = tmp_path / "pip.conf"
    conf.write_text("[global]\nindex-url = https://g/simple\n[install]\nindex-url = https://i/simple\n")
    assert load_sources(env={"PIP_CONFIG_FILE": str(conf)}).index_urls[0] == "https://i/simple"


def test_explicit_arguments_replace_index_and_extend_the_rest(tmp_path):
    conf = write_conf(tmp_path / "pip.conf", **{"index-url": "https://mirror/simple", "extra-index-url": "https://a/simple", "find-links": "/l1"})
    s = load_sources(index_url="https://mine/simple", extra_index_urls=["https://x/simple"], find_links=["/l2"],
                     env={"PIP_CONFIG_FILE": str(conf)})
    assert s.index_urls == ["https://mine/simple", "https://a/simple", "https://x/simple"]
    assert s.find_links == ["/l1", "/l2"]


def test_no_index_and_devnull_and_no_pip_config(tmp_path):
    assert load_sources(env={"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "/l"}).index_urls == []
    assert load_sources(env={"PIP_CONFIG_FILE": os.devnull}).index_urls == [DEFAULT_INDEX]
    assert load_sources(use_pip_config=False, env={"PIP_INDEX_URL": "https://ignored/"}).index_urls == [DEFAULT_INDEX]


def test_missing_configured_file_index_is_a_warning(tmp_path, monkeypatch, make_local_index, cache_dir):
    real = make_local_index({"lib": [{"version": "1.0"}]})
    conf = write_conf(tmp_path / "pip.conf", **{"index-url": real.file_url,
                                                "extra-index-url": f"file://{tmp_path}/nowhere/simple",
                                                "find-links": f"{tmp_path}/no-links"})
    monkeypatch.setenv("PIP_CONFIG_FILE", str(conf))
    for var in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_NO_INDEX"):
        monkeypatch.delenv(var, raising=False)
    idx = PackageIndex.from_config(T)
    assert [str(r.version) for r in idx.releases("lib")] == ["1.0"]
    assert any("nowhere/simple does not exist; skipped" in w for w in idx.warnings)
    assert any("no-links does not exist; skipped" in w for w in idx.warnings)


@pytest.mark.parametrize("url,shown", [
    ("https://user:tok@host/simple/", "https://***@host/simple/"),
    ("https://tok@host/simple/", "https://***@host/simple/"),
    ("https://host/simple/", "https://host/simple/"),
])
def test_redact(url, shown):
    assert redact(url) == shown


def test_credentials_from_config_never_reach_warnings(tmp_path, monkeypatch, cache_dir):
    conf = write_conf(tmp_path / "pip.conf", **{"extra-index-url": "file://user:hunter2@/nowhere/simple"})
    monkeypatch.setenv("PIP_CONFIG_FILE", str(conf))
    idx = PackageIndex.from_config(T, index_url="file:///nowhere-either/simple")
    assert idx.warnings and not any("hunter2" in w for w in idx.warnings)
