"""Breakpoint isolation: from a classified crash to culprits and a verdict.

Who owns the name that broke (the callee), who used it (the caller: a
distribution's frame or the project's own), and which of them may move (never
a keep-pin) decide the verdict:

- ``direct``      the primary (keep) package changed its own API; only its callers may move;
- ``transitive``  a dependency moved under a caller: constrain the callee back, or move the
                  caller to a release that adapted;
- ``project``     the project's own frame calls an API the pinned library no longer has;
- ``environment`` no pin of the set can fix it (GPU, driver, build variant, system library);
- ``unknown``     nothing trustworthy: no culprits, and the summary says why.

Evidence is taken in order of strength: the knowledge base (a sourced entry),
the API probe (the name read out of release files), the declared matrix, and
finally upload dates.  Each culprit must exclude the version that crashed,
otherwise it would change nothing and is dropped.
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
import keyword
import os
import re
from dataclasses import dataclass, field
from typing import Any, Collection, Dict, Iterable, List, Optional, Set, Tuple

from packaging.requirements import Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from ..models import OWNER_DIST, OWNER_PROJECT, Crash, Culprit, Diagnosis, Frame
from ..requirements import PinSet
from ..target import Target
from . import families as F
from . import timeline
from .knowledge import KBEntry, KnowledgeBase
from .matrix import MatrixReport, requirer_range_admitting
from .pysource import parse_exact, parse_quietly
from .stdlib_source import _module_level

# Import names that differ from their distribution's name (the common ones; the
# crash attribution and the installed metadata cover the rest).
IMPORT_ALIASES = {
    "PIL": "pillow", "yaml": "pyyaml", "cv2": "opencv-python", "sklearn": "scikit-learn", "skimage": "scikit-image",
    "bs4": "beautifulsoup4", "dateutil": "python-dateutil", "attr": "attrs", "OpenSSL": "pyopenssl", "jwt": "pyjwt",
    "google.protobuf": "protobuf", "Crypto": "pycryptodome", "dotenv": "python-dotenv", "magic": "python-magic",
    "serial": "pyserial", "usb": "pyusb", "git": "gitpython", "jose": "python-jose", "multipart": "python-multipart",
    "pkg_resources": "setuptools", "setuptools": "setuptools", "_pytest": "pytest", "tensorflow_core": "tensorflow",
    "huggingface_hub": "huggingface-hub", "mpl_toolkits": "matplotlib", "Levenshtein": "python-levenshtein",
    "docx": "python-docx", "pptx": "python-pptx", "fitz": "pymupdf", "websocket": "websocket-client",
    "socketio": "python-socketio", "engineio": "python-engineio", "sentencepiece": "sentencepiece",
    "tf_keras": "tf-keras", "markupsafe": "markupsafe", "lightning_fabric": "lightning-fabric",
    "pytorch_lightning": "pytorch-lightning", "typing_extensions": "typing-extensions", "google.auth": "google-auth",
    "googleapiclient": "google-api-python-client", "grpc": "grpcio", "zmq": "pyzmq", "win32api": "pywin32",
    "Bio": "biopython", "osgeo": "gdal", "mx": "mxnet", "wx": "wxpython", "gi": "pygobject", "jinja2": "jinja2",
    "keras_preprocessing": "keras-preprocessing", "sqlalchemy": "sqlalchemy", "flask_sqlalchemy": "flask-sqlalchemy",
    "flask_login": "flask-login", "flask_wtf": "flask-wtf", "flask_cors": "flask-cors", "nvidia": "nvidia-cudnn-cu12",
}
_SITE = re.compile(r"(?:site|dist)-packages[\\/]+([A-Za-z_][\w]*)")

CONF_KB, CONF_PROBE, CONF_MATRIX, CONF_TIME, CONF_GUESS = 0.9, 0.8, 0.75, 0.5, 0.35


@dataclass
class Party:
    """One side of a break: a distribution of the set, the project, or nobody known."""

    kind: str  # "dist" | "project" | "unknown"
    name: Optional[str] = None  # distribution, as the set spells it
    version: Optional[str] = None

    @property
    def key(self) -> Optional[str]:
        return canonicalize_name(self.name) if self.name else None


@dataclass
class Context:
    crash: Crash
    pins: PinSet
    target: Target
    index: Any
    kb: KnowledgeBase
    keep: Collection[str]
    probe: Any = None
    matrix: Optional[MatrixReport] = None
    evidence: List[str] = field(default_factory=list)
    callee: Optional["Party"] = None  # who changed, once a handler knows (dates bound the caller's adaptation)
    signal: Optional[F.Signal] = None  # what the message says, for readers of release files
    ranges: Dict[Tuple[Any, ...], Optional[str]] = field(default_factory=dict)  # probe ranges asked so far
    tops: Dict[str, Set[str]] = field(default_factory=dict)  # pin key -> top-level import names of its release
    set_callers: Optional[int] = None  # frameless: callers found by reading every other pin (None: not all read)
    unread_callers: int = 0  # pins whose releases could not be read while looking for a caller
    found_caller: Optional[str] = None  # a pin a handler found reaching the name (no frame said so)
    known_break: bool = False  # a knowledge entry says the callee broke the API at a release the pin has
    memo: Dict[Tuple[Any, ...], Any] = field(default_factory=dict)  # whole-release readings asked so far

    def pinned(self, name: Optional[str]) -> Optional[Any]:
        if not name:
            return None
        pin = self.pins.get(name)
        return pin if pin is not None and pin.active else None

    def is_keep(self, name: Optional[str]) -> bool:
        return bool(name) and canonicalize_name(name) in self.keep  # type: ignore[arg-type]

    def party(self, name: Optional[str]) -> Party:
        pin = self.pinned(name)
        if pin is None:
            return Party("unknown", name)
        return Party("dist", pin.name, pin.version)


# ---------------------------------------------------------------------------
# Ownership: which distribution a module belongs to, who made the failing call
# ---------------------------------------------------------------------------


def module_owner(module: Optional[str], ctx: Context, path: Optional[str] = None) -> Optional[str]:
    """The distribution of the set that ships ``module`` (dotted), as the set spells it."""
    if not module:
        return None
    # What attribution already learnt from frames of that package.
    top = module.split(".")[0]
    # Pins sharing a namespace (apache-airflow and apache-airflow-providers-celery both ship airflow/...):
    # a frame speaks for its own subpackage only.
    shared = sum(1 for p in ctx.pins if p.active and top.lower() in re.split(r"[-_.]", p.key)) >= 2
    # (google.cloud.bigquery and google.cloud.storage share two parts: a namespace needs three)
    depth = min(3, len(module.split("."))) if shared else 1
    for exc in ctx.crash.exceptions:
        for fr in exc.frames:
            if fr.owner == OWNER_DIST and fr.dist and fr.module and ctx.pinned(fr.dist) \
                    and fr.module.split(".")[:depth] == module.split(".")[:depth]:
                return ctx.pinned(fr.dist).name
    if path:
        # Where the module really lives beats its name: requests.packages.urllib3 is urllib3's
        # code once requests stopped vendoring it (the message prints .../site-packages/urllib3/...).
        m = _SITE.search(path)
        if m and m.group(1) != top:
            owner = module_owner(m.group(1), ctx)
            if owner:
                return owner
    candidates = [module.rsplit(".", i)[0] for i in range(module.count(".") + 1)]  # longest prefix first
    for prefix in candidates:
        alias = IMPORT_ALIASES.get(prefix)
        if alias and ctx.pinned(alias):
            named = ctx.pinned(alias)
            if top.isidentifier() and top not in _pin_tops(ctx, named):
                # tensorflow_core is TF 2.0's (tensorflow-gpu 2.0.0), not a pinned tensorflow 1.14's: the
                # pin whose wheel ships the package beats the well-known name.
                shipping = _owner_by_files(ctx, top)
                if shipping and canonicalize_name(shipping) != named.key:
                    return shipping
            return named.name
    keys = {p.key: p for p in ctx.pins.pins if p.active}
    for prefix in candidates:
        for guess in (prefix, prefix.replace(".", "-"), f"python-{prefix}", f"py{prefix}", f"{prefix}-python", f"{prefix}py"):
            pin = keys.get(canonicalize_name(guess))
            if pin is not None:
                return pin.name
    if shared and len(module.split(".")) >= 2 and ctx.probe is not None:
        # A subpackage of a namespace several pins share and none is named after (azure.profiles:
        # azure-common's, not azure-mgmt-resource's): the one pin whose files hold it, pinned or newest.
        shipping = _namespace_owner(ctx, module, top)
        if shipping:
            return shipping
    for key, pin in keys.items():  # opencv-python-headless, tensorflow-gpu, ...
        if key.startswith(canonicalize_name(top) + "-"):
            # graphql-server-core ships graphql_server, not graphql: a pin whose file list is read
            # and lacks the package is named like it by chance.
            tops = _pin_tops(ctx, pin) if ctx.probe is not None and top.isidentifier() and pin.version else set()
            if not tops or top in tops:
                return pin.name
    if path and not _SITE.search(path):
        return None  # the message prints where the module is, and it is not an installed package
    return _owner_by_files(ctx, top)


def _namespace_owner(ctx: Context, module: str, top: str) -> Optional[str]:
    """The one pin sharing namespace ``top`` whose pinned (else newest final) release ships ``module``'s path."""
    from . import raised

    parts = module.split(".")
    sharing = [p for p in ctx.pins if p.active and p.version and top.lower() in re.split(r"[-_.]", p.key)][:MAX_LISTED_PINS]
    newest: Dict[str, Optional[str]] = {}
    for pin in sharing:
        try:
            finals = raised.final_releases(ctx.probe.versions(pin.name))
        except Exception:
            finals = []
        newest[pin.key] = finals[-1][1] if finals else None

    def ships(pin: Any, version: Optional[str], sub: str) -> bool:
        if not version:
            return False
        try:
            members = ctx.probe._members(pin.name, version)
        except Exception:
            return False
        return any(m == f"{sub}.py" or m.startswith(f"{sub}/") or f"/{sub}/" in m or m.endswith(f"/{sub}.py")
                   for m in members)

    # the deepest path first: nsy/monitor/otel/exporter is another pin's than nsy/monitor/otel
    for depth in range(len(parts), 1, -1):
        sub = "/".join(parts[:depth])
        for latest in (False, True):
            owners = [pin.name for pin in sharing if ships(pin, newest[pin.key] if latest else pin.version, sub)]
            if owners:
                return owners[0] if len(owners) == 1 else None
    return None


_SITE_FILE = re.compile(r"(?:site|dist)-packages[\\/]+((?:[A-Za-z_]\w*[\\/]+)*[A-Za-z_]\w*)\.py\b")


def _module_at_path(path: Optional[str]) -> Optional[str]:
    """The dotted module a printed ``.../site-packages/urllib3/contrib/__init__.py`` is."""
    m = _SITE_FILE.search(path or "")
    if not m:
        return None
    parts = re.split(r"[\\/]+", m.group(1))
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) or None


def _owner_by_files(ctx: Context, top: str) -> Optional[str]:
    """The one pin whose wheel ships a top-level package (with ``__init__.py``) or module named ``top``
    (rest_framework is djangorestframework's); read from the wheels' file lists, once per crash.

    An sdist's members count as they install (below its root folder and ``src/``, packages with an
    ``__init__`` and top-level modules); namespace packages (google) have no ``__init__``.
    """
    if ctx.probe is None or not top.isidentifier():
        return None
    owners = []
    for pin in [p for p in ctx.pins if p.active and p.version][:MAX_LISTED_PINS]:
        if top in _pin_tops(ctx, pin):
            owners.append(pin.name)
    return owners[0] if len(owners) == 1 else None


def _pin_tops(ctx: Context, pin: Any) -> Set[str]:
    """Top-level packages and modules of a pin's wheel (its file list, read once per crash; sdists give none)."""
    if pin.key not in ctx.tops:
        ctx.tops[pin.key] = _release_tops(ctx, pin.name, pin.version)
    return ctx.tops[pin.key]


def _release_tops(ctx: Context, name: str, version: str) -> Set[str]:
    """Top-level packages and modules a release installs, from its wheel's or sdist's file list."""
    names: Set[str] = set()
    try:
        members = ctx.probe._members(name, version)
    except Exception:
        members = []
    if any(m.split("/")[0].endswith(".dist-info") for m in members):  # a wheel
        for m in members:
            parts = m.split("/")
            if len(parts) == 2 and parts[1] == "__init__.py":
                names.add(parts[0])
            elif len(parts) == 1 and m.endswith(".py"):
                names.add(m[:-3])
    elif members:
        # An sdist the probe already listed (peewee 3.0.8 ships no wheel): its members as they
        # install, packages with an __init__ and top-level modules.
        from ..crash.attribute import _sdist_import_paths

        for m in _sdist_import_paths(members):
            first = m.split("/", 1)[0]
            names.add(first[:-3] if "/" not in m and first.endswith(".py") else first)
    return names


MAX_LISTED_PINS = 32  # pins whose file lists are read to find who ships a module


def _frame_party(fr: Frame, ctx: Context) -> Optional[Party]:
    if fr.owner == OWNER_DIST and fr.dist:
        pin = ctx.pinned(fr.dist)
        return Party("dist", pin.name if pin else fr.dist, pin.version if pin else fr.version)
    if fr.owner == OWNER_PROJECT:
        return Party("project")
    if fr.owner == "unknown" and fr.file:
        m = _SITE.search(fr.file)
        if m:
            owner = module_owner(m.group(1), ctx)
            if owner:
                return ctx.party(owner)
        elif not fr.file.startswith("<") and "/lib/python" not in fr.file and "\\lib\\" not in fr.file.lower():
            rel = re.match(r"([A-Za-z_]\w*)[\\/][\w\\/]*\.(pyx|pxd|pxi)$", fr.file)
            owner = module_owner(rel.group(1), ctx) if rel else None
            return ctx.party(owner) if owner else Party("project")
    return None


def _attribute_cut_frames(ctx: Context) -> None:
    """A frame cut to a relative path (``parser.py", line 145``) is the pin whose release has that line there.

    Attribution had only the path and called it the project's.  When exactly
    one movable pin ships a file of that name whose line N is the frame's
    source line, the frame is that pin's code (read from release files).
    """
    if ctx.probe is None:
        return
    from . import users

    import os

    from .adapted import frame_relpath

    for exc in ctx.crash.exceptions:
        for fr in exc.frames:
            # A frame already a pin's whose path is elided ("....\django_messages_drf\signals.py"):
            # the release's own path is the tail from its top-level package, when that file has the
            # same line there, so later releases can be read for the same file.
            if fr.owner == OWNER_DIST and fr.dist and fr.source and fr.line and frame_relpath(fr) is None:
                pin = ctx.pinned(fr.dist)
                parts = re.split(r"[\\/]+", fr.file)
                tops = _pin_tops(ctx, pin) if pin is not None and pin.version else set()
                start = next((i for i, part in enumerate(parts) if part in tops), None)
                if start is not None:
                    try:
                        path = users.file_with_line(ctx.probe, pin.name, pin.version, "/".join(parts[start:]), fr.line, fr.source)
                    except Exception:
                        path = None
                    if path:
                        fr.relpath = path
        # Only the innermost project frame can be the caller that matters; a file that exists
        # here is the project's own.
        inner = [fr for fr in exc.frames if fr.owner == OWNER_PROJECT][-1:]
        for fr in inner:
            if not fr.source or not fr.line or not fr.file.endswith(".py") or os.path.exists(fr.file):
                continue
            absolute = re.match(r"(?:[A-Za-z]:)?[\\/]|~", fr.file) is not None
            found = []
            for pin in [p for p in ctx.pins if p.active and p.version][:users.MAX_OWNER_PINS]:
                # A relative path cut from a longer one ('parser.py', 'bempp/api/x.py') is any pin's;
                # an absolute one only inside a checkout of that pin ('.../wagtail-2fa/src/wagtail_2fa/views.py'):
                # a project's vendored copy is the project's code, and moving the pin would not change it.
                tail = _checkout_tail(fr.file, pin) if absolute else fr.file
                if not tail:
                    continue
                try:
                    path = users.file_with_line(ctx.probe, pin.name, pin.version, tail, fr.line, fr.source)
                except Exception:
                    continue
                if path:
                    found.append((pin, path))
            if len(found) == 1:
                pin, path = found[0]
                fr.owner, fr.dist, fr.version, fr.relpath = OWNER_DIST, pin.name, pin.version, path
                ctx.evidence.append(f"the cut frame {fr.file} line {fr.line} is {pin.name} {pin.version}'s {path}: the "
                                    f"same line is there (read from release files)")


def _checkout_tail(path: str, pin: Any) -> Optional[str]:
    """``wagtail_2fa/views.py`` for ``/Users/t/Python/wagtail-2fa/src/wagtail_2fa/views.py`` and pin wagtail-2fa.

    The path must pass through a folder named like the pin (its source
    checkout, an editable install); the tail starts at the first folder after
    it that is named like an import package.  Anything else: None.
    """
    parts = [p for p in re.split(r"[\\/]", path) if p]
    for i, part in enumerate(parts[:-1]):
        if canonicalize_name(part) == pin.key:
            rest = parts[i + 1:]
            if rest and rest[0] in ("src", "lib"):
                rest = rest[1:]
            if len(rest) >= 2 and rest[0].isidentifier():
                return "/".join(rest)
    return None


def caller_party(ctx: Context) -> Party:
    """Who made the failing access: the innermost dist or project frame of the informative exception."""
    exc = ctx.crash.root
    for fr in reversed(exc.frames):
        party = _frame_party(fr, ctx)
        if party is not None:
            return party
    if ctx.crash.innermost_library and ctx.pinned(ctx.crash.innermost_library):
        return ctx.party(ctx.crash.innermost_library)
    if ctx.crash.raised_in == OWNER_PROJECT:
        return Party("project")
    return Party("unknown")


def _past_compiled_callee(ctx: Context, sig: F.Signal, caller: Party) -> Party:
    """A compiled callee shows its own frame for a call it refused: the caller is the frame outside it.

    explosion/spaCy's Cython ``Matcher.add`` (``spacy/matcher/matcher.pyx``) is printed as the
    innermost frame of "add() takes exactly 2 positional arguments (3 given)"; the call was
    textgenie's ``matcher.add("Passive", None, passive_rule)``.  A Python callee never shows a
    frame for arguments it refused, so only a ``.pyx`` frame named like the refused function counts.
    """
    frames = ctx.crash.root.frames
    if len(frames) < 2 or not sig.function:
        return caller
    last = frames[-1]
    if not last.file.lower().endswith((".pyx", ".pxd", ".pxi")):
        return caller
    name = sig.function.rstrip("()").rsplit(".", 1)[-1]
    if (last.function or "").rsplit(".", 1)[-1] != name:
        return caller
    inner = _frame_party(last, ctx)
    for fr in reversed(frames[:-1]):
        party = _frame_party(fr, ctx)
        if party is not None and (inner is None or party.key != inner.key or party.kind != inner.kind):
            if inner is not None and inner.kind == "dist":
                ctx.callee = inner
            return party
    return caller


def crash_dists(ctx: Context) -> List[str]:
    out: List[str] = []
    for exc in ctx.crash.exceptions:
        for fr in exc.frames:
            party = _frame_party(fr, ctx)
            if party and party.kind == "dist" and party.key and party.key not in out:
                out.append(party.key)
    return out


# ---------------------------------------------------------------------------
# Constraint helpers
# ---------------------------------------------------------------------------


def excludes(spec: str, version: Optional[str]) -> bool:
    """Whether ``spec`` rules the pinned ``version`` out (a culprit that does not is useless)."""
    if not version:
        return True
    try:
        return not SpecifierSet(spec).contains(Version(version), prereleases=True)
    except (InvalidSpecifier, InvalidVersion):
        return False


def below_series(version: str) -> str:
    """``<X.Y`` for a version X.Y.Z: the break usually came with the series' first release.

    For a pre-release pin too: ``<3.0`` for marshmallow 3.0.0rc3 excludes the earlier 3.0
    pre-releases (PEP 440), which carried the same break (channelstream 0.6.12's case); going
    right below the pinned pre-release instead was measured to lose that case for none gained.
    """
    v = Version(version)
    major, minor = (list(v.release) + [0])[:2]
    if major == 0 or minor > 0 or len(v.release) > 1:
        return f"<{major}.{minor}"
    return f"<{major}"


def next_series(version: str) -> str:
    v = Version(version)
    major, minor = (list(v.release) + [0])[:2]
    return f">={major}.{minor + 1}"


def _within_the_set(ctx: Context, culprits: List[Culprit]) -> List[Culprit]:
    """Drop forward moves whose new requirement no release can meet beside the set, when another culprit remains.

    keras 2.4.0 stopped calling ``.decode`` on h5py 3's strings, but it is a
    redirect to ``tf.keras`` and requires ``tensorflow>=2.2``, which the set
    does not hold; and no TensorFlow for Python 3.6 accepts the pinned h5py
    3.0.0 (2.2-2.4 want h5py 2.10, 2.5 wants 3.1, 2.6 wants keras 2.6).  pip
    could not install that answer.  A new requirement some release can meet
    (flask-session 0.3.2's cachelib) is no reason to refuse a move.
    """
    out = []
    dropped = []
    for c in culprits:
        why = _unmeetable_requirement(ctx, c)
        if why:
            dropped.append((c, why))
        else:
            out.append(c)
    if not dropped or not out:
        return culprits
    for c, why in dropped:
        ctx.evidence.append(f"{c.name}{c.constraint} is not offered: {why}")
    return out


MAX_NEW_DEP_RELEASES = 12  # releases of a newly required distribution read to find one that fits the set
MAX_NEW_DEPS = 3  # newly required distributions checked per culprit (each costs up to 12 metadata reads)


def _unmeetable_requirement(ctx: Context, culprit: Culprit) -> str:
    """Why the first release ``culprit`` allows above its pin cannot be installed beside the set ('' when it can, or cannot tell)."""
    from packaging.requirements import InvalidRequirement, Requirement

    pin = ctx.pinned(culprit.name)
    if pin is None or not pin.version or ctx.probe is None or not culprit.constraint.startswith(">"):
        return ""

    def reqs(name: str, version: str) -> List[Requirement]:
        out = []
        for text in ctx.index.metadata(name, version).requires_dist or ():
            try:
                req = Requirement(str(text))
            except InvalidRequirement:
                continue
            if req.marker is None or ctx.target.evaluate(req.marker):
                out.append(req)
        return out

    try:
        spec = SpecifierSet(culprit.constraint)
        first = next((v for v in sorted(ctx.probe.versions(pin.name), key=Version)
                      if Version(v) > Version(pin.version) and spec.contains(v, prereleases=True)), None)
        if first is None:
            return ""
        held = {p.key: p.version for p in ctx.pins if p.active and p.version}
        held[pin.key] = first
        had = {canonicalize_name(r.name) for r in reqs(pin.name, pin.version)}
        new_reqs = [r for r in reqs(pin.name, first) if canonicalize_name(r.name) not in held
                    and canonicalize_name(r.name) not in had]
        for req in new_reqs[:MAX_NEW_DEPS]:
            dep = canonicalize_name(req.name)
            if dep in held or dep in had:
                continue
            versions = [v for v in sorted(ctx.probe.versions(dep), key=Version, reverse=True)
                        if req.specifier.contains(v, prereleases=True)][:MAX_NEW_DEP_RELEASES]
            if not versions:
                return f"{pin.name} {first} requires {req}, which has no release for the target"
            fits = False
            for v in versions:
                clash = next((r for r in reqs(dep, v) if canonicalize_name(r.name) in held
                              and not r.specifier.contains(held[canonicalize_name(r.name)], prereleases=True)), None)
                if clash is None:
                    fits = True
                    break
            if not fits:
                return (f"{pin.name} {first} requires {req}, which the set does not hold, and none of its "
                        f"{len(versions)} newest matching releases accepts the set's pins")
    except Exception:
        return ""
    return ""


def _add(out: List[Culprit], culprit: Culprit, ctx: Context) -> None:
    """Append unless it would move a keep-pin, change nothing, or repeat an earlier culprit."""
    pin = ctx.pinned(culprit.name)
    if pin is None or ctx.is_keep(culprit.name):
        return
    if not excludes(culprit.constraint, pin.version):
        return
    key = canonicalize_name(culprit.name)
    for c in out:
        if canonicalize_name(c.name) == key and (c.constraint == culprit.constraint or c.confidence >= culprit.confidence):
            # One hypothesis per package: a weaker guess on the same package would only
            # give the resolver a cheaper way around the stronger one.
            c.evidence += [e for e in culprit.evidence if e not in c.evidence]
            return
    culprit.name = pin.name
    out.append(culprit)


# ---------------------------------------------------------------------------
# Evidence sources
# ---------------------------------------------------------------------------


def kb_culprits(entries: List[KBEntry], ctx: Context, caller: Party) -> Tuple[List[Culprit], Optional[KBEntry]]:
    """Culprits from the first knowledge-base entry that applies to this set and target."""
    involved = set(crash_dists(ctx))
    if caller.key:
        involved.add(caller.key)
    # An entry whose context names the failing call is more specific than one that only shares
    # its message: it is asked first (PyJWT's encode before h5py's attrs for "'str' ... 'decode'").
    entries = sorted(entries, key=lambda e: e.context_pattern is None)
    for e in entries:
        if e.python:
            try:
                if not SpecifierSet(e.python).contains(Version(ctx.target.python_full_version), prereleases=True):
                    continue
            except (InvalidSpecifier, InvalidVersion):
                pass
        if e.context_pattern is not None and not any(
                e.context_pattern.search(fr.source or "") or e.context_pattern.search(fr.file or "")
                for exc in ctx.crash.exceptions for fr in exc.frames) and not any(
                e.context_pattern.search(exc.source_hint) for exc in ctx.crash.exceptions if exc.source_hint) \
                and not _context_in_dependants(ctx, e):
            continue  # the failing call is not the one this entry is about
        if e.environment:
            return [], e
        out: List[Culprit] = []
        pkg = ctx.pinned(e.package)
        fix_name, fix_spec = _fix_of(e)
        fix_pin = ctx.pinned(fix_name)
        if pkg is None and fix_pin is None and not any(ctx.pinned(c.package) for c in e.callers) \
                and not _names_vendored_caller(ctx, e):
            continue  # an entry about packages this set does not have (a copy one pin vendors counts)
        if pkg is not None and pkg.version and e.changed_in and fix_name and canonicalize_name(fix_name) == e.key:
            try:
                floor = [sp for sp in SpecifierSet(fix_spec) if sp.operator == ">="]
                if e.kind != "declared" and len(floor) == 1 and Version(floor[0].version) == Version(e.changed_in):
                    # The change is the fix (pkginfo 1.10.0 learnt Metadata-Version 2.3): a pin
                    # that already has it is not explained by this entry.
                    if SpecifierSet(fix_spec).contains(Version(pkg.version), prereleases=True):
                        continue
                elif Version(pkg.version) < Version(e.changed_in) and e.kind != "declared":
                    continue  # the pinned release predates the change: this entry is not the cause
            except (InvalidVersion, InvalidSpecifier):
                pass
        ev = f"{e.package} {e.changed_in or ''}: {e.advice or e.id}".strip()
        if fix_pin is not None:
            _add(out, Culprit(fix_name, fix_spec, CONF_KB, [ev], e.source), ctx)
        # The pin shipping the entry's module is in the crash too, framed or not (six for six.moves).
        owner = module_owner(e.module, ctx) if e.module else None
        for c in e.callers:
            cp = ctx.pinned(c.package)
            if cp is None or (involved and canonicalize_name(c.package) not in involved
                              and not (owner and canonicalize_name(owner) == canonicalize_name(c.package))):
                continue
            _add(out, Culprit(c.package, f">={c.fixed_in}", CONF_KB - 0.1,
                              [f"{c.package} adapted to {e.package} {e.changed_in} in {c.fixed_in}"], e.source), ctx)
        return out, e
    return [], None


MAX_CONTEXT_PINS = 6  # pins declaring an entry's package read for its context when the paste has no frame


def _context_in_dependants(ctx: Context, e: KBEntry) -> bool:
    """No frame and no shown line, so the entry's context is looked for in the set: a pin declaring the
    entry's package whose pinned release makes the call (Flask-GraphQL-Auth 1.3.2's ``jwt.encode(...)``
    under "'str' object has no attribute 'decode'" with PyJWT 2.0.0)."""
    from . import users

    if ctx.probe is None or any(exc.frames or exc.source_hint for exc in ctx.crash.exceptions):
        return False
    pkg = ctx.pinned(e.package)
    if pkg is None or not pkg.version:
        return False
    adapted = {canonicalize_name(c.package): c.fixed_in for c in e.callers}
    try:
        for pin in users.dependants(ctx, canonicalize_name(e.package))[:MAX_CONTEXT_PINS]:
            fixed = adapted.get(pin.key)
            if fixed and Version(pin.version) >= Version(fixed):
                continue  # a caller the entry says already adapted
            if _makes_call(ctx, pin, e.context_pattern):
                ctx.evidence.append(f"{pin.name}=={pin.version} declares {e.package} and makes the call the "
                                    f"knowledge entry {e.id} is about (read from release files)")
                return True
    except Exception:
        return False
    return False


def _makes_call(ctx: Context, pin: Any, pattern: Any) -> bool:
    """Whether code of the pin's release (not a comment, a string or a test module) matches ``pattern`` as a call.

    Only a match that is a call counts (``jwt.encode(``): a context that names a module or a
    function's name alone (``pydantic.``, ``_check_optimize_result``) matches too much of a set.
    """
    from .probe import ReleaseTree
    from .py2syntax import _mask
    from .users import _shipped_modules

    tree = ReleaseTree(ctx.probe, pin.name, pin.version)
    paths = [p for p in _shipped_modules(tree) if p.endswith(".py") and not _test_module(p)]
    tree.prefetch(paths[:200])
    for path in paths[:200]:
        text = tree.read(path) or ""
        if not pattern.search(text):
            continue
        code = _mask(text) or ""
        if any("(" in m.group(0) for m in pattern.finditer(code)):
            return True
    return False


def _test_module(path: str) -> bool:
    """A test module by its own name (a Django app's ``tests.py``, ``test_x.py``, ``conftest.py``)."""
    name = path.rsplit("/", 1)[-1]
    return name in ("tests.py", "conftest.py") or name.startswith("test_") or name.endswith("_test.py")


MAX_VENDOR_RELEASES = 15  # later releases of a pin read for the version of a copy it vendors


def _names_vendored_caller(ctx: Context, e: KBEntry) -> bool:
    """Whether the crash's module is an entry caller's copy inside a pin (``music21.ext.six.moves``)."""
    sig = getattr(ctx, "signal", None)
    parts = (getattr(sig, "module", None) or "").split(".")
    if len(parts) < 2:
        return False
    owner = module_owner(parts[0], ctx)
    return owner is not None and ctx.pinned(owner) is not None and any(
        c.package.replace("-", "_") in parts[1:] for c in e.callers)


def _vendored_caller(ctx: Context, sig: F.Signal, entry: KBEntry) -> List[Culprit]:
    """A knowledge entry's adapted caller vendored inside another pin: that pin's first release with a fixed copy.

    meinardmueller/libfmp#16: music21 5.7.2 ships six 1.9.0 as ``music21.ext.six``, whose
    ``moves`` importer has only ``find_module``, which Python 3.12 no longer calls; six 1.16.0
    added ``find_spec``.  The missing module names the copy (``music21.ext.six.moves``); its
    ``__version__`` is read in the pin's later releases (a release without the copy at that
    path no longer ships it) until one reaches the entry's ``fixed_in``.
    """
    if ctx.probe is None or not sig.module or not entry.callers:
        return []
    parts = sig.module.split(".")
    for c in entry.callers:
        name = c.package.replace("-", "_")
        if name not in parts[1:]:
            continue
        copy = ".".join(parts[:parts.index(name, 1) + 1])
        owner = module_owner(parts[0], ctx)
        pin = ctx.pinned(owner) if owner else None
        if pin is None or not pin.version or ctx.is_keep(pin.name) or canonicalize_name(pin.name) == canonicalize_name(c.package):
            continue
        try:
            fixed = Version(c.fixed_in)
            had = _vendored_version(_module_text(ctx, pin.name, pin.version, copy))
            if had is None or had >= fixed:
                continue  # not a copy of it, or already a fixed one: something else is wrong
            later = sorted((v for v in ctx.probe.versions(pin.name) if _newer_final(v, pin.version)), key=Version)
            for v in later[:MAX_VENDOR_RELEASES]:
                text = _module_text(ctx, pin.name, v, copy)
                got = _vendored_version(text) if text is not None else None
                if text is None or (got is not None and got >= fixed):
                    from . import users

                    other = users.stdlib_removed_at_import(ctx.probe, pin.name, v, tuple(ctx.target.python),
                                                           provided=users._backported_modules(ctx, pin.name, v))
                    if other is not None:
                        continue  # it imports another module or name the target's Python removed
                    how = (f"{pin.name} {v} no longer ships it there" if text is None
                           else f"{pin.name} {v} ships {c.package} {got}")
                    ev = (f"{pin.name}=={pin.version} vendors {c.package} {had} as {copy}, older than {c.fixed_in}, "
                          f"which adapted; {how} (read from release files)")
                    ctx.evidence.append(ev)
                    return [Culprit(pin.name, f">={v}", CONF_PROBE, [ev], "release-files")]
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name}'s vendored {c.package}: {type(exc).__name__}")
    return []


_VERSION_LINE = re.compile(r"""^__version__\s*=\s*['"]([^'"\n]{1,40})['"]""", re.M)


def _vendored_version(text: Optional[str]) -> Optional[Version]:
    """The ``__version__ = "1.9.0"`` a vendored module declares, or None."""
    m = _VERSION_LINE.search(text or "")
    try:
        return Version(m.group(1)) if m else None
    except InvalidVersion:
        return None


def _fix_of(e: KBEntry) -> Tuple[str, str]:
    req = e.fix_requirement()
    if req is None:
        return e.package, ""
    return req.name, str(req.specifier)


def probe_range(ctx: Context, dist: str, module: str, name: Optional[str], parameter: Optional[str] = None,
                attribute: Optional[str] = None, on_type: bool = False) -> Optional[str]:
    """Versions of ``dist`` where ``module.name`` (its ``attribute`` or ``parameter``) is present, as the probe read them.

    ``on_type``: the attribute is read off the class object ("type object 'C' has no
    attribute"), so what only instances get (``self.y = ...``) does not count.
    """
    if ctx.probe is None or not module:
        return None
    # The same question comes from several handlers of one crash (the callee's range, then
    # "is the callee too old?"): ask the probe once.
    memo = getattr(ctx, "ranges", None)
    key = (canonicalize_name(dist), module, name, attribute, parameter, on_type)
    if memo is not None and key in memo:
        return memo[key]
    present = _probe_range(ctx, dist, module, name, parameter, attribute, on_type)
    if memo is not None:
        memo[key] = present
    return present


class _Settled(Exception):
    """The range needs no more reading (a control-flow signal inside :func:`_probe_range`)."""


def _probe_range(ctx: Context, dist: str, module: str, name: Optional[str], parameter: Optional[str],
                 attribute: Optional[str], on_type: bool = False) -> Optional[str]:
    try:
        from .probe import NO, Question  # another engineer's module; optional at run time
    except Exception:
        return None
    try:
        kwargs: Dict[str, Any] = {"name": name}
        if attribute:
            kwargs["attribute"] = attribute
        if parameter:
            kwargs["parameter"] = parameter
        elif attribute and on_type:
            kwargs["on_type"] = True
        question = Question(module, **kwargs)
        # The pinned release lacks it: its neighbour is probed first (a name alive only in 0.8.x).
        pinned = getattr(ctx, "pinned", None)
        pin = pinned(dist) if callable(pinned) else None
        near = pin.version if pin is not None and pin.version else None
        versions = None
        if near:
            # A pinned pre-release or yanked release is no probe point by default.  When no listed
            # release lies below it (black's whole history before 22.1.0 is betas: 21.9b0 lacks
            # Mode's 'preview'), the range would say nothing about the pin: the pin itself is read.
            # With finals below it (scikit-learn 0.22rc3), the finals' range stands as it was.
            # The pin must be a release the index lists (a local label such as 1.13.0+cu117 is not).
            listed = ctx.probe.versions(dist)
            try:
                pv = Version(near)
                if all(Version(v) != pv for v in listed) and not any(Version(v) < pv for v in listed) \
                        and any(r.version == pv for r in ctx.index.releases(dist)):
                    versions = sorted(listed + [near], key=Version)
            except Exception:
                versions = None
        try:
            answer = ctx.probe.find_range(dist, question, near=near, versions=versions) if near \
                else ctx.probe.find_range(dist, question)
        except Exception:
            if versions is None:
                raise
            answer = ctx.probe.find_range(dist, question, near=near)  # the listed releases alone, as before
        present = getattr(answer, "present", None)
    except Exception as exc:  # the probe is evidence, never a reason to fail
        ctx.evidence.append(f"API probe could not answer for {dist}: {type(exc).__name__}: {exc}")
        return None
    try:
        pin = ctx.pinned(dist)
        if present is not None and present != "<0" and pin is not None and pin.version \
                and (not present or not excludes(present, pin.version)) \
                and ctx.probe.ask(dist, pin.version, question).value == NO:
            # The range search assumes one stretch of releases with the name; the pinned release
            # lacking it inside that stretch means the name left and came back (astroid 2.5.4
            # dropped __pkginfo__.version, a later release restored it).  The stretch below the
            # pin is the one the break left.
            listed = ctx.probe.versions(dist)
            if all(Version(v) != Version(pin.version) for v in listed) and not Version(pin.version).is_prerelease:
                # A final pin the search never read (alembic 1.5.0, yanked since): it lacks the name, so
                # the range leaves it out by name.  (A pre-release is read below the pin, as before.)
                present = f"{present},!={pin.version}" if present else f"!={pin.version}"
                ctx.evidence.append(f"{dist}=={pin.version} (not among the releases searched) lacks it: {dist}{present}")
                raise _Settled()
            below = [v for v in listed if Version(v) <= Version(pin.version)]
            again = getattr(ctx.probe.find_range(dist, question, versions=below), "present", None)
            if again == "" and below:
                again = f"<{pin.version}"  # every release read below the pin has it
            if again and again != "<0":
                present = again
                ctx.evidence.append(f"{dist}=={pin.version} lacks it although releases on both sides have it; "
                                    f"read again below the pin: {dist}{present}")
    except _Settled:
        pass
    except Exception:  # the first reading stands
        pass
    try:
        pin = ctx.pinned(dist)
        if present and present != "<0" and pin is not None and pin.version and excludes(present, pin.version):
            present = _came_back_above(ctx, dist, question, str(present), pin.version) or present
    except Exception:  # the first reading stands
        pass
    if not present or present == "<0":  # "" = every release has it; "<0" = none read has it: no range either way
        return None
    return str(present)


MAX_GAP_RELEASES = 3  # releases lacking a name between two stretches that have it, written as '!='


def _came_back_above(ctx: Context, dist: str, question: Any, below: str, pinned: str) -> Optional[str]:
    """The stretch below the pin joined with one just above it, when the name came back in the next releases.

    WTForms 2.3.0 dropped ``widgets.HTMLString`` and 2.3.1 restored it (gone again in 3.0):
    ``>=0.6,<2.3.0`` becomes ``>=0.6,!=2.3.0,<3.0``, so a patch forward is on offer beside
    the minor back.  Only a gap of at most ``MAX_GAP_RELEASES`` releases is written out.
    """
    from .probe import YES
    from .raised import final_releases

    spec = SpecifierSet(below)
    if any(sp.operator not in (">=", "<") for sp in spec):
        return None
    upper = [Version(sp.version) for sp in spec if sp.operator == "<"]
    if not upper or upper[0] > Version(pinned):
        return None
    finals = [v for _, v in final_releases(ctx.probe.versions(dist))]
    after = [v for v in finals if Version(v) > Version(pinned)]
    if not after or ctx.probe.ask(dist, after[0], question).value != YES:
        return None  # only a name that came back in the very next release
    sig = ctx.signal
    if sig is not None and sig.detail.get("no_module") and sig.module \
            and not _restored_with_names(ctx, dist, after[0], sig.module):
        return None  # the module came back without what the failing import takes from it
    above = getattr(ctx.probe.find_range(dist, question, versions=after), "present", None)
    if above is None or above == "<0":
        return None
    above_spec = SpecifierSet(str(above) or f">={after[0]}")
    if any(sp.operator not in (">=", "<") for sp in above_spec):
        return None
    gap = [v for v in finals if upper[0] <= Version(v) < Version(after[0])]
    if not gap or len(gap) > MAX_GAP_RELEASES:
        return None
    parts = [str(sp) for sp in spec if sp.operator == ">="] + [f"!={v}" for v in gap] + \
            [str(sp) for sp in above_spec if sp.operator == "<"]
    joined = ",".join(parts)
    ctx.evidence.append(f"{dist}=={pinned} lacks it, {dist} {after[0]} has it again: present in {dist}{joined}")
    return joined


def _restored_with_names(ctx: Context, dist: str, version: str, module: str) -> bool:
    """Whether a module that came back has the names the failing import takes from it.

    Sphinx 1.7.1 restored ``sphinx.util.compat`` (removed by mistake in 1.7.0) without
    ``Directive``, which CGATReport's ``from sphinx.util.compat import Directive`` needs.
    The statement is the printed frame's, or the one pin importing the module.
    """
    from . import users
    from .probe import YES

    statements = [f.source for e in ctx.crash.exceptions for f in e.frames[-1:] if f.source]
    statements += [e.source_hint for e in ctx.crash.exceptions if getattr(e, "source_hint", None)]
    if not statements:
        try:
            statements = [c.use.statement for c in users.find_callers(ctx, module, "", None, "ModuleNotFoundError")]
        except Exception:
            statements = []
    names: Set[str] = set()
    for st in statements:
        m = re.match(rf"\s*from\s+{re.escape(module)}\s+import\s+\(?([\w\s,]+)", st or "")
        if m:
            names |= {part.split(" as ")[0].strip() for part in m.group(1).split(",") if part.strip()}
    for name in sorted(n for n in names if n.isidentifier())[:8]:
        try:
            if ctx.probe.ask(dist, version, f"{module}:{name}").value != YES:
                return False
        except Exception:
            return False
    return True


def _refuted(ctx: Context, callee: Party, spec: str) -> bool:
    """Whether the release an upload-date guess would move to is read and lacks the name too.

    "It went with the series' first release" is a guess; when the probe reads
    the newest release the guess allows and finds the name missing there as
    well (openai 0.8.0 has no ChatCompletion either), moving to it fixes
    nothing, and the guess is dropped rather than dressed as a fix.
    """
    sig = ctx.signal
    if ctx.probe is None or sig is None or not sig.module or not sig.name or sig.detail.get("no_module"):
        return False
    try:
        from .probe import Question

        allowed = sorted((Version(v) for v in ctx.probe.versions(callee.name)
                          if not Version(v).is_prerelease and Version(v) in SpecifierSet(spec)), reverse=True)
        if not allowed:
            return False
        answer = ctx.probe.ask(callee.name, str(allowed[0]), Question(sig.module, name=sig.name))
    except Exception:
        return False
    # Only a module read whole and closed counts: a missing module (cryptography's cffi 'lib') or
    # one whose names are made at run time proves nothing.
    if getattr(answer, "value", None) == "no" and not getattr(answer, "conditional", True) \
            and str(getattr(answer, "evidence", "")).startswith(f"{sig.name!r} is not defined in"):
        ctx.evidence.append(f"{callee.name} {allowed[0]} lacks {sig.module}.{sig.name} as well (read from release files): "
                            f"moving {callee.name}{spec} would not help")
        return True
    return False


def _pinned_has(ctx: Context, callee: Party, module: str, name: Optional[str]) -> bool:
    """Whether the pinned release itself surely has ``module.name`` (an unconditional yes of the probe)."""
    if ctx.probe is None or not callee.version or not module:
        return False
    try:
        from .probe import Question

        answer = ctx.probe.ask(callee.name, callee.version, Question(module, name=name))
    except Exception:
        return False
    if getattr(answer, "value", None) != "yes" or getattr(answer, "conditional", True):
        return False
    sig = ctx.signal
    if sig is not None and sig.family != F.IMPORT_NAME and str(getattr(answer, "evidence", "")).startswith("submodule"):
        # 'module sp has no attribute signal': a submodule file is an attribute only once imported,
        # which the package does itself when its __init__ imports it (tfds 4.2.0's core/download).
        return bool(name) and _package_imports_submodule(ctx, callee, module, str(name))
    return True


def _package_imports_submodule(ctx: Context, callee: Party, package: str, sub: str) -> bool:
    """Whether ``package/__init__.py`` of the pinned release imports ``package.sub`` on every import.

    Only module-level import statements count (not ones under ``if``/``try``/a function):
    importing a submodule in any form binds it as the package's attribute.
    """
    from .probe import ReleaseTree
    from .pysource import parse_quietly, resolve_relative

    try:
        text = ReleaseTree(ctx.probe, callee.name, callee.version).read(package.replace(".", "/") + "/__init__.py")
        tree = parse_quietly(text or "")
    except Exception:
        return False
    full = f"{package}.{sub}"
    for st in getattr(tree, "body", []):
        if isinstance(st, ast.Import):
            if any(a.name == full or a.name.startswith(full + ".") for a in st.names):
                return True
        elif isinstance(st, ast.ImportFrom):
            base = resolve_relative(package, True, st.level, st.module)
            if base == full or base.startswith(full + "."):
                return True
            if base == package and any(a.name == sub for a in st.names):
                return True
    return False


def _export_needs_version(ctx: Context, pin: Any, module: str, name: str) -> List[Culprit]:
    """The pin's module binds ``name`` only when another pin is new enough: that pin's range.

    tensorflow/hub#615: tensorflow-hub 0.7.0's ``__init__`` imports ``KerasLayer`` in a ``try``
    whose ``except ImportError`` says "hub.KerasLayer is not available because TensorFlow version
    is less than 1.14" (``if LooseVersion(tf.__version__) < LooseVersion("1.14.0")``); with
    tensorflow 1.13.1 the name is missing.  Two shapes are read from the pinned module's syntax
    tree: such a handler (the other pin needs at least the version it compares with), and an
    ``if`` comparing the other pin's ``__version__`` with ``>``/``>=`` around the binding.
    The version's owner is the pin the compared module's import belongs to.
    """
    from . import users

    text = _module_text(ctx, pin.name, pin.version, module)
    tree = parse_quietly(text) if text else None
    if tree is None:
        return []
    imports = users._scope_imports(tree)

    def module_scope(body: List[ast.stmt]) -> Iterable[ast.stmt]:
        """The statements of a body that run at module scope (not inside a def or a class)."""
        for st in body:
            yield st
            if isinstance(st, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
                for field_ in ("body", "orelse", "finalbody"):
                    yield from module_scope(getattr(st, field_, []) or [])
                for handler in getattr(st, "handlers", []) or []:
                    yield from module_scope(handler.body)

    def binds(body: List[ast.stmt]) -> bool:
        return any(isinstance(n, (ast.Import, ast.ImportFrom)) and any((a.asname or a.name.split(".")[0]) == name
                                                                         for a in n.names)
                   or isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)
                   for n in module_scope(body))

    def floor(test: ast.AST, below: bool) -> Optional[Tuple[str, str]]:
        """(owner pin, version) when ``test`` compares a pin's __version__ with a literal the needed way."""
        if any(isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.Not) for n in ast.walk(test)):
            return None  # a negated test reads the other way round: not read
        for cmp in (n for n in ast.walk(test) if isinstance(n, ast.Compare) and len(n.ops) == 1):
            sides = (cmp.left, cmp.comparators[0])
            versioned = [i for i, side in enumerate(sides) for n in ast.walk(side)
                         if isinstance(n, ast.Attribute) and n.attr == "__version__" and isinstance(n.value, ast.Name)]
            literal = [(i, n.value) for i, side in enumerate(sides) for n in ast.walk(side)
                       if isinstance(n, ast.Constant) and isinstance(n.value, str) and re.fullmatch(r"\d+(?:\.\d+){0,3}", n.value)]
            if len(versioned) != 1 or len(literal) != 1 or versioned[0] == literal[0][0]:
                continue
            op = type(cmp.ops[0])
            if versioned[0] == 1:  # literal on the left: flip the operator
                op = {ast.Lt: ast.Gt, ast.LtE: ast.GtE, ast.Gt: ast.Lt, ast.GtE: ast.LtE}.get(op, op)
            if (below and op not in (ast.Lt,)) or (not below and op not in (ast.Gt, ast.GtE)):
                continue
            alias = next(n.value.id for side in sides for n in ast.walk(side)
                         if isinstance(n, ast.Attribute) and n.attr == "__version__" and isinstance(n.value, ast.Name))
            owner = module_owner(imports.get(alias, alias), ctx)
            if owner:
                return owner, literal[0][1]
        return None

    found: List[Tuple[str, str]] = []
    for node in module_scope(tree.body):
        if isinstance(node, ast.Try) and binds(node.body):
            for handler in node.handlers:
                for st in handler.body:
                    if isinstance(st, ast.If):
                        got = floor(st.test, below=True)
                        if got:
                            found.append(got)
        elif isinstance(node, ast.If) and binds(node.body):
            got = floor(node.test, below=False)
            if got:
                found.append(got)
    out: List[Culprit] = []
    for owner, version in dict.fromkeys(found):
        other = ctx.pinned(owner)
        if other is None or other.key == pin.key or not other.version or not excludes(f">={version}", other.version):
            continue
        out.append(Culprit(other.name, f">={version}", CONF_PROBE, [
            f"{pin.name}=={pin.version}'s {module} binds {name} only when {other.name} is at least {version}, and "
            f"{other.name}=={other.version} is older (read from release files)"], "release-files"))
    return out[:1]


def time_culprits(callee: Party, caller: Party, ctx: Context, what: str) -> List[Culprit]:
    """Upload dates: constrain the callee below the series that broke, move the caller past it."""
    out: List[Culprit] = []
    if callee.kind != "dist" or not callee.version:
        return out
    start = timeline.series_start(ctx.index, callee.name, callee.version)
    series_time = start[1] if start else None
    spec = below_series(callee.version)
    conf, ev = CONF_GUESS, [f"{what} is missing in {callee.name}=={callee.version}; assuming it went with the {spec[1:]} series' first release"]
    if caller.kind == "dist" and caller.version:
        c_time = timeline.upload_time(ctx.index, caller.name, caller.version)
        if c_time and series_time and c_time < series_time:
            conf = CONF_TIME
            ev.append(f"{caller.name} {caller.version} was released {timeline.fmt(c_time)}, before {callee.name} "
                      f"{start[0]} ({timeline.fmt(series_time)})")
    if not _refuted(ctx, callee, spec):
        _add(out, Culprit(callee.name, spec, conf, ev, "upload-dates"), ctx)
    if caller.kind == "dist" and caller.version and series_time is not None:
        adapted = timeline.first_after(ctx.index, caller.name, series_time, above=Version(caller.version))
        if adapted is not None:
            _add(out, Culprit(caller.name, f">={adapted}", CONF_GUESS - 0.1,
                              [f"{caller.name} {adapted} is its first release after {callee.name} {start[0]} "
                               f"({timeline.fmt(series_time)}); it probably adapted"], "upload-dates"), ctx)
    return out


def matrix_culprits(a: Optional[str], b: Optional[str], ctx: Context) -> List[Culprit]:
    """Declared conflicts between two parties of the crash, as culprits."""
    out: List[Culprit] = []
    if ctx.matrix is None or not a:
        return out
    for c in ctx.matrix.conflicts_involving(a):
        other = c.requirer if canonicalize_name(c.name) == canonicalize_name(a) else c.name
        if b and canonicalize_name(other) != canonicalize_name(b):
            continue
        _add(out, Culprit(c.name, c.specifier, CONF_MATRIX, [c.describe()], "matrix"), ctx)
        if not ctx.is_keep(c.requirer):
            spec = requirer_range_admitting(ctx.index, ctx.target, c.requirer, c.requirer_version, c.name, c.version)
            if spec:
                _add(out, Culprit(c.requirer, spec, CONF_MATRIX - 0.15,
                                  [c.describe(), f"{c.requirer}{spec} admits {c.name}=={c.version}"], "matrix"), ctx)
    return out


# ---------------------------------------------------------------------------
# The decision
# ---------------------------------------------------------------------------


def _verdict_for(callee: Party, caller: Party, ctx: Context) -> str:
    if callee.kind == "dist" and ctx.is_keep(callee.name):
        return "direct"
    if caller.kind == "project":
        return "project"
    if caller.kind == "dist" and callee.kind == "dist" and caller.key == callee.key:
        # The innermost frames are the callee's own (its module __getattr__ raising, a
        # Cython frame): the verdict belongs to whoever called into it.
        outside = _outside(ctx, callee)
        if outside.kind == "project":
            return "project"
        return "direct" if ctx.is_keep(caller.name) else "transitive"
    return "transitive"


def _what(sig: F.Signal) -> str:
    if sig.detail.get("feature"):
        return sig.detail["feature"]
    if sig.detail.get("keyword"):
        return f"the {sig.name!r} keyword of {sig.module}"
    if sig.module and sig.name:
        return f"{sig.module}.{sig.name}"
    if sig.cls and sig.name:
        return f"{sig.cls}.{sig.name}"
    if sig.function:
        return f"{sig.function}()" + (f" argument {sig.name!r}" if sig.name else "")
    return sig.module or sig.name or sig.message


def decide(ctx: Context, sig: F.Signal) -> Diagnosis:
    """The verdict and the culprits for one classified crash."""
    key = ctx.crash.key()
    ctx.signal = sig
    _attribute_cut_frames(ctx)
    caller = caller_party(ctx)
    if sig.family == F.SIGNATURE:
        caller = _past_compiled_callee(ctx, sig, caller)
    details: Dict[str, Any] = {"signal": {k: v for k, v in sig.__dict__.items() if v not in (None, "", {}, [])},
                               "caller": caller.__dict__}

    def done(verdict: str, family: str, summary: str, culprits: List[Culprit], advice: str = "",
             whole_release: bool = False, **extra: Any) -> Diagnosis:
        # An import-time version check's line changes with every bump of the version it asks for:
        # a later release that changed it has not adapted (tensorflow-probability 0.14 asks for TF 2.6).
        # ``whole_release``: the reading already read every module of the later releases, which a
        # changed failing line alone cannot better (a read moved to _version.py is no adaptation).
        if family in _ADAPTABLE and verdict in ("transitive", "direct", "unknown") and not sig.detail.get("runtime_check") \
                and not whole_release:
            moved = adapted_culprits(ctx, caller, innermost_only=(verdict == "unknown"))
            if not moved and _no_caller_frames(ctx):
                moved = frameless_caller_culprits(ctx, sig)
            if moved:
                # The caller's maintainers rewrote the failing call: moving the caller forward is
                # one more alternative.  It does not replace holding the callee back: the
                # resolver weighs both (fewest changes, then smallest moves, minor moves first),
                # because a caller's new major can break the project's own use of it.
                mkey = canonicalize_name(moved[0].name)
                back = _is_back(moved[0])
                culprits = [c for c in culprits if canonicalize_name(c.name) != mkey or c.confidence > moved[0].confidence
                            or _is_back(c) != back]  # a move the other way is another alternative
                for c in moved:
                    ckey = canonicalize_name(c.name)
                    if any(canonicalize_name(o.name) == ckey and _is_back(o) != _is_back(c) for o in culprits):
                        pin = ctx.pinned(c.name)
                        if pin is not None and excludes(c.constraint, pin.version) and \
                                not any(canonicalize_name(o.name) == ckey and o.constraint == c.constraint for o in culprits):
                            culprits.append(c)  # another direction for the same package: an alternative
                    else:
                        _add(culprits, c, ctx)
                if verdict == "unknown":
                    verdict = "transitive"
                    summary = f"{summary}; {moved[0].evidence[0]}"
            elif verdict == "transitive" and ctx.set_callers == 0 and caller.kind == "unknown" and not sig.cls \
                    and ctx.found_caller is None \
                    and ctx.callee is not None and all(canonicalize_name(c.name) == ctx.callee.key for c in culprits):
                # No frame names the caller and no other pin of the set reaches the name: the
                # code that does is the project's own (matplotlib's cm.get_cmap in a script).
                verdict = "project"
                summary = summary.replace("which a caller uses", "which no other pin of the set uses: the caller is "
                                          "most likely the project's own code")
                ctx.evidence.append("no caller frame was printed, and no other pin of the set uses the name "
                                    "(read from their release files): the caller is the project's own code")
        if verdict == "unknown" and not culprits:
            # Nothing else explains it: a pin's line on the failing path that its pinned release
            # brought is the one change the stack itself shows.
            exposed = _new_line_on_path(ctx)
            if exposed is not None:
                verdict, culprits = exposed[0], exposed[2]
                summary = f"{summary}; {exposed[1]}"
        # Then, in this order, the first that answers: a release's own slips (a method reading
        # self.X its class never binds, a base class that lost __init__, an import refusing the
        # file's own function), a message naming a release, an extra nobody asked for (pip never
        # checked it), and last of all a post-release rebuild of a pin whose own import fails.
        # Each: the verdict it gives, whether the summary takes its evidence whole (None: it
        # returns its own words with its culprits), and the reading.
        chain = (("direct", False, lambda: _own_class_lacks(ctx)),
                 ("transitive", False, lambda: _base_init_dropped(ctx)),
                 ("direct", False, lambda: _own_import_slip(ctx, sig)),
                 ("transitive", True, lambda: _message_names_release(ctx)),
                 ("transitive", None, lambda: _inactive_extra_conflict(ctx, sig)),
                 ("direct", True, lambda: _post_release_rebuild(ctx)))
        for as_verdict, whole, reading in chain:
            if verdict != "unknown" or culprits:
                break
            found = reading()
            if not found:
                continue
            if whole is None:
                words, found = found
            else:
                words = found[0].evidence[0] if whole else found[0].evidence[0].split("; ")[0]
            verdict, culprits = as_verdict, found
            summary = f"{summary}; {words}"
        if verdict in ("environment", "unknown"):
            culprits = []
        culprits = _within_callers_extras(ctx, culprits)
        if len(culprits) > 1:
            culprits = _within_the_set(ctx, culprits)
        culprits.sort(key=lambda c: -c.confidence)
        details.update(extra)
        if ctx.evidence:
            details["notes"] = list(ctx.evidence)
        return Diagnosis(key, verdict, family, summary, culprits, advice, details)

    if sig.detail.get("retyped"):
        ctx.evidence.append(f"the message looks retyped (quotes or line breaks out of place); read as: cannot import "
                            f"name {sig.name!r} from {sig.module!r}")
    # 1. The knowledge base speaks first: a sourced entry beats any inference.
    entries = ctx.kb.match(sig.exc_type, "\n".join(e.message for e in [ctx.crash.root, ctx.crash.final]))
    kb_out, entry = kb_culprits(entries, ctx, caller) if entries else ([], None)
    if entry is not None and entry.environment:
        return done("environment", F.ENVIRONMENT, f"{sig.message} is not caused by a version of the set ({entry.id})",
                    [], entry.advice or sig.advice, knowledge=entry.id, source=entry.source)
    if sig.family == F.ENVIRONMENT:
        older = _older_build(ctx, sig, done)
        if older is not None:
            return older
        return done("environment", F.ENVIRONMENT, f"{sig.message}: the cause is outside the pins", [], _env_advice(sig, ctx))

    if entry is not None:
        callee = ctx.party(entry.package)
        ctx.callee = callee
        details["knowledge"] = entry.id
        fix_name, fix_spec = _fix_of(entry)
        ctx.known_break = canonicalize_name(fix_name) == entry.key and fix_spec.lstrip().startswith("<")
        if not sig.module and entry.module and entry.name and entry.kind in ("removed-name", "moved-name"):
            # "cannot import name 'container_abcs'" printed no module: the entry knows it
            # (torch._six), so a frameless paste can still be searched for its caller.
            sig.module, sig.name = entry.module, sig.name or entry.name
        family = {"removed-name": F.IMPORT_NAME if "Import" in sig.exc_type else F.ATTRIBUTE, "moved-name": F.IMPORT_NAME,
                  "build": F.BUILD}.get(entry.kind, entry.kind)
        if sig.family not in (F.UNKNOWN,):
            family = sig.family
        elif entry.kind in ("removed-name", "moved-name") and sig.module and sig.name:
            # A wording only the entry knows ("jax.tree_map was removed in JAX v0.6.0") is a removed
            # name from here on: a frameless paste is searched for the pin that uses it.
            sig.family = family
        verdict = _verdict_for(callee, caller, ctx) if callee.kind == "dist" else "transitive"
        if sig.family == F.PYTHON_VERSION and not ctx.is_keep(caller.name):
            verdict = "transitive" if caller.kind == "dist" else "project"
        if kb_out and sig.family == F.ABI and sig.module == "numpy" and sig.direction == "base-too-new":
            kb_out = kb_out + _built_for_numpy2(ctx)
        if kb_out:
            return done(verdict, family, f"{entry.package} {entry.changed_in}: {_what(sig)} changed ({entry.id})".replace("  ", " "),
                        kb_out, entry.advice, source=entry.source)
        vendored = _vendored_caller(ctx, sig, entry)
        if vendored:
            return done("direct" if ctx.is_keep(vendored[0].name) else "transitive", family,
                        f"{entry.package} {entry.changed_in}: {vendored[0].evidence[0]} ({entry.id})", vendored,
                        entry.advice, source=entry.source)
        # An entry about a keep-pin with no caller that may move: say so.
        if ctx.is_keep(entry.package) or ctx.is_keep(_fix_of(entry)[0]):
            return done("direct", family, f"the kept {entry.package} is the one that changed ({entry.id}); "
                        f"only the code calling it can adapt", [], entry.advice, source=entry.source)

    if sig.family in (F.ATTRIBUTE, F.IMPORT_NAME):
        from .backports import shadowed_module

        shadowed = shadowed_module(ctx, sig, done)
        if shadowed is not None:
            return shadowed
    if sig.family == F.UNKNOWN and sig.exc_type.rsplit(".", 1)[-1] == "SyntaxError":
        if _syntax_too_new(ctx, sig):
            loc = getattr(ctx.crash.root, "location", None)
            if loc is not None and _building_setup(ctx, loc) is not None:
                caller = _frame_party(loc, ctx) or caller  # pip ran the pin's setup.py: the pin's code, not the project's
            return _python_added(ctx, sig, caller, done)
        too_old = _syntax_too_old(ctx, sig, done)
        if too_old is not None:
            return too_old
        if not ctx.crash.root.frames and not getattr(ctx.crash.root, "location", None) and _unparsable(ctx.crash.root.source_hint):
            # Only the refused line was shown ('from gunicorn.workers.async import AsyncWorker' on 3.7):
            # the one pin holding it, at its nearest releases without it.
            held = _shown_line_holder(ctx, set(), both=True, most=MAX_LINE_PINS_ATTRIBUTE)
            if held:
                return done("transitive", sig.family, f"{sig.exc_type}: {sig.message}: {held[0].evidence[0]}", held)
    handler = _HANDLERS.get(sig.family)
    if handler is None:
        # A message no family knows: the pin that raises it in its own words, a value it does not
        # know, or an outer frame of it that used to catch it.
        from .undefined import undefined_name

        for reading in (_tag_library, _raised_message, _unknown_value, _raised_guard_dropped, _failed_assert,
                        _module_called, _lazy_result, _context_manager, undefined_name, _new_own_line, _new_refusal_path,
                        _version_parsed, _bad_all_entry, _read_only_property, _protobuf_gencode, _compiled_callee, _return_arity,
                        _became_unhashable, _shape_changed_under):
            found = reading(ctx, sig, done)
            if found is not None:
                return found
        return done("unknown", sig.family, f"no known dependency pattern in {sig.exc_type}: {sig.message}", [])
    return handler(ctx, sig, caller, done)


MAX_REFUSAL_PINS = 4  # pins read whole for a frameless message


# (protobuf's runtime_version.py words a newer gencode "incompatible", and a newer major "mismatched ... major")
_GENCODE = re.compile(r"Detected (?:incompatible|mismatched) Protobuf Gencode/Runtime (?:major )?versions when loading "
                      r"([\w./-]{1,300}\.proto): gencode (\d+)\.(\d+)\.(\d+) runtime (\d+)\.(\d+)\.(\d+)")
_GENCODE_LINE = re.compile(r"^# Protobuf Python Version: (\d+)\.(\d+)\.(\d+)", re.M)


def _generated_module_owner(ctx: Context, folder: str, base: str) -> Any:
    """The one pin whose pinned release ships ``base`` below ``folder`` (wandb/proto/v6/wandb_settings_pb2.py)."""
    from .probe import ReleaseTree

    found = []
    for pin in [p for p in ctx.pins if p.active and p.version][:MAX_LISTED_PINS]:
        try:
            paths = ReleaseTree(ctx.probe, pin.name, pin.version).paths()
        except Exception:
            continue
        if any(p.startswith(folder) and p.rsplit("/", 1)[-1] == base for p in paths):
            found.append(pin)
    return found[0] if len(found) == 1 else None


def _protobuf_gencode(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """protobuf's "gencode 6.32.1 runtime 6.32.0": a pin shipped code generated for a newer protobuf.

    wandb/wandb#11758: wandb 0.26.0's ``wandb/proto/v6/wandb_settings_pb2.py`` was generated by
    protoc for protobuf 6.32.1 and checks the runtime at import; protobuf 6.32.0 refuses.  Either
    the runtime moves up to the gencode, or the generating pin moves to a release whose generated
    modules (their "# Protobuf Python Version:" line, for the runtime's major) the runtime meets.
    """
    m = _GENCODE.search(ctx.crash.root.message or "")
    if m is None or ctx.probe is None:
        return None
    proto = m.group(1)
    gencode = tuple(int(x) for x in m.group(2, 3, 4))
    runtime = tuple(int(x) for x in m.group(5, 6, 7))
    if gencode <= runtime:
        return None
    base = proto.rsplit("/", 1)[-1][: -len(".proto")] + "_pb2.py"
    # the pin shipping the generated module under the proto's folder (google/api/annotations.proto is
    # googleapis-common-protos' google/api/annotations_pb2.py, in a namespace protobuf shares)
    owner = _generated_module_owner(ctx, proto.rsplit("/", 1)[0] + "/" if "/" in proto else "", base)
    if owner is None:
        owner_name = module_owner(proto.split("/", 1)[0], ctx) if "/" in proto else None
        owner = ctx.pinned(owner_name) if owner_name else None
    what = f"{owner.name}=={owner.version}'s {proto}" if owner is not None else proto
    out: List[Culprit] = []
    want = ".".join(map(str, gencode))
    if owner is not None and owner.version and not ctx.is_keep(owner.name) and owner.key != "protobuf":
        from .probe import ReleaseTree

        def fits(v: str) -> bool:
            try:
                tree = ReleaseTree(ctx.probe, owner.name, v)
                versions = []
                for path in [p for p in tree.paths() if p.rsplit("/", 1)[-1] == base]:
                    text = tree.read(path) or ""
                    if f"source: {proto}" not in text:
                        continue
                    got = _GENCODE_LINE.search(text)
                    if got and int(got.group(1)) == runtime[0]:
                        versions.append(tuple(int(x) for x in got.groups()))
                return bool(versions) and max(versions) <= runtime
            except Exception:
                return False

        ways = _nearest_both_ways(ctx, owner, fits)
        for spec, v in ((">=", ways[1] if ways else None), ("<=", ways[0] if ways else None)):
            if v:
                out.append(Culprit(owner.name, f"{spec}{v}", CONF_PROBE, [f"{owner.name} {v}'s generated {base} "
                                   f"asks for no newer protobuf than {'.'.join(map(str, runtime))} (read from release files)"],
                                   "release-files"))
    # (after the generating pin's own releases: its release shipped the mismatch, so at equal cost it moves)
    proto_pin = ctx.pinned("protobuf")
    if proto_pin is not None and proto_pin.version and not ctx.is_keep("protobuf"):
        out.append(Culprit(proto_pin.name, f">={want}", CONF_PROBE, [f"{what} was generated for protobuf {want}; "
                           f"the runtime refuses code newer than itself (protobuf {'.'.join(map(str, runtime))})"], "message"))
    if not out:
        return None
    if owner is not None:
        ctx.callee = ctx.party(owner.name)
    return done("direct" if owner is not None else "transitive", sig.family,
                f"{what} was generated for protobuf {want}, newer than the pinned runtime", out)


def _version_check_of(ctx: Context, checker: Any, message: str) -> List[Culprit]:
    """A pin's refusal that names another pin and its pinned version: the checker's own declaration of it.

    "jaxlib version 0.4.31 is newer than and incompatible with jax version 0.4.20" is
    jax's import-time check of jaxlib; jax 0.4.20 declares ``jaxlib==0.4.20`` (in its
    ``cpu`` extra), which is the range it accepts.  Only a pin named in the message
    together with its pinned version, and only a declaration that excludes that
    version, counts.
    """
    from packaging.specifiers import SpecifierSet as _Spec

    low = message.lower()
    try:
        reqs = ctx.index.metadata(checker.name, checker.version).requirements()
    except Exception:
        return []
    out: List[Culprit] = []
    for other in ctx.pins:
        if not other.active or not other.version or other.key == checker.key or ctx.is_keep(other.name):
            continue
        if other.version not in message:
            continue
        tops = _pin_tops(ctx, other) | {other.key}
        if not any(re.search(rf"(?<![\w.-]){re.escape(t.lower())}(?![\w-])", low) for t in tops):
            continue
        specs = {str(r.specifier) for r in reqs if canonicalize_name(r.name) == other.key and str(r.specifier)}
        exact = set()
        for one in specs:
            m = re.fullmatch(r"===?([^,;\s]+)", one)
            if m:
                try:
                    exact.add(Version(m.group(1).split("+")[0]))
                except InvalidVersion:
                    pass
        if len(specs) > 1 and len(exact) == len({sp.split("+")[0] for sp in specs}):
            # one exact pin per extra (jax: 'minimum-jaxlib' 0.4.14 ... 'cpu' 0.4.20): the span they cover
            spec = f">={min(exact)},<={max(exact)}" if min(exact) != max(exact) else f"=={min(exact)}"
        elif len(specs) == 1:
            spec = specs.pop()
        else:
            continue  # undeclared, or declared differently per extra: no single range to offer
        try:
            _Spec(spec)
        except InvalidSpecifier:
            continue
        if excludes(spec, other.version):
            _add(out, Culprit(other.name, spec, CONF_MATRIX, [f"{checker.name}=={checker.version} checks {other.name}'s "
                              f"version and refuses {other.version}; it declares {other.name}{spec}"], "matrix"), ctx)
    return out


def _raised_guard_dropped(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """The innermost frame is a pin's own ``raise``: did an outer frame of that pin use to catch it?"""
    frames = ctx.crash.final.frames
    if ctx.probe is None or not frames or not (frames[-1].source or "").lstrip().startswith("raise "):
        return None
    party = _frame_party(frames[-1], ctx)
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    if pin is None or not pin.version or ctx.is_keep(pin.name):
        return None
    out = _guard_dropped(ctx, pin, sig)
    if not out:
        return None
    ctx.callee = ctx.party(pin.name)
    first = _frame_party(frames[0], ctx)
    verdict = "transitive" if first is not None and first.kind == "dist" and first.key != pin.key else \
        "project" if first is not None and first.kind == "project" else "transitive"
    return done(verdict, sig.family, f"{pin.name}=={pin.version} raises {sig.exc_type.rsplit('.', 1)[-1]} where an "
                f"earlier release caught it: {out[0].evidence[0]}", out)


_LAZY = re.compile(r"^(?:'generator' object is not (?:reversible|subscriptable)|object of type 'generator' has no len\(\))")
_CALLED_NAME = re.compile(r"(?<![\w])([A-Za-z_]\w*)\s*\(")
_NOT_THE_CALLEE = frozenset(dir(builtins))
MAX_LAZY_NAMES = 3


def _lazy_result(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """"'generator' object is not reversible": a callable on the failing line became a generator function.

    docutils 0.18 made ``Node.traverse()`` yield its nodes; Sphinx 1.8.5's
    ``reversed(node.parent.traverse(nodes.classifier))`` needs the list 0.17 returned, and
    0.18.1 returned a list again.  The names the failing line calls are looked up as ``def``s
    in the other pins (then the frame's own); the one pin whose pinned release defines that
    name as a generator function, and whose nearest releases do not, moves to them.
    """
    from . import users

    frames = ctx.crash.root.frames
    if sig.exc_type.rsplit(".", 1)[-1] != "TypeError" or not _LAZY.match(sig.message) or ctx.probe is None or not frames:
        return None
    names = [n for n in _CALLED_NAME.findall(frames[-1].source or "")
             if n not in _NOT_THE_CALLEE and not keyword.iskeyword(n)][:MAX_LAZY_NAMES]
    if not names:
        return None
    party = _frame_party(frames[-1], ctx)
    if party is None or party.kind != "dist":
        return None  # the project's own line: which pin's callable it calls is not known
    own = party.key
    frame_pin = ctx.pinned(party.name)
    try:
        declared = {canonicalize_name(r.name) for r in ctx.index.metadata(frame_pin.name, frame_pin.version).dependencies(ctx.target)} \
            if frame_pin is not None and frame_pin.version else set()
    except Exception:
        declared = set()
    # The frame's own pin and the pins it declares: the code it calls comes from them.
    pins = sorted((p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)
                   and (p.key == own or p.key in declared)), key=lambda p: p.key == own)
    if not pins or len(pins) > users.MAX_OWNER_PINS:
        return None

    def generators(dist: str, version: str, name: str) -> Optional[Dict[str, bool]]:
        """Each module of the release defining ``name``: whether one of its ``def name`` yields (None: not read)."""
        try:
            modules = users.modules_mentioning(ctx.probe, dist, version, f"def {name}(")
        except Exception:
            return None
        if modules is None:
            return None
        out: Dict[str, bool] = {}
        for path, parsed in modules:
            for fn in ast.walk(parsed):
                if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.name == name:
                    out[path] = out.get(path, False) or _yields(fn)
        return out

    def changed_def(pin: Any, name: str) -> Optional[str]:
        """The module whose ``def name`` yields in the pinned release but not in the newest or the previous one."""
        pinned = generators(pin.name, pin.version, name) or {}
        yielding = [path for path, y in pinned.items() if y]
        if not yielding:
            return None
        listed = [v for v in ctx.probe.versions(pin.name) if v != pin.version]
        older = [v for v in listed if Version(v) < Version(pin.version)]
        for other in ([listed[-1]] if listed else []) + ([older[-1]] if older else []):
            there = generators(pin.name, other, name) or {}
            for path in yielding:
                if there.get(path) is False:
                    return path
        return None

    for name in names:
        found = [(p, path) for p in pins for path in [changed_def(p, name)] if path]
        if len(found) != 1:
            continue
        pin, path = found[0]

        def returns_value(v: str, pin: Any = pin, path: str = path, name: str = name) -> bool:
            return (generators(pin.name, v, name) or {}).get(path) is False

        back = users.last_where_before(ctx.probe, pin.name, pin.version, returns_value)
        forward = _first_later(ctx, pin.name, pin.version, returns_value)
        where = (f"the failing line iterates what {name}() returns, and {pin.name}=={pin.version}'s {path} defines "
                 f"{name}() as a generator")
        out = _both_ways(pin, where, forward, "returns a value again", back, "did not yet")
        if not out:
            continue
        ctx.callee = ctx.party(pin.name)
        verdict = "transitive" if pin.key != own else "direct"
        return done(verdict, sig.family, f"{name}() became a generator in {pin.name}=={pin.version}: {out[0].evidence[0]}", out)
    return None


def _both_ways(pin: Any, where: str, forward: Optional[str], forward_says: str, back: Optional[str], back_says: str,
               possessive: bool = False, conf: float = CONF_PROBE) -> List[Culprit]:
    """The pin's nearest later and earlier releases a release-file reading found, forward first, as culprits."""
    s = "'s" if possessive else ""
    out: List[Culprit] = []
    if forward:
        out.append(Culprit(pin.name, f">={forward}", conf, [f"{where}; {pin.name} {forward}{s} {forward_says} "
                                                            f"(read from release files)"], "release-files"))
    if back:
        out.append(Culprit(pin.name, f"<={back}", conf, [f"{where}; {pin.name} {back}{s} {back_says} "
                                                         f"(read from release files)"], "release-files"))
    return out


# The builtins' refusals of a value's shape: what a caller indexes, calls or iterates is not what it was.
_SHAPE_REFUSALS = re.compile(r"(?:list|tuple) indices must be integers(?: or slices)?, not \w+"
                             r"|string indices must be integers|'\w+' object is not (?:subscriptable|iterable)")


def _shape_changed_under(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """"list indices must be integers or slices, not str" in a pin's code: the one dependency whose series is newer.

    sphinx-gallery/sphinx-gallery#879: sphinx 4.3.0 stores the search index's ``objects`` per
    prefix as a list; sphinx-gallery 0.10.0's ``embed_code_links`` indexes it by name.  The value
    came from a dependency, and the caller's release predates that dependency's series: as the
    attribute and signature readings do with upload dates, the one declared dependency of the
    innermost pin whose series began after that pin's upload is the suspect (a guess, ranked so).
    """
    if sig.exc_type.rsplit(".", 1)[-1] != "TypeError" or not _SHAPE_REFUSALS.match(sig.message.strip()):
        return None
    from .adapted import frame_relpath

    frames = ctx.crash.root.frames
    party = _frame_party(frames[-1], ctx) if frames else None
    if party is None or party.kind != "dist" or not party.version:
        return None
    i = len(frames) - 1
    while i > 0 and (_frame_party(frames[i - 1], ctx) or Party("unknown")).key == party.key:
        i -= 1
    if i > 0 and (_frame_party(frames[i - 1], ctx) or Party("unknown")).kind == "project":
        return None  # the project handed the value in: its shape is the project's
    rel = frame_relpath(frames[-1]) or (frames[-1].module or "").replace(".", "/") + ".py"
    text = _module_text_at(ctx, party.name, party.version, rel)
    # the value may come through a sibling module the failing one imports ('from .compat import load_index')
    folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
    siblings = [_module_text_at(ctx, party.name, party.version, f"{folder}/{m}.py" if folder else f"{m}.py")
                for m in dict.fromkeys(re.findall(r"^[ \t]*from[ \t]+\.(\w+)[ \t]+import\b", text or "", re.M))][:6]
    c_time = timeline.upload_time(ctx.index, party.name, party.version)
    try:
        deps = [canonicalize_name(r.name) for r in ctx.index.metadata(party.name, party.version).dependencies(ctx.target, ())]
    except Exception:
        return None
    suspects = []
    for d in dict.fromkeys(deps):
        pin = ctx.pinned(d)
        if pin is None or not pin.version or ctx.is_keep(d) or pin.key == party.key:
            continue
        tops = _pin_tops(ctx, pin) or {pin.key.replace("-", "_")}
        if not any(re.search(rf"^[ \t]*(?:import|from)[ \t]+{re.escape(t)}\b", body, re.M)
                   for body in [text or ""] + siblings for t in tops):
            continue  # neither the failing module nor a sibling it imports imports it: not where the value came from
        start = timeline.series_start(ctx.index, pin.name, pin.version)
        if c_time and start and start[1] and start[1] > c_time:
            suspects.append(pin)
    if len(suspects) != 1:
        return None
    callee = ctx.party(suspects[0].name)
    ctx.callee = callee
    what = f"the shape {party.name} expects"
    out = time_culprits(callee, party, ctx, what)
    if not out:
        return None
    return done("transitive", sig.family, f"{sig.message}: {party.name}=={party.version} predates "
                f"{callee.name}=={callee.version}'s series, the one dependency that moved under it", out)


_UNHASHABLE = re.compile(r"unhashable type: '([A-Za-z_]\w{0,100})'\s*$")


def _became_unhashable(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """"unhashable type: 'SwitchInfo'": the pin's class of that name lost its ``__hash__`` in the pinned release.

    devopshq/artifactory-cleanup#181: plumbum 2.0.0 turned ``SwitchInfo`` into a
    ``@dataclasses.dataclass``, whose value-based ``__eq__`` sets ``__hash__ = None``, and its
    own ``_validate_args`` then hashed one; 2.0.1 made it ``dataclass(eq=False)``.  The one pin
    defining the class whose pinned release makes it unhashable (a dataclass or attrs class
    comparing by value and not frozen, an ``__eq__`` without ``__hash__``, or ``__hash__ = None``)
    while its release before did not goes back to the newest release with a hashable class,
    or forward to the first that made it hashable again.  Read from source, never run.
    """
    from . import raised, users

    m = _UNHASHABLE.match(sig.message.strip()) if sig.exc_type.rsplit(".", 1)[-1] == "TypeError" else None
    if m is None or ctx.probe is None or m.group(1) in _BUILTIN_TYPES:
        return None
    cls = m.group(1)
    if _stdlib_class(cls):
        return None  # collections.Counter, argparse.Namespace ...: the object may be the standard library's
    try:
        homes = users.class_homes(ctx, cls)
    except Exception:
        return None
    if len(homes) != 1:
        return None  # no class of that name in the set, or several: which one it was stays open
    pin, module = homes[0]
    if ctx.is_keep(pin.name):
        return None

    def unhashable(v: str) -> Optional[bool]:
        return _class_unhashable(_module_text(ctx, pin.name, v, module), cls)

    try:
        if unhashable(pin.version) is not True:
            return None
        back = users.last_where_before(ctx.probe, pin.name, pin.version, lambda v: unhashable(v) is False)
        earlier = [v for pv, v in raised.final_releases(ctx.probe.versions(pin.name)) if pv < Version(pin.version)]
        if not earlier or unhashable(earlier[-1]) is not False:
            back = None  # unhashable before too: the pinned release did not change it
        forward = _first_later(ctx, pin.name, pin.version, lambda v: unhashable(v) is False)
    except Exception:
        return None
    if not back and not forward:
        return None
    where = f"{pin.name}=={pin.version}'s {module}.{cls} is unhashable (it compares by value and defines no __hash__)"
    found = _both_ways(pin, where, forward, "makes it hashable again", back, "was the last with a hashable class")
    ctx.callee = ctx.party(pin.name)
    caller = caller_party(ctx)
    verdict = "direct" if ctx.is_keep(pin.name) else ("project" if caller.kind == "project" else "transitive")
    return done(verdict, sig.family, f"unhashable type {cls!r}: {where}", found)


_HASH_OFF_DECORATORS = ("dataclass", "s", "attrs", "define", "mutable")
# Standard-library modules whose public classes share names with libraries' (Counter, Namespace, Path ...).
_STDLIB_CLASS_MODULES = ("collections", "argparse", "types", "decimal", "fractions", "datetime", "pathlib", "ipaddress",
                         "uuid", "array", "queue", "threading", "enum", "string", "configparser", "email.message",
                         "http.cookies", "urllib.parse", "xml.etree.ElementTree", "logging", "weakref", "numbers")
_stdlib_classes: Optional[Set[str]] = None


def _stdlib_class(name: str) -> bool:
    """Whether a commonly used standard-library module defines a public class of that name (read once)."""
    global _stdlib_classes
    if _stdlib_classes is None:
        import importlib

        found: Set[str] = set()
        for mod in _STDLIB_CLASS_MODULES:
            try:
                found |= {k for k, v in vars(importlib.import_module(mod)).items() if isinstance(v, type) and not k.startswith("_")}
            except Exception:
                continue
        _stdlib_classes = found
    return name in _stdlib_classes


def _class_unhashable(text: Optional[str], cls: str) -> Optional[bool]:
    """Whether the module's top-level ``class cls`` has ``__hash__`` set to None by its own definition.

    None when the module or class cannot be read.  A dataclass (``eq`` true by default) or an
    attrs class is unhashable unless frozen, ``unsafe_hash``/``hash`` true, or ``eq=False``; a
    class body defining ``__eq__`` and no ``__hash__``, or assigning ``__hash__ = None``, is too.
    """
    tree = parse_quietly(text) if text else None
    node = next((n for n in (tree.body if tree is not None else []) if isinstance(n, ast.ClassDef) and n.name == cls), None)
    if node is None:
        return None
    names = {}
    for st in node.body:
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names[st.name] = st
        elif isinstance(st, ast.Assign):
            for t in st.targets:
                if isinstance(t, ast.Name):
                    names[t.id] = st.value
    if "__hash__" in names:
        value = names["__hash__"]
        return isinstance(value, ast.Constant) and value.value is None
    if "__eq__" in names:
        return True
    for dec in node.decorator_list:
        call = dec if isinstance(dec, ast.Call) else None
        target = call.func if call is not None else dec
        name = target.attr if isinstance(target, ast.Attribute) else target.id if isinstance(target, ast.Name) else ""
        if name not in _HASH_OFF_DECORATORS or (name == "s" and not (isinstance(target, ast.Attribute)
                                                                     and isinstance(target.value, ast.Name)
                                                                     and target.value.id in ("attr", "attrs"))):
            continue
        kw = {k.arg: k.value for k in (call.keywords if call is not None else []) if k.arg}
        if any(isinstance(kw.get(k), ast.Constant) and kw[k].value is True for k in ("frozen", "unsafe_hash", "hash")):
            return False
        if any(isinstance(kw.get(k), ast.Constant) and kw[k].value is False for k in ("eq", "cmp")):
            return False  # compares by identity: object's hash stays
        if name != "dataclass" and isinstance(kw.get("hash"), ast.Constant) and kw["hash"].value is False:
            return False  # attrs' hash=False leaves __hash__ alone (object's, by identity)
        return True
    return False


def _yields(fn: ast.AST) -> bool:
    """Whether a function's own body (not a nested function's) holds ``yield``: calling it returns a generator."""
    stack = list(ast.iter_child_nodes(fn))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))
    return False


_CALLED = re.compile(r"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\s*\(")


_NAMED_CALL = re.compile(r"(?<![\w.])([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?\s*\(")


def _compiled_callee(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """A TypeError in words no family knows, raised inside another pin's compiled module the failing line calls.

    happybase 0.9's generated ``Hbase.py`` calls ``fastbinary.encode_binary(self, (cls,
    thrift_spec))``; thrift 0.10's C++ ``fastbinary`` wants five items per map spec and says
    "expecting 5 arguments for typeargs to map".  The line names one callable imported from
    another pin's module that its pinned release ships without Python source; no source says
    what changed, so the upload dates decide: only when that pin's series began after the
    caller's release is it held below that series (and the caller's first later release is
    the other way).
    """
    from . import users
    from .pysource import parse_quietly

    frames = ctx.crash.root.frames
    if sig.exc_type.rsplit(".", 1)[-1] != "TypeError" or ctx.probe is None or not frames or not frames[-1].source:
        return None
    caller = _frame_party(frames[-1], ctx)
    if caller is None or caller.kind != "dist" or not caller.version or not frames[-1].module:
        return None
    text = _module_text(ctx, caller.name, caller.version, frames[-1].module)
    if not text:
        return None
    try:
        bound = users._scope_imports(parse_quietly(text))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    called = set()
    for head, attr in _NAMED_CALL.findall(frames[-1].source):
        if head in bound:
            # "fastbinary.encode_binary(": a module's function; "encode(": a function imported from its module
            called.add((bound[head] + f".{attr}", bound[head]) if attr else (bound[head], bound[head].rpartition(".")[0]))
    compiled = []
    for dotted, module in sorted(called):
        owner_name = module_owner(module, ctx) if module else None
        pin = ctx.pinned(owner_name) if owner_name else None
        if pin is not None and pin.version and pin.key != canonicalize_name(caller.name) \
                and _ships_compiled(ctx, pin, module):
            compiled.append((dotted, module, pin))
    if len({o.key for _, _, o in compiled}) != 1 or ctx.is_keep(compiled[0][2].name):
        return None
    dotted, module, pin = compiled[0]
    start = timeline.series_start(ctx.index, pin.name, pin.version)
    c_time = timeline.upload_time(ctx.index, caller.name, caller.version)
    if not start or not start[1] or not c_time or not c_time < start[1]:
        return None
    spec = f"<{start[0]}"
    if not excludes(spec, pin.version) or _refuted(ctx, ctx.party(pin.name), spec):
        return None
    ev = (f"the failing line of {caller.name} {caller.version} calls {dotted}, from {pin.name}'s {module}, which "
          f"{pin.name}=={pin.version} ships without Python source (compiled); {caller.name} {caller.version} was "
          f"released {timeline.fmt(c_time)}, before {pin.name} {start[0]} ({timeline.fmt(start[1])})")
    ctx.evidence.append(ev)
    ctx.callee = ctx.party(pin.name)
    found = [Culprit(pin.name, spec, CONF_TIME, [ev], "upload-dates")]
    if not ctx.is_keep(caller.name):
        adapted = timeline.first_after(ctx.index, caller.name, start[1], above=Version(caller.version))
        if adapted is not None:
            found.append(Culprit(caller.name, f">={adapted}", CONF_GUESS - 0.1,
                                 [f"{caller.name} {adapted} is its first release after {pin.name} {start[0]}; "
                                  f"it probably adapted"], "upload-dates"))
    return done("transitive", sig.family, f"{sig.exc_type}: {sig.message}: {ev}", found)


_UNPACK = re.compile(r"(too many|not enough) values to unpack \(expected (\d+)(?:, got \d+)?\)\s*$")


def _return_arity(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """"too many values to unpack (expected 2)" where the failing line unpacks another pin's method's return.

    dagster 1.3.9's ``expanded, _ = CroniterShim.expand(cron_string)``: ``CroniterShim``
    builds on croniter's ``croniter`` and forwards ``expand`` to it; croniter 1.3.15 made
    ``expand`` return three values.  The failing line (from the paste, or read from the
    caller's release at the frame's line) names the method; the class is followed through
    the caller's imports and its own bases (a forwarding override counts as the base's);
    each release of the owner whose every ``return`` in that method is a tuple of the
    expected length fits, and the owner goes back to the newest such release.
    """
    from . import users
    from .pysource import parse_quietly

    m = _UNPACK.search(sig.message or "")
    frames = ctx.crash.root.frames
    if m is None or sig.exc_type.rsplit(".", 1)[-1] != "ValueError" or ctx.probe is None or not frames:
        return None
    want = int(m.group(2))
    fr = frames[-1]
    caller = _frame_party(fr, ctx)
    if caller is None or caller.kind != "dist" or not caller.version or not fr.module:
        return None
    text = _module_text(ctx, caller.name, caller.version, fr.module) or ""
    line = fr.source or (text.splitlines()[fr.line - 1] if 0 < fr.line <= len(text.splitlines()) else "")
    try:
        stmt = parse_exact(line.strip()).body[0]
        tree = parse_quietly(text)
    except (SyntaxError, ValueError, IndexError, RecursionError, MemoryError):
        return None
    if not isinstance(stmt, ast.Assign) or not isinstance(stmt.targets[0], (ast.Tuple, ast.List)) \
            or len(stmt.targets[0].elts) != want or any(isinstance(e, ast.Starred) for e in stmt.targets[0].elts) \
            or not isinstance(stmt.value, ast.Call) or not isinstance(stmt.value.func, ast.Attribute) \
            or not isinstance(stmt.value.func.value, ast.Name):
        return None
    holder, method = stmt.value.func.value.id, stmt.value.func.attr
    pin = ctx.pinned(caller.name)
    if pin is None:
        return None
    # The class: imported from another pin, or the caller's own (here or imported) built on one.
    module, cls = _from_imports(ctx, pin, fr.module, tree).get(holder, (fr.module, holder))
    owner_name = module_owner(module, ctx)
    owner = ctx.pinned(owner_name) if owner_name else None
    if owner is None or not owner.version:
        return None
    def arity(v: str) -> Optional[Set[int]]:
        home = _defining_module(ctx, owner.name, v, module, cls)
        return _return_lengths(parse_quietly(_module_text(ctx, owner.name, v, home) or ""), cls, method) if home else None

    try:  # (a module of the caller or the owner that this Python cannot parse is no answer, never a crash)
        if canonicalize_name(owner.name) == pin.key:
            own = parse_quietly(_module_text(ctx, pin.name, pin.version, module) or "")
            if not _forwards_or_inherits(own, cls, method):
                return None  # the caller's own class computes the value itself
            bases = _foreign_bases(ctx, pin, module, cls)
            if len(bases) != 1:
                return None
            owner, module, cls = bases[0]
        if ctx.is_keep(owner.name):
            return None
        now = arity(owner.version)
        if not now or want in now:
            return None
        back = users.last_where_before(ctx.probe, owner.name, owner.version, lambda v: arity(v) == {want})
    except Exception:
        return None
    if back is None:
        return None
    ev = (f"{caller.name} {caller.version} unpacks {want} values from {holder}.{method}(...) (`{line.strip()}`); "
          f"{owner.name}=={owner.version}'s {module}.{cls}.{method} returns {', '.join(map(str, sorted(now)))} values, "
          f"{owner.name} {back}'s returned {want} (read from release files)")
    ctx.evidence.append(ev)
    ctx.callee = ctx.party(owner.name)
    return done("transitive", sig.family, f"{sig.exc_type}: {sig.message}: {ev}",
                [Culprit(owner.name, f"<={back}", CONF_PROBE, [ev], "release-files")])


def _defining_module(ctx: Context, dist: str, version: str, module: str, cls: str, depth: int = 0) -> Optional[str]:
    """The module of ``dist==version`` that defines class ``cls``, following ``from .x import cls`` re-exports."""
    from .pysource import parse_quietly, resolve_relative

    text = _module_text(ctx, dist, version, module)
    if text is None or depth > 3:
        return None
    tree = parse_quietly(text)
    body = getattr(tree, "body", [])
    if any(isinstance(n, ast.ClassDef) and n.name == cls for n in body):
        return module
    is_package = _module_text(ctx, dist, version, module + ".__init__") is not None
    for st in body:
        if isinstance(st, ast.ImportFrom) and any((a.asname or a.name) == cls and a.name == cls for a in st.names):
            source = resolve_relative(module, is_package, st.level, st.module) if st.level else (st.module or "")
            if source.split(".")[0] == module.split(".")[0]:
                return _defining_module(ctx, dist, version, source, cls, depth + 1)
    return None


def _class_method(tree: Any, cls: str, method: str) -> Optional[ast.AST]:
    node = next((n for n in getattr(tree, "body", []) if isinstance(n, ast.ClassDef) and n.name == cls), None)
    if node is None:
        return None
    return next((n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == method), None)


def _own_returns(fn: ast.AST) -> List[ast.Return]:
    """The ``return`` statements of ``fn`` itself (not of functions or classes defined inside it)."""
    from .raised import _own_nodes

    return [n for n in _own_nodes(fn) if isinstance(n, ast.Return)]


def _forwards_or_inherits(tree: Any, cls: str, method: str) -> bool:
    """The class has no ``method`` of its own, or its only returns are ``super().method(...)``."""
    if not any(isinstance(n, ast.ClassDef) and n.name == cls for n in getattr(tree, "body", [])):
        return False
    fn = _class_method(tree, cls, method)
    if fn is None:
        return True
    returns = _own_returns(fn)
    return bool(returns) and all(
        isinstance(r.value, ast.Call) and isinstance(r.value.func, ast.Attribute) and r.value.func.attr == method
        and isinstance(r.value.func.value, ast.Call) and getattr(r.value.func.value.func, "id", "") == "super"
        for r in returns)


def _return_lengths(tree: Any, cls: str, method: str, depth: int = 0) -> Optional[Set[int]]:
    """The tuple lengths ``cls.method`` returns, or None when a return is not a plain tuple (or no method).

    A return of the class's own method (croniter 1.4's ``return cls._expand(...)``) counts as
    what that method returns, a few calls deep.
    """
    fn = _class_method(tree, cls, method)
    if fn is None or depth > 3:
        return None
    lengths: Set[int] = set()
    for r in _own_returns(fn):
        v = r.value
        if isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and isinstance(v.func.value, ast.Name) \
                and v.func.value.id in ("self", "cls", cls) and v.func.attr != method:
            inner = _return_lengths(tree, cls, v.func.attr, depth + 1)
            if inner is None:
                return None
            lengths |= inner
            continue
        if not isinstance(v, ast.Tuple) or any(isinstance(e, ast.Starred) for e in v.elts):
            return None
        lengths.add(len(v.elts))
    return lengths or None


_COMPILED_SUFFIXES = (".so", ".pyd", ".c", ".cc", ".cpp", ".cxx", ".pyx")


def _ships_compiled(ctx: Context, pin: Any, module: str) -> bool:
    """Whether ``pin``'s pinned release has no Python source for ``module`` but ships compiled code.

    A wheel's ``fastbinary.cpython-310-x86_64-linux-gnu.so``; an sdist's C or C++ sources
    (thrift 0.10.0's ``src/ext/*.cpp`` build ``thrift.protocol.fastbinary``; its setup.py maps
    ``src`` to ``thrift``, so the module is matched by its last part, never by its path).
    """
    last = module.rpartition(".")[2]
    try:
        members = list(ctx.probe._members(pin.name, pin.version))
    except Exception:
        return False
    if not members or any(m.endswith((f"/{last}.py", f"/{last}/__init__.py")) or m in (f"{last}.py",) for m in members):
        return False
    if _module_text(ctx, pin.name, pin.version, module) is not None:
        return False
    # A binary or a source named after the module (fastbinary.cpython-310-x86_64-linux-gnu.so,
    # fastbinary.c), or an sdist's setup.py naming the dotted module as an extension: any other
    # compiled file in the release says nothing about this name (a class of a Python module).
    if any(m.rsplit("/", 1)[-1].startswith(f"{last}.") and m.lower().endswith(_COMPILED_SUFFIXES) for m in members):
        return True
    setup = next((m for m in members if m.count("/") <= 1 and m.endswith("setup.py")), None)
    if setup is None or not any(m.lower().endswith(_COMPILED_SUFFIXES) for m in members):
        return False
    try:
        from .probe import ReleaseTree

        tree = ReleaseTree(ctx.probe, pin.name, pin.version)
        text = next((tree.read(p) for p in tree.paths() if p.endswith("setup.py") and p.count("/") == 0), None) or ""
    except Exception:
        return False
    return re.search(rf"['\"]{re.escape(module)}['\"]", text) is not None


def _module_called(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """"'module' object is not callable": the dotted callable on the failing line became a submodule.

    gevent 1.1 added ``gevent/signal.py``; ``gevent.signal`` had been a function, which
    locustio 0.7.3 calls as ``gevent.signal(signal.SIGTERM, handler)``.  The pinned release
    of the name's owner has that module; its newest earlier release that defined the name in
    the parent module instead is the way back (the only way offered: the caller is not read).
    """
    from . import users
    from .probe import NO, YES, Question

    frames = ctx.crash.root.frames
    if sig.exc_type.rsplit(".", 1)[-1] != "TypeError" or not sig.message.startswith("'module' object is not callable") \
            or ctx.probe is None or not frames:
        return None
    for dotted in _CALLED.findall(frames[-1].source or "")[:4]:
        owner = module_owner(dotted, ctx)
        pin = ctx.pinned(owner) if owner else None
        if pin is None or not pin.version or ctx.is_keep(pin.name):
            continue
        parent, _, last = dotted.rpartition(".")
        try:
            if ctx.probe.ask(pin.name, pin.version, Question(dotted)).value != YES:
                continue

            def callable_there(v: str) -> bool:
                return ctx.probe.ask(pin.name, v, Question(dotted)).value == NO \
                    and ctx.probe.ask(pin.name, v, Question(parent, name=last)).value == YES

            back = users.last_where_before(ctx.probe, pin.name, pin.version, callable_there)
        except Exception:
            continue
        if back is None:
            continue
        ev = (f"the failing line calls {dotted}(...), which {pin.name}=={pin.version} ships as a module; "
              f"{pin.name} {back} defined {dotted} in {parent} itself (read from release files)")
        ctx.evidence.append(ev)
        ctx.callee = ctx.party(pin.name)
        party = _frame_party(frames[-1], ctx)
        verdict = "project" if party is not None and party.kind == "project" else "transitive"
        return done(verdict, sig.family, f"{dotted} became a module in {pin.name}=={pin.version}: {ev}",
                    [Culprit(pin.name, f"<={back}", CONF_PROBE, [ev], "release-files")])
    return None


# "AttributeError: __enter__" (CPython before 3.11) and "'Response' object does not support the
# context manager protocol" (3.11 on): a ``with`` over an object whose class has no such method.
_CM_ATTRIBUTE = re.compile(r"^\W*__(a?)(enter|exit)__\W*(?:Did you mean: '\w+'\?\W*)?$")
_CM_PROTOCOL = re.compile(r"^'([A-Za-z_]\w*)' object does not support the (asynchronous )?context manager protocol"
                          r"(?: \(missed (__a?exit__) method\))?")


def _with_target(line: str) -> Optional[str]:
    """The context expression of a printed ``with X as y:`` line (the first item), or None for any other line."""
    st = line.strip()[:MAX_WITH_LINE]
    if st.startswith("async "):
        st = st[6:].lstrip()
    if not st.startswith("with ") or not st.endswith(":"):
        return None
    expr = st[5:-1].strip()
    cut = expr.find(" as ")
    return (expr[:cut] if cut >= 0 else expr).strip() or None


MAX_WITH_LINE = 400  # characters of a printed line read for its with-target
MAX_CM_PINS = 8  # pins read whole (pinned and newest release) for a class that became a context manager


def _context_manager(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """A ``with`` over an object that is no context manager yet: the one pin whose class became one.

    api4jenkins 1.9 writes ``with self.handle_req('GET', '') as resp:`` over a requests
    ``Response``, which gained ``__enter__``/``__exit__`` in requests 2.18.0; under
    requests 2.10 Python says only "AttributeError: __enter__".  The pins that may move
    are read in their pinned and newest releases: a class present in both that defines
    the method only in the newest became a context manager, and the first release
    defining it is the floor.  Python 3.11+ names the class, which must be that one.
    Exactly one pin must answer; the evidence ranks as weak as upload dates, because no
    frame says which object the ``with`` got.
    """
    short = sig.exc_type.rsplit(".", 1)[-1]
    m_attr = _CM_ATTRIBUTE.match(sig.message) if short == "AttributeError" else None
    m_proto = _CM_PROTOCOL.match(sig.message) if short == "TypeError" else None
    if ctx.probe is None or not (m_attr or m_proto):
        return None
    asynchronous = bool(m_attr.group(1)) if m_attr else bool(m_proto.group(2))  # type: ignore[union-attr]
    exiting = (m_attr.group(2) == "exit") if m_attr else bool(m_proto.group(3))  # type: ignore[union-attr]
    method = f"__{'a' if asynchronous else ''}{'exit' if exiting else 'enter'}__"
    named = m_proto.group(1) if m_proto else None
    frames = ctx.crash.root.frames
    shown = _with_target(frames[-1].source or "") if frames else None
    if (named in ("type", "module")) or (shown and re.fullmatch(r"(?:[A-Za-z_]\w*\.)*[A-Z]\w*", shown)):
        # "with tf.Session as sess:": a class (or module) used without calling it is the code's own
        # mistake, not a release that had no context manager yet.  A variable or attribute ('with
        # resp:', 'with self.conn as c:') holds an instance: read on.
        return None
    movable = [p for p in ctx.pins.pins if p.active and p.version and not ctx.is_keep(p.name)]
    if not movable or len(movable) > MAX_CM_PINS:
        return None
    from .adapted import _later

    found = []
    for pin in movable:
        try:
            later = _later(ctx.probe, ctx.index, pin.name, pin.version, None)
            if not later:
                continue
            old = _class_methods(ctx, pin.name, pin.version, method)
            new = _class_methods(ctx, pin.name, later[-1], method)
            if old is None or new is None:
                continue
            # a class present before, with no such method of its own or from a base the release defines,
            # and no base from outside the release (whose methods were not read)
            adopters = (new[1] & old[0]) - old[1] - old[2]
            if named is not None:
                adopters &= {named}
            if not adopters:
                continue
            first = _first_later(ctx, pin.name, pin.version, lambda v, n=pin.name, a=adopters: bool(
                (cm := _class_methods(ctx, n, v, method)) is not None and a & cm[1]))
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
            continue
        if first:
            found.append((pin, sorted(adopters), first))
            if len(found) > 1:
                break  # two pins answer: which object the with got is unknown
    if len(found) != 1:
        return None
    pin, classes, first = found[0]
    what = "an asynchronous context manager" if asynchronous else "a context manager"
    ev = (f"{', '.join(classes[:3])} of {pin.name} {pin.version} defines no {method}; {pin.name} {first} defines it, "
          f"and no other pin that may move has a class that became {what} (read from release files)")
    ctx.evidence.append(ev)
    ctx.callee = ctx.party(pin.name)
    party = _frame_party(frames[-1], ctx) if frames else None
    verdict = "project" if party is not None and party.kind == "project" else "transitive"
    return done(verdict, sig.family, f"a with statement got an object that is not {what}: {ev}",
                [Culprit(pin.name, f">={first}", CONF_TIME, [ev], "release-files")])


def _class_methods(ctx: Context, dist: str, version: str, method: str) -> Optional[Tuple[Set[str], Set[str], Set[str]]]:
    """(the classes ``dist==version`` defines, those having ``method``, those with a base from elsewhere).

    A class has the method when its own body or a base the release defines (found by name,
    transitively) defines it; a class with a base from outside the release (other than
    ``object``) is listed third, because that base's methods were not read.  None when the
    release cannot be read whole (over the read cap or the file cap): a class missing from a
    partial read would look like a class that is not there.  Cached per release and method.
    """
    from . import users
    from .probe import ReleaseTree, _ByteCap

    key = ("class-methods", canonicalize_name(dist), version, method)
    if key in ctx.memo:
        return ctx.memo[key]  # type: ignore[no-any-return]
    tree = ReleaseTree(ctx.probe, dist, version)
    paths = users._shipped_modules(tree)
    out: Optional[Tuple[Set[str], Set[str], Set[str]]] = None
    if len(paths) <= users.MAX_FILES:
        bases: Dict[str, Set[str]] = {}
        own: Set[str] = set()
        try:
            for batch in users._batches(paths):
                tree.prefetch(batch)
                for path in batch:
                    text = tree.read(path) or ""
                    if "class " not in text:
                        continue
                    for node in ast.walk(users._parsed(text)):
                        if isinstance(node, ast.ClassDef):
                            bases.setdefault(node.name, set()).update(
                                (users._dotted(b) or "?").rsplit(".", 1)[-1] for b in node.bases)
                            if any(isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.name == method
                                   for f in node.body):
                                own.add(node.name)
            defining = set(own)
            changed = True
            while changed:  # through bases the release defines, by name
                changed = False
                for cls, bs in bases.items():
                    if cls not in defining and bs & defining:
                        defining.add(cls)
                        changed = True
            foreign = {cls for cls, bs in bases.items() if any(b not in bases and b != "object" for b in bs)}
            out = (set(bases), defining, foreign)
        except _ByteCap:
            out = None
    ctx.memo[key] = out
    return out


def _tag_library(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """Django's "'staticfiles' is not a registered tag library" (``diagnose/templates.py``)."""
    from .templates import library_of, missing_tag_library

    if library_of(sig.message) is None:
        return None
    found = missing_tag_library(ctx, sig.message)
    if found is None:
        return None
    verdict, culprits, summary = found
    ctx.callee = ctx.party(culprits[0].name)
    return done(verdict, sig.family, summary, culprits)


def _failed_assert(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """The innermost frame is a pin's own ``assert``: the nearest releases of it that no longer assert it.

    pytest-asyncio 0.18.1 asserted ``_has_explicit_asyncio_mark(fixturedef.func)`` over every
    async fixture, pytest-trio's too; 0.18.2 dropped the assert.  A bare assertion has no
    message, so the asserted expression is what the releases are searched for.  The pin's own
    check, rewritten in its own later release, is the pin's own behaviour: ``direct``.
    """
    from . import raised
    from .adapted import frame_relpath

    frames = ctx.crash.final.frames
    if sig.exc_type.rsplit(".", 1)[-1] != "AssertionError" or ctx.probe is None or not frames \
            or not (frames[-1].source or "").lstrip().startswith("assert "):
        return None
    party = _frame_party(frames[-1], ctx)
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    rel = frame_relpath(frames[-1])
    if pin is None or not pin.version or ctx.is_keep(pin.name) or not rel:
        return None
    back, forward = raised.releases_without_assert(ctx.probe, pin.name, pin.version, rel, frames[-1].source,
                                                   frames[-1].function, ctx.probe.versions(pin.name))
    where = f"{pin.name}=={pin.version}'s own check failed ({rel}: {frames[-1].source.strip()[:80]})"
    out: List[Culprit] = []
    if forward is not None:
        out.append(Culprit(pin.name, f">={forward}", CONF_TIME, [f"{where}; {pin.name} {forward} rewrote "
                                                                 f"{frames[-1].function}(), which holds the check"],
                           "release-files"))
    if back is not None:
        out.append(Culprit(pin.name, f"<={back}", CONF_TIME, [f"{where}; {pin.name} {back} did not assert it yet"],
                           "release-files"))
    if not out:
        return None
    ctx.callee = ctx.party(pin.name)
    return done("direct", sig.family, f"{where}: {out[0].evidence[0].split('; ', 1)[1]}", out)


_GENERIC_ATTRS = {"value", "values", "shape", "dtype", "parent", "children", "items", "label", "title", "state",
                  "status", "result", "output", "config", "options", "params", "source", "target"}
_NO_SETTER = re.compile(r"^(?:can't set attribute(?: '(\w+)')?|property '(\w+)' of '\w+' object has no setter)\s*$")
_ASSIGNED_ATTR = re.compile(r"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.([A-Za-z_]\w*)\s*(?::[^=]{1,80})?=(?!=)")


def _read_only_property(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """"can't set attribute": the pin whose base class made the attribute a read-only property.

    dynamicslab/pysindy#125: pysindy 1.4.3's ``class PolynomialLibrary(PolynomialFeatures)``
    sets ``self.n_input_features_`` in ``fit``; scikit-learn 1.0 turned that attribute of
    ``PolynomialFeatures`` into a deprecated property with no setter.  The assigning pin's own
    file must be read: its class built on a class that the one other pin defines with the
    attribute as a ``@property`` without a setter.  That pin goes back to its newest release that
    did not; the assigning pin's own read-only property, or a project frame (unread), says nothing.
    """
    from . import users
    from .adapted import frame_relpath
    from .probe import ReleaseTree

    m = _NO_SETTER.match((sig.message or "").strip())
    frames = ctx.crash.final.frames
    if m and not frames and sig.exc_type.endswith("AttributeError") and ctx.probe is not None:
        return _read_only_named_class(ctx, sig, done)
    if not m or not sig.exc_type.endswith("AttributeError") or ctx.probe is None or not frames:
        return None
    last = frames[-1]
    named = m.group(1) or m.group(2)
    hit = _ASSIGNED_ATTR.search((last.source or "")[:2000])
    if not hit or (named and hit.group(1) != named):
        return None  # the failing line must show the assignment
    attr = hit.group(1)
    if len(attr) < 5 or attr in _GENERIC_ATTRS:
        return None  # ('value', 'shape': a property of that name is in many classes, not surely the one set)
    assigner = _frame_party(last, ctx)
    own = ctx.pinned(assigner.name) if assigner is not None and assigner.kind == "dist" else None
    rel = frame_relpath(last)
    if own is None or not own.version or not rel:
        return None
    if _read_only_in(ctx, own.name, own.version, attr):
        return None  # the assigning pin's own property: its own slip, not another pin's change
    try:
        tree = users._parsed(ReleaseTree(ctx.probe, own.name, own.version).read(rel) or "")
    except Exception:
        return None
    bases = {(users._dotted(b) or "").rsplit(".", 1)[-1] for n in ast.walk(tree) if isinstance(n, ast.ClassDef)
             for b in n.bases} if tree is not None else set()
    candidates = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name) and p.key != own.key]
    if len(candidates) > users.MAX_OWNER_PINS:
        return None
    if not bases:
        bases = set()  # (no class of its own: only another pin's object can be the one set)
    found = []
    for pin in candidates:
        classes = _read_only_classes(ctx, pin.name, pin.version, attr)
        if classes and classes & bases:
            found.append(pin)
    held = hit.group(0).split("=", 1)[0].split(":", 1)[0].strip()
    if not found and held.rsplit(".", 1)[0].strip() != "self":
        # another object than self (``sa_url.database``, ``self.engine_url.database``)
        return _read_only_dependency(ctx, sig, done, own, attr, last, tree)
    if len(found) != 1:
        return None
    pin = found[0]
    back = users.last_where_before(ctx.probe, pin.name, pin.version,
                                   lambda v: _read_only_in(ctx, pin.name, v, attr) is False)
    if back is None:
        return None
    ev = (f"{pin.name}=={pin.version} defines {attr} as a property with no setter on a class that {own.name}=={own.version}'s "
          f"class builds on, and the failing line sets it (`{(last.source or '').strip()[:100]}`); {pin.name} {back} did "
          f"not (read from release files)")
    ctx.evidence.append(ev)
    ctx.callee = ctx.party(pin.name)
    return done("transitive", sig.family, ev, [Culprit(pin.name, f"<={back}", CONF_PROBE, [ev], "release-files")])


def _read_only_dependency(ctx: Context, sig: F.Signal, done: Any, own: Any, attr: str, last: Any,
                          tree: Optional[ast.AST] = None) -> Optional[Diagnosis]:
    """The failing line sets an attribute of another object (``sa_url.database = ...``), not ``self``'s.

    codeforpdx/dwellinglybackend#232: Flask-SQLAlchemy 2.4.1's ``apply_driver_hacks`` sets
    ``sa_url.database``; SQLAlchemy 1.4 made ``URL`` a named tuple, whose fields cannot be set
    ("can't set attribute").  Among the pins the assigning pin declares, the one whose release
    defines the attribute read-only on a class that its earlier release did not (a property with
    no setter, a named tuple's field) goes back to that earlier release; exactly one such pin, or
    nothing is said.
    """
    from . import users

    # ... and that the assigning module imports: an object of a pin it never imports is not the one set
    imported = set()
    for node in ast.walk(tree) if tree is not None else ():
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
        for name in names:
            owner = module_owner(name, ctx)
            if owner:
                imported.add(canonicalize_name(owner))
    declared = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name) and p.key != own.key
                and p.key in imported and own in users.dependants(ctx, p.key)]
    found = []
    for pin in declared[:users.MAX_OWNER_PINS]:
        now = _read_only_classes(ctx, pin.name, pin.version, attr)
        if not now:
            continue

        def before(v: str, pin: Any = pin, now: Set[str] = now) -> bool:
            then = _read_only_classes(ctx, pin.name, v, attr)
            return then is not None and bool(now - then)

        back = users.last_where_before(ctx.probe, pin.name, pin.version, before)
        if back is not None and _majors_apart(back, pin.version) <= 1:
            found.append((pin, back, now))
    if len(found) != 1:
        return None
    pin, back, now = found[0]
    ev = (f"{own.name}=={own.version}'s failing line sets {attr} on another object "
          f"(`{(last.source or '').strip()[:100]}`); {pin.name}=={pin.version}, which it declares, defines {attr} "
          f"read-only ({', '.join(sorted(now))}), and {pin.name} {back} did not yet (read from release files)")
    ctx.evidence.append(ev)
    ctx.callee = ctx.party(pin.name)
    return done("transitive", sig.family, ev, [Culprit(pin.name, f"<={back}", CONF_PROBE, [ev], "release-files")])


_NO_SETTER_CLASS = re.compile(r"^property '(\w+)' of '(\w+)' object has no setter\s*$")


def _read_only_named_class(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """No frame, but Python 3.11's wording names the class: the pin defining it made the attribute read-only.

    scikit-image#7207: "property 'mode' of 'PngImageFile' object has no setter" under a cut pytest
    paste whose shown line is imageio 2.31.5's ``image.mode = desired_mode``; Pillow 10.1 turned
    ``Image.mode`` into a property.  The one pin defining the class and, somewhere, the attribute as
    a property without a setter goes back to its newest release in which a class that has it so now
    did not yet (within one major); the pin holding the shown line moves to its first release
    without it, as the other way out.
    """
    from . import users

    m = _NO_SETTER_CLASS.match((sig.message or "").strip())
    if m is None:
        return None
    attr, cls = m.group(1), m.group(2)
    homes = users.class_homes(ctx, cls)
    if len({pin.key for pin, _ in homes}) != 1 or ctx.is_keep(homes[0][0].name):
        return None  # no pin, several pins, or a kept one defines the class: nothing to move
    pin, module = homes[0]
    # only the named class and the bases the pin itself defines for it count (not an unrelated class's property)
    now = (_read_only_classes(ctx, pin.name, pin.version, attr) or set()) & _class_and_bases(ctx, pin, module, cls)
    if not now:
        return None

    def before(v: str) -> bool:
        then = _read_only_classes(ctx, pin.name, v, attr)
        return then is not None and bool(now - then)

    back = users.last_where_before(ctx.probe, pin.name, pin.version, before)
    if back is None or _majors_apart(back, pin.version) > 1:
        return None
    ev = (f"{cls} is {pin.name}'s; {pin.name}=={pin.version} defines {attr} as a property with no setter "
          f"({', '.join(sorted(now))}), and {pin.name} {back} did not yet (read from release files)")
    ctx.evidence.append(ev)
    ctx.callee = ctx.party(pin.name)
    out = [Culprit(pin.name, f"<={back}", CONF_PROBE, [ev], "release-files")]
    out += [c for c in _shown_line_holder(ctx, {pin.name}) if c not in out]
    return done("transitive", sig.family, ev, out)


MAX_BASE_DEPTH = 5  # base classes followed within one pin


def _class_and_bases(ctx: Context, pin: Any, module: str, cls: str) -> Set[str]:
    """``cls`` and the names of its bases the pin's own modules define, followed up to ``MAX_BASE_DEPTH`` levels."""
    from . import users

    out = {cls}
    todo = [(module, cls, 0)]
    while todo:
        mod, name, depth = todo.pop()
        text = _module_text(ctx, pin.name, pin.version, mod)
        try:
            tree = users._parsed(text or "")
        except Exception:
            tree = None
        node = next((n for n in _module_level(getattr(tree, "body", [])) if isinstance(n, ast.ClassDef) and n.name == name),
                    None)
        if node is None or depth >= MAX_BASE_DEPTH:
            continue
        for b in node.bases:
            base = (users._dotted(b) or "").rsplit(".", 1)[-1]
            if not base or base in out:
                continue
            homes = [m for p, m in users.class_homes(ctx, base) if p.key == pin.key]
            if homes:
                out.add(base)
                todo.append((homes[0], base, depth + 1))
    return out


def _read_only_classes(ctx: Context, dist: str, version: str, attr: str) -> Optional[Set[str]]:
    """Names of the release's classes with ``attr`` read-only: a ``@property`` with no setter, or a
    named tuple's field (SQLAlchemy 1.4's ``URL``); None: unreadable."""
    from . import users

    found = users.modules_mentioning(ctx.probe, dist, version, (f"def {attr}(", "namedtuple", "NamedTuple"),
                                     max_bytes=ctx.probe.max_bytes * users.NAME_SEARCH_CAP_FACTOR)
    if found is None:
        return None
    out: Set[str] = set()
    for _, tree in found:
        out |= _named_tuple_classes(tree, attr)
    for _, tree in found:
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)) if tree is not None else ():
            getter = setter = False
            for node in cls.body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == attr:
                    for d in node.decorator_list:
                        if isinstance(d, ast.Name) and d.id == "property":
                            getter = True
                        elif isinstance(d, ast.Attribute) and d.attr == "setter":
                            setter = True  # (a deleter alone leaves it read-only)
            if getter and not setter:
                out.add(cls.name)
    return out


def _named_tuple_classes(tree: Optional[ast.AST], attr: str) -> Set[str]:
    """Classes of ``tree`` that are named tuples with a field ``attr``: ``class URL(namedtuple("URL", [...]))``,
    ``URL = namedtuple("URL", "a b")`` (any ``*.namedtuple``) or ``class URL(NamedTuple)`` annotating it."""
    out: Set[str] = set()

    def fields_of(call: ast.AST) -> Optional[List[str]]:
        if not (isinstance(call, ast.Call) and len(call.args) >= 2
                and (getattr(call.func, "id", None) or getattr(call.func, "attr", None)) == "namedtuple"):
            return None
        spec = call.args[1]
        if isinstance(spec, ast.Constant) and isinstance(spec.value, str):
            return spec.value.replace(",", " ").split()
        if isinstance(spec, (ast.List, ast.Tuple)):
            return [e.value for e in spec.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        return None

    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.ClassDef):
            if any(attr in (fields_of(b) or ()) for b in node.bases):
                out.add(node.name)
            elif any((getattr(b, "id", None) or getattr(b, "attr", None)) == "NamedTuple" for b in node.bases) \
                    and any(isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name) and st.target.id == attr
                            for st in node.body):
                out.add(node.name)  # class URL(NamedTuple): database: str
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if attr in (fields_of(node.value) or ()):
                out.add(node.targets[0].id)
    return out


def _read_only_in(ctx: Context, dist: str, version: str, attr: str) -> Optional[bool]:
    """Whether a class of the release defines ``attr`` as a ``@property`` with no setter; None: unreadable."""
    classes = _read_only_classes(ctx, dist, version, attr)
    return None if classes is None else bool(classes)


_MODULE_LACKS = re.compile(r"module '([A-Za-z_][\w.]{0,200})' has no attribute '([^'\n]{1,200})'")


def _bad_all_entry(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """A star import failed on a name the module's own ``__all__`` lists but no identifier could be
    (or one two strings with no comma between them make).

    getsentry/sentry-python#4139: sentry-sdk 2.23.0 put ``"_experimental_logger.py"`` in
    ``sentry_sdk.__all__``; ``from sentry_sdk import *`` fails with "module 'sentry_sdk' has no
    attribute '_experimental_logger.py'".  The pin's nearest releases whose ``__all__`` does not
    list it are the ways out: its own release broke it (direct).
    """
    m = _MODULE_LACKS.search(sig.message or "")
    if not m or ctx.probe is None:
        return None
    module, entry = m.group(1), m.group(2)
    owner = module_owner(module, ctx)
    pin = ctx.pinned(owner) if owner else None
    if pin is None or not pin.version or ctx.is_keep(pin.name):
        return None
    def lists(v: str) -> Optional[bool]:
        text = _module_text(ctx, pin.name, v, module)
        return None if text is None else _all_lists(text, entry)

    if not lists(pin.version):
        return None
    if entry.isidentifier() and not _joined_by_missing_comma(_module_text(ctx, pin.name, pin.version, module) or "", entry):
        # An identifier entry is a bad one only when two adjacent strings make it: flask-restplus
        # 0.10.0's ``'SchemaModel'`` ``'abort'`` with no comma between lists 'SchemaModelabort'.
        return None
    ways = _nearest_both_ways(ctx, pin, lambda v: lists(v) is False)
    if ways is None:
        return None
    where = f"{pin.name}=={pin.version}'s {module}.__all__ lists {entry!r}, which no module can bind"
    out = _both_ways(pin, where, ways[1], "does not list it", ways[0], "did not list it")
    if not out:
        return None
    ctx.callee = ctx.party(pin.name)
    return done("direct", sig.family, where, out)


def _joined_by_missing_comma(text: str, entry: str) -> bool:
    """Whether ``__all__``'s entry ``entry`` is written as several adjacent string literals (a missing comma).

    Read from the syntax tree: the element's own source holds two or more string tokens
    (prefixes, comments and blank lines between them as Python allows).
    """
    import io
    import tokenize

    try:
        tree = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
        if not any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            continue
        value = getattr(node, "value", None)
        for elt in getattr(value, "elts", None) or ():
            if not (isinstance(elt, ast.Constant) and elt.value == entry):
                continue
            segment = ast.get_source_segment(text, elt) or ""
            try:
                strings = [t for t in tokenize.generate_tokens(io.StringIO(segment).readline) if t.type == tokenize.STRING]
            except (tokenize.TokenError, SyntaxError, IndentationError):
                continue
            if len(strings) >= 2:
                return True
    return False


def _all_lists(text: str, entry: str) -> Optional[bool]:
    """Whether the module's literal ``__all__`` lists ``entry``; None when it cannot be read or is built
    any other way (``+=``, ``.append``, a call, set inside a block)."""
    from .star_import import literal_all

    try:
        tree = parse_quietly(text)
    except (SyntaxError, ValueError):
        return None
    readable, listed = literal_all(tree)
    return (entry in listed if listed is not None else False) if readable else None


_INT_LITERAL = re.compile(r"invalid literal for int\(\) with base 10: '([^'\s]{1,40})'")
MAX_VERSION_FILES = 40  # modules of a caller's release read for the parse of another pin's version


def _version_parsed(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """``int()`` refused a segment of a pin's own version: a caller parses that version by hand.

    cookiecutter-flask#38: Flask-Migrate 1.3.0 does ``tuple([int(v) for v in
    __alembic_version__.split('.')])`` and alembic 0.7.5.post2's version has a ``post2``
    segment ("invalid literal for int() with base 10: 'post2'"); 1.3.1 keeps the first three
    parts only.  The pin whose version has that segment is known from the set; its dependants'
    modules that read its ``__version__`` and call ``int(`` on a split line are the parsers,
    each with its first later release that changed that line.  Moving the versioned pin to its
    nearest release with a plain numeric version is a weaker alternative.
    """
    from . import users
    from .probe import ReleaseTree

    m = _INT_LITERAL.search(sig.message or "")
    if not m or not sig.exc_type.endswith("ValueError") or ctx.probe is None or m.group(1).isdigit():
        return None
    segment = m.group(1)
    owners = [p for p in ctx.pins if p.active and p.version and segment in p.version.split(".")]
    if len(owners) != 1:
        return None
    owner = owners[0]
    tops = sorted(_pin_tops(ctx, owner)) or [owner.key.replace("-", "_")]
    out: List[Culprit] = []
    callers = users.dependants(ctx, owner.key)
    framed = [p for p in (_frame_party(fr, ctx) for fr in ctx.crash.final.frames) if p is not None and p.kind == "dist"]
    if framed:
        # a printed frame says whose code parsed it: the innermost pin frame other than the owner
        inner = next((p for p in reversed(framed) if p.key != owner.key), None)
        callers = [c for c in callers if inner is not None and c.key == inner.key]
    for caller in callers:
        try:
            tree = ReleaseTree(ctx.probe, caller.name, caller.version)
            paths = [p for p in tree.paths() if p.endswith(".py") and "/tests/" not in f"/{p}"][:MAX_VERSION_FILES]
            tree.prefetch(paths)
        except Exception:
            continue
        for path in paths:
            try:
                text = tree.read(path) or ""
            except Exception:
                continue
            if "__version__" not in text:
                continue
            names = _version_names(text, tops)
            if not names:
                continue
            line = next((l.strip() for l in text.splitlines() if "int(" in l and ".split(" in l
                         and any(re.search(rf"(?<![\w.]){re.escape(n)}\b", l) for n in names)), None)
            if line is None:
                continue

            def changed(v: str, path=path, line=line) -> Any:
                try:
                    later = ReleaseTree(ctx.probe, caller.name, v).read(path)
                except Exception:
                    return None
                return later is not None and all(l.strip() != line for l in later.splitlines())

            adapted, _ = users.first_where(ctx, caller.name, caller.version, None, changed)
            if adapted is None:
                break
            ev = (f"{owner.name}=={owner.version} has a {segment!r} part in its version, which int() refused; "
                  f"{caller.name}=={caller.version} parses {owner.name}'s version by hand (`{line[:100]}`, {path}); "
                  f"{caller.name} {adapted} changed that line (read from release files)")
            out.append(Culprit(caller.name, f">={adapted}", CONF_TIME, [ev], "release-files"))
            break
    if not out:
        return None
    plain = _nearest_plain_release(ctx, owner)
    if plain:
        out.append(Culprit(owner.name, plain, CONF_GUESS, [f"{owner.name}{plain} has a plain numeric version that a "
                                                           f"hand-made parse reads"], "release-files"))
    ctx.callee = ctx.party(owner.name)
    return done("transitive", sig.family, out[0].evidence[0], out)


def _version_names(text: str, tops: List[str]) -> List[str]:
    """Spellings a module uses for another package's version: ``pkg.__version__``, and names bound to it
    (``from alembic import __version__ as __alembic_version__``, ``v = alembic.__version__``)."""
    names: List[str] = []
    for top in tops:
        t = re.escape(top)
        names.append(f"{top}.__version__")
        for m in re.finditer(rf"from[ \t]+{t}[ \t]+import[ \t]+__version__(?:[ \t]+as[ \t]+(\w+))?", text):
            names.append(m.group(1) or "__version__")
        for m in re.finditer(rf"^[ \t]*(\w+)[ \t]*=[ \t]*{t}\.__version__\b", text, re.M):
            names.append(m.group(1))
    return names if any(f"{top}.__version__" in text or len(names) > len(tops) for top in tops) else []


def _nearest_plain_release(ctx: Context, pin: Any) -> Optional[str]:
    """``>=X`` (or ``<=X``) for the pin's nearest release of its minor series whose version is only numbers."""
    try:
        cur = Version(pin.version)
        plain = sorted(v for v in (Version(x) for x in ctx.probe.versions(pin.name) if _plain_version(x))
                       if re.fullmatch(r"\d+(?:\.\d+)*", str(v)) and v.release[:2] == cur.release[:2])
    except Exception:
        return None
    above = [v for v in plain if v > cur]
    below = [v for v in plain if v < cur]
    return f">={above[0]}" if above else (f"<={below[-1]}" if below else None)


# Errors a line of plain code raises by itself; a line that raises or asserts on purpose is a refusal.
_SLIP_ERRORS = ("KeyError", "IndexError", "TypeError", "UnboundLocalError", "ZeroDivisionError")
# ... and CPython's ValueError of an unpacking that got another count.
_UNPACK_COUNT = re.compile(r"(?:too many|not enough) values to unpack \(expected \d+")
MAX_NEW_LINE_RELEASES = 3  # earlier releases read back for the one before the failing line came


def _line_came(ctx: Context, pin: Any, rel: str, function: str, line: str, bisect: bool = False,
               left: bool = False, new_function: bool = False) -> Optional[Tuple[Optional[str], Optional[str]]]:
    """(last release before the line came, first later release without it) within the pin's major; None: no sign.

    The pinned release's ``rel`` must hold ``line``; an earlier one among the nearest
    few must define ``function`` there without it (the line is new).  ``bisect``: the
    nearest such release among the pin's ``users.MAX_RELEASES`` earlier ones, found by
    galloping back and halving (the line, once come, stays); the caller bounds its age.
    ``left``: an old line counts too when a later release of the pinned minor series
    dropped its whole function, from every module it ships (``(None, forward)``: a
    reworded line may only have moved the same failure).  ``new_function``: the release
    just before defining the function nowhere also counts as "before the line came" (only
    for a caller that predates the function; for the project calling it, going back takes
    the function away).  Read, never run.
    """
    from . import users
    from .probe import ReleaseTree

    # a module-level line ("<module>") is held by the module itself
    holder = re.compile(r"") if function == "<module>" else \
        re.compile(rf"^[ \t]*(?:async[ \t]+)?def[ \t]+{re.escape(function)}\b", re.M)
    gone: Dict[str, bool] = {}

    def state(v: str) -> Optional[bool]:
        """True: the function is there without the line; False: the line is there; None: cannot tell."""
        try:
            tree = ReleaseTree(ctx.probe, pin.name, v)
            if rel not in tree.paths():
                return None
            text = tree.read(rel) or ""
        except Exception:
            return None
        if any(_same_code(l, line) for l in text.splitlines()):
            return False
        if holder.search(text):
            return True
        if new_function and function != "<module>" and v == previous:
            # the module is there and no module of the release just before defines the function at
            # all: the function came with the pinned release, its line with it (joblib 0.12.0's new
            # deprecated ``cachedir`` property, read by librosa 0.6.1 on import).  Only the release
            # just before: a function older than that (requests' VendorAlias hook) is no sign.
            found = users.modules_mentioning(ctx.probe, pin.name, v, f"def {function}")
            return True if found is not None and not found else None
        # the file is read and its function is not there: gone from the release, when no module has it
        if left and function != "<module>" and Version(v) > Version(pin.version):
            found = users.modules_mentioning(ctx.probe, pin.name, v, f"def {function}")
            gone[v] = found is not None and not found  # (None: too big to read whole, which proves nothing)
        return None

    pinned = Version(pin.version)
    finals = [v for v in _final_versions(ctx, pin.name) or () if v.release[:1] == pinned.release[:1]]
    previous = next((str(v) for v in reversed(finals) if v < pinned), None)
    if state(pin.version) is not False:
        return None  # the pinned release's file does not hold the shown line: another release ran
    back = forward = None
    if bisect:
        back = users.last_where_before(ctx.probe, pin.name, pin.version, lambda v: state(v) is True)
        return (back, None) if back else None
    for v in [v for v in reversed(finals) if v < pinned][:MAX_NEW_LINE_RELEASES]:
        got = state(str(v))
        if got is None:
            break
        if got:
            back = str(v)
            break
    if back is None and not left:
        return None  # the line is older than the last few releases: no sign it is what changed
    for v in [v for v in finals if v > pinned and (back or v.release[:2] == pinned.release[:2])][:MAX_NEW_LINE_RELEASES]:
        got = state(str(v))
        if back is None:
            got = True if gone.get(str(v)) else None if got is None else False if got else got
            # (an old line: only its whole function gone from the release counts; a reworded line does not)
        if got:
            forward = str(v)
            break
        if got is None:
            break
    if back is None and forward is None:
        return None
    return back, forward


def _new_function_under_older_caller(ctx: Context, pin: Any, back: str, function: str, caller: Any) -> bool:
    """Whether ``back`` defines ``function`` nowhere and the calling pin's release is older than the pinned one.

    librosa 0.6.1 (May 2018) reads ``memory.cachedir``, a plain attribute then; joblib 0.12.0
    (June 2018) made it a new deprecated property whose warning fails on Python 2.  The
    caller's code predates the callee's new function, so the caller is not what changed.
    """
    from . import users

    if function in ("", "<module>") or caller is None or caller.kind != "dist" or not caller.version:
        return False
    try:
        found = users.modules_mentioning(ctx.probe, pin.name, back, f"def {function}")
        if found is None or found:
            return False
        said = timeline.upload_time(ctx.index, caller.name, caller.version)
        built = timeline.upload_time(ctx.index, pin.name, pin.version)
    except Exception:
        return False
    return said is not None and built is not None and said < built


def _file_lacks_line(ctx: Context, dist: str, version: str, rel: str, line: str) -> bool:
    """Whether the release ships ``rel`` and no line of it is ``line`` (whitespace and a trailing comment aside)."""
    from .probe import ReleaseTree

    tree = ReleaseTree(ctx.probe, dist, version)
    if rel not in tree.paths():
        return False
    code = _without_comment(line)
    return not any(_same_code(_without_comment(l), code) for l in (tree.read(rel) or "").splitlines())


def _without_comment(line: str) -> str:
    """A line of code without its trailing ``# ...`` comment (a '#' inside a string is kept)."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            return line[:i].rstrip()
    return line


def _new_own_line(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """The failing line is a pin's own, new in its last few releases, and the project calls into it: the way back.

    mhallsmoore/qstrader#347: matplotlib 3.3.3 rewrote ``Axis.grid`` to read
    ``self._major_tick_kw['gridOn']`` and fails with ``KeyError: 'gridOn'`` where the
    project calls ``ax.xaxis.grid(linestyle=':')``; 3.3.2 did not have the line.  Only plain
    slips (a key, an index, a type, an unbound local) on a line that neither raises nor
    asserts, only within the pin's major, and the nearest later release that dropped the
    line is the other way out.  Guessed from code history alone: ranked as a guess.
    """
    from .adapted import frame_relpath

    frames = ctx.crash.final.frames
    short = sig.exc_type.rsplit(".", 1)[-1]
    unpack = short == "ValueError" and _UNPACK_COUNT.match(sig.message or "") is not None
    slip = short in _SLIP_ERRORS or unpack or short == "ValueError"
    if not slip or ctx.probe is None or len(frames) < 2:
        return None
    k = len(frames) - 1
    if short == "TypeError":
        # the standard library refused what the pin's line handed it (ctypes' LoadLibrary(u"Shcore.dll")
        # on 2.7.13, pywinauto 0.6.0): that line is the pin's own
        while k > 0 and frames[k].owner == "stdlib":
            k -= 1
    refused = k < len(frames) - 1
    last = frames[k]
    line = (last.source or "").strip()
    party = _frame_party(last, ctx)
    # the first frame outside the pin calls in (requests' own __init__ runs its import hook)
    while k > 0 and party is not None and _frame_party(frames[k - 1], ctx) == party:
        k -= 1
    outer = _frame_party(frames[k - 1], ctx) if k > 0 else None
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    rel = frame_relpath(last)
    if pin is None or not pin.version or ctx.is_keep(pin.name) or not rel or len(line) < 8 \
            or re.match(r"(?:raise|assert)\b", line) or outer is None or outer.kind not in ("project", "dist") \
            or outer == party or not ((last.function or "").isidentifier() or last.function == "<module>"):
        return None
    # (a builtin's ValueError on a plain line, as __import__('') in requests 2.6.0's import hook, is
    # read only from the project's calls, and an old line only when a patch of its series dropped it)
    plain_value_error = short == "ValueError" and not unpack
    if plain_value_error and outer.kind != "project":
        return None
    if refused:
        # what the pin hands the standard library may have been refused only by a later Python (2.7.13's
        # ctypes), so the line's age says little: the release before it came, and the first that reworded it
        came = _line_came(ctx, pin, rel, last.function, line, bisect=True)
        if not came:
            return None  # the line is as old as the releases read: a later Python or the value handed in changed
        try:
            later = _first_later(ctx, pin.name, pin.version, lambda v: _file_lacks_line(ctx, pin.name, v, rel, line))
        except Exception:
            later = None
        came = (came[0], later)
    else:
        came = _line_came(ctx, pin, rel, last.function, line, left=outer.kind == "project",
                          new_function=outer.kind == "dist")
    if came is None:
        return None
    back, forward = came
    if plain_value_error and back is not None:
        return None  # a new line's ValueError may be a check of the project's input: only a dropped old line counts
    under_caller = False
    if outer.kind != "project" and (forward is None or back is None):
        # Another pin called in (torch's optimizer wrapper calling schedulefree's step): that caller
        # may be what changed, so only a line the pin itself dropped again reads as its regression,
        # or a function wholly new under a caller released before it (the callee moved under it).
        under_caller = back is not None and _new_function_under_older_caller(ctx, pin, back, last.function, outer)
        if not under_caller:
            return None
    who = "the project" if outer.kind == "project" else outer.name
    where = (f"{pin.name}=={pin.version}'s own line hands the standard library a value it refuses ({rel}: {line[:80]})"
             if refused else f"{pin.name}=={pin.version}'s own line fails where {who} calls it ({rel}: {line[:80]})")
    out = [Culprit(pin.name, f"<={back}", CONF_GUESS, [f"{where}; {pin.name} {back} did not have that line yet"],
                   "release-files")] if back else []
    if forward is not None:
        out.append(Culprit(pin.name, f">={forward}", CONF_GUESS, [f"{where}; {pin.name} {forward} no longer has it"],
                           "release-files"))
    ctx.callee = ctx.party(pin.name)
    return done("transitive" if under_caller else "direct", sig.family,
                f"{where}: {out[0].evidence[0].split('; ', 1)[1]}", out)


_OBJECT_INIT = re.compile(r"object\.__init__\(\) takes (?:exactly one argument|no parameters|no arguments)")


def _base_init_dropped(ctx: Context) -> List[Culprit]:
    """"object.__init__() takes exactly one argument" at a pin's ``super().__init__(...)``: another pin's base lost it.

    sanic-org/sanic-ext (Sanic-CORS 2.0.1): ``class CORS(Extension)`` calls
    ``super(CORS, self).__init__(app, config)``; sanic-ext 22.6 dropped ``Extension.__init__``, so the
    call reached ``object.__init__``.  The failing line's class is read in the pin's file, each base
    followed to the module its ``from X import Base`` names, and the pin owning that module is asked
    whether its pinned release's class defines ``__init__``: the one that does not, while an earlier
    release did, goes back to the newest such release (or forward to one that has it again).
    """
    from . import users
    from .adapted import frame_relpath

    final = ctx.crash.final
    if ctx.probe is None or final.type.rsplit(".", 1)[-1] != "TypeError" \
            or not _OBJECT_INIT.match((final.message or "").strip()) or not final.frames:
        return []
    fr = final.frames[-1]
    if not re.search(r"\bsuper\((?:[^()]|\([^()]*\))*\)\s*\.\s*__init__\(\s*[^)\s]", fr.source or ""):
        return []  # only a super().__init__ call handing arguments on
    call = next((n for n in ast.walk(_parse_or_none((fr.source or "").strip()) or ast.Module(body=[], type_ignores=[]))
                 if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "__init__"), None)
    if call is None:
        return []
    given = len(call.args)
    words = [k.arg for k in call.keywords if k.arg]
    starred = any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)
    party = _frame_party(fr, ctx)
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    rel = frame_relpath(fr)
    if pin is None or not pin.version or not rel:
        return []
    tree = _parse_or_none(_module_text_at(ctx, pin.name, pin.version, rel))
    if tree is None or not fr.line:
        return []
    holders = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)
               and n.lineno <= fr.line <= (getattr(n, "end_lineno", None) or n.lineno)]
    if not holders:
        return []
    cls = max(holders, key=lambda n: n.lineno)
    imported: Dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for a in node.names:
                imported.setdefault(a.asname or a.name, f"{node.module}.{a.name}")
    for base in cls.bases:
        name = base.id if isinstance(base, ast.Name) else ""
        dotted = imported.get(name, "")
        module, _, bname = dotted.rpartition(".")
        owner = module_owner(module, ctx) if module else None
        home = ctx.pinned(owner) if owner else None
        if home is None or not home.version or home.key == pin.key or ctx.is_keep(home.name):
            continue
        candidates = [module.replace(".", "/") + ".py", module.replace(".", "/") + "/__init__.py"]

        def has_init(v: str, home: Any = home, bname: str = bname, candidates: List[str] = candidates) -> Optional[bool]:
            for path in candidates:
                t = _parse_or_none(_module_text_at(ctx, home.name, v, path))
                for n in ast.walk(t) if t is not None else ():
                    if isinstance(n, ast.ClassDef) and n.name == bname:
                        init = next((m for m in n.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))
                                     and m.name == "__init__"), None)
                        return init is not None and _takes_call(init.args, given, words, starred)
            return None

        if has_init(home.version) is not False:
            continue
        try:
            back = users.last_where_before(ctx.probe, home.name, home.version, lambda v: has_init(v) is True)
            forward = _first_later(ctx, home.name, home.version, lambda v: has_init(v) is True)
        except Exception:
            continue
        where = (f"{pin.name}=={pin.version}'s {cls.name} calls super().__init__(...) with arguments, and its base "
                 f"{bname} in {home.name}=={home.version} defines no __init__, so object.__init__ refuses them")
        out = _both_ways(home, where, forward, f"{bname} defines __init__ again", back, f"{bname} defines __init__",
                         possessive=True)
        if out:
            return _claimed(ctx, home.name, where, out)
    return []


_OWN_ATTRIBUTE = re.compile(r"'([A-Za-z_]\w{0,100})' object has no attribute '([A-Za-z_]\w{0,100})'"
                            r"(?:\. Did you mean: '?[\w.]{0,100}'?\?)?")


def _own_class_lacks(ctx: Context) -> List[Culprit]:
    """A pin's method reads ``self.X``, and its own class binds X nowhere: the release's own slip.

    Pylons/waitress#331: waitress 2.0.0b0's ``MultiSocketServer.print_listen`` calls
    ``self.log_info(...)``, but that class (unlike the asyncore dispatchers it used to be)
    defines no ``log_info``; 2.0.0b1 gave it one.  Only when the failing frame is a method of
    the class the message names, in the pin's own file, whose line reads ``self.X``, and the
    class and its bases in that file are all read (a base from elsewhere may bind it).  The
    moves are the nearest releases whose class binds X, or whose method no longer reads it.
    """
    from . import users
    from .adapted import frame_relpath

    final = ctx.crash.final
    m = _OWN_ATTRIBUTE.fullmatch((final.message or "").strip())
    if ctx.probe is None or final.type.rsplit(".", 1)[-1] != "AttributeError" or not m or not final.frames:
        return []
    cls, name = m.group(1), m.group(2)
    fr = final.frames[-1]
    function = fr.function or ""
    if not re.search(rf"\bself\.{re.escape(name)}\b", fr.source or "") or not function.isidentifier() \
            or name.startswith("__"):
        return []
    party = _frame_party(fr, ctx)
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    rel = frame_relpath(fr)
    if pin is None or not pin.version or ctx.is_keep(pin.name) or not rel:
        return []

    def state(v: str) -> Optional[bool]:
        """True: the class binds the name (or its method no longer reads it); False: it reads it unbound."""
        tree = _parse_or_none(_module_text_at(ctx, pin.name, v, rel))
        classes = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)} if tree is not None else {}
        node = classes.get(cls)
        if node is None:
            return None
        method = next((n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                       and n.name == function), None)
        if method is None:
            return None
        if not any(isinstance(n, ast.Attribute) and n.attr == name and isinstance(n.value, ast.Name)
                   and n.value.id == "self" for n in ast.walk(method)):
            return True
        imported = {a.asname or a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
                    for a in n.names}
        todo, seen = [node], set()
        while todo:
            c = todo.pop()
            if c.name in seen:
                continue
            seen.add(c.name)
            if _class_sets(tree, c.name, name):
                return True
            if any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "setattr" for n in ast.walk(c)) \
                    or any(isinstance(n, ast.Attribute) and n.attr == "__dict__" for n in ast.walk(c)) \
                    or any(isinstance(m, ast.FunctionDef) and m.name in ("__getattr__", "__getattribute__") for m in c.body):
                return None  # it binds names it does not spell (setattr from keywords, __dict__, __getattr__)
            for b in c.bases:
                if isinstance(b, ast.Name) and b.id == "object":
                    continue
                if isinstance(b, ast.Name) and b.id in classes and b.id not in imported and b.id != c.name:
                    todo.append(classes[b.id])
                    continue
                return None  # a base from elsewhere may bind it (one imported under the class's own name too)
            if any(k.arg == "metaclass" for k in c.keywords):
                return None
        return False

    if state(pin.version) is not False:
        return []
    try:
        from .undefined import first_fixed

        forward = first_fixed(ctx, pin, lambda v: state(v) is True)
        back = users.last_where_before(ctx.probe, pin.name, pin.version, lambda v: state(v) is True)
    except Exception:
        return []
    where = (f"{pin.name}=={pin.version}'s {cls}.{function}() reads self.{name}, which {cls} and its bases in "
             f"{rel} never bind")
    return _claimed(ctx, pin.name, where, _both_ways(pin, where, forward, f"{cls} binds it (or no longer reads it)",
                                                    back, f"{cls} bound it", conf=CONF_GUESS))


def _takes_call(args: ast.arguments, given: int, words: List[str], starred: bool) -> bool:
    """Whether a method with ``args`` (self first) accepts ``given`` positional arguments and keywords ``words``."""
    positional = [a.arg for a in args.posonlyargs + args.args][1:]
    if starred:
        return bool(args.vararg or args.kwarg or positional)
    if given > len(positional) and not args.vararg:
        return False
    named = set(positional[given:]) | {a.arg for a in args.kwonlyargs}
    return all(w in named for w in words) or bool(args.kwarg)


def _class_sets(tree: Optional[ast.Module], cls: str, name: str) -> bool:
    """Whether class ``cls`` in ``tree`` binds ``name``: a class attribute, a method, or ``self.name = ...``."""
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.ClassDef) and node.name == cls:
            for stmt in node.body:
                if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    if stmt.name == name:
                        return True
                    continue
                # a class-level binding ("log_info = ...", "x: int = 0"), never a method's local
                if any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in ast.walk(stmt)):
                    return True
            for n in ast.walk(node):
                if isinstance(n, ast.Attribute) and n.attr == name and isinstance(n.ctx, ast.Store) \
                        and isinstance(n.value, ast.Name) and n.value.id == "self":
                    return True
    return False


def _claimed(ctx: Context, dist: str, where: str, out: List[Culprit]) -> List[Culprit]:
    """A reading's moves, with its finding recorded as evidence and ``dist`` as the callee (when it moved anything)."""
    if out:
        ctx.evidence.append(where)
        ctx.callee = ctx.party(dist)
    return out


MAX_CALL_KEYWORDS = 3  # keywords of the failing call asked about, each one probe range


def _called_keywords(source: str, name: str) -> List[str]:
    """The keywords the printed line passes to its call of ``name`` (``x.name(k=...)``); [] when none or unsure.

    A ``**kwargs`` in the call hides which keywords arrive, so it gives nothing to ask.
    """
    tree = _parse_or_none((source or "").strip())
    for node in ast.walk(tree) if tree is not None else ():
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if called != name:
            continue
        if any(k.arg is None for k in node.keywords):
            return []
        return [k.arg for k in node.keywords if k.arg][:MAX_CALL_KEYWORDS]
    return []


def _accepting_the_call(ctx: Context, callee: Any, module: str, name: str, present: str) -> Tuple[str, str]:
    """Narrow the releases that have ``module.name`` to those whose ``name`` takes the failing call's keywords.

    encode/httpcore 1.0.3 calls ``anyio.CancelScope(shield=True)``; anyio 2.2.0 has no
    CancelScope, and anyio 1.4.0's is the abstract base of anyio.abc, which takes no
    arguments: the name's presence alone would send anyio back to a release where the
    same line fails at once.  Each keyword (up to three) is asked over the releases; a
    candidate range (all keywords' ranges together, else each one's) counts when its
    nearest release takes every keyword, and only when the nearest release it leaves out
    refuses one for certain: a keyword the probe cannot read there (a compiled base, a
    generated constructor) leaves the presence range as it was.  Returns (range, why).
    """
    from .probe import NO, YES, Question

    frames = ctx.crash.root.frames
    words = _called_keywords(frames[-1].source or "", name) if frames and ctx.probe is not None else []
    if not words:
        return present, ""
    finals = _final_versions(ctx, callee.name) or []
    try:
        having = SpecifierSet(present)
        pinned = Version(callee.version)
    except (InvalidSpecifier, InvalidVersion):
        return present, ""
    # the final releases, nearest to the pin first (by their distance in the list of releases)
    rank = next((i for i, v in enumerate(finals) if v >= pinned), len(finals))
    near = [v for _, v in sorted((abs(i - rank), v) for i, v in enumerate(finals))]
    with_name = [v for v in near if having.contains(v)]
    if not with_name:
        return present, ""

    def takes(v: Version, word: str) -> Any:
        try:
            return ctx.probe.ask(callee.name, str(v), Question(module, name=name, parameter=word)).value
        except Exception:
            return None

    ranges = []
    for word in words:
        accepting = probe_range(ctx, callee.name, module, name, parameter=word)
        if accepting and excludes(accepting, callee.version):
            try:
                ranges.append(SpecifierSet(accepting))
            except InvalidSpecifier:
                continue
    if not ranges:
        return present, ""
    together = ranges[0]
    for r in ranges[1:]:
        together &= r
    for candidate in [together] + ranges:
        # (a keyword's range says the name is there too: it may lie on the other side of the pin)
        inside = [v for v in near if candidate.contains(v) and v != pinned]
        if not inside or not all(takes(inside[0], w) == YES for w in words):
            continue
        left = next((v for v in with_name if not candidate.contains(v)), None)
        refused = [w for w in words if left is not None and takes(left, w) == NO]
        if left is None or not refused:
            return present, ""  # the releases left out are not known to refuse: no narrowing on a guess
        why = (f"{callee.name} {left}'s {name} refuses the keyword {refused[0]!r} the failing line passes "
               f"(read from release files)")
        ctx.evidence.append(why)
        return str(candidate), why
    return present, ""


def _parse_or_none(text: str) -> Optional[ast.Module]:
    try:
        return ast.parse(text) if text else None
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _post_release_rebuild(ctx: Context) -> List[Culprit]:
    """The pin's own import fails, and its version was released again as a post-release: the rebuild.

    PyMySQL/mysqlclient-python#352: mysqlclient 1.4.2's Windows wheels shipped a stale ``_mysql``
    extension, so ``import MySQLdb`` raised "this is MySQLdb version (1, 4, 2, ...), but _mysql is
    version (1, 4, 1, ...)"; 1.4.2.post1 re-released the same code, rebuilt.  A post-release exists
    to fix a release's packaging, not its code: when nothing else explains a failure inside the
    pin's own module while it is imported (its ``<module>`` frame is in the stack), the nearest
    post-release of the pinned version is the move.  Ranked as a guess.
    """
    frames = ctx.crash.final.frames
    party = _frame_party(frames[-1], ctx) if frames else None
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    if pin is None or not pin.version or ctx.is_keep(pin.name) or ctx.probe is None \
            or not any(fr.function == "<module>" and _frame_party(fr, ctx) == party
                       and not (fr.file or "").replace("\\", "/").endswith("/__main__.py") for fr in frames):
        return []  # (a package's __main__ is the program running, not the package being imported)
    try:
        pinned = Version(pin.version)
        if pinned.is_prerelease or pinned.is_devrelease or pinned.local:
            return []  # a post-release re-releases a final version, not a pre-release or a local build
        from .probe import ReleaseTree

        if not any(p.endswith(_COMPILED_SUFFIXES) and not re.search(r"(?:^|/)(?:tests?|testing|docs?|examples?)/", p)
                   for p in ReleaseTree(ctx.probe, pin.name, pin.version).paths()):
            return []  # nothing compiled (or compiled from sources the sdist ships): a rebuild ships the same failure
        posts = sorted(v for v in (Version(x) for x in ctx.probe.versions(pin.name) if _plain_version(x))
                       if v.is_postrelease and v.release == pinned.release and v > pinned and not v.is_devrelease)
    except Exception:
        return []
    if not posts:
        return []
    return [Culprit(pin.name, f"=={posts[0]}", CONF_GUESS, [
        f"{pin.name}=={pin.version}'s own import fails, and {pin.name} {posts[0]} re-released the same version "
        f"(a post-release fixes a release's packaging, not its code)"], "release-list")]


_SIGNATURE_REFUSAL = re.compile(r"((?:[A-Za-z_]\w{0,100}\.){0,3}[A-Za-z_]\w{0,100})\(\) (?:missing \d+ required (?:positional|keyword-only) argument"
                                r"|takes (?:from )?\d+ (?:to \d+ )?positional arguments? but \d+ (?:was|were) given"
                                r"|got an unexpected keyword argument)")


def _own_import_slip(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """A pin's import runs (a class body, the module) into its own function refusing the arguments: the release's slip.

    empicano/aiomqtt#102: asyncio-mqtt 0.12.0 defines ``_outgoing_call(self, func)`` as a method of
    ``Client`` and applies it as ``@_outgoing_call`` in the same class body, so ``import
    asyncio_mqtt`` dies with "_outgoing_call() missing 1 required positional argument: 'func'";
    0.12.1 made it a module-level decorator ``_outgoing_call(method)``.  Only when the failing
    frame runs at import (``<module>`` or a class body of that file) and the refusing function is
    defined in that very file: no other pin is involved, every user of the release fails the same
    way.  The moves are the nearest releases whose file defines the function otherwise (another
    signature) or not at all.  Read from release files, never run; ranked as a guess.
    """
    from . import users
    from .adapted import frame_relpath
    from .probe import ReleaseTree

    final = ctx.crash.final
    m = _SIGNATURE_REFUSAL.match((final.message or "").strip())
    if ctx.probe is None or final.type.rsplit(".", 1)[-1] != "TypeError" or not m or not final.frames:
        return []
    # Python 3.10+ names the function by its qualified name ("Client._outgoing_call()"); 3.9 and
    # older by its bare name, and a bare dunder ("__init__()") could be any class's, the standard
    # library's too (logging.Formatter(defaults=...) on 3.9): only a qualified one is read then.
    *owners, callee = m.group(1).split(".")
    owner = owners[-1] if owners else ""
    if callee.startswith("__") and not owner:
        return []
    fr = final.frames[-1]
    party = _frame_party(fr, ctx)
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    rel = frame_relpath(fr)
    where_fn = fr.function or ""
    if pin is None or not pin.version or ctx.is_keep(pin.name) or not rel or not rel.endswith(".py") \
            or not (where_fn == "<module>" or where_fn[:1].isupper()):
        return []

    def defs(version: str) -> Optional[List[str]]:
        """The argument lists of every ``def callee`` in the release's file; None: no such file."""
        try:
            tree = ReleaseTree(ctx.probe, pin.name, version)
            text = tree.read(rel) if rel in tree.paths() else None
            parsed = ast.parse(text) if text else None
        except Exception:
            return None
        if parsed is None:
            return None
        scopes = [n for n in ast.walk(parsed) if isinstance(n, ast.ClassDef) and n.name == owner] if owner else [parsed]
        return sorted(ast.dump(n.args) for scope in scopes for n in ast.walk(scope)
                      if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == callee)

    pinned = defs(pin.version)
    if not pinned:
        return []  # the refusing function is not this file's own
    try:
        body = ast.parse(ReleaseTree(ctx.probe, pin.name, pin.version).read(rel) or "")
    except Exception:
        return []
    if where_fn != "<module>" and not any(isinstance(n, ast.ClassDef) and n.name == where_fn for n in ast.walk(body)):
        return []  # a capitalised function, not a class body of this file

    def other(version: str) -> bool:
        found = defs(version)
        return found is not None and found != pinned

    try:
        from .undefined import first_fixed

        forward = first_fixed(ctx, pin, other)
        back = users.last_where_before(ctx.probe, pin.name, pin.version, other)
    except Exception:
        return []
    where = (f"{pin.name}=={pin.version}'s own import ({rel}, {where_fn}) calls {callee}(), which the same file "
             f"defines, with arguments it refuses")
    return _claimed(ctx, pin.name, where, _both_ways(pin, where, forward, f"file defines {callee}() otherwise", back,
                                                    f"file defines {callee}() otherwise", possessive=True, conf=CONF_GUESS))


MAX_PATH_LINES = 4  # outer lines of the failing path read back through their pins' releases
# Errors code raises by itself when what it is handed no longer fits (not the OS's or the user's).
_PATH_SLIPS = ("AttributeError", "TypeError", "KeyError", "IndexError", "ValueError", "UnboundLocalError",
               "NameError", "ZeroDivisionError")


def _new_line_on_path(ctx: Context) -> Optional[Tuple[str, str, List[Culprit]]]:
    """(verdict, summary, culprits): a line on the failing path is a pin's own and new in its pinned release.

    spulec/freezegun#68: freezegun 0.2.3's ``start()`` began comparing every module attribute
    with ``attribute_value == real_datetime``, which ran SQLAlchemy 0.9.8's ``PathRegistry.__eq__``
    on a class and failed inside SQLAlchemy with ``AttributeError: ... has no attribute 'path'``.
    SQLAlchemy's failing line is old; freezegun's calling line came in 0.2.3.  Only when nothing
    else explains the crash, only a frame that called further in (the failing frame itself is
    ``_new_own_line``'s), only a line among the pin's last few releases and within its major, and
    only where the failure happens inside a pin (an error in the project's own callback is the
    project's).  Read from release files, never run; ranked as a guess.
    """
    from .adapted import frame_relpath

    frames = ctx.crash.final.frames
    short = ctx.crash.final.type.rsplit(".", 1)[-1]
    if ctx.probe is None or len(frames) < 2 or short not in _PATH_SLIPS:
        return None  # an OS or interpreter error (a missing file, Ctrl-C) says nothing of a release
    inner = _frame_party(frames[-1], ctx)
    if inner is None or inner.kind != "dist":
        return None
    asked = 0
    for i in range(len(frames) - 2, -1, -1):
        fr = frames[i]
        party = _frame_party(fr, ctx)
        if party is not None and party.kind == "project":
            break  # the project made the failing call: a runner's or framework's line above it is not the change
        if party is None or party.kind != "dist":
            continue
        pin = ctx.pinned(party.name) if party.name else None
        line = (fr.source or "").strip()
        rel = frame_relpath(fr)
        if pin is None or not pin.version or ctx.is_keep(pin.name) or not rel or len(line) < 8 \
                or re.match(r"(?:raise|assert|return\s*$)\b", line) or not (fr.function or "").isidentifier():
            continue
        if asked >= MAX_PATH_LINES:
            break
        asked += 1
        came = _line_came(ctx, pin, rel, fr.function, line)
        if came is None or came[0] is None:
            continue
        back, forward = came
        k = i
        while k > 0 and _frame_party(frames[k - 1], ctx) == party:
            k -= 1
        outer = _frame_party(frames[k - 1], ctx) if k > 0 else None
        if outer is not None and outer.kind == "dist" and forward is None:
            # Another pin calls in: that caller may be what changed (as in _new_own_line), so only
            # a line the pin itself dropped again reads as its regression.
            continue
        verdict = "transitive" if outer is not None and outer.kind == "dist" else "direct"
        where = (f"{pin.name}=={pin.version}'s line `{line[:80]}` ({rel}, in {fr.function}) is on the failing path "
                 f"and new in its release: {pin.name} {back} did not have it yet")
        out = [Culprit(pin.name, f"<={back}", CONF_GUESS, [where], "release-files")]
        if forward is not None:
            out.append(Culprit(pin.name, f">={forward}", CONF_GUESS,
                               [f"{pin.name}=={pin.version}'s line `{line[:80]}` ({rel}) is on the failing path; "
                                f"{pin.name} {forward} no longer has it"], "release-files"))
        ctx.callee = ctx.party(pin.name)
        ctx.evidence.append(where + " (read from release files)")
        return verdict, where, out
    return None


def _module_text_at(ctx: Context, dist: str, version: str, rel: str) -> str:
    """The text of file ``rel`` in ``dist==version`` ('' when it cannot be read)."""
    from .probe import ReleaseTree

    try:
        return ReleaseTree(ctx.probe, dist, version).read(rel) or ""
    except Exception:
        return ""


def _mentions_call(text: str, function: str, callee: str) -> bool:
    """Whether ``function``'s body in ``text`` calls ``callee`` (by name, any receiver)."""
    from .pysource import parse_quietly

    for node in ast.walk(parse_quietly(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == function:
            for sub in ast.walk(node):
                if isinstance(sub, ast.Call):
                    f = sub.func
                    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
                    if name == callee:
                        return True
    return False


# An exception or message that says the API was retired on purpose, not that the input was bad.
_RETIRED = re.compile(r"deprecat|removed|no longer (?:supported|available)|not supported any ?more|discontinued", re.I)


def _new_refusal_path(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """The project calls a pin whose entry line, new in its last few releases, leads to the pin's own ``raise``.

    ruamel.yaml 0.18 made ``YAML``-less ``load()`` refuse: its ``load`` now calls
    ``error_deprecation('load', 'load', ...)``, which raises ``AttributeError``; 0.17.40
    had no such call and loaded with a warning.  The frame the project called holds a
    line the pin's previous releases did not have, and every frame from there down is
    that pin's, ending in a deliberate ``raise``: the pin refused on purpose, so the
    project's call is what its pinned library no longer supports (verdict ``project``),
    and the way out is the release before the line came.  Code history alone: a guess.
    """
    from .adapted import frame_relpath

    frames = ctx.crash.final.frames
    if ctx.probe is None or len(frames) < 2:
        return None
    last = frames[-1]
    party = _frame_party(last, ctx)
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    refused = re.match(r"(?:raise|assert)\b", (last.source or "").strip()) or sig.exc_type.rsplit(".", 1)[-1] == "AssertionError"
    if pin is None or not pin.version or ctx.is_keep(pin.name) or not refused:
        return None
    k = len(frames) - 1
    while k > 0 and _frame_party(frames[k - 1], ctx) == party:
        k -= 1
    outer = _frame_party(frames[k - 1], ctx) if k > 0 else None
    entry = frames[k]
    line, rel = (entry.source or "").strip(), frame_relpath(entry)
    # (the entry line may be the refusal itself: pandas-datareader 0.6.0's DataReader raises
    # ImmediateDeprecationError for Yahoo, a line 0.5.0 did not have)
    if outer is None or outer.kind != "project" or not rel or len(line) < 8 \
            or not (entry.function or "").isidentifier() \
            or re.match(r"(?:return|import|from)\b" if entry is last else r"(?:raise|assert|return|import|from)\b", line):
        return None
    if entry is last and not _RETIRED.search(f"{sig.exc_type} {sig.message}"):
        return None  # a new raise right where the project calls may check its input: only a retirement counts
    came = _line_came(ctx, pin, rel, entry.function, line, bisect=True)
    if came is None:
        return None
    back = came[0]
    pinned = Version(pin.version)
    finals = _final_versions(ctx, pin.name) or []
    first = next((v for v in finals if v > Version(back)), None)
    later_series = {v.release[:2] for v in finals if first is not None and first < v <= pinned}
    if first is None or len(later_series - {first.release[:2]}) > 1 or last.function and last.function != entry.function \
            and _mentions_call(_module_text_at(ctx, pin.name, back, rel), entry.function, last.function):
        # The line came with the pinned release's series or the one before it (ruamel.yaml 0.18.0
        # for 0.18.5; gym 0.24.1 for 0.25.1), and the entry function did not reach the refusing
        # one before it: an older change of the entry line is no sign the pin began refusing.
        return None
    where = (f"{pin.name}=={pin.version}'s {entry.function}() now runs into its own refusal (a raise or assert) "
             f"({rel}: {line[:80]}), a line {pin.name} {back} did not have")
    out = [Culprit(pin.name, f"<={back}", CONF_GUESS, [f"{where}; the project's call worked before it came"],
                   "release-files")]
    ctx.callee = ctx.party(pin.name)
    return done("project", sig.family, where, out)


def _same_code(a: str, b: str) -> bool:
    """Two lines of code alike but for spacing and quote style ('gridOn' and "gridOn")."""
    a, b = a.strip(), b.strip()
    if a == b:
        return True
    norm = lambda t: re.sub(r"\s+", "", t).replace('"', "'")  # noqa: E731
    return norm(a) == norm(b)


def _final_versions(ctx: Context, name: str) -> Optional[List[Version]]:
    """The package's final releases the probe lists, oldest first (odd version strings left out); None: no list."""
    try:
        return sorted(v for v in (Version(x) for x in ctx.probe.versions(name) if _plain_version(x))
                      if not v.is_prerelease and not v.is_devrelease)
    except Exception:
        return None


def _nearest_both_ways(ctx: Context, pin: Any, ok: Any, most: int = MAX_NEW_LINE_RELEASES
                       ) -> Optional[Tuple[Optional[str], Optional[str]]]:
    """(newest earlier, oldest later) final release among the pin's nearest ``most`` where ``ok(v)`` is True; None: no list."""
    finals = _final_versions(ctx, pin.name)
    if finals is None:
        return None
    pinned = Version(pin.version)
    back = next((str(v) for v in [v for v in reversed(finals) if v < pinned][:most] if ok(str(v))), None)
    forward = next((str(v) for v in [v for v in finals if v > pinned][:most] if ok(str(v))), None)
    return back, forward


def _module_text(ctx: Context, dist: str, version: str, module: str) -> Optional[str]:
    """The source of a release's module (``a/b.py`` or ``a/b/__init__.py``), or None when it has none or cannot be read."""
    from .probe import ReleaseTree

    path = module.replace(".", "/")
    try:
        tree = ReleaseTree(ctx.probe, dist, version)
        paths = tree.paths()
        for cand in (path + ".py", path + "/__init__.py"):
            if cand in paths:
                return tree.read(cand) or ""
    except Exception:
        return None
    return None


def _plain_version(text: str) -> bool:
    try:
        Version(text)
        return True
    except InvalidVersion:
        return False


def _guard_dropped(ctx: Context, pin: Any, sig: F.Signal) -> List[Culprit]:
    """The refusal is old, but an outer frame of the same pin used to catch it: the release before it stopped.

    packaging 22.0's ``parse()`` returns ``Version(version)``; 21.3's wrapped the same call in
    ``try: ... except InvalidVersion: return LegacyVersion(version)``.  Every release raises
    InvalidVersion in ``Version.__init__``; what changed is the caller inside the pin.
    """
    from . import users
    from .adapted import frame_relpath
    from .probe import ReleaseTree

    short = (sig.exc_type or "").rsplit(".", 1)[-1]
    if not short or not short[:1].isupper():
        return []
    outer = []
    for fr in ctx.crash.final.frames[:-1]:
        party = _frame_party(fr, ctx)
        rel = frame_relpath(fr)
        if party is not None and party.kind == "dist" and party.key == pin.key and rel and fr.function \
                and fr.function.isidentifier() and (rel, fr.function) not in outer:
            outer.append((rel, fr.function))
    for rel, function in reversed(outer[-3:]):
        def guarded(v: str, rel: str = rel, function: str = function) -> Optional[bool]:
            try:
                text = ReleaseTree(ctx.probe, pin.name, v).read(rel)
            except Exception:
                return None
            return _catches_in(text or "", function, short)

        if guarded(pin.version) is not False:
            continue  # the pinned function still catches it (or cannot be read): not this change
        back = users.last_where_before(ctx.probe, pin.name, pin.version, guarded)
        if back is not None:
            ev = (f"{pin.name}=={pin.version}'s {function}() in {rel} lets {short} through; {pin.name} {back}'s caught it "
                  f"(read from release files)")
            ctx.evidence.append(ev)
            return [Culprit(pin.name, f"<={back}", CONF_TIME, [ev], "release-files")]
    return []


def _catches_in(text: str, function: str, exc: str) -> Optional[bool]:
    """Whether a function named ``function`` in ``text`` has a handler naming ``exc`` (None: no such function)."""
    try:
        tree = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    found = False
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.name == function:
            found = True
            for node in ast.walk(fn):
                if isinstance(node, ast.ExceptHandler) and node.type is not None:
                    names = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
                    if any((isinstance(n, ast.Name) and n.id == exc) or (isinstance(n, ast.Attribute) and n.attr == exc)
                           for n in names):
                        return True
    return False if found else None


def _tombstone_importers(ctx: Context, pin: Any, module: str) -> List[Culprit]:
    """Pins importing a module its package turned into a refusal, each at its first release that stopped.

    moclo 0.4.6 imports ``Bio.Alphabet``, which Biopython 1.78 made raise on import; moclo
    0.4.7 no longer does.  Only pins declaring the package are read (no frame says who imported it).
    """
    from . import users

    callers = [p for p in users.dependants(ctx, pin.key) if not ctx.is_keep(p.name)][:users.MAX_OWNER_PINS]
    if not callers:
        return []
    try:
        found = users._callers_among(ctx, callers, module, "", None, "ImportError")
    except Exception:
        return []
    out: List[Culprit] = []
    for user in found:
        if user.adapted:
            ev = user.describe(module)
            ctx.evidence.append(ev)
            out.append(Culprit(user.dist, f">={user.adapted}", CONF_TIME + 0.1, [ev], "release-files"))
    return out


def _raised_message(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """A message no pattern knows, raised in a pin's own words: move that pin to a release that does not.

    With frames, only the innermost pin frame's module is read (the raise is there);
    without, the movable pins are read whole, those the message or the exception
    type names first (``XLRDError`` is xlrd's).  The refusal found, the same module of
    the neighbouring releases says where it starts and ends (:mod:`.raised`).
    """
    if ctx.probe is None or sig.family != F.UNKNOWN:
        return None
    # A wrapper's message with the wrapped one on its next lines (MongoEngine's "Cannot connect
    # to database dashboard :" over pymongo's "False is not a read preference."): those are read too,
    # and first when the first line only leads in to them (it ends in a colon): the wrapper raises
    # whatever it caught, and moving it away from its own words fixes nothing.
    later = [ln.strip() for ln in (ctx.crash.root.message or "").splitlines()[1:] if len(ln.strip()) >= 15]
    first = _raised_message_of(ctx, sig, done, sig.message)
    if first is not None and (first.culprits or first.verdict != "unknown"):
        if later and sig.message.rstrip().endswith(":") and first.culprits:
            # A lead-in (the first line ends in a colon): when a later line is another pin's own
            # refusal, the first pin only wrapped what it caught, and moving it away from its own
            # words fixes nothing.  The same pin's later lines are one raise (scikit-learn's
            # "Expected 2D array, got 1D array instead:" over its hint): the first reading stands.
            wrapper = {c.name for c in first.culprits}
            for line in later[:3]:
                found = _raised_message_of(ctx, sig, done, line)
                if found is not None and found.culprits and not {c.name for c in found.culprits} & wrapper:
                    return found
        return first
    for line in later[:3]:
        found = _raised_message_of(ctx, sig, done, line)
        if found is not None and (found.culprits or found.verdict != "unknown"):
            return found
        first = first or found
    return first


def _raised_message_of(ctx: Context, sig: F.Signal, done: Any, message: str) -> Optional[Diagnosis]:
    """:func:`_raised_message` for one line of the message."""
    from . import raised
    from .adapted import frame_relpath
    from .users import dependants

    frames = [fr for exc in ctx.crash.exceptions for fr in exc.frames]
    looks: List[Tuple[Any, Optional[List[str]]]] = []
    if frames:
        for fr in reversed(ctx.crash.final.frames):
            party = _frame_party(fr, ctx)
            if party is None or party.kind != "dist":
                continue
            rel = frame_relpath(fr)
            pin = ctx.pinned(party.name)
            if pin is not None and rel:
                looks.append((pin, [rel]))
            break
    else:
        words = message.lower() + " " + (sig.exc_type or "").lower()
        active = [p for p in ctx.pins if p.active and p.version]
        # Named first (by the pin's own name: listing every pin's files to learn its import names
        # would cost one read per pin of a whole environment), kept pins last: a kept pin cannot
        # move, but its refusal may name one that can.
        said = set(re.findall(r"[a-z0-9][a-z0-9_.-]*", words))
        named = sorted(active, key=lambda p: (ctx.is_keep(p.name), not ({p.key, p.key.replace("-", "_")} & said)))
        looks = [(p, None) for p in named[:MAX_REFUSAL_PINS]]
    for pin, files in looks:
        refusal = raised.raising_module(ctx.probe, pin.name, pin.version, message, files)
        if refusal is None:
            continue
        checked = _version_check_of(ctx, pin, message)
        if ctx.is_keep(pin.name) or checked:
            where = f"{pin.name}=={pin.version} raises it itself ({refusal.path})"
            ctx.evidence.append(f"{where}: {message[:120]!r}")
            if not checked:
                valued = _unknown_value(ctx, sig, done, pin, [refusal.path])
                if valued is not None:
                    return valued  # the kept pin refuses a value a caller of the set passes
                moved = _refused_keyword_caller(ctx, pin, message) if frames else []
                if moved:
                    # the kept refuser cannot move; the caller that passes the refused keyword can
                    return done("transitive", sig.family, f"the kept {where}; {moved[0].evidence[0]}", moved)
                return done("direct", sig.family, f"the kept {where}; nothing else of the set is named in it", [])
            return done("transitive", sig.family, f"{where}: {checked[0].evidence[0]}", checked)
        back, forward = raised.releases_without(ctx.probe, refusal, message, ctx.probe.versions(pin.name))
        where = f"{pin.name}=={pin.version} raises it itself ({refusal.path})"
        if back is not None and _majors_apart(back, pin.version) > 1 and _among_first_releases(ctx, pin.name, back):
            # The refusal is older than the pin's last two majors (traitlets' generic "The 'config'
            # trait of a Map instance must be a Config" template, absent only from 0.0.2 under 4.3.2):
            # not what changed under this crash.
            ctx.evidence.append(f"{where}; {pin.name} {back} is the newest release without it, "
                                f"too many majors back to be what changed")
            back = None
        out: List[Culprit] = []
        if back is not None and not _ships_path(ctx, pin.name, back, refusal.path) and not ctx.is_keep(pin.name):
            # The older release lacks the whole module (Sphinx 0.5.2 had no themes at all): weaker
            # than a value the message quotes that a later release knows ("no theme named
            # 'classic'", shipped from Sphinx 1.3), which is read first.
            valued = _unknown_value(ctx, sig, done, pin, [refusal.path])
            if valued is not None and valued.culprits:
                return valued
        if back is not None:
            said = (f"{pin.name} {back}'s {refusal.path} does not" if _ships_path(ctx, pin.name, back, refusal.path)
                    else f"{pin.name} {back} has no {refusal.path} and, read whole, raises it nowhere")
            _add(out, Culprit(pin.name, f"<={back}", CONF_TIME, [f"{where}; {said}: the refusal came in a later release"],
                              "release-files"), ctx)
        if forward is not None:
            # The other direction is an alternative, not a weaker copy of the first: both go to the resolver.
            said = (f"{pin.name} {forward}'s {refusal.path} no longer does"
                    if _ships_path(ctx, pin.name, forward, refusal.path)
                    else f"{pin.name} {forward} has no {refusal.path} and, read whole, raises it nowhere")
            out.append(Culprit(pin.name, f">={forward}", CONF_TIME, [f"{where}; {said}"], "release-files"))
        ctx.evidence.append(f"{where}: {message[:120]!r}")
        if frames:
            out += [c for c in _refused_keyword_caller(ctx, pin, message) if c not in out]
        tomb = raised.tombstone_module(refusal.path, message)
        if tomb is not None and not frames:
            out += _tombstone_importers(ctx, pin, tomb)
        if not out and frames and not ctx.is_keep(pin.name):
            out += _guard_dropped(ctx, pin, sig)
        if not out and frames and not ctx.is_keep(pin.name):
            out += _refused_after_caller(ctx, pin)
        if not any(c.name == pin.name and _is_back(c) and not _major_back(c, pin.version) for c in out):
            # The refuser's own way out is a major back (or none): a dependency that jumped a
            # series after it was released is the other suspect (tzlocal 3.0 under APScheduler 3.6).
            # Read after the readings of release files, which it must not pre-empt.
            moved_under = [c for c in _moved_under_refuser(ctx, pin) if c not in out]
            if out:
                out += moved_under
        else:
            moved_under = []
        pasted = sig.exc_type.rsplit(".", 1)[-1]
        if not out and not frames and (pasted in ("ImportError", "ModuleNotFoundError")
                                       or (refusal.exc_type and refusal.exc_type.rsplit(".", 1)[-1] == pasted)):
            # (the refusal may be a library's own class, django-haystack's MissingDependency, raised
            # from the same "except ImportError:" -- when the raise found names the pasted class)
            hidden = _hidden_refused_import(ctx, pin, refusal.path, message)
            if hidden is not None:
                return hidden
        if not out and not ctx.is_keep(pin.name):
            wrong = _self_contradicting_check(ctx, pin, refusal.path, message)
            if wrong:
                return done("transitive", sig.family, f"{where}; {wrong[0].evidence[0]}", wrong)
        if not out:
            valued = _unknown_value(ctx, sig, done, pin, [refusal.path])
            if valued is not None:
                return valued
            out = moved_under
        if not out:
            return done("unknown", sig.family, f"{where}, and so does every release of {pin.name} read around it", [])
        # Another pin declares the refusing one, or the outermost frame is a pin's: a dependency moved
        # under a caller.  Otherwise the project's code met the refusal (xlrd.open_workbook on an xlsx).
        outer = _frame_party(frames[0], ctx) if frames else None
        caller_is_pin = bool(dependants(ctx, pin.key)) or (outer is not None and outer.kind == "dist")
        return done("transitive" if caller_is_pin else "project", sig.family,
                    f"{where}; {out[0].evidence[0].split('; ', 1)[1]}", out)
    return None


def _among_first_releases(ctx: Context, dist: str, version: str, first: int = 2) -> bool:
    """Whether ``version`` is one of the project's first ``first`` final releases (its code before it had much)."""
    from .raised import final_releases

    try:
        finals = sorted((v for _, v in final_releases(ctx.probe.versions(dist))), key=Version)
        return Version(version) in {Version(v) for v in finals[:first]}
    except Exception:
        return False


def _majors_apart(older: str, newer: str) -> int:
    """How many major versions ``older`` lies below ``newer`` (0 when unreadable or not below)."""
    try:
        return max(0, Version(newer).release[0] - Version(older).release[0])
    except (InvalidVersion, IndexError):
        return 0


def _ships_path(ctx: Context, dist: str, version: str, path: str) -> bool:
    """Whether ``dist==version`` has the module file ``path`` (read from its file list)."""
    from .probe import ReleaseTree

    try:
        return path in ReleaseTree(ctx.probe, dist, version).paths()
    except Exception:
        return True  # unknown: say it the usual way


def _series(v: Version) -> Tuple[int, ...]:
    """A release's compatibility series: its major, or 0.minor below 1.0 (semver's rule for 0.x)."""
    return (v.major,) if v.major else (0, v.minor)


def _major_back(c: Culprit, pinned: str) -> bool:
    """Whether a ``<=X`` culprit leaves the pinned release's series."""
    m = re.match(r"<=?\s*([^,\s]+)\Z", c.constraint.strip())
    if not m:
        return False
    try:
        return _series(Version(m.group(1))) != _series(Version(pinned))
    except InvalidVersion:
        return False


def _moved_under_refuser(ctx: Context, pin: Any) -> List[Culprit]:
    """The one declared dependency of the refusing pin whose pinned release opened a new series after it.

    APScheduler 3.6.3 (2019) refuses "Only timezones from the pytz library are supported";
    tzlocal 3.0 (2021) began returning zoneinfo objects.  The refuser was built against the
    series its dependency had when it was uploaded: a dependency whose pinned release starts
    a later series, uploaded after the refuser, moves back to that older series' newest
    release.  Upload dates only (weighed as such), and only when exactly one dependency
    answers: two suspects by time alone are a guess.
    """
    from . import timeline

    try:
        reqs = ctx.index.metadata(pin.name, pin.version).dependencies(ctx.target)
    except Exception:
        return []
    built = timeline.upload_time(ctx.index, pin.name, pin.version)
    if built is None:
        return []
    found = []
    for req in reqs:
        dep = ctx.pinned(req.name)
        if dep is None or not dep.version or ctx.is_keep(dep.name) or dep.key == pin.key:
            continue
        try:
            dv = Version(dep.version)
        except InvalidVersion:
            continue
        when = timeline.upload_time(ctx.index, dep.name, dep.version)
        if when is None or when <= built:
            continue
        if dv.major >= 1990 or (10 <= dv.major < 100 and dv.major in (when.year % 100, when.year % 100 - 1)):
            # a calendar version (pytz 2020.1, attrs 20.3): a new year is no new series.  (A real major
            # uploaded in its matching year, virtualenv 20 in 2020, is skipped too: only a guess is lost.)
            continue
        older = [v for v, t in timeline.releases(ctx.index, dep.name)
                 if t is not None and t <= built and not v.is_prerelease and not v.is_devrelease]
        if not older or _series(max(older)) >= _series(dv):
            continue  # the series it runs was there when the refuser was built
        # back to the series the refuser was built against (tzlocal 2.x), not merely the one below the pin
        prev = [v for v, _ in timeline.releases(ctx.index, dep.name)
                if _series(v) <= _series(max(older)) and not v.is_prerelease and not v.is_devrelease]
        if prev:
            found.append((dep, max(prev), max(older), when))
    if len(found) != 1:
        return []
    dep, back, had, when = found[0]
    ev = (f"{pin.name} {pin.version} was uploaded on {timeline.fmt(built)}, when {dep.name}'s newest release was {had}; "
          f"the pinned {dep.name} {dep.version} ({timeline.fmt(when)}) opened a later series, and no other dependency "
          f"of {pin.name} did (upload dates)")
    return [Culprit(dep.name, f"<={back}", CONF_TIME, [ev], "upload-dates")]


def _refused_keyword_caller(ctx: Context, pin: Any, message: str) -> List[Culprit]:
    """The refused word is a keyword the calling pin's line passes: that pin's first release that stopped.

    arrow 0.14.5's ``Arrow.replace`` raises 'unknown attribute: "days"' for the plural
    units it used to shift by; td-watson 1.7.0's ``now.replace(days=-weekday)`` is the
    frame that called it, and td-watson 1.8.0 calls ``now.shift(days=...)`` instead.  The
    frame just outside the refusing pin's innermost frames must be another movable pin's,
    its line must call ``.<refusing function>(..., word=...)`` with exactly one word the
    message quotes, and the caller's later release must pass it nowhere.  An alternative
    beside the refuser's releases that did not refuse, at the same weight: the resolver
    takes the smaller move.
    """
    from . import users
    from .adapted import frame_relpath

    frames = ctx.crash.final.frames
    i = len(frames) - 1
    while i >= 0 and (p := _frame_party(frames[i], ctx)) is not None and p.key == pin.key:
        i -= 1
    if i < 0 or i == len(frames) - 1:
        return []
    line = frames[i].source or ""
    # the refuser's function the caller's line calls: its outermost frame, or one inside a decorator's wrapper
    fn = next((f for f in ((fr.function or "").rsplit(".", 1)[-1] for fr in frames[i + 1:])
               if f.isidentifier() and re.search(rf"\.{re.escape(f)}\s*\(", line)), "")
    caller_fr = frames[i]
    party = _frame_party(caller_fr, ctx)
    caller = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    rel = frame_relpath(caller_fr)
    if caller is None or not caller.version or ctx.is_keep(caller.name) or not rel or not fn:
        return []
    m = re.search(rf"\.{re.escape(fn)}\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)", line)
    if not m:
        return []
    passed = set(re.findall(r"(?<![\w=!<>])(\w+)\s*=(?!=)", m.group(1)))
    quoted = set(re.findall(r"['\"`]([A-Za-z_]\w*)['\"`]", message))
    words = sorted(passed & quoted)
    if len(words) != 1:
        return []
    kw = words[0]
    try:
        adapted, partial = users.method_keyword_adapted(ctx, caller, users.Use(rel, caller_fr.line or 0, line.strip()),
                                                        fn, kw)
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {caller.name}'s releases: {type(exc).__name__}")
        return []
    if not adapted:
        return []
    how = "there; the rest of that release is over the read cap" if partial else "in any module"
    return [Culprit(caller.name, f">={adapted}", CONF_TIME,
                    [f"{caller.name} {caller.version} passes the refused {kw}= to .{fn}() (`{line.strip()}`, {rel}); "
                     f"{caller.name} {adapted} no longer does {how} (read from release files)"], "release-files")]


def _refused_after_caller(ctx: Context, pin: Any) -> List[Culprit]:
    """Every release of the refusing pin says it; the pin that called it was released before the refuser's series.

    pyasn1 0.2.x raises "Component value is tag-incompatible" from ``setComponentByPosition``
    as 0.1.9 did, but checks tags more strictly; pysnmp 4.3.2, which called it, was uploaded
    before pyasn1 0.2.1.  The words cannot say which release changed, the upload dates can:
    the refuser held below the series its caller never saw, or the caller's first release
    after it (:func:`time_culprits`).  Only when the dates show the caller predates the series.
    """
    frames = ctx.crash.final.frames
    inner = None
    for fr in reversed(frames):
        party = _frame_party(fr, ctx)
        if party is not None and party.kind == "project" and inner is not None:
            return []  # the project called the refuser itself: no pin's upload date speaks for that call
        if party is None or party.kind != "dist":
            continue
        if party.key == pin.key:
            inner = party
            continue
        if inner is None:
            return []
        caller = ctx.pinned(party.name)
        if caller is None or not caller.version or ctx.is_keep(caller.name) and ctx.is_keep(pin.name):
            return []
        out = time_culprits(inner, party, ctx, f"the call {party.name} makes into {pin.name}")
        if not any(c.confidence >= CONF_TIME and canonicalize_name(c.name) == pin.key for c in out):
            return []  # the caller is not older than the refuser's series: the dates say nothing
        for c in out:
            if canonicalize_name(c.name) == pin.key:
                c.evidence[0] = (f"every release of {pin.name} read raises these words, so the change is in what it "
                                 f"accepts; assuming it came with the {c.constraint[1:]} series' first release")
        return out
    return []


def _hidden_refused_import(ctx: Context, pin: Any, path: str, message: str) -> Optional[Diagnosis]:
    """A frameless refusal raised from an ``except ImportError``: the diagnosis of the import it hid.

    Every release of dj-rest-auth raises "allauth needs to be added to INSTALLED_APPS", so the
    refusal's own history says nothing; the import its handler caught (django-allauth 0.55's
    removed ``allauth.utils.email_address_exists``) is diagnosed in its place, as CPython
    would have worded it.
    """
    from . import _with_message
    from .linkcheck import hidden_import_in

    found = hidden_import_in(ctx, pin, path, message, exc_class=(ctx.crash.final.type or "").rsplit(".", 1)[-1])
    if found is None:
        return None
    ctx.crash = _with_message(ctx.crash, "ImportError", found[0])
    ctx.evidence.append(found[3])
    inner = decide(ctx, F.classify(ctx.crash))
    inner.summary = f"{inner.summary} ({found[3]})"
    inner.details["message_read_from_imports"] = found[0]
    return inner


_CHECK_SAYS = re.compile(r"(?<![\w.-])([A-Za-z][\w.-]*)\s*(>=|>|==|<=|<)\s*v?(\d+(?:\.\d+)+)\b.{0,80}?"
                        r"\b(?:found|installed|detected|got|have|is)\b[^\d]{0,30}v?(\d+(?:\.\d+)+)", re.IGNORECASE | re.DOTALL)
MAX_CHECK_LATER = 10  # later releases of a refuser read for a rewritten version check


def _self_contradicting_check(ctx: Context, pin: Any, path: str, message: str) -> List[Culprit]:
    """"Peewee >= 2.4.3 is required. Found version 2.10.1": the found version meets the requirement.

    The refuser's check is wrong (sqlite-web 0.1.7 compared version strings, and '2.10.1' <
    '2.4.3' as text); its first later release whose lines just above the raise read otherwise
    rewrote the check (0.1.8 compares tuples of ints).  Only when the message's own two
    versions contradict it under PEP 440.
    """
    from .probe import ReleaseTree

    m = _CHECK_SAYS.search(message)
    if not m or ctx.probe is None:
        return []
    try:
        if not SpecifierSet(f"{m.group(2)}{m.group(3)}").contains(m.group(4), prereleases=True):
            return []
    except (InvalidSpecifier, InvalidVersion):
        return []
    anchor = message.split(str(m.group(4)))[0][:40].strip()

    def guard(version: str) -> Optional[str]:
        text = ReleaseTree(ctx.probe, pin.name, version).read(path)
        if text is None:
            return None
        lines = text.splitlines()
        at = next((i for i, line in enumerate(lines) if anchor[:25] and anchor[:25] in line), None)
        if at is None:
            return ""
        return "\n".join(" ".join(line.split()) for line in lines[max(0, at - 4):at])

    try:
        before = guard(pin.version)
        if not before:
            return []
        later = sorted((v for v in ctx.probe.versions(pin.name) if _newer_final(v, pin.version)), key=Version)
        for v in later[:MAX_CHECK_LATER]:
            now = guard(v)
            if now is None:
                return []
            if now != before:
                ev = (f"the message's own versions contradict it ({m.group(4)} meets {m.group(2)}{m.group(3)} under PEP 440): "
                      f"{pin.name}=={pin.version}'s check is wrong; {pin.name} {v} rewrote the lines above the raise in "
                      f"{path} (read from release files)")
                return [Culprit(pin.name, f">={v}", CONF_PROBE, [ev], "release-files")]
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
    return []


def _newer_final(v: str, than: str) -> bool:
    try:
        return not Version(v).is_prerelease and Version(v) > Version(than)
    except InvalidVersion:
        return False


MAX_VALUE_CALLEES = 3  # pins read for a frameless KeyError's key, dependencies of other pins first


# Wordings of a refusal whose first quoted value is its subject ("Unknown service: 'bedrock-runtime'").
_REFUSES_VALUE = re.compile(r"\b(?:unknown|invalid|unrecogni[sz]ed|unsupported|not (?:a )?(?:valid|supported|found|recogni[sz]ed)|no such)\b",
                            re.IGNORECASE)


def _unknown_value(ctx: Context, sig: F.Signal, done: Any, pin: Any = None,
                   files: Optional[List[str]] = None) -> Optional[Diagnosis]:
    """A value the refusing pin does not know (a model type, a style, a property): its releases that do.

    ``pin``/``files``: the refusing pin and module, when the refusal reading found
    them.  Otherwise the innermost pin frame is the refuser; a frameless ``KeyError``
    is tried on the pins other pins depend on (transformers under mergekit), by
    their paths alone.  The caller that passes the value from its own source is
    read for its release that stopped passing it: another way out (:mod:`.values`).
    """
    from . import values
    from .adapted import frame_relpath
    from .probe import ReleaseTree
    from .users import dependants

    if ctx.probe is None or sig.family != F.UNKNOWN:
        return None
    quoted = values.quoted_values(sig.exc_type or "", sig.message or "")
    if not quoted:
        return None
    frames = ctx.crash.final.frames
    outer_pins: List[Tuple[Any, str]] = []  # (pin, file) of pin frames outside the refuser, innermost first
    candidates: List[Tuple[Any, List[str]]] = []
    owned_exception = False  # the refuser is named by the exception's own module, not by a frame
    if pin is not None:
        candidates = [(pin, list(files or []))]
    elif frames:
        for fr in reversed(frames):
            party = _frame_party(fr, ctx)
            if party is None or party.kind != "dist":
                continue
            found = ctx.pinned(party.name)
            if found is None or not found.version:
                continue
            rel = frame_relpath(fr)
            if not candidates:
                candidates = [(found, [rel] if rel else [])]
            elif found.key == candidates[0][0].key:
                if rel and rel not in candidates[0][1]:
                    candidates[0][1].append(rel)
            elif rel:
                outer_pins.append((found, rel))
    elif (sig.exc_type or "").rsplit(".", 1)[-1] == "KeyError":
        active = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
        needed = [p for p in active if dependants(ctx, p.key)]
        candidates = [(p, []) for p in needed[:MAX_VALUE_CALLEES]]
    elif "." in (sig.exc_type or ""):
        # A frameless library exception printed with its module (botocore.exceptions.UnknownServiceError):
        # the pin shipping that module is the refuser.
        owner = module_owner(sig.exc_type.rsplit(".", 1)[0], ctx)
        found = ctx.pinned(owner) if owner else None
        if found is not None and found.version:
            candidates = [(found, [])]
            owned_exception = True
    for callee, callee_files in candidates:
        try:
            paths = ReleaseTree(ctx.probe, callee.name, callee.version).paths()
        except Exception:
            continue
        look = callee_files + [m for m in values.class_modules(paths, sig.message) if m not in callee_files]
        deps = dependants(ctx, callee.key)
        for value in quoted:
            known = values.knows(ctx.probe, callee.name, callee.version, value, look)
            if known is not None:
                if owned_exception and known.where not in look and value == quoted[0] and _REFUSES_VALUE.search(sig.message or ""):
                    # The pinned release ships a file for the value its own exception calls unknown:
                    # what ran was not that release (a stale or half-upgraded install, another interpreter).
                    ctx.evidence.append(f"{callee.name}=={callee.version} ships {known.where} for {value!r}, "
                                        f"which the {sig.exc_type.rsplit('.', 1)[-1]} says it does not know")
                    return done("environment", F.ENVIRONMENT,
                                f"{sig.exc_type.rsplit('.', 1)[-1]}: {value!r} is known to the pinned "
                                f"{callee.name}=={callee.version}; the installed files are not that release", [],
                                f"reinstall {callee.name}=={callee.version} (pip install --force-reinstall) in the "
                                f"interpreter that runs the code; the pins need no change")
                continue  # the pinned release knows it: the value is not what changed
            back, forward = values.nearest_knowing(ctx.probe, callee.name, callee.version, value, look,
                                                   ctx.probe.versions(callee.name))
            lacks = f"{callee.name}=={callee.version} does not know {value!r} (no file named for it" + \
                    (f", and {', '.join(look[:3])} does not spell it)" if look else ")")
            out: List[Culprit] = []
            if back is not None and not ctx.is_keep(callee.name):
                _add(out, Culprit(callee.name, f"<={back.version}", CONF_TIME,
                                  [f"{lacks}; {callee.name} {back.version} does ({back.where})"], "release-files"), ctx)
            if forward is not None and not ctx.is_keep(callee.name):
                out.append(Culprit(callee.name, f">={forward.version}", CONF_TIME,
                                   [f"{lacks}; {callee.name} {forward.version} does ({forward.where})"], "release-files"))
            # Callers spelling the value: the printed pin frames' own files, or (frameless) the callee's dependants read whole.
            context = values.message_context(sig.message or "", value)
            callers = [(p, values.passes_value(ctx.probe, p.name, p.version, value, [rel] if frames else [], context))
                       for p, rel in (outer_pins if frames else [(d, "") for d in deps])]
            for caller_pin, where in callers:
                if where is None or ctx.is_keep(caller_pin.name):
                    continue
                named = context if values.passes_value(ctx.probe, caller_pin.name, caller_pin.version, value, [where],
                                                       context, strict=True) else ()
                stopped = values.caller_stopped(ctx.probe, caller_pin.name, caller_pin.version, value, where,
                                                ctx.probe.versions(caller_pin.name), named)
                if stopped is not None:
                    _add(out, Culprit(caller_pin.name, f">={stopped}", CONF_TIME,
                                      [f"{caller_pin.name}=={caller_pin.version} passes {value!r} ({where}), which "
                                       f"{callee.name}=={callee.version} does not know; {caller_pin.name} {stopped} "
                                       f"no longer does"], "release-files"), ctx)
            if not out:
                continue
            ctx.evidence.append(out[0].evidence[0])
            caller_is_pin = bool(outer_pins) or bool(deps)
            return done("transitive" if caller_is_pin else "project", sig.family,
                        f"{value!r} is a value {callee.name}=={callee.version} does not know", out)
    return None


def _is_back(c: Culprit) -> bool:
    """Whether a culprit moves its package back (``<``, ``<=``, or to an earlier ``==`` release) rather than forward."""
    return c.constraint.lstrip().startswith(("<", "=="))


def _first_build_without(versions: List[str], mentions: Any) -> Optional[str]:
    """The first of ``versions`` (in the order given) whose build surely does not mention the symbol (``False``;
    ``None``, unread, is no evidence)."""
    return next((v for v in versions if mentions(v) is False), None)


_SYMVER = re.compile(r"version `((?:GLIBCXX|GLIBC|CXXABI)_[\d.]+)' not found \(required by ([^)]+)\)")
MAX_OLDER_BUILDS = 8  # earlier releases whose compiled module is read for a symbol version


def _older_build(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """A pin's compiled module needs a newer system C++/C library than the machine has: is there a release whose does not?

    opencc 1.1.7's manylinux1-tagged wheel links against GLIBCXX_3.4.29 (the tag
    promises far older); 1.1.6's needs at most 3.4.21.  The symbol version is a
    string in the module's bytes, so the same member of earlier releases is
    searched (read, never loaded).  When none of them is free of it, or the pin
    is kept, the verdict stays ``environment``.
    """
    m = _SYMVER.search(sig.message or "")
    if m is None or ctx.probe is None:
        return None
    symver, path = m.group(1), m.group(2).strip()
    site = re.search(r"(?:site|dist)-packages[\\/]+(.+)$", path)
    if not site:
        return None
    rel = site.group(1).replace("\\", "/")
    owner = module_owner(rel.split("/")[0], ctx, path)
    pin = ctx.pinned(owner)
    if pin is None or not pin.version:
        return None
    from . import users

    try:
        if users.member_mentions(ctx.probe, pin.name, pin.version, rel, symver) is not True:
            return None  # the pinned release's module does not ask for it: not this release's build
        from packaging.version import Version

        earlier = [v for v in ctx.probe.versions(pin.name) if Version(v) < Version(pin.version)]
        found = _first_build_without(sorted(earlier, key=Version, reverse=True)[:MAX_OLDER_BUILDS],
                               lambda v: users.member_mentions(ctx.probe, pin.name, v, rel, symver))
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s compiled modules: {type(exc).__name__}")
        return None
    if found is None:
        return None
    ev = (f"{rel} in {pin.name}=={pin.version} requires {symver}, which this system's library lacks; the same module in "
          f"{pin.name} {found} does not (read from the wheels' bytes)")
    ctx.evidence.append(ev)
    if ctx.is_keep(pin.name):
        return done("environment", F.ENVIRONMENT, f"{sig.message}: the kept {pin.name}=={pin.version} was built against a "
                    f"newer system library", [], f"{_env_advice(sig, ctx)} {pin.name} {found}'s build does not need {symver}.")
    culprit = Culprit(pin.name, f"<={found}", CONF_PROBE, [ev], "release-files")
    return done("direct", F.ENVIRONMENT, f"{pin.name}=={pin.version}'s compiled module needs {symver}, newer than the "
                f"system's; {pin.name} {found} was built without it", [culprit], _env_advice(sig, ctx))


# CPython X.Y.0rc1 dates: the ABI is frozen from the first release candidate on (PEP 602 schedules;
# python.org release pages). A cp3XX wheel uploaded before it was built against an alpha or beta.
PYTHON_RC1 = {(3, 8): "2019-10-01", (3, 9): "2020-08-11", (3, 10): "2021-08-03", (3, 11): "2022-08-08",
              (3, 12): "2023-08-06", (3, 13): "2024-08-01", (3, 14): "2025-07-22"}


def _compiled_member(ctx: Context, pin: Party, module: str, name: Optional[str]) -> Optional[str]:
    """The pinned wheel's extension module file for ``module.name`` (``PIL/_imaging.cp314-win_amd64.pyd``), if any.

    ``name`` None: the module itself (a top-level module asked as a module).
    """
    if ctx.probe is None or not pin.name or not pin.version or not module:
        return None
    stem = "/".join(module.split(".") + ([name] if name else [])) + "."
    try:
        members = ctx.probe._members(pin.name, pin.version)
    except Exception:
        return None
    return next((m for m in members if m.startswith(stem) and m.endswith((".so", ".pyd"))), None)


def _extension_did_not_load(ctx: Context, sig: F.Signal, pin: Party, member: str, done: Any) -> Diagnosis:
    """``cannot import name '_imaging' from 'PIL'``: the wheel ships the extension, so it failed to load.

    When the pinned release was uploaded before the target Python's final
    release, its wheel for that Python was built against a pre-release (Pillow
    11.3.0's cp314 wheels, 3.14 beta): the first release uploaded after the
    final one is offered.  Otherwise the cause is the machine (a missing DLL, a
    broken install) and the verdict is ``environment``.
    """
    what = _what(sig)
    py = tuple(ctx.target.python[:2])
    rc1 = PYTHON_RC1.get(py)  # type: ignore[arg-type]
    uploaded = timeline.upload_time(ctx.index, pin.name or "", pin.version or "")
    # Only a module built for exactly this Python (cp314 / cpython-314): abi3 and untagged builds are
    # not tied to one interpreter's pre-release.
    tagged = re.search(rf"\.(?:cp{py[0]}{py[1]}-|cpython-{py[0]}{py[1]}[-.])", member) is not None
    if rc1 and tagged and uploaded is not None and uploaded.strftime("%Y-%m-%d") < rc1 and not ctx.is_keep(pin.name):
        installable = set(ctx.probe.versions(pin.name))
        for v, t in timeline.releases(ctx.index, pin.name or ""):
            if t is not None and t.strftime("%Y-%m-%d") >= rc1 and str(v) in installable and v > Version(pin.version or "0"):
                ev = (f"{member} is in {pin.name}=={pin.version}, uploaded {uploaded:%Y-%m-%d}, before Python "
                      f"{py[0]}.{py[1]}.0rc1 ({rc1}): its wheel for this Python was built against a pre-release; "
                      f"{pin.name} {v} is the first later release uploaded after it")
                ctx.evidence.append(ev)
                return done("direct", F.ABI, f"{what} did not load: {pin.name}=={pin.version}'s extension for Python "
                            f"{py[0]}.{py[1]} predates that Python's final release", [Culprit(pin.name, f">={v}", CONF_TIME + 0.1, [ev], "upload-dates")])
    return done("environment", sig.family, f"{pin.name}=={pin.version} ships {what} as a compiled module ({member}); it "
                f"did not load, so no version change is needed", [], "the extension module is installed but failed to "
                f"load: reinstall {pin.name}=={pin.version} from the index into this interpreter, and check for a missing "
                f"runtime (e.g. the Microsoft Visual C++ redistributable) or a module built for another Python")


MAX_DROPPED_PINS = 8  # pins asked whether an earlier release declared the missing module's distribution


def _dropped_dependency(ctx: Context, sig: F.Signal, caller: Party) -> List[Culprit]:
    """A module no pin provides, imported by a pin whose earlier releases declared its distribution.

    flairNLP/flair#2765: transformers 4.19 stopped requiring sacremoses, but its transfo-xl
    tokenizer (which flair 0.11.2 imports) still imports it: "No module named 'sacremoses'".
    The pin that imports the module, declares no distribution of that name in its pinned
    release and did in an earlier one goes back to the newest release that declared it
    (installing that pulls the module in again; the set itself is reported as missing it).
    A pin's frame narrows the question to that pin; the project's own import is no pin's
    doing; without a frame, exactly one pin must fit.
    """
    from ..crash.stdlib import is_stdlib_module
    from . import users

    top = (sig.module or "").split(".")[0]
    if ctx.probe is None or not top.isidentifier() or is_stdlib_module(top, tuple(ctx.target.python)):
        return []
    wanted = {canonicalize_name(top), canonicalize_name(f"python-{top}"), canonicalize_name(f"py{top}")}

    def declares(name: str, version: str) -> bool:
        try:
            meta = ctx.index.metadata(name, version)
            return any(canonicalize_name(r.name) in wanted for r in meta.dependencies(ctx.target, ()))
        except Exception:
            return False

    if caller.kind == "project":
        return []  # the project's own import: the set is missing the module, and no pin dropped it for it
    active = [p for p in ctx.pins if p.active and p.version]
    if any(declares(p.name, p.version) for p in active[:MAX_LISTED_PINS]):
        return []  # a pin asks for it: the set is only missing it
    pins = [p for p in active if not ctx.is_keep(p.name)]
    if caller.kind == "dist" and caller.version:
        pins = [p for p in pins if p.key == canonicalize_name(caller.name or "")]
    imports = re.compile(rf"^[ \t]*(?:import|from)[ \t]+{re.escape(top)}\b", re.M)
    found: List[Culprit] = []
    for pin in pins[:MAX_DROPPED_PINS]:
        try:
            back = users.last_where_before(ctx.probe, pin.name, pin.version, lambda v, n=pin.name: declares(n, v))
            # (A release over the read cap is not known to import it: the dropped declaration decides.)
            mentions = _release_mentions(ctx, pin.name, pin.version, imports) if back is not None else False
            if mentions is False:
                continue
        except Exception:
            continue
        said, read = (f"imports {top} but no longer requires", "metadata and files") if mentions \
            else ("no longer requires", "metadata; its files are over the read cap")
        found.append(Culprit(pin.name, f"<={back}", CONF_PROBE - 0.1, [
            f"{pin.name}=={pin.version} {said} a distribution of that name; "
            f"{pin.name} {back} did (read from release {read})"], "metadata"))
    if len(found) != 1:
        return []
    ctx.evidence.append(found[0].evidence[0])
    return found


MAX_DECLARED_LATER_PINS = 2  # pins importing the missing module whose later releases are read


def _declared_later(ctx: Context, sig: F.Signal, caller: Party) -> List[Culprit]:
    """A module no pin provides, imported by a pin whose later release began declaring the distribution shipping it.

    andreax79/airflow-code-editor#69: 7.4.0 imports ``psslib`` without declaring ``pss``, the
    distribution that installs it; 7.4.1 added ``Requires-Dist: pss >=1.44``.  The pin importing
    the module (its frame's, or the one pin of the set whose code imports it) moves forward to its
    first release whose requirements name a distribution whose newest release installs that
    top-level module.  Installing that release pulls the module in; the set is reported as missing it.
    """
    from ..crash.stdlib import PY3_RENAMES, is_stdlib_module

    top = (sig.module or "").split(".")[0]
    python = tuple(ctx.target.python)
    if ctx.probe is None or not top.isidentifier() or caller.kind == "project" \
            or (is_stdlib_module(top, python) and not (python[0] < 3 and top in PY3_RENAMES)):
        return []
    from . import users

    pins = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
    if caller.kind == "dist" and caller.version:
        pins = [p for p in pins if p.key == canonicalize_name(caller.name or "")]

    def imports_unguarded(pin: Any) -> bool:
        """An import of the module that no ``try``/``except ImportError`` around it guards."""
        found = users.modules_mentioning(ctx.probe, pin.name, pin.version, top)
        for path, tree in found or []:
            if tree is None or _test_module(path):
                continue
            guarded = {id(n) for t in ast.walk(tree) if isinstance(t, ast.Try)
                       and any(users._catches(h, "ImportError") for h in t.handlers)
                       for st in t.body for n in ast.walk(st)}
            if any(isinstance(n, (ast.Import, ast.ImportFrom)) and id(n) not in guarded and (
                    any(a.name.split(".")[0] == top for a in n.names) if isinstance(n, ast.Import)
                    else not n.level and (n.module or "").split(".")[0] == top) for n in ast.walk(tree)):
                return True
        return False

    importing = []
    for pin in pins[:MAX_LISTED_PINS]:
        try:
            if imports_unguarded(pin):
                importing.append(pin)
        except Exception:
            continue
    if not importing or len(importing) > MAX_DECLARED_LATER_PINS:
        return []
    ships: Dict[str, bool] = {}

    def installs_top(dist: str) -> bool:
        if dist not in ships:
            try:
                finals = _final_versions(ctx, dist) or []
                ships[dist] = bool(finals) and top in _release_tops(ctx, dist, str(finals[-1]))
            except Exception:
                ships[dist] = False
        return ships[dist]

    found: List[Culprit] = []
    for pin in importing:
        try:
            before = {canonicalize_name(r.name) for r in ctx.index.metadata(pin.name, pin.version).dependencies(ctx.target, ())}

            def declares(v: str, pin: Any = pin, before: Set[str] = before) -> bool:
                names = {canonicalize_name(r.name) for r in ctx.index.metadata(pin.name, v).dependencies(ctx.target, ())}
                return any(installs_top(d) for d in sorted(names - before)[:4])

            later = _first_later(ctx, pin.name, pin.version, declares)
        except Exception:
            continue
        if later:
            found.append(Culprit(pin.name, f">={later}", CONF_PROBE - 0.1, [
                f"{pin.name}=={pin.version} imports {top} without declaring a distribution that installs it; "
                f"{pin.name} {later} declares one (read from release metadata and files)"], "metadata"))
    return found if len(found) == 1 else []


def _built_for_older_python(ctx: Context, callee: Party, sig: F.Signal) -> Optional[Culprit]:
    """The pin's release predates the target Python, so it was compiled from its sdist, and its own import stops.

    YosefLab/epitome#61: matplotlib 3.0.0 (2018) has platform wheels up to cp37 only; on Python 3.8
    pip builds it from the sdist and ``import matplotlib`` stops with "cannot import name
    'get_backend' from partially initialized module 'matplotlib'".  The nearest later release with
    a wheel for the target's Python was made for it.  Only a compiled pin whose pinned release
    ships no wheel for that Python on any platform (as the resolver ranks such builds down), and
    only the crash's own package (its circular import, not a project file's).
    """
    from ..resolve_problem import _builds_compiled

    pin = ctx.pinned(callee.name) if callee.kind == "dist" else None
    top = (sig.module or "").split(".")[0]
    if pin is None or not pin.version or ctx.is_keep(pin.name) or not top:
        return None
    # The module must be the pin's installed one: a path printed in the message outside site-packages,
    # or a project frame of that name, is a project file shadowing it.
    printed = re.search(r"\(([^()]*\.py)\)", ctx.crash.root.message or "")
    if printed and not re.search(r"[\\/](?:site|dist)-packages[\\/]", printed.group(1)):
        return None
    if any(fr.owner == OWNER_PROJECT and re.search(rf"(?:^|[\\/]){re.escape(top)}(?:\.py|[\\/]__init__\.py)$", fr.file or "")
           for exc in ctx.crash.exceptions for fr in exc.frames):
        return None
    # Another pin installing the same folder is a mixed install, not a build.
    if any(p.key != pin.key and p.active and p.version and top in _pin_tops(ctx, p) for p in ctx.pins):
        return None
    try:
        releases = {r.version: r for r in ctx.index.releases(pin.name)}
        pinned = Version(pin.version)
        if pinned not in releases or not _builds_compiled(releases[pinned], ctx.target):
            return None

        def has_wheel(r: Any) -> bool:
            wheel = r.best_wheel(ctx.target)
            return wheel is not None and not getattr(wheel, "yanked", False)  # (pip skips a yanked file)

        later = sorted(v for v, r in releases.items() if v > pinned and not v.is_prerelease and not v.is_devrelease
                       and not getattr(r, "yanked", False) and has_wheel(r))
    except Exception:
        return None
    if not later:
        return None
    first = later[0]
    try:
        ships = any(m.split("/")[0] in (top, top + ".py") for m in ctx.probe._members(pin.name, str(first)))
    except Exception:
        ships = False
    if not ships:
        return None  # the offered release does not install that module: another distribution's
    ev = (f"{pin.name}=={pin.version} ships no wheel for Python {ctx.target.python_version} (it came before that "
          f"Python), so it was compiled from its sdist; {pin.name} {first} is its first later release with a wheel "
          f"for it (read from the index)")
    ctx.evidence.append(ev)
    return Culprit(pin.name, f">={first}", CONF_TIME, [ev], "wheel-tags")


def _mixed_install(ctx: Context, sig: F.Signal, callee: Party) -> Optional[Tuple[str, List[Culprit]]]:
    """Two pins of one project that install the same package folder, at different releases.

    opencv-python and opencv-python-headless both write ``cv2/``: whichever pip
    installed last overwrote the other's files, so ``import cv2`` runs a mix of
    two releases and stops "partially initialized".  The set is whole again when
    both are the same release, so a pin that is not kept moves to the other's
    exact version (it must exist for the target).  Only variants of one project
    (one name a dash-extension of the other's first word) are aligned: PyJWT and
    jwt also share a folder, and no version of either makes them agree.
    """
    top = (sig.module or "").split(".")[0]
    if ctx.probe is None or not top.isidentifier():
        return None
    shippers = [p for p in ctx.pins if p.active and p.version][:MAX_LISTED_PINS]
    shippers = [p for p in shippers if top in _pin_tops(ctx, p)]
    if len(shippers) < 2 or len({p.version for p in shippers}) < 2:
        return None
    stem = lambda p: p.key.split("-")[0]  # noqa: E731
    if len({stem(p) for p in shippers}) != 1:
        return None
    # Variants of one project install the same files (cv2/__init__.py, cv2/data/...); namespace
    # siblings (google-cloud-storage, google-api-core) share only the folder's __init__.py.
    try:
        files = [{m for m in ctx.probe._members(p.name, p.version) if m.startswith(top + "/")} for p in shippers]
    except Exception:
        return None
    common = set.intersection(*files) - {f"{top}/__init__.py"}
    if not common or len(common) * 2 < min(len(f) for f in files):
        return None
    out: List[Culprit] = []
    for mover in shippers:
        if ctx.is_keep(mover.name):
            continue
        try:
            have = set(ctx.probe.versions(mover.name))
        except Exception:
            continue
        for other in shippers:
            if other is mover or other.version == mover.version or other.version not in have:
                continue
            ev = (f"{mover.name}=={mover.version} and {other.name}=={other.version} both install {top}/: the one "
                  f"installed last overwrote the other's files, so {top} mixes two releases; "
                  f"{mover.name} {other.version} is the same release as {other.name}")
            ctx.evidence.append(ev)
            _add(out, Culprit(mover.name, f"=={other.version}", CONF_MATRIX, [ev], "mixed-install"), ctx)
    if not out:
        return None
    names = " and ".join(f"{p.name}=={p.version}" for p in shippers)
    return (f"{sig.module} is only partially initialised: {names} install the same {top}/ folder at different "
            f"releases, and the files of one overwrote the other's", out)


# A pin's setup.py as pip builds it: /tmp/pip-build-x/xmlsec/setup.py, .../pip-install-x/xmlsec_<hash>/setup.py
_BUILD_SETUP = re.compile(r"[\\/]pip-(?:build|install|req-build)-[^\\/]{1,60}[\\/]([A-Za-z0-9][\w.\-]{0,100}?)(?:_[0-9a-f]{32})?"
                          r"[\\/]setup\.py$")


def _setup_imports_undeclared(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """A pin's setup.py imports a module its build never declared: its releases that build without it.

    SAML-Toolkits/python3-saml#47: pip built xmlsec 1.0.1 from its sdist, whose ``setup.py``
    runs ``import pkgconfig`` at the top; 1.0.3 moved the import into the build step and
    declared pkgconfig as a build requirement.  The frame is the pin's setup.py in pip's build
    folder; a release builds without the module when it ships a wheel for the target, or its
    setup.py imports it nowhere at module level, or its pyproject.toml's build requirements name
    it.  Forward to the first later such release, back to the last earlier one.
    """
    from . import users

    top = (sig.module or "").split(".")[0]
    pin = None
    for fr in ctx.crash.root.frames:
        m = _BUILD_SETUP.search(fr.file or "")
        if m and top and re.search(rf"\b(?:import|from)\s+{re.escape(top)}\b", fr.source or ""):
            pin = ctx.pinned(m.group(1))
    if pin is None or not pin.version or ctx.is_keep(pin.name) or ctx.probe is None:
        return []

    def builds(v: str) -> Optional[bool]:
        try:
            rel = ctx.index.release(pin.name, v)
            if rel is not None and rel.wheels_for(ctx.target):
                return True  # a wheel for the target: nothing is built
            if rel is None or rel.sdist() is None:
                return None
            # the sdist pip would build (not another platform's wheel): its root setup.py and pyproject.toml
            got = ctx.index.read_members(pin.name, v, lambda m: m.count("/") == 1 and m.endswith(("/setup.py", "/pyproject.toml")),
                                         max_bytes=400_000, built=True)
        except Exception:
            return None
        setup = next((b.decode("utf-8", "replace") for m, b in got.items() if m.endswith("/setup.py")), None)
        pyproject = next((b.decode("utf-8", "replace") for m, b in got.items() if m.endswith("/pyproject.toml")), "")
        if setup is None:
            return None
        section = re.search(r"^\[build-system\][ \t]*$(.*?)(?=^\[[A-Za-z]|\Z)", pyproject or "", re.M | re.S)
        if section and re.search(rf"""["']{re.escape(top)}\b""", section.group(1), re.I):
            return True
        return not _imports_at_module_level(setup, top)

    try:
        if builds(pin.version) is not False:
            return []
        forward = _first_later(ctx, pin.name, pin.version, lambda v: builds(v) is True)
        back = users.last_where_before(ctx.probe, pin.name, pin.version, lambda v: builds(v) is True)
    except Exception:
        return []
    where = f"{pin.name}=={pin.version}'s setup.py imports {top} at the top, which its build does not declare"
    return _both_ways(pin, where, forward, "builds without it", back, "built without it")


MAX_BUILT_PINS = 8  # pins without a wheel for the target whose build requirements are read
MAX_TOOL_MODULES = 400  # modules of a build tool's release searched for the removed name


def _build_requires(ctx: Context, dist: str, version: str) -> Optional[List[Requirement]]:
    """The build requirements pip would install to build ``dist==version`` for the target.

    None when pip builds nothing (a wheel for the target) or the sdist cannot be read; a
    missing pyproject.toml or ``[build-system]`` gives ``[]`` (pip's legacy setuptools, uncapped).
    """
    from .knowledge import _toml

    try:
        rel = ctx.index.release(dist, version)
        if rel is None or rel.wheels_for(ctx.target) or rel.sdist() is None:
            return None
        got = ctx.index.read_members(dist, version, lambda m: m.count("/") == 1 and m.endswith("/pyproject.toml"),
                                     max_bytes=200_000, built=True)
    except Exception:
        return None
    text = next((b.decode("utf-8", "replace") for b in got.values()), "")
    try:
        requires = (_toml.loads(text).get("build-system") or {}).get("requires") or [] if text else []
        out = [Requirement(r) for r in requires if isinstance(r, str)]
    except Exception:
        return None
    return [r for r in out if r.marker is None or ctx.target.evaluate(r.marker, "")]


def _tool_uses(ctx: Context, dist: str, version: str, needles: Tuple[str, ...]) -> Optional[bool]:
    """Whether ``dist==version``'s own modules (its vendored copies and tests aside) spell one of ``needles``.

    A module that asks first (``if hasattr(pkgutil, 'ImpImporter'):``, setuptools 66.1 and later)
    spells the name safely and does not count.
    """
    from .probe import ReleaseTree

    mod, _, name = needles[0].rpartition(".")
    guard = re.compile(rf"""(?:hasattr|getattr)\(\s*{re.escape(mod)}\s*,\s*['"]{re.escape(name)}['"]""") if mod else None

    try:
        tree = ReleaseTree(ctx.probe, dist, version)
        paths = [p for p in tree.paths() if p.endswith(".py") and not re.search(r"(?:^|/)(?:_?vendor(?:ed)?|tests?)/", p)]
        if len(paths) > MAX_TOOL_MODULES:
            return None
        for i in range(0, len(paths), 60):
            batch = paths[i:i + 60]
            tree.prefetch(batch)
            for p in batch:
                text = tree.read(p) or ""
                if any(n in text for n in needles) and not (guard and guard.search(text)):
                    return True
    except Exception:
        return None
    return False


def _capped_tool_using(ctx: Context, reqs: List[Requirement], needles: Tuple[str, ...]) -> Optional[Tuple[str, str]]:
    """``(tool, newest release the caps allow)`` of a build requirement capped below the tool's newest
    release, where that allowed release uses the removed name; None when no cap does."""
    for req in reqs:
        if not str(req.specifier):
            continue
        finals = _final_versions(ctx, req.name) or []
        allowed = [v for v in finals if req.specifier.contains(v)]
        if not allowed or allowed[-1] == finals[-1]:
            continue  # no cap: pip takes the newest tool, which the Python's removal concerns no more than any release
        if _tool_uses(ctx, req.name, str(allowed[-1]), needles):
            return req.name, str(allowed[-1])
    return None


def _build_caps_old_tool(ctx: Context, sig: F.Signal, said: str) -> List[Culprit]:
    """A pin pip builds from its sdist, whose build requirements cap a tool to releases using the removed name.

    deepgram/live-streaming-starter-kit#12: PyAudio 0.2.13 ships no wheel for Linux, so pip builds
    its sdist, whose ``[build-system]`` asks for ``setuptools<=65.1.1``; that setuptools' own
    pkg_resources registers ``pkgutil.ImpImporter``, gone in Python 3.12, and the build dies
    with "module 'pkgutil' has no attribute 'ImpImporter'".  PyAudio 0.2.14 dropped the cap.  The
    pin moves to its nearest releases that build (a wheel for the target, or no cap that
    holds the tool to such a release).  Read from the sdists and the tool's release files.
    """
    from . import users

    if ctx.probe is None or ctx.index is None:
        return []
    short = sig.module.rsplit(".", 1)[-1]
    needles = (f"{short}.{sig.name}", f"import {sig.name}")
    found: List[Culprit] = []
    built = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)][:MAX_LISTED_PINS]
    asked = 0
    for pin in built:
        reqs = _build_requires(ctx, pin.name, pin.version)
        if reqs is None:
            continue
        asked += 1
        if asked > MAX_BUILT_PINS:
            break
        capped = _capped_tool_using(ctx, reqs, needles)
        if capped is None:
            continue

        def builds(v: str, name: str = pin.name) -> bool:
            rel = ctx.index.release(name, v)
            if rel is not None and rel.wheels_for(ctx.target):
                return True
            later_reqs = _build_requires(ctx, name, v)
            return later_reqs is not None and _capped_tool_using(ctx, later_reqs, needles) is None

        try:
            forward = _first_later(ctx, pin.name, pin.version, builds)
            back = users.last_where_before(ctx.probe, pin.name, pin.version, builds)
        except Exception:
            continue
        where = (f"pip builds {pin.name}=={pin.version} from its sdist, whose build requirements hold {capped[0]} "
                 f"to <={capped[1]}, which uses {sig.module}.{sig.name}; {said}")
        found += _both_ways(pin, where, forward, "builds without that cap", back, "builds without that cap")
    return found if len({c.name for c in found}) == 1 else []


def _stopped_shipping(ctx: Context, sig: F.Signal, caller: Party) -> List[Culprit]:
    """"No module named configparser": the one pin whose release before the pinned one installed that top-level module.

    nipy/nipype#1699: future 0.15.2 installed a top-level ``configparser`` package on Python 2;
    0.16.0 stopped, and nipype 0.12.1's ``import configparser`` failed.  Each movable pin's
    release just before its pinned one is listed (one file list each); the one pin whose earlier
    release installs the module and whose pinned release does not goes back to the newest release
    that installs it.  Only a top-level module no pin of the set installs now.
    """
    from ..crash.stdlib import PY3_RENAMES, is_stdlib_module
    from . import users

    top = (sig.module or "").split(".")[0]
    python = tuple(ctx.target.python)
    stdlib = is_stdlib_module(top, python) and not (python[0] < 3 and top in PY3_RENAMES)
    if ctx.probe is None or not top.isidentifier() or "." in (sig.module or "") or caller.kind == "project" \
            or top.lower() in _NEVER_IMPORTED_TOPS or stdlib:
        return []  # (the project's own import, a tests/docs folder, the standard library: no pin's doing)
    active = [p for p in ctx.pins if p.active and p.version][:MAX_LISTED_PINS]
    if any(_installs_package(ctx, p.name, p.version, top, namespace=True) for p in active):
        return []  # installed now (a namespace package too): the crash is not a missing module
    wanted = {canonicalize_name(top), canonicalize_name(top.replace("_", "-"))}
    try:
        if any(canonicalize_name(r.name) in wanted for p in active
               for r in ctx.index.metadata(p.name, p.version).dependencies(ctx.target, ())):
            return []  # a pin asks for a distribution of that name: the set is only missing it
    except Exception:
        return []
    movable = [p for p in active if not ctx.is_keep(p.name)]
    found: List[Culprit] = []
    for pin in movable:
        try:
            pinned = Version(pin.version)
            earlier = [v for v in _final_versions(ctx, pin.name) or () if v < pinned]
        except Exception:
            continue
        if not earlier or not _installs_package(ctx, pin.name, str(earlier[-1]), top):
            continue
        back = users.last_where_before(ctx.probe, pin.name, pin.version,
                                       lambda v, n=pin.name: _installs_package(ctx, n, v, top))
        if back:
            found.append(Culprit(pin.name, f"<={back}", CONF_PROBE - 0.1, [
                f"{pin.name} {back} installs a top-level {top} and {pin.name}=={pin.version} does not "
                f"(read from the releases' file lists)"], "release-files"))
    return found if len(found) == 1 else []


# Top-level names a release may ship that no import means: a release's own tests, docs, examples.
_NEVER_IMPORTED_TOPS = frozenset({"test", "tests", "testing", "doc", "docs", "example", "examples", "benchmarks",
                                  "scripts", "tools", "build", "setup"})


def _installs_package(ctx: Context, name: str, version: str, top: str, namespace: bool = False) -> bool:
    """Whether the release installs ``top``: a package with an ``__init__`` (``namespace``: any folder of that
    name, a PEP 420 namespace's part), or a top-level module of a wheel (an sdist's root ``.py`` files are
    build helpers as often as modules: versioneer, ez_setup)."""
    try:
        members = ctx.probe._members(name, version)
    except Exception:
        return False
    if any(m.split("/")[0].endswith(".dist-info") for m in members):  # a wheel
        return any(m == f"{top}/__init__.py" or m == f"{top}.py" or (namespace and m.startswith(f"{top}/"))
                   for m in members)
    from ..crash.attribute import _sdist_import_paths

    return any(m.startswith(f"{top}/") and (namespace or m == f"{top}/__init__.py") for m in _sdist_import_paths(members))


def _imports_at_module_level(text: str, top: str) -> bool:
    """Whether a setup.py imports ``top`` unconditionally while it is read (not in a function or a try)."""
    tree = parse_quietly(text)
    if tree is None:
        return False
    stack = list(tree.body)
    while stack:
        st = stack.pop()
        if isinstance(st, ast.Import) and any(a.name.split(".")[0] == top for a in st.names):
            return True
        if isinstance(st, ast.ImportFrom) and not st.level and (st.module or "").split(".")[0] == top:
            return True
        if isinstance(st, ast.If):
            stack += st.body + st.orelse
    return False


def _env_advice(sig: F.Signal, ctx: Context) -> str:
    advice = sig.advice
    torch = ctx.pinned("torch")
    if torch is not None and torch.version and re.search(r"CUDNN|kernel image|CUDA", sig.message):
        v = torch.version.split("+")[0]
        advice += (f" For torch=={v}: the PyPI wheel is one CUDA build; the same version built for other CUDA "
                   f"versions (e.g. {v}+cu111 from https://download.pytorch.org/whl/) still satisfies torch=={v} "
                   f"under PEP 440, or a later release ships a newer CUDA build.")
    return advice.strip()


def _removed_name(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Diagnosis:
    what = _what(sig)
    callee_name = module_owner(sig.module, ctx, sig.detail.get("path"))
    if callee_name is None:
        if sig.detail.get("no_module") and sig.module and ctx.target.python[0] < 3:
            # Python 2 prints only the part below the package it found: 'No module named pdfdocument'
            # for pdfminer.pdfdocument, 'No module named ext.login' for flask.ext.login.
            head, _, rest = sig.module.partition(".")
            full = _py2_submodule(ctx, head)
            if full:
                sig.module = full + (f".{rest}" if rest else "")
                return _removed_name(ctx, sig, caller, done)
        if sig.detail.get("no_module"):
            built = _setup_imports_undeclared(ctx, sig)
            if built:
                ctx.callee = ctx.party(built[0].name)
                return done("transitive", sig.family, f"module {sig.module} belongs to no package of the set: "
                            f"{built[0].evidence[0].split('; ')[0]}", built)
            stopped = _stopped_shipping(ctx, sig, caller)
            if stopped:
                ctx.callee = ctx.party(stopped[0].name)
                return done("transitive", sig.family, f"module {sig.module} belongs to no package of the set: "
                            f"{stopped[0].evidence[0]}", stopped)
            dropped = _dropped_dependency(ctx, sig, caller) or _declared_later(ctx, sig, caller)
            if dropped:
                ctx.callee = ctx.party(dropped[0].name)
                return done("transitive", sig.family, f"module {sig.module} belongs to no package of the set: "
                            f"{dropped[0].evidence[0]}", dropped, f"or add the distribution that provides {sig.module} "
                            f"to the requirements")
            return done("unknown", sig.family, f"module {sig.module} belongs to no package of the set: a dependency is "
                        f"missing from the set (it is reported, never added)", [],
                        f"add the distribution that provides {sig.module} to the requirements")
        if not sig.module and "Import" in sig.exc_type and caller.kind == "unknown" \
                and not any(e.frames for e in ctx.crash.exceptions):
            module = _module_of_bare_import(ctx, sig)
            if module is not None:
                sig.module = module
                return _removed_name(ctx, sig, caller, done)
        # e.g. "module 'lib' has no attribute ...": a binding module named after nothing; dates may still tell.
        if caller.kind == "unknown" and not any(e.frames for e in ctx.crash.exceptions):
            return _by_name_users(ctx, sig, done)
        return _owner_by_time(ctx, sig, caller, done)
    callee = ctx.party(callee_name)
    ctx.callee = callee
    if sig.family == F.ATTRIBUTE and sig.module and sig.name and not sig.detail.get("no_module") \
            and not sig.detail.get("circular"):
        unimported = _submodule_import_dropped(ctx, sig, callee, done)
        if unimported is not None:
            return unimported
    if sig.detail.get("circular"):
        mixed = _mixed_install(ctx, sig, callee)
        if mixed is not None:
            summary, culprits = mixed
            return done(_verdict_for(callee, caller, ctx), sig.family, summary, culprits)
        compiled = _compiled_member(ctx, callee, sig.module, sig.name) if sig.module and sig.name else None
        if compiled:
            # charset_normalizer's md__mypyc: the release ships the extension the package imports
            # first, and it did not load (a broken or foreign-platform install), so the import stopped.
            return _extension_did_not_load(ctx, sig, callee, compiled, done)
        built = _built_for_older_python(ctx, callee, sig)
        if built is not None:
            return done("direct", sig.family, f"{sig.module} is only partially initialised: {built.evidence[0]}", [built])
        return done("unknown", sig.family, f"{sig.module} is only partially initialised: a circular import "
                    f"(often a project file shadowing a library), not a version problem", [])
    frames = ctx.crash.root.frames
    if caller.kind == "dist" and caller.key == callee.key and frames and frames[-1].function == "__getattr__":
        # numpy's module __getattr__ raising for np.asscalar: the caller is whoever asked for it.
        caller = _outside(ctx, callee)
    verdict = _verdict_for(callee, caller, ctx)
    out: List[Culprit] = []
    present: Optional[str] = None
    took = ""  # why the presence range was narrowed to the releases taking the call's keywords
    said = sig.detail.get("removed_in")
    if said and not ctx.is_keep(callee.name) and canonicalize_name(said[0]) == callee.key:
        # The library's own error message names the release that removed it.
        _add(out, Culprit(callee.name, f"<{said[1]}", CONF_KB, [f"the message says {what} was removed in "
                          f"{said[0]} {said[1]}"], "error-message"), ctx)
    if not ctx.is_keep(callee.name):
        mod = sig.module if not sig.detail.get("no_module") else sig.module.rsplit(".", 1)[0]
        real = _module_at_path(sig.detail.get("path")) if not sig.detail.get("no_module") else None
        if real and real.split(".")[0] != mod.split(".")[0] and real.split(".")[-1] == mod.split(".")[-1]:
            # 'requests.packages.urllib3.contrib' printed with urllib3\contrib\__init__.py: an alias of
            # urllib3.contrib, which is the module urllib3's releases are asked about.
            mod = real
        name: Optional[str] = sig.name if not sig.detail.get("no_module") else sig.module.rsplit(".", 1)[-1]
        if sig.detail.get("no_module") and "." not in sig.module:
            # A top-level module ('No module named attrs'): is the module there, not an attribute of
            # itself.  attrs ships 'attrs' beside 'attr' only from 21.3.0.
            mod, name = sig.module, None
        present = probe_range(ctx, callee.name, mod, name)
        if sig.detail.get("no_module") and "." in sig.module and name is not None \
                and (not present or not excludes(present, callee.version)):
            # 'from astropy._erfa.core import ...' imports a submodule: astropy 4.2's _erfa binds
            # 'core' as an attribute (from erfa import core) but ships no core.py, so the submodule
            # is what is asked about (astropy<4.2 shipped it).
            as_module = probe_range(ctx, callee.name, sig.module, None)
            if as_module and excludes(as_module, callee.version):
                present = as_module
        if present and name and excludes(present, callee.version) and not sig.detail.get("no_module"):
            present, took = _accepting_the_call(ctx, callee, mod, name, present)
        if (not present or not excludes(present, callee.version)) and _pinned_has(ctx, callee, mod, name):
            compiled = _compiled_member(ctx, callee, mod, name)
            if compiled:
                # The release ships it as an extension module: it is there, it did not load.
                return _extension_did_not_load(ctx, sig, callee, compiled, done)
            frozen = _frozen_left_out(ctx, sig, callee, done)
            if frozen is not None:
                return frozen
            if _frozen(ctx):
                # every release ships it: the frozen app left it out, and no pin change brings it in
                return done("environment", sig.family, f"{callee.name}=={callee.version} ships {what}; the frozen app "
                            f"(PyInstaller's loader is in the frames) left it out", [],
                            f"name it a hidden import of the frozen app (PyInstaller: --hidden-import {sig.module}), "
                            f"or add a hook that collects it")
            # The index's own release has it: the installed copy is not that release (a distro
            # package that strips vendored modules, a half-finished upgrade, a file shadowing it).
            return done("environment", sig.family, f"{callee.name}=={callee.version} as the index serves it has {what}; "
                        f"the installed copy does not, so no version change is needed",
                        [], f"reinstall it from the index (pip install --force-reinstall {callee.name}=={callee.version}); "
                        f"a copy from a system package manager, or a local file named like the module, can lack what "
                        f"the release has")
        if present:
            _add(out, Culprit(callee.name, present, CONF_PROBE,
                              [f"{what} is present in {callee.name}{present} (read from release files)" if not took else
                               f"{what} takes the failing call's keywords in {callee.name}{present}; the name is older, "
                               f"but {took}"], "api-probe"), ctx)
        out += [c for c in matrix_culprits(callee.name, caller.name if caller.kind == "dist" else None, ctx) if c not in out]
        if caller.kind == "dist" and not ctx.is_keep(caller.name) and present:
            out += [c for c in _caller_back(ctx, caller, callee, sig, what) if c not in out]
        itself = _imports_from_itself(ctx, callee, sig)
        if itself:
            out += [c for c in itself if c not in out]
            verdict = "direct"
        if not out and mod and name:
            # The module binds it only when another pin is new enough (tensorflow-hub 0.7.0's KerasLayer).
            out += _export_needs_version(ctx, callee, mod, name)
        if not out:
            out += time_culprits(callee, caller, ctx, what)
    elif caller.kind == "dist" and not ctx.is_keep(caller.name):
        out += _caller_back(ctx, caller, callee, sig, what) or _caller_moves(ctx, caller, callee, what)
    if not out:
        if ctx.is_keep(callee.name):
            return done("direct", sig.family, f"the kept {callee.name}=={callee.version} no longer has {what}; "
                        f"no other pin can bring it back", [])
        listed = _bad_all_entry(ctx, sig, done)  # a name its own __all__ lists by mistake (a missing comma)
        if listed is not None:
            return listed
        return done("unknown", sig.family, f"{what} is missing from {callee.name}=={callee.version}, "
                    f"but no version range could be established", [])
    newer = bool(present) and not ctx.is_keep(callee.name) and _only_above(present, callee.version or "0")
    if newer and took and verdict in ("transitive", "project"):
        # the name is older than that range: the releases before it refuse the call's keywords
        user = caller.name or "a caller" if verdict == "transitive" else "the project"
        return done(verdict, sig.family, f"{callee.name}=={callee.version} lacks {what}, which {user} calls with "
                    f"keywords that only {callee.name}{present} takes ({took})", out)
    summary = {
        "transitive": (f"{callee.name}=={callee.version} does not have {what} yet ({callee.name}{present} has it), which "
                       f"{caller.name or 'a caller'} uses") if newer else
                      f"{callee.name}=={callee.version} no longer has {what}, which {caller.name or 'a caller'} uses",
        "project": (f"the project uses {what}, which {callee.name}=={callee.version} does not have yet "
                    f"({callee.name}{present} has it)") if newer else
                   f"the project uses {what}, which {callee.name}=={callee.version} no longer has",
        "direct": f"the kept {callee.name}=={callee.version} changed {what}; its caller {caller.name} must move"
                  if ctx.is_keep(callee.name) else
                  f"{callee.name}=={callee.version}'s own module imports {what}, which its own package lacks: "
                  f"the release is broken against itself",
    }[verdict]
    return done(verdict, sig.family, summary, out)


_ADAPTABLE = (F.IMPORT_NAME, F.ATTRIBUTE, F.SIGNATURE, F.PYTHON_VERSION)


_FROZEN_LOADER = re.compile(r"PyInstaller[\\/]loader[\\/]|(?:^|[\\/])pyimod0\d_\w+\.py$|(?:^|[\\/])pyi_rth_\w+\.py$")


def _frozen(ctx: Context) -> bool:
    """PyInstaller's loader is in the frames (PyInstaller 6 prints a bare 'pyimod02_importers.py')."""
    return any(_FROZEN_LOADER.search((fr.file or "")[:MAX_WITH_LINE]) for e in ctx.crash.exceptions for fr in e.frames)


def _frozen_left_out(ctx: Context, sig: F.Signal, callee: Party, done: Any) -> Optional[Diagnosis]:
    """A frozen app's "No module named 'pkg_resources.py2_warn'": the freezer left out a module the release has.

    PyInstaller 3.3 bundles what its hooks name; setuptools 45.0.0's ``pkg_resources`` began
    importing ``py2_warn`` by a path no hook knew, so the frozen app lacks a module the
    release ships.  With PyInstaller's loader in the frames, the callee's newest earlier
    release without that module is the way back (setuptools 44.0.0); the installed copy is
    not to blame, and the freezer is left as pinned (which of its releases collects the
    module is not read).
    """
    from . import users
    from .probe import NO, Question

    if not _frozen(ctx) or not sig.detail.get("no_module") or not sig.module or not callee.version:
        return None
    # The import that failed must be the callee's own (setuptools' pkg_resources importing
    # py2_warn): an app's own import of the module is not moved by an older callee.
    inner = next((fr for fr in reversed(ctx.crash.root.frames) if not _FROZEN_LOADER.search((fr.file or "")[:MAX_WITH_LINE])),
                 None)
    parts = [p for p in re.split(r"[\\/]+", inner.file or "") if p] if inner is not None else []
    top = sig.module.split(".")[0]
    if top not in parts or canonicalize_name(module_owner(top, ctx) or "") != callee.key:
        return None
    question = Question(sig.module)
    try:
        back = users.last_where_before(ctx.probe, callee.name or "", callee.version,
                                       lambda v: ctx.probe.ask(callee.name, v, question).value == NO)
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {callee.name}'s releases: {type(exc).__name__}")
        return None
    if back is None:
        return None
    ev = (f"PyInstaller's loader is in the frames: the frozen app lacks {sig.module}, which {callee.name} "
          f"{callee.version} ships and imports; {callee.name} {back} has no such module (read from release files)")
    ctx.evidence.append(ev)
    return done("transitive", sig.family, f"a frozen app left out {sig.module}: {ev}",
                [Culprit(callee.name, f"<={back}", CONF_PROBE, [ev], "release-files")],
                f"or keep {callee.name} and name the module a hidden import of the frozen app "
                f"(PyInstaller: --hidden-import {sig.module})")


def _imports_from_itself(ctx: Context, callee: Party, sig: F.Signal) -> List[Culprit]:
    """The innermost frame is the callee's own import of its own name: its first later release that changed that import.

    Authlib 0.14's ``authlib/flask/client/__init__.py`` (a compatibility shim) runs ``from
    authlib.integrations.flask_client import OAuth, RemoteApp``, and 0.14's own
    ``flask_client`` has no RemoteApp; 0.14.1 fixed the shim.  The release is broken against
    itself: the way forward is its own next release whose failing statement changed, beside
    the way back to where the name was.
    """
    from . import adapted

    frames = ctx.crash.root.frames
    if ctx.probe is None or sig.family != F.IMPORT_NAME or not frames or ctx.is_keep(callee.name) or not callee.version:
        return []
    party = _frame_party(frames[-1], ctx)
    if party is None or party.kind != "dist" or party.key != callee.key \
            or not (frames[-1].source or "").lstrip().startswith(("from ", "import ")):
        return []
    own = adapted.caller_frames(frames, callee.key or "", canonicalize_name)
    try:
        found = adapted.first_adapted(ctx.probe, ctx.index, callee.name, callee.version, own[-1:])
    except Exception:
        return []
    if found is None or not found.innermost:
        return []
    ev = f"{callee.name}=={callee.version} imports its own {_what(sig)} and lacks it; {found.describe(callee.name, callee.version)}"
    ctx.evidence.append(ev)
    return [Culprit(callee.name, f">={found.version}", CONF_PROBE, [ev], "release-files")]


def adapted_culprits(ctx: Context, caller: Party, *, innermost_only: bool = False) -> List[Culprit]:
    """Move a movable caller to its first later release whose failing statement changed (read from release files).

    This is the strongest evidence that the caller adapted: its maintainers
    rewrote the very call that crashes.  Releases uploaded before the callee's
    breaking series (when known) are not considered: they cannot have adapted.
    """
    callee = ctx.callee
    if callee is not None and callee.key and caller.key == callee.key:
        caller = _outside(ctx, callee)  # the frames raising are the callee's own (a Cython .pyx frame)
    if ctx.probe is None or caller.kind != "dist" or not caller.version or ctx.is_keep(caller.name):
        return []
    from . import adapted

    frames = adapted.caller_frames(ctx.crash.root.frames, caller.key or "", canonicalize_name)
    if not frames:
        return []
    after = None
    if callee is not None and callee.kind == "dist" and callee.version and callee.key != caller.key:
        # Only a callee that moved under the caller (its series is newer than the caller's
        # release) can have been adapted to.  A caller newer than its callee asked for too much:
        # it moves forward only to a release that stopped reaching the name where it can fail
        # (bokeh 3.0.1 moved 'from typing_extensions import NotRequired' under TYPE_CHECKING),
        # never merely because the failing line was edited.
        start = timeline.series_start(ctx.index, callee.name, callee.version)
        c_time = timeline.upload_time(ctx.index, caller.name, caller.version)
        if start and start[1] and c_time and c_time >= start[1] and not ctx.known_break:
            # (A knowledge entry saying the callee broke the API is different: a caller released
            # after the break may simply not have adapted yet, as py4web 1.20210407.1 under PyJWT 2.)
            return _adapted_by_use(ctx, caller, frames[0], None)
    if callee is not None and callee.kind == "dist" and callee.version and callee.key != caller.key:
        start = timeline.series_start(ctx.index, callee.name, callee.version)
        after = start[1] if start else None
    try:
        sig = ctx.signal
        still_broken = None
        if sig is not None and sig.module and not sig.detail.get("keyword") and not sig.detail.get("python_added") and (
                (sig.name and sig.family in (F.IMPORT_NAME, F.ATTRIBUTE, F.PYTHON_VERSION))
                or sig.family == F.PYTHON_VERSION):
            # (a stdlib name the target's Python dropped too: aiohttp 3.6.0 edited an outer import
            # of the failing path but still read asyncio.coroutines._DEBUG; a whole module Python
            # dropped, "No module named 'imp'", has no name but the same question elsewhere)
            from . import users

            def still_broken(v: str, rel: str) -> bool:
                if not sig.name:
                    return _imports_other_removed_module(v)
                # (a module Python cannot parse, such as a Cython .pyx, reads as importing nothing:
                # its changed line stays the evidence)
                if users._imports_other_missing(ctx, caller.name, v, rel, sig.module, sig.name):
                    return True
                # The failing line changed, but the release may reach the name elsewhere:
                # Flask-SQLAlchemy 3.0.0 moved 'module.__all__' into extension.py's __getattr__.
                raises = "AttributeError" if sig.family == F.ATTRIBUTE or (
                    sig.family == F.PYTHON_VERSION and ctx.crash.root.type.endswith("AttributeError")) else "ImportError"
                try:
                    use = users.first_use(ctx.probe, caller.name, v, sig.module, sig.name, raises=raises,
                                          python=tuple(ctx.target.python))
                except Exception:
                    return False  # could not read it all: the changed line stays the evidence
                if use is not None:
                    ctx.evidence.append(f"{caller.name} {v} changed the failing line but still uses {sig.module}.{sig.name} "
                                        f"({use.file} line {use.line}: `{use.statement}`): not a fix")
                    return True
                return sig.family == F.PYTHON_VERSION and _imports_other_removed_module(v)

            def _imports_other_removed_module(v: str) -> bool:
                return users._imports_other_removed(ctx, caller.name, v, changed_line=True)

        if sig is not None and sig.family == F.SIGNATURE and sig.name and "unexpected keyword argument" in sig.message:
            # (not "got multiple values for argument 'x'": its fix keeps x= and drops a positional)
            still_broken = _still_passes(ctx, caller, frames[0], sig.name)
        found = adapted.first_adapted(ctx.probe, ctx.index, caller.name, caller.version, frames, after=after,
                                      still_broken=still_broken)
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {caller.name}'s later releases: {type(exc).__name__}: {exc}")
        return []
    if found is None:
        return _adapted_by_use(ctx, caller, frames[0], after)
    if innermost_only and not found.innermost:
        return []
    conf = CONF_PROBE if found.innermost and not found.guard else CONF_TIME + 0.1
    changed = [Culprit(caller.name, f">={found.version}", conf, [found.describe(caller.name, caller.version)], "release-files")]
    if found.innermost and ctx.signal is not None and ctx.signal.family in (F.IMPORT_NAME, F.ATTRIBUTE):
        # An earlier release may keep the failing line as a fallback it no longer reaches:
        # django-sql-explorer 1.1.2 put 'from django.core.urlresolvers import reverse' under
        # 'except ImportError' after importing django.urls; 2.0 deleted the line.
        guarded = _adapted_by_use(ctx, caller, frames[0], after)
        if guarded and (Version(guarded[0].constraint[2:]) < Version(found.version)
                        or (found.guard and Version(guarded[0].constraint[2:]) == Version(found.version))):
            # (a changed test around the kept line is weaker than reading that the line is no
            # longer reached: flagai 1.7.2 put 'from torch._six import inf' under a torch version test)
            return guarded
    return changed


# A match starts at a name's start (linear), also after ')' or ']' and a dot: 'self._clients[0].Client('
_CALLED_DOTTED = re.compile(r"(?:(?<![\w.])|(?<=[)\]]\.))([A-Za-z_][\w.]*)\s*\(")


def _still_passes(ctx: Context, caller: Party, frame: Frame, keyword: str) -> Any:
    """``still_broken`` for a refused keyword: the release's failing file still passes ``keyword=`` to that callable.

    openai 1.3.9 moved ``httpx.Client(..., proxies=proxies)`` down a few lines: the failing
    line changed, the call did not (httpx 0.28 refuses ``proxies``; openai stopped passing it
    in 1.55.3).  The callable is the one the failing line names (``httpx.Client``), matched by
    its last part, or a class of the file built on it (1.3.9's ``SyncHttpxClientWrapper``).  A
    line naming no callable (a continuation line) gives no check: None.
    """
    from . import users
    from .probe import ReleaseTree

    names = {n.rsplit(".", 1)[-1] for n in _CALLED_DOTTED.findall((frame.source or "")[:MAX_WITH_LINE * 5])}
    if not names:
        return None  # a continuation line names no callable: the changed line stays the evidence

    def still_broken(v: str, rel: str) -> bool:
        try:
            text = ReleaseTree(ctx.probe, caller.name or "", v).read(rel) or ""
            mod = users._parsed(text)
        except Exception:
            return False  # could not read it: the changed line stays the evidence
        wanted = set(names)
        for node in ast.walk(mod):
            # openai 1.3.9 calls its own SyncHttpxClientWrapper(httpx.Client): the same callable's keywords
            if isinstance(node, ast.ClassDef) and any((users._dotted(b) or "").rsplit(".", 1)[-1] in names
                                                      for b in node.bases):
                wanted.add(node.name)
        hit = any(isinstance(node, ast.Call) and any(k.arg == keyword for k in node.keywords)
                  and (users._dotted(node.func) or "").rsplit(".", 1)[-1] in wanted for node in ast.walk(mod))
        if hit:
            ctx.evidence.append(f"{caller.name} {v} changed the failing line but still passes {keyword}= there "
                                f"({rel}): not a fix")
        return hit

    return still_broken


def _no_caller_frames(ctx: Context) -> bool:
    """No frame outside the callee was printed (none at all, or only numpy's own ``__getattr__`` of a cut paste)."""
    callee = ctx.callee
    for exc in ctx.crash.exceptions:
        for fr in exc.frames:
            party = _frame_party(fr, ctx)
            if party is None or callee is None or not (party.kind == "dist" and party.key == callee.key):
                return False
    return True


def frameless_caller_culprits(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """No frames were printed: find the caller by reading the set, and the release that adapted.

    Only for a removed or moved name of a known callee of the set; the caller
    must declare the callee and its pinned release must use the name.
    """
    callee = ctx.callee
    no_module = bool(sig.detail.get("no_module"))
    if callee is not None and callee.kind == "dist" and callee.version and sig.cls and sig.name \
            and sig.family == F.ATTRIBUTE:
        # An attribute of a class ('Series' object has no attribute 'iteritems') under a known break of
        # its package: the one pin reading it and its release that stopped (geosnap 0.12.0).
        owner = ctx.pinned(callee.name)
        cls = sig.cls.rsplit(".", 1)[-1]
        users_found = _attribute_users(ctx, owner, sig.name, f"{cls}.{sig.name}", sourced=ctx.known_break) \
            if owner is not None else []
        if ctx.known_break:
            # The break itself is sourced: the one caller that stopped reading the attribute is as
            # good a fix as holding the package back, and the resolver weighs the two.
            for c in users_found:
                c.confidence = max(c.confidence, CONF_PROBE)
        return users_found
    if callee is None or callee.kind != "dist" or not callee.version or not sig.module or not (sig.name or no_module):
        return []
    if sig.family not in (F.IMPORT_NAME, F.ATTRIBUTE) or not (no_module or (sig.name or "").isidentifier()):
        return []
    if no_module and "." not in sig.module:
        return []  # a whole top-level package missing is a dependency left out, not a removed module
    from . import users

    # Any later release without a use counts: the pinned one uses the name, so
    # dropping it is adapting, whenever it happened (the callee's breaking
    # release is not known here; its current series may be years later).
    # A removed module ('No module named django.utils.lru_cache') is searched as an import of it.
    what = sig.module if no_module else f"{sig.module}.{sig.name}"
    out: List[Culprit] = []
    raises = "ModuleNotFoundError" if no_module else "AttributeError" if sig.family == F.ATTRIBUTE else "ImportError"
    parent, _, leaf = sig.module.rpartition(".")
    present = probe_range(ctx, callee.name, parent, leaf) if no_module else probe_range(ctx, callee.name, sig.module, sig.name)
    too_old = bool(present) and _only_above(present, callee.version)  # the callee has not got it *yet*
    callers = users.find_callers(ctx, sig.module, "" if no_module else sig.name, None, raises)
    others = [p for p in ctx.pins if p.active and p.key != callee.key]
    if len(others) <= users.MAX_OWNER_PINS and not ctx.unread_callers and not any(ctx.is_keep(p.name) for p in others) \
            and all(p.version for p in others):  # a line without an exact version was not read
        ctx.set_callers = len(callers)  # every other pin was read (a keep-pin is not: it may still be the caller)
    for found in callers:
        if too_old:
            # accelerate 0.32 imports a name huggingface-hub only has from 0.21: the caller moves back.
            back, partial = users.last_without_before_read(
                ctx.probe, ctx.index, found.dist, found.version, sig.module, "" if no_module else sig.name, raises,
                base=(sig.module.split(".")[0], callee.version), base_dist=callee.name, use_file=found.use.file)
            if back:
                how = (f"whose {found.use.file} does not use it (the rest of that release is over the read cap and was "
                       f"not checked)" if partial else "that does not use it (read from release files)")
                ev = (f"no caller frame was printed; {found.dist} {found.version} uses {what} (`{found.use.statement}`, "
                      f"{found.use.file} line {found.use.line}), which {callee.name} has only in {present}; {found.dist} "
                      f"{back} is its newest earlier release {how}")
                ctx.evidence.append(ev)
                out.append(Culprit(found.dist, f"=={back}", CONF_TIME if partial else CONF_PROBE, [ev], "release-files"))
            if found.adapted and not found.partial:
                # ... or forward, to its first later release that no longer needs the newer callee
                # (django-pydantic-field 0.2.8 stopped importing pydantic 1.10's get_config)
                out.append(Culprit(found.dist, f">={found.adapted}", CONF_PROBE, [found.describe(what)], "release-files"))
            continue
        ctx.evidence.append(found.describe(what))
        if found.adapted:
            out.append(Culprit(found.dist, f">={found.adapted}", CONF_TIME if found.partial else CONF_PROBE,
                               [found.describe(what)], "release-files"))
    return out


def _adapted_by_use(ctx: Context, caller: Party, frame: Frame, after: Any) -> List[Culprit]:
    """The failing statement did not change, but a later release stopped reaching the name where it can fail.

    clearml 1.10.4 kept ``from requests.packages.urllib3.contrib import appengine``
    at the failing line and wrapped its fallback in a second try that sets the
    module to None: the statement is the same, the crash is gone.
    """
    sig = ctx.signal
    if sig is not None and not sig.module and sig.cls and sig.name and sig.family == F.ATTRIBUTE:
        return _stopped_reading_attribute(ctx, caller, frame, sig)
    if sig is None or not sig.module:
        return []
    # 'No module named keras.src': the module itself is the name (keras-tcn 3.5.6 put its import of
    # keras.src.saving under try/except ImportError, with a fallback for older Keras).
    name = "" if sig.detail.get("no_module") else (sig.name or "")
    if not sig.detail.get("no_module") and not name.isidentifier():
        return []
    from . import adapted, users

    rel = adapted.frame_relpath(frame)
    if not rel:
        return []
    raises = "AttributeError" if sig.family == F.ATTRIBUTE or "Attribute" in sig.exc_type else "ImportError"
    at_import = False
    try:
        use = users.first_use(ctx.probe, caller.name, caller.version, sig.module, name, files=[rel], raises=raises)
        if use is None and raises == "ImportError" and frame.line and _imports_it(frame.source or "", sig.module, name):
            # The reading took the line for guarded ('if django.VERSION[1] >= 10: ... else: from
            # django.core.urlresolvers import reverse'), but the printed frame shows it ran.
            use = users.Use(rel, frame.line, (frame.source or "").strip())
        if use is None:
            return []
        # A crash while the module was imported ('<module>' frame) is gone in a release that imports
        # the name only inside the function needing it (peft 0.18.1 under transformers 4.49).
        later, partial = users._first_without(ctx, caller.name, caller.version, sig.module, name, use, after, raises)
        if not later and raises == "ImportError" and frame.function == "<module>":
            # Only a use inside a function body is left (peft 0.18.1): the crash at import is gone,
            # weighed lower, because calling that function may still fail.
            at_import = True
            later, partial = users._first_without(ctx, caller.name, caller.version, sig.module, name, use, after,
                                                  raises, import_time=True)
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {caller.name}'s later releases: {type(exc).__name__}")
        return []
    if not later:
        return []
    how = _how_read(partial)
    if at_import:
        # the crash at import is gone, but code calling the function that now imports it may still fail
        how += "; a use left inside a function body is not counted"
    # The module read is the failing frame's own: as strong as first_adapted's changed outer statement,
    # which is not read whole either (transformers 4.43.2 guarded torch.float8_e4m3fn in modeling_utils).
    return [Culprit(caller.name, f">={later}", CONF_TIME + 0.1 if partial or at_import else CONF_PROBE,
                    [f"{caller.name} {later} no longer reaches {sig.module + ('.' + name if name else '')} where it can fail (`{use.statement}`, "
                     f"{use.file} line {use.line} in {caller.version}; {how})"], "release-files")]


def _how_read(partial: bool) -> str:
    """How a later release was judged: whole, or only the module that used the name (over the read cap)."""
    return "only that module was read: the release is over the read cap" if partial else "read from release files"


def _stopped_reading_attribute(ctx: Context, caller: Party, frame: Frame, sig: F.Signal) -> List[Culprit]:
    """A class attribute (``DataFrame.from_items``) the failing line reads: the caller's first later
    release that reads ``.attr`` nowhere (alphapy 2.4.1 rewrote it to ``DataFrame.from_dict``).

    Textual, so only for a distinctive attribute the printed line itself reads.
    """
    from . import adapted, users

    attr = sig.name or ""
    rel = adapted.frame_relpath(frame)
    source = frame.source or ""
    if not rel or len(attr) < 5 or not attr.isidentifier():
        return []
    reads = re.compile(rf"\.{re.escape(attr)}\b")
    if not reads.search(source):
        return []
    use = users.Use(rel, frame.line, source.strip())
    try:
        later, partial = users._first_release_without(ctx, caller, use, lambda text: _reads_unguarded(text, attr, reads))
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {caller.name}'s later releases: {type(exc).__name__}")
        return []
    if not later:
        return []
    how = _how_read(partial)
    cls = sig.cls.rsplit(".", 1)[-1]
    try:
        far = Version(later).major != Version(caller.version or "0").major
    except InvalidVersion:
        far = True
    # A release a major series away that no longer reads the name (schedula 0.1.12 -> 1.2.11) may have
    # been rewritten for any reason: weaker than alphapy's next patch, and ranked as such.
    return [Culprit(caller.name, f">={later}", CONF_TIME + 0.1 if partial or far else CONF_PROBE,
                    [f"{caller.name} {later} no longer reads .{attr} where it can fail (`{use.statement}`, {rel} line {frame.line} in "
                     f"{caller.version} read {cls}.{attr}; {how})"], "release-files")]


# Plain data a caller hands over: a release that began reading an attribute off it expects a new shape.
_DATA_TYPES = frozenset({"tuple", "list", "dict", "str", "bytes", "int", "float", "set", "frozenset"})


def _began_reading(ctx: Context, sig: F.Signal, caller: Party, from_pin: bool = False) -> List[Culprit]:
    """A pin's own line reads ``.attr`` off plain data (a tuple, a list): its newest earlier release whose
    function did not read it.

    Sphinx 7.3.0 turned each config option into an object and ``Config.__iter__`` reads
    ``opt.rebuild``; an extension still registering the old tuple gets "'tuple' object has no
    attribute 'rebuild'" inside Sphinx, and 7.2.6 is the way back.  tomlkit 0.11.7's
    ``Array.__getitem__`` began calling ``rv.is_boolean()`` on raw lists the same way.  The
    innermost frame must be the pin's, its printed line must read the attribute, and the
    earlier release must have the same function without that read (a function it lacked is no
    evidence).  Weighed as upload dates: the caller that handed the data over is not known.

    ``from_pin``: any object, handed over by another pin's frame just outside (jupyterlab 2.1.5
    calls ``add_handlers(web_app, config)``; jupyterlab-server 2.0.0's ``add_handlers(handlers,
    extension_app)`` calls ``handlers.append`` on what was the web app).  Then the read must be
    on a parameter of the function, and the way back may cross a major.
    """
    from . import users
    from .adapted import frame_relpath
    from .probe import ReleaseTree

    frames = ctx.crash.root.frames
    if ctx.probe is None or not frames or caller.kind != "dist" or not caller.version or ctx.is_keep(caller.name):
        return []
    fr = frames[-1]
    party = _frame_party(fr, ctx)
    rel = frame_relpath(fr)
    attr = sig.name or ""
    if party is None or party.key != caller.key or not rel or not attr.isidentifier() or fr.function.startswith("<"):
        return []
    if not re.search(rf"\.{re.escape(attr)}\b", fr.source or ""):
        return []
    i = len(frames)
    while i > 0 and (_frame_party(frames[i - 1], ctx) or Party("unknown")).key == caller.key:
        i -= 1
    outer = (_frame_party(frames[i - 1], ctx) or Party("unknown")) if i > 0 else Party("unknown")
    if outer.kind == "project":
        return []  # the project's own code handed the data over: its shape is the project's choice
    if from_pin and (outer.kind != "dist" or not outer.key or outer.key == caller.key):
        return []

    def reads(version: str) -> Optional[bool]:
        try:
            text = ReleaseTree(ctx.probe, caller.name, version).read(rel)
        except Exception:
            return None
        if not text:
            return None
        try:
            tree = users._parsed(text)
        except Exception:
            return None
        fns = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == fr.function]
        if not fns:
            return None
        if from_pin:
            return any(isinstance(n, ast.Attribute) and n.attr == attr and isinstance(n.value, ast.Name)
                       and n.value.id in {a.arg for a in f.args.posonlyargs + f.args.args + f.args.kwonlyargs}
                       for f in fns for n in ast.walk(f))
        return any(isinstance(n, ast.Attribute) and n.attr == attr for f in fns for n in ast.walk(f))

    if reads(caller.version) is not True:
        return []
    back = users.last_where_before(ctx.probe, caller.name, caller.version, lambda v: reads(v) is False)
    try:
        if not back or (not from_pin and Version(back).major != Version(caller.version).major):
            return []  # a major back is a rewrite, not the release before the new read
    except InvalidVersion:
        return []
    ev = (f"{caller.name} {caller.version}'s {fr.function}() reads .{attr} off a {sig.cls} ({rel} line {fr.line}); "
          f"{caller.name} {back}'s {fr.function}() did not read it yet: what is handed to it has the older shape "
          f"(read from release files)")
    ctx.evidence.append(ev)
    return [Culprit(caller.name, f"<={back}", CONF_TIME, [ev], "release-files")]


def _handing_caller_adapted(ctx: Context, inner: Party) -> List[Culprit]:
    """The pin whose frames call into the failing pin, at its first later release that changed that call.

    strictyaml 0.5.1's loader runs ``RoundTripScanner.__init__(self)``; ruamel.yaml 0.14 reads
    ``self.loader._reader`` there and meets None ("'NoneType' object has no attribute
    '_reader'"); strictyaml 0.5.2 passes ``loader=self``.  The failing pin's own frames say only
    that it got None or plain data; the pin that handed it over (its frames just outside)
    changing those very calls is the evidence, weighed below a rewrite of the failing line itself.
    """
    from . import adapted

    frames = ctx.crash.root.frames
    if ctx.probe is None or inner.kind != "dist" or not inner.key or not frames:
        return []
    i = len(frames)
    while i > 0:
        party = _frame_party(frames[i - 1], ctx)
        if party is None or party.key != inner.key:
            break
        i -= 1
    if i == 0 or i == len(frames):
        return []
    outer = _frame_party(frames[i - 1], ctx)
    if outer is None or outer.kind != "dist" or not outer.version or ctx.is_keep(outer.name):
        return []
    run = adapted.caller_frames(frames[:i], outer.key or "", canonicalize_name)
    try:
        found = adapted.first_adapted(ctx.probe, ctx.index, outer.name, outer.version, run)
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {outer.name}'s later releases: {type(exc).__name__}")
        return []
    if found is None:
        return []
    ev = f"{found.describe(outer.name, outer.version)}, where it calls into {inner.name}"
    ctx.evidence.append(ev)
    ctx.callee = ctx.party(inner.name)
    return [Culprit(outer.name, f">={found.version}", CONF_TIME + 0.1, [ev], "release-files")]


def _shadowing_override(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """A pin calls ``cls.m(a, b)`` and gets another pin's subclass override ``m(cls, a)``: either side's way out.

    django-filter 1.1.0's ``FilterSet.get_filters`` began calling ``cls.get_filter_name(field_name,
    lookup_expr)``; djangorestframework-filters 0.10.1 had its own ``get_filter_name(cls, param)``
    on a subclass, so Python says "get_filter_name() takes 2 positional arguments but 3 were
    given" inside django-filter.  The one other pin whose classes define ``m`` with exactly the
    positional count the message says is the override; its first later release without such a
    def (0.10.2 renamed it) and the calling pin's newest earlier release whose file does not call
    ``cls.m(``/``self.m(`` (1.0.4 called a module function) are the alternatives.
    """
    from . import users
    from .adapted import frame_relpath
    from .probe import ReleaseTree

    frames = ctx.crash.root.frames
    m = F._SIG_TAKES.search(sig.message or "") or F._SIG_TAKES_PY2.search(sig.message or "")
    if ctx.probe is None or not frames or not m or "from" in m.group(0).split("takes", 1)[1][:6]:
        return []
    method, takes = (sig.function or "").split(".")[-1], int(m.group(2))
    # Python 3.10+ prints the qualified name ('FilterSet.get_filter_name()'): only that class overrides
    named_cls = (sig.function or "").split(".")[-2] if "." in (sig.function or "") else None
    fr = frames[-1]
    caller = _frame_party(fr, ctx)
    rel = frame_relpath(fr)
    calls = re.compile(rf"\b(?:cls|self)\.{re.escape(method)}\s*\(")
    if caller is None or caller.kind != "dist" or not caller.version or not rel or not method.isidentifier() \
            or not calls.search(fr.source or ""):
        return []

    def overrides(dist: str, version: str) -> Optional[bool]:
        key = ("shadowing-override", canonicalize_name(dist), version, method, takes)
        if key in ctx.memo:
            return ctx.memo[key]  # type: ignore[no-any-return]
        found: Optional[bool] = False
        try:
            modules = users.modules_mentioning(ctx.probe, dist, version, f"def {method}")
        except Exception:
            modules = None
        if modules is None:
            found = None
        for _path, parsed in modules or []:
            for node in ast.walk(parsed):
                if isinstance(node, ast.ClassDef) and (named_cls is None or node.name == named_cls) and any(
                        (users._dotted(b) or "").rsplit(".", 1)[-1] in bases_ok
                        # six.with_metaclass(Meta, rest_framework.FilterSet): the bases are its arguments
                        for base in node.bases
                        for b in [base] + (list(base.args) if isinstance(base, ast.Call) else [])):
                    for f in node.body:
                        if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.name == method \
                                and f.args.vararg is None and len(f.args.posonlyargs) + len(f.args.args) == takes:
                            found = True
        ctx.memo[key] = found
        return found

    caller_classes = _class_methods(ctx, caller.name, caller.version, method)
    if caller_classes is None:
        return []
    bases_ok = caller_classes[0]  # classes the calling pin defines: the override must build on one
    others = [p for p in ctx.pins if p.active and p.version and p.key != caller.key and not ctx.is_keep(p.name)]
    holders = [p for p in others[:users.MAX_OWNER_PINS] if overrides(p.name, p.version) is True]
    if len(holders) != 1:
        return []
    owner = holders[0]
    out: List[Culprit] = []
    forward = _first_later(ctx, owner.name, owner.version, lambda v: overrides(owner.name, v) is False)
    where = (f"{caller.name}=={caller.version} calls `{(fr.source or '').strip()[:80]}` ({rel} line {fr.line}); "
             f"{owner.name}=={owner.version} overrides {method}() in a subclass with {takes} positional parameters")
    if forward:
        out.append(Culprit(owner.name, f">={forward}", CONF_TIME + 0.1,
                           [f"{where}; {owner.name} {forward} no longer does (read from release files)"], "release-files"))
    if not ctx.is_keep(caller.name):
        def quiet(v: str) -> bool:
            try:
                text = ReleaseTree(ctx.probe, caller.name, v).read(rel)
            except Exception:
                return False
            return text is not None and not calls.search(text)

        back = users.last_where_before(ctx.probe, caller.name, caller.version, quiet)
        if back:
            out.append(Culprit(caller.name, f"<={back}", CONF_TIME + 0.1,
                               [f"{where}; {caller.name} {back}'s {rel} did not call it that way yet (read from release "
                                f"files)"], "release-files"))
    if out:
        ctx.evidence.append(where)
        ctx.callee = ctx.party(owner.name)
    return out


def _reads_unguarded(text: str, attr: str, reads: Any) -> bool:
    """Whether ``text`` reads ``.attr`` outside an ``if hasattr(R, "attr"):`` that guards that very read.

    pytest-mock 0.10.1 kept ``config.add_cleanup`` under ``if hasattr(config, 'add_cleanup'):``
    with a fallback for pytest 2.7: a read the release can no longer fail on.  A guard is a
    test that is ``hasattr(R, "attr")`` alone or one operand of an ``and``, and it covers only
    reads of ``R.attr`` in its body (``if not hasattr(...)`` covers its ``else``).  Text that
    does not parse is read as text: it reads the attribute.
    """
    from .pysource import parse_quietly

    if not reads.search(text):
        return False
    try:
        mod = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True

    def receivers(test: ast.AST) -> Tuple[Set[str], bool]:
        """(the receivers ``hasattr`` tests for ``attr``, whether the test is negated)."""
        negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
        if negated:
            test = test.operand  # type: ignore[attr-defined]
        parts = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) and not negated else [test]
        found = {ast.dump(c.args[0]) for c in parts
                 if isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id == "hasattr"
                 and len(c.args) == 2 and isinstance(c.args[1], ast.Constant) and c.args[1].value == attr}
        return found, negated

    guarded: Set[int] = set()
    for node in ast.walk(mod):
        if isinstance(node, ast.If):
            recv, negated = receivers(node.test)
            for st in (node.orelse if negated else node.body) if recv else ():
                guarded.update(id(n) for n in ast.walk(st)
                               if isinstance(n, ast.Attribute) and n.attr == attr and ast.dump(n.value) in recv)
    return any(isinstance(n, ast.Attribute) and n.attr == attr and id(n) not in guarded for n in ast.walk(mod))


def _imports_it(source: str, module: str, name: str) -> bool:
    """Whether a printed line is an import of ``module`` (and ``name`` from it, when given)."""
    if name:
        return re.match(r"\s*from\s+%s\s+import\b.*\b%s\b" % (re.escape(module), re.escape(name)), source) is not None
    return re.match(r"\s*(?:from\s+%s(?:\.[\w.]+)?\s+import\b|import\s+%s\b)" % (re.escape(module), re.escape(module)),
                    source) is not None


def _outside(ctx: Context, callee: Party) -> Party:
    """The innermost party of the failing exception that is not ``callee`` (who called into it)."""
    for fr in reversed(ctx.crash.root.frames):
        party = _frame_party(fr, ctx)
        if party is not None and not (party.kind == "dist" and party.key == callee.key):
            return party
    return Party("unknown")


def _caller_back(ctx: Context, caller: Party, callee: Party, sig: F.Signal, what: str) -> List[Culprit]:
    """The kept callee is older than the name its caller uses: move the caller back to before it used it.

    keras 2.9 imports ``get_config`` from TensorFlow's eager context, which only
    later TensorFlow releases have; with tensorflow-gpu 1.15.2 kept, the fix is
    a keras from before that import (read from release files), not a newer one.
    """
    if caller.key == callee.key:
        caller = _outside(ctx, callee)  # the raising frames are the callee's own (PIL's __getattr__)
    if ctx.probe is None or caller.kind != "dist" or not caller.version or not callee.version \
            or sig.detail.get("no_module") or not sig.module or not sig.name or ctx.is_keep(caller.name):
        return []
    present = probe_range(ctx, callee.name, sig.module, sig.name)
    if not present or not _only_above(present, callee.version):
        return []  # the callee dropped the name (or no range is known): the caller moves forward instead
    from . import users

    from .adapted import frame_relpath

    raises = "AttributeError" if sig.family == F.ATTRIBUTE else "ImportError"
    # the caller's own module that uses the name (its innermost frame): a release too big to read
    # whole (wagtail's) is still read there
    use_file = next((frame_relpath(fr) for fr in reversed(ctx.crash.root.frames)
                     if _frame_party(fr, ctx) == caller and frame_relpath(fr)), None)
    try:
        back, partial = users.last_without_before_read(
            ctx.probe, ctx.index, caller.name, caller.version, sig.module, sig.name, raises,
            base=(sig.module.split(".")[0], callee.version), base_dist=callee.name, use_file=use_file,
            far=ctx.is_keep(callee.name) or _held_below(ctx, callee, present))
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {caller.name}'s earlier releases: {type(exc).__name__}")
        return []
    if back is None:
        return []
    how = (f"whose {use_file} does not use it (the rest of that release is over the read cap and was not checked)"
           if partial else "that does not use it (read from release files)")
    return [Culprit(caller.name, f"=={back}", CONF_TIME if partial else CONF_PROBE, [
        f"{what} exists only in {callee.name}{present}, newer than the kept {callee.version}; {caller.name} {back} "
        f"is its newest earlier release {how}"], "release-files")]


def _held_below(ctx: Context, callee: Party, present: str) -> bool:
    """Whether another pin of the set declares the callee in a range no release of ``present`` meets.

    The callee cannot move forward to the name then, any more than a kept one can.
    """
    try:
        have = SpecifierSet(present)
        finals = [v for v in _final_versions(ctx, callee.name) or [] if have.contains(v)]
    except Exception:
        return False
    if not finals:
        return False
    for pin in ctx.pins:
        if not pin.active or not pin.version or pin.key == callee.key:
            continue
        try:
            reqs = ctx.index.metadata(pin.name, pin.version).dependencies(ctx.target, ())
        except Exception:
            continue
        for req in reqs:
            if canonicalize_name(req.name) == callee.key and str(req.specifier) \
                    and not any(req.specifier.contains(v) for v in finals):
                return True
    return False


def _only_above(spec: str, version: str) -> bool:
    """Whether every version in ``spec`` is newer than ``version`` (a lower bound above it)."""
    try:
        v = Version(version)
        return any(s.operator in (">=", ">", "==", "~=") and Version(s.version.rstrip(".*")) > v for s in SpecifierSet(spec))
    except (InvalidSpecifier, InvalidVersion):
        return False


def _caller_moves(ctx: Context, caller: Party, callee: Party, what: str) -> List[Culprit]:
    """Move a caller to a release that adapted to the callee's current series (upload dates)."""
    out: List[Culprit] = []
    start = timeline.series_start(ctx.index, callee.name, callee.version) if callee.version else None
    if start and start[1] is not None and caller.version:
        adapted = timeline.first_after(ctx.index, caller.name, start[1], above=Version(caller.version))
        if adapted is not None:
            _add(out, Culprit(caller.name, f">={adapted}", CONF_GUESS,
                              [f"{caller.name} {adapted} is its first release after {callee.name} {start[0]} "
                               f"({timeline.fmt(start[1])}), which removed {what}"], "upload-dates"), ctx)
    return out


def _unnamed_module_attribute(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """Python 2's "'module' object has no attribute 'X'" with no frame: the one pin whose module lacks X.

    duckietown/Software#193: ``yaml.UnsafeLoader`` under ruamel.yaml 0.10.23 (the thread's import
    name for it); Python 2 does not print the module.  Each movable pin of a small set is asked
    for X in its own module (its dotted name, or its one top-level package); exactly one pin
    whose pinned release lacks X while other releases have it is the answer.
    """
    from . import users

    name = sig.name or ""
    if not name.isidentifier() or len(name) < 4 or ctx.probe is None or tuple(ctx.target.python[:2]) >= (3, 5):
        return None  # (only Python 2 and 3.4 print this wording: a later target's paste is something else)
    movable = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
    if not movable or len(movable) > users.MAX_OWNER_PINS:
        return None
    found = []
    for pin in movable:
        tops = sorted(_pin_tops(ctx, pin))
        modules = [pin.name.replace("-", "_")] if "." in pin.name else []
        modules += tops if len(tops) == 1 else []
        for module in dict.fromkeys(m for m in modules if all(part.isidentifier() for part in m.split("."))):
            present = probe_range(ctx, pin.name, module, name)
            if present and excludes(present, pin.version):
                found.append((pin, module, present))
                break
    if not found:
        found = _unnamed_module_readers(ctx, name, movable)
    if len(found) != 1:
        return None
    pin, module, present = found[0]
    ctx.callee = ctx.party(pin.name)
    ev = (f"the message names no module (Python 2); {module}.{name} is missing in {pin.name}=={pin.version} and "
          f"present in {pin.name}{present} (read from release files)")
    return done("transitive", sig.family, f"{pin.name}=={pin.version} lacks {module}.{name}, which a caller reads",
                [Culprit(pin.name, present, CONF_TIME, [ev], "api-probe")])


def _unnamed_module_readers(ctx: Context, name: str, movable: List[Any]) -> List[Tuple[Any, str, str]]:
    """(pin, module, range): the modules the set's code reads ``.name`` off, each asked in its owner pin.

    napalm-automation/napalm-junos#129: napalm-junos 0.6.4 reads ``C.TRACEROUTE_VRF``, where
    ``C`` is napalm-base's ``napalm_base.constants``; the constant came in napalm-base 0.23.0,
    and napalm-base's top package never had it.  The receiver is followed through the reading
    module's own imports; each distinct (owner, module) lacking the name in the owner's pinned
    release while other releases have it is a candidate.
    """
    from . import users

    asked: Dict[Tuple[str, str], Optional[Tuple[Any, str, str]]] = {}
    for reader in [p for p in ctx.pins if p.active and p.version][:users.MAX_OWNER_PINS]:
        try:
            trees = users.modules_mentioning(ctx.probe, reader.name, reader.version, "." + name)
        except Exception:
            continue
        for _, tree in trees or []:
            if tree is None:
                continue
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Attribute) and node.attr == name and isinstance(node.ctx, ast.Load)):
                    continue
                dotted = users._dotted(node.value)
                if not dotted:
                    continue
                head, _, rest = dotted.partition(".")
                bound = users._bindings(tree, node.lineno).get(head)
                if not bound:
                    continue
                module = bound + (f".{rest}" if rest else "")
                owner = module_owner(module, ctx)
                pin = ctx.pinned(owner) if owner else None
                if pin is not None and pin.key == reader.key:
                    # the reader's own constants module star-imports another pin's (napalm_junos.constants)
                    module = _star_source(ctx, reader, module, name) or ""
                    owner = module_owner(module, ctx) if module else None
                    pin = ctx.pinned(owner) if owner else None
                if pin is None or pin.key == reader.key or not any(m.key == pin.key for m in movable) \
                        or (pin.key, module) in asked or len(asked) >= MAX_CLASS_QUESTIONS * 2:
                    continue
                present = probe_range(ctx, pin.name, module, name)
                asked[(pin.key, module)] = (pin, module, present) if present and excludes(present, pin.version) else None
    return [v for v in asked.values() if v is not None]


def _star_source(ctx: Context, pin: Any, module: str, name: str) -> Optional[str]:
    """The one module that ``pin``'s ``module`` star-imports, when the module does not bind ``name`` itself."""
    from .pysource import parse_quietly

    text = _module_text(ctx, pin.name, pin.version, module)
    tree = parse_quietly(text) if text else None
    if tree is None:
        return None
    stars, binds = [], False
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and any(a.name == "*" for a in node.names):
            stars.append(node.module)
        elif isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            binds = True
        elif isinstance(node, (ast.ImportFrom, ast.Import)) and any((a.asname or a.name) == name for a in node.names):
            binds = True
    return stars[0] if len(stars) == 1 and not binds else None


_CALLABLE_TYPES = ("function", "builtin_function_or_method", "type", "method", "classobj")


def _star_shadowed(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Optional[Diagnosis]:
    """The failing line's receiver was imported, then replaced by another pin's ``from M import *``.

    scrapy/scrapy#1917: w3lib 1.14.1's star-exported ``urlparse`` function replaced Scrapy
    0.24.1's ``import urlparse`` (:mod:`.star_import`).  The star-imported pin's nearest
    releases that do not export the name are the ways out, read from their source.
    """
    from .star_import import star_shadowers

    frames = ctx.crash.final.frames
    if not frames or not sig.name:
        return None
    last = frames[-1]
    party = _frame_party(last, ctx)
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    m = re.search(rf"(?<![\w.])([A-Za-z_]\w*)\s*\.\s*{re.escape(sig.name)}\b", (last.source or "")[:2000])
    if pin is None or not pin.version or not m:
        return None
    head = m.group(1)
    out: List[Culprit] = []
    for other, module, back, forward in star_shadowers(ctx, last, pin, head):
        ev = (f"{pin.name}=={pin.version} imports {head}, then `from {module} import *`; {other.name}=={other.version}'s "
              f"{module} exports a {head} of its own, which replaces it")
        # both directions are alternatives (one package, two ways): not merged as _add would
        out = _both_ways(other, ev, forward, "does not export it", back, "did not export it yet")
        if out:
            ctx.callee = ctx.party(other.name)
            return done("transitive", sig.family, ev, out)
    return None


def _class_attribute(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Diagnosis:
    """``'X' object has no attribute 'y'``: the class's owner is not printed; dates may still point at it."""
    if sig.module:
        return _removed_name(ctx, sig, caller, done)
    if sig.cls in _CALLABLE_TYPES and caller.kind == "dist":
        shadowed = _star_shadowed(ctx, sig, caller, done)
        if shadowed is not None:
            return shadowed
    if sig.cls == "module" and sig.name and not any(e.frames for e in ctx.crash.exceptions):
        unnamed = _unnamed_module_attribute(ctx, sig, done)
        if unnamed is not None:
            return unnamed
    if sig.detail.get("getattr_key"):
        # kombu 4.4's own __getattr__ raised AttributeError('async'): kombu is the callee, and the
        # frame that read the name (celery 4.1.0's worker) is the caller whose later release adapted.
        # A project's own read of a Bunch-like object (a typo) is no pin's change: unknown.
        frames = ctx.crash.root.frames
        outer = _frame_party(frames[-2], ctx) if len(frames) >= 2 else None
        if caller.kind != "dist" or outer is None or outer.kind != "dist" or outer.key == caller.key:
            return done("unknown", sig.family, f"{sig.name!r} was refused by a __getattr__ that another pin's code "
                        f"did not call: no pin change is known to bring it", [])
        ctx.callee = caller
        return done("unknown", sig.family, f"{caller.name}=={caller.version}'s __getattr__ has no {sig.name!r}, which "
                    f"{outer.name}=={outer.version} reads", [])
    said = sig.detail.get("removed_in")
    pin = ctx.pinned(said[0]) if said else None
    if said and pin is not None and pin.version and not ctx.is_keep(pin.name) and excludes(f"<{said[1]}", pin.version):
        # The library's own message names itself and the release that removed the attribute
        # (a pin already below that release falls through: something else is wrong).
        ctx.callee = ctx.party(pin.name)
        what = _what(sig)
        return done(_verdict_for(ctx.callee, caller, ctx), sig.family,
                    f"{pin.name}=={pin.version} removed {what} in {said[1]}, as its message says",
                    [Culprit(pin.name, f"<{said[1]}", CONF_KB, [f"the message says {what} was removed in {said[0]} "
                             f"{said[1]}"], "error-message")])
    if caller.kind == "unknown" and sig.cls and sig.name and not any(e.frames for e in ctx.crash.exceptions):
        found = _class_owner(ctx, sig, done)
        if found is not None:
            return found
        found = _unowned_class_user(ctx, sig, done)
        if found is not None:
            return found
    if sig.cls == "super" and sig.name:
        protocol = _super_protocol(ctx, sig, done)
        if protocol is not None:
            return protocol
        if not any(e.frames for e in ctx.crash.exceptions):
            inherited = _super_callers(ctx, sig, done)
            if inherited is not None:
                return inherited
    if sig.detail.get("abstract"):
        implemented = _abstract_methods(ctx, sig, done)
        if implemented is not None:
            return implemented
    dotted = _dotted_class_home(ctx, sig, caller, done)
    if dotted is not None:
        return dotted
    return _owner_by_time(ctx, sig, caller, done)


def _dotted_class_home(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Optional[Diagnosis]:
    """``'Backend' object has no attribute 'activate_builtin_random'`` on a line that spells the object's module.

    warcprox 2.4.17 runs ``cryptography.hazmat.backends.openssl.backend.activate_builtin_random()``:
    the object is reached through a dotted path of a pin's modules, so the class is asked for
    there (the path itself, or the package holding the instance), and its range bounds the pin
    (cryptography<41).  Only a path whose first part is a pin's top-level module counts.
    """
    if not sig.cls or not sig.name or ctx.probe is None or sig.cls in _BUILTIN_TYPES:
        return None
    frame = next((f for f in reversed(ctx.crash.root.frames) if f.source and f".{sig.name}" in f.source), None)
    if frame is None:
        return None
    try:
        tree = parse_exact(frame.source.strip().rstrip(":") or "")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr == sig.name):
            continue
        prefix = _dotted_name(node.value)
        if not prefix or "." not in prefix:
            continue
        owner = module_owner(prefix, ctx)
        pin = ctx.pinned(owner) if owner else None
        if pin is None or not pin.version or ctx.is_keep(pin.name) or (caller.kind == "dist" and caller.key == pin.key):
            continue
        for module in (prefix, prefix.rsplit(".", 1)[0]):
            present = probe_range(ctx, pin.name, module, sig.cls, attribute=sig.name, on_type=_on_type(sig))
            if present and excludes(present, pin.version):
                ev = (f"the failing line reaches the object through {prefix}; {module}.{sig.cls}.{sig.name} is present in "
                      f"{pin.name}{present} (read from release files)")
                ctx.evidence.append(ev)
                ctx.callee = ctx.party(pin.name)
                out = [Culprit(pin.name, present, CONF_PROBE, [ev], "api-probe")]
                if caller.kind == "dist" and not ctx.is_keep(caller.name):
                    out += [c for c in _caller_back(ctx, caller, ctx.callee, sig, _what(sig)) if c not in out]
                return done(_verdict_for(ctx.callee, caller, ctx), sig.family,
                            f"{pin.name}=={pin.version}'s {sig.cls} no longer has {sig.name!r} ({pin.name}{present} has it)", out)
        return None
    return None


def _dotted_name(node: ast.AST) -> Optional[str]:
    """``a.b.c`` for a chain of attribute reads on a plain name, else None."""
    parts: List[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id] + list(reversed(parts)))


def _super_callers(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """``'super' object has no attribute '_validate_data'`` with no frame: the pin calling ``super()._validate_data``.

    scikit-learn 1.7 removed ``BaseEstimator._validate_data``; scBoolSeq 2.2.0's
    estimator still called ``super()._validate_data(...)`` and 2.3.2 stopped.  Only a
    distinctive name is searched, and only ``super().name`` counts (``self.name`` may be
    the subclass's own method); the one movable pin whose code does it is the caller,
    and its first later release that no longer does is the fix offered.
    """
    from . import users

    name = sig.name or ""
    if ctx.probe is None or len(name) < 8 or not ("_" in name.strip("_") or name != name.lower()):
        return None
    calls = re.compile(rf"\bsuper\(\s*(?:\w+\s*,\s*\w+\s*)?\)\s*\.\s*{re.escape(name)}\b")
    movable = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)][:MAX_PROTOCOL_PINS]
    callers = []
    for pin in movable:
        try:
            if _release_mentions(ctx, pin.name, pin.version, calls):
                callers.append(pin)
        except Exception:
            continue
    if len(callers) != 1:
        return None
    pin = callers[0]
    ctx.found_caller = pin.name
    try:
        later, _ = users.first_where(ctx, pin.name, pin.version, None,
                                     lambda v: _release_mentions(ctx, pin.name, v, calls) is False)
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
        return None
    ev = (f"no caller frame was printed; {pin.name} {pin.version} calls super().{name}()"
          + (f"; {pin.name} {later} no longer does (read from release files)" if later else ""))
    ctx.evidence.append(ev)
    if not later:
        every = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
        return _protocol_adopter(ctx, sig, pin, every, done)
    return done("transitive", sig.family, f"{pin.name}=={pin.version} calls super().{name}(), which its base class no "
                f"longer has", [Culprit(pin.name, f">={later}", CONF_PROBE, [ev], "release-files")])


def _protocol_adopter(ctx: Context, sig: F.Signal, asker: Any, movable: List[Any], done: Any) -> Optional[Diagnosis]:
    """The pin calling ``super().name()`` keeps doing so: a protocol it asks of the classes after its mixins.

    scikit-learn 1.6's mixins call ``super().__sklearn_tags__()`` in every later release too;
    interpret-core 0.6.7 named no ``__sklearn_tags__`` and 0.6.8 defines it.  With no frame
    to say which class, the one other movable pin whose pinned release never names the method
    and whose first later release defines it is the caller that adopted it.  Only pins that
    declare the asker count, and the evidence ranks as weak as upload dates: no class of the
    pin is shown to follow the mixin.
    """
    name = sig.name or ""
    defines = re.compile(rf"\bdef\s+{re.escape(name)}\s*\(")
    named = re.compile(rf"\b{re.escape(name)}\b")
    adopters = []
    from . import users

    declaring = {p.key for p in users.dependants(ctx, asker.key, any_extra=True)}
    # only a pin built on the asker can hold a class after its mixins (those are read, wherever
    # they stand in the set: the cap counts them, not the pins before them)
    for pin in [p for p in movable if p.key != asker.key and p.key in declaring][:MAX_PROTOCOL_PINS]:
        try:
            if _release_mentions(ctx, pin.name, pin.version, named) is not False:
                continue  # it names the method already (or could not be read whole): not this break's caller
            later = _first_later(ctx, pin.name, pin.version,
                                 lambda v, n=pin.name: _release_mentions(ctx, n, v, defines) is True)
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
            continue
        if later:
            adopters.append((pin, later))
    if len(adopters) != 1:
        return None
    pin, later = adopters[0]
    ctx.found_caller = pin.name
    ev = (f"{asker.name} {asker.version} calls super().{name}() in every later release read: a method it asks of "
          f"the classes after its mixins; {pin.name} {pin.version} never names {name}, {pin.name} {later} defines it "
          f"(read from release files)")
    ctx.evidence.append(ev)
    return done("transitive", sig.family, f"{asker.name}=={asker.version} asks the classes after its mixins for "
                f"{name}(), which {pin.name}=={pin.version} does not define", [Culprit(pin.name, f">={later}", CONF_TIME, [ev], "release-files")])


def _abstract_methods(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """``Can't instantiate abstract class UserCF with abstract methods load, save``: the release whose class implements them.

    LibRecommender 0.6.2's base class declared ``save`` and ``load`` abstract and its
    ``UserCF`` defined neither; 0.6.4 added both.  Each movable pin defining the class
    is read forward for the first release whose class body defines every method named.
    """
    from . import users
    from .probe import ReleaseTree

    cls, methods = sig.cls or "", list(sig.detail.get("abstract") or [])
    if not cls or not methods or ctx.probe is None:
        return None

    def implements(dist: str, version: str, module: str) -> Optional[bool]:
        tree = ReleaseTree(ctx.probe, dist, version)
        base = module.replace(".", "/")
        for path in (f"{base}.py", f"{base}/__init__.py"):
            if path in tree.paths():
                try:
                    parsed = parse_quietly(tree.read(path) or "")
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    return None
                for node in parsed.body:
                    if isinstance(node, ast.ClassDef) and node.name == cls:
                        own = {f.name for f in node.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
                        return all(m in own for m in methods)
                return None  # the class moved: this module says nothing
        return None

    out: List[Culprit] = []
    for pin, module in users.class_homes(ctx, cls):
        if ctx.is_keep(pin.name):
            continue
        try:
            if implements(pin.name, pin.version, module) is not False:
                continue  # the pinned class defines them already, or cannot be read
            later, _ = users.first_where(ctx, pin.name, pin.version, None,
                                         lambda v, n=pin.name, m=module: implements(n, v, m) is True)
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
            continue
        if not later:
            continue
        ev = (f"{pin.name} {pin.version}'s {module}.{cls} does not define {', '.join(methods)}; {pin.name} {later}'s "
              f"does (read from release files)")
        ctx.evidence.append(ev)
        out.append(Culprit(pin.name, f">={later}", CONF_PROBE, [ev], "release-files"))
    if not out:
        return None
    ctx.callee = ctx.party(out[0].name)
    # The class and the base declaring the methods abstract are the pin's own when it is the set's only pin.
    verdict = "direct" if len([p for p in ctx.pins if p.active]) == 1 else "transitive"
    return done(verdict, sig.family, f"{out[0].name}'s {cls} leaves {', '.join(methods)} abstract; "
                f"{out[0].evidence[0].split('; ', 1)[1]}", out)


MAX_PROTOCOL_PINS = 8  # other pins read for a class that must now define a base library's method (as users.MAX_OWNER_PINS)


def _super_protocol(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """``'super' object has no attribute '__sklearn_tags__'``: a base library's mixin asks the next class for a new method.

    scikit-learn 1.6's ``ClassifierMixin.__sklearn_tags__`` calls ``super().__sklearn_tags__()``;
    xgboost 2.1.3's ``XGBClassifier(XGBModel, ClassifierMixin)`` puts nothing that defines it
    after the mixin.  The mixin's owner is the innermost frame (its method is the one named);
    its releases before the mixin had the method are one fix.  The other pins with a class
    subclassing the mixin that neither defines nor inherits (within its release) the method
    are the callers, and each one's first later release whose subclasses do is the other
    (xgboost 2.1.4).  Only a mixin counts: a class whose bases are its own module's (or none);
    a subclass overriding a method its base library removed (scBoolSeq's
    ``_validate_data`` under scikit-learn 1.7) is another break, read elsewhere.
    """
    from . import users
    from .adapted import frame_relpath
    from .probe import ReleaseTree

    frames = ctx.crash.root.frames
    inner_frame = next((fr for fr in reversed(frames) if fr.function == sig.name), None)
    owner = _frame_party(inner_frame, ctx) if inner_frame is not None else None
    if owner is None or owner.kind != "dist" or not owner.version or ctx.probe is None:
        return None
    rel = frame_relpath(inner_frame)
    if not rel or not (rel.endswith(".py")):
        return None
    try:
        tree = parse_quietly(ReleaseTree(ctx.probe, owner.name, owner.version).read(rel) or "")
    except Exception:  # unreadable or unparsable: no answer, never a guess
        return None
    local = {c.name for c in tree.body if isinstance(c, ast.ClassDef)} | {"object"}
    mixin = next((c.name for c in tree.body if isinstance(c, ast.ClassDef)
                  and c.lineno <= inner_frame.line <= (getattr(c, "end_lineno", None) or c.lineno)
                  and any(isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.name == sig.name for f in c.body)
                  and all(isinstance(b, ast.Name) and b.id in local for b in c.bases)),
                 None)
    if mixin is None:
        return None
    module = rel[:-3].replace("/", ".")
    if module.endswith(".__init__"):
        module = module[: -len(".__init__")]
    what = f"{mixin}.{sig.name}"
    out: List[Culprit] = []
    present = probe_range(ctx, owner.name, module, mixin, attribute=sig.name, on_type=_on_type(sig))
    m = re.fullmatch(r">=\s*([\w.!+-]+)", present or "")
    if m and not ctx.is_keep(owner.name):
        _add(out, Culprit(owner.name, f"<{m.group(1)}", CONF_PROBE,
                          [f"{owner.name}'s {what} calls super().{sig.name}(), and {owner.name}{present} has it "
                           f"(read from release files): before {m.group(1)} the mixin asked nothing of the class after it"],
                          "api-probe"), ctx)
    # The owner's declared dependants first (xgboost declares scikit-learn), then the rest of the set.
    declared = users.dependants(ctx, owner.key)
    others = declared + [p for p in ctx.pins if p.active and p.version and p.key != owner.key
                         and not ctx.is_keep(p.name) and p not in declared]
    for pin in others[:MAX_PROTOCOL_PINS]:
        try:
            if _subclasses_define(ctx, pin.name, pin.version, mixin, sig.name) is not False:
                continue  # no subclass of the mixin, or they define it already: not the caller
            later = _first_later(ctx, pin.name, pin.version,
                                 lambda v, n=pin.name: _subclasses_define(ctx, n, v, mixin, sig.name) is True)
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
            continue
        ev = (f"{pin.name} {pin.version} subclasses {owner.name}'s {mixin} and its class defines no {sig.name}"
              + (f"; {pin.name} {later}'s does (read from release files)" if later else ""))
        ctx.evidence.append(ev)
        if later:
            out.append(Culprit(pin.name, f">={later}", CONF_PROBE, [ev], "release-files"))
    if not out:
        return None
    ctx.callee = owner
    return done("transitive", sig.family, f"{owner.name}=={owner.version}'s {what} asks the next class in the MRO for "
                f"{sig.name}, which the subclass does not define", out)


def _first_later(ctx: Context, dist: str, version: str, ok: Any) -> Optional[str]:
    """``users.first_where``, asked only when the newest release is ``ok``: a change that never came costs one read."""
    from . import users
    from .adapted import _later

    later = _later(ctx.probe, ctx.index, dist, version, None)
    if not later or not ok(later[-1]):
        return None
    found, _ = users.first_where(ctx, dist, version, None, ok)
    return found


def _subclasses_define(ctx: Context, dist: str, version: str, mixin: str, method: str) -> Optional[bool]:
    """Whether every class of ``dist==version`` subclassing ``mixin`` defines or inherits ``method`` in its module.

    None: no class subclasses it (or the release could not be read), so the pin is
    no caller.  The mixin may go by an alias the release gives it (xgboost's
    ``from sklearn.base import ClassifierMixin as XGBClassifierBase``).  Inherited
    counts through bases the release itself defines, found by name (XGBModel beside
    XGBClassifier); a base from another distribution is not followed.
    """
    from . import users
    from .probe import ReleaseTree, _ByteCap
    from .users import _batches, _shipped_modules

    tree = ReleaseTree(ctx.probe, dist, version)
    texts: Dict[str, str] = {}
    try:
        for batch in _batches(_shipped_modules(tree)):
            tree.prefetch(batch)
            for path in batch:
                texts[path] = tree.read(path) or ""
    except _ByteCap:
        return None
    names = {mixin} | set(re.findall(rf"\b{re.escape(mixin)}[ \t]+as[ \t]+(\w+)", "\n".join(texts.values())))
    head = re.compile(rf"^[ \t]*class[ \t]+\w+[ \t]*\([^)]*\b(?:{'|'.join(map(re.escape, sorted(names)))})\b", re.M)
    parsed: Dict[str, Optional[ast.AST]] = {}

    def parse(path: str) -> Optional[ast.AST]:
        if path not in parsed:
            try:
                parsed[path] = parse_quietly(texts[path])
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                parsed[path] = None
        return parsed[path]

    def resolve(name: str) -> Optional[ast.ClassDef]:
        # A base by its simple name, anywhere in the release (XGBModel of xgboost/sklearn.py
        # under dask's DaskXGBClassifier); the mixin itself and its aliases end the walk.
        if name in names:
            return None
        defines_class = re.compile(rf"^[ \t]*class[ \t]+{re.escape(name)}\b", re.M)
        for path, text in texts.items():
            if defines_class.search(text):
                tree = parse(path)
                found = next((c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and c.name == name), None) \
                    if tree is not None else None
                if found is not None:
                    return found
        return None

    verdicts: List[bool] = []
    for path, text in texts.items():
        if not head.search(text):
            continue
        tree = parse(path)
        for c in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)) if tree is not None else ():
            if names & {(users._dotted(b) or "").rsplit(".", 1)[-1] for b in c.bases}:
                verdicts.append(_defines_through(c, method, resolve, set()))
    if not verdicts:
        return None
    return all(verdicts)


def _defines_through(cls: ast.ClassDef, method: str, resolve: Any, seen: Set[str]) -> bool:
    """``cls`` defines ``method``, or one of its bases of the same release does (``resolve`` finds them by name)."""
    from . import users

    if cls.name in seen or len(seen) > 50:
        return False
    seen.add(cls.name)
    if any(isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.name == method for f in cls.body):
        return True
    for b in cls.bases:
        base = resolve((users._dotted(b) or "").rsplit(".", 1)[-1])
        if base is not None and _defines_through(base, method, resolve, seen):
            return True
    return False


def _release_mentions(ctx: Context, dist: str, version: str, pattern: Any) -> Optional[bool]:
    """Whether some shipped module of ``dist==version`` matches ``pattern`` (None: over the read cap, not known)."""
    from .probe import ReleaseTree
    from .users import _shipped_modules, any_file_matches

    tree = ReleaseTree(ctx.probe, dist, version)
    return any_file_matches(tree, _shipped_modules(tree), pattern)


MAX_CLASS_QUESTIONS = 2
_BUILTIN_TYPES = frozenset(
    [n for n, v in vars(__import__("builtins")).items() if isinstance(v, type)]
    + ["NoneType", "function", "builtin_function_or_method", "method", "module", "generator", "coroutine", "cell",
       "code", "frame", "traceback", "mappingproxy", "dict_keys", "dict_values", "dict_items", "NotImplementedType",
       "ellipsis", "method-wrapper", "wrapper_descriptor", "getset_descriptor"]
)


def _only_built_in_functions(ctx: Context, homes: List[Tuple[Any, str, str]]) -> bool:
    """Every class found of that name is made inside a function: no module of the pin binds it."""
    from .probe import NO, Question

    if not homes:
        return False
    try:
        return all(ctx.probe.ask(pin.name, pin.version, Question(module, name=cls)).value == NO
                   for pin, module, cls in homes)
    except Exception:
        return False


def _one_instance_reader(ctx: Context, movable: List[Any], attr: str) -> Optional[Tuple[Any, Any]]:
    """``(user, reads_not)``: the one pin of ``movable`` that reads ``.attr`` off an object, and a test of
    whether one of its releases does not (read as far as the search that found the use: matplotlib
    2.0.0 is over the plain cap); None when no pin or several do."""
    from . import users

    cap = ctx.probe.max_bytes * users.NAME_SEARCH_CAP_FACTOR
    try:
        found = users._callers_among(ctx, movable, users.INSTANCE, attr, None, "AttributeError", max_bytes=cap)
    except Exception:
        return None
    if len(found) != 1:
        return None
    user = found[0]

    def reads_not(v: str) -> bool:
        try:
            return users.first_use(ctx.probe, user.dist, v, users.INSTANCE, attr, raises="AttributeError",
                                   max_bytes=cap) is None
        except Exception:
            return False

    return user, reads_not


def _unowned_class_user(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """A class from outside the set lacks the attribute: the one pin that reads it, moved to where it did not.

    reservoirpy#70: hyperopt 0.2.7 calls ``rstate.integers`` (NumPy's Generator API) on the
    ``numpy.random.RandomState`` its caller passes; no pin defines that class, and NumPy is not
    in the set.  hyperopt 0.2.5 still called ``rstate.randint``: the last release before the read
    is one way out, its first later release that stopped reading it another.
    """
    from . import users

    cls = sig.cls.rsplit(".", 1)[-1] if sig.cls else ""
    attr = sig.name or ""
    if cls in _BUILTIN_TYPES or len(attr) < 5 or not attr.isidentifier() or ctx.probe is None:
        return None
    movable = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
    if not movable or len(movable) > users.MAX_OWNER_PINS:
        return None
    compiled = None
    if "." not in (sig.cls or ""):
        # A bare name is known to be no pin's readable class only when the pins that define a
        # class of that name do so inside a function (pytest-django 4.13's PytestDjangoTestCase,
        # built on whichever Django test case it is handed): 'Prophet' may just be unread.
        actives = [p for p in ctx.pins if p.active and p.version]
        if len(actives) > users.MAX_OWNER_PINS:
            return None
        homes = [h for p in actives for h in users.classes_named(ctx, [p], cls)]  # every pin, kept ones too
        if not _only_built_in_functions(ctx, homes):
            return None
    else:
        owner = module_owner(sig.cls.rsplit(".", 1)[0], ctx)
        pin = ctx.pinned(owner) if owner is not None else None
        if pin is not None:
            if not _compiled_module(ctx, pin, sig.cls.rsplit(".", 1)[0]):
                return None  # the class's package is in the set: its own reading applies
            # PySide 1.2.4's QPixmap lives in QtGui.pyd: no source says which release has what, so
            # the pin that reads the attribute is the one to read (matplotlib 2.0.1, #8570).
            movable = [p for p in movable if p.key != pin.key]
            compiled = pin
            if not movable:
                return None
    reader = _one_instance_reader(ctx, movable, attr)
    if reader is None:
        return None
    user, reads_not = reader

    out: List[Culprit] = []
    what = f"{cls}.{attr}"
    back = users.last_where_before(ctx.probe, user.dist, user.version, reads_not)
    if back is not None:
        ev = (f"no caller frame was printed and no module of a pin binds {cls}; {user.dist}=={user.version} reads `.{attr}` "
              f"({user.use.file} line {user.use.line}: `{user.use.statement}`); {user.dist} {back} did not yet "
              f"(read from release files)")
        ctx.evidence.append(ev)
        out.append(Culprit(user.dist, f"<={back}", CONF_TIME, [ev], "release-files"))
    later = user.adapted
    if later:
        ev = user.describe(what)
        ctx.evidence.append(ev)
        out.append(Culprit(user.dist, f">={later}", CONF_TIME, [ev], "release-files"))
    reader = ctx.pinned(user.dist)
    if compiled is None and reader is not None and "." in (sig.cls or ""):
        # The object came from somewhere: a dependency of the reader that opened a later series after
        # it hands over the new kind (O365 2.0.15 reads .localize off what tzlocal 3.0 returns, a
        # zoneinfo.ZoneInfo where tzlocal 2.1 returned a pytz timezone; python-o365#670).
        for c in _moved_under_refuser(ctx, reader):
            _add(out, c, ctx)
    if not out:
        return None
    ctx.found_caller = user.dist
    where = "whose class no pin of the set defines" if compiled is None else \
        f"whose class {compiled.name}=={compiled.version} builds in compiled code"
    return done("transitive", sig.family, f"{what} is read by {user.dist}=={user.version} on an object {where}", out)


_BINARY_MODULE = re.compile(r"\.(?:[\w-]+\.)?(?:so|pyd)\Z")


def _compiled_module(ctx: Context, pin: Any, module: str) -> bool:
    """Whether ``pin``'s release ships ``module`` only as a compiled extension (``PySide/QtGui.pyd``)."""
    from .probe import ReleaseTree

    if ctx.probe is None or not pin.version:
        return False
    stem = module.replace(".", "/")
    try:
        paths = ReleaseTree(ctx.probe, pin.name, pin.version).paths()
    except Exception:
        return False
    if any(p in (stem + ".py", stem + "/__init__.py") for p in paths):
        return False
    return any(p.startswith(stem + ".") and _BINARY_MODULE.search(p[len(stem):]) for p in paths)


def _class_owner(ctx: Context, sig: F.Signal, done: Any, caller: Optional[Party] = None) -> Optional[Diagnosis]:
    """The pin that defines the class and dropped the attribute, read from release files.

    Without frames, or with a caller whose declared dependencies do not name
    the class's package (anomalib 1.0.1 reaching matplotlib's
    ``FigureCanvasAgg.tostring_rgb``, gone in 3.10).
    """
    from . import users

    cls = sig.cls.rsplit(".", 1)[-1] if sig.cls else ""
    if cls in _BUILTIN_TYPES:  # 'NoneType' object has no attribute 'group': never a pin's class
        return None
    what = f"{cls}.{sig.name}"
    asked = 0
    for pin, module in users.class_homes(ctx, cls):
        if ctx.is_keep(pin.name) or asked >= MAX_CLASS_QUESTIONS or (caller is not None and pin.key == caller.key):
            continue
        asked += 1
        present = probe_range(ctx, pin.name, module, cls, attribute=sig.name, on_type=_on_type(sig))
        if not present or not excludes(present, pin.version):
            continue  # never had it, or the pinned release has it: not this class
        callee = ctx.party(pin.name)
        ctx.callee = callee
        ev = (f"{'no caller frame was printed; ' if caller is None else ''}{module}.{cls} is defined by {pin.name}, "
              f"and {what} is present in {pin.name}{present} (read from release files)")
        uses = "which a caller uses" if caller is None else f"which {caller.name} uses"
        out = [Culprit(pin.name, present, CONF_PROBE, [ev], "api-probe")]
        if caller is None:
            out += _attribute_users(ctx, pin, sig.name or "", what)
        return done("transitive", sig.family, f"{pin.name}=={pin.version} no longer has {what}, {uses}", out)
    return None


MAX_SUPPLY_RELEASES = 10  # later releases of an outer pin read for an assignment of the missing attribute


def _outer_supplies(ctx: Context, sig: F.Signal, caller: Party) -> List[Culprit]:
    """The library reads ``obj.attr`` on an object an outer pin builds; that pin's later release sets it.

    ruamel.yaml 0.19's composer reads ``self.loader.max_depth``; sphinxcontrib-autoyaml 1.1.3
    builds the Loader itself and never sets it; 1.2.0 does ``loader.max_depth = 0``.  Only
    pins whose frames are printed outside the raising one, only a distinctive attribute, and
    only when the pinned release does not already assign it.
    """
    from .probe import ReleaseTree
    from .users import _shipped_modules

    attr = sig.name or ""
    if ctx.probe is None or len(attr) < 5 or not attr.isidentifier():
        return []
    assigns = re.compile(rf"\.{re.escape(attr)}\s*=(?!=)|setattr\([^,()]+,\s*['\"]{re.escape(attr)}['\"]")
    outer = []
    for e in ctx.crash.exceptions:
        for f in e.frames:
            pin = ctx.pinned(f.dist) if f.owner == OWNER_DIST and f.dist else None
            if pin is not None and pin.version and pin.key != caller.key and not ctx.is_keep(pin.name) and pin not in outer:
                outer.append(pin)

    def sets_it(pin: Any, version: str) -> Optional[bool]:
        tree = ReleaseTree(ctx.probe, pin.name, version)
        paths = _shipped_modules(tree)
        if len(paths) > 200:
            return None
        tree.prefetch(paths)
        return any(assigns.search(tree.read(p) or "") for p in paths)

    for pin in outer[:2]:
        try:
            if sets_it(pin, pin.version) is not False:
                continue
            later = sorted((v for v in ctx.probe.versions(pin.name) if _newer_final(v, pin.version)), key=Version)
            for v in later[:MAX_SUPPLY_RELEASES]:
                found = sets_it(pin, v)
                if found is None:
                    break
                if found:
                    ev = (f"{caller.name}=={caller.version} reads .{attr} on an object {pin.name} builds; {pin.name} "
                          f"{pin.version} never sets it, {pin.name} {v} does (read from release files)")
                    ctx.evidence.append(ev)
                    return [Culprit(pin.name, f">={v}", CONF_PROBE, [ev], "release-files")]
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
    return []


_DID_YOU_MEAN = re.compile(r"Did you mean:? '(\w+)'\?")


def _suggested_sibling(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """"'FigureCanvasInterAgg' object has no attribute 'tostring_rgb'. Did you mean: 'tostring_argb'?"

    The class is no pin's (PyCharm's plotting helper), but Python's suggestion is a
    method the object has: the pin class defining it (matplotlib's FigureCanvasAgg, in a
    pin the crash ran through) is asked in which releases it also had the missing
    attribute.  Only pins whose frames are printed, or a set of one or two.
    """
    from . import users

    m = _DID_YOU_MEAN.search(sig.message or "")
    if not m or not sig.cls or not sig.name or ctx.probe is None:
        return []
    framed = {canonicalize_name(f.dist) for e in ctx.crash.exceptions for f in e.frames if f.owner == OWNER_DIST and f.dist}
    active = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
    pins = [p for p in active if p.key in framed] or (active if len(active) <= 2 else [])
    cls = sig.cls.rsplit(".", 1)[-1]
    words = set(re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+", cls))
    homes = users.classes_with_method(ctx, pins, m.group(1), cls)
    # the class sharing most words with the printed one first (FigureCanvasAgg for FigureCanvasInterAgg)
    homes.sort(key=lambda h: -len(words & set(re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+", h[2]))))
    for pin, module, home in homes[:MAX_CLASS_QUESTIONS]:
        present = probe_range(ctx, pin.name, module, home, attribute=sig.name, on_type=_on_type(sig))
        if present and excludes(present, pin.version):
            ev = (f"{cls} has {m.group(1)!r} (Python's suggestion), which {pin.name}'s {module}.{home} defines; "
                  f"{home}.{sig.name} is present in {pin.name}{present} (read from release files)")
            ctx.evidence.append(ev)
            return [Culprit(pin.name, present, CONF_PROBE, [ev], "api-probe")]
    return []


def _class_home(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """"'ExtensionManager' object has no attribute '_extensions'", and no frame of a pin printed.

    The class is printed bare, so no module says whose it is; the one pin of the set
    whose pinned release defines a class of that name (jupyter_server 1.7.0's
    extension/manager.py) is asked in which releases the class had the attribute.  Only
    pins whose frames are printed, or a set of at most ``MAX_HOME_SET`` movable pins; where
    two pins define a class of that name, only the one whose class ever had the attribute.
    """
    from . import users

    if not sig.cls or not sig.name or ctx.probe is None or "." in sig.cls or sig.cls in _BUILTIN_TYPES:
        return []
    cls = sig.cls
    framed = {canonicalize_name(f.dist) for e in ctx.crash.exceptions for f in e.frames if f.owner == OWNER_DIST and f.dist}
    active = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
    pins = [p for p in active if p.key in framed] or (active if len(active) <= MAX_HOME_SET else [])
    homes: List[Tuple[Any, str, str]] = []
    for pin in pins[:MAX_HOME_SET]:
        homes += users.classes_named(ctx, [pin], cls)
        if len(homes) > MAX_CLASS_QUESTIONS:
            return []  # more classes of that name than are asked: whose the object is stays open
    if not homes:
        return []
    found: List[Culprit] = []
    for pin, module, home in homes:
        present = probe_range(ctx, pin.name, module, home, attribute=sig.name, on_type=_on_type(sig))
        if present and excludes(present, pin.version):
            ev = (f"{cls} is {pin.name}'s {module}.{home}; {home}.{sig.name} is present in {pin.name}{present} "
                  f"(read from release files)")
            found.append(Culprit(pin.name, present, CONF_PROBE, [ev], "api-probe"))
        elif not _class_lacks(ctx, pin, module, home, sig.name, _on_type(sig)):
            return []  # another class of that name has it, or may: which one the object is stays open
    if len(found) != 1:
        return []
    ctx.evidence.append(found[0].evidence[0])
    return found


def _frameless_distinctive(ctx: Context, sig: F.Signal, min_len: int) -> List[Any]:
    """The movable pins of a small set, when "'X' object has no attribute 'name'" came with no frame and
    names a class of no builtin type and a distinctive name (at least ``min_len`` long, with an
    underscore inside, no dunder); else ``[]``."""
    name = sig.name or ""
    if not sig.cls or ctx.probe is None or "." in sig.cls or sig.cls in _BUILTIN_TYPES or name.startswith("__") \
            or len(name) < min_len or "_" not in name.strip("_") or any(e.frames for e in ctx.crash.exceptions):
        return []
    active = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
    return active if len(active) <= MAX_HOME_SET else []


def _method_dropped(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """"'Prompt' object has no attribute 'post_message_no_wait'", no frame, and no pin's class of that name had it.

    bdhammel/chatgpt-tui#7: the project's ``Prompt`` widget subclasses textual's and calls
    ``self.post_message_no_wait(...)``, a method textual 0.14 removed (textual's own
    ``messages.Prompt`` never had it: the object is the project's class, built on some pin's).
    Read after :func:`_class_home`; in a set of at most ``MAX_HOME_SET`` movable pins, the one
    whose pinned release defines no method of that (distinctive) name anywhere and whose
    earlier release did goes back to the newest release defining it.
    """
    name = sig.name or ""
    active = _frameless_distinctive(ctx, sig, 8)
    if not active:
        return []
    if sig.cls in _OPTION_NAMESPACES:
        # optparse's Values / argparse's Namespace carry a command's options: the attribute is an
        # option's dest (pip 19.0 dropped --process-dependency-links; prequ 1.4.3 still read it).
        # An option is declared by its dest or a flag given to add_argument/add_option/Option; a
        # flag merely compared as text (pip 19's freeze.py lists '--process-dependency-links') is not.
        # The flag may spell the dest with dashes or underscores, follow short flags, or sit in
        # partial(Option, ...) (pip's own form); a positional is add_argument("output_dir").
        flag = "[-_]".join(re.escape(part) for part in name.split("_"))
        defined = re.compile(rf"""\bdest\s*=\s*['"]{re.escape(name)}['"]"""
                             rf"""|\b(?:add_argument|add_option|make_option|Option)\((?:[^()'"]|'[^'\n]*'|"[^"\n]*"){{0,300}}?['"]--{flag}['"]"""
                             rf"""|\bpartial\(\s*(?:\w+\.)?Option\s*,(?:[^()'"]|'[^'\n]*'|"[^"\n]*"){{0,300}}?['"]--{flag}['"]"""
                             rf"""|\badd_argument\(\s*['"]{re.escape(name)}['"]""")
        # ... and only when a pin of the set reads the option (prequ read pip's): a namespace the
        # project's own parser builds says nothing about a pin that once declared a like-named flag.
        reads = re.compile(rf"\.{re.escape(name)}\b")
        try:
            if not any(_release_mentions(ctx, p.name, p.version, reads) for p in active):
                return []
        except Exception:
            return []
        what = "option"
    else:
        defined = re.compile(rf"^[ \t]+(?:async[ \t]+)?def[ \t]+{re.escape(name)}[ \t]*\(", re.M)  # a method: indented
        what = "method"
    found: List[Culprit] = []
    for pin in active:
        back = _last_with_before_pin(ctx, pin, defined)  # (defined in the pinned release: it did not drop it)
        if back is not None:
            found.append(Culprit(pin.name, f"<={back}", CONF_PROBE - 0.1, [
                f"no class {sig.cls} of the set had {name!r}; {pin.name}=={pin.version} defines no {what} of that name, "
                f"{pin.name} {back} did (read from release files)"], "release-files"))
    if len(found) != 1:
        return []
    ctx.evidence.append(found[0].evidence[0])
    return found


def _last_with_before_pin(ctx: Context, pin: Any, pattern: Any) -> Optional[str]:
    """The newest release before the pin whose files match ``pattern``, when the pinned release's do not (else None)."""
    from . import users

    try:
        if _release_mentions(ctx, pin.name, pin.version, pattern) is not False:
            return None  # it matches there, or the release is not known in full
        return users.last_where_before(ctx.probe, pin.name, pin.version,
                                       lambda v: bool(_release_mentions(ctx, pin.name, v, pattern)))
    except Exception:
        return None


def _super_method_dropped(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """"'super' object has no attribute '_ipython_display_'", no frame: a base class in another pin lost the method.

    volkamerlab/teachopencadd#262: nglview 3.0.3's widgets call ``super()._ipython_display_()``,
    which ipywidgets 8.0 dropped from ``Widget``.  The message names no class, only that a
    ``super()`` lookup failed, so the pins that make such a call in their pinned release are
    the callers; of the other movable pins of a small set, the one whose pinned release defines
    no method of that (distinctive) name and whose earlier release did goes back to the newest
    release defining it.  A caller that could itself be the base (it defines the method in the
    same release) is no evidence against the others, and two candidates leave it open.
    """
    from . import users

    name = sig.name or ""
    if sig.cls != "super" or ctx.probe is None or name.startswith("__") or len(name) < 8 \
            or "_" not in name.strip("_") or any(e.frames for e in ctx.crash.exceptions):
        return []
    active = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
    if len(active) > MAX_HOME_SET:
        return []
    calls = re.compile(rf"\bsuper\((?:[^()\n]|\([^()\n]*\)){{0,120}}\)\s*\.\s*{re.escape(name)}\b")
    defined = re.compile(rf"^[ \t]+(?:async[ \t]+)?def[ \t]+{re.escape(name)}[ \t]*\(", re.M)
    callers = []
    for pin in ctx.pins:
        if not (pin.active and pin.version):
            continue
        try:
            if _release_mentions(ctx, pin.name, pin.version, calls):
                callers.append(pin)
        except Exception:
            continue
    if not callers:
        return []  # no pin makes the call: the project's own class may, and its base is not known
    found: List[Culprit] = []
    for pin in active:
        if any(c.key == pin.key for c in callers):
            continue
        reaching = [c for c in callers if any(d.key == c.key for d in users.dependants(ctx, pin.key))]
        if not reaching:
            continue  # no caller declares it: its classes cannot be the caller's bases
        back = _last_with_before_pin(ctx, pin, defined)
        if back is not None:
            caller = reaching[0]
            found.append(Culprit(pin.name, f"<={back}", CONF_PROBE - 0.1, [
                f"{caller.name}=={caller.version} calls super().{name}(); {pin.name}=={pin.version} defines no "
                f"method of that name, {pin.name} {back} did (read from release files)"], "release-files"))
    if len(found) != 1:
        return []
    ctx.evidence.append(found[0].evidence[0])
    return found


def _attribute_reader_adapted(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """"'MjModel' object has no attribute 'bvh_geomid'", no frame: the one pin reading that name, which later stopped.

    google-deepmind/dm_control#430: mujoco 3.0.0 renamed ``MjModel.bvh_geomid`` to ``bvh_nodeid``
    (its class is compiled, so no Python file says where it lives); dm_control 1.0.14 reads
    ``.bvh_geomid``, and 1.0.15 reads the new name.  Only a distinctive name (six characters or
    more, with an underscore, no dunder), only when exactly one movable pin reads it, and only
    when that pin's later release, read whole, no longer does.
    """
    from . import users

    name = sig.name or ""
    if sig.family != F.ATTRIBUTE or not sig.cls or sig.cls in _BUILTIN_TYPES or len(name) < 6 \
            or "_" not in name.strip("_") or name.startswith("__") or ctx.probe is None \
            or any(e.frames for e in ctx.crash.exceptions):
        return []
    try:
        if users.class_homes(ctx, sig.cls):
            return []  # a Python file of the set defines the class: the class readings speak for it
        found = users.find_name_users(ctx, name, "AttributeError")
        reads = re.compile(rf"\.{re.escape(name)}\b")
        kept_readers = [p for p in ctx.pins if p.active and p.version and ctx.is_keep(p.name)
                        and _release_mentions(ctx, p.name, p.version, reads) is not False]
    except Exception:
        return []
    if len({u.dist for u in found}) != 1 or kept_readers:
        return []  # (a kept pin reading it too, or one not read whole, is another reader)
    user = found[0]
    if not user.adapted or user.partial:
        return []
    ev = user.describe(f".{name}")
    ctx.evidence.append(ev)
    return [Culprit(user.dist, f">={user.adapted}", CONF_PROBE - 0.1, [ev], "release-files")]


def _class_came(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """"'ParsedRequirement' object has no attribute 'editable'", no frame: the class is new in its home's pinned release.

    open-zaak/open-zaak#585: pip 20.1 began handing ``ParsedRequirement`` objects out of its
    requirement-file parser, where pip 20.0 handed ``InstallRequirement``; pip-tools 4.4.0
    (uploaded before pip 20.1) reads ``.editable`` off them.  When the one pin defining the
    class defines it nowhere in its release just before, and another pin of the set, uploaded
    before that home's pinned release, imports the home and reads ``.editable``, the home goes
    back to before the class came.  Read from release files; ranked as a guess.
    """
    from . import users

    name = sig.name or ""
    if sig.family != F.ATTRIBUTE or not sig.cls or sig.cls in _BUILTIN_TYPES or not name.isidentifier() \
            or name.startswith("__") or ctx.probe is None or any(e.frames for e in ctx.crash.exceptions):
        return []
    try:
        found = users.class_homes(ctx, sig.cls)
        homes = {pin.key: pin for pin, _ in found}
    except Exception:
        return []
    if len(homes) != 1:
        return []
    home = next(iter(homes.values()))
    for _, module in found:
        text = _module_text_at(ctx, home.name, home.version, module.replace(".", "/") + ".py") \
            or _module_text_at(ctx, home.name, home.version, module.replace(".", "/") + "/__init__.py")
        if _class_sets(_parse_or_none(text), sig.cls, name):
            return []  # the new class has the attribute itself: it is not the object lacking it
    if ctx.is_keep(home.name) or not home.version:
        return []
    try:
        pinned = Version(home.version)
        previous = next((str(v) for v in reversed(_final_versions(ctx, home.name) or []) if v < pinned), None)
        if previous is None or _release_mentions(ctx, home.name, previous,
                                                 re.compile(rf"^[ \t]*class[ \t]+{re.escape(sig.cls)}\b", re.M)) is not False:
            return []  # the class was there before (or the release cannot be read whole)
        built = timeline.upload_time(ctx.index, home.name, home.version)
    except Exception:
        return []
    tops = _pin_tops(ctx, home) or {home.key.replace("-", "_")}
    imports = "|".join(re.escape(t) for t in sorted(tops))
    reads = re.compile(rf"^[ \t]*(?:import|from)[ \t]+(?:{imports})\b[\s\S]*\.{re.escape(name)}\b", re.M)
    for pin in [p for p in ctx.pins if p.active and p.version and p.key != home.key][:MAX_LISTED_PINS]:
        try:
            said = timeline.upload_time(ctx.index, pin.name, pin.version)
            if built is None or said is None or said >= built or not _release_mentions(ctx, pin.name, pin.version, reads):
                continue
        except Exception:
            continue
        ev = (f"{home.name}=={home.version} defines {sig.cls}, which {home.name} {previous} defines nowhere; "
              f"{pin.name}=={pin.version}, uploaded before it, imports {home.name} and reads .{name} "
              f"(read from release files)")
        ctx.evidence.append(ev)
        return [Culprit(home.name, f"<={previous}", CONF_GUESS, [ev], "release-files")]
    return []


# Classes whose attributes are a command line's options (optparse's Values, argparse's Namespace).
_OPTION_NAMESPACES = frozenset(("Values", "Namespace"))


def _new_attribute_reader(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """"'Loader' object has no attribute 'max_depth'", no frame: the one pin whose pinned release began reading it.

    speechbrain/HyperPyYAML#32: ruamel.yaml 0.19.0's composer reads ``loader.max_depth``, which
    the old-style ``Loader`` HyperPyYAML 1.2.2 builds does not set; two pins define a ``Loader``,
    so the class's home says nothing.  Read after the class readings; in a set of at most
    ``MAX_HOME_SET`` movable pins, the one whose pinned release reads ``.max_depth`` (a
    distinctive name) and whose release before it read it nowhere goes back to that release.
    """
    from . import raised, users

    name = sig.name or ""
    active = _frameless_distinctive(ctx, sig, 6)
    if not active:
        return []
    # Only a class the set is known to define: an unread class may be a pin's own that sets the
    # attribute elsewhere (prophet's Prophet.stan_backend under a wrong conda environment).  The
    # reader is one of the class's homes or declares one.
    try:
        homes = {pin.key for pin, _ in users.class_homes(ctx, sig.cls)}
    except Exception:
        return []
    if not homes:
        return []
    def reads(v: str) -> Optional[bool]:
        """Whether code of the release reads ``.name`` (not sets it, not in a comment or string)."""
        found_in = users.modules_mentioning(ctx.probe, pin.name, v, "." + name)
        if found_in is None:
            return None
        return any(isinstance(n, ast.Attribute) and n.attr == name and isinstance(n.ctx, ast.Load)
                   for _, tree in found_in if tree is not None for n in ast.walk(tree))

    declaring = {p.key for key in homes for p in users.dependants(ctx, key)}
    found: List[Culprit] = []
    for pin in active:
        if pin.key not in homes and pin.key not in declaring:
            continue
        try:
            if not reads(pin.version):
                continue
            earlier = [v for pv, v in raised.final_releases(ctx.probe.versions(pin.name)) if pv < Version(pin.version)]
            if not earlier or reads(earlier[-1]) is not False:
                continue  # read before too (or not known): not what this release changed
        except Exception:
            continue
        found.append(Culprit(pin.name, f"<={earlier[-1]}", CONF_PROBE - 0.1, [
            f"no class {sig.cls} of the set says which package sets {name!r}; {pin.name}=={pin.version} reads "
            f".{name}, and {pin.name} {earlier[-1]}, the release before it, read it nowhere (read from release files)"],
            "release-files"))
    if len(found) != 1:
        return []
    ctx.evidence.append(found[0].evidence[0])
    return found


def _foreign_base(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """A pin's class whose base is another pin's lost the attribute it inherited from there.

    chrisjsewell/pytest-notebook#10: pytest-notebook 0.6.0's ``ExecuteCoveragePreprocessor``
    builds on nbconvert's ``ExecutePreprocessor`` and calls ``self.setup_preprocessor``,
    which nbconvert 6.0 dropped.  The one class of that name in a small set (as
    :func:`_class_home` finds it) names its bases through its module's imports, followed
    through the pin's own modules (imbalanced-learn's ``SMOTE`` builds on its
    ``BaseOverSampler``, which builds on scikit-learn's ``BaseEstimator``); the first base
    of another pin is asked in which releases it had the attribute, and the class's pin for
    its first later release whose module no longer reads it.
    """
    from . import users

    if not sig.cls or not sig.name or ctx.probe is None or "." in sig.cls or sig.cls in _BUILTIN_TYPES:
        return []
    active = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
    if len(active) > MAX_HOME_SET:
        return []
    homes: List[Tuple[Any, str, str]] = []
    for pin in active:
        homes += users.classes_named(ctx, [pin], sig.cls)
    if len(homes) != 1:
        return []
    pin, module, home = homes[0]
    if _class_has(ctx, pin, module, home, sig.name, _on_type(sig)):
        return []  # the pin's own class sets it (conditionally, or where the base's __init__ never runs)
    found: List[Culprit] = []
    for owner, bmodule, bname in _foreign_bases(ctx, pin, module, home):
        present = probe_range(ctx, owner.name, bmodule, bname, attribute=sig.name, on_type=_on_type(sig))
        if not present or not excludes(present, owner.version):
            continue
        ev = (f"{sig.cls} is {pin.name}'s {module}.{home}, built on {owner.name}'s {bmodule}.{bname}; "
              f"{bname}.{sig.name} is present in {owner.name}{present} (read from release files)")
        found.append(Culprit(owner.name, present, CONF_PROBE, [ev], "api-probe"))
        reads = re.compile(rf"\.{re.escape(sig.name)}\b")
        try:
            later = _first_later(ctx, pin.name, pin.version,
                                 lambda v: not reads.search(_module_text(ctx, pin.name, v, module) or f".{sig.name}"))
        except Exception:
            later = None
        if later:
            found.append(Culprit(pin.name, f">={later}", CONF_PROBE, [f"{pin.name} {later} no longer reads "
                                 f".{sig.name} in {module} (read from release files)"], "release-files"))
        break
    if found:
        ctx.evidence.append(found[0].evidence[0])
    return found


MAX_BASE_DEPTH = 4  # modules of the class's own pin followed for a base of another pin


def _foreign_bases(ctx: Context, pin: Any, module: str, cls: str, depth: int = 0) -> List[Tuple[Any, str, str]]:
    """(owner pin, module, class) of each base of ``module.cls`` that another pin defines, through the pin's own bases."""
    from .pysource import parse_quietly

    try:
        tree = parse_quietly(_module_text(ctx, pin.name, pin.version, module) or "")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []  # a module this Python cannot parse (Python 2 code, newer syntax): no base read from it
    node = next((n for n in getattr(tree, "body", []) if isinstance(n, ast.ClassDef) and n.name == cls), None)
    if node is None:
        # "DefaultHttpxClient = _DefaultHttpxClient" (the run-time side of an ``if TYPE_CHECKING``):
        # a module-level alias of one class stands for it
        alias = _runtime_alias(tree, cls)
        if alias and depth < MAX_BASE_DEPTH and alias != cls:
            return _foreign_bases(ctx, pin, module, alias, depth + 1)
        return []
    imported = _from_imports(ctx, pin, module, tree)
    modules: Dict[str, str] = {}  # local name -> module ("import structlog", "import numpy as np")
    for st in tree.body:
        if isinstance(st, ast.Import):
            for a in st.names:
                modules[a.asname or a.name.split(".", 1)[0]] = a.name if a.asname else a.name.split(".", 1)[0]
    out: List[Tuple[Any, str, str]] = []
    for base in node.bases:
        if isinstance(base, ast.Attribute):
            # class PuyaConsoleRender(structlog.dev.ConsoleRenderer), after "import structlog"
            parts = (_dotted_name(base) or "").split(".")
            if len(parts) < 2 or parts[0] not in modules:
                continue
            imported[".".join(parts)] = (".".join([modules[parts[0]]] + parts[1:-1]), parts[-1])
            base = ast.Name(id=".".join(parts))
        if not isinstance(base, ast.Name):
            continue
        if base.id not in imported:
            if depth < MAX_BASE_DEPTH and base.id != cls:
                out += _foreign_bases(ctx, pin, module, base.id, depth + 1)  # a base in the same module
            continue
        bmodule, bname = imported[base.id]
        owner_name = module_owner(bmodule, ctx)
        owner = ctx.pinned(owner_name) if owner_name else None
        if owner is None or not owner.version or ctx.is_keep(owner.name):
            continue
        if canonicalize_name(owner.name) == pin.key:
            if depth < MAX_BASE_DEPTH:
                out += _foreign_bases(ctx, pin, bmodule, bname, depth + 1)
            continue
        out.append((owner, bmodule, bname))
    return out


def _runtime_alias(tree: Any, name: str) -> Optional[str]:
    """The one class name a module binds ``name`` to at run time (``X = Y`` at top level, or in the
    ``else`` of ``if TYPE_CHECKING:``); None when it binds it otherwise or more than once."""
    found: List[str] = []

    def visit(body: List[Any]) -> None:
        for st in body:
            if isinstance(st, ast.If):
                test = _dotted_name(st.test) or ""
                if test.rsplit(".", 1)[-1] == "TYPE_CHECKING":
                    visit(st.orelse)  # the checker's branch never runs
                continue
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) \
                    and st.targets[0].id == name:
                found.append(st.value.id if isinstance(st.value, ast.Name) else "")

    visit(getattr(tree, "body", []))
    return found[0] if len(found) == 1 and found[0] else None


def _from_imports(ctx: Context, pin: Any, module: str, tree: Any) -> Dict[str, Tuple[str, str]]:
    """Each name a module's top-level ``from X import Y [as Z]`` binds, as (absolute X, Y); relative imports resolved."""
    from .pysource import resolve_relative

    is_package = _module_text(ctx, pin.name, pin.version, module + ".__init__") is not None
    out: Dict[str, Tuple[str, str]] = {}
    for st in getattr(tree, "body", []):
        if isinstance(st, ast.ImportFrom):
            source = resolve_relative(module, is_package, st.level, st.module) if st.level else (st.module or "")
            for a in st.names:
                out[a.asname or a.name] = (source, a.name)
    return out


def _class_answer(ctx: Context, pin: Any, module: str, cls: str, attr: str, on_type: bool = False) -> Optional[str]:
    """The probe's plain answer (yes, no, unknown) for ``module.cls.attr`` in the pinned release; None if it failed."""
    from .probe import Question

    try:
        return ctx.probe.ask(pin.name, pin.version, Question(module, name=cls, attribute=attr, on_type=on_type)).value
    except Exception:
        return None


def _class_has(ctx: Context, pin: Any, module: str, cls: str, attr: str, on_type: bool = False) -> bool:
    """Whether the pinned release's ``module.cls`` surely has ``attr`` (the probe's plain yes)."""
    from .probe import YES

    return _class_answer(ctx, pin, module, cls, attr, on_type) == YES


def _class_lacks(ctx: Context, pin: Any, module: str, cls: str, attr: str, on_type: bool = False) -> bool:
    """Whether the pinned release's ``module.cls`` surely has no ``attr`` (the probe's plain no)."""
    from .probe import NO

    return _class_answer(ctx, pin, module, cls, attr, on_type) == NO


def _on_type(sig: F.Signal) -> bool:
    """The message read the attribute off the class object itself ("type object 'C' has no attribute 'y'")."""
    return bool(sig.detail.get("on_type"))


MAX_HOME_SET = 3  # movable pins whose every release file may be searched for a bare class name


def _attribute_users(ctx: Context, owner: Any, attr: str, what: str, sourced: bool = False) -> List[Culprit]:
    """No frame says who reached ``obj.attr``: the one pin declaring the class's owner whose code does, and its release that stopped.

    pytest-asyncio 0.21.1 read ``fixturedef.unittest``, which pytest 8.2 dropped from
    ``FixtureDef``; 0.21.2 stopped.  Only attribute accesses count (``import unittest``
    does not), only in pins that declare the owner (in a small set that declares none
    of it, every other pin), and only one such pin may use it.
    """
    from . import users

    if len(attr) < (3 if sourced else 5) or not attr.isidentifier():
        return []
    candidates = [p for p in users.dependants(ctx, owner.key) if p.key != owner.key][:users.MAX_OWNER_PINS]
    if len(attr) < 5 and len(candidates) != 1:
        # A short name ('node': networkx 2.4 dropped Graph.node, a knowledge entry says so) is
        # searched only in the one pin that declares the owner (causality 0.0.9, 0.0.10 stopped).
        return []
    if not candidates:
        # Django apps often declare no Django (django-admin-autocomplete-all 0.6.5 reading
        # request.is_ajax): in a small set, every other movable pin is read.
        others = [p for p in ctx.pins if p.active and p.version and p.key != owner.key and not ctx.is_keep(p.name)]
        candidates = others if len(others) <= users.MAX_OWNER_PINS else []
    if not candidates:
        return []
    cls = what.split(".")[0].replace("_", "").lower()
    try:
        found = users._callers_among(ctx, candidates, users.INSTANCE, attr, None, "AttributeError",
                                     max_bytes=ctx.probe.max_bytes * users.NAME_SEARCH_CAP_FACTOR)
        if (len(found) != 1 or not found[0].adapted) and cls.isidentifier() and len(cls) >= 4:
            # A name read off many objects ('app.config' everywhere) is asked again only off a receiver
            # named like the class: sphinx-nefertiti 0.3.2 read 'app.builder.theme.config', 0.3.3 stopped.
            found = users._callers_among(ctx, candidates, f"{users.INSTANCE}:{cls}", attr, None, "AttributeError",
                                         max_bytes=ctx.probe.max_bytes * users.NAME_SEARCH_CAP_FACTOR)
    except Exception:
        return []
    if len(found) != 1 or not found[0].adapted:
        return []
    user = found[0]
    ctx.found_caller = user.dist
    ev = user.describe(what)
    ctx.evidence.append(ev)
    # An untyped 'obj.attr' is weaker evidence than the owner's range read from its class: ranked below it.
    return [Culprit(user.dist, f">={user.adapted}", CONF_TIME if user.partial else CONF_TIME + 0.1, [ev], "release-files")]


MAX_PLUGIN_FILES = 60  # modules of a plugin's release read for the hook it defines


def _plugin_hook(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Optional[Diagnosis]:
    """A host pin calls a hook that a plugin pin (declaring the host) defines with another signature.

    gforcada/flake8-isort#128: flake8 5.0.4 calls ``add_options(option_manager)`` on each
    plugin; flake8-isort 5.0.2 dropped the ``@staticmethod`` above ``def add_options(option_manager)``
    ("add_options() missing 1 required positional argument: 'option_manager'").  The one plugin
    whose pinned release defines the function (with the missing parameter, when the message names
    one) moves to its nearest releases, back and forward, where that definition reads otherwise,
    only when the definition changed in the pinned release itself (else the host's call changed).
    """
    from . import users

    func = sig.function.rstrip("()").rsplit(".", 1)[-1]
    if not func.isidentifier() or ctx.probe is None or func == "__init__":
        return None
    host = ctx.pinned(caller.name)
    if host is None:
        return None
    wanted = sig.name if sig.detail.get("missing") else None
    found = []
    for plugin in users.dependants(ctx, host.key):
        if ctx.is_keep(plugin.name):
            continue
        defs = _hook_defs(ctx, plugin.name, plugin.version, func, wanted)
        if defs:
            found.append((plugin, defs))
    if len(found) != 1:
        return None
    plugin, (path, shape) = found[0][0], found[0][1][0]

    def differs(v: str) -> Optional[bool]:
        got = _hook_defs(ctx, plugin.name, v, func, None, path)
        if not got:
            return None  # unreadable, or the file moved: no evidence either way
        return all(s != shape for _, s in got)

    finals = _final_versions(ctx, plugin.name)
    if finals is None:
        return None
    pinned = Version(plugin.version)
    earlier = [str(v) for v in reversed(finals) if v < pinned]
    if not earlier or not differs(earlier[0]):
        # The plugin's definition was already so in the release before: the host's call is what
        # changed (marshmallow 3.20 calling marshmallow-sqlalchemy's get_declared_fields), not this.
        return None
    back = earlier[0]
    forward = next((str(v) for v in [v for v in finals if v > pinned][:MAX_NEW_LINE_RELEASES] if differs(str(v))), None)
    where = (f"{caller.name}=={caller.version} calls {func}() of {plugin.name}=={plugin.version}, a plugin that declares "
             f"it ({path})")
    out = _both_ways(plugin, where, forward, "defines it otherwise", back, "defined it otherwise", conf=CONF_TIME)
    if not out:
        return None
    ctx.callee = ctx.party(plugin.name)
    return done("direct", sig.family, where, out)  # the plugin's own definition changed, not the host


def _hook_defs(ctx: Context, dist: str, version: str, func: str, param: Optional[str],
               only: Optional[str] = None) -> Optional[List[Tuple[str, str]]]:
    """``(path, shape)`` of each ``def func`` in a release (decorators and arguments as a syntax dump); None: unreadable."""
    from . import users
    from .probe import ReleaseTree

    try:
        tree = ReleaseTree(ctx.probe, dist, version)
        paths = [only] if only else [p for p in tree.paths() if p.endswith(".py") and "/tests/" not in f"/{p}"
                                     and not p.rsplit("/", 1)[-1].startswith("test_")][:MAX_PLUGIN_FILES]
        paths = [p for p in paths if p in tree.paths()]
        tree.prefetch(paths)
    except Exception:
        return None
    out: List[Tuple[str, str]] = []
    for path in paths:
        try:
            text = tree.read(path) or ""
        except Exception:
            return None
        if f"def {func}" not in text:
            continue
        mod = users._parsed(text)
        if mod is None:
            continue
        for node in ast.walk(mod):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == func:
                names = [a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs]
                if param and param not in names:
                    continue
                # parameter names and kinds, and decorators: an annotation or a default is no new signature
                a = node.args
                kinds = [("p", x.arg) for x in a.posonlyargs] + [("a", x.arg) for x in a.args] + \
                    [("v", a.vararg.arg if a.vararg else None), ("k", a.kwarg.arg if a.kwarg else None)] + \
                    [("o", x.arg) for x in a.kwonlyargs]
                shape = repr(kinds) + "|" + "|".join(ast.dump(d) for d in node.decorator_list)
                out.append((path, shape))
    return out


def _owner_by_time(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Diagnosis:
    """Signature and class-attribute breaks name no module: suspect the caller's dependencies released after it."""
    what = _what(sig)
    if sig.family == F.SIGNATURE and caller.kind == "dist" and sig.function:
        hooked = _plugin_hook(ctx, sig, caller, done)
        if hooked is not None:
            return hooked
    if sig.family == F.SIGNATURE and caller.kind != "dist" and sig.detail.get("missing") \
            and (sig.function or "").split(".")[-1] == "__init__" \
            and sig.name and not any(e.frames for e in ctx.crash.exceptions) and not ctx.crash.root.source_hint:
        # (A shown failing line names the class it calls: that reading below is the richer one.)
        found = _required_by_constructor(ctx, sig.name, (sig.function or "").rpartition(".")[0].rsplit(".", 1)[-1])
        if found:
            ctx.callee = ctx.party(found[0].name)
            return done("transitive", sig.family, f"{what}: {found[0].evidence[0]}", found)
    if sig.family == F.SIGNATURE and caller.kind != "dist" and "takes no keyword arguments" in sig.message \
            and not any(e.frames for e in ctx.crash.exceptions):
        found = _keyword_caller_of(ctx, sig)
        if found:
            return done("transitive", sig.family, f"{what}: {found[0].evidence[0]}", found)
    if sig.detail.get("multiple") and sig.name and sig.function and caller.kind != "dist" \
            and not any(e.frames for e in ctx.crash.exceptions):
        # "WebDriver.__init__() got multiple values for argument 'options'": a call passing
        # arguments by position and options= by keyword, whose callee moved options forward.
        method = sig.function.rsplit(".", 1)[-1]
        constructor = method in _NAMELESS_CALLABLES
        found = _keyword_call_pairs(ctx, sig.name, any_callable=not constructor,
                                    named="" if constructor else method, multiple=True)
        if found:
            return done("transitive", sig.family, f"{what}: the one call of the set passing {sig.name!r} by keyword "
                        f"after positional arguments is to {ctx.callee.name}=={ctx.callee.version}, which gives it one "
                        f"value only in {found[0].name}{found[0].constraint}", found)
    if sig.function in _NAMELESS_CALLABLES and not sig.name and sig.detail.get("positional") and caller.kind != "dist" \
            and not any(e.frames for e in ctx.crash.exceptions):
        found = _positional_call_pairs(ctx, int(sig.detail["positional"]) - 1)
        if found:
            return done("transitive", sig.family, f"{what}: {found[0].evidence[0]}", found)
    if (sig.detail.get("no_function") or sig.function in _NAMELESS_CALLABLES) and sig.name and caller.kind != "dist" \
            and not any(e.frames for e in ctx.crash.exceptions):
        # (Python < 3.10 names a constructor "__init__()" without its class: only class calls, or a
        # class's own factory method forwarding to it, fit that.)
        found = _keyword_call_pairs(ctx, sig.name, any_callable=bool(sig.detail.get("no_function")))
        if found:
            return done("transitive", sig.family, f"{what}: the one call of the set passing {sig.name!r} is to "
                        f"{ctx.callee.name}=={ctx.callee.version}, which accepts it only in {found[0].name}{found[0].constraint}",
                        found)
    if sig.family == F.SIGNATURE and sig.name and sig.function and sig.function.isidentifier() \
            and sig.function not in _NAMELESS_CALLABLES and caller.kind != "dist" \
            and not any(e.frames for e in ctx.crash.exceptions):
        # A plain function named without its module ("current()"): the calls of it passing the keyword.
        found = _keyword_call_pairs(ctx, sig.name, any_callable=True, named=sig.function)
        if found:
            return done("transitive", sig.family, f"{what}: the one call of the set passing {sig.name!r} to "
                        f"{sig.function}() is to {ctx.callee.name}=={ctx.callee.version}, which accepts it only in "
                        f"{found[0].name}{found[0].constraint}", found)
    if (caller.kind != "dist" or not caller.version) and sig.family == F.SIGNATURE and sig.function \
            and (sig.name or sig.detail.get("positional")):
        # No caller in the set (a cut notebook paste), but the message names the class: its owner is asked.
        found = _signature_owner(ctx, sig, caller)
        if found:
            ctx.callee = ctx.party(found[0].name)
            said = (f"a call may leave {sig.name!r} out only in" if sig.detail.get("missing")
                    else f"it takes {sig.detail['positional']} positional arguments only in" if not sig.name
                    else f"its keyword {sig.name!r} exists only in")
            if sig.detail.get("override_of"):
                return done("transitive", sig.family, f"{what}: the override in {sig.detail['override_of']} never took "
                            f"{sig.name!r}; {found[0].name}=={ctx.callee.version} passes it, and {found[0].name}"
                            f"{found[0].constraint} does not", found)
            if sig.detail.get("other_class_of"):
                return done("transitive", sig.family, f"{what}: {sig.detail['other_class_of']}'s own class of that name "
                            f"takes {sig.name!r}, so another class refused it; {found[0].name}=={ctx.callee.version} "
                            f"passes it, and {found[0].name}{found[0].constraint} does not", found)
            return done("transitive" if caller.kind != "project" else "project", sig.family,
                        f"{what}: {found[0].name}=={ctx.callee.version} defines it and {said} "
                        f"{found[0].name}{found[0].constraint}", found)
        spelled = _keyword_spelled_by_one(ctx, sig)
        if spelled:
            ctx.callee = ctx.party(spelled[0].name)
            return done("transitive", sig.family, f"{what}: {spelled[0].evidence[0]}", spelled)
    if caller.kind != "dist" or not caller.version:
        # The class's home, by Python's "Did you mean" sibling or by the class's own name.
        for reading, says in ((_suggested_sibling, "the class inherits from {pin}, which has {name!r} only in {range}"),
                              (_class_home, "{pin} defines the class, which has {name!r} only in {range}"),
                              (_foreign_base, "the class builds on {pin}'s, which has {name!r} only in {range}"),
                              (_method_dropped, "no class of the set named so had it, and {pin} no longer defines {name!r}; "
                                                "{range} does"),
                              (_new_attribute_reader, "{pin} began reading {name!r}, which the object lacks; {range} did not"),
                              (_super_method_dropped, "a super() call of the set found no {name!r}: {pin} no longer "
                                                      "defines it; {range} does"),
                              (_attribute_reader_adapted, "{pin} read {name!r} off the object, and {range} no "
                                                          "longer does"),
                              (_class_came, "{pin} brought the class itself, and an older pin of the set reads "
                                            "{name!r} off what it hands back; {range} had no such class")):
            found = reading(ctx, sig) if sig.family == F.ATTRIBUTE else []
            if found:
                ctx.callee = ctx.party(found[0].name)
                pin, spec = f"{found[0].name}=={ctx.callee.version}", f"{found[0].name}{found[0].constraint}"
                return done("project" if caller.kind == "project" else "transitive", sig.family,
                            f"{what}: " + says.format(pin=pin, name=sig.name, range=spec), found)
        if sig.family == F.ATTRIBUTE and caller.kind == "unknown":
            # No frame, but the failing line was shown: the one pin holding it, either way.
            found = _shown_line_holder(ctx, set(), both=True, most=MAX_LINE_PINS_ATTRIBUTE)
            if found:
                return done("transitive", sig.family, f"{what}: {found[0].evidence[0]}", found)
        return done("unknown", sig.family, f"{what}: the message does not say which package changed, and the call "
                    f"comes from {'the project' if caller.kind == 'project' else 'an unknown frame'}", [])
    if sig.family == F.SIGNATURE and sig.name:
        forwarded = _forwarded_keyword(ctx, sig, caller, done)
        if forwarded is not None:
            return forwarded
        # The call in the caller's own release names the callable, which beats upload dates.
        found = _call_site_owner(ctx, sig, caller)
        if found:
            ctx.callee = ctx.party(found[0].name)
            return done("transitive", sig.family, f"{what}: {caller.name}=={caller.version} passes it to "
                        f"{ctx.callee.name}=={ctx.callee.version}, which accepts it only in "
                        f"{found[0].name}{found[0].constraint}", found)
    c_time = timeline.upload_time(ctx.index, caller.name, caller.version)
    suspects: List[Tuple[str, str]] = []
    try:
        meta = ctx.index.metadata(caller.name, caller.version)
        deps = [canonicalize_name(r.name) for r in meta.dependencies(ctx.target, ())]
    except Exception:
        deps = []
    src = (ctx.crash.root.frames[-1].source if ctx.crash.root.frames else "") or ""
    for d in deps:
        pin = ctx.pinned(d)
        if pin is None or not pin.version or ctx.is_keep(d):
            continue
        start = timeline.series_start(ctx.index, pin.name, pin.version)
        if c_time and start and start[1] and start[1] > c_time:
            suspects.append((pin.name, pin.version))
    named = [s for s in suspects if re.search(rf"\b{re.escape(s[0].replace('-', '_'))}\b", src, re.I)]
    if len(named) == 1:
        suspects = named
    if not suspects:
        suspects = _extra_named_by_module(ctx, caller, c_time)
    if not suspects and sig.family == F.SIGNATURE and sig.function and sig.name:
        # The caller's declared dependencies say nothing (starlette's httpx is an extra): the
        # class named in the message is defined by a pin of the set; ask it about the keyword.
        found = _signature_owner(ctx, sig, caller)
        if found:
            ctx.callee = ctx.party(found[0].name)
            found += [c for c in _caller_passes_again(ctx, sig, caller) if c not in found]
            return done("transitive", sig.family, f"{what}: {found[0].name}=={ctx.callee.version} defines it and its keyword "
                        f"{sig.name!r} exists only in {found[0].name}{found[0].constraint}", found)
    if sig.family == F.SIGNATURE and sig.detail.get("positional") and not sig.name \
            and (sig.function or "")[:1].isupper() and "." not in (sig.function or ""):
        # "Frame() takes no arguments" on 'pandy.Frame(X, cols)': the class's releases taking two
        found = _signature_owner(ctx, sig, caller)
        if found:
            ctx.callee = ctx.party(found[0].name)
            return done("transitive", sig.family, f"{what}: {found[0].name}=={ctx.callee.version}'s {sig.function} takes "
                        f"{sig.detail['positional']} positional arguments only in {found[0].name}{found[0].constraint}", found)
    if len(suspects) != 1 and sig.family == F.ATTRIBUTE and sig.cls and sig.name:
        owned = _class_owner(ctx, sig, done, caller)
        if owned is not None:
            return owned
        supplied = _outer_supplies(ctx, sig, caller)
        if supplied:
            return done("transitive", sig.family, f"{what}: {caller.name}=={caller.version} reads it on an object "
                        f"{supplied[0].name} builds; {supplied[0].name}{supplied[0].constraint} sets it", supplied)
    if len(suspects) != 1 and sig.family == F.ATTRIBUTE and sig.cls in _DATA_TYPES and sig.name:
        began = _began_reading(ctx, sig, caller)
        if began:
            return done("transitive", sig.family, f"{what}: {began[0].evidence[0]}", began)
    if len(suspects) != 1 and sig.family == F.SIGNATURE and sig.detail.get("positional"):
        shadow = _shadowing_override(ctx, sig)
        if shadow:
            return done("transitive", sig.family, f"{what}: {shadow[0].evidence[0]}", shadow)
    if len(suspects) != 1 and sig.family == F.ATTRIBUTE and (sig.cls in _DATA_TYPES or sig.cls == "NoneType") and sig.name:
        handed = _handing_caller_adapted(ctx, caller)
        if handed:
            return done("transitive", sig.family, f"{what}: {handed[0].evidence[0]}", handed)
    if len(suspects) != 1 and sig.family == F.ATTRIBUTE and sig.cls and sig.cls != "NoneType" \
            and sig.cls not in _DATA_TYPES and sig.name:
        began = _began_reading(ctx, sig, caller, from_pin=True)
        if began:
            return done("transitive", sig.family, f"{what}: {began[0].evidence[0]}", began)
    if len(suspects) != 1:
        why = "none of its dependencies" if not suspects else f"{len(suspects)} of its dependencies ({', '.join(n for n, _ in suspects)})"
        return done("unknown", sig.family, f"{what} in {caller.name}=={caller.version}: the message does not name the "
                    f"package that changed, and {why} had a newer series than {caller.name}'s release", [])
    callee = ctx.party(suspects[0][0])
    ctx.callee = callee
    out = time_culprits(callee, caller, ctx, what)
    if not out:
        return done("unknown", sig.family, f"{what}: no version range could be established", [])
    return done("transitive", sig.family, f"{what}: {callee.name}=={callee.version} is the only dependency of "
                f"{caller.name}=={caller.version} released after it (upload dates)", out)


_FORWARDS_KWARGS = re.compile(r"\*\*\s*[A-Za-z_][\w.]*\s*\)")  # '**kwargs)', '**self.connection_kwargs)'


def _forwarded_keyword(ctx: Context, sig: F.Signal, inner: Party, done: Any) -> Optional[Diagnosis]:
    """A keyword refused inside a pin's own ``super().__init__(**kwargs)``: the pin is the callee, not the caller.

    marshmallow 4.0's ``Boolean.__init__`` passes ``**kwargs`` up to
    ``Field.__init__``, which refused packit 1.7.0's ``fields.Boolean(default=False)``.
    jedi 0.18.0's ``Interpreter.__init__`` passes ``**kwds`` (on a continuation line the
    traceback does not show) to ``Script.__init__``, which refused IPython 7.18's
    ``column=``.  The innermost frame forwards what its caller gave; when the class
    the message names (or, for a bare ``__init__()``, the enclosing class's base) is the
    innermost pin's own and its keyword range excludes the pin, that pin holds back
    and the outer caller's later release that rewrote the call moves on.
    """
    frames = ctx.crash.root.frames
    if inner.kind != "dist" or not inner.version or not frames or not sig.function or ctx.is_keep(inner.name):
        return None
    # a bare "__init__() got an unexpected keyword": the method the super() call names must be it
    bare = sig.function if sig.function and "." not in sig.function else "?"
    statement = _forwarding_call(ctx, inner, frames[-1], bare)
    if statement is None:
        return None
    outer = _outside(ctx, inner)
    if outer.kind not in ("dist", "project"):
        return None
    # The callable the outer caller called is the one whose body forwards (gradio 6.0's Blocks.__init__
    # hands **kwargs to BlockContext, which the message names): its releases are the caller's view.
    called = _enclosing_callable(ctx, inner, frames[-1]) if sig.name and not sig.detail.get("missing") else None
    found = _keyword_range(ctx, inner, called[0], called[1], sig, "defined") if called else []
    if not found:
        found = [c for c in _signature_owner(ctx, sig, outer) if canonicalize_name(c.name) == inner.key]
    if not found and isinstance(statement, tuple):
        module, base, method = statement
        found = _keyword_range(ctx, inner, module, f"{base}.{method}", sig, "defined")
    if not found and sig.name and not sig.detail.get("missing"):
        found = _keyword_still_known(ctx, inner, frames[-1], sig.name)
    if not found:
        return None
    ctx.callee = inner
    moved: List[Culprit] = []
    if outer.kind == "dist" and outer.version and not ctx.is_keep(outer.name):
        moved = [c for c in adapted_culprits(ctx, outer) if canonicalize_name(c.name) == outer.key]
    who = "the project" if outer.kind == "project" else f"{outer.name}=={outer.version}"
    shown = (frames[-1].source or "").strip()
    ctx.evidence.append(f"{inner.name}'s innermost frame forwards keyword arguments" + (f" (`{shown}`)" if shown else "")
                        + f": {sig.name!r} came from {who}")
    return done("project" if outer.kind == "project" else "transitive", sig.family,
                f"{_what(sig)}: {who} passes {sig.name!r} through {inner.name}'s **kwargs; {inner.name} accepts it only "
                f"in {found[0].name}{found[0].constraint}", found + moved)


def _enclosing_callable(ctx: Context, inner: Party, frame: Frame) -> Optional[Tuple[str, str]]:
    """(module, ``Class`` or ``Class.method``) of the method a pin's frame runs in, read from its release; None for a function."""
    from .adapted import frame_relpath
    from .probe import ReleaseTree
    from .pysource import parse_quietly

    rel = frame_relpath(frame)
    if ctx.probe is None or not rel or not rel.endswith(".py") or not frame.line or not (frame.function or "").isidentifier():
        return None
    try:
        tree = parse_quietly(ReleaseTree(ctx.probe, inner.name or "", inner.version or "").read(rel) or "")
    except Exception:
        return None
    best = None
    for c in _module_level(getattr(tree, "body", [])):  # a module's class (also under try/if), not a nested one
        if isinstance(c, ast.ClassDef) and c.lineno <= frame.line <= (getattr(c, "end_lineno", None) or c.lineno):
            if any(isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and m.name == frame.function
                   and m.lineno <= frame.line <= (getattr(m, "end_lineno", None) or m.lineno) for m in c.body):
                if best is None or c.lineno > best.lineno:
                    best = c
    if best is None:
        return None
    module = rel[:-len("/__init__.py")] if rel.endswith("/__init__.py") else rel[:-3]
    target = best.name if frame.function == "__init__" else f"{best.name}.{frame.function}"
    return module.replace("/", "."), target


def _keyword_still_known(ctx: Context, inner: Party, frame: Frame, keyword: str) -> List[Culprit]:
    """The forwarding module's earlier releases that still spelled the refused keyword.

    redis 4.0.2's ``make_connection`` passes ``**self.connection_kwargs`` to a class
    picked at run time, which refused ``charset``; redis 3.5.3's same module still
    took ``kwargs.pop('charset')`` (renaming it to ``encoding``).  Which class refused
    is not printed, but the module that forwarded the keyword stopped knowing it.
    """
    from . import values
    from .adapted import frame_relpath

    rel = frame_relpath(frame)
    if ctx.probe is None or not rel or not inner.version:
        return []
    try:
        if values.knows(ctx.probe, inner.name or "", inner.version, keyword, [rel]) is not None:
            return []  # the pinned module still names it: something else refused
        back, _ = values.nearest_knowing(ctx.probe, inner.name or "", inner.version, keyword, [rel],
                                         ctx.probe.versions(inner.name or ""))
    except Exception:
        return []
    if back is None:
        return []
    return [Culprit(inner.name or "", f"<={back.version}", CONF_TIME,
                    [f"{inner.name}=={inner.version}'s {rel} forwards keyword arguments and no longer names {keyword!r}; "
                     f"{inner.name} {back.version}'s does ({back.where}; read from release files)"], "release-files")]


def _forwarding_call(ctx: Context, inner: Party, frame: Frame, method: str = "") -> Any:
    """Whether the innermost frame's call forwards ``**kwargs``: False/None (no), True, or ``(module, base, method)``.

    The traceback shows only the call's first line; the release's file is read for
    the whole statement.  A ``super().m(..., **kw)`` inside ``class C(Base)`` (the
    innermost class around the line) also says which callable refused, ``Base.m`` of
    the same module, when the message names the bare method ``m``.
    """
    if _FORWARDS_KWARGS.search(frame.source or ""):
        found: Any = True
    else:
        found = None
    from .adapted import frame_relpath
    from .probe import ReleaseTree

    rel = frame_relpath(frame)
    if ctx.probe is None or not rel or not rel.endswith(".py") or not frame.line:
        return found
    try:
        tree = parse_quietly(ReleaseTree(ctx.probe, inner.name or "", inner.version or "").read(rel) or "")
    except Exception:  # unreadable or unparsable: only the printed line speaks
        return found
    spans = lambda n: n.lineno <= frame.line <= (getattr(n, "end_lineno", None) or n.lineno)  # noqa: E731
    # The innermost class around the line (a nested class's super() is its own base's).
    cls = next((c for c in sorted((c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and spans(c)),
                                  key=lambda c: -c.lineno)), None)
    if cls is None:
        return found
    todo = list(ast.iter_child_nodes(cls))
    while todo:
        call = todo.pop()
        if isinstance(call, ast.ClassDef):
            continue  # a nested class's calls are its own
        todo.extend(ast.iter_child_nodes(call))
        if not (isinstance(call, ast.Call) and spans(call) and any(k.arg is None for k in call.keywords)):
            continue
        f = call.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Call) and isinstance(f.value.func, ast.Name) \
                and f.value.func.id == "super" and cls.bases and isinstance(cls.bases[0], ast.Name) \
                and method in (f.attr, ""):
            module = rel[:-3].replace("/", ".")
            module = module[: -len(".__init__")] if module.endswith(".__init__") else module
            return (module, cls.bases[0].id, f.attr)
        found = True
    return found


_FROM_IMPORT = re.compile(r"^\s*from\s+(\.*[A-Za-z_][\w.]*|\.+)\s+import\b")


def _absolute_module(module: str, file: str) -> Optional[str]:
    """``from . import VERSION`` in ``PIL/Image.py`` imports from ``PIL``: a relative import made absolute by its file's path."""
    if not module.startswith("."):
        return module
    level = len(module) - len(module.lstrip("."))
    parts = file.replace("\\", "/").split("/")[:-1]  # the package holding the file
    if level - 1 > len(parts) or not parts:
        return None
    base = parts[:len(parts) - (level - 1)]
    rest = module.lstrip(".")
    return ".".join(base + ([rest] if rest else [])) or None


def _module_of_bare_import(ctx: Context, sig: F.Signal) -> Optional[str]:
    """"cannot import name 'six'" with no module and no frames (Python 3.6 printed no module): the module
    a pin imports the name from, when another pin owns that module and its pinned release lacks the name.

    imbalanced-learn 0.4.3's ``from sklearn.externals import six`` under scikit-learn 0.23: the search
    finds the statement, and the probe's "no" for ``sklearn.externals:six`` in the pinned scikit-learn is
    what ties it to the crash.  Exactly one such module, or nothing.
    """
    from . import users
    from .probe import NO, YES

    name = sig.name or ""
    if ctx.probe is None or not name.isidentifier():
        return None
    modules: Set[str] = set()
    own: Set[str] = set()  # modules a pin imports the name from out of its own release, which has it
    unsure = False
    for found in users.find_name_users(ctx, name, "ImportError"):
        m = _FROM_IMPORT.match(found.use.statement or "")
        source = _absolute_module(m.group(1), found.use.file or "") if m else None
        if not source:
            unsure = True
            continue
        owner = ctx.pinned(module_owner(source, ctx))
        if owner is None or not owner.version:
            unsure = True
            continue
        try:
            answer = ctx.probe.ask(owner.name, owner.version, f"{source}:{name}").value
        except Exception:
            answer = None
        if owner.key == canonicalize_name(found.dist):
            # Pillow 4.1.0's ``from PIL import VERSION``: its own release has it, so the
            # installed files are not that release (left over from another install).
            if answer == YES:
                own.add(source)
            else:
                unsure = True
            continue
        lacks = answer == NO
        if not lacks and answer != YES:
            unsure = True
        if lacks:
            modules.add(source)
            ctx.evidence.append(f"the message names no module; {found.dist}=={found.version} imports {name} from "
                                f"{source} (`{found.use.statement.strip()}`, {found.use.file} line {found.use.line}), "
                                f"which {owner.name}=={owner.version} does not have (read from release files)")
    if not modules and not unsure and len(own) == 1:
        # Every pin that imports the name gets it from a release that has it: the one
        # module is judged as named, and its pinned release having the name says environment.
        return own.pop()
    return modules.pop() if len(modules) == 1 else None


def _by_name_users(ctx: Context, sig: F.Signal, done: Any) -> Diagnosis:
    """No frames and a module no pin owns (cryptography's cffi ``lib``): the one pin whose code reaches the name is the caller.

    Only for a distinctive name (``OpenSSL_add_all_algorithms``, not ``get``):
    the search matches the attribute or imported name in any module.  The
    caller's first release that stopped reaching it is one fix; its
    dependencies released after it (upload dates) are the suspects for the other.
    """
    from . import users

    name = sig.name or ""
    what = _what(sig)
    if len(name) < 8 or not ("_" in name.strip("_") or name != name.lower()):
        return _owner_by_time(ctx, sig, Party("unknown"), done)
    raises = "AttributeError" if sig.family == F.ATTRIBUTE else "ImportError"
    found = users.find_name_users(ctx, name, raises)
    if len(found) != 1:
        return _owner_by_time(ctx, sig, Party("unknown"), done)
    user = found[0]
    ctx.found_caller = user.dist
    ctx.evidence.append(user.describe(what))
    diagnosis = _owner_by_time(ctx, sig, ctx.party(user.dist), done)
    diagnosis.culprits = [_confirmed_in_binary(ctx, c, name) for c in diagnosis.culprits]
    if user.adapted:
        moved = Culprit(user.dist, f">={user.adapted}", CONF_TIME if user.partial else CONF_PROBE, [user.describe(what)],
                        "release-files")
        diagnosis.culprits = sorted(diagnosis.culprits + [moved], key=lambda c: -c.confidence)
        if diagnosis.verdict == "unknown":
            diagnosis.verdict = "transitive"
            diagnosis.summary = f"{user.dist}=={user.version} reaches {name}, which {sig.module} no longer has"
    return diagnosis


def _confirmed_in_binary(ctx: Context, culprit: Culprit, name: str) -> Culprit:
    """An upload-date guess about a compiled callee, checked against its binaries' names.

    When the pinned release's compiled modules lack ``name`` and the newest
    release the guess allows has it, the guess is read evidence, weighed as such.
    """
    from . import users

    pin = ctx.pinned(culprit.name)
    if culprit.source != "upload-dates" or ctx.probe is None or pin is None or not pin.version or \
            not culprit.constraint.startswith("<"):
        return culprit
    try:
        spec = SpecifierSet(culprit.constraint)
        allowed = sorted((Version(v) for v in ctx.probe.versions(pin.name)
                          if not Version(v).is_prerelease and Version(v) in spec), reverse=True)
        if not allowed or users.compiled_mentions(ctx.probe, pin.name, pin.version, name) is not False:
            return culprit
        if users.compiled_mentions(ctx.probe, pin.name, str(allowed[0]), name) is not True:
            return culprit
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s compiled modules: {type(exc).__name__}")
        return culprit
    ev = (f"{name} is in the compiled modules of {pin.name} {allowed[0]} and not in {pin.version}'s "
          f"(read from the binaries, never loaded)")
    return Culprit(culprit.name, culprit.constraint, CONF_PROBE, [ev] + list(culprit.evidence), "release-files",
                   list(culprit.together))


def _call_site_owner(ctx: Context, sig: F.Signal, caller: Party) -> List[Culprit]:
    """``__init__() got an unexpected keyword argument 'allowed_methods'``: read the call in the caller's frame.

    Python before 3.10 names no class.  The caller's pinned release is read at
    the frame's line for the call passing that keyword (``Retry(...,
    allowed_methods=...)``); the callable's import in that module names the
    pin that owns it, which is then asked in which releases it accepts the
    keyword (alteia 1.3.0 with urllib3 1.25.10: only from 1.26.0).
    """
    if ctx.probe is None or caller.kind != "dist" or not caller.version or not sig.name:
        return []
    from . import users

    frames = [fr for fr in ctx.crash.root.frames if (p := _frame_party(fr, ctx)) is not None and p.key == caller.key]
    if not frames:
        return []
    frame = frames[-1]
    try:
        site = users.call_site(ctx.probe, caller.name, caller.version, frame.file, frame.line, sig.name)
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {caller.name}'s call site: {type(exc).__name__}")
        return []
    if site is None:
        return []
    module, name, where = site
    owner = module_owner(module, ctx)
    if owner is None or canonicalize_name(owner) == caller.key or ctx.is_keep(owner):
        return []
    pin = ctx.pinned(owner)
    present = probe_range(ctx, owner, module, name, parameter=sig.name)
    if not present or pin is None or not excludes(present, pin.version):
        return []
    return [Culprit(pin.name, present, CONF_PROBE, [f"{caller.name} {caller.version} passes {sig.name!r} to {module}.{name} "
                    f"({where}); {pin.name} accepts it in {pin.name}{present} (read from release files)"], "api-probe")]


def _caller_passes_again(ctx: Context, sig: F.Signal, caller: Party) -> List[Culprit]:
    """"m() missing 1 required positional argument: 'k'" on a pin's own call: that pin's releases passing ``k=``.

    marshmallow 3.20.0's ``SchemaMeta.__new__`` stopped passing ``dict_cls=`` to
    ``get_declared_fields``, which marshmallow-sqlalchemy 0.29's override requires;
    marshmallow 3.19.0 passed it and 3.20.1 passes it again.  The innermost frame's file
    of the calling pin is read in its nearest later and earlier releases for a
    ``.m(..., k=...)`` call: each is an alternative to moving the override's owner (whose
    release that stopped requiring it can be a major away).  Only when the pinned release's
    file makes no such call, so the frame is the call that left ``k`` out.
    """
    if ctx.probe is None or not sig.detail.get("missing") or not sig.name or caller.kind != "dist" \
            or not caller.version or ctx.is_keep(caller.name):
        return []
    method = (sig.function or "").rsplit(".", 1)[-1]
    frames = ctx.crash.root.frames
    if not method.isidentifier() or method in ("__init__", "__new__") or not frames:
        return []
    frame = frames[-1]
    party = _frame_party(frame, ctx)
    if party is None or party.key != caller.key or f"{method}(" not in (frame.source or "").replace(" ", ""):
        return []
    from . import users
    from .probe import ReleaseTree

    parts = [p for p in frame.file.replace("\\", "/").split("/") if p]

    def passes(v: str) -> Optional[bool]:
        tree = ReleaseTree(ctx.probe, caller.name, v)
        paths = set(tree.paths())
        rel = next(("/".join(parts[i:]) for i in range(len(parts)) if "/".join(parts[i:]) in paths), None)
        if rel is None:
            return None
        return users.method_keyword_call(tree.read(rel) or "", method, sig.name) is not None

    try:
        if passes(caller.version) is not False:
            return []
        forward, _ = users.first_where(ctx, caller.name, caller.version, None, lambda v: passes(v) is True)
        back = users.last_where_before(ctx.probe, caller.name, caller.version, lambda v: passes(v) is True)
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {caller.name}'s releases: {type(exc).__name__}")
        return []
    where = (f"{caller.name} {caller.version} calls .{method}(...) without {sig.name}= "
             f"(`{(frame.source or '').strip()}`, {parts[-1]} line {frame.line})")
    return _both_ways(ctx.pinned(caller.name), where, forward, f"passes {sig.name}= there", back,
                      f"passed {sig.name}= there")


_EXTRA_MARKER = re.compile(r"""\bextra\s*==\s*['"]([^'"]{1,100})['"]""")


_NAMED_RELEASE = re.compile(r"(?<![\w.-])([A-Za-z][\w.-]{1,60}?)\s+(?:version\s+)?v?(\d{1,4}(?:\.\d{1,6}){1,3})"
                            r"\s+or\s+(older|earlier|lower|below|newer|later|higher|above|greater)\b")


def _message_names_release(ctx: Context) -> List[Culprit]:
    """A message that names a pin's release and a direction: "load and save them in MuJoCo 2.3.3 or older".

    Farama-Foundation/Gymnasium#597: mujoco 2.3.4 dropped global coordinates and says which
    releases still read them; gymnasium 0.28.1's hopper.xml uses them.  Read only when nothing
    else explains the crash, only for a pin of the set (named as the set spells it, any case)
    that may move and whose pinned release the named range leaves out; ranked as upload dates.
    """
    out: List[Culprit] = []
    if ctx.signal is not None and ctx.signal.detail.get("runtime_check"):
        return []  # a version check's own reading already said what it is about
    for exc in ctx.crash.exceptions:
        for m in _NAMED_RELEASE.finditer(exc.message or ""):
            pin = ctx.pinned(m.group(1))
            if pin is None or not pin.active or not pin.version or ctx.is_keep(pin.name):
                continue
            others = set(re.findall(r"(?<![\w.])v?(\d+(?:\.\d+){1,3})(?![\w.])", exc.message or "")) - {m.group(2)}
            if others - {pin.version}:
                continue  # "requires Redis 5.0 or later. You have 4.0.9": a server's or a tool's version, not the pin's
            older = m.group(3) in ("older", "earlier", "lower", "below")
            parts = m.group(2).split(".")
            if older and len(parts) == 2:
                spec = f"<{parts[0]}.{int(parts[1]) + 1}"  # "2.3 or older" names the whole 2.3 series
            else:
                spec = ("<=" if older else ">=") + m.group(2)
            if not excludes(spec, pin.version) or any(c.name == pin.name for c in out):
                continue
            out.append(Culprit(pin.name, spec, CONF_TIME, [f"the message names {m.group(1)} {m.group(2)} or "
                                                          f"{m.group(3)}, and {pin.name}=={pin.version} is not"], "message"))
    return out if len(out) == 1 else []


# Extras for a project's own work, not for its users: their ranges say nothing of what a user's code runs.
_WORK_EXTRA = re.compile(r"(?:.*[-_.])?(?:dev|devel|develop|developer|developers|development|tests?|testing|docs?|"
                         r"documentation|ci|lint|linting|typing|types|mypy|pyright|style|checks?|bench|benchmarks?|"
                         r"coverage|cov|qa|quality|min|minimum|oldest|release|build|format|pre-commit|precommit)"
                         r"(?:[-_.].*)?", re.I)  # also tests_no_zope, tests-mypy, minimum-jaxlib


def _inactive_extra_conflict(ctx: Context, sig: F.Signal) -> Optional[Tuple[str, List[Culprit]]]:
    """(summary, culprits): the one pin of the crash that another pin wants in another range, under an extra.

    City-of-Helsinki/linkedevents#510: django-haystack 3.2.1 declares ``elasticsearch<8,>=5`` only
    for its ``elasticsearch`` extra; the project installed elasticsearch on its own, got 8.6.0, and
    haystack's ``bulk(..., doc_type=...)`` was refused.  pip checks an extra's range only when the
    extra is asked for, so this conflict is invisible to it, yet it is the set's own statement of
    what works.  Read only when nothing else explains the crash, only for a pin the crash shows
    (a frame, the module the message names, or the function it names defined in that release),
    only for extras a user asks for (not dev, test, docs, ci, minimum ...), and only when one pin
    is so named; each extra's range is an alternative, ranked as a guess.
    """
    if ctx.index is None:
        return None
    shown = set(crash_dists(ctx))
    if sig.module:
        owner = module_owner(sig.module, ctx)
        if owner:
            shown.add(canonicalize_name(owner))
    found: Dict[str, List[Tuple[Any, str, str]]] = {}
    for pin in ctx.pins:
        if not pin.active or not pin.version:
            continue
        try:
            meta = ctx.index.metadata(pin.name, pin.version)
            plain = {canonicalize_name(r.name) for r in meta.dependencies(ctx.target, ())}
        except Exception:
            continue
        for text in meta.requires_dist:
            extras = _EXTRA_MARKER.findall(text)
            if not extras or all(_WORK_EXTRA.fullmatch(e) for e in extras):
                continue
            try:
                req = Requirement(text)
            except Exception:
                continue
            key = canonicalize_name(req.name)
            other = ctx.pinned(key)
            if key == pin.key or key in plain or other is None or not other.version or not other.active \
                    or ctx.is_keep(other.name) or not str(req.specifier) or not excludes(str(req.specifier), other.version):
                continue
            try:
                if req.marker is not None and not any(ctx.target.evaluate(req.marker, e) for e in extras):
                    continue  # the extra's requirement is for another Python or platform
            except Exception:
                continue
            extra = next(e for e in extras if not _WORK_EXTRA.fullmatch(e))
            found.setdefault(key, []).append((pin, extra, str(req.specifier)))
    if len(found) != 1:
        return None
    key, claims = next(iter(found.items()))
    other = ctx.pinned(key)
    if key not in shown and not any(_takes_it_in_range(ctx, other, sig, spec) for _, _, spec in claims):
        return None
    culprits: List[Culprit] = []
    for pin, extra, spec in claims:
        if any(c.constraint == spec for c in culprits):
            continue
        ev = (f"{pin.name}=={pin.version} declares {other.name}{spec} for its {extra!r} extra, and "
              f"{other.name}=={other.version} is outside it (an extra nobody asked for is never checked by pip)")
        culprits.append(Culprit(other.name, spec, CONF_GUESS, [ev], "matrix"))
    ctx.evidence.append(culprits[0].evidence[0])
    return culprits[0].evidence[0], culprits


def _extra_claims(ctx: Context, pin: Any) -> List[Tuple[str, str, str]]:
    """``(dependency key, extra, range)`` that ``pin`` declares only under a user-facing extra for the target.

    Work extras (test, dev, docs, ...) are left out, and so is a dependency the pin also
    declares plainly (pip checks that one).
    """
    try:
        meta = ctx.index.metadata(pin.name, pin.version)
        plain = {canonicalize_name(r.name) for r in meta.dependencies(ctx.target, ())}
    except Exception:
        return []
    out: List[Tuple[str, str, str]] = []
    for text in meta.requires_dist:
        extras = _EXTRA_MARKER.findall(text)
        if not extras or all(_WORK_EXTRA.fullmatch(e) for e in extras):
            continue
        try:
            req = Requirement(text)
            if req.marker is not None and not any(ctx.target.evaluate(req.marker, e) for e in extras):
                continue  # the extra's requirement is for another Python or platform
        except Exception:
            continue
        key = canonicalize_name(req.name)
        if key == pin.key or key in plain or not str(req.specifier):
            continue
        out.append((key, next(e for e in extras if not _WORK_EXTRA.fullmatch(e)), str(req.specifier)))
    return out


def _within_callers_extras(ctx: Context, culprits: List[Culprit]) -> List[Culprit]:
    """Culprits narrowed into the range a pin of the stack declares for them under an extra.

    Kludex/uvicorn#1275: uvicorn 0.14.0 calls ``websockets.legacy``, which websockets 8.1 lacks;
    websockets 9.0 has the module, but uvicorn's ``standard`` extra says ``websockets>=9.1``, the
    range its authors tested.  pip never checked it (the extra was not asked for), yet it is
    the caller's own statement of what works: a move it allows is preferred to one it does
    not.  Only for a pin outside that range now, only when the narrowed range still has
    releases, and only for extras of pins the crash's frames show.
    """
    if ctx.index is None or not culprits:
        return culprits
    shown = crash_dists(ctx)
    if not shown:
        return culprits
    claims: Dict[str, List[Tuple[Any, str, str]]] = {}
    for key in shown[:MAX_EXTRA_CALLERS]:
        pin = ctx.pinned(key)
        if pin is None or not pin.version or not pin.active:
            continue
        for dep, extra, spec in _extra_claims(ctx, pin):
            claims.setdefault(dep, []).append((pin, extra, spec))
    if not claims:
        return culprits
    out: List[Culprit] = []
    for c in culprits:
        key = canonicalize_name(c.name)
        pin = ctx.pinned(key)
        for caller, extra, spec in claims.get(key, []):
            if pin is None or not pin.version or not excludes(spec, pin.version):
                continue
            try:
                both = SpecifierSet(c.constraint) & SpecifierSet(spec)
                finals = _final_versions(ctx, c.name) or []
            except Exception:
                continue
            if any(both.contains(v) for v in finals) and any(not both.contains(v) and SpecifierSet(c.constraint).contains(v)
                                                             for v in finals):
                ev = (f"{caller.name}=={caller.version} declares {pin.name}{spec} for its {extra!r} extra "
                      f"(the range its authors tested; pip never checked it)")
                c = dataclasses.replace(c, constraint=str(both), evidence=list(c.evidence) + [ev])
                ctx.evidence.append(ev)
                break
        out.append(c)
    return out


MAX_EXTRA_CALLERS = 6  # pins of the stack whose extras are read


def _takes_it_in_range(ctx: Context, pin: Any, sig: F.Signal, spec: str) -> bool:
    """Whether the newest release of ``pin`` in ``spec`` defines the frameless error's function (``bulk()``)
    with the refused keyword as a parameter (elasticsearch 7's ``bulk(self, body, index=None, doc_type=None)``):
    a name as common as ``run()`` says nothing by itself."""
    from . import users

    name = (sig.function or "").rsplit(".", 1)[-1]
    if sig.family != F.SIGNATURE or not sig.name or not name.isidentifier() or name.startswith("__") \
            or ctx.probe is None or any(e.frames for e in ctx.crash.exceptions):
        return False
    try:
        inside = [v for v in (_final_versions(ctx, pin.name) or []) if SpecifierSet(spec).contains(v)]
        found = users.modules_mentioning(ctx.probe, pin.name, str(inside[-1]), f"def {name}") if inside else None
    except Exception:
        return False
    return any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name
               and sig.name in {a.arg for a in n.args.posonlyargs + n.args.args + n.args.kwonlyargs}
               for path, tree in found or [] if tree is not None and not _test_module(path) for n in ast.walk(tree))


def _extra_named_by_module(ctx: Context, caller: Party, c_time: Optional[str]) -> List[Tuple[str, str]]:
    """A pin the caller needs only under an extra, named by the module the innermost caller frame runs in.

    Kombu declares redis only for its ``redis`` extra, and the crash runs in
    ``kombu.transport.redis``: that module is the extra's code, so the pin is a
    dependency of the crash even though the plain Requires-Dist leaves it out.
    The pin counts when its series began after the caller's upload, as the plain
    dependencies do.
    """
    frame = _innermost_of(ctx, caller.name)
    if frame is None or not frame.module or not c_time:
        return []
    parts = {p.lower() for p in frame.module.split(".")[1:]}
    try:
        meta = ctx.index.metadata(caller.name, caller.version)
        extras = sorted({m.group(1) for r in meta.requires_dist for m in _EXTRA_MARKER.finditer(r)})
        plain = {canonicalize_name(r.name) for r in meta.dependencies(ctx.target, ())}
        optional = [canonicalize_name(r.name) for r in meta.dependencies(ctx.target, extras)]
    except Exception:
        return []
    out: List[Tuple[str, str]] = []
    for d in dict.fromkeys(optional):
        pin = ctx.pinned(d)
        if d in plain or pin is None or not pin.version or ctx.is_keep(d) or d.replace("-", "_") not in parts:
            continue
        start = timeline.series_start(ctx.index, pin.name, pin.version)
        if start and start[1] and start[1] > c_time:
            out.append((pin.name, pin.version))
    return out


def _signature_owner(ctx: Context, sig: F.Signal, caller: Party) -> List[Culprit]:
    """``Client.__init__() got an unexpected keyword argument 'app'``: the pin defining ``Client`` that dropped ``app``."""
    from . import users

    cls = (sig.function or "").split(".")[0]
    if cls and cls != sig.function and cls.islower() and cls.isidentifier() and not cls.startswith("_") \
            and "<locals>" not in (sig.function or "") and cls not in _BUILTIN_TYPES:
        # "trinoresponsehandler.set_response_params()": a qualified name retyped in lower case.
        real = users.class_spelling(ctx, cls)
        if real and real != cls:
            ctx.evidence.append(f"the message spells the class {cls!r}; the set defines {real!r} (read as retyped)")
            sig = dataclasses.replace(sig, function=real + (sig.function or "")[len(cls):])
            cls = real
    if sig.function in ("__new__", "__init__"):
        shown = _called_class(ctx)
        if shown:
            # '__init__() missing ... 'protocol'' under 'self.resp.content = StreamReader()': the line names it.
            named = dataclasses.replace(sig, function=f"{shown}.{sig.function}")
            found = _signature_owner(ctx, named, caller)
            if found:
                return found + [c for c in _shown_line_holder(ctx, {c.name for c in found}) if c not in found]
        return _constructor_owner(ctx, sig, caller, sig.function)
    if cls and cls == sig.function and (cls[:1].islower() or cls[:1] == "_"):
        found = _function_owner(ctx, sig, caller, cls)
        if not found and cls in ("init", "new"):
            # "init() got an unexpected keyword": wandb.init, or __init__ with its underscores eaten by markdown
            found = _constructor_owner(ctx, sig, caller, f"__{cls}__")
        return found or _function_homes(ctx, sig, caller, cls) or _method_homes(ctx, sig, caller, cls)
    if not cls or not cls[:1].isupper() or not cls.isidentifier() or cls in _BUILTIN_TYPES:
        return []
    if cls == sig.function:
        # "MessageToDict() got an unexpected keyword": a capitalised name may be a function
        # (protobuf's json_format), read where it is defined when no class of that name is.
        found = _function_homes(ctx, sig, caller, cls)
        if found:
            return found
    method = (sig.function or "").split(".", 1)[1] if "." in (sig.function or "") else ""
    asked = 0
    for pin, module in users.class_homes(ctx, cls):
        if pin.key == caller.key or ctx.is_keep(pin.name) or asked >= MAX_CLASS_QUESTIONS:
            continue
        asked += 1
        # "XGBClassifier.fit() got an unexpected keyword": the method's parameters, not the constructor's
        target = f"{cls}.{method}" if method and method not in ("__init__", "__new__") else cls
        found = _keyword_range(ctx, pin, module, target, sig, "defined")
        if found:
            if method and method not in ("__init__", "__new__") and sig.name and not sig.detail.get("missing") \
                    and not any(e.frames for e in ctx.crash.exceptions):
                found += _method_keyword_callers(ctx, pin, cls, method, sig.name)
            return found
        if method and method not in ("__init__", "__new__") and sig.name and not sig.detail.get("missing"):
            found = _override_passed_new_keyword(ctx, pin, cls, method, sig.name)
            if found:
                sig.detail["override_of"] = f"{pin.name}=={pin.version}"
                return found
            if not any(e.frames for e in ctx.crash.exceptions) and not sig.detail.get("multiple") \
                    and _accepts_at_pin(ctx, pin, module, cls, method, sig.name):
                found = _override_passed_new_keyword(ctx, pin, cls, method, sig.name, own_accepts=True)
                if found:
                    sig.detail["other_class_of"] = f"{pin.name}=={pin.version}"
                    return found
    return []


def _keyword_spelled_by_one(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """``Group.create_array() got an unexpected keyword argument 'exists_ok'``, no frame: the one pin that spells it.

    zarr-developers/zarr-python#3430: zarr 3's ``Group.create_array`` takes ``overwrite``; xarray
    2024.11.0 builds ``encoding["exists_ok" if _zarr_v3() else "overwrite"]`` and passes it on, and
    2025.1.0 passes ``overwrite``.  When the class's pin never took the keyword in any release
    (the range readings found none) and refuses it now, the one other movable pin of the set whose
    pinned release spells the (distinctive) keyword, as ``kw=`` or as a string, is the caller: its
    first later release that spells it nowhere is the way out.
    """
    from . import users

    kw, fn = sig.name or "", sig.function or ""
    cls, _, method = fn.partition(".")
    if ctx.probe is None or not method or not cls[:1].isupper() or sig.detail.get("missing") or len(kw) < 6 \
            or "_" not in kw.strip("_") or any(e.frames for e in ctx.crash.exceptions):
        return []
    try:
        homes = [(pin, module) for pin, module in users.class_homes(ctx, cls)]
    except Exception:
        return []
    owners = {pin.key for pin, _ in homes}
    if len(owners) != 1 or any(_takes_keyword_now(ctx, pin, module, cls, method, kw) is not False for pin, module in homes):
        return []  # the pin's own class takes it (another class refused it), or cannot be read
    owner_key = next(iter(owners))

    def declares(pin: Any) -> bool:
        """The pin names the class's pin in its Requires-Dist, an extra's too (xarray's zarr is in 'io')."""
        try:
            return any(canonicalize_name(Requirement(r).name) == owner_key
                       for r in ctx.index.metadata(pin.name, pin.version).requires_dist)
        except Exception:
            return False

    def spells(name: str, v: str) -> Optional[bool]:
        """Whether code of the release passes ``kw=`` in a call or builds the word as a string (not a def's parameter)."""
        found = users.modules_mentioning(ctx.probe, name, v, kw)
        if found is None:
            return None
        return any(isinstance(n, ast.Call) and any(k.arg == kw for k in n.keywords)
                   or isinstance(n, ast.Constant) and n.value == kw
                   for path, tree in found if tree is not None and not _test_module(path) for n in ast.walk(tree))

    callers = []
    for pin in [p for p in ctx.pins if p.active and p.version and p.key not in owners and not ctx.is_keep(p.name)
                and declares(p)]:
        try:
            if spells(pin.name, pin.version):
                callers.append(pin)
        except Exception:
            continue
    if len(callers) != 1:
        return []
    pin = callers[0]
    try:
        forward = _first_later(ctx, pin.name, pin.version, lambda v: spells(pin.name, v) is False)
    except Exception:
        return []
    owner = next(p for p, _ in homes)
    where = (f"{owner.name}=={owner.version}'s {cls}.{method} never took {kw!r}; {pin.name}=={pin.version} is the one "
             f"pin of the set that spells it")
    # Only forward: a caller that began spelling it may have done so while adapting to the callee's new
    # series (xarray 2024.11 spells exists_ok only for zarr 3), so its earlier releases prove nothing.
    return _both_ways(pin, where, forward, "spells it nowhere", None, "", conf=CONF_TIME + 0.1)


def _takes_keyword_now(ctx: Context, pin: Any, module: str, cls: str, method: str, kw: str) -> Optional[bool]:
    """Whether the pinned release's ``module.cls.method`` takes ``kw`` (None: the probe cannot say)."""
    from .probe import NO, YES, Question

    try:
        value = ctx.probe.ask(pin.name, pin.version, Question(module, name=cls, attribute=method, parameter=kw)).value
    except Exception:
        return None
    return True if value == YES else False if value == NO else None


def _accepts_at_pin(ctx: Context, pin: Any, module: str, cls: str, method: str, kw: str) -> bool:
    """Whether ``pin``'s own ``module.cls.method`` takes ``kw`` in the pinned release (read from release files)."""
    present = probe_range(ctx, pin.name, module, cls, parameter=kw, attribute=method)
    return bool(present) and not excludes(present, pin.version)


MAX_OVERRIDE_RELEASES = 12  # older releases of a base package read for where it began passing a keyword


def _override_passed_new_keyword(ctx: Context, owner: Any, cls: str, method: str, kw: str,
                                 own_accepts: bool = False) -> List[Culprit]:
    """A subclass's override that never took ``kw``: the one other pin whose code now calls ``.method(..., kw=...)``.

    fast-agent-mcp 0.2.25's ``MCPAgentClientSession.send_request`` overrides mcp's
    ``ClientSession.send_request``; mcp 1.9.0's ``call_tool`` began passing
    ``progress_callback=``, and no fast-agent release took it (0.2.26 pinned mcp 1.8).
    The caller's releases before the first that passes the keyword are the fix.

    ``own_accepts``: the owner's own ``cls.method`` takes ``kw``, so the class that
    refused it is another of that name, one the set does not define (urllib3 2.0's
    ``HTTPConnection.request`` takes ``chunked=`` and its pool passes it, but docker
    6.0's connection inherits http.client's ``HTTPConnection.request``, which does not).
    Then the owner itself may be the caller, and a shorter keyword will do: the method's
    name and a call that began within the caller's last releases keep it precise.
    """
    from . import users
    from .probe import ReleaseTree

    if ctx.probe is None or (len(kw) < 8 or "_" not in kw.strip("_")) and not (own_accepts and len(kw) >= 5):
        return []
    others = [p for p in ctx.pins if p.active and p.version and (own_accepts or p.key != owner.key)
              and not ctx.is_keep(p.name)]
    # (A class's call of its own method, ``self.request(...)``, reaches the set's class, which takes it.)
    sites = users.method_keyword_sites(ctx, others[:users.MAX_OWNER_PINS], method, kw, foreign=own_accepts)
    if len(sites) != 1:
        return []
    pin, use = sites[0]
    try:
        older = sorted((v for v in ctx.probe.versions(pin.name) if _older_final(v, pin.version)), key=Version, reverse=True)
        had = pin.version
        for v in older[:MAX_OVERRIDE_RELEASES]:
            text = ReleaseTree(ctx.probe, pin.name, v).read(use.file)
            if text is None:
                return []  # the module is not there: no proof of when the call began
            if users.method_keyword_call(text, method, kw, foreign=own_accepts) is None:
                said = (f"{owner.name}=={owner.version}'s own {cls}.{method} takes {kw!r}, so the {cls} that refused "
                        f"it is another class of that name (the standard library's, or an override)" if own_accepts
                        else f"{owner.name}=={owner.version}'s {cls}.{method} does not take {kw!r}")
                ev = (f"{said}; {pin.name} {had} calls "
                      f".{method}(..., {kw}=...) (`{use.statement}`, {use.file} line {use.line}), {pin.name} {v} does not "
                      f"(read from release files)")
                ctx.evidence.append(ev)
                ctx.callee = ctx.party(pin.name)
                return [Culprit(pin.name, f"<{had}", CONF_PROBE, [ev], "release-files")]
            had = v
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
    return []


def _method_keyword_callers(ctx: Context, owner: Any, cls: str, method: str, kw: str) -> List[Culprit]:
    """The one pin declaring ``owner`` whose code calls ``<obj>.method(..., kw=...)``, and its release that stopped.

    hgboost 1.1.5 calls ``model.fit(..., early_stopping_rounds=...)`` on an XGBoost
    classifier; xgboost 2.1 moved that keyword to the constructor; hgboost 1.1.6 stopped
    passing it.  The receiver is an instance, so the pin must declare the owner and be
    the only such caller, and the keyword must be distinctive.
    """
    from . import users

    if len(kw) < 8 or "_" not in kw.strip("_"):
        return []
    callers = [p for p in users.dependants(ctx, owner.key) if not ctx.is_keep(p.name)][:users.MAX_OWNER_PINS]
    sites = users.method_keyword_sites(ctx, callers, method, kw)
    if len(sites) != 1:
        return []
    pin, use = sites[0]
    adapted, partial = users.method_keyword_adapted(ctx, pin, use, method, kw)
    if not adapted:
        return []
    ctx.found_caller = pin.name
    how = ("there; the rest of that release is over the read cap and was not checked" if partial
           else "in any module (read from release files)")
    ev = (f"no caller frame was printed; {pin.name} {pin.version} calls {cls}.{method}(..., {kw}=...) on its "
          f"{owner.name} object (`{use.statement}`, {use.file} line {use.line}); {pin.name} {adapted} no longer "
          f"passes it {how}")
    ctx.evidence.append(ev)
    return [Culprit(pin.name, f">={adapted}", CONF_TIME + 0.1 if partial else CONF_PROBE, [ev], "release-files")]


def _function_homes(ctx: Context, sig: F.Signal, caller: Party, fn: str) -> List[Culprit]:
    """A frameless call error naming a distinctive function: the pin module defining it, asked which releases accept the call.

    Only a distinctive name (``MessageToDict``, ``read_sql_query``: mixed case or an
    underscore, eight letters or more) is searched; ``load`` is defined everywhere.
    """
    from . import users

    distinctive = len(fn) >= 8 and ("_" in fn.strip("_") or fn != fn.lower())
    # In a set of one or two packages a plain name ('montage') has few homes to be confused with
    # (scikit-image's skimage.util.montage under medmnist 2.1.0).
    small = len([p for p in ctx.pins if p.active and p.version]) <= 2 and len(fn) >= 4
    if ctx.probe is None or not (distinctive or small) or fn.startswith("_") or fn in _BUILTIN_FUNCTIONS:
        return []
    asked = 0
    for pin, module in users.class_homes(ctx, fn, kind="def"):
        if pin.key == caller.key or ctx.is_keep(pin.name) or asked >= MAX_CLASS_QUESTIONS:
            continue
        asked += 1
        found = _keyword_range(ctx, pin, module, fn, sig, "defined")
        if found:
            if not sig.detail.get("missing") and sig.name and not any(e.frames for e in ctx.crash.exceptions):
                found += _keyword_callers(ctx, pin, fn, sig.name)
            return found
    return []


def _method_homes(ctx: Context, sig: F.Signal, caller: Party, method: str) -> List[Culprit]:
    """A bare method name (Python 2 printed no class): the pin classes defining it, asked which releases accept the call.

    "_convert_to_request_dict() takes exactly 3 arguments (4 given)": botocore's BaseClient
    method took one more argument from 1.9.7 on, which tornado-botocore 1.3.1 passes.
    Only a distinctive name (eight letters or more, with an underscore inside, or private).
    """
    from . import users

    # A private method ('_deserialize') is a name of the pin's own protocol, distinctive enough.
    if ctx.probe is None or len(method) < 8 or not ("_" in method.strip("_") or method.startswith("_")):
        return []
    pins = [p for p in ctx.pins if p.active and p.version and p.key != caller.key and not ctx.is_keep(p.name)]
    asked = 0
    for pin, module, home in users.classes_with_method(ctx, pins, method, method):
        if asked >= MAX_CLASS_QUESTIONS:
            break
        asked += 1
        found = _keyword_range(ctx, pin, module, f"{home}.{method}", sig, "defined")
        if found:
            return found
    return []


def _keyword_callers(ctx: Context, owner: Any, fn: str, kw: str) -> List[Culprit]:
    """The one other pin whose code calls ``owner``'s ``fn(..., kw=...)``, and its first release that stopped.

    django-socio-grpc 0.22.0 passed ``including_default_value_fields=`` to protobuf's
    ``MessageToDict``, which protobuf 5.26 dropped; 0.22.7 stopped.  A caller moving a
    micro release is a fix beside holding the owner back a major.
    """
    from . import users

    movable = [p for p in ctx.pins if p.active and p.version and p.key != owner.key and not ctx.is_keep(p.name)]
    sites = []
    for pin, full, use in users.keyword_call_sites(ctx, movable[:MAX_OWNER_PINS_FN], kw):
        module, _, name = full.rpartition(".")
        who = module_owner(module, ctx) if module else None
        if name == fn and who is not None and canonicalize_name(who) == owner.key:
            sites.append((pin, full, use))
    if len({(p.key, full) for p, full, _ in sites}) != 1:
        return []
    pin, full, use = sites[0]
    ctx.found_caller = pin.name
    ev = f"no caller frame was printed; {pin.name} {pin.version} calls {full}(..., {kw}=...) (`{use.statement}`, {use.file} line {use.line})"
    ctx.evidence.append(ev)
    return _stopped_passing(ctx, pin, use, full, kw, ev)


def _stopped_passing(ctx: Context, pin: Any, use: Any, full: str, kw: str, ev: str) -> List[Culprit]:
    """The caller's first later release that passes ``kw=`` to ``full`` nowhere, as a culprit (none when none did)."""
    from . import users

    adapted, partial = users.keyword_adapted(ctx, pin, use, full.split(".")[0], full.rsplit(".", 1)[-1], kw)
    if not adapted:
        return []
    how = ("there; the rest of that release is over the read cap and was not checked" if partial
           else "in any module (read from release files)")
    return [Culprit(pin.name, f">={adapted}", CONF_TIME + 0.1 if partial else CONF_PROBE,
                    [f"{ev}; {pin.name} {adapted} no longer passes it {how}"], "release-files")]


def _shown_line_holder(ctx: Context, callees: Set[str], both: bool = False, most: int = 0) -> List[Culprit]:
    """The one other pin whose pinned release holds the shown failing line, at its first release without it.

    A pytest paste cut after its ">" line shows ``self.resp.content = StreamReader()`` but not
    whose file it is; aioresponses 0.3.2 has that very line, 0.4.0 passes aiohttp 3's
    ``protocol``.  The line is matched as text (whitespace free), in a set of at most
    ``MAX_LINE_PINS`` movable pins (``most`` when given).  ``both``: the newest earlier
    release without the line is the other way out (a missing attribute's line came with
    the holder's release: flask-marshmallow 0.15.0 reads ``db.session`` off Flask-SQLAlchemy
    2's state object, 0.14.0 did not).
    """
    root = ctx.crash.root
    line = (root.source_hint or "").strip()
    if ctx.probe is None or root.frames or len(line) < 12:
        return []
    pattern = re.compile(r"\s*".join(re.escape(part) for part in line.split()))
    pins = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name) and p.name not in callees]
    if len(pins) > (most or MAX_LINE_PINS):
        return []
    def mentions(name: str, v: str) -> Optional[bool]:
        try:
            return _release_mentions(ctx, name, v, pattern)
        except Exception:  # an unreadable release (egg-only, broken) answers nothing
            return None

    holders = [p for p in pins if mentions(p.name, p.version) is True]
    if len(holders) != 1:
        return []
    pin = holders[0]
    try:
        later = _first_later(ctx, pin.name, pin.version, lambda v: mentions(pin.name, v) is False)
    except Exception:
        later = None
    back = None
    if both:
        from .users import last_where_before

        back = last_where_before(ctx.probe, pin.name, pin.version, lambda v: mentions(pin.name, v) is False)
    if not later and not back:
        return []
    held = f"{pin.name}=={pin.version} holds the shown line `{line[:80]}`"
    ctx.found_caller = pin.name
    out = []
    if later:
        ev = f"{held}; {pin.name} {later} no longer does (read from release files)"
        ctx.evidence.append(ev)
        out.append(Culprit(pin.name, f">={later}", CONF_TIME + 0.1, [ev], "release-files"))
    if back:
        ev = f"{held}; {pin.name} {back} did not hold it yet (read from release files)"
        ctx.evidence.append(ev)
        out.append(Culprit(pin.name, f"<={back}", CONF_TIME + 0.1, [ev], "release-files"))
    return out


MAX_LINE_PINS = 4  # movable pins searched as text for a shown line with no frame
MAX_LINE_PINS_ATTRIBUTE = 8  # ... for a missing attribute's shown line, where no other reading is left


def _submodule_import_dropped(ctx: Context, sig: F.Signal, callee: Party, done: Any) -> Optional[Diagnosis]:
    """"module 'matplotlib' has no attribute 'backends'": a submodule the failing file reads without importing it.

    A submodule is an attribute of its package once something imported it.  matplotlib
    3.3.0's pyplot.py assigns ``matplotlib.backends.backend`` but no longer imports
    ``matplotlib.backends`` (3.2.2 did, at the top; 3.3.1 does again, in the function): the
    innermost frame's file is read across its pin's releases for any import of that
    submodule, and the nearest releases on each side that have one are the fixes.
    """
    from .adapted import frame_relpath
    from .pysource import parse_quietly, resolve_relative
    from .probe import ReleaseTree
    from .raised import _first_silent, final_releases

    if ctx.probe is None or callee.kind != "dist" or not callee.version:
        return None
    full = f"{sig.module}.{sig.name}"
    stem = full.replace(".", "/")
    try:
        have = set(ReleaseTree(ctx.probe, callee.name, callee.version).paths())
    except Exception:
        return None
    if f"{stem}.py" not in have and f"{stem}/__init__.py" not in have:
        return None  # not a submodule of the pinned release: another reading
    frames = [f for f in ctx.crash.root.frames if f.owner == OWNER_DIST and f.dist]
    if not frames or not ctx.pinned(frames[-1].dist):
        return None
    frame, pin = frames[-1], ctx.pinned(frames[-1].dist)
    rel = frame_relpath(frame)
    if not rel or not rel.endswith(".py") or not pin.version or ctx.is_keep(pin.name):
        return None
    module = rel[:-3].replace("/", ".")
    is_package = module.endswith(".__init__")
    module = module[: -len(".__init__")] if is_package else module

    def imports(version: str) -> Optional[bool]:
        try:
            text = ReleaseTree(ctx.probe, pin.name, version).read(rel)
        except Exception:
            return None
        if text is None:
            return None
        for node in ast.walk(parse_quietly(text)):
            if isinstance(node, ast.Import) and any(a.name == full or a.name.startswith(full + ".") for a in node.names):
                return True
            if isinstance(node, ast.ImportFrom):
                base = resolve_relative(module, is_package, node.level, node.module)
                if base == full or base.startswith(full + ".") or (base == sig.module and any(a.name == sig.name for a in node.names)):
                    return True
        return False

    try:
        if imports(pin.version) is not False:
            return None
        finals = final_releases(ctx.probe.versions(pin.name))
        before = [v for pv, v in reversed(finals) if pv < Version(pin.version)][:MAX_SUBMODULE_RELEASES]
        i = _first_silent(len(before), lambda k: (lambda r: None if r is None else not r)(imports(before[k])))
        back = before[i] if i is not None else None
        forward = _first_later(ctx, pin.name, pin.version, lambda v: imports(v) is True)
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
        return None
    where = f"{pin.name}=={pin.version}'s {rel} reads {full} without importing it"
    out = _both_ways(pin, where, forward, "imports it", back, "imported it", possessive=True)
    if not out:
        return None
    ctx.evidence.append(out[0].evidence[0])
    ctx.callee = ctx.party(pin.name)
    return done("direct" if pin.key == callee.key else "transitive", sig.family,
                f"{where}: the submodule is an attribute only once imported", out)


MAX_SUBMODULE_RELEASES = 200  # earlier releases of the reading pin considered (galloped, then bisected)


def _py2_submodule(ctx: Context, last: str) -> Optional[str]:
    """The dotted module a Python 2 "No module named <last>" stands for: a pin's submodule of that name.

    Python 2 names only the last part of a failed ``from pdfminer.pdfdocument import ...``.
    In a set of at most ``MAX_PY2_PINS`` pins, the one whose newest release, or last release
    of the series before the pinned one, ships ``<pkg>/.../<last>.py`` (or a package of that
    name) while its pinned release does not: a submodule it gained later, or dropped (Flask
    1.0 dropped ``flask.ext``; 0.12.5 still ships it).
    """
    from .probe import ReleaseTree

    if ctx.probe is None or not last.isidentifier():
        return None
    pins = [p for p in ctx.pins if p.active and p.version]
    if len(pins) > MAX_PY2_PINS:
        return None
    found = []
    for pin in pins:
        try:
            listed = ctx.probe.versions(pin.name)
            pinned = set(ReleaseTree(ctx.probe, pin.name, pin.version).paths())
            paths = list(ReleaseTree(ctx.probe, pin.name, listed[-1]).paths())
            before = _last_of_previous_series(listed, pin.version, major=True)
            if before:
                paths += ReleaseTree(ctx.probe, pin.name, before).paths()
        except Exception:
            continue
        for path in paths:
            parts = path.split("/")
            if len(parts) >= 2 and (parts[-1] == f"{last}.py" or parts[-2:] == [last, "__init__.py"]) \
                    and "tests" not in parts and path not in pinned:
                found.append(".".join(parts[:-1] if parts[-1] == "__init__.py" else parts[:-1] + [last]))
    found = sorted(set(found))
    return found[0] if len(found) == 1 else None


MAX_PY2_PINS = 3


def _called_class(ctx: Context) -> Optional[str]:
    """The one class-like name (capitalised) the shown failing line calls, or None."""
    root = ctx.crash.root
    line = (root.frames[-1].source if root.frames else "") or root.source_hint or ""
    try:
        tree = parse_exact(line.strip())
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    called = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name[:1].isupper() and name.isidentifier() and name not in _BUILTIN_TYPES:
                called.add(name)
    return called.pop() if len(called) == 1 else None


def _constructor_owner(ctx: Context, sig: F.Signal, caller: Party, method: str) -> List[Culprit]:
    """``__new__() got an unexpected keyword argument 'serialized_options'``, no frame, no class named.

    Each movable pin's newest release for the target is searched for a class
    whose ``method`` takes the keyword; the pin whose pinned release refuses
    it and a range of releases accepts it is the callee (protobuf < 3.6 under
    generated code from a newer protoc).  Only a distinctive keyword is
    searched: a short or common one would find every class.
    """
    from . import users

    kw = sig.name or ""
    if ctx.probe is None or len(kw) < 3 or not kw.isidentifier():
        return []
    if any(e.frames or e.source_hint for e in ctx.crash.exceptions):
        return []  # the failing call is shown: its class decides, not a search of the set
    if len(kw) < 8 or "_" not in kw.strip("_"):
        # A short or common keyword ('gpus') would find classes everywhere: read the calls instead.
        return _keyword_call_pairs(ctx, kw)
    answers: List[Culprit] = []
    for pin in [p for p in ctx.pins if p.active and p.version][:MAX_OWNER_PINS_FN]:
        if pin.key == caller.key or ctx.is_keep(pin.name):
            continue
        try:
            versions = ctx.probe.versions(pin.name)
        except Exception:
            continue
        # The newest release (a keyword added later: protobuf 3.6's serialized_options), then the last
        # release before the pinned series (a keyword dropped: pytorch-lightning 1.6.5's Trainer took
        # progress_bar_refresh_rate, 1.7 removed it).
        releases = [versions[-1] if versions else None, _last_of_previous_series(versions, pin.version),
                    _last_of_previous_series(versions, pin.version, major=True)]
        for release in dict.fromkeys(r for r in releases if r):
            try:
                homes = users.keyword_definers(ctx, pin, release, method, kw) if release else []
            except Exception:
                homes = []
            found = next((f for module, cls in homes[:3]
                          for f in [_keyword_range(ctx, pin, module, f"{cls}.{method}", sig, "defined")] if f), None)
            if found:
                answers += found
                break
    # Two pins that each grew a constructor taking the keyword: which one was called is unknown.
    return answers if len(answers) == 1 else []


_NAMELESS_CALLABLES = ("__init__", "__new__")


_VENDOR_FOLDERS = ("packages", "_vendor", "vendor", "extern", "_vendored")


def _unvendored(ctx: Context, module: str) -> Optional[str]:
    """``requests.packages.urllib3.util`` -> ``urllib3.util`` when the host pin ships no such folder and another pin owns it.

    requests 2.16+ no longer vendors urllib3: ``requests/packages.py`` puts the installed
    ``urllib3`` modules into ``sys.modules`` under ``requests.packages.*`` at import time, so
    a call through that path (pubcontrol 3.3.0's ``Retry(method_whitelist=...)``) is urllib3's.
    A host that ships a copy in any vendor folder keeps it (pip's ``_vendor``; setuptools'
    ``extern`` importer, which serves ``setuptools._vendor.packaging`` as
    ``setuptools.extern.packaging``), and so does one whose release could not be read.
    """
    if ctx.probe is None:
        return None
    parts = module.split(".")
    for i in range(1, len(parts) - 1):
        if parts[i] not in _VENDOR_FOLDERS:
            continue
        host, other = module_owner(parts[0], ctx), module_owner(parts[i + 1], ctx)
        if not host or not other or canonicalize_name(host) == canonicalize_name(other):
            return None
        pin = ctx.pinned(host)
        if pin is None or not pin.version or _ships_vendored_copy(ctx, pin, parts[i + 1]) is not False:
            return None  # a copy the host ships (setuptools' extern importer serves its _vendor), or unread
        return ".".join(parts[i + 1:])
    return None


def _ships_vendored_copy(ctx: Context, pin: Any, name: str) -> Optional[bool]:
    """Whether ``pin``'s release ships a copy of module ``name`` in any vendor folder (None: could not read it)."""
    from .probe import ReleaseTree

    try:
        paths = ReleaseTree(ctx.probe, pin.name, pin.version).paths()
    except Exception:
        return None
    for p in paths:
        parts = p.split("/")
        for j in range(1, len(parts) - 1):
            if parts[j] in _VENDOR_FOLDERS and (parts[j + 1] == name or parts[j + 1] == f"{name}.py"):
                return True
    return False


def _module_and_callable(ctx: Context, full: str) -> Tuple[str, str]:
    """``redis.ConnectionPool.from_url`` as (``redis``, ``ConnectionPool.from_url``): a class's method is asked of its module.

    The last part is the callable and the rest its module, unless that rest ends in a
    capitalized part its owner's release ships no module of (``PIL.Image`` is a module,
    ``redis.ConnectionPool`` a class).
    """
    module, _, name = full.rpartition(".")
    module = _unvendored(ctx, module) or module
    head, _, cls = module.rpartition(".")
    if not head or not cls[:1].isupper() or ctx.probe is None:
        return module, name
    owner = ctx.pinned(module_owner(head, ctx) or "")
    if owner is None or not owner.version or _module_text(ctx, owner.name, owner.version, module) is not None:
        return module, name
    return head, f"{cls}.{name}"


def _keyword_call_pairs(ctx: Context, kw: str, any_callable: bool = False, named: str = "",
                        multiple: bool = False) -> List[Culprit]:
    """A frameless ``__init__() got an unexpected keyword argument 'gpus'``: find the call, then ask its callee.

    Every movable pin's pinned release is read for calls passing ``gpus=``,
    each callable followed through its module's imports to the pin that owns
    it (pyrelational 1.0.0's ``pl.Trainer(gpus=...)`` is pytorch-lightning's
    Trainer).  A call counts only when its owner is another pin whose pinned
    release refuses the keyword and other releases accept it; when exactly one
    such (caller, callable) pair exists, the owner's accepting range and the
    caller's first release that stopped passing it are the alternatives.  A
    pin's call of its own code, or of a callable that takes the keyword, is
    not the failing call.  ``named``: the message names the function (alembic's
    ``current() got an unexpected keyword argument 'head_only'``): only calls of it count.
    ``multiple``: "got multiple values for argument 'options'": only calls passing
    arguments by position count, and the owner is asked where those positionals leave
    ``options`` one value (selenium 4.10's ``Chrome(path, options=o)``).
    """
    from . import users

    movable = [p for p in ctx.pins if p.active and p.version][:MAX_OWNER_PINS_FN]
    pairs: List[Tuple[Any, str, Any, Any, Culprit]] = []
    asked: Dict[Tuple[str, str], Optional[Culprit]] = {}
    wrapped: Set[int] = set()  # pairs (by id) reached through a pin's own class that forwards its keywords
    own_bases: Dict[Tuple[str, str], Any] = {}  # (module, class) of a pin's own class -> its forwarded-to base
    for pin, full, use in users.keyword_call_sites(ctx, movable, kw, own_classes=not multiple):
        via = False
        if full.startswith(users.OWN_CLASS):
            module, _, name = full[len(users.OWN_CLASS):].rpartition(".")
            full = f"{module}.{name}"
        else:
            module, name = _module_and_callable(ctx, full)
        if named and name.rsplit(".", 1)[-1] != named:
            continue
        if not name[:1].isupper() and not any_callable:
            continue  # only a class call (or its ``from_url``-style factory) says "__init__() got an unexpected ..."
        if multiple and use.positional < 1:
            continue  # no argument by position: nothing can land on the keyword's parameter
        owner_name = module_owner(module, ctx) if module else None
        if owner_name is not None and canonicalize_name(owner_name) == pin.key and not multiple:
            # openai-style SDKs build their own SyncHttpxClientWrapper(httpx.Client) with proxies=,
            # and its __init__ passes **kwargs up: the keyword is the base's to take.
            if (module, name) not in own_bases:
                # (past the cap, the rest are taken as not forwarding: a direct call may still answer)
                own_bases[(module, name)] = _forwarded_to_foreign_base(ctx, pin, module, name, kw) \
                    if len(own_bases) < MAX_WRAPPER_QUESTIONS else None
            based = own_bases[(module, name)]
            if based is None:
                continue
            owner_name, module, name = based[0].name, based[1], based[2]
            full = f"{module}.{name}"
            via = True
        if owner_name is None or canonicalize_name(owner_name) == pin.key or ctx.is_keep(owner_name):
            continue
        owner = ctx.pinned(owner_name)
        if owner is None or not owner.version:
            continue
        param, said = (f"{kw}@{use.positional}", f"gives {kw!r} one value beside {use.positional} positional "
                       f"argument(s)") if multiple else (kw, f"accepts {kw!r}")
        if (full, param) not in asked:
            present = probe_range(ctx, owner.name, module, name, parameter=param)
            asked[(full, param)] = Culprit(owner.name, present, CONF_PROBE, [f"{full} is {owner.name}'s; it {said} in "
                                           f"{owner.name}{present} (read from release files)"], "api-probe") \
                if present and excludes(present, owner.version) else None
        if asked[(full, param)] is not None:
            pairs.append((pin, full, use, owner, asked[(full, param)]))
            if via:
                wrapped.add(id(pairs[-1]))
    if len({(p.key, full) for p, full, _, _, _ in pairs}) != 1 and not (
            len({p.key for p, _, _, _, _ in pairs}) == 1 and len({o.key for _, _, _, o, _ in pairs}) == 1
            and all(id(pair) in wrapped for pair in pairs)):
        return []
    through = id(pairs[0]) in wrapped
    pin, full, use, owner, culprit = pairs[0]
    if len(pairs) > 1:
        # One caller's wrappers of one callee's classes (unitycatalog's SyncHttpxClientWrapper and
        # AsyncHttpxClientWrapper over httpx.Client and httpx.AsyncClient): one mechanism, so the
        # releases that take the keyword in every one of them.
        both = ",".join(dict.fromkeys(sp.strip() for _, _, _, _, c in pairs for sp in c.constraint.split(",")))
        if not excludes(both, owner.version):
            return []
        culprit = Culprit(culprit.name, both, culprit.confidence,
                          list(dict.fromkeys(e for _, _, _, _, c in pairs for e in c.evidence)), culprit.source)
    ctx.found_caller = pin.name
    ctx.callee = ctx.party(owner.name)
    if through:
        ev = (f"no caller frame was printed; {pin.name} {pin.version} passes {kw}= to its own class (`{use.statement}`, "
              f"{use.file} line {use.line}), whose __init__ hands its keywords to {full}")
    else:
        ev = (f"no caller frame was printed; {pin.name} {pin.version} calls {full}(..., {kw}=...) "
              f"(`{use.statement}`, {use.file} line {use.line})")
    ctx.evidence.append(ev)
    out = [Culprit(culprit.name, culprit.constraint, culprit.confidence, [ev] + culprit.evidence, culprit.source)]
    if not ctx.is_keep(pin.name) and not multiple and not through:
        # (a caller still passing the keyword may have dropped the positional; a wrapper's callers
        # are not direct calls of the base, which those readings look for)
        out += _stopped_passing(ctx, pin, use, full, kw, ev)
        out += _began_passing(ctx, pin, use, full, kw, ev)
    return out


MAX_WRAPPER_QUESTIONS = 8  # a pin's own classes asked whether they hand a keyword to another pin's base
# The probe's words for a constructor it follows to a base it cannot read: "__init__ forwards **kw to
# super.__init__", or a class with no __init__ that "inherits its constructor from httpx.Client".
_FORWARDS_TO_BASE = re.compile(r"forwards \*\*\w+ to super\.|inherits its constructor from ")


def _forwarded_to_foreign_base(ctx: Context, pin: Any, module: str, cls: str, kw: str) -> Optional[Tuple[Any, str, str]]:
    """(owner pin, module, class) of the one other pin's base that ``pin``'s own class ``module.cls`` hands ``kw`` to.

    Only when the probe reads the pinned class as forwarding its keywords to a base it cannot
    read (no parameter of that name on the way: an own ``proxies=`` would be consumed) and the
    class has exactly one base from another pin.
    """
    from .probe import UNKNOWN, Question

    if ctx.probe is None or not cls[:1].isupper():
        return None
    try:
        answer = ctx.probe.ask(pin.name, pin.version, Question(module, name=cls, parameter=kw))
    except Exception:
        return None
    if answer.value != UNKNOWN or not _FORWARDS_TO_BASE.search(answer.evidence or ""):
        return None
    bases = _foreign_bases(ctx, pin, module, cls)
    return bases[0] if len(bases) == 1 else None


MAX_POSITIONAL_QUESTIONS = 8  # distinct classes asked for a frameless positional count


def _positional_call_pairs(ctx: Context, count: int) -> List[Culprit]:
    """A frameless "__init__() takes from 6 to 7 positional arguments but 8 were given": find the call, ask its class.

    bittremieux/falcon#31: falcon-ms 0.1.3 builds spectrum-utils' ``MsmsSpectrum`` with seven
    arguments by position; spectrum-utils 0.4 dropped one of its positional parameters.
    Every movable pin's pinned release is read for calls of another pin's class with that
    many positionals; a call counts when the class's owner refuses that many in the pinned
    release and other releases take them (``self`` counted, as the message counts it).
    Exactly one such (caller, class) pair answers.
    """
    from . import users

    if ctx.probe is None or count < 3:
        return []  # a short call is everywhere: which one failed stays open
    movable = [p for p in ctx.pins if p.active and p.version][:MAX_OWNER_PINS_FN]
    pairs = []
    asked: Dict[str, Optional[str]] = {}
    for pin, full, use in users.positional_call_sites(ctx, movable, count):
        if len({(p.key, f) for p, f, _, _, _ in pairs}) > 1:
            return []  # two fitting calls: which one failed stays open
        if full not in asked and len(asked) >= MAX_POSITIONAL_QUESTIONS:
            return []  # more classes called so than are asked: an answer would rest on the first few
        module, name = _module_and_callable(ctx, full)
        owner_name = module_owner(module, ctx) if module else None
        if owner_name is None or canonicalize_name(owner_name) == pin.key or ctx.is_keep(owner_name):
            continue
        owner = ctx.pinned(owner_name)
        if owner is None or not owner.version:
            continue
        if full not in asked:
            present = probe_range(ctx, owner.name, module, name, parameter=str(count))
            asked[full] = present if present and excludes(present, owner.version) else None
        if asked[full]:
            pairs.append((pin, full, use, owner, asked[full]))
    if len({(p.key, full) for p, full, _, _, _ in pairs}) != 1:
        return []
    pin, full, use, owner, present = pairs[0]
    ctx.found_caller = pin.name
    ctx.callee = ctx.party(owner.name)
    ev = (f"no caller frame was printed; {pin.name} {pin.version} calls {full}(...) with {count} arguments by position "
          f"(`{use.statement}`, {use.file} line {use.line}); {full} is {owner.name}'s, and takes that many only in "
          f"{owner.name}{present} (read from release files)")
    ctx.evidence.append(ev)
    return [Culprit(owner.name, present, CONF_PROBE, [ev], "api-probe")]


def _began_passing(ctx: Context, pin: Any, use: Any, full: str, kw: str, ev: str) -> List[Culprit]:
    """The caller's newest earlier release whose file passes ``kw=`` to ``full`` nowhere, as a culprit.

    flake8-black 0.2.5 began passing ``preview=`` to black's ``FileMode`` (black took it in
    22.1.0; 0.2.5 was yanked); 0.2.4 did not.  A patch back is a fix beside the callee's major.
    """
    from . import users
    from .probe import ReleaseTree

    def ok(v: str) -> bool:
        tree = ReleaseTree(ctx.probe, pin.name, v)
        if use.file not in tree.paths():
            return False  # the file came later: no evidence either way
        return not any(f == full for f, _ in users.keyword_calls(tree.read(use.file) or "", kw))

    try:
        back = users.last_where_before(ctx.probe, pin.name, pin.version, ok)
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
        return []
    if back is None:
        return []
    return [Culprit(pin.name, f"<={back}", CONF_PROBE, [f"{ev}; {pin.name} {back} did not pass it there (read from "
                                                        f"release files)"], "release-files")]


def _required_by_constructor(ctx: Context, param: str, named: str = "") -> List[Culprit]:
    """A frameless "__init__() missing 1 required positional argument: 'fallback'": the one pin class requiring it.

    sanic 21.9.0 made ``ErrorHandler.__init__(self, fallback)`` require ``fallback``, which
    sanic-cors 1.0.0's subclass does not pass; 21.9.1 gave it a default again.  Each movable
    pin's classes whose ``__init__`` takes that parameter (the one ``named`` when Python 3.10+
    printed "ErrorHandler.__init__()") are asked in which releases a call may leave it out;
    exactly one class whose pinned release requires it, and that a movable pin declaring the
    class's package names (it subclasses or builds it), answers.  With no such pin the
    caller is unknown.
    """
    from . import users

    if ctx.probe is None or len(param) < 4 or not param.isidentifier():
        return []
    found: List[Culprit] = []
    for pin in [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)][:MAX_OWNER_PINS_FN]:
        try:
            classes = users.keyword_definers(ctx, pin, pin.version, "__init__", param)
        except Exception:
            continue
        chosen = [mc for mc in classes if not named or mc[1] == named][:MAX_CLASS_QUESTIONS]
        # Only pins that declare the class's own (a whole environment's releases are not read for a name).
        users_of_pin = users.dependants(ctx, pin.key)[:users.MAX_OWNER_PINS] if chosen else []
        for module, cls in chosen:
            word = re.compile(rf"\b{re.escape(cls)}\b")
            try:
                named_by = [o for o in users_of_pin
                            if o.version and o.key != pin.key and _release_mentions(ctx, o.name, o.version, word)][:1]
            except Exception:
                named_by = []
            if not named_by:
                continue  # no other pin of the set builds or subclasses it: the caller may be the project's
            present = probe_range(ctx, pin.name, module, cls, parameter=f"!{param}")
            if present and excludes(present, pin.version):
                found.append(Culprit(pin.name, present, CONF_PROBE, [
                    f"no frame was printed; {pin.name}=={pin.version}'s {module}.{cls}.__init__ requires {param!r}, and a "
                    f"call may leave it out in {pin.name}{present} (read from release files)"], "api-probe"))
    if len(found) != 1:
        return []
    ctx.evidence.append(found[0].evidence[0])
    return found


def _keyword_caller_of(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """A frameless "f() takes no keyword arguments": the one pin calling another pin's ``f`` with keywords.

    zeep 0.27.0 calls ``etree.cleanup_namespaces(doc, top_nsmap=..., keep_ns_prefixes=...)``,
    which lxml 3.3.5 (kept: the reporter's system pins it) takes positionally only; zeep 1.0.0
    no longer passes keywords to it.  The callee is often compiled, so only the caller is
    read: exactly one (pin, callable) pair, and the caller's first later release that calls it
    with keywords nowhere.
    """
    from . import users
    from .probe import ReleaseTree

    qualifier, _, name = (sig.function or "").rpartition(".")
    if ctx.probe is None or not name.isidentifier() or name.startswith("__"):
        return []
    if qualifier and (qualifier.rsplit(".", 1)[-1] in _BUILTIN_TYPES or qualifier in dir(builtins)):
        return []  # "dict.get() takes no keyword arguments": a builtin's method, not a pin's callable
    hint = ctx.crash.root.source_hint or ""
    if hint and name not in hint:
        return []  # the shown failing line calls something else
    movable = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)][:MAX_OWNER_PINS_FN]
    sites = []
    for pin, full, use in users.keyword_call_sites(ctx, movable, "", callee=name):
        owner = module_owner(full.rpartition(".")[0], ctx) if "." in full else None
        if owner is not None and canonicalize_name(owner) != pin.key and ctx.pinned(owner) is not None:
            sites.append((pin, full, use, owner))
    if len({(p.key, full) for p, full, _, _ in sites}) != 1:
        return []
    pin, full, use, owner = sites[0]
    if qualifier and full.rsplit(".", 2)[-2:-1] != [qualifier.rsplit(".", 1)[-1]]:
        return []  # "Element.set()": the call found must be of that class's method
    callee = ctx.pinned(owner)
    module = full.rpartition(".")[0]
    try:
        from .probe import NO, YES, Question

        if ctx.probe.ask(callee.name, callee.version, Question(module, name=name)).value == YES and ctx.probe.ask(
                callee.name, callee.version, Question(module, name=name, parameter="depfix_any_keyword")).value in (YES, NO):
            # Read as Python, so it takes its parameters by keyword: only a C function (or a
            # builtin) says "takes no keyword arguments", and this callable is not the one.
            return []
    except Exception:
        return []

    def calls(text: str) -> bool:
        return any(f == full for f, _ in users.keyword_calls(text, "", callee=name, older_side=True))

    try:
        if not calls(ReleaseTree(ctx.probe, pin.name, pin.version).read(use.file) or ""):
            return []  # the pinned release already passes none on the older callee's side
    except Exception:
        return []
    adapted, partial = users._first_release_without(ctx, pin, use, calls)
    if not adapted:
        return []
    ev = (f"no caller frame was printed; {pin.name} {pin.version} calls {owner}'s {full}() with keywords "
          f"(`{use.statement}`, {use.file} line {use.line}); {pin.name} {adapted} no longer does "
          + ("there (the rest of that release is over the read cap)" if partial else "in any module (read from release files)"))
    ctx.evidence.append(ev)
    ctx.found_caller = pin.name
    ctx.callee = ctx.party(owner)
    return [Culprit(pin.name, f">={adapted}", CONF_TIME + 0.1 if partial else CONF_PROBE, [ev], "release-files")]


def _last_of_previous_series(versions: List[str], pinned: str, major: bool = False) -> Optional[str]:
    """The newest release below ``pinned``'s major.minor series (1.6.5 for 1.7.4), or below its major (1.9.5 for 2.1.4)."""
    try:
        cur = Version(pinned)
        width = 1 if major else 2
        below = [Version(v) for v in versions if Version(v).release[:width] < cur.release[:width]]
    except InvalidVersion:
        return None
    return str(max(below)) if below else None


def _keyword_range(ctx: Context, pin: Any, module: str, callable_: str, sig: F.Signal, how: str) -> List[Culprit]:
    """The releases of ``pin`` whose ``module.callable_`` accepts the keyword, as a culprit when they exclude the pin."""
    name, _, attribute = callable_.partition(".")  # "Descriptor.__new__": a method of a class
    # "missing 1 required positional argument: 'ctx'": the releases where a call may leave it out.
    missing = bool(sig.detail.get("missing"))
    given = sig.detail.get("positional") if not sig.name else None
    if not sig.name and not given:
        return []
    # A positional count asks whether the parameter at index given-1 exists (or *args).
    param = f"!{sig.name}" if missing else str(given - 1) if given else sig.name
    present = probe_range(ctx, pin.name, module, name, parameter=param, attribute=attribute or None)
    if present and excludes(present, pin.version):
        said = (f"does not require {sig.name!r}" if missing else f"takes {given} positional arguments" if given
                else f"accepts {sig.name!r}")
        return [Culprit(pin.name, present, CONF_PROBE, [f"{module}.{callable_} is {how} by {pin.name}; it {said} "
                        f"in {pin.name}{present} (read from release files)"], "api-probe")]
    return []


def _function_owner(ctx: Context, sig: F.Signal, caller: Party, fn: str) -> List[Culprit]:
    """``concat() got an unexpected keyword argument 'join_axes'`` with no frame: the pin whose package exports ``concat``.

    Each pin's top-level package is asked whether it exports the function in
    the pinned release (one cheap question); the first that does is asked in
    which releases the function accepts the keyword (pandas dropped
    ``join_axes`` in 1.0).
    """
    from .probe import YES, Question

    active = [p for p in ctx.pins if p.active and p.version]
    # A short name ('get') says little, unless the set is one or two packages (httpx.get(proxies=) alone).
    short_ok = len(active) <= 2
    if ctx.probe is None or not fn.isidentifier() or (len(fn) < 4 and not short_ok) or fn.startswith("_") \
            or fn in _BUILTIN_FUNCTIONS:
        return []
    asked = 0
    for pin in active[:MAX_OWNER_PINS_FN]:
        if pin.key == caller.key or ctx.is_keep(pin.name) or asked >= MAX_CLASS_QUESTIONS:
            continue
        for top in sorted(_pin_tops(ctx, pin))[:3]:
            try:
                has = ctx.probe.ask(pin.name, pin.version, Question.parse(f"{top}:{fn}")).value == YES
            except Exception:
                has = False
            if not has:
                continue
            asked += 1
            found = _keyword_range(ctx, pin, top, fn, sig, "exported")
            if found:
                if not sig.detail.get("missing") and sig.name and not any(e.frames for e in ctx.crash.exceptions):
                    # the one other pin passing the keyword (omnipath 1.0.6's partial(pd.read_csv, squeeze=False))
                    # and its release that stopped: an alternative to holding the exporter back
                    found += _keyword_callers(ctx, pin, fn, sig.name)
                return found
            break
    return []


MAX_OWNER_PINS_FN = 8  # pins asked whether their package exports a function a frameless keyword error names
_BUILTIN_FUNCTIONS = frozenset({"print", "open", "sorted", "round", "super", "range", "input", "zip", "format", "next",
                                "iter", "filter", "map", "sum", "min", "max", "dict", "list", "set", "tuple", "type"})


def _stdlib_name_users(ctx: Context, sig: F.Signal, why: str) -> List[Culprit]:
    """No frames and a standard-library name: every movable pin is read for it (there is no callee to depend on)."""
    from . import users

    what = _what(sig)
    movable = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)][:users.MAX_OWNER_PINS]
    raises = "AttributeError" if "Attribute" in sig.exc_type else "ImportError"
    out: List[Culprit] = []
    for found in users.find_callers(ctx, sig.module or "", sig.name or "", None, raises, candidates=movable):
        ctx.evidence.append(found.describe(what))
        if found.adapted:
            _add(out, Culprit(found.dist, f">={found.adapted}", CONF_TIME if found.partial else CONF_PROBE,
                              [f"{why}; {found.describe(what)}"], "release-files"), ctx)
        if sig.detail.get("python_added"):
            # A name the target's Python does not have yet: the caller's release from before it used
            # the name runs too (fsspec 0.8.0 before 0.8.1 called asyncio.get_running_loop, new in 3.7).
            try:
                back = users.last_without_before(ctx.probe, ctx.index, found.dist, found.version, sig.module or "",
                                                 sig.name or "", raises, python=tuple(ctx.target.python))
            except Exception:
                back = None
            if back and not ctx.is_keep(found.dist):
                # Appended beside the forward move, not merged into it: the two are alternatives.
                out.append(Culprit(found.dist, f"=={back}", CONF_PROBE,
                                   [f"{why}; {found.dist} {back} is its newest earlier release that does not use "
                                    f"{what} (read from release files)"], "release-files"))
    return out


def _declared_backport(ctx: Context, module: str) -> Optional[str]:
    """"enum34 (required by foo==1.1)" when a pin declares, for the target, a backport of ``module`` the set lacks."""
    from .backports import _NAMED

    top = module.split(".", 1)[0]
    for pin in [p for p in ctx.pins if p.active and p.version]:
        try:
            reqs = ctx.index.metadata(pin.name, pin.version).dependencies(ctx.target, ())
        except Exception:
            continue
        for req in reqs:
            key = canonicalize_name(req.name).replace("-", "_")
            key = _NAMED.get(key, key)
            for prefix in ("backports_", "backports."):
                key = key[len(prefix):] if key.startswith(prefix) else key
            if key.rstrip("0123456789") == top and ctx.pinned(req.name) is None:
                return f"{req.name} (required by {pin.name}=={pin.version})"
    return None


def _stdlib_submodule(module: str, name: str) -> bool:
    """Whether ``module.name`` is a submodule of the standard library (read from the running Python's files)."""
    import sysconfig

    if not module.replace(".", "").isidentifier() or not name.isidentifier():
        return False
    base = os.path.join(sysconfig.get_paths()["stdlib"], *module.split("."))
    return os.path.isfile(os.path.join(base, "__init__.py")) and (
        os.path.isfile(os.path.join(base, name + ".py")) or os.path.isfile(os.path.join(base, name, "__init__.py")))


def _module_not_stdlibs(ctx: Context, sig: F.Signal) -> bool:
    """Whether the module a new-in-Python break names is a pin's or a shim's, not the standard library's."""
    top = (sig.module or "").split(".")[0]
    owner = module_owner(top, ctx)
    if owner and ctx.pinned(owner) is not None:
        return True
    shown = " ".join(fr.source or "" for exc in ctx.crash.exceptions for fr in exc.frames[-1:])
    shown += " " + " ".join(exc.source_hint or "" for exc in ctx.crash.exceptions)
    return bool(re.search(r"\b(?:six|future|past)\.moves\b|\bfuture\.(?:backports|standard_library)\b", shown))


def _submodule_import_added(ctx: Context, sig: F.Signal) -> List[Culprit]:
    """"module 'importlib' has no attribute 'metadata'" on a Python that has it: the pin never imported the submodule.

    Iapetus-11/aio-mc-rcon#11: aio-mc-rcon 3.4.0's ``__init__.py`` does ``import importlib`` and
    reads ``importlib.metadata.version(...)``, which worked while something else had imported
    ``importlib.metadata`` first; on 3.12 nothing does.  The failing pin's first later release
    whose failing file imports the submodule itself, or no longer reads it, is the fix.
    """
    from . import users
    from .adapted import frame_relpath
    from .probe import ReleaseTree

    module, name = sig.module or "", sig.name or ""
    if ctx.probe is None or not _stdlib_submodule(module, name):
        return []
    frames = ctx.crash.final.frames
    last = frames[-1] if frames else None
    party = _frame_party(last, ctx) if last is not None else None
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" and party.name else None
    rel = frame_relpath(last) if last is not None else None
    if pin is None or not pin.version or ctx.is_keep(pin.name) or not rel:
        return []
    full = f"{module}.{name}"

    def reads_it(tree: Any) -> bool:
        """The module reads ``module.name`` (or an attribute of it) in its code, not in a comment or string."""
        return any(isinstance(n, ast.Attribute) and ((users._dotted(n) or "") + ".").startswith(full + ".")
                   for n in ast.walk(tree)) if tree is not None else False

    def imports_it(tree: Any) -> bool:
        """The module imports the submodule itself when it is imported (not in a function, not for a type checker)."""
        for st in _module_level(getattr(tree, "body", [])):
            if isinstance(st, ast.If) and "TYPE_CHECKING" in ast.dump(st.test):
                continue
            if isinstance(st, ast.Import) and any(a.name == full or a.name.startswith(full + ".") for a in st.names):
                return True
            if isinstance(st, ast.ImportFrom) and st.level == 0 and (
                    (st.module or "") == full or (st.module or "").startswith(full + ".")
                    or (st.module == module and any(a.name == name for a in st.names))):
                return True
        return False

    def fixed(v: str) -> Any:
        # every module of the release that reads it must import it (a read moved to _version.py is no fix)
        found = users.modules_mentioning(ctx.probe, pin.name, v, full)
        if found is None:
            return None
        return all(imports_it(tree) or not reads_it(tree) for _, tree in found)

    try:
        text = ReleaseTree(ctx.probe, pin.name, pin.version).read(rel)
    except Exception:
        return []
    pinned = users._parsed(text) if text is not None else None
    if pinned is None or imports_it(pinned) or not reads_it(pinned):
        return []  # the pinned file imports it (or cannot be read, or never reads it): something else is wrong
    later, _ = users.first_where(ctx, pin.name, pin.version, None, fixed)
    if later is None:
        return []
    ev = (f"{pin.name}=={pin.version}'s {rel} reads {module}.{name} without importing it, which works only while "
          f"something else imported it first; {pin.name} {later} imports it or no longer reads it (read from release files)")
    ctx.evidence.append(ev)
    return [Culprit(pin.name, f">={later}", CONF_PROBE, [ev], "release-files")]


def _python_added(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Diagnosis:
    """A name the target's Python does not have yet (``typing.Literal`` on 3.7): the caller must support the target.

    Moves on offer: the caller's later release that stopped using the name
    plainly (typing_extensions, a version branch; read from release files), or
    nothing, with the advice to run a newer Python.
    """
    added = sig.detail["python_added"]
    what = _what(sig)
    need = tuple(int(x) for x in added.split("."))
    have = tuple(ctx.target.python[:len(need)])
    # 3.8 has what 3.7.2 added; a target given as "3.7" may be 3.7.0, as the crash says it is.
    if (have[:2] > need[:2] or (len(have) == len(need) and have >= need)) and sig.detail.get("stdlib_keyword"):
        # The target's dataclass() takes kw_only: the one refusing it is another library's
        # (pydantic < 1.10's dataclass), so it is a signature break like any other.
        sig.family = F.SIGNATURE
        for key in ("python_added", "feature", "stdlib_keyword"):
            sig.detail.pop(key, None)
        return _HANDLERS[F.SIGNATURE](ctx, sig, caller, done)
    if have[:2] > need[:2] or (len(have) == len(need) and have >= need):
        imported = _submodule_import_added(ctx, sig)
        if imported:
            return done("transitive", F.PYTHON_VERSION, f"{what} is a submodule the code never imports: "
                        f"{imported[0].evidence[0]}", imported, whole_release=True)
        return done("unknown", F.PYTHON_VERSION, f"{what} exists since Python {added} and the target is "
                    f"{ctx.target.python_version}: something else hides it", [])
    advice = f"use Python >= {added}, or a release of the caller that supports Python {ctx.target.python_version}"
    out: List[Culprit] = []
    declared = _declared_backport(ctx, sig.module) if sig.detail.get("no_module") and not sig.name and sig.module else None
    if declared:
        # foo declares enum34 for Pythons below 3.4 and the set lacks it: the set is incomplete, the caller is fine.
        return done("unknown", sig.family, f"module {sig.module} is new in Python {added}; {declared} provides it on "
                    f"Python {ctx.target.python_version} and is missing from the set (it is reported, never added)", [],
                    f"add {declared.split(' ', 1)[0]} to the requirements")
    if sig.detail.get("no_module") and not sig.name and sig.module:
        # A pin installed a backport of it until its pinned release (future 0.15's configparser on 2.7).
        stopped = _stopped_shipping(ctx, sig, caller)
        if stopped:
            ctx.callee = ctx.party(stopped[0].name)
            return done("transitive", sig.family, f"module {sig.module} is new in Python {added}; "
                        f"{stopped[0].evidence[0]}", stopped)
    if sig.detail.get("feature"):
        return _feature_users(ctx, sig, caller, done, added, advice)
    if caller.kind == "unknown" and not any(e.frames for e in ctx.crash.exceptions) and sig.module \
            and (sig.name and not sig.detail.get("no_module") or not sig.name and sig.detail.get("no_module")):
        # a name of a module (typing.Literal) or a whole module (tomllib), new in a later Python
        out = _stdlib_name_users(ctx, sig, f"{what} is new in Python {added}")
    if out:
        return done("transitive", F.PYTHON_VERSION, f"{out[0].name} uses {what}, new in Python {added}", out, advice)
    if caller.kind == "dist" and not ctx.is_keep(caller.name):
        # done() reads the caller's later releases for the failing statement (adapted_culprits); its
        # newest earlier release that never used the name runs on the target too (fsspec 0.8.0).
        back = None
        if ctx.probe is not None and caller.version and sig.module and sig.name and not sig.detail.get("no_module"):
            from . import users

            try:
                back = users.last_without_before(ctx.probe, ctx.index, caller.name, caller.version, sig.module, sig.name,
                                                 "AttributeError" if "Attribute" in sig.exc_type else "ImportError",
                                                 python=tuple(ctx.target.python))
            except Exception:
                back = None
        elif ctx.probe is not None and caller.version and sig.module and not sig.name and sig.detail.get("no_module"):
            back = _last_without_module_import(ctx, caller, sig.module)
        earlier = [Culprit(caller.name, f"=={back}", CONF_PROBE, [f"{what} is new in Python {added}; {caller.name} {back} "
                           f"is its newest earlier release that does not use it (read from release files)"],
                           "release-files")] if back else []
        return done("transitive", F.PYTHON_VERSION, f"{caller.name}=={caller.version} uses {what}, new in Python {added}, "
                    f"on Python {ctx.target.python_version}", earlier, advice)
    if caller.kind == "unknown" and sig.cls and sig.name and not any(e.frames for e in ctx.crash.exceptions):
        found = _new_attribute_user(ctx, sig, done, what, added, advice)
        if found is not None:
            return found
    kind = "project" if caller.kind == "project" else "direct" if ctx.is_keep(caller.name) else "unknown"
    return done(kind, F.PYTHON_VERSION, f"{what} is new in Python {added}; the target is {ctx.target.python_version}", [], advice)


def _innermost_of(ctx: Context, dist: str) -> Optional[Frame]:
    """The innermost frame of the crash's root that runs in ``dist``."""
    return next((f for f in reversed(ctx.crash.root.frames)
                 if f.owner == "dist" and canonicalize_name(f.dist or "") == canonicalize_name(dist)), None)


def _last_without_module_import(ctx: Context, caller: Party, module: str) -> Optional[str]:
    """The caller's newest earlier release whose failing module does not import ``module`` at its top level.

    attrs 21.1.0's ``attr/_make.py`` began with ``import typing``, which Python 3.4 lacks;
    20.3.0's did not.  The caller's innermost frame names the file; a release without that
    file is no answer, and an import under ``try``/``if`` (indented) is not counted.
    """
    from . import users
    from .adapted import frame_relpath
    from .probe import ReleaseTree

    frame = _innermost_of(ctx, caller.name)
    rel = frame_relpath(frame) if frame is not None else None
    if not rel:
        return None
    from .pysource import parse_quietly

    def imports_it(text: str) -> Optional[bool]:
        tree = parse_quietly(text)
        if tree is None or not getattr(tree, "body", None):
            return None
        for st in tree.body:
            names = [a.name for a in st.names] if isinstance(st, ast.Import) else \
                [st.module or ""] if isinstance(st, ast.ImportFrom) and not st.level else []
            if any(n == module or n.startswith(module + ".") for n in names):
                return True
        return False

    def ok(v: str) -> bool:
        tree = ReleaseTree(ctx.probe, caller.name, v)
        if rel not in tree.paths():
            return False
        return imports_it(tree.read(rel) or "") is False

    try:
        return users.last_where_before(ctx.probe, caller.name, caller.version, ok)
    except Exception:
        return None


def _new_attribute_user(ctx: Context, sig: F.Signal, done: Any, what: str, added: str, advice: str) -> Optional[Diagnosis]:
    """No frame: the one pin reading an attribute the target's Python lacks; its releases before it did, else no pin helps.

    K1DV5/docal#25: "'ImportFrom' object has no attribute 'end_lineno'" on Python 3.7 (ast nodes
    carry end positions since 3.8).  docal 3.0.1 reads ``.end_lineno`` and no earlier release
    read without it runs there: the cause is the Python, ``environment``.
    """
    from . import users

    movable = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
    if ctx.probe is None or not movable or len(movable) > users.MAX_OWNER_PINS:
        return None
    reader = _one_instance_reader(ctx, movable, sig.name or "")
    if reader is None:
        return None
    user, reads_not = reader

    use = f"{user.dist}=={user.version} reads `.{sig.name}` ({user.use.file} line {user.use.line}: `{user.use.statement}`)"
    back = users.last_where_before(ctx.probe, user.dist, user.version, reads_not)
    if back is not None:
        ev = f"{what} is new in Python {added}; {use}; {user.dist} {back} did not yet (read from release files)"
        ctx.evidence.append(ev)
        return done("transitive", F.PYTHON_VERSION, ev, [Culprit(user.dist, f"<={back}", CONF_TIME, [ev], "release-files")],
                    advice)
    ev = (f"{what} is new in Python {added} and the target is {ctx.target.python_version}; {use}, and none of its "
          f"earlier releases read does without it")
    ctx.evidence.append(ev)
    return done("environment", F.PYTHON_VERSION, ev, [], f"use Python >= {added}")


def _bare_location_holder(ctx: Context, loc: Any) -> Optional[Tuple[Any, str]]:
    """(pin, file) of the one pin whose release has a file of the location's name holding its shown line.

    A paste cut inside the location line keeps only ``_utility.py", line 554`` and the refused
    line ``return xl, yl, *transpose(ol, len(other))``: plotext 5.2.2's ``plotext/_utility.py``
    has both.  Only a location no frame attributed, only files of that very name, and only
    when exactly one of at most ``MAX_LINE_PINS`` movable pins holds the line.
    """
    line = (loc.source or "").strip()
    base = re.split(r"[\\/]", loc.file or "")[-1]
    # (a bare file name reads as the project's; a pin's file holding the very line says otherwise)
    if not (loc.owner == "unknown" or loc.owner == "project" and base == loc.file) or len(line) < 12 \
            or not base.endswith(".py"):
        return None
    from .probe import ReleaseTree

    pins = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
    if len(pins) > MAX_LINE_PINS:
        return None
    held = []
    for pin in pins:
        try:
            tree = ReleaseTree(ctx.probe, pin.name, pin.version)
            for rel in [r for r in tree.paths() if r == base or r.endswith("/" + base)]:
                if any(_same_code(l, line) for l in (tree.read(rel) or "").splitlines()):
                    held.append((pin, rel))
        except Exception:
            continue
    return held[0] if len(held) == 1 else None


def _building_setup(ctx: Context, loc: Any) -> Optional[Tuple[Any, str]]:
    """(pin, "setup.py") when a location is a pin's setup.py in pip's build folder (pip-build-x/haxor/setup.py)."""
    m = _BUILD_SETUP.search(getattr(loc, "file", None) or "")
    pin = ctx.pinned(m.group(1)) if m else None
    return (pin, "setup.py") if pin is not None else None


def _sdist_setup(ctx: Context, dist: str, version: str) -> Any:
    """The text of a release's sdist ``setup.py``; True when the release has a wheel for the target (pip builds nothing)."""
    try:
        rel = ctx.index.release(dist, version)
        if rel is not None and rel.wheels_for(ctx.target):
            return True
        got = ctx.index.read_members(dist, version, lambda m: m.count("/") == 1 and m.endswith("/setup.py"),
                                     max_bytes=200_000, built=True)
    except Exception:
        return None
    data = next(iter(got.values()), None) if len(got) == 1 else None
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data


def _syntax_too_new(ctx: Context, sig: F.Signal) -> bool:
    """A SyntaxError located in a pin's module whose release text the target's grammar refuses.

    "invalid syntax" alone names no feature: streamlit-searchbox 0.1.0's ``match interaction:`` on
    Python 3.9 says only that.  The located file, read from the pinned release and judged for the
    target, does; the signal becomes a Python-version one with the Python that added it.
    """
    from . import users
    from .adapted import frame_relpath

    loc = getattr(ctx.crash.root, "location", None) or (ctx.crash.root.frames[-1] if ctx.crash.root.frames else None)
    rel = frame_relpath(loc) if loc is not None else None
    party = _frame_party(loc, ctx) if rel else None
    owner = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    if owner is None and loc is not None:
        owner, rel = _building_setup(ctx, loc) or (None, rel)
        if owner is not None:
            # the location is that pin's setup.py from here on (which party the verdict blames, the report)
            loc.owner, loc.dist, loc.version, loc.relpath = "dist", owner.name, owner.version, rel
    if owner is None and loc is not None and ctx.probe is not None:
        found = _bare_location_holder(ctx, loc)
        if found is not None:
            owner, rel = found
            # the location is that pin's file from here on (which modules are judged, the report)
            loc.owner, loc.dist, loc.version, loc.relpath = "dist", owner.name, owner.version, rel
    if ctx.probe is None or owner is None or not owner.version:
        return False
    try:
        hit = users.first_too_new(ctx.probe, owner.name, owner.version, tuple(ctx.target.python), files=[rel])
    except Exception:
        return False
    if hit is None:
        return False
    sig.family = F.PYTHON_VERSION
    sig.detail.update(python_added=".".join(map(str, hit.needs)),
                      feature=f"syntax Python {ctx.target.python_version} cannot parse (`{hit.statement}`)")
    ctx.evidence.append(f"{owner.name}=={owner.version}'s {hit.file} line {hit.line} (`{hit.statement}`) is {hit.what}")
    return True


MAX_SYNTAX_RELEASES = 12  # later releases of a pin read for a module the target's grammar accepts
MAX_REFUSED_LINE = 300  # characters of a SyntaxError's shown line searched for in the pins


def _unparsable(line: str) -> bool:
    """Whether a shown line is one this Python's grammar refuses (alone, as a block's header, or as a
    clause of one: ``elif x:``, ``except E as e:``, ``case 1:`` parse in their place)."""
    st = (line or "").strip()
    if len(st) < 12 or len(st) > MAX_REFUSED_LINE:
        return False
    body = st + "\n    pass"
    for text in (st, body, f"if 1:\n    pass\n{body}", f"try:\n    pass\n{body}",
                 f"match x:\n    {st}\n        pass"):
        try:
            parse_exact(text)
            return False
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
    return True


def _syntax_too_old(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """A SyntaxError in a pin's module that the target's grammar refuses as old code: the first release it parses.

    asyncio-redis 0.14.3's ``ensure_future = asyncio.async`` is invalid from Python 3.7 on
    (``async`` became a keyword); 0.15.1's connection.py parses.  The located file is read
    from the pinned release and parsed for the target (``feature_version``), never run; only
    targets up to the running Python's grammar are judged.
    """
    import sys as _sys

    from .adapted import frame_relpath
    from .probe import ReleaseTree

    target = tuple(ctx.target.python[:2])
    if target > tuple(_sys.version_info[:2]) or target < (3, 4):
        return None
    loc = getattr(ctx.crash.root, "location", None)
    rel = frame_relpath(loc) if loc is not None else None
    party = _frame_party(loc, ctx) if rel else None
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    built = _building_setup(ctx, loc) if loc is not None else None
    if pin is None and built is not None:
        pin, rel = built
    if ctx.probe is None or pin is None or not pin.version or ctx.is_keep(pin.name):
        return None
    building = built is not None and rel == "setup.py"  # pip ran this pin's sdist setup.py


    def parses(version: str) -> Optional[bool]:
        if building:
            # pip ran the sdist's setup.py: a release with a wheel for the target is never built here
            text = _sdist_setup(ctx, pin.name, version)
            if text is True:
                return True
        else:
            text = ReleaseTree(ctx.probe, pin.name, version).read(rel)
        if not isinstance(text, str):
            return None
        try:
            parse_exact(text, feature_version=target)
        except SyntaxError:
            return False
        except (ValueError, RecursionError, MemoryError):
            return None
        return True

    try:
        if parses(pin.version) is not False:
            return None
        later = sorted((v for v in ctx.probe.versions(pin.name) if _newer_final(v, pin.version)), key=Version)
        for v in later[:MAX_SYNTAX_RELEASES]:
            ok = parses(v)
            if ok is None:
                return None
            if ok:
                ev = (f"{pin.name}=={pin.version}'s {rel} does not parse as Python {ctx.target.python_version} "
                      f"(`{(loc.source or '').strip()}`); {pin.name} {v}'s does (read from release files, never run)")
                ctx.evidence.append(ev)
                return done("transitive", F.PYTHON_VERSION, f"{pin.name}=={pin.version} has code Python "
                            f"{ctx.target.python_version} cannot parse", [Culprit(pin.name, f">={v}", CONF_PROBE, [ev], "release-files")])
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
    return None


def _feature_users(ctx: Context, sig: F.Signal, caller: Party, done: Any, added: str, advice: str) -> Diagnosis:
    """Syntax the target Python lacks (``str | None`` evaluated on 3.9): whose code is it, and which release dropped it.

    The caller is the frame's pin, or with no frames every movable pin is read
    for code the target cannot run (p_tqdm 1.4.1's setup.py). Its fix is the
    first later release with no such code left (read from release files).
    """
    from . import users

    python = tuple(ctx.target.python[:2])
    if caller.kind == "dist":
        if ctx.is_keep(caller.name):
            return done("direct", F.PYTHON_VERSION, f"the kept {caller.name}=={caller.version} uses {_what(sig)}, new in "
                        f"Python {added}", [], advice)
        candidates = [p for p in ctx.pins if p.key == caller.key]
    elif caller.kind == "unknown" and not any(e.frames for e in ctx.crash.exceptions):
        # Newest releases first: new syntax is written in new code, and only so many releases are read.
        movable = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)]
        stamp = {p.key: timeline.upload_time(ctx.index, p.name, p.version) for p in movable}
        candidates = sorted(movable, key=lambda p: (stamp[p.key] is None, -(stamp[p.key].timestamp() if stamp[p.key] else 0)))
        candidates = candidates[:users.MAX_OWNER_PINS]
    else:
        kind = "project" if caller.kind == "project" else "unknown"
        return done(kind, F.PYTHON_VERSION, f"{_what(sig)} is new in Python {added}; the target is "
                    f"{ctx.target.python_version}", [], advice)
    from .adapted import frame_relpath

    # With frames, only the caller's modules on the failing path are judged (another module
    # of the release may be imported only on newer Pythons); without, what importing it runs.
    # A SyntaxError's location (schwifty/bic.py line 1) is the module that failed to compile.
    located = [loc for loc in [getattr(ctx.crash.root, "location", None)] if loc is not None]
    files = sorted({r for fr in list(ctx.crash.root.frames) + located for r in [frame_relpath(fr)] if r}) or None
    out: List[Culprit] = []
    for pin in candidates:
        if ctx.probe is None or not pin.version:
            continue
        try:
            def runs(v: str, n: str = pin.name) -> Optional[Any]:
                # With frames: the caller's modules on the failing path; without: what importing it runs.
                return users.first_too_new(ctx.probe, n, v, python,
                                           files=files if files is not None else users.imported_at_import(ctx.probe, n, v))

            hit = runs(pin.version)
            if hit is None:
                continue
            later, _ = users.first_where(ctx, pin.name, pin.version, None, lambda v: runs(v) is None)
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name}'s releases: {type(exc).__name__}")
            continue

        def runs_here(v: str, n: str = pin.name) -> bool:
            try:
                if files is not None:
                    from .probe import ReleaseTree

                    if not set(files) & set(ReleaseTree(ctx.probe, n, v).paths()):
                        # none of the failing path's modules there (feedparser 5.2.1 is one feedparser.py):
                        # what importing that release runs is judged instead, when it can be read
                        imported = users.imported_at_import(ctx.probe, n, v)
                        return bool(imported) and users.first_too_new(ctx.probe, n, v, python, files=imported) is None
                return runs(v) is None
            except Exception:
                return False  # a release that could not be read is no answer, never a fix

        # Before the release that wrote the new syntax, the code ran on the target (schwifty
        # 2021.4 added 'from __future__ import annotations'; 2021.1 runs on 3.6).  Only an
        # alternative: a failure here never takes the forward fix away.
        back = users.last_where_before(ctx.probe, pin.name, pin.version, runs_here)
        ev = (f"{pin.name} {pin.version} has {hit.what} (`{hit.statement}`, {hit.file} line {hit.line}); "
              + (f"{pin.name} {later} has no code Python {ctx.target.python_version} cannot run (read from release files)"
                 if later else f"no later release of {pin.name} installable on the target is free of it"))
        ctx.evidence.append(ev)
        if later:
            _add(out, Culprit(pin.name, f">={later}", CONF_PROBE, [ev], "release-files"), ctx)
        if back:
            ev_back = (f"{pin.name} {pin.version} has {hit.what} (`{hit.statement}`, {hit.file} line {hit.line}); "
                       f"{pin.name} {back} is its newest earlier release with no code Python "
                       f"{ctx.target.python_version} cannot run (read from release files)")
            ctx.evidence.append(ev_back)
            # Beside the forward move, not merged into it: the two are alternatives.
            out.append(Culprit(pin.name, f"=={back}", CONF_PROBE, [ev_back], "release-files"))
    if out:
        return done("transitive", F.PYTHON_VERSION, f"{out[0].name} uses {_what(sig)}, new in Python {added}, on Python "
                    f"{ctx.target.python_version}", out, advice)
    if caller.kind == "dist":
        return done("transitive", F.PYTHON_VERSION, f"{caller.name}=={caller.version} uses {_what(sig)}, new in Python "
                    f"{added}, on Python {ctx.target.python_version}", [], advice)
    return done("unknown", F.PYTHON_VERSION, f"{_what(sig)} is new in Python {added}; no pin of the set was found using it",
                [], advice)


def _removed_keyword_callers(ctx: Context, sig: F.Signal, keyword: str, removed: str, only: Any = None) -> List[Culprit]:
    """The pins calling the standard library's ``module.function(..., keyword=...)``, each at its first release that stopped.

    aiohttp-devtools 0.13.1 builds ``asyncio.Event(loop=loop)``; Python 3.10's asyncio refuses the
    parameter, and aiohttp-devtools 1.0 no longer passes it.
    """
    from . import users

    movable = [only] if only is not None else \
        [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)][:MAX_OWNER_PINS_FN]
    out: List[Culprit] = []
    for pin, full, use in users.keyword_call_sites(ctx, movable, keyword):
        if full.rsplit(".", 1)[-1] != sig.function or full.split(".")[0] != sig.module:
            continue  # asyncio.Event or asyncio.locks.Event, nothing else of that name
        ev = (f"{'' if only is not None else 'no frame was printed; '}{pin.name} {pin.version} calls {full}(..., {keyword}=...) (`{use.statement}`, "
              f"{use.file} line {use.line}), a parameter Python {removed} removed")
        ctx.evidence.append(ev)
        for c in _stopped_passing(ctx, pin, use, full, keyword, ev):
            _add(out, c, ctx)
    return out


def _python_version(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Diagnosis:
    prior = sig.detail.get("family_before")
    if prior and sig.detail.get("python_added") and not sig.python_removed and sig.module and _module_not_stdlibs(ctx, sig):
        # A pin ships the module's top-level name (PyPI's html, future's http/ on 2.7) or a shim provides
        # it (six.moves.urllib.parse): the module is that pin's, read as any other import.
        sig.family = prior
        for key in ("python_added", "family_before"):
            sig.detail.pop(key, None)
        return _HANDLERS[prior](ctx, sig, caller, done)
    if sig.detail.get("python_added") and not sig.python_removed:
        return _python_added(ctx, sig, caller, done)
    removed = sig.python_removed or ""
    what = _what(sig)
    # A name read as absent from the running Python's own source (stdlib_source) says nothing of
    # when it went: 'removed in 3.11' and 'use Python < 3.11' would claim more than is known.
    read = bool(sig.detail.get("stdlib_read"))
    said = f"not in Python {removed}'s standard library (read from its source)" if read else f"removed in Python {removed}"
    older = "a Python whose standard library has it" if read else f"Python < {removed}"
    if removed and ctx.target.python[:2] < tuple(int(x) for x in removed.split(".")):
        return done("unknown", F.PYTHON_VERSION, f"{what} was {said}, but the target is "
                    f"{ctx.target.python_version}", [])
    # A paste cut above the failing call: its last printed line does not say the name (django-wiki's
    # getiterator under Django's template frames).  The printed frames' packages are not the callers.
    last = ctx.crash.root.frames[-1] if ctx.crash.root.frames else None
    cut = bool(last is not None and last.source and sig.name and sig.name not in last.source and last.owner == OWNER_DIST)
    cut_note = (f"the last printed frame ({last.file}:{last.line}) does not use {sig.name!r}: the paste ends above "
                f"the failing call, so the set was searched for its users") if cut else ""
    search_set = cut or (caller.kind == "unknown" and not any(e.frames for e in ctx.crash.exceptions))
    if search_set and sig.module and (sig.name or sig.detail.get("no_module")):
        # a name (collections.Mapping) or a whole module (lib2to3 on 3.13) the target's Python dropped
        out = _stdlib_name_users(ctx, sig, f"{what} was {said}")
        if out:
            if cut_note:
                ctx.evidence.insert(0, cut_note)
            return done("transitive", F.PYTHON_VERSION, f"{out[0].name} uses {what}, {said}", out)
    removed_kw = sig.detail.get("removed_keyword")
    if removed_kw and sig.module and sig.function and ctx.probe is not None and (search_set or caller.kind == "dist"):
        # frameless: the set's callers; framed: the calling pin's own release that stopped passing it
        only = ctx.pinned(caller.name) if caller.kind == "dist" and not search_set else None
        out = _removed_keyword_callers(ctx, sig, removed_kw, removed, only)
        if out:
            return done("transitive", F.PYTHON_VERSION, f"{out[0].name} passes {removed_kw}= to {sig.module}.{sig.function}(), "
                        f"a parameter Python {removed} removed", out,
                        f"use {older} or a release of the caller that no longer passes {removed_kw}=")
    if search_set and sig.cls and sig.name and ctx.probe is not None:
        # "'Thread' object has no attribute 'isAlive'" with no frame: the pins whose code calls
        # .isAlive are the callers; each one's first release that stopped is a fix.
        from . import users

        out = []
        for user in users.find_name_users(ctx, sig.name, "AttributeError"):
            ctx.evidence.append(user.describe(what))
            if user.adapted:
                _add(out, Culprit(user.dist, f">={user.adapted}", CONF_TIME if user.partial else CONF_PROBE,
                                  [f"{what} was {said}; {user.describe(what)}"], "release-files"), ctx)
        if out:
            if cut_note:
                ctx.evidence.insert(0, cut_note)
            return done("transitive", F.PYTHON_VERSION, f"{out[0].name} uses {what}, {said}", out,
                        f"use {older} or a release of the caller that no longer uses {what}")
    if search_set and sig.module and sig.name:
        # pip built a pin from its sdist, and the build tool its build-system caps it to uses the name
        out = _build_caps_old_tool(ctx, sig, f"{what} was {said}")
        if out:
            return done("direct", F.PYTHON_VERSION, out[0].evidence[0].split("; ")[0], out,
                        f"use {older} or a release of {out[0].name} that builds on it")
    # nothing of the set uses the name: the printed frames stand
    if caller.kind != "dist":
        return done("project" if caller.kind == "project" else "unknown", F.PYTHON_VERSION,
                    f"{what} was {said}; the calling code must adapt or run on an older Python",
                    [], f"use {older} or update the code that uses {what}")
    if ctx.is_keep(caller.name):
        return done("direct", F.PYTHON_VERSION, f"the kept {caller.name}=={caller.version} uses {what}, removed in Python "
                    f"{removed}", [], f"use {older} for {caller.name}=={caller.version}")
    out: List[Culprit] = []
    when = timeline.python_release_date(removed) if not read else None
    # The innermost user of the name first; when it never adapted (abandoned, e.g.
    # attrdict), the package calling it may have dropped it: walk outwards.
    chain: List[Party] = [caller]
    for fr in reversed(ctx.crash.root.frames):
        p = _frame_party(fr, ctx)
        if p is not None and p.kind == "dist" and p.key not in [c.key for c in chain]:
            chain.append(p)
    for i, party in enumerate(chain):
        if when is None or not party.version or ctx.is_keep(party.name):
            continue
        adapted = timeline.first_after(ctx.index, party.name, when, above=Version(party.version))
        if adapted is not None:
            via = "" if i == 0 else f" (it calls {chain[i - 1].name}, which uses {what} and has no later release)"
            _add(out, Culprit(party.name, f">={adapted}", CONF_TIME - 0.1 * i,
                              [f"{what} was {said} (released {timeline.fmt(when)}); "
                               f"{party.name} {adapted} is its first release after that{via}"], "upload-dates"), ctx)
            break
    if not out:
        tail = "" if read else "; no later release of it was found"  # (read: no release date to search from)
        return done("unknown", F.PYTHON_VERSION, f"{caller.name}=={caller.version} uses {what}, {said}{tail}", [],
                    f"use {older}")
    return done("transitive", F.PYTHON_VERSION, f"{caller.name}=={caller.version} uses {what}, {said}", out)


def _nearest_declared_for_target(ctx: Context, pin: Any) -> Optional[str]:
    """The releases nearest the pin that surely install on the target: a wheel for it, or an sdist whose
    declared Requires-Python admits it (an old sdist that declares nothing is no evidence)."""
    try:
        cur = Version(pin.version)
        ok = []
        for r in ctx.index.releases(pin.name):
            if r.version.is_prerelease or getattr(r, "yanked", False):
                continue
            kind = r.installable(ctx.target)
            rp = getattr(r, "requires_python", None)
            if kind == "wheel" or (kind == "sdist" and rp and ctx.target.allows_python(rp)):
                ok.append(r.version)
    except Exception:
        return None
    above = sorted(v for v in ok if v > cur)
    below = sorted(v for v in ok if v < cur)
    if above:
        return f">={above[0]}"
    return f"<={below[-1]}" if below else None


def _requires_other_python(ctx: Context, sig: F.Signal, done: Any) -> Diagnosis:
    """pip: "Package 'aiohttp' requires a different Python: 2.7.14 not in '>=3.4.2'".

    The nearest release whose Requires-Python admits the target is the move;
    when no release does (aiohttp never supported Python 2), no pin helps and
    the verdict says which Python the package needs.
    """
    name, running, spec = sig.detail["requires_python"]
    pin = ctx.pinned(name)
    if pin is None or not pin.version:
        return done("unknown", F.DECLARED, f"{name} requires Python {spec}, and it is not pinned in the set", [])
    # Only a release with a wheel for the target: an older sdist that declares no Requires-Python
    # (aiohttp 2.3.0) is no evidence that it builds and runs there.
    where = _nearest_declared_for_target(ctx, pin) if not ctx.is_keep(pin.name) else None
    if where and excludes(where, pin.version):
        ev = f"{pin.name}=={pin.version} requires Python {spec}; {pin.name}{where} installs on Python {ctx.target.python_version}"
        return done("transitive", F.DECLARED, ev, [Culprit(pin.name, where, CONF_MATRIX, [ev], "matrix")])
    return done("environment", F.DECLARED, f"{pin.name}=={pin.version} requires Python {spec} (pip ran on {running}), "
                f"and no release of {pin.name} installs on Python {ctx.target.python_version}", [],
                f"run it on a Python that matches {spec}: the pip used belongs to Python {running} (on Windows, "
                f"'py -3 -m pip' or pip3 picks Python 3)")


def _same_release(found: str, pinned: str) -> bool:
    """Whether a check's "you have 3.6" names the pinned 3.6.9 (a prefix counts; an unreadable one is no evidence)."""
    try:
        found_v, pinned_v = Version(found), Version(pinned)
    except InvalidVersion:
        return True
    if found_v.public == pinned_v.public:
        return True  # "0.1.69+cuda111" is the pinned 0.1.69's CUDA build
    return pinned.startswith(found + ".")  # "you have 3.6" for 3.6.9


def _requirer_before(ctx: Context, by: Any, pin: Any, req: Any) -> Optional[Culprit]:
    """An import-time check no metadata declares: the requirer's newest release from before the first
    release of the required package that meets it, which cannot have asked for it (keras 2.3.1 before
    TensorFlow 2.2; tensorflow-probability 0.12.2 before TensorFlow 2.5).  Upload dates, so a guess's weight, unless the
    raising file shows the release that added the check."""
    read = _check_added_in(ctx, by)
    if read is not None:
        return read
    try:
        meeting = [(v, t) for v, t in timeline.releases(ctx.index, pin.name) if t is not None and req.specifier.contains(v)]
        if not meeting:
            return None
        first_v, first_t = min(meeting, key=lambda vt: vt[1])
        earlier = [v for v, t in timeline.releases(ctx.index, by.name)
                   if t is not None and t < first_t and v < Version(by.version) and not v.is_prerelease]
    except Exception:
        return None
    if not earlier:
        return None
    back = max(earlier)
    ev = (f"{by.name}=={by.version} checks at import for {req}, which {pin.name}=={pin.version} is not; {by.name} {back} "
          f"was released before {pin.name} {first_v}, the first that meets it, so it cannot ask for it")
    return Culprit(by.name, f"=={back}", CONF_TIME, [ev], "upload-dates")


MAX_CHECK_RELEASES = 10  # older releases of a requirer read for the text of its import-time check


def _check_added_in(ctx: Context, by: Any) -> Optional[Culprit]:
    """The requirer's releases before the one that added its import-time check, read from the file that raises it.

    keras 2.4.0's ``keras/__init__.py`` raises "Keras requires TensorFlow 2.2 or higher";
    2.3.1's has no such text.  The printed message (its first sentence) must be in the
    pinned release's file, and the release before must ship the file without it.
    """
    from .probe import ReleaseTree

    if ctx.probe is None:
        return None
    from .adapted import frame_relpath

    files = [frame_relpath(f) for e in ctx.crash.exceptions for f in e.frames
             if f.owner == OWNER_DIST and f.dist and canonicalize_name(f.dist) == by.key]
    files = [f for f in files if f]
    message = (ctx.crash.root.message or "").strip()
    text = message.split(". ")[0].strip().rstrip(".")
    if not files or len(text) < 20:
        return None
    path = files[-1]
    try:
        pinned = ReleaseTree(ctx.probe, by.name, by.version).read(path) or ""
        if text not in pinned:
            return None
        older = sorted((v for v in ctx.probe.versions(by.name) if _older_final(v, by.version)), key=Version, reverse=True)
        had = by.version
        for v in older[:MAX_CHECK_RELEASES]:
            body = ReleaseTree(ctx.probe, by.name, v).read(path)
            if body is None:
                return None  # the file is not there: another layout, no proof either way
            if text not in body:
                ev = (f"{by.name} {had} added the check ({path} raises {text!r}); {by.name} {v} has {path} without it "
                      f"(read from release files)")
                return Culprit(by.name, f"<{had}", CONF_PROBE, [ev], "release-files")
            had = v
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {by.name}'s releases: {type(exc).__name__}")
    return None


def _older_final(v: str, than: str) -> bool:
    try:
        return not Version(v).is_prerelease and Version(v) < Version(than)
    except InvalidVersion:
        return False


def _meets(spec: SpecifierSet, version: str) -> bool:
    """Whether ``version`` is inside ``spec``; False for a version older packaging cannot read (a ``===`` pin)."""
    try:
        return bool(spec.contains(version, prereleases=True))
    except (InvalidVersion, InvalidSpecifier, TypeError):
        return False


def _declared(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Diagnosis:
    from packaging.requirements import Requirement

    out: List[Culprit] = []
    if sig.detail.get("requires_python"):
        return _requires_other_python(ctx, sig, done)
    if sig.requirement:
        try:
            req = Requirement(sig.requirement.replace(" ", ""))
        except Exception:
            req = None
        if req is not None and ctx.pinned(req.name) is None and (sig.detail.get("import_name") or sig.detail.get("runtime_check")):
            # pandas names the import name ('bs4'): the requirement is on the pin that ships it.
            owner = module_owner(req.name.lower().replace("-", "_"), ctx)  # TensorFlow: tensorflow-gpu
            if owner is None and re.search(r"[-_.]py\Z", req.name, re.I):
                owner = module_owner(req.name[:-3].lower().replace("-", "_"), ctx)  # redis-py: redis
            if owner is not None:
                req = Requirement(f"{owner}{req.specifier}")
                if sig.found:
                    sig.found = (owner, sig.found[1])
        pinned = ctx.pinned(req.name) if req is not None else None
        if req is not None and sig.detail.get("runtime_check") and sig.found and sig.found[1] and pinned is not None \
                and pinned.version and not _same_release(sig.found[1], pinned.version):
            # "requires Redis 5.0 or later. You have 4.0.9" under redis-py 3.5.3: the check read another
            # thing's version (a server, a C library such as OpenSSL under pyOpenSSL), not this pin's.
            return done("unknown", F.DECLARED, f"the check asks for {req} and found {sig.found[1]}, which is not the set's "
                        f"{pinned.name}=={pinned.version}: it is about something outside the pins (a server, a system "
                        f"library or another installation)", [],
                        f"upgrade what reports version {sig.found[1]} (the check names {sig.found[0]})")
        if req is not None and not sig.found and "DistributionNotFound" in sig.exc_type and pinned is not None \
                and pinned.version and _meets(req.specifier, pinned.version):
            # "The 'dpt-rp1-py==0.1.6' distribution was not found": the set pins exactly that, so the
            # running interpreter does not see the installed copy (a stale install after a Python upgrade).
            return done("environment", F.DECLARED, f"{req} is required and the set pins {pinned.name}=={pinned.version}, "
                        f"but the running environment has no such distribution installed", [],
                        f"install the set into the interpreter that runs it (pip install {pinned.name}=={pinned.version}); "
                        f"after a Python upgrade, packages installed for the old Python are not seen by the new one")
        if req is not None and str(req.specifier):
            ev = f"{sig.required_by or 'a package'} requires {req}" + (f", found {sig.found[0]} {sig.found[1]}" if sig.found else "")
            _add(out, Culprit(req.name, str(req.specifier), CONF_MATRIX + 0.1, [ev], "declared-check"), ctx)
            by = ctx.pinned(sig.required_by.split()[0]) if sig.required_by else None
            pin = ctx.pinned(req.name)
            if by is not None and pin is not None and by.version and pin.version and not ctx.is_keep(by.name):
                if sig.detail.get("runtime_check"):
                    # The check is in the code, not the metadata: what the releases declare says nothing.
                    back = _requirer_before(ctx, by, pin, req)
                    if back is not None:
                        _add(out, back, ctx)
                else:
                    spec = requirer_range_admitting(ctx.index, ctx.target, by.name, by.version, pin.name, pin.version)
                    if spec:
                        _add(out, Culprit(by.name, spec, CONF_MATRIX - 0.1, [ev, f"{by.name}{spec} admits {pin.name}=={pin.version}"], "matrix"), ctx)
        elif req is not None and ctx.pinned(req.name) is None:
            return done("unknown", F.DECLARED, f"{req.name} is required but not in the set (reported, never added)", [],
                        f"add {req.name} to the requirements")
    if not out and ctx.matrix is not None:
        for alts in ctx.matrix.demands(keep=ctx.keep):
            for c in alts:
                _add(out, c, ctx)
    if not out:
        return done("unknown", F.DECLARED, f"a declared requirement failed ({sig.message}), but no pin of the set can "
                    f"satisfy it without moving a keep-pin", [])
    return done("transitive", F.DECLARED, f"declared requirement not met: {sig.message}", out)


_PY_API = re.compile(r"_?Py[A-Z]\w*\Z")
MAX_LATER_BUILDS = 8  # later releases whose compiled code is searched for a C-API symbol


def _python_api_symbol(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """``undefined symbol: _PyGen_Send``: the extension calls a C function the target Python removed.

    The symbol is CPython's, so no other pin is the base: the extension's own
    build is what must change.  Its compiled code is searched, never loaded: a
    wheel's module for the target, or the C files an sdist ships (Cython's
    output: ncls 0.0.63's ncls.c calls _PyGen_Send, 0.0.64's, generated by a
    newer Cython, does not).  The first later release free of it is offered;
    without one the verdict stays open.
    """
    if ctx.probe is None or not sig.name or not _PY_API.match(sig.name) or not sig.extension:
        return None
    m = re.search(r"(?:site|dist)-packages[\\/]+(.+)$", sig.extension)
    if not m:
        return None
    parts = [p for p in re.split(r"[\\/]", m.group(1)) if p]
    if parts and parts[0].endswith(".egg"):
        parts = parts[1:]  # setuptools' egg folder: ncls-0.0.63-py3.10-linux-x86_64.egg/ncls/...
    if len(parts) < 2:
        return None
    owner = module_owner(parts[0], ctx)
    pin = ctx.pinned(owner)
    if pin is None or not pin.version or ctx.is_keep(pin.name):
        return None
    stem = parts[-1].split(".")[0]
    try:
        if _build_mentions(ctx, pin.name, pin.version, stem, sig.name) is not True:
            return None  # the pinned release's code does not call it: not this release's build
        later = [v for v in ctx.probe.versions(pin.name) if Version(v) > Version(pin.version)]
        found = _first_build_without(sorted(later, key=Version)[:MAX_LATER_BUILDS],
                               lambda v: _build_mentions(ctx, pin.name, v, stem, sig.name or ""))
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s compiled code: {type(exc).__name__}")
        return None
    if found is None:
        return None
    py = ".".join(map(str, ctx.target.python[:2]))
    ev = (f"{pin.name}=={pin.version}'s {stem} calls {sig.name}, which Python {py} does not have; {pin.name} "
          f"{found} is the first later release whose code does not (read from its files, never loaded)")
    ctx.evidence.append(ev)
    return done("direct" if ctx.is_keep(pin.name) else "transitive", F.ABI,
                f"{pin.name}=={pin.version} was built with calls to {sig.name}, a C function Python {py} removed",
                [Culprit(pin.name, f">={found}", CONF_PROBE, [ev], "release-files")])


NUMPY2_IMPORT = b"numpy._core._multiarray_umath"  # what NumPy 2's C-API header imports first; 1.x headers never name it
MAX_NUMPY2_RELEASES = 10  # later releases of an extension read for a NumPy 2 build


def _built_for_numpy2(ctx: Context) -> List[Culprit]:
    """A module compiled against NumPy 1.x under NumPy 2: the extension's first later release built against NumPy 2.

    shapely 2.0.1's ``lib`` was built with NumPy 1 headers ("_ARRAY_API not found" under numpy
    2.2); 2.0.4's wheels were built with NumPy 2, whose ``_import_array`` asks for
    ``numpy._core._multiarray_umath`` first, a string no NumPy 1 header writes.  The extension is
    the innermost pin frame; its compiled modules for the target are read, never loaded.
    """
    if ctx.probe is None:
        return []
    frames = [f for f in ctx.crash.root.frames if f.owner == OWNER_DIST and f.dist]
    pin = ctx.pinned(frames[-1].dist) if frames else None
    if pin is None or not pin.version or pin.key == "numpy" or ctx.is_keep(pin.name):
        return []

    def built2(version: str) -> Optional[bool]:
        key = f"{canonicalize_name(pin.name)}|{version}|{ctx.probe.target_key}|numpy2-build"
        cached = ctx.probe._store.get("bin", key)
        if cached is not None:
            return {"1": True, "0": False}.get(cached)
        compiled = lambda m: m.endswith((".so", ".pyd"))  # noqa: E731
        listed = [m for m in ctx.probe.index.list_members(pin.name, version) if compiled(m)]
        if not listed:
            ctx.probe._store.put("bin", key, "?")
            return None
        got = ctx.probe.index.read_members(pin.name, version, compiled, max_bytes=64_000_000)
        found = any(NUMPY2_IMPORT in data for data in got.values()) if got else None
        if found is False and len(got) < len(listed):
            found = None
        ctx.probe._store.put("bin", key, {True: "1", False: "0", None: "?"}[found])
        return found

    try:
        if built2(pin.version) is not False:
            return []
        later = sorted((v for v in ctx.probe.versions(pin.name) if _newer_final(v, pin.version)), key=Version)
        for v in later[:MAX_NUMPY2_RELEASES]:
            if not any(ctx.probe.index.release(pin.name, v).wheels_for(ctx.target) or []):
                continue  # no wheel for the target: it would be built here, against whatever numpy is there
            if built2(v):
                ev = (f"{pin.name}=={pin.version}'s compiled modules were built against NumPy 1.x; {pin.name} {v} is its "
                      f"first later release whose wheel for the target was built against NumPy 2 (read from its files, "
                      f"never loaded)")
                ctx.evidence.append(ev)
                return [Culprit(pin.name, f">={v}", CONF_PROBE, [ev], "release-files")]
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s compiled modules: {type(exc).__name__}")
    return []


def _own_build_symbol(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """``_psutil_linux.so: undefined symbol: CPU_ALLOC``: a C name the pin's own new code began to use.

    psutil 2.1.2's ``_psutil_linux.c`` calls ``CPU_ALLOC``, a glibc macro RHEL 5's glibc
    lacks, so the module built there with an undefined symbol; 2.1.1's sources never name
    it.  When the release before the pinned one does not name the symbol anywhere in its
    C sources (or compiled module) and the pinned one does, that release is the way back;
    a later release free of it is the way forward.  C++ (mangled) and CPython names are
    left to the readings that know their base.
    """
    if ctx.probe is None or not sig.name or not sig.extension or _PY_API.match(sig.name) or sig.name.startswith("_Z") \
            or not re.fullmatch(r"[A-Za-z_]\w{2,80}", sig.name) or sig.detail.get("built_for"):
        return None
    m = re.search(r"(?:site|dist)-packages[\\/]+(.+)$", sig.extension)
    if not m:
        return None
    parts = [p for p in re.split(r"[\\/]", m.group(1)) if p]
    if parts and parts[0].endswith(".egg"):
        parts = parts[1:]
    if not parts:
        return None
    stem = parts[-1].split(".")[0]
    owner = module_owner(parts[0], ctx) if len(parts) > 1 else _prefix_owner(ctx, stem.lstrip("_"), None)
    pin = ctx.pinned(owner) if owner else None
    if pin is None or not pin.version or ctx.is_keep(pin.name):
        return None
    try:
        if _build_mentions(ctx, pin.name, pin.version, stem, sig.name) is not True:
            return None
        older = sorted((v for v in ctx.probe.versions(pin.name) if _older_final(v, pin.version)), key=Version)
        if not older or _build_mentions(ctx, pin.name, older[-1], stem, sig.name) is not False:
            return None  # the name is older than this release: a missing library, not new code
        later = [v for v in ctx.probe.versions(pin.name) if Version(v) > Version(pin.version)]
        forward = _first_build_without(sorted(later, key=Version)[:MAX_LATER_BUILDS],
                                       lambda v: _build_mentions(ctx, pin.name, v, stem, sig.name or ""))
    except Exception as exc:  # evidence, never a reason to fail
        ctx.evidence.append(f"could not read {pin.name}'s compiled code: {type(exc).__name__}")
        return None
    ev = (f"{pin.name}=={pin.version}'s code names {sig.name}, which the running system does not provide; "
          f"{pin.name} {older[-1]}'s code does not name it (read from its files, never loaded)")
    ctx.evidence.append(ev)
    out = [Culprit(pin.name, f"<{pin.version}", CONF_PROBE, [ev], "release-files")]
    if forward:
        out.append(Culprit(pin.name, f">={forward}", CONF_PROBE, [f"{pin.name} {forward} is the first later release whose "
                           f"code does not name {sig.name} (read from its files)"], "release-files"))
    return done("direct", F.ABI, f"{pin.name}=={pin.version} began using {sig.name}, which this system's libraries do "
                f"not provide; {pin.name} {older[-1]} did not use it", out,
                f"or build {pin.name} on a system whose C library provides {sig.name}")


def _mangled_namespaces(symbol: str) -> List[str]:
    """The leading names of an Itanium-mangled C++ symbol: ``_ZN6google8protobuf15Field...`` -> google, protobuf, ..."""
    m = re.match(r"_ZN(?:K|V|r)*", symbol)
    if not m:
        return []
    out, i = [], m.end()
    while len(out) < 4:
        n = re.match(r"[0-9]{1,4}", symbol[i:])  # ASCII digits only: "²" is a digit to str.isdigit, not to int()
        if n is None:
            break
        size, i = int(n.group()), i + n.end()
        out.append(symbol[i:i + size])
        i += size
    return out


def _own_namespace_symbol(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """A pin's index wheel whose extension lacks a C++ symbol of its own package's namespace: that build is broken.

    streamlit/streamlit#5394: protobuf 3.20.2's macOS wheel for Python 3.10 shipped a
    ``google/protobuf/pyext/_message`` needing ``google::protobuf::FieldDescriptor::
    TypeOnceInit`` that the wheel itself did not define; 3.19.4 loaded.  The same words come
    far more often from an extension built on this machine against another system
    libprotobuf, so the reading holds only when the release has a wheel for the target on
    the index (pip installed the index's build), the extension sits in a ``site-packages``
    (not a system ``dist-packages``), and the loader names no other library it expected the
    symbol in.  Nothing is loaded or read from the binary: upload order alone says the
    releases before the broken one were the ones in use.
    """
    try:
        names = _mangled_namespaces(sig.name or "")
        m = re.search(r"[\\/]site-packages[\\/]+(.+)$", sig.extension or "")
        if len(names) < 2 or not m:
            return None
        rel = m.group(1).replace("\\", "/")
        if not rel.startswith(f"{names[0]}/{names[1]}/"):
            return None  # another library's symbol: the readings of a base and its extension decide
        expected = re.search(r"Expected in:\s*(\S[^\n]*)", "\n".join(e.message for e in ctx.crash.exceptions))
        if expected and "flat namespace" not in expected.group(1):
            return None  # the loader looked for it in a library outside the wheel (a system libprotobuf)
        owner = module_owner(_module_from_path(sig.extension or ""), ctx, sig.extension)
        pin = ctx.pinned(owner) if owner else None
        if pin is None or not pin.version or ctx.is_keep(pin.name) or _built_here(ctx, ctx.party(pin.name)):
            return None
        release = next((r for r in ctx.index.releases(pin.name) if r.version == Version(pin.version)), None)
        wheel = release.best_wheel(ctx.target) if release is not None else None
        if wheel is None or wheel.filename.endswith("-none-any.whl"):
            # No binary wheel for the target (protobuf 3.20.2 has only a pure one for CPython 3.10 on
            # macOS): the extension was built here, or came from elsewhere, against whatever was here.
            return None
    except Exception:  # a reading fails closed
        return None
    ev = (f"{rel} is {pin.name}=={pin.version}'s own extension, and the missing {'::'.join(names[:3])}... is of its own "
          f"C++ namespace ({names[0]}::{names[1]}); the release has a wheel for this target on the index, so pip "
          f"installed that build, which lacks its own code")
    ctx.evidence.append(ev)
    return done("direct", F.ABI, f"{pin.name}=={pin.version}'s extension lacks a symbol of its own code: {ev}",
                [Culprit(pin.name, f"<{pin.version}", CONF_TIME, [ev], "upload-dates")],
                f"or reinstall {pin.name}=={pin.version} from another build (a wheel rebuilt for this platform)")


def _build_mentions(ctx: Context, dist: str, version: str, stem: str, symbol: str) -> Optional[bool]:
    """Whether the release's compiled module ``stem`` (wheel) or its shipped C sources (sdist) name ``symbol``."""
    from .cguard import CGUARD_VERSION, python_hex
    from .probe import READER_VERSION

    key = (f"{READER_VERSION}|{CGUARD_VERSION}|{canonicalize_name(dist)}|{version}|{ctx.probe.target_key}|"
           f"{python_hex(tuple(ctx.target.python)):x}|{stem}|{symbol}|build2")  # build2: the sdist before a foreign wheel
    cached = ctx.probe._store.get("bin", key)
    if cached is not None:
        return {"1": True, "0": False}.get(cached)

    def wanted(member: str) -> bool:
        name = member.rsplit("/", 1)[-1]
        if member.endswith((".so", ".pyd")):
            return name.split(".")[0] == stem
        return member.endswith((".c", ".cpp", ".cxx")) and "/test" not in member

    listed = [m for m in ctx.probe.index.list_members(dist, version, built=True) if wanted(m)]
    got = ctx.probe.index.read_members(dist, version, wanted, max_bytes=32_000_000, built=True)
    if not got or len(got) < len(listed):
        ctx.probe._store.put("bin", key, "?")
        return None  # a member left out by the byte budget may call it
    from .cguard import live_mentions

    word = re.compile(rb"(?<![A-Za-z0-9_])" + re.escape(symbol.encode()) + rb"(?![A-Za-z0-9_])")
    hexversion = python_hex(tuple(ctx.target.python))
    found = False
    for member, data in got.items():
        if member.endswith((".so", ".pyd")):
            found = found or word.search(data) is not None
        elif word.search(data):
            # Generated C names every API any Python needs, each behind a version test: only the
            # lines this Python compiles count.
            found = found or next(live_mentions(data.decode("utf-8", "replace"), symbol, hexversion), None) is not None
        if found:
            break
    ctx.probe._store.put("bin", key, "1" if found else "0")
    return found


def _abi(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Diagnosis:
    out: List[Culprit] = []
    py_api = _python_api_symbol(ctx, sig, done)
    if py_api is not None:
        return py_api
    own = _own_build_symbol(ctx, sig, done) or _own_namespace_symbol(ctx, sig, done)
    if own is not None:
        return own
    built, running = sig.detail.get("built_for"), sig.detail.get("runtime")
    if built and running:
        try:
            same_release = Version(built).public == Version(running).public
        except InvalidVersion:
            same_release = False
        if same_release:
            # xFormers built for torch 2.1.0+cu121 under torch 2.1.0+cpu: the same release in another
            # build; the pins are right and only the build variant differs.
            ext = (sig.extension or "the extension")
            return done("environment", F.ABI, f"{ext} was built for torch {built} and torch {running} runs: the same "
                        f"release in another build, not another version", [],
                        f"install the torch build {ext} was made for (torch=={built} from the PyTorch wheel index "
                        f"still satisfies torch=={Version(built).public} under PEP 440), or an {ext} build for {running}")
    if sig.detail.get("operator"):
        found = _torch_operator(ctx, sig, done)
        if found is not None:
            return found
    base_name = module_owner(sig.module, ctx) if sig.module else None
    ext_name: Optional[str] = None
    if sig.extension:
        ext_name = module_owner(_module_from_path(sig.extension), ctx, sig.extension)
        if ext_name is None and not re.search(r"[\\/]", sig.extension.strip()):
            # only a bare file (flash_attn_2_cuda....so built into site-packages' top level)
            ext_name = _prefix_owner(ctx, _module_from_path(sig.extension), base_name)
        if base_name is None and sig.name and re.search(r"c10|at\d|torch|caffe2|THP", sig.name):
            base_name = ctx.pinned("torch").name if ctx.pinned("torch") else None
    if ext_name is None and caller.kind == "dist" and caller.key != (canonicalize_name(base_name) if base_name else None):
        ext_name = caller.name
    if ext_name is None:  # the importing dist just outside the base package's frames
        for exc in reversed(ctx.crash.exceptions):
            for fr in reversed(exc.frames):
                p = _frame_party(fr, ctx)
                if p and p.kind == "dist" and p.key != (canonicalize_name(base_name) if base_name else None):
                    ext_name = p.name
                    break
            if ext_name:
                break
    if ext_name is None and base_name and ctx.probe is not None and not any(e.frames for e in ctx.crash.exceptions):
        # No frames: the extension is a compiled dependant of the base, if the set has exactly one.
        from .users import compiled_dependants

        found = compiled_dependants(ctx, canonicalize_name(base_name))
        if len(found) == 1:
            ext_name = found[0].name
            ctx.evidence.append(f"no caller frame was printed; {ext_name} is the only package of the set that declares "
                                f"{base_name} and ships compiled modules")
    if ext_name is None and base_name and "expected" in sig.detail and not any(e.frames for e in ctx.crash.exceptions):
        own = _own_build_mismatch(ctx, sig, base_name, done)
        if own is not None:
            return own
    base, ext = ctx.party(base_name), ctx.party(ext_name)
    if ext.kind == "dist" and base.kind == "dist" and ext.version and base.version:
        e_time = timeline.upload_time(ctx.index, ext.name, ext.version)
        start = timeline.series_start(ctx.index, base.name, base.version)
        if e_time and start and start[1]:
            # An extension older than the base's whole series was built against an earlier series:
            # that beats struct sizes (numpy 2 shrank its dtype struct, so "Expected 96 from C
            # header, got 88" reads backwards). A younger one says nothing against sizes read off
            # the message: greenlet 0.4.17 grew its struct within the 0.4 series gevent 20.6.2
            # was built for ("Expected 144 from C header, got 152 from PyObject").
            if e_time < start[1]:
                sig.direction = "base-too-new"
            elif "expected" not in sig.detail:
                sig.direction = "base-too-old"
            built = timeline.latest_before(ctx.index, base.name, e_time)
            if built is not None:
                ctx.evidence.append(f"{ext.name} {ext.version} ({timeline.fmt(e_time)}) was built when {base.name} {built} was current")
                sig.detail["built_against"] = str(built)
    details_ev = f"binary mismatch between {ext.name or 'a compiled extension'} and {base.name or 'its base library'}: {sig.message}"
    out += matrix_culprits(ext.name, base.name, ctx) if ext.name else []
    if not out and ext.kind == "dist" and base.kind == "dist" and sig.direction != "base-too-new" \
            and (sig.name or "").startswith("_Z") and _built_here(ctx, ext):
        # mmcv-full 1.1.5 is only an sdist on the index: its binary was compiled on this machine (or
        # fetched from another index) against another torch than the pinned one, and is newer than
        # the pinned torch's series, so no release pairing is at fault: rebuilding it is the fix.
        return done("environment", F.ABI, f"{details_ev}; {ext.name}=={ext.version} has no wheel for "
                    f"{ctx.target.describe()} on the index, so its binary was built for another {base.name} than "
                    f"the pinned {base.name}=={base.version}", [],
                    f"rebuild {ext.name}=={ext.version} against the installed {base.name}=={base.version} (e.g. pip "
                    f"install --force-reinstall --no-cache-dir --no-binary {ext.name} {ext.name}=={ext.version}); "
                    f"a binary from another index must be the one built for {base.name} {base.version}")
    if ext.kind == "dist" and base.kind == "dist" and not out:
        # An extension declares the base it was built for: find a release that declares the pinned base.
        if not ctx.is_keep(ext.name):
            # Only a declaration that refuses the pinned base says which release was built for it: when
            # the pinned extension already admits it (numpy>=1.21.2 admits numpy 2), any other release
            # admitting it too is no evidence of a matching build.
            spec = requirer_range_admitting(ctx.index, ctx.target, ext.name, ext.version, base.name, base.version) \
                if _declares(ctx, ext, base) and not _declares(ctx, ext, base, admitting=True) else None
            if spec:
                _add(out, Culprit(ext.name, spec, CONF_MATRIX, [details_ev, f"{ext.name}{spec} is built for {base.name}=={base.version}"], "matrix"), ctx)
        if sig.direction == "base-too-new" and not ctx.is_keep(base.name):
            built = sig.detail.get("built_against")
            if built and Version(built).major < Version(base.version).major:
                _add(out, Culprit(base.name, f"<{Version(base.version).major}", CONF_TIME, [details_ev, f"{ext.name} "
                                  f"{ext.version} was built against {base.name} {built}, before {base.name} {Version(base.version).major}"],
                                  "upload-dates"), ctx)
            elif built:
                _add(out, Culprit(base.name, next_series(built).replace(">=", "<"), CONF_TIME, [details_ev, f"{ext.name} "
                                  f"{ext.version} was built against {base.name} {built}"], "upload-dates"), ctx)
            _add(out, Culprit(base.name, below_series(base.version), CONF_GUESS, [details_ev, f"{ext.name} was built against an older {base.name}"], "abi-message"), ctx)
            if not ctx.is_keep(ext.name):
                out += _rebuilt_after(ctx, ext, base, details_ev)
        elif sig.direction == "base-too-old" and not ctx.is_keep(base.name):
            _add(out, Culprit(base.name, next_series(base.version), CONF_GUESS, [details_ev, f"{ext.name} was built against a newer {base.name}"], "abi-message"), ctx)
            if not ctx.is_keep(ext.name):
                _add(out, Culprit(ext.name, below_series(ext.version), CONF_GUESS - 0.1, [details_ev, f"an older {ext.name} was built against an older {base.name}"], "abi-message"), ctx)
        elif not ctx.is_keep(ext.name) and not out:
            out += _caller_moves(ctx, ext, base, f"the {base.name} {base.version} ABI")
    if not out:
        return done("unknown", F.ABI, f"{details_ev}; no release pairing could be established", [])
    verdict = "direct" if ctx.is_keep(base.name) else "transitive"
    return done(verdict, F.ABI, details_ev, out)


def _own_build_mismatch(ctx: Context, sig: F.Signal, base_name: str, done: Any) -> Optional[Diagnosis]:
    """A struct of the pin's own module has the wrong size, and no other pin of the set is compiled against it.

    locustio/locust#809: gevent 1.3.2's first manylinux wheels said "gevent._queue.Queue has the
    wrong size, try recompiling. Expected 80, got 72": one of gevent's extensions was compiled
    against another build of gevent's own ``_queue``, so the release's binaries disagree with
    each other and no other pin is involved.  A post-release of the same version exists to fix
    packaging (gevent 1.3.2.post0: "Fix a packaging error in manylinux binary wheels"); the
    release before the pin is the other way out.  Both are guesses: nothing printed says which
    extension did the check.
    """
    pin = ctx.pinned(base_name)
    if pin is None or not pin.version or ctx.is_keep(pin.name) or ctx.probe is None or "." not in (sig.module or ""):
        return None  # (a top-level type, numpy.ndarray or greenlet.greenlet, is what other packages compile against)
    try:
        from .users import compiled_dependants

        if compiled_dependants(ctx, pin.key, everyone=True) or _built_here_on(ctx, pin.key):
            return None  # another pin's extension (kept, under an extra, or built here from its sdist) may be it
        pinned = Version(pin.version)
        if pinned.is_prerelease or pinned.is_devrelease or pinned.local:
            return None
        listed = [Version(x) for x in ctx.probe.versions(pin.name) if _plain_version(x)]
    except Exception:
        return None
    posts = sorted(v for v in listed if v.is_postrelease and v.release == pinned.release and v > pinned and not v.is_devrelease)
    earlier = [v for v in listed if v < pinned and v.release != pinned.release and not v.is_prerelease and not v.is_devrelease]
    what = (f"{sig.cls} (a type of {pin.name}'s own {sig.module}) is {sig.detail.get('got')} bytes where {pin.name}'s "
            f"compiled code expects {sig.detail.get('expected')}, and no other pin of the set is compiled against "
            f"{pin.name}: the release's own binaries were built against different builds of it")
    out: List[Culprit] = []
    if posts:
        out.append(Culprit(pin.name, f"=={posts[0]}", CONF_GUESS, [what, f"{pin.name} {posts[0]} re-released the same "
                           f"version (a post-release fixes a release's packaging, not its code)"], "release-list"))
    if earlier:
        whole = pinned.base_version  # before the version itself: its other builds (1.3.2, 1.3.2.post0) are suspect too
        out.append(Culprit(pin.name, f"<{whole}", CONF_GUESS - 0.1, [what, f"{pin.name}'s releases before "
                           f"{whole} were built separately"], "abi-message"))
    if not out:
        return None
    ctx.callee = ctx.party(pin.name)
    return done("transitive", F.ABI, f"{pin.name}=={pin.version}'s own binaries disagree: {sig.message}", out)


_EXTENSION_SOURCES = (".pyx", ".pxd", ".c", ".cc", ".cpp", ".cxx")


def _built_here_on(ctx: Context, base_key: str) -> bool:
    """Whether a pin declaring ``base_key`` ships extension sources and no wheel for the target: it is compiled here.

    huggingface/neuralcoref 4.0 on the index is an sdist of ``.pyx`` files built against whatever
    spaCy is installed: a size mismatch of spaCy's own type may be that local build's.
    """
    from .users import dependants

    for other in dependants(ctx, base_key, any_extra=True, with_kept=True):
        try:
            if not _built_here(ctx, ctx.party(other.name)):
                continue  # a wheel for the target: compiled_dependants reads its binaries
            members = ctx.probe._members(other.name, other.version)
        except Exception:
            return True  # unreadable: it may be the one
        if any(m.endswith(_EXTENSION_SOURCES) for m in members):
            return True
    return False


def _torch_operator(ctx: Context, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """``operator torchvision::nms does not exist``: a torchvision binary that does not fit the running torch.

    When the pinned torchvision's own Requires-Dist admits the pinned torch, the releases
    fit and only the builds differ (pytorch/pytorch#122494: torch 2.2.1+cpu from the PyTorch
    index beside PyPI's CUDA build of torchvision 0.17.1): environment, and the fix is the
    same torchvision release from the same wheel index.  Otherwise the nearest torchvision
    releases declaring the pinned torch are the fix.
    """
    ext, base = ctx.pinned(sig.extension), ctx.pinned("torch")
    if ext is None or base is None or not ext.version or not base.version:
        return None
    try:
        reqs = [r for r in ctx.index.metadata(ext.name, ext.version).dependencies(ctx.target) if canonicalize_name(r.name) == "torch"]
    except Exception:
        return None
    if not reqs:
        return None
    what = f"{sig.detail['operator']} is not registered: {ext.name}=={ext.version}'s compiled operators did not load under torch=={base.version}"
    if all(r.specifier.contains(base.version, prereleases=True) or
           r.specifier.contains(Version(base.version).public, prereleases=True) for r in reqs):
        local = Version(base.version).local
        return done("environment", F.ABI, f"{what}, although {ext.name} {ext.version} declares {reqs[0].specifier} and the "
                    f"pin meets it: the same releases in different builds", [],
                    f"install {ext.name}=={ext.version} from the same wheel index as torch=={base.version}"
                    + (f" (the +{local} build; PEP 440 lets {ext.name}=={ext.version}+{local} satisfy =={ext.version})" if local else "")
                    + ", or reinstall both together")
    if ctx.is_keep(ext.name):
        return None
    spec = requirer_range_admitting(ctx.index, ctx.target, ext.name, ext.version, base.name, Version(base.version).public)
    if not spec:
        return None
    return done("direct" if ctx.is_keep(base.name) else "transitive", F.ABI, what,
                [Culprit(ext.name, spec, CONF_MATRIX, [f"{what}; {ext.name}{spec} declares torch=={Version(base.version).public}"],
                         "matrix")])


def _prefix_owner(ctx: Context, module: str, base_name: Optional[str]) -> Optional[str]:
    """The pin a bare extension file is named after: ``flash_attn_2_cuda.so`` is flash-attn's.

    Only for an extension printed without its folder (built into site-packages'
    top level), and only the longest pin name that starts the module name.
    """
    low = module.lower()
    best = None
    for pin in ctx.pins:
        stem = pin.key.replace("-", "_")
        if not pin.active or (base_name and pin.key == canonicalize_name(base_name)) or len(stem) < 4:
            continue
        if low == stem or low.startswith(stem + "_"):
            if best is None or len(stem) > len(best.key):
                best = pin
    return best.name if best is not None else None


def _built_here(ctx: Context, party: Party) -> bool:
    """Whether the pinned release has only a source distribution for the target (its binaries were built locally)."""
    try:
        for rel in ctx.index.releases(party.name):
            if str(rel.version) == party.version or rel.version == Version(party.version or ""):
                return rel.installable(ctx.target) == "sdist"
    except Exception:
        return False
    return False


def _rebuilt_after(ctx: Context, ext: Party, base: Party, details_ev: str) -> List[Culprit]:
    """The extension's first release uploaded after the base's current series began: built against it.

    The same kind of evidence, and so the same weight, as "the pinned extension
    was uploaded before that series, so it was built against an older base";
    which of the two moves is taken is the resolver's size rule.
    """
    start = timeline.series_start(ctx.index, base.name, base.version) if base.version else None
    if not (start and start[1] is not None and ext.version):
        return []
    try:
        above = Version(ext.version)
    except InvalidVersion:  # an arbitrary-equality pin (ext===1.0-custom): nothing to compare with
        return []
    rebuilt = timeline.first_after(ctx.index, ext.name, start[1], above=above)
    if rebuilt is None:
        return []
    return [Culprit(ext.name, f">={rebuilt}", CONF_TIME, [details_ev, f"{ext.name} {rebuilt} is its first release after "
                    f"{base.name} {start[0]} ({timeline.fmt(start[1])}), so it was built against that series"], "upload-dates")]


def _declares(ctx: Context, ext: Party, base: Party, *, admitting: bool = False) -> bool:
    """Whether ``ext``'s pinned release declares ``base`` (with ``admitting``: and every such line admits its pin)."""
    try:
        meta = ctx.index.metadata(ext.name, ext.version)
        reqs = [r for r in meta.dependencies(ctx.target, ()) if canonicalize_name(r.name) == base.key]
        if not admitting:
            return bool(reqs)
        return bool(reqs) and all(r.specifier.contains(Version(base.version), prereleases=True) for r in reqs)
    except Exception:
        return False


def _module_from_path(path: str) -> str:
    m = _SITE.search(path)
    if m:
        return m.group(1)
    base = re.split(r"[\\/]", path)[-1]
    return base.split(".")[0].lstrip("_")


def _build(ctx: Context, sig: F.Signal, caller: Party, done: Any) -> Diagnosis:
    out: List[Culprit] = []
    sdist = sig.detail.get("sdist")
    if sdist and ctx.probe is not None:
        out = _build_script_culprits(ctx, sdist[0], sdist[1])
        if out:
            return done("transitive", F.BUILD, f"building {sdist[0]} from source failed: {out[0].evidence[0]}", out)
    if ctx.matrix is not None:
        for alts in ctx.matrix.demands(keep=ctx.keep):
            for c in alts:
                _add(out, c, ctx)
        if not out:
            out = _wheel_culprits(ctx, sdist[0] if sdist else None)
    if not out:
        return done("environment", F.BUILD, f"{sig.message}: a build step failed on this machine", [], sig.advice)
    return done("transitive", F.BUILD, "pins without a wheel for the target must be built; nearer releases ship one", out)


def _wheel_culprits(ctx: Context, building: Optional[str]) -> List[Culprit]:
    """A build failed and pins of the set have no wheel for the target: move them to the nearest release with one.

    The log may not say which sdist was built (numpy 1.25.1 on Python 3.12: only
    setuptools' 'No module named distutils' inside pip's build env); the set
    does.  When the log names the sdist, only that pin is moved.
    """
    from .matrix import nearest_installable

    out: List[Culprit] = []
    for name, version in ctx.matrix.sdist_only if ctx.matrix is not None else []:
        if ctx.is_keep(name) or (building and canonicalize_name(building) != canonicalize_name(name)):
            continue
        spec = nearest_installable(ctx.index, ctx.target, name, version, wheel=True)
        if spec:
            _add(out, Culprit(name, spec, CONF_MATRIX, [f"a source build failed, and {name}=={version} has no wheel for "
                              f"{ctx.target.describe()}: pip builds it from source; {name}{spec} ships one"], "matrix"), ctx)
    return out


def _build_script_culprits(ctx: Context, name: str, version: str) -> List[Culprit]:
    """A failed sdist build whose setup script uses what a build tool removed (knowledge base, ``kind = "build"``).

    The build log is often cut before the real error (a pasted pip output
    stops at "Command errored out"); the script itself still says whether it
    passes ``use_2to3``.  Holding the build tool back and moving the package
    to a release whose script no longer uses it are the alternatives.
    """
    from . import users

    pin = ctx.pinned(name)
    version = version or (pin.version if pin is not None else "")
    if not version:
        return []
    out: List[Culprit] = []
    for entry in ctx.kb.entries:
        if entry.kind != "build" or not entry.name or not entry.package:
            continue
        try:
            use = users.build_script_use(ctx.probe, name, version, entry.name)
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {name} {version}'s build script: {type(exc).__name__}")
            return out
        if use is None:
            continue
        ev = (f"{name} {version}'s {use.file} uses {entry.name} (`{use.statement}`, line {use.line}, read from the "
              f"sdist), which {entry.package} {entry.changed_in} removed ({entry.id})")
        tool = ctx.pinned(entry.package)
        fix = entry.fix_requirement()
        if tool is not None and fix is not None and tool.version and not ctx.is_keep(tool.name) \
                and canonicalize_name(fix.name) == tool.key and excludes(str(fix.specifier), tool.version):
            _add(out, Culprit(tool.name, str(fix.specifier), CONF_KB, [ev], entry.source), ctx)
        elif tool is None:
            ctx.evidence.append(f"{ev}; {entry.package} is not in the set: build with {entry.fix} "
                                f"(e.g. PIP_CONSTRAINT) or move {name}")
        if pin is not None and not ctx.is_keep(pin.name):
            later = users.first_build_without(ctx.probe, ctx.index, name, version, entry.name)
            if later:
                _add(out, Culprit(pin.name, f">={later}", CONF_PROBE, [ev, f"{name} {later}'s build script no longer "
                                  f"uses {entry.name}"], "release-files"), ctx)
    return out


_HANDLERS = {
    F.IMPORT_NAME: _removed_name,
    F.ATTRIBUTE: _class_attribute,
    F.SIGNATURE: _owner_by_time,
    F.PYTHON_VERSION: _python_version,
    F.DECLARED: _declared,
    F.ABI: _abi,
    F.BUILD: _build,
}
