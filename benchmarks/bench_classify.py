"""Cost of reading one exception message into a family, on long and adversarial messages.

Each message is classified (pytest_depfix.diagnose.families.classify) and, as
the baseline measured in the same run, split into words with ``str.split``;
the ratio says how many splits one classification costs.  The adversarial
shapes are the ones the loose readers could make quadratic: a long run of
"a from " after "cannot import name", a long "X | Y | ..." operand list, a
wrapped message of many lines.

Run: python benchmarks/bench_classify.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pytest_depfix.diagnose import families as F  # noqa: E402
from pytest_depfix.models import Crash, ExceptionRecord  # noqa: E402

MESSAGES = {
    "import, 16 kB of 'a from '": ("ImportError", "cannot import name " + "a from " * 2300 + "("),
    "import, 84 kB of 'a from '": ("ImportError", "cannot import name " + "a from " * 12000 + "("),
    "import, wrapped over 5000 lines": ("ImportError", "cannot import name\n" + "x\n" * 5000),
    "TypeError, 100 kB operand": ("TypeError", "unsupported operand type(s) for |: '" + "A" * 100_000 + "' and 'NoneType'"),
    "attribute, 1 MB message": ("AttributeError", "module 'numpy' has no attribute 'float'" + " x" * 500_000),
}


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    print(f"{'message':36} {'classify':>10} {'str.split':>10} {'ratio':>8}")
    for label, (etype, message) in MESSAGES.items():
        crash = Crash([ExceptionRecord(etype, message)])
        ours = best(lambda: F.classify(crash))
        base = best(lambda: message.split())
        print(f"{label:36} {ours * 1000:9.2f}ms {base * 1000:9.2f}ms {ours / base if base else 0:8.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
