"""A local HTTP index on 127.0.0.1 with Range support and fault modes.

Serves a :class:`~tests.support.wheels.LocalIndex` tree: ``/simple/<name>/``
answers PEP 691 JSON when asked for it, else PEP 503 HTML; files honour
``Range: bytes=a-b`` and ``bytes=-n``.  ``server.mode`` switches behaviours so
tests can exercise the reader's fallbacks (the index layer's tests add modes).
"""

from __future__ import annotations

import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import List, Optional, Set


class QuietHTTPServer(ThreadingHTTPServer):
    """A client hanging up mid-body is normal here (depfix refuses oversized or
    hostile answers): no server traceback on stderr, where it would mix with the
    output of the command under test."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class IndexServer:
    """Context manager: ``with IndexServer(root) as srv: srv.url``."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.modes: Set[str] = set()  # e.g. {"ignore-range", "no-length", "no-json", "stall", "truncate", "500"}
        self.requests: List[str] = []  # "GET /path range" log, for assertions
        self.bytes_sent = 0
        self.stall_seconds = 5.0
        self._httpd: Optional[QuietHTTPServer] = None

    @property
    def url(self) -> str:
        assert self._httpd is not None
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/simple/"

    def __enter__(self) -> "IndexServer":
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                server._handle(self)

            def do_HEAD(self):
                server._handle(self, head=True)

        self._httpd = QuietHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()

    # -- request handling ---------------------------------------------
    def _handle(self, h: BaseHTTPRequestHandler, head: bool = False) -> None:
        path = h.path.split("?", 1)[0].split("#", 1)[0]
        rng = h.headers.get("Range")
        self.requests.append(f"{h.command} {path} {rng or ''}".strip())
        if "500" in self.modes:
            return self._send(h, 500, b"boom", "text/plain", head)
        if "stall" in self.modes:
            time.sleep(self.stall_seconds)
        fs = (self.root / path.lstrip("/")).resolve()
        if not str(fs).startswith(str(self.root.resolve())):
            return self._send(h, 403, b"no", "text/plain", head)
        if fs.is_dir():
            wants_json = "application/vnd.pypi.simple.v1+json" in (h.headers.get("Accept") or "")
            if wants_json and "no-json" not in self.modes and (fs / "index.json").exists():
                return self._send(h, 200, (fs / "index.json").read_bytes(), "application/vnd.pypi.simple.v1+json", head)
            if (fs / "index.html").exists():
                return self._send(h, 200, (fs / "index.html").read_bytes(), "text/html", head)
            return self._send(h, 404, b"not found", "text/plain", head)
        if not fs.is_file():
            return self._send(h, 404, b"not found", "text/plain", head)
        data = fs.read_bytes()
        if rng and "ignore-range" not in self.modes:
            m = re.fullmatch(r"bytes=(\d*)-(\d*)", rng.strip())
            if m:
                size = len(data)
                if m.group(1) == "":
                    start = max(0, size - int(m.group(2)))
                    end = size - 1
                else:
                    start = int(m.group(1))
                    end = min(size - 1, int(m.group(2))) if m.group(2) else size - 1
                if start >= size:
                    return self._send(h, 416, b"", "text/plain", head, extra={"Content-Range": f"bytes */{size}"})
                cr = f"bytes {start}-{end}/{size}"
                if "bad-content-range" in self.modes:
                    cr = f"bytes 0-{end - start}/{size}"
                return self._send(h, 206, data[start : end + 1], "application/octet-stream", head,
                                  extra={"Content-Range": cr, "Accept-Ranges": "bytes"})
        return self._send(h, 200, data, "application/octet-stream", head, extra={"Accept-Ranges": "bytes"})

    def _send(self, h, status, body: bytes, ctype: str, head: bool, extra=None) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        for k, v in (extra or {}).items():
            h.send_header(k, v)
        if "truncate" in self.modes and len(body) > 10:
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if not head:
                h.wfile.write(body[: len(body) // 2])
                self.bytes_sent += len(body) // 2
            h.close_connection = True
            return
        if "no-length" in self.modes:
            h.send_header("Connection", "close")
            h.close_connection = True
        else:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if not head:
            h.wfile.write(body)
            self.bytes_sent += len(body)
