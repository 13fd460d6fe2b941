"""Reviewed (s7): ``_named_by_strings`` (users.py, a3a7c69) counts strings that cannot fail, and ignores guards.

Any call with a string argument equal to ``"module.name"`` is added to the
*AttributeError* uses, and ``_live`` then judges it with ``raises="AttributeError"``:

- ``try: importlib.import_module("sklearn.externals.joblib") / except ImportError:`` is the
  optional-import idiom spelled with a string; the handler catches what that call raises
  (ImportError), exactly as it would for ``from sklearn.externals import joblib`` - which
  ``uses_in_source`` rightly calls guarded - but the string hit is judged as an
  AttributeError, so the ``except ImportError`` does not guard it: a live use;
- ``importlib.util.find_spec("sklearn.externals.joblib")`` is an existence check (it returns
  None for a missing submodule);
- ``logging.getLogger("sklearn.externals.joblib")`` is just a logger name.

None of these can raise because ``sklearn.externals.joblib`` is gone, yet each makes the
release "use" it: a frameless paste gets this pin as its caller, and a release that
still has only the guarded form never counts as adapted (its fix is never offered).

Suggested fix: judge a module-path string (``import_module``/``wrap_function_wrapper``-style,
the first argument) with ``raises="ImportError"`` like an import, and only count strings
passed to callables known to resolve them (``importlib.import_module``, ``__import__``,
``wrapt.wrap_function_wrapper``/``patch``, ``mock.patch``, ``pkgutil.resolve_name``),
not any call (``getLogger``, ``find_spec``, ``warnings.filterwarnings``, ``print``...).
"""

from __future__ import annotations

import pytest

from pytest_depfix.diagnose.users import uses_in_source

GUARDED = """\
import importlib
try:
    joblib = importlib.import_module("sklearn.externals.joblib")
except ImportError:
    import joblib
"""

FIND_SPEC = """\
import importlib.util
HAS_JOBLIB = importlib.util.find_spec("sklearn.externals.joblib") is not None
"""

LOGGER = """\
import logging
log = logging.getLogger("sklearn.externals.joblib")
"""


@pytest.mark.parametrize("text", [GUARDED, FIND_SPEC, LOGGER], ids=["guarded-import_module", "find_spec", "getLogger"])
def test_a_string_that_cannot_fail_is_no_use(text):
    assert uses_in_source(text, "sklearn.externals", "joblib", "ImportError") is None


def test_the_same_guard_spelled_as_an_import_is_no_use():
    # the reference behaviour the string form should match
    text = "try:\n    from sklearn.externals import joblib\nexcept ImportError:\n    import joblib\n"
    assert uses_in_source(text, "sklearn.externals", "joblib", "ImportError") is None
