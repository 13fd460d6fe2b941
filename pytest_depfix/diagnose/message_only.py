"""A paste that is only an error message: which exception printed it.

Issue threads often quote the message and nothing else: no ``Traceback``
header, no frames, not even the ``Type: `` prefix (GitHub's "Relevant log
output" box, a chat message, a CI summary).  The parser rightly finds no
traceback in such text.  But some wordings name their exception class as
surely as a prefix would: only an ``ImportError`` says ``cannot import name
'x' from 'y'``, only an ``AttributeError`` says ``module 'x' has no attribute
'y'``, and a knowledge-base entry says which exception carries its message.

This module reads such a paste into one frameless :class:`Crash` whose
exception type is the one the wording implies, and says so (``inferred``), so
the diagnosis can run and the report can tell the user what was assumed.  It
accepts only short pastes (a log without a traceback is not a message) and
only wordings that identify the class; anything else stays "no traceback
found", because a guess at the type would be a guess at the fix.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import List, Optional, Pattern, Tuple

from ..crash.parse import HEADER, _looks_like_code, cpython_frame, log_prefix_length
from ..models import Crash, ExceptionRecord, Frame
from . import families as F
from .knowledge import KnowledgeBase

__all__ = ["InferredMessage", "infer_message"]

MAX_LINES = 40  # non-blank lines; longer text without a traceback is a log, not a message
MAX_MESSAGE_LINES = 12
MAX_TRAILING_FRAMES = 200  # "File ..." lines a logger printed after the message
# What a paste puts before the message: a markdown quote, pytest's 'E   ', a comment marker, an
# arrow a reporter points with ('=> cannot import name ...'), a bullet, a bracketed log level.
_QUOTE = re.compile(r"(?:>\s?|E\s{2,}|#\s|[=-]+>\s*|[*\u2022\u00bb]\s|\[(?:ERROR|WARNING|WARN|CRITICAL|FATAL|INFO|DEBUG)\]:?\s*)+")

# CPython's own wordings, anchored at the start of the line: the class each one implies.
_CPYTHON: List[Tuple[Pattern[str], str]] = [
    # (a title may lose its closing quote and carry a stray word: "cannot import name 'PandasError python")
    (re.compile(r"cannot import name '?[\w.]+'?(?: from |\s*$| \(| \w{1,20}\s*$)"), "ImportError"),
    (re.compile(r"No module named '?[\w.]+'?(?:; '[\w.]+' is not a package)?\.?\"?\s*$"), "ModuleNotFoundError"),
    # (a title cut at its length limit may lose the last quote: "module 'psycopg2' has no attribute 'errors")
    (re.compile(r"(?:(?:partially initialized )?[Mm]odule|type object|'[\w.]+' object) '?[\w.]*'? ?has no attribute '\w+(?:'|\s*$)"),
     "AttributeError"),
    (re.compile(r"[\w.<>]+\(\) (?:got an unexpected keyword argument|got multiple values for argument"
                r"|missing \d+ required (?:positional|keyword-only) argument|takes (?:from \d+ to )?\d+ positional argument"
                r"|takes no keyword arguments)"), "TypeError"),
    (re.compile(r"Can't instantiate abstract class \w+ with"), "TypeError"),
    # the builtins' own refusals of a value's type: a data shape that changed under the caller
    (re.compile(r"(?:list|tuple) indices must be integers(?: or slices)?, not \w+\s*$"
                r"|string indices must be integers(?:, not '?\w+'?)?\s*$"
                r"|'\w+' object is not (?:subscriptable|callable|iterable)\s*$"
                r"|unhashable type: '\w+'\s*$"), "TypeError"),
    # the fragment a reporter quotes without its function: "got an unexpected keyword argument 'method_whitelist'"
    (re.compile(r"got an unexpected keyword argument '\w+'\s*$"), "TypeError"),
    (re.compile(r"(?:too many|not enough) values to unpack \(expected (?:at least )?\d+(?:, got \d+)?\)\s*$"), "ValueError"),
]
MAX_LEAD_INS = 40  # separators of one line tried as the start of a quoted message
_AFTER_COLON = re.compile(r":\s+|\uff1a\s*|\s-\s+|\]\s+")  # also the full-width colon of a Chinese or Japanese log line, and a " - " separator
# Library wordings that name their class too (matched anywhere in the line).
_LIBRARY: List[Tuple[Pattern[str], str]] = [
    (F._REMOVED_IN_RELEASE, "AttributeError"),  # NumPy 2's expired attributes
    (F._ABI_NUMPY2, "ImportError"),
    (F._ABI_API_VERSION, "RuntimeError"),
    (F._ABI_SIZE, "ValueError"),
    (F._ABI_SYMBOL, "ImportError"),
    # xFormers' warning; the look-behind keeps a long word run from being retried at each of its letters
    (re.compile(r"(?<!\w)\w+ can't load C\+\+/CUDA extensions\. \w+ was built for"), "ImportError"),
    (F._VERSION_CONFLICT, "pkg_resources.VersionConflict"),
    (F.INSTALLED_BUT_REQUIRED, "pkg_resources.VersionConflict"),  # setuptools' install-time check
    (F._DIST_NOT_FOUND, "pkg_resources.DistributionNotFound"),
    (F._OPTIONAL_TOO_OLD, "ImportError"),  # pandas' import_optional_dependency
    (F.LOADER_LOST, "ImportError"),  # Markdown's extension loader, as mkdocs prints it
    (F.OMEGACONF_KEY, "omegaconf.errors.ConfigAttributeError"),  # Hydra prints only the message
    (F._REQUIRES_OTHER_PYTHON, "pip.UnsupportedPythonVersion"),  # pip refusing a release for this Python
    (F.PIP_CONFLICT, "pip.ResolutionImpossible"),  # pip's resolver output: a declared conflict
    (F._REQUIRES_BUT_HAVE, "pip.ResolutionImpossible"),  # pip's check / legacy resolver: "X has requirement R, but you'll have"
    (F._BUILD, "pip.InstallationSubprocessError"),  # pip building a source distribution failed
    # Django's template engine: a {% load x %} of a library no installed app ships.
    (re.compile(r"'\w{1,100}' is not a registered tag library"), "django.template.exceptions.TemplateSyntaxError"),
    # scikit-learn 1.2+'s parameter validation (sklearn/utils/_param_validation.py).
    (re.compile(r"The '\w+' parameter of [\w.]+ must be .{1,600}?\. Got .{1,200}? instead\."),
     "sklearn.utils._param_validation.InvalidParameterError"),
]
# Library wordings whose message starts where they match, after a tool's own words ("Problem encountered: ").
_LIBRARY_FROM_MATCH: List[Tuple[Pattern[str], str]] = [
    # OpenAPI Generator's model validation, in every client it generates (kubernetes, many SDKs).
    (re.compile(r"Invalid value for `\w{1,100}` \([^()\n]{0,300}\), must be one of \["), "ValueError"),
    # Jinja2's Undefined names a non-builtin object by module and class: "'Crypto.PublicKey.RSA.RsaKey object'
    # has no attribute 'dq'" (tutor's config templates under pycryptodome 3.14).
    (F.JINJA_UNDEFINED_ATTR, "jinja2.exceptions.UndefinedError"),
]
# ... and the AttributeError of a module without the word "module": "'PIL.Image' has no attribute 'ANTIALIAS'".
# Only a dotted path is read so: CPython names an object's class bare ("'Foo' object"), a module in full.
_RETOLD_MODULE_ATTR = re.compile(r"'([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)' has no attribute '(\w+)'\.?\s*$")
# A library exception quoted with its module inside a line, as a logger or a
# retelling prints it: "UnknownServiceError( botocore.exceptions.UnknownServiceError: Unknown service: ...".
# The dotted path and the class-like suffix make it an exception, not prose.
_QUOTED_DOTTED = re.compile(r"(?<![\w.])((?:[A-Za-z_]\w*\.)+[A-Z]\w*(?:Error|Exception|Conflict|NotFound)): (\S.*)")
# A library's exception named bare after a verb that says it was raised: a code comment
# "# throws TraitError: The 'config' trait of a Map instance must be a Config, ...".
# (Not a reST ":raises X:" field, and not documentation saying when: "raises X: if the file is missing".)
_SAID_RAISED = re.compile(r"(?<![\w.:])(?:throws|threw|raises|raised|gives|gave)\s+(?:an?\s+)?"
                          r"([A-Z][A-Za-z0-9_]{0,60}(?:Error|Exception)): "
                          r"(?!(?i:when|whenever|if|unless|on|in case|for)\b)(\S.*)")
# A reporter's retelling of CPython's ImportError that dropped the word "name":
# "cannot import 'available_attrs' from 'django.utils.decorators'".  Both quoted
# names keep it unambiguous; it is read back as CPython's own wording.
_RETOLD_IMPORT = re.compile(r"cannot import ('[\w.]+' from '[\w.]+')")
# A builtin exception quoted inside a line: "im getting this error: AttributeError: 'WebDriver' ...".
_QUOTED_BUILTIN = re.compile(r"(?<![\w.])\[?(" + "|".join(sorted(
    ("ImportError", "ModuleNotFoundError", "AttributeError", "TypeError", "ValueError", "RuntimeError", "OSError", "KeyError",
     "NameError"), key=len, reverse=True)) + r")\]?: (\S.*)")  # also "[AttributeError]: ..." as some tools print it


# CPython's signature wording inside another message, up to the quote or bracket that closes it.
_SIGNATURE_INSIDE = re.compile(r"(?<![\w.])([A-Za-z_][\w.]{0,200}\(\) (?:got an unexpected keyword argument '\w+'"
                               r"|missing \d+ required (?:positional|keyword-only) arguments?: '\w+'[^\"}\]]{0,200}))")
# A builtin exception as its repr, the way a logger prints ``{exc!r}``:
# 'AttributeError("\'BleakClientBlueZDBus\' object has no attribute \'_properties\'")'.
_REPR_BUILTIN = re.compile(r"(?<![\w.])(" + "|".join(sorted(
    ("ImportError", "ModuleNotFoundError", "AttributeError", "TypeError", "ValueError", "RuntimeError", "KeyError",
     "NameError"), key=len, reverse=True)) + r")\((\"|')(.{1,500}?)\2(?:,[^()]{0,200})?\)")
# ... and one cut before its closing quote, at the end of the pasted line (prefect-dbt's report:
# 'ImportError("cannot import name \'acreate_markdown_artifact\' from \'prefect.artifacts\''): read only
# when what follows the quote is CPython's own wording for that class.
_REPR_UNCLOSED = re.compile(r"(?<!raise )(?<![\w.])(ImportError|ModuleNotFoundError|AttributeError|TypeError)\((\"|')(.{8,500})$")
# ... and a library's own exception class the same way, read only after the wordings above: Celery's
# 'Control command error: OperationalError("\\nCannot route message for exchange ...")' (kombu's).
_REPR_NAMED = re.compile(r"(?<!raise )(?<![\w.])((?:[A-Za-z_]\w{0,100}\.){0,6}[A-Z]\w{0,100}(?:Error|Exception))\((\"|')(.{1,300}?)\2\)")
# A tool quoting the exception in parentheses at the end of its own line (Sphinx's extension loader).
_WRAPPED = re.compile(r"\(exception: ([^()]{1,500})\)\s*$")
# ... and the module it was loading, which the quoted exception often no longer names.
# Sphinx's report of an extension's event handler that raised, and the heading naming its module:
# "Extension error (sphinx_gallery.docs_resolv):" / "Handler <function embed_code_links at 0x7f...> for event ..."
_SPHINX_HANDLER = re.compile(r"Handler <function ([A-Za-z_]\w{0,200}) at 0x[0-9a-fA-F]{1,20}> for event '[\w-]{1,100}' threw an exception")
_SPHINX_EXTENSION = re.compile(r"Extension error \(([A-Za-z_][\w.]{0,200})\):?\s*$")
_WRAPPED_LOADING = re.compile(r"Could not import extension ([A-Za-z_][\w.]{0,200}) \(exception: ")


@dataclass
class InferredMessage:
    """The exception a message-only paste implies, and why."""

    exc_type: str
    message: str
    reason: str  # what identified the class, for the report
    line: str = ""  # the line whose wording decided (the message's first line when empty)
    frames: List[Frame] = field(default_factory=list)  # a stack printed after the message, outermost first
    loading: str = ""  # the module a tool's loader named around the quoted exception
    shown: str = ""  # the code line printed right above the message (the failing line, whose file is not said)

    def to_crash(self) -> Crash:
        """One crash; ``when="message"`` tells the report nothing was printed around it (no frames either)."""
        rec = ExceptionRecord(self.exc_type, self.message, list(self.frames), loading=self.loading)
        if self.shown and not self.frames:
            rec.source_hint = self.shown
        return Crash([rec], when="text" if self.frames else "message")

    def note(self) -> str:
        """The assumption, in words for the report's warnings."""
        first = self.line or self.message.split("\n", 1)[0]
        if len(first) > 120:
            first = first[:117] + "..."
        return f"the paste has no traceback; read it as {self.exc_type} because {self.reason}: {first!r}"


def infer_message(text: str, kb: Optional[KnowledgeBase] = None) -> Optional[InferredMessage]:
    """The exception type and message of a message-only paste, or None when the wording does not say."""
    lines = [_strip(raw) for raw in text.splitlines()]
    if sum(1 for ln in lines if ln) > MAX_LINES:
        return None
    debug = _django_debug(lines)
    if debug is not None:
        return debug
    for i, line in enumerate(lines):
        if not line:
            continue
        found = _identify(line, kb)
        rest_from = i + 1
        if found is None and i + 1 < len(lines) and lines[i + 1]:
            # A message wrapped by the terminal or the forum ("... cannot be run in" / "NumPy 2.2.3 as ...").
            joined = _identify(f"{line} {lines[i + 1]}", kb)
            if joined is not None and _identify(lines[i + 1], kb) is None:
                found, rest_from = joined, i + 2
        if found is None:
            continue
        exc_type, reason, first = found
        if exc_type.startswith("pip."):
            # pip's output is a report: what it was collecting and building comes before the error line.
            report = [ln for ln in lines if ln][:MAX_LINES]
            return InferredMessage(exc_type, "\n".join(report), reason, line=first)
        message = [first]
        frames: List[Frame] = []
        cut = _cut_traceback(text.splitlines(), i + 1)
        if cut:
            # A logger's "Unrecoverable error: AttributeError(...)" above a traceback the paste cut
            # before its exception line (Celery's worker log): the frames, outermost first, as printed.
            return InferredMessage(exc_type, first, reason, frames=cut)
        for more in lines[rest_from:i + MAX_MESSAGE_LINES + MAX_TRAILING_FRAMES]:
            if not more:
                break  # an exception message ends at a blank line
            fr = cpython_frame(more)
            if fr is not None and fr[2]:
                frames.append(fr[1])  # a logger's stack printed after the message, innermost first
                continue
            if frames:
                break
            if len(message) < MAX_MESSAGE_LINES:
                message.append(more)
        if not frames:
            frames = _frames_above(lines, i)
        handler = _SPHINX_HANDLER.search(line)
        heading = next((ln for ln in reversed(lines[:i]) if ln), "")
        if not frames and handler and _SPHINX_EXTENSION.match(heading):
            # Sphinx names the handler and its module, not a file: the one frame the report gives
            module = _SPHINX_EXTENSION.match(heading).group(1)
            frames = [Frame(file=f"site-packages/{module.replace('.', '/')}.py", line=0, function=handler.group(1),
                            module=module)]
        text_msg = "\n".join(message).strip().rstrip(":").rstrip()
        loading = _WRAPPED_LOADING.search(line)
        above = next((ln for ln in reversed(lines[:i]) if ln), "")
        # (only for a missing attribute, which the shown-line reading asks about: for a call's
        # keyword, a shown line turns off the readings that find the call, as the user's own
        # "import x_pb2" above a protobuf TypeError would)
        shown = above if exc_type == "AttributeError" and i > 0 and above == lines[i - 1] and _looks_like_code(above) \
            and _identify(above, kb) is None and not above.startswith(("def ", "class ", "async def ", "@", "import ", "from ")) \
            else ""
        return InferredMessage(exc_type, text_msg, reason, frames=list(reversed(frames)),
                               loading=loading.group(1) if loading else "", shown=shown)
    return None


def _frames_above(lines: List[str], i: int) -> List[Frame]:
    """Frame headers printed right above the message with no exception type, innermost first.

    dagster's report of croniter 1.4: ``File ".../dagster/_utils/schedules.py", line 35, in
    is_valid_cron_string`` / ``too many values to unpack (expected 2)``.  Only ``File`` lines
    and the code lines under them count, up to the first other line; none under a
    ``Traceback`` header.
    """
    if any(ln.startswith(HEADER) for ln in lines[:i]):
        # A whole traceback whose exception line lost its class was cut somewhere: its last
        # printed frame need not be the failing one (django-ajax's import under Django 3's checks).
        return []
    found: List[Frame] = []
    j = i - 1
    while j >= 0 and lines[j]:
        fr = cpython_frame(lines[j])
        if fr is not None and fr[2]:
            found.append(fr[1])
            j -= 1
            continue
        above = cpython_frame(lines[j - 1]) if j > 0 and _looks_like_code(lines[j]) else None
        if above is None or not above[2]:
            break
        found.append(dataclasses.replace(above[1], source=lines[j].strip()))  # a header and its code line
        j -= 2
    return found


def _cut_traceback(raw: List[str], start: int) -> List[Frame]:
    """The frames of a ``Traceback (most recent call last):`` block right after the message line.

    Only a block that is the next thing printed counts, and only its ``File`` lines and the
    code lines under them; it ends at the first other line (the parser found no exception
    line, so the block is cut, as a stored log often is).
    """
    j = start
    while j < len(raw) and not raw[j].strip():
        j += 1
    if j >= len(raw) or not _strip(raw[j]).startswith(HEADER):
        return []
    frames: List[Frame] = []
    for more in raw[j + 1:j + 1 + 2 * MAX_TRAILING_FRAMES]:
        fr = cpython_frame(more)
        if fr is not None and fr[2]:
            frames.append(fr[1])
            continue
        st = more.strip()
        if frames and st and not st.strip("^~ "):
            continue  # Python 3.11's carets under a frame's code line
        if frames and st and not frames[-1].source and more[:1] in (" ", "\t") and not st.startswith("File "):
            frames[-1].source = st
            continue
        break
    return frames


# ("Exception Type: TypeError at /admin/document/": the copy-and-paste view names the URL too)
_DEBUG_TYPE = re.compile(r"Exception Type:\s*([A-Za-z_][\w.]{0,200})(?:\s+at\s+\S{1,2000})?\s*$")
# The copy-and-paste view's frames: 'File "/usr/.../middleware.py" in process_response' over '  129.  code'
_DEBUG_FRAME = re.compile(r'File "([^"]{1,1000})" in ([\w<>.]{1,200})\s*$')
_DEBUG_LINE = re.compile(r"\s*(\d{1,9})\.\s(.*)$")
# Django 3 on prints them in Python's own layout: '  File "...", line 47, in inner' over the code
_DEBUG_PYFRAME = re.compile(r'File "([^"]{1,1000})", line (\d{1,9}), in ([\w<>.]{1,200})\s*$')
# The same page's heading copied without its labels: the class alone on a line, the message, then
# the "Exception Location" line ("/usr/.../maintenancemode/middleware.py, line 71, in process_request").
_DEBUG_HEADING = re.compile(r"((?:[a-z_][\w]{0,100}\.){0,10}[A-Z][\w]{2,200})\s*$")  # ImproperlyConfigured too
_DEBUG_LOCATION = re.compile(r"(\S.{0,1000}?\.py), line (\d{1,9}), in ([\w<>.]{1,200})\s*$"
                             r"|(\S.{0,1000}?\.py) in ([\w<>.]{1,200}), line (\d{1,9})\s*$")  # (older Django: "in f, line N")
_DEBUG_VALUE = re.compile(r"Exception Value:\s*(.*)$")


MAX_DEBUG_FRAMES = 200  # frames of a debug page's traceback kept (the innermost)


def _django_debug(lines: List[str]) -> Optional[InferredMessage]:
    """Django's debug page copied as text: "Exception Type: ConnectionError" / "Exception Value:" and the message.

    The page names the class itself; the value runs to the first blank line (MongoEngine's
    "Cannot connect to database dashboard :" / "False is not a read preference.").
    """
    for i, line in enumerate(lines[:-2]):
        m = _DEBUG_HEADING.match(line)
        loc = _DEBUG_LOCATION.match(lines[i + 2]) if m and lines[i + 1] else None
        if loc:
            file, line_no, function = (loc.group(1), loc.group(2), loc.group(3)) if loc.group(1) \
                else (loc.group(4), loc.group(6), loc.group(5))
            frame = Frame(file=file, line=int(line_no), function=function)
            return InferredMessage(m.group(1), lines[i + 1], "Django's debug page names it above the message and "
                                   "its Exception Location", line=lines[i + 1], frames=[frame])
    for i, line in enumerate(lines[:-1]):
        m = _DEBUG_TYPE.match(line)
        if not m:
            continue
        v = _DEBUG_VALUE.match(lines[i + 1])
        if not v:
            return None
        message = [v.group(1).strip()] if v.group(1).strip() else []
        for more in lines[i + 2:i + 2 + MAX_MESSAGE_LINES]:
            if not more:
                break
            message.append(more)
        if not message:
            return None
        frames = []
        for j, head in enumerate(lines[:i]):
            f = _DEBUG_FRAME.match(head.strip())
            src = _DEBUG_LINE.match(lines[j + 1]) if f and j + 1 < i else None
            if src:
                frames.append(Frame(file=f.group(1), line=int(src.group(1)), function=f.group(2), source=src.group(2).strip()))
                continue
            p = _DEBUG_PYFRAME.match(head.strip()) if not f else None
            if p:
                code = lines[j + 1].strip() if j + 1 < i else ""
                code = "" if code.startswith("File ") else code
                frames.append(Frame(file=p.group(1), line=int(p.group(2)), function=p.group(3), source=code))
        return InferredMessage(m.group(1), "\n".join(message), "Django's debug page names it (Exception Type)",
                               line=message[0], frames=frames[-MAX_DEBUG_FRAMES:])
    return None


_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _strip(raw: str) -> str:
    line = raw.strip().translate(_CURLY)  # a forum's typographic quotes around a module name
    cut = log_prefix_length(line)
    if cut:
        line = line[cut:].lstrip(" |")
    m = _QUOTE.match(line)
    if m:
        line = line[m.end():]
    line = line.strip()
    if line.startswith("``"):
        return line.strip("`").strip()
    if len(line) > 2 and line[0] == line[-1] == "`" and "`" not in line[1:-1]:
        return line[1:-1].strip()  # one inline-code span around the whole line, as GitHub titles quote it
    return line


def _identify(line: str, kb: Optional[KnowledgeBase]) -> Optional[Tuple[str, str, str]]:
    """``(exception type, why, message's first line)`` for a line that names its class, else None."""
    m = _WRAPPED.search(line)
    if m:
        # Sphinx: "Could not import extension X (exception: No module named 'sphinx.util.compat')"
        inner = _identify(m.group(1), kb)
        if inner is not None:
            return inner[0], f"{inner[1]}, quoted by a tool's wrapper", inner[2]
    m = _QUOTED_BUILTIN.search(line)
    if m:
        return m.group(1), "the line quotes it", m.group(2)
    m = _REPR_BUILTIN.search(line)
    if m:
        quote, text = m.group(2), m.group(3)
        return m.group(1), "the line prints it as its repr", text.replace("\\" + quote, quote).replace("\\\\", "\\")
    m = _REPR_UNCLOSED.search(line.rstrip())
    if m and m.group(2) not in m.group(3).replace("\\" + m.group(2), ""):
        quote = m.group(2)
        inner = m.group(3).replace("\\" + quote, quote).replace("\\\\", "\\")
        # cut after a quoted name closed, never inside one ("has no attribute 'flo"): its quotes pair up
        if inner.count("'") % 2 == 0 and any(rx.match(inner) and exc_type == m.group(1) for rx, exc_type in _CPYTHON):
            return m.group(1), "the line prints it as its repr, cut before its closing quote", inner
    for rx, exc_type in _CPYTHON:
        if rx.match(line):
            return exc_type, f"only CPython's {exc_type} is worded this way", line
    m = _SIGNATURE_INSIDE.search(line)
    if m:
        # A tool's own message around it: Ansible's "msg": "Configuration error - kwargs_from_env() got ...".
        return "TypeError", "only CPython's TypeError is worded this way", m.group(1)
    # A tool quoting the exception after a colon: "[WARNING]: Skipping plugin ... invalid: module 'jinja2' has ...".
    # The lead-ins are found once, and only the first MAX_LEAD_INS are tried (a line of 50,000 "] " is no message).
    starts = [m.end() for _, m in zip(range(MAX_LEAD_INS), _AFTER_COLON.finditer(line))]
    for rx, exc_type in _CPYTHON:
        for end in starts:
            if rx.match(line, end):
                return exc_type, f"only CPython's {exc_type} is worded this way", line[end:]
            if line[end:end + 1] == "`" and rx.match(line, end + 1):
                # quoted as inline code after the tool's colon: "Error: `module 'x' has no attribute 'y'`"
                return exc_type, f"only CPython's {exc_type} is worded this way", line[end + 1:].split("`", 1)[0].rstrip()
    m = _QUOTED_DOTTED.search(line)
    if m:
        return m.group(1), "the line quotes it with its module", m.group(2)
    m = _SAID_RAISED.search(line)
    if m:
        return m.group(1), "the line says the code raises it", m.group(2)
    m = _RETOLD_IMPORT.search(line)
    if m:
        return "ImportError", "the line retells CPython's ImportError wording without 'name'", f"cannot import name {m.group(1)}"
    m = _REPR_NAMED.search(line)
    if m and re.search(r"\braise\s*$", line[:m.start()]):
        m = None  # a quoted 'raise  ConfigError(...)' statement is code, not a message
    if m:
        quote, text = m.group(2), m.group(3)
        text = (text.replace("\\\\", "\0").replace("\\n", "\n").replace("\\" + quote, quote)
                .replace("\0", "\\"))  # a doubled backslash first: 'C:\\Users' is a path, not an escape
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        if first:
            return m.group(1), "the line prints it as its repr", first
    m = _RETOLD_MODULE_ATTR.match(line)
    if m:
        return ("AttributeError", "the line retells CPython's AttributeError wording without 'module'",
                f"module '{m.group(1)}' has no attribute '{m.group(2)}'")
    for rx, exc_type in _LIBRARY:
        if rx.search(line):
            return exc_type, f"the wording belongs to {exc_type}", line
    for rx, exc_type in _LIBRARY_FROM_MATCH:
        m = rx.search(line)
        if m:
            return exc_type, f"the wording belongs to {exc_type}", line[m.start():]
    if kb is not None:
        for entry in kb.entries:
            if entry.exception in ("*", "Exception", "BaseException") or entry.pattern is None:
                continue
            if entry.pattern.search(line):
                return entry.exception, f"knowledge-base entry {entry.id} gives this message to {entry.exception}", line
    if F.environment_advice(line):
        return "RuntimeError", "the wording is a runtime or build failure", line
    return None
