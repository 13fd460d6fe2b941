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


# A service table shipped as data files (botocore's botocore/data/<service>/), an exception
# printed with its module and no frames, and scikit-learn 1.2's parameter validation.
SERVICES = {
    "botty": [
        {"version": "1.31.0", "files": {"botty/exceptions.py": "class UnknownServiceError(Exception): pass\n",
                                        "botty/data/s3/2006-03-01/service-2.json": "{}"}},
        {"version": "1.31.57", "files": {"botty/exceptions.py": "class UnknownServiceError(Exception): pass\n",
                                         "botty/data/s3/2006-03-01/service-2.json": "{}",
                                         "botty/data/bedrock-runtime/2023-09-30/service-2.json": "{}"}},
        {"version": "1.34.59", "files": {"botty/exceptions.py": "class UnknownServiceError(Exception): pass\n",
                                         "botty/data/s3/2006-03-01/service-2.json": "{}",
                                         "botty/data/bedrock-runtime/2023-09-30/service-2.json": "{}"}},
    ],
    "boty3": [{"version": "1.34.59", "requires_dist": ["botty"], "files": {"boty3/session.py": "import botty\n"}}],
    "scikit-learn": [{"version": "1.2.0", "files": {"sklearn/utils/_param_validation.py": "class InvalidParameterError(ValueError): pass\n",
                                                    "sklearn/ensemble/_forest.py": "CRITERIA = {'squared_error', 'poisson'}\n"}}],
    "mljary": [
        {"version": "0.11.4", "requires_dist": ["scikit-learn"],
         "files": {"mljary/algorithms/catboost.py": "PARAMS = {'eval_metric': 'mse'}\n",
                   "mljary/algorithms/forest.py": "from sklearn.ensemble import RandomForestRegressor\n"
                                                  "def build(p):\n    return RandomForestRegressor(criterion=p.get('criterion', 'mse'))\n"}},
        {"version": "0.11.5", "requires_dist": ["scikit-learn"],
         "files": {"mljary/algorithms/catboost.py": "PARAMS = {'eval_metric': 'mse'}\n",
                   "mljary/algorithms/forest.py": "from sklearn.ensemble import RandomForestRegressor\n"
                                                  "def build(p):\n    return RandomForestRegressor(criterion=p.get('criterion', 'squared_error'))\n"}},
    ],
}
UNKNOWN_SERVICE = "UnknownServiceError( botty.exceptions.UnknownServiceError: Unknown service: 'bedrock-runtime'\n"
MSE = ("The 'criterion' parameter of RandomForestRegressor must be a str among {'squared_error', 'poisson'}. "
       "Got 'mse' instead.\n")


def _diagnose_message(index, target, reqs: str, text: str):
    """A message-only paste, read as the CLI reads it (no traceback: the wording names the class)."""
    from pytest_depfix.crash import attribute
    from pytest_depfix.diagnose import diagnose, load_knowledge
    from pytest_depfix.diagnose.message_only import infer_message
    from pytest_depfix.diagnose.probe import ApiProbe
    from pytest_depfix.requirements import parse_requirements_text

    pins = parse_requirements_text(reqs, target)
    found = infer_message(text)
    assert found is not None
    crash = attribute(found.to_crash(), pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_value_a_refusal_says_it_got_is_tried_first():
    assert quoted_values("InvalidParameterError", MSE.strip())[0] == "mse"


def test_a_pinned_release_that_ships_the_unknown_value_means_the_install_is_not_that_release(index_for):
    index, target = index_for(SERVICES, python="3.11")
    d = _diagnose_message(index, target, "boty3==1.34.59\nbotty==1.34.59\n", UNKNOWN_SERVICE)
    assert d.verdict == "environment"
    assert d.culprits == []
    assert "reinstall botty==1.34.59" in d.advice


def test_a_pinned_release_without_the_value_moves_to_the_first_that_ships_it(index_for):
    index, target = index_for(SERVICES, python="3.11")
    d = _diagnose_message(index, target, "boty3==1.34.59\nbotty==1.31.0\n", UNKNOWN_SERVICE)
    assert d.verdict != "environment"
    assert ("botty", ">=1.31.57") in [(c.name, c.constraint) for c in d.culprits]


def test_the_caller_passing_the_value_beside_the_class_the_message_names_is_the_one_read(index_for):
    # catboost.py still spells 'mse' in 0.11.5 (a CatBoost metric): only forest.py, beside
    # RandomForestRegressor, is the caller that passed it to the estimator.
    index, target = index_for(SERVICES, python="3.9")
    d = _diagnose_message(index, target, "mljary==0.11.4\nscikit-learn==1.2.0\n", MSE)
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("mljary", ">=0.11.5")]
    assert "mljary/algorithms/forest.py" in d.culprits[0].evidence[0]
