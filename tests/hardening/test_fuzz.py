"""Fuzzed input through the parser, the requirements reader and ``depfix analyze --offline``.

Seeds come from the real corpora (tests/corpus/tracebacks, benchmarks/cases,
examples) and are mutated by tests/support/hardening_fuzz.py; hypothesis draws
the mutation seeds, derandomized so every run checks the same inputs and a
failure names its seed.  benchmarks/fuzz_inputs.py runs the big counts.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_depfix.crash.parse import _parse
from pytest_depfix.errors import BadInput
from pytest_depfix.requirements import parse_requirements_text
from pytest_depfix.target import Target
from tests.support.hardening_fuzz import (
    leaks_credentials, requirements_case, traceback_case, world_requirements_case, world_traceback_case,
)
from tests.support.hardening_server import HostileIndexServer
from tests.support.hardening_world import EXIT_STATUSES, REQUIREMENTS, TRACEBACK, build_world, run_cli, warm_cache

SEEDS = st.integers(min_value=0, max_value=2**32 - 1)
def fuzz(n: int) -> settings:
    return settings(derandomize=True, deadline=None, suppress_health_check=list(HealthCheck), database=None, max_examples=n)
TARGET = Target.from_spec("3.9", "linux")


@fuzz(400)
@given(seed=SEEDS)
def test_the_parser_never_raises_on_mutated_tracebacks(seed):
    crashes = _parse(traceback_case(seed))  # _parse: parse_traceback would swallow a bug
    for crash in crashes:
        assert crash.exceptions


@fuzz(400)
@given(seed=SEEDS)
def test_the_requirements_reader_refuses_with_one_line_and_never_echoes_credentials(seed):
    try:
        pins = parse_requirements_text(requirements_case(seed), TARGET)
    except BadInput as exc:
        assert not leaks_credentials(str(exc))
        return
    assert not any(leaks_credentials(w) for w in pins.warnings)
    for pin in pins:
        assert pin.key


@pytest.fixture(scope="module")
def warm_world(tmp_path_factory):
    """A world whose cache answers every question of the unmutated case, and the index URL it was filled from."""
    world = build_world(tmp_path_factory.mktemp("fuzz-world"))
    with HostileIndexServer(world.index.root) as srv:
        warm_cache(world, srv.url)
        url = srv.url
    return world, url  # the server is gone: --offline runs cannot reach it


@fuzz(150)
@given(seed=SEEDS, which=st.integers(0, 3))
def test_analyze_offline_ends_in_a_documented_status(warm_world, seed, which):
    world, url = warm_world
    req, tb = world.root / "fuzz-requirements.txt", world.root / "fuzz-crash.txt"
    req.write_text(world_requirements_case(seed, REQUIREMENTS) if which & 1 else requirements_case(seed), encoding="utf-8")
    tb.write_text(world_traceback_case(seed, TRACEBACK) if which & 2 else traceback_case(seed), encoding="utf-8")
    report = world.root / "fuzz-report.json"
    report.unlink(missing_ok=True)
    status, out, err = run_cli(world.analyze_args("--offline", "--report", str(report), index_url=url,
                                                  requirements=req, traceback=tb))
    assert status in EXIT_STATUSES, err
    assert "internal error" not in err, err
    assert not leaks_credentials(out + err + (report.read_text() if report.exists() else ""))
    if status == 2:
        assert err.startswith("depfix: error: ") and err.count("\n") == 1
