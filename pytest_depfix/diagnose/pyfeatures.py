"""Code that the target Python cannot run: syntax it cannot parse, annotations it cannot evaluate.

A release may declare ``Requires-Python >=3.8`` and still write
``__version__: str | None = None`` at module level (p_tqdm 1.4.1's setup.py),
which Python 3.9 evaluates and rejects with ``TypeError: unsupported operand
type(s) for |: 'type' and 'NoneType'``.  Metadata cannot see that; the source
can.  This module reads one file's text (never runs it) and names the first
statement that would fail at import on the target:

- syntax the target's grammar lacks (``match`` before 3.10, ``:=`` before 3.8,
  ``except*`` before 3.11), found by parsing with ``feature_version``;
- ``from __future__ import annotations`` before 3.7 (the compiler, not the
  parser, refuses it: "future feature annotations is not defined");
- ``X | Y`` unions (PEP 604, Python 3.10) and ``list[int]`` generics (PEP 585,
  Python 3.9; also ``collections.abc.Mapping[str, int]``, whose error says
  "'ABCMeta' object is not subscriptable") in places evaluated at import:
  annotations of module- and class-level names and of functions defined
  there (unless ``from __future__ import annotations``), and module- or
  class-level values built from types.

Function bodies only run when called and are not read; code under a version
check or ``TYPE_CHECKING`` is not read either.
"""

from __future__ import annotations

import ast
import warnings
from dataclasses import dataclass
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

PEP604 = (3, 10)
PEP585 = (3, 9)

# Names whose ``|`` or ``[...]`` is a type expression, never arithmetic.
_TYPES = {"str", "int", "float", "bool", "bytes", "bytearray", "complex", "list", "dict", "tuple", "set",
          "frozenset", "type", "object", "memoryview", "range", "slice"}
_GENERIC_BUILTINS = {"list", "dict", "tuple", "set", "frozenset", "type"}
# collections.abc's classes became subscriptable with PEP 585 (Python 3.9) too.
_ABC_GENERICS = {"Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Iterable", "Iterator",
                 "Generator", "Reversible", "Container", "Collection", "Callable", "Set", "MutableSet", "Mapping",
                 "MutableMapping", "Sequence", "MutableSequence", "ByteString", "MappingView", "KeysView", "ItemsView",
                 "ValuesView"}
FUTURE_ANNOTATIONS = (3, 7)
_TYPING = {"Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet", "Type", "Callable", "Literal",
           "Annotated", "Sequence", "Mapping", "Iterable", "Iterator", "Any", "ClassVar", "Final", "TypeAlias"}


# Keyword arguments of standard-library callables that a Python release added, as decorators and
# class-level values use them at import: (callable, keyword) -> the Python that accepts it.
STDLIB_KEYWORDS = {
    ("dataclass", "slots"): (3, 10),
    ("dataclass", "kw_only"): (3, 10),
    ("dataclass", "match_args"): (3, 10),
    ("field", "kw_only"): (3, 10),
}
_KEYWORD_OWNERS = {"dataclass": "dataclasses", "field": "dataclasses", "lru_cache": "functools"}
# Standard-library decorators a Python release let stand bare (without a call):
# ``@lru_cache`` from 3.8 (bpo-36772); before, it raises "Expected maxsize to be an integer or None".
BARE_DECORATORS = {"lru_cache": (3, 8)}


def stdlib_keyword(function: str, keyword: str) -> Optional[Tuple[int, int]]:
    """The Python that added ``keyword`` to standard-library ``function`` (named as a message prints it), or None."""
    return STDLIB_KEYWORDS.get((function.rsplit(".", 1)[-1], keyword))


@dataclass
class TooNew:
    """One statement the target Python cannot run, and the Python it needs."""

    line: int
    needs: Tuple[int, int]
    what: str
    file: str = ""
    statement: str = ""


def too_new(text: str, python: Tuple[int, ...]) -> Optional[TooNew]:
    """The first statement of ``text`` that Python ``python`` cannot parse or evaluate at import, or None.

    Text the running interpreter cannot parse either is not judged (None): it
    may be a template, a Python 2 file, or newer than us.
    """
    import sys

    target = (int(python[0]), int(python[1]))
    if target >= sys.version_info[:2]:
        return None  # the running grammar is the newest we can judge with
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text)
        found = _syntax(text, target, tree)
        future_at = next((n.lineno for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == "__future__"
                          and any(a.name == "annotations" for a in n.names)), None)
        if found is None and future_at is not None and target < FUTURE_ANNOTATIONS:
            found = TooNew(future_at, FUTURE_ANNOTATIONS, "`from __future__ import annotations` (PEP 563, Python 3.7)")
        if found is None and target < PEP604:
            shadowed = {t.id for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign))
                        for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
            found = next(_evaluated(tree.body, target, future_at is not None, frozenset(shadowed),
                                    _stdlib_callables(tree), _generic_names(tree)), None)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if found is not None:
        lines = text.splitlines()
        found.statement = lines[found.line - 1].strip()[:200] if 0 < found.line <= len(lines) else ""
    return found


def _syntax(text: str, target: Tuple[int, int], tree: ast.Module) -> Optional[TooNew]:
    if target < (3, 7):
        older = _older_grammar(tree, target)
        if older is not None:
            return older
        target = (3, 7)  # the oldest grammar ast.parse can check against here
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(text, feature_version=target)
    except SyntaxError as exc:
        msg = str(exc.msg or "")
        needs = _needs_from(msg) or (target[0], target[1] + 1)
        line = exc.lineno or 0
        match = getattr(ast, "Match", None)
        if "Pattern matching" in msg and match is not None:
            # the parser reports the end of the block; the statement starts at 'match'
            line = min((n.lineno for n in ast.walk(tree) if isinstance(n, match)), default=line)
        if "Parenthesized context managers" in msg:
            # CPython's feature_version check also rejects 'with (lock):', which 3.7 and 3.8 run:
            # only a parenthesized group of several items, or one with 'as', is new syntax.
            lines = text.splitlines()
            grouped = [n.lineno for n in ast.walk(tree) if isinstance(n, (ast.With, ast.AsyncWith))
                       and (len(n.items) > 1 or n.items[0].optional_vars is not None)
                       and 0 < n.lineno <= len(lines) and "(" in lines[n.lineno - 1].split("with", 1)[-1][:3]]
            if not grouped:
                return None
            line = min(grouped)
        return TooNew(line, needs, f"syntax new in Python {needs[0]}.{needs[1]} ({msg})")
    except (ValueError, RecursionError, MemoryError):
        return None
    if target < (3, 8):
        return _bare_starred_return(text, tree)
    return None


# Syntax older Pythons lack, read off the tree (ast.parse's feature_version starts at 3.7):
# node type -> (Python that added it, what it is).
_OLDER_SYNTAX: Tuple[Tuple[type, Tuple[int, int], str], ...] = (
    (ast.JoinedStr, (3, 6), "an f-string"),
    (ast.AnnAssign, (3, 6), "a variable annotation"),
    (ast.AsyncFunctionDef, (3, 5), "async def"),
    (ast.Await, (3, 5), "await"),
    (ast.YieldFrom, (3, 3), "yield from"),
    (ast.Nonlocal, (3, 0), "nonlocal"),
)


def _older_grammar(tree: ast.Module, target: Tuple[int, int]) -> Optional[TooNew]:
    """The first statement using syntax newer than a target older than 3.7 (an f-string on 2.7), or None."""
    best: Optional[TooNew] = None
    for node in ast.walk(tree):
        for kind, needs, what in _OLDER_SYNTAX:
            if isinstance(node, kind) and needs > target:
                line = getattr(node, "lineno", 0)
                if best is None or line < best.line:
                    best = TooNew(line, needs, f"syntax new in Python {needs[0]}.{needs[1]} ({what})")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult) and (3, 5) > target:
            if best is None or node.lineno < best.line:
                best = TooNew(node.lineno, (3, 5), "syntax new in Python 3.5 (the @ operator)")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.args.kwonlyargs and (3, 0) > target:
            if best is None or node.lineno < best.line:
                best = TooNew(node.lineno, (3, 0), "syntax new in Python 3.0 (keyword-only arguments)")
    return best


def _bare_starred_return(text: str, tree: ast.Module) -> Optional[TooNew]:
    """``return a, *b`` (or ``yield``) without parentheses: new in Python 3.8 (bpo-32117).

    CPython's ``feature_version`` parse lets it through, so the tree is asked: a
    returned or yielded tuple with a starred item whose source does not open with
    ``(`` (a bare tuple ends where its last item ends, on Python 3.8+'s tree).
    """
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Return, ast.Yield)) or not isinstance(node.value, ast.Tuple):
            continue
        tup = node.value
        if not tup.elts or not any(isinstance(e, ast.Starred) for e in tup.elts):
            continue
        last = tup.elts[-1]
        # A bare tuple ends where its last item ends; one in parentheses ends after its ")".
        # (Offsets are in UTF-8 bytes on both sides, so they compare.)
        if (getattr(tup, "end_lineno", None), getattr(tup, "end_col_offset", None)) == \
                (getattr(last, "end_lineno", -1), getattr(last, "end_col_offset", -1)):
            return TooNew(tup.lineno, (3, 8), "syntax new in Python 3.8 (an unparenthesized starred item in "
                          f"{'return' if isinstance(node, ast.Return) else 'yield'})")
    return None


def _needs_from(msg: str) -> Optional[Tuple[int, int]]:
    import re

    m = re.search(r"Python (\d+)\.(\d+)", msg)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _evaluated(body: Iterable[ast.stmt], target: Tuple[int, int], future: bool,
               shadowed: frozenset = frozenset(), names: Optional[Dict[str, str]] = None,
               generics: frozenset = frozenset()) -> Iterator[TooNew]:
    """Statements run at import (module and class level), each with what it evaluates."""
    from .users import _about_versions, _is_main_check, _is_type_checking

    for st in body:
        if isinstance(st, ast.If) and (_about_versions(st.test) or _is_type_checking(st.test) or _is_main_check(st.test)):
            continue  # a version branch, TYPE_CHECKING, __main__: not the code an import runs on the target
        if isinstance(st, ast.Try) and any(_catches_type_error(h) for h in st.handlers):
            # 'try: X = int | None / except TypeError: X = Optional[int]' is written for old Pythons
            for h in st.handlers:
                yield from _evaluated(h.body, target, future, shadowed, names, generics)
            yield from _evaluated(st.finalbody, target, future, shadowed, names, generics)
            continue
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            bare = next((b for b in (_bare_decorator(d, target, names or {}) for d in st.decorator_list) if b), None)
            if bare is not None:
                yield bare
                return
            exprs: List[ast.AST] = list(st.decorator_list) + list(st.args.defaults) + \
                [d for d in st.args.kw_defaults if d is not None]
            yield from _values(exprs, target, shadowed, names, generics)
            if not future:
                args = st.args.posonlyargs + st.args.args + st.args.kwonlyargs + \
                    [a for a in (st.args.vararg, st.args.kwarg) if a is not None]
                yield from _annotations([a.annotation for a in args if a.annotation is not None] +
                                        ([st.returns] if st.returns is not None else []), target, shadowed, generics)
            continue
        if isinstance(st, ast.ClassDef):
            yield from _values(list(st.decorator_list) + list(st.bases) + [k.value for k in st.keywords], target, shadowed, names, generics)
            yield from _evaluated(st.body, target, future, shadowed, names, generics)
            continue
        if isinstance(st, ast.AnnAssign):
            if not future:
                yield from _annotations([st.annotation], target, shadowed, generics)
            if st.value is not None:
                yield from _values([st.value], target, shadowed, names, generics)
            continue
        nested = [getattr(st, f) for f in ("body", "orelse", "finalbody") if isinstance(getattr(st, f, None), list)]
        for h in getattr(st, "handlers", []) or []:
            nested.append(h.body)
        for stmts in nested:
            yield from _evaluated(stmts, target, future, shadowed, names, generics)
        exprs = [v for f, v in ast.iter_fields(st) if isinstance(v, ast.expr)]
        yield from _values(exprs, target, shadowed, names, generics)


def _bound_name(node: ast.AST, names: Dict[str, str]) -> Optional[str]:
    """The standard-library callable ``node`` names (``dataclass``, ``dc.dataclass``), by the module's imports."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return names.get(f"{node.value.id}.{node.attr}")
    return None


def _bare_decorator(node: ast.expr, target: Tuple[int, int], names: Dict[str, str]) -> Optional[TooNew]:
    """``@lru_cache`` (not ``@lru_cache()``) on a Python that needs the call."""
    name = _bound_name(node, names)
    needs = BARE_DECORATORS.get(name or "")
    if needs is not None and target < needs:
        return TooNew(node.lineno, needs, f"a bare `@{name}` decorator (Python {needs[0]}.{needs[1]}) evaluated at import")
    return None


def _catches_type_error(handler: ast.ExceptHandler) -> bool:
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return handler.type is None or any(isinstance(n, ast.Name) and n.id in ("TypeError", "Exception", "BaseException")
                                       for n in names)


def _annotations(nodes: List[ast.AST], target: Tuple[int, int], shadowed: frozenset = frozenset(),
                 generics: frozenset = frozenset()) -> Iterator[TooNew]:
    """Every ``|`` in an evaluated annotation is a union; a bare ``list[...]`` a PEP 585 generic."""
    for node in nodes:
        for sub in ast.walk(node):
            if isinstance(sub, ast.BinOp) and isinstance(sub.op, ast.BitOr) and target < PEP604:
                yield TooNew(sub.lineno, PEP604, "an `X | Y` union (PEP 604, Python 3.10) evaluated at import")
                return
            if _builtin_generic(sub, shadowed, generics) and target < PEP585:
                yield TooNew(sub.lineno, PEP585, "a `list[...]`-style generic (PEP 585, Python 3.9) evaluated at import")
                return


def _values(nodes: List[ast.AST], target: Tuple[int, int], shadowed: frozenset = frozenset(),
            names: Optional[Dict[str, str]] = None, generics: frozenset = frozenset()) -> Iterator[TooNew]:
    """Values: only a ``|`` or subscript whose operand is certainly a type, never arithmetic on numbers."""
    for node in nodes:
        for sub in _walk_outside_functions(node):
            if isinstance(sub, ast.Call) and names:
                kw = _new_keyword(sub, target, names)
                if kw is not None:
                    yield kw
                    return
            if isinstance(sub, ast.BinOp) and isinstance(sub.op, ast.BitOr) and target < PEP604 and \
                    (_typeish(sub.left, shadowed) or _typeish(sub.right, shadowed)):
                yield TooNew(sub.lineno, PEP604, "an `X | Y` union (PEP 604, Python 3.10) evaluated at import")
                return
            if _builtin_generic(sub, shadowed, generics) and target < PEP585:
                yield TooNew(sub.lineno, PEP585, "a `list[...]`-style generic (PEP 585, Python 3.9) evaluated at import")
                return


def _stdlib_callables(tree: ast.Module) -> Dict[str, str]:
    """Local names bound to the standard-library callables of ``STDLIB_KEYWORDS`` by module-level imports.

    ``from dataclasses import dataclass`` gives ``{"dataclass": "dataclass"}``; ``import dataclasses as
    dc`` gives ``{"dc.dataclass": "dataclass", "dc.field": "field"}``.  attrs' ``field`` and pydantic's
    ``dataclass`` take ``kw_only`` on any Python and are not bound here.
    """
    out: Dict[str, str] = {}
    for st in tree.body:
        if isinstance(st, ast.ImportFrom) and st.level == 0 and st.module in set(_KEYWORD_OWNERS.values()):
            for a in st.names:
                if _KEYWORD_OWNERS.get(a.name) == st.module:
                    out[a.asname or a.name] = a.name
        elif isinstance(st, ast.Import):
            for a in st.names:
                for fn, mod in _KEYWORD_OWNERS.items():
                    if a.name == mod:
                        out[f"{a.asname or a.name}.{fn}"] = fn
    return out


def _new_keyword(call: ast.Call, target: Tuple[int, int], names: Dict[str, str]) -> Optional[TooNew]:
    """``@dataclass(slots=True)`` on 3.9: a standard-library call with a keyword the target's Python lacks."""
    name = _bound_name(call.func, names)
    if name is None:
        return None
    for k in call.keywords:
        needs = STDLIB_KEYWORDS.get((name, k.arg or ""))
        if needs is not None and target < needs:
            return TooNew(call.lineno, needs, f"{name}({k.arg}=...), new in Python {needs[0]}.{needs[1]}, evaluated at import")
    return None


def _walk_outside_functions(node: ast.AST) -> Iterator[ast.AST]:
    """``ast.walk`` that does not enter lambdas (their bodies run when called)."""
    todo = [node]
    while todo:
        cur = todo.pop()
        yield cur
        if isinstance(cur, ast.Lambda):
            continue
        todo.extend(ast.iter_child_nodes(cur))


def _typeish(node: ast.AST, shadowed: frozenset = frozenset()) -> bool:
    """Whether an operand of ``|`` is surely a type (iterative: a long ``a | b | c ...`` chain is no recursion)."""
    todo = [node]
    while todo:
        cur = todo.pop()
        if isinstance(cur, ast.Constant) and cur.value is None:
            return True
        if isinstance(cur, ast.Name) and cur.id not in shadowed and (cur.id in _TYPES or cur.id in _TYPING):
            return True
        if isinstance(cur, ast.Attribute) and isinstance(cur.value, ast.Name) and cur.value.id in ("typing", "t") \
                and cur.attr in _TYPING:
            return True
        if isinstance(cur, ast.Subscript):
            todo.append(cur.value)
        elif isinstance(cur, ast.BinOp) and isinstance(cur.op, ast.BitOr):
            todo.extend((cur.left, cur.right))
    return False


def _builtin_generic(node: ast.AST, shadowed: frozenset = frozenset(), generics: frozenset = frozenset()) -> bool:
    """``list[int]``, or a collections.abc class subscripted under a name ``generics`` holds (``abc.Mapping[str, int]``)."""
    if not isinstance(node, ast.Subscript):
        return False
    if isinstance(node.value, ast.Name):
        return node.value.id not in shadowed and (node.value.id in _GENERIC_BUILTINS or node.value.id in generics)
    from .users import _dotted

    return bool(generics) and (_dotted(node.value) or "") in generics


def _generic_names(tree: ast.Module) -> frozenset:
    """Names under which the module's top-level imports bind collections.abc's classes.

    ``from collections.abc import Mapping`` gives ``Mapping``; ``from collections
    import abc`` gives ``abc.Mapping``; ``import collections.abc`` gives
    ``collections.abc.Mapping``.  typing's aliases are subscriptable on every
    Python and are never here.
    """
    out = set()
    for st in tree.body:
        if isinstance(st, ast.ImportFrom) and st.level == 0 and st.module == "collections.abc":
            out.update(a.asname or a.name for a in st.names if a.name in _ABC_GENERICS)
        elif isinstance(st, ast.ImportFrom) and st.level == 0 and st.module == "collections":
            for a in st.names:
                if a.name == "abc":
                    out.update(f"{a.asname or 'abc'}.{n}" for n in _ABC_GENERICS)
        elif isinstance(st, ast.Import):
            for a in st.names:
                if a.name in ("collections.abc", "collections") and a.asname is None:
                    out.update(f"collections.abc.{n}" for n in _ABC_GENERICS)
                elif a.name == "collections.abc" and a.asname:
                    out.update(f"{a.asname}.{n}" for n in _ABC_GENERICS)
    return frozenset(out)
