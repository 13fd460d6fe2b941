"""A Cython module's init frame names the module, dotted or not: ``in init epr`` is pyepr's ``epr``.

avalentino/pyepr#15: pyepr 1.1.5's extension ``epr`` (built against NumPy 1) under NumPy 2
prints ``File "src\\\\epr.pyx", line 1, in init epr``.  The pin is not named like the module;
the index's listing of its wheel says it ships the top-level ``epr``.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.requirements import parse_requirements_text

PASTE = ('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
         '  File "src\\\\epry.pyx", line 1, in init epry\n'
         "ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject\n")
UNIVERSE = {"pyepry": [{"version": "1.1.5", "files": {"epry.py": "x = 1\n"}}],
            "numpyy": [{"version": "2.2.3", "files": {"numpyy/__init__.py": ""}}]}


def _last_frame(index, target, paste):
    pins = parse_requirements_text("pyepry==1.1.5\nnumpyy==2.2.3\n", target)
    return attribute(parse_traceback(paste)[0], pins, target=target, installed=False, index=index).final.frames[-1]


def test_the_init_frame_of_a_module_a_pin_ships_is_that_pins(index_for):
    index, target = index_for(UNIVERSE, python="3.12", platform="win_amd64")
    frame = _last_frame(index, target, PASTE)
    assert (frame.owner, frame.dist, frame.version) == ("dist", "pyepry", "1.1.5")


def test_the_init_frame_of_a_module_no_pin_ships_stays_the_projects(index_for):
    index, target = index_for(UNIVERSE, python="3.12", platform="win_amd64")
    frame = _last_frame(index, target, PASTE.replace("epry", "other"))
    assert frame.owner == "project"
