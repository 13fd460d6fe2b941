"""Project pages into :class:`DistFile` lists: PEP 691 JSON, PEP 503 HTML, find-links.

Private mirrors and file:// indexes serve HTML only, PyPI serves JSON with
sizes and upload times (PEP 700); both carry yanked state (PEP 592),
Requires-Python and the PEP 658/714 metadata flag.  Files that are not wheels
or sdists (eggs, installers) are dropped here, as pip ignores them.

A page that answers 200 but is not an index (a proxy's login page, an error
page, random bytes, JSON without a ``files`` list) raises
:class:`NotAnIndexPage` instead of reading as a project with no files: "no
files" would tell the user that no pin set exists when the truth is that the
source did not answer.
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
HTML_TYPES = ("text/html", "application/xhtml+xml", "application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.latest+html")
# Files pip ignores but an old project's page may list only these: still a project page.
OTHER_PACKAGE_SUFFIXES = (".egg", ".exe", ".msi", ".rpm", ".deb", ".dmg", ".tar.z")


class NotAnIndexPage(ValueError):
    """The body answered is not a project page; the message says what it looked like."""


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
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise NotAnIndexPage("JSON that does not parse") from None
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        raise NotAnIndexPage("JSON without the 'files' list of a PEP 691 page")
    out: List[DistFile] = []
    for f in data["files"]:
        if not isinstance(f, dict):
            continue
        name = f.get("filename") or ""
        if not isinstance(name, str) or not isinstance(f.get("url"), (str, type(None))):
            continue
        kind = file_kind(name)
        if not kind or not f.get("url"):
            continue
        url, frag_hashes = _hashes_from_fragment(urljoin(page_url, f["url"]))
        given = f.get("hashes")
        hashes = {str(k): str(v).lower() for k, v in given.items()} if isinstance(given, dict) else {}
        hashes = hashes or frag_hashes
        yanked = f.get("yanked", False)
        offered, mhashes = _metadata_flag(f.get("core-metadata", f.get("dist-info-metadata")))
        size = f.get("size")
        out.append(DistFile(
            filename=name, url=url, hashes=hashes,
            requires_python=_text(f.get("requires-python")),
            yanked=bool(yanked), yanked_reason=yanked if isinstance(yanked, str) and yanked else None,
            size=size if isinstance(size, int) else None,
            upload_time=parse_time(_text(f.get("upload-time"))),
            kind=kind, metadata_url_offered=offered, metadata_hashes=mhashes,
        ))
    return out


def _text(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value else None


class _AnchorsMixin:
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # type: ignore[call-arg]
        self.anchors: List[Tuple[Dict[str, Optional[str]], str]] = []
        self.base: Optional[str] = None
        self._current: Optional[Dict[str, Optional[str]]] = None
        self._text: List[str] = []
        # What tells a project page from a page that is not one (see _not_an_index):
        self.forms = 0  # <form>/<input>/<textarea>: a login or error page, never PEP 503
        self.repository_meta = False  # <meta name="pypi:repository-version">: PEP 629, an index for sure
        self.words: List[str] = []  # visible text outside anchors, scripts and styles
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        if tag == "base" and self.base is None:
            self.base = dict(attrs).get("href")
        elif tag == "a":
            self._current = dict(attrs)
            self._text = []
        elif tag in ("form", "input", "textarea"):
            self.forms += 1
        elif tag == "meta" and (dict(attrs).get("name") or "").lower() == "pypi:repository-version":
            self.repository_meta = True
        elif tag in ("script", "style"):
            self._hidden += 1

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._text.append(data)
        elif not self._hidden and len(self.words) < 200:
            self.words.extend(data.split()[:200])

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._current is not None:
            self.anchors.append((self._current, "".join(self._text).strip()))
            self._current = None
        elif tag in ("script", "style") and self._hidden:
            self._hidden -= 1


def _not_an_index(parser: "_AnchorsMixin", files: int, others: int, links_page: bool) -> Optional[str]:
    """Why a parsed HTML page is not a project page, or None when it is one.

    A page linking to distribution files is one; so is a page declaring the
    PEP 629 repository version.  A page without such links is one only when
    nothing else is on it but the customary "Links for <name>" heading (an
    empty project); a form, other links or other text mean a login, error or
    landing page.  A find-links page may list nothing and carry other text,
    but not a form.
    """
    if files or others or parser.repository_meta:
        return None
    if parser.forms:
        return "HTML with a form and no links to distribution files: a login page?"
    if links_page:
        return None
    if parser.anchors:
        return f"HTML with {len(parser.anchors)} link(s), none to a distribution file"
    words = [w.lower() for w in parser.words]
    while len(words) >= 3 and words[:2] == ["links", "for"]:
        words = words[3:]  # the heading (title and h1) of an empty PEP 503 page
    if words:
        return "HTML text with no links to distribution files (" + " ".join(words[:6])[:60] + ")"
    return None


def parse_html_page(body: bytes, page_url: str, links_page: bool = False) -> List[DistFile]:
    from html.parser import HTMLParser

    parser = type("_Anchors", (_AnchorsMixin, HTMLParser), {})()
    parser.feed(body.decode("utf-8", errors="replace"))
    parser.close()
    base = urljoin(page_url, parser.base) if parser.base else page_url
    out: List[DistFile] = []
    others = 0
    for attrs, text in parser.anchors:
        href = attrs.get("href")
        if not href:
            continue
        url, hashes = _hashes_from_fragment(urljoin(base, href))
        name = unquote(url.rstrip("/").rsplit("/", 1)[-1])
        kind = file_kind(name)
        if not kind:
            others += name.lower().endswith(OTHER_PACKAGE_SUFFIXES)
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
    why = _not_an_index(parser, len(out), others, links_page)
    if why:
        raise NotAnIndexPage(why)
    return out


def parse_page(body: bytes, content_type: str, page_url: str, links_page: bool = False) -> List[DistFile]:
    """Dispatch on the content type the server chose (JSON if it honoured our Accept).

    Like pip, only HTML and JSON are project pages; a body of another type
    raises :class:`NotAnIndexPage`.  Without a content type (file:// pages)
    the body decides: JSON if it opens with ``{``, HTML if it is text that
    opens with ``<``.
    """
    ctype = (content_type or "").split(";")[0].strip().lower()
    if not ctype:
        head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"{"):
            ctype = "application/json"
        elif head.startswith(b"<") and _is_text(body):
            ctype = "text/html"
        else:
            raise NotAnIndexPage("neither HTML nor JSON")
    if ctype.endswith("+json") or ctype == "application/json":
        return parse_json_page(body, page_url)
    if ctype in HTML_TYPES:
        return parse_html_page(body, page_url, links_page)
    raise NotAnIndexPage(f"content type {ctype[:60]}, not HTML or JSON")


def _is_text(body: bytes) -> bool:
    try:
        body[:65536].decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > 65530  # a character cut at the sample's end is still text
    return True


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
