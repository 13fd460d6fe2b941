"""The knowledge base of real breaking changes: the bundled data file plus the user's own.

Static reading of release files cannot see everything (an ABI break, a
behaviour change, an interpreter removal), and some breaks are simply worth
knowing directly with the link that proves them.  The data lives in
``knowledge.toml`` next to this module (``schema = 1``, one ``[[break]]`` per
entry); users add entries in ``pyproject.toml`` under ``[[tool.depfix.break]]``
or in files of the same format named by an option.

Entries are validated one by one: a bad entry becomes a warning naming its
origin and is skipped, so one typo never stops a diagnosis.  Valid entries are
indexed by exception class name (with the few built-in base classes that
matter, so an entry for ``ImportError`` also matches ``ModuleNotFoundError``).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

if sys.version_info >= (3, 11):  # pragma: no cover - depends on interpreter
    import tomllib as _toml
else:  # pragma: no cover
    import tomli as _toml

BUNDLED = Path(__file__).with_name("knowledge.toml")
KINDS = ("removed-name", "moved-name", "signature", "abi", "python-version", "build", "declared", "environment", "behaviour")

# Exception classes whose entries also apply to a subclass seen in a crash.
_BASES = {
    "ModuleNotFoundError": ("ImportError",),
    "ContextualVersionConflict": ("VersionConflict",),
    "PackageNotFoundError": ("ModuleNotFoundError", "ImportError"),
    "OutOfMemoryError": ("RuntimeError",),
    "UnpicklingError": ("Exception",),
}
# A removed name surfaces as ImportError (``from m import x``) or AttributeError (``m.x``):
# an entry written for one, whose message pattern also covers the other wording, applies to both.
_SAME_REMOVAL = {"ImportError": ("AttributeError",), "AttributeError": ("ImportError",)}


def _classes(short: str) -> Tuple[str, ...]:
    return (short, *_BASES.get(short, ()), *_SAME_REMOVAL.get(short, ()))


@dataclass
class CallerFix:
    """A caller distribution that adapted to the break from ``fixed_in`` on."""

    package: str
    fixed_in: str


@dataclass
class KBEntry:
    """One real breaking change, as the knowledge base states it."""

    id: str
    package: str
    kind: str
    exception: str
    message: str
    fix: str = ""
    changed_in: str = ""
    deprecated_in: str = ""
    module: str = ""
    name: str = ""
    callers: List[CallerFix] = field(default_factory=list)
    python: str = ""
    environment: bool = False
    advice: str = ""
    source: str = ""
    origin: str = ""  # where the entry came from ("bundled", a file path, "pyproject.toml")
    pattern: Any = None  # compiled ``message``
    # A regular expression some frame's source line or file must match: for a message many breaks
    # share ("'str' object has no attribute 'decode'" is h5py 3's and PyJWT 2's), the call that failed.
    context: str = ""
    context_pattern: Any = None

    @property
    def key(self) -> str:
        return canonicalize_name(self.package) if self.package else ""

    def fix_requirement(self) -> Optional[Requirement]:
        return Requirement(self.fix) if self.fix else None

    def matches(self, exc_type: str, message: str) -> bool:
        """Whether this entry explains an exception of ``exc_type`` with ``message``."""
        short = exc_type.rsplit(".", 1)[-1]
        names = set(_classes(short))
        if self.exception not in names and self.exception not in ("*", "Exception", "BaseException"):
            return False
        return bool(self.pattern.search(message))


_BARE_IMPORT = re.compile(r"cannot import name '?(\w+)'?\Z")


@dataclass
class KnowledgeBase:
    """Validated entries, indexed by exception class name; ``warnings`` lists what was skipped."""

    entries: List[KBEntry] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    _by_exception: Dict[str, List[KBEntry]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._reindex()

    def _reindex(self) -> None:
        self._by_exception = {}
        for e in self.entries:
            self._by_exception.setdefault(e.exception, []).append(e)

    def add(self, entries: Iterable[KBEntry]) -> None:
        """Add entries; a later entry with an existing id replaces it (users override the bundle)."""
        by_id = {e.id: i for i, e in enumerate(self.entries)}
        for e in entries:
            if e.id in by_id:
                self.entries[by_id[e.id]] = e
            else:
                by_id[e.id] = len(self.entries)
                self.entries.append(e)
        self._reindex()

    def candidates(self, exc_type: str) -> List[KBEntry]:
        short = exc_type.rsplit(".", 1)[-1]
        out: List[KBEntry] = []
        for name in dict.fromkeys((*_classes(short), "*", "Exception", "BaseException")):
            out += self._by_exception.get(name, [])
        return out

    def match(self, exc_type: str, message: str) -> List[KBEntry]:
        """Entries explaining this exception, user entries first, then in file order."""
        if '\\"' in message or "\\\\" in message:
            # A notebook's error pasted as JSON: 'Error loading \"c:\\...\\fbgemm.dll\"' is read unescaped.
            message = message + "\n" + message.replace('\\"', '"').replace("\\\\", "\\")
        hits = [e for e in self.candidates(exc_type) if e.matches(exc_type, message)]
        bare = next((m for m in (_BARE_IMPORT.match(line.strip()) for line in message.splitlines()) if m), None) \
            if not hits else None
        if bare:
            # Python 3.6 printed "cannot import name 'imread'" without the module: an entry about
            # that name is asked with its own module put where 3.7+ prints it.
            hits = [e for e in self.candidates(exc_type) if e.module and e.name == bare.group(1)
                    and e.matches(exc_type, f"cannot import name '{bare.group(1)}' from '{e.module}'")]
        hits.sort(key=lambda e: e.origin == "bundled")
        return hits

    def __len__(self) -> int:
        return len(self.entries)


# ---------------------------------------------------------------------------
# Loading and validation
# ---------------------------------------------------------------------------


def load_knowledge(extra_files: Sequence[str] = (), pyproject: Optional[str] = None, *, bundled: bool = True) -> KnowledgeBase:
    """The bundled knowledge base plus user entries (pyproject ``[tool.depfix]`` and ``extra_files``).

    User entries come after the bundle and replace bundled entries with the
    same id.  Nothing here raises on bad content: problems become ``warnings``.
    A file named explicitly (``extra_files``) that does not exist is a warning
    too, because a diagnosis without it is still worth having.
    """
    kb = KnowledgeBase()
    if bundled:
        if BUNDLED.exists():
            kb.add(_load_file(BUNDLED, "bundled", kb.warnings))
        else:
            kb.warnings.append(f"bundled knowledge base {BUNDLED.name} is missing; diagnosing without it")
    if pyproject:
        kb.add(_load_pyproject(Path(pyproject), kb.warnings))
    for f in extra_files:
        kb.add(_load_file(Path(f), str(f), kb.warnings))
    return kb


def _read_toml(path: Path, warnings: List[str]) -> Optional[Dict[str, Any]]:
    try:
        with open(path, "rb") as fh:
            return _toml.load(fh)
    except FileNotFoundError:
        warnings.append(f"{path}: knowledge file not found; skipped")
    except OSError as exc:
        warnings.append(f"{path}: cannot read knowledge file ({exc.strerror or exc}); skipped")
    except Exception as exc:  # TOMLDecodeError and friends
        warnings.append(f"{path}: not valid TOML ({exc}); skipped")
    return None


def _load_file(path: Path, origin: str, warnings: List[str]) -> List[KBEntry]:
    data = _read_toml(path, warnings)
    if data is None:
        return []
    schema = data.get("schema", 1)
    if schema != 1:
        warnings.append(f"{path}: schema {schema!r} is not supported (expected 1); skipped")
        return []
    raw = data.get("break", [])
    if not isinstance(raw, list):
        warnings.append(f"{path}: 'break' must be an array of tables ([[break]]); skipped")
        return []
    return _validate_all(raw, origin, str(path), warnings)


def _load_pyproject(path: Path, warnings: List[str]) -> List[KBEntry]:
    data = _read_toml(path, warnings)
    if data is None:
        return []
    tool = data.get("tool", {}).get("depfix", {})
    if not isinstance(tool, dict):
        return []
    entries: List[KBEntry] = []
    raw = tool.get("break", [])
    if isinstance(raw, list):
        entries += _validate_all(raw, "pyproject.toml", f"{path} [tool.depfix]", warnings)
    else:
        warnings.append(f"{path}: [tool.depfix] 'break' must be an array of tables; skipped")
    files = tool.get("knowledge", [])
    if isinstance(files, str):
        files = [files]
    for f in files if isinstance(files, list) else []:
        p = Path(f) if Path(f).is_absolute() else path.parent / f
        entries += _load_file(p, str(p), warnings)
    return entries


def _validate_all(raw: List[Any], origin: str, where: str, warnings: List[str]) -> List[KBEntry]:
    out: List[KBEntry] = []
    seen: Dict[str, int] = {}
    for i, item in enumerate(raw, 1):
        try:
            entry = validate_entry(item, origin)
        except ValueError as exc:
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"#{i}"
            warnings.append(f"{where}: entry {label}: {exc}; skipped")
            continue
        if entry.id in seen:
            warnings.append(f"{where}: entry {entry.id}: duplicate id (first at #{seen[entry.id]}); the later one wins")
        seen[entry.id] = i
        out.append(entry)
    return out


def _text(item: Dict[str, Any], key: str, required: bool = False) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string")
    value = value.strip()
    if required and not value:
        raise ValueError(f"{key!r} is required")
    return value


def _check_version(value: str, key: str) -> None:
    if value:
        try:
            Version(value)
        except InvalidVersion:
            raise ValueError(f"{key} {value!r} is not a PEP 440 version")


def validate_entry(item: Any, origin: str = "") -> KBEntry:
    """Turn one raw table into a :class:`KBEntry` or raise ValueError saying what is wrong."""
    if not isinstance(item, dict):
        raise ValueError("an entry must be a table")
    entry_id = _text(item, "id", required=True)
    kind = _text(item, "kind", required=True)
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    environment = item.get("environment", False)
    if not isinstance(environment, bool):
        raise ValueError("'environment' must be true or false")
    package = _text(item, "package", required=not environment)
    exception = _text(item, "exception", required=True)
    if not re.fullmatch(r"[A-Za-z_*][\w.]*", exception):
        raise ValueError(f"exception {exception!r} is not a class name")
    exception = exception.rsplit(".", 1)[-1]
    message = _text(item, "message", required=True)
    try:
        pattern = re.compile(message)
    except re.error as exc:
        raise ValueError(f"message is not a valid regular expression ({exc})")
    fix = _text(item, "fix", required=not environment)
    if fix:
        try:
            req = Requirement(fix)
        except InvalidRequirement as exc:
            raise ValueError(f"fix {fix!r} is not a PEP 508 requirement ({str(exc).splitlines()[0]})")
        if not str(req.specifier):
            raise ValueError(f"fix {fix!r} names no version range")
    changed_in = _text(item, "changed_in")
    deprecated_in = _text(item, "deprecated_in")
    _check_version(changed_in, "changed_in")
    _check_version(deprecated_in, "deprecated_in")
    python = _text(item, "python")
    if python:
        try:
            SpecifierSet(python)
        except InvalidSpecifier:
            raise ValueError(f"python {python!r} is not a version specifier")
    callers: List[CallerFix] = []
    raw_callers = item.get("callers", [])
    if not isinstance(raw_callers, list):
        raise ValueError("'callers' must be a list of {package, fixed_in}")
    for c in raw_callers:
        if not isinstance(c, dict) or not isinstance(c.get("package"), str) or not isinstance(c.get("fixed_in"), str):
            raise ValueError("each caller needs 'package' and 'fixed_in' strings")
        _check_version(c["fixed_in"], f"caller {c['package']} fixed_in")
        callers.append(CallerFix(c["package"], c["fixed_in"]))
    context = _text(item, "context")
    try:
        context_pattern = re.compile(context) if context else None
    except re.error as exc:
        raise ValueError(f"context is not a valid regular expression ({exc})")
    source = _text(item, "source")
    if not source and origin == "bundled":
        raise ValueError("'source' (a link to the changelog or issue) is required")
    return KBEntry(
        id=entry_id, package=package, kind=kind, exception=exception, message=message, fix=fix,
        changed_in=changed_in, deprecated_in=deprecated_in, module=_text(item, "module"), name=_text(item, "name"),
        callers=callers, python=python, environment=environment, advice=_text(item, "advice"), source=source,
        origin=origin, pattern=pattern, context=context, context_pattern=context_pattern,
    )
