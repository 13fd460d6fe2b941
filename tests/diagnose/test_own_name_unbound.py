"""A pin's own module raises "name 'X' is not defined": it binds X nowhere, or only after its import ran the function (undefined.py).

matplotlib/matplotlib#17962: matplotlib 3.3.0's ``_get_data_path`` writes ``defaultParams['datapath']``,
but 3.3.0 binds ``defaultParams`` near the end of its ``__init__``, after the import already ran
``_get_data_path()``; 3.2.2 imported it at the top.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "app.py", line 1, in <module>
    import mplz
  File "/venv/lib/python3.7/site-packages/mplz/__init__.py", line 9, in <module>
    path = _get_data_path()
  File "/venv/lib/python3.7/site-packages/mplz/__init__.py", line 5, in _get_data_path
    defaultParams['datapath'][0] = 'x'
NameError: name 'defaultParams' is not defined
"""
EARLY = ("from mplz.rcsetup import defaultParams\n\n\n"
         "def _get_data_path():\n    defaultParams['datapath'][0] = 'x'\n    return 'x'\n\n\npath = _get_data_path()\n")
LATE = ("import os\n\n\n\ndef _get_data_path():\n    defaultParams['datapath'][0] = 'x'\n    return 'x'\n\n"
        "path = _get_data_path()\n\nif True:\n    defaultParams = {'datapath': [None]}\n")
GONE = "import os\n\n\n\ndef _get_data_path():\n    defaultParams['datapath'][0] = 'x'\n    return 'x'\n\npath = _get_data_path()\n"
FIXED = "import os\n\n\n\ndef _get_data_path():\n    return 'x'\n\n\npath = _get_data_path()\n"


def _universe(pinned=LATE, later=FIXED):
    bodies = [("3.2.1", EARLY), ("3.2.2", EARLY), ("3.3.0", pinned), ("3.3.1", pinned), ("3.3.2", later)]
    return {"mplz": [{"version": v, "files": {"mplz/__init__.py": b, "mplz/rcsetup.py": "defaultParams = {}\n"}}
                     for v, b in bodies]}


def _diagnose(index_for, **kw):
    index, target = index_for(_universe(**kw), python="3.7")
    return diagnose_paste(index, target, "mplz==3.3.0\n", PASTE)


def test_a_name_bound_only_after_the_import_ran_the_function_goes_back_and_forward(index_for):
    d = _diagnose(index_for)
    assert d.verdict == "direct", d.summary
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("mplz", "<=3.2.2"), ("mplz", ">=3.3.2")], d.summary


def test_a_name_the_module_binds_nowhere_is_the_same_slip(index_for):
    d = _diagnose(index_for, pinned=GONE)
    assert ("mplz", "<=3.2.2") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_name_bound_before_the_import_ran_it_has_another_cause(index_for):
    bound_first = LATE.replace("import os\n", "defaultParams = {}\n", 1)
    d = _diagnose(index_for, pinned=bound_first)
    assert not d.culprits, d.summary


def test_a_star_import_may_bind_it_where_no_line_says_so(index_for):
    d = _diagnose(index_for, pinned=GONE.replace("import os\n", "from os.path import *\n", 1))
    assert not d.culprits, d.summary
