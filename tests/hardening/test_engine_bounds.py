"""The engine's own bounds: a huge exception message never stalls the diagnosis.

A failing assertion on a long string, or a log pasted whole, gives an
exception message of hundreds of kilobytes.  The diagnosis only needs the
start of each line; the report keeps the message as it was.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.support.hardening_world import TRACEBACK, run_cli

HUGE = 200_000


@pytest.mark.parametrize("body", ["x" * HUGE, "a." * (HUGE // 2), "1" * HUGE, ("word " * 40 + "\n") * (HUGE // 200)],
                         ids=["one word", "dotted", "digits", "many lines"])
def test_a_huge_message_is_diagnosed_quickly_and_reported_whole(world, body):
    world.traceback.write_text(TRACEBACK.rsplit("\n", 2)[0] + "\nValueError: " + body + "\n")
    report = world.root / "r.json"
    start = time.perf_counter()
    status, out, err = run_cli(world.analyze_args("--report", str(report)))
    assert time.perf_counter() - start < 10  # quadratic matching took minutes here
    assert status == 0, err
    data = json.loads(report.read_text())
    (crash,) = data["crashes"]
    assert crash["verdict"]  # the diagnosis is still linked to its crash
    message = crash["exception"]["message"]
    assert message.split()[:500] == body.split()[:500]
    if "\n" not in body:  # (the parser keeps the first 60 lines of a long message)
        assert message == body
