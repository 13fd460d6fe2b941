"""The target interpreter: the Python and platform the pins must work on.

The target is often not the running interpreter (a crash pasted from a CPython
3.7 machine is analysed here on 3.11), so everything that depends on the
interpreter -- wheel tags, environment markers, Requires-Python -- is computed
from this record, never from ``sys``.  ``Marker.evaluate`` silently fills any
missing key from the host, so :meth:`Target.marker_env` always returns a
complete environment (checked against packaging's own key list).
"""

from __future__ import annotations

import platform as _platform
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import Dict, List, Optional, Tuple

from packaging import tags
from packaging.markers import Marker, default_environment
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from .errors import BadInput

# Highest glibc minor we assume for a plain "linux" target: new enough that
# manylinux_2_28 wheels count, as on any current distribution.
DEFAULT_GLIBC = (2, 35)

_ARCH_ALIASES = {"amd64": "x86_64", "x64": "x86_64", "arm64": "aarch64", "i686": "i686", "x86": "i686"}


@dataclass(frozen=True)
class Target:
    """A Python version, implementation and platform to resolve for."""

    python: Tuple[int, ...]  # (3, 7) or (3, 7, 9)
    system: str  # "linux" | "darwin" | "win32"
    machine: str  # "x86_64", "aarch64", "arm64", "AMD64", ...
    platforms: Tuple[str, ...] = field(default=())  # wheel platform tags, best first
    implementation: str = "cp"
    label: str = ""  # how the user named the platform

    # -- construction -------------------------------------------------
    @classmethod
    def current(cls) -> "Target":
        return cls.from_spec(None, None)

    @classmethod
    def from_spec(cls, python: Optional[str], platform: Optional[str]) -> "Target":
        """Build a target from ``--python`` / ``--platform`` style strings.

        ``python``: "3.7", "3.7.9", "cp37", "37" or None (the running one).
        ``platform``: None (the running one), "linux", "linux x86_64",
        "manylinux_2_17_x86_64", "x86_64-manylinux_2_17" (uv's spelling),
        "macosx_11_0_arm64", "macos", "win_amd64", "windows".
        """
        version = _parse_python(python) if python else tuple(sys.version_info[:3])
        if platform is None or platform.strip() == "":
            return _running_target(version)
        return _named_target(version, platform.strip())

    # -- derived facts ------------------------------------------------
    @property
    def python_version(self) -> str:
        """``X.Y`` as in the ``python_version`` marker."""
        return f"{self.python[0]}.{self.python[1]}"

    @property
    def python_full_version(self) -> str:
        """``X.Y.Z``; a target given as ``X.Y`` is taken as ``X.Y.0``."""
        parts = list(self.python) + [0] * (3 - len(self.python))
        return ".".join(str(p) for p in parts[:3])

    @cached_property
    def tags(self) -> List[tags.Tag]:
        """Wheel tags this target installs, most preferred first (pip's order)."""
        pyver = self.python[:2]
        plats = list(self.platforms)
        out = list(tags.cpython_tags(pyver, platforms=plats))
        out += list(tags.compatible_tags(pyver, f"cp{pyver[0]}{pyver[1]}", platforms=plats))
        return out

    @cached_property
    def tag_rank(self) -> Dict[tags.Tag, int]:
        """Lower is better; used to pick the best wheel of a release."""
        return {t: i for i, t in enumerate(self.tags)}

    def supports_wheel(self, filename: str) -> Optional[int]:
        """Rank of the best tag of ``filename`` for this target, None if none fits.

        Resolution asks this for every file of every release of every pin (tens
        of thousands of calls for a large environment), and files of one project
        share a handful of tag triples: the answer is memoised per triple.
        """
        stem = filename[:-4] if filename.endswith(".whl") else filename
        parts = stem.split("-")
        if len(parts) not in (5, 6):
            return None
        triple = "-".join(parts[-3:])
        memo = self._tag_memo
        if triple not in memo:
            try:
                wtags = tags.parse_tag(triple)
            except Exception:
                memo[triple] = None
            else:
                ranks = [self.tag_rank[t] for t in wtags if t in self.tag_rank]
                memo[triple] = min(ranks) if ranks else None
        return memo[triple]

    @cached_property
    def _tag_memo(self) -> Dict[str, Optional[int]]:
        return {}

    def marker_env(self, extra: str = "") -> Dict[str, str]:
        """A complete PEP 508 environment for this target.

        Every key packaging knows is set, so evaluation never falls back to the
        host interpreter.
        """
        osname = {"win32": "nt"}.get(self.system, "posix")
        platform_system = {"linux": "Linux", "darwin": "Darwin", "win32": "Windows"}[self.system]
        env = {
            "implementation_name": "cpython",
            "implementation_version": self.python_full_version,
            "os_name": osname,
            "platform_machine": self.machine,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": platform_system,
            "platform_version": "",
            "python_full_version": self.python_full_version,
            "python_version": self.python_version,
            "sys_platform": self.system,
            "extra": extra,
        }
        missing = set(default_environment()) - set(env)
        for key in missing:  # newer packaging keys (e.g. PEP 751's): neutral values
            env[key] = ""  # pragma: no cover - depends on packaging version
        return env

    def evaluate(self, marker: Optional[Marker], extra: str = "") -> bool:
        """Evaluate a marker for this target (True for no marker)."""
        if marker is None:
            return True
        try:
            return bool(marker.evaluate(self.marker_env(extra)))
        except Exception:
            return False

    def allows_python(self, requires_python: Optional[str]) -> bool:
        """Whether a Requires-Python string admits this target (unparsable: True, as pip).

        Memoised per string: a project's files repeat the same few values.
        """
        if not requires_python or not requires_python.strip():
            return True
        memo = self._python_memo
        if requires_python not in memo:
            try:
                spec = SpecifierSet(requires_python)
            except InvalidSpecifier:
                memo[requires_python] = True
            else:
                memo[requires_python] = spec.contains(Version(self.python_full_version), prereleases=True)
        return memo[requires_python]

    @cached_property
    def _python_memo(self) -> Dict[str, bool]:
        return {}

    def describe(self) -> str:
        plat = self.label or (self.platforms[0] if self.platforms else self.system)
        return f"CPython {'.'.join(map(str, self.python))} on {plat}"

    def to_dict(self) -> Dict[str, object]:
        return {
            "python": ".".join(map(str, self.python)),
            "implementation": "cpython",
            "system": self.system,
            "machine": self.machine,
            "platform": self.label or (self.platforms[0] if self.platforms else ""),
        }


# -- parsing helpers -------------------------------------------------------

def _parse_python(text: str) -> Tuple[int, ...]:
    t = text.strip().lower()
    t = t[2:] if t.startswith(("cp", "py")) else t
    if re.fullmatch(r"\d{2,3}", t):
        return (int(t[0]), int(t[1:]))
    m = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?", t)
    if not m or int(m.group(1)) not in (2, 3):
        raise BadInput(f"not a Python version: {text!r} (expected e.g. 3.7 or 3.7.9)")
    return tuple(int(g) for g in m.groups() if g is not None)


def _linux_platforms(arch: str, glibc: Tuple[int, int] = DEFAULT_GLIBC) -> Tuple[str, ...]:
    legacy = {(2, 17): "manylinux2014", (2, 12): "manylinux2010", (2, 5): "manylinux1"}
    out: List[str] = []
    for minor in range(glibc[1], 4, -1):
        out.append(f"manylinux_2_{minor}_{arch}")
        name = legacy.get((2, minor))
        if name and (minor == 17 or arch in ("x86_64", "i686")):
            out.append(f"{name}_{arch}")
    out.append(f"linux_{arch}")
    return tuple(out)


def _mac_platforms(version: Tuple[int, int], arch: str) -> Tuple[str, ...]:
    return tuple(tags.mac_platforms(version, arch))


def _running_target(version: Tuple[int, ...]) -> Target:
    system = sys.platform if sys.platform in ("linux", "darwin", "win32") else "linux"
    plats = tuple(dict.fromkeys(t.platform for t in tags.sys_tags()))
    return Target(python=version, system=system, machine=_platform.machine(), platforms=plats, label=plats[0] if plats else "")


def _named_target(version: Tuple[int, ...], spec: str) -> Target:
    s = spec.lower().replace("-", "_").replace(" ", "_")
    # uv spelling: x86_64_manylinux_2_17 (after replacing '-')
    m = re.fullmatch(r"(x86_64|aarch64|i686)_manylinux_?2_?(\d+)", s)
    if m:
        arch, minor = m.group(1), int(m.group(2))
        return Target(version, "linux", arch, _linux_platforms(arch, (2, minor)), label=f"manylinux_2_{minor}_{arch}")
    m = re.fullmatch(r"manylinux_2_(\d+)_(\w+)", s)
    if m:
        arch = _ARCH_ALIASES.get(m.group(2), m.group(2))
        return Target(version, "linux", arch, _linux_platforms(arch, (2, int(m.group(1)))), label=spec)
    legacy = {"manylinux2014": 17, "manylinux2010": 12, "manylinux1": 5}
    m = re.fullmatch(r"(manylinux2014|manylinux2010|manylinux1)_(\w+)", s)
    if m:
        arch = m.group(2)
        return Target(version, "linux", arch, _linux_platforms(arch, (2, legacy[m.group(1)])), label=spec)
    m = re.fullmatch(r"linux(?:_(\w+))?", s)
    if m:
        arch = _ARCH_ALIASES.get(m.group(1) or "x86_64", m.group(1) or "x86_64")
        return Target(version, "linux", arch, _linux_platforms(arch), label=f"linux {arch}")
    m = re.fullmatch(r"(?:macosx|macos|darwin)(?:_(\d+)_(\d+))?(?:_(\w+))?", s)
    if m:
        major = int(m.group(1) or 11)
        minor = int(m.group(2) or 0)
        arch = m.group(3) or "arm64"
        arch = {"aarch64": "arm64"}.get(arch, arch)
        return Target(version, "darwin", arch, _mac_platforms((major, minor), arch), label=f"macosx_{major}_{minor}_{arch}")
    m = re.fullmatch(r"(?:win|windows)(?:_?(amd64|x86_64|32|arm64))?", s)
    if m:
        arch = {"amd64": "win_amd64", "x86_64": "win_amd64", "32": "win32", "arm64": "win_arm64", None: "win_amd64"}[m.group(1)]
        machine = {"win_amd64": "AMD64", "win32": "x86", "win_arm64": "ARM64"}[arch]
        return Target(version, "win32", machine, (arch,), label=arch)
    raise BadInput(
        f"unknown platform {spec!r}: use e.g. 'linux x86_64', 'manylinux_2_17_x86_64', 'macosx_11_0_arm64' or 'win_amd64'"
    )
