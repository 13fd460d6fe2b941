"""A frameless "__init__() takes from 6 to 7 positional arguments but 8 were given": find the call, ask its class.

bittremieux/falcon#31: falcon-ms 0.1.3 builds spectrum-utils' ``MsmsSpectrum`` with seven
arguments by position; spectrum-utils 0.4 dropped a positional parameter.  Python 3.8
names no class, so the set's calls of another pin's class with seven positionals are read.
"""
from tests.support.diagnose_crashes import diagnose_paste

OLD = "class MsmsSpectrum:\n    def __init__(self, identifier, mz, charge, mzs, intensities, annotation=None, rt=None):\n        pass\n"
NEW = "class MsmsSpectrum:\n    def __init__(self, identifier, mz, charge, mzs, intensities, rt=None):\n        pass\n"
CALLER = ("import spectry.spectrum as sus\n\n\ndef read(rows):\n"
          "    return [sus.MsmsSpectrum(r[0], r[1], r[2], r[3], r[4], None, r[5]) for r in rows]\n")
PASTE = "TypeError: __init__() takes from 6 to 7 positional arguments but 8 were given\n"


def _universe(new_in_old=False):
    def spectry(version, text):
        return {"version": version, "files": {"spectry/__init__.py": "", "spectry/spectrum.py": text}}
    return {"spectry": [spectry("0.3.4", NEW if new_in_old else OLD), spectry("0.3.5", NEW if new_in_old else OLD),
                        spectry("0.4.1", NEW)],
            "falconny": [{"version": "0.1.3", "requires_dist": ["spectry"],
                          "files": {"falconny/__init__.py": "", "falconny/reader.py": CALLER}}]}


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.8")
    return diagnose_paste(index, target, "falconny==0.1.3\nspectry==0.4.1\n", PASTE)


def test_the_one_call_with_that_many_positionals_names_the_class_whose_releases_take_them(index_for):
    d = _diagnose(index_for, _universe())
    assert d.verdict == "transitive", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("spectry", "<0.4.1")]
    assert "falconny 0.1.3 calls spectry.spectrum.MsmsSpectrum(...) with 7 arguments" in d.summary


def test_a_class_that_never_took_that_many_is_no_answer(index_for):
    d = _diagnose(index_for, _universe(new_in_old=True))
    assert not d.culprits
