"""The index options every command shares, and the one place that turns them into a PackageIndex."""

from __future__ import annotations

import argparse

from ..target import Target
from .core import PackageIndex


def add_index_arguments(parser: argparse.ArgumentParser, *, target: bool = True) -> None:
    """--index-url, --extra-index-url, --find-links, --offline, --cache-dir, --as-of (+ --python, --platform)."""
    g = parser.add_argument_group("package index")
    g.add_argument("--index-url", "-i", metavar="URL", help="primary index (default: pip's configured index)")
    g.add_argument("--extra-index-url", metavar="URL", action="append", default=[], help="additional index (repeatable)")
    g.add_argument("--find-links", "-f", metavar="PATH_OR_URL", action="append", default=[], help="folder or page of files (repeatable)")
    g.add_argument("--no-index", action="store_true", help="use only --find-links sources")
    g.add_argument("--no-pip-config", action="store_true", help="ignore pip's config files and PIP_* variables")
    g.add_argument("--offline", action="store_true", help="answer from the cache only")
    g.add_argument("--cache-dir", metavar="DIR", help="cache folder (default: $DEPFIX_CACHE_DIR or the user cache dir)")
    g.add_argument("--as-of", metavar="DATE", help="ignore files uploaded after DATE (YYYY-MM-DD)")
    g.add_argument("--timeout", type=float, default=15.0, metavar="SECONDS", help="network timeout (default 15)")
    if target:
        t = parser.add_argument_group("target")
        t.add_argument("--python", metavar="X.Y", help="target Python version (default: the running one)")
        t.add_argument("--platform", metavar="P", help="target platform, e.g. linux, manylinux_2_17_x86_64, macosx_11_0_arm64, win_amd64")


def target_from_args(args: argparse.Namespace) -> Target:
    return Target.from_spec(getattr(args, "python", None), getattr(args, "platform", None))


def index_from_args(args: argparse.Namespace, target: Target = None) -> PackageIndex:  # type: ignore[assignment]
    """A PackageIndex for the options added by :func:`add_index_arguments`."""
    return PackageIndex.from_config(
        target if target is not None else target_from_args(args),
        index_url=getattr(args, "index_url", None),
        extra_index_urls=getattr(args, "extra_index_url", None) or (),
        find_links=getattr(args, "find_links", None) or (),
        cache_dir=getattr(args, "cache_dir", None),
        offline=bool(getattr(args, "offline", False)),
        as_of=getattr(args, "as_of", None),
        timeout=float(getattr(args, "timeout", 15.0) or 15.0),
        use_pip_config=not getattr(args, "no_pip_config", False),
        no_index=bool(getattr(args, "no_index", False)),
    )
