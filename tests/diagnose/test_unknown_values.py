"""A value the refusing library does not know: the releases that know it, and the caller that stops passing it.

Modelled on real breaks: mergekit meeting ``KeyError: 'mistral'`` from a transformers without
that model type (a package per model type: ``transformers/models/mistral/``), matplotlib 3.8
dropping the old ``seaborn-*`` style names (a style file, then an alias table, then nothing)
that conflowgen 2.0.1 passed, and plotly 6 refusing ``titlefont`` on ``layout.XAxis`` (the
property's name is a constant of the class's module ``layout/_xaxis.py``).
"""
from __future__ import annotations

from pytest_depfix.diagnose.values import class_modules, named_path, quoted_values, spells
from tests.support.diagnose_crashes import diagnose_paste

REFUSE = ("import os\n\ndef use(style):\n    if style not in _library():\n"
          "        raise OSError(f'{style!r} is not a valid package style, path of style file, URL of style file, '\n"
          "                      f'or library style name (library styles are listed in `style.available`)')\n\n"
          "def _library():\n    return []\n")
ALIASED = REFUSE.replace("def use(style):\n", "def use(style):\n    if style in ['seaborn-colorblind']:\n"
                         "        style = 'seaborn-v0_8-colorblind'\n")
UNIVERSE = {
    "transformy": [
        {"version": "4.33.3", "files": {"transformy/models/auto/configuration_auto.py": "CONFIG = {'llama': 1}\n",
                                        "transformy/models/llama/__init__.py": ""}},
        {"version": "4.34.0", "files": {"transformy/models/auto/configuration_auto.py": "CONFIG = {'llama': 1}\n",
                                        "transformy/models/llama/__init__.py": "",
                                        "transformy/models/mistral/__init__.py": ""}},
        {"version": "4.35.2", "files": {"transformy/models/auto/configuration_auto.py": "CONFIG = {'llama': 1}\n",
                                        "transformy/models/llama/__init__.py": "",
                                        "transformy/models/mistral/__init__.py": ""}},
    ],
    "mergy": [{"version": "0.0.2", "requires_dist": ["transformy"],
               "files": {"mergy/common.py": "from transformy import AutoConfig\n"}}],
    "plotty": [
        {"version": "5.23.0", "files": {"plotty/basedatatypes.py": "def check(prop): pass\n",
                                        "plotty/graph_objs/layout/_xaxis.py": "_mapped = {'titlefont': ('title', 'font')}\n"}},
        {"version": "5.24.1", "files": {"plotty/basedatatypes.py": "def check(prop): pass\n",
                                        "plotty/graph_objs/layout/_xaxis.py": "_mapped = {'titlefont': ('title', 'font')}\n"}},
        {"version": "6.0.0", "files": {"plotty/basedatatypes.py": "def check(prop): pass\n",
                                       "plotty/graph_objs/layout/_xaxis.py": "_mapped = {}\n"}},
    ],
    "mpl": [
        {"version": "3.5.3", "files": {"mpl/style/core.py": REFUSE,
                                       "mpl/mpl-data/stylelib/seaborn-colorblind.mplstyle": "lines.linewidth: 1\n"}},
        {"version": "3.7.5", "files": {"mpl/style/core.py": ALIASED}},
        {"version": "3.8.0", "files": {"mpl/style/core.py": REFUSE}},
    ],
    "conflow": [
        {"version": "2.0.1", "requires_dist": ["mpl"],
         "files": {"conflow/reporting.py": "import mpl\n\ndef show():\n    mpl.use('seaborn-colorblind')\n"}},
        {"version": "2.1.0", "requires_dist": ["mpl"],
         "files": {"conflow/reporting.py": "import mpl\n\ndef show():\n    mpl.use('seaborn-v0_8-colorblind')\n"}},
    ],
}

PLOTLY_PASTE = (
    "Traceback (most recent call last):\n"
    '  File "/env/lib/python3.11/site-packages/plotty/basedatatypes.py", line 1, in check\n'
    "    validator.validate_coerce(val)\n"
    "ValueError: Invalid property specified for object of type plotty.graph_objs.layout.XAxis: 'titlefont'\n")
STYLE_PASTE = ("OSError: 'seaborn-colorblind' is not a valid package style, path of style file, URL of style file, "
               "or library style name (library styles are listed in `style.available`)\n")


def test_a_key_error_names_its_key_and_a_refusal_its_quoted_values_not_the_class_path():
    assert quoted_values("KeyError", "'mistral'") == ["mistral"]
    assert quoted_values("KeyError", "'a key with spaces'") == []
    assert quoted_values("ValueError", "Invalid property specified for object of type "
                         "plotly.graph_objs.layout.XAxis: 'titlefont'") == ["titlefont"]
    # Names of code are not values: Python 2's "Values instance has no attribute 'tab_width'"
    assert quoted_values("AttributeError", "Values instance has no attribute 'tab_width'") == []


def test_a_value_is_known_by_a_path_named_after_it_or_as_a_whole_string_constant():
    assert named_path(["pkg/mpl-data/stylelib/seaborn-colorblind.mplstyle"], "seaborn-colorblind")
    assert named_path(["transformers/models/mistral/__init__.py"], "mistral")
    assert named_path(["pkg/tests/mistral/test_x.py"], "mistral") is None
    assert spells("STYLES = ['seaborn-colorblind']\n", "seaborn-colorblind")
    assert not spells("STYLES = ['seaborn-colorblind-dark']\n", "seaborn-colorblind")


def test_the_class_a_message_names_is_looked_for_in_its_package_module():
    paths = ["plotly/graph_objs/layout/_xaxis.py", "plotly/graph_objs/layout/_yaxis.py", "plotly/basedatatypes.py"]
    assert class_modules(paths, "object of type plotly.graph_objs.layout.XAxis: 'x'") == [
        "plotly/graph_objs/layout/_xaxis.py"]


def test_a_frameless_key_error_moves_the_dependency_to_the_first_release_that_has_the_key(index_for):
    index, target = index_for(UNIVERSE, python="3.10")
    d = diagnose_paste(index, target, "mergy==0.0.2\ntransformy==4.33.3\n", "KeyError: 'mistral'\n")
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("transformy", ">=4.34.0")]


def test_a_key_every_release_lacks_moves_nothing(index_for):
    index, target = index_for(UNIVERSE, python="3.10")
    d = diagnose_paste(index, target, "mergy==0.0.2\ntransformy==4.33.3\n", "KeyError: 'gemma'\n")
    assert d.culprits == []


def test_a_dropped_property_is_found_in_the_module_of_the_class_the_message_names(index_for):
    index, target = index_for(UNIVERSE, python="3.11")
    d = diagnose_paste(index, target, "plotty==6.0.0\n", PLOTLY_PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("plotty", "<=5.24.1")]
    assert "plotty/graph_objs/layout/_xaxis.py" in d.culprits[0].evidence[0]


def test_a_dropped_style_offers_the_release_that_still_knows_it_and_the_caller_that_stopped_passing_it(index_for):
    index, target = index_for(UNIVERSE, python="3.11")
    d = diagnose_paste(index, target, "conflow==2.0.1\nmpl==3.8.0\n", STYLE_PASTE)
    assert d.verdict == "transitive"
    assert {(c.name, c.constraint) for c in d.culprits} == {("mpl", "<=3.7.5"), ("conflow", ">=2.1.0")}


def test_a_kept_refuser_is_not_moved_but_the_caller_still_may(index_for):
    from pytest_depfix.crash import attribute, parse_traceback
    from pytest_depfix.diagnose import diagnose, load_knowledge
    from pytest_depfix.diagnose.probe import ApiProbe
    from pytest_depfix.requirements import parse_requirements_text

    index, target = index_for(UNIVERSE, python="3.11")
    pins = parse_requirements_text("conflow==2.0.1\nmpl==3.8.0\n", target)
    crash = attribute(parse_traceback(STYLE_PASTE)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index), keep={"mpl"})
    assert [(c.name, c.constraint) for c in d.culprits] == [("conflow", ">=2.1.0")]
