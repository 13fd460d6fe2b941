"""Read a pin set the way pip reads requirements files, and write it back strictly.

We do not use ``pip_api.parse_requirements`` here: it drops lines whose marker
does not match the *running* Python, reads ``-c file`` as a package, keeps only
the last duplicate and does not normalise names (see docs/design.md).  This
reader keeps every line's order and spelling, evaluates markers for the
*target*, follows ``-r``/``-c`` includes, and skips hashes and options the way
pip does.  The writer emits exactly one ``name==version`` line per package.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from .errors import BadInput
from .redaction import redact, redact_netlocs
from .target import Target

_ENV_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")
# A comment starts at a "#" at the line start or after whitespace.  The lookbehind
# keeps this linear: "(^|\s+)#" rescans a run of spaces from every start (quadratic).
_COMMENT = re.compile(r"(?:^|(?<=\s))#.*$")
# Per-requirement options (--hash=..., --config-settings) start after whitespace.
_REQ_OPTION = re.compile(r"(?<=\s)--?[a-zA-Z]")
# Options that take a value and may appear on their own line in a requirements file.
_VALUE_OPTIONS = {
    "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host",
    "--no-binary", "--only-binary", "--use-feature", "--pre", "--prefer-binary",
    "--require-hashes", "--no-index", "--config-settings",
}


@dataclass
class Pin:
    """One package of the set, as the user wrote it."""

    name: str  # spelling as written (kept in the output)
    key: str  # canonical name, for comparisons
    specifier: str  # "==1.8.0", ">=1.0", "" ...
    version: Optional[str]  # the exact version when pinned with == / ===
    extras: Tuple[str, ...] = ()
    marker: Optional[str] = None
    active: bool = True  # marker true for the target
    source: str = ""  # "file:line"
    url: Optional[str] = None  # for "name @ url" lines (credentials never printed)

    def requirement(self) -> str:
        return f"{self.name}{self.specifier}"


@dataclass
class PinSet:
    """The ordered set of packages to fix, plus what the files said about indexes."""

    pins: List[Pin] = field(default_factory=list)
    constraints: List[Pin] = field(default_factory=list)  # from -c files: limits, not members
    index_url: Optional[str] = None
    extra_index_urls: List[str] = field(default_factory=list)
    find_links: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)

    def by_key(self) -> Dict[str, Pin]:
        return {p.key: p for p in self.pins}

    def get(self, name: str) -> Optional[Pin]:
        return self.by_key().get(canonicalize_name(name))

    def __iter__(self):
        return iter(self.pins)

    def __len__(self) -> int:
        return len(self.pins)


def parse_requirement_line(text: str, where: str = "") -> Pin:
    """Parse one requirement (``name[extras]==ver ; marker``) into a Pin."""
    text = text.strip()
    try:
        req = Requirement(text)
    except InvalidRequirement as exc:
        detail = str(exc).splitlines()[0] if str(exc) else "invalid requirement"
        raise BadInput(f"{where}: cannot read requirement {redact_netlocs(text)!r}: {redact_netlocs(detail)}".lstrip(": "))
    version = None
    specs = list(req.specifier)
    if len(specs) == 1 and specs[0].operator in ("==", "===") and "*" not in specs[0].version:
        version = specs[0].version
    spelled = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", text)
    return Pin(
        name=spelled.group(1) if spelled else req.name,
        key=canonicalize_name(req.name),
        specifier=str(req.specifier),
        version=version,
        extras=tuple(sorted(req.extras)),
        marker=str(req.marker) if req.marker else None,
        source=where,
        url=req.url,
    )


def parse_pin(text: str) -> Pin:
    """Parse a keep-pin given on the command line: it must be ``name==version``."""
    pin = parse_requirement_line(text, "keep-pin")
    if pin.version is None:
        raise BadInput(f"keep-pin {text!r} must be an exact pin: NAME==VERSION")
    return pin


def read_requirements(path: str | os.PathLike, target: Optional[Target] = None) -> PinSet:
    """Read a requirements file (following includes) into a PinSet."""
    result = PinSet()
    _read_file(Path(path), result, target, constraint=False, seen=set())
    # Duplicate names: keep the first position, later exact pins win only if first had none.
    merged: Dict[str, Pin] = {}
    order: List[str] = []
    for pin in result.pins:
        if pin.key in merged:
            first = merged[pin.key]
            if first.version and pin.version and first.version != pin.version and pin.active and first.active:
                result.warnings.append(
                    f"{pin.source}: {pin.name} pinned twice ({first.version} at {first.source}); keeping the first"
                )
            if not first.active and pin.active:
                merged[pin.key] = Pin(**{**pin.__dict__, "name": first.name})
            continue
        merged[pin.key] = pin
        order.append(pin.key)
    result.pins = [merged[k] for k in order]
    return result


def parse_requirements_text(text: str, target: Optional[Target] = None, where: str = "<text>") -> PinSet:
    """Same as :func:`read_requirements` for text (includes resolve from the cwd)."""
    result = PinSet()
    _read_lines(text, where, Path.cwd(), result, target, constraint=False, seen=set())
    return result


def _read_file(path: Path, result: PinSet, target: Optional[Target], constraint: bool, seen: Set[Path]) -> None:
    if "\x00" in str(path):
        raise BadInput(f"requirements path contains a NUL byte: {str(path)!r}")
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path
    if resolved in seen:
        result.warnings.append(f"{path}: included twice (include cycle); skipped")
        return
    seen.add(resolved)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"requirements file not found: {path}")
    except IsADirectoryError:
        raise BadInput(f"requirements path is a directory, not a file: {path}")
    except OSError as exc:
        raise BadInput(f"cannot read requirements file {path}: {exc.strerror or exc}")
    if b"\0" in raw[:8192]:
        raise BadInput(f"{path} is not a text requirements file (binary content)")
    text = raw.decode("utf-8-sig", errors="replace")
    _read_lines(text, str(path), path.parent, result, target, constraint, seen)


def _logical_lines(text: str) -> Iterable[Tuple[int, str]]:
    """Join backslash continuations and strip comments, as pip does."""
    buf: List[str] = []
    start = 0
    for no, line in enumerate(text.splitlines(), 1):
        if not buf:
            start = no
        if line.endswith("\\") and not _COMMENT.search(line[:-1]):
            buf.append(line[:-1])
            continue
        buf.append(line)
        joined = _COMMENT.sub("", " ".join(buf)).strip()
        buf = []
        if joined:
            yield start, joined
    if buf:
        joined = _COMMENT.sub("", " ".join(buf)).strip()
        if joined:
            yield start, joined


def _read_lines(text: str, where: str, base: Path, result: PinSet, target: Optional[Target], constraint: bool, seen: Set[Path]) -> None:
    for no, line in _logical_lines(text):
        loc = f"{where}:{no}"
        line = _ENV_VAR.sub(lambda m: os.environ.get(m.group(1), m.group(0)), line)
        if line.startswith("-"):
            _read_option(line, loc, base, result, target, constraint, seen)
            continue
        # Per-requirement options (--hash=..., --config-settings) follow the requirement.
        req_text = _REQ_OPTION.split(" " + line, maxsplit=1)[0].strip()
        if re.match(r"^(\.|/|~|[a-zA-Z]:\\|file:|https?:|git\+)", req_text) and " @ " not in req_text:
            result.warnings.append(f"{loc}: {redact(req_text)} is a path or URL without a name; skipped")
            continue
        pin = parse_requirement_line(req_text, loc)
        if target is not None and pin.marker:
            pin.active = target.evaluate(Marker(pin.marker))
        (result.constraints if constraint else result.pins).append(pin)


def _read_option(line: str, loc: str, base: Path, result: PinSet, target: Optional[Target], constraint: bool, seen: Set[Path]) -> None:
    m = re.match(r"^(-[a-zA-Z]|--[a-z-]+)(?:\s*=\s*|\s+)?(.*)$", line)
    opt, value = (m.group(1), m.group(2).strip()) if m else (line, "")
    if opt in ("-r", "--requirement", "-c", "--constraint"):
        if not value:
            raise BadInput(f"{loc}: {opt} needs a file name")
        if re.match(r"^https?://", value):
            result.warnings.append(f"{loc}: remote include {redact(value)} not followed")
            return
        inc = Path(value) if os.path.isabs(value) else base / value
        is_constraint = constraint or opt in ("-c", "--constraint")
        _read_file(inc, result, target, is_constraint, seen)
    elif opt in ("-i", "--index-url"):
        result.index_url = value
    elif opt == "--extra-index-url":
        result.extra_index_urls.append(value)
    elif opt in ("-f", "--find-links"):
        result.find_links.append(value if re.match(r"^\w+://", value) or os.path.isabs(value) else str(base / value))
    elif opt in ("-e", "--editable"):
        result.warnings.append(f"{loc}: editable requirement {redact(value)} is the project itself; skipped")
    elif opt in _VALUE_OPTIONS or opt.startswith("--"):
        pass  # options that do not change what the set holds
    else:
        raise BadInput(f"{loc}: unknown option {redact(opt.split()[0] if opt.split() else opt)[:100]!r}")


def format_pins(pins: List[Pin], versions: Dict[str, str]) -> str:
    """The strict artifact: one ``name==version`` line per input package, in order."""
    lines = []
    for pin in pins:
        version = versions.get(pin.key) or pin.version
        if version is None:
            raise ValueError(f"no exact version chosen for {pin.name}")
        lines.append(f"{pin.name}=={version}")
    return "\n".join(lines) + ("\n" if lines else "")
