"""Found by review: set_callers == 0 ('every other pin was read') is claimed when a pin was read only in part.

first_use reads at most MAX_FILES (600) modules, shallowest first; the use in module 601+ is never seen, yet
the verdict turns to 'project' with the note 'no other pin of the set uses the name (read from their release files)'.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text


def test_a_pin_too_big_to_read_whole_is_not_proof_that_no_pin_uses_the_name(index_for):
    files = {"seaborny/__init__.py": ""}
    files.update({f"seaborny/m{i:03d}.py": "x = 1\n" for i in range(620)})  # 621 shallow modules
    files["seaborny/deep/er/colors.py"] = "import plots.cm\nx = plots.cm.get_cmap('viridis')\n"  # the real caller
    universe = {
        "plots": [{"version": "3.8.4", "files": {"plots/__init__.py": "", "plots/cm.py": "def get_cmap(n):\n    return n\n"}},
                  {"version": "3.9.0", "files": {"plots/__init__.py": "", "plots/cm.py": "def colormaps():\n    return []\n"}}],
        "seaborny": [{"version": "0.13.0", "requires_dist": ["plots>=3.0"], "files": files}],
    }
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("plots==3.9.0\nseaborny==0.13.0\n", target)
    crash = infer_message("AttributeError: module 'plots.cm' has no attribute 'get_cmap'\n", load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.verdict != "project", (d.verdict, d.summary)


def test_an_unpinned_requirement_is_not_read_so_it_cannot_be_ruled_out(index_for):
    universe = {
        "plots": [{"version": "3.8.4", "files": {"plots/__init__.py": "", "plots/cm.py": "def get_cmap(n):\n    return n\n"}},
                  {"version": "3.9.0", "files": {"plots/__init__.py": "", "plots/cm.py": "def colormaps():\n    return []\n"}}],
        "seaborny": [{"version": "0.13.0", "requires_dist": ["plots>=3.0"],
                      "files": {"seaborny/__init__.py": "import plots.cm\nx = plots.cm.get_cmap('viridis')\n"}}],
    }
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("plots==3.9.0\nseaborny>=0.13\n", target)  # not pinned exactly: never read
    crash = infer_message("AttributeError: module 'plots.cm' has no attribute 'get_cmap'\n", load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.verdict != "project", (d.verdict, d.summary, [(p.name, p.version) for p in pins.pins])
