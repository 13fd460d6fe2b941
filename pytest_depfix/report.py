"""The artifacts: strict pins, the JSON report for machines, Markdown for people.

Every file is written atomically (a temporary file in the same folder, then
``os.replace``) so a CI job that keeps the folder never sees half an artifact.
The JSON carries no timestamps or absolute timings in the parts that describe
the answer, so two runs on the same input give byte-identical files (timings
live under ``stats``, which callers may drop with ``deterministic=True``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

from . import __version__
from .engine import Report
from .models import Crash, Diagnosis
from .atomic import write_text_atomic
from .redaction import redact

SCHEMA = "https://pytest-depfix.invalid/schema/report-1.json"
REQUIREMENTS_NAME = "requirements-fixed.txt"
JSON_NAME = "depfix-report.json"
MARKDOWN_NAME = "depfix-report.md"

def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old file or the new one, never a part."""
    write_text_atomic(path, text)


# -- JSON ------------------------------------------------------------------


def _crash_entry(crash: Crash, diag: Optional[Diagnosis]) -> Dict[str, Any]:
    final = crash.final
    root = crash.root
    return {
        "id": crash.key(),
        "tests": list(crash.tests),
        "when": crash.when,
        "exception": {"type": root.type, "message": root.message},
        "chain": [{"type": e.type, "message": e.message, "relation": e.relation} for e in crash.exceptions],
        "frames": [
            {"file": f.file, "line": f.line, "function": f.function, "owner": f.owner,
             "dist": f.dist, "version": f.version, "module": f.module}
            for f in root.frames
        ],
        "outer_exception": {"type": final.type, "message": final.message} if final is not root else None,
        "call_edges": [{"caller": e.caller, "callee": e.callee} for e in crash.edges],
        "innermost_library": crash.innermost_library,
        "verdict": diag.verdict if diag else "unknown",
        "family": diag.family if diag else "unknown",
        "summary": diag.summary if diag else "",
        "advice": diag.advice if diag else "",
        "culprits": [
            {"name": c.name, "constraint": c.constraint, "confidence": round(c.confidence, 3),
             "evidence": list(c.evidence), "source": c.source,
             "together": [{"name": t.name, "constraint": t.specifier, "reason": t.reason} for t in c.together]}
            for c in (diag.culprits if diag else [])
        ],
    }


def report_to_dict(report: Report, deterministic: bool = False) -> Dict[str, Any]:
    res = report.resolution
    diags = {d.crash_key: d for d in report.diagnoses}
    data: Dict[str, Any] = {
        "$schema": SCHEMA,
        "tool": {"name": "pytest-depfix", "version": __version__},
        "target": report.target.to_dict(),
        "requirements": {"source": report.requirements_source, "count": len(report.pins)},
        "keep": [f"{p.name}=={p.version}" for p in report.keep],
        "status": "resolved" if res.ok else "no-solution",
        "resolution": {"ok": res.ok, "changed": len(res.changes)},
        "crashes": [_crash_entry(c, diags.get(c.key())) for c in report.crashes],
        "changes": [{"name": c.name, "from": c.from_version, "to": c.to_version, "reason": c.reason} for c in res.changes],
        "pins": {p.name: report.versions.get(p.key) for p in report.pins},
        "conflict": list(res.conflict),
        "partial": dict(res.partial) if not res.ok else {},
        "missing": [{"requirement": r, "required_by": by} for r, by in res.missing],
        "matrix": report.matrix,
        "verification": _verification(report.verification),
        "warnings": [redact(w) for w in report.warnings],
        "errors": [redact(e) for e in report.errors],
    }
    if not deterministic:
        data["stats"] = {**report.stats, **{f"resolver_{k}": v for k, v in res.stats.items()}}
    return data


def report_to_json(report: Report, deterministic: bool = False) -> str:
    return json.dumps(report_to_dict(report, deterministic), indent=2, sort_keys=False, default=str) + "\n"


def _verification(data: Optional[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The verification outcome without timings (they vary run to run)."""
    if data is None:
        return None
    out = {k: v for k, v in data.items() if k != "attempts"}
    out["attempts"] = [
        {k: redact(v) if isinstance(v, str) else v for k, v in a.items() if k not in ("seconds", "install_seconds", "env_cached")}
        for a in data.get("attempts", [])
    ]
    return out


# -- Markdown --------------------------------------------------------------


def _code(text: str) -> str:
    """An inline code span that survives backticks inside ``text`` (CommonMark: a longer fence)."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def report_to_markdown(report: Report) -> str:
    res = report.resolution
    diags = {d.crash_key: d for d in report.diagnoses}
    out: List[str] = ["# depfix report", ""]
    out.append(f"Target: {report.target.describe()}. Packages in the set: {len(report.pins)}."
               + (f" Kept as given: {', '.join(f'`{p.name}=={p.version}`' for p in report.keep)}." if report.keep else ""))
    out.append("")
    out.append("## What broke")
    out.append("")
    if not report.crashes:
        out.append("No crash was analysed: only the declared compatibility of the set was checked.")
    for i, crash in enumerate(report.crashes, 1):
        d = diags.get(crash.key())
        root = crash.root
        msg = root.message.splitlines()[0] if root.message else ""
        out.append(f"### {i}. {_code(f'{root.type}: {_md(msg)}')}")
        out.append("")
        if crash.when == "message":
            out.append("Only the message was pasted (no traceback, no exception type): "
                       "the type above is read from its wording.")
        if crash.tests:
            shown = ", ".join(f"`{t}`" for t in crash.tests[:10])
            more = f" and {len(crash.tests) - 10} more" if len(crash.tests) > 10 else ""
            out.append(f"Seen in {shown}{more} ({crash.when}).")
        where = [f"{f.dist}=={f.version}" if f.version else f.dist for f in root.frames if f.owner == "dist" and f.dist]
        if where:
            out.append(f"Code on the stack: {', '.join(dict.fromkeys(where))}.")
        if d:
            out.append("")
            out.append(f"**Verdict: {d.verdict}** ({d.family}). {d.summary}")
            for c in d.culprits:
                ev = "; ".join(c.evidence[:3])
                src = f" ([source]({c.source}))" if c.source.startswith("http") else (f" ({c.source})" if c.source else "")
                out.append(f"- `{c.name}{c.constraint}` (confidence {c.confidence:.2f}){src}: {_md(ev)}")
            if d.advice:
                out.append("")
                out.append(f"What would fix it: {_md(d.advice)}")
        out.append("")
    out.append("## What changes")
    out.append("")
    if res.ok and not res.changes:
        out.append("No pin changes: every pin already satisfies the constraints found, or no pin change can fix the crash (see the verdicts above).")
    for c in res.changes:
        out.append(f"- `{c.name}`: {c.from_version or '(unpinned)'} -> **{c.to_version}**: {_md(c.reason)}")
    if not res.ok:
        out.append("No pin set satisfies every constraint:")
        for line in res.conflict:
            out.append(f"- {_md(line)}")
        if res.partial:
            out.append("")
            out.append("Nearest partial answer: " + ", ".join(f"`{k}=={v}`" for k, v in res.partial.items()))
    out.append("")
    if report.verification is not None:
        v = report.verification
        out.append("## Verification")
        out.append("")
        out.append(("Verified: " if v.get("verified") else "Not verified: ") + _md(v.get("reason", "")))
        for i, a in enumerate(v.get("attempts", []), 1):
            outcome = "passed" if a.get("error") is None and a.get("passed") and all(a["passed"].values()) else "failed"
            out.append(f"- attempt {i}: {outcome}" + (f" ({_md(redact(a['error']))})" if a.get("error") else ""))
            if outcome == "failed" and a.get("output_tail"):
                out.append("")
                out.append("```")
                out.extend(redact(a["output_tail"]).splitlines()[-15:])
                out.append("```")
        out.append("")
    if res.missing:
        out.append("## Needed but not in the set")
        out.append("")
        out.append("These are required by pins of the set but missing from it; depfix never adds packages:")
        for r, by in res.missing:
            out.append(f"- `{r}` (required by {by})")
        out.append("")
    if report.warnings or report.errors:
        out.append("## Warnings")
        out.append("")
        for w in report.errors + report.warnings:
            out.append(f"- {_md(redact(w))}")
        out.append("")
    out.append(f"The corrected pins are in `{REQUIREMENTS_NAME}`; the machine-readable report is `{JSON_NAME}`.")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("\r", "").replace("\n", " ")


# -- artifacts -------------------------------------------------------------


def write_artifacts(report: Report, folder: Path, deterministic: bool = True) -> Dict[str, Path]:
    """Write the three artifacts into ``folder``; return their paths."""
    folder = Path(folder)
    paths = {
        "requirements": folder / REQUIREMENTS_NAME,
        "json": folder / JSON_NAME,
        "markdown": folder / MARKDOWN_NAME,
    }
    # Render everything first: a failure while rendering must not leave a partial set.
    texts = {
        "requirements": report.strict_pins(),
        "json": report_to_json(report, deterministic),
        "markdown": report_to_markdown(report),
    }
    for key, path in paths.items():
        write_atomic(path, texts[key])
    return paths


def summary_lines(report: Report) -> List[str]:
    """Short lines for a terminal: changes with reasons, verdicts."""
    lines: List[str] = []
    diags = {d.crash_key: d for d in report.diagnoses}
    for crash in report.crashes:
        d = diags.get(crash.key())
        root = crash.root
        n = len(crash.tests)
        who = f" ({n} test{'s' if n != 1 else ''})" if n else ""
        msg = root.message.splitlines()[0][:100] if root.message else ""
        lines.append(f"{root.type}: {msg}{who} -> verdict {d.verdict if d else 'unknown'}")
        if d and d.verdict in ("environment", "unknown") and d.advice:
            lines.append(f"  {d.advice[:200]}")
    res = report.resolution
    for c in res.changes:
        lines.append(f"change {c.name} {c.from_version} -> {c.to_version}: {c.reason[:160]}")
    if res.ok and not res.changes:
        lines.append("no pin changes")
    if not res.ok:
        lines.append("no pin set satisfies every constraint: " + "; ".join(res.conflict[:3]))
    for r, by in res.missing[:5]:
        lines.append(f"missing from the set: {r} (required by {by})")
    return lines
