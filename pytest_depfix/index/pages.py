"""Project pages into :class:`DistFile` lists: PEP 691 JSON, PEP 503 HTML, find-links.

Private mirrors and file:// indexes serve HTML only, PyPI serves JSON with
sizes and upload times (PEP 700); both carry yanked state (PEP 592),
Requires-Python and the PEP 658/714 metadata flag.  Files that are not wheels
or sdists (eggs, installers) are dropped here, as pip ignores them.
"""

from __future__ import annotations

import html
import json
import os
import re
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import unquote, urldefrag, urljoin

from .models import SDIST, WHEEL, DistFile, parse_time

JSON_ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01"
SDIST_SUFFIXES = (".tar.gz", ".zip", ".tar.bz2", ".tgz", ".tar.xz", ".tar")


def file_kind(filename: str) -> Optional[str]:
    low = filename.lower()
    if low.endswith(".whl"):
        return WHEEL
    if low.endswith(SDIST_SUFFIXES):
        return SDIST
    return None


def _hashes_from_fragment(url: str) -> Tuple[str, Dict[str, str]]:
    base, frag = urldefrag(url)
    hashes: Dict[str, str] = {}
    m = re.fullmatch(r"(sha1|sha224|sha384|sha256|sha512|md5)=([0-9a-fA-F]+)", frag or "")
    if m:
        hashes[m.group(1)] = m.group(2).lower()
    return base, hashes


def _metadata_flag(value: Any) -> Tuple[bool, Dict[str, str]]:
    """PEP 658/714 value: true/false or a dict of hashes (JSON), "true"/"sha256=..." (HTML)."""
    if value is None or value is False:
        return False, {}
    if isinstance(value, dict):
        return True, {k: str(v).lower() for k, v in value.items()}
    if isinstance(value, str):
        if value.lower() == "false":
            return False, {}
        m = re.fullmatch(r"(\w+)=([0-9a-fA-F]+)", value)
        return True, ({m.group(1): m.group(2).lower()} if m else {})
    return bool(value), {}


def parse_json_page(body: bytes, page_url: str) -> List[DistFile]:
    data = json.loads(body.decode("utf-8"))
    out: List[DistFile] = []
    for f in data.get("files", []):
        name = f.get("filename") or ""
        kind = file_kind(name)
        if not kind or not f.get("url"):
            continue
        url, frag_hashes = _hashes_from_fragment(urljoin(page_url, f["url"]))
        hashes = {k: str(v).lower() for k, v in (f.get("hashes") or {}).items()} or frag_hashes
        yanked = f.get("yanked", False)
        offered, mhashes = _metadata_flag(f.get("core-metadata", f.get("dist-info-metadata")))
        size = f.get("size")
        out.append(DistFile(
            filename=name, url=url, hashes=hashes,
            requires_python=(f.get("requires-python") or None),
            yanked=bool(yanked), yanked_reason=yanked if isinstance(yanked, str) and yanked else None,
            size=size if isinstance(size, int) else None,
            upload_time=parse_time(f.get("upload-time")),
            kind=kind, metadata_url_offered=offered, metadata_hashes=mhashes,
        ))
    return out


class _AnchorsMixin:
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # type: ignore[call-arg]
        self.anchors: List[Tuple[Dict[str, Optional[str]], str]] = []
        self.base: Optional[str] = None
        self._current: Optional[Dict[str, Optional[str]]] = None
        self._text: List[str] = []

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        if tag == "base" and self.base is None:
            self.base = dict(attrs).get("href")
        elif tag == "a":
            self._current = dict(attrs)
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._current is not None:
            self.anchors.append((self._current, "".join(self._text).strip()))
            self._current = None


def parse_html_page(body: bytes, page_url: str) -> List[DistFile]:
    from html.parser import HTMLParser

    parser = type("_Anchors", (_AnchorsMixin, HTMLParser), {})()
    parser.feed(body.decode("utf-8", errors="replace"))
    parser.close()
    base = urljoin(page_url, parser.base) if parser.base else page_url
    out: List[DistFile] = []
    for attrs, text in parser.anchors:
        href = attrs.get("href")
        if not href:
            continue
        url, hashes = _hashes_from_fragment(urljoin(base, href))
        name = unquote(url.rstrip("/").rsplit("/", 1)[-1])
        kind = file_kind(name)
        if not kind:
            continue
        yanked_attr = attrs.get("data-yanked")
        rp = attrs.get("data-requires-python")
        offered, mhashes = _metadata_flag(attrs.get("data-core-metadata", attrs.get("data-dist-info-metadata")))
        out.append(DistFile(
            filename=name, url=url, hashes=hashes,
            requires_python=html.unescape(rp) if rp else None,
            yanked="data-yanked" in attrs, yanked_reason=yanked_attr or None,
            kind=kind, metadata_url_offered=offered, metadata_hashes=mhashes,
        ))
    return out


def parse_page(body: bytes, content_type: str, page_url: str) -> List[DistFile]:
    """Dispatch on the content type the server chose (JSON if it honoured our Accept)."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype.endswith("+json") or ctype == "application/json":
        return parse_json_page(body, page_url)
    return parse_html_page(body, page_url)


def scan_directory(path: str) -> List[DistFile]:
    """A find-links folder: every wheel and sdist in it (no hashes: read lazily if needed)."""
    from urllib.request import pathname2url

    out: List[DistFile] = []
    try:
        entries = list(os.scandir(path))
    except OSError:
        return out
    for e in entries:
        kind = file_kind(e.name)
        if not kind:
            continue
        try:
            st = e.stat()
        except OSError:
            continue
        if not e.is_file():
            continue
        url = "file:" + pathname2url(os.path.abspath(e.path))
        if not url.startswith("file://"):
            url = "file://" + url[5:]
        out.append(DistFile(filename=e.name, url=url, size=st.st_size, kind=kind))
    return out
