"""Words for people: why each package moved, and why no answer exists.

Reasons are computed from the final answer, not remembered from the search:
a package moved because its old version breaks some rule *given the answer*
(a crash's culprit constraint, another package's Requires-Dist, the target's
Python, a hard constraint).  That keeps every sentence checkable.
"""

from __future__ import annotations

from typing import Dict, List, Tuple

from packaging.version import Version

from .resolve_problem import Problem, contains
from .resolve_search import Rejection, describe_fixed


def change_reason(p: Problem, key: str, value: Dict[str, Version]) -> str:
    var = p.vars[key]
    old = var.current
    new = value[key]
    reasons: List[str] = []
    if old is None:
        return f"{var.name} was not pinned exactly; {var.text(new)} is the newest version that fits"
    if var.keep is not None and var.keep != old:
        reasons.append(f"you keep {var.name}=={var.text(var.keep)}")
    # The diagnosis: the satisfied alternative that names this package.
    for demand in p.demands:
        for alt in demand.alternatives:
            if not all(contains(spec, value[k]) for k, spec, _ in alt.parts):
                continue
            for k, spec, text in alt.parts:
                if k == key and not contains(spec, old):
                    cul = alt.culprit
                    if k == p.vars.get(key, var).key and text.startswith(cul.name):
                        ev = f"; {cul.evidence[0]}" if cul.evidence else ""
                        src = f"; {cul.source}" if cul.source else ""
                        reasons.append(f"crash {demand.index}: {text} avoids it (confidence {cul.confidence:.2f}{src}{ev})")
                    else:
                        reasons.append(f"crash {demand.index}: {text} goes together with {cul.name}{cul.constraint}")
            break
    if old in var.excluded:
        _, why = var.excluded[old]
        reasons.append(f"{var.label(old)} {why}")
    elif old in var.releases:
        m = p.meta(key, old)
        if m.ok and not p.target.allows_python(m.requires_python):
            reasons.append(f"Python: {var.label(old)} requires Python {m.requires_python}; the target is {p.target.describe()}")
        if m.ok:
            for dep in m.deps:
                if dep.key in value and not contains(dep.spec, value[dep.key]):
                    other = p.vars[dep.key]
                    reasons.append(f"{var.label(old)} requires {dep.text}, which {other.label(value[dep.key])} does not meet")
    for okey, oval in value.items():
        if okey == key:
            continue
        m = p.meta(okey, oval)
        for dep in m.deps if m.ok else ():
            if dep.key == key and not contains(dep.spec, old):
                reasons.append(f"{p.vars[okey].label(oval)} requires {dep.text}")
    if not reasons:
        reasons.append("moved with the other changes")
    lo, hi = sorted((old, new))
    # the releases between that the crash's own constraint on this package admitted, in version order
    admitted = [spec for demand in p.demands for alt in demand.alternatives
                if all(contains(sp, value[k]) for k, sp, _ in alt.parts) for k, spec, _ in alt.parts if k == key]
    passed = sorted(v for v in var.compiles if lo < v < hi and all(contains(sp, v) for sp in admitted))
    if passed:
        shown = ", ".join(var.text(v) for v in passed[:4]) + (f" and {len(passed) - 4} more" if len(passed) > 4 else "")
        reasons.append(f"{var.name} {shown} passed over: no wheel for {p.target.describe()}, only an sdist with C code "
                       f"its release never built for that Python")
    if new in var.compiles:
        reasons.append(f"{var.label(new)} has no wheel for {p.target.describe()}: pip must build it from its sdist")
    return "; ".join(dict.fromkeys(reasons))


def conflict_lines(p: Problem, log: List[Rejection], initial: List[str], free=(), limit: int = 8) -> List[str]:
    """A short chain a person can follow; Python-version causes on lines of their own."""
    lines: List[str] = []
    python: List[str] = []
    for text in initial:
        (python if "requires Python" in text else lines).append(text)
    groups: Dict[Tuple[str, str, str], List[Version]] = {}
    for r in log:
        if not r.key or r.version is None:
            (python if r.kind == "python" else lines).append(r.text)
            continue
        groups.setdefault((r.key, r.kind, r.text), []).append(r.version)
    for (key, kind, text), versions in groups.items():
        var = p.vars[key]
        span = _span(var, sorted(set(versions)))
        if kind in ("required-by", "demand"):
            lines.append(f"{text}: rules out {var.name} {span}")
        elif kind == "python":
            python.append(f"Python: {var.name} {span} {text}")
        else:
            lines.append(f"{var.name} {span} {text}")
    # Newer releases of the packages that could move, ruled out by the target's Python.
    for key in free:
        var = p.vars[key]
        newer = sorted(v for v, (kind, _) in var.excluded.items()
                       if kind == "python" and (var.current is None or v > var.current))
        if newer:
            # The nearest newer release's floor is the one that matters (pyupgrade 2.10.0 needs >=3.6.1;
            # 3.22.0's >=3.11 said of all 94 releases misled).
            _, why = var.excluded[newer[0]]
            if len(newer) == 1:
                python.append(f"Python: {var.name} {var.text(newer[0])} {why}; the target is {p.target.describe()}")
            else:
                python.append(f"Python: {var.name} {_span(var, newer)} are for other Pythons (the first, "
                              f"{var.text(newer[0])}, {why}); the target is {p.target.describe()}")
    out = list(dict.fromkeys(lines))[:limit]
    out += list(dict.fromkeys(python))[:limit]
    return out


def _span(var, vs: List[Version]) -> str:
    if len(vs) <= 4:
        return ", ".join(var.text(v) for v in vs)
    return f"{var.text(vs[0])}..{var.text(vs[-1])} ({len(vs)} releases)"


def describe(p: Problem, key: str, value: Version) -> str:
    return describe_fixed(p, key, value)
