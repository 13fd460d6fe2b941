"""Reviewed (s7): ``_fallback_imports`` (users.py, a3a7c69) drops the binding that actually runs.

The rule: an ``except ImportError`` handler that rebinds a name the ``try`` imported
from *another* package is "not the binding code runs with", so its import and every
attribute reached through it stop being uses.  The docstring justifies it with
thundra ("it declares requests, so ``requests`` is the real one"), but nothing checks
that the ``try`` side is a declared dependency - or even usually installed.  The
common optional-accelerator idiom is the opposite case::

    try:
        import cupy as xp        # optional, rarely installed
    except ImportError:
        import numpy as xp       # the declared dependency: what runs
    DTYPE = xp.float             # AttributeError on numpy >= 1.24

Before a3a7c69 ``uses_in_source(..., "numpy", "float")`` found line 5; now it says the
release does not use ``numpy.float`` at all, so a frameless ``module 'numpy' has no
attribute 'float'`` never finds this pin as the caller (and a later release that
really dropped ``xp.float`` would not look "adapted" against it either).  The same
happens for ``from django.utils import six`` / ``import six`` (Django 3.0 removed the
vendored six, so the handler is what runs on any current Django).

Suggested narrowing: only skip a handler import that is a vendored copy of the very
module the ``try`` imported (``import requests`` / ``from botocore.vendored import
requests``: the handler's imported leaf equals the try's module), or pass the release's
declared requirements in and skip only when the ``try`` side is declared.
"""

from __future__ import annotations

import pytest

from pytest_depfix.diagnose.users import uses_in_source

CUPY = """\
try:
    import cupy as xp
except ImportError:
    import numpy as xp

DTYPE = xp.float
"""

SIX = """\
try:
    from django.utils import six
except ImportError:
    import six

string_types = six.string_types
"""


@pytest.mark.parametrize("text,module,name,line", [(CUPY, "numpy", "float", 6), (SIX, "six", "string_types", 6)],
                         ids=["cupy-or-numpy", "django-six-or-six"])
def test_the_fallback_of_an_optional_package_is_a_use(text, module, name, line):
    use = uses_in_source(text, module, name, "AttributeError")
    assert use is not None and use.line == line


def test_the_vendored_copy_case_it_was_written_for_still_holds():
    # thundra 2.3.8's reporter (the motivating case): keep this answer when fixing the rule above
    text = ("try:\n    import requests\nexcept ImportError:\n    from botocore.vendored import requests\n"
            "requests.post('x')\n")
    assert uses_in_source(text, "botocore.vendored", "requests", "ImportError") is None
