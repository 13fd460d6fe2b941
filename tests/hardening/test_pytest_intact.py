"""pytest stays intact: the same exit status and outcome counts with and without ``--depfix``.

Over a matrix of suites (pass, fail, error, collection error, -x, a
KeyboardInterrupt raised in a test, -n 2, --lf after a failing run, with
pytest-cov and pytest-randomly present), and with depfix forced to fail
(unreachable index, broken requirements file): depfix problems are warnings,
never an INTERNALERROR and never a changed outcome.
"""

from __future__ import annotations

import importlib.util
import shutil
import zipfile

import pytest

from tests.support.wheels import make_index

UNIVERSE = {
    "libold": [
        {"version": "1.0", "files": {"libold/__init__.py": "def helper():\n    return 1\n"}, "upload_time": "2020-01-01T00:00:00Z"},
        {"version": "2.0", "files": {"libold/__init__.py": "def other():\n    return 3\n"}, "upload_time": "2021-01-01T00:00:00Z"},
    ],
}

SUITES = {
    "pass": {"test_a": "def test_ok():\n    assert True\n"},
    "fail": {"test_a": "import libold\n\ndef test_ok():\n    pass\n\ndef test_dep():\n    libold.helper()\n\ndef test_plain():\n    assert 1 == 2\n"},
    "error": {"test_a": "import pytest\n\n@pytest.fixture\ndef broken():\n    import libold\n    return libold.helper()\n\n"
                        "def test_uses(broken):\n    pass\n\ndef test_ok():\n    pass\n"},
    "collection error": {"test_a": "from libold import helper\n\ndef test_x():\n    pass\n", "test_b": "def test_ok():\n    pass\n"},
    "keyboard interrupt": {"test_a": "import libold\n\ndef test_dep():\n    libold.helper()\n\ndef test_stop():\n    raise KeyboardInterrupt\n\n"
                                     "def test_after():\n    pass\n"},
}

SLOW = pytest.mark.slow
MATRIX = [
    pytest.param("pass", (), id="pass"),
    pytest.param("fail", (), id="fail"),
    pytest.param("error", (), id="error", marks=SLOW),
    pytest.param("collection error", (), id="collection error"),
    pytest.param("fail", ("-x",), id="fail -x", marks=SLOW),
    pytest.param("keyboard interrupt", (), id="keyboard interrupt"),
    pytest.param("fail", ("-n", "2"), id="fail -n 2", marks=SLOW),
    pytest.param("collection error", ("-n", "2"), id="collection error -n 2", marks=SLOW),
]


@pytest.fixture
def installed(tmp_path):
    """(index, site): libold 2.0 unpacked into a site folder the suites import from."""
    index = make_index(tmp_path / "index", UNIVERSE)
    site = tmp_path / "site"
    for f in index.files["libold"]:
        if "2.0" in f.path.name:
            with zipfile.ZipFile(f.path) as zf:
                zf.extractall(site)
    return index, site


def setup_suite(pytester, installed, suite):
    index, site = installed
    pytester.makepyfile(**SUITES[suite])
    pytester.makeconftest(f"import sys\nsys.path.insert(0, {str(site)!r})\n")
    pytester.makefile(".txt", requirements="libold==2.0\n")


def depfix_args(installed, pytester, mode):
    index, _ = installed
    # Path options take the "=" form: pytest finds its rootdir before plugins add their
    # options, so a spaced path value would move the rootdir (and --lf's memory).
    cache = [f"--depfix-cache-dir={pytester.path.parent / 'depfix-cache'}"]
    if mode == "off":
        return []
    if mode == "on":
        return ["--depfix", "--depfix-requirements", "requirements.txt", "--depfix-index-url", index.file_url, *cache]
    if mode == "unreachable index":
        return ["--depfix", "--depfix-requirements", "requirements.txt", "--depfix-index-url", "http://127.0.0.1:9/simple/", *cache]
    if mode == "broken requirements":
        pytester.makefile(".txt", broken="libold==2.0 ; python_version <<< '3'\n-x nonsense\n")
        return ["--depfix", "--depfix-requirements", "broken.txt", "--depfix-index-url", index.file_url, *cache]
    raise AssertionError(mode)


def outcome(result):
    try:
        counts = result.parseoutcomes()
    except ValueError:
        counts = {}
    counts.pop("warnings", None)  # depfix may add a warning line; the outcomes must not change
    counts.pop("warning", None)
    return result.ret, counts


def run(pytester, installed, mode, extra):
    shutil.rmtree(pytester.path / ".depfix", ignore_errors=True)
    return pytester.runpytest_subprocess("-p", "no:randomly", *depfix_args(installed, pytester, mode), *extra)


def assert_no_internal_error(result):
    text = result.stdout.str() + result.stderr.str()
    assert "INTERNALERROR" not in text, text[-3000:]


@pytest.mark.parametrize("suite, extra", MATRIX)
def test_outcomes_and_exit_status_are_unchanged_by_depfix(pytester, installed, suite, extra):
    setup_suite(pytester, installed, suite)
    without = run(pytester, installed, "off", extra)
    with_ = run(pytester, installed, "on", extra)
    assert outcome(with_) == outcome(without)
    assert_no_internal_error(with_)


@pytest.mark.parametrize("suite, mode", [
    pytest.param("fail", "broken requirements", id="fail-broken requirements"),
    pytest.param("collection error", "unreachable index", id="collection error-unreachable index"),
    pytest.param("fail", "unreachable index", id="fail-unreachable index", marks=SLOW),
    pytest.param("collection error", "broken requirements", id="collection error-broken requirements", marks=SLOW),
])
def test_a_failing_depfix_is_a_warning_only(pytester, installed, suite, mode):
    setup_suite(pytester, installed, suite)
    without = run(pytester, installed, "off", ())
    broken = run(pytester, installed, mode, ())
    assert outcome(broken) == outcome(without)
    assert_no_internal_error(broken)
    assert "depfix warning" in broken.stdout.str()


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["on", "unreachable index"])
def test_last_failed_rerun_is_unchanged(pytester, installed, mode):
    setup_suite(pytester, installed, "fail")
    outcomes = {}
    for m in ("off", mode):
        shutil.rmtree(pytester.path / ".pytest_cache", ignore_errors=True)
        first = run(pytester, installed, m, ())
        again = run(pytester, installed, m, ("--lf",))
        assert_no_internal_error(again)
        outcomes[m] = (outcome(first), outcome(again))
    assert outcomes[mode] == outcomes["off"]


@pytest.mark.slow
@pytest.mark.parametrize("plugins", [("cov",), ("randomly",), ("cov", "randomly")])
@pytest.mark.parametrize("mode", ["on", "unreachable index"])
def test_other_plugins_present_change_nothing(pytester, installed, plugins, mode):
    need = {"cov": "pytest_cov", "randomly": "pytest_randomly"}
    for p in plugins:
        if importlib.util.find_spec(need[p]) is None:
            pytest.skip(f"{need[p]} is not installed (pip install {need[p].replace('_', '-')})")
    setup_suite(pytester, installed, "fail")
    extra = []
    if "cov" in plugins:
        extra += ["--cov", str(pytester.path), "--cov-report="]
    results = []
    for m in ("off", mode):
        shutil.rmtree(pytester.path / ".depfix", ignore_errors=True)
        args = depfix_args(installed, pytester, m) + extra
        if "randomly" in plugins:
            args += ["-p", "randomly", "-p", "no:cacheprovider", "--randomly-seed=1234"]
        else:
            args += ["-p", "no:randomly"]
        results.append(pytester.runpytest_subprocess(*args))
    assert outcome(results[1]) == outcome(results[0])
    assert_no_internal_error(results[1])
