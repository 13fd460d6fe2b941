"""Steps 1-3 of the protocol: pattern matching, the compatibility matrix, breakpoint isolation.

``diagnose`` turns one attributed crash into a :class:`~pytest_depfix.models.Diagnosis`:
a verdict (direct / transitive / project / environment / unknown), the culprits
(alternative constraints, best first, each with confidence, evidence and
source) and advice when no pin can help.  ``check_matrix`` is the declared
side (``depfix check``); ``load_knowledge`` reads the knowledge base.

    families.py  error message -> Signal (family, module, name, ...)
    knowledge.py knowledge.toml + user entries, validated and indexed
    matrix.py    every pin against every other pin's declarations, for the target
    timeline.py  upload dates as evidence
    verdict.py   who owns the broken name, who called it, what may move
"""

from __future__ import annotations

import re
from typing import Any, Collection, Optional

from ..models import LOST_EXCEPTION, Crash, Diagnosis
from ..requirements import PinSet
from ..target import Target
from . import families as F
from .families import Signal, classify
from .knowledge import KBEntry, KnowledgeBase, load_knowledge
from .matrix import Conflict, MatrixReport, check_matrix

__all__ = [
    "diagnose", "load_knowledge", "check_matrix", "classify", "KnowledgeBase", "KBEntry", "MatrixReport",
    "Conflict", "Signal",
]


def diagnose(
    crash: Crash,
    pins: PinSet,
    target: Target,
    index: Any,
    kb: KnowledgeBase,
    *,
    keep: Collection[str] = (),
    probe: Any = None,
    matrix: Optional[MatrixReport] = None,
    project_root: Optional[str] = None,
) -> Diagnosis:
    """Diagnose one crash against the pinned set for ``target``.

    ``keep`` holds canonical names of keep-pins (never offered as culprits).
    ``probe`` is an ``ApiProbe`` when available (name ranges read from release
    files); without it, the knowledge base, the matrix and upload dates decide.
    ``project_root`` is accepted for the engine's sake: frames are already
    attributed to the project by the crash step.
    """
    from .py2syntax import reading_python2

    with reading_python2(target.python[0] < 3):
        return _diagnose(crash, pins, target, index, kb, keep=keep, probe=probe, matrix=matrix)


def _diagnose(crash: Crash, pins: PinSet, target: Target, index: Any, kb: KnowledgeBase, *,
              keep: Collection[str], probe: Any, matrix: Optional[MatrixReport]) -> Diagnosis:
    """:func:`diagnose`, with Python 2 release files read when the target is Python 2."""
    from packaging.utils import canonicalize_name

    from .verdict import Context, decide

    ctx = Context(crash=crash, pins=pins, target=target, index=index, kb=kb,
                  keep={canonicalize_name(k) for k in keep}, probe=probe, matrix=matrix)
    root = crash.root
    found = None
    loader = (F.LOADER_LOST.search(root.message) or F.SETTING_IMPORT.search(root.message)) \
        if root.short_type == "ImportError" else None
    loading = loader.group(1) if loader else None
    quoted = re.fullmatch(r"cannot import name '?([\w.]+)'?", root.message.strip()) if root.loading else None
    if loading is None and quoted and root.short_type == "ImportError":
        # A tool quoted "cannot import name 'Directive'" and named the module it was loading: walk that.
        loading = root.loading
    # IPython's header names the type ("AttributeError   Traceback ..."), and a paste cut before the
    # exception line keeps only that: its message is read back from the failing line as a lost one's.
    lost = root.type == LOST_EXCEPTION or (root.short_type == "AttributeError" and not root.message.strip()
                                           and bool(root.frames) and bool((root.frames[-1].source or "").strip()))
    lost_import = lost and bool(root.frames) and (root.frames[-1].source or "").lstrip().startswith(("import ", "from "))
    if probe is not None and (lost_import or root.short_type in ("ImportError", "ModuleNotFoundError")
                              and (loading or not root.message.strip())):
        from .linkcheck import missing_import

        found = missing_import(ctx, loading)
        if found is not None and quoted and loading == root.loading \
                and not found[0].startswith(f"cannot import name '{quoted.group(1)}' "):
            found = None  # the walk met another missing import first: not the one the tool quoted
        if found is not None:
            message, _owner, _file, evidence = found
            kind = "ModuleNotFoundError" if message.startswith("No module") \
                else "AttributeError" if message.startswith("module '") else "ImportError"
            ctx.crash = _with_message(crash, kind, message)
            ctx.evidence.append(evidence)
    elif lost and probe is not None:
        from .linkcheck import missing_attribute

        found = missing_attribute(ctx)
        if found is not None:
            ctx.crash = _with_message(crash, "AttributeError", found[0])
            ctx.evidence.append(found[3])
    wrapped = _wrapped_import_error(root) if found is None else None
    if wrapped is not None:
        # transformers' lazy module re-raises an import's failure as "RuntimeError: Failed to import
        # transformers.trainer because of the following error ...", the import's own message below.
        # When the chain printed that import error with its frames, the chain is cut there.
        ctx.crash = _printed_cause(crash, root, wrapped[1]) or _with_message(crash, *wrapped)
        ctx.evidence.append(f"{root.type} wraps the import error printed below its first line: {wrapped[1][:160]}")
        crash = ctx.crash
    if found is None and probe is not None and not lost and root.frames and classify(crash).family == F.UNKNOWN:
        from .linkcheck import hidden_import

        found = hidden_import(ctx)
        if found is not None:
            ctx.crash = _with_message(crash, "ImportError", found[0])
            ctx.evidence.append(found[3])
    diagnosis = decide(ctx, _stdlib_read(classify(ctx.crash), target, ctx.crash))
    if found is None and diagnosis.verdict == "unknown" and not diagnosis.culprits:
        handled = _fallen_back_from(ctx)
        if handled is not None:
            # The handler's fallback imports what the set never held (fabric 3.0.1's "from decorator
            # import decorator" after invoke 2.1 dropped invoke.vendor.decorator): the first import is the break.
            inner = _diagnose(handled, pins, target, index, kb, keep=keep, probe=probe, matrix=matrix)
            if inner.culprits:
                inner.crash_key = diagnosis.crash_key
                inner.summary = (f"{inner.summary} (the import its handler fell back from; the fallback "
                                 f"{crash.root.message!r} names no package of the set)")
                return inner
    if ctx.crash.root.type == LOST_EXCEPTION and diagnosis.verdict == "unknown":
        diagnosis.summary = ("the paste ends before its exception line, and the statement it ends at reads nothing "
                             "the pinned set lacks: paste the lines below it")
    if found is not None:
        diagnosis.summary = f"{diagnosis.summary} ({found[3]})"
        diagnosis.details["message_read_from_imports"] = found[0]
    return diagnosis


_NO_MODULE = re.compile(r"No module named '?([\w.]+)'?")
_FROM_MODULE = re.compile(r"^cannot import name '?\w+'? from '([\w.]+)'")
_IMPORT_KINDS = ("ImportError", "ModuleNotFoundError")


def _fallen_back_from(ctx: Any) -> Optional[Crash]:
    """The crash cut at the import an ``except ImportError`` fell back from, when the fallback's module is no pin's.

    "During handling of the above exception": the printed chain's earlier record is the
    import the handler caught, its last the fallback's.  Only when both are import errors,
    the fallback's module belongs to no pin of the set and the first one's module does.
    """
    from .verdict import module_owner

    crash = ctx.crash
    excs = crash.exceptions
    root = crash.root
    i = next((k for k, e in enumerate(excs) if e is root), None)
    if not i or excs[i - 1].relation != "context":
        return None
    first = excs[i - 1]
    if root.short_type not in _IMPORT_KINDS or first.short_type not in _IMPORT_KINDS or not first.frames:
        return None
    fallback = _NO_MODULE.match(root.message.strip())
    if fallback is None or module_owner(fallback.group(1), ctx) is not None:
        return None
    caught = _NO_MODULE.match(first.message.strip()) or _FROM_MODULE.search(first.message)
    if caught is None or module_owner(caught.group(1), ctx) is None:
        return None
    import dataclasses

    return dataclasses.replace(crash, exceptions=list(excs[:i]))


_WRAPPED_IMPORT = re.compile(r"^(?:(?P<name>cannot import name '?\w+'? from '[\w.]+')|(?P<module>No module named '[\w.]+'))")


def _wrapped_import_error(root: Any) -> Optional[tuple]:
    """``(type, message)`` of an import error a library's wrapper printed under its own first line.

    transformers' and diffusers' ``_LazyModule`` raise "RuntimeError: Failed to import X because
    of the following error (look up to see its traceback):" with the import's message on the next
    line.  Only a wrapper (any type but an import error itself) whose later line starts with one
    of CPython's two import wordings; the rest of that line (a path in parentheses) is kept.
    """
    if root.short_type in _IMPORT_KINDS or "\n" not in root.message:
        return None
    for line in root.message.splitlines()[1:6]:
        m = _WRAPPED_IMPORT.match(line.strip())
        if m:
            return ("ImportError" if m.group("name") else "ModuleNotFoundError", line.strip())
    return None


def _printed_cause(crash: Crash, root: Any, message: str) -> Optional[Crash]:
    """The crash cut at an earlier record of the chain that is the wrapped import error itself, or None."""
    import dataclasses

    excs = crash.exceptions
    i = next((k for k, e in enumerate(excs) if e is root), 0)
    want = message.split(" (")[0].strip()
    for j in range(i - 1, -1, -1):
        e = excs[j]
        if e.short_type in _IMPORT_KINDS and e.frames and e.message.split(" (")[0].strip() == want:
            return dataclasses.replace(crash, exceptions=list(excs[:j + 1]))
    return None


def _with_message(crash: Crash, kind: str, message: str) -> Crash:
    """The crash with its innermost exception's lost message put back (a copy: the report keeps the paste)."""
    import dataclasses

    root = crash.root
    return dataclasses.replace(crash, exceptions=[dataclasses.replace(e, type=kind, message=message) if e is root else e
                                                  for e in crash.exceptions])


def _stdlib_read(sig: "F.Signal", target: Any, crash: Any = None) -> "F.Signal":
    """A stdlib name no table lists as removed, absent from the target Python's own source: a Python-version break.

    aiohttp 3.5.4 reads ``asyncio.coroutines._DEBUG``, which Python 3.11 no longer binds
    (coffinxp/loxs#29).  Only when the target is the Python running here (see :mod:`.stdlib_source`).
    """
    from .stdlib_source import absent_here

    python = tuple(getattr(target, "python", None) or ())[:2]
    if sig.detail.get("ast_position") and python >= (3, 8):
        # an ast node's end position exists on the target: a class named like one (astroid's) lost it
        sig.family = F.ATTRIBUTE
        sig.detail.pop("python_added", None)
        sig.detail.pop("ast_position", None)
        return sig
    if sig.family not in (F.ATTRIBUTE, F.IMPORT_NAME) or sig.python_removed or not sig.module or not sig.name \
            or sig.detail.get("no_module") or sig.cls or not _stdlib_context(sig, crash, python):
        return sig
    try:
        absent = absent_here(sig.module, sig.name, target)
    except Exception:
        return sig
    if absent:
        sig.family, sig.python_removed = F.PYTHON_VERSION, absent
        sig.detail["stdlib_read"] = True
    return sig


_PY_IN_PATH = re.compile(r"python(\d)\.(\d{1,2})")


def _stdlib_context(sig: "F.Signal", crash: Any, python: tuple) -> bool:
    """Whether the crash can be a name the target's standard library lacks, not a slip or a shadow.

    Not when a circular import is named, when an ImportError's printed path is no stdlib file
    (the project's own ``email.py``), when a frame's path shows another Python than the target,
    or when the innermost frame is the project's own (a typo is likelier than a removal).
    """
    from ..crash.attribute import classify_path
    from ..models import OWNER_PROJECT

    message = sig.message or ""
    if "partially initialized" in message or "circular import" in message:
        return False
    path = sig.detail.get("path")
    if path and classify_path(path).kind != "stdlib":
        return False
    frames = list(getattr(getattr(crash, "root", None), "frames", None) or [])
    for fr in frames:
        m = _PY_IN_PATH.search(fr.file or "")
        if m and (int(m.group(1)), int(m.group(2))) != python:
            return False
    if frames and frames[-1].owner == OWNER_PROJECT:
        return False
    return True

