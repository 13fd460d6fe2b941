"""A declared conflict has two sides, and the cheaper one wins; a check in code has only one.

tiangolo's fastapi-users#207 (benchmarks/cases/fastapi0551-declared-pin-conflict-fastapiusers110-py38):
pip said "fastapi-users 1.1.0 has requirement fastapi<0.55.0,>=0.54.0, but you'll have fastapi 0.55.1";
fastapi-users 1.1.1 (a patch) admits 0.55, where holding fastapi back is a minor move.  Both sides are
read from metadata, so both are weighed (as the compatibility matrix already did for its own conflicts).
pandas' "requires version '1.1.0' or newer of 'xlrd'" is a check in pandas' code: no pandas release's
metadata declares xlrd, so "move pandas to a release that admits it" is no fix at all.
"""
from __future__ import annotations

import pytest

from pytest_depfix.cli import main

UNIVERSE = {
    "fastapi-users": [{"version": "1.1.0", "requires_dist": ["fastapi<0.55.0,>=0.54.0"]},
                      {"version": "1.1.1", "requires_dist": ["fastapi<0.56.0,>=0.54.0"]}],
    "fastapi": [{"version": v} for v in ("0.54.1", "0.54.2", "0.55.0", "0.55.1")],
    "pandas": [{"version": v} for v in ("0.25.1", "0.25.2", "0.25.3")],
    "xlrd": [{"version": v} for v in ("1.0.0", "1.1.0")],
}


@pytest.fixture
def world(make_local_index, tmp_path, cache_dir, isolated_pip_config):
    return make_local_index(UNIVERSE), tmp_path


def analyze(world, pins, paste):
    index, d = world
    (d / "requirements.txt").write_text(pins)
    (d / "crash.txt").write_text(paste)
    return main(["analyze", "--requirements", str(d / "requirements.txt"), "--traceback", str(d / "crash.txt"),
                 "--python", "3.8", "--platform", "linux", "--index-url", index.file_url, "--no-pip-config"])


def test_the_requirers_patch_that_admits_the_pin_beats_holding_the_dependency_a_minor_back(world, capsys):
    paste = ("ERROR: fastapi-users 1.1.0 has requirement fastapi<0.55.0,>=0.54.0, but you'll have fastapi 0.55.1 "
             "which is incompatible.\n")
    assert analyze(world, "fastapi-users==1.1.0\nfastapi==0.55.1\n", paste) == 0
    assert capsys.readouterr().out == "fastapi-users==1.1.1\nfastapi==0.55.1\n"


def test_a_check_in_the_requirers_code_is_met_only_by_the_required_package(world, capsys):
    paste = ("ImportError: Pandas requires version '1.1.0' or newer of 'xlrd' (version '1.0.0' currently "
             "installed).\n")
    assert analyze(world, "pandas==0.25.2\nxlrd==1.0.0\n", paste) == 0
    assert capsys.readouterr().out == "pandas==0.25.2\nxlrd==1.1.0\n"
