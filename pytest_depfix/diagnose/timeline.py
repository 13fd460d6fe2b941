"""Upload dates as evidence: what existed when a caller was released.

When neither the knowledge base nor the release files say where a break
happened, time still does: a caller release was built and tested against the
callee releases that existed on its upload day, so a callee release uploaded
after it is the suspect, and a caller release uploaded after the callee's
breaking release is the one most likely to have adapted.  Everything here is
best effort: an index without upload times simply yields no evidence.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, List, Optional, Tuple

from packaging.version import InvalidVersion, Version

# Final release dates of CPython minor versions (python.org release pages).
PYTHON_RELEASES = {
    "2.7": "2010-07-03", "3.5": "2015-09-13", "3.6": "2016-12-23", "3.7": "2018-06-27", "3.8": "2019-10-14",
    "3.9": "2020-10-05", "3.10": "2021-10-04", "3.11": "2022-10-24", "3.12": "2023-10-02", "3.13": "2024-10-07",
    "3.14": "2025-10-07",
}


def python_release_date(xy: str) -> Optional[datetime]:
    day = PYTHON_RELEASES.get(xy)
    return datetime.fromisoformat(day).replace(tzinfo=timezone.utc) if day else None


def _aware(when: Optional[datetime]) -> Optional[datetime]:
    if when is None:
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _ver(v: Any) -> Optional[Version]:
    if isinstance(v, Version):
        return v
    try:
        return Version(str(v))
    except InvalidVersion:
        return None


def releases(index: Any, name: str) -> List[Tuple[Version, Optional[datetime]]]:
    """(version, upload time) of every release, ascending; [] when the index cannot say."""
    try:
        rels = index.releases(name)
    except Exception:
        return []
    out = []
    for r in rels:
        v = _ver(getattr(r, "version", None))
        if v is not None:
            out.append((v, _aware(getattr(r, "upload_time", None))))
    out.sort(key=lambda t: t[0])
    return out


def upload_time(index: Any, name: str, version: str) -> Optional[datetime]:
    want = _ver(version)
    for v, t in releases(index, name):
        if v == want:
            return t
    return None


def latest_before(index: Any, name: str, when: datetime, *, final_only: bool = True) -> Optional[Version]:
    """The highest release of ``name`` uploaded before ``when`` (what a caller released then was built against)."""
    best = None
    for v, t in releases(index, name):
        if t is None or t >= when or (final_only and (v.is_prerelease or v.is_devrelease)):
            continue
        if best is None or v > best:
            best = v
    return best


def first_after(index: Any, name: str, when: datetime, *, above: Optional[Version] = None) -> Optional[Version]:
    """The lowest final release of ``name`` uploaded after ``when`` (and above ``above``)."""
    best = None
    for v, t in releases(index, name):
        if t is None or t <= when or v.is_prerelease or v.is_devrelease:
            continue
        if above is not None and v <= above:
            continue
        if best is None or v < best:
            best = v
    return best


def series_start(index: Any, name: str, version: str) -> Optional[Tuple[Version, Optional[datetime]]]:
    """The first release of ``version``'s major.minor series and its upload time."""
    v = _ver(version)
    if v is None:
        return None
    for rv, t in releases(index, name):
        if rv.release[:2] == v.release[:2] and not rv.is_prerelease:
            return rv, t
    return None


def fmt(when: Optional[datetime]) -> str:
    return when.date().isoformat() if when else "unknown date"
