"""depfix analyze end to end over a real local index: pins out, reports, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pytest_depfix.cli import main

from tests.support.hardening_world import TRACEBACK
from tests.support.hardening_world import UNIVERSE as JINJO_WORLD

# Jinjo 2.11.3 imports soft_unicode, which MarkupSafe 2.1 removed (the shared
# fixture world); here six 1.16.0 wants a Python no target has, for the no-solution case.
UNIVERSE = {
    "jinjo": JINJO_WORLD["jinjo"],
    "markupsafe": JINJO_WORLD["markupsafe"],
    "six": [{"version": "1.15.0"}, {"version": "1.16.0", "requires_python": ">=3.99"}],
}


@pytest.fixture
def world(make_local_index, tmp_path, cache_dir, isolated_pip_config):
    index = make_local_index(UNIVERSE)
    (tmp_path / "requirements.txt").write_text("# app\nJinjo==2.11.3\nMarkupSafe==2.1.1\nsix==1.15.0\n")
    (tmp_path / "crash.txt").write_text(TRACEBACK)
    return index, tmp_path


def analyze(world, *extra):
    index, d = world
    return main(["analyze", "--requirements", str(d / "requirements.txt"), "--traceback", str(d / "crash.txt"),
                 "--python", "3.9", "--platform", "linux", "--index-url", index.file_url, "--no-pip-config", *extra])


def test_transitive_break_moves_the_callee_back_and_keeps_the_primary(world, capsys):
    assert analyze(world, "--keep", "Jinjo==2.11.3") == 0
    out, err = capsys.readouterr()
    assert out == "Jinjo==2.11.3\nMarkupSafe==2.0.1\nsix==1.15.0\n"
    assert "MarkupSafe 2.1.1 -> 2.0.1" in err


def test_reports_are_written_and_deterministic(world, capsys):
    _, d = world
    args = ["--keep", "Jinjo==2.11.3", "--output", str(d / "out.txt"), "--report", str(d / "r.json"), "--markdown", str(d / "r.md")]
    assert analyze(world, *args) == 0
    first = [(d / n).read_bytes() for n in ("out.txt", "r.json", "r.md")]
    assert analyze(world, *args) == 0
    assert [(d / n).read_bytes() for n in ("out.txt", "r.json", "r.md")] == first
    report = json.loads(first[1])
    crash = report["crashes"][0]
    assert crash["verdict"] == "transitive"
    assert crash["culprits"][0]["name"].lower() == "markupsafe"
    assert report["changes"] == [{"name": "MarkupSafe", "from": "2.1.1", "to": "2.0.1", "reason": report["changes"][0]["reason"]}]
    assert report["keep"] == ["Jinjo==2.11.3"]
    assert "## What changes" in first[2].decode()


def test_keeping_the_changed_package_is_an_honest_direct_verdict_without_changes(world, capsys):
    status = analyze(world, "--keep", "Jinjo==2.11.3", "--keep", "MarkupSafe==2.1.1", "--report", str(world[1] / "r.json"))
    out, _ = capsys.readouterr()
    assert status == 0
    assert out == "Jinjo==2.11.3\nMarkupSafe==2.1.1\nsix==1.15.0\n"
    crash = json.loads((world[1] / "r.json").read_text())["crashes"][0]
    assert crash["verdict"] == "direct" and crash["culprits"] == []


def test_no_solution_is_exit_1_with_the_python_cause_named(world, capsys):
    # six 1.16.0 here requires Python >= 3.99: keeping it on 3.9 cannot work.
    status = analyze(world, "--keep", "six==1.16.0")
    out, err = capsys.readouterr()
    assert status == 1
    assert out.count("==") == 3  # still strict: the nearest partial answer
    assert "no pin set satisfies" in err and "Python" in err


@pytest.mark.parametrize("args, message", [
    (["--keep", "Jinjo>=2"], "exact pin"),
    (["--python", "2.x"], "not a Python version"),
    (["--platform", "amiga"], "unknown platform"),
])
def test_bad_input_is_exit_2_with_one_line(world, capsys, args, message):
    assert analyze(world, *args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_garbage_traceback_is_exit_2(world, capsys):
    index, d = world
    (d / "crash.txt").write_text("nothing to see here\n")
    assert analyze(world) == 2
    assert "no traceback found" in capsys.readouterr().err


def test_offline_with_an_empty_cache_is_exit_3(world, capsys):
    assert analyze(world, "--offline") == 3


def test_traceback_from_standard_input(world):
    index, d = world
    proc = subprocess.run(
        [sys.executable, "-m", "pytest_depfix", "analyze", "-r", str(d / "requirements.txt"), "-t", "-", "--python", "3.9",
         "--platform", "linux", "--index-url", index.file_url, "--no-pip-config", "-q"],
        input=TRACEBACK, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1] == "MarkupSafe==2.0.1"
    assert proc.stderr == ""


def test_credentials_in_the_index_url_never_reach_output(world, capsys, tmp_path):
    _, d = world
    status = main(["analyze", "-r", str(d / "requirements.txt"), "-t", str(d / "crash.txt"), "--python", "3.9",
                   "--index-url", "http://user:s3cret@127.0.0.1:9/simple/", "--no-pip-config", "--timeout", "2",
                   "--report", str(d / "r.json")])
    out, err = capsys.readouterr()
    assert status == 3
    assert "s3cret" not in out + err


def test_a_message_only_paste_is_read_by_its_wording_and_the_report_says_so(world, capsys):
    _, d = world
    (d / "crash.txt").write_text("cannot import name 'soft_unicode' from 'markupsafe' "
                                 "(/home/u/venv/lib/python3.9/site-packages/markupsafe/__init__.py)\n")
    assert analyze(world, "--keep", "Jinjo==2.11.3", "--report", str(d / "r.json"), "--markdown", str(d / "r.md")) == 0
    out, err = capsys.readouterr()
    assert out == "Jinjo==2.11.3\nMarkupSafe==2.0.1\nsix==1.15.0\n"
    report = json.loads((d / "r.json").read_text())
    assert report["crashes"][0]["when"] == "message"
    assert any("read it as ImportError" in w for w in report["warnings"])
    assert "Only the message was pasted" in (d / "r.md").read_text()
    assert "read it as ImportError" in err
