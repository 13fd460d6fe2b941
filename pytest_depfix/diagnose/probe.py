"""API contracts read from release files: which versions provide a name or an argument.

A crash that says ``module 'numpy' has no attribute 'float'`` is a question
about releases: which versions of numpy have it?  :class:`ApiProbe` answers
such a :class:`Question` for one release (:meth:`ApiProbe.ask`) by reading only
the module files it needs out of the target's wheel (range reads through the
index layer; the sdist when there is no wheel) and parsing them with
:mod:`ast` (:mod:`.pysource`); it never imports downloaded code.  Over all
target-installable releases, :meth:`ApiProbe.find_range` finds where the
name appears and disappears with two binary searches and end checks rather
than a scan.  Member lists, module texts and answers are cached on disk under
``<cache>/api/`` (shared across processes, atomic writes under a file lock).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from ..atomic import write_text_atomic
from ..errors import BadInput
from .py2syntax import reading_python2
from .pysource import (
    NO,
    UNKNOWN,
    YES,
    Finding,
    ModuleFiles,
    Ref,
    Resolver,
    SourceTree,
    pick,
)



def _reader_version() -> str:
    """Cached answers are keyed by the reader's own source, so a changed reader never reuses stale answers."""
    from . import py2syntax, pysource

    h = hashlib.sha256()
    for mod_file in (pysource.__file__, py2syntax.__file__, __file__):
        try:
            with open(mod_file, "rb") as fh:
                h.update(fh.read())
        except OSError:  # pragma: no cover - zipped installs
            h.update(b"?")
    return "2-" + h.hexdigest()[:12]


READER_VERSION = _reader_version()
COMPILED_MODULE_CAP = 16_000_000  # bytes of one extension module read to see whether a star import can bring a name
# ... and to answer a name question about a compiled module, which a range search asks of many releases:
# a C extension that defines a handful of names is small (cx_Oracle's is about 1 MB); a 60 MB cv2 is not read.
COMPILED_NAME_CAP = 6_000_000
# Bytes of module source read per release, at most (numpy/__init__.py is ~20 KB).
DEFAULT_MAX_BYTES = 4_000_000

_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
_QUESTION_RE = re.compile(
    rf"^(?P<module>{_IDENT}(?:\.{_IDENT})*)"
    rf"(?::(?P<chain>{_IDENT}(?:\.{_IDENT})*)(?:\((?P<param>!?{_IDENT}|{_IDENT}@\d+|\d+)\))?(?P<on_type>@class)?)?$"
)


# --------------------------------------------------------------------------
# records
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    """One interface question: module, name in it, attribute of that, parameter of that call.

    ``a.b`` (module exists), ``a.b:X`` (name), ``a.b:C.y`` (attribute, any
    depth), ``a.b:f(k)`` / ``a.b:C.m(k)`` / ``a.b:C(k)`` (the callable accepts
    keyword ``k``; ``**kwargs`` counts as accepting unless it is forwarded to
    a callee that is statically known); ``a.b:f(!k)``: a call may leave ``k``
    out (it is absent or has a default); ``a.b:f(k@2)``: a call passing two arguments by
    position and ``k`` by keyword gives ``k`` one value (``self`` not counted).  ``a.b:C.y@class``: the class object itself has
    ``y`` ("type object 'C' has no attribute 'y'"), which an instance's ``self.y`` is not.
    """

    module: str
    name: Optional[str] = None
    attribute: Optional[str] = None
    parameter: Optional[str] = None
    on_type: bool = False

    def __post_init__(self) -> None:
        # A dotted name ("Descriptor.__new__") is a name and an attribute: stored so, a question
        # has one form, and the answers cache (keyed by its text) cannot mix two readings of it.
        if self.name and "." in self.name:
            head, _, rest = self.name.partition(".")
            object.__setattr__(self, "name", head)
            object.__setattr__(self, "attribute", f"{rest}.{self.attribute}" if self.attribute else rest)
        if self.on_type and (self.parameter or not self.attribute):
            object.__setattr__(self, "on_type", False)  # only an attribute is read off the class: one text, one reading

    @classmethod
    def parse(cls, text: str) -> "Question":
        m = _QUESTION_RE.match((text or "").strip().replace(" ", ""))
        if not m:
            raise BadInput(f"not an API question: {text!r} (expected e.g. numpy:float, PIL.Image:ANTIALIAS, msgpack:unpackb(encoding))")
        chain = (m.group("chain") or "").split(".") if m.group("chain") else []
        if m.group("param") and not chain:
            raise BadInput(f"not an API question: {text!r} (a parameter needs a callable: mod:func(k))")
        return cls(
            module=m.group("module"),
            name=chain[0] if chain else None,
            attribute=".".join(chain[1:]) or None,
            parameter=m.group("param"),
            on_type=bool(m.group("on_type")) and len(chain) > 1 and not m.group("param"),
        )

    def __str__(self) -> str:
        out = self.module
        if self.name:
            out += ":" + self.name
            if self.attribute:
                out += "." + self.attribute
            if self.parameter:
                out += f"({self.parameter})"
            elif self.on_type and self.attribute:
                out += "@class"
        return out

    @property
    def top(self) -> str:
        return self.module.split(".")[0]


@dataclass
class Answer:
    """yes / no / unknown, with where in the release it was seen."""

    value: str
    evidence: str
    dist: str
    version: str
    question: str = ""
    conditional: bool = False
    from_cache: bool = False

    def to_dict(self) -> Dict[str, Any]:
        d = asdict(self)
        d.pop("from_cache", None)
        return d


@dataclass
class RangeAnswer:
    """Where a name is present over the installable releases, in order."""

    dist: str
    question: str
    present: str  # PEP 440 specifier set of the versions that have it; "" = all; "<0" = none
    first_with: Optional[str]
    last_with: Optional[str]
    first_without_after: Optional[str]
    releases_read: int
    answers: Dict[str, str] = field(default_factory=dict)  # version -> yes/no/unknown, only those read
    evidence: Dict[str, str] = field(default_factory=dict)
    versions_considered: int = 0
    bytes_fetched: int = 0
    requests: int = 0

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)


class _ByteCap(Exception):
    pass


# --------------------------------------------------------------------------
# disk cache
# --------------------------------------------------------------------------

def _cache_root(index: Any, explicit: Optional[str]) -> Optional[str]:
    if explicit:
        return os.path.join(explicit, "api")
    for attr in ("cache_dir", "cache_root"):
        v = getattr(index, attr, None)
        if isinstance(v, (str, os.PathLike)):
            return os.path.join(os.fspath(v), "api")
    cache = getattr(index, "cache", None)
    if cache is not None and hasattr(cache, "root"):  # follow the index: its cache off means ours off
        root = cache.root
        return os.path.join(os.fspath(root), "api") if root else None
    try:
        from ..index.config import default_cache_dir
    except ImportError:  # pragma: no cover - index layer always present in the package
        env = os.environ.get("DEPFIX_CACHE_DIR")
        return os.path.join(env or os.path.join(os.path.expanduser("~"), ".cache", "pytest-depfix"), "api")
    return os.path.join(default_cache_dir(), "api")


class _Store:
    """JSON files under ``<cache>/api/<section>/``, written atomically under a lock."""

    def __init__(self, root: Optional[str]):
        self.root = root

    def _path(self, section: str, key: str) -> Optional[str]:
        if not self.root:
            return None
        h = hashlib.sha256(key.encode()).hexdigest()
        return os.path.join(self.root, section, h[:2], h + ".json")

    def locked(self, section: str, key: str):
        """A cross-process lock for one entry group: parallel processes wait, then find it stored."""
        import contextlib

        p = self._path(section, key)
        if not p:
            return contextlib.nullcontext()
        try:
            os.makedirs(os.path.dirname(p), exist_ok=True)
            from filelock import FileLock

            return FileLock(p + ".lock", timeout=120)
        except OSError:
            return contextlib.nullcontext()

    def get(self, section: str, key: str) -> Optional[Any]:
        p = self._path(section, key)
        if not p or not os.path.exists(p):
            return None
        try:
            with open(p, encoding="utf-8") as fh:
                payload = json.load(fh)
        except (OSError, ValueError):
            return None
        return payload.get("value") if isinstance(payload, dict) and payload.get("key") == key else None

    def put(self, section: str, key: str, value: Any) -> None:
        p = self._path(section, key)
        if not p:
            return
        try:
            os.makedirs(os.path.dirname(p), exist_ok=True)
            from filelock import FileLock

            with FileLock(p + ".lock", timeout=60):
                write_text_atomic(p, json.dumps({"key": key, "value": value}))
        except OSError:
            pass  # a read-only cache must not break an answer


# --------------------------------------------------------------------------
# one release as a SourceTree
# --------------------------------------------------------------------------

def _module_path(member: str, sdist: bool, renamed: Optional[Tuple[str, str]] = None) -> List[str]:
    """Import-relative paths a release member stands for (best first).

    ``renamed``: (folder, package) of an sdist whose setup.py maps the package onto a folder
    that is itself the package (``package_dir={'pubcontrol': 'src'}``, with ``src/__init__.py``):
    its members are that package's modules, not top-level ones.
    """
    parts = member.split("/")
    if sdist:
        parts = parts[1:]  # <name>-<version>/...
        if not parts:
            return []
        if renamed is not None and len(parts) > 1 and parts[0] == renamed[0]:
            return ["/".join([renamed[1]] + parts[1:])]
        out = ["/".join(parts)]
        if parts[0] in ("src", "lib", "python") and len(parts) > 1:
            out.insert(0, "/".join(parts[1:]))
        return out
    if parts[0].endswith(".dist-info"):
        return []
    if parts[0].endswith(".data"):
        if len(parts) > 2 and parts[1] in ("purelib", "platlib"):
            return ["/".join(parts[2:])]
        return []
    return [member]


_PACKAGE_FOLDERS = ("src", "lib", "python")


def _package_folder(members: Sequence[str], dist: str) -> Optional[Tuple[str, str]]:
    """(folder, package) when an sdist's ``src/`` is the package itself, named like the distribution.

    fanout's pubcontrol and gripcontrol 3.x-4.x ship ``src/__init__.py`` and install it as
    ``pubcontrol`` (``package_dir={'pubcontrol': 'src'}``).  Read from the member list alone:
    the folder holds an ``__init__.py``, and no other package sits beside it or inside it.
    """
    package = canonicalize_name(dist).replace("-", "_")
    rel = [m.split("/", 1)[1] for m in members if "/" in m]
    # every folder that is a package, at the top or one down (src/foobar/__init__.py)
    packages = {p.rsplit("/", 1)[0].lower() for p in rel if p.endswith("/__init__.py") and p.count("/") <= 2}
    for folder in _PACKAGE_FOLDERS:
        if folder not in packages:
            continue
        inside = [p for p in packages if p.startswith(folder + "/")]
        beside = [p for p in packages if "/" not in p and p != folder and not _test_or_docs(p)]
        if inside or beside or package in packages:
            return None  # a stray __init__.py beside the real package (named like the project or not)
        return folder, package
    return None


def _test_or_docs(folder: str) -> bool:
    return folder.startswith(("test", "doc", "example", "bench"))


def _size(text: str) -> int:
    """A member's size as the read cap counts it, the same whether it was fetched or found stored."""
    return len(text.encode("utf-8", errors="replace"))


class ReleaseTree(SourceTree):
    """The module files of one release for the target, read member by member through the index."""

    def __init__(self, probe: "ApiProbe", dist: str, version: str, max_bytes: Optional[int] = None):
        self.probe = probe
        self.dist = dist
        self.version = version
        # A caller may allow more than the probe's cap (a search for who uses a name reads a whole
        # large release); a fixed cap per caller keeps cold and warm caches stopping at the same member.
        self.max_bytes = max_bytes if max_bytes is not None else probe.max_bytes
        self.fetched = False  # whether anything came from the index (not the disk cache)
        members = probe._members(dist, version)
        self._map: Dict[str, str] = {}
        sdist = bool(members) and not any(m.split("/")[0].endswith(".dist-info") for m in members)
        renamed = _package_folder(members, dist) if sdist else None
        for m in members:
            for p in _module_path(m, sdist, renamed):
                self._map.setdefault(p, m)
        self._texts: Dict[str, Optional[str]] = {}
        self.bytes_read = 0

    def paths(self) -> Sequence[str]:
        return list(self._map)

    def prefetch(self, paths: Iterable[str]) -> None:
        need = [p for p in paths if p not in self._texts and p in self._map]
        if not need:
            return
        cached = {}
        for p in need:
            t = self.probe._store.get("src", self._src_key(p))
            if t is not None:
                cached[p] = t
        # Members found in the cache count against the read cap as if fetched: a release over the
        # cap must stop at the same member on a cold and a warm cache, or answers depend on the cache.
        self.bytes_read += sum(_size(t) for t in cached.values())
        if self.bytes_read > self.max_bytes:
            # where a cold read of the same batch would have run out of budget
            raise _ByteCap(f"read cap of {self.max_bytes} bytes reached for {self.dist} {self.version}")
        missing = [p for p in need if p not in cached]
        if missing:
            # One process reads a release's members at a time; the others then find them stored.
            with self.probe._store.locked("src", f"{canonicalize_name(self.dist)}|{self.version}|{self.probe.target_key}"):
                self._fetch_missing(missing, cached)
        self._texts.update(cached)

    def _fetch_missing(self, missing: List[str], cached: Dict[str, str]) -> None:
        for p in list(missing):
            t = self.probe._store.get("src", self._src_key(p))
            if t is not None:
                cached[p] = t
                self.bytes_read += _size(t)  # stored by another process meanwhile: counted like the rest
        missing = [p for p in missing if p not in cached]
        if missing:
            # An sdist's src/ layout gives one member two paths ("src/pkg/m.py" and "pkg/m.py"): both are
            # filled from the one read, each counted and stored as a warm read would find them.
            wanted: Dict[str, List[str]] = {}
            for p in missing:
                wanted.setdefault(self._map[p], []).append(p)
            budget = self.max_bytes - self.bytes_read
            if budget <= 0:
                raise _ByteCap(f"read cap of {self.max_bytes} bytes reached for {self.dist} {self.version}")
            got = self.probe.index.read_members(self.dist, self.version, lambda m: m in wanted, max_bytes=budget)
            self.fetched = True
            for member, data in got.items():
                text = data.decode("utf-8-sig", errors="replace")  # a byte-order mark is no character of the module
                for path in wanted[member]:
                    self.bytes_read += _size(text)  # the same measure as a cached member's, so cold and warm agree
                    cached[path] = text
                    self.probe._store.put("src", self._src_key(path), text)
            for p in missing:
                if p not in cached:
                    raise _ByteCap(f"{self._map[p]} of {self.dist} {self.version} was not read (over the {self.max_bytes}-byte cap?)")

    def read(self, path: str) -> Optional[str]:
        if path not in self._map:
            return None
        if path not in self._texts:
            self.prefetch([path])
        text = self._texts.get(path)
        # A UTF-8 byte-order mark is no character of the module (Python's import drops it;
        # ast.parse of the str refuses it): imbalanced-learn 0.7.0's _smote.py starts with one.
        return text[1:] if text and text[0] == "\ufeff" else text

    def compiled_lacks(self, path: str, name: str) -> bool:
        """Whether compiled module ``path`` cannot define ``name``: its bytes do not hold the name."""
        return self.compiled_spells(path, name, COMPILED_MODULE_CAP) is False

    def compiled_spells(self, path: str, name: str, cap: int = COMPILED_NAME_CAP) -> Optional[bool]:
        """Whether compiled module ``path``'s bytes hold ``name``; None when that proves nothing.

        An extension module keeps the names it defines as C strings (f2py,
        pybind11, cffi, hand-written C, Cython up to 3.0), so a star import
        from one that never spells the name cannot bring it, and one that holds
        it as a C string of its own most likely defines it; a mention inside
        longer text (an error message about its removal) says neither.  Cython 3.1 may
        store its string table compressed: such a module proves nothing, nor
        does one over the read cap.  The bytes are searched, never loaded; the
        answer is cached.
        """
        member = self._map.get(path)
        if member is None or not name.isidentifier():
            return None
        key = f"{READER_VERSION}|{canonicalize_name(self.dist)}|{self.version}|{self.probe.target_key}|{member}|{name}|spells{cap}"
        cached = self.probe._store.get("bin", key)
        if cached is not None:
            return {"1": True, "0": False}.get(cached)
        try:
            got = self.probe.index.read_members(self.dist, self.version, lambda m: m == member, max_bytes=cap)
        except Exception:
            return None  # not stored: a network error is not an answer
        data = got.get(member)
        word = re.escape(name.encode())
        if data is None or re.search(rb"_cython_3_(?:[1-9]|\d\d)", data):
            spelled = None
        elif re.search(rb"\x00" + word + rb"\x00", data):
            spelled = True  # a C string of its own: what a module's name table holds
        elif re.search(rb"(?<![A-Za-z0-9_])" + word + rb"(?![A-Za-z0-9_])", data):
            spelled = None  # only inside longer text ("OLD_TYPE was removed in 8"): proves nothing
        else:
            spelled = False
        self.probe._store.put("bin", key, {True: "1", False: "0", None: "?"}[spelled])
        return spelled

    def _src_key(self, path: str) -> str:
        return f"{canonicalize_name(self.dist)}|{self.version}|{self.probe.target_key}|{self._map[path]}"


# --------------------------------------------------------------------------
# the probe
# --------------------------------------------------------------------------

class ApiProbe:
    """Answers API questions about releases of a distribution for the index's target."""

    def __init__(self, index: Any, *, cache_dir: Optional[str] = None, use_cache: bool = True, max_bytes: int = DEFAULT_MAX_BYTES):
        self.index = index
        self.target = index.target
        self.max_bytes = max_bytes
        self._store = _Store(_cache_root(index, cache_dir) if use_cache else None)
        self._resolvers: Dict[Tuple[str, str], Resolver] = {}
        self.fetched_releases: set = set()

    @property
    def target_key(self) -> str:
        t = self.target
        plat = (t.platforms[0] if getattr(t, "platforms", None) else getattr(t, "system", ""))
        return f"cp{'.'.join(map(str, t.python[:2]))}-{plat}"

    @property
    def python(self) -> Tuple[int, ...]:
        return tuple(self.target.python)

    # -- reading ---------------------------------------------------------
    def _members(self, dist: str, version: str) -> List[str]:
        key = f"{canonicalize_name(dist)}|{version}|{self.target_key}"
        got = self._store.get("members", key)
        if got is None:
            got = list(self.index.list_members(dist, version))
            self.fetched_releases.add((canonicalize_name(dist), version))
            self._store.put("members", key, got)
        return got

    def resolver(self, dist: str, version: str) -> Resolver:
        k = (canonicalize_name(dist), version)
        if k not in self._resolvers:
            self._resolvers[k] = Resolver(ReleaseTree(self, dist, version), self.python)
        return self._resolvers[k]

    def module_of(self, dist: str, version: str, import_path: str) -> Dict[str, Optional[str]]:
        """Which member files make up ``import_path`` in this release (compiled ones cannot be read)."""
        mf: ModuleFiles = self.resolver(dist, version).module_files(import_path)
        kind = "missing"
        if mf.source:
            kind = "source"
        elif mf.stub:
            kind = "stub"
        elif mf.compiled:
            kind = "compiled"
        elif mf.namespace:
            kind = "namespace"
        return {"module": import_path, "kind": kind, "source": mf.source, "stub": mf.stub,
                "compiled": mf.compiled, "namespace": mf.namespace,
                "readable": "yes" if (mf.source or mf.stub) else ("unknown" if mf.compiled else "no")}

    # -- one release -----------------------------------------------------
    def ask(self, dist: str, version: str, q: Question) -> Answer:
        """Does release ``dist==version`` (for the target) provide what ``q`` asks?"""
        if isinstance(q, str):
            q = Question.parse(q)
        # the full target version: the reader evaluates 'sys.version_info >= (3, 7, 2)' branches with it
        key = f"{READER_VERSION}|{canonicalize_name(dist)}|{version}|{self.target_key}|{'.'.join(map(str, self.python))}|{q}"
        cached = self._store.get("answers", key)
        if isinstance(cached, dict):
            a = Answer(**{k: cached[k] for k in ("value", "evidence", "dist", "version", "question", "conditional") if k in cached})
            a.from_cache = True
            return a
        try:
            with reading_python2(self.python[0] < 3):  # Python 2 text is code that ran only on Python 2
                f = self._answer(self.resolver(dist, version), q)
        except _ByteCap as exc:
            f = Finding(UNKNOWN, str(exc))
        answer = Answer(f.value, f.evidence, dist, version, str(q), f.conditional)
        self._store.put("answers", key, answer.to_dict())
        self._resolvers.pop((canonicalize_name(dist), version), None)  # keep memory flat over long ranges
        return answer

    def _answer(self, r: Resolver, q: Question) -> Finding:
        mod = r.has_module(q.module)
        if q.name is None or mod.value != YES:
            if q.name is not None and mod.value == NO:
                return Finding(NO, f"module {q.module} is missing: {mod.evidence}")
            return mod
        f = r.lookup(q.module, q.name)
        trail = [f.evidence]
        cond = f.conditional
        parts = q.attribute.split(".") if q.attribute else []
        for i, part in enumerate(parts):
            if f.value != YES:
                break
            alts = []
            for ref in f.refs or [Ref("unknown", q.module)]:
                if ref.kind == "module":
                    alts.append(r.lookup(ref.module, part))
                elif ref.kind == "class":
                    alts.append(r.class_attr(ref, part, on_type=q.on_type and i == len(parts) - 1))
                else:
                    alts.append(Finding(UNKNOWN, f"cannot see attributes of a {ref.kind} statically"))
            f = pick(alts)
            trail.append(f.evidence)
            cond = cond or f.conditional
        if q.parameter and f.value == YES:
            alts = [r.accepts(ref, q.parameter) for ref in f.refs] or [Finding(UNKNOWN, "the callable could not be located in source")]
            f = pick(alts)
            others = [a.evidence for a in alts if a is not f and a.value != f.value]
            trail.append(f.evidence + (f" (other branch: {'; '.join(others)})" if others else ""))
        evidence = " -> ".join(trail)
        return Finding(f.value, evidence, f.refs, cond)

    # -- over releases ---------------------------------------------------
    def versions(self, dist: str, include_prereleases: bool = False) -> List[str]:
        """Target-installable, non-yanked releases, ascending."""
        out = []
        for rel in self.index.releases(dist):
            if getattr(rel, "yanked", False):
                continue
            if rel.installable(self.target) is None:
                continue
            if rel.version.is_prerelease and not include_prereleases:
                continue
            out.append(str(rel.version))
        return out

    def find_range(self, dist: str, q: Question, versions: Optional[List[str]] = None,
                   near: Optional[str] = None) -> RangeAnswer:
        """Where ``q`` turns true and false over the installable releases, by bisection.

        Assumes one contiguous stretch of "yes" (a name appears once and
        disappears once).  Reads both ends; if exactly one end has it, one
        binary search finds the edge; if neither has it, a few probes look
        for a "yes" inside and then two binary searches find both edges.
        ``near``: the pinned release that lacks it; the release just before it
        is probed first (fsspec's ``asyn.maybe_sync`` lived only in 0.8.x,
        between probe points, and went in 0.9.0).
        """
        if isinstance(q, str):
            q = Question.parse(q)
        stats0 = dict(getattr(self.index, "stats", {}) or {})
        vs = list(versions) if versions is not None else self.versions(dist)
        try:
            vs.sort(key=Version)
        except InvalidVersion as exc:
            raise BadInput(f"not a version: {exc}") from None
        answers: Dict[str, str] = {}
        evidence: Dict[str, str] = {}

        def has(i: int) -> bool:
            v = vs[i]
            if v not in answers:
                a = self.ask(dist, v, q)
                answers[v], evidence[v] = a.value, a.evidence
            return answers[v] == YES

        def edge(lo: int, hi: int) -> int:
            """First index in (lo, hi] whose value differs from index lo's (values at lo and hi differ)."""
            base = has(lo)
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if has(mid) == base:
                    lo = mid
                else:
                    hi = mid
            return hi

        first = last = None
        if vs:
            n = len(vs) - 1
            a, b = has(0), has(n)
            if a and b:
                first, last = 0, n
            elif a:
                first, last = 0, edge(0, n) - 1
            elif b:
                first, last = edge(0, n), n
            else:
                hit = None
                ends = _series_ends(vs)
                if near is not None:
                    try:
                        below = [i for i, v in enumerate(vs) if Version(v) < Version(near)]
                    except InvalidVersion:
                        below = []
                    if below and 0 < below[-1] < n:
                        # Then the last release of each of the few minor series before it: a name
                        # deprecated for two minors goes at a minor release (matplotlib 3.6 dropped
                        # set_window_title, whose class only lived in backend_qtagg from 3.5).
                        minors: Dict[Tuple[int, ...], int] = {}
                        for i in below:
                            minors[Version(vs[i]).release[:2]] = i
                        recent = sorted((i for i in minors.values() if 0 < i < n), reverse=True)[:NEAR_MINOR_SERIES]
                        first_probes = [below[-1]] + [i for i in recent if i != below[-1]]
                        ends = first_probes + [i for i in ends if i not in first_probes]
                for i in ends + [i for i in _probe_points(n) if i not in ends]:
                    if has(i):
                        hit = i
                        break
                if hit is not None:
                    first = edge(0, hit)
                    last = edge(hit, n) - 1
        stats1 = dict(getattr(self.index, "stats", {}) or {})
        if first is None:
            present, fw, lw, after = "<0", None, None, None
        else:
            fw, lw = vs[first], vs[last]
            after = vs[last + 1] if last + 1 < len(vs) else None
            parts = []
            if first > 0:
                parts.append(f">={fw}")
            if after is not None:
                parts.append(f"<{after}")
            present = ",".join(parts)
        ordered = {v: answers[v] for v in vs if v in answers}
        return RangeAnswer(
            dist=dist, question=str(q), present=present, first_with=fw, last_with=lw, first_without_after=after,
            releases_read=len(ordered), answers=ordered, evidence={v: evidence[v] for v in ordered},
            versions_considered=len(vs),
            bytes_fetched=sum(int(stats1.get(k, 0)) - int(stats0.get(k, 0)) for k in ("bytes", "local_bytes")),
            requests=int(stats1.get("requests", 0)) - int(stats0.get("requests", 0)),
        )


NEAR_MINOR_SERIES = 3  # minor series before the pinned release whose last release is probed first


def _series_ends(vs: Sequence[str], limit: int = 4) -> List[int]:
    """Interior indexes of each major series' last release, newest first.

    A name that lives only in a narrow stretch (openai's ``ChatCompletion``,
    0.27.0 to 0.28.1 among 400 releases) is usually cut off at a major
    release, and so is alive in the last release before it: even spaced
    probes step over such a stretch, a series' last release lands in it.
    """
    last: Dict[int, int] = {}
    for i, v in enumerate(vs):
        try:
            rel = Version(v).release
        except InvalidVersion:
            continue
        last[rel[0]] = i
    ends = sorted((i for i in last.values() if 0 < i < len(vs) - 1), reverse=True)
    return ends[:limit]


def _probe_points(n: int, depth: int = 2) -> List[int]:
    """Interior points to look for a "yes" when neither end has it: 1/2, then 1/4 and 3/4."""
    out: List[int] = []
    for d in range(1, depth + 1):
        parts = 2 ** d
        for k in range(1, parts, 2):
            i = (n * k) // parts
            if 0 < i < n and i not in out:
                out.append(i)
    return out
