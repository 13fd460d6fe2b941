"""Django's "'staticfiles' is not a registered tag library": a template tag library a release dropped.

A template's ``{% load staticfiles %}`` names a module, ``<app>/templatetags/staticfiles.py``,
that some installed app must ship.  Django 3.0 removed the ``staticfiles`` and
``admin_static`` libraries (``{% load static %}`` replaces them), so a template written for
Django 2 stops rendering.  Nothing of this is Python the probe reads: the library is a file
in the provider's releases, and the load is text in another pin's templates.  So the
provider's file lists are read back from the pinned release to the newest one that still
shipped the library (its releases up to there are one fix), and the other pins' templates
are read for the load, to the first later release that no longer has it (the other fix).
Nothing is imported or rendered.
"""

from __future__ import annotations

import re
from typing import Any, List, Optional, Tuple

from packaging.version import InvalidVersion, Version

_NOT_REGISTERED = re.compile(r"'(\w{1,100})' is not a registered tag library")
_TEMPLATE_EXT = (".html", ".htm", ".txt", ".xml", ".djhtml", ".jinja", ".tpl")
MAX_TEMPLATES = 400  # template files read in one release of a caller
MAX_PROVIDER_RELEASES = 200  # earlier releases of the provider considered (read by galloping, then bisecting)
MAX_PROVIDERS = 3  # pins with tag libraries whose older releases are listed

__all__ = ["missing_tag_library"]


def library_of(message: str) -> Optional[str]:
    """The tag library a TemplateSyntaxError says is not registered, or None."""
    m = _NOT_REGISTERED.search(message or "")
    return m.group(1) if m else None


def missing_tag_library(ctx: Any, message: str) -> Optional[Tuple[str, List[Any], str]]:
    """``(verdict, culprits, summary)`` for an unregistered tag library, or None when nothing is known.

    Culprits: the provider's releases that still shipped it (``<first release without``), and
    each pin whose pinned templates load it, at its first later release whose templates do not.
    """
    from .verdict import CONF_PROBE, CONF_TIME, Culprit

    lib = library_of(message)
    if lib is None or ctx.probe is None:
        return None
    out: List[Any] = []
    notes: List[str] = []
    provider = None
    apps = []
    for pin in [p for p in ctx.pins if p.active and p.version]:
        try:
            paths = _paths(ctx, pin.name, pin.version)
        except Exception:
            continue
        if any(p.endswith(f"/templatetags/{lib}.py") for p in paths):
            return None  # the pinned release ships it: an app left out of INSTALLED_APPS, not a version
        libraries = sum(1 for p in paths if "/templatetags/" in p)
        if libraries:
            apps.append((libraries, pin))
    # The framework ships the most tag libraries (Django's contrib apps); an app's older
    # releases are listed only for the few pins most likely to have shipped it.
    for _n, pin in sorted(apps, key=lambda a: -a[0])[:MAX_PROVIDERS]:
        gone = _dropped_after(ctx, pin, lib)
        if gone is not None:
            provider = pin
            last, first_without = gone
            if not ctx.is_keep(pin.name):
                out.append(Culprit(pin.name, f"<{first_without}", CONF_PROBE,
                                   [f"{pin.name} {last} ships templatetags/{lib}.py and {first_without} does not "
                                    f"(read from release file lists)"], "release-files"))
            notes.append(f"{pin.name} dropped the '{lib}' tag library in {first_without}")
            break
    load = re.compile(r"\{%\s*load\s[^%]*?(?<![\w.])" + re.escape(lib) + r"(?![\w.])[^%]*%\}")
    callers = []
    for pin in [p for p in ctx.pins if p.active and p.version and p is not provider and not ctx.is_keep(p.name)]:
        try:
            if _templates_match(ctx, pin.name, pin.version, load) is not True:
                continue
            later = _first_later_without(ctx, pin, load)
        except Exception:
            continue
        callers.append(pin.name)
        if later:
            out.append(Culprit(pin.name, f">={later}", CONF_TIME + 0.1,
                               [f"{pin.name} {pin.version}'s templates run '{{% load {lib} %}}'; {pin.name} {later}'s "
                                f"no longer do (read from release files)"], "release-files"))
    if not out:
        return None
    verdict = "transitive" if callers else "project"
    who = ", ".join(callers) if callers else "the project's templates"
    summary = (f"'{lib}' is not a registered tag library: " + ("; ".join(notes) + ", and " if notes else "")
               + f"{who} still load it")
    return verdict, out, summary


def _paths(ctx: Any, dist: str, version: str) -> List[str]:
    from .probe import ReleaseTree

    return list(ReleaseTree(ctx.probe, dist, version).paths())


def _dropped_after(ctx: Any, pin: Any, lib: str) -> Optional[Tuple[str, str]]:
    """``(newest release that ships templatetags/<lib>.py, the release after it)``, walking back from the pin."""
    from .raised import _first_silent, final_releases

    try:
        pinned = Version(pin.version)
    except InvalidVersion:
        return None
    finals = final_releases(ctx.probe.versions(pin.name))
    before = [v for pv, v in reversed(finals) if pv < pinned][:MAX_PROVIDER_RELEASES]

    def lacks(i: int) -> Optional[bool]:
        try:
            return not any(p.endswith(f"/templatetags/{lib}.py") for p in _paths(ctx, pin.name, before[i]))
        except Exception:
            return None

    i = _first_silent(len(before), lacks)
    if i is None:
        return None
    after = before[i - 1] if i > 0 else pin.version
    return before[i], after


def _templates_match(ctx: Any, dist: str, version: str, pattern: Any) -> Optional[bool]:
    """Whether some template file of ``dist==version`` matches ``pattern`` (None: not readable)."""
    from .probe import ReleaseTree
    from .users import any_file_matches

    tree = ReleaseTree(ctx.probe, dist, version)
    files = [p for p in tree.paths() if p.lower().endswith(_TEMPLATE_EXT) and "templates/" in p]
    if not files or len(files) > MAX_TEMPLATES:
        return None  # no templates, or more than are read: a "no" would be a guess
    return any_file_matches(tree, files, pattern)


def _first_later_without(ctx: Any, pin: Any, pattern: Any) -> Optional[str]:
    from . import users

    later, _ = users.first_where(ctx, pin.name, pin.version, None,
                                 lambda v: _templates_match(ctx, pin.name, v, pattern) is False)
    return later
