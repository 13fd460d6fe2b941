"""``depfix versions`` and ``depfix metadata`` over a local index: text, JSON, bad input."""

from __future__ import annotations

import json

import pytest

from pytest_depfix.cli import main

UNIVERSE = {
    "lib": [
        {"version": "1.0", "requires_dist": ['numpy', 'dataclasses; python_version < "3.7"'], "upload_time": "2020-01-01T00:00:00Z"},
        {"version": "2.0", "requires_python": ">=3.8", "upload_time": "2021-01-01T00:00:00Z", "yanked": "oops"},
        {"version": "3.0", "tag": "cp311-cp311-win_amd64", "sdist": True, "upload_time": "2022-01-01T00:00:00Z"},
    ],
}


@pytest.fixture
def url(make_local_index, serve_index, isolated_pip_config, cache_dir):
    return serve_index(make_local_index(UNIVERSE)).url


def test_versions_text(url, capsys):
    assert main(["versions", "lib", "--python", "3.7", "--platform", "linux", "--index-url", url, "--no-pip-config"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "lib for CPython 3.7 on linux x86_64"
    assert out[1].split()[:3] == ["1.0", "wheel", "2020-01-01"]
    assert out[2].split()[:2] == ["2.0", "none"] and "yanked: oops" in out[2] and "Requires-Python >=3.8" in out[2]
    assert out[3].split()[:2] == ["3.0", "sdist"]


def test_versions_json_and_as_of(url, capsys):
    assert main(["versions", "lib", "--python", "3.7", "--index-url", url, "--json", "--as-of", "2021-06-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [v["version"] for v in data["versions"]] == ["1.0", "2.0"]
    assert data["versions"][1]["yanked"] is True and data["versions"][1]["python_ok"] is False


def test_metadata_text_marks_what_applies(url, capsys):
    assert main(["metadata", "lib==1.0", "--python", "3.7", "--index-url", url]) == 0
    out = capsys.readouterr().out
    assert "Requires-Python: (any)" in out
    assert "+ numpy" in out and '- dataclasses; python_version < "3.7"' in out


def test_metadata_json_for_an_older_python(url, capsys):
    assert main(["metadata", "lib==1.0", "--python", "3.6", "--index-url", url, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["applies"] for d in data["requires_dist"]] == [True, True]


@pytest.mark.parametrize("argv,code,msg", [
    (["metadata", "lib>=1.0"], 2, "expected NAME==VERSION"),
    (["metadata", "lib==9.9"], 2, "lib has no release 9.9"),
    (["versions", "no such"], 2, "not a valid project name"),
    (["versions", "ghost"], 2, "no project named 'ghost'"),
    (["versions", "lib", "--python", "banana"], 2, "not a Python version"),
    (["versions", "lib", "--as-of", "yesterday"], 2, "not a date"),
])
def test_bad_input_is_one_line(url, capsys, argv, code, msg):
    assert main(argv + ["--index-url", url]) == code
    err = capsys.readouterr().err
    assert msg in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unreachable_index_exits_3(capsys, isolated_pip_config, cache_dir):
    assert main(["versions", "lib", "--index-url", "http://127.0.0.1:9/simple/", "--timeout", "2"]) == 3
    assert "cannot read project lib" in capsys.readouterr().err
