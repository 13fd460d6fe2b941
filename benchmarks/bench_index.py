"""Benchmark: the index layer on the seed case's 25 pins, against ``uv pip compile``.

For CPython 3.7 on Linux x86_64 (manylinux_2_17), fetch what is needed to
check every pin of ../shared/cases/seed-retinaface-cudnn/requirements.txt:
each pin's release (wheel availability for the target) and core metadata.

* cold: a fresh, empty depfix cache (network);
* warm: a new PackageIndex on the filled cache (in-process), and the same in a
  fresh interpreter (``python -c``, import time included);
* baseline, same run: ``uv pip compile`` of the same file with
  ``--python-version 3.7 --python-platform x86_64-manylinux_2_17`` and a fresh
  uv cache (bytes: the size of that cache afterwards).

Prints wall times, bytes and ratios.  The sources are pip's configuration
(PyPI + this machine's file:// indexes); bytes read from local files are
reported apart from network bytes.

    python benchmarks/bench_index.py [--requirements PATH] [--repeat 3] [--no-uv]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_REQS = ROOT.parent / "shared" / "cases" / "seed-retinaface-cudnn" / "requirements.txt"
PYTHON, PLATFORM = "3.7", "manylinux_2_17_x86_64"


def read_pins(path: Path):
    pins = []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, ver = line.split("==", 1)
            pins.append((name.strip(), ver.strip()))
    return pins


def check_pins(cache_dir: str, pins):
    """What every later step needs: per pin, wheel availability and metadata."""
    from pytest_depfix.index import PackageIndex
    from pytest_depfix.target import Target

    target = Target.from_spec(PYTHON, PLATFORM)
    t0 = time.perf_counter()
    with PackageIndex.from_config(target, cache_dir=cache_dir) as idx:
        metas = idx.metadata_many(pins)
        avail = {}
        for name, ver in pins:
            rel = idx.release(name, ver)
            avail[name] = rel.installable(target) if rel else "missing"
        wall = time.perf_counter() - t0
        errors = {k: str(v) for k, v in metas.items() if isinstance(v, Exception)}
        return wall, idx.stats, avail, errors


WARM_SCRIPT = r"""
import sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from pytest_depfix.index import PackageIndex
from pytest_depfix.target import Target
t = Target.from_spec({py!r}, {plat!r})
idx = PackageIndex.from_config(t, cache_dir={cache!r})
pins = {pins!r}
m = idx.metadata_many(pins)
ok = [idx.release(n, v).installable(t) for n, v in pins]
assert not any(isinstance(x, Exception) for x in m.values())
print(time.perf_counter() - t0, idx.stats["requests"])
"""


class CountingProxy:
    """A CONNECT/HTTP proxy on 127.0.0.1 that counts the bytes it relays back to the client.

    Both depfix and uv honour ``https_proxy``, so routing each through this
    proxy measures their network bytes the same way (TLS and headers included).
    """

    def __init__(self):
        import socket
        import threading

        self.down = 0
        self.lock = threading.Lock()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        import threading

        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _pipe(self, src, dst, count):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if count:
                    with self.lock:
                        self.down += len(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(2)
                except OSError:
                    pass

    def _serve(self, conn):
        import socket
        import threading

        head = b""
        while b"\r\n\r\n" not in head:
            chunk = conn.recv(4096)
            if not chunk:
                conn.close()
                return
            head += chunk
        line = head.split(b"\r\n", 1)[0].decode()
        method, target, _ = line.split(" ", 2)
        if method != "CONNECT":
            conn.sendall(b"HTTP/1.1 501 only CONNECT\r\n\r\n")
            conn.close()
            return
        host, port = target.rsplit(":", 1)
        try:
            up = socket.create_connection((host, int(port)), timeout=30)
        except OSError:
            conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\n\r\n")
            conn.close()
            return
        conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        threading.Thread(target=self._pipe, args=(conn, up, False), daemon=True).start()
        self._pipe(up, conn, True)

    def reset(self) -> int:
        with self.lock:
            n, self.down = self.down, 0
        return n


def du(path: str) -> int:
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(dirpath, f)).st_size
            except OSError:
                pass
    return total


def ensure_uv():
    uv = shutil.which("uv")
    if uv:
        return uv
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "uv"], capture_output=True)
    return shutil.which("uv") if r.returncode == 0 else None


def run_uv(uv: str, reqs: Path, proxy=None):
    cache = tempfile.mkdtemp(prefix="bench-uv-cache-")
    env = dict(os.environ)
    if proxy:
        env.update(https_proxy=proxy.url, HTTPS_PROXY=proxy.url, no_proxy="", NO_PROXY="")
    try:
        t0 = time.perf_counter()
        r = subprocess.run([uv, "pip", "compile", str(reqs), "--python-version", PYTHON,
                            "--python-platform", "x86_64-manylinux_2_17", "--cache-dir", cache, "--no-header", "-q"],
                           capture_output=True, text=True, env=env)
        wall = time.perf_counter() - t0
        return wall, du(cache), r.returncode, r.stderr.strip().splitlines()[-1:] if r.returncode else []
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requirements", type=Path, default=DEFAULT_REQS)
    ap.add_argument("--repeat", type=int, default=3, help="cold/uv rounds (best and median reported)")
    ap.add_argument("--no-uv", action="store_true")
    ap.add_argument("--no-proxy-count", action="store_true", help="skip the extra round that counts wire bytes through a local proxy")
    args = ap.parse_args()
    pins = read_pins(args.requirements)
    print(f"{len(pins)} pins from {args.requirements} for CPython {PYTHON} {PLATFORM}")

    colds, warms, subs, uvs = [], [], [], []
    for i in range(args.repeat):
        cache = tempfile.mkdtemp(prefix="bench-depfix-cache-")
        try:
            wall, stats, avail, errors = check_pins(cache, pins)
            colds.append((wall, stats))
            if errors:
                print("  errors:", errors)
            if i == 0:
                print("  availability:", ", ".join(f"{n}={a}" for n, a in avail.items()))
            wwall, wstats, _, _ = check_pins(cache, pins)
            warms.append((wwall, wstats))
            out = subprocess.run([sys.executable, "-c", WARM_SCRIPT.format(root=str(ROOT), py=PYTHON, plat=PLATFORM, cache=cache, pins=pins)],
                                 capture_output=True, text=True)
            if out.returncode == 0:
                subs.append(float(out.stdout.split()[0]))
            else:
                print("  warm subprocess failed:", out.stderr.strip().splitlines()[-1:])
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        if not args.no_uv:
            uv = ensure_uv()
            if uv is None:
                print("  uv not available (pip install uv failed): baseline skipped")
                args.no_uv = True
            else:
                uvs.append(run_uv(uv, args.requirements))

    def med(xs):
        xs = sorted(xs)
        return xs[len(xs) // 2]

    cold_wall = med([c[0] for c in colds])
    cold_bytes = med([c[1]["bytes"] for c in colds])
    s = colds[0][1]
    print(f"depfix cold : wall {cold_wall:6.3f} s (best {min(c[0] for c in colds):.3f})  network {cold_bytes / 1e6:6.2f} MB "
          f"in {s['requests']} requests ({s.get('range_requests', 0)} ranged, {s.get('full_downloads', 0)} full)  "
          f"local files {s.get('local_bytes', 0) / 1e6:.2f} MB")
    print(f"depfix warm : wall {med([w[0] for w in warms]):6.3f} s in-process, "
          f"{med(subs) if subs else float('nan'):.3f} s fresh interpreter incl. imports  "
          f"(requests {warms[0][1]['requests']}, cache hits {warms[0][1]['cache_hits']})")
    if uvs:
        uv_wall = med([u[0] for u in uvs])
        uv_bytes = med([u[1] for u in uvs])
        rc = uvs[0][2]
        print(f"uv compile  : wall {uv_wall:6.3f} s (best {min(u[0] for u in uvs):.3f})  uv cache {uv_bytes / 1e6:6.2f} MB  exit {rc} {uvs[0][3]}")
        print(f"ratios      : cold wall depfix/uv {cold_wall / uv_wall:.2f}   warm/uv {med([w[0] for w in warms]) / uv_wall:.3f}   "
              f"depfix network bytes / uv cache size {cold_bytes / max(uv_bytes, 1):.2f}")
    if not args.no_proxy_count and (uvs or args.no_uv):
        proxy = CountingProxy()
        saved = {k: os.environ.get(k) for k in ("https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY")}
        os.environ.update(https_proxy=proxy.url, HTTPS_PROXY=proxy.url, no_proxy="", NO_PROXY="")
        cache = tempfile.mkdtemp(prefix="bench-depfix-cache-")
        try:
            wall, stats, _, errors = check_pins(cache, pins)
            ours = proxy.reset()
        finally:
            shutil.rmtree(cache, ignore_errors=True)
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        line = f"wire bytes  : through a counting proxy: depfix {ours / 1e6:.2f} MB ({wall:.2f} s)"
        if uvs:
            uwall, _, rc, _ = run_uv(shutil.which("uv"), args.requirements, proxy)
            theirs = proxy.reset()
            line += f", uv {theirs / 1e6:.2f} MB ({uwall:.2f} s, exit {rc}); ratio depfix/uv {ours / max(theirs, 1):.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
