"""pytest --depfix on real failing suites: artifacts, outcomes and exit statuses."""

from __future__ import annotations

import json

import pytest

TEST_USES_REMOVED = """
from libold import helper

def test_helper():
    assert helper() >= 1
"""

TEST_CALLS_REMOVED_AT_RUNTIME = """
import libold

def test_passes():
    assert True

def test_uses_helper():
    assert libold.helper() >= 1

def test_uses_helper_again():
    assert libold.helper() >= 1
"""


def run(pytester, broken_world, *args, depfix=True):
    index, site = broken_world
    pytester.makefile(".txt", requirements="six==1.15.0\nlibold==2.0\n")
    opts = []
    if depfix:
        opts = ["--depfix", "--depfix-requirements", "requirements.txt", "--depfix-index-url", index.file_url]
    # The inner runs keep file order (pytest-randomly, when installed, would shuffle test ids).
    return pytester.runpytest_subprocess("-p", "no:randomly", *opts, *args)


def artifacts(pytester):
    folder = pytester.path / ".depfix"
    return (
        (folder / "requirements-fixed.txt").read_text(),
        json.loads((folder / "depfix-report.json").read_text()),
        (folder / "depfix-report.md").read_text(),
    )


def test_collection_error_gets_strict_pins_back_to_a_release_with_the_name(pytester, broken_world):
    pytester.makepyfile(test_broken=TEST_USES_REMOVED)
    result = run(pytester, broken_world)
    result.assert_outcomes(errors=1)
    pins, report, md = artifacts(pytester)
    assert pins == "six==1.15.0\nlibold==1.1\n"
    assert report["crashes"][0]["when"] == "collect"
    assert report["crashes"][0]["exception"]["type"] == "ImportError"
    assert [c["name"] for c in report["changes"]] == ["libold"]
    assert "libold" in md and "1.1" in md
    result.stdout.fnmatch_lines(["*depfix*", "*change libold 2.0 -> 1.1*"])


def test_identical_crashes_are_grouped_with_their_test_ids(pytester, broken_world):
    pytester.makepyfile(test_runtime=TEST_CALLS_REMOVED_AT_RUNTIME)
    result = run(pytester, broken_world)
    result.assert_outcomes(passed=1, failed=2)
    _, report, _ = artifacts(pytester)
    assert len(report["crashes"]) == 1
    assert report["crashes"][0]["tests"] == [
        "test_runtime.py::test_uses_helper",
        "test_runtime.py::test_uses_helper_again",
    ]
    assert report["crashes"][0]["exception"]["type"] == "AttributeError"


@pytest.mark.parametrize("extra", [[], ["-x"], ["-n", "2"]])
def test_exit_status_and_outcomes_are_the_same_with_and_without_depfix(pytester, broken_world, extra):
    pytester.makepyfile(test_runtime=TEST_CALLS_REMOVED_AT_RUNTIME, test_broken=TEST_USES_REMOVED)
    with_ = run(pytester, broken_world, *extra)
    without = run(pytester, broken_world, *extra, depfix=False)
    assert with_.ret == without.ret
    assert with_.parseoutcomes() == without.parseoutcomes()


def test_xdist_controller_sees_one_record_per_failure_and_workers_write_nothing(pytester, broken_world):
    pytester.makepyfile(test_runtime=TEST_CALLS_REMOVED_AT_RUNTIME, test_broken=TEST_USES_REMOVED)
    result = run(pytester, broken_world, "-n", "2")
    _, report, _ = artifacts(pytester)
    tests = sorted(t for c in report["crashes"] for t in c["tests"])
    assert tests == ["test_broken.py", "test_runtime.py::test_uses_helper", "test_runtime.py::test_uses_helper_again"]
    assert all(c["frames"] for c in report["crashes"])  # live records crossed from the workers
    assert result.ret == 1


def test_nothing_written_and_quiet_when_all_tests_pass(pytester, broken_world):
    pytester.makepyfile(test_ok="def test_ok():\n    assert True\n")
    result = run(pytester, broken_world)
    assert result.ret == 0
    assert not (pytester.path / ".depfix").exists()
    assert "= depfix =" not in result.stdout.str() and "- depfix -" not in result.stdout.str()


def test_a_bad_requirements_file_is_a_warning_not_an_internal_error(pytester, broken_world):
    index, site = broken_world
    pytester.makepyfile(test_runtime=TEST_CALLS_REMOVED_AT_RUNTIME)
    result = pytester.runpytest_subprocess("--depfix", "--depfix-requirements", "nope.txt", "--depfix-index-url", index.file_url)
    assert result.ret == 1  # the tests' own failure, not ours
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()
    result.stdout.fnmatch_lines(["*depfix warning*requirements file not found*"])
    report = json.loads((pytester.path / ".depfix" / "depfix-report.json").read_text())
    assert report["status"] == "error"


def test_ini_keys_configure_the_plugin_and_the_command_line_wins(pytester, broken_world):
    index, site = broken_world
    pytester.makepyfile(test_broken=TEST_USES_REMOVED)
    pytester.makefile(".txt", requirements="six==1.15.0\nlibold==2.0\n")
    pytester.makeini(f"""
[pytest]
depfix_enabled = true
depfix_requirements = requirements.txt
depfix_index_url = {index.file_url}
depfix_dir = from-ini
depfix_keep =
    six==1.15.0
""")
    pytester.runpytest_subprocess()
    assert (pytester.path / "from-ini" / "requirements-fixed.txt").read_text() == "six==1.15.0\nlibold==1.1\n"
    pytester.runpytest_subprocess("--depfix-dir", "from-cli")
    assert (pytester.path / "from-cli" / "requirements-fixed.txt").exists()


def test_tox_env_dir_is_the_default_artifact_home(pytester, broken_world, monkeypatch, tmp_path):
    monkeypatch.setenv("TOX_ENV_DIR", str(tmp_path / "toxenv"))
    pytester.makepyfile(test_broken=TEST_USES_REMOVED)
    run(pytester, broken_world)
    assert (tmp_path / "toxenv" / "depfix" / "requirements-fixed.txt").exists()


def test_plugin_off_registers_no_session_object(pytester):
    pytester.makepyfile(test_ok="""
def test_ok(pytestconfig):
    assert pytestconfig.pluginmanager.get_plugin("depfix-session") is None
    assert pytestconfig.pluginmanager.get_plugin("depfix") is not None
""")
    result = pytester.runpytest_subprocess()
    assert result.ret == 0


def test_verify_proves_the_answer_in_an_isolated_environment(pytester, broken_world):
    index, _ = broken_world
    pytester.makepyfile(test_broken=TEST_USES_REMOVED)
    result = run(pytester, broken_world, "--depfix-verify", "--depfix-cache-dir", str(pytester.path / "cache"))
    result.assert_outcomes(errors=1)  # the run itself is unchanged
    pins, report, md = artifacts(pytester)
    assert pins == "six==1.15.0\nlibold==1.1\n"
    assert report["verification"]["verified"] is True, report["verification"]
    assert report["verification"]["candidate_index"] == 0
    assert "## Verification" in md
    result.stdout.fnmatch_lines(["*verified*"])


def test_verify_for_another_python_says_it_is_not_possible(pytester, broken_world):
    pytester.makepyfile(test_broken=TEST_USES_REMOVED)
    run(pytester, broken_world, "--depfix-verify", "--depfix-python", "3.7")
    _, report, _ = artifacts(pytester)
    assert report["verification"]["verified"] is False
    assert "not possible" in report["verification"]["reason"]


def test_a_keyboard_interrupt_still_leaves_a_report_for_what_failed(pytester, broken_world):
    pytester.makepyfile(test_a_runtime=TEST_CALLS_REMOVED_AT_RUNTIME, test_b_interrupt="""
def test_stop():
    raise KeyboardInterrupt
""")
    result = run(pytester, broken_world)
    assert result.ret == 2  # pytest's "interrupted", unchanged
    pins, report, _ = artifacts(pytester)
    assert pins == "six==1.15.0\nlibold==1.1\n"
    assert report["crashes"][0]["tests"][0] == "test_a_runtime.py::test_uses_helper"


def test_x_stops_early_and_the_first_failure_is_reported(pytester, broken_world):
    pytester.makepyfile(test_runtime=TEST_CALLS_REMOVED_AT_RUNTIME)
    run(pytester, broken_world, "-x")
    _, report, _ = artifacts(pytester)
    assert report["crashes"][0]["tests"] == ["test_runtime.py::test_uses_helper"]


def test_artifacts_are_byte_identical_across_runs(pytester, broken_world):
    pytester.makepyfile(test_runtime=TEST_CALLS_REMOVED_AT_RUNTIME, test_broken=TEST_USES_REMOVED)
    run(pytester, broken_world)
    folder = pytester.path / ".depfix"
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    run(pytester, broken_world)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first
    assert sorted(first) == ["depfix-report.json", "depfix-report.md", "requirements-fixed.txt"]


def test_a_spaced_path_option_that_moves_pytests_rootdir_is_warned_about(pytester, broken_world, tmp_path):
    index, _ = broken_world
    pytester.makepyfile(test_ok="def test_ok():\n    pass\n")
    elsewhere = tmp_path / "elsewhere-cache"
    elsewhere.mkdir()
    spaced = pytester.runpytest_subprocess("--depfix", "--depfix-cache-dir", str(elsewhere))
    spaced.stdout.fnmatch_lines(["*depfix warning: write --depfix-cache-dir=*"])
    joined = pytester.runpytest_subprocess("--depfix", f"--depfix-cache-dir={elsewhere}")
    assert "depfix warning" not in joined.stdout.str()
