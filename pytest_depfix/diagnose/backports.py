"""A backport of a standard-library module, installed on a Python that ships the module.

``typing`` 3.7.4 and ``enum34`` were written for Pythons that lacked the
module.  On a Python that has it, whichever copy wins the import, the other
side's code meets the wrong one: ``type object 'Callable' has no attribute
'_abc_registry'`` (the backport's ``typing.py`` asks Python 3.7's
``collections.abc`` for what only 3.6's had), ``module 'enum' has no attribute
'IntFlag'`` (Python 3.6's ``re`` meets ``enum34``).  No version of the backport
fixes it: the cure is not having it.  Since depfix never removes a package,
the move it can offer is the requirer's: a release of the pin that asks for the
backport without a marker (inject 3.5.2's ``install_requires=['typing']``)
whose neighbour does not ask for it on the target (3.5.1, or 3.5.3 with
``python_version<"3.5"``).  With no requirer in the set, the verdict says so
and names the package to uninstall.

Three readings tie a crash to the backport, each from the release files:
the missing name's module is the backport's and its release lacks the name;
a frame runs a file of the backport's module from site-packages; or the class
the message names is defined by the backport's module, whose source reaches
the missing attribute.
"""

from __future__ import annotations

import re
from typing import Any, List, Optional, Tuple

from packaging.utils import canonicalize_name
from packaging.version import Version

from ..crash.stdlib import stdlib_names
from ..models import Culprit, Diagnosis
from . import families as F

CONF_BACKPORT = 0.75
_NAMED = {"futures": "concurrent"}  # backports whose distribution name is not their module's
MAX_REQUIRER_RELEASES = 8  # releases of a requirer read, nearest first, for one that does not ask for the backport


def _backports(ctx: Any) -> List[Tuple[Any, str]]:
    """(pin, module) for each pin whose wheel ships a top-level module the target's standard library has."""
    from .verdict import _pin_tops

    std = stdlib_names(tuple(ctx.target.python)[:2])
    out = []
    for pin in [p for p in ctx.pins if p.active and p.version]:
        # Only a pin named like a standard module is read (typing, enum34, futures): listing every
        # pin's files for every crash would cost a request per pin.
        key = canonicalize_name(pin.name).replace("-", "_")
        if _NAMED.get(key, key.rstrip("0123456789")) not in std:
            continue
        for top in sorted(_pin_tops(ctx, pin)):
            if top in std and not top.startswith("_"):
                out.append((pin, top))
    return out


def _site_file(path: str, module: str) -> bool:
    p = path.replace("\\", "/")
    return bool(re.search(r"/(?:site|dist)-packages/" + re.escape(module) + r"(?:\.py|/)", p))


def _ties(ctx: Any, sig: F.Signal, pin: Any, module: str) -> Optional[str]:
    """Why the crash runs into the backport's copy of ``module``, or None."""
    probe = ctx.probe
    for rec in ctx.crash.exceptions:
        for fr in rec.frames:
            if _site_file(fr.file or "", module):
                return f"{fr.file} is {pin.name}'s {module}, not the standard library's"
    if probe is None or not sig.name:
        return None
    if sig.module and sig.module.split(".")[0] == module and not sig.cls:
        a = probe.ask(pin.name, pin.version, f"{sig.module}:{sig.name}")
        if a.value == "no":
            return (f"Python {ctx.target.python_version}'s {module} has {sig.name}, {pin.name}=={pin.version}'s does not "
                    f"({a.evidence}): the backport is the {module} that was imported")
        return None
    if sig.cls:
        a = probe.ask(pin.name, pin.version, f"{module}:{sig.cls}")
        if a.value != "yes":
            return None
        info = probe.module_of(pin.name, pin.version, module)
        text = probe.resolver(pin.name, pin.version).tree.read(info["source"]) if info.get("source") else None
        if text and re.search(r"\." + re.escape(sig.name) + r"\b", text):
            return (f"{pin.name}=={pin.version}'s {module} defines {sig.cls} and reads .{sig.name}: the backport's code "
                    f"ran in place of Python {ctx.target.python_version}'s own {module}")
    return None


def _asks_for(ctx: Any, meta: Any, dist: str) -> bool:
    from .matrix import _dependencies

    return any(canonicalize_name(r.name) == canonicalize_name(dist) for r in _dependencies(meta, ctx.target, ()))


def _requirer_moves(ctx: Any, backport: Any) -> List[Tuple[Any, str, str]]:
    """(requirer pin, constraint, evidence): the nearest releases, each way, that do not ask for the backport."""
    out = []
    for pin in [p for p in ctx.pins if p.active and p.version and p.key != backport.key]:
        try:
            if not _asks_for(ctx, ctx.index.metadata(pin.name, pin.version), backport.name):
                continue
        except Exception:
            continue
        if ctx.is_keep(pin.name):
            out.append((pin, "", f"{pin.name}=={pin.version} (kept) requires {backport.name} on Python "
                                 f"{ctx.target.python_version}"))
            continue
        try:
            cur = Version(pin.version)
            rels = sorted({r.version for r in ctx.index.releases(pin.name)
                           if not r.version.is_prerelease and not getattr(r, "yanked", False)
                           and r.installable(ctx.target) and ctx.target.allows_python(getattr(r, "requires_python", None))})
        except Exception:
            continue
        below = [v for v in rels if v < cur][::-1][:MAX_REQUIRER_RELEASES // 2]
        above = [v for v in rels if v > cur][:MAX_REQUIRER_RELEASES // 2]
        for side in (above, below):
            for v in side:
                try:
                    meta = ctx.index.metadata(pin.name, str(v))
                except Exception:
                    continue
                if not _asks_for(ctx, meta, backport.name):
                    spec = f">={v}" if v > cur else f"<={v}"
                    out.append((pin, spec, f"{pin.name}=={pin.version} requires {backport.name} with no marker for "
                                           f"Python {ctx.target.python_version}; {pin.name} {v} does not"))
                    break
    return out


def shadowed_module(ctx: Any, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """The diagnosis when the crash runs into a backport of a module the target Python ships; None otherwise."""
    for pin, module in _backports(ctx):
        why = _ties(ctx, sig, pin, module)
        if why is None:
            continue
        ctx.evidence.append(why)
        advice = (f"uninstall {pin.name}: Python {ctx.target.python_version} ships {module}, and the backport "
                  f"{pin.name}=={pin.version} must not be installed beside it")
        moves = _requirer_moves(ctx, pin)
        culprits = [Culprit(p.name, spec, CONF_BACKPORT, [ev, why], "declared-backport") for p, spec, ev in moves if spec]
        if culprits:
            return done("transitive", F.DECLARED,
                        f"{pin.name}=={pin.version}, a backport of {module}, runs on Python {ctx.target.python_version}, "
                        f"which ships {module}; {', '.join(sorted({c.name for c in culprits}))} asks for it",
                        culprits, advice + "; the move below stops the requirement that installs it")
        asked = "; ".join(ev for _, spec, ev in moves if not spec)
        return done("environment", F.DECLARED,
                    f"{pin.name}=={pin.version}, a backport of {module}, runs on Python {ctx.target.python_version}, "
                    f"which ships {module}: no version of it fixes that" + (f" ({asked})" if asked else ""),
                    [], advice)
    return None
