"""Python 2's "'module' object has no attribute 'TRACEROUTE_VRF'", no frame: the module the set reads it off.

napalm-automation/napalm-junos#129: napalm-junos 0.6.4 reads ``C.TRACEROUTE_VRF``, where ``C`` is its own
``constants`` module, which star-imports napalm-base's; the constant came in napalm-base 0.23.0.  The
receiver is followed through the reader's imports (and one star import) to the owner pin's module,
which is asked which releases have the name.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'module' object has no attribute 'TRACEROUTE_VRF'\n"
TAG = "py2.py3-none-any"
REQS = "juny==0.6.4\nbasey==0.21.0\n"
OLD = "TRACEROUTE_TTL = 255\n"
NEW = OLD + "TRACEROUTE_VRF = ''\n"
DRIVER = "import juny.constants as C\n\n\ndef traceroute(dest, vrf=C.TRACEROUTE_VRF):\n    print dest\n"


def _universe(own_constants="from basey.constants import *\n", driver=DRIVER):
    return {"basey": [{"version": v, "tag": TAG, "files": {"basey/__init__.py": "", "basey/constants.py": text}}
                      for v, text in (("0.20.3", OLD), ("0.21.0", OLD), ("0.22.0", OLD), ("0.23.0", NEW))],
            "juny": [{"version": "0.6.4", "tag": TAG, "requires_dist": ["basey>=0.20.3"],
                      "files": {"juny/__init__.py": "", "juny/constants.py": own_constants, "juny/driver.py": driver}}]}


def test_the_star_imported_module_of_another_pin_is_asked(index_for):
    index, target = index_for(_universe(), python="2.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("basey", ">=0.23.0")], d.summary


def test_a_receiver_imported_straight_from_the_other_pin_is_asked(index_for):
    driver = DRIVER.replace("import juny.constants as C", "from basey import constants as C")
    index, target = index_for(_universe(driver=driver), python="2.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("basey", ">=0.23.0")], d.summary


def test_a_reader_whose_own_module_binds_the_name_moves_no_pin(index_for):
    own = "from basey.constants import *\nTRACEROUTE_VRF = ''\n"
    index, target = index_for(_universe(own_constants=own), python="2.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not d.culprits, d.summary
