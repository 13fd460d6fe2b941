"""Fetching bytes: HTTP(S) with keep-alive per host, and file:// from disk.

Standard library only (``http.client``), so depfix adds nothing that could
conflict with the environment it diagnoses.  Every read has a size cap, every
socket read a timeout and every fetch an overall deadline; a body shorter than its Content-Length is an error rather
than silently short data; range replies are checked against what was asked,
and a host that ignores or garbles ranges is remembered so later reads go
straight to a full download.  Failures a second try can fix (a reset, a body
cut short, a 5xx) are retried twice with backoff inside the fetch's budget.
URLs in messages never carry credentials.  Proxies and certificates follow pip
(requests): the scheme's proxy variable, else ALL_PROXY; Basic credentials from
the proxy URL on CONNECT and absolute-form requests alike; port 80 when the
proxy URL names none; a ``cert`` or ``client-cert`` that cannot be loaded is
bad input, never a silent fall-back to the system's certificates.
"""

from __future__ import annotations

import base64
import os
import re
import threading
import time
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Set, Tuple
from urllib.parse import unquote, urljoin, urlsplit

from ..errors import BadInput
from .config import redact

if TYPE_CHECKING:  # http.client, ssl and urllib.request load lazily: warm answers never touch them
    import http.client
    import ssl

USER_AGENT = "pytest-depfix (+https://pypi.org/project/pytest-depfix/)"
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")


class FetchError(Exception):
    """A source could not answer (network, timeout, 5xx, truncated body)."""


class NotFound(FetchError):
    """The source answered 404/410: it does not have this."""


class TooLarge(FetchError):
    """The body would exceed the cap set for this download."""


class Truncated(FetchError):
    """The connection ended before the body did: a retry on a fresh connection usually helps."""


# Bounded retries, as pip does (urllib3 Retry with a 0.25 s backoff factor):
# what a second try can fix is retried, what it cannot is not.  Retried: a
# reset or closed connection, a body cut short, a 5xx.  Not retried: a
# timeout (the budget is spent), a refused connection (nothing listens), 4xx.
RETRIES = 2
BACKOFF = 0.25
# The socket timeout bounds each read only: a server dripping a byte every
# half-second never trips it.  So each fetch also has an overall deadline:
# DEADLINE_FACTOR timeouts, plus one second per SLOW_RATE bytes the server
# announces, so an honest large download on a slow link (a 500 MB wheel at
# 1 MB/s) is not cut off while a drip is.
DEADLINE_FACTOR = 4
SLOW_RATE = 1024 * 1024


@dataclass
class Response:
    status: int
    body: bytes
    headers: Dict[str, str] = field(default_factory=dict)  # lower-case names
    url: str = ""


@dataclass
class Stats:
    """Counters shared by all threads; read as a plain dict via :meth:`snapshot`."""

    counts: Dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, key: str, n: int = 1) -> None:
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + n

    def snapshot(self) -> Dict[str, int]:
        with self.lock:
            base = {"requests": 0, "bytes": 0, "cache_hits": 0, "metadata_fetches": 0}
            base.update(self.counts)
            return base


def file_url_to_path(url: str) -> str:
    parts = urlsplit(url)
    if os.name == "nt":
        from urllib.request import url2pathname

        path = url2pathname(unquote(parts.path))
    else:
        path = unquote(parts.path)
    if parts.netloc and parts.netloc not in ("localhost",):
        path = "//" + parts.netloc + path  # UNC share
    return path


class Transport:
    """Fetch URLs with bounded reads; one pool of kept-alive connections per host."""

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        cert: Optional[str] = None,
        client_cert: Optional[str] = None,
        proxy: Optional[str] = None,
        trusted_hosts: Tuple[str, ...] = (),
        stats: Optional[Stats] = None,
        retries: int = RETRIES,
    ):
        self.timeout = timeout
        self.cert = cert
        self.client_cert = client_cert
        self.proxy = proxy
        self.trusted_hosts = set(trusted_hosts)
        self.stats = stats or Stats()
        self.retries = retries
        self.auth: Dict[str, str] = {}  # netloc (no userinfo) -> Authorization header
        self.no_range_hosts: Set[str] = set()
        # Hosts whose last fetch failed after every retry: their next fetches try
        # once, so a dead index costs one retry round, not one per file (an
        # answer from the host clears it).
        self.failing_hosts: Set[str] = set()
        self._pool: Dict[Tuple[str, str], List[Any]] = {}
        self._lock = threading.Lock()
        self._ssl: Optional["ssl.SSLContext"] = None
        self._ssl_unverified: Optional["ssl.SSLContext"] = None

    # -- credentials --------------------------------------------------
    def strip_credentials(self, url: str) -> str:
        """Remember ``user:pw@`` of ``url`` for its host and return the URL without it."""
        parts = urlsplit(url)
        if "@" not in parts.netloc:
            return url
        userinfo, host = parts.netloc.rsplit("@", 1)
        user, _, pw = userinfo.partition(":")
        token = base64.b64encode(f"{unquote(user)}:{unquote(pw)}".encode()).decode()
        self.auth[host] = f"Basic {token}"
        return parts._replace(netloc=host).geturl()

    # -- public API ---------------------------------------------------
    def get(self, url: str, *, headers: Optional[Dict[str, str]] = None, max_bytes: int, accept_gzip: bool = False) -> Response:
        """GET ``url`` (http, https or file); raises NotFound, TooLarge, FetchError."""
        if url.startswith("file:"):
            return self._get_file(url, max_bytes)
        hdrs = {"Accept-Encoding": "gzip" if accept_gzip else "identity"}
        hdrs.update(headers or {})
        return self._http(url, hdrs, max_bytes)

    def get_range(self, url: str, start: Optional[int], length: int, *, full_cap: int) -> Tuple[bytes, int, int, bool]:
        """Read ``length`` bytes at ``start`` (``start=None``: the last ``length`` bytes).

        Returns ``(data, offset, total, ranged)``; ``ranged`` is False when the
        whole file came back instead (server ignored the range, or this host is
        known not to honour ranges), in which case ``data`` is the entire file.
        """
        if url.startswith("file:"):
            path = file_url_to_path(url)
            try:
                with open(path, "rb") as fh:
                    total = os.fstat(fh.fileno()).st_size
                    off = max(0, total - length) if start is None else start
                    fh.seek(off)
                    data = fh.read(length)
            except FileNotFoundError:
                raise NotFound(f"{redact(url)}: no such file") from None
            except OSError as exc:
                raise FetchError(f"{redact(url)}: {exc.strerror or exc}") from None
            self.stats.add("local_bytes", len(data))
            return data, off, total, True
        host = urlsplit(url).netloc
        if host in self.no_range_hosts:
            resp = self._http(url, {"Accept-Encoding": "identity"}, full_cap)
            self.stats.add("full_downloads")
            return resp.body, 0, len(resp.body), False
        spec = f"bytes=-{length}" if start is None else f"bytes={start}-{start + length - 1}"
        resp = self._http(url, {"Range": spec, "Accept-Encoding": "identity"}, full_cap)
        self.stats.add("range_requests")
        if resp.status == 206:
            m = _CONTENT_RANGE.fullmatch(resp.headers.get("content-range", "").strip())
            if m and m.group(3) != "*":
                a, b, total = int(m.group(1)), int(m.group(2)), int(m.group(3))
                want = max(0, total - length) if start is None else start
                if a == want and b - a + 1 == len(resp.body) and b < total:
                    return resp.body, a, total, True
            # A range reply we cannot trust: never again for this host; read it whole.
            self.no_range_hosts.add(host)
            resp = self._http(url, {"Accept-Encoding": "identity"}, full_cap)
            self.stats.add("full_downloads")
            return resp.body, 0, len(resp.body), False
        self.no_range_hosts.add(host)  # 200: the server sent the whole file
        self.stats.add("full_downloads")
        return resp.body, 0, len(resp.body), False

    def close(self) -> None:
        with self._lock:
            pools, self._pool = self._pool, {}
        for conns in pools.values():
            for c in conns:
                try:
                    c.close()
                except Exception:  # pragma: no cover
                    pass

    # -- file:// ------------------------------------------------------
    def _get_file(self, url: str, max_bytes: int) -> Response:
        path = file_url_to_path(url)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                raise TooLarge(f"{redact(url)} is {size} bytes, over the {max_bytes} byte cap")
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise NotFound(f"{redact(url)}: no such file") from None
        except (IsADirectoryError, NotADirectoryError):
            raise NotFound(f"{redact(url)}: not a file") from None
        except OSError as exc:
            raise FetchError(f"{redact(url)}: {exc.strerror or exc}") from None
        self.stats.add("local_bytes", len(data))
        return Response(200, data, {"content-type": "text/html" if path.endswith(".html") else ""}, url)

    # -- http(s) ------------------------------------------------------
    def verifies(self, url: str) -> bool:
        """Whether fetching ``url`` verifies a certificate (https, host not in trusted-host)."""
        parts = urlsplit(url)
        return parts.scheme == "https" and not self._trusted(parts.netloc)

    def _trusted(self, netloc: str) -> bool:
        hostname = urlsplit(f"//{netloc}").hostname or netloc
        return hostname in self.trusted_hosts or netloc in self.trusted_hosts

    def tls_context(self) -> "ssl.SSLContext":
        """The verifying TLS context; BadInput when pip's ``cert`` or ``client-cert`` cannot be loaded.

        As in requests: a ``cert`` path that is not there is an error, not a
        fall-back to the system's certificates; a folder is a CA directory.
        """
        import ssl

        if self._ssl is None:
            if self.cert and not os.path.exists(self.cert):
                raise BadInput(f"could not find a suitable TLS CA certificate bundle, invalid path: {self.cert} "
                               "(pip's cert setting)")
            if self.client_cert and not os.path.exists(self.client_cert):
                raise BadInput(f"could not find the TLS client certificate file, invalid path: {self.client_cert} "
                               "(pip's client-cert setting)")
            try:
                # A folder is the whole trust store, as requests' ca_cert_dir (no system certificates beside it).
                folder = bool(self.cert) and os.path.isdir(self.cert or "")
                ctx = ssl.create_default_context(cafile=None if folder else self.cert, capath=self.cert if folder else None)
            except (OSError, ValueError) as exc:  # ssl.SSLError is an OSError
                raise BadInput(f"cannot load TLS CA certificates from {self.cert} (pip's cert setting): {_one_line(exc)}") from None
            self._load_client_cert(ctx)
            self._ssl = ctx
        return self._ssl

    def _unverified_context(self) -> "ssl.SSLContext":
        """pip's --trusted-host: no verification, but the client certificate is still presented."""
        import ssl

        if self._ssl_unverified is None:
            if self.client_cert and not os.path.exists(self.client_cert):
                raise BadInput(f"could not find the TLS client certificate file, invalid path: {self.client_cert} "
                               "(pip's client-cert setting)")
            ctx = ssl._create_unverified_context()
            self._load_client_cert(ctx)
            self._ssl_unverified = ctx
        return self._ssl_unverified

    def _load_client_cert(self, ctx: "ssl.SSLContext") -> None:
        if self.client_cert:
            try:
                ctx.load_cert_chain(self.client_cert)
            except (OSError, ValueError) as exc:
                raise BadInput(f"cannot load the TLS client certificate from {self.client_cert} (pip's client-cert "
                               f"setting, a PEM file with the private key and the certificate): {_one_line(exc)}") from None

    def _proxy_for(self, scheme: str, host: str) -> Optional[str]:
        from urllib.request import getproxies_environment, proxy_bypass_environment

        if self.proxy:
            return self.proxy if "://" in self.proxy else "http://" + self.proxy
        env = getproxies_environment()
        if proxy_bypass_environment(host.split(":")[0], env) or _in_no_proxy_network(host.split(":")[0], env.get("no", "")):
            return None
        proxy = env.get(scheme) or env.get("all")  # requests: the scheme's proxy, else ALL_PROXY
        return proxy if not proxy or "://" in proxy else "http://" + proxy  # requests' prepend_scheme_if_needed

    def _connect(self, scheme: str, netloc: str) -> "http.client.HTTPConnection":
        import http.client

        proxy = self._proxy_for(scheme, netloc)
        hostname = urlsplit(f"//{netloc}").hostname or netloc
        if scheme == "https":
            # pip's --trusted-host: no verification, so no CA bundle needed either (a client certificate still is)
            ctx = self._unverified_context() if self._trusted(netloc) else self.tls_context()
            if proxy:
                conn: http.client.HTTPConnection = http.client.HTTPSConnection(*_proxy_address(proxy), timeout=self.timeout, context=ctx)
                conn.set_tunnel(hostname, urlsplit(f"//{netloc}").port or 443, headers=_proxy_auth(proxy))
                return conn
            return http.client.HTTPSConnection(netloc, timeout=self.timeout, context=ctx)
        if proxy:
            return http.client.HTTPConnection(*_proxy_address(proxy), timeout=self.timeout)
        return http.client.HTTPConnection(netloc, timeout=self.timeout)

    def _take(self, scheme: str, netloc: str) -> Tuple["http.client.HTTPConnection", bool]:
        with self._lock:
            idle = self._pool.get((scheme, netloc))
            if idle:
                return idle.pop(), True
        return self._connect(scheme, netloc), False

    def _give(self, scheme: str, netloc: str, conn: "http.client.HTTPConnection") -> None:
        with self._lock:
            self._pool.setdefault((scheme, netloc), []).append(conn)

    @property
    def budget(self) -> float:
        """Seconds one fetch may take in all, before the allowance for what the server announces."""
        return self.timeout * DEADLINE_FACTOR

    def _http(self, url: str, headers: Dict[str, str], max_bytes: int) -> Response:
        clock = _Deadline(time.monotonic() + self.budget, self.budget)  # redirects and retries included
        for _ in range(6):  # redirects
            resp = self._http_once(url, headers, max_bytes, clock)
            if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("location"):
                url = urljoin(url, resp.headers["location"])
                continue
            return resp
        raise FetchError(f"{redact(url)}: too many redirects")

    def _http_once(self, url: str, headers: Dict[str, str], max_bytes: int, clock: "_Deadline") -> Response:
        import http.client
        import socket

        parts = urlsplit(url)
        scheme, netloc = parts.scheme, parts.netloc
        if scheme not in ("http", "https"):
            raise FetchError(f"{redact(url)}: unsupported URL scheme {scheme!r}")
        proxy = self._proxy_for(scheme, netloc) if scheme == "http" else None  # https: CONNECT, in _connect
        target = url if proxy else (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        hdrs = {"User-Agent": USER_AGENT, "Host": netloc}
        if proxy:
            hdrs.update(_proxy_auth(proxy))  # absolute form: the proxy reads the request itself
        if netloc in self.auth:
            hdrs["Authorization"] = self.auth[netloc]
        hdrs.update(headers)
        start = time.monotonic()
        retries = 0 if netloc in self.failing_hosts else self.retries
        failures = 0
        while True:
            conn, reused = self._take(scheme, netloc)
            try:
                self.stats.add("requests")
                self._arm(conn, clock)
                conn.request("GET", target, headers=hdrs)
                raw = conn.getresponse()
                resp = self._read(raw, conn, url, max_bytes, clock)
            except TooLarge:
                conn.close()
                raise
            except socket.timeout:
                conn.close()
                self.failing_hosts.add(netloc)
                raise FetchError(clock.message(url, self.timeout)) from None
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError, ConnectionAbortedError,
                    http.client.CannotSendRequest, http.client.IncompleteRead, Truncated) as exc:
                conn.close()
                if reused and not isinstance(exc, (Truncated, http.client.IncompleteRead)):
                    continue  # a kept-alive connection the server had closed: a fresh one, not a retry
                failures += 1
                if self._retry(failures, retries, start, netloc, clock):
                    continue
                if isinstance(exc, Truncated):
                    raise FetchError(str(exc)) from None
                if isinstance(exc, http.client.IncompleteRead):
                    raise FetchError(f"{redact(url)}: body cut short ({len(exc.partial)} bytes read)") from None
                raise FetchError(f"{redact(url)}: connection closed by the server") from None
            except FetchError:
                conn.close()
                raise
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or type(exc).__name__
                if getattr(exc, "verify_message", None):  # ssl's why: self-signed, expired, hostname mismatch
                    reason = f"{reason}: {exc.verify_message}"
                raise FetchError(f"{redact(url)}: {reason}") from None
            if raw.will_close:
                conn.close()
            else:
                self._give(scheme, netloc, conn)
            if resp.status >= 500:
                failures += 1
                if self._retry(failures, retries, start, netloc, clock):
                    continue
                raise FetchError(f"{redact(url)}: HTTP {resp.status}")
            self.failing_hosts.discard(netloc)  # the host answers
            if resp.status in (404, 410):
                raise NotFound(f"{redact(url)}: HTTP {resp.status}")
            if resp.status >= 400:
                raise FetchError(f"{redact(url)}: HTTP {resp.status}")
            return resp

    def _retry(self, failures: int, retries: int, start: float, netloc: str, clock: "_Deadline") -> bool:
        """After a retryable failure: back off and say True, or mark the host failing and say False.

        A retry only happens while the backoff still fits in one timeout from
        the fetch's start, so retries never stretch a fetch past its budget.
        """
        delay = BACKOFF * 2 ** (failures - 1)
        now = time.monotonic()
        if failures > retries or now + delay - start > self.timeout or now + delay >= clock.at:
            self.failing_hosts.add(netloc)
            return False
        self.stats.add("retries")
        time.sleep(delay)
        return True

    def _arm(self, conn: "http.client.HTTPConnection", clock: "_Deadline") -> None:
        """Give the next socket operation the per-read timeout, or what is left of the deadline if less."""
        left = clock.left()
        if left <= 0:
            import socket

            raise socket.timeout("deadline")
        wait = min(self.timeout, left)
        if conn.sock is not None:
            conn.sock.settimeout(wait)
        else:
            conn.timeout = wait  # used when it connects

    def _read(self, raw: "http.client.HTTPResponse", conn: "http.client.HTTPConnection", url: str, max_bytes: int,
              clock: "_Deadline") -> Response:
        headers = {k.lower(): v for k, v in raw.getheaders()}
        length = headers.get("content-length")
        expected = int(length) if length and length.isdigit() else None
        if raw.status in (404, 410) or raw.status >= 500 or raw.status in (301, 302, 303, 307, 308):
            raw.read(min(expected or 65536, 65536))  # drain a small error body so the connection can be reused
            if expected is None or expected > 65536:
                raw.will_close = True
            return Response(raw.status, b"", headers, url)
        if expected is not None and expected > max_bytes:
            raise TooLarge(f"{redact(url)} is {expected} bytes, over the {max_bytes} byte cap")
        if expected is not None:
            clock.extend(min(expected, max_bytes) / SLOW_RATE)
        read = getattr(raw, "read1", raw.read)  # read1: one socket read at a time, so the deadline is checked between them
        chunks = []
        got = 0
        while True:
            self._arm(conn, clock)
            chunk = read(min(1 << 20, max_bytes + 1 - got) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
            self.stats.add("bytes", len(chunk))
            if got > max_bytes:
                raise TooLarge(f"{redact(url)}: body over the {max_bytes} byte cap")
        raw.read()  # b"": marks the response done (read1 leaves that to read), so the connection can be reused
        if expected is not None and got < expected:
            raise Truncated(f"{redact(url)}: body cut short ({got} of {expected} bytes)")
        body = b"".join(chunks)
        if headers.get("content-encoding", "").lower() == "gzip":
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                body = d.decompress(body, max_bytes + 1)
            except zlib.error:
                raise FetchError(f"{redact(url)}: corrupt gzip body") from None
            if len(body) > max_bytes or d.unconsumed_tail:
                raise TooLarge(f"{redact(url)}: body over the {max_bytes} byte cap once decompressed")
        return Response(raw.status, body, headers, url)


def _proxy_address(proxy: str) -> Tuple[str, int]:
    """``(host, port)`` of an ``http://`` proxy URL; the port defaults to 80, as in urllib3.

    Other schemes (``socks5://``, often in ALL_PROXY; ``https://``, TLS to the
    proxy itself) are a FetchError naming the proxy: depfix speaks plain HTTP
    to proxies, and must not send it to one that expects something else.
    """
    p = urlsplit(proxy)
    if p.scheme != "http":
        raise FetchError(f"proxy {redact(proxy)}: unsupported proxy scheme {p.scheme!r} (depfix reaches indexes "
                         "through http:// proxies only)")
    return p.hostname or "", p.port or 80


def _proxy_auth(proxy: str) -> Dict[str, str]:
    """The Basic ``Proxy-Authorization`` header for ``user:password@`` in a proxy URL, as requests sends it."""
    p = urlsplit(proxy)
    if not p.username:
        return {}
    token = base64.b64encode(f"{unquote(p.username)}:{unquote(p.password or '')}".encode()).decode()
    return {"Proxy-Authorization": f"Basic {token}"}


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _in_no_proxy_network(host: str, no_proxy: str) -> bool:
    """Whether an IPv4 ``host`` lies in a CIDR entry of NO_PROXY (``10.0.0.0/8``).

    pip (requests) bypasses the proxy for those; urllib's proxy_bypass_environment
    only compares names, so without this an internal index reached directly by
    pip would be sent to the proxy by depfix.
    """
    import ipaddress

    try:
        addr = ipaddress.IPv4Address(host)
    except ValueError:
        return False
    for entry in no_proxy.replace(" ", "").split(","):
        if entry.count("/") == 1:
            try:
                net = ipaddress.IPv4Network(entry, strict=False)
            except ValueError:
                continue
            if net.prefixlen >= 1 and addr in net:  # requests ignores /0
                return True
    return False


class _Deadline:
    """When one fetch must be over; says which limit a timeout hit, for the message."""

    def __init__(self, at: float, budget: float):
        self.at = at
        self.budget = budget

    def left(self) -> float:
        return self.at - time.monotonic()

    def extend(self, seconds: float) -> None:
        self.at += seconds
        self.budget += seconds

    def message(self, url: str, timeout: float) -> str:
        if self.left() <= 0.05:
            return (f"{redact(url)}: timed out: no complete answer within {self.budget:.3g}s "
                    f"(the server sends too slowly; {DEADLINE_FACTOR}x the {timeout:g}s timeout)")
        return f"{redact(url)}: timed out after {timeout:g}s"
