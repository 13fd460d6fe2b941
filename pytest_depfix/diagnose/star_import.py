"""A name a caller imported, replaced by another pin's ``from M import *`` below it.

scrapy/scrapy#1917: Scrapy 0.24.1's ``scrapy/utils/url.py`` does ``import urlparse``, then
``from w3lib.url import *``.  w3lib 1.14.1's ``url.py`` imported the *function*
``urlparse`` from six and had no ``__all__``, so the star import replaced the module, and
``urlparse.urldefrag(url)`` failed with "'function' object has no attribute 'urldefrag'".
w3lib 1.14.2 added ``__all__``; 1.13 did not bind the name.  Which releases of the star
imported pin export the name is read from their source, never imported.
"""

from __future__ import annotations

import ast
from typing import Any, List, Optional, Tuple

from packaging.version import InvalidVersion, Version

__all__ = ["star_shadowers"]

MAX_RELEASES = 12  # releases of the star-imported pin read on each side of its pin


def star_shadowers(ctx: Any, frame: Any, pin: Any, head: str) -> List[Tuple[Any, str, Optional[str], Optional[str]]]:
    """``(pin, module, back, forward)`` for each star import below ``head``'s import in ``pin``'s frame file.

    ``back``/``forward``: the star-imported pin's nearest releases whose module does not
    export ``head`` (None when none was found).  Only when the pinned release of that pin
    exports it as something other than the same module.
    """
    from .adapted import frame_relpath
    from .probe import ReleaseTree
    from .verdict import module_owner

    rel = frame_relpath(frame)
    if ctx.probe is None or not rel or not head.isidentifier():
        return []
    try:
        tree = ast.parse(ReleaseTree(ctx.probe, pin.name, pin.version).read(rel) or "")
    except Exception:
        return []
    imported_at = None
    stars: List[Tuple[int, str]] = []
    for stmt in tree.body:
        if isinstance(stmt, ast.Import) and any((a.asname or a.name.split(".")[0]) == head for a in stmt.names):
            imported_at = imported_at or stmt.lineno
        elif isinstance(stmt, ast.ImportFrom) and stmt.level == 0 and stmt.module \
                and any(a.name == "*" for a in stmt.names):
            stars.append((stmt.lineno, stmt.module))
    out = []
    for line, module in stars:
        if imported_at is None or line < imported_at:
            continue  # only a star import after the name's own import replaces it
        owner = module_owner(module, ctx)
        other = ctx.pinned(owner) if owner else None
        if other is None or not other.version or other.key == pin.key or ctx.is_keep(other.name):
            continue
        path = module.replace(".", "/")

        def exports(v: str) -> Optional[bool]:
            try:
                t = ReleaseTree(ctx.probe, other.name, v)
                paths = t.paths()
                for cand in (path + ".py", path + "/__init__.py"):
                    if cand in paths:
                        return _exports(t.read(cand) or "", head)
            except Exception:
                return None
            return None

        if not exports(other.version):
            continue
        try:
            pinned = Version(other.version)
            finals = sorted(v for v in (_version(x) for x in ctx.probe.versions(other.name)) if v is not None
                            and not v.is_prerelease and not v.is_devrelease)
        except Exception:
            continue
        back = next((str(v) for v in [v for v in reversed(finals) if v < pinned][:MAX_RELEASES]
                     if exports(str(v)) is False), None)
        forward = next((str(v) for v in [v for v in finals if v > pinned][:MAX_RELEASES]
                        if exports(str(v)) is False), None)
        out.append((other, module, back, forward))
    return out


def _version(text: str) -> Optional[Version]:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def _exports(text: str, head: str) -> Optional[bool]:
    """Whether ``from this_module import *`` binds ``head`` to something other than the module ``head``.

    True: a top-level function, class, assignment or ``from X import head`` binds it and
    ``__all__`` (when a plain list or tuple) lists it; False: it does not; None: unreadable.
    A plain ``import head`` exports the same module object: no harm, False.
    """
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    listed = None
    bound = False
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in stmt.targets):
            if isinstance(stmt.value, (ast.List, ast.Tuple)):
                listed = {e.value for e in stmt.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
            else:
                return None  # a computed __all__: cannot tell
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and stmt.name == head:
            bound = True
        elif isinstance(stmt, ast.ImportFrom) and any((a.asname or a.name) == head for a in stmt.names):
            bound = True
        elif isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == head for t in stmt.targets):
            bound = True
    if head.startswith("_") and listed is None:
        return False  # a star import skips private names
    return bound and (listed is None or head in listed)
