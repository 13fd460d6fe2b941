"""Which lines of a generated C file the target Python compiles: ``#if PY_VERSION_HEX`` read in three states.

An sdist's Cython output names every C-API function any Python might need,
each behind a version test: ncls 0.0.64's ``ncls.c`` still spells
``_PyGen_Send``, but only under ``#if PY_VERSION_HEX <= 0x030A00A1``, so a
3.10 build never calls it, while 0.0.63's (Cython 0.29.21) calls it for
every Python 3.  Only the version tests are evaluated; any other macro is
"unknown", and a line counts as compiled unless some enclosing test is
surely false.  Nothing is compiled or run.
"""

from __future__ import annotations

import re
from typing import Iterator, List, Optional, Tuple

CGUARD_VERSION = "1"  # part of cache keys of answers read with this evaluator: bump when it changes
_DIRECTIVE = re.compile(r"\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)")
_TOKEN = re.compile(r"\s*(0[xX][0-9A-Fa-f]+|\d+|[A-Za-z_]\w*|&&|\|\||==|!=|<=|>=|[<>!()])")


def python_hex(version: Tuple[int, ...]) -> int:
    """``PY_VERSION_HEX`` of a final release (3.10 -> 0x030A00F0)."""
    major, minor = version[0], version[1] if len(version) > 1 else 0
    micro = version[2] if len(version) > 2 else 0
    return (major << 24) | (minor << 16) | (micro << 8) | 0xF0


def live_mentions(text: str, word: str, hexversion: int) -> Iterator[int]:
    """Line numbers (1-based) where ``word`` appears as a whole word in code the target may compile."""
    pattern = re.compile(r"(?<![A-Za-z0-9_])" + re.escape(word) + r"(?![A-Za-z0-9_])")
    # One entry per open #if: (this branch's state, whether an earlier branch was surely taken,
    # whether every earlier branch was surely not taken).
    stack: List[List[Optional[bool]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        lineno = i + 1
        i += 1
        m = _DIRECTIVE.match(line)
        if m:
            expr = m.group(2)
            while expr.rstrip().endswith("\\") and i < len(lines):
                expr = expr.rstrip()[:-1] + " " + lines[i]
                i += 1
            expr = re.sub(r"/\*.*?\*/|//.*$", "", expr)
            kind = m.group(1)
            if kind == "if":
                v = evaluate(expr, hexversion)
                stack.append([v, v is True, v is False])
            elif kind in ("ifdef", "ifndef"):
                stack.append([None, False, False])
            elif kind == "elif" and stack:
                top = stack[-1]
                v = evaluate(expr, hexversion)
                if top[1]:
                    top[0] = False
                else:
                    top[0] = v if top[2] else (False if v is False else None)
                top[1] = top[1] or (top[0] is True)
                top[2] = top[2] and top[0] is False
            elif kind == "else" and stack:
                top = stack[-1]
                top[0] = False if top[1] else (True if top[2] else None)
            elif kind == "endif" and stack:
                stack.pop()
            continue
        if word in line and pattern.search(line) and not any(frame[0] is False for frame in stack):
            yield lineno


def evaluate(expr: str, hexversion: int) -> Optional[bool]:
    """A preprocessor condition in three states: True, False, or None when it depends on another macro."""
    tokens = []
    pos = 0
    expr = expr.strip()
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if not m:
            return None  # arithmetic or anything else: not a version test we read
        tokens.append(m.group(1))
        pos = m.end()
        while pos < len(expr) and expr[pos].isspace():
            pos += 1
    parser = _Parser(tokens, hexversion)
    try:
        value = parser.disjunction()
    except (IndexError, ValueError):
        return None
    if parser.pos != len(tokens):
        return None
    return value if isinstance(value, bool) or value is None else bool(value)


class _Parser:
    def __init__(self, tokens: List[str], hexversion: int) -> None:
        self.tokens, self.pos, self.hex = tokens, 0, hexversion

    def peek(self) -> Optional[str]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def disjunction(self) -> object:
        values = [self.conjunction()]
        while self.peek() == "||":
            self.take()
            values.append(self.conjunction())
        if len(values) == 1:
            return values[0]
        truth = [_truth(v) for v in values]
        if any(t is True for t in truth):
            return True
        return False if all(t is False for t in truth) else None

    def conjunction(self) -> object:
        values = [self.comparison()]
        while self.peek() == "&&":
            self.take()
            values.append(self.comparison())
        if len(values) == 1:
            return values[0]
        truth = [_truth(v) for v in values]
        if any(t is False for t in truth):
            return False
        return True if all(t is True for t in truth) else None

    def comparison(self) -> object:
        left = self.unary()
        op = self.peek()
        if op in ("<", "<=", ">", ">=", "==", "!="):
            self.take()
            right = self.unary()
            if not isinstance(left, int) or not isinstance(right, int) or isinstance(left, bool) or isinstance(right, bool):
                return None
            return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right,
                    "==": left == right, "!=": left != right}[op]
        return left

    def unary(self) -> object:
        tok = self.take()
        if tok == "!":
            t = _truth(self.unary())
            return None if t is None else not t
        if tok == "(":
            value = self.disjunction()
            if self.take() != ")":
                raise ValueError("unbalanced")
            return value
        if tok == "defined":
            if self.peek() == "(":
                self.take()
                self.take()
                if self.take() != ")":
                    raise ValueError("unbalanced")
            else:
                self.take()
            return None
        if tok == "PY_VERSION_HEX":
            return self.hex
        if tok[0].isdigit():
            return int(tok, 16) if tok.lower().startswith("0x") else int(tok)
        return None  # another macro


def _truth(value: object) -> Optional[bool]:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    return bool(value)
