"""How much the API probe reads to place four real API breaks, against downloading the wheels.

For each question: a cold run (empty cache), then a warm run (same cache, new
index and probe, as a second process would see it): releases read, bytes
fetched from the index, requests, wall time.  Baseline measured in the same
run: the full files (best wheel for the target, else the sdist) of the same
releases.  The decisive release of each question (the first one without the
name) is really downloaded and timed; the other files' sizes come from the
index listing and their time is extrapolated from that measured throughput.

Usage: python benchmarks/bench_probe.py   (needs the network)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pytest_depfix.diagnose.probe import ApiProbe, Question  # noqa: E402
from pytest_depfix.index import PackageIndex  # noqa: E402
from pytest_depfix.target import Target  # noqa: E402

CASES = [
    ("numpy", "numpy:float", "3.9"),
    ("pillow", "PIL.Image:ANTIALIAS", "3.11"),
    ("scipy", "scipy.integrate:simps", "3.11"),
    ("msgpack", "msgpack:unpackb(encoding)", "3.9"),
]


def run_probe(dist, question, python, cache):
    index = PackageIndex.from_config(Target.from_spec(python, "linux x86_64"), cache_dir=cache)
    t0 = time.perf_counter()
    ra = ApiProbe(index).find_range(dist, Question.parse(question))
    return ra, time.perf_counter() - t0, index


def full_file(index, dist, version):
    rel = index.release(dist, version)
    return rel.best_wheel(index.target) or rel.sdist()


def download(url):
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as resp:
        n = len(resp.read())
    return n, time.perf_counter() - t0


def main() -> int:
    rows = []
    tot = {"cold_b": 0, "cold_t": 0.0, "warm_t": 0.0, "base_b": 0, "base_t": 0.0}
    with tempfile.TemporaryDirectory(prefix="depfix-bench-probe-") as cache:
        for dist, question, python in CASES:
            cold, t_cold, index = run_probe(dist, question, python, cache)
            warm, t_warm, _ = run_probe(dist, question, python, cache)
            assert warm.answers == cold.answers
            files = [full_file(index, dist, v) for v in cold.answers]
            sizes = [f.size or 0 for f in files]
            decisive = full_file(index, dist, cold.first_without_after or cold.last_with)
            got, t_dl = download(decisive.url)
            rate = got / t_dl if t_dl else float("inf")
            base_b = sum(sizes)
            base_t = t_dl + (base_b - got) / rate
            rows.append((dist, question, python, cold, t_cold, warm, t_warm, base_b, base_t, decisive.filename, got, t_dl))
            tot["cold_b"] += cold.bytes_fetched
            tot["cold_t"] += t_cold
            tot["warm_t"] += t_warm
            tot["base_b"] += base_b
            tot["base_t"] += base_t
    print(f"{'question':<36} {'py':<4} {'found':<28} {'read':>9} {'cold bytes':>12} {'req':>5} {'cold s':>7} "
          f"{'warm bytes':>10} {'warm s':>7} {'full files':>12} {'full s':>7}")
    for dist, question, python, cold, t_cold, warm, t_warm, base_b, base_t, fname, got, t_dl in rows:
        found = f"last {cold.last_with}, gone {cold.first_without_after}"
        print(f"{question:<36} {python:<4} {found:<28} {cold.releases_read:>3} of {cold.versions_considered:<3} "
              f"{cold.bytes_fetched:>12,} {cold.requests:>5} {t_cold:>7.2f} {warm.bytes_fetched:>10,} {t_warm:>7.3f} "
              f"{base_b:>12,} {base_t:>7.2f}")
    print()
    for dist, question, python, cold, *_rest, fname, got, t_dl in rows:
        print(f"baseline download measured: {fname} {got:,} bytes in {t_dl:.2f} s")
    print()
    print(f"total cold: {tot['cold_b']:,} bytes, {tot['cold_t']:.2f} s; warm: {tot['warm_t']:.3f} s; "
          f"full files of the same releases: {tot['base_b']:,} bytes, ~{tot['base_t']:.2f} s")
    print(f"ratio bytes full/probe: {tot['base_b'] / max(1, tot['cold_b']):.1f}x; "
          f"time full/probe-cold: {tot['base_t'] / max(1e-9, tot['cold_t']):.1f}x; probe-cold/warm: {tot['cold_t'] / max(1e-9, tot['warm_t']):.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
