"""The on-disk cache: one small JSON file per project page and per metadata record.

Layout under the cache root::

    pages/<source-key>/<project>.json   project page of one source (short TTL)
    meta/<k[:2]>/<k>.json                core metadata, keyed by file sha256 (forever)
    members/<k[:2]>/<k>.json             archive member listing, keyed the same way

Each file is ``<crc32-length of payload>\\n<payload>``: a torn or edited entry fails the
check and is treated as absent (then refetched and rewritten).  Writes go to a
temp file in the same folder and are moved into place with ``os.replace``, so a
reader never sees half an entry; a per-entry file lock makes parallel
processes (xdist workers, tox envs) fetch a missing entry once.
"""

from __future__ import annotations

import hashlib
import json
import zlib
import os
import shutil
import time
from contextlib import contextmanager
from typing import Any, Iterator, Optional, Tuple

from ..atomic import write_bytes_atomic

FORMAT = 2


def _check(body: bytes) -> bytes:
    """CRC-32 and length of the payload: catches torn and edited entries, cheap on megabyte pages."""
    return b"%08x-%d" % (zlib.crc32(body) & 0xFFFFFFFF, len(body))


def key_for(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


class Cache:
    """A folder of checksummed JSON entries; ``root=None`` disables caching."""

    def __init__(self, root: Optional[str]):
        self.root = root
        self.corrupt_seen = 0

    # -- paths ---------------------------------------------------------
    def page_path(self, source: str, project: str) -> Optional[str]:
        if not self.root:
            return None
        return os.path.join(self.root, "pages", key_for(source), f"{project}.json")

    def blob_path(self, kind: str, key: str) -> Optional[str]:
        if not self.root:
            return None
        safe = "".join(c for c in key if c.isalnum() or c in "-_")[:80]
        return os.path.join(self.root, kind, safe[:2], f"{safe}.json")

    # -- read / write --------------------------------------------------
    def read(self, path: Optional[str]) -> Optional[Tuple[Any, float]]:
        """``(payload, mtime)`` or None when absent or corrupt (a corrupt file is removed)."""
        if not path:
            return None
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
                mtime = os.fstat(fh.fileno()).st_mtime
        except OSError:
            return None
        head, sep, body = raw.partition(b"\n")
        try:
            if not sep or _check(body) != head:
                raise ValueError("checksum")
            data = json.loads(body)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("format")
        except ValueError:
            self.corrupt_seen += 1
            try:
                os.remove(path)
            except OSError:
                pass
            return None
        return data["payload"], mtime

    def write(self, path: Optional[str], payload: Any) -> None:
        if not path:
            return
        body = json.dumps({"format": FORMAT, "payload": payload}, separators=(",", ":")).encode()
        blob = _check(body) + b"\n" + body
        try:
            write_bytes_atomic(path, blob)
        except OSError:
            pass  # a read-only or full cache must not break a diagnosis

    @contextmanager
    def locked(self, path: Optional[str], timeout: float = 120.0) -> Iterator[None]:
        """Hold the entry's lock: other processes wanting the same entry wait, then find it cached."""
        if not path:
            yield
            return
        from filelock import FileLock, Timeout  # imported only when something is fetched

        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            lock = FileLock(path + ".lock", timeout=timeout)
            lock.acquire()
        except (OSError, Timeout):
            yield  # cannot lock (read-only cache, stuck peer): go on without it
            return
        try:
            yield
        finally:
            lock.release()

    # -- maintenance ---------------------------------------------------
    def info(self) -> dict:
        out = {"root": self.root, "exists": bool(self.root and os.path.isdir(self.root)), "sections": {}}
        if not out["exists"]:
            return out
        for section in sorted(os.listdir(self.root)):
            top = os.path.join(self.root, section)
            if not os.path.isdir(top):
                continue
            files = size = 0
            for dirpath, _, names in os.walk(top):
                for n in names:
                    if n.endswith(".json"):
                        files += 1
                        try:
                            size += os.path.getsize(os.path.join(dirpath, n))
                        except OSError:
                            pass
            out["sections"][section] = {"entries": files, "bytes": size}
        return out

    def clean(self, sections: Optional[list] = None, older_than: Optional[float] = None) -> int:
        """Remove whole sections (default: all), or only entries older than ``older_than`` seconds."""
        if not self.root or not os.path.isdir(self.root):
            return 0
        removed = 0
        targets = sections or [s for s in os.listdir(self.root) if os.path.isdir(os.path.join(self.root, s))]
        now = time.time()
        for section in targets:
            top = os.path.join(self.root, section)
            if not os.path.isdir(top):
                continue
            if older_than is None:
                removed += sum(len(n) for _, _, n in os.walk(top))
                shutil.rmtree(top, ignore_errors=True)
                continue
            for dirpath, _, names in os.walk(top):
                for n in names:
                    p = os.path.join(dirpath, n)
                    try:
                        if now - os.path.getmtime(p) > older_than:
                            os.remove(p)
                            removed += 1
                    except OSError:
                        pass
        return removed
