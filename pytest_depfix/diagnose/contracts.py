"""Does the answer import what it needs from the answer?

The resolver moves pins inside the culprits' ranges and the declared
Requires-Dist; neither says whether the moved release can still import what it
takes from the set's other pins.  librosa 0.7.2 (the release before 0.8 removed
``librosa.output``) runs ``from numba.decorators import jit`` at import time,
and numba 0.50 removed ``numba.decorators``: moving librosa back alone swaps one
crash for another, which is why the thread also held numba below 0.50.

This module reads, for every pin the answer changed and every pin declaring a
changed one, the modules that importing it surely runs (top-level imports, followed),
takes each top-level ``from M import N`` (never one under ``try``, ``if`` or
in a function: those are the library's own guards) whose ``M`` belongs to
another pin of the set, and asks the probe whether that pin's chosen release
has ``M.N``.  Each definite "no" is a :class:`Break`; the engine turns it into
one more demand (the other pin where it has the name, or the importer at another
release) and resolves again.  Files are read, never imported.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Set, Tuple

from packaging.utils import canonicalize_name

__all__ = ["Break", "broken_imports"]

MAX_QUESTIONS = 80  # probe questions per check (each may read a release's modules)
MAX_IMPORTERS = 12  # pins read per check
MAX_OWNERS = 32  # pins listed per importer (its declared dependencies and the changed pins)


@dataclass
class Break:
    """``importer==version`` imports ``module.name`` at import time; ``owner==owner_version`` lacks it."""

    importer: str
    version: str
    module: str
    name: str
    owner: str
    owner_version: str
    file: str
    line: int
    present: str = ""  # the owner's releases that have the name (every break has some: see broken_imports)

    def describe(self) -> str:
        return (f"{self.importer}=={self.version} imports {self.name} from {self.module} when it is imported "
                f"({self.file} line {self.line}), and {self.owner}=={self.owner_version} does not have it")


def _modules_shipped(probe: Any, dist: str, version: str) -> Set[str]:
    """Dotted modules and packages ``dist==version`` ships (``google.protobuf``, ``google.protobuf.descriptor_pb2``)."""
    from .probe import ReleaseTree

    try:
        paths = ReleaseTree(probe, dist, version).paths()
    except Exception:
        return set()
    out: Set[str] = set()
    for p in paths:
        if not p.endswith(".py"):
            continue
        parts = p[:-3].split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        for i in range(1, len(parts) + 1):
            out.add(".".join(parts[:i]))
    return out


def _module_level_from_imports(text: str) -> List[Tuple[str, str, int]]:
    """``(module, name, line)`` for absolute ``from module import name`` statements at the top level of the file.

    Only statements every import of the file runs: one inside ``try``, ``if`` or a
    function is the library's own guard (diffusers imports its unCLIP pipeline only
    when ``is_transformers_version(">=", "4.25.0")``), and reading it as unconditional
    would call a working release broken.
    """
    from .pysource import parse_quietly

    try:
        tree = parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    return [(st.module, a.name, st.lineno) for st in tree.body
            if isinstance(st, ast.ImportFrom) and st.level == 0 and st.module for a in st.names if a.name != "*"]


def _unconditional_modules(probe: Any, dist: str, version: str) -> List[str]:
    """The files importing ``dist==version`` surely runs: its top-level packages and their top-level imports, transitively."""
    from .probe import ReleaseTree
    from .pysource import parse_quietly, resolve_relative
    from .users import MAX_FILES, _files_of

    tree = ReleaseTree(probe, dist, version)
    have = set(tree.paths())
    todo = sorted(p for p in have if p.count("/") == 1 and p.endswith("/__init__.py"))
    seen: Set[str] = set()
    while todo and len(seen) < MAX_FILES:
        path = todo.pop(0)
        if path in seen:
            continue
        seen.add(path)
        try:
            text = tree.read(path) or ""
            mod = parse_quietly(text)
        except Exception:
            continue
        is_package = path.endswith("/__init__.py")
        here = (path[: -len("/__init__.py")] if is_package else path[:-3]).replace("/", ".")
        for st in mod.body:
            names: List[str] = []
            if isinstance(st, ast.Import):
                names = [a.name for a in st.names]
            elif isinstance(st, ast.ImportFrom):
                base = resolve_relative(here, is_package, st.level, st.module)
                names = [base] + [f"{base}.{a.name}" for a in st.names if a.name != "*"]
            for name in names:
                for cand in _files_of(name, have):
                    if cand not in seen and cand not in todo:
                        todo.append(cand)
    return sorted(seen)


def broken_imports(probe: Any, index: Any, chosen: Mapping[str, str], before: Mapping[str, str],
                   names: Mapping[str, str]) -> List[Break]:
    """Import-time imports between pins of the answer that the answer itself breaks.

    ``chosen``/``before``: canonical name -> version after and before resolution;
    ``names``: canonical name -> the name as the set spells it.  Only pins that
    changed, and pins declaring a changed one, are read.
    """
    from .probe import NO, Question, ReleaseTree

    changed = {k for k, v in chosen.items() if v and before.get(k) != v}
    if not changed or probe is None:
        return []
    importers: List[str] = sorted(changed)
    for key, version in sorted(chosen.items()):
        if key in changed or not version:
            continue
        try:
            declared = {canonicalize_name(r.name) for r in index.metadata(names.get(key, key), version).dependencies(index.target)}
        except Exception:
            continue
        if declared & changed:
            importers.append(key)
    shipped: Dict[str, Set[str]] = {}

    def ships(key: str) -> Set[str]:
        if key not in shipped:
            shipped[key] = _modules_shipped(probe, names.get(key, key), chosen[key])
        return shipped[key]

    def owner_of(module: str, candidates: List[str]) -> Optional[str]:
        # The pin shipping the longest prefix of the module: namespace packages (google.api from
        # googleapis-common-protos, google.protobuf from protobuf) share their first part.
        best, depth = None, 0
        parts = module.split(".")
        for cand in candidates:
            have = ships(cand)
            for i in range(len(parts), depth, -1):
                if ".".join(parts[:i]) in have:
                    best, depth = cand, i
                    break
        return best

    out: List[Break] = []
    asked = 0
    for key in importers[:MAX_IMPORTERS]:
        dist, version = names.get(key, key), chosen[key]
        try:
            files = _unconditional_modules(probe, dist, version)
            tree = ReleaseTree(probe, dist, version)
            declared = {canonicalize_name(r.name) for r in index.metadata(dist, version).dependencies(index.target)}
        except Exception:
            continue
        # Owners are looked for among what the importer declares and what the answer changed: an
        # import of an undeclared pin is not the answer's to keep working, and listing every pin of
        # a whole environment would cost one read each.
        candidates = sorted(k for k in chosen if chosen[k] and k != key and (k in declared or k in changed))[:MAX_OWNERS]
        for path in files:
            if not path.endswith(".py") or path == "setup.py":
                continue
            try:
                text = tree.read(path) or ""
            except Exception:
                break  # over the read cap: what was read stands
            for module, name, line in _module_level_from_imports(text):
                if module.split(".")[0] in ("__future__",):
                    continue
                owner = owner_of(module, candidates)
                if owner is None or (owner not in changed and key not in changed):
                    continue
                if asked >= MAX_QUESTIONS:
                    return out
                asked += 1
                owner_dist, owner_version = names.get(owner, owner), chosen[owner]
                try:
                    answer = probe.ask(owner_dist, owner_version, Question(module, name=name))
                except Exception:
                    continue
                if answer.value != NO:
                    continue
                # A "no" no release of the owner contradicts is the static reader's blind spot, not a
                # break: six builds six.moves at import time, so no release ships six/moves.py.
                present = _owner_range(probe, owner_dist, Question(module, name=name))
                if present:
                    out.append(Break(dist, version, module, name, owner_dist, owner_version, path, line, present))
    return out


def _owner_range(probe: Any, owner: str, question: Any) -> Optional[str]:
    """Releases of the owner that have the imported name, or None."""
    try:
        answer = probe.find_range(owner, question)
    except Exception:
        return None
    present = getattr(answer, "present", None)
    return str(present) if present and present != "<0" else None


def imports_at_import(probe: Any, dist: str, version: str, module: str, name: str) -> Optional[bool]:
    """Whether importing ``dist==version`` runs ``from module import name`` (None: could not read it)."""
    from .probe import ReleaseTree

    try:
        files = _unconditional_modules(probe, dist, version)
        tree = ReleaseTree(probe, dist, version)
        for path in files:
            if path.endswith(".py") and path != "setup.py":
                text = tree.read(path) or ""
                if module in text and any(m == module and n == name for m, n, _ in _module_level_from_imports(text)):
                    return True
    except Exception:
        return None
    return False


def next_release(probe: Any, dist: str, version: str, older: bool) -> Optional[str]:
    """The release just past ``version`` going ``older`` (or newer), or None."""
    from packaging.version import Version

    try:
        vs = sorted(probe.versions(dist), key=Version)
        i = vs.index(version)
    except Exception:
        return None
    j = i - 1 if older else i + 1
    return vs[j] if 0 <= j < len(vs) else None
