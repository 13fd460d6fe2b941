"""Write ``benchmarks/cases/README.md`` from the cases themselves: counts and one row per case.

The index used to be kept by hand and fell behind the folders; this makes it a
function of them.  ``python benchmarks/cases_index.py [--check]`` (``--check``
exits 1 when the file on disk differs, for CI or a pre-commit hook).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib as toml
else:  # pragma: no cover
    import tomli as toml

CASES = Path(__file__).resolve().parent / "cases"

HEAD = """# Real-world dependency-break cases

Each folder holds `case.toml` (source thread, target Python/platform, keep-pins, family, notes, expected verdict and the fix the thread confirmed), `requirements.txt` (the pinned set as the thread gives it, `name==version` lines) and `traceback.txt` (the thread's traceback, verbatim).
All cases come from public issue threads read through the project's search tools. Versions the thread does not print are inferred, usually from the report date, and each case's `notes` says which ones.
Cases whose confirmed fix would add a package that is not in the pinned set are kept in `../cases-invalid/` and are not listed here.
This file is written by `benchmarks/cases_index.py`; the figure is printed by `benchmarks/score_cases.py`.
"""


def _order(key: str):
    parts = key.split(".")
    return (0, tuple(int(p) for p in parts), "") if all(p.isdigit() for p in parts) else (1, (), key)


def _counts(values) -> str:
    return ", ".join(f"{k} {n}" for k, n in sorted(Counter(values).items(), key=lambda kv: _order(kv[0])))


def render(cases_dir: Path = CASES) -> str:
    rows = []
    for folder in sorted(p.parent for p in cases_dir.glob("*/case.toml")):
        case = toml.loads((folder / "case.toml").read_text())
        expect = case.get("expect", {})
        rows.append((folder.name, case.get("family", ""), str(case.get("python", "")), case.get("platform", ""),
                     expect.get("verdict", ""), case.get("source", "")))
    out = [HEAD, f"{len(rows)} cases. Families: {_counts(r[1] for r in rows)}.",
           f"Python targets: {_counts(r[2] for r in rows)}.",
           f"Expected verdicts: {_counts(r[4] for r in rows)}.", "",
           "| slug | family | python | platform | verdict | source |", "|---|---|---|---|---|---|"]
    out += [f"| `{r[0]}` | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} |" for r in rows]
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when README.md is not up to date")
    args = ap.parse_args(argv)
    text = render()
    readme = CASES / "README.md"
    if args.check:
        if readme.read_text() != text:
            print(f"{readme} is out of date: run python benchmarks/cases_index.py", file=sys.stderr)
            return 1
        return 0
    readme.write_text(text)
    print(f"wrote {readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
