"""Seeded mutators for tracebacks and requirements files, shared by the fuzz tests and benchmark.

Inputs are the real corpora (tests/corpus/tracebacks, benchmarks/cases,
examples) cut, spliced, repeated and sprinkled with the characters and tokens
parsers trip on.  Every mutator takes a :class:`random.Random`, so a seed
names an input exactly: the hypothesis tests draw seeds, the benchmark walks
a range of them, and a failure is reproduced from its seed alone.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, List, Tuple

ROOT = Path(__file__).resolve().parents[2]
SECRET = "s3cr3tT0ken"  # planted in credential-bearing URLs; must never be echoed

TRACEBACK_TOKENS = [
    "Traceback (most recent call last):", "  File \"/x/site-packages/a/b.py\", line 12, in f", "    import torch",
    "    ^^^^^^^^^^^^", "ImportError: cannot import name 'x' from 'y'", "The above exception was the direct cause of the following exception:",
    "During handling of the above exception, another exception occurred:", "  [Previous line repeated 996 more times]",
    "  + Exception Group Traceback (most recent call last):", "  | ExceptionGroup: boom (2 sub-exceptions)", "  +-+---------------- 1 ----------------",
    "E   ModuleNotFoundError: No module named 'x'", "_____ ERROR collecting test_a.py _____", "x.py:3: in <module>",
    "\x1b[31mValueError\x1b[0m: bad", "Cell In[3], line 5", "----> 5 foo()", "2024-01-01 12:00:00 ERROR ", "  File \"<string>\", line 1",
    "SyntaxError: invalid syntax", "RecursionError: maximum recursion depth exceeded", "KeyError", ":", "  File \"", "line 99999999999999999999",
]
REQUIREMENT_TOKENS = [
    "==", "===", ">=", "~=", "!=", "*", ";", " ; python_version < '3.8'", " ; python_version <<< '3'", " ; os_name == ",
    "[extra]", "[", " @ ", "-r other.txt", "-r ../../../../etc/passwd", "-c constraints.txt", "-e .", "--hash=sha256:abc",
    "-i https://user:" + SECRET + "@example.invalid/simple", "--extra-index-url https://tok:" + SECRET + "@x.invalid/",
    "pkg @ https://u:" + SECRET + "@x.invalid/pkg-1.0.tar.gz", "pkg @ file:///etc/passwd", "file:../../outside",
    "\\", "${HOME}", "${NOPE}", "#", " # comment", "-f ./wheels", "--only-binary=:all:", "-x", "git+https://" + SECRET + "@github.com/a/b",
    "\ufeff", "\x00", "\r", "\t", "é", "名前", "a" * 300, "1.0" * 50, "numpy==1.19.5", "torch==1.8.0+cu111",
]
NOISE = ["\x00", "\r", "\u2028", "\x0c", "\t", "\ufeff", "\\", "\"", "'", "(", ")", "[", "]", "<", ">", ":", "^", "~", "é", "\U0001f600", " "]


_LEAK = re.compile(r"://[^/\s]*" + SECRET)


def leaks_credentials(text: str) -> bool:
    """Whether ``text`` shows the planted secret where credentials sit (``scheme://...secret...@host``).

    Mutation can splice the secret into a URL's path, where it is no longer a
    credential and may rightly be shown.
    """
    return bool(_LEAK.search(text))


@lru_cache(maxsize=None)
def traceback_seeds() -> Tuple[str, ...]:
    paths = sorted((ROOT / "tests" / "corpus" / "tracebacks").glob("*.txt"))
    paths += sorted((ROOT / "benchmarks" / "cases").glob("*/traceback.txt"))
    paths += sorted((ROOT / "examples").glob("*/traceback.txt"))
    return tuple(p.read_text(encoding="utf-8", errors="replace") for p in paths)


@lru_cache(maxsize=None)
def requirements_seeds() -> Tuple[str, ...]:
    paths = sorted((ROOT / "benchmarks" / "cases").glob("*/requirements*.txt"))
    paths += sorted((ROOT / "examples").glob("*/requirements*.txt"))
    return tuple(p.read_text(encoding="utf-8", errors="replace") for p in paths)


def _lines_op(rng: random.Random, lines: List[str], tokens: List[str], donors: Tuple[str, ...]) -> List[str]:
    if not lines:
        lines = [""]
    i = rng.randrange(len(lines))
    op = rng.randrange(12)
    if op == 0:
        del lines[i]
    elif op == 1:
        lines.insert(i, lines[i])
    elif op == 2:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 3:
        lines.insert(i, rng.choice(tokens))
    elif op == 4:  # a token inside a line
        pos = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:pos] + rng.choice(tokens) + lines[i][pos:]
    elif op == 5:  # noise characters
        s = list(lines[i])
        for _ in range(rng.randint(1, 4)):
            s.insert(rng.randrange(len(s) + 1), rng.choice(NOISE))
        lines[i] = "".join(s)
    elif op == 6:  # cut the line
        lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
    elif op == 7:  # splice a block from another seed
        other = rng.choice(donors).splitlines() or [""]
        a = rng.randrange(len(other))
        lines[i:i] = other[a : a + rng.randint(1, 12)]
    elif op == 8:  # repeat a block
        b = lines[i : i + rng.randint(1, 4)]
        lines[i:i] = b * rng.randint(2, 40)
    elif op == 9:  # re-indent / prefix
        lines[i] = rng.choice(["    ", "", "E   ", "| ", "  | ", "2024-05-01 10:00:00,123 ERROR x: ", ">>> ", "\t"]) + lines[i].lstrip()
    elif op == 10:  # a huge number or a very long line
        lines[i] = lines[i] + rng.choice(["9" * rng.randint(10, 60), "x" * rng.randint(1000, 20000), " line -1,"])
    else:  # truncate the whole text here
        del lines[i + 1 :]
    return lines


def mutate(rng: random.Random, text: str, tokens: List[str], donors: Tuple[str, ...], steps: int) -> str:
    lines = text.splitlines()
    for _ in range(steps):
        lines = _lines_op(rng, lines, tokens, donors)
    sep = rng.choice(["\n", "\n", "\r\n", "\r"])
    return sep.join(lines) + (sep if rng.random() < 0.8 else "")


def traceback_case(seed: int) -> str:
    rng = random.Random(seed)
    seeds = traceback_seeds()
    return mutate(rng, rng.choice(seeds), TRACEBACK_TOKENS, seeds, rng.randint(0, 12))


def requirements_case(seed: int) -> str:
    rng = random.Random(seed)
    seeds = requirements_seeds()
    return mutate(rng, rng.choice(seeds), REQUIREMENT_TOKENS, seeds, rng.randint(0, 10))


def world_requirements_case(seed: int, base: str) -> str:
    """Mutations of a requirements file the fixture index can answer (for end-to-end runs)."""
    rng = random.Random(seed)
    return mutate(rng, base, REQUIREMENT_TOKENS, requirements_seeds() + (base,), rng.randint(0, 4))


def world_traceback_case(seed: int, base: str) -> str:
    rng = random.Random(seed)
    return mutate(rng, base, TRACEBACK_TOKENS, traceback_seeds() + (base,), rng.randint(0, 6))


def deep_recursion_traceback(frames: int) -> str:
    """A real RecursionError-shaped traceback with ``frames`` distinct frames (no repeat collapse)."""
    out = ["Traceback (most recent call last):"]
    for i in range(frames):
        out.append(f'  File "/srv/app/deep.py", line {2 * i + 2}, in f{i}')
        out.append(f"    return f{i + 1}(x)")
    out.append("RecursionError: maximum recursion depth exceeded")
    return "\n".join(out) + "\n"


def paste_of_size(size: int, seed: int = 0) -> str:
    """A log-like paste of about ``size`` characters: corpus tracebacks among noise lines."""
    rng = random.Random(seed)
    seeds = traceback_seeds()
    parts: List[str] = []
    n = 0
    while n < size:
        chunk = rng.choice(seeds) if rng.random() < 0.5 else f"2024-05-01 INFO worker {rng.randrange(10**6)} processed batch ok\n" * 20
        parts.append(chunk)
        n += len(chunk)
    return "".join(parts)[:size]


Maker = Callable[[int], str]
