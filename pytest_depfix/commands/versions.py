"""``depfix versions NAME``: which versions exist and what the target could install of each."""

from __future__ import annotations

import json
import sys

from ..index.options import add_index_arguments, index_from_args, target_from_args

HELP = "list a project's versions with what the target can install (wheel / sdist / none)"


def add_arguments(parser) -> None:
    parser.add_argument("name", help="project name")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--all", action="store_true", help="also list pre-releases")
    add_index_arguments(parser)


def run(args) -> int:
    target = target_from_args(args)
    with index_from_args(args, target) as index:
        releases = index.releases(args.name)
        rows = []
        for rel in releases:
            if rel.version.is_prerelease and not args.all:
                continue
            best = rel.best_wheel(target)
            up = rel.upload_time
            rows.append({
                "version": str(rel.version),
                "installable": rel.installable(target) or "none",
                "wheel": best.filename if best else None,
                "requires_python": rel.requires_python,
                "python_ok": target.allows_python(rel.requires_python),
                "yanked": rel.yanked,
                "yanked_reason": next((f.yanked_reason for f in rel.files if f.yanked_reason), None) if rel.yanked else None,
                "upload_time": up.isoformat() if up else None,
            })
        name = releases[0].name if releases else args.name
        for w in index.warnings:
            print(f"depfix: warning: {w}", file=sys.stderr)
        if args.json:
            print(json.dumps({"name": name, "target": target.to_dict(), "versions": rows}, indent=2))
            return 0
        print(f"{name} for {target.describe()}")
        for r in rows:
            notes = []
            if r["requires_python"]:
                notes.append(f"Requires-Python {r['requires_python']}")
            if r["yanked"]:
                notes.append("yanked" + (f": {r['yanked_reason']}" if r["yanked_reason"] else ""))
            date = (r["upload_time"] or "")[:10]
            print(f"  {r['version']:<20} {r['installable']:<6} {date:<10}  {'; '.join(notes)}".rstrip())
    return 0
