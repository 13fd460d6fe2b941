"""A TypeError the standard library raises on what a pin's own line hands it: that line is the pin's change.

pywinauto/pywinauto#283: pywinauto 0.6.0's ``win32functions.py`` runs ``ctypes.windll.LoadLibrary(u"Shcore.dll")``
at import; CPython 2.7.13's ctypes refuses a unicode name.  The line came in 0.5.2 and 0.6.1 passes a byte
string: the stdlib frames below the pin's line are stepped over, and both ways out are offered.
"""
from tests.support.diagnose_crashes import diagnose_paste

TAG = "py2.py3-none-any"
PASTE = """Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "/usr/lib/python2.7/site-packages/winauty/__init__.py", line 1, in <module>
    from . import functions
  File "/usr/lib/python2.7/site-packages/winauty/functions.py", line 3, in <module>
    shcore = ctypes.windll.LoadLibrary(u"Shcore.dll")
  File "/usr/lib/python2.7/ctypes/__init__.py", line 440, in LoadLibrary
    return self._dlltype(name)
  File "/usr/lib/python2.7/ctypes/__init__.py", line 362, in __init__
    self._handle = _dlopen(self._name, mode)
TypeError: LoadLibrary() argument 1 must be string, not unicode
"""
BEFORE = "import ctypes\n\nuser32 = ctypes.windll.user32\n"
UNICODE = BEFORE + 'shcore = ctypes.windll.LoadLibrary(u"Shcore.dll")\n'
BYTES = BEFORE + 'shcore = ctypes.windll.LoadLibrary("Shcore.dll")\n'


def _universe(fixed=BYTES):
    texts = (("0.5.0", BEFORE), ("0.5.1", BEFORE), ("0.5.2", UNICODE), ("0.5.3", UNICODE), ("0.5.4", UNICODE),
             ("0.6.0", UNICODE), ("0.6.1", fixed), ("0.6.2", fixed))
    return {"winauty": [{"version": v, "tag": TAG, "files": {"winauty/__init__.py": "from . import functions\n",
                                                             "winauty/functions.py": text}} for v, text in texts]}


def test_the_release_before_the_line_came_and_the_one_that_reworded_it(index_for):
    index, target = index_for(_universe(), python="2.7")
    d = diagnose_paste(index, target, "winauty==0.6.0\n", PASTE)
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("winauty", "<=0.5.1"), ("winauty", ">=0.6.1")], d.summary


def test_a_line_no_release_changed_gives_no_way_out(index_for):
    universe = _universe(fixed=UNICODE)
    for r in universe["winauty"]:
        r["files"]["winauty/functions.py"] = UNICODE
    index, target = index_for(universe, python="2.7")
    d = diagnose_paste(index, target, "winauty==0.6.0\n", PASTE)
    assert not d.culprits, d.summary
