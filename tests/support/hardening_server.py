"""A hostile index server for end-to-end fault checks, and archives built to hurt readers.

:class:`HostileIndexServer` extends :class:`~tests.support.server.IndexServer`
with faults applied to *file* requests only (``/files/...``) or to project
pages only, so the analysis gets far enough to meet them:

``reset``        close the socket with a TCP RST before answering
``stall``        sleep ``stall_seconds`` before answering (past the client's timeout)
``drip``         send the body one byte every ``drip_seconds`` (never idle long enough to time out)
``truncate``     announce the full length, send half
``bad-range``    answer a Range with a Content-Range for other bytes
``not-zip``      serve random bytes instead of the archive
``500``          HTTP 500
``redirect``     302 to the same path on ``redirect_to`` (another host:port)
``html``         project pages are a login page that is not an index
``flaky-<fault>`` the fault once per path, then normal answers (a retry helps)

``scope`` says where faults apply: ``"files"`` (default) or ``"pages"``.
"""

from __future__ import annotations

import io
import os
import socket
import struct
import time
import zipfile
from pathlib import Path
from typing import List, Optional

from tests.support.server import IndexServer


class HostileIndexServer(IndexServer):
    def __init__(self, root: Path, fault: str = "", scope: str = "files"):
        super().__init__(root)
        self.fault = fault
        self.scope = scope
        self.stall_seconds = 4.0
        self.drip_seconds = 0.5
        self.redirect_to: Optional[str] = None  # "http://127.0.0.1:PORT"
        self.authorization_seen: List[str] = []
        self._faulted: set = set()

    def __enter__(self) -> "HostileIndexServer":
        super().__enter__()
        # A client that hangs up mid-body is expected here: no server tracebacks
        # on stderr (they would mix with the depfix output under test).
        self._httpd.handle_error = lambda request, address: None  # type: ignore[union-attr]
        return self

    def _applies(self, path: str) -> bool:
        is_file = "/files/" in path
        return bool(self.fault) and (is_file if self.scope == "files" else not is_file)

    def _handle(self, h, head: bool = False) -> None:
        path = h.path.split("?", 1)[0]
        if h.headers.get("Authorization"):
            self.authorization_seen.append(h.headers["Authorization"])
        if not self._applies(path):
            return super()._handle(h, head)
        fault = self.fault
        if fault.startswith("flaky-"):
            if path in self._faulted:
                return super()._handle(h, head)
            self._faulted.add(path)
            fault = fault[len("flaky-"):]
        self.requests.append(f"{h.command} {path} {h.headers.get('Range') or ''} [{fault}]".strip())
        if fault == "reset":
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.connection.close()
            h.close_connection = True
            return
        if fault == "stall":
            time.sleep(self.stall_seconds)
            return super()._handle(h, head)
        if fault == "500":
            return self._send(h, 500, b"boom", "text/plain", head)
        if fault == "redirect":
            h.send_response(302)
            h.send_header("Location", f"{self.redirect_to}{h.path}")
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        if fault == "html":
            body = b"<!DOCTYPE html><html><body><h1>Sign in</h1><form><input name=user></form></body></html>"
            return self._send(h, 200, body, "text/html", head)
        if fault == "not-zip":
            return self._send(h, 200, os.urandom(70_000), "application/octet-stream", head)
        if fault == "drip":
            data = (self.root / path.lstrip("/")).read_bytes()
            h.send_response(200)
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            try:
                for i in range(len(data)):
                    h.wfile.write(data[i : i + 1])
                    h.wfile.flush()
                    time.sleep(self.drip_seconds)
            except OSError:
                pass
            h.close_connection = True
            return
        mode = {"truncate": "truncate", "bad-range": "bad-content-range"}[fault]
        self.modes.add(mode)
        try:
            return super()._handle(h, head)
        finally:
            self.modes.discard(mode)


# -- hostile archives ----------------------------------------------------------

def _wheel_bytes(name: str, version: str, members: dict, metadata: bytes, compress_metadata: int = zipfile.ZIP_DEFLATED) -> bytes:
    info = f"{name}-{version}.dist-info"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in members.items():
            if isinstance(data, tuple):  # (ZipInfo, bytes)
                zf.writestr(data[0], data[1])
            else:
                zf.writestr(path, data)
        zf.writestr(zipfile.ZipInfo(f"{info}/METADATA"), metadata, compress_type=compress_metadata)
        zf.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        zf.writestr(f"{info}/RECORD", "")
    return buf.getvalue()


def metadata_text(name: str, version: str, requires: List[str] = (), extra: str = "") -> bytes:
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"] + [f"Requires-Dist: {r}" for r in requires]
    return ("\n".join(lines) + "\n" + extra).encode()


def bomb_metadata_wheel(dest: Path, name: str, version: str, inflated: int = 256 << 20) -> Path:
    """METADATA whose deflated member expands to ``inflated`` bytes (ratio ~1000:1)."""
    head = metadata_text(name, version)
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / f"{name}-{version}-py3-none-any.whl"
    info = f"{name}-{version}.dist-info"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{name}/__init__.py", "")
        zi = zipfile.ZipInfo(f"{info}/METADATA")
        zi.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(zi, "w", force_zip64=True) as fh:
            fh.write(head + b"Description: ")
            block = b" " * (1 << 20)
            for _ in range(inflated >> 20):
                fh.write(block)
        zf.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        zf.writestr(f"{info}/RECORD", "")
    return path


def huge_metadata_wheel(dest: Path, name: str, version: str, size: int = 50 << 20) -> Path:
    """A METADATA of ``size`` bytes of hard-to-compress text (a real 50 MB file, not a bomb)."""
    dest.mkdir(parents=True, exist_ok=True)
    body = metadata_text(name, version, extra="Description: ") + os.urandom(size // 2).hex().encode()
    path = dest / f"{name}-{version}-py3-none-any.whl"
    path.write_bytes(_wheel_bytes(name, version, {f"{name}/__init__.py": ""}, body))
    return path


def escaping_wheel(dest: Path, name: str, version: str, marker: Path, api: str = "") -> Path:
    """A wheel with ``../`` paths, an absolute path and a symlink member, and an ``__init__.py`` that would write ``marker``."""
    evil = f"import pathlib\npathlib.Path({str(marker)!r}).write_text('executed')\ndef helper():\n    return 1\n" + api
    link = zipfile.ZipInfo(f"{name}/link.py")
    link.external_attr = (0o120777 << 16)  # a symlink member pointing outside
    dest.mkdir(parents=True, exist_ok=True)
    members = {
        f"{name}/__init__.py": evil,
        f"../../{name}-escaped.py": evil,
        f"/tmp/{name}-absolute.py": evil,
        f"{name}/link.py": (link, b"../../../../etc/passwd"),
    }
    path = dest / f"{name}-{version}-py3-none-any.whl"
    path.write_bytes(_wheel_bytes(name, version, members, metadata_text(name, version)))
    return path
