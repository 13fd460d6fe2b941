"""How fast the traceback parser reads big pastes, against generating the same text.

Baseline, measured in the same run: ``traceback.format_exception`` producing
the very text we parse (a 1000-frame RecursionError-style stack and chained
exceptions).  The ratio parse/generate says how much reading costs next to the
interpreter's own printing; a linear parser keeps it flat as inputs grow.

Run: python benchmarks/bench_parse.py
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pytest_depfix.crash import parse_traceback  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "tracebacks"


def _deep(n: int):
    """A real exception whose traceback has ~n distinct frames (no repeat collapse)."""
    src = "".join(f"def f{i}(x):\n    return f{i + 1}(x)\n" for i in range(n)) + f"def f{n}(x):\n    raise ValueError('deep')\n"
    ns: dict = {}
    exec(compile(src, "/srv/app/deep.py", "exec"), ns)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, n + 200))
    try:
        ns["f0"](1)
    except ValueError as exc:
        return exc
    finally:
        sys.setrecursionlimit(old)


def _best(fn, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    exc = _deep(1000)
    gen = lambda: "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    text = gen()
    t_gen = _best(gen)
    t_parse = _best(lambda: parse_traceback(text))
    frames = len(parse_traceback(text)[0].final.frames)
    print(f"1000-frame traceback ({len(text) / 1e3:.0f} kB, {frames} frames): parse {t_parse * 1e3:.1f} ms, "
          f"format_exception {t_gen * 1e3:.1f} ms, ratio {t_parse / t_gen:.2f}")

    corpus = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    for size in (1_000_000, 10_000_000):
        blob = (corpus * (size // len(corpus) + 1))[:size]
        t = _best(lambda: parse_traceback(blob), repeat=1 if size > 2_000_000 else 3)
        n = len(parse_traceback(blob)) if size <= 2_000_000 else "-"
        # baseline: generating the same volume of traceback text with format_exception
        reps = size // len(text) + 1
        t_g = _best(lambda: [gen() for _ in range(reps)], repeat=1)
        print(f"{size / 1e6:.0f} MB paste of the corpus: parse {t:.2f} s ({size / 1e6 / t:.1f} MB/s, crashes {n}); "
              f"format_exception of {reps * len(text) / 1e6:.0f} MB {t_g:.2f} s; ratio {t / t_g:.2f}")

    noise = ("2024-05-01 10:00:00,123 INFO worker: processed item 12345 in 3 ms\n" * (10_000_000 // 66))
    t = _best(lambda: parse_traceback(noise), repeat=1)
    print(f"10 MB of log lines without tracebacks: parse {t:.2f} s ({10 / t:.1f} MB/s)")


if __name__ == "__main__":
    main()
