"""A fallback import in an ``except ImportError`` handler runs when the ``try`` failed.

statsmodels 0.13.0's compat module reads::

    try:
        from pandas import NumericIndex
    except ImportError:
        from pandas import Int64Index as NumericIndex

pandas 2.0 has neither name, so the handler's import fails just like 0.12.2's
plain ``from pandas import Int64Index``: 0.13.0 has not adapted to pandas 2.0.
The same shape is a real adaptation when the pinned callee has the name the
``try`` asks for (``try: from jinja2 import pass_context`` / ``except
ImportError: from jinja2 import contextfunction`` under Jinja2 3.1), so the
pinned callee is asked; when it cannot tell, the handler stays a guard.
"""

from __future__ import annotations

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.users import uses_in_source
from pytest_depfix.requirements import parse_requirements_text

FALLBACK = ("try:\n    from pandas import NumericIndex\nexcept ImportError:\n"
            "    from pandas import Int64Index as NumericIndex\n")


def test_the_handlers_import_is_a_use_when_the_callee_lacks_what_the_try_asks_for():
    use = uses_in_source(FALLBACK, "pandas", "Int64Index", lacks=lambda m, n: n == "NumericIndex")
    assert use is not None and use.line == 4


def test_it_stays_a_guard_when_the_callee_has_it_or_nobody_can_tell():
    assert uses_in_source(FALLBACK, "pandas", "Int64Index", lacks=lambda m, n: False) is None
    assert uses_in_source(FALLBACK, "pandas", "Int64Index", lacks=lambda m, n: None) is None
    assert uses_in_source(FALLBACK, "pandas", "Int64Index") is None


def test_a_try_on_another_module_is_never_asked():
    asked = []
    src = "try:\n    from collections.abc import Mapping\nexcept ImportError:\n    from collections import Mapping\n"
    assert uses_in_source(src, "collections", "Mapping", lacks=lambda m, n: asked.append((m, n)) or True) is None
    assert asked == []


def universe():
    return {
        "pandasish": [
            {"version": "1.5.3", "upload_time": "2023-01-19T00:00:00Z",
             "files": {"pandasish/__init__.py": "Int64Index = NumericIndex = object\n"}},
            {"version": "2.0.0", "upload_time": "2023-04-03T00:00:00Z", "files": {"pandasish/__init__.py": "Index = object\n"}},
        ],
        "statsish": [
            {"version": "0.12.2", "upload_time": "2021-02-02T00:00:00Z", "requires_dist": ["pandasish>=0.21"],
             "files": {"statsish/__init__.py": "from pandasish import Int64Index\n"}},
            {"version": "0.13.0", "upload_time": "2021-10-01T00:00:00Z", "requires_dist": ["pandasish>=0.25"],
             "files": {"statsish/__init__.py": FALLBACK.replace("pandas ", "pandasish ")}},
            {"version": "0.13.2", "upload_time": "2022-02-08T00:00:00Z", "requires_dist": ["pandasish>=0.25"],
             "files": {"statsish/__init__.py": "import pandasish as pd\n\ndef is_int_index(i):\n    return isinstance(i, pd.Index)\n"}},
        ],
    }


def test_the_caller_moves_past_the_release_whose_fallback_still_fails(index_for):
    index, target = index_for(universe(), python="3.8")
    pins = parse_requirements_text("statsish==0.12.2\npandasish==2.0.0\n", target)
    crash = infer_message("cannot import name 'Int64Index' from 'pandasish'\n", load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    moves = {(c.name, c.constraint) for c in d.culprits}
    assert ("statsish", ">=0.13.2") in moves, moves
    assert ("statsish", ">=0.13.0") not in moves


def test_an_attribute_read_only_after_a_hasattr_flag_or_version_test_is_guarded():
    # transformers 4.43.2: 'is_torch_e4m3fn_available = hasattr(torch, "float8_e4m3fn")' then
    # 'is_torch_e4m3fn_available and param.dtype == torch.float8_e4m3fn'
    src = ("import torch\nis_torch_e4m3fn_available = hasattr(torch, 'float8_e4m3fn')\n\n"
           "def f(param):\n    a = is_torch_e4m3fn_available and param.dtype == torch.float8_e4m3fn\n"
           "    b = torch.float8_e4m3fn if hasattr(torch, 'float8_e4m3fn') else None\n    return a, b\n")
    assert uses_in_source(src, "torch", "float8_e4m3fn", "AttributeError") is None
    flag_unrelated = "import torch\nready = True\nx = ready and torch.float8_e4m3fn\n"
    assert uses_in_source(flag_unrelated, "torch", "float8_e4m3fn", "AttributeError").line == 3
    after_or = "import torch\nok = hasattr(torch, 'x')\ny = ok or torch.float8_e4m3fn\n"
    assert uses_in_source(after_or, "torch", "float8_e4m3fn", "AttributeError").line == 3


def test_either_side_of_a_conditional_expression_on_hasattr_is_written_for_its_numpy():
    # neurokit2 0.2.13 (NeuroKit#1159): '_trapezoid = np.trapezoid if hasattr(np, "trapezoid") else np.trapz'
    src = "import numpy as np\n\ndef f(x):\n    t = np.trapezoid if hasattr(np, 'trapezoid') else np.trapz\n    return t(x)\n"
    assert uses_in_source(src, "numpy", "trapz", "AttributeError") is None
    plain = "import numpy as np\n\ndef f(x, ok):\n    t = np.trapezoid if ok else np.trapz\n    return t(x)\n"
    assert uses_in_source(plain, "numpy", "trapz", "AttributeError").line == 4


def test_a_release_that_kept_the_failing_import_only_as_a_fallback_is_found_before_the_one_that_deleted_it(index_for):
    # explorerhq/sql-explorer#330: 1.1.1 picks the old import by 'if django.VERSION[1] >= 10: ... else:',
    # which Django 2.0 (VERSION[1] == 0) takes; 1.1.2 tries django.urls first; 2.0 deletes the old line.
    old = ("import djangoish\nif djangoish.VERSION[1] >= 10:\n    from djangoish.urls import reverse\n"
           "else:\n    from djangoish.core.urlresolvers import reverse\n")
    fallback = ("try:\n    from djangoish.urls import reverse\nexcept ImportError:\n"
                "    from djangoish.core.urlresolvers import reverse\n")
    universe = {
        "djangoish": [
            {"version": "1.11.29", "upload_time": "2020-03-04T00:00:00Z",
             "files": {"djangoish/__init__.py": "VERSION = (1, 11)\n", "djangoish/urls.py": "def reverse(): pass\n",
                       "djangoish/core/__init__.py": "", "djangoish/core/urlresolvers.py": "def reverse(): pass\n"}},
            {"version": "2.0.3", "upload_time": "2018-03-06T00:00:00Z",
             "files": {"djangoish/__init__.py": "VERSION = (2, 0)\n", "djangoish/urls.py": "def reverse(): pass\n",
                       "djangoish/core/__init__.py": ""}},
        ],
        "explorerish": [
            {"version": "1.1.1", "upload_time": "2017-11-01T00:00:00Z", "requires_dist": ["djangoish"],
             "files": {"explorer/__init__.py": "", "explorer/models.py": old}},
            {"version": "1.1.2", "upload_time": "2018-08-25T00:00:00Z", "requires_dist": ["djangoish"],
             "files": {"explorer/__init__.py": "", "explorer/models.py": fallback}},
            {"version": "2.0", "upload_time": "2020-01-01T00:00:00Z", "requires_dist": ["djangoish"],
             "files": {"explorer/__init__.py": "", "explorer/models.py": "from djangoish.urls import reverse\n"}},
        ],
    }
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("djangoish==2.0.3\nexplorerish==1.1.1\n", target)
    from pytest_depfix.crash import attribute, parse_traceback

    paste = ("Traceback (most recent call last):\n"
             '  File "/Users/j/Envs/n/lib/python3.6/site-packages/explorer/models.py", line 5, in <module>\n'
             "    from djangoish.core.urlresolvers import reverse\n"
             "ModuleNotFoundError: No module named 'djangoish.core.urlresolvers'\n")
    crash = attribute(parse_traceback(paste)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    moves = {(c.name, c.constraint) for c in d.culprits}
    assert ("explorerish", ">=1.1.2") in moves, moves
    assert ("explorerish", ">=2.0") not in moves


def test_a_try_on_a_sibling_module_of_the_callee_is_asked_too():
    # flask-restx 1.1.0: 'try: from flask.helpers import _endpoint_from_view_func' /
    # 'except ImportError: from flask.scaffold import ...'; Flask 3.0 has neither.
    src = ("try:\n    from flask.helpers import _endpoint_from_view_func\nexcept ImportError:\n"
           "    from flask.scaffold import _endpoint_from_view_func\n")
    lacks = lambda m, n: (m, n) == ("flask.helpers", "_endpoint_from_view_func")  # noqa: E731
    use = uses_in_source(src, "flask.scaffold", "", "ModuleNotFoundError", lacks=lacks)
    assert use is not None and use.line == 4
    assert uses_in_source(src, "flask.scaffold", "_endpoint_from_view_func", lacks=lacks).line == 4
    assert uses_in_source(src, "flask.scaffold", "", "ModuleNotFoundError", lacks=lambda m, n: None) is None
