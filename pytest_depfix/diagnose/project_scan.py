"""What the project itself uses from each library, read from its own sources.

A candidate fix must not take away something else the project relies on.
:func:`scan_project` reads the project's ``.py`` files (never the virtualenvs,
build folders or site-packages inside it) with :mod:`ast` and records each
imported module, each ``from a import X``, each attribute chain on an
imported name (``np.linalg.norm``) and each keyword argument at call sites
whose callee is statically known (``np.zeros(3, dtype=int)``).
:meth:`ProjectUsage.questions_for` turns that into :class:`Question` objects
the probe can ask about any candidate version.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Set, Tuple

from .probe import Question
from .pysource import parse_quietly

SKIP_DIRS = {"venv", ".venv", "env", ".env", "virtualenv", ".tox", ".nox", "build", "dist", "site-packages",
             "dist-packages", "node_modules", "__pycache__", ".git", ".hg", ".mypy_cache", ".pytest_cache", ".eggs"}
MAX_FILE_BYTES = 2_000_000
MAX_CHAIN = 3  # a.b.c.d -> question about a:b.c.d at most three names deep


@dataclass
class Usage:
    """One use of a library's interface in the project, with where it was seen."""

    question: Question
    file: str
    line: int


@dataclass
class ProjectUsage:
    root: str
    files_read: int = 0
    uses: List[Usage] = field(default_factory=list)
    local_modules: Set[str] = field(default_factory=set)  # the project's own top-level names

    @property
    def imported_tops(self) -> Set[str]:
        return {u.question.top for u in self.uses}

    def questions_for(self, import_top: str) -> List[Question]:
        """Distinct questions about one top-level import name, in order of first use."""
        seen: Dict[str, Question] = {}
        for u in self.uses:
            if u.question.top == import_top and str(u.question) not in seen:
                seen[str(u.question)] = u.question
        return list(seen.values())

    def where(self, q: Question) -> List[Tuple[str, int]]:
        return [(u.file, u.line) for u in self.uses if str(u.question) == str(q)]


def _python_files(root: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        keep = []
        for d in dirnames:
            full = os.path.join(dirpath, d)
            if d in SKIP_DIRS or d.startswith(".") or d.endswith(".egg-info"):
                continue
            if os.path.exists(os.path.join(full, "pyvenv.cfg")) or os.path.islink(full):
                continue  # a virtualenv under any name
            keep.append(d)
        dirnames[:] = sorted(keep)
        for f in sorted(filenames):
            if f.endswith(".py"):
                yield os.path.join(dirpath, f)


def _local_modules(root: str) -> Set[str]:
    """Top-level names the project itself provides (so they are not library uses)."""
    out: Set[str] = set()
    for base in (root, os.path.join(root, "src")):
        if not os.path.isdir(base):
            continue
        for entry in os.listdir(base):
            full = os.path.join(base, entry)
            if entry.endswith(".py"):
                out.add(entry[:-3])
            elif os.path.isdir(full) and not entry.startswith(".") and entry not in SKIP_DIRS:
                if any(n.endswith(".py") for n in os.listdir(full)):
                    out.add(entry)
    return out


class _FileScan(ast.NodeVisitor):
    def __init__(self, rel: str, local: Set[str], out: List[Usage]):
        self.rel = rel
        self.local = local
        self.out = out
        # name in this file -> (module, name in module or None for the module itself)
        self.aliases: Dict[str, Tuple[str, Optional[str]]] = {}

    def add(self, q: Question, node: ast.AST) -> None:
        if q.top not in self.local:
            self.out.append(Usage(q, self.rel, getattr(node, "lineno", 0)))

    def visit_Import(self, node: ast.Import) -> None:
        for a in node.names:
            self.add(Question(a.name), node)
            if a.asname:
                self.aliases[a.asname] = (a.name, None)
            else:
                top = a.name.split(".")[0]
                self.aliases[top] = (top, None)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level or not node.module:
            return  # the project's own relative imports
        for a in node.names:
            if a.name == "*":
                self.add(Question(node.module), node)
                continue
            self.add(Question(node.module, a.name), node)
            self.aliases[a.asname or a.name] = (node.module, a.name)

    def _chain(self, node: ast.AST) -> Optional[Tuple[str, List[str]]]:
        """``alias.x.y`` -> (module, [name, attrs...]) when the root is an imported name."""
        parts: List[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name) or node.id not in self.aliases:
            return None
        module, name = self.aliases[node.id]
        chain = ([name] if name else []) + list(reversed(parts))
        return module, chain

    def _question(self, module: str, chain: List[str], parameter: Optional[str] = None) -> Optional[Question]:
        if not chain:
            return None
        chain = chain[:MAX_CHAIN]
        return Question(module, chain[0], ".".join(chain[1:]) or None, parameter)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        got = self._chain(node)
        if got:
            q = self._question(*got)
            if q:
                self.add(q, node)
            return  # inner parts of the chain are covered by the outer one
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        got = self._chain(node.func)
        if got and got[1] and len(got[1]) <= MAX_CHAIN:
            for kw in node.keywords:
                if kw.arg:
                    q = self._question(got[0], got[1], kw.arg)
                    if q:
                        self.add(q, node)
        self.generic_visit(node)


def scan_project(root: str) -> ProjectUsage:
    """Read the project's own ``.py`` files (never importing them) for library uses."""
    root = os.path.abspath(root)
    usage = ProjectUsage(root=root, local_modules=_local_modules(root))
    for path in _python_files(root):
        try:
            if os.path.getsize(path) > MAX_FILE_BYTES:
                continue
            with open(path, "rb") as fh:
                text = fh.read()
            tree = parse_quietly(text, filename=path)
        except (OSError, SyntaxError, ValueError):
            continue
        usage.files_read += 1
        _FileScan(os.path.relpath(path, root), usage.local_modules, usage.uses).visit(tree)
    return usage
