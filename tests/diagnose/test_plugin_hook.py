"""A host pin calls a hook a plugin pin defines with another signature: the plugin's other releases.

gforcada/flake8-isort#128: flake8 5.0.4 calls ``add_options(option_manager)``; flake8-isort
5.0.2 dropped the ``@staticmethod`` above it; 5.0.0 and 5.0.3 have it.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/home/dev/.local/lib/python3.8/site-packages/flake8x/manager.py", line 3, in register_plugins
    add_options(self)
TypeError: add_options() missing 1 required positional argument: 'option_manager'
"""
HOST = "def register_plugins(self, plugins):\n    for add_options in plugins:\n        add_options(self)\n"
GOOD = "class Plugin:\n    @staticmethod\n    def add_options(option_manager):\n        pass\n"
BAD = "class Plugin:\n    def add_options(cls, option_manager):\n        pass\n"


def _universe(later=GOOD):
    return {
        "flake8x": [{"version": "5.0.4", "files": {"flake8x/__init__.py": "", "flake8x/manager.py": HOST}}],
        "flake8isortx": [{"version": v, "requires_dist": ["flake8x"], "files": {"flake8isortx.py": body}}
                         for v, body in (("5.0.0", GOOD), ("5.0.2", BAD), ("5.0.3", later))],
    }


def test_the_plugin_moves_to_its_releases_that_define_the_hook_otherwise(index_for):
    index, target = index_for(_universe(), python="3.8")
    d = diagnose_paste(index, target, "flake8x==5.0.4\nflake8isortx==5.0.2\n", PASTE)
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("flake8isortx", "<=5.0.0"), ("flake8isortx", ">=5.0.3")]
    assert d.verdict == "direct", d.summary


def test_a_plugin_whose_hook_has_no_such_parameter_is_not_it(index_for):
    universe = _universe()
    universe["flake8isortx"] = [{"version": v, "requires_dist": ["flake8x"], "files": {"flake8isortx.py": GOOD.replace(
        "option_manager", "parser")}} for v in ("5.0.0", "5.0.2")]
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "flake8x==5.0.4\nflake8isortx==5.0.2\n", PASTE)
    assert not any(c.name == "flake8isortx" for c in d.culprits), d.summary


def test_an_annotation_or_a_moved_file_is_no_other_definition(index_for):
    # (review) 5.0.0 had the same broken def, 5.0.2 only annotated it; 5.0.3 moved the module
    universe = _universe()
    annotated = BAD.replace("option_manager)", "option_manager: object)")
    universe["flake8isortx"] = [
        {"version": "5.0.0", "requires_dist": ["flake8x"], "files": {"flake8isortx.py": BAD}},
        {"version": "5.0.2", "requires_dist": ["flake8x"], "files": {"flake8isortx.py": annotated}},
        {"version": "5.0.3", "requires_dist": ["flake8x"], "files": {"flake8isortx/__init__.py": annotated}}]
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "flake8x==5.0.4\nflake8isortx==5.0.2\n", PASTE)
    assert not any(c.name == "flake8isortx" for c in d.culprits), d.summary
