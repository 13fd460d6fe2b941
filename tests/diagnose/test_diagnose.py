"""Whole diagnoses over real fixture-built wheels in a local index (no network).

The tracebacks are real (sources cited per test); the universes mirror the
real release history of the packages involved, dates included, so upload-date
evidence is exercised as it is against PyPI.
"""

from __future__ import annotations

from pathlib import Path

from packaging.specifiers import SpecifierSet

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

CASES = Path(__file__).resolve().parents[2] / "benchmarks" / "cases"

FLASK_JINJA = {
    "flask": [
        {"version": "1.0.2", "requires_dist": ["Jinja2>=2.10", "Werkzeug>=0.14"], "upload_time": "2018-05-02T13:29:47Z"},
        {"version": "2.1.0", "requires_dist": ["Jinja2>=3.0", "Werkzeug>=2.0"], "upload_time": "2022-03-28T17:00:00Z"},
    ],
    "jinja2": [
        {"version": "2.10", "upload_time": "2017-11-08T00:00:00Z", "files": {"jinja2/__init__.py": "from markupsafe import Markup\n"}},
        {"version": "2.11.3", "upload_time": "2021-01-31T00:00:00Z", "files": {"jinja2/__init__.py": "from markupsafe import Markup\n"}},
        {"version": "3.0.3", "upload_time": "2021-11-09T00:00:00Z", "files": {"jinja2/__init__.py": "from markupsafe import Markup\n"}},
        {"version": "3.1.0", "upload_time": "2022-03-24T00:00:00Z", "files": {"jinja2/__init__.py": "X = 1\n"}},
    ],
    "werkzeug": [{"version": "2.0.3", "upload_time": "2022-02-07T00:00:00Z"}],
}

# pallets/jinja#1632, verbatim in benchmarks/cases/jinja2-markup-flask102-py37/traceback.txt
JINJA_TB = '''Traceback (most recent call last):
  File "/Users/w/app_envs/ops/bin/flask", line 5, in <module>
    from flask.cli import main
  File "/Users/w/app_envs/ops/lib/python3.7/site-packages/flask/__init__.py", line 19, in <module>
    from jinja2 import Markup, escape
ImportError: cannot import name 'Markup' from 'jinja2' (/Users/w/app_envs/ops/lib/python3.7/site-packages/jinja2/__init__.py)
'''


def _pins(text, target):
    return parse_requirements_text(text, target)


def test_removed_name_under_a_kept_caller_is_transitive_and_dates_rank_the_range(index_for):
    index, target = index_for(FLASK_JINJA, python="3.7")
    pins = _pins("flask==1.0.2\njinja2==3.1.0\nwerkzeug==2.0.3\n", target)
    crash = simple_parse(JINJA_TB, pins)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), keep={"flask"})
    assert d.verdict == "transitive" and d.family == "import-name"
    best = d.culprits[0]
    assert best.name == "jinja2" and best.source == "upload-dates"
    assert "3.0.3" in SpecifierSet(best.constraint) and "3.1.0" not in SpecifierSet(best.constraint)
    assert any("2018-05-02" in e for e in best.evidence)  # flask 1.0.2 predates jinja2 3.1.0
    assert all(c.name != "flask" for c in d.culprits)  # a keep-pin never moves


def test_without_the_keep_pin_the_caller_may_move_to_a_release_after_the_break(index_for):
    index, target = index_for(FLASK_JINJA, python="3.7")
    pins = _pins("flask==1.0.2\njinja2==3.1.0\nwerkzeug==2.0.3\n", target)
    d = diagnose(simple_parse(JINJA_TB, pins), pins, target, index, load_knowledge(bundled=False))
    moves = {c.name: c.constraint for c in d.culprits}
    assert moves["flask"] == ">=2.1.0"
    assert d.culprits[0].name == "jinja2"  # constraining the callee back is preferred


def test_knowledge_base_entry_beats_inference(index_for, tmp_path):
    index, target = index_for(FLASK_JINJA, python="3.7")
    kbfile = tmp_path / "kb.toml"
    kbfile.write_text('''schema = 1
[[break]]
id = "jinja2-markup"
package = "Jinja2"
changed_in = "3.1.0"
kind = "removed-name"
exception = "ImportError"
message = "cannot import name '(Markup|escape)' from 'jinja2'"
fix = "jinja2<3.1"
callers = [{ package = "Flask", fixed_in = "2.0.0" }]
source = "https://github.com/pallets/jinja/issues/1632"
''')
    kb = load_knowledge([str(kbfile)], bundled=False)
    pins = _pins("flask==1.0.2\njinja2==3.1.0\nwerkzeug==2.0.3\n", target)
    d = diagnose(simple_parse(JINJA_TB, pins), pins, target, index, kb)
    assert [(c.name, c.constraint) for c in d.culprits] == [("jinja2", "<3.1"), ("flask", ">=2.0.0")]
    assert d.culprits[0].source == "https://github.com/pallets/jinja/issues/1632"
    assert d.details["knowledge"] == "jinja2-markup" and d.verdict == "transitive"


def test_project_code_calling_a_removed_api_is_a_project_verdict(index_for):
    universe = {"numpy": [
        {"version": "1.23.5", "upload_time": "2022-11-20T00:00:00Z"},
        {"version": "1.24.0", "upload_time": "2022-12-18T00:00:00Z"},
        {"version": "1.24.3", "upload_time": "2023-04-22T00:00:00Z"},
    ]}
    index, target = index_for(universe, python="3.10")
    pins = _pins("numpy==1.24.3\n", target)
    # SamsungLabs/ritm_interactive_segmentation#36 (numpy 1.24 removed np.float), trimmed to the project frame
    tb = '''Traceback (most recent call last):
  File "/home/u/ritm/isegm/inference/utils.py", line 42, in compute_iou
    intersection = np.logical_and(gt_mask, pred_mask).astype(np.float)
AttributeError: module 'numpy' has no attribute 'float'.
`np.float` was a deprecated alias for the builtin `float`.
'''
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False))
    assert d.verdict == "project"
    assert d.culprits[0].name == "numpy" and d.culprits[0].constraint == "<1.24"


def test_the_library_raising_from_its_own_getattr_is_not_the_caller(index_for):
    # numpy >= 1.25 raises the removal from numpy/__init__.py's __getattr__: the innermost
    # frame is numpy's own, the access is the project's (real output of numpy 2.x).
    universe = {"numpy": [
        {"version": "1.23.5", "upload_time": "2022-11-20T00:00:00Z"},
        {"version": "1.24.0", "upload_time": "2022-12-18T00:00:00Z"},
        {"version": "2.0.0", "upload_time": "2024-06-16T00:00:00Z"},
    ]}
    index, target = index_for(universe, python="3.10")
    pins = _pins("numpy==2.0.0\n", target)
    tb = '''Traceback (most recent call last):
  File "/home/u/proj/test_np.py", line 4, in test_np
    assert np.float(1) == 1
  File "/home/u/venv/lib/python3.10/site-packages/numpy/__init__.py", line 397, in __getattr__
    raise AttributeError(__former_attrs__[attr])
AttributeError: module 'numpy' has no attribute 'float'.
'''
    from pytest_depfix.crash import attribute, parse_traceback

    crash = attribute(parse_traceback(tb)[0], pins, target=target, project_root="/home/u/proj", installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False))
    assert d.verdict == "project"
    assert d.culprits[0].name == "numpy" and "2.0.0" not in SpecifierSet(d.culprits[0].constraint)


def test_kept_callee_leaves_no_culprit_and_says_so(index_for):
    universe = {"numpy": [{"version": "1.24.3", "upload_time": "2023-04-22T00:00:00Z"}]}
    index, target = index_for(universe, python="3.10")
    pins = _pins("numpy==1.24.3\n", target)
    tb = '''Traceback (most recent call last):
  File "/home/u/proj/run.py", line 3, in <module>
    x = np.float(1)
AttributeError: module 'numpy' has no attribute 'float'
'''
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False), keep={"numpy"})
    assert d.verdict == "direct" and d.culprits == []
    assert "kept numpy" in d.summary


def test_cudnn_failure_is_environment_and_pins_stay(index_for):
    universe = {"torch": [{"version": "1.8.0", "upload_time": "2021-03-04T00:00:00Z"},
                          {"version": "1.8.1", "upload_time": "2021-03-25T00:00:00Z"}]}
    index, target = index_for(universe, python="3.7")
    pins = _pins("torch==1.8.0\n", target)
    text = ((Path(__file__).resolve().parents[2] / "examples" / "seed-retinaface-cudnn" / "traceback.txt").read_text()
            if (Path(__file__).resolve().parents[2] / "examples" / "seed-retinaface-cudnn" / "traceback.txt").exists() else
            'Traceback (most recent call last):\n  File "/x/site-packages/torch/nn/modules/conv.py", line 396, in _conv_forward\n'
            '    self.padding, self.dilation, self.groups)\nRuntimeError: cuDNN error: CUDNN_STATUS_NOT_INITIALIZED\n')
    d = diagnose(simple_parse(text, pins), pins, target, index, load_knowledge(bundled=False), keep={"torch"})
    assert d.verdict == "environment" and d.culprits == []
    assert "1.8.0+cu111" in d.advice and "PEP 440" in d.advice


def test_bundled_knowledge_marks_torch_180_cudnn_as_environment(index_for):
    universe = {"torch": [{"version": "1.8.0"}]}
    index, target = index_for(universe, python="3.7")
    pins = _pins("torch==1.8.0\n", target)
    tb = ('Traceback (most recent call last):\n  File "/x/site-packages/torch/nn/modules/conv.py", line 396, in _conv_forward\n'
          '    self.padding, self.dilation, self.groups)\nRuntimeError: cuDNN error: CUDNN_STATUS_NOT_INITIALIZED\n')
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(), keep={"torch"})
    assert d.verdict == "environment" and d.culprits == [] and d.advice


def test_python_version_break_moves_the_library_past_the_python_release(index_for):
    # The classic: an old library importing collections.Mapping on Python 3.10 (python/cpython#91639)
    universe = {"pyparsing2": [], "oldlib": [
        {"version": "1.0", "upload_time": "2019-01-01T00:00:00Z"},
        {"version": "1.1", "upload_time": "2021-06-01T00:00:00Z"},
        {"version": "1.2", "upload_time": "2021-12-01T00:00:00Z"},
        {"version": "2.0", "upload_time": "2023-01-01T00:00:00Z"},
    ]}
    universe.pop("pyparsing2")
    index, target = index_for(universe, python="3.10")
    pins = _pins("oldlib==1.0\n", target)
    tb = '''Traceback (most recent call last):
  File "/home/u/proj/main.py", line 1, in <module>
    import oldlib
  File "/home/u/.venv/lib/python3.10/site-packages/oldlib/__init__.py", line 2, in <module>
    from collections import Mapping
ImportError: cannot import name 'Mapping' from 'collections' (/usr/lib/python3.10/collections/__init__.py)
'''
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False))
    assert d.family == "python-version" and d.verdict == "transitive"
    assert (d.culprits[0].name, d.culprits[0].constraint) == ("oldlib", ">=1.2")
    # the same crash on a target older than 3.10 is not this break
    index37, t37 = index_for(universe, python="3.9")
    d37 = diagnose(simple_parse(tb, pins), pins, t37, index37, load_knowledge(bundled=False))
    assert d37.verdict == "unknown" and d37.culprits == []


def test_declared_conflict_text_becomes_a_constraint_or_a_requirer_move(index_for):
    universe = {
        "requests": [{"version": "2.28.2", "requires_dist": ["urllib3<1.27,>=1.21.1"], "upload_time": "2023-01-12T00:00:00Z"},
                     {"version": "2.31.0", "requires_dist": ["urllib3<3,>=1.21.1"], "upload_time": "2023-05-22T00:00:00Z"}],
        "urllib3": [{"version": "1.26.15"}, {"version": "2.0.2"}],
    }
    index, target = index_for(universe, python="3.10")
    pins = _pins("requests==2.28.2\nurllib3==2.0.2\n", target)
    tb = ("Traceback (most recent call last):\n  File \"/home/u/.venv/lib/python3.10/site-packages/pkg_resources/__init__.py\", "
          "line 791, in resolve\n    raise VersionConflict(dist, req).with_context(dependent_req)\n"
          "pkg_resources.ContextualVersionConflict: (urllib3 2.0.2 (/home/u/.venv/lib/python3.10/site-packages), "
          "Requirement.parse('urllib3<1.27,>=1.21.1'), {'requests'})\n")
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False))
    assert d.family == "declared"
    got = {c.name: c.constraint for c in d.culprits}
    assert got["urllib3"] == "<1.27,>=1.21.1" and got["requests"] == ">=2.31.0"


def test_unknown_errors_change_nothing(index_for):
    index, target = index_for({"six": [{"version": "1.16.0"}]}, python="3.10")
    pins = _pins("six==1.16.0\n", target)
    tb = 'Traceback (most recent call last):\n  File "/home/u/p/run.py", line 1, in <module>\n    1/0\nZeroDivisionError: division by zero\n'
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False))
    assert d.verdict == "unknown" and d.culprits == []


def test_the_release_named_by_the_message_bounds_the_callee(index_for):
    universe = {
        "numpy": [{"version": "1.26.4", "upload_time": "2024-02-05T00:00:00Z"},
                  {"version": "2.0.1", "upload_time": "2024-07-21T00:00:00Z"}],
        "imgaug": [{"version": "0.4.0", "upload_time": "2020-02-05T00:00:00Z"}],
    }
    index, target = index_for(universe, python="3.10")
    pins = _pins("imgaug==0.4.0\nnumpy==2.0.1\n", target)
    # imgaug/imgaug#859 (frames as in imgaug 0.4.0's imgaug/imgaug.py)
    tb = '''Traceback (most recent call last):
  File "/usr/lib/python3.10/site-packages/imgaug/imgaug.py", line 45, in <module>
    NP_FLOAT_TYPES = set(np.sctypes["float"])
AttributeError: `np.sctypes` was removed in the NumPy 2.0 release. Access dtypes explicitly instead.
'''
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False), keep={"imgaug"})
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint, c.source) for c in d.culprits][0] == ("numpy", "<2.0", "error-message")


def test_a_name_no_release_has_gives_no_range_not_an_empty_one():
    # The probe's "<0" means "present in none of the releases read": a culprit "sqlalchemy<0"
    # once made the resolution impossible (flask-sqlalchemy 2.4.1 reading sqlalchemy.__all__).
    from types import SimpleNamespace

    from pytest_depfix.diagnose.verdict import probe_range

    def ctx_with(present):
        probe = SimpleNamespace(find_range=lambda dist, q: SimpleNamespace(present=present))
        return SimpleNamespace(probe=probe, evidence=[])

    assert probe_range(ctx_with("<0"), "sqlalchemy", "sqlalchemy", "__all__") is None
    assert probe_range(ctx_with(""), "sqlalchemy", "sqlalchemy", "__all__") is None
    assert probe_range(ctx_with("<2.0.0"), "sqlalchemy", "sqlalchemy", "__all__") == "<2.0.0"


def test_a_class_attribute_the_message_says_its_library_removed_holds_that_library_below_the_release(index_for):
    from pytest_depfix.crash import parse_traceback

    universe = {"gensim": [{"version": "3.8.3", "upload_time": "2020-05-03T00:00:00Z", "files": {"gensim/__init__.py": ""}},
                           {"version": "4.2.0", "upload_time": "2022-05-01T00:00:00Z", "files": {"gensim/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.8")
    (crash,) = parse_traceback("AttributeError: The vocab attribute was removed from KeyedVector in Gensim 4.0.0.\n")
    d = diagnose(crash, parse_requirements_text("gensim==4.2.0\n", target), target, index, load_knowledge())
    assert [(c.name, c.constraint, c.source) for c in d.culprits] == [("gensim", "<4.0.0", "error-message")]
    d2 = diagnose(crash, parse_requirements_text("gensim==3.8.3\n", target), target, index, load_knowledge())
    assert not any(c.source == "error-message" for c in d2.culprits)  # already below: the message cannot be about it


def test_a_caller_release_that_drops_one_removed_name_but_keeps_another_is_no_fix(index_for):
    # HonkaiHelper: airtest 1.2.4's report.py imports evalcontextfilter, Markup and escape from Jinja2,
    # all gone in 3.1.  airtest 1.2.5 changed that line but still imports Markup and escape from jinja2:
    # the next ImportError.  1.2.6 takes them from markupsafe.
    universe = {
        "jinjo": [{"version": "3.0.3", "files": {"jinjo/__init__.py": "def evalcontextfilter(f):\n    return f\n"
                                                                        "class Markup(str):\n    pass\n"}},
                  {"version": "3.1.1", "files": {"jinjo/__init__.py": "def pass_eval_context(f):\n    return f\n"}}],
        "markupsafe": [{"version": "2.1.1", "files": {"markupsafe/__init__.py": "class Markup(str):\n    pass\n"}}],
        "airy": [{"version": "1.2.4", "requires_dist": ["jinjo"],
                  "files": {"airy/__init__.py": "", "airy/report.py": "from jinjo import evalcontextfilter, Markup\n"}},
                 {"version": "1.2.5", "requires_dist": ["jinjo"],
                  "files": {"airy/__init__.py": "", "airy/report.py": "from jinjo import Markup\n"
                            "try:\n    from jinjo import evalcontextfilter\nexcept ImportError:\n"
                            "    from jinjo import pass_eval_context as evalcontextfilter\n"}},
                 {"version": "1.2.6", "requires_dist": ["jinjo", "markupsafe"],
                  "files": {"airy/__init__.py": "", "airy/report.py": "from markupsafe import Markup\n"
                            "try:\n    from jinjo import evalcontextfilter\nexcept ImportError:\n"
                            "    from jinjo import pass_eval_context as evalcontextfilter\n"}}],
    }
    index, target = index_for(universe, python="3.9")
    pins = _pins("airy==1.2.4\njinjo==3.1.1\nmarkupsafe==2.1.1\n", target)
    tb = ('Traceback (most recent call last):\n  File "/home/u/app/main.py", line 1, in <module>\n    import airy.report\n'
          '  File "/home/u/.venv/lib/python3.9/site-packages/airy/report.py", line 1, in <module>\n'
          '    from jinjo import evalcontextfilter, Markup\n'
          "ImportError: cannot import name 'evalcontextfilter' from 'jinjo' (/home/u/.venv/lib/python3.9/site-packages/jinjo/__init__.py)\n")
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    moves = {c.name: c.constraint for c in d.culprits}
    assert moves.get("airy") == ">=1.2.6"
    assert any("still imports jinjo.Markup" in n for n in d.details.get("notes", []))


def test_a_caller_release_that_moved_the_failing_use_to_another_module_is_no_fix(index_for):
    # golinks: Flask-SQLAlchemy 2.4.1's __init__.py loops over sqlalchemy.__all__, gone in SQLAlchemy 2.0.
    # 3.0.0 rewrote that line away but reads mod.__all__ in extension.py's __getattr__; 3.0.2 stopped.
    def release(v, ext):
        return {"version": v, "requires_dist": ["sqly"],
                "files": {"flasky/__init__.py": "from .extension import SQLAlchemy\n", "flasky/extension.py": ext}}

    universe = {
        "sqly": [{"version": "1.4.54", "files": {"sqly/__init__.py": "__all__ = ['Column']\nColumn = 1\n"}},
                 {"version": "2.0.0", "files": {"sqly/__init__.py": "Column = 1\n"}}],
        "flasky": [
            {"version": "2.4.1", "requires_dist": ["sqly"], "files": {"flasky/__init__.py":
             "import sqly\n\ndef _include(obj):\n    for module in (sqly,):\n        for key in module.__all__:\n"
             "            setattr(obj, key, getattr(module, key))\n"}},
            release("3.0.0", "import sqly as sa\n\nclass SQLAlchemy:\n    def __getattr__(self, name):\n"
                             "        for mod in (sa,):\n            if name in mod.__all__:\n                return 1\n"),
            release("3.0.2", "import sqly as sa\n\nclass SQLAlchemy:\n    def __getattr__(self, name):\n"
                             "        for mod in (sa,):\n            if hasattr(mod, name):\n                return 1\n"),
        ],
    }
    index, target = index_for(universe, python="3.9")
    pins = _pins("flasky==2.4.1\nsqly==2.0.0\n", target)
    tb = ('Traceback (most recent call last):\n  File "/srv/app/main.py", line 5, in <module>\n    db = flasky._include(app)\n'
          '  File "/usr/local/lib/python3.9/site-packages/flasky/__init__.py", line 5, in _include\n'
          "    for key in module.__all__:\nAttributeError: module 'sqly' has no attribute '__all__'\n")
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    moves = {c.name: c.constraint for c in d.culprits}
    assert moves.get("flasky") == ">=3.0.2"
    assert any("still uses sqly.__all__" in n for n in d.details.get("notes", []))


def _cclib_universe():
    so = "cclib/clib/cclib_clib.cpython-310-x86_64-linux-gnu.so"
    return {"cclib": [
        {"version": "1.1.5", "files": {"cclib/__init__.py": "", so: "\x7fELF GLIBCXX_3.4.21 CXXABI_1.3.9"}},
        {"version": "1.1.6", "files": {"cclib/__init__.py": "", so: "\x7fELF GLIBCXX_3.4.21 CXXABI_1.3.9"}},
        {"version": "1.1.7", "files": {"cclib/__init__.py": "", so: "\x7fELF GLIBCXX_3.4.29 CXXABI_1.3.13"}},
    ]}


OPENCC_TB = ("Traceback (most recent call last):\n  File \"/srv/app/conv.py\", line 1, in <module>\n    import cclib\n"
             "ImportError: /lib64/libstdc++.so.6: version `GLIBCXX_3.4.29' not found (required by "
             "/srv/py/lib/python3.10/site-packages/cclib/clib/cclib_clib.cpython-310-x86_64-linux-gnu.so)\n")


def test_a_wheel_built_against_a_newer_libstdcxx_moves_to_the_nearest_release_built_without_it(index_for):
    # BYVoid/OpenCC#866: opencc 1.1.7's manylinux1-tagged wheel needs GLIBCXX_3.4.29; 1.1.6's does not.
    index, target = index_for(_cclib_universe(), python="3.10")
    pins = _pins("cclib==1.1.7\n", target)
    d = diagnose(simple_parse(OPENCC_TB, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "direct"
    assert [(c.name, c.constraint) for c in d.culprits] == [("cclib", "<=1.1.6")]


def test_a_newer_libstdcxx_need_of_a_kept_pin_or_of_every_release_stays_environment(index_for):
    index, target = index_for(_cclib_universe(), python="3.10")
    pins = _pins("cclib==1.1.7\n", target)
    kept = diagnose(simple_parse(OPENCC_TB, pins), pins, target, index, load_knowledge(bundled=False), keep={"cclib"},
                    probe=ApiProbe(index))
    assert (kept.verdict, kept.culprits) == ("environment", []) and "1.1.6" in kept.advice
    # every release needs it: nothing to move to
    tb = OPENCC_TB.replace("3.4.29", "3.4.21")
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert (d.verdict, d.culprits) == ("environment", [])


def test_a_forward_move_whose_new_requirement_no_release_can_meet_beside_the_set_is_not_offered(index_for):
    # keras#14265: keras 2.4.0 stopped decoding h5py 3's strings, but requires tensorflow>=2.2, which the
    # set lacks, and no TensorFlow for the target accepts the pinned h5py 3.0.0. Holding h5py back stays.
    from pytest_depfix.diagnose.verdict import Context, _within_the_set
    from pytest_depfix.models import Culprit

    universe = {
        "kerasy": [{"version": "2.2.5", "requires_dist": ["h5y"]},
                   {"version": "2.4.0", "requires_dist": ["tfy>=2.2"]}],
        "h5y": [{"version": "2.10.0"}, {"version": "3.0.0"}],
        "tfy": [{"version": "2.2.0", "requires_dist": ["h5y<2.11,>=2.10"]},
                {"version": "2.5.0", "requires_dist": ["h5y~=3.1.0"]}],
        "cachy": [{"version": "1.0"}],
        "sessiony": [{"version": "0.3.1"}, {"version": "0.3.2", "requires_dist": ["cachy"]}],
    }
    index, target = index_for(universe, python="3.6")
    pins = _pins("kerasy==2.2.5\nh5y==3.0.0\nsessiony==0.3.1\n", target)
    ctx = Context(simple_parse("ValueError: x\n", pins), pins, target, index, load_knowledge(bundled=False), set(),
                  probe=ApiProbe(index))
    back = Culprit("h5y", "<3.0", 0.8, ["h5y.x is present in h5y<3.0"], "api-probe")
    forward = Culprit("kerasy", ">=2.4.0", 0.8, ["kerasy 2.4.0 changed the failing call"], "release-files")
    assert _within_the_set(ctx, [back, forward]) == [back]
    assert any("tfy>=2.2" in e and "accepts the set's pins" in e for e in ctx.evidence)
    # alone, it is still offered: an answer that needs more beats none
    assert _within_the_set(ctx, [forward]) == [forward]
    # a new requirement some release can meet is no reason to refuse the move
    session = Culprit("sessiony", ">=0.3.2", 0.8, ["sessiony 0.3.2 changed the failing call"], "release-files")
    assert _within_the_set(ctx, [back, session]) == [back, session]


def test_a_frameless_keyword_error_of_a_function_is_asked_of_the_pin_that_exports_it(index_for):
    # pandas-profiling 1.4.1 on pandas 1.0: "concat() got an unexpected keyword argument 'join_axes'", no frame.
    from pytest_depfix.diagnose.message_only import infer_message

    universe = {
        "pandy": [{"version": "0.25.3", "files": {"pandy/__init__.py": "from .reshape import concat\n",
                                                   "pandy/reshape.py": "def concat(objs, axis=0, join_axes=None):\n    pass\n"}},
                  {"version": "1.0.0", "files": {"pandy/__init__.py": "from .reshape import concat\n",
                                                  "pandy/reshape.py": "def concat(objs, axis=0, sort=False):\n    pass\n"}}],
        "profy": [{"version": "1.4.1", "requires_dist": ["pandy"], "files": {"profy/__init__.py": "import pandy\n"}}],
    }
    index, target = index_for(universe, python="3.7")
    pins = _pins("pandy==1.0.0\nprofy==1.4.1\n", target)
    crash = infer_message("TypeError: concat() got an unexpected keyword argument 'join_axes'\n",
                          load_knowledge(bundled=False)).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("pandy", "<1.0.0")]


def test_the_one_pin_passing_the_keyword_through_partial_is_offered_its_release_that_stopped(index_for):
    # omnipath 1.0.6 under pandas 2.0 (squidpy#688): partial(pd.read_csv, sep="\t", squeeze=False), no frame printed;
    # omnipath 1.0.7 dropped the keyword.
    from pytest_depfix.diagnose.message_only import infer_message

    pandy = [{"version": "1.5.3", "files": {"pandy/__init__.py": "def read_csv(path, sep=',', squeeze=False):\n    pass\n"}},
             {"version": "2.0.1", "files": {"pandy/__init__.py": "def read_csv(path, sep=','):\n    pass\n"}}]
    omni = [{"version": v, "requires_dist": ["pandy"], "files": {"omni/request.py": (
        "from functools import partial\nimport pandy as pd\n\nREADER = partial(pd.read_csv, sep='\\t'"
        + (", squeeze=False)\n" if v == "1.0.6" else ")\n"))}} for v in ("1.0.6", "1.0.7")]
    index, target = index_for({"pandy": pandy, "omni": omni}, python="3.10")
    pins = _pins("omni==1.0.6\npandy==2.0.1\n", target)
    crash = infer_message("TypeError: read_csv() got an unexpected keyword argument 'squeeze'\n",
                          load_knowledge(bundled=False)).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert {(c.name, c.constraint) for c in d.culprits} == {("pandy", "<2.0.1"), ("omni", ">=1.0.7")}


def test_a_missing_system_library_symbol_on_macos_is_environment_and_a_python_api_symbol_is_not(index_for):
    # pyo 1.0.4 built locally against Homebrew's portmidi, which a later portmidi no longer matched.
    from pytest_depfix.diagnose import families as F
    from pytest_depfix.diagnose.message_only import infer_message

    kb = load_knowledge(bundled=False)
    msg = ("ImportError: dlopen(/Users/e/env/lib/python3.8/site-packages/pyo/_pyo.cpython-38-darwin.so, 0x0002): "
           "symbol not found in flat namespace '_Pm_Close'\n")
    assert F.classify(infer_message(msg, kb).to_crash()).family == F.ENVIRONMENT
    # a Python C-API symbol means a module built for another Python: a version question, not the system's
    other = msg.replace("_Pm_Close", "_PyCMethod_New")
    assert F.classify(infer_message(other, kb).to_crash()).family != F.ENVIRONMENT


def _not_found(requirement):
    return ('Traceback (most recent call last):\n  File "/usr/bin/dptrp1", line 6, in <module>\n'
            "    from pkg_resources import load_entry_point\n"
            '  File "/usr/lib/python3.8/site-packages/pkg_resources/__init__.py", line 786, in resolve\n'
            "    raise DistributionNotFound(req, requirers)\n"
            f"pkg_resources.DistributionNotFound: The '{requirement}' distribution was not found and is required by "
            "the application\n")


def test_a_required_distribution_the_set_pins_but_the_interpreter_cannot_find_is_environment(index_for):
    # dpt-rp1-py after a system Python upgrade: the entry-point script asks pkg_resources for the very pin.
    index, target = index_for({"dpt-rp1-py": [{"version": "0.1.6"}]}, python="3.8")
    pins = _pins("dpt-rp1-py==0.1.6\n", target)
    d = diagnose(simple_parse(_not_found("dpt-rp1-py==0.1.6"), pins), pins, target, index, load_knowledge(bundled=False))
    assert (d.verdict, d.culprits) == ("environment", [])
    assert "install the set into the interpreter" in d.advice


def test_six_moves_missing_on_python_312_moves_six_to_the_release_with_find_spec(index_for):
    # benjaminp/six#384: six 1.12.0 on Python 3.12.3; 1.16.0's importer has find_spec (the knowledge base says so).
    from pytest_depfix.diagnose.message_only import infer_message

    universe = {"six": [{"version": "1.12.0", "files": {"six.py": "class _SixMetaPathImporter(object):\n    pass\n"}},
                        {"version": "1.16.0", "files": {"six.py": "class _SixMetaPathImporter(object):\n"
                                                                  "    def find_spec(self, n, p, t=None):\n        pass\n"}}]}
    index, target = index_for(universe, python="3.12")
    pins = _pins("six==1.12.0\n", target)
    crash = infer_message("ModuleNotFoundError: No module named 'six.moves'\n", load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert ("six", ">=1.16.0") in {(c.name, c.constraint) for c in d.culprits}
    # on Python 3.11 the same message is not this break
    index11, t11 = index_for(universe, python="3.11")
    d11 = diagnose(crash, _pins("six==1.12.0\n", t11), t11, index11, load_knowledge(), probe=ApiProbe(index11))
    assert ("six", ">=1.16.0") not in {(c.name, c.constraint) for c in d11.culprits}


def _pilly(first_upload):
    pyd = "pilly/_imaging.cp314-win_amd64.pyd"
    return {"pilly": [
        {"version": "11.3.0", "upload_time": first_upload, "files": {"pilly/__init__.py": "", pyd: "MZ not really"}},
        {"version": "12.0.0", "upload_time": "2025-10-15T00:00:00Z", "files": {"pilly/__init__.py": "", pyd: "MZ not really"}},
    ]}


def test_an_extension_built_before_its_python_was_final_moves_to_the_first_release_after(index_for):
    # python-pillow/Pillow: 11.3.0's cp314 wheels were built against the 3.14 beta; 12.0.0 supports 3.14.0.
    from pytest_depfix.diagnose.message_only import infer_message

    index, target = index_for(_pilly("2025-07-01T00:00:00Z"), python="3.14", platform="win_amd64")
    pins = _pins("pilly==11.3.0\n", target)
    crash = infer_message("ImportError: cannot import name '_imaging' from 'pilly'\n", load_knowledge(bundled=False)).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "direct"
    assert [(c.name, c.constraint) for c in d.culprits] == [("pilly", ">=12.0.0")]


def test_an_extension_that_is_in_the_wheel_but_did_not_load_is_otherwise_environment(index_for):
    from pytest_depfix.diagnose.message_only import infer_message

    index, target = index_for(_pilly("2025-10-10T00:00:00Z"), python="3.14", platform="win_amd64")
    pins = _pins("pilly==11.3.0\n", target)
    crash = infer_message("ImportError: cannot import name '_imaging' from 'pilly'\n", load_knowledge(bundled=False)).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert (d.verdict, d.culprits) == ("environment", [])
    assert "failed to load" in d.advice


def test_numpy_1163_allow_pickle_default_is_held_back_by_the_knowledge_base(index_for):
    # ZZUTK/SRNTT#9: the project's np.load of an object array on numpy 1.16.3 (its default became False).
    index, target = index_for({"numpy": [{"version": "1.16.2"}, {"version": "1.16.3"}]}, python="3.7")
    pins = _pins("numpy==1.16.3\n", target)
    tb = ('Traceback (most recent call last):\n  File "/home/u/SRNTT/main.py", line 5, in <module>\n    vgg = np.load(path)\n'
          '  File "/home/u/.venv/lib/python3.7/site-packages/numpy/lib/format.py", line 692, in read_array\n'
          '    raise ValueError("Object arrays cannot be loaded when "\n'
          "ValueError: Object arrays cannot be loaded when allow_pickle=False\n")
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge())
    assert ("numpy", "<1.16.3") in {(c.name, c.constraint) for c in d.culprits}
    assert "allow_pickle=True" in d.advice


def test_a_class_attribute_gone_from_an_undeclared_dependency_is_found_by_the_class_name(index_for):
    # nncf CI: anomalib 1.0.1 calls FigureCanvasAgg.tostring_rgb (gone in matplotlib 3.10) but does not declare
    # matplotlib. The class lives deep (backends/backend_agg.py) behind many shallow modules and a read cap.
    filler = {f"plotty/mod{i}.py": "x = 1\n" + "# filler\n" * 400 for i in range(70)}  # 70 x 3.6 kB

    def plotty(v, has):
        agg = "class FigureCanvasAgg:\n" + ("    def tostring_rgb(self):\n        return b''\n" if has else "    pass\n")
        return {"version": v, "files": {"plotty/__init__.py": "", **filler, "plotty/backends/__init__.py": "",
                                        "plotty/backends/backend_agg.py": agg}}

    universe = {"plotty": [plotty("3.9.4", True), plotty("3.10.0", False)],
                "anomy": [{"version": "1.0.1", "files": {"anomy/__init__.py": "", "anomy/image.py":
                           "def generate(fig):\n    return fig.canvas.tostring_rgb()\n"}}]}
    index, target = index_for(universe, python="3.10")
    pins = _pins("anomy==1.0.1\nplotty==3.10.0\n", target)
    tb = ('Traceback (most recent call last):\n  File "/ci/venv/lib/python3.10/site-packages/anomy/image.py", line 2, in generate\n'
          "    return fig.canvas.tostring_rgb()\n"
          "AttributeError: 'FigureCanvasAgg' object has no attribute 'tostring_rgb'. Did you mean: 'tostring_argb'?\n")
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False),
                 probe=ApiProbe(index, max_bytes=230_000))  # room for one batch of 60 modules, not all
    assert ("plotty", "<3.10.0") in {(c.name, c.constraint) for c in d.culprits}
    assert d.verdict == "transitive" and "which anomy uses" in d.summary


def test_a_whole_module_python_removed_is_looked_for_in_the_set_without_frames(index_for):
    # d-flood/criticus#7: 'No module named lib2to3' on Python 3.13; criticus 2.0.0 no longer imports it.
    from pytest_depfix.diagnose.message_only import infer_message

    universe = {"critic": [
        {"version": "1.0.9", "files": {"critic/__init__.py": "", "critic/txt.py": "from lib2to3.pytree import convert\n"}},
        {"version": "2.0.0", "files": {"critic/__init__.py": "", "critic/txt.py": "import json\n"}},
    ]}
    index, target = index_for(universe, python="3.13")
    pins = _pins("critic==1.0.9\n", target)
    crash = infer_message("ModuleNotFoundError: No module named 'lib2to3'\n", load_knowledge(bundled=False)).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("critic", ">=2.0.0")]


def test_a_version_older_packaging_cannot_read_never_raises_out_of_the_not_found_check(index_for):
    # Found by review: packaging < 26 (we allow >= 22) raises InvalidVersion for a '===' pin's version.
    from packaging.version import InvalidVersion

    from pytest_depfix.diagnose.verdict import _meets

    class OldPackagingSpec:
        def contains(self, version, prereleases=None):
            raise InvalidVersion(version)

    assert _meets(OldPackagingSpec(), "0.1.6-custom") is False
    index, target = index_for({"dpt-rp1-py": [{"version": "0.1.6"}]}, python="3.8")
    pins = _pins("dpt-rp1-py===0.1.6-custom\n", target)
    d = diagnose(simple_parse(_not_found("dpt-rp1-py>=0.1"), pins), pins, target, index, load_knowledge(bundled=False))
    assert d.verdict != "environment"  # the set's '===' pin is not read as meeting the requirement


def _cvy_universe():
    cv = {"cvy/__init__.py": "from .gapi import *\n", "cvy/gapi.py": "X = 1\n"}
    return {
        "cvy-python": [{"version": v, "files": cv} for v in ("4.5.4.60", "4.5.5.64", "4.6.0.66")],
        "cvy-python-headless": [{"version": v, "files": cv} for v in ("4.5.4.60", "4.5.5.64", "4.6.0.66")],
        "ocry": [{"version": "1.6.1", "requires_dist": ["cvy-python-headless<=4.5.4.60"]}],
        "jwty": [{"version": "1.0", "files": {"cvy/__init__.py": ""}}],
    }


CIRCULAR = ("AttributeError: partially initialized module 'cvy' has no attribute 'gapi_wip_gst_GStreamerPipeline' "
            "(most likely due to a circular import)\n")


def test_two_variants_installing_one_folder_at_different_releases_are_aligned_on_the_same_release(index_for):
    # JaidedAI/EasyOCR#840: opencv-python 4.6.0.66 beside opencv-python-headless 4.5.4.60 (capped by easyocr)
    index, target = index_for(_cvy_universe())
    pins = _pins("ocry==1.6.1\ncvy-python==4.6.0.66\ncvy-python-headless==4.5.4.60\n", target)
    d = diagnose(simple_parse(CIRCULAR, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("cvy-python", "==4.5.4.60"),
                                                                   ("cvy-python-headless", "==4.6.0.66")]
    assert "same cvy/ folder" in d.summary
    kept = diagnose(simple_parse(CIRCULAR, pins), pins, target, index, load_knowledge(bundled=False),
                    keep={"cvy-python"}, probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in kept.culprits] == [("cvy-python-headless", "==4.6.0.66")]


def test_a_partially_initialised_module_with_one_owner_or_two_unrelated_projects_stays_a_circular_import(index_for):
    index, target = index_for(_cvy_universe())
    for text in ("cvy-python==4.6.0.66\n", "cvy-python==4.6.0.66\njwty==1.0\n",
                 "cvy-python==4.6.0.66\ncvy-python-headless==4.6.0.66\n"):
        pins = _pins(text, target)
        d = diagnose(simple_parse(CIRCULAR, pins), pins, target, index, load_knowledge(bundled=False),
                     probe=ApiProbe(index))
        assert (d.verdict, d.culprits) == ("unknown", []), text
