"""A value a library does not know: a model type, a style name, a property.

Some refusals are the same in every release; what changes is the table of
values they check against.  ``KeyError: 'mistral'`` is transformers 4.33
looking up a model type it does not have yet (4.34 added it); "'seaborn-colorblind'
is not a valid package style" is matplotlib 3.8 after the old style names went;
"Invalid property specified for object of type plotly.graph_objs.layout.XAxis:
'titlefont'" is plotly 6 after the deprecated property was dropped.  Reading the
raise finds the same words around the pinned release, so the refusal reading
(:mod:`.raised`) has nothing to offer.

The table is data in the release, and data can be read without running it: a
file or package named after the value (``transformers/models/mistral/``,
``mpl-data/stylelib/seaborn-colorblind.mplstyle``), or the value as a string
constant in the module that refuses or in the module defining the class the
message names (``plotly/graph_objs/layout/_xaxis.py`` holds ``"titlefont"``).
The nearest releases that know the value are found by galloping outward from
the pin, as for a refusal.  A caller that passes the value from its own source
(conflowgen's ``plt.style.context('seaborn-colorblind')``) is read the same way,
for its nearest release that stopped passing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, List, Optional, Sequence, Tuple

from packaging.version import InvalidVersion, Version

from .raised import final_releases

__all__ = ["quoted_values", "class_modules", "knows", "nearest_knowing", "passes_value", "caller_stopped", "message_context"]

MAX_VALUES = 2  # quoted values of one message tried
MAX_STEPS = 14  # release reads in one direction (gallop, then bisect)
MAX_CALLER_FILES = 300  # a caller release read whole for the value only when it is this small

# A value, not prose: no spaces, 2-60 characters, starting with a letter or digit
_VALUE = re.compile(r"[A-Za-z0-9][\w.\-]{1,59}")
_QUOTED = re.compile(r"'([^'\s]{2,60})'|`([^`\s]{2,60})`|\"([^\"\s]{2,60})\"")
# plotly.graph_objs.layout.XAxis: a dotted module path ending in a class name
_DOTTED_CLASS = re.compile(r"\b([a-z_]\w*(?:\.[a-z_]\w*)+)\.([A-Z]\w*)\b")
_NAMES_NOT_VALUES = {"AttributeError", "ImportError", "ModuleNotFoundError", "NameError", "UnboundLocalError",
                     "TypeError", "SyntaxError", "IndentationError"}
_NOT_SHIPPED = {"tests", "test", "testing", "docs", "doc", "examples"}


@dataclass
class Known:
    """Where a release knows the value: a path named after it, or a module spelling it."""

    version: str
    where: str


def quoted_values(exc_type: str, message: str) -> List[str]:
    """The values a message quotes: a KeyError's key, or the quoted tokens of a refusal.

    A token that is a dotted path (``plotly.graph_objs.layout.XAxis``) names where
    to look, not what is missing, and is left out.
    """
    msg = (message or "").strip()
    out: List[str] = []
    kind = exc_type.rsplit(".", 1)[-1]
    if kind in _NAMES_NOT_VALUES:
        return []  # they quote names of code (attributes, modules, arguments), not values of a table
    if kind == "KeyError":
        m = re.fullmatch(r"(['\"])(.{1,60})\1", msg)
        if m and _VALUE.fullmatch(m.group(2)):
            return [m.group(2)]
        return []
    # "Got 'mse' instead" (scikit-learn's validation), "expected one of ..., got 'x'": the value given comes first.
    given = [m for m in _QUOTED.finditer(msg) if re.search(r"\bgot\s*$", msg[:m.start()], re.IGNORECASE)]
    for m in given + list(_QUOTED.finditer(msg)):
        value = next(g for g in m.groups() if g)
        if not _VALUE.fullmatch(value) or value.isdigit() or _DOTTED_CLASS.fullmatch(value):
            continue
        if value not in out:
            out.append(value)
    return out[:MAX_VALUES]


def _norm(text: str) -> str:
    return text.lower().replace("-", "_")


def named_path(paths: Iterable[str], value: str) -> Optional[str]:
    """A shipped path with a directory or file named after the value (its stem before the first dot)."""
    want = _norm(value)
    for p in paths:
        parts = p.split("/")
        if set(parts[:-1]) & _NOT_SHIPPED:
            continue
        if any(_norm(d) == want for d in parts[1:-1]) or _norm(parts[-1].split(".")[0]) == want:
            return p
    return None


def spells(text: str, value: str) -> bool:
    """Whether source text holds the value as a whole quoted string constant."""
    return re.search(r"(['\"])%s\1" % re.escape(value), text) is not None


def class_modules(paths: Sequence[str], message: str) -> List[str]:
    """Modules that define a class the message names by its dotted path.

    ``plotly.graph_objs.layout.XAxis`` is defined in ``plotly/graph_objs/layout/_xaxis.py``:
    a module of that package whose name, without underscores, is the class's.
    """
    have = set(paths)
    out: List[str] = []
    for m in _DOTTED_CLASS.finditer(message or ""):
        package, cls = m.group(1).replace(".", "/"), m.group(2).lower()
        inside = [p for p in paths if p.startswith(package + "/") and p.count("/") == package.count("/") + 1
                  and p.endswith(".py") and p.rsplit("/", 1)[1][:-3].replace("_", "").lower() == cls]
        if not inside:
            inside = [p for p in (package + ".py", package + "/__init__.py") if p in have]
        out += [p for p in inside if p not in out]
    return out


def knows(probe: Any, dist: str, version: str, value: str, files: Sequence[str] = ()) -> Optional[Known]:
    """Where ``dist==version`` knows the value, or None (unread releases are None too: never evidence)."""
    from .probe import ReleaseTree

    try:
        tree = ReleaseTree(probe, dist, version)
        paths = tree.paths()
        named = named_path(paths, value)
        if named is not None:
            return Known(version, named)
        for path in files:
            if path in paths:
                text = tree.read(path)
                if text and spells(text, value):
                    return Known(version, path)
    except Exception:  # the index failed or the read cap was reached: no answer
        return None
    return None


def _first(candidates: List[str], test: Callable[[str], Any]) -> Optional[Tuple[str, Any]]:
    """The first candidate (nearest the pin) that passes ``test``: gallop outward, then bisect.

    The value is taken to be known over one unbroken run of releases (added once and
    kept, or kept until it was dropped), as a refusal is.
    """
    results: dict = {}
    steps = [0]

    def at(i: int) -> Any:
        if i not in results:
            steps[0] += 1
            results[i] = test(candidates[i])
        return results[i]

    lo, i, step = -1, 0, 1
    hit = None
    while i < len(candidates) and steps[0] < MAX_STEPS:
        if at(i):
            hit = i
            break
        lo, i, step = i, i + step, step * 2
    if hit is None:
        last = len(candidates) - 1
        if last > lo and steps[0] < MAX_STEPS and at(last):
            hit = last
        else:
            return None
    while hit - lo > 1 and steps[0] < MAX_STEPS:
        mid = (lo + hit) // 2
        if at(mid):
            hit = mid
        else:
            lo = mid
    return candidates[hit], results[hit]


def nearest_knowing(probe: Any, dist: str, pinned: str, value: str, files: Sequence[str],
                    versions: Iterable[str]) -> Tuple[Optional[Known], Optional[Known]]:
    """``(newest earlier release, oldest later release)`` of ``dist`` that know the value."""
    try:
        pv = Version(pinned)
    except InvalidVersion:
        return None, None
    finals = final_releases(versions)
    before = [v for p, v in reversed(finals) if p < pv]
    after = [v for p, v in finals if p > pv]

    def test(v: str) -> Optional[Known]:
        return knows(probe, dist, v, value, files)

    back = _first(before, test)
    forward = _first(after, test)
    return (back[1] if back else None), (forward[1] if forward else None)


def message_context(message: str, value: str) -> List[str]:
    """Names in the message besides the value: its CamelCase classes and its other quoted tokens.

    "The 'criterion' parameter of RandomForestRegressor ... Got 'mse' instead":
    a caller's module that spells ``'mse'`` beside ``RandomForestRegressor`` is
    the one passing it; another module's ``'mse'`` (a CatBoost metric) is not.
    """
    out = [m.group(0) for m in re.finditer(r"\b[A-Z][a-z0-9]+[A-Z]\w*\b", message or "")]
    for m in _QUOTED.finditer(message or ""):
        token = next(g for g in m.groups() if g)
        if token != value and _VALUE.fullmatch(token) and "." not in token:
            out.append(token)
    return list(dict.fromkeys(out))


def _mentions(text: str, context: Sequence[str]) -> bool:
    return any(re.search(r"\b%s\b" % re.escape(c), text) for c in context)


def passes_value(probe: Any, dist: str, version: str, value: str, files: Sequence[str] = (),
                 context: Sequence[str] = (), strict: bool = False) -> Optional[str]:
    """The module of ``dist==version`` that spells the value: one of ``files``, or any module of a small release.

    A module that also names the message's ``context`` is preferred; with
    ``strict`` only such a module counts.
    """
    from .probe import ReleaseTree
    from .users import _shipped_modules

    try:
        tree = ReleaseTree(probe, dist, version)
        paths = list(files) if files else _shipped_modules(tree)
        if not files and len(paths) > MAX_CALLER_FILES:
            return None
        paths = [p for p in paths if p in set(tree.paths())]
        tree.prefetch(paths)
        first: Optional[str] = None
        for path in paths:
            text = tree.read(path)
            if text and value in text and spells(text, value):
                if not context or _mentions(text, context):
                    return path
                first = first or path
        return None if strict else first
    except Exception:
        return None


def caller_stopped(probe: Any, dist: str, pinned: str, value: str, path: str, versions: Iterable[str],
                   context: Sequence[str] = ()) -> Optional[str]:
    """The oldest later release of the caller whose module ``path`` is there and no longer spells the value.

    A release without the module says nothing (the code moved); the one found is
    also read whole when small, so a value passed from another module is not taken
    for a fix.  With ``context`` (the module found named it too), only a module
    that still spells the value beside the context counts as still passing it.
    """
    from .probe import ReleaseTree

    try:
        pv = Version(pinned)
    except InvalidVersion:
        return None
    after = [v for p, v in final_releases(versions) if p > pv]

    def stopped(v: str) -> Optional[bool]:
        try:
            tree = ReleaseTree(probe, dist, v)
            if path not in tree.paths():
                return None
            text = tree.read(path)
        except Exception:
            return None
        return text is not None and not spells(text, value)

    found = _first(after, lambda v: stopped(v) is True)
    if found is None:
        return None
    if passes_value(probe, dist, found[0], value, context=context, strict=bool(context)) is not None:
        return None
    return found[0]
