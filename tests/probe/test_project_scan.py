"""The project interface scan reads only the project's own sources and yields askable questions."""

from __future__ import annotations

from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.project_scan import scan_project
from pytest_depfix.index import PackageIndex
from pytest_depfix.target import Target
from tests.probe.universe import shapes_universe


def _write(root, rel, text):
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)


def test_scan_collects_imports_attribute_chains_and_keywords(tmp_path):
    _write(tmp_path, "app/main.py", (
        "import numpy as np\nimport os.path\nfrom PIL import Image\nfrom shapes import area, Canvas\nfrom . import helpers\n"
        "from app.helpers import local_thing\n"
        "x = np.linalg.norm(np.zeros(3, dtype=int), ord=2)\n"
        "img = Image.open('f').resize((1, 1), Image.ANTIALIAS)\n"
        "area(1, units='cm')\nCanvas(1, 2).draw(3)\n"))
    _write(tmp_path, "app/helpers.py", "def local_thing():\n    pass\n")
    for skipped in (".venv/lib/python3.11/site-packages/evil/x.py", "build/lib/y.py", "node_modules/z.py", ".hidden/w.py"):
        _write(tmp_path, skipped, "import should_not_be_seen\n")
    _write(tmp_path, "myenv/pyvenv.cfg", "home = /usr\n")
    _write(tmp_path, "myenv/lib/q.py", "import should_not_be_seen\n")
    usage = scan_project(str(tmp_path))
    assert usage.files_read == 2
    qs = {str(q) for top in usage.imported_tops for q in usage.questions_for(top)}
    assert "should_not_be_seen" not in qs and not any(q.startswith("app") for q in qs)
    for expected in ("numpy", "numpy:linalg.norm", "numpy:linalg.norm(ord)", "numpy:zeros(dtype)", "os.path",
                     "PIL:Image", "PIL:Image.ANTIALIAS", "PIL:Image.open", "shapes:area", "shapes:area(units)", "shapes:Canvas"):
        assert expected in qs, expected
    assert usage.where(next(q for q in usage.questions_for("shapes") if str(q) == "shapes:area(units)")) == [("app/main.py", 9)]


def test_scanned_questions_can_be_asked_of_a_candidate_release(tmp_path, make_local_index):
    _write(tmp_path / "proj", "run.py", "import shapes\nfrom shapes import area\nshapes.circle(2)\narea(1, units='m')\n")
    usage = scan_project(str(tmp_path / "proj"))
    local = make_local_index(shapes_universe())
    index = PackageIndex.from_config(Target.from_spec("3.11", "linux"), index_url=local.file_url, use_pip_config=False,
                                     cache_dir=str(tmp_path / "cache"))
    probe = ApiProbe(index)
    broken = {str(q): probe.ask("shapes", "1.6", q).value for q in usage.questions_for("shapes")}
    assert broken == {"shapes": "yes", "shapes:area": "yes", "shapes:area(units)": "no", "shapes:circle": "no"}
    fine = {str(q): probe.ask("shapes", "1.3", q).value for q in usage.questions_for("shapes")}
    assert set(fine.values()) == {"yes"}
