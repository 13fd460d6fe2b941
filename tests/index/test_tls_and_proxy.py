"""pip's ``cert`` and ``proxy`` settings, end to end against a TLS index on 127.0.0.1.

A throwaway self-signed certificate (``openssl``), the fixture index served
over HTTPS with Range support, and a small forward proxy counting the CONNECTs
it tunnels (tests/support/tls_proxy.py).  Pinned here: the certificate comes
from ``PIP_CERT`` or a pip config file (without it the read fails in one
line); ``proxy`` / ``HTTPS_PROXY`` route through the proxy the way pip routes
(``proxy`` ignores NO_PROXY, the environment's proxies honour it, CIDR entries
included); a plain-HTTP index goes through the proxy in absolute form; index
credentials reach the index, inside TLS, and nothing the user reads.  Also
pinned, as pip (requests, urllib3) does it: ALL_PROXY when no scheme proxy is
set, Basic ``Proxy-Authorization`` from the proxy URL on absolute-form requests
too, port 80 for a proxy URL without one, a ``cert`` / ``client-cert`` naming
a missing or unloadable file is bad input (exit 2, one line; a plugin warning),
and a refused certificate says ssl's reason (self-signed, hostname mismatch).
"""

from __future__ import annotations

import base64
import json
import re
import socket
import time

import pytest

from pytest_depfix.errors import IndexUnavailable
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
    """Two unrelated self-signed certificates for 127.0.0.1: ``trusted`` (given to depfix) and ``other``;
    ``wrong-host`` is for 127.0.0.2 only."""
    d = tmp_path_factory.mktemp("tls")
    try:
        return {"trusted": self_signed_cert(d, "trusted"), "other": self_signed_cert(d, "other"),
                "wrong-host": self_signed_cert(d, "wrong-host", san="IP:127.0.0.2")}
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
def http_index(world):
    with IndexServer(world.index.root) as srv:
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


def test_a_cert_folder_is_the_whole_trust_store(world, cache_dir, https_index, certs, tmp_path, monkeypatch):
    # requests' ca_cert_dir: a folder of hashed certificates ("<subject hash>.0"), and nothing beside it
    import shutil
    import subprocess

    from pytest_depfix.index.transport import Transport

    cert = certs["trusted"][0]
    subject_hash = subprocess.run([shutil.which("openssl"), "x509", "-hash", "-noout", "-in", str(cert)],
                                  capture_output=True, text=True, check=True).stdout.strip()
    folder = tmp_path / "cas"
    folder.mkdir()
    shutil.copy(cert, folder / f"{subject_hash}.0")
    monkeypatch.setenv("PIP_CERT", str(folder))
    status, out, err = check(world, cache_dir, https_index.url)
    assert (status, out.splitlines()[-1], err) == (0, "consistent", "")
    # no system store loaded beside the folder (its certificates load lazily: none counted up front)
    assert Transport(cert=str(folder)).tls_context().cert_store_stats()["x509_ca"] == 0
    assert Transport(cert=str(cert)).tls_context().cert_store_stats()["x509_ca"] == 1


def test_a_trusted_host_still_presents_the_client_certificate(world, cache_dir, certs, tmp_path, monkeypatch):
    # pip's --trusted-host skips verifying the index, not authenticating to it
    client_cert, client_key = self_signed_cert(tmp_path, "client", usage="clientAuth")
    pem = tmp_path / "client.pem"
    pem.write_text(client_key.read_text() + client_cert.read_text())
    with TLSIndexServer(world.index.root, *certs["other"], client_ca=client_cert) as srv:
        monkeypatch.setenv("PIP_TRUSTED_HOST", "127.0.0.1")
        status, _, err = check(world, cache_dir.parent / "no-client-cert", srv.url)
        assert status == 3, err  # the server wants a client certificate
        monkeypatch.setenv("PIP_CLIENT_CERT", str(pem))
        status, out, err = check(world, cache_dir, srv.url)
        assert (status, out.splitlines()[-1], err) == (0, "consistent", "")


def test_cert_in_a_pip_config_file_verifies_the_index(world, cache_dir, https_index, ca_file, isolated_pip_config):
    isolated_pip_config.write_text(f"[global]\ncert = {ca_file}\n")
    status, out, err = check(world, cache_dir, https_index.url)
    assert (status, out.splitlines()[-1], err) == (0, "consistent", "")
    assert_metadata_by_range(https_index)
    # ... and it is the file that did it: without pip's configuration the same read fails.
    status, _, err = check(world, cache_dir.parent / "cold-cache", https_index.url, "--no-pip-config")
    assert status == 3 and TLS_REFUSED.search(err), err


def one_line_error(status, out, err, expected_status):
    assert (status, out) == (expected_status, ""), err
    assert "Traceback" not in err and "internal error" not in err and SECRET not in err
    assert err.count("\n") == 1 and err.startswith("depfix: error: "), err


@pytest.mark.parametrize("setting, content", [
    ("PIP_CERT", None),
    ("pip.conf cert", None),
    ("PIP_CLIENT_CERT", None),
    ("PIP_CERT", "not a certificate\n"),
    ("PIP_CLIENT_CERT", "not a certificate\n"),
])
def test_a_cert_setting_naming_a_missing_or_unusable_file_is_bad_input_in_one_line(
        world, cache_dir, https_index, ca_file, isolated_pip_config, monkeypatch, tmp_path, setting, content):
    """pip refuses a ``cert`` that is not there ("Could not find a suitable TLS CA certificate
    bundle, invalid path: ...") rather than falling back to the system's certificates;
    likewise a ``client-cert``.  Exit 2 (the settings name a file depfix cannot use), not 3."""
    path = tmp_path / "nowhere" / "tls.pem"
    if content is not None:
        path = tmp_path / "garbage.pem"
        path.write_text(content)
    if setting == "pip.conf cert":
        isolated_pip_config.write_text(f"[global]\ncert = {path}\n")
    elif setting == "PIP_CERT":
        monkeypatch.setenv("PIP_CERT", str(path))
    else:
        monkeypatch.setenv("PIP_CERT", ca_file)  # the CA is fine; the client certificate is not
        monkeypatch.setenv("PIP_CLIENT_CERT", str(path))
    url = https_index.url.replace("https://", f"https://user:{SECRET}@")
    status, out, err = check(world, cache_dir, url)
    one_line_error(status, out, err, 2)
    assert str(path) in err
    if content is None:
        assert f"invalid path: {path}" in err
    assert https_index.requests == []


def test_a_missing_cert_is_a_plugin_warning_and_report_entry_not_an_internal_error(
        pytester, cache_dir, tmp_path, monkeypatch):
    missing = tmp_path / "nowhere" / "ca.pem"
    monkeypatch.setenv("PIP_CERT", str(missing))
    pytester.makefile(".txt", requirements="six==1.15.0\n")
    pytester.makepyfile(test_crash="def test_crash():\n    import depfix_no_such_module_anywhere\n")
    result = pytester.runpytest_subprocess("-p", "no:randomly", "--depfix", "--depfix-requirements", "requirements.txt",
                                           "--depfix-index-url", "https://127.0.0.1:9/simple/")
    assert result.ret == 1  # the test's own failure, not ours
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()
    result.stdout.fnmatch_lines([f"*depfix warning*invalid path: {missing}*"])
    report = json.loads((pytester.path / ".depfix" / "depfix-report.json").read_text())
    assert report["status"] == "error" and any(f"invalid path: {missing}" in e for e in report["errors"])


@pytest.mark.parametrize("served, trusted, reason", [
    ("other", None, re.compile(r"self.signed certificate", re.IGNORECASE)),
    ("wrong-host", "wrong-host", re.compile(r"mismatch, certificate is not valid for '127\.0\.0\.1'")),
])
def test_a_refused_certificate_says_ssl_s_reason(world, cache_dir, certs, monkeypatch, served, trusted, reason):
    if trusted:
        monkeypatch.setenv("PIP_CERT", str(certs[trusted][0]))
    with TLSIndexServer(world.index.root, *certs[served]) as srv:
        status, out, err = check(world, cache_dir, srv.url.replace("https://", f"https://user:{SECRET}@"))
    one_line_error(status, out, err, 3)
    assert f"https://{netloc(srv)}/simple/jinjo/" in err and TLS_REFUSED.search(err) and reason.search(err), err


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


@pytest.mark.parametrize("var", ["ALL_PROXY", "all_proxy"])
def test_all_proxy_is_used_when_no_scheme_proxy_is_set(world, cache_dir, tmp_path, https_index, ca_file, proxy,
                                                       monkeypatch, var):
    """requests picks the scheme's proxy, else ``all``: ALL_PROXY routes https and http alike."""
    monkeypatch.setenv("PIP_CERT", ca_file)
    monkeypatch.setenv(var, proxy.url)
    versions, _, _ = read_through(https_index.url, cache_dir)
    assert versions == ["2.0.0", "2.0.1", "2.1.0", "2.1.1"]
    assert proxy.connects and set(proxy.connects) == {netloc(https_index)}
    with IndexServer(world.index.root) as srv:
        versions, _, _ = read_through(srv.url, tmp_path / "cache-http")
    assert versions == ["2.0.0", "2.0.1", "2.1.0", "2.1.1"]
    assert proxy.forwarded and len(proxy.forwarded) == len(srv.requests)


def test_a_scheme_proxy_wins_over_all_proxy_and_no_proxy_covers_all_proxy(
        world, cache_dir, tmp_path, https_index, ca_file, proxy, monkeypatch):
    """As in requests: HTTPS_PROXY before ALL_PROXY, and NO_PROXY bypasses either."""
    monkeypatch.setenv("PIP_CERT", ca_file)
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:1")  # nothing listens: used, it would fail
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    read_through(https_index.url, cache_dir)
    assert proxy.connects
    monkeypatch.delenv("HTTPS_PROXY")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    versions, _, _ = read_through(https_index.url, tmp_path / "cache-direct")
    assert versions == ["2.0.0", "2.0.1", "2.1.0", "2.1.1"]


@pytest.mark.parametrize("value", [f"socks5://user:{SECRET}@127.0.0.1:1080", f"https://user:{SECRET}@127.0.0.1:3128"])
def test_a_proxy_depfix_cannot_speak_is_named_in_one_line(world, cache_dir, https_index, ca_file, monkeypatch, value):
    """A SOCKS proxy (a common ALL_PROXY) or TLS to the proxy itself: pip without extras fails too;
    depfix says which proxy and why, rather than speaking plain HTTP to it."""
    monkeypatch.setenv("PIP_CERT", ca_file)
    monkeypatch.setenv("ALL_PROXY", value)
    status, out, err = check(world, cache_dir, https_index.url)
    one_line_error(status, out, err, 3)
    scheme = value.split(":", 1)[0]
    assert f"{scheme}://***@127.0.0.1:" in err and f"unsupported proxy scheme '{scheme}'" in err, err
    assert https_index.requests == []


@pytest.mark.parametrize("scheme, how, value", [
    ("http", "HTTP_PROXY", "http://127.0.0.1"),
    ("https", "HTTPS_PROXY", "http://127.0.0.1"),
    ("https", "HTTPS_PROXY", "127.0.0.1"),  # no scheme either: requests prepends http://
    ("http", "PIP_PROXY", "127.0.0.1"),  # pip's documented host[:port] form, port left out
])
def test_a_proxy_without_a_port_is_dialled_on_port_80(cache_dir, monkeypatch, scheme, how, value):
    """urllib3's default for an http:// proxy URL (and pip's ``proxy = host`` form) is port 80."""
    dialled = []

    def refuse(address, *args, **kwargs):
        dialled.append(address)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(socket, "create_connection", refuse)  # hermetic: nothing is dialled for real
    monkeypatch.setenv(how, value)
    with pytest.raises(IndexUnavailable):
        read_through(f"{scheme}://127.0.0.1:9/simple/", cache_dir)
    assert dialled and set(dialled) == {("127.0.0.1", 80)}


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


@pytest.mark.parametrize("scheme, how", [("http", "HTTP_PROXY"), ("http", "proxy-setting"), ("https", "HTTPS_PROXY")])
def test_proxy_credentials_reach_the_proxy_on_every_request_and_nothing_the_user_reads(
        world, cache_dir, request, monkeypatch, scheme, how):
    """``http://user:secret@proxy:PORT``: Basic Proxy-Authorization on absolute-form requests
    (a plain-HTTP index) as on CONNECT (an HTTPS index), as requests sends it; never in output."""
    if scheme == "https":
        monkeypatch.setenv("PIP_CERT", request.getfixturevalue("ca_file"))
        index = request.getfixturevalue("https_index")
    else:
        index = request.getfixturevalue("http_index")
    report, markdown = world.root.parent / f"proxy-{how}.json", world.root.parent / f"proxy-{how}.md"
    with ForwardProxy(auth=f"user:{SECRET}") as authed:  # 407 without the credentials
        proxy_url = authed.url.replace("http://", f"http://user:{SECRET}@")
        monkeypatch.setenv("PIP_PROXY" if how == "proxy-setting" else how, proxy_url)
        status, out, err = run_cli(["analyze", "-r", str(world.requirements), "-t", str(world.traceback),
                                    "--python", "3.9", "--platform", "linux", "--cache-dir", str(cache_dir),
                                    "--timeout", "5", "--index-url", index.url,
                                    "--report", str(report), "--markdown", str(markdown)])
    token = base64.b64encode(f"user:{SECRET}".encode()).decode()
    assert status == 0, err
    assert out == "Jinjo==2.11.3\nMarkupSafe==2.0.1\nsix==1.15.0\n"
    assert authed.heads and all(f"\r\nProxy-Authorization: Basic {token}\r\n".encode() in h for h in authed.heads)
    if scheme == "http":
        assert len(authed.forwarded) == len(index.requests) and authed.connects == []
    else:
        assert authed.connects and authed.forwarded == []
    for text in (out, err, report.read_text(), markdown.read_text()):
        assert SECRET not in text and token not in text
