"""Hostile content: archive members that escape, symlinks, code that runs on import,
credentials in requirement lines, files outside the project, broken markers.

Downloaded code is read, never imported or executed, and nothing is written
where an archive path points; credentials never reach any output.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support.hardening_server import HostileIndexServer, escaping_wheel
from tests.support.hardening_world import chdir, run_cli

SECRET = "s3cr3tT0ken"
BASE = "Jinjo==2.11.3\nMarkupSafe==2.1.1\nsix==1.15.0\n"


def test_a_wheel_with_code_that_runs_on_import_is_only_read(world, tmp_path):
    marker = tmp_path / "EXECUTED"
    # markupsafe 2.0.1 becomes hostile: its __init__ writes a marker at import, it has ../ and absolute
    # members and a symlink member; it still defines soft_unicode, which the API probe must find by reading.
    target = next(f.path for f in world.index.files["markupsafe"] if "2.0.1" in f.path.name)
    api = "def soft_unicode(s):\n    return s\ndef escape(s):\n    return s\n"
    built = escaping_wheel(tmp_path / "hostile", "markupsafe", "2.0.1", marker, api=api)
    os.replace(built, target)
    world.index.write()
    work = tmp_path / "a" / "b" / "cwd"
    work.mkdir(parents=True)
    report = tmp_path / "r.json"
    with HostileIndexServer(world.index.root) as srv, chdir(work):
        status, out, err = run_cli(world.analyze_args("--report", str(report), index_url=srv.url))
        fetched = [r for r in srv.requests if "markupsafe-2.0.1" in r]
    assert status == 0, err
    assert out == "Jinjo==2.11.3\nMarkupSafe==2.0.1\nsix==1.15.0\n"  # its API was read from the archive
    assert fetched  # the hostile wheel was really read
    assert not marker.exists()  # ... and never imported
    escaped = [p for p in tmp_path.rglob("*") if p.name.endswith(("-escaped.py", "-absolute.py"))]
    assert escaped == [] and not Path("/tmp/markupsafe-absolute.py").exists()
    assert json.loads(report.read_text())["crashes"]


@pytest.mark.parametrize("line", [
    f"-i https://user:{SECRET}@127.0.0.1:9/simple/",
    f"--extra-index-url https://user:{SECRET}@127.0.0.1:9/simple/",
    f"-f https://user:{SECRET}@127.0.0.1:9/links/",
    f"-r https://user:{SECRET}@127.0.0.1:9/more.txt",
    f"extra-pkg @ https://user:{SECRET}@127.0.0.1:9/extra_pkg-1.0-py3-none-any.whl",
    f"-e git+https://{SECRET}@127.0.0.1:9/repo.git#egg=x",
    f"bad line with https://user:{SECRET}@127.0.0.1:9/ inside ;;",
    f"-\\-extra-index-url https://user:{SECRET}@127.0.0.1:9/simple/",  # an unknown option, echoed in the error
])
def test_credentials_in_requirement_lines_are_never_echoed(world, line):
    world.requirements.write_text(BASE + line + "\n")
    report, md, pins = (world.root / n for n in ("r.json", "r.md", "pins.txt"))
    status, out, err = run_cli(world.analyze_args("--timeout", "2", "--report", str(report), "--markdown", str(md),
                                                  "--output", str(pins)))
    written = "".join(p.read_text() for p in (report, md, pins) if p.exists())
    assert SECRET not in out + err + written
    assert status in (0, 1, 2, 3) and "internal error" not in err


@pytest.mark.parametrize("marker", ["python_version <<< '3'", "nonsense_var == '1'", "python_version == ", "(os_name == 'nt'",
                                    "extra == 'x' and"])
def test_a_marker_that_is_a_syntax_error_is_one_clear_line(world, marker):
    world.requirements.write_text(BASE + f"extra-pkg==1.0 ; {marker}\n")
    status, out, err = run_cli(world.analyze_args())
    assert status == 2 or (status in (0, 1) and "extra-pkg" not in out)
    if status == 2:
        assert err.startswith("depfix: error: ") and err.count("\n") == 1 and "requirements.txt:4" in err
    assert "internal error" not in err


@pytest.mark.parametrize("line", ["evil @ file:///etc/passwd", "file:../../../outside", "-e ../../../outside",
                                  "-c ../../../../../../etc/hostname", "-r /dev/null", "-r /proc/self/environ"])
def test_file_paths_outside_the_project_end_cleanly(world, line):
    # (a direct reference without a version used to crash the report writer: "no exact version chosen")
    world.requirements.write_text(BASE + line + "\n")
    status, out, err = run_cli(world.analyze_args("--timeout", "2"))
    assert status in (0, 1, 2, 3) and "internal error" not in err
    if status == 2:
        assert err.count("\n") == 1


@pytest.mark.parametrize("line", [f"extra-pkg @ https://user:{SECRET}@127.0.0.1:9/extra_pkg-1.0-py3-none-any.whl",
                                  "evil @ file:///etc/passwd"])
def test_a_direct_url_reference_is_refused_in_one_line_without_credentials(world, line):
    world.requirements.write_text(BASE + line + "\n")
    status, out, err = run_cli(world.analyze_args("--timeout", "2"))
    assert status == 2
    assert err.count("\n") == 1 and "direct URL reference" in err and "requirements.txt:4" in err
    assert SECRET not in err
