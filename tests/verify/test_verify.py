"""verify_candidates: the first candidate under which the failing tests pass is the verified one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pytest_depfix.target import Target
from pytest_depfix.verify import EnvironmentBuilder, verify_candidates
from pytest_depfix.verify_env import ENV_MARKER, env_python

from .conftest import INSTALLERS, TEST_ID


def built_envs(builder: EnvironmentBuilder):
    return [p for p in builder.root.iterdir() if p.is_dir() and not p.name.startswith(".wheelhouse")] if builder.root.exists() else []


def test_foreign_target_python_is_not_verified_and_builds_nothing(tmp_path, project):
    builder = EnvironmentBuilder(tmp_path / "cache", no_index=True)
    other = "3.7" if sys.version_info[:2] != (3, 7) else "3.8"
    result = verify_candidates([{"mylib": "1.0"}], [TEST_ID], project_root=project, builder=builder,
                               target=Target.from_spec(other, None))
    assert result.verified is False
    assert result.attempts == []
    assert result.pins == {"mylib": "1.0"}  # the best unverified answer is still handed back
    assert f"target Python {other} is not the running Python" in result.reason
    assert "verification not possible here" in result.reason
    assert not (tmp_path / "cache").exists()


def test_nothing_to_rerun_is_said_plainly(tmp_path, project):
    builder = EnvironmentBuilder(tmp_path / "cache", no_index=True)
    result = verify_candidates([{"mylib": "1.0"}], [], project_root=project, builder=builder)
    assert not result.verified and "no failing test" in result.reason


@pytest.mark.parametrize("installer", INSTALLERS)
def test_second_candidate_is_verified_when_the_first_still_fails(installer, make_builder, project):
    builder = make_builder(installer)
    result = verify_candidates([{"mylib": "2.0"}, {"mylib": "1.0"}], [TEST_ID], project_root=project, builder=builder)
    assert result.verified, result.attempts
    assert result.candidate_index == 1
    assert result.pins == {"mylib": "1.0"}
    first, second = result.attempts
    assert first.passed == {TEST_ID: False} and first.returncode != 0 and first.error is None
    assert "helper" in first.output_tail  # the failed attempt shows why
    assert second.passed == {TEST_ID: True} and second.returncode == 0
    assert "candidate 2 of 2" in result.reason


def test_file_index_url_is_passed_through(make_builder, project):
    builder = make_builder("pip", via="index-url")
    result = verify_candidates([{"mylib": "1.2"}], [TEST_ID], project_root=project, builder=builder)
    assert result.verified and result.candidate_index == 0


def test_the_environment_holds_the_pins_and_not_the_running_environment(make_builder, project):
    builder = make_builder("pip")
    env = builder.ensure({"mylib": "1.1"})
    listing = subprocess.run([str(env_python(env)), "-c",
                              "import importlib.metadata as m, sys; print(sys.prefix); "
                              "print(sorted(d.metadata['Name'].lower() for d in m.distributions()))"],
                             capture_output=True, text=True, check=True).stdout
    prefix, names = listing.splitlines()
    assert Path(prefix) == env and Path(prefix) != Path(sys.prefix)
    assert "mylib" in names and "pytest" in names
    assert "hypothesis" not in names and "resolvelib" not in names  # installed here, not there
    from importlib.metadata import version

    out = subprocess.run([str(env_python(env)), "-c", "import pytest; print(pytest.__version__)"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == version("pytest")


def test_second_verify_of_the_same_set_reuses_the_environment(make_builder, project):
    builder = make_builder("pip")
    one = verify_candidates([{"mylib": "1.0"}], [TEST_ID], project_root=project, builder=builder)
    envs = built_envs(builder)
    stamp = {p: (p / ENV_MARKER).stat().st_ino for p in envs if (p / ENV_MARKER).exists()}
    two = verify_candidates([{"mylib": "1.0"}], [TEST_ID], project_root=project, builder=builder)
    assert one.verified and two.verified
    assert one.attempts[0].env_cached is False and one.attempts[0].install_seconds > 0
    assert two.attempts[0].env_cached is True and two.attempts[0].install_seconds == 0
    assert built_envs(builder) == envs  # nothing new was built
    assert {p: (p / ENV_MARKER).stat().st_ino for p in envs if (p / ENV_MARKER).exists()} == stamp


@pytest.mark.parametrize("installer", INSTALLERS)
def test_a_pin_that_does_not_exist_gives_a_clear_error_and_no_environment(installer, make_builder, project):
    builder = make_builder(installer)
    result = verify_candidates([{"mylib": "9.0"}, {"mylib": "1.0"}], [TEST_ID], project_root=project, builder=builder)
    bad = result.attempts[0]
    assert bad.error and "cannot install the pins" in bad.error and "mylib" in bad.error and "9.0" in bad.error
    assert bad.returncode is None and bad.passed == {TEST_ID: False}
    assert result.verified and result.candidate_index == 1  # the next candidate still got its turn
    envs = built_envs(builder)
    assert not [p for p in envs if p.name.startswith(".build-")]
    assert len([p for p in envs if (p / ENV_MARKER).exists()]) == 1  # only mylib 1.0's


def test_budget_limits_the_candidates_tried(make_builder, project):
    builder = make_builder("pip")
    result = verify_candidates([{"mylib": "2.0"}, {"mylib": "1.3"}, {"mylib": "1.0"}], [TEST_ID], project_root=project,
                               builder=builder, attempts=2)
    assert not result.verified and len(result.attempts) == 2
    assert result.pins == {"mylib": "2.0"}  # best unverified
    assert "1 more not tried" in result.reason


def test_a_stalled_index_times_out_and_leaves_no_environment(make_builder, project, mylib_index, serve_index):
    server = serve_index(mylib_index)
    server.modes.add("stall")
    server.stall_seconds = 30
    builder = make_builder("pip", via="index-url", index_url=server.url, timeout=3)
    result = verify_candidates([{"mylib": "1.0"}], [TEST_ID], project_root=project, builder=builder)
    assert not result.verified
    assert "timed out after 3 s" in result.attempts[0].error
    assert not [p for p in built_envs(builder)]


def test_a_build_left_by_a_killed_process_is_swept(make_builder, project):
    builder = make_builder("pip")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    builder.root.mkdir(parents=True)
    stray = builder.root / f".build-abcdef012345-{dead.pid}-x1y2z3"
    (stray / "lib").mkdir(parents=True)
    builder.ensure({"mylib": "1.0"})
    assert not stray.exists()


def test_the_cache_keeps_only_the_most_recently_used_environments(make_builder, project):
    builder = make_builder("pip", max_envs=2)
    for v in ("1.0", "1.1", "1.2"):
        builder.ensure({"mylib": v})
    kept = [(p / ENV_MARKER).read_text() for p in builder.cached()]
    assert len(kept) == 2
    assert '"1.2"' in kept[0] and '"1.1"' in kept[1]


def test_clean_environments_removes_them_all(make_builder, tmp_path):
    from pytest_depfix.verify import clean_environments, environments_dir

    builder = make_builder("pip")
    builder.ensure({"mylib": "1.0"})
    assert environments_dir(tmp_path / "cache") == builder.root
    assert clean_environments(tmp_path / "cache") == 1
    assert builder.cached() == []
    assert clean_environments(tmp_path / "nothing-here") == 0


def test_output_never_shows_index_credentials(make_builder, project, mylib_index, serve_index):
    server = serve_index(mylib_index)
    url = server.url.replace("http://", "http://alice:s3cret@")
    builder = make_builder("pip", via="index-url", index_url=url)
    result = verify_candidates([{"mylib": "9.0"}], [TEST_ID], project_root=project, builder=builder)
    text = result.attempts[0].error + result.attempts[0].output_tail
    assert "s3cret" not in text
