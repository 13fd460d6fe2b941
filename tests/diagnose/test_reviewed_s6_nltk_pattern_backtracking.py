"""Review (session 6): the NLTK environment pattern backtracks cubically on a long token after "Resource ".

``families._ENV_PATTERNS`` gained ``Resource \\S*\\s*\\w+\\S*\\s*not found\\.``: three overlapping
unbounded runs (``\\S*``, ``\\w+``, ``\\S*``) over the same characters, so a message with "Resource "
followed by one long token and no "not found" (a URL with a query, a JSON or base64 payload, an ARN
list) costs O(n^3).  ``environment_advice`` runs on every exception of every crash (the engine cuts
lines to 1000 characters: ~1.5 s per line, and a message may hold 16 such lines), and
``message_only.infer_message`` runs it on raw pasted lines with no length cap at all (3000 characters:
tens of seconds).  NLTK's token is one word, optionally wrapped in ANSI colour codes:
``Resource\\s+\\S+\\s+not found\\.`` is linear.
"""
from __future__ import annotations

import time

from pytest_depfix.diagnose.families import environment_advice


def test_a_long_token_after_resource_is_read_in_linear_time():
    line = 'Resource {"payload":"' + "QUJDRA" * 160 + '"}'  # ~1000 characters, as the engine bounds a line
    t0 = time.perf_counter()
    environment_advice(line)
    assert time.perf_counter() - t0 < 0.2


def test_nltk_s_message_is_still_recognised():
    msg = ("Resource \x1b[93mpunkt\x1b[0m not found.\n  Please use the NLTK Downloader to obtain the resource:\n")
    assert environment_advice(msg) and "NLTK" in environment_advice(msg)
