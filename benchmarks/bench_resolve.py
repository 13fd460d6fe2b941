"""Benchmark: a 300-package environment with one forced change, on a warm cache.

The universe is shaped like a real large ``pip freeze``: the names and
dependency edges of the distributions installed on this machine (read with
importlib.metadata), topped up to 300 packages with a seeded random DAG of the
same mean out-degree.  Every package gets several releases across two majors;
each pin sits mid-history.  Real wheels are built and served by a file://
index (tests/support/wheels.py), then:

* baseline: resolve the set with no demand (reads every pin's metadata and
  checks the set: the unavoidable floor);
* forced: resolve with one crash demand that forces one package to move.

Both run cold once (to fill the cache), then warm with a fresh PackageIndex on
the same cache directory.  The same is repeated with 900 unrelated packages
added to the index (1200 in all) to show that fetches follow the packages the
search examines, not the size of the index.

    python benchmarks/bench_resolve.py [--packages 300] [--extra 900]
"""

from __future__ import annotations

import argparse
import importlib.metadata as im
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from packaging.requirements import Requirement  # noqa: E402
from packaging.utils import canonicalize_name  # noqa: E402

from pytest_depfix.index import PackageIndex  # noqa: E402
from pytest_depfix.models import Culprit  # noqa: E402
from pytest_depfix.requirements import parse_requirements_text  # noqa: E402
from pytest_depfix.resolve import resolve  # noqa: E402
from pytest_depfix.target import Target  # noqa: E402
from tests.support.wheels import make_index  # noqa: E402

VERSIONS = ["1.0.0", "1.1.0", "1.1.1", "1.2.0", "2.0.0", "2.1.0"]
PINNED = "1.1.0"


def real_graph():
    """(names in install order, edges) from this machine's installed distributions."""
    names, edges = [], {}
    for dist in sorted(im.distributions(), key=lambda d: canonicalize_name(d.metadata["Name"] or "")):
        name = canonicalize_name(dist.metadata["Name"] or "")
        if not name or name in edges:
            continue
        names.append(name)
        deps = set()
        for line in dist.requires or []:
            try:
                req = Requirement(line)
            except Exception:
                continue
            if req.marker is None:
                deps.add(canonicalize_name(req.name))
        edges[name] = deps
    for n in names:
        edges[n] = {d for d in edges[n] if d in edges and d != n}
    return names, edges


def universe(n_packages: int, extra: int, seed: int = 7):
    names, edges = real_graph()
    names = names[:n_packages]
    edges = {n: {d for d in edges[n] if d in names} for n in names}
    mean = max(1.0, sum(len(v) for v in edges.values()) / max(1, len(edges)))
    rng = random.Random(seed)
    i = 0
    while len(names) < n_packages:
        name = f"synth-pkg-{i:04d}"
        i += 1
        k = min(len(names), int(rng.expovariate(1 / mean)))
        edges[name] = set(rng.sample(names, k))
        names.append(name)
    uni = {}
    for n in names:
        rels = []
        for v in VERSIONS:
            major = v.split(".")[0]
            rels.append({"version": v, "requires_dist": [f"{d}>=1.0,<{int(major) + 1}" if d else d for d in sorted(edges[n])]})
        uni[n] = rels
    for j in range(extra):
        uni[f"unrelated-{j:04d}"] = [{"version": "1.0"}, {"version": "2.0"}]
    return names, edges, uni


def run(names, edges, uni, root: Path, label: str):
    local = make_index(root / "idx", uni)
    target = Target.from_spec("3.11", "linux")
    cache = root / "cache"
    pins_text = "".join(f"{n}=={PINNED}\n" for n in names)
    # The forced change: the package most others depend on must leave 1.1.0.
    depended = {}
    for n, ds in edges.items():
        for d in ds:
            depended[d] = depended.get(d, 0) + 1
    hub = max(sorted(depended), key=lambda d: depended[d])
    demand = [[Culprit(hub, "!=1.1.0", 0.9, ["bench"], "bench")]]
    # A harder one: the hub must go to its next major, which every dependent's pin excludes.
    cascade = [[Culprit(hub, ">=2", 0.9, ["bench"], "bench")]]
    figures = {}
    for phase in ("cold", "warm"):
        for kind, dem in (("baseline", []), ("forced", demand), ("cascade", cascade)):
            index = PackageIndex.from_config(target, index_url=local.file_url, use_pip_config=False, cache_dir=str(cache))
            pins = parse_requirements_text(pins_text, target)
            t0 = time.perf_counter()
            res = resolve(pins, target, index, demands=dem)
            dt = time.perf_counter() - t0
            assert res.ok, res.conflict
            figures[(phase, kind)] = (dt, res, dict(index.stats))
    print(f"\n== {label}: {len(names)} pinned packages, index of {len(uni)} projects "
          f"({sum(len(v) for v in uni.values())} releases); forced change on {hub!r} ({depended[hub]} dependents)")
    for (phase, kind), (dt, res, stats) in figures.items():
        s = res.stats
        print(f"{phase:5} {kind:8} {dt * 1000:8.1f} ms  changes={len(res.changes)}  "
              f"fetches(index)={stats.get('metadata_fetches', 0):4}  versions examined={s['versions_examined']:4}  "
              f"packages examined={s['packages_examined']:4}  rounds={s['rounds']}  candidates={s['candidates_examined']}")
    base, forced = figures[("warm", "baseline")][0], figures[("warm", "forced")][0]
    print(f"warm forced / warm baseline = {forced / base:.2f}x   (goal: forced < 1 s: {'yes' if forced < 1 else 'NO'})")
    for c in figures[("warm", "forced")][1].changes:
        print(f"  {c.name}: {c.from_version} -> {c.to_version}  ({c.reason[:100]})")
    cas = figures[("warm", "cascade")][1]
    print(f"cascade (major move of the hub): {len(cas.changes)} changes, proven minimal: {cas.stats['proven_minimal']}, "
          f"{cas.stats['rounds']} rounds, warm {figures[('warm', 'cascade')][0] * 1000:.0f} ms")
    return figures


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--packages", type=int, default=300)
    ap.add_argument("--extra", type=int, default=900)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        names, edges, uni = universe(args.packages, 0)
        small = run(names, edges, uni, Path(tmp) / "small", "index = the set")
        names, edges, uni = universe(args.packages, args.extra)
        big = run(names, edges, uni, Path(tmp) / "big", f"index = the set + {args.extra} unrelated projects")
    a = small[("cold", "forced")][2].get("metadata_fetches", 0)
    b = big[("cold", "forced")][2].get("metadata_fetches", 0)
    print(f"\ncold metadata fetches, forced change: {a} (small index) vs {b} (index x{len(uni) // args.packages})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
