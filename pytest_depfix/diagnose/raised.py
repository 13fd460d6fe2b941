"""A message a pin raises itself: which release started (or stopped) raising it.

Many breaks carry no name to look up: the library refuses outright, in its
own words.  xlrd 2.0 says "Excel xlsx file; not supported", lxml 5.2 says
"lxml.html.clean module is now a separate project lxml_html_clean.", an old
APScheduler says "Only timezones from the pytz library are supported".  No
pattern of CPython's wording covers them, but the words are in the pinned
release's source, inside a ``raise``: reading that release finds the module
that refuses, and reading the same module in the neighbouring releases finds
the nearest ones that do not (the refusal was added in a later release, or
dropped in a later one).

The match is made on the source's string constants, never by running it: a
constant counts when it is a piece of the message (f-strings and ``+`` leave
their literal parts as constants: ``FILE_FORMAT_DESCRIPTIONS[fmt] + '; not
supported'`` gives "Excel xlsx file" from a table and "; not supported" from
the raise).  The pieces must cover most of the message and one of them must
sit in a ``raise`` statement, or the module merely mentions similar words.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any, Iterable, List, Optional, Sequence, Tuple

from packaging.version import InvalidVersion, Version

__all__ = ["Refusal", "raising_module", "message_raised", "releases_without", "releases_without_assert"]

MIN_MESSAGE = 16  # shorter messages ("not supported") are said by too many modules to tell one apart
MIN_PIECE = 6  # constants shorter than this (", ", "s") cover nothing by themselves
MIN_COVER = 0.6  # share of the message's characters the release's constants must spell
MAX_RELEASES = 400  # releases considered in each direction (read by galloping, then bisecting)
MAX_FILES = 2000


@dataclass
class Refusal:
    """Where ``dist==version`` raises the message: the module, and the share of it spelled by constants."""

    dist: str
    version: str
    path: str
    cover: float
    exc_type: str = ""  # the class the raise names ("TypeError", "XLRDError"), when it names one
    # The message's words the raise does not spell itself: what a table or a format filled in
    # ("Excel xlsx file" in xlrd 2.0's "...; not supported").  A reworded refusal still says them.
    data_words: frozenset = frozenset()


# printf- and str.format-style fields: %(expr)r, %s, %.2f, {}, {name!r}, {0:>4}
# ('%%' is a literal percent; "5% done" is text, so the space flag is not read as one).
_FIELD = re.compile(r"(?<!%)%(?!%)(?:\(\w{1,40}\))?[-#0+]?\d{0,3}(?:\.\d{1,3})?[sdrfiaxXeEgGc]"
                    r"|\{\w{0,40}(?:![rsa])?(?::[^{}]{0,20})?\}")


def _clean(message: str) -> str:
    first = message.strip().split("\n")
    return " ".join(line.strip() for line in first if line.strip())


def _anchors(message: str) -> List[str]:
    """The message's three longest plain words outside quotes: a cheap text filter before parsing a module.

    Quoted parts are most often the values a format string filled in ('seaborn-colorblind').
    """
    plain = re.sub(r"'[^']*'|\"[^\"]*\"", " ", message)
    return sorted(set(re.findall(r"[A-Za-z_]{5,}", plain)), key=len, reverse=True)[:3]


def _own_nodes(scope: ast.AST):
    """The nodes of ``scope`` outside the functions and classes nested in it."""
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            todo.extend(ast.iter_child_nodes(node))


def message_raised(text: str, message: str) -> Optional[float]:
    """The share of ``message`` spelled by ``text``'s string constants when one of them is raised, else None."""
    found = _raised(text, message)
    return found[0] if found else None


_RAISE_HELPERS = ("raise_", "reraise", "raise_from")  # SQLAlchemy's util.raise_(exc), six.reraise(tp, value), future's raise_from


def _raise_helper_arg(node: Any) -> Optional[ast.expr]:
    """The exception a statement-level call of a raise helper raises (``util.raise_(exc_cls("..."))``), or None."""
    if not isinstance(node, ast.Expr) or not isinstance(node.value, ast.Call):
        return None
    call = node.value
    f = call.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    if name not in _RAISE_HELPERS or not call.args:
        return None
    # six.reraise(tp, value, tb): the value is the exception; the others take it first
    return call.args[1] if name == "reraise" and len(call.args) > 1 else call.args[0]


def _raised(source: Any, message: str) -> Optional[Tuple[float, str, frozenset]]:
    """``(share of the message spelled, class the raise names or "", words the raise itself spells)``, or None.

    ``source``: a module's text or its parsed tree.
    """
    msg = _clean(message)
    if len(msg) < MIN_MESSAGE:
        return None
    tree = _parse(source)
    if tree is None:
        return None
    in_raise: dict = {}

    def assignments(nodes: Iterable[ast.AST]) -> dict:
        out: dict = {}
        for node in nodes:
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Name):
                        out.setdefault(t.id, []).append(node.value)
        return out

    # statsmodels 0.13's "raise NotImplementedError(ARIMA_DEPRECATION_ERROR)" names a module constant
    module_assigned = assignments(tree.body if isinstance(tree, ast.Module) else [])
    for scope in [tree] + [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
        own = list(_own_nodes(scope))
        # "msg = (...); raise RuntimeError(msg)": the message was built first, in the same function
        assigned = assignments(own)
        for node in own:
            raised_exc = node.exc if isinstance(node, ast.Raise) else _raise_helper_arg(node)
            if raised_exc is not None:
                node = ast.Raise(exc=raised_exc, cause=None)
            if isinstance(node, ast.Raise) and node.exc is not None:
                cls = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                name = cls.id if isinstance(cls, ast.Name) else cls.attr if isinstance(cls, ast.Attribute) else ""
                parts = [node.exc]
                if isinstance(node.exc, ast.Call):
                    parts += [v for a in node.exc.args if isinstance(a, ast.Name)
                              for v in assigned.get(a.id) or module_assigned.get(a.id, [])]
                for part in parts:
                    for sub in ast.walk(part):
                        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                            in_raise[id(sub)] = name
    covered = bytearray(len(msg))
    raised = False
    raised_as: List[str] = []
    template: set = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        whole = " ".join(part.strip() for part in node.value.split("\n") if part.strip()) \
            if "\n" in node.value else node.value
        if id(node) in in_raise and _template_fits(whole, msg):
            # The raise's whole template, fields and all: what the fields printed (pyasn1's huge
            # %r of two values) may be most of the message, and is still this raise's.
            raised = True
            raised_as.append(in_raise[id(node)])
            template |= _words(" ".join(_FIELD.split(whole)))
            covered[:] = b"\x01" * len(msg)
            continue
        # A format string spells the message between its fields: "Textual SQL expression %(expr)r
        # should be explicitly declared as text(%(expr)r)" (SQLAlchemy 1.3) is matched piece by piece.
        for piece in [whole] if not _FIELD.search(whole) else _FIELD.split(whole):
            piece = piece.strip() if len(piece.strip()) >= MIN_PIECE else piece
            if len(piece) < MIN_PIECE:
                continue
            if msg in piece:  # the paste kept only the message's first line, or cut it short
                start, piece = 0, msg
            else:
                start = msg.find(piece)
            if start < 0:
                continue
            if id(node) in in_raise:
                raised = True
                raised_as.append(in_raise[id(node)])
                template |= _words(piece)
            for i in range(start, start + len(piece)):
                covered[i] = 1
    if not raised:
        return None
    share = sum(covered) / len(msg)
    if share < MIN_COVER:
        return None
    return share, next((n for n in raised_as if n), ""), frozenset(template)


def _template_fits(template: str, msg: str) -> bool:
    """Whether a format string with fields, read left to right, prints ``msg`` whole.

    Its opening text must start the message and be at least ``MIN_PIECE`` long (a bare
    ``"%s"`` fits anything), its literal text at least ``MIN_MESSAGE`` long with some of it
    after the first field (``'Unknown %s'`` fits any "Unknown ..."), its closing text must
    end the message, and the pieces between must follow in order.  A linear scan, not a regex: the fields' text is arbitrary.
    """
    if not _FIELD.search(template):
        return False
    pieces = _FIELD.split(template)
    head, tail, middle = pieces[0], pieces[-1], pieces[1:-1]
    if len(head.strip()) < MIN_PIECE or not msg.startswith(head.rstrip()):
        return False
    if sum(len(p.strip()) for p in pieces) < MIN_MESSAGE or not (tail.strip() or any(p.strip() for p in middle)):
        return False  # 'Unknown %s' fits any message that starts "Unknown": too little of it is the template's
    pos = len(head.rstrip())
    for piece in middle:
        if not piece:
            continue
        j = msg.find(piece, pos)
        if j < 0:
            return False
        pos = j + len(piece)
    return not tail.strip() or (msg.endswith(tail.strip()) and len(msg) - len(tail.strip()) >= pos)


def _words(text: str) -> set:
    return {w.lower() for w in re.findall(r"[A-Za-z_]{3,}", text)}


def reworded(source: Any, message: str, data: Iterable[str] = ()) -> bool:
    """Whether a ``raise`` in ``text`` says most of the message's words: the same refusal, reworded.

    A release whose module no longer spells the message may still refuse in other
    words ("-3 must be a positive number of seconds" against "negative seconds are not
    a positive number"); its silence is then no fix.  ``data``: words the refusal's
    table or format filled in; a raise lacking one refuses something else (xlrd 1.2's
    "Excel 2007 xlsb file; not supported" is not its 2.0 refusal of xlsx).
    """
    need = set(data)
    want = _words(_clean(message))
    if len(want) < 3:
        return False
    tree = _parse(source)
    if tree is None:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            said = set()
            for sub in ast.walk(node.exc):
                if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                    said |= _words(sub.value)
            if len(want & said) >= 0.5 * len(want) and need <= said:
                return True
    return False


def _module_words(tree: ast.AST) -> set:
    """Every word the module's string constants spell."""
    out: set = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out |= _words(node.value)
    return out


def raising_module(probe: Any, dist: str, version: str, message: str,
                   files: Optional[Sequence[str]] = None) -> Optional[Refusal]:
    """The module of ``dist==version`` that raises ``message`` (looking only at ``files`` when given)."""
    found, _complete = _search(probe, dist, version, message, files)
    return found


def _search(probe: Any, dist: str, version: str, message: str,
            files: Optional[Sequence[str]] = None, data: Optional[Iterable[str]] = None) -> Tuple[Optional[Refusal], bool]:
    """``(refusal or None, whether every module was read)``: a release over the read cap is not known silent.

    ``data``: the refusal's data words; a module raising it reworded (:func:`reworded`) makes
    the release not known silent either.
    """
    from .probe import ReleaseTree
    from .users import _shipped_modules

    anchors = _anchors(_clean(message))
    if not anchors:
        return None, False
    try:
        tree = ReleaseTree(probe, dist, version)
        paths = [p for p in (files if files is not None else _shipped_modules(tree)) if p.endswith(".py")]
    except Exception:  # the index failed: no answer, never a guess
        return None, False
    # Modules named like the message's words first ("... package style ..." is in style/core.py),
    # read on their own: a large release may stop at the read cap before its other modules.
    said = _words(message)
    named = [p for p in paths if any(part in said for part in p[:-3].lower().split("/")[1:])]
    # Then package __init__ modules (small, and where import-time version checks live: jax's
    # jaxlib check is in jax/_src/lib/__init__.py), then the rest shallow-first.
    rest = sorted((p for p in paths if p not in named), key=lambda p: (not p.endswith("/__init__.py"), p.count("/"), p))
    batches = [sorted(named)] if named else []
    batches += [rest[i:i + 60] for i in range(0, min(len(rest), MAX_FILES), 60)]
    best: Optional[Refusal] = None
    unreadable = False
    for batch in batches:
        try:
            tree.prefetch(batch)
            texts = [(path, tree.read(path)) for path in batch]
        except Exception:  # over the read cap: what was read stands, the rest is unknown
            return best, False
        for path, text in texts:
            if not text or not any(a in text for a in anchors):
                continue
            parsed = _parse(text)
            if parsed is None:
                unreadable = True  # its words are there but its raises cannot be read: not known silent
                continue
            found = _raised(parsed, message)
            if found is None and data is not None and reworded(parsed, message, data):
                unreadable = True  # the same refusal in other words: not silent
                continue
            if found is not None and (best is None or found[0] > best.cover):
                # Words the raise does not spell come from a table in the module (xlrd's "Excel xlsx
                # file") or from the caller's own objects (Lightning's `RAVE`, a user's class name):
                # only the module's own words are required of a reworded refusal.
                data = (_words(_clean(message)) - found[2]) & _module_words(parsed)
                best = Refusal(dist, version, path, found[0], found[1], frozenset(data))
    return best, len(rest) <= MAX_FILES and not unreadable


def _module_state(probe: Any, dist: str, version: str, path: str, message: str,
                  data: Iterable[str] = ()) -> Optional[bool]:
    """True: the module raises the message; False: the module is there and does not; None: no module."""
    from .probe import ReleaseTree

    try:
        tree = ReleaseTree(probe, dist, version)
        if path not in tree.paths():
            return None
        text = tree.read(path)
    except Exception:
        return None
    parsed = _parse(text) if text is not None else None
    if parsed is None:
        return None  # a release this Python cannot parse (Python 2 syntax) is unknown, never silent
    return _raised(parsed, message) is not None or reworded(parsed, message, data)


def final_releases(versions: Iterable[str]) -> List[Tuple[Version, str]]:
    """``(parsed, as spelled)`` of the final releases (no pre- or dev-releases), oldest first."""
    out = []
    for v in versions:
        try:
            pv = Version(v)
        except InvalidVersion:
            continue
        if not pv.is_prerelease and not pv.is_devrelease:
            out.append((pv, v))
    return sorted(out)


def _parse(source: Any) -> Optional[ast.AST]:
    """A module's tree, parsed once (a tree passes through); None when this Python cannot parse it."""
    if isinstance(source, ast.AST):
        return source
    try:
        from .pysource import parse_quietly

        return parse_quietly(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def releases_without(probe: Any, refusal: Refusal, message: str,
                     versions: Iterable[str]) -> Tuple[Optional[str], Optional[str]]:
    """``(newest earlier release, oldest later release)`` whose same module does not raise the message.

    The walk goes outward from the pinned release, one module per release.  A
    release without the module ends that direction: the code moved, and its
    silence says nothing.  The found release is also searched whole, so a
    refusal that only moved to another module is not taken for its end.
    """
    try:
        pinned = Version(refusal.version)
    except InvalidVersion:
        return None, None
    finals = final_releases(versions)
    before = [v for pv, v in reversed(finals) if pv < pinned]
    after = [v for pv, v in finals if pv > pinned]

    def _lacks(version: str) -> bool:
        from .probe import ReleaseTree

        try:
            return refusal.path not in ReleaseTree(probe, refusal.dist, version).paths()
        except Exception:
            return False

    def walk(candidates: List[str]) -> Optional[str]:
        candidates = candidates[:MAX_RELEASES]
        states: dict = {}

        def read(i: int) -> Optional[bool]:
            if i not in states:
                states[i] = _module_state(probe, refusal.dist, candidates[i], refusal.path, message, refusal.data_words)
            return states[i]

        hi = _first_silent(len(candidates), read)
        if hi is None:
            # The nearest release without the module, right next to one that raises it: the code
            # moved (elasticsearch 8.0 laid its client out anew as _sync/client).  Read whole,
            # and silent throughout, it is the end; a release too big to read proves nothing.
            gone = min((i for i, st in states.items() if st is None), default=None)
            if gone is None or states.get(gone - 1, gone == 0) is not True or not _lacks(candidates[gone]):
                return None  # (a module there but unparsable is unknown, not gone)
            elsewhere, complete = _search(probe, refusal.dist, candidates[gone], message, data=refusal.data_words)
            return candidates[gone] if elsewhere is None and complete else None
        elsewhere, complete = _search(probe, refusal.dist, candidates[hi], message)
        if elsewhere is None and not complete and _is_module_of(refusal.path, message):
            # A tombstone: the refusing module is the one the message names ("Bio.Alphabet has been
            # removed"), and here it is still there without the refusal.  The rest of a release too
            # big to read whole cannot hold that module's refusal anyway.
            return candidates[hi]
        if elsewhere is None and not complete and _package_silent(probe, refusal, candidates[hi], message):
            # A release too big to read whole (matplotlib 3.5.3): its refusing module's own package,
            # read whole, does not raise it either, where a moved refusal would most likely be.
            return candidates[hi]
        return candidates[hi] if elsewhere is None and complete else None

    return walk(before), walk(after)


MAX_PACKAGE_MODULES = 120  # modules of the refusing module's package read when the whole release is too big


def _package_silent(probe: Any, refusal: Refusal, version: str, message: str) -> bool:
    """Whether every module in the refusing module's own folder of ``version`` is read and none raises it."""
    from .probe import ReleaseTree

    folder = refusal.path.rsplit("/", 1)[0] + "/" if "/" in refusal.path else ""
    parent = folder.rstrip("/").rsplit("/", 1)[0] + "/" if folder.count("/") > 1 else ""
    try:
        tree = ReleaseTree(probe, refusal.dist, version)
        # the module's own folder and the one above it, where a moved refusal would most likely be
        paths = [p for p in tree.paths() if p.endswith(".py") and any(
            p.startswith(f) and p[len(f):].count("/") <= (1 if f == parent and parent != folder else 0)
            for f in {folder, parent})]
    except Exception:
        return False
    if not paths or len(paths) > MAX_PACKAGE_MODULES:
        return False
    found, complete = _search(probe, refusal.dist, version, message, files=paths)
    return found is None and complete


def _first_silent(n: int, read: Any) -> Optional[int]:
    """Index of the nearest of ``n`` releases (nearest first) where ``read(i)`` is False, past a run of True.

    Gallop outward, then bisect: about 2*log2(n) reads.  The statement is taken to hold
    over one unbroken run of releases.  None when every release holds it, or where it
    stops the file is gone (the code moved, and its silence says nothing).
    """
    states: dict = {}

    def state(i: int) -> Optional[bool]:
        if i not in states:
            states[i] = read(i)
        return states[i]

    lo, hi, step, i = -1, n, 1, 0
    while i < n:
        if state(i) is True:
            lo, i, step = i, i + step, step * 2
        else:
            hi = i
            break
    else:
        if lo == n - 1:
            return None
        if state(n - 1) is True:
            return None
        hi = n - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if state(mid) is True:
            lo = mid
        else:
            hi = mid
    return hi if state(hi) is False else None


def releases_without_assert(probe: Any, dist: str, version: str, path: str, statement: str, function: str,
                            versions: Iterable[str]) -> Tuple[Optional[str], Optional[str]]:
    """``(newest earlier release that did not assert it, oldest later release that rewrote the check)``.

    A pin's own bare ``assert`` failed (pytest-asyncio 0.18.1's
    ``assert _has_explicit_asyncio_mark(fixturedef.func)`` under pytest-trio): there is no
    message to search, but the asserted expression is as exact as one.  Earlier: the nearest
    release whose ``path`` has no such assert.  Later: the nearest release whose function
    holding it (``function``, the frame's) reads otherwise, the assert or the code leading to
    it (0.18.3 skipped unmarked fixtures in strict mode before asserting).  Code is compared
    as syntax trees, so reformatting does not count as a change.
    """
    key = _assert_key(statement)
    if key is None:
        return None, None
    try:
        pinned = Version(version)
    except InvalidVersion:
        return None, None

    def tree_of(v: str) -> Optional[ast.AST]:
        from .probe import ReleaseTree

        try:
            tree = ReleaseTree(probe, dist, v)
            if path not in tree.paths():
                return None
            return _parse(tree.read(path) or "")
        except Exception:
            return None

    holder = _holder(tree_of(version), function, key)
    if holder is None:
        return None, None
    finals = final_releases(versions)
    before = [v for pv, v in reversed(finals) if pv < pinned][:MAX_RELEASES]
    after = [v for pv, v in finals if pv > pinned][:MAX_RELEASES]

    def asserts(i: int) -> Optional[bool]:
        parsed = tree_of(before[i])
        return None if parsed is None else any(isinstance(n, ast.Assert) and ast.dump(n.test) == key for n in ast.walk(parsed))

    def same_check(i: int) -> Optional[bool]:
        parsed = tree_of(after[i])
        if parsed is None:
            return None
        return _holder(parsed, function, key) == holder

    back = _first_silent(len(before), asserts)
    forward = _first_silent(len(after), same_check) if holder else None  # a module-level assert has no function
    return (before[back] if back is not None else None), (after[forward] if forward is not None else None)


def _holder(tree: Optional[ast.AST], function: str, key: str) -> Optional[str]:
    """The function named ``function`` that asserts ``key``, as the code that leads to the assert.

    Only its statements up to and including the one holding the assert count, its docstring
    left out: a later docstring edit, an annotation or code after the check is no rewrite of
    the check.  "" when no such function holds it.
    """
    if tree is None:
        return None
    for node in ast.walk(tree):
        if not (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == function):
            continue
        body = list(node.body)
        if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:]
        for i, st in enumerate(body):
            if any(isinstance(n, ast.Assert) and ast.dump(n.test) == key for n in ast.walk(st)):
                return "\n".join(ast.dump(x) for x in body[:i + 1])
    return ""


def _assert_key(statement: str) -> Optional[str]:
    """The asserted expression of one ``assert`` line, as a comparable dump; None if it is not one."""
    try:
        from .pysource import parse_exact

        tree = parse_exact(statement.strip())
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Assert):
        return None
    return ast.dump(tree.body[0].test)


def tombstone_module(path: str, message: str) -> Optional[str]:
    """The dotted module a refusal lives in when the message names that very module, else None.

    Biopython 1.78 replaced ``Bio/Alphabet/__init__.py`` with a ``raise ImportError("Bio.Alphabet
    has been removed from Biopython...")``: importing the module is what fails.
    """
    if not path.endswith(".py"):
        return None
    dotted = path[:-3].replace("/", ".")
    if dotted.endswith(".__init__"):
        dotted = dotted[: -len(".__init__")]
    if "." in dotted and re.search(r"(?<![\w.])%s(?![\w])" % re.escape(dotted), message):
        return dotted
    return None


def _is_module_of(path: str, message: str) -> bool:
    return tombstone_module(path, message) is not None


MAX_PASTE_LINES = 3
MAX_PASTE_LINE = 600  # characters: optuna 3.6's migration notice is 330 long


def infer_raiser(probe: Any, pins: Iterable[Any], text: str, keep: Iterable[str] = ()) -> Optional[Tuple[str, str, str]]:
    """``(exception type, message, why)`` for a paste that is one bare message a pin raises itself.

    "Only timezones from the pytz library are supported", pasted alone, names no
    class and no module; APScheduler's ``util.py`` raises it as a ``TypeError``.
    Only a paste of a few lines is tried; pins not kept are read first.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines or len(lines) > MAX_PASTE_LINES or any(len(ln) > MAX_PASTE_LINE for ln in lines):
        return None
    message = lines[0]
    from packaging.utils import canonicalize_name

    # Kept pins are read last, not skipped: the class of the message is theirs to say even
    # when the fix must move another pin (jax==0.4.20 kept, refusing a newer jaxlib).
    kept = {canonicalize_name(getattr(k, "name", k)) for k in keep}  # Pin objects or names
    ordered = sorted((p for p in pins if getattr(p, "active", True) and p.version), key=lambda p: p.key in kept)
    for pin in ordered[:4]:
        found = raising_module(probe, pin.name, pin.version, message)
        if found is not None and found.exc_type:
            return found.exc_type, message, f"{pin.name}=={pin.version} raises these words as {found.exc_type} ({found.path})"
    return None
