"""A knowledge entry's adapted caller, vendored inside another pin: that pin's first release with a fixed copy.

meinardmueller/libfmp#16 (benchmarks/cases/py313-vendored-six-moves-music21572-libfmp-py313): on
Python 3.13, "No module named 'music21.ext.six.moves'".  music21 5.7.2 vendors six 1.9.0, whose
``moves`` importer has only ``find_module``, which Python 3.12 stopped calling (the bundled entry
python-3.12-removed-find-module-six-moves: six adapted in 1.16.0).  The index's release has the
module, so it is not a broken install: the copy's version is read in later releases.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

SIX = '__version__ = "{v}"\nclass _MovedItems(object):\n    pass\nmoves = _MovedItems("moves")\n'
PASTE = "ModuleNotFoundError: No module named 'musicx.ext.six.moves'\n"


def _release(version, six=None, init=""):
    files = {"musicx/__init__.py": init, "musicx/ext/__init__.py": ""}
    if six:
        files["musicx/ext/six.py"] = SIX.format(v=six)
    return {"version": version, "files": files}


def _answer(index_for, releases, python="3.13"):
    index, target = index_for({"musicx": releases}, python=python)
    pins = parse_requirements_text(f"musicx=={releases[0]['version']}\n", target)
    crash = attribute(parse_traceback(PASTE)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    return {(c.name, c.constraint) for c in d.culprits}, d


def test_the_first_release_whose_copy_reached_the_fixed_version_or_that_dropped_it(index_for):
    culprits, d = _answer(index_for, [_release("5.7.2", "1.9.0"), _release("6.0.0", "1.10.0"), _release("6.1.0")])
    assert culprits == {("musicx", ">=6.1.0")}, (d.verdict, d.summary)
    culprits, d = _answer(index_for, [_release("5.7.3", "1.9.0"), _release("6.0.1", "1.16.0")])
    assert culprits == {("musicx", ">=6.0.1")}, (d.verdict, d.summary)


def test_a_release_that_imports_another_module_the_target_removed_is_passed_over(index_for):
    culprits, d = _answer(index_for, [_release("5.7.4", "1.9.0"), _release("6.1.1", init="import imp\n"),
                                      _release("6.2.0")])
    assert culprits == {("musicx", ">=6.2.0")}, (d.verdict, d.summary)


def test_a_copy_already_at_the_fixed_version_is_not_this_break(index_for):
    culprits, d = _answer(index_for, [_release("5.7.5", "1.16.0"), _release("6.1.2")])
    assert ("musicx", ">=6.1.2") not in culprits, (d.verdict, d.summary)
