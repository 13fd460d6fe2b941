"""Review of 46f49b3 (_built_for_older_python): inputs where the '>=first later release with a wheel' reading is wrong.

A circular import ("partially initialized module") inside a compiled pin whose pinned release ships no wheel
for the target's Python is read as a build from the sdist, and the first later release with a wheel is offered.
Each test below is a case the reading should leave alone (or read otherwise), and currently does not.
"""
from tests.support.diagnose_crashes import diagnose_paste

FILES = {"plotlibx/__init__.py": "def get_backend():\n    return 'agg'\n"}
OLD = "cp37-cp37m-manylinux1_x86_64"   # the pinned release: wheels up to cp37 only, target is 3.8
NEW = "cp38-cp38-manylinux1_x86_64"
PASTE = ("ImportError: cannot import name 'get_backend' from partially initialized module 'plotlibx' "
         "(most likely due to a circular import)\n")


def _plotlibx(files=FILES, *later):
    return [{"version": "3.0.0", "tag": OLD, "sdist": True, "files": files},
            {"version": "3.1.2", "tag": NEW, "sdist": True, "files": files}, *later]


def _diagnose(index_for, universe, reqs, paste, keep=()):
    index, target = index_for(universe, python="3.8", platform="linux x86_64")
    return diagnose_paste(index, target, reqs, paste, keep=keep)


def _pairs(d):
    return [(c.name, c.constraint) for c in d.culprits]


# -- a project file shadowing the library ---------------------------------------------------------------

SHADOW = ("Traceback (most recent call last):\n"
          '  File "/home/me/proj/test_plot.py", line 1, in <module>\n'
          "    import plotlibx\n"
          '  File "/home/me/proj/plotlibx.py", line 1, in <module>\n'
          "    from plotlibx import get_backend\n"
          "ImportError: cannot import name 'get_backend' from partially initialized module 'plotlibx' "
          "(most likely due to a circular import) (/home/me/proj/plotlibx.py)\n")


def test_project_file_shadowing_printed_in_the_message_is_not_a_build(index_for):
    # The message itself prints where the partially initialised module lives: the project's own
    # plotlibx.py, not site-packages.  The docstring says a project file's circular import is left out.
    d = _diagnose(index_for, {"plotlibx": _plotlibx()}, "plotlibx==3.0.0\n", SHADOW)
    assert not d.culprits, d.summary


def test_project_file_shadowing_in_the_frames_is_not_a_build(index_for):
    # The same without the path in the message (as some Pythons/loggers print it): the innermost frame
    # is the project's plotlibx.py importing from itself.
    paste = SHADOW.replace(" (/home/me/proj/plotlibx.py)", "")
    d = _diagnose(index_for, {"plotlibx": _plotlibx()}, "plotlibx==3.0.0\n", paste)
    assert not d.culprits, d.summary


# -- the partially initialised module is another distribution's ------------------------------------------

def _other_owner_universe():
    # The pin named 'plotlibx' ships only plx/; the package plotlibx/ is the 'shim' distribution's.
    return {"plotlibx": _plotlibx({"plx/__init__.py": "A = 1\n"}),
            "shim": [{"version": "1.0", "files": FILES}]}


def test_a_pin_that_does_not_ship_the_module_is_not_moved(index_for):
    d = _diagnose(index_for, _other_owner_universe(), "plotlibx==3.0.0\nshim==1.0\n", PASTE)
    assert ("plotlibx", ">=3.1.2") not in _pairs(d), d.summary


def test_a_pin_that_does_not_ship_the_module_is_not_moved_with_frames(index_for):
    paste = ("Traceback (most recent call last):\n"
             '  File "/home/me/proj/test_plot.py", line 1, in <module>\n'
             "    import plotlibx\n"
             '  File "/usr/lib/python3.8/site-packages/plotlibx/__init__.py", line 1, in <module>\n'
             "    from plotlibx import get_backend\n" + PASTE)
    d = _diagnose(index_for, _other_owner_universe(), "plotlibx==3.0.0\nshim==1.0\n", paste)
    assert ("plotlibx", ">=3.1.2") not in _pairs(d), d.summary


# -- mixed installs: two distributions writing the same folder --------------------------------------------

def test_moving_one_of_two_variants_at_one_release_does_not_split_them(index_for):
    # plotlibx and plotlibx-headless both write plotlibx/ at 3.0.0 (_mixed_install steps aside: same
    # release).  Moving plotlibx alone to 3.1.2 leaves plotlibx-headless 3.0.0 overwriting its files:
    # the fix creates exactly the mixed install _mixed_install exists to undo.
    universe = {"plotlibx": _plotlibx(), "plotlibx-headless": _plotlibx()}
    d = _diagnose(index_for, universe, "plotlibx==3.0.0\nplotlibx-headless==3.0.0\n", PASTE)
    moved = {c.name for c in d.culprits}
    assert moved in (set(), {"plotlibx", "plotlibx-headless"}), d.summary


def test_another_project_writing_the_same_folder_is_not_read_as_a_build(index_for):
    # otherplot also installs plotlibx/ (different project: _mixed_install does not align them);
    # whichever is installed last overwrites the other's files, which a later plotlibx cannot undo.
    universe = {"plotlibx": _plotlibx(),
                "otherplot": [{"version": "1.0", "files": {**FILES, "plotlibx/extra.py": "X = 1\n"}}]}
    d = _diagnose(index_for, universe, "plotlibx==3.0.0\notherplot==1.0\n", PASTE)
    assert ("plotlibx", ">=3.1.2") not in _pairs(d), d.summary


# -- yanked files ----------------------------------------------------------------------------------------

def test_a_yanked_wheel_is_no_wheel_for_the_target(index_for):
    # 3.1.1's only cp38 wheel is yanked (its sdist is not, so the release is not 'yanked'): pip ignores
    # the yanked file while a non-yanked one fits, and builds 3.1.1 from its sdist again.  3.2.0 is the
    # first later release with a usable wheel.
    universe = {"plotlibx": [{"version": "3.0.0", "tag": OLD, "sdist": True, "files": FILES},
                             {"version": "3.1.1", "tag": NEW, "files": FILES, "yanked": "broken wheel"},
                             {"version": "3.1.1", "wheel": False, "sdist": True, "files": FILES},
                             {"version": "3.2.0", "tag": NEW, "sdist": True, "files": FILES}]}
    d = _diagnose(index_for, universe, "plotlibx==3.0.0\n", PASTE)
    assert _pairs(d) == [("plotlibx", ">=3.2.0")], d.summary
