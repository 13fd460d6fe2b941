"""An HTTPS index and a forward proxy on 127.0.0.1, for the transport's TLS and proxy checks.

:func:`self_signed_cert` makes a throwaway self-signed certificate for
``IP:127.0.0.1`` with the ``openssl`` command (no CA: the certificate is its
own trust anchor).  :class:`TLSIndexServer` is :class:`IndexServer` (same
pages, same Range handling and modes) behind TLS.  :class:`ForwardProxy` is a
minimal HTTP proxy: ``CONNECT host:port`` tunnels (counted) and absolute-form
``GET http://...`` requests (recorded); it only ever connects to 127.0.0.1,
and given ``auth`` it answers 407 to requests without those Basic credentials.
"""

from __future__ import annotations

import base64
import select
import shutil
import socket
import ssl
import subprocess
import threading
from pathlib import Path
from typing import List, Optional, Tuple
from urllib.parse import urlsplit

from tests.support.server import IndexServer


class NoOpenSSL(RuntimeError):
    """The ``openssl`` command is missing or failed; callers skip."""


def self_signed_cert(dest: Path, name: str = "index", san: str = "IP:127.0.0.1",
                     usage: str = "serverAuth") -> Tuple[Path, Path]:
    """``(cert.pem, key.pem)`` in ``dest``: self-signed, subjectAltName ``san`` (127.0.0.1), valid one day."""
    exe = shutil.which("openssl")
    if exe is None:
        raise NoOpenSSL("the openssl command is not installed")
    dest.mkdir(parents=True, exist_ok=True)
    cert, key = dest / f"{name}-cert.pem", dest / f"{name}-key.pem"
    # A config of our own: the host's openssl.cnf may be missing or odd.  The
    # extensions make a well-formed self-issued certificate (CA:TRUE so it can
    # be its own trust anchor, key identifiers for strict verifiers).
    cnf = dest / f"{name}-openssl.cnf"
    cnf.write_text(
        "[req]\ndistinguished_name = dn\nx509_extensions = ext\nprompt = no\n"
        "[dn]\nCN = 127.0.0.1\n"
        f"[ext]\nsubjectAltName = {san}\nbasicConstraints = critical,CA:TRUE\n"
        f"keyUsage = critical,digitalSignature,keyCertSign\nextendedKeyUsage = {usage}\n"
        "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid:always\n"
    )
    cmd = [exe, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
           "-keyout", str(key), "-out", str(cert), "-days", "1", "-config", str(cnf)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise NoOpenSSL(f"openssl failed: {exc}") from None
    if done.returncode != 0 or not cert.exists():
        raise NoOpenSSL(f"openssl failed: {done.stderr.strip()[:200]}")
    return cert, key


class TLSIndexServer(IndexServer):
    """``with TLSIndexServer(root, cert, key) as srv: srv.url`` -> ``https://127.0.0.1:PORT/simple/``."""

    def __init__(self, root: Path, cert: Path, key: Path, client_ca: Optional[Path] = None):
        super().__init__(root)
        self._ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._ctx.load_cert_chain(str(cert), str(key))
        if client_ca is not None:  # a client certificate signed by (here: equal to) client_ca is required
            self._ctx.verify_mode = ssl.CERT_REQUIRED
            self._ctx.load_verify_locations(cafile=str(client_ca))
        self.handshake_failures = 0
        self.authorization_seen: List[str] = []

    @property
    def url(self) -> str:
        return super().url.replace("http://", "https://", 1)

    def __enter__(self) -> "TLSIndexServer":
        super().__enter__()
        httpd = self._httpd
        assert httpd is not None
        # Nobody knows the port before __enter__ returns, so no connection can
        # arrive before these instance attributes replace the methods.
        plain_get_request = httpd.get_request
        plain_thread = httpd.process_request_thread

        def get_request():  # wrap only; the handshake runs in the request's own thread
            sock, addr = plain_get_request()
            _no_delay(sock)  # headers and body are separate TLS records: no Nagle/delayed-ACK stall between them
            return self._ctx.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), addr

        def process_request_thread(request, client_address):
            try:
                request.settimeout(5)
                request.do_handshake()
                request.settimeout(None)
            except OSError:  # the client refused our certificate, or hung up
                self.handshake_failures += 1
                httpd.shutdown_request(request)
                return
            plain_thread(request, client_address)

        httpd.get_request = get_request  # type: ignore[method-assign]
        httpd.process_request_thread = process_request_thread  # type: ignore[method-assign]
        httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]  # TLS EOFs: not news
        return self

    def _handle(self, h, head: bool = False) -> None:
        if h.headers.get("Authorization"):
            self.authorization_seen.append(h.headers["Authorization"])
        super()._handle(h, head)


def _read_head(sock: socket.socket) -> Optional[bytes]:
    """Bytes up to and including the blank line ending a request head; None at EOF."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
        if len(buf) > 1 << 20:
            return None
    return buf


class ForwardProxy:
    """``with ForwardProxy() as p: p.url`` -> ``http://127.0.0.1:PORT``.

    ``connects``: the ``host:port`` of every CONNECT tunnelled; ``heads``: every
    request head received from clients, verbatim (what the proxy could read);
    ``forwarded``: the request line of every absolute-form request relayed.
    Upstream connections go to 127.0.0.1 only.  ``ForwardProxy(auth="user:pw")``
    answers 407 to any request whose ``Proxy-Authorization`` is not Basic ``user:pw``.
    """

    def __init__(self, auth: Optional[str] = None) -> None:
        self.auth = None if auth is None else "Basic " + base64.b64encode(auth.encode()).decode()
        self.connects: List[str] = []
        self.heads: List[bytes] = []
        self.forwarded: List[str] = []
        self._lock = threading.Lock()
        self._sock: Optional[socket.socket] = None
        self._open: List[socket.socket] = []
        self._closing = False

    @property
    def port(self) -> int:
        assert self._sock is not None
        return self._sock.getsockname()[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "ForwardProxy":
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(32)
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._closing = True
        assert self._sock is not None
        self._sock.close()
        with self._lock:
            socks, self._open = self._open, []
        for s in socks:
            try:
                s.close()
            except OSError:
                pass

    def _track(self, s: socket.socket) -> socket.socket:
        with self._lock:
            self._open.append(s)
        return s

    def _accept(self) -> None:
        assert self._sock is not None
        while not self._closing:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            _no_delay(client)
            threading.Thread(target=self._serve, args=(self._track(client),), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(10)
        try:
            while True:
                head = _read_head(client)
                if head is None:
                    return
                with self._lock:
                    self.heads.append(head)
                line = head.split(b"\r\n", 1)[0].decode("latin-1")
                method, target, _ = (line.split(" ") + ["", ""])[:3]
                if self.auth is not None and _header(head, b"proxy-authorization") != self.auth:
                    client.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"t\"\r\n"
                                   b"Content-Length: 0\r\nConnection: close\r\n\r\n")
                    return
                if method == "CONNECT":
                    return self._tunnel(client, target, head[head.index(b"\r\n\r\n") + 4:])
                if not target.startswith("http://"):
                    client.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    return
                self._relay(client, method, target, head)
        except OSError:
            return
        finally:
            client.close()

    def _upstream(self, host: str, port: int) -> socket.socket:
        if host != "127.0.0.1":  # hermetic: never the network
            raise OSError(f"proxy refuses {host}")
        return self._track(_no_delay(socket.create_connection((host, port), timeout=10)))

    def _tunnel(self, client: socket.socket, target: str, early: bytes) -> None:
        host, _, port = target.rpartition(":")
        try:
            up = self._upstream(host, int(port))
        except (OSError, ValueError):
            client.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        with self._lock:
            self.connects.append(target)
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        if early:
            up.sendall(early)
        try:
            _pipe(client, up)
        finally:
            up.close()

    def _relay(self, client: socket.socket, method: str, target: str, head: bytes) -> None:
        """One absolute-form request: origin-form upstream with ``Connection: close``, the answer relayed whole."""
        parts = urlsplit(target)
        with self._lock:
            self.forwarded.append(head.split(b"\r\n", 1)[0].decode("latin-1"))
        lines = head[: head.index(b"\r\n\r\n")].split(b"\r\n")[1:]
        kept = [ln for ln in lines if not ln.lower().startswith((b"connection:", b"proxy-", b"keep-alive:"))]
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        out = f"{method} {path} HTTP/1.1\r\n".encode() + b"\r\n".join(kept + [b"Connection: close"]) + b"\r\n\r\n"
        up = self._upstream(parts.hostname or "", parts.port or 80)
        try:
            up.sendall(out)
            while True:  # the origin closes after the answer; the client keeps its connection to us
                chunk = up.recv(65536)
                if not chunk:
                    return
                client.sendall(chunk)
        finally:
            up.close()


def _header(head: bytes, name: bytes) -> Optional[str]:
    """The value of header ``name`` (lower-case) in a request head, or None."""
    for ln in head.split(b"\r\n")[1:]:
        key, sep, value = ln.partition(b":")
        if sep and key.strip().lower() == name:
            return value.strip().decode("latin-1")
    return None


def _no_delay(sock: socket.socket) -> socket.socket:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _pipe(a: socket.socket, b: socket.socket) -> None:
    """Copy bytes both ways until either side closes."""
    a.setblocking(True)
    b.setblocking(True)
    socks = [a, b]
    while True:
        try:
            ready, _, _ = select.select(socks, [], [], 10)
        except (OSError, ValueError):
            return  # a side was closed under us (its descriptor is -1): the tunnel is over
        if not ready:
            return
        for s in ready:
            try:
                data = s.recv(65536)
                if not data:
                    return
                (b if s is a else a).sendall(data)
            except OSError:
                return  # reset by either side: the tunnel is over
