"""Exact search for one choice of "which packages may move".

``solve(problem, free)`` fixes every package outside ``free`` at its pinned
(or kept) version and finds the cheapest versions for the ``free`` ones by
branch and bound: candidates are tried cheapest first (the current version,
then the nearest releases in the same minor, the same major, then further),
forward checking prunes what assigned versions rule out, and a lower bound on
the remaining cost cuts the rest.  Metadata is fetched only for candidates the
search reaches.

When no answer exists it returns a *core*: the fixed, movable packages whose
pinned versions took part in ruling candidates out.  Any answer must move at
least one of them (the same search with only those packages fixed fails the
same way), which is what lets the outer loop in ``resolve`` prove that its
answer changes the fewest packages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from packaging.version import Version

from .resolve_problem import Cost, Problem, Var, contains

# Whole-answer cost: (changed, majors left, minors left, release distance,
# downgrades, diagnosis rank of the satisfied culprits).
FULL_ZERO: Cost = (0, 0, 0, 0, 0, 0)
PREFETCH_BATCH = 8


def full_cost(c: Cost) -> Cost:
    """A package's 5-part move cost in the 6-part answer order."""
    return (c[0], c[1], c[2], c[3], c[4], 0)


def addc(a: Cost, b: Cost) -> Cost:
    return tuple(x + y for x, y in zip(a, b))


@dataclass
class Rejection:
    key: str
    version: Optional[Version]
    kind: str  # python | platform | dep | required-by | demand | metadata | static | wipeout
    text: str
    because: Optional[str] = None  # the other package involved


@dataclass
class Violation:
    keys: FrozenSet[str]  # movable packages any fix must move one of
    kind: str
    text: str


@dataclass
class SolveResult:
    sat: bool
    assignment: Dict[str, Version] = field(default_factory=dict)
    cost: Optional[Cost] = None
    core: Optional[FrozenSet[str]] = None  # None with sat False: no answer cheaper than the bound
    unknown: bool = False  # the node budget ran out: the core is only a guess
    log: List[Rejection] = field(default_factory=list)
    nodes: int = 0


def describe_fixed(problem: Problem, key: str, value: Version) -> str:
    var = problem.vars[key]
    if var.keep is not None:
        return f"you keep {var.name}=={var.text(value)}"
    return f"{var.name} is pinned at {var.text(value)}"


def check(problem: Problem, value: Dict[str, Version]) -> List[Violation]:
    """Every rule over a (possibly partial) assignment; unassigned packages are open."""
    out: List[Violation] = []
    vars_ = problem.vars

    def movable(*keys: str) -> FrozenSet[str]:
        return frozenset(k for k in keys if vars_[k].movable and vars_[k].current is not None)

    for key, v in value.items():
        var = vars_[key]
        if v not in var.domain:
            kind, why = var.excluded.get(v, ("static", "is not available"))
            out.append(Violation(movable(key), "python" if kind == "python" else "static", f"{var.label(v)} {why}"))
            continue
        m = problem.meta(key, v)
        if not m.ok:
            out.append(Violation(movable(key), "metadata", f"{var.label(v)}: metadata unreadable ({m.error})"))
            continue
        if not problem.target.allows_python(m.requires_python):
            out.append(Violation(movable(key), "python", f"{var.label(v)} requires Python {m.requires_python}; the target is {problem.target.describe()}"))
        for dep in m.deps:
            if dep.key in value and not contains(dep.spec, value[dep.key]):
                out.append(Violation(movable(key, dep.key), "dep",
                                     f"{var.label(v)} requires {dep.text}; {describe_fixed(problem, dep.key, value[dep.key])}"))
    for demand in problem.demands:
        best, killers = problem.demand_state(demand, value)
        if best is None:
            names = ", ".join(a.parts[0][2] for a in demand.alternatives) or "no culprit in the set"
            out.append(Violation(movable(*killers), "demand", f"crash {demand.index} needs one of: {names}"))
    return out


class _Search:
    def __init__(self, problem: Problem, free: FrozenSet[str], bound: Optional[Cost], node_cap: int,
                 only_fixed: Optional[FrozenSet[str]] = None, must_move: FrozenSet[str] = frozenset()) -> None:
        self.p = problem
        self.free = free
        # Packages every answer of this search moves (see solve()): a bound, never a reason.
        self.must_move = frozenset(k for k in must_move if k in free and problem.vars[k].current is not None)
        self.level: Dict[str, int] = {}  # free package -> its depth in the search order
        self._met: Dict[Tuple[int, Version], bool] = {}  # (id of a Dep, version) -> meets it
        self.only_fixed = only_fixed
        self.bound = bound
        self.node_cap = node_cap
        self.nodes = 0
        self.reasons: Set[str] = set()
        self.log: List[Rejection] = []
        self.best: Optional[Tuple[Cost, Dict[str, Version]]] = None
        self.value: Dict[str, Version] = {}
        self.out_of_budget = False
        self.batches: Dict[str, int] = {}
        self.dominated = False  # something was cut by the bound: failure proves nothing

    def blame(self, key: Optional[str]) -> None:
        if key is not None and key not in self.free:
            var = self.p.vars[key]
            if var.movable:
                self.reasons.add(key)

    def run(self) -> SolveResult:
        p = self.p
        for key, var in p.vars.items():
            if key not in self.free and (self.only_fixed is None or key in self.only_fixed or not var.movable):
                self.value[key] = var.fixed_value  # type: ignore[assignment]
        domains: Dict[str, List[Version]] = {}
        for key in self.free:
            var = p.vars[key]
            dom = list(var.domain)
            if not dom:
                self.log.append(Rejection(key, None, "static", self._static_summary(var)))
            domains[key] = dom
        # What the fixed packages' pinned versions require of the free ones.
        for fkey, fval in list(self.value.items()):
            for dep in p.meta(fkey, fval).deps if p.meta(fkey, fval).ok else ():
                if dep.key in domains:
                    keep = [v for v in domains[dep.key] if contains(dep.spec, v)]
                    if len(keep) < len(domains[dep.key]):
                        self.blame(fkey)
                        for v in domains[dep.key]:
                            if v not in keep:
                                self.log.append(Rejection(dep.key, v, "required-by",
                                                          f"{_who(p, fkey, fval)} requires {dep.text}", fkey))
                        domains[dep.key] = keep
        # Demands already decided by fixed packages alone.
        for demand in p.demands:
            best, killers = p.demand_state(demand, self.value)
            if best is None:
                for k in killers:
                    self.blame(k)
                self.log.append(Rejection("", None, "demand", _demand_text(p, demand, self.value, self.free)))
                return self._result()
        # A crash demand with one alternative is a plain constraint on each package it names.
        for demand in p.demands:
            if len(demand.alternatives) == 1:
                for k, spec, text in demand.alternatives[0].parts:
                    if k in domains:
                        kept = [v for v in domains[k] if contains(spec, v)]
                        for v in domains[k]:
                            if v not in kept:
                                self.log.append(Rejection(k, v, "demand", f"crash {demand.index} needs {text}"))
                        domains[k] = kept
        if not self._settle(domains):
            return self._result()
        order = self._order(domains)
        mins = [self._min_cost(k, domains[k]) for k in order]
        suffix = [FULL_ZERO] * (len(order) + 1)
        for i in range(len(order) - 1, -1, -1):
            suffix[i] = addc(suffix[i + 1], mins[i])
        if all(domains[k] for k in order):
            self._dfs(order, 0, domains, {k: frozenset() for k in order}, FULL_ZERO, suffix)
        return self._result()

    def _settle(self, domains: Dict[str, List[Version]]) -> bool:
        """Arc consistency before the search, over metadata already fetched.

        A candidate whose requirement a fixed package's pin does not meet, or
        that no remaining candidate of another free package meets, is in no
        answer: drop it, to a fixpoint.  A forced move then runs down a chain
        of dependents (the hub's major bump forces each dependent's major, and
        theirs) without any search, and a chain that cannot follow fails here
        instead of in a search tree that grows with every free link (values
        such as 2.0 and 2.1 fail for the same reason, which backjumping alone
        cannot see).  Fixed packages that took part are blamed as in the
        search, so cores stay valid.  Candidates not fetched yet stay: no
        fetch is made here.  False when some free package is left with none.
        """
        p = self.p
        keys = sorted(domains, key=lambda k: p.vars[k].order)
        changed = True
        while changed:
            changed = False
            for k in keys:
                keep: List[Version] = []
                for w in domains[k]:
                    m = p.meta(k, w) if (k, w) in p.raw_cache else None
                    why = None
                    for dep in m.deps if m is not None and m.ok else ():
                        if dep.key == k:
                            continue
                        fixed = self.value.get(dep.key)
                        if fixed is not None:
                            if not self._meets(dep, fixed):
                                self.blame(dep.key)
                                why = f"requires {dep.text}; {describe_fixed(p, dep.key, fixed)}"
                        elif dep.key in domains and not any(self._meets(dep, u) for u in domains[dep.key]):
                            why = f"requires {dep.text}; no version of {p.vars[dep.key].name} left fits"
                        if why:
                            self.log.append(Rejection(k, w, "dep", why, dep.key))
                            break
                    if why is None:
                        keep.append(w)
                if len(keep) < len(domains[k]):
                    domains[k] = keep
                    changed = True
                    if not keep:
                        return False
        return True

    def _min_cost(self, key: str, dom: List[Version]) -> Cost:
        """The cheapest candidate's cost; for a package that must move, the cheapest move."""
        var = self.p.vars[key]
        for w in dom:
            if key in self.must_move and w == var.current:
                continue
            return full_cost(var.costs[w])
        return FULL_ZERO if not dom else (1 << 30,) * len(FULL_ZERO)

    def _order(self, domains: Dict[str, List[Version]]) -> List[str]:
        """Required packages before the packages that require them (by the pinned versions' metadata).

        A dependent then meets its requirements already decided and rejects
        its stale versions at once, instead of fixing a requirement early and
        forcing the search to back up over unrelated choices.
        """
        p = self.p
        free = sorted(self.free, key=lambda k: (len(domains[k]), p.vars[k].order))
        needs: Dict[str, Set[str]] = {k: set() for k in free}
        for k in free:
            var = p.vars[k]
            probe = var.current if var.current in var.releases else (domains[k][0] if domains[k] else None)
            if probe is None:
                continue
            m = p.meta(k, probe)
            for dep in m.deps if m.ok else ():
                if dep.key in needs and dep.key != k:
                    needs[k].add(dep.key)
        order: List[str] = []
        placed: Set[str] = set()
        while len(order) < len(free):
            ready = [k for k in free if k not in placed and needs[k] <= placed]
            pick = ready[0] if ready else next(k for k in free if k not in placed)  # a cycle: input order
            order.append(pick)
            placed.add(pick)
        return order

    def _static_summary(self, var: Var) -> str:
        kinds: Dict[str, List[Version]] = {}
        for v, (kind, why) in var.excluded.items():
            kinds.setdefault(why, []).append(v)
        if not var.releases:
            return f"{var.name}: the index lists no release"
        parts = [f"{_span(var, vs)} {why}" for why, vs in sorted(kinds.items(), key=lambda t: -len(t[1]))[:3]]
        return f"{var.name}: no release fits the target and the rules: " + "; ".join(parts)

    def _result(self) -> SolveResult:
        if self.best is not None:
            cost, assignment = self.best
            return SolveResult(True, assignment, cost, unknown=self.out_of_budget, log=self.log, nodes=self.nodes)
        if self.dominated and not self.out_of_budget:
            return SolveResult(False, core=None, log=self.log, nodes=self.nodes)
        return SolveResult(False, core=frozenset(self.reasons), unknown=self.out_of_budget, log=self.log, nodes=self.nodes)

    def _limit(self) -> Optional[Cost]:
        if self.best is not None:
            return self.best[0]
        return self.bound

    def _dfs(self, order: List[str], i: int, domains: Dict[str, List[Version]], pruners: Dict[str, FrozenSet[int]],
             cost: Cost, suffix: List[Cost]) -> Set[int]:
        """Branch and bound with forward checking and conflict-directed backjumping.

        Returns the *conflict set* of this subtree: the depths whose choices
        took part in every failure below.  When it does not contain the
        parent's depth, no other choice of the parent can help, and the
        parent returns at once (a jump back past unrelated choices) instead
        of trying its remaining candidates.  A subtree that found an answer
        or was cut by the cost bound depends on everything above it: it
        returns every shallower depth, which means plain backtracking.
        """
        p = self.p
        if i == len(order):
            self._leaf(cost)
            return set(range(i))
        key = order[i]
        var = p.vars[key]
        dom = domains[key]
        everything = set(range(i))
        conflict: Set[int] = set(pruners[key])  # who removed candidates of this package
        # The lookahead sees ``v`` only through which open candidates' requirements on ``key`` it
        # meets: a later (dearer) candidate meeting the same ones was cut already, at no cost.
        def requirements_on_key() -> List:
            return [dep for k in order[i + 1:] for w in domains[k] if (k, w) in p.raw_cache
                    for dep in (p.meta(k, w).deps if p.meta(k, w).ok else ()) if dep.key == key]

        on_key, seen = requirements_on_key(), len(p.raw_cache)
        cut: Set[Tuple[bool, ...]] = set()
        for pos, v in enumerate(dom):
            c = addc(cost, full_cost(var.costs[v]))
            limit = self._limit()
            if limit is not None and key in self.must_move and v == var.current:
                # Every answer of this search moves ``key`` (a smallest hitting set):
                # with a bound to beat, staying put is not worth exploring.
                self.dominated = True
                conflict |= everything
                continue
            if limit is not None and addc(c, suffix[i + 1]) >= limit:
                self.dominated = True
                conflict |= everything
                break
            if limit is not None:
                if len(p.raw_cache) != seen:
                    # an earlier candidate's subtree fetched metadata the lookahead now reads: the
                    # signatures cut so far were taken over less, so they no longer stand
                    on_key, seen = requirements_on_key(), len(p.raw_cache)
                    cut.clear()
                sig = tuple(self._meets(dep, v) for dep in on_key)
                if sig in cut or addc(c, self._lookahead(order, i + 1, domains, key, v)) >= limit:
                    # Not a break: a dearer candidate may ask less of the packages still open
                    # (pa 1.0 needs pc back a major, pa 2.0 does not), so its bound can be lower.
                    cut.add(sig)
                    self.dominated = True
                    conflict |= everything
                    continue
            if self.nodes >= self.node_cap:
                self.out_of_budget = True
                return everything
            self.nodes += 1
            p.candidates_examined += 1
            if (key, v) not in p.raw_cache:
                # Batches grow 1, 2, 4, 8: the first candidate usually fits, and
                # when it does not, later ones come in parallel over HTTP.
                n = self.batches.get(key, 0)
                self.batches[key] = n + 1
                p.prefetch(key, dom[pos:pos + min(PREFETCH_BATCH, 2 ** n)])
            m = p.meta(key, v)
            if not m.ok:
                self.log.append(Rejection(key, v, "metadata", f"has unreadable metadata ({m.error})"))
                continue
            if not p.target.allows_python(m.requires_python):
                self.log.append(Rejection(key, v, "python",
                                          f"requires Python {m.requires_python}; the target is {p.target.describe()}"))
                continue
            got = self._propagate(key, v, m.deps, order, i, domains, pruners)
            if isinstance(got, set):
                conflict |= got
                continue
            new_domains, new_pruners = got
            self.value[key] = v
            self.level[key] = i
            dead = self._demands_alive(key)
            if dead is None:
                below = self._dfs(order, i + 1, new_domains, new_pruners, c, suffix)
            else:
                below = dead
            del self.value[key]
            del self.level[key]
            if self.out_of_budget:
                return everything
            if dead is None and i not in below:
                return below  # this package's choice played no part: jump back past it
            conflict |= below - {i}
        return conflict

    def _lookahead(self, order: List[str], start: int, domains: Dict[str, List[Version]], key: str, v: Version) -> Cost:
        """A lower bound for the packages still open, from metadata already fetched.

        With ``key`` at ``v``, candidates of the open packages are narrowed to
        a fixpoint (arc consistency): a candidate whose known requirements
        clash with a decided package, or that no remaining candidate of an open
        package can meet, cannot be part of this branch.  That carries a
        forced move down a chain of dependents (a major bump of a hub forces
        every dependent's major, then theirs) in one bound, instead of one
        level of search per link.  Candidates not yet fetched count as
        possible: no fetch is made for a bound.
        """
        p = self.p
        pending = order[start:]
        doms: Dict[str, List[Version]] = {}
        for k in pending:
            cur = p.vars[k].current if k in self.must_move else None
            doms[k] = [w for w in domains[k] if w != cur]
        deps_of: Dict[Tuple[str, Version], List] = {}
        for k in pending:
            for w in doms[k]:
                if (k, w) in p.raw_cache:
                    m = p.meta(k, w)
                    deps_of[(k, w)] = m.deps if m.ok else None
        changed = True
        while changed:
            changed = False
            for k in pending:
                keep = []
                for w in doms[k]:
                    deps = deps_of.get((k, w), ())
                    if deps is None:
                        continue  # unreadable metadata: rejected when reached
                    ok = True
                    for dep in deps:
                        other = v if dep.key == key else self.value.get(dep.key)
                        if other is not None:
                            ok = self._meets(dep, other)
                        elif dep.key in doms and dep.key != k:
                            ok = any(self._meets(dep, u) for u in doms[dep.key])
                        if not ok:
                            break
                    if ok:
                        keep.append(w)
                if len(keep) < len(doms[k]):
                    if not keep:
                        return (1 << 30,) * len(FULL_ZERO)
                    doms[k] = keep
                    changed = True
        total = FULL_ZERO
        for k in pending:
            total = addc(total, full_cost(p.vars[k].costs[doms[k][0]]))
        return total

    def _meets(self, dep, w: Version) -> bool:
        got = self._met.get((id(dep), w))
        if got is None:
            got = self._met[(id(dep), w)] = contains(dep.spec, w)
        return got

    def _propagate(self, key: str, v: Version, deps, order: List[str], i: int, domains: Dict[str, List[Version]],
                   pruners: Dict[str, FrozenSet[int]]):
        """``key`` at ``v``: narrow the packages still open, or say which depths make it fail.

        Returns (domains, pruners) or, on failure, the conflict set: the
        depths of the decided packages whose values clash, and of those that
        had narrowed a package this choice leaves without candidates.
        """
        p = self.p
        pending = set(order[i + 1:])
        new = dict(domains)
        new_pruners = dict(pruners)
        for dep in deps:
            if dep.key not in p.vars:
                continue
            if dep.key in pending:
                kept = [w for w in new[dep.key] if contains(dep.spec, w)]
                if not kept:
                    self.log.append(Rejection(key, v, "dep", f"requires {dep.text}; no version of {p.vars[dep.key].name} left fits", dep.key))
                    return set(new_pruners[dep.key])
                if len(kept) < len(new[dep.key]):
                    new[dep.key] = kept
                    new_pruners[dep.key] = new_pruners[dep.key] | {i}
                continue
            other = self.value.get(dep.key)
            if other is not None and not contains(dep.spec, other):
                self.blame(dep.key)
                tail = describe_fixed(p, dep.key, other) if dep.key not in self.free else f"with {p.vars[dep.key].label(other)}"
                self.log.append(Rejection(key, v, "dep", f"requires {dep.text}; {tail}", dep.key))
                return {self.level[dep.key]} if dep.key in self.level else set()
        return new, new_pruners

    def _demands_alive(self, key: str) -> Optional[Set[int]]:
        """None when every crash demand on ``key`` can still hold; else the depths that killed one."""
        for demand in self.p.demands_of.get(key, ()):
            best, killers = self.p.demand_state(demand, self.value)
            if best is None:
                for k in killers:
                    self.blame(k)
                self.log.append(Rejection(key, self.value[key], "demand", _demand_text(self.p, demand, self.value, self.free)))
                me = self.level[key]
                return {self.level[k] for alt in demand.alternatives for k, _, _ in alt.parts
                        if k in self.level and self.level[k] != me} | {me}
        return None

    def _leaf(self, cost: Cost) -> None:
        rank = 0
        for demand in self.p.demands:
            best, _ = self.p.demand_state(demand, self.value)
            rank += max(best or 0, 0)
        total = addc(cost, (0, 0, 0, 0, 0, rank))
        limit = self._limit()
        if limit is None or total < limit:
            self.best = (total, dict(self.value))


def _span(var: Var, versions: List[Version]) -> str:
    vs = sorted(versions)
    if len(vs) == 1:
        return var.text(vs[0])
    return f"{var.text(vs[0])}..{var.text(vs[-1])} ({len(vs)} releases)"


def _who(p: Problem, key: str, value: Version) -> str:
    var = p.vars[key]
    return f"{var.label(value)} (kept)" if var.keep is not None else var.label(value)


def _demand_text(p: Problem, demand, value: Dict[str, Version], free: FrozenSet[str] = frozenset()) -> str:
    if not demand.alternatives:
        dropped = "; ".join(demand.dropped) or "no culprit"
        return f"crash {demand.index}: no fix inside the set ({dropped})"
    bits = []
    for alt in demand.alternatives:
        for key, spec, text in alt.parts:
            val = value.get(key)
            if val is not None and not contains(spec, val):
                bits.append(text if key in free else f"{text} ({describe_fixed(p, key, val)})")
                break
    return f"crash {demand.index} needs " + " or ".join(bits)


def solve(problem: Problem, free: FrozenSet[str], bound: Optional[Cost] = None, node_cap: int = 20000,
          only_fixed: Optional[FrozenSet[str]] = None, must_move: FrozenSet[str] = frozenset()) -> SolveResult:
    """Cheapest versions for ``free`` with every other package fixed; or a core.

    ``only_fixed``: consider only these movable packages as fixed and leave the
    others out of the problem altogether (used to shrink a core).
    ``must_move``: packages the caller knows every answer moves (the members
    of a *smallest* hitting set of the cores: an answer that kept one of them
    would change fewer packages than the proven minimum).  Used only to
    tighten the cost bound once there is an answer to beat, never to explain
    a failure, so cores stay valid.
    """
    return _Search(problem, free, bound, node_cap, only_fixed, must_move).run()


def shrink_core(problem: Problem, free: FrozenSet[str], core: FrozenSet[str], node_cap: int) -> Tuple[FrozenSet[str], int]:
    """Drop members of a core while the search with only the rest fixed still fails.

    The union of everything that ruled candidates out across a search tree is
    a valid core but often a loose one; a tight core (often one package) saves
    the outer loop from trying every combination of the loose ones.
    """
    solves = 0
    current = set(core)
    for e in sorted(core):
        if len(current) <= 1:
            break
        trial = frozenset(current - {e})
        res = _Search(problem, free, None, node_cap, trial).run()
        solves += 1
        if not res.sat and res.core is not None and not res.unknown:
            current = set(res.core) & trial or set(trial)
    return frozenset(current), solves
