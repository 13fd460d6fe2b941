"""Plain records that cross the boundaries between the steps of the flow.

crash (capture/parse/attribute) -> diagnose -> resolve -> report.  Each step
takes and returns these dataclasses of strings and numbers, so the pytest
plugin (including xdist workers, which ship them as JSON), the CLI and the
tests all build the same records and call the same engine.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

# --------------------------------------------------------------------------
# Crash records (step 0: what happened)
# --------------------------------------------------------------------------

OWNER_DIST = "dist"  # code of an installed distribution
OWNER_PROJECT = "project"  # the user's own code
OWNER_STDLIB = "stdlib"  # the standard library of the target Python
OWNER_UNKNOWN = "unknown"
# The type of an exception whose line the paste lost (an IPython paste cut after its arrowed line):
# never a real class name, so no pattern matches it by accident.
LOST_EXCEPTION = "<exception line lost>"


@dataclass
class Frame:
    """One stack frame, as printed or as captured live."""

    file: str
    line: int
    function: str
    source: str = ""  # the code line as printed (stripped); may be empty
    owner: str = OWNER_UNKNOWN  # one of OWNER_*
    dist: Optional[str] = None  # distribution name as the set spells it, when owner == "dist"
    version: Optional[str] = None  # its version, when known
    module: Optional[str] = None  # dotted import name derived from the path ("torch.nn.modules.conv")
    relpath: Optional[str] = None  # the file inside its distribution, when found by reading the release


@dataclass
class ExceptionRecord:
    """One printed exception with its frames, outermost frame first."""

    type: str  # as printed, possibly dotted ("torch.cuda.OutOfMemoryError")
    message: str  # the message; first line is what matching mostly uses
    frames: List[Frame] = field(default_factory=list)
    # How this exception leads to the NEXT one in Crash.exceptions:
    # "cause" (raise from), "context" (during handling), "remote" (re-raised
    # from a worker/replica/process whose traceback this is), "group" (member
    # of an exception group), or None for the last one.
    relation: Optional[str] = None
    # Where a SyntaxError points (file/line of the bad source): not a stack frame.
    location: Optional[Frame] = None
    # A lone code line pasted just before a frameless exception line: whose it is is unknown,
    # but it shows the failing call ("jwt.encode(...).decode('utf-8')").
    source_hint: str = ""
    # The module a tool's loader was importing when it replaced this exception's message with its
    # own wording around it (Sphinx: "Could not import extension numpydoc (exception: ...)").
    loading: str = ""

    @property
    def short_type(self) -> str:
        return self.type.rsplit(".", 1)[-1]


@dataclass
class CallEdge:
    """A crossing between owners on the stack: ``caller`` called into ``callee``."""

    caller: str  # distribution name, "<project>" or "<stdlib>"
    callee: str
    frame_index: int  # index in the final exception's frames of the first callee frame


@dataclass
class Crash:
    """One distinct crash: a chain of exceptions plus where it was seen."""

    exceptions: List[ExceptionRecord]  # printed order: the last one ended the run
    tests: List[str] = field(default_factory=list)  # pytest node ids that hit it
    when: str = "text"  # "collect" | "setup" | "call" | "teardown" | "script" | "text"
    # Filled by attribution:
    edges: List[CallEdge] = field(default_factory=list)
    innermost_library: Optional[str] = None  # dist of the innermost non-project, non-stdlib frame
    raised_in: Optional[str] = None  # owner label of the frame that raised

    @property
    def final(self) -> ExceptionRecord:
        return self.exceptions[-1]

    @property
    def root(self) -> ExceptionRecord:
        """The most informative exception: for replica/remote re-raises, the inner one."""
        for exc in reversed(self.exceptions):
            if exc.frames or exc is self.exceptions[0]:
                return exc
        return self.exceptions[-1]

    def key(self) -> str:
        """Grouping key: identical crashes across tests share it."""
        # The project's own frames (test lines) differ from test to test while
        # the crash is the same: only library and stdlib frames identify it.
        h = hashlib.sha1()
        for exc in self.exceptions:
            h.update(exc.type.encode() + b"\0" + exc.message.split("\n", 1)[0].encode() + b"\0")
            for fr in [f for f in exc.frames if f.owner != OWNER_PROJECT][-2:]:
                h.update(f"{fr.file}:{fr.line}".encode())
        return h.hexdigest()[:12]

    def to_dict(self) -> Dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Crash":
        excs = [
            ExceptionRecord(
                type=e["type"],
                message=e["message"],
                frames=[Frame(**f) for f in e.get("frames", [])],
                relation=e.get("relation"),
                location=Frame(**e["location"]) if e.get("location") else None,
            )
            for e in data["exceptions"]
        ]
        return cls(
            exceptions=excs,
            tests=list(data.get("tests", [])),
            when=data.get("when", "text"),
            edges=[CallEdge(**e) for e in data.get("edges", [])],
            innermost_library=data.get("innermost_library"),
            raised_in=data.get("raised_in"),
        )


# --------------------------------------------------------------------------
# Diagnosis records (steps 1-3: what broke and which versions would not)
# --------------------------------------------------------------------------

VERDICTS = ("direct", "transitive", "project", "environment", "unknown")


@dataclass
class Constraint:
    """A PEP 440 constraint on one distribution of the set, with why."""

    name: str  # distribution (any spelling; compare canonicalized)
    specifier: str  # e.g. "<1.24", ">=3.0,<4"
    reason: str = ""


@dataclass
class Culprit:
    """One hypothesis: moving ``name`` into ``constraint`` avoids the crash."""

    name: str
    constraint: str  # PEP 440 specifier set
    confidence: float  # 0..1
    evidence: List[str] = field(default_factory=list)
    source: str = ""  # URL of a changelog/issue, "api-probe", "matrix", "upload-dates", ...
    # Further constraints that must hold together with this one (e.g. moving a
    # caller forward requires its new floor on a dependency).
    together: List[Constraint] = field(default_factory=list)


@dataclass
class Diagnosis:
    """The verdict on one crash and the alternatives that would avoid it."""

    crash_key: str
    verdict: str  # one of VERDICTS
    family: str  # import-name | attribute | signature | abi | declared | python-version | environment | unknown
    summary: str  # one sentence for people
    culprits: List[Culprit] = field(default_factory=list)  # alternatives, best first
    advice: str = ""  # what would fix it when no pin change does
    details: Dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------
# Resolution records (step 4: the pins)
# --------------------------------------------------------------------------


@dataclass
class Change:
    name: str  # as the input spells it
    from_version: Optional[str]
    to_version: str
    reason: str


@dataclass
class Resolution:
    ok: bool
    pins: Dict[str, str]  # canonical name -> exact version, for every package of the set
    changes: List[Change] = field(default_factory=list)
    conflict: List[str] = field(default_factory=list)  # human chain when not ok
    partial: Dict[str, str] = field(default_factory=dict)  # nearest partial answer when not ok
    missing: List[Tuple[str, str]] = field(default_factory=list)  # (requirement, required by) not in the set
    stats: Dict[str, Any] = field(default_factory=dict)
