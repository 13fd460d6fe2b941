"""``depfix verify`` and ``depfix bisect`` from the command line."""

from __future__ import annotations

import shutil

import pytest

from pytest_depfix.cli import main

INSTALLER = "uv" if shutil.which("uv") else "pip"


@pytest.fixture
def pins_file(tmp_path):
    def write(name, text):
        path = tmp_path / name
        path.write_text(text)
        return str(path)

    return write


def common(mylib_index, tmp_path, project):
    return ["--index-url", mylib_index.file_url, "--no-pip-config", "--cache-dir", str(tmp_path / "cache"),
            "--project", str(project), "--installer", INSTALLER]


def test_verify_exits_0_when_the_tests_pass_and_1_when_they_fail(mylib_index, tmp_path, project, pins_file, capsys):
    good = pins_file("good.txt", "mylib==1.0\n")
    bad = pins_file("bad.txt", "mylib==2.0  # removes helper\n")
    assert main(["verify", "-r", good, *common(mylib_index, tmp_path, project), "--", "pytest", "tests"]) == 0
    assert "PASS: 2 passed under 1 pins" in capsys.readouterr().out
    assert main(["verify", "-r", bad, *common(mylib_index, tmp_path, project), "--", "tests/test_it.py"]) == 1
    out = capsys.readouterr()
    assert out.out.startswith("FAIL tests/test_it.py") and "cannot import name 'helper'" in out.err


def test_verify_reads_the_index_from_the_requirements_file(mylib_index, tmp_path, project, pins_file, capsys):
    good = pins_file("good.txt", f"--no-index\n--find-links {mylib_index.root / 'files'}\nmylib==1.1\n")
    args = ["verify", "-r", good, "--cache-dir", str(tmp_path / "cache"), "--project", str(project), "--installer", "pip",
            "--", "tests/test_it.py::test_helper"]
    assert main(args) == 0
    assert "PASS: 1 passed" in capsys.readouterr().out


def test_verify_reports_a_pin_that_cannot_be_installed(mylib_index, tmp_path, project, pins_file, capsys):
    bad = pins_file("bad.txt", "mylib==7.7\n")
    assert main(["verify", "-r", bad, *common(mylib_index, tmp_path, project), "--", "tests"]) == 1
    err = capsys.readouterr().err
    assert "depfix: verify: cannot install the pins" in err and "7.7" in err


@pytest.mark.parametrize("text, message", [
    ("mylib>=1.0\n", "verification needs exact pins"),
    ("", "names no packages"),
])
def test_verify_rejects_pins_that_are_not_exact(text, message, mylib_index, tmp_path, project, pins_file, capsys):
    path = pins_file("loose.txt", text)
    assert main(["verify", "-r", path, *common(mylib_index, tmp_path, project), "--", "tests"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_verify_for_another_python_says_it_is_not_possible(tmp_path, project, pins_file, capsys):
    path = pins_file("p.txt", "mylib==1.0\n")
    assert main(["verify", "-r", path, "--python", "3.7", "--project", str(project), "--", "tests"]) == 2
    assert "verification not possible here" in capsys.readouterr().err
    assert not (tmp_path / "cache").exists()


def test_bisect_prints_the_first_bad_release_and_the_steps(mylib_index, tmp_path, project, pins_file, capsys):
    good = pins_file("good.txt", "mylib==1.0\nother==1.0\n")
    bad = pins_file("bad.txt", "mylib==2.0\nother==1.0\n")
    assert main(["bisect", "--good", good, "--bad", bad, *common(mylib_index, tmp_path, project), "--", "tests"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0] == "mylib==1.3"
    assert "last good: 1.2" in out.err
    assert any("step 1: good set: pass" in ln for ln in lines) and any("mylib 1.0 -> 1.3: fail" in ln for ln in lines)


def test_bisect_when_the_bad_set_passes_exits_1(mylib_index, tmp_path, project, pins_file, capsys):
    good = pins_file("good.txt", "mylib==1.0\n")
    bad = pins_file("bad.txt", "mylib==1.2\n")
    assert main(["bisect", "--good", good, "--bad", bad, *common(mylib_index, tmp_path, project), "--", "tests"]) == 1
    assert "the bad set does not fail" in capsys.readouterr().out
