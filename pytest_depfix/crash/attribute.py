"""Who owns each frame: a distribution (and which version), the project, or the stdlib.

The diagnosis needs to know that ``.../site-packages/torch/nn/modules/conv.py``
is torch 1.8.0 and that the call came from torchvision, even when the
traceback was pasted from another machine whose files we cannot read.  So
attribution works from the path alone first (site-packages / dist-packages /
egg / conda / pyenv / venv / Windows layouts -> import module), then maps the
import name to a distribution, in this order:

1. an egg directory in the path names the distribution and version outright;
2. for files that exist here (live crashes), the RECORD of the installed
   distribution that wrote the file (exact, with the local version);
3. the pin set being analysed: a pin named like the import name, or one of the
   well-known mismatches of :mod:`.import_names` that is in the set;
4. installed metadata (``packages_distributions()``) when ``installed=True``;
5. the index: top-level names from the wheels of the pinned versions;
6. the first candidate of the mismatch table (name known, version not).

Versions for foreign paths come only from the pins (or an egg name): the
versions installed HERE say nothing about the machine that crashed.

Stdlib is decided for the TARGET Python (``distutils`` is stdlib on 3.7),
using the path layout (``lib/pythonX.Y/`` outside site-packages) and the module
name tables of :mod:`.stdlib`.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

from packaging.utils import canonicalize_name

from ..models import OWNER_DIST, OWNER_PROJECT, OWNER_STDLIB, OWNER_UNKNOWN, CallEdge, Crash, Frame
from .import_names import dists_for_import
from .stdlib import is_stdlib_module

__all__ = ["attribute", "classify_path", "PathInfo", "owner_label", "module_from_relpath"]

_SITE_MARKERS = ("/site-packages/", "/dist-packages/")
_PYLIB = re.compile(r"/lib(?:64)?/python(\d)(?:\.(\d{1,2}))?[a-z]?/", re.IGNORECASE)
_WINLIB = re.compile(r"/lib/", re.IGNORECASE)
_EXTENSIONS = (".py", ".pyc", ".pyo", ".pyw", ".pyi", ".pyx", ".pxd", ".so", ".pyd")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_STDLIB_SUBDIRS = ("lib-dynload", "lib-tk", "lib-old", "plat-")


@dataclass
class PathInfo:
    """What the path alone says about a frame's file."""

    kind: str  # "site" | "stdlib" | "interactive" | "other"
    module: Optional[str] = None
    site_dir: Optional[str] = None  # for "site": the site-packages directory (as written)
    relpath: Optional[str] = None  # for "site": path inside it, "/"-separated
    egg: Optional[Tuple[str, str]] = None  # (name, version) from an .egg directory
    python: Optional[Tuple[int, int]] = None  # X.Y seen in the path (lib/pythonX.Y)


def module_from_relpath(rel: str) -> Optional[str]:
    """``torch/nn/modules/conv.py`` -> ``torch.nn.modules.conv`` (None if not importable)."""
    parts = [p for p in rel.split("/") if p and p != "."]
    if not parts:
        return None
    last = parts[-1]
    for ext in _EXTENSIONS:
        if last.lower().endswith(ext):
            last = last[: -len(ext)]
            if ext in (".so", ".pyd"):
                last = last.split(".", 1)[0]  # _C.cpython-37m-x86_64-linux-gnu
            break
    else:
        if "." in last:
            return None
    parts[-1] = last
    if parts[-1] == "__init__":
        parts.pop()
    if not parts or not all(_IDENT.match(p) for p in parts):
        return None
    return ".".join(parts)


def classify_path(file: str) -> PathInfo:
    """Read the import module and layout from a frame's path, without touching the disk."""
    p = file.replace("\\", "/")
    if p.startswith("<frozen "):
        return PathInfo("stdlib", module=p[8:].rstrip(">").strip() or None)
    redacted = re.match(r"<[^<>/]{1,40}>(/.+)", p)
    if redacted:
        # A reporter's placeholder for the start of a path ("<path removed>/lib/python3.7/site-packages/..."):
        # what follows it is still a path.
        p = redacted.group(1)
    elif p.startswith("<") or p.startswith(("Cell In", "Input In")):
        return PathInfo("interactive")
    python = None
    m = _PYLIB.search(p)
    if m:
        python = (int(m.group(1)), int(m.group(2))) if m.group(2) else None
    if p.lower().startswith(("site-packages/", "dist-packages/")):
        p = "/" + p  # a paste cut at the site folder itself ("site-packages/aiomcrcon/__init__.py")
    low = p.lower()
    idx, marker = -1, ""
    for mk in _SITE_MARKERS:
        j = low.rfind(mk)
        if j > idx:
            idx, marker = j, mk
    egg = None
    if idx >= 0:
        rel = p[idx + len(marker):]
        site_dir = p[: idx + len(marker) - 1]
        egg, rel_in = _egg(rel)
        return PathInfo("site", module=module_from_relpath(rel_in), site_dir=site_dir, relpath=rel, egg=egg, python=python)
    egg_at = low.find(".egg/")
    if egg_at >= 0:
        start = p.rfind("/", 0, egg_at) + 1
        egg, rel_in = _egg(p[start:])
        return PathInfo("site", module=module_from_relpath(rel_in), egg=egg, python=python)
    if m:
        rel = p[m.end():]
        first = rel.split("/", 1)[0]
        if first.startswith(_STDLIB_SUBDIRS):
            rel = rel.split("/", 1)[1] if "/" in rel else ""
        return PathInfo("stdlib", module=module_from_relpath(rel), python=python)
    if re.match(r"[A-Za-z]:/", p) or "\\" in file:
        hits = list(_WINLIB.finditer(p))
        if hits:
            rel = p[hits[-1].end():]
            module = module_from_relpath(rel)
            if module and is_stdlib_module(module, None):
                return PathInfo("stdlib", module=module)
    return PathInfo("other")


def _egg(rel: str) -> Tuple[Optional[Tuple[str, str]], str]:
    first, _, rest = rel.partition("/")
    if first.lower().endswith(".egg"):
        bits = first[:-4].split("-")
        if len(bits) >= 2:
            return (bits[0].replace("_", "-"), bits[1]), rest
        return None, rest
    return None, rel


# ---------------------------------------------------------------------------
# Installed metadata (live crashes): RECORD files, read once per site directory
# ---------------------------------------------------------------------------

_RECORD_INDEX: Dict[str, Dict[str, Tuple[str, str]]] = {}
_PACKAGES_DISTS: Optional[Dict[str, List[str]]] = None


def _record_index(site_dir: str) -> Dict[str, Tuple[str, str]]:
    """``relpath -> (name, version)`` for every file the RECORDs in ``site_dir`` list."""
    key = os.path.normcase(os.path.abspath(site_dir))
    hit = _RECORD_INDEX.get(key)
    if hit is not None:
        return hit
    index: Dict[str, Tuple[str, str]] = {}
    try:
        from importlib import metadata

        for dist in metadata.distributions(path=[site_dir]):
            try:
                name = dist.metadata["Name"]
                version = dist.version
                # RECORD read as text: Distribution.files builds a path object per
                # line, which took most of a large environment's attribution time.
                record = dist.read_text("RECORD")
                paths = ([line.rsplit(",", 2)[0].strip('"') for line in record.splitlines() if line]
                         if record else [str(f) for f in dist.files or ()])
                for rel in paths:
                    rel = rel.replace("\\", "/")
                    if not rel.startswith(".."):
                        index.setdefault(os.path.normcase(rel), (name, version))
            except Exception:
                continue
    except Exception:  # pragma: no cover - broken environments
        pass
    _RECORD_INDEX[key] = index
    return index


def _packages_distributions() -> Dict[str, List[str]]:
    global _PACKAGES_DISTS
    if _PACKAGES_DISTS is None:
        try:
            from importlib import metadata

            _PACKAGES_DISTS = dict(metadata.packages_distributions())  # type: ignore[attr-defined]
        except Exception:  # Python < 3.10 has no packages_distributions
            _PACKAGES_DISTS = _packages_distributions_fallback()
    return _PACKAGES_DISTS


def _packages_distributions_fallback() -> Dict[str, List[str]]:
    out: Dict[str, List[str]] = {}
    try:
        from importlib import metadata

        for dist in metadata.distributions():
            name = dist.metadata["Name"]
            tops = (dist.read_text("top_level.txt") or "").split()
            if not tops:
                tops = sorted({str(f).split("/", 1)[0].split(".", 1)[0] for f in dist.files or () if "/" in str(f) or str(f).endswith(".py")})
            for top in tops:
                out.setdefault(top, []).append(name)
    except Exception:  # pragma: no cover
        pass
    return out


def clear_caches() -> None:
    """Forget installed metadata (tests install distributions into temp dirs)."""
    global _PACKAGES_DISTS
    _RECORD_INDEX.clear()
    _PACKAGES_DISTS = None


# ---------------------------------------------------------------------------
# Import name -> distribution
# ---------------------------------------------------------------------------

class _Resolver:
    def __init__(self, pins, installed: bool, index) -> None:
        self.pins = list(pins or ())
        self.by_key = {getattr(p, "key", canonicalize_name(p.name)): p for p in self.pins}
        self.installed = installed
        self.index = index
        self._index_tops: Optional[Dict[str, object]] = None
        self._files: Optional[Dict[str, Tuple[object, set]]] = None
        self._memo: Dict[str, Optional[Tuple[str, Optional[str]]]] = {}
        self._lines: Dict[Tuple[str, str, str], Optional[List[str]]] = {}

    def _pin(self, name: str):
        return self.by_key.get(canonicalize_name(name))

    def for_release_file(self, relpath: str, folder: str) -> Optional[Tuple[str, Optional[str]]]:
        """The one pin whose release (wheel, or sdist below its root folder or ``src/``) has file ``relpath``.

        Only pins named like ``folder`` (simple_email_confirmation in
        django-simple-email-confirmation, bcpy in bcpy) are listed: a file
        listing of an sdist is a download, never paid for unrelated pins.
        """
        if self.index is None:
            return None
        low = folder.lower()
        if self._files is None:
            self._files = {}
        for pin in self.pins:
            name = pin.key.replace("-", "_")
            if pin.name in self._files or not pin.version or len(min(low, name, key=len)) < 3 \
                    or not (low in name or name in low):
                continue
            try:
                members = [str(m).replace("\\", "/") for m in self.index.list_members(pin.name, pin.version) or ()]
            except Exception:
                continue
            sdist = bool(members) and not any(m.split("/", 1)[0].endswith(".dist-info") for m in members)
            names = set()
            for m in members:
                if sdist:
                    m = m.split("/", 1)[1] if "/" in m else ""
                    m = m[4:] if m.startswith("src/") else m
                names.add(m)
            self._files[pin.name] = (pin, names)
        hits = [pin for pin, names in self._files.values() if relpath in names]
        return (hits[0].name, hits[0].version) if len(hits) == 1 else None

    def release_lines(self, name: str, version: str, relpath: str) -> Optional[List[str]]:
        """The lines of one file of a pinned release (read once per analysis), or None when unreadable."""
        key = (name, version, relpath)
        if key not in self._lines:
            got = None
            try:
                found = self.index.read_members(name, version, lambda n: n == relpath or n.endswith("/" + relpath),
                                                max_bytes=4_000_000)
                for data in found.values():
                    got = data.decode("utf-8", "replace").splitlines()
                    break
            except Exception:
                got = None
            self._lines[key] = got
        return self._lines[key]

    def shared_top(self, top: str) -> bool:
        """Whether two or more pins are named like the top-level package ``top`` (a namespace of plugins)."""
        low = top.lower()
        if len(low) < 3:
            return False
        return sum(1 for p in self.pins if p.version and low in re.split(r"[-_.]", p.key)) >= 2

    def for_module(self, module: str) -> Optional[Tuple[str, Optional[str]]]:
        if module in self._memo:
            return self._memo[module]
        top = module.split(".", 1)[0]
        answer = self._resolve(module, top)
        self._memo[module] = answer
        return answer

    def _resolve(self, module: str, top: str) -> Optional[Tuple[str, Optional[str]]]:
        table = dists_for_import(module)
        pin = self._pin(top)  # a pin named like the import name
        if pin is None:
            for cand in table:  # a well-known mismatch that is in the set
                pin = self._pin(cand)
                if pin is not None:
                    break
        if pin is not None:
            return pin.name, pin.version
        if self.installed:
            names = _packages_distributions().get(top) or []
            for name in names:
                pin = self._pin(name)
                if pin is not None:
                    return pin.name, pin.version
            if len(set(names)) == 1:
                return names[0], None
        if self.index is not None:
            pin = self._index_top_levels().get(top)
            if pin is not None:
                return pin.name, pin.version  # type: ignore[attr-defined]
        if table:
            return table[0], None
        return None

    def _index_top_levels(self) -> Dict[str, object]:
        """Top-level import names of each pinned wheel, asked of the index once per pin."""
        if self._index_tops is None:
            tops: Dict[str, object] = {}
            for pin in self.pins:
                if not pin.version:
                    continue
                try:
                    members = self.index.list_members(pin.name, pin.version)
                except Exception:
                    continue
                paths = [str(m).replace("\\", "/") for m in members or ()]
                if paths and not any(p.split("/", 1)[0].endswith(".dist-info") for p in paths):
                    paths = _sdist_import_paths(paths)  # an sdist-only release (django-sql-explorer 1.1.1)
                for member in paths:
                    first = member.split("/", 1)[0]
                    if first.endswith((".dist-info", ".data")) or not first:
                        continue
                    name = first.split(".", 1)[0] if first.endswith(_EXTENSIONS) else first
                    if _IDENT.match(name):
                        tops.setdefault(name, pin)
            self._index_tops = tops
        return self._index_tops


_NOT_IMPORTED = {"setup", "conftest", "test", "tests", "testing", "doc", "docs", "example", "examples", "benchmarks",
                 "scripts", "build", "dist"}


def _sdist_import_paths(members: List[str]) -> List[str]:
    """An sdist's members as they install: below its root folder (and ``src/``), packages and modules only.

    A folder counts when it holds an ``__init__.py``; a module when it sits at the
    top; ``setup.py``, tests and docs are never what a frame imports.
    """
    inside = []
    for m in members:
        rest = m.split("/", 1)[1] if "/" in m else ""
        inside.append(rest[4:] if rest.startswith("src/") else rest)
    packages = {m.split("/", 1)[0] for m in inside if m.count("/") == 1 and m.endswith("/__init__.py")}
    out = []
    for m in inside:
        first = m.split("/", 1)[0]
        stem = first.split(".", 1)[0]
        if not m or stem.lower() in _NOT_IMPORTED:
            continue
        if first in packages or ("/" not in m and m.endswith(".py")):
            out.append(m)
    return out


# ---------------------------------------------------------------------------
# Frames, edges, the public function
# ---------------------------------------------------------------------------

def owner_label(frame: Frame) -> str:
    """How a frame's owner is named in call edges: the dist, ``<project>``, ``<stdlib>`` or ``?top``."""
    if frame.owner == OWNER_DIST and frame.dist:
        return frame.dist
    if frame.owner == OWNER_PROJECT:
        return "<project>"
    if frame.owner == OWNER_STDLIB:
        return "<stdlib>"
    return f"?{frame.module.split('.', 1)[0]}" if frame.module else "<unknown>"


def attribute(
    crash: Crash,
    pins=None,
    *,
    target=None,
    project_root: Optional[str] = None,
    installed: bool = True,
    index=None,
) -> Crash:
    """A copy of ``crash`` with every frame's owner filled, plus call edges.

    ``pins``: the PinSet being analysed (or any iterable of Pins); ``target``:
    the Target whose stdlib counts; ``project_root``: frames under it are the
    project's; ``installed``: consult this interpreter's metadata; ``index``:
    a PackageIndex whose ``list_members`` gives wheel top-level names.
    """
    out = copy.deepcopy(crash)
    resolver = _Resolver(getattr(pins, "pins", pins), installed, index)
    python = tuple(target.python[:2]) if target is not None and getattr(target, "python", None) else None
    root = _real(project_root) if project_root else None
    for exc in out.exceptions:
        for frame in exc.frames:
            _attribute_frame(frame, resolver, python, root, installed)
        loc = getattr(exc, "location", None)
        if isinstance(loc, Frame):
            _attribute_frame(loc, resolver, python, root, installed)
    _edges(out)
    return out


_UNPACKED_SDIST = re.compile(r"[/\\](?:pip-install-[^/\\]+|pip-req-build-[^/\\]+)[/\\]([A-Za-z0-9][\w.-]*)[/\\](.+)\Z")


def _unpacked_sdist_frame(frame: Frame, resolver: "_Resolver") -> Optional[Tuple[str, str]]:
    """A frame in the source tree pip unpacked to build a pin (``/tmp/pip-install-x/pyhrf/setup.py``): that pin's.

    pip names the folder after the requirement it builds, so the pin of that
    name owns the file; its path inside the sdist is kept for readers of the
    release (``setup.py``).  ``pip-req-build-*`` folders (a URL or VCS
    requirement) carry no name and match only through a pin named like it.
    """
    m = _UNPACKED_SDIST.search(frame.file)
    if not m:
        return None
    pin = resolver._pin(m.group(1))
    if pin is None or not getattr(pin, "version", None):
        return None
    frame.relpath = m.group(2).replace("\\", "/")
    return pin.name, pin.version


def _real(path: str) -> str:
    """A path as the file system sees it: absolute, '..' folded, symlinks resolved, case as the OS compares it."""
    try:
        return os.path.normcase(os.path.realpath(os.path.normpath(os.path.abspath(path))))
    except (OSError, ValueError):  # a pasted path with a NUL byte, or one the OS refuses
        return os.path.normcase(os.path.normpath(path))


def _under(file: str, root: str) -> bool:
    """Whether ``file`` is ``root`` or inside it (``root`` already through :func:`_real`).

    Only an absolute path of this machine can be: a pasted ``C:\\...`` read on POSIX is not
    relative to the working directory."""
    if not os.path.isabs(file):
        return False
    norm = _real(file)
    return norm == root or norm.startswith(root.rstrip(os.sep) + os.sep)


def _attribute_frame(frame: Frame, resolver: _Resolver, python, root: Optional[str], installed: bool) -> None:
    info = classify_path(frame.file)
    frame.module = info.module
    frame.dist = None
    frame.version = None
    if info.kind == "interactive":
        frame.owner = OWNER_PROJECT
        return
    if info.kind == "stdlib":
        # A module that left the stdlib before the target (but lives under lib/pythonX.Y) stays stdlib.
        frame.owner = OWNER_STDLIB
        return
    if info.kind == "site":
        hit = None
        if info.egg:
            pin = resolver._pin(info.egg[0])
            hit = (pin.name, info.egg[1]) if pin is not None else info.egg
        if hit is None and installed and info.site_dir and info.relpath and os.path.isabs(frame.file) and os.path.exists(frame.file):
            hit = _record_index(info.site_dir).get(os.path.normcase(info.relpath))
            if hit is not None:
                pin = resolver._pin(hit[0])
                hit = (pin.name if pin is not None else hit[0], hit[1])
        if hit is None and info.module and info.relpath and resolver.shared_top(info.module.split(".", 1)[0]):
            # Several pins named like the top-level package (apache-airflow and
            # apache-airflow-providers-celery both ship airflow/...): the one whose release has the file.
            hit = resolver.for_release_file(info.relpath, info.module.split(".", 1)[0])
        if hit is None and info.module:
            hit = resolver.for_module(info.module)
        if hit is not None:
            frame.owner, frame.dist, frame.version = OWNER_DIST, hit[0], hit[1]
        else:
            frame.owner = OWNER_UNKNOWN
        return
    # Not under site-packages: the project's own code, unless it is the target's stdlib by name
    # (a bare relative "json/decoder.py" stays project: we cannot tell from the path).
    if root and os.path.isabs(frame.file) and _under(frame.file, root):
        frame.module = module_from_relpath(os.path.relpath(_real(frame.file), root).replace("\\", "/"))
    elif not os.path.isabs(frame.file) and not re.match(r"[A-Za-z]:[\\/]", frame.file):
        frame.module = module_from_relpath(frame.file.replace("\\", "/").lstrip("./"))
    if frame.module is None:  # a foreign absolute path: at least the file's own module name
        frame.module = module_from_relpath(frame.file.replace("\\", "/").rsplit("/", 1)[-1])
    frame.owner = OWNER_PROJECT
    if python is not None and frame.module and info.python is None and _is_unlikely_project(frame.file, frame.module, python):
        frame.owner = OWNER_STDLIB
        return
    hit = _compiled_source_frame(frame, resolver, root) or _trimmed_site_frame(frame, resolver, root) \
        or _unpacked_sdist_frame(frame, resolver) or _checkout_frame(frame, resolver, root)
    if hit is not None:
        frame.owner, frame.dist, frame.version = OWNER_DIST, hit[0], hit[1]


# Folder names too generic to say whose code a file is, even when some wheel ships one.
_GENERIC_TOPS = {"tests", "test", "testing", "docs", "doc", "examples", "example", "src", "lib", "scripts", "app", "build"}


def _trimmed_site_frame(frame: Frame, resolver: "_Resolver", root: Optional[str]) -> Optional[Tuple[str, Optional[str]]]:
    """A path with site-packages cut out (``path\\simple_email_confirmation\\models.py``): a pin's package and module.

    Reporters shorten paths; what is left still names the package folder.  It
    counts when a folder of the path is a top-level package of exactly one pin
    and that very file is in the pin's release: the outermost such folder wins.
    Never for a file under the project root.
    """
    if os.path.isabs(frame.file) or re.match(r"[A-Za-z]:[\\/]", frame.file):
        return None  # an absolute path outside site-packages is where the project lives
    parts = [p for p in re.split(r"[\\/]+", frame.file) if p and p not in (".", "..", "...")]
    for i in range(len(parts) - 1):
        top = parts[i]
        if top.lower() in _GENERIC_TOPS or not _IDENT.match(top):
            continue
        module = module_from_relpath("/".join(parts[i:]))
        if not module or "." not in module:
            continue
        hit = resolver.for_release_file("/".join(parts[i:]), top)
        if hit is not None:
            frame.module, frame.relpath = module, "/".join(parts[i:])
            return hit
    return None


_CHECKOUT_DRIFT = 40  # lines a clone's file may have moved from its release's


def _checkout_frame(frame: Frame, resolver: "_Resolver", root: Optional[str]) -> Optional[Tuple[str, Optional[str]]]:
    """A foreign absolute path into a checkout of a pin (``C:\\src\\Top2Vec\\top2vec\\Top2Vec.py``): that pin's.

    People run a cloned library in place of its wheel; the paste then shows the
    clone's path, which looks like project code.  It counts as the pin only
    when the file is in the pinned release under a folder named like the pin
    AND the release has the line the paste shows within a few dozen lines of
    its number (a clone sits a few commits off its release): the running code
    is the pinned release's code, whoever cloned it.  A path under
    the project root is always the project's (the project may be that library).
    """
    if not frame.source or frame.line <= 0 or len(frame.source.strip()) < 6 or resolver.index is None:
        return None
    if not (os.path.isabs(frame.file) or re.match(r"[A-Za-z]:[\\/]", frame.file)):
        return None
    if root and _under(frame.file, root):
        return None
    if ".." in re.split(r"[\\/]+", frame.file):
        return None  # a path that climbs out of a folder says nothing sure about the folder it names
    parts = [p for p in re.split(r"[\\/]+", frame.file) if p]
    for i in range(len(parts) - 1):
        top = parts[i]
        if top.lower() in _GENERIC_TOPS or not _IDENT.match(top) or resolver._pin(top) is None:
            continue
        relpath = "/".join(parts[i:])
        hit = resolver.for_release_file(relpath, top)
        if hit is None or not hit[1]:
            continue
        lines = resolver.release_lines(hit[0], hit[1], relpath)
        if lines is None:
            return None
        near = lines[max(0, frame.line - 1 - _CHECKOUT_DRIFT):frame.line + _CHECKOUT_DRIFT]
        func = frame.function if (frame.function or "").isidentifier() else None
        # a generic line ('return func(*args, **kwargs)') is in many files: the frame's function
        # must be defined in that release's file too (a module-level frame needs no def)
        if any(line.strip() == frame.source.strip() for line in near) and (
                func is None or any(re.match(rf"\s*(?:async\s+)?def\s+{re.escape(func)}\b", line) for line in lines)):
            frame.module = module_from_relpath(relpath) or frame.module
            frame.relpath = relpath
            return hit
        return None
    return None


_COMPILED_SOURCE = (".pyx", ".pxd", ".pxi")


def _compiled_source_frame(frame: Frame, resolver: _Resolver, root: Optional[str]) -> Optional[Tuple[str, Optional[str]]]:
    """A relative frame of a pinned package (a Cython ``msgpack/_unpacker.pyx``, a cut ``pkg/mod.py``), or None.

    Cython writes the path of its *source* file relative to the package's
    build root into the compiled extension, so an installed compiled package
    shows relative ``.pyx`` frames that look like project files.  When the
    top-level name is a pin of the set (and the project has no such file),
    the frame is that package's code.
    """
    p = frame.file.replace("\\", "/")
    if os.path.isabs(frame.file) or re.match(r"[A-Za-z]:/", p):
        return None
    if not p.lower().endswith(_COMPILED_SOURCE):
        # A shortened paste ("sanic_jinja2/__init__.py", the site-packages prefix cut) names the
        # package by its first directory: a pin's import name is that pin's code.  A bare "app.py"
        # or a path the project has stays the project's.
        rel = p.lstrip("./")
        cut = rel.startswith(("packages/", "site-packages/", "dist-packages/"))
        if cut:
            rel = rel.split("/", 1)[1]  # the paste was cut inside "...\\site-packages\\pkg\\mod.py"
        first = rel.split("/", 1)[0]
        if "/" not in rel or not p.endswith(".py") or not first.isidentifier():
            return None
        if root and os.path.exists(os.path.join(root, frame.file)):
            return None
        pin = resolver._pin(first)
        if pin is None:
            return None
        if cut:
            # Only a path cut out of site-packages is surely the installed release's file; a plain
            # relative one may be the package's own checkout (pytest run in gramps-webapi's tree).
            frame.relpath = frame.relpath or rel
        return pin.name, pin.version
    if root and os.path.exists(os.path.join(root, frame.file)):
        return None
    modules = [frame.module or module_from_relpath(p.lstrip("./"))]
    # A bare "geometry.pyx" says nothing; Cython names the function by its dotted
    # module ("init skimage._shared.geometry", "msgpack._cmsgpack.Unpacker.__init__").
    func = re.sub(r"^init\s+", "", (frame.function or "").strip())
    init = func != (frame.function or "").strip()
    if func == "init" and frame.source:  # the parser reads "in init a.b.c" as function "init", source "a.b.c"
        func, init = frame.source.strip(), True
    # (a module's init names the module itself, dotted or not: "in init epr" is pyepr's epr)
    if re.fullmatch(r"[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+", func) or init and func.isidentifier():
        modules.append(func)
    for module in modules:
        if not module:
            continue
        pin = resolver._pin(module.split(".", 1)[0])
        if pin is None:
            for cand in dists_for_import(module):
                pin = resolver._pin(cand)
                if pin is not None:
                    break
        if pin is None and init and module == func and resolver.index is not None:
            # pyepr ships its extension as the top-level module epr: the index's listing says so
            pin = resolver._index_top_levels().get(module.split(".", 1)[0])
        if pin is not None:
            if "/" in p.lstrip("./"):
                frame.relpath = frame.relpath or p.lstrip("./")  # the .pyx as its sdist ships it
            return pin.name, pin.version
    return None


def _is_unlikely_project(file: str, module: str, python) -> bool:
    """A stdlib module file outside any lib/pythonX.Y dir (framework builds, embedded Pythons)."""
    p = file.replace("\\", "/")
    return "/Python.framework/" in p and is_stdlib_module(module, python)


def _edges(crash: Crash) -> None:
    root = crash.root
    frames = root.frames
    edges: List[CallEdge] = []
    prev = None
    for i, fr in enumerate(frames):
        if fr.owner == OWNER_STDLIB:
            continue  # importlib, threading, runpy...: pass-through, not a party to the crash
        label = owner_label(fr)
        if prev is not None and label != prev:
            edges.append(CallEdge(caller=prev, callee=label, frame_index=i))
        prev = label
    crash.edges = edges
    loc = getattr(root, "location", None)
    innermost: Optional[Frame] = loc if isinstance(loc, Frame) else (frames[-1] if frames else None)
    crash.raised_in = owner_label(innermost) if innermost is not None else None
    lib = None
    candidates: Iterable[Frame] = ([loc] if isinstance(loc, Frame) else []) + list(reversed(frames))
    for fr in candidates:
        if fr.owner == OWNER_DIST and fr.dist:
            lib = fr.dist
            break
    if lib is None:
        for exc in reversed(crash.exceptions):
            for fr in reversed(exc.frames):
                if fr.owner == OWNER_DIST and fr.dist:
                    lib = fr.dist
                    break
            if lib:
                break
    crash.innermost_library = lib
