"""Who in the set uses the missing name?  The caller of a crash that printed no frames.

A paste that is only ``module 'numpy' has no attribute 'float'`` names the
callee that changed but not the code that called it, so the fix "move the
caller to a release that adapted" cannot be offered from frames.  The set
itself can say: a pin that declares the callee and whose pinned release uses
``numpy.float`` (``np.float``, ``from numpy import float``) is a caller.  This
module reads the pinned releases of those pins statically (the API probe's
release reader: range reads, the on-disk cache; nothing is imported), finds
the first use of the name, then walks the caller's later releases uploaded
after the callee's breaking series until no module of the release uses it:
that release adapted.

Bounded on purpose: at most ``MAX_CALLERS`` declared dependants, ``MAX_FILES``
modules a release, the probe's byte cap; any failure to read or parse gives no
evidence, never an error.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Dict, Iterable, List, Optional, Set, Tuple, Union

from packaging.utils import canonicalize_name

from .pysource import _slice, parse_quietly, resolve_relative, version_side

MAX_CALLERS = 4  # declared dependants of the callee that are read
MAX_FILES = 600  # modules of one release that are scanned
MAX_RELEASES = 10  # later releases of a caller that are read
MAX_GALLOP = 60  # earlier releases galloped through when the nearest MAX_RELEASES all still use a name


@dataclass
class Use:
    """One use of the missing name in a release's code."""

    file: str
    line: int
    statement: str
    positional: int = -1  # a call's arguments passed by position (-1: not a call, or a *starred one)


INSTANCE = "<instance>"  # as ``module``: the name read as an attribute of an object, never of an imported module


def uses_in_source(text: str, module: str, name: str, raises: str = "ImportError",
                   python: Optional[Tuple[int, ...]] = None,
                   lacks: Optional[Callable[[str, str], Optional[bool]]] = None,
                   import_time: bool = False) -> Optional[Use]:
    """The first statement of ``text`` that uses ``module.name`` where it can fail, or None (unparsable text: None).

    Which exception a use raises depends on how it reaches the name: ``from m
    import x`` raises ImportError, ``m.x`` AttributeError; a ``try`` guards it
    only when a handler catches that one (black 22.1.0 caught only
    ModuleNotFoundError around ``from click import _unicodefun``, so click
    8.1's ImportError escaped).  ``raises`` is kept for callers and unused.
    ``module`` empty: the name reached from any module counts; ``INSTANCE``: only as an
    attribute of something no ``import`` bound (an object, not a module).  ``python``: for a
    name the target's Python lacks, a version branch is taken as the target
    takes it (gitpython 3.1.20's 'if sys.version_info[:2] < (3, 7): ... else:
    from typing import OrderedDict' fails on 3.7.0), not read as a guard.
    ``lacks(module, other)``: whether the pinned callee lacks another name (None:
    cannot tell); a ``try`` that imports such a name from ``module`` fails, so its
    handler's fallback import of ``name`` runs (statsmodels 0.13.0: ``try: from
    pandas import NumericIndex`` / ``except ImportError: from pandas import
    Int64Index``, and pandas 2.0 has neither).  ``import_time``: only what runs when
    the module is imported counts, never a use inside a function body (peft 0.18.1
    moved ``from transformers.modeling_layers import ...`` into the one method needing it).
    """
    receiver = None
    if module.startswith(INSTANCE + ":"):
        # 'INSTANCE:theme': only off a receiver named like the class ('app.builder.theme.config' for Theme)
        module, receiver = INSTANCE, module.split(":", 1)[1]
    instance_only = module == INSTANCE  # 'fixturedef.unittest', never 'six.iteritems(d)'
    if instance_only:
        module = ""
    if name not in text or (not name and module not in text):
        return None
    try:
        tree = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    imports: Set[int] = set()  # hits that raise ImportError
    attrs: Set[int] = set()  # hits that raise AttributeError
    if module and not name:
        # The module itself ('No module named tomllib' on 3.10): any import of it or of a submodule.
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name == module or a.name.startswith(module + ".") for a in node.names):
                imports.add(node.lineno)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and \
                    (node.module == module or node.module.startswith(module + ".")):
                imports.add(node.lineno)
        if import_time:
            imports -= _function_lines(tree)
        if not imports:
            return None
        live = _live(tree.body, imports, set(imports), "ModuleNotFoundError", python,
                     fb=(module, lacks) if lacks is not None else None,
                     flags=_version_flags(tree))[0]  # type: ignore[attr-defined]
        if not live:
            return None
        line = min(live)
        lines = text.splitlines()
        return Use("", line, lines[line - 1].strip() if 0 < line <= len(lines) else "")
    if not module:  # any module: every import or attribute access of the name is a use
        short_circuited = _short_circuit_guarded(tree)
        # INSTANCE: an attribute of an object ('fixturedef.unittest'), never a module's function
        # ('six.iteritems(d)' is six's, whatever the object's class lost).
        modules = _module_names(tree) if instance_only else set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and any(a.name == name for a in node.names):
                if not instance_only:
                    imports.add(node.lineno)
            elif isinstance(node, ast.Attribute) and node.attr == name and id(node) not in short_circuited \
                    and not (instance_only and isinstance(node.ctx, ast.Store)):
                # (an object's attribute being set, 'self.end_lineno = lineno', raises nothing)
                head = _dotted(node.value) or ""
                if not (instance_only and head.split(".")[0] in modules) and \
                        (receiver is None or head.rsplit(".", 1)[-1].replace("_", "").lower() == receiver):
                    attrs.add(node.lineno)
    else:
        # Local names and the modules they stand for: 'import pandas as pd' makes 'pd.core' pandas.core,
        # 'import numpy.random' binds numpy, 'from pandas import core' binds core to pandas.core.
        # A local name may stand for different modules in different functions (imbalanced-learn
        # 0.6.2: 'import keras' in one helper, 'from tensorflow import keras' in the next): each
        # use is read with the bindings of the innermost function that binds it, else the module's.
        parents: Dict[int, ast.AST] = {}
        for outer in ast.walk(tree):
            for child in ast.iter_child_nodes(outer):
                parents[id(child)] = outer

        def scopes(node: ast.AST) -> List[Optional[int]]:
            out: List[Optional[int]] = []
            up = parents.get(id(node))
            while up is not None:
                if isinstance(up, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                    out.append(id(up))
                up = parents.get(id(up))
            return out + [None]

        bound: Dict[Optional[int], Dict[str, Set[str]]] = {}

        def bind(node: ast.AST, local: str, full: str) -> None:
            bound.setdefault(scopes(node)[0], {}).setdefault(local, set()).add(full)

        def meaning(node: ast.AST, head: str) -> Set[str]:
            for scope in scopes(node):
                if head in bound.get(scope, {}):
                    return bound[scope][head]
            return set()

        fallbacks = _fallback_imports(tree)
        aliases: List[ast.Assign] = []
        for node in ast.walk(tree):
            if id(node) in fallbacks:
                continue  # 'try: import requests / except ImportError: from botocore.vendored import requests'
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname:
                        bind(node, a.asname, a.name)
                    else:
                        top = a.name.split(".")[0]
                        bind(node, top, top)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if node.module == module and any(a.name == name for a in node.names):
                    imports.add(node.lineno)
                for a in node.names:
                    if a.name != "*":
                        bind(node, a.asname or a.name, f"{node.module}.{a.name}")
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                # 'dns = import_patched("dns")' (eventlet 0.33.2), 'np = importlib.import_module("numpy")':
                # a name bound by an importing call stands for the module its string names.
                named = _imported_by_call(node.value)
                if named:
                    bind(node, node.targets[0].id, named)
                elif isinstance(node.value, ast.Attribute):
                    aliases.append(node)  # resolved once every import is bound (ast.walk is breadth-first)
        # 'coroutines = asyncio.coroutines' (aiohttp 3.6's helpers): the name stands for the submodule
        # of a module an import bound, also when that import sits in a 'try:' or 'if' block.
        for node in aliases:
            head, _, rest = (_dotted(node.value) or "").partition(".")
            for full in list(meaning(node, head)) if rest else ():
                bind(node, node.targets[0].id, f"{full}.{rest}")
        # 'for mod in (sa, sa.orm): mod.__all__' (Flask-SQLAlchemy 3.0.1): inside that loop, the loop
        # name stands for each module of the literal tuple, the one asked about among them.
        loops: Dict[str, List[Tuple[int, int]]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.For) and isinstance(node.target, ast.Name) \
                    and isinstance(node.iter, (ast.Tuple, ast.List)):
                for elt in node.iter.elts:
                    head, _, rest = (_dotted(elt) or "").partition(".")
                    if any((full + ("." + rest if rest else "")) == module for full in meaning(node, head)):
                        loops.setdefault(node.target.id, []).append((node.lineno, getattr(node, "end_lineno", node.lineno)))
                        break
        short_circuited = _short_circuit_guarded(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == name and id(node) not in short_circuited:
                head, _, rest = (_dotted(node.value) or "").partition(".")
                fulls = set(meaning(node, head))
                if any(a <= node.lineno <= b for a, b in loops.get(head, ())):
                    fulls = {module} if not rest else set()
                if any((full + ("." + rest if rest else "")) == module for full in fulls):
                    attrs.add(node.lineno)
        by_import, by_attr = _named_by_strings(tree, module, name)
        imports |= by_import
        attrs |= by_attr
    if imports or attrs:
        both = _version_branches(tree, name)
        if import_time:
            both |= _function_lines(tree)
        imports -= both
        attrs -= both
    if not imports and not attrs:
        return None
    fb = (module, lacks) if module and lacks is not None else None
    mentions = _mentions(tree, name, module)
    live = set()
    flags = _version_flags(tree)
    if imports:
        live |= _live(tree.body, imports, mentions, "ImportError", python, fb, flags)[0]  # type: ignore[attr-defined]
    if attrs:
        live |= _live(tree.body, attrs, mentions, "AttributeError", python, fb, flags)[0]  # type: ignore[attr-defined]
    if not live:
        return None
    line = min(live)
    lines = text.splitlines()
    return Use("", line, lines[line - 1].strip() if 0 < line <= len(lines) else "")


def _fallback_imports(tree: ast.AST) -> Set[int]:
    """Imports of a vendored copy in an ImportError handler, behind the real package imported in the ``try``.

    thundra 2.3.8's reporter does ``try: import requests`` / ``except ImportError: from
    botocore.vendored import requests``; it declares requests, so the real ``requests``
    is what its code runs with and the handler's vendored copy is not.  Only that shape
    is skipped: the ``try`` imports a top-level package under its own name and the
    handler imports the same name from inside another package.  Any other fallback
    (``import cupy as xp`` / ``import numpy as xp``, ``from django.utils import six`` /
    ``import six``) may well be what runs, and stays.
    """
    out: Set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        real = {a.name for st in node.body if isinstance(st, ast.Import)
                for a in st.names if a.asname is None and "." not in a.name}
        if not real:
            continue
        for handler in node.handlers:
            if not _catches(handler, "ImportError"):
                continue
            for st in handler.body:
                if isinstance(st, ast.ImportFrom) and st.level == 0 and st.module and st.names and \
                        all(a.name in real and (a.asname is None or a.asname == a.name) for a in st.names) and \
                        st.module.split(".")[0] not in real:
                    out.add(id(st))
    return out


# Callables that look a dotted name up when they run: an import by string, or patching by name.
_IMPORTS_BY_STRING = {"import_module", "__import__"}
_RESOLVES_BY_STRING = {"wrap_function_wrapper", "patch_function_wrapper", "wrap_object", "patch", "resolve_name"}


def _named_by_strings(tree: ast.AST, module: str, name: str) -> Tuple[Set[int], Set[int]]:
    """``(import lines, attribute lines)`` of calls that look ``module.name`` up by a string.

    thundra 2.3.8 calls ``wrapt.wrap_function_wrapper('botocore.vendored.requests',
    'Session.send', ...)``, which looks the name up when it runs (botocore 1.13
    emptied that module); ``mock.patch('pkg.mod.Name.method')`` does the same, and
    ``importlib.import_module('pkg.mod.name')`` imports it (an ImportError, so an
    ``except ImportError`` guards it).  Only callables known to resolve their string
    count: a logger name or ``find_spec`` cannot fail because the name is gone.
    """
    dotted = f"{module}.{name}"
    imports: Set[int] = set()
    attrs: Set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id if isinstance(node.func, ast.Name) else ""
        if func not in _IMPORTS_BY_STRING and func not in _RESOLVES_BY_STRING:
            continue
        args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        if not args or args[0] is None:
            continue
        if func in _IMPORTS_BY_STRING:
            if args[0] == dotted or args[0].startswith(dotted + "."):
                imports.add(node.lineno)
        elif len(args) >= 2 and args[0] == module and args[1] is not None and args[1].split(".")[0] == name:
            attrs.add(node.lineno)
        elif args[0] == dotted or args[0].startswith(dotted + "."):
            attrs.add(node.lineno)
    return imports, attrs


def _module_names(tree: ast.AST) -> Set[str]:
    """Names an ``import`` statement binds anywhere in the file (``import six``, ``import numpy as np``): modules."""
    out: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update((a.asname or a.name).split(".")[0] for a in node.names)
    return out


_CATCHES = {
    "ImportError": {"ImportError", "Exception", "BaseException"},
    "ModuleNotFoundError": {"ModuleNotFoundError", "ImportError", "Exception", "BaseException"},
    "AttributeError": {"AttributeError", "Exception", "BaseException"},
}


def _catches(handler: ast.ExceptHandler, raises: str) -> bool:
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    wanted = _CATCHES.get(raises, {raises, "Exception", "BaseException"})
    return any((_dotted(n) or "").rsplit(".", 1)[-1] in wanted for n in names)


def _mentions(tree: ast.AST, name: str, module: str = "") -> Set[int]:
    """Lines that reach for ``name`` where the same failure can recur.

    From the failing module or one it aliases (clearml's fallback
    ``from urllib3.contrib import appengine`` for ``requests.packages.urllib3.contrib``),
    not from elsewhere: ``from collections.abc import Mapping`` is the
    working alternative to ``collections.Mapping``, not the same failure.
    """
    def related(other: Optional[str]) -> bool:
        if not module or not other:
            return not module
        return other == module or module.endswith("." + other) or other.endswith("." + module)

    out: Set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name == name for a in node.names) and related(node.module):
            out.add(node.lineno)
        elif isinstance(node, ast.Attribute) and node.attr == name and related(_dotted(node.value)):
            out.add(node.lineno)
    return out


def _live(stmts: List[ast.stmt], uses: Set[int], mentions: Set[int], raises: str,
          python: Optional[Tuple[int, ...]] = None,
          fb: Optional[Tuple[str, Callable[[str, str], Optional[bool]]]] = None,
          flags: Optional[Dict[str, ast.AST]] = None) -> Tuple[Set[int], Set[int]]:
    """(uses, mentions) in ``stmts`` that can run and fail, i.e. not behind a guard.

    Guards, as maintainers write them to keep old and new versions working:
    a branch on a version (``if sys.version_info >= (3, 8)``, ``if is_py2``,
    ``if hasattr(...)``, or a module-level name in ``flags`` assigned from such a
    test: scikit-image 0.14.2's ``old_numpy = Version(np.__version__) <
    Version('1.16')`` / ``if old_numpy:``) hides both sides, unless the target's
    Python decides it (then the side it takes is read, for a flag as for the test
    written inline); a ``try`` hides its body when a
    handler catches the error and does not reach for the same name again
    (clearml 1.10.3's handler re-imported ``appengine`` from urllib3 and failed
    too; 1.10.4 nested another try that sets it to None); a handler's own uses
    run only when the body failed, so they count only when the body used the
    name as well (``try: from collections.abc import Mapping`` / ``except:
    from collections import Mapping`` is an adaptation), or when the body
    imports from the same module a name ``fb`` says the pinned callee lacks
    (then the body surely fails and the handler's fallback runs).
    """
    live_u: Set[int] = set()
    live_m: Set[int] = set()
    for st in stmts:
        if isinstance(st, ast.Try):
            bu, bm = _live(st.body, uses, mentions, raises, python, fb, flags)
            hu: Set[int] = set()
            hm: Set[int] = set()
            for h in st.handlers:
                u, m = _live(h.body, uses, mentions, raises, python, fb, flags)
                hu |= u
                hm |= m
            # A handler guards when it catches the error, does not re-raise, and does not reach
            # for the same name again (from the same or an aliased module).
            guarded = any(_catches(h, raises) and not _reraises(h) and not (_broad(h) and _reports(h))
                          for h in st.handlers) and not hm
            if not guarded:
                live_u |= bu
                live_m |= bm
            if bu or (hu and fb is not None and _body_fails(st.body, fb)):
                live_u |= hu
                live_m |= hm
            u, m = _live(st.orelse + st.finalbody, uses, mentions, raises, python, fb, flags)
            live_u |= u
            live_m |= m
        elif isinstance(st, ast.If) and (_about_versions(st.test) or _tests_flag(st.test, flags)):
            taken = version_side(_flag_value(st.test, flags), python)
            if taken is None:
                continue  # a version guard: whichever side runs, it was written for it
            u, m = _live(st.body if taken else st.orelse, uses, mentions, raises, python, fb, flags)
            live_u |= u
            live_m |= m
        elif isinstance(st, ast.If) and _is_type_checking(st.test):
            u, m = _live(st.orelse, uses, mentions, raises, python, fb, flags)  # 'if TYPE_CHECKING:' never runs
            live_u |= u
            live_m |= m
        elif isinstance(st, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.FunctionDef,
                             ast.AsyncFunctionDef, ast.ClassDef)):
            head = _head_lines(st)
            live_u |= uses & head
            live_m |= mentions & head
            inner = _unshadowed(flags, st)
            for block in (getattr(st, "body", []), getattr(st, "orelse", [])):
                u, m = _live(block, uses, mentions, raises, python, fb, inner)
                live_u |= u
                live_m |= m
        else:
            lines = set(range(st.lineno, (getattr(st, "end_lineno", None) or st.lineno) + 1))
            live_u |= uses & lines
            live_m |= mentions & lines
    return live_u, live_m


def _body_fails(body: List[ast.stmt], fb: Tuple[str, Callable[[str, str], Optional[bool]]]) -> bool:
    """Whether a ``try`` body imports, from the failing module's package, a name the pinned callee surely lacks.

    flask-restx 1.1.0: ``try: from flask.helpers import _endpoint_from_view_func`` /
    ``except ImportError: from flask.scaffold import ...``; Flask 3.0 has neither.
    """
    module, lacks = fb
    top = module.split(".")[0]
    for st in body:
        # (a submodule's sibling counts; a plain module's is only itself: 'collections.abc' before
        # 'collections' is the new home, no sign of what the callee lacks)
        if isinstance(st, ast.ImportFrom) and st.level == 0 and st.module and \
                (st.module == module or ("." in module and st.module.split(".")[0] == top)):
            for alias in st.names:
                if alias.name != "*" and lacks(st.module, alias.name) is True:
                    return True
    return False


def _reraises(handler: ast.ExceptHandler) -> bool:
    """``except ImportError as e: raise ImportError("upgrade numpy") from e`` hides nothing."""
    return any(isinstance(st, ast.Raise) for st in handler.body)


def _broad(handler: ast.ExceptHandler) -> bool:
    """``except:``, ``except Exception``: a handler for anything, not one written for this error."""
    if handler.type is None:
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(k, ast.Name) and k.id in ("Exception", "BaseException") for k in kinds)


def _reports(handler: ast.ExceptHandler) -> bool:
    """A handler that shows the error (prints its traceback): no fallback.

    pocsuite3 1.6.6 wraps its thread loop, and ``thread.isAlive()``, in
    ``except Exception as ex: logger.error(... str(ex)); traceback.print_exc()``:
    the AttributeError is what the user then sees.
    """
    # Printing the traceback is reporting; only logging the message, then falling back, is a guard.
    for node in ast.walk(ast.Module(body=handler.body, type_ignores=[])):
        if isinstance(node, ast.Attribute) and node.attr in ("print_exc", "print_exception", "format_exc", "exception"):
            return True
    return False


def _is_type_checking(test: ast.AST) -> bool:
    return (_dotted(test) or "").rsplit(".", 1)[-1] == "TYPE_CHECKING"


def _head_lines(st: ast.stmt) -> Set[int]:
    """Lines of a compound statement before its body (a class's bases, a with's items, a loop's target)."""
    body = getattr(st, "body", None) or []
    first = min((b.lineno for b in body), default=st.lineno + 1)
    start = min([st.lineno] + [d.lineno for d in getattr(st, "decorator_list", [])])
    return set(range(start, max(first, st.lineno + 1)))


_PY_FLAG = None  # compiled lazily: is_py2, PY3, six.PY2, PY37 ...


def _version_flags(tree: ast.AST) -> Dict[str, ast.AST]:
    """Module-level names assigned a version test: name -> the test (``old_numpy = Version(np.__version__) < ...``).

    Only a comparison, an ``and``/``or`` of tests, or a ``hasattr(...)`` call whose text
    ``_about_versions`` accepts: ``PLUGINS = [p for p in np.__all__ if hasattr(np, p)]`` is a
    list, not a guard.  One step of data flow, module level only.
    """
    out: Dict[str, ast.AST] = {}
    for node in getattr(tree, "body", []):
        if isinstance(node, ast.Assign) and _about_versions(node.value) and (
                isinstance(node.value, (ast.Compare, ast.BoolOp))
                or (isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
                    and node.value.func.id == "hasattr")):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    out[t.id] = node.value
    return out


def _tests_flag(test: ast.AST, flags: Optional[Dict[str, ast.AST]]) -> bool:
    """``if flag:`` or ``if not flag:`` on a name ``_version_flags`` found."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    return bool(flags) and isinstance(test, ast.Name) and test.id in flags  # type: ignore[operator]


def _flag_value(test: ast.AST, flags: Optional[Dict[str, ast.AST]]) -> ast.AST:
    """The test a flag stands for (``not flag`` as ``not <test>``); any other test as it is."""
    if not _tests_flag(test, flags):
        return test
    if isinstance(test, ast.UnaryOp):
        return ast.UnaryOp(op=ast.Not(), operand=flags[test.operand.id])  # type: ignore[index,attr-defined]
    return flags[test.id]  # type: ignore[index,attr-defined]


def _unshadowed(flags: Optional[Dict[str, ast.AST]], scope: ast.AST) -> Optional[Dict[str, ast.AST]]:
    """The flags a function body still sees: a name the function binds itself is its own, no flag.

    A class body's names are not visible to its methods, so a class passes the flags on
    unchanged; a function's own bindings are read without going into nested functions,
    classes, lambdas or comprehensions, and a name it declares ``global`` stays the flag.
    """
    if not flags or not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return flags
    own: Set[str] = set()
    declared_global: Set[str] = set()
    a = scope.args
    own |= {x.arg for x in a.posonlyargs + a.args + a.kwonlyargs} | {x.arg for x in (a.vararg, a.kwarg) if x}
    todo: List[ast.AST] = list(scope.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)  # the nested definition binds its name here; its body is its own scope
            continue
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            declared_global.update(node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            own.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            own.update((al.asname or al.name).split(".")[0] for al in node.names)
        todo.extend(ast.iter_child_nodes(node))
    own -= declared_global
    return {k: v for k, v in flags.items() if k not in own}


def _short_circuit_guarded(tree: ast.AST) -> Set[int]:
    """ids of the nodes an ``and`` evaluates only after a version guard, or either side of a conditional expression on one.

    transformers 4.43.2: ``is_torch_e4m3fn_available = hasattr(torch, "float8_e4m3fn")``
    then ``is_torch_e4m3fn_available and param.dtype == torch.float8_e4m3fn``: the
    attribute is never read on a torch without it.  A guard is a test
    ``_about_versions`` accepts, or a name assigned from one.
    """
    flags = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign) and _about_versions(node.value)
             for t in node.targets if isinstance(t, ast.Name)}

    def guard(expr: ast.AST) -> bool:
        return _about_versions(expr) or (isinstance(expr, ast.Name) and expr.id in flags)

    out: Set[int] = set()
    for node in ast.walk(tree):
        later: List[ast.AST] = []
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            for i, value in enumerate(node.values):
                if guard(value):
                    later += node.values[i + 1:]
                    break
        elif isinstance(node, ast.IfExp) and guard(node.test):
            # like an 'if' on a version: whichever side runs was written for it (neurokit2 0.2.13:
            # 'np.trapezoid if hasattr(np, "trapezoid") else np.trapz')
            later += [node.body, node.orelse]
        for part in later:
            out.update(id(n) for n in ast.walk(part))
    return out


def _about_versions(test: ast.AST) -> bool:
    """A branch on the running Python or a library version.

    ``sys.version_info >= (3, 8)``, ``flask_major_version >= 3`` (a comparison
    involving a version), a Python flag (``is_py2``, ``six.PY2``, ``not PY3``),
    or ``hasattr(...)``; not ``if args.version:``.
    """
    import re

    global _PY_FLAG
    if _PY_FLAG is None:
        _PY_FLAG = re.compile(r"(?:^|_)py(?:thon)?_?\d", re.I)
    for sub in ast.walk(test):
        text = sub.id if isinstance(sub, ast.Name) else sub.attr if isinstance(sub, ast.Attribute) else ""
        if text and _PY_FLAG.search(text):
            return True
        if isinstance(sub, ast.Compare):
            for part in ast.walk(sub):
                t = part.id if isinstance(part, ast.Name) else part.attr if isinstance(part, ast.Attribute) else ""
                if "version" in t.lower():
                    return True
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id == "hasattr":
            return True
    return False


def _dotted(node: ast.AST) -> Optional[str]:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def _imported_by_call(value: ast.AST) -> Optional[str]:
    """The module an importing call returns: ``import_module("a.b")`` is a.b, ``__import__("a.b")`` is a."""
    if not isinstance(value, ast.Call) or not value.args:
        return None
    first = value.args[0]
    func = (_dotted(value.func) or "").rsplit(".", 1)[-1]
    if "import" not in func.lower() or not isinstance(first, ast.Constant) or not isinstance(first.value, str):
        return None
    text = first.value
    if not text or not all(part.isidentifier() for part in text.split(".")):
        return None
    # __import__("a.b") returns a, unless a fromlist asks for the submodule's names
    fromlist = len(value.args) > 3 or any(k.arg == "fromlist" for k in value.keywords)
    return text.split(".")[0] if func == "__import__" and not fromlist else text


def _function_lines(tree: ast.AST) -> Set[int]:
    """Every line inside a function or lambda body: code an import of the module does not run."""
    out: Set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            start = node.body[0].lineno if isinstance(node.body, list) and node.body else node.lineno
            out.update(range(start, (getattr(node, "end_lineno", None) or start) + 1))
    return out


def first_use(probe: Any, dist: str, version: str, module: str, name: str,
              files: Optional[Iterable[str]] = None, raises: str = "ImportError",
              python: Optional[Tuple[int, ...]] = None, max_bytes: Optional[int] = None,
              lacks: Optional[Callable[[str, str], Optional[bool]]] = None,
              unreached: Optional[Callable[[Any, str], bool]] = None, import_time: bool = False) -> Optional[Use]:
    """The first use of ``module.name`` in ``dist==version`` (in ``files`` when given), or None.

    ``unreached(tree, path)``: a module the set's versions never import (a version branch
    not taken) holds no use."""
    from .probe import ReleaseTree

    tree = ReleaseTree(probe, dist, version, max_bytes=max_bytes)
    paths = [p for p in (files if files is not None else tree.paths()) if p.endswith(".py")]
    if files is None:
        # A release's own tests and docs are shipped, not run by its users: a use there is no caller
        # ('import imp' in toolz/tests/ does not make toolz the code that crashed).
        paths = [p for p in paths if not any(_test_or_docs_folder(part) for part in p.split("/")[:-1])]
    for batch in _batches(sorted(paths, key=_shallow_first)[:MAX_FILES]):
        tree.prefetch(batch)
        for path in batch:
            text = tree.read(path)
            if not text:
                continue
            use = uses_in_source(text, module, name, raises, python, lacks, import_time=import_time)
            if use is not None and unreached is not None and unreached(tree, path):
                continue
            if use is not None:
                use.file = path
                return use
    return None


NAME_SEARCH_CAP_FACTOR = 2  # a search with no frame to go by may read this many times the probe's cap
BATCH = 60  # modules fetched at once; reading stops at the batch that answered


def _shallow_first(path: str, hint: str = "") -> Tuple[bool, int, str]:
    """Hand-written modules sit near the top; generated bindings (selenium's devtools/v104/...) deep down."""
    base = path.rsplit("/", 1)[-1][:-3]
    return (base != hint, path.count("/"), path)


def _batches(paths: List[str]) -> Iterable[List[str]]:
    for i in range(0, len(paths), BATCH):
        yield paths[i:i + BATCH]


def any_file_matches(tree: Any, paths: List[str], pattern: Any) -> Optional[bool]:
    """Whether one of ``paths`` in ``tree`` matches ``pattern``, read in prefetched batches (None: over the read cap)."""
    from .probe import _ByteCap

    try:
        for batch in _batches(paths):
            tree.prefetch(batch)
            if any(pattern.search(tree.read(p) or "") for p in batch):
                return True
    except _ByteCap:
        return None
    return False


def dependants(ctx: Any, callee_key: str, any_extra: bool = False, with_kept: bool = False) -> List[Any]:
    """Active, movable pins of the set whose pinned release declares ``callee_key``.

    ``any_extra``: a requirement under any extra or marker counts too.  What asks whether a
    pin's code is built on the callee (xgboost's classes subclass scikit-learn's mixins while
    it declares scikit-learn only under its ``scikit-learn`` extra) needs the declaration, not
    whether pip would install it for the target.  ``with_kept``: kept pins count too (what is
    built on the callee, not what may move).
    """
    out = []
    for pin in ctx.pins:
        if not pin.active or not pin.version or pin.key == callee_key or (ctx.is_keep(pin.name) and not with_kept):
            continue
        try:
            meta = ctx.index.metadata(pin.name, pin.version)
            reqs = meta.requirements() if any_extra else meta.dependencies(ctx.target)
        except Exception:
            continue
        if any(canonicalize_name(r.name) == callee_key for r in reqs):
            out.append(pin)
        if len(out) >= MAX_CALLERS:
            break
    return out


class Adapted:
    """A caller found by reading the set; its first release that stopped using the name is read on demand.

    Reading later releases costs range requests, and some callers only need to
    be known (``_by_name_users`` with several users, a caller that must move
    back): so ``adapted`` is computed the first time it is asked for.
    """

    def __init__(self, ctx: Any, dist: str, version: str, use: Use, module: str, name: str,
                 after: Optional[datetime], raises: str, max_bytes: Optional[int] = None) -> None:
        self.dist, self.version, self.use = dist, version, use
        self._args = (ctx, module, name, after, raises)
        self._max_bytes = max_bytes  # the cap the use was found under: a later release is read as far
        self._found: Optional[Tuple[Optional[str], bool]] = None

    def _first(self) -> Tuple[Optional[str], bool]:
        if self._found is None:
            ctx, module, name, after, raises = self._args
            self._found = _first_without(ctx, self.dist, self.version, module, name, self.use, after, raises,
                                         max_bytes=self._max_bytes)
        return self._found

    @property
    def adapted(self) -> Optional[str]:
        """First later release without a use that can fail, None when none of those read did."""
        return self._first()[0]

    @property
    def partial(self) -> bool:
        """The adapted release was too big to read whole: only the module that used the name was checked."""
        return self._first()[1]

    def describe(self, what: str) -> str:
        if self.adapted and self.partial:
            found = (f"{self.dist} {self.adapted} no longer uses it in {self.use.file} (the rest of that release is over "
                     f"the read cap and was not checked)")
        elif self.adapted:
            found = f"{self.dist} {self.adapted} no longer uses it (read from release files)"
        else:
            found = f"no later release of {self.dist} read stopped using it"
        return (f"no caller frame was printed; {self.dist} {self.version} uses {what} "
                f"(`{self.use.statement}`, {self.use.file} line {self.use.line}); {found}")


def find_callers(ctx: Any, module: str, name: str, after: Optional[datetime], raises: str = "ImportError",
                 candidates: Optional[List[Any]] = None) -> List[Adapted]:
    """Callers in the set that use ``module.name``, each with the release that adapted (if any).

    ``candidates`` defaults to the declared dependants of ``ctx.callee``; for a
    name the standard library dropped there is no callee to depend on, and the
    caller passes the set's movable pins instead.
    """
    if ctx.probe is None:
        return []
    fallback: List[Any] = []
    if candidates is None:
        callee = ctx.callee
        if callee is None or not callee.key:
            return []
        candidates = dependants(ctx, callee.key)
        # Code imports what it never declared (Flask-WTF 0.14.2 imports werkzeug through Flask's
        # requirement): when no declared dependant uses the name, the other movable pins are read.
        fallback = [p for p in ctx.pins if p.active and p.version and p.key != callee.key and not ctx.is_keep(p.name)
                    and p not in candidates][:MAX_OWNER_PINS]
    cap = ctx.probe.max_bytes * NAME_SEARCH_CAP_FACTOR  # no frame says which module: see find_name_users
    out = _callers_among(ctx, candidates, module, name, after, raises, max_bytes=cap)
    if not out and fallback:
        out = _callers_among(ctx, fallback, module, name, after, raises, max_bytes=cap)
    return out


def find_name_users(ctx: Any, name: str, raises: str = "AttributeError") -> List[Adapted]:
    """Movable pins whose code reaches ``name`` from any module (``_lib.OpenSSL_add_all_algorithms()``), with the release that stopped."""
    if ctx.probe is None:
        return []
    movable = [p for p in ctx.pins if p.active and p.version and not ctx.is_keep(p.name)][:MAX_OWNER_PINS]
    # No frame says which module of a pin uses the name, so a large release is read whole, within
    # twice the probe's cap (statsmodels 0.13.0 imports scipy's _centered 5.6 MB into its modules).
    return _callers_among(ctx, movable, "", name, None, raises, max_bytes=ctx.probe.max_bytes * NAME_SEARCH_CAP_FACTOR)


def _callers_among(ctx: Any, candidates: List[Any], module: str, name: str, after: Optional[datetime],
                   raises: str, max_bytes: Optional[int] = None) -> List[Adapted]:
    out: List[Adapted] = []
    lacks = callee_lacks(ctx)  # one cache of the callee's answers for every candidate
    for pin in candidates:
        try:
            if hasattr(ctx, "unread_callers") and _too_big_to_read(ctx.probe, pin.name, pin.version):
                ctx.unread_callers += 1  # read in part: no proof that it does not use the name
            use = first_use(ctx.probe, pin.name, pin.version, module, name, raises=raises, python=_python_of(ctx),
                            max_bytes=max_bytes, lacks=lacks)
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name} {pin.version}: {type(exc).__name__}")
            if hasattr(ctx, "unread_callers"):
                ctx.unread_callers += 1
            continue
        if use is None:
            continue
        out.append(Adapted(ctx, pin.name, pin.version, use, module, name, after, raises, max_bytes=max_bytes))
    return out


def callee_lacks(ctx: Any) -> Optional[Callable[[str, str], Optional[bool]]]:
    """``lacks(module, name)`` for ``uses_in_source``: the pinned callee's release, asked through the probe.

    True only on a definite "no"; a module the callee does not ship, or any
    failure, is None (cannot tell), so a fallback import stays read as guarded.
    """
    from .probe import NO, YES, Question

    callee = getattr(ctx, "callee", None)
    if ctx.probe is None or callee is None or getattr(callee, "kind", "") != "dist" or not callee.version:
        return None
    answers: Dict[Tuple[str, str], Optional[bool]] = {}

    def lacks(module: str, name: str) -> Optional[bool]:
        if (module, name) not in answers:
            got: Optional[bool] = None
            try:
                if ctx.probe.ask(callee.name, callee.version, Question.parse(module)).value == YES:
                    value = ctx.probe.ask(callee.name, callee.version, Question.parse(f"{module}:{name}")).value
                    got = True if value == NO else False if value == YES else None
            except Exception:
                got = None
            answers[(module, name)] = got
        return answers[(module, name)]

    return lacks


def _too_big_to_read(probe: Any, dist: str, version: str) -> bool:
    """Whether ``first_use`` reads only part of the release (more modules than ``MAX_FILES``)."""
    from .probe import ReleaseTree

    return sum(1 for p in ReleaseTree(probe, dist, version).paths() if p.endswith(".py")) > MAX_FILES


def _first_without(ctx: Any, dist: str, version: str, module: str, name: str, use: Use,
                   after: Optional[datetime], raises: str, max_bytes: Optional[int] = None,
                   import_time: bool = False) -> Tuple[Optional[str], bool]:
    """(the first later release that stopped using the name, whether that release was read only in part).

    For a name the target Python lacks (``typing.TypeAlias`` on 3.9), a release
    that stopped importing it must also be free of other code that Python cannot
    run: textual-fspicker 0.4.2 imported TypeAlias from typing_extensions but
    still evaluated ``str | Callable[...]`` at import.
    """
    python = _python_of(ctx)

    def without(v: str) -> Any:
        found = _release_without(ctx, dist, v, module, name, use, raises, max_bytes, import_time=import_time)
        if found in (True, "partial") and python is not None and _runs_too_new(ctx, dist, v, use.file, python):
            return False
        if found in (True, "partial") and _imports_other_missing(ctx, dist, v, use.file, module, name):
            return False
        if found in (True, "partial") and _imports_other_removed(ctx, dist, v):
            return False
        return found

    return first_where(ctx, dist, version, after, without)


def _imports_other_removed(ctx: Any, dist: str, version: str, changed_line: bool = False) -> bool:
    """For a stdlib name the target Python removed: whether release ``version`` imports another one it removed.

    networkx 2.3 stopped using ``collections.Mapping`` (3.10) but still imports
    ``fractions.gcd`` (3.9) when ``import networkx`` runs.  A removed module the
    release (or the set) installs a backport of is there (legacy-cgi's ``cgi``).
    """
    sig = getattr(ctx, "signal", None)
    if sig is None or sig.family != "python-version" or sig.detail.get("python_added") or ctx.probe is None:
        return False
    try:
        other = stdlib_removed_at_import(ctx.probe, dist, version, tuple(ctx.target.python),
                                         provided=_backported_modules(ctx, dist, version))
    except Exception:
        return False  # could not read it: no reason to refuse
    if other is not None:
        py = ".".join(map(str, ctx.target.python[:2]))
        did = "changed the failing line" if changed_line else "no longer uses it"
        ctx.evidence.append(f"{dist} {version} {did} but imports {other[3]}, which Python {py} lacks too "
                            f"({other[0]} line {other[1]}: `{other[2]}`): not a fix")
    return other is not None


# Distributions that put a module Python removed back (PyPI's python-deadlib "standard-*" and others);
# setuptools is not here: its distutils shim is always allowed for (see _SHIMMED_STDLIB).
STDLIB_BACKPORTS: Dict[str, Tuple[str, ...]] = {
    "legacy-cgi": ("cgi", "cgitb"), "audioop-lts": ("audioop",), "zombie-imp": ("imp",),
    "pyasyncore": ("asyncore",), "pyasynchat": ("asynchat",),
    **{f"standard-{m}": (m,) for m in ("aifc", "asynchat", "asyncore", "cgi", "cgitb", "chunk", "crypt", "imghdr",
                                        "mailcap", "nntplib", "pipes", "smtpd", "sndhdr", "sunau", "telnetlib", "uu",
                                        "xdrlib")},
}


def _backported_modules(ctx: Any, dist: str, version: str) -> Set[str]:
    """Removed stdlib modules that release ``version`` declares a backport of, or that the set pins one of."""
    from .matrix import _dependencies

    names = {canonicalize_name(p.name) for p in getattr(ctx, "pins", []) if getattr(p, "active", True)}
    try:
        names |= {canonicalize_name(r.name) for r in _dependencies(ctx.index.metadata(dist, version), ctx.target, ())}
    except Exception:
        pass  # unreadable metadata: only the set's own pins count
    return {m for n in names for m in STDLIB_BACKPORTS.get(n, ())}


def _runs_too_new(ctx: Any, dist: str, version: str, file: str, python: Tuple[int, ...]) -> bool:
    """Whether the module that used the name, or a top-level package ``__init__``, has code ``python`` cannot run.

    Only what the failing import surely executes is judged: a module elsewhere in
    the release may be imported only on newer Pythons.
    """
    from .probe import ReleaseTree

    paths = ReleaseTree(ctx.probe, dist, version).paths()
    files = [p for p in paths if p == file or (p.count("/") == 1 and p.endswith("/__init__.py"))]
    try:
        return first_too_new(ctx.probe, dist, version, python, files=files) is not None
    except Exception:
        return False


def _python_of(ctx: Any) -> Optional[Tuple[int, ...]]:
    """The target Python when the crash is a Python-version break (only then is the code read for it)."""
    sig = getattr(ctx, "signal", None)
    if sig is None or sig.family != "python-version" or not sig.detail.get("python_added"):
        return None
    return tuple(ctx.target.python[:2])


def first_where(ctx: Any, dist: str, version: str, after: Optional[datetime],
                release_ok: Any) -> Tuple[Optional[str], bool]:
    """(the first later release ``v`` with ``release_ok(v)`` in (True, "partial"), whether it was "partial").

    The next few in order, then by bisection: adapting is one-way in practice
    (a release that dropped ``collections.MutableMapping`` does not bring it
    back), so past the first ``MAX_RELEASES`` the answer is found in log2(n)
    reads: requests took from 2.11.1 to 2.19 and many releases.
    """
    from .adapted import _later

    later = _later(ctx.probe, ctx.index, dist, version, after)
    seen: dict = {}

    def ok(v: str) -> bool:
        if v not in seen:
            seen[v] = release_ok(v)
        return seen[v] in (True, "partial")

    for v in later[:MAX_RELEASES]:
        if ok(v):
            return v, seen[v] == "partial"
    rest = later[MAX_RELEASES:]
    if not rest or not ok(rest[-1]):
        return None, False
    lo, hi = 0, len(rest) - 1  # rest[hi] is ok
    while lo < hi:
        mid = (lo + hi) // 2
        if ok(rest[mid]):
            hi = mid
        else:
            lo = mid + 1
    return rest[lo], seen[rest[lo]] == "partial"


def last_where_before(probe: Any, dist: str, version: str, release_ok: Any) -> Optional[str]:
    """The newest release of ``dist`` below ``version`` (installable on the target) with ``release_ok(v)``, or None.

    Gallop back from the pin, then bisect: code that a release added (new syntax,
    a new import) stays in the releases after it, so the nearest release
    without it is found in about 2*log2(n) reads of the ``MAX_RELEASES`` nearest.
    """
    from packaging.version import InvalidVersion, Version

    try:
        pinned = Version(version)
        listed = probe.versions(dist)
    except Exception:
        return None
    earlier = []
    for text in listed:
        try:
            earlier.append(Version(text))
        except InvalidVersion:
            continue  # one odd version string does not end the search
    earlier.sort(reverse=True)
    candidates = [str(v) for v in earlier if v < pinned and not v.is_prerelease and not v.is_devrelease][:MAX_RELEASES]
    seen: dict = {}

    def ok(i: int) -> bool:
        if i not in seen:
            seen[i] = release_ok(candidates[i]) in (True, "partial")
        return seen[i]

    found = _gallop(len(candidates), ok)
    return candidates[found] if found is not None else None


def _gallop(n: int, ok: Callable[[int], bool]) -> Optional[int]:
    """The nearest of ``n`` candidates (nearest first) where ``ok(i)``, taking "ok" to stay once come.

    Gallop out (1, 2, 4, ...), then halve back: about 2*log2(n) questions.
    """
    lo, step, i = -1, 1, 0  # candidates[lo] is known to fail (-1: the pin itself)
    while i < n and not ok(i):
        lo, i, step = i, i + step, step * 2
    if i >= n:
        if n == 0 or not ok(n - 1):
            return None
        i = n - 1
    hi = i  # candidates[hi] is ok
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi


_NOT_IMPORTED = ("test", "tests", "testing", "docs", "doc", "examples", "example", "benchmarks")


def _test_or_docs_folder(folder: str) -> bool:
    """A folder of tests, docs or examples; also ``tests_negative`` (webdriver-manager 3.8's wheel).

    Only the plural prefix: ``test_tube`` is a distribution's own package.
    """
    return folder in _NOT_IMPORTED or folder.startswith("tests_")


def _shipped_modules(tree: Any) -> List[str]:
    """A release's Python modules outside its tests, docs and examples (what its users' code can run).

    Each file once: an sdist's ``lib/sqlalchemy/sql/elements.py`` is also offered as
    ``sqlalchemy/sql/elements.py`` (its import path, listed first); reading both
    doubled SQLAlchemy 1.2's source past the read cap.
    """
    member_of = getattr(tree, "_map", None) or {}
    seen: Set[str] = set()
    out = []
    for p in tree.paths():
        if not p.endswith(".py") or any(_test_or_docs_folder(part) for part in p.split("/")[:-1]):
            continue
        member = member_of.get(p, p)
        if member not in seen:
            seen.add(member)
            out.append(p)
    return out


def first_too_new(probe: Any, dist: str, version: str, python: Tuple[int, ...],
                  files: Optional[Iterable[str]] = None) -> Optional[Any]:
    """The first statement of ``dist==version`` that Python ``python`` cannot parse or run at import, or None.

    Test suites, docs and examples shipped in a release are not imported and are
    not read; an sdist's ``setup.py`` is, because installing runs it.
    """
    from .probe import ReleaseTree
    from .pyfeatures import too_new

    tree = ReleaseTree(probe, dist, version)
    paths = [p for p in (files if files is not None else tree.paths())
             if p.endswith(".py") and not any(_test_or_docs_folder(part) for part in p.split("/")[:-1])]
    for batch in _batches(sorted(paths, key=_shallow_first)[:MAX_FILES]):
        tree.prefetch(batch)
        for path in batch:
            text = tree.read(path)
            hit = too_new(text, python) if text else None
            if hit is not None:
                hit.file = path
                return hit
    return None


def call_site(probe: Any, dist: str, version: str, frame_file: str, line: int,
              keyword: str) -> Optional[Tuple[str, str, str]]:
    """``(module, name, where)`` of the callable that ``dist==version`` passes ``keyword`` to at ``frame_file:line``.

    The frame's path is matched to a release file by its tail; the innermost
    call spanning the line with that keyword is taken, and its function's
    name is followed through the module's imports (``from urllib3.util.retry
    import Retry``).  None when any step is unclear.
    """
    from .probe import ReleaseTree

    tree = ReleaseTree(probe, dist, version)
    parts = [p for p in frame_file.replace("\\", "/").split("/") if p]
    paths = set(tree.paths())
    rel = next(("/".join(parts[i:]) for i in range(len(parts)) if "/".join(parts[i:]) in paths), None)
    if rel is None:
        return None
    text = tree.read(rel) or ""
    try:
        mod = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    calls = [n for n in ast.walk(mod) if isinstance(n, ast.Call) and any(k.arg == keyword for k in n.keywords)
             and n.lineno <= line <= (getattr(n, "end_lineno", None) or n.lineno)]
    if not calls:
        return None
    call = min(calls, key=lambda n: (getattr(n, "end_lineno", n.lineno) or n.lineno) - n.lineno)
    func = _dotted(call.func)
    if not func:
        return None
    bound = _bindings(mod, call.lineno)
    head, _, rest = func.partition(".")
    if head not in bound and not rest:
        # A class the module defines itself and that has no __init__ of its own (chartmogul's nested
        # ``class _Schema(Schema)`` called as ``_Schema(strict=True)``): the call reaches its base's.
        base = _inherited_init_base(mod, head, call.lineno)
        if base is not None:
            bhead, _, brest = base.partition(".")
            if bhead in bound:
                full = bound[bhead] + (f".{brest}" if brest else "")
                module, _, name = full.rpartition(".")
                if module:
                    return module, name, (f"`{func}(..., {keyword}=...)`, {rel} line {call.lineno}; {head} inherits "
                                          f"__init__ from {base}")
        return None
    if head not in bound:
        return None
    full = bound[head] + (f".{rest}" if rest else "")
    module, _, name = full.rpartition(".")
    if not module:
        return None
    return module, name, f"`{func}(..., {keyword}=...)`, {rel} line {call.lineno}"


def _bindings(mod: ast.Module, line: int) -> Dict[str, str]:
    """Local names -> the dotted names they import, as seen at ``line``.

    The function holding the line binds first, then the module; within each the
    first import wins (a 'try:' body before its 'except ImportError:' fallback).
    """
    scopes = [n for n in ast.walk(mod) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
              and n.lineno <= line <= (getattr(n, "end_lineno", None) or n.lineno)]
    bound: Dict[str, str] = {}
    for scope in sorted(scopes, key=lambda n: -n.lineno) + [mod]:
        for k, v in _scope_imports(scope).items():
            bound.setdefault(k, v)
    return bound


def _scope_imports(scope: ast.AST) -> Dict[str, str]:
    """The names one module or function binds by its own imports (the first import of a name wins)."""
    bound: Dict[str, str] = {}
    for node in _own_statements(scope):
        if isinstance(node, ast.Import):
            for a in node.names:
                bound.setdefault(a.asname or a.name.split(".")[0], a.name if a.asname else a.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for a in node.names:
                if a.name != "*":
                    bound.setdefault(a.asname or a.name, f"{node.module}.{a.name}")
    return bound


def keyword_calls(text: str, keyword: str, callee: Optional[str] = None, older_side: bool = False,
                  own_classes: bool = False) -> List[Tuple[str, Use]]:
    """Every call in ``text`` that passes ``keyword=``, as (the dotted name its callable imports, use).

    The callable is followed through the module's imports (``import
    pytorch_lightning as pl`` ... ``pl.Trainer(gpus=1)`` is
    ``pytorch_lightning.Trainer``); a callable the module defines itself, or
    that is an attribute of something else, is left out.  Unparsable text: [].
    ``keyword=""`` with ``callee``: every call of a callable named ``callee``
    that passes any keyword (zeep 0.27's ``etree.cleanup_namespaces(doc, top_nsmap=...)``), on
    both sides of a version test, or with ``older_side`` only on the side meant for the
    callee's older releases (zeep 1.0's ``else: etree.cleanup_namespaces(header)``).
    """
    if callee is not None:
        if f"{callee}(" not in text.replace(" (", "("):
            return []
    elif f"{keyword}=" not in text.replace(" ", "") and f"'{keyword}'" not in text and f'"{keyword}"' not in text:
        return []
    try:
        mod = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    lines = text.splitlines()
    out: List[Tuple[str, Use]] = []
    scope_bindings: Dict[int, Dict[str, str]] = {}  # each scope's own imports, read once (generated modules have thousands of calls)
    own_names = ({n.name for n in mod.body if isinstance(n, ast.ClassDef)} |
                 {t.id for n in ast.walk(mod) if isinstance(n, ast.Assign) for t in n.targets
                  if isinstance(t, ast.Name) and t.id[:1].isupper()}) if own_classes else set()

    def own(scope: ast.AST) -> Dict[str, str]:
        if id(scope) not in scope_bindings:
            scope_bindings[id(scope)] = _scope_imports(scope)
        return scope_bindings[id(scope)]

    carriers_of: Dict[int, Set[str]] = {}

    def carriers(scope: ast.AST) -> Set[str]:
        if id(scope) not in carriers_of:
            carriers_of[id(scope)] = _dicts_carrying(scope, keyword)
        return carriers_of[id(scope)]

    def passes(node: ast.Call, stack: List[ast.AST]) -> bool:
        if callee is not None:
            named = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            return named == callee and any(k.arg is not None for k in node.keywords)
        for k in node.keywords:
            if k.arg == keyword:
                return True
            # '**kwargs' after 'kwargs.setdefault("including_default_value_fields", True)'
            # (django-socio-grpc 0.22.0 into protobuf's MessageToDict)
            if k.arg is None and isinstance(k.value, ast.Name) and k.value.id in carriers(stack[-1]):
                return True
        return False

    def resolve(func: ast.AST, stack: List[ast.AST]) -> Tuple[Optional[str], str]:
        head, _, rest = (_dotted(func) or "").partition(".")
        return (next((own(sc)[head] for sc in reversed(stack) if head in own(sc)), None) if head else None), rest

    def visit(node: ast.AST, stack: List[ast.AST]) -> None:
        if callee is not None and older_side and isinstance(node, ast.If) and _tests_a_version(node.test):
            older = _older_branch(node)
            for st in older or []:
                visit(st, stack)
            return
        if callee is None and isinstance(node, (ast.If, ast.IfExp)) and _tests_a_version(node.test):
            # medmnist 2.2.0: 'if skimage.__version__ >= "0.20.0": montage(..., channel_axis=...)
            # else: montage(..., multichannel=...)': a call under a version test is the release
            # adapting, not passing the keyword unconditionally.  (Any keyword to a callable that
            # takes none fails on both sides: zeep 0.27's lxml<3.5 branch still passes one.)
            return
        if isinstance(node, ast.Call) and passes(node, stack):
            func = node.func
            partial, prest = resolve(func, stack)
            if partial and partial + (f".{prest}" if prest else "") == "functools.partial" and node.args:
                # partial(pd.read_csv, sep="\t", squeeze=False): the keyword goes to the wrapped callable
                # (omnipath 1.0.6's request reader, under pandas 2)
                func = node.args[0]
            full, rest = resolve(func, stack)
            if full:
                stmt = lines[node.lineno - 1].strip() if 0 < node.lineno <= len(lines) else ""
                shown = -1 if any(isinstance(a, ast.Starred) for a in node.args) else len(node.args)
                if func is not node.func:
                    shown = -1  # partial(f, ...): the wrapped callable's positionals come later
                out.append((full + (f".{rest}" if rest else ""), Use("", node.lineno, stmt, shown)))
            elif isinstance(func, ast.Name) and func.id in own_names and not any(func.id in own(sc) for sc in stack):
                stmt = lines[node.lineno - 1].strip() if 0 < node.lineno <= len(lines) else ""
                out.append((OWN_CLASS + func.id, Use("", node.lineno, stmt, -1)))
        inner = stack + [node] if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else stack
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    try:
        visit(mod, [mod])
    except RecursionError:
        return []
    return sorted(out, key=lambda fu: fu[1].line)


def _version_branches(tree: ast.AST, name: str) -> Set[int]:
    """Lines reaching ``name`` in both branches of an ``if`` that tests a library's version.

    pipupgrade 0.1.1: ``PIP9 = int(pip.__version__.split(".")[0]) < 9`` / ``if PIP9: from pip
    import get_installed_distributions`` / ``else: from pip._internal.utils.misc import ...``:
    the release picks its import by pip's version, so neither is a use that fails.  A flag
    assigned from a version test counts as one (one step of data flow).
    """
    flags: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _tests_a_version(node.value):
            flags |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    out: Set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.If) or not node.orelse:
            continue
        reads = _tests_a_version(node.test) or any(isinstance(n, ast.Name) and n.id in flags for n in ast.walk(node.test))
        if not reads:
            continue
        sides = []
        for branch in (node.body, node.orelse):
            lines = {n.lineno for st in branch for n in ast.walk(st)
                     if (isinstance(n, ast.ImportFrom) and any(a.name == name for a in n.names))
                     or (isinstance(n, ast.Attribute) and n.attr == name)}
            sides.append(lines)
        if sides[0] and sides[1]:
            out |= sides[0] | sides[1]
    return out


def _older_branch(node: ast.If) -> Optional[List[ast.stmt]]:
    """The branch of ``if <version> >= X:`` (or ``<``) meant for the older releases; None when the test says not which."""
    test = node.test
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    op = test.ops[0]
    if isinstance(op, (ast.GtE, ast.Gt)):
        return node.orelse
    if isinstance(op, (ast.Lt, ast.LtE)):
        return node.body
    return None


def _tests_a_version(test: ast.AST) -> bool:
    """Whether an ``if`` test reads a library's version (``skimage.__version__``, ``Version(...)``, ``SKLEARN_GE_1_2``).

    Python's own version (``sys.version_info``, ``sys.version``) does not count: whole modules
    sit under such tests, and they say nothing about the callee having changed.
    """
    for sub in ast.walk(test):
        if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id == "sys":
            continue
        name = sub.id if isinstance(sub, ast.Name) else sub.attr if isinstance(sub, ast.Attribute) else ""
        if name in ("sys", "version_info", "PY2", "PY3", "PY37", "PY38"):
            continue
        if "version" in name.lower() or re.fullmatch(r"[A-Z][A-Z0-9_]*_(?:GE|GT|LT|LE)_\d[\w]*", name):
            return True
    return False


def _dicts_carrying(scope: ast.AST, keyword: str) -> Set[str]:
    """Names in ``scope`` (not its nested functions) of dicts given the key ``keyword``, to be passed on as ``**name``.

    ``d.setdefault("k", v)``, ``d["k"] = v``, ``d.update(k=v)`` / ``d.update({"k": v})``,
    ``d = {"k": v}`` and ``d = dict(k=v)``.
    """
    def literal_has(node: ast.AST) -> bool:
        if isinstance(node, ast.Dict):
            return any(isinstance(k, ast.Constant) and k.value == keyword for k in node.keys)
        if isinstance(node, ast.Call) and _dotted(node.func) == "dict":
            return any(k.arg == keyword for k in node.keywords)
        return False

    out: Set[str] = set()
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        todo.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            name, meth = node.func.value.id, node.func.attr
            if meth == "setdefault" and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value == keyword:
                out.add(name)
            elif meth == "update" and (any(k.arg == keyword for k in node.keywords)
                                       or any(literal_has(a) for a in node.args)):
                out.add(name)
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and \
                        isinstance(_slice(t), ast.Constant) and _slice(t).value == keyword:
                    out.add(t.value.id)
                elif isinstance(t, ast.Name) and literal_has(node.value):
                    out.add(t.id)
    return out


def calls_with_keyword(text: str, top: str, cls: str, keyword: str) -> Optional[Use]:
    """The first call in ``text`` of class ``cls`` of package ``top`` that passes ``keyword=``, or None."""
    for full, use in keyword_calls(text, keyword):
        if full.split(".")[0] == top and full.rsplit(".", 1)[-1] == cls:
            return use
    return None


def positional_calls(text: str, count: int) -> List[Tuple[str, Use]]:
    """Every call in ``text`` of an imported class passing exactly ``count`` arguments by position.

    For a frameless "__init__() takes from 6 to 7 positional arguments but 8 were given"
    (Python < 3.10 names no class): falcon-ms 0.1.3's ``sus.MsmsSpectrum(id, mz, rt, mzs,
    ints, ...)`` with seven.  The callable is followed through the module's imports (its
    own scope's, then the module's); a ``*args`` call, a callable the module defines, or a
    lower-case one (not a class) is left out.  Unparsable text: [].
    """
    if "(" not in text:
        return []
    try:
        mod = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    lines = text.splitlines()
    # (a class or function the module defines shadows an import of that name)
    defined = {n.name for n in getattr(mod, "body", []) if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    out: List[Tuple[str, Use]] = []

    def visit(node: ast.AST, bound: Dict[str, str]) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            bound = {**bound, **_scope_imports(node)}  # the innermost scope's own imports win
        if isinstance(node, ast.Call) and len(node.args) == count \
                and not any(isinstance(a, ast.Starred) for a in node.args):
            head, _, rest = (_dotted(node.func) or "").partition(".")
            full = bound[head] + (f".{rest}" if rest else "") if head in bound else ""
            if full and full.rsplit(".", 1)[-1][:1].isupper():
                stmt = lines[node.lineno - 1].strip() if 0 < node.lineno <= len(lines) else ""
                out.append((full, Use("", node.lineno, stmt, count)))
        for child in ast.iter_child_nodes(node):
            visit(child, bound)

    top = {k: v for k, v in _scope_imports(mod).items() if k not in defined}
    try:
        visit(mod, top)
    except RecursionError:
        return []
    return sorted(out, key=lambda fu: fu[1].line)


def positional_call_sites(ctx: Any, pins: List[Any], count: int) -> List[Tuple[Any, str, Use]]:
    """``(pin, class, use)``: each pin's pinned release's calls of an imported class with ``count`` positionals."""
    return _call_sites(ctx, pins, lambda text: positional_calls(text, count))


OWN_CLASS = "<own>."  # keyword_calls(own_classes=True): a class the calling module itself defines


def keyword_call_sites(ctx: Any, pins: List[Any], keyword: str, callee: Optional[str] = None,
                       own_classes: bool = False) -> List[Tuple[Any, str, Use]]:
    """``(pin, callable, use)``: the calls passing ``keyword=`` in each pin's pinned release, one per callable (tests skipped).

    ``callee``: calls of a callable of that name passing any keyword (:func:`keyword_calls`).
    ``own_classes``: calls of a class the module defines (or aliases) at its top level too, as
    ``<own>.module.Class``.
    """
    sites = _call_sites(ctx, pins, lambda text: keyword_calls(text, keyword, callee, own_classes=own_classes))
    out = []
    for pin, full, use in sites:
        if full.startswith(OWN_CLASS):
            path = use.file[:-len("/__init__.py")] if use.file.endswith("/__init__.py") else use.file[:-3]
            full = f"{OWN_CLASS}{path.replace('/', '.')}.{full[len(OWN_CLASS):]}"
        out.append((pin, full, use))
    return out


def _call_sites(ctx: Any, pins: List[Any], calls: Callable[[str], List[Tuple[str, Use]]]) -> List[Tuple[Any, str, Use]]:
    """``(pin, callable, use)`` for each callable ``calls`` finds in a pin's shipped modules, first use only."""
    from .probe import ReleaseTree

    out: List[Tuple[Any, str, Use]] = []
    for pin in pins:
        seen: Set[str] = set()
        try:
            tree = ReleaseTree(ctx.probe, pin.name, pin.version)
            for batch in _batches(sorted(_shipped_modules(tree), key=_shallow_first)[:MAX_FILES]):
                tree.prefetch(batch)
                for path in batch:
                    for full, use in calls(tree.read(path) or ""):
                        if full not in seen:
                            seen.add(full)
                            use.file = path
                            out.append((pin, full, use))
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name} {pin.version}: {type(exc).__name__}")
    return out


def keyword_adapted(ctx: Any, pin: Any, use: Use, top: str, cls: str, keyword: str) -> Tuple[Optional[str], bool]:
    """(the first later release of ``pin`` that calls ``top``'s ``cls`` with ``keyword=`` nowhere, whether only ``use.file`` was read).

    A fix is whole: a release that stopped in the failing module but still
    passes the keyword in another (a tuner module building the same Trainer)
    is not one.  A release over the read cap counts when the failing module
    stopped, and says so ("partial"); one without that module proves nothing.
    """
    return _first_release_without(ctx, pin, use, lambda text: calls_with_keyword(text, top, cls, keyword) is not None)


def _first_release_without(ctx: Any, pin: Any, use: Use, calls: Callable[[str], bool]) -> Tuple[Optional[str], bool]:
    """(the first later release of ``pin`` where no module's text has ``calls(text)``, whether it was "partial").

    The failing module is read first (a release without it proves nothing), then
    the rest; a release over the read cap counts when the failing module stopped.
    """
    from .probe import ReleaseTree, _ByteCap

    def ok(v: str) -> Any:
        try:
            tree = ReleaseTree(ctx.probe, pin.name, v)
            if use.file not in tree.paths():
                return None
            if calls(tree.read(use.file) or ""):
                return False
            paths = _shipped_modules(tree)
            if len(paths) > MAX_FILES:
                return "partial"
            for batch in _batches(sorted(paths, key=_shallow_first)):
                try:
                    tree.prefetch(batch)
                except _ByteCap:
                    return "partial"
                for path in batch:
                    if calls(tree.read(path) or ""):
                        return False
            return True
        except Exception:
            return None

    return first_where(ctx, pin.name, pin.version, None, ok)


def method_keyword_call(text: str, method: str, keyword: str, foreign: bool = False) -> Optional[Use]:
    """The first ``<obj>.method(..., keyword=...)`` call of ``text`` (any receiver), or None.

    For a frameless "XGBClassifier.fit() got an unexpected keyword argument
    'early_stopping_rounds'": the receiver is an instance, so only the method's
    name and the keyword are matched; a distinctive keyword keeps that precise.
    ``foreign``: a class's call of its own method (``self.request(...)``,
    ``super().request(...)``) is left out.
    """
    if f"{keyword}=" not in text.replace(" ", "") or f".{method}(" not in text.replace(" ", ""):
        return None
    try:
        mod = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    lines = text.splitlines()
    best: Optional[ast.Call] = None
    for node in ast.walk(mod):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == method \
                and any(k.arg == keyword for k in node.keywords):
            if foreign and _own_receiver(node.func.value):
                continue
            if best is None or node.lineno < best.lineno:
                best = node
    if best is None:
        return None
    return Use("", best.lineno, lines[best.lineno - 1].strip() if 0 < best.lineno <= len(lines) else "")


def _own_receiver(node: ast.AST) -> bool:
    """``self``, ``cls`` or ``super()``: a class calling its own method."""
    if isinstance(node, ast.Name):
        return node.id in ("self", "cls")
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def method_keyword_sites(ctx: Any, pins: List[Any], method: str, keyword: str,
                         foreign: bool = False) -> List[Tuple[Any, Use]]:
    """``(pin, use)`` for each pin whose pinned release calls ``<obj>.method(..., keyword=...)`` (tests skipped)."""
    from .probe import ReleaseTree

    out: List[Tuple[Any, Use]] = []
    for pin in pins:
        try:
            tree = ReleaseTree(ctx.probe, pin.name, pin.version)
            paths = sorted(_shipped_modules(tree), key=_shallow_first)[:MAX_FILES]
            for batch in _batches(paths):
                tree.prefetch(batch)
                hit = next(((path, use) for path in batch
                            for use in [method_keyword_call(tree.read(path) or "", method, keyword, foreign)] if use),
                           None)
                if hit:
                    hit[1].file = hit[0]
                    out.append((pin, hit[1]))
                    break
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name} {pin.version}: {type(exc).__name__}")
    return out


def method_keyword_adapted(ctx: Any, pin: Any, use: Use, method: str, keyword: str) -> Tuple[Optional[str], bool]:
    """(the first later release of ``pin`` with no ``<obj>.method(..., keyword=...)`` call anywhere, "partial")."""
    return _first_release_without(ctx, pin, use, lambda text: method_keyword_call(text, method, keyword) is not None)


def _inherited_init_base(mod: ast.Module, cls: str, before: int) -> Optional[str]:
    """The single base of the class ``cls`` defined above line ``before``, when it has no ``__init__`` of its own."""
    defs = [n for n in ast.walk(mod) if isinstance(n, ast.ClassDef) and n.name == cls and n.lineno < before]
    if len(defs) != 1:
        return None
    node = defs[0]
    if len(node.bases) != 1 or any(isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.name in ("__init__", "__new__")
                                    for st in node.body):
        return None
    return _dotted(node.bases[0])


def file_with_line(probe: Any, dist: str, version: str, base: str, line: int, source: str) -> Optional[str]:
    """The file of ``dist==version`` named ``base`` whose line ``line`` reads ``source``, or None."""
    from .probe import ReleaseTree

    tree = ReleaseTree(probe, dist, version)
    want = " ".join(source.split())
    base = base.replace("\\", "/").lstrip("./")
    paths = tree.paths()
    if "/" in base:
        # A relative path must be the package's own ('bempp/api/x.py' in a wheel that has
        # bempp/__init__.py), never a tests/ or app/ folder a project may have as well.
        top = base.split("/")[0]
        candidates = [base] if base in paths and f"{top}/__init__.py" in paths and \
            any(p.split("/")[0].endswith(".dist-info") for p in probe._members(dist, version)) else []
    else:
        candidates = [p for p in paths if p.endswith("/" + base)]
    for path in candidates[:MAX_CALLERS * 4]:
        lines = (tree.read(path) or "").splitlines()
        if 0 < line <= len(lines) and " ".join(lines[line - 1].split()) == want:
            return path
    return None


def _own_statements(scope: ast.AST) -> Iterable[ast.stmt]:
    """Statements of a module or function in source order, not those of nested functions or classes."""
    todo = list(reversed(getattr(scope, "body", [])))
    while todo:
        st = todo.pop()
        yield st
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        inner: List[ast.stmt] = []
        for field_name in ("body", "orelse", "finalbody"):
            part = getattr(st, field_name, None)
            if isinstance(part, list):
                inner += part
        for h in getattr(st, "handlers", []) or []:
            inner += h.body
        todo.extend(reversed(inner))


def imported_at_import(probe: Any, dist: str, version: str) -> List[str]:
    """The modules of ``dist==version`` that importing it runs: its top-level packages and what they import.

    Followed statically from each top-level ``__init__.py`` (and an sdist's
    ``setup.py``) through module-level imports, never into function bodies: a
    module only a function imports (pymust's ``sptrack_old.py``) is not run by
    ``import pymust`` and cannot be what failed at import.
    """
    from .probe import ReleaseTree

    tree = ReleaseTree(probe, dist, version)
    have = set(tree.paths())
    sdist = "setup.py" in have  # an sdist's other root files (noxfile.py, conftest.py) are never run by an install
    todo = [p for p in sorted(have) if (p.count("/") == 1 and p.endswith("/__init__.py"))
            or (p.count("/") == 0 and p.endswith(".py") and (not sdist or p == "setup.py"))]
    seen: Set[str] = set()
    while todo and len(seen) < MAX_FILES:
        batch, todo = todo[:BATCH], todo[BATCH:]
        batch = [p for p in batch if p not in seen]
        seen.update(batch)
        tree.prefetch(batch)
        for path in batch:
            for mod in _module_imports(tree.read(path) or "", path):
                for cand in _files_of(mod, have):
                    if cand not in seen and cand not in todo:
                        todo.append(cand)
    return sorted(seen)


# A module Python removed that a package may still import on that Python: setuptools puts its own
# ``distutils`` in place of the standard library's (3.12), so importing it proves nothing.
_SHIMMED_STDLIB = frozenset({"distutils"})


def stdlib_removed_at_import(probe: Any, dist: str, version: str, python: Tuple[int, ...],
                             provided: Iterable[str] = ()) -> Optional[Tuple[str, int, str, str]]:
    """``(file, line, statement, removed)``: an unguarded import in ``dist==version`` of a stdlib name ``python`` lacks.

    networkx 2.3 stopped importing ``collections.Mapping`` (gone in Python 3.10) but its
    ``algorithms/dag.py``, which ``import networkx`` runs, still did ``from fractions import
    gcd`` (gone in 3.9): on 3.11 it trades one ImportError for the next.  ``provided``: removed
    modules a declared backport puts back (legacy-cgi's ``cgi``).  Only the modules
    importing the package runs (:func:`imported_at_import`) and only imports written at their
    top level are read: one under ``try``, a version test or in a function may never run.
    """
    from .families import STDLIB_REMOVED
    from .probe import ReleaseTree

    back = set(provided)

    def gone(module: str, name: Optional[str]) -> Optional[str]:
        top = module.split(".")[0]
        if top in _SHIMMED_STDLIB or top in back:
            return None
        for key in ((module, name), (module, None), (top, None)):
            when = STDLIB_REMOVED.get(key)
            if when and tuple(int(x) for x in when.split(".")) <= tuple(python[:2]):
                return f"{key[0]}.{key[1]}" if key[1] else key[0]
        return None

    tree = ReleaseTree(probe, dist, version)
    files = [p for p in imported_at_import(probe, dist, version)
             if not any(_test_or_docs_folder(part) for part in p.split("/")[:-1]) and p != "setup.py"]
    for path in files:
        text = tree.read(path) or ""
        try:
            mod = parse_quietly(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for st in mod.body:
            hits: List[str] = []
            if isinstance(st, ast.ImportFrom) and st.level == 0 and st.module:
                hits = [h for h in (gone(st.module, a.name) for a in st.names if a.name != "*") if h]
            elif isinstance(st, ast.Import):
                hits = [h for h in (gone(a.name, None) for a in st.names) if h]
            if hits:
                return path, st.lineno, (ast.get_source_segment(text, st) or "").split("\n")[0], hits[0]
    return None


def _module_imports(text: str, path: str) -> List[str]:
    """Dotted modules a file imports at module level (relative imports made absolute)."""
    try:
        tree = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    is_package = path.endswith("/__init__.py")
    module = path[: -len("/__init__.py")] if is_package else path[:-3]
    module = module.replace("/", ".")
    out: List[str] = []

    def visit(stmts: List[ast.stmt]) -> None:
        for st in stmts:
            if isinstance(st, ast.Import):
                out.extend(a.name for a in st.names)
            elif isinstance(st, ast.ImportFrom):
                base = resolve_relative(module, is_package, st.level, st.module)
                out.append(base)
                out.extend(f"{base}.{a.name}" for a in st.names if a.name != "*")
            elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            elif isinstance(st, ast.If) and _is_type_checking(st.test):
                visit(st.orelse)  # the TYPE_CHECKING branch never runs
            elif isinstance(st, ast.If) and (_about_versions(st.test) or _is_main_check(st.test)):
                continue  # the target may take either branch of a version check; a __main__ block is not an import
            else:
                for field_name in ("body", "orelse", "finalbody"):
                    inner = getattr(st, field_name, None)
                    if isinstance(inner, list):
                        visit(inner)
                for h in getattr(st, "handlers", []) or []:
                    visit(h.body)

    visit(tree.body)
    return [m for m in out if m]


def _is_main_check(test: ast.AST) -> bool:
    """``if __name__ == "__main__":``"""
    return isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__" and \
        any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators)


def _files_of(module: str, have: Set[str]) -> List[str]:
    """The release files a dotted module stands for, with the packages above it."""
    parts = module.split(".")
    out = []
    for i in range(1, len(parts) + 1):
        stem = "/".join(parts[:i])
        for cand in (f"{stem}/__init__.py", f"{stem}.py"):
            if cand in have:
                out.append(cand)
    return out


def _release_without(ctx: Any, dist: str, v: str, module: str, name: str, use: Use, raises: str,
                     max_bytes: Optional[int] = None, import_time: bool = False) -> Any:
    """True: release ``v`` no longer uses the name; "partial": the module that used it stopped, the rest
    was too big to read; False: still uses it; None: could not tell (counted as still using it)."""
    from .probe import ReleaseTree, _ByteCap

    python = _python_of(ctx)
    skip = version_unreached(ctx)
    try:
        lacks = callee_lacks(ctx)
        has_file = use.file in ReleaseTree(ctx.probe, dist, v).paths()
        if has_file and first_use(ctx.probe, dist, v, module, name, files=[use.file], raises=raises,
                                  python=python, lacks=lacks, unreached=skip, import_time=import_time) is not None:
            return False  # the same module still uses it: no need to read the rest
    except Exception:
        return None
    try:
        return first_use(ctx.probe, dist, v, module, name, raises=raises, python=python, max_bytes=max_bytes,
                         lacks=lacks, unreached=skip, import_time=import_time) is None
    except _ByteCap:
        # pip's vendored code: the module that used it adapted, but the release is too big to
        # confirm that nothing else does.  A module that moved away proves nothing.
        return "partial" if has_file else None
    except Exception:
        return None


def version_unreached(ctx: Any) -> Callable[[Any, str], bool]:
    """``unreached(tree, path)`` for :func:`first_use`: the module is imported only in version branches
    the set's pinned versions do not take (sqlakeyset's ``sqla14`` under SQLAlchemy 2)."""
    from . import vbranch

    def version_of(module: str) -> Optional[str]:
        from .verdict import module_owner

        owner = module_owner(module, ctx)
        pin = ctx.pinned(owner) if owner else None
        return pin.version if pin is not None else None

    def unreached(tree: Any, path: str) -> bool:
        try:
            paths = sorted((p for p in tree.paths() if p.endswith(".py")), key=_shallow_first)
            if len(paths) > vbranch.MAX_IMPORTERS_READ:
                return False  # a release that big is not searched for who imports the module
            tree.prefetch(paths)
            return vbranch.unreached(tree.read, paths, path, version_of)
        except Exception:  # over the read cap, unreadable: reached, as far as anyone can tell
            return False

    return unreached


MAX_SIBLING_NAMES = 12  # other names a module imports from the callee, checked in the pinned callee


def _imports_other_missing(ctx: Any, dist: str, v: str, file: str, module: str, name: str) -> bool:
    """Whether release ``v``'s module that used ``name`` still imports another name the pinned callee lacks.

    airtest 1.2.5 stopped importing jinja2's ``evalcontextfilter`` but its
    report.py still did ``from jinja2 import Markup, escape``, which Jinja2 3.1
    removed with it: moving airtest there trades one ImportError for the next.
    Only unguarded imports from the callee's package are asked, in the pinned
    callee release (one probe answer each, cached); an unknown answer is no
    reason to refuse.
    """
    from .probe import NO, YES, Question, ReleaseTree

    callee = getattr(ctx, "callee", None)
    if ctx.probe is None or callee is None or getattr(callee, "kind", "") != "dist" or not callee.version or not module:
        return False
    top = module.split(".")[0]
    try:
        text = ReleaseTree(ctx.probe, dist, v).read(file)
    except Exception:
        return False
    tree = _parsed(text) if text else None
    if tree is None:
        return False
    asked: List[Tuple[str, str]] = []
    # Imports that run when the module is imported (not inside a function, which may never be called).
    in_functions = {n for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                    for n in ast.walk(f) if n is not f}
    for node in ast.walk(tree):
        if node in in_functions:
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and \
                (node.module == top or node.module.startswith(top + ".")):
            for alias in node.names:
                if alias.name != "*" and alias.name != name and (node.module, alias.name) not in asked:
                    asked.append((node.module, alias.name))
    python = _python_of(ctx)
    for mod, other in asked[:MAX_SIBLING_NAMES]:
        if uses_in_source(text, mod, other, "ImportError", python) is None:
            continue  # guarded, or in a branch the target does not take
        try:
            if ctx.probe.ask(callee.name, callee.version, Question.parse(mod)).value != YES:
                continue  # not a module the callee ships (requests.packages.urllib3 is requests' alias)
            answer = ctx.probe.ask(callee.name, callee.version, Question.parse(f"{mod}:{other}"))
        except Exception:
            continue
        if answer.value == NO:
            ctx.evidence.append(f"{dist} {v} stopped using {module}.{name} but {file} still imports {mod}.{other}, "
                                f"which {callee.name}=={callee.version} does not have: not a fix")
            return True
    return False


def compiled_dependants(ctx: Any, base_key: str, everyone: bool = False) -> List[Any]:
    """Declared dependants of ``base_key`` whose pinned release ships compiled modules for the target.

    For an ABI break printed without frames: the extension that was built
    against another base is one of these.  Reads only the wheels' file lists.
    ``everyone``: kept pins and declarations under any extra count too (is anything
    of the set built on the base at all?).
    """
    out = []
    for pin in dependants(ctx, base_key, any_extra=everyone, with_kept=everyone):
        try:
            members = ctx.probe._members(pin.name, pin.version)
        except Exception:
            continue
        if any(m.endswith((".so", ".pyd")) or ".so." in m for m in members):
            out.append(pin)
    return out


COMPILED_CAP = 48_000_000  # bytes of compiled modules read from one release when looking for a name


def compiled_mentions(probe: Any, dist: str, version: str, name: str) -> Optional[bool]:
    """Whether ``dist==version``'s compiled modules contain ``name`` as a whole word; None when it has none or could not tell.

    A cffi or pybind11 binding keeps the names it exposes as C strings (cryptography's
    ``lib.OpenSSL_add_all_algorithms`` is in its ``_openssl.abi3.so`` up to 38.0.4 and
    not in 39.0.0).  The bytes are searched, never loaded; the answer is cached.
    """
    import re

    key = f"{canonicalize_name(dist)}|{version}|{probe.target_key}|{name}"
    cached = probe._store.get("bin", key)
    if cached is not None:
        return {"1": True, "0": False}.get(cached)
    # Extension modules only: vendored shared libraries (numpy.libs/libopenblas...so, lib/libtorch.so.1)
    # are other people's symbols and most of the bytes.
    members = [m for m in probe._members(dist, version) if m.endswith((".so", ".pyd"))
               and not any(part.endswith(".libs") or part == "lib" for part in m.split("/")[:-1])]
    if not members:
        probe._store.put("bin", key, "?")
        return None
    got = probe.index.read_members(dist, version, lambda m: m in members, max_bytes=COMPILED_CAP)
    if len(got) < len(members):
        probe._store.put("bin", key, "?")
        return None  # over the cap: an unread module may hold it
    word = re.compile(rb"(?<![A-Za-z0-9_])" + re.escape(name.encode()) + rb"(?![A-Za-z0-9_])")
    found = any(word.search(data) for data in got.values())
    probe._store.put("bin", key, "1" if found else "0")
    return found


def member_mentions(probe: Any, dist: str, version: str, relpath: str, word: str) -> Optional[bool]:
    """Whether member ``relpath`` of ``dist==version`` contains ``word``; None when the release has no such member.

    For a symbol version (``GLIBCXX_3.4.29``) a compiled module asks of the
    system: the bytes are searched, never loaded; the answer is cached.
    """
    key = f"{canonicalize_name(dist)}|{version}|{probe.target_key}|{relpath}|{word}|whole"
    cached = probe._store.get("bin", key)
    if cached is not None:
        return {"1": True, "0": False}.get(cached)
    if relpath not in probe._members(dist, version):
        probe._store.put("bin", key, "?")
        return None
    got = probe.index.read_members(dist, version, lambda m: m == relpath, max_bytes=COMPILED_CAP)
    if relpath not in got:
        probe._store.put("bin", key, "?")
        return None
    import re

    # Whole version strings only: GLIBCXX_3.4.2 is not inside GLIBCXX_3.4.29 (.dynstr strings end in NUL).
    found = re.search(rb"(?<![\w.])" + re.escape(word.encode()) + rb"(?![\w.])", got[relpath]) is not None
    probe._store.put("bin", key, "1" if found else "0")
    return found


MAX_OWNER_PINS = 8  # pins whose releases are searched for a class definition


def _named_after(paths: List[str], cls: str) -> List[str]:
    """Modules whose file name holds a word of ``cls`` (3+ letters) or its stem, shallow first, tests and docs left out."""
    import re

    words = [w.lower() for w in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", cls) if len(w) >= 3]
    if not words:
        return []
    out = []
    hits: Dict[str, int] = {}
    for p in paths:
        parts = p.split("/")
        if any(part in ("tests", "test", "testing", "docs", "examples") for part in parts[:-1]):
            continue
        base = parts[-1][:-3].lower()
        stem = base.strip("_")
        # a file named by the word's stem counts too, below a whole word: pandas' io/formats/style.py
        # holds Styler (never a dunder file: "__init__" is no stem of "Initializer")
        n = 2 * sum(1 for w in words if w in base) + \
            sum(1 for w in words if w not in base and not base.startswith("__") and len(stem) >= 4 and w.startswith(stem))
        if n:
            out.append(p)
            hits[p] = n
    # The file holding most of the name's words first (tokenization_roberta_fast.py for
    # RobertaTokenizerFast, before the hundreds of *_fast.py), then shallow first.
    return sorted(out, key=lambda p: (-hits[p], p.count("/"), p))


def classes_with_method(ctx: Any, pins: List[Any], method: str, hint_cls: str) -> List[Tuple[Any, str, str]]:
    """``(pin, module, class)`` for the classes of the pins' pinned releases that define ``method``.

    For a class no pin defines (PyCharm's ``FigureCanvasInterAgg``) whose missing attribute
    Python's "Did you mean: 'tostring_argb'?" pairs with a method it does have: the class it
    inherits that method from is a pin's.  A big release is read only in modules named after
    a word of the unknown class's name (backend_agg.py for ...InterAgg); the first pin with
    hits answers.
    """
    if not method.isidentifier():
        return []
    return _scan_classes(ctx, pins, hint_cls, f"def {method}(", lambda node: any(
        isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.name == method for fn in _own_statements(node)))


def classes_named(ctx: Any, pins: List[Any], cls: str) -> List[Tuple[Any, str, str]]:
    """``(pin, module, class)`` where a pin's pinned release defines a class named ``cls``.

    For "'ExtensionManager' object has no attribute '_extensions'" with no frame of the
    pins: the class's home (jupyter_server's extension/manager.py) is the release to ask.
    """
    if not cls.isidentifier():
        return []
    return _scan_classes(ctx, pins, cls, f"class {cls}", lambda node: node.name == cls and not _placeholder_class(node))


def _placeholder_class(node: ast.ClassDef) -> bool:
    """A stand-in for a class whose optional backend is missing (transformers' ``metaclass=DummyObject``)."""
    return any(k.arg == "metaclass" and "dummy" in (ast.unparse(k.value) if hasattr(ast, "unparse") else "").lower()
               for k in node.keywords)


def _scan_classes(ctx: Any, pins: List[Any], hint_cls: str, needle: str, wanted: Any) -> List[Tuple[Any, str, str]]:
    """The classes ``wanted`` accepts in files containing ``needle``; the first pin with hits answers."""
    from .probe import ReleaseTree, _ByteCap

    if ctx.probe is None:
        return []
    out: List[Tuple[Any, str, str]] = []
    for pin in pins[:MAX_OWNER_PINS]:
        try:
            tree = ReleaseTree(ctx.probe, pin.name, pin.version)
            paths = [p for p in tree.paths() if p.endswith(".py")]
            named = _named_after(paths, hint_cls)
            if len(paths) > MAX_FILES:
                # A release that big is read where the class's name points first, then shallow first
                # until the read cap stops it (bokeh 0.12.11 keeps ToolbarBox in models/tools.py).
                paths = named[:BATCH] + [p for p in sorted(paths, key=_shallow_first)
                                         if p not in named and not _not_imported(p)][:MAX_FILES]
            ordered = sorted(paths, key=lambda p: (p not in named, _shallow_first(p)))
            for batch in (ordered[i:i + 8] for i in range(0, len(ordered), 8)):
                try:
                    tree.prefetch(batch)
                except _ByteCap:
                    break  # what was read stands; the rest is over the cap
                for path in batch:
                    text = tree.read(path) or ""
                    if needle not in text:
                        continue
                    for node in ast.walk(_parsed(text)):
                        if isinstance(node, ast.ClassDef) and wanted(node):
                            module = path[:-3].replace("/", ".")
                            out.append((pin, module[: -len(".__init__")] if module.endswith(".__init__") else module, node.name))
        except Exception as exc:  # evidence, never a reason to fail
            ctx.evidence.append(f"could not read {pin.name} {pin.version}: {type(exc).__name__}")
        if out:
            return out
    return out


def modules_mentioning(probe: Any, dist: str, version: str, needle: Union[str, Tuple[str, ...]],
                       max_bytes: Optional[int] = None) -> Optional[List[Tuple[str, ast.AST]]]:
    """``(path, tree)`` of each shipped module of ``dist==version`` whose text contains ``needle``
    (or any of several needles, read in one pass over the release).

    None when the release has more modules than are read whole, or is over the read cap
    (``max_bytes``, default the probe's): a module missing from a partial read would look
    like one without the needle.
    """
    from .probe import ReleaseTree, _ByteCap

    needles = (needle,) if isinstance(needle, str) else needle
    try:
        tree = ReleaseTree(probe, dist, version, max_bytes=max_bytes)
        paths = _shipped_modules(tree)
        if len(paths) > MAX_FILES:
            return None
        out: List[Tuple[str, ast.AST]] = []
        for batch in _batches(paths):
            tree.prefetch(batch)
            for path in batch:
                text = tree.read(path) or ""
                if any(n in text for n in needles):
                    out.append((path, _parsed(text)))
        return out
    except _ByteCap:
        return None


def _not_imported(path: str) -> bool:
    """A module under a release's tests, docs or examples: shipped, never imported by its users."""
    return any(_test_or_docs_folder(part) for part in path.split("/")[:-1])


def keyword_definers(ctx: Any, pin: Any, version: str, method: str, keyword: str) -> List[Tuple[str, str]]:
    """``(module, class)`` of release ``pin==version`` whose ``method`` (``__new__``/``__init__``) takes ``keyword``.

    For ``__new__() got an unexpected keyword argument 'serialized_options'``
    with no frame and no class: protobuf's generated code passes a keyword its
    descriptors only accept from 3.6.  A distinctive keyword is searched as
    text first, then confirmed in the syntax tree; tests and docs are skipped.
    """
    import re

    from .probe import ReleaseTree

    tree = ReleaseTree(ctx.probe, pin.name, version)
    paths = _shipped_modules(tree)
    if len(paths) > MAX_FILES:
        return []
    word = re.compile(rf"\b{re.escape(keyword)}\b")
    out: List[Tuple[str, str]] = []
    for batch in _batches(sorted(paths, key=lambda p: _shallow_first(p))):
        tree.prefetch(batch)
        for path in batch:
            text = tree.read(path) or ""
            if f"def {method}" not in text or not word.search(text):
                continue
            parsed = _parsed(text)
            for node in ast.walk(parsed):
                if not isinstance(node, ast.ClassDef):
                    continue
                for fn in _own_statements(node):  # also under 'if _USE_C_DESCRIPTORS:' in the class body
                    if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.name == method:
                        args = fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs
                        if any(a.arg == keyword for a in args):
                            module = path[:-3].replace("/", ".")
                            out.append((module[: -len(".__init__")] if module.endswith(".__init__") else module, node.name))
        if out:
            return out
    return out


def class_homes(ctx: Any, cls: str, kind: str = "class") -> List[Tuple[Any, str]]:
    """``(pin, module)`` for every module of the set's pinned releases that defines ``class cls``.

    ``kind="def"``: a module-level function instead (protobuf's ``json_format.MessageToDict``).

    For ``'WebDriver' object has no attribute ...`` printed without frames: the
    message names a class, not its package.  Releases with more than
    ``MAX_FILES`` modules are not searched (a framework that size would cost
    more than the answer is worth); unreadable ones give nothing.
    """
    import re

    if not cls.isidentifier() or ctx.probe is None:
        return []
    from .probe import ReleaseTree

    if kind == "def":
        pattern = re.compile(rf"^(?:async[ \t]+)?def[ \t]+{re.escape(cls)}[ \t]*\(", re.M)
    else:
        pattern = re.compile(rf"^[ \t]*class[ \t]+{re.escape(cls)}\b", re.M)
    out: List[Tuple[Any, str]] = []
    for pin in [p for p in ctx.pins if p.active and p.version][:MAX_OWNER_PINS]:
        try:
            tree = ReleaseTree(ctx.probe, pin.name, pin.version)
            paths = [p for p in tree.paths() if p.endswith(".py")]
            if len(paths) > MAX_FILES:
                # A framework that size is searched only where the class's name points: modules
                # named after one of its words (FigureCanvasAgg: figure.py, backend_agg.py).
                paths = _named_after(paths, cls)[:BATCH]
                if not paths:
                    continue
            exported = _exported_home(tree, paths, cls, pattern)
            if exported:
                out.append((pin, exported))
                continue
            # A module named after the class first (webdriver.py for WebDriver), shallow before deep;
            # reading stops at the first batch that defines the class.
            # Then modules named after a word of it (backend_agg.py for FigureCanvasAgg), so a big
            # release's read cap is not spent on unrelated shallow modules first.
            named = _named_after(paths, cls)
            ordered = sorted(paths, key=lambda p: (p not in named, _shallow_first(p, cls.lower())))
            for batch in _batches(ordered):
                tree.prefetch(batch)
                found = False
                for path in batch:
                    if pattern.search(tree.read(path) or ""):
                        module = path[:-3].replace("/", ".")
                        out.append((pin, module[: -len(".__init__")] if module.endswith(".__init__") else module))
                        found = True
                if found:
                    break
        except Exception:
            continue
    return out


def class_spelling(ctx: Any, cls: str) -> Optional[str]:
    """The one spelling of a class the set's pinned releases define whose name equals ``cls`` but for case.

    A thread that retyped Python's message in lower case ("trinoresponsehandler.set_response_params()
    got an unexpected keyword argument") still names aiotrino's ``TrinoResponseHandler``.  The
    pins' modules are read as :func:`class_homes` reads them; None unless exactly one spelling is found.
    """
    import re

    if not cls.isidentifier() or ctx.probe is None:
        return None
    key = ("class-spelling", cls.lower())
    if key in ctx.memo:
        return ctx.memo[key]  # type: ignore[no-any-return]
    from .probe import ReleaseTree

    pattern = re.compile(rf"^[ \t]*class[ \t]+({re.escape(cls)})\b", re.M | re.I)
    found: Set[str] = set()
    for pin in [p for p in ctx.pins if p.active and p.version][:MAX_OWNER_PINS]:
        try:
            tree = ReleaseTree(ctx.probe, pin.name, pin.version)
            paths = [p for p in tree.paths() if p.endswith(".py")]
            if len(paths) > MAX_FILES:
                continue
            for batch in _batches(sorted(paths, key=_shallow_first)):
                tree.prefetch(batch)
                for path in batch:
                    found.update(m.group(1) for m in pattern.finditer(tree.read(path) or ""))
        except Exception:
            continue
    ctx.memo[key] = found.pop() if len(found) == 1 else None
    return ctx.memo[key]  # type: ignore[no-any-return]


def _exported_home(tree: Any, paths: List[str], cls: str, pattern: Any) -> Optional[str]:
    """The module defining ``cls`` as a package ``__init__`` re-exports it (``from ._encoders import OneHotEncoder``).

    Reading the packages' small ``__init__`` files first finds a public class of
    a big release (scikit-learn) before the byte cap runs out in a shallow-first scan.
    """
    have = set(paths)
    inits = sorted((p for p in paths if p.endswith("/__init__.py")), key=_shallow_first)[:BATCH]
    tree.prefetch(inits)
    for init in inits:
        text = tree.read(init) or ""
        if cls not in text:
            continue
        try:
            mod = parse_quietly(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        package = init[: -len("/__init__.py")].replace("/", ".")
        for node in ast.walk(mod):
            if not isinstance(node, ast.ImportFrom) or not any(a.name == cls for a in node.names):
                continue
            base = resolve_relative(package, True, node.level, node.module)
            for cand in reversed(_files_of(base, have)):
                if pattern.search(tree.read(cand) or ""):
                    module = cand[:-3].replace("/", ".")
                    return module[: -len(".__init__")] if module.endswith(".__init__") else module
    return None


BUILD_FILES = ("setup.py", "setup.cfg")


def build_script_use(probe: Any, dist: str, version: str, name: str) -> Optional[Use]:
    """Where ``dist==version``'s build script (setup.py, setup.cfg) uses ``name`` (``use_2to3=True``), or None.

    For a failed build of a source distribution: the break is often a build
    option or helper that the build backend removed, and the script says so.
    Read from the sdist like any release file; never run.
    """
    import re

    from .probe import ReleaseTree

    tree = ReleaseTree(probe, dist, version)
    for path in BUILD_FILES:
        text = tree.read(path)
        if not text or name not in text:
            continue
        if path.endswith(".py"):
            line = _name_in_python(text, name)
        else:
            m = re.search(rf"^[ \t]*{re.escape(name)}[ \t]*[=:]", text, re.M)
            line = text.count("\n", 0, m.start()) + 1 if m else None
        if line:
            lines = text.splitlines()
            return Use(path, line, lines[line - 1].strip() if line <= len(lines) else "")
    return None


def _parsed(text: str) -> ast.Module:
    """A module's syntax tree, or an empty one: one file Python cannot parse (a Python 2 leftover in a
    release, a template) must not stop the reading of the rest (imbalanced-learn 0.7.0)."""
    try:
        return parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ast.Module(body=[], type_ignores=[])


def _name_in_python(text: str, name: str) -> Optional[int]:
    try:
        tree = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            lines += [kw.value.lineno for kw in node.keywords if kw.arg == name]
        elif isinstance(node, ast.Name) and node.id == name or isinstance(node, ast.Attribute) and node.attr == name:
            lines.append(node.lineno)
        elif isinstance(node, ast.Constant) and node.value == name:
            lines.append(node.lineno)  # SETUP_KWARGS['use_2to3'] = True, setup(**{'use_2to3': True})
    return min(lines) if lines else None


def first_build_without(probe: Any, index: Any, dist: str, version: str, name: str) -> Optional[str]:
    """The first later release of ``dist`` whose build script no longer uses ``name`` (or ships a wheel only)."""
    from .adapted import _later

    for v in _later(probe, index, dist, version, None)[:MAX_RELEASES]:
        try:
            if build_script_use(probe, dist, v, name) is None:
                return v
        except Exception:
            continue
    return None


_IMPORT_TIME_FLOOR = None  # compiled lazily: "Keras requires TensorFlow 2.2 or higher"


def import_time_floor(text: str, top: str) -> Optional[str]:
    """The version of ``top`` that a module's ``raise ImportError("... requires Top X.Y or higher")`` demands.

    Some packages check their base at import instead of declaring it
    (keras 2.4: 'Keras requires TensorFlow 2.2 or higher'); such a floor is a
    requirement as real as a Requires-Dist line.
    """
    import re

    global _IMPORT_TIME_FLOOR
    if _IMPORT_TIME_FLOOR is None:
        _IMPORT_TIME_FLOOR = re.compile(r"requires\s+([A-Za-z][\w.-]*)\s+(?:version\s+)?v?(\d+(?:\.\d+)*)\s+or\s+(?:higher|newer|later)"
                                        r"|requires\s+([A-Za-z][\w.-]*)\s*>=\s*(\d+(?:\.\d+)*)", re.I)
    try:
        tree = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Raise):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                m = _IMPORT_TIME_FLOOR.search(sub.value)
                if m and (m.group(1) or m.group(3) or "").lower().replace("-", "_") == top.lower():
                    return m.group(2) or m.group(4)
    return None


def last_without_before(probe: Any, index: Any, dist: str, version: str, module: str, name: str,
                        raises: str = "ImportError", base: Optional[Tuple[str, str]] = None,
                        python: Optional[Tuple[int, ...]] = None, base_dist: Optional[str] = None) -> Optional[str]:
    """The newest release of ``dist`` below ``version`` whose code does not use ``module.name``, or None.

    ``base`` is ``(import name, version)`` of the kept library the caller must
    run with: a candidate whose package refuses that version at import
    (:func:`import_time_floor`) is passed over, and so is one that requires
    another distribution of the same import name than ``base_dist``
    (:func:`_wants_other_variant`).
    """
    return last_without_before_read(probe, index, dist, version, module, name, raises, base, python, base_dist)[0]


def last_without_before_read(probe: Any, index: Any, dist: str, version: str, module: str, name: str,
                             raises: str = "ImportError", base: Optional[Tuple[str, str]] = None,
                             python: Optional[Tuple[int, ...]] = None, base_dist: Optional[str] = None,
                             use_file: Optional[str] = None, far: bool = False) -> Tuple[Optional[str], bool]:
    """:func:`last_without_before`, and whether the answer was read only in part.

    ``use_file``: the module of the pinned release that uses the name.  A release too big
    to read whole (transformers 4.37.2 is over the read cap) is accepted when that same
    module is there and no longer uses the name: "partial", weaker evidence, as
    :func:`_release_without` reads the other way.  ``far``: when the nearest releases all use
    the name, older ones are galloped too -- only for a kept callee, where moving the caller
    back is the one way out (a callee that may move forward is the smaller change).
    """
    from packaging.version import InvalidVersion, Version

    from .probe import ReleaseTree, _ByteCap

    try:
        pinned = Version(version)
        earlier = sorted((Version(v) for v in probe.versions(dist)), reverse=True)
    except (InvalidVersion, Exception):
        return None, False
    older = [v for v in earlier if v < pinned and not v.is_prerelease and not v.is_devrelease]
    earlier = older[:MAX_RELEASES]
    used = 0  # how many of the nearest releases were read and still use the name
    for v in earlier:
        partial = False
        try:
            try:
                if first_use(probe, dist, str(v), module, name, raises=raises, python=python) is not None:
                    used += 1
                    continue  # (first_use stops at the first module that uses it: cheap when it does)
            except _ByteCap:
                if not use_file or use_file not in ReleaseTree(probe, dist, str(v)).paths():
                    continue  # a module that moved away proves nothing
                if first_use(probe, dist, str(v), module, name, files=[use_file], raises=raises,
                             python=python) is not None:
                    continue
                partial = True
            if base is not None and _refuses(probe, dist, str(v), base):
                continue
            if base_dist is not None and base is not None and _wants_other_variant(index, dist, str(v), base, base_dist):
                continue
            if python is not None and first_too_new(probe, dist, str(v), python,
                                                    files=imported_at_import(probe, dist, str(v))) is not None:
                continue  # it does not use the name, but it cannot run on the target either
            return str(v), partial
        except Exception:
            continue
    if far and used == len(earlier) == MAX_RELEASES and len(older) > MAX_RELEASES:
        # Every one of the nearest releases still uses it (wagtail 2.4 to 2.7.4 all import
        # URLResolver, 2.3 is the 14th back): a use, once come, stays, so the older releases are
        # galloped and halved for the newest one without it, then checked like the rest.
        rest = [str(v) for v in older[MAX_RELEASES:MAX_GALLOP]]
        memo: Dict[int, bool] = {}

        def clean(i: int) -> bool:
            """No use of the name, in a release that still ships the module using it now (one
            without the whole module, wagtail 1.x without routable/, would only fail elsewhere)."""
            if i not in memo:
                try:
                    memo[i] = (not use_file or use_file in ReleaseTree(probe, dist, rest[i]).paths()) and \
                        first_use(probe, dist, rest[i], module, name, raises=raises, python=python) is None
                except Exception:
                    memo[i] = False
            return memo[i]

        hi = _gallop(len(rest), clean)
        if hi is None:
            return None, False
        v = rest[hi]
        try:
            if base is not None and _refuses(probe, dist, v, base):
                return None, False
            if base_dist is not None and base is not None and _wants_other_variant(index, dist, v, base, base_dist):
                return None, False
            if python is not None and first_too_new(probe, dist, v, python, files=imported_at_import(probe, dist, v)) is not None:
                return None, False
        except Exception:
            return None, False
        return v, False
    return None, False


def _wants_other_variant(index: Any, dist: str, version: str, base: Tuple[str, str], base_dist: str) -> bool:
    """Whether ``dist==version`` requires another distribution that installs ``base``'s import name.

    keras 2.4.1 requires ``tensorflow``; the set runs ``tensorflow-gpu`` 1.15,
    which installs the same ``tensorflow`` package.  pip would put a second
    TensorFlow over the kept one, so that release is no fix for the kept base.
    """
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        meta = index.metadata(dist, version)
    except Exception:
        return False
    target = getattr(index, "target", None)
    top = base[0].lower()
    for text in getattr(meta, "requires_dist", None) or ():
        try:
            req = Requirement(str(text))
        except InvalidRequirement:
            continue
        if req.marker is not None and target is not None and not target.evaluate(req.marker):
            continue
        name = canonicalize_name(req.name)
        if name != canonicalize_name(base_dist) and name.replace("-", "_") == top:
            return True
    return False


def _refuses(probe: Any, dist: str, version: str, base: Tuple[str, str]) -> bool:
    """Whether a top-level ``__init__.py`` of ``dist==version`` refuses ``base`` at import time."""
    from packaging.version import InvalidVersion, Version

    from .probe import ReleaseTree

    tree = ReleaseTree(probe, dist, version)
    inits = [p for p in tree.paths() if p.count("/") == 1 and p.endswith("/__init__.py")]
    tree.prefetch(inits)
    for path in inits:
        floor = import_time_floor(tree.read(path) or "", base[0])
        try:
            if floor and Version(base[1]) < Version(floor):
                return True
        except InvalidVersion:
            continue
    return False
