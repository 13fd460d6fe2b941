"""An extension compiled against NumPy 1.x under NumPy 2: its first release whose wheel was built against NumPy 2.

shapely/shapely#1972: shapely 2.0.1 under numpy 2.2 ("_ARRAY_API not found"); 2.0.4's wheels were
built with NumPy 2, whose C-API header imports ``numpy._core._multiarray_umath`` first.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

OLD_SO = "\x7fELF\x00numpy.core._multiarray_umath\x00_ARRAY_API\x00"
NEW_SO = "\x7fELF\x00numpy._core._multiarray_umath\x00numpy.core._multiarray_umath\x00_ARRAY_API\x00"
UNIVERSE = {
    "numpy": [{"version": "1.26.4"}, {"version": "2.2.4"}],
    "shapy": [{"version": v, "requires_dist": ["numpy>=1.14"],
               "files": {"shapy/__init__.py": "from .lib import GEOSException\n", "shapy/lib.cpython-311-x86_64-linux-gnu.so": so}}
              for v, so in (("2.0.1", OLD_SO), ("2.0.2", OLD_SO), ("2.0.4", NEW_SO))],
}
PASTE = ('Traceback (most recent call last):\n'
         '  File "/venv/lib/python3.11/site-packages/shapy/__init__.py", line 1, in <module>\n'
         "    from .lib import GEOSException\n"
         "AttributeError: _ARRAY_API not found\n")


def test_the_extensions_first_numpy2_build_is_offered_beside_holding_numpy_back(index_for):
    index, target = index_for(UNIVERSE, python="3.11")
    pins = parse_requirements_text("shapy==2.0.1\nnumpy==2.2.4\n", target)
    (crash,) = parse_traceback(PASTE)
    crash = attribute(crash, pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    got = [(c.name, c.constraint) for c in d.culprits]
    assert ("numpy", "<2") in got and ("shapy", ">=2.0.4") in got
