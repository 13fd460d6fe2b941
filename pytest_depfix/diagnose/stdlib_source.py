"""Whether the target Python's standard library binds a name, read from this interpreter's own source.

The table of removed stdlib names (:data:`.families.STDLIB_REMOVED`) holds the
public removals What's New lists.  Libraries also read private names
(aiohttp 3.5's ``asyncio.coroutines._DEBUG``, gone in Python 3.11), which no
table keeps up with.  When the target is the Python running depfix (always so
under ``pytest --depfix``), its standard library is on disk: the module's
source says whether it binds the name.  The file is parsed, never imported.

Only a definite "not bound" counts: a star import, a module ``__getattr__``,
writes through ``globals()`` or ``exec``, or a module written in C make the
answer unknown (None).
"""

from __future__ import annotations

import ast
import os
import sys
import sysconfig
from functools import lru_cache
from typing import Any, Optional, Set

from ..crash.stdlib import is_stdlib_module
from .pysource import parse_exact

__all__ = ["absent_here"]

MAX_SOURCE_BYTES = 2_000_000
# Ways a module binds names no assignment shows: re's flags (enum.global_enum), ssl's constants
# (_IntEnum._convert_), writes through sys.modules, setattr or a module __dict__.
_DYNAMIC_MARKERS = ("global_enum", "_convert_", "sys.modules[", "setattr(", "__dict__")


def absent_here(module: str, name: str, target: Any) -> Optional[str]:
    """``"X.Y"`` when the target is this interpreter's Python and its stdlib ``module`` does not bind ``name``."""
    python = tuple((getattr(target, "python", None) or ())[:2])
    if python != tuple(sys.version_info[:2]) or not name.isidentifier() or not module:
        return None
    if name.startswith("__") and name.endswith("__"):
        return None  # __file__, __path__: every module has them, no source binds them
    if not is_stdlib_module(module, python) or any(not part.isidentifier() for part in module.split(".")):
        return None
    bound = _module_bindings(module)
    if bound is None or name in bound:
        return None
    return f"{python[0]}.{python[1]}"


@lru_cache(maxsize=64)
def _module_bindings(module: str) -> Optional[Set[str]]:
    """The names ``module``'s source binds at module level, or None when that cannot be told."""
    base = os.path.join(sysconfig.get_paths()["stdlib"], *module.split("."))
    for path in (base + ".py", os.path.join(base, "__init__.py")):
        if os.path.isfile(path):
            break
    else:
        return None  # a C module (_asyncio), a frozen or a built-in one: nothing to read
    try:
        if os.path.getsize(path) > MAX_SOURCE_BYTES:
            return None
        with open(path, "rb") as fh:
            data = fh.read()
        tree = parse_exact(data, filename=path)
    except (OSError, SyntaxError, ValueError):
        return None
    raw = data.decode("utf-8", "replace")
    if any(marker in raw for marker in _DYNAMIC_MARKERS):
        return None
    names: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
            return None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("globals", "exec", "vars"):
            return None
        if isinstance(node, ast.Global):
            names.update(node.names)
    for stmt in _module_level(tree.body):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if stmt.name == "__getattr__":
                return None
            names.add(stmt.name)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            for alias in stmt.names:
                names.add(alias.asname or alias.name.split(".", 1)[0])
        else:
            for sub in ast.walk(stmt):
                if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                    names.add(sub.id)
    # submodules of a package are attributes once imported
    folder = os.path.dirname(path) if path.endswith("__init__.py") else None
    if folder:
        for entry in os.listdir(folder):
            stem = entry[:-3] if entry.endswith(".py") else entry
            if stem.isidentifier():
                names.add(stem)
    return names


def _module_level(body):
    """Statements run at import: the body, and the blocks of its ``if``/``try``/``with``/``for``/``while``."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.If, ast.For, ast.While, ast.With, ast.AsyncFor, ast.AsyncWith)):
            yield from _module_level(stmt.body)
            yield from _module_level(getattr(stmt, "orelse", []))
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            yield from _module_level(stmt.body)
            for handler in stmt.handlers:
                yield from _module_level(handler.body)
            yield from _module_level(stmt.orelse)
            yield from _module_level(stmt.finalbody)
