"""``depfix analyze`` end to end against an index that misbehaves.

Every fault must end in a clear message (exit 3 naming the URL, or a reason
in the summary) or a correct fallback, within the configured timeout, with no
credential echoed and nothing half-written in the cache.  The index layer's
own fault tests (tests/index/) pin the mechanics; these pin what a user sees.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.support.hardening_server import HostileIndexServer, bomb_metadata_wheel, huge_metadata_wheel
from tests.support.hardening_world import cache_problems, run_cli

FIXED = "Jinjo==2.11.3\nMarkupSafe==2.0.1\nsix==1.15.0\n"
SECRET = "pw9secret"
TIMEOUT = 1.0


def analyze(world, server, *extra):
    """Run against ``server`` with credentials in the URL; (status, stdout, stderr, report text, seconds)."""
    url = server.url.replace("http://", f"http://user:{SECRET}@")
    report = world.root / "report.json"
    start = time.perf_counter()
    status, out, err = run_cli(world.analyze_args("--timeout", str(TIMEOUT), "--report", str(report), *extra, index_url=url))
    seconds = time.perf_counter() - start
    return status, out, err, report.read_text() if report.exists() else "", seconds


def check_clean(world, out, err, report):
    assert SECRET not in out + err + report
    assert "internal error" not in err and "Traceback" not in err
    assert cache_problems(world.cache) == []


@pytest.mark.parametrize("scope", ["files", "pages"])
@pytest.mark.parametrize("fault", ["500", "reset", "stall", "truncate"])
def test_an_unanswering_index_is_exit_3_with_the_url_in_one_line(world, scope, fault):
    with HostileIndexServer(world.index.root, fault, scope) as srv:
        srv.stall_seconds = TIMEOUT + 2
        status, out, err, report, seconds = analyze(world, srv)
    assert status == 3
    assert err.count("\n") == 1 and err.startswith("depfix: error: ") and "127.0.0.1" in err
    assert out == ""
    assert seconds < TIMEOUT * 3 + 1  # one timeout, not one per retry and file
    check_clean(world, out, err, report)


@pytest.mark.parametrize("scope", ["files", "pages"])
@pytest.mark.parametrize("fault", ["flaky-500", "flaky-reset"])
def test_a_transient_failure_is_retried_and_the_answer_is_right(world, scope, fault):
    with HostileIndexServer(world.index.root, fault, scope) as srv:
        status, out, err, report, _ = analyze(world, srv)
        retried = [r for r in srv.requests if "[" in r]
    assert status == 0, err
    assert out == FIXED
    assert retried  # the fault really happened
    check_clean(world, out, err, report)


@pytest.mark.parametrize("scope", ["files", "pages"])
def test_a_body_cut_short_once_is_retried(world, scope):
    with HostileIndexServer(world.index.root, "flaky-truncate", scope) as srv:
        status, out, err, report, _ = analyze(world, srv)
        retried = [r for r in srv.requests if "[truncate]" in r]
    assert status == 0, err
    assert out == FIXED
    assert retried  # the fault really happened
    check_clean(world, out, err, report)


def test_a_server_that_ignores_range_offsets_is_read_correctly(world):
    with HostileIndexServer(world.index.root, "bad-range", "files") as srv:
        status, out, err, report, _ = analyze(world, srv)
    assert status == 0, err
    assert out == FIXED
    check_clean(world, out, err, report)


@pytest.mark.parametrize("fault", ["not-zip", "html"])
def test_files_that_are_not_the_published_wheels_are_named_as_such(world, fault):
    with HostileIndexServer(world.index.root, fault, "files") as srv:
        status, out, err, report, _ = analyze(world, srv)
    assert status == 1  # no pin set can be proven: said so, with the reason
    assert "does not match its sha256" in err
    assert out.count("==") == 3
    check_clean(world, out, err, report)


@pytest.mark.parametrize("scope", ["files", "pages"])
def test_a_redirect_to_another_host_is_followed_without_the_credentials(world, scope):
    with HostileIndexServer(world.index.root) as other, HostileIndexServer(world.index.root, "redirect", scope) as srv:
        srv.redirect_to = other.url.rsplit("/simple/", 1)[0]
        status, out, err, report, _ = analyze(world, srv)
        assert other.requests  # the redirect was followed
        assert other.authorization_seen == []  # credentials stay with their host
        assert srv.authorization_seen  # ... and are used there
    assert status == 0, err
    assert out == FIXED
    check_clean(world, out, err, report)


@pytest.mark.parametrize("fault", ["html", "not-zip"])
def test_a_page_that_is_not_an_index_is_named(world, fault):
    with HostileIndexServer(world.index.root, fault, "pages") as srv:
        status, out, err, report, _ = analyze(world, srv)
    check_clean(world, out, err, report)
    assert status == 3, err  # the index did not answer: not "no pin set satisfies" (exit 1)
    assert err.startswith("depfix: error: ") and "not a project page" in err and "127.0.0.1" in err


# -- slow: archives built to hurt, and a server that never goes quiet ------------


def _replace_wheel(world, builder, **kw):
    target = next(f.path for f in world.index.files["markupsafe"] if "2.1.1" in f.path.name)
    built = builder(world.root / "hostile", "markupsafe", "2.1.1", **kw)
    os.replace(built, target)
    world.index.write()


@pytest.mark.slow
@pytest.mark.parametrize("builder", [bomb_metadata_wheel, huge_metadata_wheel], ids=["zip bomb METADATA", "50 MB METADATA"])
def test_a_hostile_metadata_member_does_not_change_the_answer(world, builder):
    _replace_wheel(world, builder)
    with HostileIndexServer(world.index.root) as srv:
        status, out, err, report, seconds = analyze(world, srv)
    assert status == 0, err
    assert out == FIXED
    assert seconds < 30
    check_clean(world, out, err, report)


@pytest.mark.slow
def test_a_metadata_member_over_the_cap_is_refused(world):
    from pytest_depfix.errors import DepfixError
    from pytest_depfix.index import PackageIndex
    from pytest_depfix.target import Target

    _replace_wheel(world, bomb_metadata_wheel, inflated=64 << 20)
    with HostileIndexServer(world.index.root) as srv:
        index = PackageIndex.from_config(Target.from_spec("3.9", "linux"), index_url=srv.url, cache_dir=str(world.cache),
                                         use_pip_config=False, timeout=5)
        with pytest.raises(DepfixError, match="(?i)cap|large"):
            index.metadata("markupsafe", "2.1.1")


@pytest.mark.slow
def test_a_dripping_server_is_cut_off_near_the_timeout(world):
    with HostileIndexServer(world.index.root, "drip", "files") as srv:
        srv.drip_seconds = 0.5
        argv = [sys.executable, "-m", "pytest_depfix", *world.analyze_args("--timeout", "2", index_url=srv.url)]
        start = time.perf_counter()
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=20)
        except subprocess.TimeoutExpired:
            pytest.fail("still fetching after 20 s with --timeout 2")
        seconds = time.perf_counter() - start
    assert proc.returncode == 3, proc.stderr
    assert "timed out: no complete answer within 8s" in proc.stderr  # 4 x --timeout per fetch
    assert seconds < 2 * 4 + 4
