"""Build small, real wheels and sdists, and lay them out as a PEP 503/691 index.

Tests never touch the network: they describe a tiny universe of packages, this
module writes real archives (valid zip/tar, METADATA, RECORD with hashes) and a
``simple/`` tree that both the file:// reader and the local HTTP server serve.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import tarfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

from packaging.utils import canonicalize_name


def _metadata(name: str, version: str, requires_dist: Sequence[str], requires_python: Optional[str], extra: str = "") -> str:
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    if requires_python:
        lines.append(f"Requires-Python: {requires_python}")
    lines += [f"Requires-Dist: {r}" for r in requires_dist]
    return "\n".join(lines) + "\n" + extra + "\n"


def build_wheel(
    dest: Path,
    name: str,
    version: str,
    *,
    requires_dist: Sequence[str] = (),
    requires_python: Optional[str] = None,
    files: Optional[Dict[str, str | bytes]] = None,
    tag: str = "py3-none-any",
    metadata_extra: str = "",
    padding: int = 0,
    omit_metadata: bool = False,
) -> Path:
    """Write ``name-version-tag.whl`` into ``dest`` and return its path.

    ``files`` maps archive paths to contents (default: ``<name>/__init__.py``).
    ``padding`` adds an incompressible data member (written before the
    dist-info members, so it makes the file large without moving METADATA
    out of the tail; see tests/support/index_faults.py for that).
    """
    dest.mkdir(parents=True, exist_ok=True)
    dist = canonicalize_name(name).replace("-", "_")
    info = f"{dist}-{version}.dist-info"
    members: Dict[str, bytes] = {}
    files = files if files is not None else {f"{dist}/__init__.py": f"__version__ = {version!r}\n"}
    for path, content in files.items():
        members[path] = content.encode() if isinstance(content, str) else content
    if padding:
        import os

        members[f"{dist}/_padding.bin"] = os.urandom(padding)
    if not omit_metadata:
        members[f"{info}/METADATA"] = _metadata(name, version, requires_dist, requires_python, metadata_extra).encode()
    members[f"{info}/WHEEL"] = f"Wheel-Version: 1.0\nGenerator: depfix-tests\nRoot-Is-Purelib: true\nTag: {tag}\n".encode()
    tops = sorted({p.split("/")[0].removesuffix(".py") for p in files if not p.startswith(info)})
    members[f"{info}/top_level.txt"] = ("\n".join(tops) + "\n").encode()
    record = []
    for path, data in members.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    members[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    path = dest / f"{dist}-{version}-{tag}.whl"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return path


def build_sdist(
    dest: Path,
    name: str,
    version: str,
    *,
    requires_dist: Sequence[str] = (),
    requires_python: Optional[str] = None,
    egg_info_requires: Optional[str] = None,
    files: Optional[Dict[str, str | bytes]] = None,
    pkg_info: bool = True,
) -> Path:
    """Write ``name-version.tar.gz`` with PKG-INFO (and optionally egg-info/requires.txt).

    ``pkg_info=False``: none, as Twisted 11.1.0's sdist ships none."""
    dest.mkdir(parents=True, exist_ok=True)
    dist = canonicalize_name(name).replace("-", "_")
    root = f"{dist}-{version}"
    members: Dict[str, bytes] = {
        f"{root}/PKG-INFO": _metadata(name, version, requires_dist, requires_python).encode(),
        f"{root}/setup.py": b"raise SystemExit('never run by depfix')\n",
    }
    if not pkg_info:
        del members[f"{root}/PKG-INFO"]
    if egg_info_requires is not None:
        members[f"{root}/{dist}.egg-info/requires.txt"] = egg_info_requires.encode()
        members[f"{root}/{dist}.egg-info/PKG-INFO"] = _metadata(name, version, requires_dist, requires_python).encode()
    for p, content in (files or {}).items():
        members[f"{root}/{p}"] = content.encode() if isinstance(content, str) else content
    path = dest / f"{root}.tar.gz"
    with tarfile.open(path, "w:gz") as tf:
        for member, data in members.items():
            ti = tarfile.TarInfo(member)
            ti.size = len(data)
            tf.addfile(ti, io.BytesIO(data))
    return path


@dataclass
class IndexFile:
    path: Path
    requires_python: Optional[str] = None
    yanked: Optional[str] = None  # reason, or "" for yanked without reason
    upload_time: Optional[str] = None  # ISO 8601


@dataclass
class LocalIndex:
    """A PEP 503 (HTML) + PEP 691 (JSON) index tree under ``root``."""

    root: Path
    files: Dict[str, List[IndexFile]] = field(default_factory=dict)

    @property
    def simple(self) -> Path:
        return self.root / "simple"

    @property
    def file_url(self) -> str:
        return self.simple.as_uri() + "/"

    def add(self, project: str, path: Path, requires_python: Optional[str] = None, yanked: Optional[str] = None, upload_time: Optional[str] = None) -> None:
        self.files.setdefault(canonicalize_name(project), []).append(IndexFile(path, requires_python, yanked, upload_time))

    def write(self) -> "LocalIndex":
        """(Re)write the ``simple/`` pages for every project."""
        self.simple.mkdir(parents=True, exist_ok=True)
        names = sorted(self.files)
        (self.simple / "index.html").write_text(
            "<!DOCTYPE html><html><body>\n" + "".join(f'<a href="{n}/">{n}</a>\n' for n in names) + "</body></html>\n"
        )
        for name in names:
            d = self.simple / name
            d.mkdir(exist_ok=True)
            anchors, jfiles = [], []
            for f in self.files[name]:
                data = f.path.read_bytes()
                sha = hashlib.sha256(data).hexdigest()
                rel = f"../../files/{f.path.name}"
                attrs = ""
                if f.requires_python:
                    attrs += f' data-requires-python="{html.escape(f.requires_python)}"'
                if f.yanked is not None:
                    attrs += f' data-yanked="{html.escape(f.yanked)}"'
                anchors.append(f'<a href="{rel}#sha256={sha}"{attrs}>{f.path.name}</a>')
                entry = {"filename": f.path.name, "url": rel, "hashes": {"sha256": sha}, "size": len(data),
                         "requires-python": f.requires_python, "yanked": (f.yanked or True) if f.yanked is not None else False}
                if f.upload_time:
                    entry["upload-time"] = f.upload_time
                jfiles.append(entry)
            (d / "index.html").write_text("<!DOCTYPE html><html><body>\n" + "\n".join(anchors) + "\n</body></html>\n")
            (d / "index.json").write_text(json.dumps({"meta": {"api-version": "1.1"}, "name": name, "files": jfiles}))
        return self


def make_index(root: Path, universe: Dict[str, Iterable[dict]]) -> LocalIndex:
    """Build wheels for a universe description and write the index.

    ``universe`` maps a project name to release dicts with keys ``version`` and
    optionally ``requires_dist``, ``requires_python``, ``files``, ``tag``,
    ``sdist`` (True: also/instead an sdist), ``wheel`` (False: no wheel),
    ``yanked``, ``upload_time``.
    """
    idx = LocalIndex(root)
    files_dir = root / "files"
    for project, releases in universe.items():
        for rel in releases:
            kw = dict(requires_dist=rel.get("requires_dist", ()), requires_python=rel.get("requires_python"))
            common = dict(requires_python=rel.get("requires_python"), yanked=rel.get("yanked"), upload_time=rel.get("upload_time"))
            if rel.get("wheel", True):
                p = build_wheel(files_dir, project, rel["version"], files=rel.get("files"), tag=rel.get("tag", "py3-none-any"),
                                padding=rel.get("padding", 0), **kw)
                idx.add(project, p, **common)
            if rel.get("sdist"):
                p = build_sdist(files_dir, project, rel["version"], files=rel.get("files"), pkg_info=rel.get("pkg_info", True), **kw)
                idx.add(project, p, **common)
    return idx.write()
