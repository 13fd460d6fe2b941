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
    from packaging.utils import canonicalize_name

    from .verdict import Context, decide

    ctx = Context(crash=crash, pins=pins, target=target, index=index, kb=kb,
                  keep={canonicalize_name(k) for k in keep}, probe=probe, matrix=matrix)
    root = crash.root
    found = None
    loader = F.LOADER_LOST.search(root.message) if root.short_type == "ImportError" else None
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
            kind = "ModuleNotFoundError" if message.startswith("No module") else "ImportError"
            ctx.crash = _with_message(crash, kind, message)
            ctx.evidence.append(evidence)
    elif lost and probe is not None:
        from .linkcheck import missing_attribute

        found = missing_attribute(ctx)
        if found is not None:
            ctx.crash = _with_message(crash, "AttributeError", found[0])
            ctx.evidence.append(found[3])
    if found is None and probe is not None and not lost and root.frames and classify(crash).family == F.UNKNOWN:
        from .linkcheck import hidden_import

        found = hidden_import(ctx)
        if found is not None:
            ctx.crash = _with_message(crash, "ImportError", found[0])
            ctx.evidence.append(found[3])
    diagnosis = decide(ctx, classify(ctx.crash))
    if ctx.crash.root.type == LOST_EXCEPTION and diagnosis.verdict == "unknown":
        diagnosis.summary = ("the paste ends before its exception line, and the statement it ends at reads nothing "
                             "the pinned set lacks: paste the lines below it")
    if found is not None:
        diagnosis.summary = f"{diagnosis.summary} ({found[3]})"
        diagnosis.details["message_read_from_imports"] = found[0]
    return diagnosis


def _with_message(crash: Crash, kind: str, message: str) -> Crash:
    """The crash with its innermost exception's lost message put back (a copy: the report keeps the paste)."""
    import dataclasses

    root = crash.root
    return dataclasses.replace(crash, exceptions=[dataclasses.replace(e, type=kind, message=message) if e is root else e
                                                  for e in crash.exceptions])
