"""The resolution problem as the search sees it: variables, domains, rules, costs.

One :class:`Problem` is built per call of :func:`pytest_depfix.resolve.resolve`.
It knows, for every active package of the set, which versions are admissible
without looking at metadata (tags, yanked, pre-release, the user's own ranges,
keep-pins), and it fetches core metadata lazily -- only for the (name, version)
pairs the search actually examines -- so the number of fetches grows with the
packages examined and not with the size of the index.

Why a separate module: the search (``resolve_search``), the explanations
(``resolve_explain``) and the outer loop (``resolve``) all ask the same
questions ("does this version of A satisfy what B needs?"), and they must get
the same answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Collection, Dict, List, Mapping, Optional, Sequence, Set, Tuple

from packaging.requirements import Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from .errors import BadInput, PackageNotFound
from .models import Constraint, Culprit

# A per-package cost: (changed, left its major, left its minor, distance in
# releases, downgrade).  Costs of a whole answer are component-wise sums and
# compare lexicographically (an ordered group, so sums of lower bounds are
# lower bounds).
Cost = Tuple[int, ...]
ZERO: Cost = (0, 0, 0, 0, 0, 0)  # + the diagnosis-rank component, see Problem.cost_of


def add(a: Cost, b: Cost) -> Cost:
    return tuple(x + y for x, y in zip(a, b))


def spec_set(text: str, what: str) -> SpecifierSet:
    try:
        return SpecifierSet(text or "")
    except InvalidSpecifier:
        raise BadInput(f"{what}: not a version constraint: {text!r}")


def contains(spec: SpecifierSet, version: Version) -> bool:
    """Membership as an exact pin sees it: pre-releases count when named."""
    return spec.contains(version, prereleases=True)


@dataclass
class Dep:
    """One Requires-Dist line of a chosen version, on another package."""

    key: str  # canonical name of the required package
    spec: SpecifierSet
    text: str  # the requirement as written, for people
    extras: Tuple[str, ...] = ()


@dataclass
class Meta:
    """What the search needs from one version's core metadata."""

    ok: bool
    requires_python: Optional[str] = None
    deps: List[Dep] = field(default_factory=list)
    error: str = ""
    unverified: bool = False  # the version is not on the index, or is the pin with unreadable metadata: taken on trust


BUILD_STEPS = 1000  # release distance a candidate that must compile for the target counts as, on top of its own


def _builds_compiled(rel: Any, target: Any) -> bool:
    """Whether installing ``rel`` on the target means compiling C code its release never built for that Python.

    Only its sdist fits, its wheels are platform wheels (a pure package's sdist builds
    anywhere), and none of them, for any platform, is for the target's CPython: the release
    came before that Python (aiohttp 3.7.4 for 3.11).  A release with a wheel for the target's
    Python on another platform (tornado 4.5.3's Windows cp36 wheels, its Linux build from the
    sdist) was built for it, and is not ranked down.
    """
    try:
        if rel.installable(target) != "sdist":
            return False
        names = [f.filename[:-4] for f in rel.files if f.filename.lower().endswith(".whl")]
    except Exception:
        return False
    py = tuple(getattr(target, "python", ())[:2])
    if len(py) < 2:
        return False
    platform_wheels = False
    for name in names:
        parts = name.split("-")
        if len(parts) < 5:
            continue
        pytags, abi, plat = parts[-3].split("."), parts[-2], parts[-1]
        if plat == "any":
            continue
        platform_wheels = True
        for tag in pytags:
            m = re.fullmatch(r"cp(\d)(\d+)", tag)
            if m and (int(m.group(1)), int(m.group(2))) == py:
                return False
            if m and "abi3" in abi and (int(m.group(1)), int(m.group(2))) <= py:
                return False
            p = re.fullmatch(r"py(\d)(\d*)", tag)
            if p and int(p.group(1)) == py[0] and (not p.group(2) or int(p.group(2)) <= py[1]):
                return False  # a py3 / py37 platform wheel runs on this Python as it is
    return platform_wheels


@dataclass
class Var:
    """One active package of the set."""

    key: str
    name: str  # as the input spells it
    order: int  # position in the input
    current: Optional[Version]  # None: the line was not an exact pin
    current_text: Optional[str]  # the user's spelling of the version
    extras: Tuple[str, ...]
    keep: Optional[Version] = None
    hard: List[Tuple[SpecifierSet, str]] = field(default_factory=list)  # (spec, why)
    releases: Dict[Version, Any] = field(default_factory=dict)
    version_text: Dict[Version, str] = field(default_factory=dict)  # what to ask the index for
    domain: List[Version] = field(default_factory=list)  # admissible, cheapest first
    excluded: Dict[Version, Tuple[str, str]] = field(default_factory=dict)  # version -> (kind, why)
    position: Dict[Version, int] = field(default_factory=dict)  # rank among releases
    costs: Dict[Version, Cost] = field(default_factory=dict)
    compiles: Set[Version] = field(default_factory=set)  # candidates that must compile for the target
    not_found: bool = False

    @property
    def movable(self) -> bool:
        return self.keep is None

    @property
    def fixed_value(self) -> Optional[Version]:
        return self.keep if self.keep is not None else self.current

    def label(self, v: Optional[Version]) -> str:
        return f"{self.name}=={self.text(v)}" if v is not None else self.name

    def text(self, v: Optional[Version]) -> str:
        if v is None:
            return "?"
        if self.current is not None and v == self.current and self.current_text:
            return self.current_text
        return self.version_text.get(v, str(v))


@dataclass
class Alternative:
    """One culprit of a demand: its constraint plus its ``together`` constraints."""

    culprit: Culprit
    rank: int  # 0 = most confident
    parts: List[Tuple[str, SpecifierSet, str]]  # (key, spec, text)


@dataclass
class Demand:
    index: int  # crash number, 1-based
    alternatives: List[Alternative]
    dropped: List[str] = field(default_factory=list)  # alternatives naming packages not in the set


class Problem:
    """Variables, domains and rules for one resolve() call."""

    def __init__(
        self,
        pins: Any,
        target: Any,
        index: Any,
        keep: Mapping[str, str],
        demands: Sequence[Sequence[Culprit]],
        constraints: Sequence[Constraint],
        hold: Collection[str] = (),
    ) -> None:
        self.target = target
        self.index = index
        # Pins kept as installed even where the index has no file for the target (the crash is not
        # a version problem, and the pin came from another index): taken on trust, with a note.
        self.hold = set(hold)
        self.notes: List[str] = []
        self.vars: Dict[str, Var] = {}
        self.inactive: List[Any] = []
        self.all_pins = list(pins)
        self.meta_cache: Dict[Tuple[str, Version, Tuple[str, ...]], Meta] = {}
        self.raw_cache: Dict[Tuple[str, Version], Any] = {}
        self.metadata_requested = 0
        self.candidates_examined = 0
        for i, pin in enumerate(self.all_pins):
            if not pin.active:
                self.inactive.append(pin)
                continue
            if pin.key in self.vars:
                continue
            cur = _version(pin.version) if pin.version else None
            var = Var(pin.key, pin.name, i, cur, pin.version, tuple(pin.extras))
            if pin.version is None and pin.specifier:
                var.hard.append((spec_set(pin.specifier, pin.name), f"your line {pin.name}{pin.specifier}"))
            self.vars[pin.key] = var
        for name, ver in (keep or {}).items():
            key = canonicalize_name(name)
            var = self.vars.get(key)
            if var is None:
                self.notes.append(f"keep {name}=={ver}: not an active package of the set; ignored")
                continue
            var.keep = _version(ver)
            var.version_text[var.keep] = ver
        for c in list(constraints) + [_pin_constraint(p) for p in getattr(pins, "constraints", []) if p.active]:
            if c is None:
                continue
            key = canonicalize_name(c.name)
            var = self.vars.get(key)
            if var is None:
                self.notes.append(f"constraint {c.name}{c.specifier}: not an active package of the set; ignored")
                continue
            var.hard.append((spec_set(c.specifier, c.name), c.reason or f"constraint {c.name}{c.specifier}"))
        self.demands: List[Demand] = []
        for i, alts in enumerate(demands, 1):
            if not alts:
                continue
            ranked = sorted(enumerate(alts), key=lambda t: (-float(t[1].confidence), t[0]))
            demand = Demand(i, [])
            for rank, (_, cul) in enumerate(ranked):
                parts = [(canonicalize_name(cul.name), spec_set(cul.constraint, cul.name), f"{cul.name}{cul.constraint}")]
                parts += [(canonicalize_name(t.name), spec_set(t.specifier, t.name), f"{t.name}{t.specifier}") for t in cul.together]
                absent = [t for k, _, t in parts if k not in self.vars]
                if absent:
                    demand.dropped.append(f"{cul.name}{cul.constraint} (names {', '.join(absent)}, not in the set)")
                    continue
                demand.alternatives.append(Alternative(cul, rank, parts))
            self.demands.append(demand)
        self.demands_of: Dict[str, List[Demand]] = {}
        for d in self.demands:
            for alt in d.alternatives:
                for k, _, _ in alt.parts:
                    if d not in self.demands_of.setdefault(k, []):
                        self.demands_of[k].append(d)
        self.extras_wanted: Dict[str, Set[str]] = {k: set(v.extras) for k, v in self.vars.items()}
        self._load_releases()

    # -- releases and static domains ------------------------------------
    def _load_releases(self) -> None:
        for var in self.vars.values():
            try:
                releases = self.index.releases(var.key)
            except PackageNotFound:
                releases = []
                var.not_found = True
                self.notes.append(f"{var.name}: not found on the index; kept as pinned, its requirements unchecked")
            for rel in releases:
                var.releases[rel.version] = rel
                var.version_text.setdefault(rel.version, str(rel.version))
            self._build_domain(var)

    def _build_domain(self, var: Var) -> None:
        cur = var.current
        pre_ok = cur is not None and cur.is_prerelease
        versions = sorted(var.releases)
        for v in versions:
            rel = var.releases[v]
            why = self._static_exclusion(var, v, rel, pre_ok)
            if why:
                var.excluded[v] = why
            else:
                var.domain.append(v)
        # The user's own version is admissible even when the index does not list it
        # (a local build such as 1.8.0+cu111 from another index): taken on trust.
        for own in (var.keep, cur):
            if own is not None and own not in var.releases and own not in var.domain:
                if not any(not contains(s, own) for s, _ in var.hard) and (var.keep is None or own == var.keep):
                    var.domain.append(own)
                    self.notes.append(f"{var.label(own)}: not listed by the index; kept as given, its requirements unchecked")
        # Distance counts the releases a user steps over: a pre-release between 4.9.0 and 4.10.0
        # (4.10.0rc1) is no step, unless the pin itself is a pre-release and they are candidates.
        steps = [v for v in versions if pre_ok or not (v.is_prerelease or v.is_devrelease)]
        allv = sorted(set(steps) | set(var.domain) | {o for o in (cur, var.keep) if o is not None})
        var.position = {v: i for i, v in enumerate(allv)}
        newest = len(allv) - 1
        for v in var.domain:
            var.costs[v] = self.move_cost(var, v, newest)
            if v != cur and v in var.releases and _builds_compiled(var.releases[v], self.target):
                # aiohttp 3.7.4 ships wheels up to CPython 3.9 and an sdist: on 3.11 pip must compile
                # its C code, which fails; a release with a wheel for the target ranks first (3.8.3).
                c = var.costs[v]
                var.costs[v] = (c[0], c[1], c[2], c[3] + BUILD_STEPS, c[4])
                var.compiles.add(v)
        var.domain.sort(key=lambda v: (var.costs[v], -var.position[v]))

    def _static_exclusion(self, var: Var, v: Version, rel: Any, pre_ok: bool) -> Optional[Tuple[str, str]]:
        own = v == var.current or v == var.keep
        if var.keep is not None and v != var.keep:
            return ("keep", f"you keep {var.name}=={var.text(var.keep)}")
        kind = rel.installable(self.target)
        if kind is None and v == var.current and var.key in self.hold:
            self.notes.append(f"{var.label(v)}: the index has no file for {self.target.describe()}; kept as "
                              f"installed, since the crash is not a version problem (it came from another index?)")
            return None
        if kind is None:
            rp = rel.requires_python
            if rp and not self.target.allows_python(rp):
                return ("python", f"requires Python {rp}")
            return ("platform", f"has no wheel for {self.target.describe()} and no sdist")
        if rel.yanked and not own:
            return ("yanked", "is yanked")
        if v.is_prerelease and not pre_ok and not own:
            return ("pre", "is a pre-release")
        for spec, why in var.hard:
            if not contains(spec, v):
                return ("constraint", f"is outside {spec or '(empty)'} ({why})")
        return None

    def move_cost(self, var: Var, v: Version, newest: int) -> Cost:
        cur = var.current
        if cur is None:
            return (1, 0, 0, newest - var.position[v], 0)
        if v == cur:
            return (0, 0, 0, 0, 0)
        major = int(v.release[:1] != cur.release[:1])
        minor = int(v.release[:2] != cur.release[:2])
        dist = abs(var.position[v] - var.position[cur])
        return (1, major, minor, dist, int(v < cur))

    # -- metadata ---------------------------------------------------------
    def meta(self, key: str, v: Version) -> Meta:
        """Digest of one version's metadata, with the extras members ask of it."""
        extras = tuple(sorted(self.extras_wanted.get(key, ())))
        got = self.meta_cache.get((key, v, extras))
        if got is None:
            if (key, v) not in self.raw_cache:
                self.prefetch(key, [v])
            raw = self.raw_cache[(key, v)]
            if raw is None:
                got = Meta(True, unverified=True)
            elif isinstance(raw, BaseException) and v == self.vars[key].current:
                # The pinned release is the one that ran: metadata it ships unreadably (Twisted 11.1.0's
                # sdist has no PKG-INFO), or that an unreachable index cannot give, is taken on trust,
                # as a pin the index does not list is, and the report says so; a pin never moves for it.
                got = Meta(True, unverified=True, error=_short(raw))
                note = f"{self.vars[key].label(v)}: metadata unreadable ({_short(raw)}); kept as pinned, its requirements unchecked"
                if note not in self.notes:
                    self.notes.append(note)
            elif isinstance(raw, BaseException):
                got = Meta(False, error=_short(raw))
            else:
                got = self._digest(key, raw, extras)
            self.meta_cache[(key, v, extras)] = got
        return got

    def prefetch(self, key: str, versions: Sequence[Version]) -> None:
        """Fetch metadata for versions not yet known, in one batch."""
        var = self.vars[key]
        todo = [v for v in versions if (key, v) not in self.raw_cache]
        ask = [v for v in todo if v in var.releases and not var.not_found]
        for v in todo:
            if v not in ask:
                self.raw_cache[(key, v)] = None  # not on the index: taken on trust
        if not ask:
            return
        pairs = [(key, var.version_text[v]) for v in ask]
        self.metadata_requested += len(pairs)
        results = self.index.metadata_many(pairs) if len(pairs) > 1 else _one(self.index, pairs[0])
        for v, pair in zip(ask, pairs):
            res = results.get(pair)
            self.raw_cache[(key, v)] = res if res is not None else LookupError("no metadata")

    def prefetch_many(self, pairs: Sequence[Tuple[str, Version]]) -> None:
        """One batch across packages (the first look at the whole set)."""
        ask = []
        for key, v in pairs:
            var = self.vars[key]
            if (key, v) in self.raw_cache:
                continue
            if v in var.releases and not var.not_found:
                ask.append((key, v))
            else:
                self.raw_cache[(key, v)] = None
        if not ask:
            return
        texts = [(k, self.vars[k].version_text[v]) for k, v in ask]
        self.metadata_requested += len(texts)
        results = self.index.metadata_many(texts)
        for (k, v), pair in zip(ask, texts):
            res = results.get(pair)
            self.raw_cache[(k, v)] = res if res is not None else LookupError("no metadata")

    def _digest(self, key: str, md: Any, extras: Tuple[str, ...]) -> Meta:
        deps: List[Dep] = []
        for req in md.dependencies(self.target, extras=extras):
            if isinstance(req, str):
                req = Requirement(req)
            dkey = canonicalize_name(req.name)
            if dkey == key:
                continue  # a package naming its own extras
            text = str(req).split(";")[0].strip()
            deps.append(Dep(dkey, req.specifier, text, tuple(sorted(req.extras))))
        return Meta(True, requires_python=md.requires_python, deps=deps)

    def widen_extras(self, assignment: Mapping[str, Version]) -> bool:
        """Extras that chosen versions request on members become those members' needs.

        Returns True when a new extra appeared; later digests then include the
        dependencies it brings.
        """
        grew = False
        for key, v in assignment.items():
            for dep in self.meta(key, v).deps:
                if dep.extras and dep.key in self.extras_wanted:
                    new = set(dep.extras) - self.extras_wanted[dep.key]
                    if new:
                        self.extras_wanted[dep.key] |= new
                        grew = True
        return grew

    def python_ok(self, key: str, v: Version) -> bool:
        m = self.meta(key, v)
        return self.target.allows_python(m.requires_python)

    # -- rules ----------------------------------------------------------
    def member(self, key: str) -> bool:
        return key in self.vars

    def demand_state(self, demand: Demand, value: Mapping[str, Version]) -> Tuple[Optional[int], List[str]]:
        """Best satisfied alternative rank (None: none can still hold) and killers.

        Unassigned packages leave an alternative open.  ``killers`` names, per
        dead alternative, the first package whose value kills it.
        """
        best: Optional[int] = None
        killers: List[str] = []
        open_alt = False
        for alt in demand.alternatives:
            dead_by: List[str] = []
            complete = True
            for key, spec, _ in alt.parts:
                val = value.get(key)
                if val is None:
                    complete = False
                elif not contains(spec, val):
                    dead_by.append(key)
            if dead_by:
                # A kept package kills the alternative for good: name it first.
                dead_by.sort(key=lambda k: self.vars[k].movable)
                killers.append(dead_by[0])
            elif complete:
                best = alt.rank if best is None else min(best, alt.rank)
            else:
                open_alt = True
        if best is None and open_alt:
            return -1, killers  # still possible
        return best, killers


def _version(text: str) -> Version:
    try:
        return Version(text)
    except InvalidVersion:
        raise BadInput(f"not a version: {text!r}")


def _pin_constraint(pin: Any) -> Optional[Constraint]:
    if not pin.specifier:
        return None
    return Constraint(pin.name, pin.specifier, f"constraints file {pin.source or ''}".strip())


def _one(index: Any, pair: Tuple[str, str]) -> Dict[Tuple[str, str], Any]:
    try:
        return {pair: index.metadata(*pair)}
    except Exception as exc:  # recorded as this version's failure, not the run's
        return {pair: exc}


def _short(exc: Any) -> str:
    if exc is None:
        return "no metadata"
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
