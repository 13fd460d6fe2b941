"""PackageIndex: every fact about packages for one target, fetched lazily and cached.

Sources (pip's configured indexes and find-links, plus explicit ones) are read
per project and merged by filename; releases are grouped by version and
filtered by the as-of date.  Metadata comes from the cheapest trustworthy
place: a PEP 658 file when really served, else range reads of the best wheel
for the target, else the sdist.  Everything fetched over the network goes to
the cache; local sources (file:// indexes, find-links folders) are read in
place.  Errors come out as :mod:`pytest_depfix.errors` exceptions with one-line
messages that never contain credentials.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from ..errors import BadInput, IndexUnavailable, PackageNotFound
from .cache import Cache, key_for
from .config import default_cache_dir, load_sources, redact
from .errors import BadDistribution
from .models import SDIST, WHEEL, CoreMetadata, DistFile, LazyRelease, Release, parse_time
from .pages import JSON_ACCEPT, parse_page, scan_directory
from .transport import FetchError, NotFound, Stats, TooLarge, Transport, file_url_to_path

if TYPE_CHECKING:
    from .archives import RemoteZip

_NAME = re.compile(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", re.IGNORECASE)
PAGE_CAP = 64 * 1024 * 1024
METADATA_CAP = 16 * 1024 * 1024  # inflated METADATA / PKG-INFO / requires.txt; the largest on PyPI are ~2 MB
FULL_CAP = int(os.environ.get("DEPFIX_MAX_DOWNLOAD", str(512 * 1024 * 1024)))
SDIST_CAP = 100 * 1024 * 1024
WORKERS = 8

AsOf = Union[datetime, date, str, None]


@dataclass
class Source:
    kind: str  # "index" | "links-dir" | "links-page"
    url: str  # without credentials (for links-dir: a folder path)
    label: str  # redacted, for messages

    @property
    def remote(self) -> bool:
        return self.url.startswith(("http://", "https://"))


def check_name(name: str) -> str:
    """Canonical name, or BadInput for something that cannot be a project name."""
    if not isinstance(name, str) or not _NAME.match(name.strip()):
        raise BadInput(f"not a valid project name: {name!r}")
    return canonicalize_name(name.strip())


def parse_as_of(value: AsOf) -> Optional[datetime]:
    """The exclusive upload-time cutoff: a date means "up to the end of that day (UTC)"."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                value = date.fromisoformat(text)
            else:
                value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise BadInput(f"not a date: {text!r} (expected YYYY-MM-DD)") from None
    if isinstance(value, datetime):
        dt = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return dt + timedelta(microseconds=1)
    return datetime(value.year, value.month, value.day, tzinfo=timezone.utc) + timedelta(days=1)


class _VersionParser:
    """Filename -> Version for one project, fast: pages list tens of thousands of files.

    Names and version strings repeat across a project's files, so both checks
    are memoised; a file whose name is not the project's is dropped (as pip does).
    """

    _SDIST = (".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".zip", ".tar")

    def __init__(self, canon: str):
        self.canon = canon
        self._names: Dict[str, bool] = {}
        self._versions: Dict[str, Optional[Version]] = {}

    def _is_mine(self, name: str) -> bool:
        ok = self._names.get(name)
        if ok is None:
            ok = self._names[name] = canonicalize_name(name) == self.canon
        return ok

    def _version(self, text: str) -> Optional[Version]:
        if text in self._versions:
            return self._versions[text]
        try:
            v: Optional[Version] = Version(text)
        except InvalidVersion:
            v = None
        self._versions[text] = v
        return v

    def of(self, filename: str) -> Optional[Version]:
        low = filename.lower()
        if low.endswith(".whl"):
            parts = filename[:-4].split("-")
            if len(parts) not in (5, 6) or not self._is_mine(parts[0]):
                return None
            return self._version(parts[1])
        for suffix in self._SDIST:
            if low.endswith(suffix):
                stem = filename[: -len(suffix)]
                break
        else:
            return None
        cut = stem.rfind("-")
        if cut > 0 and self._is_mine(stem[:cut]):
            return self._version(stem[cut + 1 :])
        for i, ch in enumerate(stem):  # names with dashes and versions with dashes: find the split
            if ch == "-" and canonicalize_name(stem[:i]) == self.canon:
                return self._version(stem[i + 1 :])
        return None


def _merge(have: DistFile, f: DistFile) -> DistFile:
    """Two sources list the same filename: prefer a local copy's URL, keep the richest facts."""
    if f.url.startswith("file:") and not have.url.startswith("file:") and (not f.hashes or not have.hashes or f.sha256 == have.sha256):
        have.url = f.url
        have.metadata_url_offered, have.metadata_hashes = f.metadata_url_offered, f.metadata_hashes
    have.hashes = have.hashes or f.hashes
    have.requires_python = have.requires_python or f.requires_python
    have.size = have.size if have.size is not None else f.size
    have.upload_time = have.upload_time or f.upload_time
    if f.yanked and not have.yanked:
        have.yanked, have.yanked_reason = True, f.yanked_reason
    return have


class PackageIndex:
    """Answers questions about packages for one :class:`~pytest_depfix.target.Target`."""

    def __init__(self, target, sources: Sequence[Source], *, transport: Optional[Transport] = None, cache_dir: Optional[str] = None,
                 offline: bool = False, as_of: AsOf = None, page_ttl: Optional[float] = None, warnings: Sequence[str] = ()):
        self.target = target
        self.sources = list(sources)
        self.transport = transport or Transport()
        self.cache = Cache(cache_dir)
        self.offline = offline
        self.as_of = parse_as_of(as_of)
        self.page_ttl = float(os.environ.get("DEPFIX_PAGE_TTL", "600")) if page_ttl is None else page_ttl
        self.warnings: List[str] = list(warnings)
        self._releases: Dict[str, List[Release]] = {}
        self._metadata: Dict[Tuple[str, str], CoreMetadata] = {}
        self._links: Dict[str, List[DistFile]] = {}
        self._zips: Dict[str, RemoteZip] = {}
        self._locks: Dict[object, threading.Lock] = {}
        self._guard = threading.Lock()
        self._pool: Any = None  # ThreadPoolExecutor, made on first concurrent use

    # -- construction -----------------------------------------------------
    @classmethod
    def from_config(cls, target, *, index_url: Optional[str] = None, extra_index_urls: Sequence[str] = (),
                    find_links: Sequence[str] = (), cache_dir: Optional[str] = None, offline: bool = False,
                    as_of: AsOf = None, timeout: float = 15.0, use_pip_config: bool = True,
                    no_index: bool = False) -> "PackageIndex":
        """Sources as pip would use them (config files + ``PIP_*``), explicit arguments on top."""
        cfg = load_sources(index_url=index_url, extra_index_urls=extra_index_urls, find_links=find_links,
                           use_pip_config=use_pip_config, no_index=no_index)
        env_timeout = os.environ.get("PIP_DEFAULT_TIMEOUT") or os.environ.get("PIP_TIMEOUT")
        del env_timeout  # pip's 180 s default is far too patient for a diagnosis; our timeout stays explicit
        transport = Transport(timeout=timeout, cert=cfg.cert, client_cert=cfg.client_cert, proxy=cfg.proxy,
                              trusted_hosts=tuple(cfg.trusted_hosts), stats=Stats())
        warnings: List[str] = []
        sources: List[Source] = []
        for raw in cfg.index_urls:
            url = transport.strip_credentials(raw.strip())
            url = url if url.endswith("/") else url + "/"
            if url.startswith("file:") and not os.path.isdir(file_url_to_path(url)):
                warnings.append(f"configured index {redact(raw)} does not exist; skipped")
                continue
            if not url.startswith(("http://", "https://", "file:")):
                if os.path.isdir(raw):
                    url = "file://" + os.path.abspath(raw).rstrip("/") + "/"
                else:
                    warnings.append(f"configured index {redact(raw)} is not a URL; skipped")
                    continue
            sources.append(Source("index", url, redact(raw)))
        for raw in cfg.find_links:
            link = raw.strip()
            if link.startswith(("http://", "https://")):
                sources.append(Source("links-page", transport.strip_credentials(link), redact(link)))
                continue
            path = file_url_to_path(link) if link.startswith("file:") else os.path.expanduser(link)
            if os.path.isdir(path):
                sources.append(Source("links-dir", path, link))
            elif os.path.isfile(path):
                sources.append(Source("links-page", "file://" + os.path.abspath(path), link))
            else:
                warnings.append(f"configured find-links {redact(link)} does not exist; skipped")
        if not sources:
            warnings.append("no package source configured (--no-index without --find-links?)")
        if (cfg.cert or cfg.client_cert) and not offline and any(transport.verifies(s.url) for s in sources):
            transport.tls_context()  # a cert setting that cannot be loaded is bad input now, before any work
        root = cache_dir or default_cache_dir()
        return cls(target, sources, transport=transport, cache_dir=root, offline=offline, as_of=as_of, warnings=warnings)

    # -- housekeeping -----------------------------------------------------
    @property
    def stats(self) -> Dict[str, int]:
        return self.transport.stats.snapshot()

    def _warn(self, text: str) -> None:
        with self._guard:
            if text not in self.warnings:
                self.warnings.append(text)

    def _lock(self, key: object) -> threading.Lock:
        with self._guard:
            lk = self._locks.get(key)
            if lk is None:
                lk = self._locks[key] = threading.Lock()
            return lk

    def _executor(self):
        from concurrent.futures import ThreadPoolExecutor

        with self._guard:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="depfix-index")
            return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        self.transport.close()

    def __enter__(self) -> "PackageIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- releases ---------------------------------------------------------
    def releases(self, name: str) -> List[Release]:
        """Every release of ``name`` ascending by version (as-of filter applied)."""
        canon = check_name(name)
        got = self._releases.get(canon)
        if got is not None:
            return got
        with self._lock(("releases", canon)):
            got = self._releases.get(canon)
            if got is None:
                got = self._releases[canon] = self._load_releases(canon)
            return got

    def release(self, name: str, version: str) -> Optional[Release]:
        try:
            want = Version(str(version))
        except InvalidVersion:
            raise BadInput(f"not a valid version: {version!r}") from None
        for rel in self.releases(name):
            if rel.version == want and str(rel.version) == str(want):
                return rel
        for rel in self.releases(name):  # "1.0" asked, "1.0.0" published
            if rel.version == want:
                return rel
        return None

    def prefetch(self, names: Iterable[str]) -> None:
        """Fetch many project pages concurrently; errors surface on the later ``releases`` call."""
        todo = []
        for n in dict.fromkeys(names):
            try:
                canon = check_name(n)
            except BadInput:
                continue
            if canon in self._releases:
                continue
            if self._pages_cached(canon):  # CPU-bound from here: threads would only fight over the GIL
                self._quiet(self.releases, canon)
            else:
                todo.append(canon)
        if len(todo) <= 1:
            for n in todo:
                self._quiet(self.releases, n)
            return
        list(self._executor().map(lambda n: self._quiet(self.releases, n), todo))

    def _pages_cached(self, canon: str) -> bool:
        """Whether every remote source has a fresh cached page for ``canon`` (a stat per source)."""
        now = time.time()
        for src in self.sources:
            if src.kind == "index" and src.remote:
                try:
                    age = now - os.stat(self.cache.page_path(src.url, canon) or "").st_mtime
                except OSError:
                    return False
                if age >= self.page_ttl and not self.offline:
                    return False
            elif src.kind == "links-page" and src.remote and src.url not in self._links:
                return False
        return True

    @staticmethod
    def _quiet(fn: Callable, *args):
        try:
            return fn(*args)
        except Exception as exc:  # reported again by the caller's own call
            return exc

    def _load_releases(self, canon: str) -> List[Release]:
        merged: Dict[str, dict] = {}
        found = False
        errors: List[str] = []
        missing_offline: List[str] = []
        for src in self.sources:
            try:
                files = self._source_files(src, canon)
            except _OfflineMiss:
                missing_offline.append(src.label)
                continue
            except FetchError as exc:
                errors.append(str(exc))
                continue
            if files is None:
                continue
            found = True
            for raw in files:
                have = merged.get(raw["f"])
                if have is None:
                    merged[raw["f"]] = raw
                else:
                    merged[raw["f"]] = _merge(DistFile.from_json(have), DistFile.from_json(raw)).to_json()
        if missing_offline:
            raise IndexUnavailable(f"offline: no cached project page for {canon} from {', '.join(missing_offline)}")
        if not found:
            if errors:
                raise IndexUnavailable(f"cannot read project {canon}: " + "; ".join(errors))
            where = ", ".join(s.label for s in self.sources) or "no configured source"
            raise PackageNotFound(f"no project named {canon!r} on {where}")
        for e in errors:
            self._warn(f"{e} (results for {canon} may be incomplete)")
        versions = _VersionParser(canon)
        dated = [(raw, versions.of(raw["f"])) for raw in merged.values()]
        if self.as_of is not None:
            dated = self._filter_as_of(canon, dated)
        groups: Dict[Version, List[dict]] = {}
        for raw, v in dated:
            if v is not None:
                groups.setdefault(v, []).append(raw)
        return [LazyRelease(canon, v, groups[v]) for v in sorted(groups)]

    def _filter_as_of(self, canon: str, dated: List[Tuple[dict, Optional[Version]]]) -> List[Tuple[dict, Optional[Version]]]:
        """Drop files uploaded at or after the cutoff.

        A file without an upload time (HTML pages, find-links, local builds)
        takes the earliest known upload time of its public version (a
        ``2.0+cpu`` build dates like ``2.0``); with no date at all it is
        dropped, because keeping it would let the answer change as sources grow.
        """
        times = [parse_time(raw.get("t")) for raw, _ in dated]
        first: Dict[str, datetime] = {}
        for (raw, v), t in zip(dated, times):
            if v is not None and t is not None:
                key = v.public
                if key not in first or t < first[key]:
                    first[key] = t
        out, undated = [], 0
        for (f, v), t in zip(dated, times):
            when = t or (first.get(v.public) if v is not None else None)
            if when is None:
                undated += 1
            elif when < self.as_of:  # type: ignore[operator]
                out.append((f, v))
        if undated:
            self._warn(f"{canon}: {undated} file(s) with no known upload time ignored because of --as-of")
        return out

    def _source_files(self, src: Source, canon: str) -> Optional[List[dict]]:
        """Files of ``canon`` on one source; None when the source does not know the project."""
        if src.kind == "links-dir":
            return self._links_files(src, lambda: scan_directory(src.url), canon)
        if src.kind == "links-page":
            return self._links_files(src, lambda: self._fetch_page(src.url, src.label, links_page=True), canon)
        url = src.url + canon + "/"
        if not src.remote:
            try:
                return [f.to_json() for f in self._fetch_page(url, src.label)]
            except NotFound:
                return None
        path = self.cache.page_path(src.url, canon)
        cached = self.cache.read(path)
        if cached and (self.offline or time.time() - cached[1] < self.page_ttl):
            self.transport.stats.add("cache_hits")
            return _page_payload(cached[0])
        if self.offline:
            raise _OfflineMiss()
        with self.cache.locked(path):
            again = self.cache.read(path)  # another process may have fetched it meanwhile
            if again and time.time() - again[1] < self.page_ttl:
                self.transport.stats.add("cache_hits")
                return _page_payload(again[0])
            try:
                resp = self.transport.get(url, headers={"Accept": JSON_ACCEPT}, max_bytes=PAGE_CAP, accept_gzip=True)
            except NotFound:
                self.cache.write(path, {"status": "missing"})
                return None
            except FetchError as exc:
                if cached:  # stale but better than nothing
                    self._warn(f"{exc}; using the cached page of {canon} from {_age(cached[1])} ago")
                    return _page_payload(cached[0])
                raise
            try:
                files = parse_page(resp.body, resp.headers.get("content-type", ""), resp.url or url)
            except (ValueError, UnicodeDecodeError) as exc:  # NotAnIndexPage, or HTML the parser rejects
                error = FetchError(f"{redact(resp.url or url)}: not a project page ({_why(exc)})")
                if cached:
                    self._warn(f"{error}; using the cached page of {canon} from {_age(cached[1])} ago")
                    return _page_payload(cached[0])
                raise error from None
            raws = [f.to_json() for f in files]
            self.cache.write(path, {"status": "ok", "files": raws})
            return raws

    def _links_files(self, src: Source, load: Callable[[], List[DistFile]], canon: str) -> Optional[List[dict]]:
        with self._lock(("links", src.url)):
            files = self._links.get(src.url)
            if files is None:
                try:
                    files = load()
                except NotFound:
                    self._warn(f"find-links {src.label} not found; skipped")
                    files = []
                self._links[src.url] = files
        versions = _VersionParser(canon)
        return [f.to_json() for f in files if versions.of(f.filename) is not None] or None

    def _fetch_page(self, url: str, label: str, links_page: bool = False) -> List[DistFile]:
        resp = self.transport.get(url, headers={"Accept": JSON_ACCEPT}, max_bytes=PAGE_CAP, accept_gzip=True)
        try:
            return parse_page(resp.body, resp.headers.get("content-type", ""), url, links_page=links_page)
        except (ValueError, UnicodeDecodeError) as exc:
            what = "find-links page" if links_page else "project page"
            raise FetchError(f"{redact(resp.url or url)}: not a {what} ({_why(exc)})") from None

    # -- metadata ---------------------------------------------------------
    def metadata(self, name: str, version: str) -> CoreMetadata:
        """Core metadata of ``name==version`` (cached by file hash, forever)."""
        canon = check_name(name)
        rel = self.release(canon, version)
        if rel is None:
            raise PackageNotFound(f"{canon} has no release {version}" + (" (as of the --as-of date)" if self.as_of else ""))
        key = (canon, str(rel.version))
        got = self._metadata.get(key)
        if got is not None:
            return got
        with self._lock(("metadata",) + key):
            got = self._metadata.get(key)
            if got is None:
                got = self._metadata[key] = self._load_metadata(rel)
            return got

    def metadata_many(self, pairs: Iterable[Tuple[str, str]]) -> Dict[Tuple[str, str], Union[CoreMetadata, Exception]]:
        """Metadata for many pins at once (bounded concurrency); failures are returned, not raised."""
        todo = list(dict.fromkeys(pairs))
        self.prefetch(n for n, _ in todo)
        out: Dict[Tuple[str, str], Union[CoreMetadata, Exception]] = {}
        remote = []
        for pair in todo:
            if self.offline or self._metadata_cached(*pair):
                out[pair] = self._quiet(self.metadata, *pair)
            else:
                remote.append(pair)
        results = self._executor().map(lambda p: self._quiet(self.metadata, *p), remote) if len(remote) > 1 else \
            [self._quiet(self.metadata, *p) for p in remote]
        for pair, res in zip(remote, results):
            out[pair] = res
        return {pair: out[pair] for pair in todo}

    def _metadata_cached(self, name: str, version: str) -> bool:
        try:
            rel = self.release(name, version)
        except Exception:
            return True  # the error comes back at once from metadata()
        if rel is None:
            return True
        cands = self._candidates(rel)
        return not cands or os.path.exists(self.cache.blob_path("meta", self._file_key(cands[0])) or "")

    def _candidates(self, rel: Release) -> List[DistFile]:
        """Files to read metadata from, cheapest trustworthy first."""
        best = rel.wheels_for(self.target)
        others = [f for f in rel.files if f.kind == WHEEL and f not in best]
        others.sort(key=lambda f: (f.yanked, "-none-any" not in f.filename, f.size or 1 << 62, f.filename))
        sdists = [f for f in rel.files if f.kind == SDIST]
        sdists.sort(key=lambda f: (f.yanked, not f.filename.endswith(".tar.gz"), f.filename))
        return best + others + sdists

    @staticmethod
    def _file_key(f: DistFile) -> str:
        return f.sha256 or key_for(f"{f.url}|{f.size}")

    def _load_metadata(self, rel: Release) -> CoreMetadata:
        from .archives import BadArchive
        from .coremeta import BadMetadata

        cands = self._candidates(rel)
        if not cands:
            raise BadDistribution(f"{rel.name} {rel.version} has no wheel or sdist to read metadata from")
        if self.offline:  # any file of the release already in the cache is better than nothing
            for f in cands:
                hit = self.cache.read(self.cache.blob_path("meta", self._file_key(f)))
                if hit:
                    self.transport.stats.add("cache_hits")
                    return CoreMetadata.from_json(hit[0])
            raise IndexUnavailable(f"offline: no cached metadata for {rel.name}=={rel.version}")
        problems: List[str] = []
        network: List[str] = []
        for f in cands:
            path = self.cache.blob_path("meta", self._file_key(f))
            hit = self.cache.read(path)  # the common warm case: no lock needed
            if hit:
                self.transport.stats.add("cache_hits")
                return CoreMetadata.from_json(hit[0])
            try:
                with self.cache.locked(path):
                    hit = self.cache.read(path)
                    if hit:
                        self.transport.stats.add("cache_hits")
                        return CoreMetadata.from_json(hit[0])
                    meta = self._fetch_metadata(rel, f)
                    self.cache.write(path, meta.to_json())
                    return meta
            except (BadArchive, BadMetadata, TooLarge) as exc:
                problems.append(str(exc))
            except FetchError as exc:
                network.append(str(exc))
        if network and not problems:
            raise IndexUnavailable(f"cannot fetch metadata of {rel.name}=={rel.version}: {network[0]}")
        raise BadDistribution(f"cannot read metadata of {rel.name}=={rel.version}: " + "; ".join(problems + network))

    def _fetch_metadata(self, rel: Release, f: DistFile) -> CoreMetadata:
        from .archives import BadArchive, pick_metadata_member
        from .coremeta import BadMetadata, parse_metadata

        self.transport.stats.add("metadata_fetches")
        if f.metadata_url_offered and not f.url.startswith("file:"):
            try:
                resp = self.transport.get(f.url + ".metadata", max_bytes=METADATA_CAP)
                want = f.metadata_hashes.get("sha256")
                if not want or hashlib.sha256(resp.body).hexdigest() == want:
                    return parse_metadata(resp.body, f.filename + ".metadata")
                self._warn(f"{f.filename}.metadata does not match its published hash; read the wheel instead")
            except NotFound:
                pass  # offered but not really served: read the file itself
            except (BadMetadata, FetchError):
                pass
        if f.kind == WHEEL:
            rz = self._zip(f)
            names = rz.names()
            listing = self.cache.blob_path("members", self._file_key(f))
            if not os.path.exists(listing or ""):  # read anyway: later list_members calls, in any process, need no tail read
                self.cache.write(listing, {"names": names})
            member = pick_metadata_member(names, rel.name)
            if member is None:
                raise BadArchive(f"{f.filename}: wheel has no .dist-info/METADATA")
            return parse_metadata(rz.read_entry(next(e for e in rz.entries() if e.name == member), METADATA_CAP), f.filename)
        return self._sdist_metadata(f)

    def _zip(self, f: DistFile) -> "RemoteZip":
        from .archives import RemoteZip

        with self._guard:
            rz = self._zips.get(f.url)
            if rz is None:
                if len(self._zips) > 32:
                    self._zips.clear()
                cap = FULL_CAP
                rz = self._zips[f.url] = RemoteZip(self.transport, f.url, f.filename, full_cap=cap, sha256=f.sha256)
            return rz

    def _download(self, f: DistFile, cap: int) -> bytes:
        from .archives import BadArchive

        if f.size is not None and f.size > cap:
            raise TooLarge(f"{f.filename} is {f.size} bytes, over the {cap} byte cap")
        data = self.transport.get(f.url, max_bytes=cap).body
        if f.sha256 and hashlib.sha256(data).hexdigest() != f.sha256:
            raise BadArchive(f"{f.filename}: download does not match its sha256 (truncated or altered)")
        return data

    def _sdist_metadata(self, f: DistFile) -> CoreMetadata:
        from .archives import BadArchive, SdistReader
        from .coremeta import parse_metadata, requires_txt_to_dist, sdist_requires_are_static

        sd = SdistReader(self._download(f, SDIST_CAP), f.filename)
        names = sd.names()
        pkg = sorted((n for n in names if n.count("/") == 1 and n.endswith("/PKG-INFO")), key=len)
        if not pkg:
            raise BadArchive(f"{f.filename}: sdist has no PKG-INFO")
        raw = _read_capped(sd, pkg[0], f.filename)
        meta = parse_metadata(raw, f.filename)
        if not meta.requires_dist and not sdist_requires_are_static(raw):
            reqs = sorted((n for n in names if n.endswith(".egg-info/requires.txt") and n.count("/") <= 3), key=len)
            if reqs:
                meta.requires_dist = requires_txt_to_dist(_read_capped(sd, reqs[0], f.filename).decode("utf-8", "replace"))
            else:
                egg_pkg = [n for n in names if n.endswith(".egg-info/PKG-INFO")]
                meta.complete = bool(egg_pkg)  # an egg-info without requires.txt means "no dependencies"
        return meta

    # -- archive members (for the API-contract probe) ----------------------
    def _member_file(self, name: str, version: str, built: bool = False) -> Tuple[Release, DistFile]:
        """The file whose members are read: the target's best wheel, else any wheel (pure-Python text is
        the same), else the sdist.  ``built``: what the target's installed copy was built from, so the
        sdist comes before another platform's wheel (psutil 2.1.2 had Windows wheels only)."""
        canon = check_name(name)
        rel = self.release(canon, version)
        if rel is None:
            raise PackageNotFound(f"{canon} has no release {version}")
        best = rel.wheels_for(self.target)
        if built and not best and rel.sdist() is not None:
            return rel, rel.sdist()
        wheels = best or sorted((f for f in rel.files if f.kind == WHEEL),
                                key=lambda f: (f.yanked, "-none-any" not in f.filename, f.size or 1 << 62))
        f = wheels[0] if wheels else rel.sdist()
        if f is None:
            raise BadDistribution(f"{canon} {version} has no wheel or sdist")
        return rel, f

    def list_members(self, name: str, version: str, built: bool = False) -> List[str]:
        """Member names of the best file for the target (wheel central directory or sdist listing)."""
        from .archives import BadArchive, SdistReader

        rel, f = self._member_file(name, version, built)
        path = self.cache.blob_path("members", self._file_key(f))
        hit = self.cache.read(path)
        if hit:
            self.transport.stats.add("cache_hits")
            return list(hit[0]["names"])
        if self.offline:
            raise IndexUnavailable(f"offline: no cached file listing for {rel.name}=={rel.version}")
        with self.cache.locked(path):  # as for metadata: parallel processes read one archive's listing once
            hit = self.cache.read(path)
            if hit:
                self.transport.stats.add("cache_hits")
                return list(hit[0]["names"])
            try:
                names = self._zip(f).names() if f.kind == WHEEL else SdistReader(self._download(f, SDIST_CAP), f.filename).names()
            except (BadArchive, TooLarge) as exc:
                raise BadDistribution(str(exc)) from None
            except FetchError as exc:
                raise IndexUnavailable(str(exc)) from None
            self.cache.write(path, {"names": names})
            return names

    def read_members(self, name: str, version: str, select: Callable[[str], bool], max_bytes: int = 8_000_000,
                     built: bool = False) -> Dict[str, bytes]:
        """The selected members' bytes (never extracted or run); members over the budget are left out."""
        from .archives import BadArchive, SdistReader

        rel, f = self._member_file(name, version, built)
        if self.offline:
            raise IndexUnavailable(f"offline: archive members of {rel.name}=={rel.version} are not cached")
        try:
            if f.kind == WHEEL:
                rz = self._zip(f)
                wanted = [e for e in rz.entries() if select(e.name)]
                out = rz.read_entries(wanted, max_bytes)
            else:
                out = SdistReader(self._download(f, SDIST_CAP), f.filename).read_selected(select, max_bytes)
                wanted = out  # type: ignore[assignment]
        except (BadArchive, TooLarge) as exc:
            raise BadDistribution(str(exc)) from None
        except FetchError as exc:
            raise IndexUnavailable(str(exc)) from None
        if len(out) < len(wanted):
            self._warn(f"{f.filename}: {len(wanted) - len(out)} selected members skipped (over the {max_bytes} byte budget)")
        return out


class _OfflineMiss(Exception):
    pass


def _page_payload(payload: dict) -> Optional[List[dict]]:
    if payload.get("status") == "missing":
        return None
    return list(payload.get("files", []))


def _read_capped(sd, name: str, filename: str) -> bytes:
    """An sdist's metadata file, refused (not cut) when over METADATA_CAP: a cut file would read as fewer requirements."""
    from .archives import BadArchive

    data = sd.read(name, METADATA_CAP + 1)
    if len(data) > METADATA_CAP:
        raise BadArchive(f"{filename}: {name} is over the {METADATA_CAP} byte cap")
    return data


def _why(exc: Exception) -> str:
    """A page parser's complaint in a few words (its own message, else the error's kind)."""
    from .pages import NotAnIndexPage

    return str(exc)[:120] if isinstance(exc, NotAnIndexPage) else f"unreadable: {type(exc).__name__}"


def _age(mtime: float) -> str:
    secs = max(0, int(time.time() - mtime))
    return f"{secs // 3600}h{(secs % 3600) // 60:02d}m" if secs >= 3600 else f"{secs // 60}m{secs % 60:02d}s"
