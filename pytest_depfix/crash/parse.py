"""Text -> crash records: every traceback chain found in a paste or a log.

Users paste what they have: a CPython traceback (2.7 to 3.13, with caret
lines, chained-exception separators, exception groups), a torch replica or
multiprocessing re-raise, a pytest report in any ``--tb`` style, an IPython or
Jupyter traceback with colour codes, or any of these with a log prefix on
every line -- or just the exception line, ``Type: message``, which is all
Python prints without a traceback and all many users paste (a frameless crash;
see :func:`bare_exception_line` for what counts).  This module reads all of them with one line-by-line state
machine, because a line's meaning depends on what came before it (a source
line, a caret line and an exception line can look alike).

Why a state machine and not a big regex: the parser must never raise and must
stay linear on hostile input (a 10 MB paste, a 1000-frame RecursionError).
Each line is inspected a bounded number of times with anchored patterns whose
cost is linear in the line (and lines are cut to ``_HEAD`` characters for
classification), so the whole parse is linear in the text.
"""

from __future__ import annotations

import builtins
import keyword
import re
import textwrap
from typing import List, Optional, Tuple

from ..models import LOST_EXCEPTION, Crash, ExceptionRecord, Frame

__all__ = ["parse_traceback"]

HEADER = "Traceback (most recent call last)"
_EXC_NAME = re.compile(r"(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Warning|Exit|Interrupt)")
CAUSE_SEP = "The above exception was the direct cause of the following exception"
CONTEXT_SEP = "During handling of the above exception, another exception occurred"

_HEAD = 4000  # characters of a line used to classify it (messages keep the full line)
_MAX_NOISE = 8  # unrecognised lines tolerated inside a traceback before giving up
_MAX_MESSAGE_LINES = 60

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[()][A-Za-z0-9]")
_EXC_LINE = re.compile(r"(<(?:type|class) '[^']{1,300}'>|[A-Za-z_][\w.]*(?:\.<locals>\.[\w.]+)?)(?:: (.*)|:)?\Z", re.S)
_EXC_SUFFIXES = ("error", "exception", "exit", "interrupt", "iteration", "warning", "failure", "failed", "timeout")
_LOCATION = re.compile(r":(\d{1,9}):")
_BARE_LOCATION = re.compile(r"(\S[^:]*(?::[\\/][^:]*)?):(\d{1,9})\Z")  # "path.py:402", a drive letter allowed
_PATH_ENDINGS = (".py", ".pyx", ".pyi", ".pyw", ".pyc", ".pyo", ">")
_CELL = re.compile(r"(Cell In ?\[\d*\]), line (\d{1,9})(?:, in (.*))?\Z")
_INPUT_IN = re.compile(r"(Input In ?\[\d*\]), in (.*)\Z")
_IPY_OLD = re.compile(r"(\S.*?) in ((?:init )?[\w<>.]+|<cell line: \d+>)(?:\(|$)")  # Cython: "_parquet.pyx in init pyarrow._parquet()"
# (IPython 7.3x on Colab: "<ipython-input-3-85d1> in <cell line: 1>()" and "/usr/.../tuner.py in <module>", no parentheses)
# Colab renders frame paths as links and a copied output keeps them:
# "[/usr/local/lib/python3.7/dist-packages/keras/backend.py](https://localhost:8080/#) in <module>"
# nose reports a module that failed to import as the test "Failure", naming the exception in the header:
# "ERROR: Failure: AttributeError (type object 'Callable' has no attribute '_abc_registry')"
_RUNNER_FAILURE = re.compile(r"(?:ERROR|FAIL): Failure: ([\w.]{1,300}) \((.*)\)\Z")
_LINKED_FRAME = re.compile(r'File \["([^"]{1,1000})", line (\d{1,9})\]\(')
_COLAB_LINK = re.compile(r"\[([^\]]{1,2000})\]\(https?://[^)\s]{0,2000}\) in ([\w<>.]+)(?:\(.*\))?\Z")
_VSCODE_LINENO = re.compile(r"(-*>\s*)?\[(\d+)\]\([^)\s]*\)\s?(.*)")
_ARROW = re.compile(r"-*> ?(\d{1,9})(?: (.*))?\Z")
_DEF = re.compile(r"(?:async\s+)?def\s+([A-Za-z_]\w*)")
_SUB_EXC = re.compile(r"\(\d+ sub-exceptions?\)\Z")
_SHAPE = str.maketrans("0123456789", "0000000000")

IDLE, TB, AFTER_EXC, AFTER_SEP = "idle", "tb", "after_exc", "after_sep"


def parse_traceback(text: str) -> List[Crash]:
    """Every traceback chain in ``text``, in order; ``[]`` when there is none.

    Never raises: a parser bug must not turn a user's paste into a traceback
    of our own.  (Tests call :func:`_parse` directly so bugs still surface.)
    """
    try:
        return _parse(text)
    except Exception:  # pragma: no cover - defended by property tests on _parse
        return []


def _parse(text: str, _unprefixed: bool = False) -> List[Crash]:
    if not isinstance(text, str):
        text = bytes(text).decode("utf-8", "replace") if isinstance(text, (bytes, bytearray)) else str(text)
    crashes = _parse_lines(text)
    if not crashes and not _unprefixed:
        stripped = strip_log_prefix(text)
        if stripped is not None:
            crashes = _parse(stripped, _unprefixed=True)
    if not crashes and not _unprefixed:
        quoted = json_quoted_traceback(text)
        if quoted is not None:
            crashes = _parse(quoted, _unprefixed=True)
    if not crashes and not _unprefixed:
        # A paste indented as a whole (a code block under a Markdown list item, kaleido#226's
        # pytest report nine spaces in): the same text with the common indentation removed.
        # Only with frames: one indented "ValueError: ..." line is a quotation, not a crash.
        dedented = textwrap.dedent(text)
        if dedented != text:
            crashes = [c for c in _parse(dedented, _unprefixed=True) if any(e.frames for e in c.exceptions)
                       and _class_like(c.root.type)]
    return crashes


def _class_like(name: str) -> bool:
    """An exception class as printed: ``TypeError``, ``socket.error``; not a checker's ``error`` (mypy's report)."""
    return "." in name or name[:1].isupper()


_JSON_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "r": ""}


def json_quoted_traceback(text: str) -> Optional[str]:
    """A traceback printed inside a JSON string, unescaped; None when the paste holds none.

    Ansible prints a module's failure as ``FAILED! => {"module_stderr": "Traceback (most
    recent call last):\\n  File \\"...``: one line, the newlines and quotes escaped.
    The string runs from the header to its closing quote (or the paste's end, when the
    paste is cut), and only JSON's own escapes are undone; ``\\uXXXX`` becomes its character.
    """
    start = text.find(HEADER + ":\\n")
    if start < 0:
        return None
    out: List[str] = []
    i, n = start, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            break  # the string's closing quote
        if c == "\\" and i + 1 < n:
            e = text[i + 1]
            if e == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2:i + 6]):
                out.append(chr(int(text[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(_JSON_ESCAPES.get(e, "\\" + e))
            i += 2
            continue
        out.append(c)
        i += 1
    # JSON writes a character beyond the BMP as two \\u escapes: join the halves (a lone one becomes U+FFFD)
    return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16", "replace") + "\n"


# A log line's exception after its prefix: "... web: AttributeError: x" (the type, then ": " or the end).
_PREFIXED_EXCEPTION = re.compile(r"[\s|\]>:]((?:[A-Za-z_]\w{0,100}\.){0,10}[A-Za-z_]\w{0,100}"
                                 r"(?:Error|Exception|Warning|Exit|Interrupt|Conflict|Failure|Fault))(?=: |\s*$)")
MAX_LOG_PREFIX = 200


_SERVICE_NAME = re.compile(r"[A-Za-z][\w.-]{0,60}: ")


def _prefixes_a_frame(lines: List[str], prefix: str) -> bool:
    """Whether some line is ``prefix`` followed by a ``File "...`` frame header."""
    return any(ln.startswith(prefix) and ln[len(prefix):].lstrip().startswith('File "') for ln in lines)


def strip_log_prefix(text: str) -> Optional[str]:
    """The paste with a log shipper's per-line prefix taken off, or None when it has none.

    Elastic Beanstalk, CloudWatch and syslog put ``| 2023-04-05T22:49:58 | Apr 5 19:49:58
    host web: `` before every line, and strip each line's indentation: nothing the
    parser can read.  The prefix is learned from an exception line (what precedes its
    type, with a digit or a bar in it) and taken off every line of the same shape
    (digits may differ); a code line it leaves at the margin gets a frame's indentation
    back.  Used only when the paste as written holds no traceback.
    """
    lines = text.splitlines()
    prefix, fallback = "", ""
    for line in lines:
        m = _PREFIXED_EXCEPTION.search(line[:MAX_LOG_PREFIX + 200])
        if m and 6 <= m.start(1) <= MAX_LOG_PREFIX:
            cand = line[:m.start(1)]
            if any(c.isdigit() or c == "|" for c in cand) and cand.strip():
                prefix = cand
                break
            if not fallback and _SERVICE_NAME.fullmatch(cand) and _prefixes_a_frame(lines, cand):
                # A docker-compose service name alone, "locust-master: " (no digit, no bar), counts
                # when it prefixes a frame line too ("pkg.Error: SomeError: ..." is a message naming
                # another exception), and only when no line offers a stamped prefix.
                fallback = cand
    prefix = prefix or fallback
    if not prefix:
        return None
    n, shape = len(prefix), prefix.translate(_SHAPE)
    matched = [ln[:n].translate(_SHAPE) == shape for ln in lines]
    # A paste that is that one stamped line ("2019-01-01T00:00:00+00:00 app[web.1]: ImportError: ...")
    # has nothing else to learn the prefix from; a second line of another shape leaves it open.
    alone = sum(1 for ln in lines if ln.strip()) == 1 and any(c.isdigit() for c in prefix)
    if sum(matched) < 2 and not alone:
        return None
    out = []
    for ln, ok in zip(lines, matched):
        if not ok:
            out.append(ln)
            continue
        rest = ln[n:]
        st = rest.strip()
        if rest[:1] not in (" ", "\t") and st:
            if st.startswith('File "'):
                rest = "  " + rest
            elif not st.startswith("Traceback") and exception_line(st) is None and _looks_like_code(st):
                rest = "    " + rest
        out.append(rest)
    return "\n".join(out) + "\n"


def _parse_lines(text: str) -> List[Crash]:
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    parser = _Parser()
    parser.ipy_arrows = _IPY_ARROW_LINE.search(text) is not None
    first = True
    marked = "**" in text
    italic = _ITALIC_OPEN.search(text) is not None
    lines = text.splitlines()
    closing = -1
    if italic:
        # the italics close once, on the last exception line ending in the mark
        closing = max((i for i, ln in enumerate(lines) if ln.rstrip()[-1:] in ("_", "*")
                       and exception_line(ln.rstrip()[:-1].strip()) is not None), default=-1)
    if "File" in text and "line" in text:
        lines = _unwrap_frame_headers(lines)
    if re.search(r":[ \t]*\r?\n", text):
        lines = _join_message_on_next_line(lines)
    for index, raw in enumerate(lines):
        if marked and "**" in raw:
            raw = _unmark(raw)
        if italic:
            raw = _unitalic(raw, closing=(index == closing))
        raw = _title_file(raw)
        if raw[:1] == "{":
            raw = _AIRFLOW_PREFIX.sub("", raw[:_HEAD], count=1) + raw[_HEAD:]
        if first and raw.strip() and raw.strip() not in ("...", "\u2026", "[...]", "(...)"):
            # The paste's first line (an elision mark before it says the cut was made on purpose).
            first = False
            raw = _cut_file_line(raw)
        parser.feed(raw)
    parser.finish()
    return parser.crashes


_LOWER_FRAME = re.compile(r'\s*file "[^"]{1,1000}", line \d{1,9}, in \S')


def _title_file(line: str) -> str:
    """A frame header retyped with a lower-case ``file`` (dagster's croniter report) gets its ``File`` back."""
    if 'file "' in line[:40] and _LOWER_FRAME.match(line[:_HEAD]):
        return line.replace('file "', 'File "', 1)
    return line
_WRAPPED_NUMBER = re.compile(r"\s*\d{1,9}, in \S")
_CONSOLE_WIDTHS = (79, 80, 119, 120)  # a console cuts its lines at its width, whatever they hold


def _bare_type_only(st: str) -> bool:
    """A lone exception class with no message ("AssertionError"): a builtin or a name ending in Error/Exception."""
    exc = exception_line(st)
    if exc is None or exc[1]:
        return False
    last = exc[0].rsplit(".", 1)[-1]
    return last in _BARE_BUILTINS or last.endswith(("Error", "Exception"))


def _unwrap_frame_headers(lines: List[str]) -> List[str]:
    """Frame headers a narrow terminal wrapped, joined back.

    Rich and some consoles break a long ``File "path", line N, in f`` as ``File`` /
    ``"/long/path.py", line`` / `` 171, in f``: three lines no reader knows.  Only that
    shape is joined: a line that is just ``File``, a next one opening with the quoted
    path, and (when it ends at ``, line``) a third that starts with the number and ``, in``.
    A console that cuts at its width (Windows' 80 columns) splits a header mid-word: a
    header line of exactly that width is joined to the next when only the two make a frame.
    """
    out: List[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if len(line) in _CONSOLE_WIDTHS and i + 1 < n and line.lstrip().startswith('File "') \
                and cpython_frame(line) is None and cpython_frame(line + lines[i + 1]) is not None:
            # Windows' console cut the header at its width, mid-word: ...data.py", l / ine 291, in DataReader
            out.append(line + lines[i + 1])
            i += 2
            continue
        if line.strip() == "File" and i + 1 < n and lines[i + 1].lstrip().startswith('"') \
                and '", line' in lines[i + 1]:
            joined = line.rstrip() + " " + lines[i + 1].strip()
            i += 2
            if joined.endswith(", line") and i < n and _WRAPPED_NUMBER.match(lines[i]):
                joined += " " + lines[i].strip()
                i += 1
            out.append(joined)
            continue
        out.append(line)
        i += 1
    return out


# IPython's mark of the failing line ("-> 1209         T = ...", "---> 12 x = f()"): a paste that has one
# is an IPython traceback even when its frame headers lost their site-packages prefix.
_IPY_ARROW_LINE = re.compile(r"(?m)^[ \t]*-+> ?\d{1,9} ")
_IMPORT_STATEMENT = re.compile(r"(?:from[ \t]+[\w.]{1,300}[ \t]+import[ \t]+\S|import[ \t]+[\w.]+)")
def _join_message_on_next_line(lines: List[str]) -> List[str]:  # noqa: C901 (one loop)
    """A builtin exception whose message starts on the next line, joined into one exception line.

    statsmodels 0.13 raises ``NotImplementedError`` with a text that begins with a line break,
    so Python prints "NotImplementedError: " and the words below it.  Only an unindented
    builtin's name and colon, followed by a line of text (no frame, no other exception): a bare
    "ValueError:" stays a heading.
    """
    out: List[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        st = line.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if line[:1] not in (" ", "\t") and st.endswith(":") and st[:-1] in _JOINED_BUILTINS and nxt \
                and not nxt.startswith(("File \"", "Traceback")) and exception_line(nxt) is None:
            out.append(f"{st[:-1]}: {nxt}")
            i += 2
            continue
        out.append(line)
        i += 1
    return out


_PYTEST_GT = re.compile(r">[ \t]{2,}\S")  # pytest marks the failing line of a frame with ">   "
_BOLD_LINE = re.compile(r"^(\s*)\*\*(\S.*?\S)\*\*\s*$")


def _unmark(raw: str) -> str:
    """Markdown bold a reporter put on a traceback (``***ImportError: ...***``, ``.../***fred.py***``).

    Three asterisks never occur in Python source or a path, so they go
    anywhere; two only around a whole line, since ``**kwargs`` is source.
    """
    raw = raw.replace("***", "")
    m = _BOLD_LINE.match(raw)
    return m.group(1) + m.group(2) if m else raw


# Markdown italics around a pasted block: "_File "...", line 289, in __init__" ... "AssertionError_".
_ITALIC_OPEN = re.compile(r'(?m)^[ \t]*[_*](?:File "|Traceback \(most recent call last\))')


def _unitalic(raw: str, closing: bool = False) -> str:
    """The italics' opening mark before a frame header or "Traceback", and the closing one after the exception.

    pyupdater#337's reporter wrapped the last frame and the exception in ``_..._``; a trailing
    mark is dropped only where what remains is an exception line, so source ending in ``_`` stays.
    """
    m = re.match(r'([ \t]*)[_*]((?:File "|Traceback \(most recent call last\)).*)\Z', raw)
    if m:
        return m.group(1) + m.group(2)
    st = raw.rstrip()
    if closing and st[-1:] in ("_", "*") and exception_line(st[:-1].strip()) is not None:
        return st[:-1]
    return raw


# Airflow's task log: "{bash_operator.py:157} INFO - " before every line, or only some of them.
_AIRFLOW_PREFIX = re.compile(r"\{[\w.\\/-]{1,200}:\d{1,6}\} [A-Z]{3,8} - ")
_CUT_FILE_LINE = re.compile(r'\s*"?([^"\s][^"]{0,1000}\.py[xd]?)", line (\d{1,9}), in (\S{1,300})\s*\Z')
_CUT_LOCATION_LINE = re.compile(r'\s*"?([^"\s][^"]{0,1000}\.py)", line (\d{1,9})\s*\Z')


_QUOTED_FRAME = re.compile(r"(>{1,3}) {1,8}File \"")
_IMPORT_CODE = re.compile(r"(?:from\s+\w+\s+)?import\s+\w")  # "from amqp import promise" has none of "(=.["
# The start of a Python statement, for a line the target's grammar refused (its SyntaxError shows it).
_STATEMENT_START = re.compile(r"(?:(?:from\s+[\w.]+\s+import|import|def|async\s+def|class|return|print|with|for|if|elif|"
                              r"while|raise|except|lambda|yield|await)\b|[A-Za-z_][\w.]{0,200}\s*[=(])")


def _looks_like_code(st: str) -> bool:
    """A lone indented line that parses as Python and calls, assigns or imports something (not a word of prose)."""
    if len(st) > 300 or not (any(c in st for c in "(=.[") or _IMPORT_CODE.match(st)):
        return False
    import ast
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "invalid escape sequence" in a pasted Windows path
            # a compound statement's header ("if rv.is_boolean():") parses with a body under it; the
            # last line of a call spread over lines (").format(a, b.decode('latin1'))") closes a call
            ast.parse(st + "\n    pass" if st.endswith(":") else "f(" + st if st[:1] == ")" else st)
    except (SyntaxError, ValueError, RecursionError, MemoryError, Warning):
        return False
    return True


def _cut_file_line(raw: str) -> str:
    """A paste that starts inside a frame line (``packages\\pkg\\mod.py", line 39, in f``) gets its ``File "`` back."""
    if 'File "' in raw:
        return raw
    m = _CUT_FILE_LINE.match(raw[:_HEAD])
    if not m:
        m = _CUT_LOCATION_LINE.match(raw[:_HEAD])
        # ... or inside a SyntaxError's location line ("_utility.py", line 554), which has no function
        return f'  File "{m.group(1)}", line {m.group(2)}' if m else raw
    return f'  File "{m.group(1)}", line {m.group(2)}, in {m.group(3)}'


# ---------------------------------------------------------------------------
# Line classifiers (each linear in the line)
# ---------------------------------------------------------------------------

def exception_line(st: str) -> Optional[Tuple[str, str]]:
    """``(type, message)`` if ``st`` reads like ``Type: message`` (or a bare ``Type``)."""
    m = _EXC_LINE.match(st[:_HEAD])
    if not m:
        return None
    name = m.group(1)
    has_colon = m.end(1) < len(st[:_HEAD])
    message = st[m.end(1) + 2:] if st[m.end(1):m.end(1) + 2] == ": " else ""
    if not _valid_type(name, has_colon, message):
        return None
    return name, message


def _valid_type(name: str, has_colon: bool, message: str) -> bool:
    if name.startswith("<"):
        return True
    last = name.rsplit(".", 1)[-1]
    if not last or keyword.iskeyword(name) or name in ("Traceback", "Hint", "Note", "Warning"):
        return False
    if last[0].isupper():
        if len(name) == 1 and message[:1] in ("\\", "/"):
            return False  # a Windows drive letter, not a type
        if has_colon or "." in name:
            return True
        return last.lower().endswith(_EXC_SUFFIXES)
    lower = last.lower()
    return lower.endswith(_EXC_SUFFIXES) and (has_colon or "." in name) or lower in ("error", "herror", "gaierror", "timeout")


_BARE_SUFFIXES = ("Error", "Exception", "Warning", "Exit", "Interrupt", "Conflict", "NotFound", "Failure", "Fault")
_BARE_BUILTINS = frozenset(
    [n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)]
    + ["ExceptionGroup", "BaseExceptionGroup", "EncodingWarning", "PythonFinalizationError"]  # newer than the running Python
) - {"Warning"}  # "Warning: ..." is a log line far more often than an exception
# Builtins whose name alone before a colon is no heading a reporter writes ("Exception:", "Warning:").
_JOINED_BUILTINS = frozenset(n for n in _BARE_BUILTINS if n.endswith("Error") or n in ("StopIteration", "KeyboardInterrupt"))

_LEGACY_LOWER = ("error", "timeout", "herror", "gaierror")  # socket.error, select.error (Python 2 era)
_MAX_TYPE = 300


def bare_exception_line(st: str) -> Optional[Tuple[str, str]]:
    """``(type, message)`` if an unindented line is exactly what Python prints for a frameless exception.

    Stricter than :func:`exception_line`, because outside a traceback nothing
    vouches for the line: the type must be a (dotted) identifier whose last
    part looks like an exception class, then ``": "`` and a message.  So
    ``ImportError: Numba needs NumPy 2.1 or less.`` counts, while pip's
    ``ERROR: Could not find ...``, ``Error: ENOENT``, ``Warning: ...`` and
    prose do not.
    """
    i = st.find(": ", 0, _MAX_TYPE)
    if i <= 0 or not st[i + 2:].strip():
        return None
    name = st[:i]
    parts = name.split(".")
    if not all(part.isidentifier() for part in parts):
        return None
    last = parts[-1]
    dotted = len(parts) > 1
    if last in _BARE_BUILTINS:
        return name, st[i + 2:]
    if dotted and last in _LEGACY_LOWER:
        return name, st[i + 2:]
    if not last[0].isupper() or last == last.upper():
        return None  # "ERROR", "FAIL", lower-case words
    for suffix in _BARE_SUFFIXES:
        if last.endswith(suffix) and (len(last) > len(suffix) or dotted):
            return name, st[i + 2:]
    if dotted and len(parts) > 2 and parts[-2] in _EXCEPTION_MODULES:
        return name, st[i + 2:]  # a class of a package's own exceptions module: voluptuous.error.MultipleInvalid
    return None


# The module names packages keep their exception classes in (a class there is one, whatever its name).
_EXCEPTION_MODULES = frozenset(("error", "errors", "exceptions", "exc"))


_STAMP_CHARS = frozenset("0123456789-:.,/+TZ []")
_SERVICE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
_MAX_PREFIX = 120


def log_prefix_length(line: str) -> int:
    """Length of a leading log prefix (a timestamp, a docker-compose ``service  | ``), 0 if none.

    Learned from a bare exception line the way the traceback header teaches the
    prefix of a whole traceback: ``2021-10-24 11:09:54  pkg.Conflict: ...`` and
    ``web_1  | ImportError: ...`` both end their prefix just before the type.
    Scans at most ``_MAX_PREFIX`` characters, once.
    """
    pos = 0
    for _ in range(4):  # a timestamp and a service name, in either order; a source tag and a level after them
        moved = (_stamp_length(line, pos) or _service_length(line, pos) or _ray_worker_length(line, pos)
                 or (_tag_or_level_length(line, pos) if pos else _logging_default_length(line)))
        if not moved:
            break
        pos += moved
    return pos


def _stamp_length(line: str, pos: int) -> int:
    if pos >= len(line) or line[pos] not in "0123456789[":
        return 0
    end = pos
    limit = min(len(line), pos + _MAX_PREFIX)
    while end < limit and line[end] in _STAMP_CHARS:
        end += 1
    cut = line.rfind(" ", pos, end)  # the stamp ends at whitespace ("12:00 TypeError": not the T)
    if cut < 0:
        return 0
    run = line[pos:cut + 1]
    if ":" not in run or sum(c.isdigit() for c in run) < 4:
        return 0
    return cut + 1 - pos


# Ray prints a worker's output under "(PPO pid=8491) " or "(RolloutWorker pid=12, ip=10.0.0.3) ".
_RAY_WORKER = re.compile(r"\((?:[A-Za-z_][\w.:-]{0,80} )?pid=\d{1,9}(?:, ip=[\w.:]{1,64})?\) ")


def _ray_worker_length(line: str, pos: int) -> int:
    """Length of a Ray worker's log prefix at ``pos`` (``(PPO pid=8491) ``), 0 if none."""
    if line[pos:pos + 1] != "(":
        return 0
    m = _RAY_WORKER.match(line, pos, pos + _MAX_PREFIX)
    return m.end() - pos if m else 0


# After a stamp, Cloud Foundry and syslog-style shippers name the source and the stream or level:
# "2019-03-06T14:01:56.64-0500 [APP/PROC/WEB/0] ERR kombu.exceptions.VersionMismatch: ...".
_TAG_OR_LEVEL = re.compile(r"\[[\w./:@#-]{1,60}\] |(?:ERR|OUT|ERROR|WARN|WARNING|CRITICAL|FATAL|INFO|DEBUG)(?::? )")


# The logging module's default format, "ERROR:root:" (level, logger name, message).
_LOGGING_DEFAULT = re.compile(r"(?:CRITICAL|ERROR|WARNING|INFO|DEBUG):[\w.]{0,80}:")


def _logging_default_length(line: str) -> int:
    """Length of ``logging.basicConfig()``'s default ``ERROR:root:`` prefix at the line's start, 0 if none."""
    m = _LOGGING_DEFAULT.match(line)
    return m.end() if m else 0


def _tag_or_level_length(line: str, pos: int) -> int:
    """Length of a ``[APP/PROC/WEB/0] `` source tag or an ``ERR `` level word at ``pos``, 0 if none."""
    m = _TAG_OR_LEVEL.match(line, pos, pos + _MAX_PREFIX)
    return m.end() - pos if m else 0


def _service_length(line: str, pos: int) -> int:
    bar = line.find("|", pos, pos + _MAX_PREFIX)
    if bar <= pos or line[bar + 1:bar + 2] != " ":
        return 0
    name = line[pos:bar].rstrip()
    if not name or any(c not in _SERVICE_CHARS for c in name):
        return 0
    return bar + 2 - pos


def cpython_frame(line: str) -> Optional[Tuple[int, Frame, bool]]:
    """``(indent, frame, has_function)`` for a ``File "path", line N, in fn`` line."""
    st = _title_file(line.lstrip())
    if st.startswith('File ["'):
        st = _unlinked_frame(st[:_HEAD]) or st
    if not st.startswith('File "'):
        if not st.startswith("`"):
            return None
        st = st.lstrip("` ")  # a markdown paste that lost its fence: "`` File ..."
        if not st.startswith('File "'):
            return None
    indent = len(line) - len(line.lstrip())
    st = st[:_HEAD]
    j = st.find('", line ', 6)
    if j < 0:
        return None
    rest = st[j + 8:]
    k = 0
    while k < len(rest) and k < 10 and rest[k].isdigit():
        k += 1
    if k == 0:
        return None
    tail = rest[k:]
    source = ""
    if tail.startswith(", in "):
        func, has = tail[5:].strip(), True
        if " " in func:  # source joined onto the frame line by a damaged paste
            func, source = func.split(" ", 1)
            source = source.strip()
    elif tail.startswith(" in "):  # faulthandler: no comma
        func, has = tail[4:].strip(), True
    elif tail.strip() == "":
        func, has = "", False
    else:
        func, has = tail.strip(" ,"), True
    return indent, Frame(file=st[6:j], line=int(rest[:k]), function=func, source=source), has


def _unlinked_frame(st: str) -> Optional[str]:
    """Code Runner and other editors paste the location as a markdown link:
    ``File ["/x/mod.py", line 17](coderunner:///x/mod.py#(539,0)!), in update``; the link goes."""
    m = _LINKED_FRAME.match(st)
    if not m:
        return None
    k = st.rfind("), in ")
    if k < m.end():
        return None
    return f'File "{m.group(1)}", line {m.group(2)}, in {st[k + 6:]}'


def ipython_frame(st: str) -> Optional[Frame]:
    """IPython/Jupyter frame headers of every era (line may come from the arrow later)."""
    st = st[:_HEAD]
    if st.startswith("Cell In"):
        m = _CELL.match(st)
        if m:
            return Frame(file=m.group(1), line=int(m.group(2)), function=_strip_call(m.group(3) or "<module>"))
        return None
    if st.startswith("Input In"):
        m = _INPUT_IN.match(st)
        if m:
            return Frame(file=m.group(1), line=0, function=_strip_call(m.group(2)))
        return None
    if st.startswith("File ") and not st.startswith('File "'):
        body = st[5:]
        i = body.find(", in ")
        if i >= 0:
            where, func = body[:i], body[i + 5:]
        else:  # Spyder and some IPython 8 releases: "File ~\...\mod.py:163 in abc_curve"
            j = body.rfind(" in ")
            tail = body[:j].rpartition(":")[2] if j >= 0 else ""
            where, func = (body[:j], body[j + 4:]) if tail.isdecimal() and tail.isascii() else (body, "")
        path, _, num = where.rpartition(":")
        if path and num.isdecimal() and num.isascii() and len(num) < 10:
            return Frame(file=path.strip(), line=int(num), function=_strip_call(func))
        return None
    if st[:1] in ("-", " ") or st[:1].isdigit():
        return None
    if st.startswith("["):
        m = _COLAB_LINK.match(st)
        return Frame(file=m.group(1), line=0, function=m.group(2)) if m else None
    m = _IPY_OLD.match(st)
    if m and (st.endswith(")") or m.group(2) == "<module>" and m.end() == len(st)):
        path = m.group(1)
        if path.startswith(("<ipython-input", "<", "/", "~", ".")) or "\\" in path or "/" in path:
            return Frame(file=path, line=0, function=m.group(2))
    return None


def _headerless_old_ipython(st: str, arrows: bool = False) -> bool:
    """An old IPython frame header pasted without the "----" line above it.

    ``/usr/local/lib/python3.10/dist-packages/pyarrow/_parquet.pyx in init pyarrow._parquet()``:
    only a path into an installed package (or an IPython input) counts, so a log
    line that happens to say "x.py in f()" does not start a traceback.  In a paste
    that has IPython's arrow line (``arrows``), a package-relative path counts too
    (``circuitq\\core.py in transform_charge_to_flux(self)``, site-packages cut off).
    """
    head = st[:_HEAD]
    if arrows and not st.startswith((" ", "-")):
        m = _IPY_OLD.match(head)
        if m and head.endswith(")") and _PKG_RELATIVE.fullmatch(m.group(1)):
            return True
    if not st.startswith(("/", "<ipython-input", "~")) and not (len(st) > 2 and st[1] == ":" and st[2] in "\\/"):
        return False
    m = _IPY_OLD.match(head)
    return bool(m) and head.endswith(")") and (
        "site-packages" in m.group(1) or "dist-packages" in m.group(1) or m.group(1).startswith("<ipython-input"))


_PKG_RELATIVE = re.compile(r"[A-Za-z_]\w*(?:[\\/][A-Za-z_]\w*)*[\\/]\w+\.pyx?")


def _strip_call(func: str) -> str:
    func = func.strip()
    i = func.find("(")
    if func.startswith("<cell line"):
        return "<module>"
    return func[:i] if i > 0 else func


def location_line(line: str) -> Optional[Tuple[str, int, str]]:
    """pytest's ``path:N: rest`` (rest: ``in fn``, an exception name, or nothing)."""
    if not line or line[0].isspace():
        return None
    head = line[:_HEAD]
    m = _LOCATION.search(head)
    if not m:
        return None
    path = head[: m.start()]
    after = head[m.end():]
    if after and not after.startswith(" "):
        return None
    if not path.endswith(_PATH_ENDINGS) or "::" in path:
        return None
    return path, int(m.group(1)), line[m.end():].strip()


def _is_caret(st: str) -> bool:
    return bool(st) and st.strip("^~ ") == ""


def _is_elision(st: str) -> bool:
    return st.startswith("[Previous line repeated") or st.strip(".…{}[] ") == ""


def _banner(st: str) -> Optional[str]:
    """The title of a pytest section banner, "" for other banners, None if not one."""
    if st.startswith("___") and st.endswith("___") and " " in st.strip("_ "):
        return st.strip("_ ")
    if st.startswith("___") and st.endswith("___") and len(st.strip("_ ")) > 0:
        return st.strip("_ ")
    if st.startswith(("===", "!!!")) or (st.startswith("---") and "Captured" in st[:200]):
        return ""
    return None


def _header(line: str) -> Optional[Tuple[str, str]]:
    """(kind, text before the header) for a traceback header line."""
    if "Traceback" not in line[:_HEAD]:
        return None
    st = line.strip()
    if st == "Traceback:":
        return "pytest", ""
    i = line.find(HEADER, 0, _HEAD)
    if i < 0:
        return None
    pre, after = line[:i], line[i + len(HEADER):].strip()
    pre_r = pre.rstrip()
    if after == ":":
        if pre_r.endswith("Original"):
            return "remote", pre_r[: -len("Original")]
        if pre_r.endswith("Exception Group"):
            return "group", pre_r[: -len("Exception Group")].rstrip().rstrip("+|").rstrip()
        return "cpython", pre
    if after == "" and pre.endswith(" ") and pre_r and " " not in pre_r.strip():
        return "ipython", pre_r.strip()
    if after == "" and not pre_r:
        return "ipython", ""
    return None


# ---------------------------------------------------------------------------
# The state machine
# ---------------------------------------------------------------------------

_IMPORT_LINE = re.compile(r"(?:from\s+[\w.]{1,300}\s+import\s+[\w(]|import\s+[\w.]{1,300}\s*(?:$|,|\sas\s))")


class _Parser:
    """Feeds lines through IDLE -> TB -> AFTER_EXC (-> AFTER_SEP -> TB ...) states."""

    def __init__(self) -> None:
        self.ipy_arrows = False  # the paste has IPython's "-> 12 ..." failing-line mark somewhere
        self.headerless = False  # the IPython traceback began at a frame header, with no "Type  Traceback" line
        self.crashes: List[Crash] = []
        self.chain: List[ExceptionRecord] = []
        self.state = IDLE
        self.when = "text"
        self.prefix = ""
        self.prefix_shape = ""
        self.line_prefix = ""
        self.group = False
        self.remote_quote = False  # saw "...RemoteTraceback:", expecting '"""'
        self.remote_block = False  # inside the quoted worker traceback
        self.idle_candidate: Optional[Tuple[str, str]] = None
        self.idle_code = ""  # an indented code line just seen outside a traceback ("    x = f().decode()")
        self.lead_exc: Optional[Tuple[str, str]] = None  # Sentry style: "Type: msg" printed before the frames
        self.runner_lead: Optional[Tuple[str, str]] = None  # nose's "ERROR: Failure: Type (msg)" before its traceback
        self.bare_open = False  # the open chain is one frameless exception read from a bare "Type: msg" line
        self.bare_flags: List[bool] = []  # per emitted crash: was it a bare exception line?
        self.repl_input: List[str] = []  # the last statement typed at a ">>> " prompt, one entry per line
        self.tb_input: List[str] = []  # that statement as it stood when the open traceback began
        self._reset_tb("cpython")

    def _reset_tb(self, style: str) -> None:
        self.style = style
        self.frames: List[Frame] = []
        self.frame_indent = 0
        self.noise = 0
        self.e_lines: List[str] = []
        self.gt_source = ""
        self.def_name = ""
        self.want_source = False
        self.msg_lines: List[str] = []
        self.blank_after = False
        self.headerless = False

    # -- entry points ---------------------------------------------------
    def feed(self, raw: str) -> None:
        line = raw.rstrip()
        self.line_prefix = ""
        if self.prefix:
            n = len(self.prefix)
            if len(line) >= n and line[:n].translate(_SHAPE) == self.prefix_shape:
                self.line_prefix = line[:n]
                line = line[n:]
            elif len(line) < n and line.translate(_SHAPE) == self.prefix_shape.rstrip():
                line = ""  # a prefixed blank line ("web_1  | " lost its trailing space)
        if "Traceback" in line and 'File "' in line and HEADER + ": " in line[:_HEAD]:
            for part in _uncollapse(line):
                self._feed_line(raw, part)
            return
        self._feed_line(raw, line)

    def _feed_line(self, raw: str, line: str) -> None:
        line = self._margin(raw.rstrip(), line)
        if line is None:
            return
        self._dispatch(line)

    def finish(self) -> None:
        if self.state == TB and self.style == "pytest" and self.e_lines and (
                self.frames or bare_exception_line(self.e_lines[0].strip()) is not None
                or cpython_frame(self.e_lines[0]) is not None
                # pytest's ">" line over a bare "E   AssertionError", the paste cut before the location
                or self.gt_source and _bare_type_only(self.e_lines[0].strip())):
            self._finish_pytest_exc(None)
        elif self.state == TB and not self.chain and not self.lead_exc and self.frames and self.frames[-1].source and (
                self.style == "ipython" and self.ipy_arrows and self.headerless
                or self.style == "cpython" and _IMPORT_STATEMENT.match(self.frames[-1].source)):
            # A paste cut after its last frame's line (IPython's arrowed line, or a CPython frame at an
            # import): the frames are real, the exception line is lost.  Its type says so; the
            # diagnosis may read it back from that line.
            self._new_exception((LOST_EXCEPTION, ""), self.frames)
        elif self.state == TB:
            # (A lone ``E A: ...`` line with no frame and no exception-like type is a log, not pytest.)
            self._abort_tb()
        if self.state in (AFTER_EXC, AFTER_SEP) or self.chain:
            self._emit()

    # -- log prefixes and exception-group margins -------------------------
    def _set_prefix(self, prefix: str) -> None:
        self.prefix = prefix
        self.prefix_shape = prefix.translate(_SHAPE)

    def _margin(self, raw: str, line: str) -> Optional[str]:
        """Strip the ``| `` margin of exception-group output; act on ``+---`` separators."""
        st = line.lstrip()
        if not st or st[0] not in "+|":
            if self.group and st:
                self.group = False
            return line
        if st.startswith("+ Exception Group Traceback"):
            if not self.group:
                j = raw.find("+ Exception Group Traceback")
                self._set_prefix(raw[:j].rstrip() if j > 0 else "")
            self.group = True
            return st[2:]
        if st.startswith("+-"):
            if not self.group and not st.startswith("+-+"):
                return line
            self.group = True
            self._group_separator(any(c.isdigit() for c in st[:200]) or "..." in st[:200])
            return None
        if st.startswith("|"):
            content = st[2:] if st.startswith("| ") else st[1:]
            if not self.group:
                exc = exception_line(content.strip())
                if not (exc and _SUB_EXC.search(exc[1])) and not content.lstrip().startswith(("Exception Group Traceback", HEADER)):
                    return line
                self.group = True
            return content
        return line

    def _group_separator(self, member: bool) -> None:
        if self.state == TB:
            self._abort_tb()
        self._close_message()
        if member:
            if self.chain and self.chain[-1].relation is None:
                self.chain[-1].relation = "group"
            self.state = AFTER_SEP
            self.sep_style = "cpython"
        elif self.chain:
            self.state = AFTER_EXC
            self.blank_after = True

    # -- dispatch ---------------------------------------------------------
    def _dispatch(self, line: str) -> None:
        if "\t" in line[:16]:
            # Tabs in the margin count as a terminal shows them (to the next multiple of 8), so a
            # source line "\t\treturn f()" stays deeper than its frame "\t  File ...".
            body = line.lstrip()
            line = line[:len(line) - len(body)].expandtabs(8) + body
        if line.startswith(("\\>>> ", "\\... ")):
            # Markdown escapes a prompt at the start of a line ("\\>>> ") so it is not read as a quote;
            # a paste copied from the rendered source keeps the backslash.
            line = line[1:]
        st = line.strip()
        if self.state != TB and line.startswith((">>> ", "... ")):
            # An interactive session: the statements typed are the source of the "<stdin>" frames
            # that follow, which the REPL prints without source lines.
            if line.startswith(">>> "):
                self.repl_input = [line[4:]]
            elif self.repl_input:
                self.repl_input.append(line[4:])
        before = self.state
        if self.state == TB:
            self._in_tb(line, st)
        elif self.state == AFTER_EXC:
            self._after_exc(line, st)
        elif self.state == AFTER_SEP:
            self._after_sep(line, st)
        else:
            self._idle(line, st)
        if self.state == TB and before != TB and self.repl_input:
            self.tb_input = list(self.repl_input)  # the statement this traceback's <stdin> frames ran

    def _start(self, line: str, st: str) -> bool:
        """Begin a traceback if this line opens one; True when it did."""
        hdr = _header(line)
        if hdr:
            kind, pre = hdr
            if kind in ("cpython", "remote") and not self.group:
                self._set_prefix(self.line_prefix + pre)
            if kind == "remote" and self.chain and self.chain[-1].relation is None and self.state == AFTER_EXC:
                self._close_message()
                self.chain[-1].relation = "remote"
            elif self.state not in (AFTER_SEP,) and kind != "remote":
                self._emit_if_open()
            elif kind == "remote" and self.state != AFTER_SEP:
                self._emit_if_open()
            style = {"pytest": "pytest", "ipython": "ipython"}.get(kind, "cpython")
            self._reset_tb(style)
            self.frame_indent = len(line) - len(line.lstrip())
            self.state = TB
            if kind == "cpython" and self.runner_lead:
                # nose names the exception in its header; a traceback cut before its last line keeps it
                self.lead_exc = self.runner_lead
            self.runner_lead = None
            if kind == "ipython" and _EXC_NAME.fullmatch(pre):
                # IPython prints the type first ("ImportError   Traceback (most recent call last)"):
                # a paste cut before its last line still says what was raised, with no message.
                self.lead_exc = (pre, "")
            return True
        fr = cpython_frame(line)
        if fr is None and not self.prefix and 'File "' in line[:_MAX_PREFIX + 8]:
            # A headerless paste of a timestamped log ("2023-01-26 21:06:40   File ..."): the
            # first frame line teaches the prefix, as a header line would.
            cut = log_prefix_length(line)
            quote = _QUOTED_FRAME.match(line)
            if quote and not cut:
                cut = quote.end(1)  # a markdown quote ("> ") around a traceback pasted without its header
            if cut and line[cut:].lstrip().startswith('File "'):
                stamp = line[:cut].rstrip() + " "
                self._set_prefix(stamp)
                self.line_prefix = stamp
                line = line[len(stamp):]
                st = line.strip()
                fr = cpython_frame(line)
        if fr:
            if self.state != AFTER_SEP:
                self._emit_if_open()
            self._reset_tb("cpython")
            self.state = TB
            self._add_frame(fr)
            return True
        if line[:1] not in (" ", "\t") and (st.startswith(("Cell In", "Input In", "File ")) or _COLAB_LINK.match(st[:_HEAD])
                                            or _headerless_old_ipython(st, self.ipy_arrows)) \
                and not st.startswith('File "'):
            # An IPython/Spyder traceback pasted without its "----" header line; Colab's frame
            # headers are links ("[/usr/local/lib/python3.11/dist-packages/pytransit/utils/de.py](https://localhost:8080/#) in f()").
            fr2 = ipython_frame(st)
            if fr2 is not None and (fr2.line or fr2.file.startswith(("Cell In", "Input In")) or st.startswith("[")
                                    or _headerless_old_ipython(st, self.ipy_arrows)):
                if self.state != AFTER_SEP:
                    self._emit_if_open()
                self._reset_tb("ipython")
                self.state = TB
                self.headerless = True
                self.frames.append(fr2)
                self.frame_indent = 0
                self.want_source = True
                return True
        if st.endswith("RemoteTraceback:") or st.endswith("RemoteTraceback"):
            exc = exception_line(st)
            if exc and exc[0].endswith("RemoteTraceback"):
                if self.state != AFTER_SEP:
                    self._emit_if_open()
                self.remote_quote = True
                self.state = AFTER_SEP
                self.sep_style = "cpython"
                return True
        title = _banner(st)
        if title is not None:
            self._emit_if_open()
            if title:
                low = title.lower()
                self.when = (
                    "collect" if low.startswith("error collecting")
                    else "setup" if low.startswith("error at setup")
                    else "teardown" if low.startswith("error at teardown")
                    else "call"
                )
                self._reset_tb("pytest")
                self.state = TB
            else:
                self.state = IDLE
            return True
        if st.startswith("ImportError while importing test module"):
            self._emit_if_open()
            self.when = "collect"
            return True
        if line.startswith("E ") or line == "E":
            self._emit_if_open()
            self._reset_tb("pytest")
            self.state = TB
            self._in_tb(line, st)
            return True
        loc = location_line(line)
        if loc and (loc[2].startswith("in ") or _loc_exception(loc[2])):
            self._emit_if_open()
            self._reset_tb("pytest")
            self.state = TB
            self._in_tb(line, st)
            return True
        return False

    def _emit_if_open(self) -> None:
        if self.chain:
            self._emit()

    # -- IDLE ------------------------------------------------------------------
    def _idle(self, line: str, st: str) -> None:
        if not st:
            return
        m = _RUNNER_FAILURE.match(st[:_HEAD])
        if m and line == line.lstrip() and _EXC_NAME.fullmatch(m.group(1)):
            self.runner_lead = (m.group(1), m.group(2))
            return
        if self._separator(st):
            if self.idle_candidate:
                typ, msg = self.idle_candidate
                self.chain = [ExceptionRecord(type=typ, message=msg)]
                self.chain[-1].relation = self._separator(st)
                self.state = AFTER_SEP
                self.sep_style = "cpython"
            self.idle_candidate = None
            return
        if self.group:
            exc = exception_line(st)
            if exc and line == line.lstrip():
                self._new_exception(exc, [])
                return
        if self.idle_candidate and "Original" in st[:40]:
            hdr = _header(line)
            if hdr and hdr[0] == "remote":  # "X: Caught X in replica 0" pasted without its frames
                self.chain = [ExceptionRecord(type=self.idle_candidate[0], message=self.idle_candidate[1], relation="remote")]
                self.state = AFTER_SEP
                self.sep_style = "cpython"
        candidate = self.idle_candidate
        code_before = self.idle_code
        if self._start(line, st):
            if candidate and self.state == TB and self.style == "cpython" and len(self.frames) == 1:
                self.lead_exc = candidate
            if self.state == TB and self.style == "pytest" and not self.frames and code_before.startswith(">"):
                self.gt_source = code_before[1:].strip()  # pytest's ">" line just above its first "E" line
            self.idle_candidate = None
            self.idle_code = ""
            return
        code = self.idle_code
        if self._bare(line, st):
            self.idle_candidate = None
            refused = self.chain and self.chain[-1].type.rsplit(".", 1)[-1] in ("SyntaxError", "IndentationError", "TabError")
            if code and self.chain and (_looks_like_code(code) or (refused and len(code) <= 300
                                                                   and _STATEMENT_START.match(code))):
                # (parsed only here: logs are mostly indented lines; a SyntaxError's own line need not parse)
                self.chain[-1].source_hint = code
            self.idle_code = ""
            return
        self.idle_candidate = exception_line(st) if line == line.lstrip() else None
        # An indented code line, or an import statement at the margin (a REPL or a notebook cell
        # quoted above a bare "ImportError: cannot import name 'HTMLString'" of Python 3.6).
        if st and not st.strip("^~ ") and self.idle_code:
            return  # a SyntaxError's caret under its line: the line above stays the shown code
        # (a line opening with ")" is the tail of a call spread over lines: code even at the margin)
        self.idle_code = st if line[:1] in (" ", "\t", ")") or _IMPORT_LINE.match(st) or _PYTEST_GT.match(line) else ""
        if self.idle_code and _IMPORT_LINE.match(st) and st.endswith(":"):
            # a reporter's colon after the quoted statement ("from x.response import ErrorResponse :")
            self.idle_code = st.rstrip(": ")

    def _bare(self, line: str, st: str) -> bool:
        """Open a frameless crash for a bare ``Type: message`` line (after learning its log prefix)."""
        exc = bare_exception_line(st) if line == line.lstrip() else None
        if exc is None and not self.line_prefix and line[:1] not in ("", " ", "\t"):
            cut = log_prefix_length(line)
            rest = line[cut:]
            if cut and rest[:1] not in ("", " ", "\t"):
                exc = bare_exception_line(rest.rstrip())
                if exc:
                    self._set_prefix(line[:cut])
        if exc is None:
            return False
        self._new_exception(exc, [])
        self.bare_open = True
        return True

    @staticmethod
    def _separator(st: str) -> Optional[str]:
        if st.startswith(CAUSE_SEP):
            return "cause"
        if st.startswith(CONTEXT_SEP):
            return "context"
        return None

    # -- inside a traceback ------------------------------------------------
    def _add_frame(self, fr: Tuple[int, Frame, bool]) -> None:
        indent, frame, has_func = fr
        if not has_func:
            frame.function = ""
            frame._no_function = True  # type: ignore[attr-defined]  # a SyntaxError location
        self.frames.append(frame)
        self.frame_indent = indent
        self.noise = 0
        self.want_source = True

    def _in_tb(self, line: str, st: str) -> None:
        if self.style != "pytest" and line.startswith("E ") and self.frames \
                and getattr(self.frames[-1], "_no_function", False):
            self.style = "pytest"  # pytest's "E" lines under a SyntaxError's location line
        if self.style == "pytest":
            self._in_pytest(line, st)
            return
        if not st:
            return
        fr = cpython_frame(line)
        if fr:
            self._add_frame(fr)
            return
        hdr = _header(line)
        if hdr:
            if self.frames or hdr[0] != self.style:
                if self.lead_exc:
                    self._abort_tb()
                self._start(line, st)
            return
        indent = len(line) - len(st) if line.startswith(" ") or line.startswith("\t") else len(line) - len(line.lstrip())
        if self.style == "ipython":
            vs = _VSCODE_LINENO.match(st)
            if vs:
                # VS Code's notebooks print each line number as a link: "[867](vscode-remote+...:867) code".
                st = f"{vs.group(1) or ''}{vs.group(2)} {vs.group(3)}".rstrip()
            # IPython puts frame headers at column 0; Spyder indents "  File ~\...:163 in f" by two.
            fr2 = ipython_frame(st) if indent == 0 or (indent <= 2 and st.startswith("File ")) else None
            if fr2:
                self.frames.append(fr2)
                self.frame_indent = indent
                self.want_source = True
                self.noise = 0
                return
            m = _ARROW.match(st[:_HEAD])
            if m and self.frames:
                self.frames[-1].line = int(m.group(1))
                self.frames[-1].source = (m.group(2) or "").strip()
                self.want_source = False
                return
            if indent > 0 or st[:1].isdigit():
                # Spyder and IPython 8 print the frame's line under its header, indented, without an arrow.
                if self.frames and self.want_source and indent > self.frame_indent and not st[:1].isdigit() \
                        and not self.frames[-1].source and not _is_caret(st):
                    self.frames[-1].source = st
                    self.want_source = False
                return
        elif self.frames and indent > self.frame_indent:
            if self.want_source and not _is_caret(st):
                self.frames[-1].source = st
                self.want_source = False
            return
        elif self.frames and self.want_source and indent == self.frame_indent and not exception_line(st) \
                and _looks_like_code(st):
            # A paste that lost its indentation (every line behind one tab, as a log or an issue
            # template flattens it): the line right under a frame header is still that frame's code.
            # Python <= 3.6 names the module of a failed "from m import n" only in this line.
            self.frames[-1].source = st
            self.want_source = False
            return
        if _is_caret(st) or _is_elision(st):
            return
        if indent <= self.frame_indent or not self.frames:
            exc = exception_line(st)
            if exc:
                self._new_exception(exc, self.frames)
                return
        self.noise += 1
        if self.noise > _MAX_NOISE:
            self._abort_tb()
            self._dispatch(line)

    def _in_pytest(self, line: str, st: str) -> None:
        if line.startswith("E ") or line == "E":
            self.e_lines.append(line[1:].strip())
            return
        if self.e_lines and not st:
            return
        loc = location_line(line)
        if self.e_lines:
            if loc and not loc[2].startswith("in "):
                self._pytest_long_frame(loc)
                self._finish_pytest_exc(loc[2])
                return
            self._finish_pytest_exc(None)
            self._dispatch(line)
            return
        if not st:
            return
        if loc:
            if loc[2].startswith("in "):
                self.frames.append(Frame(file=loc[0], line=loc[1], function=loc[2][3:].strip()))
                self.want_source = True
                return
            self._pytest_long_frame(loc)
            if loc[2] and _loc_exception(loc[2]):
                self._finish_pytest_exc(loc[2])
            return
        fr = cpython_frame(line)
        if fr:
            self._add_frame(fr)
            return
        hdr = _header(line)
        if hdr:
            if hdr[0] != "pytest" or self.frames:
                self._start(line, st)
            return
        if self._separator(st) or _banner(st) is not None or st.startswith("ImportError while importing test module"):
            if self._separator(st) and self.chain:
                self.state = AFTER_EXC
                self._after_exc(line, st)
                return
            self._abort_tb()
            self._dispatch(line)
            return
        if st.startswith(">"):
            self.gt_source = st[1:].strip()
            return
        m = _DEF.match(st)
        if m and not self.def_name:
            self.def_name = m.group(1)
            return
        if self.want_source and self.frames and not _is_caret(st):
            self.frames[-1].source = st
            self.want_source = False

    def _pytest_long_frame(self, loc: Tuple[str, int, str]) -> None:
        self.frames.append(Frame(file=loc[0], line=loc[1], function=self.def_name, source=self.gt_source))
        self.def_name = ""
        self.gt_source = ""
        self.want_source = False

    def _finish_pytest_exc(self, rest: Optional[str]) -> None:
        lines = self.e_lines
        self.e_lines = []
        typ, msg_lines = "", list(lines)
        first = exception_line(lines[0]) if lines else None
        if not first and len(lines) > 1 and self._pytest_syntax_error(lines):
            return
        if first:
            typ, msg_lines = first[0], [first[1]] + lines[1:]
        elif rest:
            named = exception_line(rest)
            if named and not named[1]:
                typ = named[0]
            elif named:
                typ, msg_lines = named[0], [named[1]] + (lines[1:] if lines and lines[0] == named[1] else lines)
            elif rest.startswith("assert"):
                typ, msg_lines = "AssertionError", lines or [rest]
        if not typ and msg_lines and msg_lines[0].startswith("assert"):
            typ = "AssertionError"
        if not typ and not any(ln.strip() for ln in lines) and self.frames \
                and (self.frames[-1].source or "").startswith("assert "):
            # A paste cut after pytest's bare "E": the innermost statement is an assert, so it failed.
            typ, msg_lines = "AssertionError", []
        if not typ or (not first and not self.frames and rest is None):
            self._abort_tb()  # an untyped "E   ..." line with no location is not a crash
            return
        pending = self.gt_source if not self.frames else ""
        self._new_exception((typ, msg_lines[0] if msg_lines else ""), self.frames)
        if pending:
            # pytest's ">" line with no location after it (a paste cut there): the failing code is
            # shown, whose frame it is is not.
            self.chain[-1].source_hint = pending
            self.gt_source = ""
        self.msg_lines.extend(msg_lines[1:])
        self.blank_after = True  # pytest messages are complete from the E lines

    def _pytest_syntax_error(self, lines: List[str]) -> bool:
        """pytest's "E" lines of a SyntaxError: its location and code first, the exception line last.

        ``E     File "/x/_utility.py", line 554`` / ``E       return x, *y`` / ``E   ^`` /
        ``E   SyntaxError: invalid syntax``: the location (in the "E" lines or just above
        them) becomes the record's location, with the code line as its source.
        """
        last = exception_line(lines[-1])
        if not last or last[0].rsplit(".", 1)[-1] not in ("SyntaxError", "IndentationError", "TabError"):
            return False
        code = [ln for ln in lines[:-1] if ln and not _is_caret(ln)]
        if code:
            fr = cpython_frame(code[0])
            if fr is not None and not fr[2]:
                self._add_frame(fr)
                code = code[1:]
        if not self.frames or not getattr(self.frames[-1], "_no_function", False):
            return False
        if code and not self.frames[-1].source:
            self.frames[-1].source = code[0]
        self._new_exception(last, self.frames)
        self.blank_after = True
        return True

    def _abort_tb(self) -> None:
        """A traceback that never reached its exception line: drop its frames.

        Unless its exception was printed first (Sentry's layout), then it ends here.
        """
        style = self.style
        lead, self.lead_exc = self.lead_exc, None
        if lead and self.frames and self.state == TB:
            self._new_exception(lead, self.frames)
            self.blank_after = True
            return
        self._reset_tb(style)
        self.state = AFTER_EXC if self.chain else IDLE
        self.blank_after = True

    def _new_exception(self, exc: Tuple[str, str], frames: List[Frame]) -> None:
        style = self.style
        rec = ExceptionRecord(type=exc[0], message="", frames=list(frames))
        self.lead_exc = None
        self.bare_open = False
        self._close_message()
        self.chain.append(rec)
        self._reset_tb(style)
        self.msg_lines = [exc[1]]
        self.state = AFTER_EXC
        self.blank_after = False

    def _close_message(self) -> None:
        if self.chain and self.msg_lines:
            rec = self.chain[-1]
            lines = list(self.msg_lines)
            while len(lines) > 2 and not lines[0].strip():
                lines = lines[1:]
            if len(lines) > 1 and lines[0].strip() == ":" and lines[1].strip():
                # Python 2's stderr written piece by piece through a logger: "TypeError", ":", then
                # the message, each on its own prefixed line (locust 0.7's log of gevent 1.1's break).
                lines = lines[1:]
            rec.message = "\n".join(lines).strip()
            self.msg_lines = []

    # -- after an exception line -----------------------------------------
    def _after_exc(self, line: str, st: str) -> None:
        if not st:
            self.blank_after = True
            return
        sep = self._separator(st)
        if sep:
            self._close_message()
            if self.chain and self.chain[-1].relation is None:
                self.chain[-1].relation = sep
            self.sep_style = self.style
            self.state = AFTER_SEP
            return
        if st == '"""' and self.remote_block:
            self._close_message()
            self.remote_block = False
            if self.chain and self.chain[-1].relation is None:
                self.chain[-1].relation = "remote"
            self.blank_after = True
            return
        if self.group and line == line.lstrip():
            exc = exception_line(st)
            if exc and _SUB_EXC.search(exc[1]):
                self._new_exception(exc, [])
                return
        if self.bare_open and len(self.chain) == 1 and len(self.msg_lines) == 1 and cpython_frame(line):
            # Sentry's layout ("Type: msg" first, then the frames): the line was the lead, not a crash
            lead = (self.chain[0].type, self.msg_lines[0])
            self.chain, self.msg_lines, self.bare_open = [], [], False
            self.state = IDLE
            self._start(line, st)
            if self.state == TB and self.style == "cpython" and len(self.frames) == 1:
                self.lead_exc = lead
            return
        if self.bare_open and line == line.lstrip() and bare_exception_line(st):
            self._emit()  # a second bare exception line starts its own crash
            self._idle(line, st)
            return
        if self.bare_open and len(self.chain) == 1 and not self.chain[0].frames and len(self.msg_lines) == 1:
            # pytest's short summary prints where a frameless failure was raised on the next line:
            # "TypeError: Client.__init__() got ...'app'" then "...\site-packages\starlette\testclient.py:402".
            m = _BARE_LOCATION.match(st[:_HEAD])
            if m and m.group(1).lower().endswith(_PATH_ENDINGS[:4]):
                # The code line quoted above the exception (a log's own layout) is that line's source.
                loc = Frame(file=m.group(1), line=int(m.group(2)), function="", source=self.chain[0].source_hint)
                path = m.group(1).replace("\\", "/")
                if self.chain[0].source_hint and not path.startswith("/") and not re.match(r"[A-Za-z]:/", path):
                    # A log's own "pkg\\mod.py:81" under the quoted code line: the file as the package ships it.
                    loc.relpath = path.lstrip("./")
                self.chain[0].frames.append(loc)
                return
        if not self.blank_after and len(self.msg_lines) < _MAX_MESSAGE_LINES and not self._opens(line, st):
            self.msg_lines.append(line)
            return
        if self._start(line, st):
            return
        self._emit()
        self._idle(line, st)

    def _opens(self, line: str, st: str) -> bool:
        return bool(
            _header(line) or cpython_frame(line) or _banner(st) is not None or (line.startswith("E ") and self.style == "pytest")
            or st.endswith("RemoteTraceback:")
        )

    # -- after a chain separator -----------------------------------------
    def _after_sep(self, line: str, st: str) -> None:
        if not st:
            return
        if st == '"""' and self.remote_quote:
            self.remote_quote = False
            self.remote_block = True
            return
        self.remote_quote = False
        if self._start(line, st):
            return
        exc = exception_line(st)
        if exc and line == line.lstrip():
            self._new_exception(exc, [])
            return
        if getattr(self, "sep_style", "cpython") == "pytest":
            self._reset_tb("pytest")
            self.state = TB
            self._in_pytest(line, st)
            return
        self._emit()
        self._idle(line, st)

    # -- output --------------------------------------------------------------
    def _emit(self) -> None:
        self._close_message()
        if self.chain:
            for rec in self.chain:
                _split_syntax_location(rec)
                _unflatten_syntax_error(rec)
            self.chain[-1].relation = None
            if self.tb_input:
                for rec in self.chain:
                    for fr in rec.frames:
                        # Only the <module> frame runs the statement just typed; a function's
                        # lines belong to the input that defined it.
                        if fr.file == "<stdin>" and fr.function == "<module>" and not fr.source \
                                and 0 < fr.line <= len(self.tb_input):
                            fr.source = self.tb_input[fr.line - 1].strip()
                self.tb_input = []
            self._append(Crash(exceptions=self.chain, when=self.when), self.bare_open and len(self.chain) == 1)
        self.chain = []
        self.bare_open = False
        self.when = "text"
        self.state = IDLE
        self.group = False
        self.remote_block = False
        self.remote_quote = False
        self._reset_tb("cpython")

    def _append(self, crash: Crash, bare: bool) -> None:
        """Keep ``crash`` unless it and its neighbour are one crash printed twice.

        Users often paste the exception line as a title next to the traceback
        that ends in it, and logs repeat a frameless error line; a bare line
        that repeats an exception of the crash beside it adds nothing.
        """
        if self.crashes:
            if bare and _mentions(self.crashes[-1], crash.exceptions[0]):
                return
            if self.bare_flags[-1] and _mentions(crash, self.crashes[-1].exceptions[0]):
                self.crashes.pop()
                self.bare_flags.pop()
        self.crashes.append(crash)
        self.bare_flags.append(bare)


def _mentions(crash: Crash, rec: ExceptionRecord) -> bool:
    """Whether ``crash`` has an exception of ``rec``'s type with the same first message line."""
    key = (rec.short_type, rec.message.split("\n", 1)[0].strip())
    return any((e.short_type, e.message.split("\n", 1)[0].strip()) == key for e in crash.exceptions)


_COLLAPSED_EXC = re.compile(r"(?:^|\s)([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Iteration|Warning))(?=: |:?\Z)")


def _uncollapse(line: str) -> List[str]:
    """Split a traceback whose newlines were lost into its lines.

    ``Traceback (...): File "x", line 1, in <module> ZeroDivisionError: ...``
    -- the frame pieces start at each ``File "``; the exception is the first
    ``SomethingError:`` after the last frame's function name.
    """
    i = line.find(HEADER + ":")
    parts = line[i + len(HEADER) + 1:].split('File "')
    out = [line[: i + len(HEADER) + 1]]
    if parts[0].strip():
        return [line]
    pieces = parts[1:]
    for n, piece in enumerate(pieces):
        fr = cpython_frame('  File "' + piece.rstrip())
        if not fr:
            return [line]
        frame = fr[1]
        out.append(f'  File "{frame.file}", line {frame.line}, in {frame.function}')
        source = frame.source
        if n == len(pieces) - 1:
            m = _COLLAPSED_EXC.search(source[:_HEAD])
            if m:
                out.extend(["    " + source[: m.start(1)].strip(), source[m.start(1):]])
                continue
        out.append("    " + source)
    return [o for o in out if o.strip()]


def _loc_exception(rest: str) -> bool:
    """Whether a pytest location line's tail names an exception (``--tb=line``/long)."""
    if rest.startswith("assert"):
        return True
    exc = exception_line(rest)
    return bool(exc) and not exc[0].endswith("Warning")


def _split_syntax_location(rec: ExceptionRecord) -> None:
    """A trailing ``File "x", line N`` without ``in fn`` is where a SyntaxError points, not a frame.

    The location is kept on the record as ``rec.location`` (a Frame); see the
    note on models.ExceptionRecord in the crash package docs.
    """
    frames = rec.frames
    last_is_location = bool(frames) and getattr(frames[-1], "_no_function", False)
    for fr in frames:
        if getattr(fr, "_no_function", False):
            del fr._no_function  # type: ignore[attr-defined]
    if last_is_location and _is_location_candidate(rec):
        rec.location = frames.pop()  # type: ignore[attr-defined]


_FLAT_SYNTAX = re.compile(r'File "([^"]{1,1000})", line (\d{1,9})\s+(.{0,500}?)\s*(?:\^+\s*)?'
                          r'(?:(?:SyntaxError|IndentationError|TabError): (.{1,300}))?\Z')


def _unflatten_syntax_error(rec: ExceptionRecord) -> None:
    """A SyntaxError pasted on one line: ``SyntaxError: File "x.py", line 108 match interaction: ^ SyntaxError: invalid syntax``.

    Forums join the report's lines; the location, the code and the real
    message are still there in order, and become what a multi-line paste gives.
    """
    if rec.location is not None or rec.type.rsplit(".", 1)[-1] not in ("SyntaxError", "IndentationError", "TabError"):
        return
    m = _FLAT_SYNTAX.match(rec.message.strip()[:2000])
    if not m:
        return
    rec.location = Frame(file=m.group(1), line=int(m.group(2)), function="", source=m.group(3).strip())
    rec.message = (m.group(4) or "invalid syntax").strip()


def _is_location_candidate(rec: ExceptionRecord) -> bool:
    short = rec.short_type
    return short.endswith(("SyntaxError", "IndentationError", "TabError")) or "Syntax" in short
