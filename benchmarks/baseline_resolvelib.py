"""The baseline the exact resolver must beat: resolvelib + pip-tools' relax-and-retry loop.

Issue 4 asks for "a proven engine (resolvelib, as pip does) ... or an exact
optimiser if you show it is better".  This module is the first option, built
as faithfully as pip and pip-tools build it, over the same ``PackageIndex`` API
the exact resolver uses, so the two can be compared on the same inputs:

* a resolvelib ``AbstractProvider`` whose candidates come in order of distance
  from the current pin (current first, then the nearest releases in the same
  minor, the same major, then further; newest first for unpinned lines), with
  the same admissibility rules (installable for the target, yanked or
  pre-release only when it was the user's own pin, Requires-Python);
* ``get_preference`` working on backtrack causes first, then kept, then pinned
  packages (pip's order of business);
* keep-pins as exact root requirements, hard constraints and the chosen crash
  alternative as root requirements, the current pins as *constraints*
  (filters in ``find_matches``, like pip's ``-c``);
* pip-tools' outer loop: on ``ResolutionImpossible`` drop only the pins the
  causes name and retry, a bounded number of times.  ``names="requirement"``
  is pip-tools to the letter (the requirement's name only); the default
  ``names="both"`` also drops the pinned *parent* of a cause, without which
  pip-tools cannot even get past a one-level cascade.
* crash demands with several alternatives: ``alternatives="first"`` takes the
  most confident one (what a user following the diagnosis would do),
  ``"each"`` tries every combination and keeps the fewest changes.

Packages the set lacks are never added (requirements on them are ignored and
listed in ``missing``), as for the exact resolver.  Not part of the package:
it exists to be measured against.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version
from resolvelib import AbstractProvider, BaseReporter, Resolver
from resolvelib.resolvers import ResolutionImpossible, ResolutionTooDeep

from pytest_depfix.models import Change, Resolution

PYTHON = "<python>"  # pseudo-package carrying Requires-Python, as pip does


@dataclass(frozen=True)
class Req:
    key: str
    spec: SpecifierSet
    extras: Tuple[str, ...] = ()
    text: str = ""
    source: str = "root"  # root | pin | dep

    def __repr__(self) -> str:
        return self.text or f"{self.key}{self.spec}"


@dataclass(frozen=True)
class Cand:
    key: str
    version: Version
    extras: Tuple[str, ...] = ()


@dataclass
class BaselineStats:
    relax_rounds: int = 0
    resolvelib_rounds: int = 0
    metadata_calls: int = 0
    dropped: List[str] = field(default_factory=list)
    failure: str = ""


class PinProvider(AbstractProvider):
    """A resolvelib provider over one pinned set and a PackageIndex."""

    def __init__(self, index: Any, target: Any, members: Dict[str, Any], pinned: Mapping[str, Version],
                 kept: Set[str], stats: BaselineStats) -> None:
        self.index = index
        self.target = target
        self.members = members  # canonical key -> Pin (the active lines of the set)
        self.order = {k: i for i, k in enumerate(members)}
        self.pinned = dict(pinned)  # the outer loop's constraints: key -> version
        self.kept = kept
        self.stats = stats
        self._releases: Dict[str, List[Any]] = {}
        self._meta: Dict[Tuple[str, Version], Any] = {}

    # -- resolvelib API ------------------------------------------------------
    def identify(self, requirement_or_candidate):
        return requirement_or_candidate.key

    def get_preference(self, identifier, resolutions, candidates, information, backtrack_causes):
        causes = {c.requirement.key for c in backtrack_causes}
        return (identifier != PYTHON, identifier not in causes, identifier not in self.kept,
                identifier not in self.pinned, self.order.get(identifier, 0), identifier)

    def find_matches(self, identifier, requirements, incompatibilities):
        reqs = list(requirements[identifier])
        bad = {c.version for c in incompatibilities[identifier]}
        if identifier == PYTHON:
            py = Version(self.target.python_full_version)
            return [] if py in bad or not all(r.spec.contains(py, prereleases=True) for r in reqs) else [Cand(PYTHON, py)]
        extras = tuple(sorted({e for r in reqs for e in r.extras}))
        out = []
        for v in self._ordered(identifier):
            if v in bad or not all(r.spec.contains(v, prereleases=True) for r in reqs):
                continue
            pin = self.pinned.get(identifier)
            if pin is not None and v != pin:
                continue
            out.append(Cand(identifier, v, extras))
        return out

    def is_satisfied_by(self, requirement, candidate):
        if candidate.key == PYTHON:
            return requirement.spec.contains(candidate.version, prereleases=True)
        return (requirement.spec.contains(candidate.version, prereleases=True)
                and set(requirement.extras) <= set(candidate.extras))

    def get_dependencies(self, candidate):
        if candidate.key == PYTHON:
            return []
        md = self.metadata(candidate.key, candidate.version)
        out: List[Req] = []
        if md is None:
            return out
        if md.requires_python:
            out.append(Req(PYTHON, SpecifierSet(md.requires_python), (), f"Python{md.requires_python}", "dep"))
        for req in md.dependencies(self.target, extras=candidate.extras):
            key = canonicalize_name(req.name)
            if key == candidate.key or key not in self.members:
                continue  # the set is closed: packages it lacks are never added
            out.append(Req(key, req.specifier, tuple(sorted(req.extras)), str(req).split(";")[0].strip(), "dep"))
        return out

    # -- helpers ---------------------------------------------------------------
    def metadata(self, key: str, v: Version):
        got = self._meta.get((key, v), False)
        if got is False:
            rel = self._release(key, v)
            self.stats.metadata_calls += 1
            try:
                got = self.index.metadata(key, str(rel.version)) if rel is not None else None
            except Exception:
                got = None
            self._meta[(key, v)] = got
        return got

    def _release(self, key: str, v: Version):
        for rel in self.releases(key):
            if rel.version == v:
                return rel
        return None

    def releases(self, key: str) -> List[Any]:
        got = self._releases.get(key)
        if got is None:
            try:
                got = list(self.index.releases(key))
            except Exception:
                got = []
            self._releases[key] = got
        return got

    def _ordered(self, key: str) -> List[Version]:
        """Admissible versions, nearest to the current pin first (the lever for few changes)."""
        pin = self.members[key]
        cur = Version(pin.version) if pin.version else None
        pre_ok = cur is not None and cur.is_prerelease
        rels = self.releases(key)
        allv = sorted({r.version for r in rels} | ({cur} if cur is not None else set()))
        pos = {v: i for i, v in enumerate(allv)}
        ok: List[Version] = []
        for rel in rels:
            v = rel.version
            own = v == cur
            if rel.installable(self.target) is None:
                continue
            if rel.yanked and not own:
                continue
            if v.is_prerelease and not pre_ok and not own:
                continue
            ok.append(v)
        if cur is not None and cur not in ok and not any(r.version == cur for r in rels):
            ok.append(cur)  # the user's own local build, taken on trust

        def rank(v: Version):
            if cur is None:
                return (0, 0, 0, -pos[v], 0)
            if v == cur:
                return (0, 0, 0, 0, 0)
            return (int(v.release[:1] != cur.release[:1]), int(v.release[:2] != cur.release[:2]),
                    abs(pos[v] - pos[cur]), int(v < cur), 0)
        return sorted(ok, key=lambda v: (rank(v), -pos[v]))


def _members(pins: Any) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for pin in pins:
        if pin.active and pin.key not in out:
            out[pin.key] = pin
    return out


def _roots(members: Dict[str, Any], keep: Mapping[str, str], constraints: Sequence[Any], alts: Sequence[Any]) -> List[Req]:
    roots: List[Req] = []
    for key, pin in members.items():
        spec = pin.specifier if pin.version is None and pin.specifier else ""
        roots.append(Req(key, SpecifierSet(spec), tuple(pin.extras), f"{pin.name}{spec}", "root"))
    for name, ver in keep.items():
        key = canonicalize_name(name)
        if key in members:
            roots.append(Req(key, SpecifierSet(f"=={ver}"), (), f"{name}=={ver} (kept)", "root"))
    for c in constraints:
        key = canonicalize_name(c.name)
        if key in members and c.specifier:
            roots.append(Req(key, SpecifierSet(c.specifier), (), f"{c.name}{c.specifier}", "root"))
    for cul in alts:
        for name, spec in [(cul.name, cul.constraint)] + [(t.name, t.specifier) for t in cul.together]:
            roots.append(Req(canonicalize_name(name), SpecifierSet(spec), (), f"{name}{spec} (crash)", "root"))
    return roots


def _one(pins, target, index, members, keep, constraints, alts, names: str, max_relax: int,
         max_rounds: int, stats: BaselineStats) -> Optional[Dict[str, Version]]:
    """pip-tools' loop for one choice of crash alternatives; the chosen versions or None."""
    if any(canonicalize_name(c.name) not in members for c in alts):
        return None
    kept = {canonicalize_name(k) for k in keep}
    pinned = {k: Version(p.version) for k, p in members.items() if p.version and k not in kept}
    roots = _roots(members, keep, list(constraints) + [c for c in getattr(pins, "constraints", []) if c.active], alts)
    for _ in range(max_relax):
        stats.relax_rounds += 1
        provider = PinProvider(index, target, members, pinned, kept, stats)
        try:
            result = Resolver(provider, BaseReporter()).resolve(roots, max_rounds=max_rounds)
        except ResolutionImpossible as exc:
            named: Set[str] = set()
            for cause in exc.causes:
                named.add(cause.requirement.key)
                if names == "both" and cause.parent is not None:
                    named.add(cause.parent.key)
            drop = sorted(k for k in named if k in pinned)
            if not drop:
                stats.failure = "the causes name no pin left to drop: " + "; ".join(
                    f"{c.requirement!r} from {c.parent.key + '==' + str(c.parent.version) if c.parent else 'the root'}"
                    for c in exc.causes)
                return None
            for k in drop:
                stats.dropped.append(k)
                del pinned[k]
            continue
        except ResolutionTooDeep:
            stats.failure = f"resolvelib gave up after {max_rounds} rounds"
            return None
        return {k: c.version for k, c in result.mapping.items() if k != PYTHON}
    stats.failure = f"still failing after {max_relax} relax rounds"
    return None


def _cost(members: Dict[str, Any], chosen: Dict[str, Version], index: Any) -> Tuple[int, ...]:
    changed = majors = minors = 0
    for key, pin in members.items():
        cur = Version(pin.version) if pin.version else None
        if cur is None or chosen[key] != cur:
            changed += 1
            if cur is not None:
                majors += chosen[key].release[:1] != cur.release[:1]
                minors += chosen[key].release[:2] != cur.release[:2]
    return (changed, majors, minors)


def resolve_baseline(pins: Any, target: Any, index: Any, *, keep: Mapping[str, str] = {},
                     demands: Sequence[Sequence[Any]] = (), constraints: Sequence[Any] = (),
                     alternatives: str = "first", names: str = "both", max_relax: int = 50,
                     max_rounds: int = 20000, max_combinations: int = 64) -> Resolution:
    """Exact pins for the same packages by resolvelib + relax-and-retry; a Resolution like resolve()'s."""
    started = time.perf_counter()
    before = _fetches(index)
    members = _members(pins)
    stats = BaselineStats()
    ranked = [sorted(alts, key=lambda c: -float(c.confidence)) for alts in demands if alts]
    if alternatives == "first":
        combos: Iterable[Tuple[Any, ...]] = [tuple(a[0] for a in ranked)]
    else:
        combos = itertools.islice(itertools.product(*ranked), max_combinations)
    best: Optional[Tuple[Tuple[int, ...], Dict[str, Version]]] = None
    for combo in combos:
        chosen = _one(pins, target, index, members, keep, constraints, combo, names, max_relax, max_rounds, stats)
        if chosen is None or set(chosen) != set(members):
            continue
        cost = _cost(members, chosen, index)
        if best is None or cost < best[0]:
            best = (cost, chosen)
    stats_out = dict(relax_rounds=stats.relax_rounds, metadata_calls=stats.metadata_calls, dropped=stats.dropped,
                     failure=stats.failure,
                     metadata_fetches=(_fetches(index) - before) if before is not None else None,
                     seconds=round(time.perf_counter() - started, 4))
    if best is None:
        res = Resolution(False, {p.key: p.version for p in pins if p.version},
                         conflict=["resolvelib + relax-and-retry found no answer" + (f" ({stats.failure})" if stats.failure else "")])
        res.stats.update(stats_out)
        return res
    chosen = best[1]
    versions: Dict[str, str] = {}
    changes: List[Change] = []
    for key, pin in members.items():
        v = chosen[key]
        same = pin.version is not None and Version(pin.version) == v
        versions[key] = pin.version if same else str(v)
        if not same:
            changes.append(Change(pin.name, pin.version, str(v), "resolvelib: pin dropped after a conflict named it"
                                  if key in stats.dropped else "resolvelib: chosen to satisfy the requirements"))
    for pin in pins:
        if pin.key not in versions and pin.version:
            versions[pin.key] = pin.version
    res = Resolution(True, versions, changes, missing=_missing(members, chosen, index, target))
    res.stats.update(stats_out)
    return res


def _missing(members, chosen, index, target) -> List[Tuple[str, str]]:
    """Requirements of the chosen versions on packages outside the set, with extras widened to a fixpoint."""
    extras = {k: set(p.extras) for k, p in members.items()}
    while True:
        deps = {k: index.metadata(k, _text(index, k, v)).dependencies(target, extras=sorted(extras[k]))
                if _text(index, k, v) else [] for k, v in chosen.items()}
        grew = False
        for reqs in deps.values():
            for req in reqs:
                dk = canonicalize_name(req.name)
                if dk in extras and not set(req.extras) <= extras[dk]:
                    extras[dk] |= set(req.extras)
                    grew = True
        if not grew:
            break
    out: List[Tuple[str, str]] = []
    for k, reqs in deps.items():
        for req in reqs:
            if canonicalize_name(req.name) not in members:
                item = (str(req).split(";")[0].strip(), f"{members[k].name}=={chosen[k]}")
                if item not in out:
                    out.append(item)
    return out


def _text(index, key, v) -> Optional[str]:
    try:
        for rel in index.releases(key):
            if rel.version == v:
                return str(rel.version)
    except Exception:
        return None
    return None


def _fetches(index: Any) -> Optional[int]:
    try:
        return int(index.stats.get("metadata_fetches", 0))
    except Exception:
        return None
