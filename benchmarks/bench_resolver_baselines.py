"""Benchmark: the exact resolver against resolvelib + pip-tools' relax-and-retry, same inputs.

Two workloads, both on real wheels served by a file:// index:

* N seeded random universes (5-8 packages, 3-6 releases across majors,
  range-style and exact Requires-Dist, Requires-Python and platform-only
  releases, one or two crash demands with 1-3 alternatives, sometimes a
  keep-pin);
* the 300-package freeze-shaped world of ``bench_resolve.py`` with its
  one-forced-change and its major-version cascade demands.

Every answer of either side goes through tests/resolve/checker.py (an invalid
answer counts as "no answer" and is reported).  Per resolver it prints how
often it finds an answer, mean/max packages changed, how often the baseline
changes more (and less) than the exact resolver, wall time, and metadata
fetches (cold cache of its own, so neither profits from the other's fetches).

    python benchmarks/bench_resolver_baselines.py [--n 150] [--seed 1] [--skip-world]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline_resolvelib import resolve_baseline  # noqa: E402
from pytest_depfix.index import PackageIndex  # noqa: E402
from pytest_depfix.models import Culprit  # noqa: E402
from pytest_depfix.requirements import parse_requirements_text  # noqa: E402
from pytest_depfix.resolve import resolve  # noqa: E402
from pytest_depfix.target import Target  # noqa: E402
from tests.resolve.checker import changed_count, check_resolution  # noqa: E402
from tests.support.wheels import make_index  # noqa: E402

POOL = ["1.0", "1.1", "1.2", "2.0", "2.1", "3.0", "3.1"]


def random_case(rng: random.Random):
    n = rng.randint(5, 8)
    names = [f"p{i}" for i in range(n)]
    vers = {name: sorted(rng.sample(POOL, rng.randint(3, 6)), key=lambda v: tuple(map(int, v.split("."))))
            for name in names}
    uni = {}
    for name in names:
        rels = []
        for v in vers[name]:
            deps = []
            for other in names:
                if other == name or rng.random() > 0.25:
                    continue
                pick = rng.choice(vers[other])  # requirements that some release of ``other`` meets
                major = int(pick.split(".")[0])
                style = rng.random()
                if style < 0.7:
                    deps.append(f"{other}>={major}.0,<{major + 1}")
                elif style < 0.9:
                    deps.append(f"{other}>={pick}")
                else:
                    deps.append(f"{other}=={pick}")
            r = {"version": v, "requires_dist": deps}
            flavour = rng.random()
            if flavour < 0.05:
                r["requires_python"] = ">=3.8"
            elif flavour < 0.08:
                r["tag"] = "cp38-cp38-manylinux2014_x86_64"
            rels.append(r)
        uni[name] = rels
    pins = {name: rng.choice([r["version"] for r in uni[name]]) for name in names}
    keep = {}
    if rng.random() < 0.3:
        k = rng.choice(names)
        keep[k] = pins[k]
    demands = []
    for _ in range(rng.randint(1, 2)):
        alts = []
        for _ in range(rng.randint(1, 3)):
            name = rng.choice(names)
            alts.append(Culprit(name, f"{rng.choice(['>=', '<', '!='])}{rng.choice(vers[name])}",
                                rng.choice([0.3, 0.6, 0.9]), [], "bench"))
        demands.append(alts)
    return uni, pins, keep, demands


def timed(fn, *a, **kw):
    t0 = time.perf_counter()
    res = fn(*a, **kw)
    return res, time.perf_counter() - t0


def solvers():
    return {
        "exact": lambda pins, t, idx, **kw: resolve(pins, t, idx, **kw),
        "resolvelib(first)": lambda pins, t, idx, **kw: resolve_baseline(pins, t, idx, alternatives="first", **kw),
        "resolvelib(each)": lambda pins, t, idx, **kw: resolve_baseline(pins, t, idx, alternatives="each", **kw),
    }


def run_random(n: int, seed: int, root: Path):
    rng = random.Random(seed)
    target = Target.from_spec("3.7", "linux")
    rows = {name: {"ok": 0, "invalid": 0, "changes": [], "secs": [], "fetches": []} for name in solvers()}
    worse = {name: 0 for name in solvers() if name != "exact"}
    better = dict(worse)
    both_ok = dict(worse)
    paired = {name: ([], []) for name in worse}  # (exact, baseline) changes where both answered
    for i in range(n):
        uni, pin_map, keep, demands = random_case(rng)
        local = make_index(root / f"u{i}" / "idx", uni)
        pins_text = "".join(f"{k}=={v}\n" for k, v in pin_map.items())
        got = {}
        for name, fn in solvers().items():
            index = PackageIndex.from_config(target, index_url=local.file_url, use_pip_config=False,
                                             cache_dir=str(root / f"u{i}" / f"cache-{name}"))
            pins = parse_requirements_text(pins_text, target)
            before = index.stats.get("metadata_fetches", 0)
            res, dt = timed(fn, pins, target, index, keep=keep, demands=demands)
            row = rows[name]
            row["secs"].append(dt)
            row["fetches"].append(index.stats.get("metadata_fetches", 0) - before)
            if res.ok and check_resolution(res, pins, target, index, keep=keep, demands=demands):
                row["invalid"] += 1
                res.ok = False
            if res.ok:
                row["ok"] += 1
                row["changes"].append(changed_count(res, pins))
                got[name] = changed_count(res, pins)
        for name in worse:
            if name in got and "exact" in got:
                both_ok[name] += 1
                paired[name][0].append(got["exact"])
                paired[name][1].append(got[name])
                worse[name] += got[name] > got["exact"]
                better[name] += got[name] < got["exact"]
    print(f"\n== {n} random universes (seed {seed}; 5-8 packages, 3-6 releases each, 1-2 crash demands), cold cache each")
    print(f"{'resolver':18} {'answers':>8} {'invalid':>7} {'mean chg':>8} {'max chg':>7} {'mean ms':>8} {'max ms':>8} "
          f"{'fetches':>8}")
    for name, row in rows.items():
        ch = row["changes"] or [0]
        print(f"{name:18} {row['ok']:>4}/{n:<3} {row['invalid']:>7} {statistics.mean(ch):>8.2f} {max(ch):>7} "
              f"{statistics.mean(row['secs']) * 1000:>8.1f} {max(row['secs']) * 1000:>8.1f} {statistics.mean(row['fetches']):>8.1f}")
    for name in worse:
        print(f"{name}: both answered {both_ok[name]}; baseline changed MORE packages in {worse[name]} "
              f"({100 * worse[name] / max(1, both_ok[name]):.0f}%), fewer in {better[name]}; "
              f"exact answered where it did not: {rows['exact']['ok'] - rows[name]['ok']}; "
              f"mean changes where both answered: exact {statistics.mean(paired[name][0] or [0]):.2f} "
              f"vs baseline {statistics.mean(paired[name][1] or [0]):.2f}")
    return rows, worse


def run_world(root: Path):
    import bench_resolve

    names, edges, uni = bench_resolve.universe(300, 0)
    local = make_index(root / "idx", uni)
    target = Target.from_spec("3.11", "linux")
    pins_text = "".join(f"{n}=={bench_resolve.PINNED}\n" for n in names)
    depended = {}
    for n, ds in edges.items():
        for d in ds:
            depended[d] = depended.get(d, 0) + 1
    hub = max(sorted(depended), key=lambda d: depended[d])
    cases = {"forced": [[Culprit(hub, "!=1.1.0", 0.9, ["bench"], "bench")]],
             "cascade": [[Culprit(hub, ">=2", 0.9, ["bench"], "bench")]]}
    print(f"\n== the 300-package world of bench_resolve.py (hub {hub!r}, {depended[hub]} direct dependents)")
    print(f"{'case':8} {'resolver':18} {'ok':>3} {'valid':>5} {'changes':>7} {'cold ms':>8} {'warm ms':>8} {'fetches':>7}  notes")
    out = {}
    for case, demands in cases.items():
        for name, fn in solvers().items():
            if name == "resolvelib(each)":
                continue  # one alternative: the same as (first)
            cache = root / f"cache-{case}-{name}"
            figures = []
            for phase in ("cold", "warm"):
                index = PackageIndex.from_config(target, index_url=local.file_url, use_pip_config=False, cache_dir=str(cache))
                pins = parse_requirements_text(pins_text, target)
                res, dt = timed(fn, pins, target, index, demands=demands)
                figures.append((dt, index.stats.get("metadata_fetches", 0), res, pins, index))
            (cold, fetches, res, pins, index), (warm, _, _, _, _) = figures
            valid = res.ok and check_resolution(res, pins, target, index, demands=demands) == []
            note = (f"relax rounds {res.stats.get('relax_rounds')}, dropped {len(res.stats.get('dropped', []))}"
                    if "relax_rounds" in res.stats else f"rounds {res.stats.get('rounds')}, proven {res.stats.get('proven_minimal')}")
            nchg = changed_count(res, pins) if res.ok else "-"
            print(f"{case:8} {name:18} {str(res.ok):>3.3} {str(valid):>5.5} {nchg:>7} {cold * 1000:>8.0f} {warm * 1000:>8.0f} {fetches:>7}  {note}")
            out[(case, name)] = (res.ok, nchg, cold, warm, fetches)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip-world", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run_random(args.n, args.seed, Path(tmp) / "random")
        if not args.skip_world:
            run_world(Path(tmp) / "world")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
