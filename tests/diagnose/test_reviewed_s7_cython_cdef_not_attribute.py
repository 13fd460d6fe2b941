"""Reviewed (s7): ``Resolver._cython_defines`` (pysource.py, 7068bf2) says "yes" for C-only ``cdef`` names.

The pattern accepts ``cdef [qualifiers] [type] NAME`` at top level, so a plain ``cdef``
function (``cdef int helper(x):``, ``cdef object helper(x):``) and a module-level C
variable (``cdef object default_pool``, ``cdef CMemoryPool* pool``-style declarations)
count as the module having ``NAME``.  Neither is a Python attribute of the compiled
module: ``import pa.lib; pa.lib.helper`` raises AttributeError.  Only ``cdef class``,
``cpdef`` functions, ``def``/``class`` and plain assignments become module attributes.

Why it matters: a "yes" here turns "module 'pyarrow.lib' has no attribute X" into
"the pinned release has X, your installed copy is odd" (verdict environment) when a
release turned a ``def`` into a ``cdef`` (the name really left the Python surface),
so the real fix - the release that still exposed it - is never offered.  The docstring
promises only a "yes" for names defined at top level *as module attributes*; silence
(UNKNOWN) is the safe answer for these.
"""

from __future__ import annotations

import pytest

from pytest_depfix.diagnose.pysource import YES, DictTree, Resolver

SO = "pa/lib.cpython-310-x86_64-linux-gnu.so"


def resolver(pyx: str) -> Resolver:
    return Resolver(DictTree({"pa/__init__.py": "", SO: "\x7fELF", "pa/lib.pyx": pyx}))


@pytest.mark.parametrize("pyx", [
    "cdef int helper(int x):\n    return x\n",               # C function, no Python wrapper
    "cdef object helper(x):\n    return x\n",
    "cdef inline helper(x):\n    return x\n",
    "cdef helper(x):\n    return x\n",
    "cdef object helper = None\n",                            # module-level C variable
    "cdef public int helper\n",
], ids=["cdef-int-fn", "cdef-object-fn", "cdef-inline-fn", "cdef-untyped-fn", "cdef-object-var", "cdef-public-var"])
def test_a_cdef_function_or_variable_is_no_module_attribute(pyx):
    found = resolver(pyx).lookup("pa.lib", "helper")
    assert found.value != YES, found.evidence


def test_cpdef_and_cdef_class_still_count():
    # the part of the rule that is right, so a fix keeps it
    assert resolver("cpdef int helper(int x):\n    return x\n").lookup("pa.lib", "helper").value == YES
    assert resolver("cdef class helper:\n    pass\n").lookup("pa.lib", "helper").value == YES
