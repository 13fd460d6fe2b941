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

from .pysource import parse_quietly
from .stdlib_source import _module_level

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
    from .verdict import _module_text, _nearest_both_ways, module_owner

    rel = frame_relpath(frame)
    if ctx.probe is None or not rel or not head.isidentifier():
        return []
    try:
        tree = parse_quietly(ReleaseTree(ctx.probe, pin.name, pin.version).read(rel) or "")
    except Exception:
        return []
    imported_at = None
    rebound: List[int] = []  # lines that bind head again (an import, an assignment)
    stars: List[Tuple[int, str]] = []
    for stmt in tree.body:
        if isinstance(stmt, ast.Import) and any((a.asname or a.name.split(".")[0]) == head for a in stmt.names):
            imported_at = imported_at or stmt.lineno
            rebound.append(stmt.lineno)
        elif isinstance(stmt, ast.ImportFrom) and stmt.level == 0 and stmt.module \
                and any(a.name == "*" for a in stmt.names):
            stars.append((stmt.lineno, stmt.module))
        elif head in _bound_by(stmt):
            rebound.append(stmt.lineno)
    out = []
    for line, module in stars:
        if imported_at is None or line < imported_at or any(b > line for b in rebound):
            continue  # only a star import after the name's own import, and not bound again below it
        owner = module_owner(module, ctx)
        other = ctx.pinned(owner) if owner else None
        if other is None or not other.version or other.key == pin.key or ctx.is_keep(other.name):
            continue

        def exports(v: str, other=other, module=module) -> Optional[bool]:
            text = _module_text(ctx, other.name, v, module)
            return None if text is None else _exports(text, head)

        if not exports(other.version):
            continue
        ways = _nearest_both_ways(ctx, other, lambda v: exports(v) is False, most=MAX_RELEASES)
        if ways is None:
            continue
        back, forward = ways
        out.append((other, module, back, forward))
    return out


def _exports(text: str, head: str) -> Optional[bool]:
    """Whether ``from this_module import *`` binds ``head`` to something other than the module ``head``.

    True: a module-level function, class, assignment, ``from X import head`` or ``import x as
    head`` (in the body or its ``if``/``try``/``with`` blocks) binds it and ``__all__`` (a plain
    list or tuple) lists it; False: it does not; None: unreadable, or an ``__all__`` built any
    other way (``+=``, ``.append``, a call, set inside a block).  A plain ``import head``
    exports the same module object: no harm, False.
    """
    try:
        tree = parse_quietly(text)
    except (SyntaxError, ValueError):
        return None
    readable, listed = literal_all(tree)
    if not readable:
        return None  # an __all__ built or extended some other way: cannot tell
    bound = False
    for stmt in _module_level(tree.body):
        if _touches_all(stmt):
            continue
        if isinstance(stmt, ast.Import):
            if any(a.asname == head for a in stmt.names):
                bound = True
            continue
        if head in _bound_by(stmt):
            bound = True
    if head.startswith("_") and listed is None:
        return False  # a star import skips private names
    return bound and (listed is None or head in listed)


def _bound_by(stmt: ast.stmt) -> set:
    """Names one module-level statement binds (not inside functions or classes it defines)."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {stmt.name}
    if isinstance(stmt, ast.ImportFrom):
        return {a.asname or a.name for a in stmt.names if a.name != "*"}
    if isinstance(stmt, ast.Import):
        return {a.asname or a.name.split(".")[0] for a in stmt.names}
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] \
        if isinstance(stmt, (ast.AnnAssign, ast.AugAssign)) else []
    out = set()
    for t in targets:
        for node in ast.walk(t):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                out.add(node.id)
    return out


def _touches_all(stmt: ast.stmt) -> bool:
    """Whether the statement sets or changes ``__all__`` (assignment, ``+=``, ``__all__.append(...)``)."""
    if "__all__" in _bound_by(stmt):
        return True
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and isinstance(stmt.value.func, ast.Attribute) \
        and isinstance(stmt.value.func.value, ast.Name) and stmt.value.func.value.id == "__all__"


def literal_all(tree: ast.Module) -> Tuple[bool, Optional[set]]:
    """``(readable, names)`` of a module's ``__all__``: names None when it has none; not readable when it is
    built any other way than one literal list or tuple at the top (``+=``, ``.append``, a call, a block)."""
    top = {id(stmt) for stmt in tree.body}  # (ast nodes compare by identity: a set, not a list scan)
    listed = None
    for stmt in _module_level(tree.body):
        if not _touches_all(stmt):
            continue
        if id(stmt) not in top or not isinstance(stmt, ast.Assign) or not isinstance(stmt.value, (ast.List, ast.Tuple)) \
                or listed is not None:
            return False, None
        listed = {e.value for e in stmt.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
    return True, listed
