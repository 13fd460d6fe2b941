"""None (or plain data) met inside one pin, handed over by another: the handing pin's release that changed the call.

crdoconnor/strictyaml#17: strictyaml 0.5.1's loader runs ``RoundTripScanner.__init__(self)``;
ruamel.yaml 0.14 reads ``self.loader._reader`` and meets None.  strictyaml 0.5.2 passes
``loader=self``.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "/tmp/VENV2/lib/python2.7/site-packages/stricty/parser.py", line 6, in __init__
    RoundTripScanner.__init__(self)
  File "/tmp/VENV2/lib/python2.7/site-packages/ruamely/scanner.py", line 4, in __init__
    self.mark = self.loader._reader
AttributeError: 'NoneType' object has no attribute '_reader'
"""
SCANNER = ("class RoundTripScanner(object):\n    def __init__(self, loader=None):\n        self.loader = loader\n"
           "        self.mark = self.loader._reader\n")
CALL = "from ruamely.scanner import RoundTripScanner\n\n\nclass Loader(RoundTripScanner):\n    def __init__(self):\n        RoundTripScanner.__init__(self)\n"


def _universe(declares=True, fixed=True):
    def stricty(v, body):
        return {"version": v, "requires_dist": ["ruamely"] if declares else [], "tag": "py2.py3-none-any",
                "files": {"stricty/__init__.py": "", "stricty/parser.py": body}}

    later = CALL.replace("__init__(self)\n", "__init__(self, loader=self)\n") if fixed else CALL + "\nx = 1\n"
    return {"ruamely": [{"version": "0.14.1", "tag": "py2.py3-none-any", "files": {"ruamely/__init__.py": "", "ruamely/scanner.py": SCANNER}}],
            "stricty": [stricty("0.5.1", CALL), stricty("0.5.2", later)]}


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="2.7")
    return diagnose_paste(index, target, "stricty==0.5.1\nruamely==0.14.1\n", PASTE)


def test_the_pin_that_handed_none_over_moves_to_its_release_that_changed_the_call(index_for):
    d = _diagnose(index_for, _universe())
    assert ("stricty", ">=0.5.2") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_handing_pin_that_did_not_change_the_call_is_left(index_for):
    d = _diagnose(index_for, _universe(fixed=False))
    assert ("stricty", ">=0.5.2") not in [(c.name, c.constraint) for c in d.culprits], d.summary
