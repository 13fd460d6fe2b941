"""The records the index layer hands out: files, releases and core metadata.

They are plain dataclasses so that every later step (diagnose, resolve, the
commands) can use them without knowing where they came from, and so that the
on-disk cache can store them as small JSON dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Optional, Sequence

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

WHEEL = "wheel"
SDIST = "sdist"


def parse_time(text: Optional[str]) -> Optional[datetime]:
    """ISO 8601 as PEP 700 writes it ("2021-03-04T17:48:11.123456Z") -> aware datetime."""
    if not text:
        return None
    t = text.strip()
    if t.endswith("Z"):
        t = t[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(t)
    except ValueError:
        try:  # fromisoformat before 3.11 rejects some fractions; drop them
            dt = datetime.fromisoformat(t.split(".")[0] + ("+00:00" if "+" not in t.split(".")[0] else ""))
        except ValueError:
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


@dataclass
class DistFile:
    """One downloadable file of a release, as a project page lists it."""

    filename: str
    url: str  # without credentials; the HTTP layer adds them back per host
    hashes: Dict[str, str] = field(default_factory=dict)
    requires_python: Optional[str] = None
    yanked: bool = False
    yanked_reason: Optional[str] = None
    size: Optional[int] = None
    upload_time: Optional[datetime] = None
    kind: str = WHEEL  # "wheel" | "sdist"
    metadata_url_offered: bool = False  # PEP 658/714 said a .metadata file exists
    metadata_hashes: Dict[str, str] = field(default_factory=dict)

    @property
    def sha256(self) -> Optional[str]:
        return self.hashes.get("sha256")

    def to_json(self) -> Dict[str, Any]:
        """Compact form for the page cache (a URL ending in the filename is stored without it)."""
        url = self.url
        if url.endswith("/" + self.filename):
            url = url[: -len(self.filename)]
        d: Dict[str, Any] = {"f": self.filename, "u": url}
        if self.hashes:
            d["h"] = self.hashes["sha256"] if list(self.hashes) == ["sha256"] else self.hashes
        if self.requires_python:
            d["rp"] = self.requires_python
        if self.yanked:
            d["y"] = self.yanked_reason or ""
        if self.size is not None:
            d["s"] = self.size
        if self.upload_time is not None:
            d["t"] = self.upload_time.isoformat()
        if self.kind != WHEEL:
            d["k"] = self.kind
        if self.metadata_url_offered:
            d["m"] = self.metadata_hashes or 1
        return d

    @classmethod
    def from_json(cls, d: Dict[str, Any]) -> "DistFile":
        m = d.get("m")
        url = d["u"]
        h = d.get("h") or {}
        return cls(
            filename=d["f"],
            url=url + d["f"] if url.endswith("/") else url,
            hashes={"sha256": h} if isinstance(h, str) else h,
            requires_python=d.get("rp"),
            yanked="y" in d,
            yanked_reason=(d.get("y") or None),
            size=d.get("s"),
            upload_time=parse_time(d.get("t")),
            kind=d.get("k", WHEEL),
            metadata_url_offered=bool(m),
            metadata_hashes=m if isinstance(m, dict) else {},
        )


@dataclass
class Release:
    """All files of one version of one project."""

    name: str  # canonical
    version: Version
    files: List[DistFile] = field(default_factory=list)

    @property
    def yanked(self) -> bool:
        """True when every file is yanked (PEP 592: then only ``==`` pins may pick it)."""
        return bool(self.files) and all(f.yanked for f in self.files)

    @property
    def requires_python(self) -> Optional[str]:
        for f in self._preferred():
            if f.requires_python:
                return f.requires_python
        return None

    @property
    def upload_time(self) -> Optional[datetime]:
        times = [f.upload_time for f in self.files if f.upload_time is not None]
        return min(times) if times else None

    def _preferred(self) -> List[DistFile]:
        live = [f for f in self.files if not f.yanked]
        return live or list(self.files)

    def wheels_for(self, target: Any) -> List[DistFile]:
        """Wheels the target can install, best first (non-yanked before yanked)."""
        ranked = []
        for f in self.files:
            if f.kind != WHEEL:
                continue
            rank = target.supports_wheel(f.filename)
            if rank is None or not target.allows_python(f.requires_python):
                continue
            ranked.append((f.yanked, rank, f.filename, f))
        ranked.sort(key=lambda r: r[:3])
        return [r[3] for r in ranked]

    def best_wheel(self, target: Any) -> Optional[DistFile]:
        wheels = self.wheels_for(target)
        return wheels[0] if wheels else None

    def sdist(self) -> Optional[DistFile]:
        sd = [f for f in self._preferred() if f.kind == SDIST]
        if not sd:
            sd = [f for f in self.files if f.kind == SDIST]
        # .tar.gz first (what pip and PyPI prefer), then anything else.
        sd.sort(key=lambda f: (not f.filename.endswith(".tar.gz"), f.filename))
        return sd[0] if sd else None

    def installable(self, target: Any) -> Optional[str]:
        """"wheel", "sdist" (must be built; Requires-Python allows it) or None."""
        if self.best_wheel(target) is not None:
            return WHEEL
        sd = self.sdist()
        if sd is not None and target.allows_python(sd.requires_python):
            return SDIST
        return None


class LazyRelease(Release):
    """A release whose DistFile objects are built on first use.

    Popular projects list tens of thousands of files; most callers look at a
    handful of releases, so the cached page's compact dicts are kept as they
    are until ``files`` is read (this keeps warm look-ups well under a second).
    """

    def __init__(self, name: str, version: Version, raw: List[Dict[str, Any]]):
        self.name = name
        self.version = version
        self._raw = raw
        self._files: Optional[List[DistFile]] = None

    @property  # type: ignore[override]
    def files(self) -> List[DistFile]:
        if self._files is None:
            self._files = [DistFile.from_json(d) for d in self._raw]
        return self._files

    @files.setter
    def files(self, value: List[DistFile]) -> None:
        self._files = value

    @property
    def yanked(self) -> bool:
        if self._files is not None:
            return super().yanked
        return bool(self._raw) and all("y" in d for d in self._raw)

    @property
    def requires_python(self) -> Optional[str]:
        if self._files is not None:
            return super().requires_python
        live = [d for d in self._raw if "y" not in d] or self._raw
        return next((d["rp"] for d in live if d.get("rp")), None)

    def installable(self, target: Any) -> Optional[str]:
        """Same answer as :meth:`Release.installable`, read off the compact dicts.

        Resolution asks this of every release of every pin; building DistFile
        objects for tens of thousands of files only to look at three of their
        fields dominated a warm analysis of a large environment.
        """
        if self._files is not None:
            return super().installable(target)
        sdist_ok = False
        for d in self._raw:
            kind = d.get("k", WHEEL)
            if kind == WHEEL:
                if target.supports_wheel(d["f"]) is not None and target.allows_python(d.get("rp")):
                    return WHEEL
            elif kind == SDIST and not sdist_ok:
                sdist_ok = True
        if not sdist_ok:
            return None
        # An sdist: the preferred one (non-yanked, .tar.gz first) decides, as in Release.sdist().
        return super().installable(target)


@dataclass
class CoreMetadata:
    """The dependency facts of one release (from METADATA / PKG-INFO)."""

    name: str
    version: str
    requires_python: Optional[str]
    requires_dist: List[str]
    source: str  # filename (or filename.metadata) it was read from
    complete: bool = True  # False: an sdist whose dependencies are computed at build time

    def requirements(self) -> List[Requirement]:
        out = []
        for text in self.requires_dist:
            try:
                out.append(Requirement(text))
            except InvalidRequirement:
                continue  # as pip: an unparsable line in someone's metadata is skipped
        return out

    def dependencies(self, target: Any, extras: Sequence[str] = ()) -> List[Requirement]:
        """Requirements that apply to ``target`` with ``extras`` requested (markers evaluated)."""
        wanted: Iterable[str] = [""] + [canonicalize_name(e) for e in extras]
        out: List[Requirement] = []
        for req in self.requirements():
            if req.marker is None:
                out.append(req)
                continue
            for extra in wanted:
                if target.evaluate(req.marker, extra=extra):
                    out.append(req)
                    break
        return out

    def to_json(self) -> Dict[str, Any]:
        return {"name": self.name, "version": self.version, "requires_python": self.requires_python,
                "requires_dist": self.requires_dist, "source": self.source, "complete": self.complete}

    @classmethod
    def from_json(cls, d: Dict[str, Any]) -> "CoreMetadata":
        return cls(d["name"], d["version"], d.get("requires_python"), list(d.get("requires_dist") or []),
                   d.get("source", ""), bool(d.get("complete", True)))
