"""Reading a package's public interface from its source text, without running it.

Downloaded code is never imported: a module is known only through
``ast.parse`` of its text.  :func:`read_module` turns one file into a
:class:`ModuleInfo` (what names it binds and where, its ``__all__``, star
imports, a module ``__getattr__`` and the tables of removed or deprecated
names it consults, ``lazy_loader`` attachments, classes and function
signatures).  :class:`Resolver` answers questions across the files of one
release (a :class:`SourceTree`): it follows re-exports through ``__init__``
chains, star imports, aliases and stubs, and says "unknown" rather than guess
when the answer lives in compiled code or in dynamic machinery.

Conditional definitions (``if``/``try`` branches) count as "maybe", which the
resolver answers "yes" with the note "conditional"; ``if sys.version_info``
tests are evaluated for the target Python, and ``if TYPE_CHECKING:`` bodies
are not runtime names.
"""

from __future__ import annotations

import ast
import dataclasses
import re
import sys
import warnings
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple, Union

from .py2syntax import parse_python2, python2_read

YES, NO, UNKNOWN = "yes", "no", "unknown"

COMPILED_SUFFIXES = (".so", ".pyd")
# Names of module-level tables that list names which are *gone* (a module
# ``__getattr__`` raises for them) or still served with a warning.
_RAISE_HINTS = ("former", "expired", "removed")
_RETURN_HINTS = ("deprecated",)


# --------------------------------------------------------------------------
# records of one file
# --------------------------------------------------------------------------

@dataclass
class Binding:
    """One way a module (or class) binds a name."""

    kind: str  # "def" | "class" | "assign" | "import" | "alias"
    line: int
    conditional: bool = False
    module: Optional[str] = None  # import/alias: absolute module the value comes from
    name: Optional[str] = None  # import/alias: name in that module (None: the module itself)


@dataclass
class FunctionInfo:
    name: str
    line: int
    params: List[str]  # positional-or-keyword and keyword-only names
    posonly: List[str]
    vararg: bool
    kwarg: Optional[str]
    kwarg_keys: Set[str] = field(default_factory=set)  # literal keys read from **kwargs
    forwards: List[str] = field(default_factory=list)  # callees receiving **kwargs ("f", "self.g", "super.__init__", "C")
    required: Set[str] = field(default_factory=set)  # named parameters without a default (a call must pass them)
    positional: int = -1  # how many arguments may be passed by position (posonly + positional-or-keyword); -1 unknown


@dataclass
class ClassInfo:
    name: str
    line: int
    bases: List[str]
    members: Dict[str, int] = field(default_factory=dict)  # name -> line
    methods: Dict[str, FunctionInfo] = field(default_factory=dict)
    has_getattr: bool = False
    dataclass_fields: Optional[List[str]] = None
    # A class decorator that writes its constructor (attrs' @attr.s, @define, @frozen): which
    # keywords it takes is not read, so a keyword question about it has no answer.
    generated_init: bool = False
    # Members only a method's ``self.x = ...`` sets: an instance has them, the class object does not
    # (nibabel 5's ArrayProxy sets ``self.order`` where 4.x had the class variable ``order``).
    instance_only: Set[str] = field(default_factory=set)
    # Methods read through a decorator that makes them values (property, cached_property): a
    # call of the attribute calls what the getter returns, not the getter.
    properties: Set[str] = field(default_factory=set)
    # A pydantic model's declared ``extra`` policy ("ignore", "allow", "forbid"), when its body says:
    # its generated constructor takes any keyword unless it forbids extras.
    extra_keywords: Optional[str] = None


@dataclass
class ModuleInfo:
    """What one source file binds at module level."""

    path: str
    stub: bool = False
    bindings: Dict[str, List[Binding]] = field(default_factory=dict)
    functions: Dict[str, List[FunctionInfo]] = field(default_factory=dict)
    classes: Dict[str, List[ClassInfo]] = field(default_factory=dict)
    all_names: Optional[List[str]] = None
    all_from: List[str] = field(default_factory=list)  # modules whose __all__ is added to ours
    all_line: int = 0
    stars: List[Tuple[str, int, bool]] = field(default_factory=list)  # (module, line, conditional)
    getattr_line: Optional[int] = None
    getattr_closed: bool = False  # __getattr__ raises for every name outside its tables
    replaced: Optional[int] = None  # line where the module puts another object in sys.modules (werkzeug 0.x)
    removed: Dict[str, Tuple[int, str]] = field(default_factory=dict)  # name -> (line, table)
    deprecated: Dict[str, Tuple[int, str]] = field(default_factory=dict)
    lazy_submodules: Dict[str, int] = field(default_factory=dict)
    lazy_attrs: Dict[str, Tuple[str, int]] = field(default_factory=dict)  # name -> (submodule, line)
    lazy_conditional: Set[str] = field(default_factory=set)  # lazy names added under a branch or try
    lazy_stub: Optional[int] = None  # line of lazy.attach_stub(...)
    lazy_dynamic: Optional[int] = None  # line of a lazy table built by a call (transformers 4.52's define_import_structure)
    syntax_error: Optional[str] = None
    # NAME = Cls(...) at module level: the dotted class each instance was built from (PyJWT's
    # "_jwt_global_obj = PyJWT()", whose methods "decode = _jwt_global_obj.decode" re-exports)
    instances: Dict[str, str] = field(default_factory=dict)
    all_dynamic: bool = False  # __all__ has a part not read here (sorted(dir()), a comprehension, NAMES)


# --------------------------------------------------------------------------
# reading one file
# --------------------------------------------------------------------------

def _dotted(node: ast.AST) -> Optional[str]:
    """``a.b.c`` for Name/Attribute chains, else None."""
    parts: List[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _strings(node: Optional[ast.AST]) -> Optional[List[str]]:
    """The strings of a list/tuple/set literal of string constants."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        out = []
        for elt in node.elts:
            if isinstance(elt, ast.Constant) and isinstance(elt.value, str):
                out.append(elt.value)
            else:
                return None
        return out
    return None


def _slice(node: ast.Subscript) -> ast.AST:
    """The index of a subscript (Python 3.8 wraps it in ast.Index)."""
    sl = node.slice
    return getattr(sl, "value", sl) if type(sl).__name__ == "Index" else sl


def resolve_relative(module: str, is_package: bool, level: int, target: Optional[str]) -> str:
    """Absolute name of ``from <level dots><target> import ...`` inside ``module``."""
    if level == 0:
        return target or ""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


class _Reader:
    """Walks module-level statements, tracking whether a branch is conditional."""

    def __init__(self, info: ModuleInfo, module: str, is_package: bool, python: Tuple[int, ...]):
        self.info = info
        self._all_extenders: Set[str] = set()  # module functions that add an argument's __all__ to ours
        self._lazy_tables: List[Tuple[str, int]] = []  # import-structure tables handed to a _LazyModule
        self._table_merges: Dict[str, List[str]] = {}  # table -> tables .update()-d into it
        self._replacers: Set[str] = set()  # module classes that put themselves in sys.modules
        self._globals_names: Set[str] = set()  # module names bound to globals() (handed to calls that add names)
        self._self_names: Set[str] = set()  # module names bound to the module object itself (sys.modules[__name__])
        self._table_values: Dict[str, Dict[str, List[str]]] = {}  # table -> key -> names added later
        self.module = module
        self.is_package = is_package
        self.python = python
        self.constants: Dict[str, ast.AST] = {}  # module-level NAME = <literal>, for table keys

    # -- helpers --------------------------------------------------------
    def bind(self, name: str, b: Binding) -> None:
        self.info.bindings.setdefault(name, []).append(b)

    def _binding_marks(self) -> Dict[str, int]:
        return {n: len(v) for n, v in self.info.bindings.items()}

    def absolute(self, level: int, target: Optional[str]) -> str:
        return resolve_relative(self.module, self.is_package, level, target)

    def version_test(self, test: ast.AST) -> Optional[bool]:
        """Evaluate ``sys.version_info >= (3, 8)``-style tests for the target Python (None: cannot tell)."""
        return version_side(test, self.python)

    # -- statements -----------------------------------------------------
    def body(self, stmts: Sequence[ast.stmt], cond: bool) -> None:
        for st in stmts:
            self.stmt(st, cond)

    def stmt(self, st: ast.stmt, cond: bool) -> None:
        info = self.info
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.bind(st.name, Binding("def", st.lineno, cond))
            info.functions.setdefault(st.name, []).append(read_function(st))
            if st.name == "__getattr__":
                info.getattr_line = st.lineno
                self.read_getattr(st)
            self.function_globals(st)
            if _extends_all_from_argument(st):
                self._all_extenders.add(st.name)
        elif isinstance(st, ast.ClassDef):
            self.bind(st.name, Binding("class", st.lineno, cond))
            info.classes.setdefault(st.name, []).append(read_class(st))
            if st.name == "__getattr__" and st.decorator_list:
                # matplotlib 3.5+: '@_api.caching_module_getattr class __getattr__:' serves the names
                # its body defines (properties such as __version_info__) and raises for the rest.
                info.getattr_line = st.lineno
                info.getattr_closed = True
                for inner in st.body:
                    names = [t.id for t in inner.targets if isinstance(t, ast.Name)] if isinstance(inner, ast.Assign) else \
                        [inner.target.id] if isinstance(inner, ast.AnnAssign) and isinstance(inner.target, ast.Name) else \
                        [inner.name] if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
                    for name in names:
                        if not name.startswith("_") or (name.startswith("__") and name.endswith("__")):
                            self.bind(name, Binding("assign", inner.lineno, cond))
            if any(isinstance(n, ast.Assign) and any(isinstance(t, ast.Subscript) and _dotted(t.value) == "sys.modules"
                                                     for t in n.targets) for n in ast.walk(st)):
                self._replacers.add(st.name)  # werkzeug 0.15-0.16's _DeprecatedImportModule
        elif isinstance(st, ast.Import):
            for a in st.names:
                if a.asname:
                    self.bind(a.asname, Binding("import", st.lineno, cond, a.name, None))
                else:
                    top = a.name.split(".")[0]
                    self.bind(top, Binding("import", st.lineno, cond, top, None))
        elif isinstance(st, ast.ImportFrom):
            src = self.absolute(st.level, st.module)
            for a in st.names:
                if a.name == "*":
                    info.stars.append((src, st.lineno, cond))
                else:
                    self.bind(a.asname or a.name, Binding("import", st.lineno, cond, src, a.name))
        elif isinstance(st, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            self.assign(st, cond)
        elif isinstance(st, ast.Delete) and not cond:
            for t in st.targets:
                if isinstance(t, ast.Name):
                    info.bindings.pop(t.id, None)
        elif isinstance(st, ast.Expr) and isinstance(st.value, ast.Call):
            self.call(st.value, st.lineno, cond)
        elif isinstance(st, ast.If):
            if _dotted(st.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING") and not info.stub:
                self.body(st.orelse, cond)
                return
            v = self.version_test(st.test)
            if v is True:
                self.body(st.body, cond)
            elif v is False:
                self.body(st.orelse, cond)
            else:
                marks = self._binding_marks()
                self.body(st.body, True)
                self.body(st.orelse, True)
                # 'if os.name == "nt": from .win import Serial / elif ...: from .posix import Serial /
                # else: raise ImportError': bound on every path that does not raise (pyserial's serial.Serial).
                for n in _bound_on_every_path([st]) or ():
                    for b in info.bindings.get(n, [])[marks.get(n, 0):]:
                        b.conditional = cond
        elif isinstance(st, ast.Try) or type(st).__name__ == "TryStar":
            marks = self._binding_marks()
            self.body(st.body, True)  # type: ignore[attr-defined]
            for h in st.handlers:  # type: ignore[attr-defined]
                self.body(h.body, True)
            # 'try: from pkg_resources import parse_version / except ImportError: from distutils... as
            # parse_version': bound by a plain statement on every path, so as certain as the try itself.
            certain = _definitely_bound(st.body)  # type: ignore[attr-defined]
            for h in st.handlers:  # type: ignore[attr-defined]
                if h.body and isinstance(h.body[-1], ast.Raise):
                    continue  # a handler that re-raises leaves no path on which the name is missing
                certain &= _definitely_bound(h.body)
            certain -= _deleted(st.orelse)  # type: ignore[attr-defined]
            for n in certain:
                for b in info.bindings.get(n, [])[marks.get(n, 0):]:
                    b.conditional = cond
            self.body(st.orelse, True)  # type: ignore[attr-defined]
            self.body(st.finalbody, cond)  # type: ignore[attr-defined]
        elif isinstance(st, (ast.With, ast.AsyncWith)):
            self.body(st.body, cond)
        elif isinstance(st, (ast.For, ast.While)):
            if isinstance(st, ast.For):
                self.namespace_loop(st, cond)
            self.body(st.body, True)
            self.body(st.orelse, True)

    def namespace_loop(self, st: ast.For, cond: bool) -> None:
        """``for name in deprecated_windows: locals()[name] = deco(name)`` binds every name of a literal list.

        scipy.signal 1.1-1.12 kept ``gaussian`` and its other windows this way;
        read statically, they were absent and the probe put the removal at 1.1.
        """
        if not isinstance(st.target, ast.Name):
            return
        it = st.iter
        if isinstance(it, ast.Name):
            it = self.constants.get(it.id)  # type: ignore[assignment]
        names = _strings(it) if isinstance(it, (ast.Tuple, ast.List)) else None
        if not names:
            return
        for node in st.body:
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Subscript) and isinstance(t.value, ast.Call) and not t.value.args
                    and _dotted(t.value.func) in ("locals", "globals") and isinstance(_slice(t), ast.Name)
                    and _slice(t).id == st.target.id for t in node.targets):  # type: ignore[attr-defined]
                for n in names:
                    self.bind(n, Binding("assign", node.lineno, cond))
                return

    def assign(self, st: ast.stmt, cond: bool) -> None:
        info = self.info
        if isinstance(st, ast.Assign):
            targets, value = st.targets, st.value
        else:
            targets, value = [st.target], st.value  # type: ignore[attr-defined]
        names: List[str] = []
        for t in targets:
            if isinstance(t, ast.Name):
                names.append(t.id)
            elif isinstance(t, (ast.Tuple, ast.List)):
                names += [e.id for e in t.elts if isinstance(e, ast.Name)]
            elif isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and isinstance(_slice(t), ast.Constant):
                # TABLE["x"] = ... adds a key to a module table
                self.table_key(t.value.id, _slice(t).value, st.lineno)  # type: ignore[attr-defined]
                if value is not None and _strings(value) is not None:
                    self.table_values(t.value.id, _slice(t).value, _strings(value) or [], cond)  # type: ignore[attr-defined]
        if isinstance(st, ast.AugAssign):
            if names == ["__all__"]:
                self.extend_all(value, st.lineno)
            return
        if value is None:  # bare annotation
            return
        if isinstance(value, ast.Call) and _dotted(value.func) in ("globals", "vars") and not value.args:
            self._globals_names.update(names)  # protobuf's generated '_globals = globals()', handed to its builder
        if isinstance(value, ast.Subscript) and _dotted(value.value) == "sys.modules" and _is_own_name(_slice(value), self.module):
            self._self_names.update(names)  # pandas 0.22's 'm = sys.modules["pandas.core.common"]', then setattr(m, t, ...)
        # lazy_loader: __getattr__, __dir__, __all__ = lazy.attach(...) / attach_stub(...)
        # (huggingface_hub defines its own copy as _attach(__name__, submodules=[], submod_attrs=_SUBMOD_ATTRS))
        if isinstance(value, ast.Call) and (_dotted(value.func) or "").split(".")[-1].lstrip("_") in ("attach", "attach_stub"):
            self.lazy(value, st.lineno)
        if any(isinstance(t, ast.Subscript) and _dotted(t.value) == "sys.modules" and _is_own_name(_slice(t), self.module)
               for t in targets) and not (
                isinstance(value, ast.Call) and (_dotted(value.func) or "").split(".")[-1].endswith("LazyModule")):
            # 'sys.modules[__name__] = module(__name__)': the object importers get is built at run time
            info.replaced = st.lineno
        if isinstance(value, ast.Call) and (_dotted(value.func) or "").split(".")[-1].endswith("LazyModule"):
            # transformers/diffusers: sys.modules[__name__] = _LazyModule(__name__, __file__, _import_structure, ...)
            table = value.args[2] if len(value.args) >= 3 else next(
                (k.value for k in value.keywords if k.arg == "import_structure"), None)
            if isinstance(table, ast.Name):
                self._lazy_tables.append((table.id, st.lineno))
            elif isinstance(table, ast.Call):
                # _LazyModule(__name__, _file, define_import_structure(_file)): the names are gathered at run time
                self.info.lazy_dynamic = st.lineno
        for n in names:
            if n == "__all__":
                strs = _strings(value)
                if strs is not None:
                    info.all_names, info.all_line = strs, st.lineno
                else:
                    info.all_names, info.all_line = [], st.lineno
                    self.extend_all(value, st.lineno)
                # ... and it is a module attribute like any other (flask-sqlalchemy 2.x reads sqlalchemy.__all__).
                self.bind(n, Binding("assign", st.lineno, cond))
                continue
            if n == "__getattr__" and isinstance(value, ast.Call):
                info.getattr_line = st.lineno
            b = Binding("assign", st.lineno, cond)
            d = _dotted(value) if isinstance(value, (ast.Name, ast.Attribute)) else None
            if d:
                head, _, rest = d.partition(".")
                b = Binding("alias", st.lineno, cond, None if not rest else head, rest or head)
            self.bind(n, b)
            if isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute)) and not cond:
                built = _dotted(value.func)
                if built and built.rsplit(".", 1)[-1][:1].isupper():
                    info.instances[n] = built
            if isinstance(value, (ast.Dict, ast.DictComp, ast.List, ast.Tuple, ast.Set, ast.Call)):
                if isinstance(value, ast.DictComp) and _iterates_own_items(value, n) and n in self.constants:
                    continue  # '_import_structure = {k: set(v) for k, v in _import_structure.items()}' keeps its keys
                self.constants[n] = value

    def extend_all(self, value: ast.AST, line: int) -> None:
        """``__all__ += [...]`` / ``__all__ = a.__all__ + [...]``."""
        info = self.info
        if info.all_names is None:
            info.all_names = []
        strs = _strings(value)
        if strs is not None:
            info.all_names += strs
            return
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
            self.extend_all(value.left, line)
            self.extend_all(value.right, line)
            return
        d = _dotted(value) if isinstance(value, (ast.Attribute, ast.Name)) else None
        if d and d.endswith(".__all__"):
            info.all_from.append(d[: -len(".__all__")])
        elif isinstance(value, ast.Call) and _dotted(value.func) in ("list", "tuple") and value.args:
            self.extend_all(value.args[0], line)
        else:
            info.all_dynamic = True

    def call(self, call: ast.Call, line: int, cond: bool = False) -> None:
        f = call.func
        # (a plain loop variable as the name: PIL 10's setattr(module, item.name, item.value) over its own
        # enums names only their members, which the reader knows without a run)
        if isinstance(f, ast.Name) and f.id == "setattr" and len(call.args) >= 2 and isinstance(call.args[1], ast.Name) \
                and (isinstance(call.args[0], ast.Name) and call.args[0].id in self._self_names
                     or isinstance(call.args[0], ast.Subscript) and _dotted(call.args[0].value) == "sys.modules"
                     and _is_own_name(_slice(call.args[0]), self.module)):
            # setattr(m, t, outer(t)) on the module itself, for names a loop computes: only a run knows them
            self.info.lazy_dynamic = line
            return
        if isinstance(f, ast.Attribute) and f.attr == "update" and isinstance(f.value, ast.Call) \
                and _dotted(f.value.func) in ("globals", "vars") and not (call.args and isinstance(call.args[0], ast.Dict)):
            # keras 2.11's initializers: 'globals().update(LOCAL.ALL_OBJECTS)' defines names (Constant,
            # GlorotNormal, ...) only a run can see: a name not found is unknown, never absent.
            self.info.lazy_dynamic = line
            return
        if any(isinstance(a, ast.Call) and _dotted(a.func) == "globals"
               or isinstance(a, ast.Name) and a.id in self._globals_names for a in call.args):
            # websockets: lazy_import(globals(), aliases={"connect": ".asyncio.client", ...}) installs a
            # module __getattr__ serving the tables; any other call handed globals() may add names too.
            read = False
            for kw in call.keywords:
                if isinstance(kw.value, ast.Dict):
                    for k, v in zip(kw.value.keys, kw.value.values):
                        if isinstance(k, ast.Constant) and isinstance(k.value, str) and isinstance(v, ast.Constant) \
                                and isinstance(v.value, str) and v.value.startswith("."):
                            self.info.lazy_attrs.setdefault(k.value, (v.value.lstrip("."), line))
                            read = True
            if not read:
                self.info.lazy_dynamic = line
            return
        if isinstance(f, ast.Name) and f.id in self._replacers:
            # _DeprecatedImportModule(__name__, {".utils": ["secure_filename", ...], ...}, "Werkzeug 1.0"):
            # the module is replaced by an object serving the table's names from those submodules.
            self.info.replaced = line
            for arg in call.args:
                if isinstance(arg, ast.Dict):
                    for k, v in zip(arg.keys, arg.values):
                        if isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.startswith("."):
                            sub = k.value.lstrip(".")
                            for attr in _strings(v) or []:
                                if sub:
                                    self.info.lazy_attrs.setdefault(attr, (sub, line))
                                else:
                                    self.info.lazy_submodules.setdefault(attr, line)
            return
        if isinstance(f, ast.Attribute) and f.attr in ("append", "extend") and isinstance(f.value, ast.Subscript) \
                and isinstance(f.value.value, ast.Name) and isinstance(_slice(f.value), ast.Constant) and call.args:
            # _import_structure["models.llama"].append("LlamaTokenizer") / .extend([...])
            added = [call.args[0].value] if f.attr == "append" and isinstance(call.args[0], ast.Constant) \
                else (_strings(call.args[0]) or [])
            self.table_values(f.value.value.id, _slice(f.value).value, [a for a in added if isinstance(a, str)], cond)  # type: ignore[attr-defined]
            return
        if isinstance(f, ast.Attribute) and f.attr == "update" and call.args and isinstance(call.args[0], ast.Name):
            # import_structure[frozenset({})].update(_import_structure): one table merged into another
            holder = f.value.value if isinstance(f.value, ast.Subscript) else f.value
            if isinstance(holder, ast.Name) and holder.id != call.args[0].id:
                self._table_merges.setdefault(holder.id, []).append(call.args[0].id)
        d = _dotted(call.func) or ""
        if d == "__all__.extend" and call.args:
            self.extend_all(call.args[0], line)
        elif d in self._all_extenders and call.args and isinstance(call.args[0], ast.Name):
            # numpy.core.numeric: 'def extend_all(module): ... __all__.append(a) for a in module.__all__'
            # then 'extend_all(fromnumeric)' - the numbers numpy re-exports (np.sum, np.product) come this way.
            self.extend_all(ast.Attribute(value=call.args[0], attr="__all__", ctx=ast.Load()), line)
        elif d == "__all__.append" and call.args and isinstance(call.args[0], ast.Constant):
            (self.info.all_names or []).append(call.args[0].value)
        elif d.endswith(".update") and call.args:
            table = d[: -len(".update")]
            for key in self.literal_keys(call.args[0]):
                self.table_key(table, key, line)

    def table_values(self, table: str, key: object, values: List[str], cond: bool = False) -> None:
        """Names added to one key of a module table after its literal (lazy modules' import structures)."""
        if isinstance(key, str):
            self._table_values.setdefault(table, {}).setdefault(key, []).extend(values)
            if cond:
                self.info.lazy_conditional.update(values)

    def table_key(self, table: str, key: object, line: int) -> None:
        if isinstance(key, str):
            node = self.constants.setdefault(table, ast.Dict(keys=[], values=[]))
            extra = getattr(node, "_extra_keys", [])
            extra.append(key)
            node._extra_keys = extra  # type: ignore[attr-defined]

    def literal_keys(self, node: Optional[ast.AST]) -> List[str]:
        """Keys of a table built from literals: dict/list/set literals, comprehensions over them."""
        if node is None:
            return []
        extra = list(getattr(node, "_extra_keys", []))
        if isinstance(node, ast.Dict):
            return extra + [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        strs = _strings(node)
        if strs is not None:
            return extra + strs
        if isinstance(node, ast.Name) and node.id in self.constants:
            return extra + self.literal_keys(self.constants[node.id])
        if isinstance(node, (ast.DictComp, ast.SetComp, ast.ListComp)) and len(node.generators) == 1:
            gen = node.generators[0]
            key = node.key if isinstance(node, ast.DictComp) else node.elt
            src = gen.iter
            if isinstance(src, ast.Name):
                src = self.constants.get(src.id, src)
            if not isinstance(src, (ast.List, ast.Tuple, ast.Set)) or not isinstance(key, ast.Name):
                return extra
            # which position of each element becomes the key
            if isinstance(gen.target, ast.Name) and gen.target.id == key.id:
                pos: Optional[int] = None
            elif isinstance(gen.target, ast.Tuple):
                ids = [e.id if isinstance(e, ast.Name) else None for e in gen.target.elts]
                if key.id not in ids:
                    return extra
                pos = ids.index(key.id)
            else:
                return extra
            out = []
            for elt in src.elts:
                item = elt if pos is None else (elt.elts[pos] if isinstance(elt, ast.Tuple) and len(elt.elts) > pos else None)
                if isinstance(item, ast.Constant) and isinstance(item.value, str):
                    out.append(item.value)
            return extra + out
        if isinstance(node, ast.Call) and _dotted(node.func) in ("dict", "set", "frozenset", "list", "tuple") and node.args:
            return extra + self.literal_keys(node.args[0])
        return extra

    def function_globals(self, fn: ast.AST) -> None:
        """``def __go(): global __all__; __all__ = ...`` binds a module name once the function runs.

        SQLAlchemy 1.x builds its ``__all__`` this way (``__go(locals())`` at the
        end of the package).  Bound as conditional: the function may not be called.
        """
        declared = {n for node in ast.walk(fn) if isinstance(node, ast.Global) for n in node.names}
        if not declared:
            return
        for node in ast.walk(fn):
            targets: List[ast.AST] = []
            if isinstance(node, ast.Assign):
                targets = list(node.targets)
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
                targets = [node.target]
            for t in targets:
                if isinstance(t, ast.Name) and t.id in declared:
                    self.bind(t.id, Binding("assign", node.lineno, True))

    def read_getattr(self, fn: ast.FunctionDef) -> None:
        """Find the tables a module ``__getattr__`` consults, and whether it raises or returns for them."""
        if not fn.args.args:
            return
        param = fn.args.args[0].arg
        self._getattr_tables = getattr(self, "_getattr_tables", [])
        explained: Set[int] = set()
        local: Dict[str, ast.AST] = {}
        for node in ast.walk(fn):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                    and isinstance(node.value, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
                local[node.targets[0].id] = node.value
        for node in ast.walk(fn):
            table: Optional[str] = None
            outcome_nodes: Sequence[ast.stmt] = ()
            if isinstance(node, ast.If) and isinstance(node.test, ast.Compare) and len(node.test.ops) == 1:
                t = node.test
                if (isinstance(t.left, ast.Name) and t.left.id == param and isinstance(t.ops[0], ast.Eq)
                        and isinstance(t.comparators[0], ast.Constant) and isinstance(t.comparators[0].value, str)):
                    self._getattr_tables.append((None, [t.comparators[0].value], node.body, node.lineno))
                    explained.update(id(x) for st in node.body for x in ast.walk(st))
                    continue
                if isinstance(t.left, ast.Name) and t.left.id == param and isinstance(t.ops[0], ast.In):
                    comp = t.comparators[0]
                    if isinstance(comp, ast.Name) and comp.id in local:  # a table built inside __getattr__
                        keys = self.literal_keys(local[comp.id])
                        if keys:
                            self._getattr_tables.append((comp.id, keys, node.body, node.lineno))
                            explained.update(id(x) for st in node.body for x in ast.walk(st))
                        continue
                    if isinstance(comp, ast.Name):
                        table = comp.id
                    else:
                        keys = self.literal_keys(comp)
                        if keys:
                            self._getattr_tables.append((None, keys, node.body, node.lineno))
                            explained.update(id(x) for st in node.body for x in ast.walk(st))
                        continue
                    outcome_nodes = node.body
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and _is_table_get(node.value, param):
                # pydantic 2: dynamic_attr = _dynamic_imports.get(attr_name); None -> migration, else import it.
                tbl = node.value.func.value.id  # type: ignore[attr-defined]
                self._getattr_providers = getattr(self, "_getattr_providers", []) + [(tbl, node.lineno)]
                continue
            elif isinstance(node, ast.Try):
                # try: x = TABLE[name] except KeyError: ... else: <outcome>
                for st in node.body:
                    for sub in ast.walk(st):
                        if isinstance(sub, ast.Subscript) and isinstance(sub.value, ast.Name) and isinstance(_slice(sub), ast.Name) and _slice(sub).id == param:  # type: ignore[attr-defined]
                            table = sub.value.id
                outcome_nodes = node.orelse or node.body
            if table:
                self._getattr_tables.append((table, None, outcome_nodes, node.lineno))
                explained.update(id(x) for st in outcome_nodes for x in ast.walk(st))
        # "closed": every other path raises, so names outside the tables are simply absent
        returns = [n for n in ast.walk(fn) if isinstance(n, ast.Return) and id(n) not in explained]
        nested = [n for n in ast.walk(fn) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and n is not fn]
        nested_returns = {id(r) for f in nested for r in ast.walk(f) if isinstance(r, ast.Return)}
        returns = [r for r in returns if id(r) not in nested_returns]
        if fn.body and isinstance(fn.body[-1], ast.Raise) and not returns:
            self.info.getattr_closed = True

    def finish(self) -> None:
        """Resolve getattr tables to names once every module-level table is known."""
        for lazy_table, line in self._lazy_tables:
            entries: Dict[str, List[str]] = {}
            if isinstance(self.constants.get(lazy_table), ast.Call):
                # built at run time from the package's files: names outside the literal parts are unknown
                self.info.lazy_dynamic = line
            for table in [lazy_table] + self._table_merges.get(lazy_table, []):
                const = self.constants.get(table)
                if isinstance(const, ast.Dict):
                    for k, v in zip(const.keys, const.values):
                        if isinstance(k, ast.Constant) and isinstance(k.value, str):
                            entries.setdefault(k.value, []).extend(_strings(v) or [])
                for k, extra in self._table_values.get(table, {}).items():
                    entries.setdefault(k, []).extend(extra)
            for sub, names in entries.items():
                self.info.lazy_submodules.setdefault(sub.split(".")[0], line)
                for attr in names:
                    self.info.lazy_attrs.setdefault(attr, (sub, line))
        for table, line in getattr(self, "_getattr_providers", []):
            const = self.constants.get(table)
            if isinstance(const, ast.Dict):
                served = any(h in table.lower() for h in _RETURN_HINTS)
                for k, v in zip(const.keys, const.values):
                    if isinstance(k, ast.Constant) and isinstance(k.value, str):
                        sub = _relative_submodule(v)
                        if sub:
                            self.info.lazy_attrs.setdefault(k.value, (sub, line))
                        elif served:
                            # Markdown 3.1-3.3: deprecated = __deprecated__.get(name); warn; return it
                            self.info.deprecated.setdefault(k.value, (line, table))
        for table, keys, body, line in getattr(self, "_getattr_tables", []):
            names = keys if keys is not None else self.literal_keys(self.constants.get(table or ""))
            label = table or "__getattr__"
            low = label.lower()
            # the table's name says it best ("expired" functions are returned as stubs that raise)
            raises = True if any(h in low for h in _RAISE_HINTS) else (False if any(h in low for h in _RETURN_HINTS) else None)
            if raises is None:
                raises = _ends_in_raise(body)
            if raises is None:
                continue
            for n in names:
                target = self.info.removed if raises else self.info.deprecated
                target.setdefault(n, (line, label))

    def lazy(self, call: ast.Call, line: int) -> None:
        info = self.info
        if (_dotted(call.func) or "").endswith("attach_stub"):
            info.lazy_stub = line
            return
        for kw in call.keywords:
            if kw.arg == "submodules":
                for s in self.literal_keys(kw.value):
                    info.lazy_submodules[s] = line
            elif kw.arg == "submod_attrs":
                table = kw.value
                if isinstance(table, ast.Name):  # a module-level dict defined above the call
                    table = self.constants.get(table.id)
                if isinstance(table, ast.Dict):
                    for k, v in zip(table.keys, table.values):
                        if isinstance(k, ast.Constant):
                            for attr in _strings(v) or []:
                                info.lazy_attrs[attr] = (k.value, line)
        if len(call.args) >= 3 and isinstance(call.args[2], ast.Dict):
            for k, v in zip(call.args[2].keys, call.args[2].values):
                if isinstance(k, ast.Constant):
                    for attr in _strings(v) or []:
                        info.lazy_attrs[attr] = (k.value, line)
        if len(call.args) >= 2:
            for s in self.literal_keys(call.args[1]):
                info.lazy_submodules[s] = line


def version_side(test: ast.AST, python: Optional[Tuple[int, ...]]) -> Optional[bool]:
    """Which side of ``sys.version_info <op> (X, Y[, Z])`` the target takes, when its version decides it.

    Compared as Python compares tuples: ``sys.version_info`` (or a slice longer
    than the literal) is longer than ``(3, 7)``, so with an equal prefix it is
    the greater one ('> (3, 7)' holds on 3.7.0).
    """
    if python is None:
        return None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = version_side(test.operand, python)
        return None if inner is None else not inner
    if isinstance(test, ast.Call):
        return _stdlib_hasattr(test, python)
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    left = test.left
    cut: Optional[int] = None
    if isinstance(left, ast.Subscript):
        sl = left.slice
        if not (isinstance(sl, ast.Slice) and sl.lower is None and sl.step is None and isinstance(sl.upper, ast.Constant)
                and isinstance(sl.upper.value, int)):
            return None
        cut = sl.upper.value
        left = left.value
    if _dotted(left) not in ("sys.version_info", "version_info"):
        return None
    right = test.comparators[0]
    if not isinstance(right, ast.Tuple) or not all(isinstance(e, ast.Constant) and isinstance(e.value, int)
                                                   for e in right.elts):
        return None
    want = tuple(e.value for e in right.elts)  # type: ignore[attr-defined]
    left_len = 5 if cut is None else cut  # sys.version_info has five fields
    n = min(left_len, len(want))
    if len(python) < n:
        known = tuple(python)
        if known != want[:len(known)]:
            have, want_cmp = known, want[:len(known)]  # decided before the unknown part
        else:
            return None  # "3.7" cannot answer a test on the micro version
    else:
        have, want_cmp = tuple(python[:n]), want[:n]
        if have == want_cmp and left_len > len(want):
            have, want_cmp = (1,), (0,)  # the longer tuple with an equal prefix is the greater
        elif have == want_cmp and left_len < len(want):
            have, want_cmp = (0,), (1,)  # and the shorter one the smaller: version_info[:2] < (3, 8, 1)
    op = type(test.ops[0])
    return {ast.GtE: have >= want_cmp, ast.Gt: have > want_cmp, ast.Lt: have < want_cmp, ast.LtE: have <= want_cmp,
            ast.Eq: have == want_cmp, ast.NotEq: have != want_cmp}.get(op)  # type: ignore[return-value]


def _mro_key(entry: Any) -> Any:
    if isinstance(entry, str):
        return entry
    return (entry.path, entry.cls.name if entry.cls is not None else "", getattr(entry.cls, "line", 0))


def _c3_merge(seqs: List[List[Any]]) -> Optional[List[Any]]:
    """Python's C3 merge of base orders; None when they are inconsistent."""
    seqs = [list(s) for s in seqs if s]
    out: List[Any] = []
    while seqs:
        for seq in seqs:
            head = _mro_key(seq[0])
            if not any(head in [_mro_key(x) for x in other[1:]] for other in seqs):
                break
        else:
            return None
        out.append(seq[0])
        seqs = [[x for x in s if _mro_key(x) != head] for s in seqs]
        seqs = [s for s in seqs if s]
    return out


def _stdlib_hasattr(call: ast.Call, python: Tuple[int, ...]) -> Optional[bool]:
    """``hasattr(typing, 'TypedDict')``: whether the target's standard module has a name added in a known release.

    typing-extensions 3.7.4.x defines ``_TypedDictMeta`` only where ``typing`` has no
    ``TypedDict`` (Python < 3.8).  Only names of the table of standard-library additions
    answer; any other ``hasattr`` stays unknown.
    """
    from .families import STDLIB_ADDED

    if not (isinstance(call.func, ast.Name) and call.func.id == "hasattr" and len(call.args) == 2 and not call.keywords):
        return None
    mod, name = call.args
    if not (isinstance(mod, ast.Name) and isinstance(name, ast.Constant) and isinstance(name.value, str)):
        return None
    added = STDLIB_ADDED.get((mod.id, name.value))
    if not added:
        return None
    want = tuple(int(x) for x in added.split("."))
    have = tuple(python[:len(want)])
    if len(have) < len(want):
        if have != want[:len(have)]:
            return have > want[:len(have)]
        return None  # "3.7" cannot say whether 3.7.2's addition is there
    return have >= want


def _definitely_bound(stmts: Sequence[ast.stmt]) -> Set[str]:
    """Names a block binds by its own top-level statements (not inside an if, a loop or a nested try)."""
    out: Set[str] = set()
    for st in stmts:
        if isinstance(st, ast.Import):
            out |= {a.asname or a.name.split(".")[0] for a in st.names}
        elif isinstance(st, ast.ImportFrom):
            out |= {a.asname or a.name for a in st.names if a.name != "*"}
        elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(st.name)
        elif isinstance(st, ast.Assign):
            out |= {t.id for t in st.targets if isinstance(t, ast.Name)}
        elif isinstance(st, ast.AnnAssign) and st.value is not None and isinstance(st.target, ast.Name):
            out.add(st.target.id)
        elif isinstance(st, ast.Delete):
            out -= {t.id for t in st.targets if isinstance(t, ast.Name)}
    return out


def _bound_on_every_path(stmts: Sequence[ast.stmt]) -> Optional[Set[str]]:
    """Names every path through the block binds; None when every path raises (it binds "anything").

    Only plain bindings and if/elif/else chains with an ``else`` are followed; a
    branch ending in ``raise`` leaves no path on which a name is missing.
    """
    out: Set[str] = set()
    for st in stmts:
        if isinstance(st, ast.Raise):
            return None
        if isinstance(st, ast.If) and st.orelse:
            a, b = _bound_on_every_path(st.body), _bound_on_every_path(st.orelse)
            if a is None and b is None:
                return None
            out |= (b if a is None else a if b is None else a & b)  # type: ignore[operator]
        else:
            out |= _definitely_bound([st])
    return out


def _deleted(stmts: Sequence[ast.stmt]) -> Set[str]:
    return {t.id for n in stmts for st in ast.walk(n) if isinstance(st, ast.Delete)
            for t in st.targets if isinstance(t, ast.Name)}


def _is_own_name(key: ast.AST, module: str) -> bool:
    """``sys.modules[__name__]`` (or any key not provably another module's name): the module replacing itself.

    ``sys.modules['mylib.compat'] = x`` registers another module and is not one.
    """
    if isinstance(key, ast.Constant):
        return key.value == module
    if isinstance(key, ast.JoinedStr) or (isinstance(key, ast.BinOp) and isinstance(key.op, ast.Add)):
        return False  # __name__ + ".compat", f"{__name__}.x": a submodule's name
    return True


def _extends_all_from_argument(fn: ast.AST) -> bool:
    """Whether a module-level function adds its argument's ``__all__`` to the module's own.

    ``def extend_all(module): ... mall = getattr(module, '__all__') ... __all__.append(a)``
    (numpy.core.numeric) and ``__all__.extend(module.__all__)`` look-alikes.
    """
    args = getattr(fn, "args", None)
    if args is None or not args.args:
        return False
    param = args.args[0].arg
    reads_param_all = touches_own_all = False
    for node in ast.walk(fn):
        if isinstance(node, ast.Attribute) and node.attr == "__all__" and isinstance(node.value, ast.Name) \
                and node.value.id == param:
            reads_param_all = True
        elif isinstance(node, ast.Call) and _dotted(node.func) == "getattr" and len(node.args) >= 2 \
                and isinstance(node.args[0], ast.Name) and node.args[0].id == param \
                and isinstance(node.args[1], ast.Constant) and node.args[1].value == "__all__":
            reads_param_all = True
        elif isinstance(node, ast.Call) and _dotted(node.func) in ("__all__.append", "__all__.extend"):
            touches_own_all = True
    return reads_param_all and touches_own_all


def _is_table_get(call: ast.Call, param: str) -> bool:
    """``TABLE.get(param)`` with TABLE a plain name."""
    f = call.func
    return (isinstance(f, ast.Attribute) and f.attr == "get" and isinstance(f.value, ast.Name) and len(call.args) >= 1
            and isinstance(call.args[0], ast.Name) and call.args[0].id == param)


def _relative_submodule(value: ast.AST) -> Optional[str]:
    """``(__spec__.parent, '.functional_validators')`` -> ``functional_validators`` (pydantic 2's table values)."""
    if isinstance(value, ast.Tuple) and len(value.elts) == 2 and isinstance(value.elts[1], ast.Constant):
        mod = value.elts[1].value
        if isinstance(mod, str) and mod.startswith(".") and mod[1:].replace(".", "").replace("_", "").isalnum():
            return mod[1:]
    return None


def _ends_in_raise(body: Sequence[ast.stmt]) -> Optional[bool]:
    """True if the branch raises, False if it returns a value, None if unclear."""
    for st in body:
        if isinstance(st, ast.Raise):
            return True
        if isinstance(st, ast.Return):
            return False
    for st in body:
        for sub in ast.walk(st):
            if isinstance(sub, ast.Raise):
                return True
            if isinstance(sub, ast.Return):
                return False
    return None


def read_function(fn: ast.AST) -> FunctionInfo:
    a = fn.args  # type: ignore[attr-defined]
    posonly = [x.arg for x in getattr(a, "posonlyargs", [])]
    params = [x.arg for x in a.args] + [x.arg for x in a.kwonlyargs]
    info = FunctionInfo(fn.name, fn.lineno, params, posonly, a.vararg is not None, a.kwarg.arg if a.kwarg else None)  # type: ignore[attr-defined]
    positional = list(getattr(a, "posonlyargs", [])) + list(a.args)
    info.positional = len(positional)
    info.required = {x.arg for x in positional[:len(positional) - len(a.defaults)]}
    info.required |= {x.arg for x, d in zip(a.kwonlyargs, a.kw_defaults) if d is None}
    if info.kwarg:
        kw = info.kwarg
        looped = _loop_strings(fn, kw)
        for node in ast.walk(fn):
            if isinstance(node, ast.Call):
                for k in node.keywords:
                    if k.arg is None and isinstance(k.value, ast.Name) and k.value.id == kw:
                        f = node.func
                        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Call) and _dotted(f.value.func) == "super":
                            info.forwards.append(f"super.{f.attr}")
                        else:
                            d = _dotted(f)
                            if d:
                                info.forwards.append(d)
                d = _dotted(node.func) or ""
                if d in (f"{kw}.pop", f"{kw}.get", f"{kw}.setdefault") and node.args and isinstance(node.args[0], ast.Constant):
                    info.kwarg_keys.add(str(node.args[0].value))
                elif id(node) in looped:
                    # gradio 6.1: '{k: kwargs.pop(k) for k in deprecated_params if k in kwargs}' over a literal list
                    info.kwarg_keys.update(looped[id(node)])
            elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == kw and isinstance(_slice(node), ast.Constant):
                info.kwarg_keys.add(str(_slice(node).value))  # type: ignore[attr-defined]
            elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Constant) and any(isinstance(c, ast.Name) and c.id == kw for c in node.comparators):
                info.kwarg_keys.add(str(node.left.value))
    return info


def _loop_strings(fn: ast.AST, kw: str) -> Dict[int, Set[str]]:
    """``kw.pop(k)`` calls (by id) inside a loop whose ``k`` runs over a literal list of strings, with those strings.

    ``for k in ("theme", "css"): kwargs.pop(k)`` (or ``.get``, ``.setdefault``), or a comprehension
    over a name the function binds only to such a literal (``deprecated_params = ["theme", "css"]``;
    gradio 6.1).  The loop must be the pop's own and its name bound nowhere else inside it; a
    list name bound anywhere else (``=``, ``for``, ``with``, ``:=``) gives nothing.
    """
    stores: Dict[str, int] = {}
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            stores[node.id] = stores.get(node.id, 0) + 1
    lists: Dict[str, Set[str]] = {}
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            got = _strings(node.value)
            if got and stores.get(node.targets[0].id) == 1:
                lists[node.targets[0].id] = set(got)
    parents: Dict[int, ast.AST] = {}
    for outer in ast.walk(fn):
        for child in ast.iter_child_nodes(outer):
            parents[id(child)] = outer

    def binds(target: ast.AST, name: str) -> bool:
        return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target))

    out: Dict[int, Set[str]] = {}
    for node in ast.walk(fn):
        if not (isinstance(node, ast.Call) and (_dotted(node.func) or "") in (f"{kw}.pop", f"{kw}.get", f"{kw}.setdefault")
                and node.args and isinstance(node.args[0], ast.Name)):
            continue
        name = node.args[0].id
        up = parents.get(id(node))
        while up is not None and up is not fn:
            loops = [up] if isinstance(up, (ast.For, ast.AsyncFor)) else \
                list(up.generators) if isinstance(up, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)) else []
            hit = next((lp for lp in loops if binds(lp.target, name)), None)
            if hit is not None:
                it = hit.iter
                rebound = sum(1 for n in ast.walk(up) if isinstance(n, ast.Name) and n.id == name
                              and isinstance(n.ctx, ast.Store))
                got = lists.get(it.id) if isinstance(it, ast.Name) else (set(_strings(it) or ()) or None)
                if got and isinstance(hit.target, ast.Name) and rebound == 1:
                    out[id(node)] = got
                break  # the innermost loop binding the name decides (a tuple target or a rebinding: nothing)
            up = parents.get(id(up))
    return out


UNREADABLE_BASE = "<expression>"  # a base written as a call no reader follows: its members are unknown, not absent


def _class_bases(cls: ast.ClassDef) -> List[str]:
    """The dotted bases of a class, seeing through six's ``with_metaclass(Meta, Base)``.

    marshmallow 2's ``class Schema(with_metaclass(SchemaMeta, BaseSchema))``
    takes its ``__init__`` (and ``strict``) from BaseSchema; reading no base
    there said "Schema() takes no arguments".  Any other call stays a base
    that cannot be read.  A subscripted base (``Generic[T]``) is left out as before.
    """
    out: List[str] = []
    for b in cls.bases:
        if isinstance(b, ast.Call):
            if (_dotted(b.func) or "").rsplit(".", 1)[-1] == "with_metaclass" and b.args:
                # with_metaclass(ABCMeta) alone: the class derives from object
                bases = [_dotted(a) for a in b.args[1:]]
                out += [d for d in bases if d] if all(bases) else [UNREADABLE_BASE]
            else:
                out.append(UNREADABLE_BASE)
            continue
        d = _dotted(b)
        if d:
            out.append(d)
    return out


def _iterates_own_items(comp: ast.DictComp, name: str) -> bool:
    """``{k: f(v) for k, v in NAME.items()}``: a table rebuilt from itself."""
    gen = comp.generators[0] if len(comp.generators) == 1 else None
    return gen is not None and isinstance(gen.iter, ast.Call) and _dotted(gen.iter.func) == f"{name}.items"


def _annotation_only(st: ast.stmt) -> bool:
    """``x: int`` or ``x: list = field(default_factory=list)``: no value the class object itself holds."""
    if not isinstance(st, ast.AnnAssign):
        return False
    if st.value is None:
        return True
    v = st.value
    return isinstance(v, ast.Call) and (_dotted(v.func) or "").rsplit(".", 1)[-1] == "field" \
        and not any(k.arg == "default" for k in v.keywords)


_EXTRA_POLICIES = ("ignore", "allow", "forbid")


def _extra_policy(node: ast.AST) -> Optional[str]:
    """``"ignore"`` or ``Extra.ignore`` (pydantic's ``extra`` setting) as its word, else None."""
    word = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else \
        node.attr if isinstance(node, ast.Attribute) else None
    return word if word in _EXTRA_POLICIES else None


def _extra_of_config(node: ast.AST) -> Optional[str]:
    """The ``extra`` of ``model_config = ConfigDict(extra="ignore")`` (or ``SettingsConfigDict``, or a dict literal)."""
    if isinstance(node, ast.Call) and (_dotted(node.func) or "").rsplit(".", 1)[-1] in ("ConfigDict", "SettingsConfigDict"):
        for k in node.keywords:
            if k.arg == "extra":
                return _extra_policy(k.value)
    if isinstance(node, ast.Dict):
        for k, v in zip(node.keys, node.values):
            if isinstance(k, ast.Constant) and k.value == "extra":
                return _extra_policy(v)
    return None


def read_class(cls: ast.ClassDef) -> ClassInfo:
    info = ClassInfo(cls.name, cls.lineno, _class_bases(cls))
    for kw in cls.keywords:  # pydantic 2 also takes its config as class keywords: class M(Base, extra="forbid")
        if kw.arg == "extra":
            info.extra_keywords = _extra_policy(kw.value)
    is_dc = any((_dotted(d.func if isinstance(d, ast.Call) else d) or "").split(".")[-1] == "dataclass" for d in cls.decorator_list)
    info.generated_init = not is_dc and any(_attrs_decorator(_dotted(d.func if isinstance(d, ast.Call) else d) or "")
                                            for d in cls.decorator_list)
    fields: List[str] = []
    self_set: Set[str] = set()
    body_set: Set[str] = set()

    def walk(stmts: Sequence[ast.stmt]) -> None:
        for st in stmts:
            if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                info.members.setdefault(st.name, st.lineno)
                body_set.add(st.name)
                info.methods.setdefault(st.name, read_function(st))
                if any((_dotted(d.func if isinstance(d, ast.Call) else d) or "").rsplit(".", 1)[-1]
                       in ("property", "cached_property", "setter", "getter") for d in st.decorator_list):
                    info.properties.add(st.name)
                if st.name == "__getattr__":
                    info.has_getattr = True
                for node in ast.walk(st):  # self.x = ... in any method
                    if isinstance(node, (ast.Assign, ast.AnnAssign)):
                        for t in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                            if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                                if t.attr not in info.members:
                                    self_set.add(t.attr)
                                info.members.setdefault(t.attr, node.lineno)
            elif isinstance(st, ast.ClassDef):
                info.members.setdefault(st.name, st.lineno)
                body_set.add(st.name)
                if st.name == "Config":  # pydantic 1's inner config class: "extra = Extra.ignore"
                    for sub in st.body:
                        if isinstance(sub, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "extra" for t in sub.targets):
                            info.extra_keywords = _extra_policy(sub.value) or info.extra_keywords
            elif isinstance(st, (ast.Assign, ast.AnnAssign)):
                if isinstance(st.value, (ast.Call, ast.Dict)) and any(
                        isinstance(t, ast.Name) and t.id == "model_config"
                        for t in (st.targets if isinstance(st, ast.Assign) else [st.target])):
                    info.extra_keywords = _extra_of_config(st.value) or info.extra_keywords
                for t in (st.targets if isinstance(st, ast.Assign) else [st.target]):
                    for n in ([t] if isinstance(t, ast.Name) else (t.elts if isinstance(t, ast.Tuple) else [])):
                        if isinstance(n, ast.Name):
                            info.members.setdefault(n.id, st.lineno)
                            if _annotation_only(st):
                                self_set.add(n.id)  # "order: str": an instance gets it (a dataclass field), the class not
                            else:
                                body_set.add(n.id)
                            if isinstance(st, ast.AnnAssign):
                                fields.append(n.id)
                            if n.id == "__slots__":
                                for s in _strings(st.value) or []:
                                    info.members.setdefault(s, st.lineno)
                                    body_set.add(s)  # a slot is a descriptor on the class
            elif isinstance(st, ast.If):
                walk(st.body)
                walk(st.orelse)
            elif isinstance(st, ast.Try):
                walk(st.body)
                for h in st.handlers:
                    walk(h.body)
                walk(st.orelse)

    walk(cls.body)
    info.instance_only = self_set - body_set
    if is_dc:
        info.dataclass_fields = fields
    return info


_ATTRS_DECORATORS = {"attr.s", "attr.attrs", "attr.define", "attr.frozen", "attr.mutable", "attrs.define",
                     "attrs.frozen", "attrs.mutable", "define", "frozen", "mutable", "attrs"}


def _attrs_decorator(dotted: str) -> bool:
    """Whether a class decorator is attrs' (it writes ``__init__`` from the class's ``attr.ib()`` fields)."""
    return dotted in _ATTRS_DECORATORS


def parse_quietly(text: Union[str, bytes], filename: str = "<release file>") -> ast.Module:
    """``ast.parse`` without the SyntaxWarning/DeprecationWarning that other people's code provokes.

    Reading a release's ``'\\_'`` escapes must not print warnings into the
    user's pytest run or terminal: the code is someone else's, and only read.
    """
    if isinstance(text, str) and text[:1] == "\ufeff":
        text = text[1:]  # a byte-order mark, as Python's own import drops it
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ast.parse(text, filename=filename)
        except SyntaxError:
            if not isinstance(text, str):
                raise
            refused = sys.exc_info()[1]
        # Newer syntax than this host reads (PEP 695), or older syntax than Python 3 reads
        # (Python 2): rewritten with every line kept in place, for the reader only.
        if sys.version_info < (3, 12):
            plain = without_type_parameters(text)
            if plain != text:
                try:
                    return ast.parse(plain, filename=filename)
                except (SyntaxError, RecursionError, MemoryError):
                    pass
        if python2_read():  # only for a Python 2 target: see py2syntax.reading_python2
            try:
                return parse_python2(text, filename=filename)
            except (SyntaxError, RecursionError, MemoryError):
                pass  # (a rewrite reaching an expression too deep for the parser is still refused)
        raise refused


def parse_exact(text: Union[str, bytes], **kwargs: Any) -> ast.Module:
    """``ast.parse`` as it is, warnings kept out of the user's run: for a question about the syntax itself.

    Whether a target Python can parse a file (``feature_version``) must not see the PEP 695
    rewrite :func:`parse_quietly` falls back to; a traceback's own source line is parsed so too.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text, **kwargs)


# Python 3.12's type statements and type-parameter lists (PEP 695), which an older parser refuses.
_TYPE_STATEMENT = re.compile(r"^([ \t]*)type[ \t]+([A-Za-z_]\w*)[ \t]*(?:\[[^\n]*\][ \t]*)?=(?!=)", re.M)
_PARAMETERIZED = re.compile(r"^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+[A-Za-z_]\w*[ \t]*(?=\[)", re.M)


def without_type_parameters(text: str) -> str:
    """``text`` with PEP 695 syntax rewritten so Python 3.11's parser reads it, line numbers kept.

    Home Assistant 2025.4's ``core.py`` has ``type CALLBACK_TYPE = Callable[[], None]`` and
    ``class HassJob[**_P, _R_co]:``: the machine running depfix may be older than the
    target, and a module it cannot parse would read as having no names at all.  A ``type``
    statement becomes an assignment; a ``def``/``class`` loses its bracketed parameter list
    (the line breaks of one written over several lines move inside the parentheses after
    it).  Only the shape matters to the reader, never the types.
    """
    out = _TYPE_STATEMENT.sub(lambda m: f"{m.group(1)}{m.group(2)} =", text)
    pieces: List[str] = []
    pos = 0
    for m in _PARAMETERIZED.finditer(out):
        start = m.end()
        if start < pos:
            continue
        depth, i = 0, start
        while i < len(out):
            ch = out[i]
            depth += 1 if ch in "([{" else -1 if ch in ")]}" else 0
            if depth == 0:
                break
            i += 1
        if i >= len(out) or any(ch in out[start:i] for ch in "'\"#"):
            return text  # unclosed, or through a string or comment (a header inside a docstring): not rewritten
        pieces.append(out[pos:start])
        breaks = "\n" * out.count("\n", start, i)
        pos = i + 1
        if breaks:
            # a list over several lines: its line breaks go inside the parentheses that follow
            # (or an empty pair), where they mean nothing, so every later line keeps its number
            j = pos
            while j < len(out) and out[j] in " \t":
                j += 1
            if j < len(out) and out[j] == "(":
                pieces.append(out[pos:j + 1] + breaks)
                pos = j + 1
            else:
                pieces.append("(" + breaks + ")")
    pieces.append(out[pos:])
    return "".join(pieces)


def read_module(text: str, path: str, module: str, python: Tuple[int, ...] = (3, 11)) -> ModuleInfo:
    """Parse one module's source (never executes it) into a :class:`ModuleInfo`."""
    info = ModuleInfo(path=path, stub=path.endswith(".pyi"))
    try:
        tree = parse_quietly(text, filename=path)
    except (SyntaxError, ValueError) as exc:
        info.syntax_error = f"{type(exc).__name__}: {exc}"
        return info
    reader = _Reader(info, module, path.endswith(("__init__.py", "__init__.pyi")), python)
    reader.body(tree.body, False)
    reader.finish()
    return info


# --------------------------------------------------------------------------
# resolving across the files of one release
# --------------------------------------------------------------------------

class SourceTree:
    """The module files of one release: names relative to site-packages, text on demand."""

    def paths(self) -> Sequence[str]:  # pragma: no cover - interface
        raise NotImplementedError

    def read(self, path: str) -> Optional[str]:  # pragma: no cover - interface
        raise NotImplementedError

    def prefetch(self, paths: Iterable[str]) -> None:
        """Optionally fetch several files in one go (range reads batch well)."""

    def compiled_lacks(self, path: str, name: str) -> bool:
        """True only when compiled module ``path`` surely cannot define ``name`` (its bytes were read)."""
        return self.compiled_spells(path, name) is False

    def compiled_spells(self, path: str, name: str, cap: int = 0) -> Optional[bool]:
        """Whether compiled module ``path``'s bytes spell ``name``; None when they were not read or prove nothing."""
        return None


class DictTree(SourceTree):
    """An in-memory release: ``{"pkg/__init__.py": "..."}``."""

    def __init__(self, files: Dict[str, str]):
        self.files = dict(files)

    def paths(self) -> Sequence[str]:
        return list(self.files)

    def read(self, path: str) -> Optional[str]:
        return self.files.get(path)


@dataclass
class ModuleFiles:
    """Which files make up module ``name`` in a release."""

    name: str
    source: Optional[str] = None  # a/b.py or a/b/__init__.py
    stub: Optional[str] = None  # .pyi next to it
    compiled: Optional[str] = None  # a/b.cpython-39-x86_64-linux-gnu.so / .pyd
    namespace: Optional[str] = None  # a/b/ directory without __init__

    @property
    def exists(self) -> bool:
        return bool(self.source or self.stub or self.compiled or self.namespace)

    @property
    def is_package(self) -> bool:
        return bool((self.source or self.stub or "").endswith(("__init__.py", "__init__.pyi")) or self.namespace)

    def describe(self) -> str:
        return self.source or self.stub or self.compiled or (self.namespace or "") + "/"


@dataclass
class Ref:
    """What a name turned out to be."""

    kind: str  # "module" | "class" | "function" | "value" | "unknown"
    module: str = ""
    cls: Optional[ClassInfo] = None
    fn: Optional[FunctionInfo] = None
    path: str = ""


@dataclass
class Finding:
    value: str  # YES | NO | UNKNOWN
    evidence: str
    refs: List[Ref] = field(default_factory=list)
    conditional: bool = False


class Resolver:
    """Answers interface questions over one release's :class:`SourceTree`."""

    MAX_DEPTH = 12

    def __init__(self, tree: SourceTree, python: Tuple[int, ...] = (3, 11)):
        self.tree = tree
        self.python = python
        self._paths = list(tree.paths())
        self._pathset = set(self._paths)
        self._dirs: Set[str] = set()
        self._compiled: Dict[str, str] = {}
        for p in self._paths:
            parts = p.split("/")
            for i in range(1, len(parts)):
                self._dirs.add("/".join(parts[:i]))
            if p.endswith(COMPILED_SUFFIXES):
                d, _, fname = p.rpartition("/")
                stem = fname.split(".")[0]
                self._compiled.setdefault(f"{d}/{stem}" if d else stem, p)
        self._modules: Dict[str, Optional[ModuleInfo]] = {}

    # -- files ----------------------------------------------------------
    def module_files(self, module: str) -> ModuleFiles:
        base = module.replace(".", "/")
        mf = ModuleFiles(module)
        for cand in (f"{base}/__init__.py", f"{base}.py"):
            if cand in self._pathset:
                mf.source = cand
                break
        for cand in (f"{base}/__init__.pyi", f"{base}.pyi"):
            if cand in self._pathset:
                mf.stub = cand
                break
        mf.compiled = self._compiled.get(base) or self._compiled.get(f"{base}/__init__")
        if not (mf.source or mf.stub or mf.compiled) and base in self._dirs:
            mf.namespace = base
        return mf

    def load(self, module: str) -> Tuple[ModuleFiles, Optional[ModuleInfo]]:
        """The parsed source of a module: its .py, else its .pyi stub."""
        mf = self.module_files(module)
        if module not in self._modules:
            path = mf.source or mf.stub
            info = None
            if path:
                self.tree.prefetch([p for p in (mf.source, mf.stub) if p])
                text = self.tree.read(path)
                if text is not None:
                    info = read_module(text, path, module, self.python)
            self._modules[module] = info
        return mf, self._modules[module]

    MAX_CYTHON_FILES = 40

    def _cython_defines(self, module: str, name: str) -> Optional[str]:
        """The shipped Cython file (``mod.pyx`` or a ``.pxi`` it includes) that defines ``name`` at top level.

        Only a "yes": a top-level ``cdef class Name``/``class``/``def``/``cpdef``
        or ``Name = ...`` in the source compiled into the module.  Silence
        proves nothing (Cython can bind names in ways a line reader misses).
        """
        base = module.replace(".", "/")
        pyx = f"{base}.pyx"
        if pyx not in self._pathset or not name.isidentifier():
            return None
        folder = base.rpartition("/")[0]
        # Module attributes only: 'cdef class', a 'cpdef' function, 'def', 'class', a plain
        # assignment.  A bare 'cdef' function or C variable never reaches the Python module.
        n = re.escape(name)
        quals = r"(?:(?:public|api|extern|inline|readonly|final)[ \t]+)*"
        defines = re.compile(rf"^(?:cdef[ \t]+{quals}class[ \t]+{n}\b"
                             rf"|cpdef[ \t]+{quals}(?:[\w.]+[ \t*]+)?{n}[ \t]*\("
                             rf"|class[ \t]+{n}\b|(?:async[ \t]+)?def[ \t]+{n}\b|{n}[ \t]*=[^=])", re.M)
        include = re.compile(r"^include\s+['\"]([\w./-]+)['\"]", re.M)
        todo, seen = [pyx], set()
        while todo and len(seen) < self.MAX_CYTHON_FILES:
            path = todo.pop(0)
            if path in seen or path not in self._pathset:
                continue
            seen.add(path)
            text = self.tree.read(path)
            if not text:
                continue
            if defines.search(text):
                return path
            todo.extend(f"{folder}/{inc}" if folder else inc for inc in include.findall(text))
        return None

    def stub_for(self, module: str) -> Optional[ModuleInfo]:
        mf = self.module_files(module)
        if not mf.stub:
            return None
        key = module + "#stub"
        if key not in self._modules:
            text = self.tree.read(mf.stub)
            self._modules[key] = read_module(text, mf.stub, module, self.python) if text is not None else None
        return self._modules[key]

    # -- modules --------------------------------------------------------
    def has_module(self, module: str) -> Finding:
        mf = self.module_files(module)
        if mf.exists:
            return Finding(YES, mf.describe(), [Ref("module", module, path=mf.describe())])
        parent, _, leaf = module.rpartition(".")
        if parent and self.module_files(parent).exists:
            f = self.lookup(parent, leaf)
            if f.value == YES and f.refs and f.refs[0].kind == "module":
                return Finding(YES, f.evidence + " (attribute of the parent module)", f.refs, f.conditional)
        top = module.split(".")[0]
        where = "no file for module " + module
        if not self.module_files(top).exists:
            where = f"no package {top!r} in this release"
        return Finding(NO, where)

    # -- names in a module ----------------------------------------------
    def lookup(self, module: str, name: str, depth: int = 0) -> Finding:
        """Does ``module`` provide attribute ``name``?"""
        if depth > self.MAX_DEPTH:
            return Finding(UNKNOWN, f"re-export chain too deep at {module}")
        mf, info = self.load(module)
        if not mf.exists:
            return Finding(NO, f"no module {module}")
        if info is None:
            if mf.compiled:
                where = self._cython_defines(module, name)
                if where:
                    # pyarrow ships lib.pyx and the .pxi files it includes beside lib.*.so
                    return Finding(YES, f"{where} defines {name} at top level (the Cython source of {mf.compiled})",
                                   [Ref("unknown", module, path=where)])
                # A C extension keeps the names it defines as C strings (cx_Oracle 8's DB_TYPE_NVARCHAR):
                # a binary that never spells the name cannot define it, one that does most likely does.
                spelled = self.tree.compiled_spells(mf.compiled, name)
                if spelled is False:
                    return Finding(NO, f"{mf.compiled} is compiled and its bytes never spell {name!r}")
                if spelled:
                    return Finding(YES, f"{mf.compiled} is compiled and its bytes spell {name!r}",
                                   [Ref("unknown", module, path=mf.compiled)], conditional=True)
                return Finding(UNKNOWN, f"{mf.compiled} is compiled (no .pyi stub)")
            sub = self.module_files(f"{module}.{name}")
            if sub.exists:
                return Finding(YES, f"submodule {sub.describe()}", [Ref("module", f"{module}.{name}", path=sub.describe())])
            return Finding(NO, f"namespace package {mf.describe()} has no {name}")
        path = info.path
        if info.syntax_error:
            return Finding(UNKNOWN, f"{path}: cannot parse ({info.syntax_error})")
        # removed names win over stale bindings: __getattr__ raises for them
        if name in info.removed and name not in info.bindings:
            line, table = info.removed[name]
            return Finding(NO, f"{path}:{line} module __getattr__ raises for {name!r} (listed in {table})")
        binds = info.bindings.get(name)
        if binds:
            return self._from_bindings(module, name, info, binds, depth)
        if name in info.lazy_attrs:
            sub, line = info.lazy_attrs[name]
            target = f"{module}.{sub}"
            inner = self.lookup(target, name, depth + 1)
            if inner.value == NO:
                return Finding(NO, f"{path}:{line} lazy-loads {name!r} from {target}, which does not define it ({inner.evidence})")
            # added under a branch (transformers: only with sentencepiece), or its module could not tell
            cond = name in info.lazy_conditional or inner.value == UNKNOWN or inner.conditional
            return Finding(YES, f"{path}:{line} lazy-loaded from {target}", inner.refs, cond)
        if name in info.lazy_submodules:
            return Finding(YES, f"{path}:{info.lazy_submodules[name]} lazy submodule", [Ref("module", f"{module}.{name}")])
        if info.lazy_stub is not None and not info.stub:
            stub = self.stub_for(module)
            if stub is not None:
                if name in stub.bindings:
                    b = stub.bindings[name][0]
                    refs = self._follow(module, name, stub, stub.bindings[name], depth)
                    return Finding(YES, f"{stub.path}:{b.line} (lazy_loader stub)", refs)
                for src, line, _c in stub.stars:
                    f = self._via_star(src, name, depth)
                    if f and f.value == YES:
                        return Finding(YES, f"{stub.path}:{line} star import from {src} -> {f.evidence}", f.refs)
        sub = self.module_files(f"{module}.{name}")
        if sub.exists and mf.is_package:
            return Finding(YES, f"submodule {sub.describe()}", [Ref("module", f"{module}.{name}", path=sub.describe())])
        # The package's own tables of removed / deprecated names are explicit intent: they
        # settle the answer without reading every star-imported module.
        if name in info.removed:
            line, table = info.removed[name]
            return Finding(NO, f"{path}:{line} module __getattr__ raises for {name!r} (listed in {table})")
        if name in info.deprecated:
            line, table = info.deprecated[name]
            return Finding(YES, f"{path}:{line} served by module __getattr__ with a deprecation warning (listed in {table})",
                           [Ref("value", module)])
        unknown_star: Optional[str] = None
        for src, line, cond in info.stars:
            f = self._via_star(src, name, depth)
            if f is None:
                continue
            if f.value == YES:
                return Finding(YES, f"{path}:{line} from {src} import * -> {f.evidence}", f.refs, cond or f.conditional)
            if f.value == UNKNOWN:
                unknown_star = f"{path}:{line} from {src} import * ({f.evidence})"
        if unknown_star:
            return Finding(UNKNOWN, unknown_star)
        if info.getattr_line is not None and info.getattr_closed:
            return Finding(NO, f"{name!r} is not defined in {path}; its __getattr__ (line {info.getattr_line}) raises for names outside its tables")
        if info.getattr_line is not None:
            return Finding(UNKNOWN, f"{path}:{info.getattr_line} module __getattr__ may provide {name!r}")
        if mf.compiled and not info.stub:
            return Finding(UNKNOWN, f"{mf.compiled} is compiled")
        if info.replaced is not None:
            return Finding(UNKNOWN, f"{path}:{info.replaced} replaces the module in sys.modules: its names are made at run time")
        if info.lazy_dynamic is not None:
            return Finding(UNKNOWN, f"{path}:{info.lazy_dynamic} lazy-loads names gathered at run time from the package's files")
        return Finding(NO, f"{name!r} is not defined in {path}")

    def _via_star(self, src: str, name: str, depth: int) -> Optional[Finding]:
        """Does ``from src import *`` bring ``name``?  None: certainly not."""
        mf, info = self.load(src)
        if not mf.exists:
            top = src.split(".")[0]
            if top in self._toplevels():
                return Finding(UNKNOWN, f"star import from {src}, which is not in this release")
            from ..crash.stdlib import stdlib_names

            # the target's standard library (not the running one's: distutils on 3.12, 3.8 without the list)
            if top in stdlib_names(self.python) or top in ("__future__",) or top.startswith("_"):
                return None  # the standard library's names are not what a release is asked about
            # keras 2.4's keras/utils/__init__.py is only "from tensorflow.keras.utils import *":
            # another distribution's module may bring any name, so silence here proves nothing.
            return Finding(UNKNOWN, f"star import from {src}, another distribution's module")
        if info is None:
            if mf.compiled and self.tree.compiled_lacks(mf.compiled, name):
                return None  # scipy.linalg's "from ._decomp_update import *": the binary never names it
            return Finding(UNKNOWN, f"{mf.describe()} is compiled") if mf.compiled else None
        exported = self.exports(src, depth + 1)
        if exported is not None:
            if name not in exported:
                return None
        elif name.startswith("_"):
            return None
        f = self.lookup(src, name, depth + 1)
        if f.value == NO and exported is not None:  # listed in __all__ but not found: trust __all__
            return Finding(UNKNOWN, f"{info.path}:{info.all_line} lists {name!r} in __all__ but no definition was found")
        if f.value == YES and exported is None and info.all_names is not None and name not in info.all_names:
            # The module has an __all__ built at run time (pyzmq 23.0's from the submodules' own
            # lists): the star import brings only what it lists, which is not read here.
            return Finding(UNKNOWN, f"{info.path}:{info.all_line} builds __all__ at run time; whether it lists "
                           f"{name!r} is not read")
        return f if f.value != NO else None

    def _toplevels(self) -> Set[str]:
        return {p.split("/")[0].split(".")[0] for p in self._paths}

    def exports(self, module: str, depth: int = 0) -> Optional[Set[str]]:
        """``__all__`` of a module when statically known (following ``x.__all__`` sums)."""
        _mf, info = self.load(module)
        if info is None or info.all_names is None or info.all_dynamic or depth > self.MAX_DEPTH:
            return None
        out = set(info.all_names)
        for ref in info.all_from:
            b = info.bindings.get(ref.split(".")[0])
            target = None
            if b and b[0].kind == "import":
                target = b[0].module if b[0].name is None else f"{b[0].module}.{b[0].name}"
                if "." in ref:
                    target = f"{target}.{ref.split('.', 1)[1]}"
            sub = self.exports(target, depth + 1) if target else None
            if sub is None:
                return None
            out |= sub
        return out

    def _from_bindings(self, module: str, name: str, info: ModuleInfo, binds: List[Binding], depth: int) -> Finding:
        cond = all(b.conditional for b in binds)
        b0 = binds[0]
        note = " (conditional)" if cond else ""
        kinds = {"def": "def", "class": "class", "assign": "assignment", "import": "import", "alias": "alias"}
        refs = self._follow(module, name, info, binds, depth)
        return Finding(YES, f"{info.path}:{b0.line} {kinds[b0.kind]} of {name!r}{note}", refs, cond)

    def _follow(self, module: str, name: str, info: ModuleInfo, binds: List[Binding], depth: int) -> List[Ref]:
        """What each binding of ``name`` refers to (for attribute and parameter questions)."""
        refs: List[Ref] = []
        for b in binds:
            if b.kind == "def":
                for fn in info.functions.get(name, []):
                    if fn.line == b.line:
                        refs.append(Ref("function", module, fn=fn, path=info.path))
            elif b.kind == "class":
                for c in info.classes.get(name, []):
                    if c.line == b.line:
                        refs.append(Ref("class", module, cls=c, path=info.path))
            elif b.kind == "import" and b.module is not None:
                if b.name is None:
                    refs.append(Ref("module", b.module))
                elif depth < self.MAX_DEPTH:
                    sub = f"{b.module}.{b.name}"
                    src_binds = (self.load(b.module)[1] or ModuleInfo("")).bindings.get(b.name, [])
                    if self.module_files(sub).exists and (b.module == module or all(x.kind == "import" for x in src_binds)):
                        refs.append(Ref("module", sub))
                    else:
                        refs += self.lookup(b.module, b.name, depth + 1).refs or [Ref("unknown", b.module)]
            elif b.kind == "alias" and depth < self.MAX_DEPTH:
                if b.module is None:  # X = Y in the same module
                    if b.name and b.name != name:
                        refs += self.lookup(module, b.name, depth + 1).refs
                else:  # X = mod.attr.chain
                    head = info.bindings.get(b.module, [])
                    if head and head[0].kind == "import" and head[0].name is None and b.name:
                        parts = b.name.split(".")
                        mod = head[0].module or ""
                        refs += self.lookup(mod, parts[0], depth + 1).refs if len(parts) == 1 else []
                    elif b.module in info.instances and b.name and "." not in b.name \
                            and len(info.bindings.get(b.module, [])) == 1:  # bound once: the instance is that class's
                        # decode = _jwt_global_obj.decode, after _jwt_global_obj = PyJWT(): the class's method
                        cref = self.resolve_dotted(module, info.instances[b.module], depth + 1)
                        if cref is not None and cref.kind == "class" and cref.cls is not None:
                            f = self.class_attr(cref, b.name, depth + 1)
                            refs += [r for r in f.refs if r.kind == "function"]
            else:
                refs.append(Ref("value", module, path=info.path))
        return refs

    # -- attributes and parameters -----------------------------------------
    def class_attr(self, ref: Ref, attr: str, depth: int = 0, on_type: bool = False) -> Finding:
        """``attr`` of ``ref``'s instances, or with ``on_type`` of the class object itself."""
        c = ref.cls
        assert c is not None
        instance_only = on_type and attr in c.instance_only
        if attr in c.members and not instance_only:
            # (a method's ref keeps its class: its "self.other(**kwargs)" forwards are read there)
            refs = [Ref("function", ref.module, cls=c, fn=c.methods[attr], path=ref.path)] \
                if attr in c.methods and attr not in c.properties else [Ref("value", ref.module)]
            return Finding(YES, f"{ref.path}:{c.members[attr]} {c.name}.{attr}", refs)
        unknown = None
        for base in c.bases:
            if base in ("object", "Exception", "BaseException"):
                continue
            bref = self.resolve_dotted(ref.module, base, depth + 1)
            if bref is None or bref.kind != "class" or depth > self.MAX_DEPTH:
                unknown = f"base {base} of {c.name} ({ref.path}:{c.line}) could not be read"
                continue
            f = self.class_attr(bref, attr, depth + 1, on_type)
            if f.value == YES:
                # Found on a base: its "self.x(...)" may reach an override of the class asked about,
                # so the method's own class is not where self is read.
                return Finding(f.value, f.evidence, [dataclasses.replace(r, cls=None) if r.kind == "function" else r
                                                     for r in f.refs], f.conditional)
            if f.value == UNKNOWN:
                unknown = f.evidence
        if c.has_getattr and not on_type:
            return Finding(UNKNOWN, f"{ref.path}:{c.line} {c.name} defines __getattr__")
        if unknown:
            return Finding(UNKNOWN, unknown)
        if instance_only:
            return Finding(NO, f"{ref.path}:{c.members[attr]} class {c.name} sets {attr!r} only on its instances "
                               f"(self.{attr}), not on the class")
        return Finding(NO, f"{ref.path}:{c.line} class {c.name} has no {attr!r}")

    def _mro_constructor(self, ref: Ref, param: str, depth: int) -> Optional[Finding]:
        """The constructor a class with several bases inherits, found in its C3 method order.

        urllib3 1.26's ``NewConnectionError(ConnectTimeoutError, PoolError)``: the chain of
        the first base ends at ``Exception`` without an ``__init__``, and Python's order puts
        ``PoolError.__init__(self, pool, message)`` before their shared ``HTTPError``.  None
        when the order cannot be built (a base not read, an inconsistent hierarchy): the
        first-base walk then answers as before.
        """
        mro = self._mro(ref, depth)
        if not mro:
            return None
        for entry in mro[1:]:
            if isinstance(entry, str):
                if entry == "object":
                    continue
                return None  # a base outside the source (Exception, a C type): the first-base walk says so
            c = entry.cls
            assert c is not None
            if c.dataclass_fields is not None and param in c.dataclass_fields:
                return Finding(YES, f"{entry.path}:{c.line} dataclass field {param!r}")
            if c.generated_init and not any(m in c.methods for m in ("__init__", "__new__")):
                # an attrs base earlier in the order writes the constructor from fields not read here
                return Finding(UNKNOWN, f"{entry.path}:{c.line} {c.name}'s constructor is written by its attrs decorator")
            for meth in ("__init__", "__new__"):
                if meth in c.methods:
                    return self.accepts(Ref("function", entry.module, fn=c.methods[meth], path=entry.path), param,
                                        depth + 1, owner=entry)
        return None

    def _mro(self, ref: Ref, depth: int) -> Optional[List[Any]]:
        """C3 linearisation of a class read from source: class Refs, and base names not read as strings."""
        if depth > self.MAX_DEPTH:
            return None
        c = ref.cls
        if c is None:
            return None
        seqs: List[List[Any]] = []
        for base in c.bases:
            bref = self.resolve_dotted(ref.module, base, depth + 1)
            if bref is not None and bref.kind == "class" and bref.cls is not None:
                sub = self._mro(bref, depth + 1)
                if sub is None:
                    return None
                seqs.append(sub)
            else:
                seqs.append([base.rsplit(".", 1)[-1]])
        bases = [s[0] for s in seqs]
        merged = _c3_merge(seqs + [bases])
        return None if merged is None else [ref] + merged

    def resolve_dotted(self, module: str, dotted: str, depth: int = 0) -> Optional[Ref]:
        """A name (possibly ``mod.Name``) as written inside ``module``, to its definition."""
        parts = dotted.split(".")
        f = self.lookup(module, parts[0], depth + 1)
        ref = f.refs[0] if f.refs else None
        for p in parts[1:]:
            if ref is None:
                return None
            if ref.kind == "module":
                g = self.lookup(ref.module, p, depth + 1)
                ref = g.refs[0] if g.refs else None
            elif ref.kind == "class":
                g = self.class_attr(ref, p, depth + 1)
                ref = g.refs[0] if g.refs else None
            else:
                return None
        return ref

    def _one_value(self, ref: Ref, fn: FunctionInfo, param: str, depth: int, owner: Optional[Ref]) -> Finding:
        """``k@n``: does a call passing ``n`` arguments by position and ``k`` by keyword give ``k`` one value?

        selenium 4.10's ``WebDriver.__init__(self, options=None, service=None, ...)`` made
        ``options`` the first positional parameter, so ``Chrome(path, options=o)`` got "multiple
        values for argument 'options'"; 4.9 had ``executable_path`` there.  A method's ``self``
        (or ``cls``) is not counted in ``n``.
        """
        name, _, count = param.partition("@")
        n = int(count)
        where = f"{ref.path}:{fn.line} {fn.name}"
        names = fn.posonly + fn.params
        positional = names[:fn.positional] if fn.positional >= 0 else names
        if positional and positional[0] in ("self", "cls"):
            n += 1
        if n > len(positional) and not fn.vararg:
            return Finding(NO, f"{where} takes {len(positional)} positional arguments")
        if name in positional:
            at = positional.index(name)
            return Finding(YES if at >= n else NO, f"{where} takes {name!r} as positional argument {at + 1}"
                           + ("" if positional[0] not in ("self", "cls") else " (self counted)"))
        if name in fn.params:
            return Finding(YES, f"{where} takes {name!r} by keyword only")
        if fn.vararg:
            # "def __init__(self, *args, **kwargs): super().__init__(*args, **kwargs)": the
            # positionals go on with the keyword, and where they land is the callee's question
            return Finding(UNKNOWN, f"{where} passes *args on")
        return self.accepts(ref, name, depth, owner)

    def accepts(self, ref: Ref, param: str, depth: int = 0, owner: Optional[Ref] = None) -> Finding:
        """Does calling ``ref`` accept keyword (or named positional) ``param``?"""
        if depth > self.MAX_DEPTH:
            return Finding(UNKNOWN, "call chain too deep")
        if ref.kind == "class":
            c = ref.cls
            assert c is not None
            for meth in ("__init__", "__new__"):
                if meth in c.methods:
                    return self.accepts(Ref("function", ref.module, fn=c.methods[meth], path=ref.path), param, depth + 1, owner=ref)
            if c.extra_keywords and param.isidentifier() and c.dataclass_fields is None \
                    and any(b != "object" for b in c.bases):
                # pydantic's generated constructor: a keyword that is no field is ignored or kept
                # (mcp 1.12's FastMCP passed **settings to a BaseSettings with extra="ignore").  The
                # class's own setting wins over its bases' (pydantic merges config downwards); a
                # class with no base is no model, whatever its attributes say.
                if c.extra_keywords in ("ignore", "allow"):
                    return Finding(YES, f"{ref.path}:{c.line} {c.name} is a pydantic model with "
                                   f"extra={c.extra_keywords!r}: it takes any keyword")
                if param in c.members and param not in c.methods:
                    return Finding(YES, f"{ref.path}:{c.line} {c.name} declares the field {param!r}")
                return Finding(UNKNOWN, f"{ref.path}:{c.line} {c.name} forbids extra keywords; "
                               f"whether a base declares the field {param!r} is not read")
            if c.generated_init:
                return Finding(UNKNOWN, f"{ref.path}:{c.line} {c.name}'s constructor is written by its attrs decorator")
            if c.dataclass_fields is not None:
                if "@" in param or param.isdigit():
                    # a dataclass's generated __init__ takes its fields in order, inherited ones
                    # first: where a positional lands is not read here
                    return Finding(UNKNOWN, f"{ref.path}:{c.line} {c.name} is a dataclass")
                if param in c.dataclass_fields:
                    return Finding(YES, f"{ref.path}:{c.line} dataclass field {param!r}")
            if len(c.bases) > 1:
                inherited = self._mro_constructor(ref, param, depth)
                if inherited is not None:
                    return inherited
            for base in c.bases:
                bref = self.resolve_dotted(ref.module, base, depth + 1)
                if bref is not None and bref.kind == "class":
                    return self.accepts(bref, param, depth + 1)
                if base not in ("object",):
                    return Finding(UNKNOWN, f"{ref.path}:{c.line} {c.name} inherits its constructor from {base}, which could not be read")
            return Finding(NO, f"{ref.path}:{c.line} {c.name}() takes no arguments")
        if ref.kind != "function" or ref.fn is None:
            return Finding(UNKNOWN, f"{ref.module}: not a function defined in Python source")
        fn = ref.fn
        if owner is None and ref.cls is not None:
            owner = Ref("class", ref.module, cls=ref.cls, path=ref.path)  # a method: self.x(...) is its class's
        where = f"{ref.path}:{fn.line} {fn.name}"
        if param.startswith("!"):
            # "!ctx": may a call leave ctx out?  ("make_metavar() missing 1 required positional
            # argument: 'ctx'": click 8.2 made it required.)
            name = param[1:]
            if name in fn.required:
                return Finding(NO, f"{where} requires {name!r}")
            return Finding(YES, f"{where} {'has a default for' if name in fn.params + fn.posonly else 'has no parameter'} {name!r}")
        if "@" in param:
            return self._one_value(ref, fn, param, depth, owner)
        if param in fn.params:
            return Finding(YES, f"{where} has parameter {param!r}")
        if param in fn.posonly and fn.kwarg is None:
            # 'def __init__(self, shield=False, /)': CancelScope(shield=True) is refused
            return Finding(NO, f"{where} takes {param!r} by position only")
        # (a positional-only name beside **kwargs: the keyword lands in kwargs, read below)
        if param.isdigit():  # positional count
            n = int(param)
            # keyword-only parameters are not positional: seaborn 0.12's barplot(data=None, *, x=None, ...)
            limit = fn.positional if fn.positional >= 0 else len(fn.posonly + fn.params)
            return Finding(YES if fn.vararg or n < limit else NO, f"{where} takes {'any number of' if fn.vararg else limit} "
                           f"positional arguments")
        if fn.kwarg is None:
            return Finding(NO, f"{where}({', '.join(fn.posonly + fn.params)}) has no parameter {param!r}")
        if param in fn.kwarg_keys:
            return Finding(YES, f"{where} reads {param!r} from **{fn.kwarg}")
        if not fn.forwards:
            return Finding(YES, f"{where} accepts **{fn.kwarg}")
        seen_unknown = None
        for callee in fn.forwards:
            target = self._callee(ref, callee, owner, depth)
            if target is None:
                seen_unknown = f"{where} forwards **{fn.kwarg} to {callee}, which could not be read"
                continue
            f = self.accepts(target, param, depth + 1, owner=owner if callee.startswith(("self.", "cls.")) else None)
            if f.value == YES:
                return Finding(YES, f"{where} forwards **{fn.kwarg} -> {f.evidence}", f.refs)
            if f.value == UNKNOWN:
                seen_unknown = f.evidence
        if seen_unknown:
            return Finding(UNKNOWN, seen_unknown)
        return Finding(NO, f"{where} forwards **{fn.kwarg} to {', '.join(fn.forwards)}, which do not accept {param!r}")

    def _callee(self, ref: Ref, callee: str, owner: Optional[Ref], depth: int) -> Optional[Ref]:
        if callee.startswith(("self.", "cls.")) and owner is not None:
            f = self.class_attr(owner, callee.split(".", 1)[1], depth + 1)
            return f.refs[0] if f.refs else None
        if callee.startswith("super.") and owner is not None and owner.cls is not None:
            for base in owner.cls.bases:
                bref = self.resolve_dotted(owner.module, base, depth + 1)
                if bref is not None and bref.kind == "class":
                    f = self.class_attr(bref, callee.split(".", 1)[1], depth + 1)
                    if f.refs and f.refs[0].kind == "function":
                        return Ref("function", f.refs[0].module, fn=f.refs[0].fn, path=f.refs[0].path)
            return None
        return self.resolve_dotted(ref.module, callee, depth + 1)


def pick(findings: List[Finding]) -> Finding:
    """Combine alternatives (conditional branches): any yes wins, then no, then unknown."""
    for v in (YES, NO):
        for f in findings:
            if f.value == v:
                return f
    return findings[0] if findings else Finding(UNKNOWN, "nothing to read")

