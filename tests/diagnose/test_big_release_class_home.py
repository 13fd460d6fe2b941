"""A bare class name whose home is in a release of more modules than are scanned whole.

holoviz/holoviews#2128: "'ToolbarBox' object has no attribute 'children'" under bokeh 0.12.11,
a release of some 870 modules.  ToolbarBox lives in bokeh/models/tools.py, a name that does not
point at it; the modules are read shallow first until the read cap stops, so it is found, and
0.12.10's ToolbarBox(Box) had ``children`` from Box.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = "AttributeError: 'ToolbarBox' object has no attribute 'children'\n"
FILLER = {f"bokehy/sub{i // 50}/m{i}.py": "X = 1\n" for i in range(620)}
LAYOUTS = "class LayoutDOM:\n    pass\n\n\nclass Box(LayoutDOM):\n    children = []\n"


def _universe():
    def rel(v, tools):
        files = dict(FILLER)
        files.update({"bokehy/__init__.py": "", "bokehy/models/__init__.py": "", "bokehy/models/layouts.py": LAYOUTS,
                      "bokehy/models/tools.py": tools})
        return {"version": v, "files": files}

    old = "from .layouts import Box\n\n\nclass ToolbarBox(Box):\n    pass\n"
    new = "from .layouts import LayoutDOM\n\n\nclass ToolbarBox(LayoutDOM):\n    toolbar = None\n"
    return {"bokehy": [rel("0.12.10", old), rel("0.12.11", new)],
            "holoviewsy": [{"version": "1.9.1", "requires_dist": ["bokehy"], "files": {"holoviewsy/__init__.py": ""}}]}


def test_the_class_is_found_past_the_modules_its_name_points_at(index_for):
    index, target = index_for(_universe(), python="3.6")
    pins = parse_requirements_text("holoviewsy==1.9.1\nbokehy==0.12.11\n", target)
    d = diagnose(infer_message(PASTE).to_crash(), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [c.name for c in d.culprits] == ["bokehy"] and "<0.12.11" in d.culprits[0].constraint, d.summary
