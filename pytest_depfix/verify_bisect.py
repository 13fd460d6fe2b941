"""Find the package and the first release that breaks the tests, between two pin sets.

Two binary searches, each over a sequence whose first element is known good
and last known bad: first over the packages that differ (move the first k of
them to their bad versions), then over that package's releases between its
good and bad version (from the index, installable for the target, not
yanked).  A step whose environment cannot be built is skipped, as ``git bisect
skip`` does, and the search narrows around it; when only skipped steps are
left the answer is the remaining range.  Every pin set runs in its own cached
environment, so repeated sets cost nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from .verify import prepare_project, run_attempt, verification_possible
from .verify_env import EnvironmentBuilder

PASS, FAIL, ERROR = "pass", "fail", "error"


@dataclass
class BisectStep:
    """One pin set tried: what changed from the good set, and how the tests went."""

    pins: Dict[str, str]
    outcome: str  # pass | fail | error
    change: str = ""  # e.g. "mylib 1.0 -> 3.0"
    returncode: Optional[int] = None
    seconds: float = 0.0
    error: Optional[str] = None
    output_tail: str = ""


@dataclass
class BisectResult:
    found: bool
    package: Optional[str] = None
    first_bad: Optional[str] = None  # the first release (version) under which the tests fail
    last_good: Optional[str] = None
    steps: List[BisectStep] = field(default_factory=list)
    differing: List[str] = field(default_factory=list)
    reason: str = ""

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)


def bisect(
    good: Mapping[str, str],
    bad: Mapping[str, str],
    test_args: Sequence[str],
    *,
    project_root: Path,
    builder: EnvironmentBuilder,
    index: Any = None,
    target: Any = None,
    timeout: float = 600,
    install_project: bool = True,
) -> BisectResult:
    """Bisect from ``good`` (tests pass) to ``bad`` (tests fail); see the module docstring."""
    good_c = {canonicalize_name(k): str(v) for k, v in good.items()}
    bad_c = {canonicalize_name(k): str(v) for k, v in bad.items()}
    result = BisectResult(found=False)
    why_not = verification_possible(target if target is not None else getattr(index, "target", None))
    if why_not:
        result.reason = why_not
        return result
    differing = [n for n in list(bad_c) + [k for k in good_c if k not in bad_c] if good_c.get(n) != bad_c.get(n)]
    result.differing = differing
    if not differing:
        result.reason = "the good and bad sets pin the same versions: nothing to bisect"
        return result
    project = prepare_project(Path(project_root), builder, install_project)
    seen: Dict[Tuple[Tuple[str, str], ...], str] = {}

    def probe(pins: Dict[str, str], change: str) -> str:
        key = tuple(sorted(pins.items()))
        if key in seen:
            return seen[key]
        a = run_attempt(pins, list(test_args), [], project_root=Path(project_root), builder=builder,
                        project=project, timeout=timeout)
        if a.error:
            outcome = ERROR
        elif a.returncode == 0:
            outcome = PASS
        elif a.returncode == 5:  # no tests collected: the arguments select nothing
            outcome = ERROR
            a.error = "pytest collected no tests (exit status 5)"
        else:
            outcome = FAIL
        result.steps.append(BisectStep(dict(pins), outcome, change, a.returncode, a.seconds, a.error, a.output_tail))
        seen[key] = outcome
        return outcome

    def mix(k: int) -> Dict[str, str]:
        pins = dict(good_c)
        for name in differing[:k]:
            if name in bad_c:
                pins[name] = bad_c[name]
            else:
                pins.pop(name, None)
        return pins

    first = probe(good_c, "good set")
    if first != PASS:
        result.reason = "the good set does not pass" + (f": {result.steps[-1].error}" if first == ERROR else "")
        return result
    last = probe(bad_c, "bad set")
    if last != FAIL:
        result.reason = "the bad set does not fail" + (f": {result.steps[-1].error}" if last == ERROR else "")
        return result

    def pkg_probe(k: int) -> str:
        moved = ", ".join(_describe(n, good_c.get(n), bad_c.get(n)) for n in differing[:k])
        return probe(mix(k), moved)

    lo, hi = _search(len(differing), pkg_probe)
    if hi - lo > 1:
        suspects = differing[lo:hi]
        result.reason = f"the breaking change is in one of {', '.join(suspects)} (mixed sets between could not be built)"
        return result
    name = differing[hi - 1]
    result.package = name
    base = mix(hi - 1)
    gv, bv = good_c.get(name), bad_c.get(name)
    result.last_good, result.first_bad = gv, bv
    if gv is None or bv is None:
        result.found = True
        result.reason = f"{_describe(name, gv, bv)} breaks the tests"
        return result
    sequence = [gv] + _between(index, name, gv, bv, target) + [bv]

    def rel_probe(i: int) -> str:
        pins = dict(base)
        pins[name] = sequence[i]
        return probe(pins, _describe(name, gv, sequence[i]))

    lo, hi = _search(len(sequence) - 1, rel_probe)
    result.last_good, result.first_bad = sequence[lo], sequence[hi]
    if hi - lo > 1:
        result.reason = (f"{name}: the first bad release is one of {', '.join(sequence[lo + 1:hi + 1])} "
                         "(releases between could not be installed)")
        return result
    result.found = True
    result.reason = f"{name} {sequence[hi]} is the first release that fails (last good: {sequence[lo]})"
    return result


def _search(n: int, probe: Callable[[int], str]) -> Tuple[int, int]:
    """Binary search on 0..n where 0 passes and n fails; ERROR steps are skipped.

    Returns (lo, hi): the last known passing and first known failing positions;
    ``hi - lo == 1`` means the answer is exact.
    """
    lo, hi = 0, n
    skipped: set = set()
    while hi - lo > 1:
        middle = (lo + hi) // 2
        options = sorted((m for m in range(lo + 1, hi) if m not in skipped), key=lambda m: (abs(m - middle), m))
        if not options:
            break
        m = options[0]
        outcome = probe(m)
        if outcome == PASS:
            lo = m
        elif outcome == FAIL:
            hi = m
        else:
            skipped.add(m)
    return lo, hi


def _between(index: Any, name: str, good: str, bad: str, target: Any) -> List[str]:
    """Releases strictly between ``good`` and ``bad``, in the direction good -> bad."""
    if index is None:
        return []
    try:
        gv, bv = Version(good), Version(bad)
    except InvalidVersion:
        return []
    target = target if target is not None else getattr(index, "target", None)
    lo, hi = min(gv, bv), max(gv, bv)
    allow_pre = gv.is_prerelease or bv.is_prerelease
    picked = []
    for rel in index.releases(name):
        v = rel.version
        if not (lo < v < hi) or (v.is_prerelease and not allow_pre) or getattr(rel, "yanked", False):
            continue
        if target is not None and hasattr(rel, "installable") and rel.installable(target) is None:
            continue
        picked.append(v)
    picked.sort(reverse=bv < gv)
    return [str(v) for v in picked]


def _describe(name: str, old: Optional[str], new: Optional[str]) -> str:
    if old is None:
        return f"{name} added ({new})"
    if new is None:
        return f"{name} removed ({old})"
    return f"{name} {old} -> {new}"


def format_steps(result: BisectResult) -> List[str]:
    """Human lines for the steps taken (used by ``depfix bisect``)."""
    out = []
    for i, step in enumerate(result.steps, 1):
        extra = f" ({step.error})" if step.error else ""
        out.append(f"step {i}: {step.change or 'pins'}: {step.outcome} [{step.seconds:.1f}s]{extra}")
    return out


__all__ = ["bisect", "BisectResult", "BisectStep", "format_steps"]
