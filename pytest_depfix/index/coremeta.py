"""Core metadata text (METADATA, PKG-INFO, egg-info requires.txt) into :class:`CoreMetadata`."""

from __future__ import annotations

import re
from email.parser import HeaderParser
from typing import List, Optional

from packaging.requirements import InvalidRequirement, Requirement

from .models import CoreMetadata


class BadMetadata(Exception):
    """The metadata text has no Name/Version: not something we can trust."""


def parse_metadata(data: bytes, source: str) -> CoreMetadata:
    text = data.decode("utf-8", errors="replace")
    msg = HeaderParser().parsestr(text)
    name = (msg.get("Name") or "").strip()
    version = (msg.get("Version") or "").strip()
    if not name or not version:
        raise BadMetadata(f"{source}: metadata has no Name/Version")
    rp = msg.get("Requires-Python")
    reqs = [r.strip() for r in (msg.get_all("Requires-Dist") or []) if r and r.strip()]
    return CoreMetadata(name=name, version=version, requires_python=(rp.strip() or None) if rp else None,
                        requires_dist=reqs, source=source)


def sdist_requires_are_static(data: bytes) -> bool:
    """Metadata 2.2+ PKG-INFO is authoritative unless it declares Requires-Dist dynamic."""
    msg = HeaderParser().parsestr(data.decode("utf-8", errors="replace"))
    mv = (msg.get("Metadata-Version") or "0").strip()
    try:
        major, minor = (int(x) for x in mv.split(".")[:2])
    except ValueError:
        return False
    dynamic = {d.strip().lower() for d in (msg.get_all("Dynamic") or [])}
    return (major, minor) >= (2, 2) and "requires-dist" not in dynamic


def requires_txt_to_dist(text: str) -> List[str]:
    """setuptools' ``requires.txt`` (``[extra:marker]`` sections) as Requires-Dist lines."""
    out: List[str] = []
    extra: Optional[str] = None
    marker: Optional[str] = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(.*)\]", line)
        if m:
            section = m.group(1)
            extra, _, marker = section.partition(":")
            extra = extra.strip() or None
            marker = marker.strip() or None
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        parts = []
        if req.marker is not None:
            parts.append(f"({req.marker})")
        if marker:
            parts.append(f"({marker})")
        if extra:
            parts.append(f'extra == "{extra}"')
        req.marker = None
        text_req = str(req)
        out.append(f"{text_req}; {' and '.join(parts)}" if parts else text_req)
    return out
