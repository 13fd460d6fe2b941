"""The compatibility matrix: what the pins declare about each other, for the target.

Every pin is checked against every other pin's Requires-Dist (markers
evaluated for the target, with the extras the pin line asks for), against its
own Requires-Python, and against what the index offers for the target (a
wheel, or at least an sdist).  Dependencies that are not in the set are
reported, never added: the set is the user's.  This is `pip check` for an
interpreter you do not have to install.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from ..errors import IndexUnavailable, PackageNotFound
from ..models import Constraint, Culprit
from ..requirements import PinSet
from ..target import Target

# How many releases of a requirer to read when looking for one that admits a pin.
SCAN_LIMIT = 12


@dataclass
class Conflict:
    """``requirer==requirer_version`` requires ``requirement`` and the set pins ``name==version`` outside it."""

    requirer: str
    requirer_version: str
    requirement: str  # as the metadata states it, e.g. "jinja2>=2.10.1,<3.0"
    name: str  # the dependency, as the set spells it
    version: str
    specifier: str  # the requirement's specifier alone

    def describe(self) -> str:
        return f"{self.requirer}=={self.requirer_version} requires {self.requirement}, but the set pins {self.name}=={self.version}"


@dataclass
class MatrixReport:
    """The declared (in)consistency of a pin set for one target."""

    target: Dict[str, Any] = field(default_factory=dict)
    checked: int = 0
    conflicts: List[Conflict] = field(default_factory=list)
    missing: List[Tuple[str, str]] = field(default_factory=list)  # (requirement, required by "name==ver")
    python_incompatible: List[Tuple[str, str, str]] = field(default_factory=list)  # (name, version, Requires-Python)
    not_installable: List[Tuple[str, str, str]] = field(default_factory=list)  # (name, version, why)
    sdist_only: List[Tuple[str, str]] = field(default_factory=list)
    unpinned: List[str] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    # Filled lazily by demands(): alternatives per conflict.
    _index: Any = field(default=None, repr=False)
    _pins: Any = field(default=None, repr=False)
    _tgt: Any = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return not (self.conflicts or self.python_incompatible or self.not_installable)

    def conflicts_involving(self, name: str) -> List[Conflict]:
        key = canonicalize_name(name)
        return [c for c in self.conflicts if key in (canonicalize_name(c.name), canonicalize_name(c.requirer))]

    def to_dict(self) -> Dict[str, Any]:
        return {
            "target": self.target,
            "checked": self.checked,
            "ok": self.ok,
            "complete": not self.errors,  # every pin read; "ok" with errors is not a clean bill
            "conflicts": [dict(requirer=c.requirer, requirer_version=c.requirer_version, requirement=c.requirement,
                               name=c.name, version=c.version, message=c.describe()) for c in self.conflicts],
            "missing": [dict(requirement=r, required_by=b) for r, b in self.missing],
            "python_incompatible": [dict(name=n, version=v, requires_python=rp) for n, v, rp in self.python_incompatible],
            "not_installable": [dict(name=n, version=v, reason=w) for n, v, w in self.not_installable],
            "sdist_only": [dict(name=n, version=v) for n, v in self.sdist_only],
            "unpinned": list(self.unpinned),
            "errors": list(self.errors),
        }

    def demands(self, keep: Any = ()) -> List[List[Culprit]]:
        """For each declared problem, alternatives that would make the set consistent (best first).

        A conflict can be settled by moving the dependency into the range, or by
        moving the requirer to a release whose requirement admits the pinned
        dependency (found by reading a few neighbouring releases).  Keep-pins are
        never offered as the one to move.
        """
        keep_keys = {canonicalize_name(k) for k in keep}
        out: List[List[Culprit]] = []
        for c in self.conflicts:
            alts: List[Culprit] = []
            if canonicalize_name(c.name) not in keep_keys:
                alts.append(Culprit(c.name, c.specifier, 0.8, [c.describe()], "matrix"))
            if canonicalize_name(c.requirer) not in keep_keys and self._index is not None:
                spec = requirer_range_admitting(self._index, self._tgt, c.requirer, c.requirer_version, c.name, c.version)
                if spec:
                    alts.append(Culprit(c.requirer, spec, 0.6, [c.describe(), f"{c.requirer}{spec} admits {c.name}=={c.version}"], "matrix"))
            if alts:
                out.append(alts)
        for name, version, why in self.python_incompatible + self.not_installable:
            if canonicalize_name(name) in keep_keys or self._index is None:
                continue
            spec = nearest_installable(self._index, self._tgt, name, version)
            if spec:
                out.append([Culprit(name, spec, 0.7, [f"{name}=={version}: {why}"], "matrix")])
        return out


def _dependencies(meta: Any, target: Target, extras: Tuple[str, ...]) -> List[Requirement]:
    if hasattr(meta, "dependencies"):
        return list(meta.dependencies(target, extras))
    out = []
    for text in getattr(meta, "requires_dist", []) or []:
        try:
            req = Requirement(text)
        except Exception:
            continue
        if req.marker is None or any(target.evaluate(req.marker, extra=e) for e in ("",) + tuple(extras)):
            out.append(req)
    return out


def _find_release(index: Any, name: str, version: str) -> Any:
    want = Version(version)
    for r in index.releases(name):
        if r.version == want:
            return r
    return None


def check_matrix(pins: PinSet, target: Target, index: Any) -> MatrixReport:
    """Check every active pin against the others' declarations and the index, for ``target``."""
    report = MatrixReport(target=target.to_dict(), _index=index, _pins=pins, _tgt=target)
    members = {p.key: p for p in pins.pins if p.active}
    for pin in members.values():
        if not pin.version:
            report.unpinned.append(pin.name)
            continue
        report.checked += 1
        try:
            rel = _find_release(index, pin.name, pin.version)
        except IndexUnavailable:
            raise
        except PackageNotFound:
            report.not_installable.append((pin.name, pin.version, "the index has no project of that name"))
            continue
        except (InvalidVersion, Exception) as exc:  # noqa: B014 - any index error is one line of the report
            report.errors.append(f"{pin.name}=={pin.version}: {exc}")
            continue
        if rel is None:
            report.not_installable.append((pin.name, pin.version, "the index has no release of that version"))
            continue
        how = rel.installable(target) if hasattr(rel, "installable") else "wheel"
        if how is None:
            rp = getattr(rel, "requires_python", None)
            if rp and not target.allows_python(rp):
                report.python_incompatible.append((pin.name, pin.version, rp))
            else:
                report.not_installable.append((pin.name, pin.version, f"no wheel or sdist for {target.describe()}"))
        elif how == "sdist":
            report.sdist_only.append((pin.name, pin.version))
        try:
            meta = index.metadata(pin.name, pin.version)
        except IndexUnavailable:
            raise
        except Exception as exc:
            report.errors.append(f"{pin.name}=={pin.version}: metadata unavailable ({exc})")
            continue
        rp = getattr(meta, "requires_python", None)
        if how is not None and rp and not target.allows_python(rp):
            report.python_incompatible.append((pin.name, pin.version, rp))
        for req in _dependencies(meta, target, pin.extras):
            dep = members.get(canonicalize_name(req.name))
            if dep is None:
                entry = (str(req), f"{pin.name}=={pin.version}")
                if entry not in report.missing:
                    report.missing.append(entry)
                continue
            if not dep.version or not str(req.specifier):
                continue
            try:
                ok = req.specifier.contains(Version(dep.version), prereleases=True)
            except InvalidVersion:
                continue
            if not ok:
                report.conflicts.append(Conflict(pin.name, pin.version, str(req), dep.name, dep.version, str(req.specifier)))
    return report


def requirer_range_admitting(index: Any, target: Target, requirer: str, current: str, dep: str, dep_version: str) -> Optional[str]:
    """A specifier for ``requirer`` covering the nearest releases whose Requires-Dist admits ``dep==dep_version``.

    Reads at most :data:`SCAN_LIMIT` releases, nearest to ``current`` first
    (newer before older at equal distance, because a newer caller is the usual fix).
    """
    try:
        rels = [r for r in index.releases(requirer) if not r.version.is_prerelease]
        cur = Version(current)
        dv = Version(dep_version)
        declared = _dependencies(index.metadata(requirer, current), target, ())
    except Exception:
        return None
    if not any(canonicalize_name(r.name) == canonicalize_name(dep) and not r.specifier.contains(dv, prereleases=True)
               for r in declared):
        # The pinned requirer's metadata does not refuse it: the demand is a check in its code
        # (pandas' "requires version '1.1.0' or newer of 'xlrd'"), which no release's metadata answers.
        return None
    rels = [r for r in rels if (r.installable(target) if hasattr(r, "installable") else True)]
    pos = sorted(range(len(rels)), key=lambda i: (abs(_rank(rels, i, cur)), rels[i].version < cur))
    for i in pos[:SCAN_LIMIT]:
        v = rels[i].version
        if v == cur:
            continue
        try:
            meta = index.metadata(requirer, str(v))
        except Exception:
            continue
        ok = True
        for req in _dependencies(meta, target, ()):
            if canonicalize_name(req.name) == canonicalize_name(dep) and not req.specifier.contains(dv, prereleases=True):
                ok = False
        if ok:
            # The resolver re-checks every declaration; the range only says which way to move.
            return f">={v}" if v > cur else f"<={v}"
    return None


def _rank(rels: List[Any], i: int, cur: Version) -> int:
    """Signed distance in releases from the current version."""
    idx = next((j for j, r in enumerate(rels) if r.version >= cur), len(rels))
    return i - idx


def nearest_installable(index: Any, target: Target, name: str, current: str, *, wheel: bool = False) -> Optional[str]:
    """A specifier selecting the releases of ``name`` installable on ``target`` nearest to ``current``.

    ``wheel``: only releases that ship a wheel for the target count (when
    building the pinned sdist is what failed).
    """
    try:
        rels = index.releases(name)
        cur = Version(current)
    except Exception:
        return None
    want = ("wheel",) if wheel else ("wheel", "sdist")
    ok = [r.version for r in rels if not r.version.is_prerelease and r.installable(target) in want
          and target.allows_python(getattr(r, "requires_python", None))]
    if not ok:
        return None
    above = [v for v in ok if v > cur]
    below = [v for v in ok if v < cur]
    if above:  # too old for the target: the usual case; move forward as little as possible
        return f">={above[0]}"
    return f"<={below[-1]}"


def constraint(name: str, spec: str, reason: str = "") -> Constraint:
    return Constraint(name, spec, reason)
