"""Step 4: the smallest exact-pin change that satisfies everything.

Why an exact optimiser and not resolvelib's relax-and-retry loop: the answer
users see must change as few packages as possible, and pip-tools' trick
(drop the pins a failure names, retry) has no such guarantee -- it drops
every pin named in a cause, and which ones get named depends on the order of
the search.  Here the minimum is proved with an *implicit hitting set* loop:

1. Check the pinned set as it is.  Every broken rule yields a *core*: the
   movable packages at least one of which must change (``{torchvision}`` when
   its pin needs another Python; ``{torch, torchvision}`` when one's
   Requires-Dist excludes the other's pin; the culprits of a crash).
2. Take a smallest set H of packages that meets every core (packages outside
   all cores have no reason to move).  No answer can change fewer than |H|.
3. Solve exactly with only H (and lines that were not exact pins) free and
   everything else fixed (``resolve_search``).  Success with |H| changes is
   optimal in count; among all smallest H the cheapest answer wins (smallest
   moves, then the diagnosis' preference).  Failure yields a new core (the
   fixed packages whose pins ruled candidates out); go to 2.

An empty core is a proof that nothing fits; running out of rounds is said as
such ("gave up after N rounds"), never as "impossible".  Metadata is fetched
for the pinned versions and for the candidates the search reaches, so the
count grows with the packages examined, not with the size of the index.
"""

from __future__ import annotations

import time
from typing import Any, Collection, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

from packaging.version import Version

from .models import Change, Constraint, Culprit, Resolution
from .resolve_explain import change_reason, conflict_lines
from .resolve_problem import Problem
from .resolve_search import SolveResult, check, shrink_core, solve

__all__ = ["resolve"]

DEFAULT_MAX_ROUNDS = 200
HITTING_SET_LIMIT = 400  # smallest hitting sets tried per size before settling


def resolve(
    pins: Any,
    target: Any,
    index: Any,
    *,
    keep: Mapping[str, str] = {},
    demands: Sequence[Sequence[Culprit]] = (),
    constraints: Sequence[Constraint] = (),
    max_rounds: int = DEFAULT_MAX_ROUNDS,
    node_cap: int = 20000,
    hold: Collection[str] = (),
) -> Resolution:
    """Exact pins for the same packages, changing as few as possible.

    ``keep``: canonical name -> exact version that never moves.
    ``demands``: one entry per crash, each a list of alternative culprits; at
    least one alternative of each (its constraint plus ``together``) must hold.
    ``constraints``: hard extra constraints.
    ``hold``: canonical names whose current version stays even with no file for the target.
    """
    started = time.perf_counter()
    fetches_before = _fetches(index)
    problem = Problem(pins, target, index, keep, demands, constraints, hold)
    outcome = _search(problem, max_rounds, node_cap)
    resolution = _to_resolution(problem, pins, outcome)
    if not resolution.ok:
        resolution.partial = _partial(pins, target, index, keep, demands, constraints, max_rounds, node_cap, resolution)
    resolution.stats.update(
        rounds=outcome["rounds"],
        cores=len(outcome["cores"]),
        candidates_examined=problem.candidates_examined,
        metadata_requested=problem.metadata_requested,
        metadata_fetches=_fetches(index) - fetches_before if fetches_before is not None else None,
        packages=len(problem.vars),
        packages_examined=len({k for (k, _) in problem.raw_cache}),
        versions_examined=len(problem.raw_cache),
        proven_minimal=outcome["proven"],
        seconds=round(time.perf_counter() - started, 4),
        notes=problem.notes,
    )
    return resolution


# -- the hitting-set loop ------------------------------------------------------

def _search(p: Problem, max_rounds: int, node_cap: int) -> Dict[str, Any]:
    out: Dict[str, Any] = {"status": "searching", "rounds": 0, "cores": [], "proven": True,
                           "best": None, "log": [], "initial": []}
    # Look at the whole pinned set in one batch, then at what its versions ask of each other.
    fixed = {k: v.fixed_value for k, v in p.vars.items() if v.fixed_value is not None}
    p.prefetch_many(sorted(fixed.items(), key=lambda kv: p.vars[kv[0]].order))
    while p.widen_extras(fixed):
        pass
    free_always = frozenset(k for k, v in p.vars.items() if v.current is None and v.keep is None)
    cores: List[FrozenSet[str]] = []
    for viol in check(p, fixed):
        if not viol.keys:
            out["initial"].append(viol.text)
        cores.append(viol.keys)
    out["cores"] = cores
    if out["initial"]:
        out["status"] = "impossible"
        return out
    tried: Dict[FrozenSet[str], SolveResult] = {}
    best: Optional[Tuple[Tuple[int, ...], FrozenSet[str], SolveResult]] = None
    score = _element_score(p, cores)
    while True:
        k = _min_size(cores)
        candidates = [h for h in _hitting_sets(cores, k, HITTING_SET_LIMIT, score) if h not in tried]
        if len(candidates) >= HITTING_SET_LIMIT:
            out["proven"] = False
        new_core = False
        for h in candidates:
            if out["rounds"] >= max_rounds:
                out["status"] = "gave-up" if best is None else out["status"]
                if best is not None:
                    out["proven"] = False
                break
            out["rounds"] += 1
            res = solve(p, h | free_always, bound=best[0] if best else None, node_cap=node_cap, must_move=h)
            tried[h] = res
            if res.sat:
                if res.unknown:
                    out["proven"] = False  # cheapest moves not proved within the node budget
                if best is None or res.cost < best[0]:
                    best = (res.cost, h, res)
                continue
            if res.core is None:
                continue  # no answer cheaper than the best one so far
            if res.unknown:
                out["proven"] = False
                if not res.core:
                    out["status"] = "gave-up"
                    out["log"] = res.log
                    break
            if not res.core:
                out["status"] = "impossible"
                out["log"] = res.log
                out["free"] = sorted(h | free_always, key=lambda key: p.vars[key].order)
                break
            core = res.core
            if len(core) > 1 and not res.unknown:
                core, n = shrink_core(p, h | free_always, core, node_cap)
                out["shrink_solves"] = out.get("shrink_solves", 0) + n
            cores.append(core)
            score = _element_score(p, cores)
            new_core = True
            break
        if out["status"] in ("impossible", "gave-up") or out["rounds"] >= max_rounds:
            break
        if not new_core:
            break
    if best is not None and out["status"] != "impossible":
        out["status"] = "ok"
        out["best"] = best
    elif out["status"] == "searching":
        out["status"] = "gave-up"
    return out


def _min_size(cores: List[FrozenSet[str]]) -> int:
    k = 0
    while not _hitting_sets(cores, k, 1, lambda e: (0, e)):
        k += 1
    return k


def _hitting_sets(cores: List[FrozenSet[str]], k: int, limit: int, score) -> List[FrozenSet[str]]:
    """Hitting sets of size <= k, in a fixed order (most promising elements first)."""
    ordered = sorted(set(cores), key=lambda c: (len(c), sorted(c)))
    found: List[FrozenSet[str]] = []
    seen = set()

    def rec(chosen: FrozenSet[str]) -> None:
        if len(found) >= limit:
            return
        for core in ordered:
            if not (core & chosen):
                break
        else:
            if chosen not in seen:
                seen.add(chosen)
                found.append(chosen)
            return
        if len(chosen) >= k:
            return
        for e in sorted(core, key=score):
            rec(chosen | {e})

    rec(frozenset())
    return found


def _element_score(p: Problem, cores: List[FrozenSet[str]]):
    """Try culprits the diagnosis trusts most, then packages in many cores, then input order."""
    conf: Dict[str, float] = {}
    for d in p.demands:
        for alt in d.alternatives:
            for key, _, _ in alt.parts:
                conf[key] = max(conf.get(key, 0.0), float(alt.culprit.confidence))
    count: Dict[str, int] = {}
    for c in cores:
        for e in c:
            count[e] = count.get(e, 0) + 1
    return lambda e: (-conf.get(e, 0.0), -count.get(e, 0), p.vars[e].order if e in p.vars else 0, e)


# -- the answer ------------------------------------------------------------------

def _to_resolution(p: Problem, pins: Any, out: Dict[str, Any]) -> Resolution:
    if out["status"] == "ok":
        _, _, res = out["best"]
        value: Dict[str, Version] = res.assignment
        versions: Dict[str, str] = {}
        changes: List[Change] = []
        for pin in pins:
            var = p.vars.get(pin.key)
            if not pin.active or var is None or pin.key in versions:
                continue
            v = value[pin.key]
            versions[pin.key] = var.text(v)
            if var.current is None or v != var.current:
                changes.append(Change(var.name, var.current_text, var.text(v), change_reason(p, pin.key, value)))
        for pin in pins:  # inactive lines stay as they are
            if pin.key not in versions and pin.version:
                versions[pin.key] = pin.version
        return Resolution(True, versions, changes, missing=_missing(p, value))
    if out["status"] == "impossible":
        lines = conflict_lines(p, out["log"], out["initial"], out.get("free", ()))
        if not lines:
            lines = ["no combination of versions satisfies the rules"]
    else:
        lines = [f"gave up after {out['rounds']} rounds without finding pins that satisfy every rule; "
                 "this is not a proof that none exist (raise max_rounds to search longer)"]
        lines += conflict_lines(p, out["log"], [])
    for d in p.demands:
        for text in d.dropped:
            lines.append(f"crash {d.index}: culprit {text} cannot be used")
    return Resolution(False, {pin.key: pin.version for pin in pins if pin.version}, conflict=lines)


def _missing(p: Problem, value: Dict[str, Version]) -> List[Tuple[str, str]]:
    """Requirements of the chosen versions on packages the set does not hold (named, never added)."""
    out: List[Tuple[str, str]] = []
    for key, var in sorted(p.vars.items(), key=lambda kv: kv[1].order):
        m = p.meta(key, value[key])
        for dep in m.deps if m.ok else ():
            if dep.key not in p.vars:
                item = (dep.text, var.label(value[key]))
                if item not in out:
                    out.append(item)
    return out


def _partial(pins, target, index, keep, demands, constraints, max_rounds, node_cap, failed: Resolution) -> Dict[str, str]:
    """The nearest answer: first without the crash demands, then without the keep-pins too."""
    attempts = []
    if any(demands):
        attempts.append(("without the crash constraints", dict(keep), ()))
    if keep:
        attempts.append(("without the keep-pins and the crash constraints", {}, ()))
    for label, k, d in attempts:
        p = Problem(pins, target, index, k, d, constraints)
        out = _search(p, max_rounds, node_cap)
        if out["status"] == "ok":
            res = _to_resolution(p, pins, out)
            failed.conflict.append(f"nearest partial answer ({label}): " + (
                ", ".join(f"{c.name} {c.from_version or '(unpinned)'} -> {c.to_version}" for c in res.changes) or "no change"))
            return res.pins
    return {}


def _fetches(index: Any) -> Optional[int]:
    try:
        return int(index.stats.get("metadata_fetches", 0))
    except Exception:
        return None
