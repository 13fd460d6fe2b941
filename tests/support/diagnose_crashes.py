"""Build attributed Crash records for diagnosis tests from real traceback text.

Uses ``pytest_depfix.crash.parse_traceback`` + ``attribute`` when they exist;
until then (and to keep the diagnosis tests independent of the crash step's
progress) a small reader of CPython's standard layout does the same job:
frames from ``File "...", line N, in f`` lines, owner from ``site-packages``
paths mapped onto the pin set.
"""

from __future__ import annotations

import re
from typing import List, Optional


from pytest_depfix.models import OWNER_DIST, OWNER_PROJECT, OWNER_STDLIB, CallEdge, Crash, ExceptionRecord, Frame
from pytest_depfix.requirements import PinSet

_FRAME = re.compile(r'^\s*File "([^"]+)", line (\d+), in (\S+)')
_EXC = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit|Interrupt|Conflict|NotFound|Found|Failure|Mismatch)|"
                  r"[A-Za-z_][\w]*\.[A-Za-z_][\w.]*)(?::\s?(.*))?$")
_SITE = re.compile(r"(?:site|dist)-packages[\\/]+(.+?)\.py$")
_STDLIB = re.compile(r"[\\/]lib[\\/]python\d\.\d+[\\/](?!site-packages|dist-packages)|^<frozen ")
_ALIASES = {"PIL": "pillow", "yaml": "pyyaml", "cv2": "opencv-python", "sklearn": "scikit-learn",
            "skimage": "scikit-image", "dateutil": "python-dateutil", "google": "protobuf"}


def simple_parse(text: str, pins: Optional[PinSet] = None) -> Crash:
    """One Crash from a standard CPython traceback (chained blocks kept in order)."""
    excs: List[ExceptionRecord] = []
    frames: List[Frame] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _FRAME.match(line)
        if m:
            src = lines[i + 1].strip() if i + 1 < len(lines) and not _FRAME.match(lines[i + 1]) and lines[i + 1].startswith("    ") else ""
            frames.append(_frame(m.group(1), int(m.group(2)), m.group(3), src, pins))
            i += 1
            continue
        if not line.startswith((" ", "\t", "Traceback")) and line.strip():
            em = _EXC.match(line.strip())
            if em and (frames or not excs):
                msg = [em.group(2) or ""]
                j = i + 1
                while j < len(lines) and lines[j].strip() and not lines[j].startswith(("Traceback", "During handling", "The above")) and not _FRAME.match(lines[j]):
                    msg.append(lines[j])
                    j += 1
                excs.append(ExceptionRecord(em.group(1), "\n".join(msg).strip(), frames))
                frames = []
                i = j
                continue
        i += 1
    crash = Crash(excs or [ExceptionRecord("Exception", text.strip()[-200:])])
    lib = [f for f in crash.root.frames if f.owner == OWNER_DIST]
    crash.innermost_library = lib[-1].dist if lib else None
    crash.raised_in = crash.root.frames[-1].owner if crash.root.frames else None
    prev = None
    for k, fr in enumerate(crash.final.frames):
        label = fr.dist if fr.owner == OWNER_DIST else f"<{fr.owner}>"
        if prev is not None and label != prev:
            crash.edges.append(CallEdge(prev, label, k))
        prev = label
    return crash


def _frame(path: str, line: int, func: str, src: str, pins: Optional[PinSet]) -> Frame:
    m = _SITE.search(path)
    if m:
        module = m.group(1).replace("/", ".").replace("\\", ".").removesuffix(".__init__")
        top = module.split(".")[0]
        dist = _ALIASES.get(top, top)
        version = None
        if pins is not None:
            pin = pins.get(dist) or pins.get(top.replace("_", "-"))
            if pin is not None:
                dist, version = pin.name, pin.version
        return Frame(path, line, func, src, OWNER_DIST, dist, version, module)
    rel = re.match(r"([A-Za-z_]\w*)[\\/][\w\\/]*\.(pyx|pxd|pxi)$", path)  # Cython frames print relative paths
    if rel and pins is not None and pins.get(_ALIASES.get(rel.group(1), rel.group(1))) is not None:
        pin = pins.get(_ALIASES.get(rel.group(1), rel.group(1)))
        return Frame(path, line, func, src, OWNER_DIST, pin.name, pin.version, rel.group(1))
    if _STDLIB.search(path):
        return Frame(path, line, func, src, OWNER_STDLIB)
    return Frame(path, line, func, src, OWNER_PROJECT)


def crash_from_text(text: str, pins: PinSet, target=None) -> Crash:
    """Parse and attribute with the crash step when present, else with :func:`simple_parse`."""
    try:
        from pytest_depfix.crash import attribute, parse_traceback  # type: ignore[attr-defined]
    except ImportError:
        return simple_parse(text, pins)
    crashes = parse_traceback(text)
    if not crashes:
        return simple_parse(text, pins)
    return attribute(crashes[-1], pins, target=target)


def diagnose_text(index, target, pins: PinSet, paste: str, kb=None):
    """Parse one pasted traceback, attribute it to ``pins`` (not installed) and diagnose it with the API probe."""
    from pytest_depfix.crash import attribute, parse_traceback
    from pytest_depfix.diagnose import diagnose, load_knowledge
    from pytest_depfix.diagnose.probe import ApiProbe

    (crash,) = parse_traceback(paste)
    crash = attribute(crash, pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, kb if kb is not None else load_knowledge(), probe=ApiProbe(index))


def diagnose_paste(index, target, reqs: str, paste: str, keep=()):
    """The real parser and attribution over ``paste``, then diagnosis of its first crash against ``reqs``.

    ``keep``: names of keep-pins.  The bundled knowledge base is left out: the readings are under test.
    """
    from pytest_depfix.crash import attribute, parse_traceback
    from pytest_depfix.diagnose import diagnose, load_knowledge
    from pytest_depfix.diagnose.probe import ApiProbe
    from pytest_depfix.requirements import parse_requirements_text

    pins = parse_requirements_text(reqs, target)
    # attributed as the engine does it: the index names each pin's top-level packages
    crash = attribute(parse_traceback(paste)[0], pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), keep=list(keep), probe=ApiProbe(index))
