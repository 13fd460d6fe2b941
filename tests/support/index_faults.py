"""Extra fault modes and PEP 658 files for the index layer's tests.

:class:`FaultyIndexServer` adds, on top of :class:`IndexServer`'s modes:
``metadata-404`` (the page offers ``.metadata`` files but the server 404s
them), ``truncate-files`` (only archive bodies are cut short), ``stall-files``
(only archive requests stall) and ``500-files``.  :func:`offer_core_metadata`
writes real ``<wheel>.metadata`` files and rewrites a LocalIndex's pages to
offer them (PEP 658/714), as a PyPI-like index would.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import zipfile
from pathlib import Path

from tests.support.server import IndexServer
from tests.support.wheels import LocalIndex


class FaultyIndexServer(IndexServer):
    def _handle(self, h, head: bool = False) -> None:
        path = h.path.split("?", 1)[0]
        is_file = "/files/" in path
        if path.endswith(".metadata") and "metadata-404" in self.modes:
            self.requests.append(f"{h.command} {path}".strip())
            return self._send(h, 404, b"not found", "text/plain", head)
        if is_file and "500-files" in self.modes:
            self.requests.append(f"{h.command} {path}".strip())
            return self._send(h, 500, b"boom", "text/plain", head)
        if is_file and "stall-files" in self.modes:
            time.sleep(self.stall_seconds)
        if is_file and "truncate-files" in self.modes:
            self.modes.add("truncate")
            try:
                return super()._handle(h, head)
            finally:
                self.modes.discard("truncate")
        return super()._handle(h, head)


def offer_core_metadata(index: LocalIndex) -> LocalIndex:
    """Write ``<wheel>.metadata`` next to each wheel and advertise it on the project pages."""
    for name, files in index.files.items():
        page = index.simple / name
        data = json.loads((page / "index.json").read_text())
        html = (page / "index.html").read_text()
        for entry in data["files"]:
            if not entry["filename"].endswith(".whl"):
                continue
            whl = next(f.path for f in files if f.path.name == entry["filename"])
            with zipfile.ZipFile(whl) as zf:
                member = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
                meta = zf.read(member)
            Path(str(whl) + ".metadata").write_bytes(meta)
            digest = hashlib.sha256(meta).hexdigest()
            entry["core-metadata"] = {"sha256": digest}
            html = re.sub(
                rf'(<a href="[^"]*{re.escape(entry["filename"])}#[^"]*")',
                rf'\1 data-core-metadata="sha256={digest}"',
                html,
            )
        (page / "index.json").write_text(json.dumps(data))
        (page / "index.html").write_text(html)
    return index


def append_member(wheel: Path, name: str, size: int) -> Path:
    """Append an incompressible member after METADATA, pushing METADATA out of the file's tail.

    (``build_wheel(padding=...)`` writes its padding *before* METADATA, so the
    metadata still sits in the last 64 KiB.)
    """
    with zipfile.ZipFile(wheel, "a", zipfile.ZIP_STORED) as zf:
        zf.writestr(name, os.urandom(size))
    return wheel
