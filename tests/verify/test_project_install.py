"""The project under test goes into the environment as it is installed here (editable or not)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from pytest_depfix.verify import verify_candidates
from pytest_depfix.verify_project import find_installed_project, host_requirements, repack
from tests.support.wheels import build_wheel

PROJECT_TEST = "tests/test_proj.py::test_answer"


def install_project_here(tmp_path, project, monkeypatch, editable: bool):
    """Install ``myproj`` the way pip would into a site folder on sys.path, recording its source as pip does."""
    lib = project / "lib"  # not a folder depfix would ever put on sys.path by itself
    (lib / "myproj").mkdir(parents=True)
    (lib / "myproj" / "__init__.py").write_text("from mylib import helper\nWHERE = 'source'\n\ndef answer():\n    return helper()\n")
    if editable:
        files = {"__editable__.myproj-0.1.pth": str(lib) + "\n"}
    else:
        files = {"myproj/__init__.py": "from mylib import helper\nWHERE = 'installed'\n\ndef answer():\n    return helper()\n"}
    wheel = build_wheel(tmp_path / "project-wheel", "myproj", "0.1", files=files)
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(site), str(wheel)],
                   check=True)
    info = site / "myproj-0.1.dist-info"
    (info / "direct_url.json").write_text(json.dumps({"url": project.as_uri(), "dir_info": {"editable": editable} if editable else {}}))
    monkeypatch.syspath_prepend(str(site))
    (project / "tests" / "test_proj.py").write_text(
        f"import myproj\n\ndef test_answer():\n    assert myproj.answer() == 42\n    assert myproj.WHERE == {'source' if editable else 'installed'!r}\n"
    )


@pytest.mark.parametrize("editable", [False, True], ids=["plain", "editable"])
def test_installed_project_is_installed_into_the_environment(editable, tmp_path, project, monkeypatch, make_builder):
    install_project_here(tmp_path, project, monkeypatch, editable)
    assert find_installed_project(project) is not None
    builder = make_builder("pip")
    # The second set names the project itself, as a set read from the running environment does.
    result = verify_candidates([{"mylib": "2.0"}, {"mylib": "1.0", "myproj": "0.1"}], [PROJECT_TEST], project_root=project,
                               builder=builder)
    assert result.verified, result.attempts[-1].error or result.attempts[-1].output_tail
    assert result.candidate_index == 1


def test_without_the_project_install_its_tests_cannot_import_it(tmp_path, project, monkeypatch, make_builder):
    install_project_here(tmp_path, project, monkeypatch, editable=False)
    builder = make_builder("pip")
    result = verify_candidates([{"mylib": "1.0"}], [PROJECT_TEST], project_root=project, builder=builder, install_project=False)
    assert not result.verified
    assert "myproj" in result.attempts[0].output_tail


def test_a_project_that_is_not_installed_runs_from_its_folder(project):
    assert find_installed_project(project) is None


def test_repacked_pytest_wheel_holds_its_code_and_metadata(tmp_path):
    pytest_dist = next(d for d in host_requirements("pytest") if d.metadata["Name"].lower() == "pytest")
    wheel = repack(pytest_dist, tmp_path / "wh")
    assert wheel.name.startswith(f"pytest-{pytest_dist.version}-")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        record = zf.read(f"pytest-{pytest_dist.version}.dist-info/RECORD").decode()
    assert "_pytest/__init__.py" in names and f"pytest-{pytest_dist.version}.dist-info/METADATA" in names
    assert not any(n.endswith(".pyc") for n in names)
    assert "_pytest/__init__.py,sha256=" in record
    assert repack(pytest_dist, tmp_path / "wh") == wheel  # unchanged install: the same wheel
