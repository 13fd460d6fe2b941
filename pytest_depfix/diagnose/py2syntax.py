"""Python 2 source rewritten so Python 3's parser reads it, every line kept in place.

A case targeting Python 2.7 reads Python 2 releases: pymongo 2.9.5's ``mongo_client.py``
has ``except ConfigurationError, exc:`` and ``raise ConfigurationError, "..."``, so
``ast.parse`` refused it and the whole release read as "cannot say" (not known
silent about a refusal, no names).  The reader only needs the shape of the code, the
names it binds, the classes it raises and their message strings, so the common Python 2
statements are rewritten into Python 3 ones that keep those: ``except A, e:`` becomes
``except A as e:``, ``raise E, msg`` becomes ``raise E(msg)``, ``print x``/``exec x``
become tuple expressions, octal and long literals and ``<>`` their Python 3 spellings,
backticks ``repr(...)`` and leading tabs eight columns.

Rewrites are found in a *masked* copy of the text, where the insides of string literals
and comments are blanked out with the same length, so a docstring that says
``print foo`` or a message with ``0777`` in it is never touched.  Line breaks are never
added or removed: a traceback's line numbers still point at the same statements.  This is
only the fallback of :func:`pysource.parse_quietly` for text Python 3 refuses; text it
parses is never rewritten, and questions about syntax itself (``parse_exact``) never see
it.
"""

from __future__ import annotations

import ast
import bisect
import contextlib
import contextvars
import re
from typing import Iterator, List, Optional, Tuple

__all__ = ["without_python2", "parse_python2", "reading_python2", "python2_read"]

# Whether the code being read ran on Python 2: only then is Python 2 text code that ran.  On a
# Python 3 target a module Python 3 refuses never imported there, and readers rely on "cannot
# parse" meaning exactly that, so the rewrite is off unless a Python 2 target turns it on.
_PYTHON2 = contextvars.ContextVar("depfix_read_python2", default=False)


@contextlib.contextmanager
def reading_python2(on: bool) -> Iterator[None]:
    """Within the block, :func:`pysource.parse_quietly` reads Python 2 text (the target is Python 2)."""
    token = _PYTHON2.set(bool(on))
    try:
        yield
    finally:
        _PYTHON2.reset(token)


def python2_read() -> bool:
    """Whether Python 2 text is read here (see :func:`reading_python2`)."""
    return _PYTHON2.get()


MAX_TEXT = 2_000_000  # characters: a bigger file is not rewritten (the scan is linear, but the caller only reads)
MAX_STATEMENT = 4000  # characters a rewritten statement may run over (a raise over lines, a def head)

_EXCEPT = re.compile(r"(?m)^([ \t]*except[ \t]*)(\([^()\n]*\)|[A-Za-z_][\w.]*)([ \t]*),([ \t]*)([A-Za-z_]\w*|\([A-Za-z_][\w \t,]*\))([ \t]*:)")
_STATEMENT_WORD = re.compile(r"(?m)(^[ \t]*|[:;][ \t]*)(print|exec)([ \t]+)(?!(?:in|is|and|or|if|else|for)\b)(?=[\w\"'{`~\\]|\Z)")
_RAISE = re.compile(r"(?m)^([ \t]*raise[ \t]+)([A-Za-z_][\w.]*(?:\([^()\n]*\)|\[[^\[\]\n]*\])*)([ \t]*),[ \t]*")
_OCTAL = re.compile(r"(?<![\w.])(?<![eE][+-])0([0-7]+)[lL]?(?![\w.])")
_LONG = re.compile(r"(?<![\w.])(0[xX][0-9a-fA-F]+|[1-9]\d*|0)[lL](?![\w.])")
# Tuple parameters, ``def f(self, (a, b)):`` and ``lambda (k, v): ...``: one plain name each.
_DEF_HEAD = re.compile(r"(?m)^[ \t]*def[ \t]+\w+[ \t]*\((?=[ \t]*\([ \t]*[A-Za-z_]|[^\n]*,[ \t]*\([ \t]*[A-Za-z_])")
_LAMBDA_TUPLE = re.compile(r"\blambda[ \t]*\(([A-Za-z_][\w \t,]*)\)(?=[ \t]*:)")
_TUPLE_PARAM = re.compile(r"(?<=[(,])([ \t]*)\(([A-Za-z_][\w \t,]*)\)(?=[ \t]*[,)=])")
_BACKTICK = re.compile(r"`([^`\n]*)`")
# Python 2 (and 3.6) code using async/await as plain names (pymongo 2.9's ``fsync(async=True)``).
_ASYNC_NAME = re.compile(r"(?<![\w.])async(?![ \t]+(?:def|for|with)\b)(?=[ \t]*[=,):.\]]|\Z)|(?<![\w.])await(?=[ \t]*[=,):\]])|(?<=\.)(?:async|await)\b")


def without_python2(text: str) -> str:
    """``text`` with Python 2-only statements rewritten (see the module docstring); ``text`` when none apply."""
    return _rewrite(text)[0]


def _rewrite(text: str) -> Tuple[str, bool]:
    """``(rewritten text, whether async/await names were renamed)``."""
    if len(text) > MAX_TEXT:
        return text, False
    masked = _mask(text)
    if masked is None:
        return text, False  # an unclosed string: not a Python 2 file this can make sense of
    edits: List[Tuple[int, int, str]] = _leading_tabs(masked)  # (start, end, replacement) in the original text
    for m in _EXCEPT.finditer(masked):
        edits.append((m.start(3), m.end(4), " as "))
        if m.group(5).startswith("("):
            edits.append((m.start(5), m.end(5), _joined(m.group(5)[1:-1])))  # "except E, (errno, msg):"
    for m in _STATEMENT_WORD.finditer(masked):
        if m.group(2) == "print" and masked[m.end():m.end() + 2] == ">>":
            continue  # "print >>f, x" already parses as a tuple expression
        edits.append((m.end(2), m.end(2), ","))
    ends = _statement_ends(masked) if "raise" in masked else []
    for m in _RAISE.finditer(masked):
        end = _statement_end(masked, ends, m.end())
        if end is None:
            continue
        edits.append((m.start(3), m.end(), "("))
        edits.append((end, end, ")"))
    for m in _OCTAL.finditer(masked):
        if m.group(1).strip("0"):
            edits.append((m.start(), m.end(), "0o" + m.group(1)))
    for m in _LONG.finditer(masked):
        edits.append((m.start(), m.end(), m.group(1)))
    for m in _BACKTICK.finditer(masked):
        edits.append((m.start(), m.start() + 1, "repr("))
        edits.append((m.end() - 1, m.end(), ")"))
    for m in _DEF_HEAD.finditer(masked):
        close = _closing(masked, m.end() - 1)
        if close is not None:
            head = masked[m.end() - 1:close + 1]
            for t in _TUPLE_PARAM.finditer(head):
                edits.append((m.end() - 1 + t.start(2) - 1, m.end() - 1 + t.end(), _joined(t.group(2))))
    for m in _LAMBDA_TUPLE.finditer(masked):
        spaced = masked[m.start(1) - 2:m.start(1) - 1] in (" ", "\t")
        edits.append((m.start(1) - 1, m.end(), ("" if spaced else " ") + _joined(m.group(1))))
    renamed = False
    for m in _ASYNC_NAME.finditer(masked):
        edits.append((m.end(), m.end(), "_"))
        renamed = True
    pos = masked.find("<>")
    while pos >= 0:
        edits.append((pos, pos + 2, "!="))
        pos = masked.find("<>", pos + 2)
    for start, end, new in _string_prefixes(text, masked):
        edits.append((start, end, new))
    if not edits:
        return text, False
    return _apply(text, edits), renamed


def parse_python2(text: str, filename: str = "<release file>") -> ast.Module:
    """The tree of Python 2 ``text`` read through the rewrite, names renamed for the parser given back.

    ``def fsync(self, async=False)`` must still read as taking ``async``: readers ask for
    keyword names as the caller spelled them.  Raises SyntaxError when the text is still refused.
    """
    plain, renamed = _rewrite(text)
    if plain == text:
        raise SyntaxError("not rewritten")
    tree = ast.parse(plain, filename=filename)
    if renamed:
        _restore_names(tree)
    return tree


_RENAMED = {"async_": "async", "await_": "await"}


def _restore_names(tree: ast.AST) -> None:
    """``async_``/``await_`` back to the names the code spelled, wherever the tree holds a name."""
    for node in ast.walk(tree):
        for attr in ("id", "arg", "attr", "name"):
            value = getattr(node, attr, None)
            if isinstance(value, str) and value in _RENAMED:
                setattr(node, attr, _RENAMED[value])


def _apply(text: str, edits: List[Tuple[int, int, str]]) -> str:
    """``text`` with non-overlapping ``edits`` applied (an edit overlapping an earlier one is dropped)."""
    out: List[str] = []
    pos = 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _leading_tabs(masked: str) -> List[Tuple[int, int, str]]:
    """Edits giving code lines' leading tabs eight columns, as Python 2 read them (Python 3 refuses mixes).

    Read off the masked text, so a tab at the start of a line inside a string stays a tab.
    """
    edits: List[Tuple[int, int, str]] = []
    if "\t" not in masked:
        return edits
    start = 0
    for line in masked.split("\n"):
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            edits.append((start, start + len(indent), indent.expandtabs(8)))
        start += len(line) + 1
    return edits


def _mask(text: str) -> Optional[str]:
    """``text`` with string-literal insides and comments blanked (same length, line breaks kept)."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            j = text.find("\n", i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = " "
            i = j
            continue
        if ch in "'\"":
            quote = text[i:i + 3] if text[i:i + 3] in ("'''", '"""') else ch
            j = i + len(quote)
            while True:
                if j >= n:
                    return None
                c = text[j]
                if c == "\\":
                    j += 2  # an escaped character (a raw string's backslash still protects a quote)
                    continue
                if text.startswith(quote, j):
                    break
                if c == "\n" and len(quote) == 1:
                    return None  # a one-line string with no end: not text this can make sense of
                j += 1
            for k in range(i + len(quote), j):
                if out[k] != "\n":
                    out[k] = "_"
            i = j + len(quote)
            continue
        i += 1
    return "".join(out)


def _string_prefixes(text: str, masked: str) -> List[Tuple[int, int, str]]:
    """Edits turning Python 2's ``ur"..."`` prefix (refused by Python 3) into ``r"..."``."""
    edits = []
    for m in re.finditer(r"(?<![\w])[uU][rR](?=['\"])", masked):
        edits.append((m.start(), m.end(), "r"))
    return edits


def _joined(names: str) -> str:
    """One parameter name standing for a tuple of them: ``a, b`` -> ``a_b``."""
    return "_".join(n.strip() for n in names.split(",") if n.strip()) or "_"


def _closing(masked: str, open_at: int) -> Optional[int]:
    """Index of the bracket closing the one at ``open_at`` on the same line; None when there is none."""
    depth = 0
    line_end = masked.find("\n", open_at)
    for i in range(open_at, line_end if line_end >= 0 else len(masked)):
        c = masked[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return i
    return None


def _statement_ends(masked: str) -> List[int]:
    """Where each statement of ``masked`` ends: a line break (or ``;``) at bracket depth 0, in order.

    One pass over the text: ``masked`` has no string contents or comments, so every bracket
    counted is code; a trailing backslash continues the line.  A bracket that never closes runs
    the statement to the end of the text, which then has no end listed.
    """
    ends: List[int] = []
    depth = 0
    i, n = 0, len(masked)
    while i < n:
        c = masked[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth = max(depth - 1, 0)
        elif c == "\\" and masked[i + 1:i + 2] == "\n":
            i += 2
            continue
        elif (c == "\n" or c == ";") and depth == 0:
            ends.append(i)
        i += 1
    return ends


def _statement_end(masked: str, ends: List[int], start: int) -> Optional[int]:
    """The end of the statement running through ``start`` (before trailing spaces); None when unclosed."""
    k = bisect.bisect_left(ends, start)
    if k >= len(ends) or ends[k] - start > MAX_STATEMENT:
        return None  # unclosed, or longer than any statement worth rewriting
    i = ends[k]
    while i > start and masked[i - 1] in " \t\r":
        i -= 1
    return i
