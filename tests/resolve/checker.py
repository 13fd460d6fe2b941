"""An independent check of a Resolution against every rule of issue 4.

It shares no code with the resolver: it asks the index directly and applies
the rules as the issue states them, so a resolver bug cannot hide behind a
helper both sides use.
"""

from __future__ import annotations

from typing import Dict, List, Mapping, Sequence, Set

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version


def _in(spec: str, version: str) -> bool:
    return SpecifierSet(spec).contains(Version(version), prereleases=True)


def check_resolution(res, pins, target, index, *, keep: Mapping[str, str] = {}, demands: Sequence = (),
                     constraints: Sequence = ()) -> List[str]:
    """Return every rule the answer breaks (empty: the answer is valid)."""
    errors: List[str] = []
    if not res.ok:
        return ["resolution is not ok"]
    active = {}
    for pin in pins:
        if pin.active and pin.key not in active:
            active[pin.key] = pin
    for pin in pins:
        if pin.key not in res.pins and (pin.active or pin.version):
            errors.append(f"{pin.name}: no version in the answer")
        if not pin.active and pin.key not in active and pin.version and res.pins.get(pin.key) != pin.version:
            errors.append(f"{pin.name}: inactive pin moved")
    chosen = {k: res.pins[k] for k in active if k in res.pins}
    keep_c = {canonicalize_name(k): v for k, v in keep.items()}
    for key, pin in active.items():
        ver = chosen.get(key)
        if ver is None:
            continue
        own = pin.version is not None and Version(ver) == Version(pin.version)
        if key in keep_c and Version(ver) != Version(keep_c[key]):
            errors.append(f"{pin.name}: kept at {keep_c[key]} but answer says {ver}")
        if pin.version is None and pin.specifier and not _in(pin.specifier, ver):
            errors.append(f"{pin.name}=={ver} outside the line's own {pin.specifier}")
        rel = next((r for r in index.releases(key) if r.version == Version(ver)), None)
        if rel is None:
            if not own:
                errors.append(f"{pin.name}=={ver} is not on the index")
            continue
        if rel.installable(target) is None:
            errors.append(f"{pin.name}=={ver} cannot be installed on the target")
        if rel.yanked and not own:
            errors.append(f"{pin.name}=={ver} is yanked and was not the user's pin")
        if Version(ver).is_prerelease and not (pin.version and Version(pin.version).is_prerelease):
            errors.append(f"{pin.name}=={ver} is a pre-release the user did not pin")
        md = index.metadata(key, str(rel.version))
        if not target.allows_python(md.requires_python) or not target.allows_python(rel.requires_python):
            errors.append(f"{pin.name}=={ver} does not support the target's Python")
    for c in list(constraints) + [c for c in getattr(pins, "constraints", []) if c.active]:
        key = canonicalize_name(c.name)
        spec = getattr(c, "specifier", "")
        if key in chosen and spec and not _in(spec, chosen[key]):
            errors.append(f"constraint {c.name}{spec} broken by {chosen[key]}")
    # Requires-Dist, with extras requested by the line or by other members (to a fixpoint).
    extras: Dict[str, Set[str]] = {k: set(p.extras) for k, p in active.items()}
    while True:
        deps = {}
        for key in chosen:
            rel = next((r for r in index.releases(key) if r.version == Version(chosen[key])), None)
            deps[key] = [] if rel is None else index.metadata(key, str(rel.version)).dependencies(target, extras=sorted(extras[key]))
        grew = False
        for key, reqs in deps.items():
            for req in reqs:
                dk = canonicalize_name(req.name)
                if dk in extras and not set(req.extras) <= extras[dk]:
                    extras[dk] |= set(req.extras)
                    grew = True
        if not grew:
            break
    missing_names = {(canonicalize_name(Requirement(r).name), canonicalize_name(by.split("==")[0])) for r, by in res.missing}
    for key, reqs in deps.items():
        for req in reqs:
            dk = canonicalize_name(req.name)
            if dk == key:
                continue
            if dk in chosen:
                if not req.specifier.contains(Version(chosen[dk]), prereleases=True):
                    errors.append(f"{key}=={chosen[key]} requires {req}; answer has {dk}=={chosen[dk]}")
            elif (dk, key) not in missing_names:
                errors.append(f"{key}=={chosen[key]} requires {req.name}, not in the set, and the report does not name it")
    for r, by in res.missing:
        name = canonicalize_name(Requirement(r).name)
        if name in active:
            errors.append(f"missing lists {r}, which the set holds")
    for i, alts in enumerate(demands, 1):
        if not alts:
            continue
        def holds(cul) -> bool:
            parts = [(cul.name, cul.constraint)] + [(t.name, t.specifier) for t in cul.together]
            return all(canonicalize_name(n) in chosen and _in(s, chosen[canonicalize_name(n)]) for n, s in parts)
        if not any(holds(c) for c in alts):
            errors.append(f"crash {i}: no culprit alternative holds")
    moved = {k for k, p in active.items() if p.version is None or Version(chosen.get(k, p.version)) != Version(p.version)}
    named = {canonicalize_name(c.name) for c in res.changes}
    if moved != named:
        errors.append(f"changes list {sorted(named)} but the pins moved {sorted(moved)}")
    for c in res.changes:
        if not c.reason.strip():
            errors.append(f"{c.name}: change without a reason")
        key = canonicalize_name(c.name)
        if key in chosen and c.to_version != chosen[key]:
            errors.append(f"{c.name}: change says {c.to_version}, pins say {chosen[key]}")
    return errors


def changed_count(res, pins) -> int:
    n = 0
    seen = set()
    for pin in pins:
        if not pin.active or pin.key in seen:
            continue
        seen.add(pin.key)
        if pin.version is None or Version(res.pins[pin.key]) != Version(pin.version):
            n += 1
    return n
