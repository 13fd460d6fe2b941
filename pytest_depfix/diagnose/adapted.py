"""Did a later release of the caller adapt?  Read its failing statements in newer releases.

A crash inside a distribution's code points at the statement that made the
failing call (``unpacker = Unpacker(encoding='utf8')``, ``from
sklearn.externals.joblib import Parallel``).  When the caller's maintainers
adapted to the break, that statement changed in a later release.  So, for the
caller's innermost frames, this module reads the same file out of the pinned
release (checking that the printed source line is really there, so a wrong
version guess gives no evidence rather than false evidence), takes the
statement at the frame's line as a normalised syntax tree, and walks the
caller's later releases (oldest first) until the statement is gone from the
file.  The innermost statement counts in any later release (maintainers often
adapt to a deprecation before the removal ships); an outer frame's statement
counts only in releases uploaded after the callee's breaking release.  That release is the first that adapted.

Everything is read statically through the API probe's release reader (range
reads, on-disk cache); downloaded code is never imported.  Any failure to read
or parse simply yields no evidence.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from packaging.version import InvalidVersion, Version

from ..models import Frame
from .pysource import parse_exact, parse_quietly

MAX_RELEASES = 12  # later releases read at most (adaptations land in the next few)
MAX_FRAMES = 3  # innermost caller frames whose statements are compared


@dataclass
class Adaptation:
    """The first later release of a caller whose failing statement is gone."""

    version: str
    file: str
    line: int
    statement: str  # the old statement's source, one line
    innermost: bool  # the statement of the innermost caller frame changed (not an outer one)
    guard: bool = False  # the statement stayed; the test of the if around it changed

    def describe(self, dist: str, old: str) -> str:
        where = "the failing call" if self.innermost else "a call on the failing path"
        if self.guard:
            return (f"{dist} {self.version} kept {where} `{self.statement}` ({self.file}, line {self.line} in {old}) "
                    f"but changed the test of the if around it: its maintainers guarded it")
        return (f"{dist} {self.version} changed {where} `{self.statement}` ({self.file}, line {self.line} "
                f"in {old}): its maintainers adapted")


def frame_relpath(fr: Frame) -> Optional[str]:
    """Where a frame's file sits inside its distribution: found in the release, or read off a site path."""
    return fr.relpath or relpath_in_site(fr.file)


def relpath_in_site(file: str) -> Optional[str]:
    """``.../site-packages/pkg/mod.py`` -> ``pkg/mod.py`` (inside an egg too); None elsewhere."""
    from ..crash.attribute import classify_path

    info = classify_path(file)
    if info.kind != "site" or not info.relpath:
        return None
    rel = info.relpath
    first, _, rest = rel.partition("/")
    if first.lower().endswith(".egg") and rest:
        rel = rest
    return rel if rel.endswith(".py") else None


def _header_key(node: ast.stmt) -> Optional[str]:
    """The part of a compound statement its first line shows (the loop's iterable, the test)."""
    parts: List[ast.AST] = []
    if isinstance(node, (ast.For, ast.AsyncFor)):
        parts = [node.target, node.iter]
    elif isinstance(node, (ast.If, ast.While)):
        parts = [node.test]
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        parts = list(node.items)
    else:
        return None
    return type(node).__name__ + ":" + "|".join(ast.dump(p) for p in parts)


def statement_at(tree: ast.AST, line: int) -> Optional[Tuple[str, ast.stmt]]:
    """(normalised key, node) of the innermost statement covering ``line``."""
    best: Optional[ast.stmt] = None
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        end = getattr(node, "end_lineno", None) or node.lineno
        if node.lineno <= line <= end:
            if best is None or (end - node.lineno) <= ((getattr(best, "end_lineno", None) or best.lineno) - best.lineno):
                best = node
    if best is None:
        return None
    if hasattr(best, "body") and isinstance(getattr(best, "body"), list):
        if best.lineno != line and not isinstance(best, (ast.If, ast.While, ast.For, ast.AsyncFor, ast.With, ast.AsyncWith)):
            return None
        key = _header_key(best)
        return (key, best) if key else None
    return ast.dump(best), best


def statement_keys(tree: ast.AST) -> set:
    """Every statement of a module, normalised the way :func:`statement_at` does."""
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            if hasattr(node, "body") and isinstance(getattr(node, "body"), list):
                key = _header_key(node)
                if key:
                    keys.add(key)
            else:
                keys.add(ast.dump(node))
    return keys


def enclosing_tests(tree: ast.AST, key: str) -> set:
    """The chain of ``if``/``while`` tests around each simple statement whose key is ``key``, outermost first.

    Each test is its dump with the branch ("T:" body, "F:" else); ``()`` for a statement no
    test encloses within its function.  httpcore 1.0.8 kept ``setattr(..., "__module__", ...)``
    and widened the ``if`` above it to skip ``SOCKET_OPTION`` (a ``typing.Union`` on 3.14).
    """
    out: set = set()

    def visit(body: List[ast.stmt], chain: Tuple[str, ...]) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                visit(node.body, ())
            elif isinstance(node, (ast.If, ast.While)):
                dumped = ast.dump(node.test)
                visit(node.body, chain + ("T:" + dumped,))
                visit(node.orelse, chain + ("F:" + dumped,))
            elif hasattr(node, "body") and isinstance(getattr(node, "body"), list):
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(node, field, []) or [], chain)
                for handler in getattr(node, "handlers", []) or []:
                    visit(handler.body, chain)
            elif isinstance(node, getattr(ast, "Match", ())):
                for case in node.cases:
                    visit(case.body, chain)
            elif ast.dump(node) == key:
                out.add(chain)

    visit(getattr(tree, "body", []), ())
    return out


def guarded_anew(old: Tuple[str, ...], around: set) -> bool:
    """Whether every new chain of tests around the statement adds or changes a test (never only drops some).

    flask-marshmallow 1.1.0 dropped the inner ``if self.SQLAlchemySchema:`` around the failing
    line: its new chain is the old one with a test left out, which guards nothing.
    """
    def dropped_only(c: Tuple[str, ...]) -> bool:  # c is old with some tests left out, in order
        rest = iter(old)
        return all(t in rest for t in c)

    return bool(around) and not any(dropped_only(c) for c in around)


def _parse(text: Optional[str]) -> Optional[ast.AST]:
    if text is None:
        return None
    try:
        return parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _parse_exactly(text: str) -> Optional[ast.AST]:
    """The tree of ``text`` as today's grammar reads it, with no rewrite of older or newer syntax."""
    try:
        return parse_exact(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


_CYTHON = (".pyx", ".pxd", ".pxi")
_TEXT = "text:"  # a wanted key compared as the line's text (Cython source), not as a Python statement


def _norm(s: str) -> str:
    return "".join(s.split())


def caller_frames(frames: Sequence[Frame], dist_key: str, canon) -> List[Frame]:
    """The caller's innermost run of frames (innermost first) that have a readable site path."""
    run: List[Frame] = []
    started = False
    for fr in reversed(list(frames)):
        mine = fr.dist is not None and canon(fr.dist) == dist_key
        if mine:
            started = True
            if frame_relpath(fr) and fr.line:
                run.append(fr)
            if len(run) >= MAX_FRAMES:
                break
        elif started:
            break
    return run


def first_adapted(
    probe: Any,
    index: Any,
    dist: str,
    version: str,
    frames: Sequence[Frame],
    *,
    after: Optional[datetime] = None,
    max_releases: int = MAX_RELEASES,
    still_broken: Optional[Callable[[str, str], bool]] = None,
) -> Optional[Adaptation]:
    """The first release of ``dist`` above ``version`` whose failing statements changed, or None.

    ``still_broken(version, relpath)`` refuses a release whose changed module
    would fail the same way on the next line (airtest 1.2.5 dropped
    ``evalcontextfilter`` but kept ``Markup``, gone from the same Jinja2).
    """
    from .probe import ReleaseTree

    try:
        old_tree = ReleaseTree(probe, dist, version)
    except Exception:
        return None
    wanted: List[Tuple[Frame, str, str, str]] = []  # (frame, relpath, key, statement text)
    guard_of: dict = {}  # 0: the test around the innermost frame's statement, when it has exactly one
    for fr in frames:
        rel = frame_relpath(fr)
        try:
            text = old_tree.read(rel) if rel else None
        except Exception:
            text = None
        if text is None:
            continue
        tree = _parse_exactly(text)
        if tree is None and not (rel or "").endswith(_CYTHON) and tuple(getattr(probe, "python", (3, 7)))[:2] >= (3, 7):
            continue  # Python that the target cannot parse either (async is a keyword from 3.7): not the code that ran
        if tree is None:
            tree = _parse(text)  # an older target's code (Python 2, async as a name), read through the rewrite
        lines = text.splitlines()
        if not (0 < fr.line <= len(lines)):
            continue
        if fr.source and _norm(fr.source) not in _norm(lines[fr.line - 1]) and _norm(lines[fr.line - 1]) not in _norm(fr.source):
            continue  # the pinned release is not the one that crashed: no evidence
        if tree is None:
            # Cython source (optuna-fast-fanova's _fanova.pyx) is not Python, nor is an older target's
            # code that names an attribute 'async' (celery 4.1.0's implements.async) to today's parser:
            # its failing line is compared as text, the line gone from the module being the change.
            if not _norm(lines[fr.line - 1]):
                continue
            wanted.append((fr, rel, _TEXT + _norm(lines[fr.line - 1]), lines[fr.line - 1].strip()))
            continue
        got = statement_at(tree, fr.line)
        if got is None:
            continue
        wanted.append((fr, rel, got[0], lines[fr.line - 1].strip()))
        if fr is frames[0] and not (hasattr(got[1], "body") and isinstance(getattr(got[1], "body"), list)):
            tests = enclosing_tests(tree, got[0])
            if len(tests) == 1:
                guard_of[0] = next(iter(tests))
    if not wanted:
        return None
    late = set(_later(probe, index, dist, version, after)) if after is not None else None
    for v in _later(probe, index, dist, version, None)[:max_releases]:
        try:
            tree_v = ReleaseTree(probe, dist, v)
        except Exception:
            continue
        for i, (fr, rel, key, stmt) in enumerate(wanted):
            if fr is not frames[0] and late is not None and v not in late:
                continue  # an outer call changing before the break is no evidence of adapting to it
            try:
                text = tree_v.read(rel)
            except Exception:
                continue
            if key.startswith(_TEXT):
                if text is None:
                    continue
                present = key[len(_TEXT):] in {_norm(ln) for ln in text.splitlines()}
            else:
                parsed = _parse(text)
                if parsed is None:
                    continue  # moved or unreadable: not evidence either way
                present = key in statement_keys(parsed)
                if present and i == 0 and fr is frames[0] and 0 in guard_of:
                    around = enclosing_tests(parsed, key)
                    if guarded_anew(guard_of[0], around) \
                            and not (still_broken and still_broken(v, rel)):
                        # the same statement under a changed test: guarded, not rewritten
                        return Adaptation(v, rel, fr.line, stmt, innermost=True, guard=True)
            if not present:
                if still_broken is not None and still_broken(v, rel):
                    break  # this release adapted and fails on: a later one may do both
                return Adaptation(v, rel, fr.line, stmt, innermost=(i == 0 and fr is frames[0]))
    return None


def _later(probe: Any, index: Any, dist: str, version: str, after: Optional[datetime]) -> List[str]:
    try:
        pinned = Version(version)
    except InvalidVersion:
        return []
    try:
        candidates = probe.versions(dist)
    except Exception:
        return []
    times: Dict[Version, Optional[datetime]] = {}
    if after is not None:
        from . import timeline

        times = dict(timeline.releases(index, dist))
    out = []
    for v in candidates:
        try:
            pv = Version(v)
        except InvalidVersion:
            continue
        if pv <= pinned or pv.is_prerelease or pv.is_devrelease:
            continue
        if after is not None and times.get(pv) is not None and times[pv] <= after:  # type: ignore[operator]
            continue
        out.append(v)
    return out
