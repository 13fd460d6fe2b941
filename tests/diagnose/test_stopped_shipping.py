""""No module named configparser": the pin whose release before the pinned one installed that top-level module.

nipy/nipype#1699: future 0.15.2 installed a top-level ``configparser`` on Python 2; 0.16.0 stopped, and nipype
0.12.1's ``import configparser`` failed.  No pin installs the module now, so the one pin whose earlier release
did goes back to the newest release that installs it.
"""
from tests.support.diagnose_crashes import diagnose_paste

TAG = "py2.py3-none-any"
PASTE = """Traceback (most recent call last):
  File "/usr/lib/python2.7/site-packages/nipypey/config.py", line 1, in <module>
    import configparser
ImportError: No module named configparser
"""
REQS = "nipypey==0.12.1\nfuturey==0.16.0\n"


def _universe(ships_before=True):
    def futurey(v, ships):
        files = {"future/__init__.py": ""}
        if ships:
            files["configparser/__init__.py"] = "from ConfigParser import *\n"
        return {"version": v, "tag": TAG, "files": files}
    return {"futurey": [futurey("0.15.0", ships_before), futurey("0.15.2", ships_before), futurey("0.16.0", False)],
            "nipypey": [{"version": "0.12.1", "tag": TAG, "requires_dist": ["futurey>=0.15"],
                         "files": {"nipypey/__init__.py": "", "nipypey/config.py": "import configparser\n"}}]}


def test_the_pin_that_stopped_installing_the_module_goes_back(index_for):
    index, target = index_for(_universe(), python="2.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("futurey", "<=0.15.2")], d.summary


def test_no_pin_that_ever_installed_it_moves_nothing(index_for):
    index, target = index_for(_universe(ships_before=False), python="2.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not d.culprits, d.summary
