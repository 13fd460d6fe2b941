"""Python 2's "'module' object has no attribute 'X'" with no frame: the one pin whose module lacks X.

duckietown/Software#193: ruamel.yaml 0.10.23 has no ``UnsafeLoader``; later releases do.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'module' object has no attribute 'UnsafeLoader'\n"


def _universe():
    return {
        "ruamelx.yaml": [{"version": v, "files": {"ruamelx/__init__.py": "", "ruamelx/yaml/__init__.py": body}}
                         for v, body in (("0.10.23", "class Loader(object):\n    pass\n"),
                                         ("0.15.33", "class Loader(object):\n    pass\n\nclass UnsafeLoader(Loader):\n    pass\n"))],
        "otherx": [{"version": "1.0", "files": {"otherx/__init__.py": "x = 1\n"}}],
    }


def test_the_one_pin_whose_module_lacks_the_name_moves(index_for):
    index, target = index_for(_universe(), python="3.4")
    d = diagnose_paste(index, target, "ruamelx.yaml==0.10.23\notherx==1.0\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("ruamelx.yaml", ">=0.15.33")], d.summary


def test_a_name_every_release_has_says_nothing(index_for):
    index, target = index_for(_universe(), python="3.4")
    d = diagnose_paste(index, target, "ruamelx.yaml==0.10.23\notherx==1.0\n", PASTE.replace("UnsafeLoader", "Loader"))
    assert not d.culprits, d.summary
