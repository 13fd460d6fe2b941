"""Which branch of a library-version test a release takes under the pinned set.

sqlakeyset 1.0.1679375467 still ships ``sqla14.py`` (``from sqlalchemy.engine.row import
LegacyRow``), but its ``sqla.py`` imports that module only when
``version.parse(sqlalchemy.__version__) < version.parse("2.0.0b1")``; under SQLAlchemy
2.0.3 the ``else`` branch imports ``sqla20`` instead.  Reading which modules a release
reaches under the set's versions tells a release that adapted from one that did not.

Only plain tests are evaluated: one comparison of a library's ``__version__`` (through
``packaging.version.parse``, ``Version``, ``LooseVersion``, ``StrictVersion``,
``parse_version``, or bare) with a literal, directly or through a module-level name
assigned from such an expression.  Anything else is unknown, and unknown means reached:
this module never decides that code does not run on a guess.
"""
from __future__ import annotations

import ast
import operator
from typing import Callable, Dict, List, Optional

from packaging.version import InvalidVersion, Version

from .pysource import parse_quietly, resolve_relative

_PARSERS = ("parse", "Version", "LooseVersion", "StrictVersion", "parse_version", "V")
_OPS = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
        ast.Eq: operator.eq, ast.NotEq: operator.ne}
MAX_IMPORTERS_READ = 200  # modules of a release read for imports of the module in question


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return f"{head}.{node.attr}" if head else ""
    return ""


class Evaluator:
    """Evaluates version tests of one module's text; ``version_of(module)`` gives a pinned version or None."""

    def __init__(self, tree: ast.Module, version_of: Callable[[str], Optional[str]]):
        self.version_of = version_of
        self.bound: Dict[str, str] = {}  # local name -> module it imports
        self.flags: Dict[str, ast.AST] = {}  # module-level name -> the expression assigned to it
        for node in tree.body:
            if isinstance(node, ast.Import):
                for a in node.names:
                    self.bound[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for a in node.names:
                    self.bound[a.asname or a.name] = f"{node.module}.{a.name}"
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                self.flags[node.targets[0].id] = node.value

    def value(self, node: ast.AST, depth: int = 0) -> Optional[Version]:
        """The version an expression stands for, or None."""
        if depth > 3:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                return Version(node.value)
            except InvalidVersion:
                return None
        if isinstance(node, ast.Attribute) and node.attr == "__version__":
            head = _dotted(node.value)
            module = self.bound.get(head.split(".")[0])
            if not module:
                return None
            full = module + head[len(head.split(".")[0]):]
            found = self.version_of(full)
            try:
                return Version(found) if found else None
            except InvalidVersion:
                return None
        if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
            name = _dotted(node.func).rsplit(".", 1)[-1]
            if name in _PARSERS:
                return self.value(node.args[0], depth + 1)
        if isinstance(node, ast.Name) and node.id in self.flags:
            return self.value(self.flags[node.id], depth + 1)
        return None

    def test(self, node: ast.AST, depth: int = 0) -> Optional[bool]:
        """True/False for a version comparison this evaluator can read, else None."""
        if depth > 3:
            return None
        if isinstance(node, ast.Name) and node.id in self.flags:
            return self.test(self.flags[node.id], depth + 1)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = self.test(node.operand, depth + 1)
            return None if inner is None else not inner
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _OPS:
            left, right = self.value(node.left), self.value(node.comparators[0])
            if left is None or right is None:
                return None
            return bool(_OPS[type(node.ops[0])](left, right))
        return None


def _taken(node: ast.AST, parents: Dict[int, ast.AST], ev: Evaluator) -> Optional[bool]:
    """Whether the statement ``node`` runs at import under the set: False only when a version test says no."""
    child, up = node, parents.get(id(node))
    unknown = False
    while up is not None:
        if isinstance(up, ast.If):
            side = "body" if any(child is st for st in up.body) else "orelse" if any(child is st for st in up.orelse) else None
            if side is not None:
                result = ev.test(up.test)
                if result is None:
                    unknown = True
                elif result != (side == "body"):
                    return False
        child, up = up, parents.get(id(up))
    return None if unknown else True


def imports_of(text: str, importer: str, is_package: bool, target: str) -> List[ast.AST]:
    """Statements of ``text`` (module ``importer``) that import module ``target``."""
    try:
        tree = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    out: List[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name == target or a.name.startswith(target + ".") for a in node.names):
            out.append(node)
        elif isinstance(node, ast.ImportFrom):
            base = resolve_relative(importer, is_package, node.level, node.module)
            if base == target or base.startswith(target + ".") or any(f"{base}.{a.name}" == target for a in node.names):
                out.append(node)
    return out


def unreached(read: Callable[[str], Optional[str]], paths: List[str], path: str,
              version_of: Callable[[str], Optional[str]]) -> bool:
    """Whether module ``path`` of a release is imported only in branches the set's versions do not take.

    ``read(path)`` gives a module's text.  A module nothing imports (an entry point, a
    dynamic import) is never called unreached.
    """
    target = _module_name(path)
    leaf = target.rsplit(".", 1)[-1]
    seen = False
    for other in paths[:MAX_IMPORTERS_READ]:
        if other == path or not other.endswith(".py"):
            continue
        text = read(other) or ""
        if leaf not in text:
            continue
        importer = _module_name(other)
        nodes = imports_of(text, importer, other.endswith("/__init__.py"), target)
        if not nodes:
            continue
        tree = parse_quietly(text)
        parents: Dict[int, ast.AST] = {}
        for outer in ast.walk(tree):
            for child in ast.iter_child_nodes(outer):
                parents[id(child)] = outer
        # the nodes were found in another parse of the same text: match them by position
        wanted = {(n.lineno, n.col_offset) for n in nodes}
        ev = Evaluator(tree, version_of)
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and (node.lineno, node.col_offset) in wanted:
                seen = True
                if _taken(node, parents, ev) is not False:
                    return False
    return seen


def _module_name(path: str) -> str:
    module = path[:-3].replace("/", ".")
    return module[: -len(".__init__")] if module.endswith(".__init__") else module
