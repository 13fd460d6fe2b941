"""A pin importing a whole stdlib module the target's Python does not have yet.

python-attrs/attrs#807: attrs 21.1.0's ``attr/_make.py`` began with ``import typing``;
on Python 3.4 that is ``ImportError: No module named 'typing'``.  typing is in the
standard library since 3.5 (crash.stdlib's table of additions), so the signal is a
Python-version one, and attrs 20.3.0, whose ``_make.py`` has no such import, runs.
"""
from pytest_depfix.diagnose.families import PYTHON_VERSION, classify
from pytest_depfix.crash import parse_traceback
from tests.support.diagnose_crashes import diagnose_paste

SITE = "/venv/lib/python3.4/site-packages"
PASTE = ("Traceback (most recent call last):\n"
         '  File "<stdin>", line 1, in <module>\n'
         f'  File "{SITE}/attry/__init__.py", line 1, in <module>\n'
         "    from ._make import attrs\n"
         f'  File "{SITE}/attry/_make.py", line 2, in <module>\n'
         "    import typing\n"
         "ImportError: No module named 'typing'\n")
OLD = "import copy\n\ndef attrs():\n    return copy\n"
NEW = "import copy\nimport typing\n\ndef attrs():\n    return copy\n"
GUARDED = "import copy\ntry:\n    import typing\nexcept ImportError:\n    typing = None\n\ndef attrs():\n    return copy\n"


def _universe(bodies):
    return {"attry": [{"version": v, "files": {"attry/__init__.py": "from ._make import attrs\n", "attry/_make.py": body}}
                      for v, body in bodies]}


def test_a_whole_module_newer_than_the_target_is_a_python_version_signal():
    sig = classify(parse_traceback(PASTE)[0])
    assert (sig.family, sig.detail.get("python_added")) == (PYTHON_VERSION, "3.5")


def test_the_newest_earlier_release_whose_module_does_not_import_it_is_the_way_back(index_for):
    index, target = index_for(_universe([("20.2.0", OLD), ("20.3.0", GUARDED), ("21.1.0", NEW)]), python="3.4")
    d = diagnose_paste(index, target, "attry==21.1.0\n", PASTE)
    assert ("attry", "==20.3.0") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_no_earlier_release_without_the_import_moves_nothing(index_for):
    index, target = index_for(_universe([("20.3.0", NEW), ("21.1.0", NEW)]), python="3.4")
    d = diagnose_paste(index, target, "attry==21.1.0\n", PASTE)
    assert not d.culprits, d.summary


def test_a_declared_backport_missing_from_the_set_is_the_missing_dependency(index_for):
    # (review) foo declares enum34 for Pythons below 3.4; the set lacks it: no Python-version move
    paste = PASTE.replace("typing", "enum").replace("python3.4", "python2.7").replace("No module named 'enum'", "No module named enum")
    universe = _universe([("20.3.0", OLD.replace("typing", "enum")), ("21.1.0", NEW.replace("typing", "enum"))])
    for release in universe["attry"]:
        release["requires_dist"] = ["enum34; python_version < '3.4'"]
    index, target = index_for(universe, python="2.7")
    d = diagnose_paste(index, target, "attry==21.1.0\n", paste)
    assert not d.culprits and "enum34" in d.summary, d.summary


def test_an_import_among_others_on_one_line_counts(index_for):
    # (review) "import copy, typing" imports typing too
    index, target = index_for(_universe([("20.3.0", NEW.replace("import copy\nimport typing\n", "import copy, typing\n")),
                                         ("21.1.0", NEW)]), python="3.4")
    d = diagnose_paste(index, target, "attry==21.1.0\n", PASTE)
    assert not d.culprits, d.summary
