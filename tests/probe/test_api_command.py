"""``depfix api`` answers from the command line, readably and as JSON, with one-line errors."""

from __future__ import annotations

import json

from pytest_depfix.cli import main
from tests.probe.universe import shapes_universe


def _args(local, cache):
    return ["--index-url", local.file_url, "--no-pip-config", "--cache-dir", str(cache), "--python", "3.11", "--platform", "linux"]


def test_single_release_question_readable_and_json(make_local_index, tmp_path, capsys):
    local = make_local_index(shapes_universe())
    assert main(["api", "shapes==1.6", "shapes:Square", *_args(local, tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    assert "shapes==1.6 shapes:Square: no" in out and "__former_attrs__" in out
    assert main(["api", "shapes==1.2", "shapes:area(units)", "--json", *_args(local, tmp_path / "c")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["value"] == "yes" and data["version"] == "1.2" and "shapes/core.py" in data["evidence"]


def test_range_question_prints_range_reads_and_bytes(make_local_index, tmp_path, capsys):
    local = make_local_index(shapes_universe())
    assert main(["api", "shapes", "shapes:circle", "--range", *_args(local, tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    assert ">=1.2,<1.6" in out and "read 7 of 8 releases" in out and "bytes" in out
    assert main(["api", "shapes", "shapes.legacy", "--range", "--json", *_args(local, tmp_path / "c")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["present"] == "<1.4" and data["releases_read"] == 5 and data["first_without_after"] == "1.4"


def test_bad_question_is_a_one_line_error(make_local_index, tmp_path, capsys):
    local = make_local_index(shapes_universe())
    assert main(["api", "shapes==1.0", "shapes:(x", *_args(local, tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("depfix: error: not an API question") and err.count("\n") == 1
    assert main(["api", "shapes", "shapes:area", *_args(local, tmp_path / "c")]) == 2
    assert "--range" in capsys.readouterr().err
