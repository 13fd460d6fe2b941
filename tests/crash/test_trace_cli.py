"""``depfix trace`` end to end through the real CLI entry point."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from pytest_depfix.cli import main

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-retinaface-cudnn"
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "tracebacks"


def test_readable_output_shows_owner_and_version_beside_frames(capsys):
    rc = main(["trace", str(SEED / "traceback.txt"), "-r", str(SEED / "requirements.txt"), "--python", "3.7", "--no-installed"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "conv.py:396 in _conv_forward    [torch==1.8.0]" in out
    assert "train.py:152 in <module>    [<project>]" in out
    assert "calls: torch -> <project> -> torch -> torchvision -> torch" in out
    assert "RuntimeError: cuDNN error: CUDNN_STATUS_NOT_INITIALIZED" in out


def test_json_output_is_a_list_of_crash_dicts(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO((CORPUS / "12-remote-pool-starmap-windows.txt").read_text()))
    assert main(["trace", "-", "--json", "--no-installed"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["relation"] for e in data[0]["exceptions"]] == ["remote", None]
    assert data[0]["exceptions"][1]["frames"][-1]["owner"] == "stdlib"


def test_no_traceback_is_exit_2_with_one_line(tmp_path, capsys):
    f = tmp_path / "log.txt"
    f.write_text("all good\nnothing to see\n")
    assert main(["trace", str(f)]) == 2
    assert capsys.readouterr().err.strip() == "depfix: error: no traceback found"


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["trace", str(tmp_path / "nope.txt")]) == 2
    assert "traceback file not found" in capsys.readouterr().err
