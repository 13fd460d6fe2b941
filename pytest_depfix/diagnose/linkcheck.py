"""A paste cut before its message: find the import that failed by reading the imports, as a linker would.

Forum pastes lose their last lines.  An IPython traceback still says
``ImportError`` in its header, and its frames say which module of which pin
was importing, but not which name was missing.  Python runs a module's
imports in order, depth first, so the statement that failed is the first
unguarded import, reached from the innermost frame's line, of a name that the
pinned owner does not provide.  This module walks that order through the
pin's own release files and asks the probe about every name it imports from
another pin of the set; the first "no" is the message the paste lost
(gensim 4.3.2's matutils does ``from scipy.linalg import triu``, which
SciPy 1.13 removed).  Only files are read; nothing is imported or run.
"""

from __future__ import annotations

import ast
from typing import Any, List, Optional, Set, Tuple

from ..models import OWNER_DIST
from .probe import NO, YES, Question, ReleaseTree
from .pysource import parse_exact, parse_quietly, resolve_relative

MAX_FILES = 80  # own modules followed from the frame's statement
MAX_QUESTIONS = 48  # names asked of other pins
MAX_READ_QUESTIONS = 160  # distinct module-level attribute reads asked of other pins (a loader's walk only)
MAX_CHAIN = 4  # parts of one dotted read followed down through modules
_GUARDS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def missing_import(ctx: Any, module: Optional[str] = None) -> Optional[Tuple[str, str, str, str]]:
    """(message, owner pin, importing file, evidence) for the first import the pinned set cannot satisfy, or None.

    ``message`` is worded as CPython words it ("cannot import name 'triu' from
    'scipy.linalg'", "No module named 'x.y'") so the ordinary import-name
    diagnosis runs on it.  None whenever anything is unsure: the paste is
    then left as it was.  ``module``: the module a loader names when it
    replaced the import's message with its own ("Failed loading extension
    "mdx_truly_sane_lists"."); its walk starts at that module's first line.
    """
    from .verdict import module_owner

    if module is not None:
        return _loaded_module(ctx, module, module_owner)
    frames = [f for f in ctx.crash.root.frames if f.owner == OWNER_DIST and f.dist and f.module]
    if ctx.probe is None or not frames:
        return None
    frame = frames[-1]
    pin = ctx.pinned(frame.dist)
    if pin is None or not pin.version:
        return None
    try:
        walker = _Walker(ctx, pin, module_owner)
        # The frames' outer modules are still importing: what they import later never ran.
        walker.seen.update(f for f in (walker.file_of(fr.module) for fr in frames[:-1] if fr.dist == frame.dist) if f)
        start = walker.file_of(frame.module)
        if start is None:
            return None
        return walker.run(start, frame.line or 0)
    except Exception:
        return None


def _loaded_module(ctx: Any, module: str, module_owner: Any) -> Optional[Tuple[str, str, str, str]]:
    """The walk from the first line of a module a loader failed to import, in the pin that ships it."""
    if ctx.probe is None:
        return None
    name = module_owner(module, ctx)
    pin = ctx.pinned(name) if name else None
    if pin is None or not pin.version:
        return None
    try:
        walker = _Walker(ctx, pin, module_owner, why=f"the loader's message replaced the import's, {module} was being imported",
                         attributes=True)
        start = walker.file_of(module)
        return walker.run(start, 0) if start else None
    except Exception:
        return None


class _Walker:
    """Depth-first over one release's module-level imports, in the order Python runs them."""

    def __init__(self, ctx: Any, pin: Any, module_owner: Any, why: str = "the paste ends before its message",
                 attributes: bool = False) -> None:
        self.ctx, self.pin, self.module_owner, self.why = ctx, pin, module_owner, why
        # Also the module-level reads of other pins' modules ('serializers.NullBooleanField' in a table
        # drf-yasg 1.21.3 builds at import): only for a loader's replaced message, where nothing else is shown.
        self.attributes = attributes
        self.read_asked: Set[str] = set()
        self.tree = ReleaseTree(ctx.probe, pin.name, pin.version)
        self.have: Set[str] = set(self.tree.paths())
        self.tops = {p.split("/")[0] for p in self.have if p.endswith(".py")}
        self.seen: Set[str] = set()
        self.asked = 0

    def file_of(self, module: str) -> Optional[str]:
        stem = module.replace(".", "/")
        for cand in (f"{stem}/__init__.py", f"{stem}.py"):
            if cand in self.have:
                return cand
        return None

    def run(self, path: str, from_line: int) -> Optional[Tuple[str, str, str, str]]:
        if path in self.seen or len(self.seen) >= MAX_FILES:
            return None
        self.seen.add(path)
        text = self.tree.read(path) or ""
        try:
            tree = parse_quietly(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        is_package = path.endswith("/__init__.py")
        module = (path[: -len("/__init__.py")] if is_package else path[:-3]).replace("/", ".")
        bound: dict = {}
        for st in _run_order(tree.body, with_reads=self.attributes):
            if getattr(st, "end_lineno", st.lineno) < from_line:
                continue
            if isinstance(st, (ast.Import, ast.ImportFrom)):
                found = self._statement(st, module, is_package, path)
                _bind(st, module, is_package, bound)
            else:
                found = self._reads(st, bound, path)
            if found is not None:
                return found
        return None

    def _reads(self, st: ast.stmt, bound: dict, path: str) -> Optional[Tuple[str, str, str, str]]:
        """A module-level ``alias.Name`` read of another pin's module that the pinned owner lacks."""
        for node in ast.walk(st):
            if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound):
                continue
            dotted = bound[node.value.id]
            head, _, rest = dotted.partition(".")
            question = f"{head}:{rest}.{node.attr}" if rest else f"{head}:{node.attr}"
            if question in self.read_asked:
                continue
            owner = self._owner(dotted)
            if owner is None or len(self.read_asked) >= MAX_READ_QUESTIONS:
                continue
            self.read_asked.add(question)
            if self._answer(owner, question) == NO:
                return (f"module '{dotted}' has no attribute '{node.attr}'", owner.name, path,
                        f"{self.why}; {self.pin.name}=={self.pin.version}'s {path} reads {dotted}.{node.attr} "
                        f"when it is imported (line {node.lineno}), and {owner.name}=={owner.version} has no "
                        f"{dotted}.{node.attr}")
        return None

    def _statement(self, st: ast.stmt, module: str, is_package: bool, path: str) -> Optional[Tuple[str, str, str, str]]:
        if isinstance(st, ast.Import):
            for alias in st.names:
                found = self._module(alias.name, path)
                if found:
                    return found
            return None
        assert isinstance(st, ast.ImportFrom)
        base = resolve_relative(module, is_package, st.level, st.module)
        if not base:
            return None
        found = self._module(base, path)
        if found:
            return found
        if base.split(".")[0] in self.tops:
            for alias in st.names:  # own submodules run in this order too
                sub = self.file_of(f"{base}.{alias.name}") if alias.name != "*" else None
                if sub:
                    found = self.run(sub, 0)
                    if found:
                        return found
            return None
        owner = self._owner(base)
        if owner is None:
            return None
        for alias in st.names:
            if alias.name == "*" or self.asked >= MAX_QUESTIONS:
                continue
            self.asked += 1
            if self._answer(owner, f"{base}:{alias.name}") == NO and self._answer(owner, f"{base}.{alias.name}") != YES:
                return (f"cannot import name '{alias.name}' from '{base}'", owner.name, path,
                        f"{self.why}; {self.pin.name}=={self.pin.version}'s {path} runs "
                        f"'from {base} import {alias.name}', and {owner.name}=={owner.version} has no {base}.{alias.name}")
        return None

    def _module(self, dotted: str, path: str) -> Optional[Tuple[str, str, str, str]]:
        """Follow an own module; ask another pin whether it ships a module."""
        if dotted.split(".")[0] in self.tops:
            for i in range(1, dotted.count(".") + 2):
                f = self.file_of(".".join(dotted.split(".")[:i]))
                if f:
                    found = self.run(f, 0)
                    if found:
                        return found
            return None
        owner = self._owner(dotted)
        if owner is None or self.asked >= MAX_QUESTIONS:
            return None
        self.asked += 1
        if self._answer(owner, dotted) == NO:
            return (f"No module named '{dotted}'", owner.name, path,
                    f"{self.why}; {self.pin.name}=={self.pin.version}'s {path} imports "
                    f"{dotted}, and {owner.name}=={owner.version} does not ship it")
        return None

    def _owner(self, dotted: str) -> Any:
        from ..crash.stdlib import is_stdlib_module

        if is_stdlib_module(dotted.split(".")[0], tuple(self.ctx.target.python[:2])):
            return None  # the target's own module shadows a pinned backport (dataclasses==0.6 on 3.11)
        name = self.module_owner(dotted, self.ctx)
        owner = self.ctx.pinned(name) if name else None
        if owner is None or not owner.version or owner.key == self.pin.key:
            return None
        return owner

    def _answer(self, owner: Any, question: str) -> str:
        try:
            return self.ctx.probe.ask(owner.name, owner.version, Question.parse(question)).value
        except Exception:
            return "unknown"


def _run_order(stmts: List[ast.stmt], with_reads: bool = False) -> List[ast.stmt]:
    """The import statements that surely run when the module is imported, in order.

    Not function bodies (maybe never called), not ``try`` bodies whose handler
    catches the ImportError, not ``if`` branches (a platform or version test
    may skip them): a guess about a branch would be a guessed message.
    ``with_reads``: the plain statements that run too (assignments, expressions,
    a class's bases), whose attribute reads of imported modules can fail.
    """
    out: List[ast.stmt] = []
    for st in stmts:
        if isinstance(st, (ast.Import, ast.ImportFrom)):
            out.append(st)
        elif isinstance(st, ast.Try):
            if not any(_catches(h) for h in st.handlers):
                out.extend(_run_order(st.body, with_reads))
            out.extend(_run_order(st.finalbody, with_reads))
        elif isinstance(st, ast.ClassDef):
            if with_reads and st.bases:
                out.append(ast.Expr(value=ast.Tuple(elts=list(st.bases), ctx=ast.Load()), lineno=st.lineno,
                                    end_lineno=st.lineno, col_offset=0))
            out.extend(_run_order(st.body, with_reads))
        elif isinstance(st, (ast.With,)):
            out.extend(_run_order(st.body, with_reads))
        elif with_reads and isinstance(st, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Expr)):
            out.append(st)
    return out


def _bind(st: ast.stmt, module: str, is_package: bool, bound: dict) -> None:
    """Record the names an import binds to a module path (``from rest_framework import serializers``)."""
    if isinstance(st, ast.Import):
        for a in st.names:
            if a.asname:
                bound[a.asname] = a.name
            else:
                bound[a.name.split(".")[0]] = a.name.split(".")[0]
    elif isinstance(st, ast.ImportFrom):
        base = resolve_relative(module, is_package, st.level, st.module)
        for a in st.names if base else ():
            if a.name != "*":
                bound[a.asname or a.name] = f"{base}.{a.name}"


def _catches(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(k, ast.Name) and k.id in _GUARDS or isinstance(k, ast.Attribute) and k.attr in _GUARDS
               for k in kinds)


MAX_ATTRIBUTE_QUESTIONS = 8


def missing_attribute(ctx: Any) -> Optional[Tuple[str, str, str, str]]:
    """(message, owner pin, file, evidence) for a paste cut before its exception line, read from the failing line.

    An IPython paste that ends at its arrow (``-> 1209  T = np.ones(..., dtype=np.complex)``)
    shows the statement but not the error.  The statement's ``alias.name`` reads of modules
    the frame's file imports are asked of the pins that own them; the one the pinned owner
    lacks is the lost ``AttributeError`` (NumPy 1.24 removed ``np.complex``).  Exactly one
    such read must fail, or nothing is said.
    """
    from .verdict import module_owner

    root = ctx.crash.root
    frames = [f for f in root.frames if f.owner == OWNER_DIST and f.dist and f.module]
    if ctx.probe is None or not root.frames or not frames or frames[-1] is not root.frames[-1]:
        return None
    frame = frames[-1]
    pin = ctx.pinned(frame.dist)
    source = (frame.source or "").strip()
    if pin is None or not pin.version or not source:
        return None
    try:
        # A compound statement's header line ("class AutoTuner(keras_tuner.engine.tuner.Tuner):") parses with a body.
        statement = parse_exact(source + "\n    pass" if source.endswith(":") else source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    try:
        walker = _Walker(ctx, pin, module_owner)
        path = walker.file_of(frame.module)
        text = walker.tree.read(path) if path else None
        module_tree = parse_quietly(text or "")
    except Exception:
        return None
    if not path or not text:
        return None
    aliases = {}
    for st in getattr(module_tree, "body", []):
        if isinstance(st, ast.Import):
            for a in st.names:
                aliases[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
    if any(isinstance(n, (ast.IfExp, ast.BoolOp)) or isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
           and n.func.id in ("hasattr", "getattr") for n in ast.walk(statement)):
        return None  # a read that runs only on a condition, or a guarded one, may never have failed
    missing = []
    asked = [0]
    inner = {id(n.value) for n in ast.walk(statement) if isinstance(n, ast.Attribute)}

    def ask(owner: Any, question: Question) -> Optional[str]:
        if asked[0] >= MAX_ATTRIBUTE_QUESTIONS:
            return None
        asked[0] += 1
        return ctx.probe.ask(owner.name, owner.version, question).value

    for node in ast.walk(statement):
        if not isinstance(node, ast.Attribute) or id(node) in inner or not isinstance(node.ctx, ast.Load):
            continue
        parts: List[str] = []
        head: ast.AST = node
        while isinstance(head, ast.Attribute):
            parts.insert(0, head.attr)
            head = head.value
        if not isinstance(head, ast.Name) or head.id not in aliases:
            continue
        module = aliases[head.id]
        name = module_owner(module, ctx)
        owner = ctx.pinned(name) if name else None
        if owner is None or not owner.version or owner.key == pin.key:
            continue
        # Down the dotted chain while it names modules: keras_tuner.engine.tuner.Tuner fails at
        # "module 'keras_tuner.engine' has no attribute 'tuner'" (keras-tuner 1.4 moved it to src/).
        for i, part in enumerate(parts[:MAX_CHAIN]):
            try:
                value = ask(owner, Question(module, name=part))
            except Exception:
                return None
            if value == NO:
                missing.append((module, part, owner, ".".join([head.id] + parts[:i + 1])))
                break
            if value != YES:
                return None  # a read that cannot be told leaves the lost line unknown
            try:
                if ask(owner, Question(f"{module}.{part}")) != YES:
                    break  # a class or a value: what it holds is not a module question
            except Exception:
                return None
            module = f"{module}.{part}"
    if len({(m, a) for m, a, _, _ in missing}) != 1:
        return None
    module, attr, owner, read = missing[0]
    alias = read.split(".")[0]
    return (f"module '{module}' has no attribute '{attr}'", owner.name, path,
            f"the paste ends before its exception line; {pin.name}=={pin.version}'s {path} line {frame.line} reads "
            f"{read} ({alias} is {aliases[alias]}), and {owner.name}=={owner.version} has no {module}.{attr}")


def hidden_import(ctx: Any) -> Optional[Tuple[str, str, str, str]]:
    """(message, owner pin, file, evidence) for an ImportError a pin caught and re-raised as its own refusal.

    apache-airflow-providers-celery 3.9.0 wraps ``from airflow.cli.commands.local_commands.daemon_utils
    import run_command_with_daemon_option`` in ``try``/``except ImportError`` and raises "This feature
    is only available in Airflow versions >= 2.8.0" under Airflow 2.10.4, which meets that.  The
    innermost frame's ``raise`` sits in the handler; the guarded imports in the ``try`` body are asked
    of their pinned owners, and the first "no" is the error the refusal hid.
    """
    from .verdict import module_owner

    frames = [f for f in ctx.crash.root.frames if f.owner == OWNER_DIST and f.dist and f.module]
    if ctx.probe is None or not frames or frames[-1] is not ctx.crash.root.frames[-1]:
        return None
    frame = frames[-1]
    pin = ctx.pinned(frame.dist)
    if pin is None or not pin.version or not frame.line or not (frame.source or "").lstrip().startswith("raise"):
        return None
    try:
        walker = _Walker(ctx, pin, module_owner, why="the refusal hides an ImportError it caught")
        path = walker.file_of(frame.module)
        tree = parse_quietly(walker.tree.read(path) or "") if path else None
    except Exception:
        return None
    if tree is None or path is None:
        return None
    line = frame.line
    return _guarded_imports(walker, tree, path, lambda h: h.lineno <= line <= (h.end_lineno or h.lineno))


def hidden_import_in(ctx: Any, pin: Any, path: str, message: str,
                     exc_class: str = "") -> Optional[Tuple[str, str, str, str]]:
    """:func:`hidden_import` for a frameless refusal found by its words in ``pin``'s file ``path``.

    dj-rest-auth 4.0.1's registration/serializers.py wraps seven allauth imports in ``try``
    and raises "allauth needs to be added to INSTALLED_APPS" from ``except ImportError``;
    pasted alone, that line names no frame.  The handler whose ``raise`` spells the
    message is the one, and its guarded imports are asked as above.

    ``exc_class``: the pasted class; the handler's ``raise`` must name it (an ImportError
    stands for a ModuleNotFoundError too), so a refusal raised elsewhere in the module with
    similar words is not read as the handler's.
    """
    from .verdict import module_owner

    if ctx.probe is None or not path.endswith(".py"):
        return None
    try:
        walker = _Walker(ctx, pin, module_owner, why="the refusal hides an ImportError it caught")
        tree = parse_quietly(walker.tree.read(path) or "")
    except Exception:
        return None
    said = " ".join(message.split()).rstrip(".").lower()

    family = {"ImportError", "ModuleNotFoundError"}

    def names_class(node: ast.Raise) -> bool:
        if not exc_class:
            return True
        exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        raised = exc.id if isinstance(exc, ast.Name) else exc.attr if isinstance(exc, ast.Attribute) else ""
        return raised == exc_class or (raised in family and exc_class in family)

    def raises_it(handler: ast.ExceptHandler) -> bool:
        for node in ast.walk(handler):
            if isinstance(node, ast.Raise) and names_class(node):
                for const in ast.walk(node):
                    text = const.value if isinstance(const, ast.Constant) and isinstance(const.value, str) else ""
                    text = " ".join(text.split()).rstrip(".").lower()
                    if len(text) >= 12 and text in said:
                        return True
        return False

    return _guarded_imports(walker, tree, path, raises_it)


def _guarded_imports(walker: "_Walker", tree: ast.AST, path: str, handler_of: Any) -> Optional[Tuple[str, str, str, str]]:
    """The first import of a ``try`` whose ImportError handler ``handler_of`` picks that the pinned set cannot satisfy."""
    pin = walker.pin
    is_package = path.endswith("/__init__.py")
    module = (path[: -len("/__init__.py")] if is_package else path[:-3]).replace("/", ".")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        handler = next((h for h in node.handlers if _catches(h) and handler_of(h)), None)
        if handler is None:
            continue
        for st in node.body:
            if not isinstance(st, ast.ImportFrom):
                continue
            base = resolve_relative(module, is_package, st.level, st.module)
            owner = walker._owner(base) if base else None
            if owner is None:
                continue
            for alias in st.names:
                if alias.name == "*":
                    continue
                if walker._answer(owner, f"{base}:{alias.name}") == NO and walker._answer(owner, f"{base}.{alias.name}") != YES:
                    return (f"cannot import name '{alias.name}' from '{base}'", owner.name, path,
                            f"{walker.why}: {pin.name}=={pin.version}'s {path} line {st.lineno} runs 'from {base} import "
                            f"{alias.name}' in the try its handler raises from, and {owner.name}=={owner.version} has no "
                            f"{base}.{alias.name}")
        # this handler's imports all resolve: another that raises the same refusal may hold the one
    return None
