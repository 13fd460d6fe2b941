"""``depfix cache dir|info|clean``: where the cache is, what it holds, and emptying it."""

from __future__ import annotations

import json

from ..index.cache import Cache
from ..index.config import default_cache_dir

HELP = "show or clean depfix's cache (project pages, metadata, file listings, verification environments)"

ENVS = "envs"  # verification environments: counted and removed as whole environments


def add_arguments(parser) -> None:
    parser.add_argument("action", choices=("dir", "info", "clean"), help="dir: print the folder; info: sizes; clean: remove entries")
    parser.add_argument("--cache-dir", metavar="DIR", help="cache folder (default: $DEPFIX_CACHE_DIR or the user cache dir)")
    parser.add_argument("--section", action="append", default=[], metavar="NAME",
                        help="clean only this section (pages, meta, members, envs, ...; repeatable)")
    parser.add_argument("--older-than", type=float, metavar="DAYS", help="clean only entries older than DAYS")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args) -> int:
    cache = Cache(args.cache_dir or default_cache_dir())
    if args.action == "dir":
        print(cache.root)
        return 0
    if args.action == "info":
        info = cache.info()
        if info["exists"]:
            info["sections"][ENVS] = _environments(cache.root)
        if args.json:
            print(json.dumps(info, indent=2))
            return 0
        print(f"cache: {info['root']}" + ("" if info["exists"] else " (empty)"))
        for name, s in info["sections"].items():
            print(f"  {name:<10} {s['entries']:>7} entries  {s['bytes'] / 1e6:8.2f} MB")
        return 0
    older = args.older_than * 86400 if args.older_than is not None else None
    removed = 0
    if older is None and (not args.section or ENVS in args.section):
        from ..verify_env import clean_environments

        removed += clean_environments(cache.root)
    sections = args.section or [s for s in _sections(cache.root) if s != ENVS]
    sections = [s for s in sections if s != ENVS]
    if sections:
        removed += cache.clean(sections, older)
    if args.json:
        print(json.dumps({"root": cache.root, "removed": removed}))
    else:
        print(f"removed {removed} entries from {cache.root}")
    return 0


def _sections(root) -> list:
    import os

    return [s for s in os.listdir(root) if os.path.isdir(os.path.join(root, s))] if root and os.path.isdir(root) else []


def _environments(root) -> dict:
    """Verification environments are whole virtualenvs: count them, do not walk them."""
    from ..verify_env import environments_dir

    d = environments_dir(root)
    envs = [p for p in d.iterdir() if p.is_dir() and not p.name.startswith(".")] if d.is_dir() else []
    return {"entries": len(envs), "bytes": 0}
