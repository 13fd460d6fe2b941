"""Live exception -> crash record, in the same shape the text parser produces.

Inside pytest (or a script) we still hold the exception object, so nothing
has to be guessed: the chain comes from ``__cause__``/``__context__`` (with
``__suppress_context__`` respected, as CPython's printer does), exception
groups from ``.exceptions``, and frames from the traceback objects.  The
record lists exceptions in the order CPython would PRINT them, so a live crash
and the same crash pasted as text give comparable records.

This runs on every failing test, so it must be cheap and must never raise:
source lines come from ``linecache`` (already warm for files that just ran),
runs of identical recursive frames are collapsed the way CPython prints them,
and any failure inside degrades to a smaller record rather than an error.
"""

from __future__ import annotations

import builtins
import linecache
from types import TracebackType
from typing import List, Optional, Set

from ..models import Crash, ExceptionRecord, Frame

__all__ = ["crash_from_exception", "frames_from_traceback"]

_REPEAT_KEEP = 3  # CPython prints 3 identical frames then "[Previous line repeated N more times]"
_MAX_FRAMES = 2000
_MAX_CHAIN = 100
_HIDDEN_LEADING = ("_pytest", "pluggy", "pytest")  # the runner's own frames above the test


def crash_from_exception(exc: BaseException, *, when: str = "call", nodeid: Optional[str] = None) -> Crash:
    """A Crash for ``exc`` and everything chained to it.  Never raises."""
    try:
        records = _records(exc, set(), 0)
    except Exception:  # pragma: no cover - last resort: keep at least the type and message
        records = [ExceptionRecord(type=_type_name(exc), message=_message(exc))]
    if records:
        records[-1].relation = None
    crash = Crash(exceptions=records or [ExceptionRecord(type=_type_name(exc), message=_message(exc))], when=when)
    if nodeid:
        crash.tests.append(nodeid)
    return crash


def _records(exc: BaseException, seen: Set[int], depth: int) -> List[ExceptionRecord]:
    """Printed order for one exception: its cause/context chain first, then itself, then group members."""
    if id(exc) in seen or depth > _MAX_CHAIN:
        return []
    seen.add(id(exc))
    out: List[ExceptionRecord] = []
    cause = getattr(exc, "__cause__", None)
    context = getattr(exc, "__context__", None)
    if cause is not None:
        earlier = _records(cause, seen, depth + 1)
        if earlier:
            earlier[-1].relation = "cause"
        out.extend(earlier)
    elif context is not None and not getattr(exc, "__suppress_context__", False):
        earlier = _records(context, seen, depth + 1)
        if earlier:
            earlier[-1].relation = "context"
        out.extend(earlier)
    rec = ExceptionRecord(type=_type_name(exc), message=_message(exc), frames=_frames(exc))
    if isinstance(exc, SyntaxError):
        loc = _syntax_location(exc)
        if loc is not None:
            rec.location = loc  # type: ignore[attr-defined]
    out.append(rec)
    members = getattr(exc, "exceptions", None)
    if _is_group(exc) and isinstance(members, (tuple, list)):
        for member in members:
            if not isinstance(member, BaseException):
                continue
            out[-1].relation = "group"
            out.extend(_records(member, seen, depth + 1))
    return out


def _is_group(exc: BaseException) -> bool:
    group_type = getattr(builtins, "BaseExceptionGroup", None)
    if group_type is not None and isinstance(exc, group_type):
        return True
    # the exceptiongroup backport on Python < 3.11: same shape, its own class
    return any(c.__name__ == "BaseExceptionGroup" for c in type(exc).__mro__)


def _type_name(exc: BaseException) -> str:
    """As CPython prints it: ``module.Qualname`` except for builtins and __main__."""
    try:
        cls = type(exc)
        module = getattr(cls, "__module__", None)
        qual = getattr(cls, "__qualname__", cls.__name__)
        if module in (None, "builtins", "__main__", "exceptions"):
            return qual
        return f"{module}.{qual}"
    except Exception:  # pragma: no cover
        return "BaseException"


def _message(exc: BaseException) -> str:
    try:
        if isinstance(exc, SyntaxError) and exc.msg is not None:
            text = str(exc.msg)
        else:
            text = str(exc)
    except Exception:
        text = "<exception str() failed>"
    notes = getattr(exc, "__notes__", None)
    if isinstance(notes, (list, tuple)):
        text += "".join("\n" + str(n) for n in notes if isinstance(n, str))
    return text.strip()


def _syntax_location(exc: SyntaxError) -> Optional[Frame]:
    try:
        if not exc.filename:
            return None
        return Frame(file=str(exc.filename), line=int(exc.lineno or 0), function="", source=(exc.text or "").strip())
    except Exception:  # pragma: no cover
        return None


def _frames(exc: BaseException) -> List[Frame]:
    try:
        return frames_from_traceback(exc.__traceback__)
    except Exception:  # pragma: no cover
        return []


def frames_from_traceback(tb: Optional[TracebackType]) -> List[Frame]:
    """Frames outermost first, the test runner's own leading frames dropped.

    Leading frames of pytest/pluggy (and frames marked ``__tracebackhide__``)
    are the runner calling the test, not part of the crash; identical
    consecutive frames beyond three are collapsed as CPython prints them.
    """
    frames: List[Frame] = []
    leading = True
    last_key = None
    repeat = 0
    count = 0
    while tb is not None and count < 100000:
        count += 1
        f = tb.tb_frame
        code = f.f_code
        lineno = tb.tb_lineno if tb.tb_lineno is not None else (f.f_lineno or 0)
        tb = tb.tb_next
        if leading:
            mod = f.f_globals.get("__name__", "") if isinstance(f.f_globals, dict) else ""
            if isinstance(mod, str) and mod.split(".", 1)[0] in _HIDDEN_LEADING:
                continue
            leading = False
        try:
            if f.f_locals.get("__tracebackhide__") is True and tb is not None:
                continue
        except Exception:  # pragma: no cover - exotic frames
            pass
        key = (code.co_filename, lineno, code.co_name)
        if key == last_key:
            repeat += 1
            if repeat >= _REPEAT_KEEP:
                continue
        else:
            last_key, repeat = key, 0
        if len(frames) >= _MAX_FRAMES:
            del frames[_MAX_FRAMES // 2]  # keep both ends of a runaway stack
        frames.append(
            Frame(file=code.co_filename, line=int(lineno), function=code.co_name, source=_source(code.co_filename, lineno, f.f_globals))
        )
    return frames


def _source(filename: str, lineno: int, module_globals) -> str:
    try:
        return linecache.getline(filename, lineno, module_globals).strip()
    except Exception:  # pragma: no cover - broken loaders
        return ""
