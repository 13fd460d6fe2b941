"""A name a pin's own code reads and nothing binds: the release's own bug.

rich 4.1.0's ``Progress.track`` calls ``progress.refresh()`` where only ``self``
exists, so every loop with ``auto_refresh=False`` dies with "NameError: name
'progress' is not defined" in rich's own frame (Textualize/rich#185); rich 4.2.0
reads ``self.refresh()``.  No other pin is involved: the fix is a release of the
pin whose function no longer reads the name unbound, and the nearest earlier
release without the slip is the other way out.

The reading is exact or silent.  The frame's file is read from the pinned
release and its scopes from :mod:`symtable` (the compiler's own scoping, so
closures, comprehensions and class bodies count as Python counts them).  The
name must be a global of the frame's function that the module never binds, no
builtin of any Python, no module dunder; a module with a star import, ``exec``,
or writes through ``globals()``/``vars()``/``sys.modules`` may bind names no
reader can see, and a printed line that does not read the name shows another
release: both leave the crash to other readings.
"""

from __future__ import annotations

import ast
import builtins
import re
import symtable
from typing import Any, List, Optional

from packaging.utils import canonicalize_name

from ..models import Diagnosis
from . import families as F
from .pysource import parse_quietly

_NAME_ERROR = re.compile(r"(?:global )?name '([A-Za-z_]\w{0,200})' is not defined")
# Names Python binds in every module, and builtins some Python has that the running one may lack.
_MODULE_NAMES = {"__name__", "__file__", "__doc__", "__spec__", "__loader__", "__package__", "__path__",
                 "__builtins__", "__debug__", "__annotations__", "__cached__", "__dict__", "__class__"}
_OTHER_BUILTINS = {"unicode", "basestring", "long", "xrange", "raw_input", "unichr", "reduce", "file", "execfile",
                   "cmp", "buffer", "apply", "intern", "coerce", "reload", "StandardError", "aiter", "anext",
                   "ExceptionGroup", "BaseExceptionGroup", "EncodingWarning", "PythonFinalizationError",
                   "_IncompleteInputError", "WindowsError", "VMSError",
                   "get_ipython", "display", "__IPYTHON__"}  # (the last three: names IPython puts in builtins)
_HIDDEN_BINDERS = re.compile(r"\bexec\s*\(|\bglobals\s*\(\s*\)|\bvars\s*\(\s*\)|\bsys\.modules\b|__builtins__|"
                             r"\bbuiltins\.\w+\s*=|\bsetattr\s*\(\s*builtins")
MAX_SOURCE = 2_000_000  # characters of a release file read for its scopes


def _tables(top: symtable.SymbolTable) -> List[symtable.SymbolTable]:
    out, todo = [], [top]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(t.get_children())
    return out


def _without_main_block(text: str) -> str:
    """The module with its ``if __name__ == "__main__":`` blocks blanked, lines kept in place.

    A demo under that test binds names (rich's ``with Progress() as progress:``) that
    never exist when the module is imported, which is how a pin's code runs.
    """
    if "__main__" not in text:
        return text
    tree = parse_quietly(text)
    lines = text.splitlines()
    for node in tree.body:
        t = node.test if isinstance(node, ast.If) else None
        if isinstance(t, ast.Compare) and len(t.ops) == 1 and isinstance(t.ops[0], ast.Eq) \
                and "'__main__'" in ast.dump(t) and "__name__" in ast.dump(t):
            for i in range(node.lineno - 1, min(node.end_lineno or node.lineno, len(lines))):
                lines[i] = ""
    return "\n".join(lines) + "\n"


def reads_unbound(text: str, function: str, name: str, line: Optional[int] = None) -> Optional[bool]:
    """Whether ``function`` in module source ``text`` reads global ``name`` that nothing binds.

    ``line``: the frame's line, which picks the nearest function of that name above it;
    without it (a later release, whose lines moved) every function of that name is asked
    and all must be clean for False.  None when it cannot be told: the source does not
    compile here, no function of that name, or the module may bind names unseen.
    """
    if len(text) > MAX_SOURCE or "import *" in text or _HIDDEN_BINDERS.search(text):
        return None
    try:
        top = symtable.symtable(_without_main_block(text), "<release>", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if function == "<module>":
        scopes = [top]
    else:
        scopes = [t for t in _tables(top) if t.get_name() == function and t.get_type() != "class"]
        if line is not None:
            above = [t for t in scopes if t.get_lineno() <= line]
            scopes = [max(above, key=lambda t: t.get_lineno())] if above else []
    if not scopes:
        return None
    try:
        bound_at_top = top.lookup(name)
        module_binds = bound_at_top.is_assigned() or bound_at_top.is_imported() or bound_at_top.is_namespace()
    except KeyError:
        module_binds = False
    if module_binds:
        return False
    # A name some function declares global and assigns is a module binding the top table may not list.
    for t in _tables(top):
        try:
            s = t.lookup(name)
        except KeyError:
            continue
        if s.is_declared_global() and (s.is_assigned() or s.is_imported()):
            return False
    for scope in scopes:
        try:
            s = scope.lookup(name)
        except KeyError:
            continue  # a function that does not use the name at all is clean
        if s.is_referenced() and s.is_global() and not s.is_assigned():
            return True
    return False


def _undefined(name: str) -> bool:
    return not (name in _MODULE_NAMES or name in _OTHER_BUILTINS or hasattr(builtins, name))


def undefined_name(ctx: Any, sig: F.Signal, done: Any) -> Optional[Diagnosis]:
    """NameError in a pin's own frame for a name its release never binds: the pin's nearest releases without it."""
    from . import users
    from .adapted import frame_relpath
    from .probe import ReleaseTree
    from .verdict import _both_ways, _frame_party

    if ctx.probe is None or sig.exc_type.rsplit(".", 1)[-1] != "NameError":
        return None
    m = _NAME_ERROR.match(sig.message or "")
    frames = ctx.crash.root.frames
    if not m or not frames or not _undefined(m.group(1)):
        return None
    name, fr = m.group(1), frames[-1]
    party = _frame_party(fr, ctx)
    pin = ctx.pinned(party.name) if party is not None and party.kind == "dist" else None
    rel = frame_relpath(fr)
    if pin is None or not pin.version or not rel or ctx.is_keep(pin.name):
        return None
    if fr.source and not re.search(r"(?<![\w.])" + re.escape(name) + r"\b", fr.source):
        return None  # the printed line does not read the name: not the pinned release's line

    def read(version: str, line: Optional[int]) -> Optional[bool]:
        key = ("undefined-name", canonicalize_name(pin.name), version, rel, fr.function, name, line)
        if key not in ctx.memo:
            try:
                text = ReleaseTree(ctx.probe, pin.name, version).read(rel)
            except Exception:  # a release that cannot be read answers nothing
                text = None
            ctx.memo[key] = reads_unbound(text, fr.function, name, line) if text else None
        return ctx.memo[key]  # type: ignore[no-any-return]

    pinned = read(pin.version, fr.line)
    if pinned is not True:
        # bound somewhere (or not known unbound: matplotlib's __init__ touches sys.modules): maybe too late
        return _bound_after_use(ctx, sig, done, pin, rel, fr, name)
    forward = first_fixed(ctx, pin, lambda v: read(v, None) is False)
    back = users.last_where_before(ctx.probe, pin.name, pin.version, lambda v: read(v, None) is False)
    where = f"{pin.name} {pin.version}'s {rel} reads {name!r} in {fr.function}() and binds it nowhere"
    culprits = _both_ways(pin, where, forward, f"{fr.function}() no longer reads it unbound",
                          back, f"{fr.function}() did not read it yet")
    if not culprits:
        return None
    ctx.evidence.append(where)
    ctx.callee = ctx.party(pin.name)
    return done("direct", sig.family, f"{pin.name} {pin.version} shipped a slip: {where}", culprits)


MAX_PATCHES = 10  # later releases of the pinned minor series read when the newest release cannot answer


def first_fixed(ctx: Any, pin: Any, ok: Any) -> Optional[str]:
    """The pin's first later release where ``ok(v)``: the newest asked first, then its own minor series' patches."""
    from .verdict import _first_later

    return _first_later(ctx, pin.name, pin.version, ok) or _patch_where(ctx, pin, ok)


def _patch_where(ctx: Any, pin: Any, ok: Any) -> Optional[str]:
    """The first later release of the pin's own minor series where ``ok(v)``.

    ``_first_later`` asks the newest release first, and a module the project later moved
    (pywebview's ``webview/gtk.py``, ``webview/platforms/gtk.py`` since 3.0) answers nothing
    there, though pywebview 1.2.1, a patch, fixed the slip.
    """
    from packaging.version import Version

    from .verdict import _final_versions

    try:
        pinned = Version(pin.version)
        later = [v for v in _final_versions(ctx, pin.name) or () if v > pinned and v.release[:2] == pinned.release[:2]]
        for v in later[:MAX_PATCHES]:
            if ok(str(v)):
                return str(v)
    except Exception:
        return None
    return None


def _module_bindings(tree: ast.Module, name: str) -> Optional[List[int]]:
    """Lines where the module's own top-level code binds ``name`` (not inside a def or class); None: cannot tell.

    A star import, or a function declaring the name ``global``, may bind it where no line says so.
    Compound statements (if, try and its handlers, with, for, while, match) are entered, their
    headers' own targets counted; a def nested in them binds only its own name.
    """
    lines: List[int] = []
    compound = tuple(getattr(ast, n) for n in ("If", "Try", "TryStar", "With", "AsyncWith", "For", "AsyncFor",
                                               "While", "ExceptHandler", "Match", "match_case") if hasattr(ast, n))

    def stores(node: Optional[ast.AST], line: int) -> None:
        for n in ast.walk(node) if node is not None else ():
            if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store):
                lines.append(line)

    def visit(nodes: Any) -> bool:
        for node in nodes:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for a in node.names:
                    if a.name == "*":
                        return False
                    if (a.asname or a.name.split(".")[0]) == name:
                        lines.append(node.lineno)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if node.name == name:
                    lines.append(node.lineno)
                if any(isinstance(n, ast.Global) and name in n.names for n in ast.walk(node)):
                    return False
            elif isinstance(node, compound):
                line = getattr(node, "lineno", 0) or getattr(getattr(node, "pattern", None), "lineno", 0)
                stores(getattr(node, "target", None), line)
                for item in getattr(node, "items", []) or []:
                    stores(item.optional_vars, line)
                if isinstance(node, ast.ExceptHandler) and node.name == name:
                    lines.append(line)
                if isinstance(getattr(node, "test", None), ast.AST):
                    stores(node.test, line)  # a walrus in the condition
                inner = [c for f in ("body", "orelse", "finalbody", "handlers", "cases")
                         for c in getattr(node, f, []) or []]
                if not visit(inner):
                    return False
            else:
                stores(node, node.lineno)
        return True

    return sorted(set(lines)) if visit(getattr(tree, "body", [])) else None


def _bound_after_use(ctx: Any, sig: F.Signal, done: Any, pin: Any, rel: str, fr: Any, name: str) -> Optional[Diagnosis]:
    """The module binds the name, but only after its own import ran the function that reads it.

    matplotlib/matplotlib#17962: matplotlib 3.3.0's ``_get_data_path`` writes
    ``defaultParams['datapath']``, but 3.3.0 binds ``defaultParams`` near the end of its
    ``__init__``, after line 898 ran ``_get_data_path()`` at import (in a frozen app, the only
    path that reaches it); 3.2.2 imported it at the top, before the function.  Read only when
    the stack shows the module's own import-time frame (its line is the one that ran the
    function) and every binding comes after that line.  A release is safe where the module
    binds the name before the function's ``def``, or the function no longer reads it.
    """
    from . import users
    from .adapted import frame_relpath
    from .probe import ReleaseTree
    from .verdict import CONF_GUESS, _both_ways

    function = fr.function or ""
    ran = next((f.line for f in ctx.crash.root.frames if f.function == "<module>" and frame_relpath(f) == rel and f.line), None)
    if ran is None or not function.isidentifier():
        return None

    def tree_of(version: str) -> Optional[ast.Module]:
        try:
            text = ReleaseTree(ctx.probe, pin.name, version).read(rel)
            return ast.parse(text) if text and len(text) <= MAX_SOURCE else None
        except Exception:
            return None

    def function_at(tree: ast.Module) -> Optional[ast.AST]:
        return next((n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == function), None)

    def reads(node: ast.AST) -> bool:
        return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))

    pinned = tree_of(pin.version)
    node = function_at(pinned) if pinned is not None else None
    bound = _module_bindings(pinned, name) if pinned is not None else None
    if node is None or not bound or not reads(node) or min(bound) <= ran:
        return None  # bound before anything of the module ran it: the NameError has another cause

    def safe(version: str) -> bool:
        tree = tree_of(version)
        at = function_at(tree) if tree is not None else None
        if at is None:
            return False
        if not reads(at):
            return True
        b = _module_bindings(tree, name)
        return bool(b) and min(b) < at.lineno

    try:
        forward = first_fixed(ctx, pin, safe)
        back = users.last_where_before(ctx.probe, pin.name, pin.version, safe)
    except Exception:
        return None
    where = (f"{pin.name}=={pin.version}'s {rel} binds {name} only at line {min(bound)}, after its import "
             f"ran {function}() at line {ran}")
    culprits = _both_ways(pin, where, forward, f"binds {name} before {function}() or no longer reads it", back,
                          f"binds {name} before {function}()", conf=CONF_GUESS)
    if not culprits:
        return None
    ctx.evidence.append(where)
    ctx.callee = ctx.party(pin.name)
    return done("direct", sig.family, f"{pin.name} {pin.version} shipped a slip: {where}", culprits)
