"""A compiled pin whose release predates the target Python, built from its sdist, stops in its own import.

YosefLab/epitome#61: matplotlib 3.0.0 has wheels up to cp37; on Python 3.8 pip compiles the sdist and
``import matplotlib`` stops "partially initialized".  The first later release with a wheel for 3.8 is the fix.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = ("ImportError: cannot import name 'get_backend' from partially initialized module 'plotlibx' "
         "(most likely due to a circular import)\n")
FILES = {"plotlibx/__init__.py": "def get_backend():\n    return 'agg'\n"}


def _universe(old_tag):
    return {"plotlibx": [{"version": "3.0.0", "tag": old_tag, "sdist": True, "files": FILES},
                         {"version": "3.1.2", "tag": "cp38-cp38-manylinux1_x86_64", "sdist": True, "files": FILES}]}


def test_the_first_later_release_with_a_wheel_for_the_target_is_the_fix(index_for):
    index, target = index_for(_universe("cp37-cp37m-manylinux1_x86_64"), python="3.8", platform="linux x86_64")
    d = diagnose_paste(index, target, "plotlibx==3.0.0\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("plotlibx", ">=3.1.2")], d.summary


def test_a_pure_package_is_no_such_build(index_for):
    index, target = index_for(_universe("py3-none-any"), python="3.8", platform="linux x86_64")
    d = diagnose_paste(index, target, "plotlibx==3.0.0\n", PASTE)
    assert not d.culprits, d.summary
