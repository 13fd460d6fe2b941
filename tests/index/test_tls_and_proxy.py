"""pip's ``cert`` and ``proxy`` settings, end to end against a TLS index on 127.0.0.1.

A throwaway self-signed certificate (``openssl``), the fixture index served
over HTTPS with Range support, and a small forward proxy counting the CONNECTs
it tunnels (tests/support/tls_proxy.py).  Pinned here: the certificate comes
from ``PIP_CERT`` or a pip config file (without it the read fails in one
line); ``proxy`` / ``HTTPS_PROXY`` route through the proxy the way pip routes
(``proxy`` ignores NO_PROXY, the environment's proxies honour it, CIDR entries
included); a plain-HTTP index goes through the proxy in absolute form; index
credentials reach the index, inside TLS, and nothing the user reads.
"""

from __future__ import annotations

import base64
import json
import re
import time

import pytest

from pytest_depfix.index import PackageIndex
from pytest_depfix.target import Target
from tests.support.hardening_world import build_world, run_cli
from tests.support.server import IndexServer
from tests.support.tls_proxy import ForwardProxy, NoOpenSSL, TLSIndexServer, self_signed_cert

PY39 = Target.from_spec("3.9", "linux")
PINNED_WHEELS = ("jinjo-2.11.3-", "markupsafe-2.1.1-", "six-1.15.0-")  # the world's requirements
SECRET = "tls9Secret"
TLS_REFUSED = re.compile(r"certificate.verify.failed", re.IGNORECASE)  # ssl's reason for an untrusted certificate
PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def no_ambient_network_settings(monkeypatch, isolated_pip_config):
    """Only what a test sets: no proxy or cert from the machine running the tests."""
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.upper(), raising=False)
    for var in ("PIP_CERT", "PIP_CLIENT_CERT", "PIP_PROXY", "PIP_TRUSTED_HOST", "PIP_NO_PROXY"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    """Two unrelated self-signed certificates for 127.0.0.1: ``trusted`` (given to depfix) and ``other``."""
    d = tmp_path_factory.mktemp("tls")
    try:
        return {"trusted": self_signed_cert(d, "trusted"), "other": self_signed_cert(d, "other")}
    except NoOpenSSL as exc:
        pytest.skip(f"needs the openssl command to make a test certificate: {exc}")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return build_world(tmp_path_factory.mktemp("tls-world"))


@pytest.fixture
def ca_file(certs):
    return str(certs["trusted"][0])


@pytest.fixture
def https_index(world, certs):
    with TLSIndexServer(world.index.root, *certs["trusted"]) as srv:
        yield srv


@pytest.fixture
def proxy():
    with ForwardProxy() as p:
        yield p


def check(world, cache_dir, url, *extra):
    """``depfix check`` on the world's pins, pip's configuration honoured: (status, stdout, stderr)."""
    return run_cli(["check", "-r", str(world.requirements), "--python", "3.9", "--platform", "linux",
                    "--index-url", url, "--cache-dir", str(cache_dir), "--timeout", "5", *extra])


def refused_handshakes(srv, at_least=1):
    """The server's count of refused TLS handshakes, once it has seen them (its threads lag the client)."""
    deadline = time.monotonic() + 2
    while srv.handshake_failures < at_least and time.monotonic() < deadline:
        time.sleep(0.01)
    return srv.handshake_failures


def read_through(url, cache_dir):
    """Releases and one METADATA through a PackageIndex built from pip's configuration (env + PIP_CONFIG_FILE)."""
    with PackageIndex.from_config(PY39, index_url=url, cache_dir=str(cache_dir), timeout=5) as idx:
        versions = [str(r.version) for r in idx.releases("markupsafe")]
        meta = idx.metadata("jinjo", "2.11.3")
        return versions, meta.requires_dist, idx.stats


def netloc(srv):
    return srv.url.split("/")[2]


def assert_metadata_by_range(srv, wheels=PINNED_WHEELS):
    """Each wheel's METADATA came from a Range read; no wheel was downloaded whole."""
    files = [r for r in srv.requests if "/files/" in r]
    assert files and all("bytes=" in r for r in files), files
    for wheel in wheels:
        assert any(wheel in r for r in files), (wheel, files)


# -- the certificate ------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "analyze"])
def test_without_the_cert_the_index_is_unreachable_in_one_line(world, cache_dir, https_index, command):
    url = https_index.url.replace("https://", f"https://user:{SECRET}@")
    if command == "check":
        status, out, err = check(world, cache_dir, url)
    else:
        status, out, err = run_cli(["analyze", "-r", str(world.requirements), "-t", str(world.traceback),
                                    "--python", "3.9", "--platform", "linux", "--index-url", url,
                                    "--cache-dir", str(cache_dir), "--timeout", "5"])
    assert status == 3  # IndexUnavailable: the index could not be reached
    assert out == ""
    assert "Traceback" not in err and "internal error" not in err and SECRET not in err
    assert err.count("\n") == 1 and err.startswith("depfix: error: "), err
    assert f"https://{netloc(https_index)}/simple/jinjo/" in err and TLS_REFUSED.search(err), err
    assert refused_handshakes(https_index) >= 1 and https_index.requests == []  # refused at the handshake


def test_pip_cert_in_the_environment_verifies_the_index(world, cache_dir, https_index, ca_file, monkeypatch):
    monkeypatch.setenv("PIP_CERT", ca_file)
    versions, requires, stats = read_through(https_index.url, cache_dir)
    assert versions == ["2.0.0", "2.0.1", "2.1.0", "2.1.1"]
    assert requires == ["markupsafe>=0.23"]
    assert stats["range_requests"] >= 1 and stats.get("full_downloads", 0) == 0
    status, out, err = check(world, cache_dir, https_index.url)
    assert (status, out.splitlines()[-1], err) == (0, "consistent", "")
    assert_metadata_by_range(https_index)
    assert https_index.handshake_failures == 0


def test_cert_in_a_pip_config_file_verifies_the_index(world, cache_dir, https_index, ca_file, isolated_pip_config):
    isolated_pip_config.write_text(f"[global]\ncert = {ca_file}\n")
    status, out, err = check(world, cache_dir, https_index.url)
    assert (status, out.splitlines()[-1], err) == (0, "consistent", "")
    assert_metadata_by_range(https_index)
    # ... and it is the file that did it: without pip's configuration the same read fails.
    status, _, err = check(world, cache_dir.parent / "cold-cache", https_index.url, "--no-pip-config")
    assert status == 3 and TLS_REFUSED.search(err), err


# -- the proxy ------------------------------------------------------------


def test_https_proxy_tunnels_the_tls_index(world, cache_dir, https_index, ca_file, proxy, monkeypatch):
    monkeypatch.setenv("PIP_CERT", ca_file)
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    versions, requires, _ = read_through(https_index.url, cache_dir)
    assert versions == ["2.0.0", "2.0.1", "2.1.0", "2.1.1"] and requires == ["markupsafe>=0.23"]
    assert len(proxy.connects) > 0 and set(proxy.connects) == {netloc(https_index)}
    assert len(proxy.connects) < len(https_index.requests)  # tunnels are kept alive, not one per request
    assert_metadata_by_range(https_index, ["jinjo-2.11.3-"])  # Range reads survive the tunnel


@pytest.mark.parametrize("where", ["config-file", "env"])
def test_pip_proxy_setting_wins_over_the_environment_and_ignores_no_proxy(
        world, cache_dir, https_index, ca_file, proxy, isolated_pip_config, monkeypatch, where):
    """pip's ``--proxy`` sets the session's proxies and stops trusting the environment:
    HTTPS_PROXY and NO_PROXY no longer apply (pip's index_command._build_session)."""
    monkeypatch.setenv("PIP_CERT", ca_file)
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:1")  # nothing listens: used, it would fail
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    if where == "config-file":
        isolated_pip_config.write_text(f"[global]\nproxy = 127.0.0.1:{proxy.port}\n")  # pip's documented host:port form
    else:
        monkeypatch.setenv("PIP_PROXY", proxy.url)
    versions, _, _ = read_through(https_index.url, cache_dir)
    assert versions == ["2.0.0", "2.0.1", "2.1.0", "2.1.1"]
    assert len(proxy.connects) > 0


@pytest.mark.parametrize("var, value", [
    ("NO_PROXY", "127.0.0.1"),
    ("no_proxy", "localhost, 127.0.0.1"),
    ("NO_PROXY", "*"),
    ("NO_PROXY", "example.invalid,127.0.0.0/8"),  # requests (so pip) honours CIDR entries; urllib alone does not
])
def test_no_proxy_sends_127_0_0_1_direct(world, cache_dir, https_index, ca_file, proxy, monkeypatch, var, value):
    monkeypatch.setenv("PIP_CERT", ca_file)
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv(var, value)
    versions, _, _ = read_through(https_index.url, cache_dir)
    assert versions == ["2.0.0", "2.0.1", "2.1.0", "2.1.1"]
    assert proxy.connects == [] and proxy.heads == []
    assert_metadata_by_range(https_index, ["jinjo-2.11.3-"])


@pytest.mark.parametrize("value", ["localhost", "127.0.0.2", "10.0.0.0/8", "127.0.0.1/40", "0.0.0.0/0"])
def test_no_proxy_entries_that_do_not_match_127_0_0_1_keep_the_proxy(world, cache_dir, https_index, ca_file, proxy,
                                                                     monkeypatch, value):
    """As in requests: names are not resolved, other networks and malformed or /0 CIDRs do not match."""
    monkeypatch.setenv("PIP_CERT", ca_file)
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", value)
    read_through(https_index.url, cache_dir)
    assert len(proxy.connects) > 0


@pytest.mark.parametrize("how", ["HTTP_PROXY", "proxy-setting"])
def test_plain_http_index_goes_through_the_proxy_in_absolute_form(world, cache_dir, proxy, monkeypatch, how):
    with IndexServer(world.index.root) as srv:
        monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:1")  # the https proxy must not be used for http
        if how == "HTTP_PROXY":
            monkeypatch.setenv("HTTP_PROXY", proxy.url)
        else:
            monkeypatch.setenv("PIP_PROXY", proxy.url)
        versions, requires, _ = read_through(srv.url, cache_dir)
        assert versions == ["2.0.0", "2.0.1", "2.1.0", "2.1.1"] and requires == ["markupsafe>=0.23"]
        status, out, _ = check(world, cache_dir, srv.url)
    assert status == 0 and out.splitlines()[-1] == "consistent"
    origin = srv.url[: -len("/simple/")]
    assert proxy.connects == []
    assert proxy.forwarded and all(line.startswith(f"GET {origin}/") and line.endswith(" HTTP/1.1")
                                   for line in proxy.forwarded)
    assert len(proxy.forwarded) == len(srv.requests)  # every request went through the proxy
    assert_metadata_by_range(srv)


# -- credentials ----------------------------------------------------------


def test_index_credentials_reach_the_index_inside_tls_and_nothing_the_user_reads(
        world, cache_dir, certs, https_index, ca_file, proxy, monkeypatch):
    """``https://user:secret@127.0.0.1:PORT/simple/`` through a proxy, next to an extra index
    whose certificate is not trusted (its warning puts the URL into both reports)."""
    monkeypatch.setenv("PIP_CERT", ca_file)
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    report, markdown = world.root.parent / "tls-report.json", world.root.parent / "tls-report.md"
    with TLSIndexServer(world.index.root, *certs["other"]) as untrusted:
        argv = ["analyze", "-r", str(world.requirements), "-t", str(world.traceback), "--python", "3.9",
                "--platform", "linux", "--cache-dir", str(cache_dir), "--timeout", "5",
                "--index-url", https_index.url.replace("https://", f"https://user:{SECRET}@"),
                "--extra-index-url", untrusted.url.replace("https://", f"https://user:{SECRET}@"),
                "--report", str(report), "--markdown", str(markdown)]
        status, out, err = run_cli(argv)
    token = base64.b64encode(f"user:{SECRET}".encode()).decode()
    assert status == 0, err
    assert out == "Jinjo==2.11.3\nMarkupSafe==2.0.1\nsix==1.15.0\n"
    assert https_index.authorization_seen and set(https_index.authorization_seen) == {f"Basic {token}"}
    assert refused_handshakes(untrusted) >= 1 and untrusted.authorization_seen == []  # refused before any header
    json_text, md_text = report.read_text(), markdown.read_text()
    for text in (out, err, json_text, md_text):
        assert SECRET not in text and token not in text
    # ... though the untrusted index's URL is in both reports, named by the warning about it.
    refused = [w for w in json.loads(json_text)["warnings"] if f"https://{netloc(untrusted)}/simple/jinjo/" in w]
    assert len(refused) == 1 and TLS_REFUSED.search(refused[0]) and refused[0] in md_text
    # The proxy saw only CONNECT lines: the Authorization header travelled inside TLS.
    seen_by_proxy = b"".join(proxy.heads)
    assert proxy.connects and SECRET.encode() not in seen_by_proxy and token.encode() not in seen_by_proxy
    assert all(h.startswith(b"CONNECT ") for h in proxy.heads)
