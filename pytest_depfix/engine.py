"""The pipeline as one readable function: crashes -> diagnosis -> pins -> report.

Both front doors call :func:`analyze`: the pytest plugin (after the session,
with crashes captured live) and ``depfix analyze`` (with a pasted traceback).
Each step is its own module; this one only wires them and turns the failure of
an optional step (an unreachable index, a probe that cannot read a release)
into a warning in the report instead of a lost answer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence

from packaging.utils import canonicalize_name

from .errors import BadInput, DepfixError, IndexUnavailable
from .models import Change, Crash, Diagnosis, Resolution
from .requirements import Pin, PinSet, format_pins
from .target import Target


@dataclass
class AnalysisRequest:
    """Everything one analysis needs; the plugin and the CLI both build one."""

    pins: PinSet
    crashes: List[Crash]
    target: Target
    keep: List[Pin] = field(default_factory=list)
    index: Any = None  # a PackageIndex (or anything with its API); built lazily if None
    index_options: Dict[str, Any] = field(default_factory=dict)  # for PackageIndex.from_config
    project_root: Optional[str] = None
    knowledge_files: Sequence[str] = ()
    pyproject: Optional[str] = None
    installed: bool = False  # crashes come from this interpreter (attribute from installed metadata)
    requirements_source: str = ""
    use_probe: bool = True
    alternatives: int = 0  # how many next-ranked answers to compute (for verification)
    notes: List[str] = field(default_factory=list)  # what the caller assumed about the input (report warnings)


@dataclass
class Report:
    """The outcome of one analysis: what the artifacts and summaries are made of."""

    target: Target
    pins: PinSet
    keep: List[Pin]
    crashes: List[Crash]
    diagnoses: List[Diagnosis]
    resolution: Resolution
    matrix: Dict[str, Any] = field(default_factory=dict)
    warnings: List[str] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    stats: Dict[str, Any] = field(default_factory=dict)
    requirements_source: str = ""
    verification: Optional[Dict[str, Any]] = None  # VerifyResult.to_dict() when --depfix-verify ran
    alternatives: List[Resolution] = field(default_factory=list)  # next-ranked answers, for verification

    @property
    def versions(self) -> Dict[str, str]:
        """Chosen exact version per canonical name, for every pin of the set."""
        out = {p.key: p.version for p in self.pins if p.version}
        out.update(self.resolution.pins)
        if not self.resolution.ok:
            out.update({k: v for k, v in self.resolution.partial.items() if k not in self.resolution.pins})
        return out

    def strict_pins(self) -> str:
        """The requirements artifact: one ``name==version`` per input package."""
        return format_pins(self.pins.pins, self.versions)

    @property
    def changed(self) -> bool:
        return bool(self.resolution.changes)


def analyze(req: AnalysisRequest) -> Report:
    """Run capture post-processing, diagnosis and resolution; never lose what was learnt."""
    t0 = time.perf_counter()
    warnings: List[str] = list(req.notes) + list(req.pins.warnings)
    errors: List[str] = []
    _check_direct_references(req.pins)
    keep = _check_keep(req.pins, req.keep, warnings)
    index = req.index if req.index is not None else _build_index(req)
    warnings += list(getattr(index, "warnings", []) or [])
    _patch_from_pins(req, index, warnings)

    crashes = _attribute_all(req, index, warnings)

    from .diagnose import check_matrix, diagnose, load_knowledge

    matrix = None
    try:
        matrix = check_matrix(req.pins, req.target, index)
    except IndexUnavailable:
        raise
    except DepfixError as exc:
        warnings.append(f"compatibility matrix incomplete: {exc}")

    kb = load_knowledge(req.knowledge_files, req.pyproject)
    warnings += list(getattr(kb, "warnings", []) or [])
    probe = _make_probe(index, warnings) if req.use_probe else None
    keep_keys = {p.key for p in keep}
    diagnoses: List[Diagnosis] = []
    for crash in crashes:
        try:
            diagnosis = diagnose(_bounded(crash), req.pins, req.target, index, kb, keep=keep_keys, probe=probe,
                                 matrix=matrix, project_root=req.project_root)
        except IndexUnavailable:
            raise  # the index itself is gone: said once, as the CLI's exit status 3
        except Exception as exc:  # a reading's own failure must not cost the other crashes, nor the artifacts
            diagnosis = Diagnosis(crash.key(), "unknown", "unknown",
                                  f"the diagnosis stopped on an unexpected {type(exc).__name__}; the pins are left alone",
                                  [])
            warnings.append(f"crash {crash.key()}: diagnosis failed ({type(exc).__name__}); its pins were left alone")
        diagnosis.crash_key = crash.key()  # the report links diagnoses to the crashes as captured
        diagnoses.append(diagnosis)

    from .resolve import resolve

    demands = [_plausible(d.culprits) for d in diagnoses if d.culprits]
    keep_versions = {p.key: p.version for p in keep}
    # Crashes that are all outside the pins leave the pins alone: a pin the index has no file for
    # (torch 1.2.0 for Windows came from PyTorch's own index) is not moved on that account.
    outside = bool(diagnoses) and all(d.verdict == "environment" and not d.culprits for d in diagnoses)
    hold = [p.key for p in req.pins if p.active] if outside else []
    resolution = resolve(req.pins, req.target, index, keep=keep_versions, demands=demands, hold=hold)
    whole = [list(d.culprits) for d in diagnoses if d.culprits]
    if not resolution.ok and any(len(a) != len(b) for a, b in zip(demands, whole)):
        # The likelier fixes cannot be had (requests-toolbelt>=1.0 under a kept datapane that caps it
        # below 0.10): the weaker hypotheses set aside above are all that is left, so they are tried.
        retry = resolve(req.pins, req.target, index, keep=keep_versions, demands=whole, hold=hold)
        if retry.ok:
            warnings.append("the likelier fixes conflict with the kept pins or each other; the answer uses a "
                            "less certain hypothesis (see each crash's culprits)")
            resolution, demands = retry, whole
    if probe is not None and resolution.ok and resolution.changes:
        resolution, demands = _check_imports(req, index, probe, keep_versions, demands, hold, resolution, warnings)
    _explain_keep_changes(req.pins, keep, resolution)
    # What the resolver took on trust (a pin the index does not list, metadata it cannot read) is
    # said where people read, not only in the stats a deterministic report drops.
    warnings += [str(n) for n in (resolution.stats.get("notes") or [])]
    alternatives = _alternatives(req, index, keep_versions, demands, resolution, req.alternatives) if req.alternatives else []

    stats = dict(getattr(index, "stats", {}) or {})
    stats["seconds"] = round(time.perf_counter() - t0, 3)
    return Report(
        target=req.target,
        pins=req.pins,
        keep=keep,
        crashes=crashes,
        diagnoses=diagnoses,
        resolution=resolution,
        matrix=matrix.to_dict() if matrix is not None and hasattr(matrix, "to_dict") else {},
        warnings=_dedupe(warnings + list(getattr(index, "warnings", []) or [])),
        errors=errors,
        stats=stats,
        requirements_source=req.requirements_source,
        alternatives=alternatives,
    )


# -- steps -----------------------------------------------------------------


MAX_PATCH = 30  # patch releases of one Python minor tried when pins say the target is past X.Y.0


def _patch_from_pins(req: AnalysisRequest, index, warnings: List[str]) -> None:
    """A target given as ``3.6`` is read as 3.6.0, as pip does; pins installed on it may say it was later.

    pyupgrade 2.9.0 declares Requires-Python >=3.6.1 and was installed on the crashing
    Python 3.6: that interpreter was 3.6.1 or later, and releases for >=3.6.1 are on offer.
    The target takes the lowest patch every pin's Requires-Python admits (within the minor);
    a pin that no patch of the minor admits changes nothing here (the matrix reports it).
    """
    from dataclasses import replace

    target = req.target
    if len(target.python) != 2:
        return
    needs = []
    for pin in req.pins:
        if not pin.active or not pin.version:
            continue
        try:
            rel = index.release(pin.name, pin.version)
        except IndexUnavailable:
            raise  # an index that does not answer is the run's error, said once (exit 3)
        except Exception:
            continue
        rp = rel.requires_python if rel is not None else None
        if rp and not target.allows_python(rp):
            needs.append((pin, rp))
    if not needs:
        return
    for patch in range(1, MAX_PATCH + 1):
        candidate = replace(target, python=(target.python[0], target.python[1], patch))
        if all(candidate.allows_python(rp) for _, rp in needs):
            req.target = candidate
            if getattr(index, "target", None) is target:
                index.target = candidate
            said = ", ".join(f"{p.name}=={p.version} requires Python {rp}" for p, rp in needs[:3])
            warnings.append(f"target Python {target.python_version} read as {target.python_version}.{patch}: {said}, "
                            f"and the set was installed on it")
            return


def _check_direct_references(pins: PinSet) -> None:
    """A ``name @ url`` line without a version cannot become a strict pin: say so up front.

    (It used to reach the report writer and fail there as an internal error.)
    """
    from .redaction import redact

    for pin in pins:
        if pin.active and pin.url and not pin.version:
            raise BadInput(f"{pin.source}: {pin.name} @ {redact(pin.url)} is a direct URL reference; "
                           f"depfix needs {pin.name}==VERSION to pin it (or remove the line)")


def _check_keep(pins: PinSet, keep: List[Pin], warnings: List[str]) -> List[Pin]:
    """Keep-pins must name packages of the set; a keep version wins over the file's."""
    out = []
    by_key = pins.by_key()
    for k in keep:
        if k.key not in by_key:
            warnings.append(f"keep-pin {k.name}=={k.version} names a package that is not in the requirements; ignored")
            continue
        out.append(k)
    return out


def _explain_keep_changes(pins: PinSet, keep: List[Pin], resolution: Resolution) -> None:
    """A keep-pin that differs from the file's pin is a change the user asked for: say so."""
    by_key = pins.by_key()
    for k in keep:
        pin = by_key[k.key]
        if pin.version != k.version and not any(canonicalize_name(c.name) == k.key for c in resolution.changes):
            resolution.changes.insert(0, Change(pin.name, pin.version, k.version, "keep-pin given by the user"))


def _build_index(req: AnalysisRequest):
    from .index import PackageIndex

    opts = dict(req.index_options)
    if req.pins.index_url and "index_url" not in opts:
        opts["index_url"] = req.pins.index_url
    if req.pins.extra_index_urls:
        opts["extra_index_urls"] = list(opts.get("extra_index_urls", ())) + req.pins.extra_index_urls
    if req.pins.find_links:
        opts["find_links"] = list(opts.get("find_links", ())) + req.pins.find_links
    return PackageIndex.from_config(req.target, **opts)


def _attribute_all(req: AnalysisRequest, index, warnings: List[str]) -> List[Crash]:
    from .crash import attribute, group_crashes

    out = []
    for crash in req.crashes:
        try:
            out.append(attribute(crash, req.pins, target=req.target, project_root=req.project_root,
                                 installed=req.installed, index=index))
        except DepfixError as exc:
            warnings.append(f"attribution incomplete: {exc}")
            out.append(crash)
        except Exception as exc:  # a frame no reading foresaw: that crash goes on unattributed, never an error
            warnings.append(f"attribution incomplete: {type(exc).__name__}: {exc}")
            out.append(crash)
    return group_crashes(out)


# What the diagnosis reads of an exception message.  Real signals sit in the
# first lines and never need long ones; a failing assertion on a long string or
# a whole pasted log can make a message megabytes long, and pattern matching on
# it must stay bounded (a backtracking pattern is quadratic in a line's length).
MESSAGE_LINE_CHARS = 1000
MESSAGE_CHARS = 16_000


def _bounded(crash: Crash) -> Crash:
    """A copy of ``crash`` whose messages are cut to what diagnosis may read."""
    if all(len(e.message) <= MESSAGE_LINE_CHARS for e in crash.exceptions):
        return crash
    import dataclasses

    def cut(message: str) -> str:
        lines = message[:MESSAGE_CHARS].split("\n")
        return "\n".join(line[:MESSAGE_LINE_CHARS] for line in lines)

    exceptions = [dataclasses.replace(e, message=cut(e.message)) for e in crash.exceptions]
    return dataclasses.replace(crash, exceptions=exceptions)


def _make_probe(index, warnings: List[str]):
    try:
        from .diagnose.probe import ApiProbe
    except ImportError:
        return None
    try:
        return ApiProbe(index)
    except Exception as exc:  # the probe is evidence, not a requirement
        warnings.append(f"API probe unavailable: {exc}")
        return None


def _alternatives(req: AnalysisRequest, index, keep: Dict[str, str], demands, best: Resolution, limit: int) -> List[Resolution]:
    """Next-ranked answers: the best one with each other culprit alternative forced in turn.

    Verification tries them in order when the first answer does not make the
    failing tests pass.
    """
    from .resolve import resolve

    out: List[Resolution] = []
    seen = {tuple(sorted(best.pins.items()))}
    for i, alts in enumerate(demands):
        for alt in alts:
            if len(out) >= limit:
                return out
            forced = [list(d) if j != i else [alt] for j, d in enumerate(demands)]
            res = resolve(req.pins, req.target, index, keep=keep, demands=forced)
            sig = tuple(sorted(res.pins.items()))
            if res.ok and sig not in seen:
                seen.add(sig)
                _explain_keep_changes(req.pins, req.keep, res)
                out.append(res)
    return out


# An alternative far less likely than the diagnosis' best is not worth a
# smaller move: the resolver ranks by change count and size before confidence,
# so weak hypotheses are dropped here, where the confidence scale is known.
PLAUSIBLE_RATIO = 0.75


MAX_IMPORT_ROUNDS = 3


def _check_imports(req: AnalysisRequest, index, probe, keep_versions, demands, hold, resolution: Resolution,
                   warnings: List[str]):
    """Resolve again while the answer's own pins cannot import what they take from each other.

    Each break (librosa 0.7.2 runs ``from numba.decorators import jit``; numba 0.53 has no
    ``numba.decorators``) becomes one more demand: the owner where it has the name, or the
    importer at another release.  A round that cannot be resolved keeps the last answer
    and says why.
    """
    from .diagnose.contracts import broken_imports
    from .models import Culprit
    from .resolve import resolve

    before = {p.key: p.version for p in req.pins if p.active and p.version}
    names = {p.key: p.name for p in req.pins if p.active}
    extra: List[List[Culprit]] = []
    for _ in range(MAX_IMPORT_ROUNDS):
        try:
            breaks = broken_imports(probe, index, resolution.pins, before, names)
        except Exception as exc:  # evidence, never a reason to fail
            warnings.append(f"could not check the answer's imports: {type(exc).__name__}: {exc}")
            break
        more: List[List[Culprit]] = []
        for b in breaks:
            alternatives = []
            okey, ikey = canonicalize_name(b.owner), canonicalize_name(b.importer)
            if okey not in keep_versions:
                alternatives.append(Culprit(b.owner, b.present, 0.8, [f"{b.describe()}; {b.owner}{b.present} has it"], "import-check"))
            if ikey not in keep_versions:
                past = _release_past_import(probe, b, before.get(ikey))
                if past is not None:
                    alternatives.append(Culprit(b.importer, past, 0.5, [b.describe()], "import-check"))
            if alternatives:
                more.append(alternatives)
                warnings.append(f"the first answer breaks an import: {b.describe()}; resolved again")
        if not more:
            break
        candidate = resolve(req.pins, req.target, index, keep=keep_versions, demands=list(demands) + extra + more, hold=hold)
        if not candidate.ok:
            warnings.append("no answer keeps every import of the set working; the answer above may need the import "
                            "fixed by hand: " + "; ".join(b.describe() for b in breaks))
            break
        extra += more
        resolution = candidate
    return resolution, list(demands) + extra


MAX_IMPORT_WALK = 6  # releases of an importer stepped past while each still runs the broken import


def _release_past_import(probe, b, was: Optional[str]) -> Optional[str]:
    """The importer's constraint that steps past the broken import, in the direction it moved.

    The next release usually does not run it (``!=`` that release is enough); when it does
    (every keras 2.4.x imports ``tensorflow.keras``, which TensorFlow 1.15 lacks), the walk goes on
    to the first release that does not, and the constraint reaches it (``<=2.3.1``).  None when
    no release within reach is free of it: then only the owner can move.
    """
    from packaging.version import InvalidVersion, Version

    from .diagnose.contracts import imports_at_import, next_release

    try:
        older = was is not None and Version(b.version) < Version(was)
    except InvalidVersion:
        return f"!={b.version}"
    v = b.version
    for step in range(MAX_IMPORT_WALK):
        v = next_release(probe, b.importer, v, older=older)
        if not v:
            return f"!={b.version}" if step == 0 else None
        try:
            if Version(v).is_prerelease:
                continue
        except InvalidVersion:
            continue
        if imports_at_import(probe, b.importer, v, b.module, b.name) is not True:
            if step == 0:
                return f"!={b.version}"
            return f"<={v}" if older else f">={v}"
    return None


def _plausible(culprits):
    best = max(c.confidence for c in culprits)
    return [c for c in culprits if c.confidence >= best * PLAUSIBLE_RATIO - 1e-9]  # 0.8 * 0.75 is 0.6000000000000001


def _dedupe(items: List[str]) -> List[str]:
    return list(dict.fromkeys(items))


def parse_keep(values: Sequence[str]) -> List[Pin]:
    """Read ``--keep NAME==VER`` values (repeatable, comma lists allowed)."""
    from .requirements import parse_pin

    out: List[Pin] = []
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if part:
                out.append(parse_pin(part))
    seen: Dict[str, Pin] = {}
    for p in out:
        if p.key in seen and seen[p.key].version != p.version:
            raise BadInput(f"keep-pins disagree: {seen[p.key].name}=={seen[p.key].version} and {p.name}=={p.version}")
        seen[p.key] = p
    return list(seen.values())
