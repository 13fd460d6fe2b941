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

import re
from typing import List, Optional, Tuple

__all__ = ["without_python2"]

MAX_TEXT = 2_000_000  # characters: a bigger file is not rewritten (the scan is linear, but the caller only reads)

_EXCEPT = re.compile(r"(?m)^([ \t]*except[ \t]*)(\([^()\n]*\)|[A-Za-z_][\w.]*)([ \t]*),([ \t]*)([A-Za-z_]\w*|\([A-Za-z_][\w \t,]*\))([ \t]*:)")
_STATEMENT_WORD = re.compile(r"(?m)(^[ \t]*|[:;][ \t]*)(print|exec)([ \t]+)(?!(?:in|is|and|or|if|else|for)\b)(?=[\w\"'{`~\\]|\Z)")
_RAISE = re.compile(r"(?m)^([ \t]*raise[ \t]+)([A-Za-z_][\w.]*(?:\([^()\n]*\)|\[[^\[\]\n]*\])*)([ \t]*),[ \t]*")
_OCTAL = re.compile(r"(?<![\w.])(?<![eE][+-])0([0-7]+)[lL]?(?![\w.])")
_LONG = re.compile(r"(?<![\w.])(0[xX][0-9a-fA-F]+|[1-9]\d*|0)[lL](?![\w.])")
# Tuple parameters, ``def f(self, (a, b)):`` and ``lambda (k, v): ...``: one plain name each.
_DEF_HEAD = re.compile(r"(?m)^[ \t]*def[ \t]+\w+[ \t]*\(")
_LAMBDA_TUPLE = re.compile(r"\blambda[ \t]*\(([A-Za-z_][\w \t,]*)\)(?=[ \t]*:)")
_TUPLE_PARAM = re.compile(r"(?<=[(,])([ \t]*)\(([A-Za-z_][\w \t,]*)\)(?=[ \t]*[,)=])")
_BACKTICK = re.compile(r"`([^`\n]*)`")
# Python 2 (and 3.6) code using async/await as plain names (pymongo 2.9's ``fsync(async=True)``).
_ASYNC_NAME = re.compile(r"(?<![\w.])async(?![ \t]+(?:def|for|with)\b)(?=[ \t]*[=,):.\]]|\Z)|(?<![\w.])await(?=[ \t]*[=,):\]])|(?<=\.)(?:async|await)\b")


def without_python2(text: str) -> str:
    """``text`` with Python 2-only statements rewritten (see the module docstring); ``text`` when none apply."""
    if len(text) > MAX_TEXT:
        return text
    text = _expand_leading_tabs(text)
    masked = _mask(text)
    if masked is None:
        return text  # an unclosed string: not a Python 2 file this can make sense of
    edits: List[Tuple[int, int, str]] = []  # (start, end, replacement) in the original text
    for m in _EXCEPT.finditer(masked):
        edits.append((m.start(3), m.end(4), " as "))
        if m.group(5).startswith("("):
            edits.append((m.start(5), m.end(5), _joined(m.group(5)[1:-1])))  # "except E, (errno, msg):"
    for m in _STATEMENT_WORD.finditer(masked):
        if m.group(2) == "print" and masked[m.end():m.end() + 2] == ">>":
            continue  # "print >>f, x" already parses as a tuple expression
        edits.append((m.end(2), m.end(2), ","))
    for m in _RAISE.finditer(masked):
        end = _statement_end(masked, m.end())
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
    for m in _ASYNC_NAME.finditer(masked):
        edits.append((m.end(), m.end(), "_"))
    pos = masked.find("<>")
    while pos >= 0:
        edits.append((pos, pos + 2, "!="))
        pos = masked.find("<>", pos + 2)
    for start, end, new in _string_prefixes(text, masked):
        edits.append((start, end, new))
    if not edits:
        return text
    return _apply(text, edits)


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


def _expand_leading_tabs(text: str) -> str:
    """Leading tabs as Python 2 read them, eight columns each (Python 3 refuses mixed indentation)."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith((" \t", "\t")) or ("\t" in line[:len(line) - len(line.lstrip())]):
            indent = line[:len(line) - len(line.lstrip(" \t"))]
            lines[i] = indent.expandtabs(8) + line[len(indent):]
    return "\n".join(lines)


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
    """Index of the bracket closing the one at ``open_at``, within a few lines; None when there is none."""
    depth = 0
    for i in range(open_at, min(len(masked), open_at + 5000)):
        c = masked[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return i
    return None


def _statement_end(masked: str, start: int) -> Optional[int]:
    """Where the statement running through ``start`` ends: before the line break (or ``;``) at bracket depth 0.

    ``masked`` has no string contents or comments, so every bracket counted is code.  A
    trailing backslash continues the line.  The end is placed before trailing spaces.
    """
    depth = 0
    i, n = start, len(masked)
    while i < n:
        c = masked[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth < 0:
                return None
        elif c == "\\" and masked[i + 1:i + 2] == "\n":
            i += 2
            continue
        elif (c == "\n" or c == ";") and depth == 0:
            break
        i += 1
    if depth != 0:
        return None
    while i > start and masked[i - 1] in " \t\r":
        i -= 1
    return i
