"""Reviewed (s4): the standard-library DLL wording is environment only for half the modules b036211 lists.

``_ENV_PATTERNS`` (families.py) names 19 standard-library extensions (``_decimal``, ``_elementtree``,
``_asyncio``, ``select``, ``unicodedata``, ``_zoneinfo``, ...), but that list is consulted only for exception
types other than ImportError, and "DLL load failed while importing X" is always an ImportError.  The
ImportError branch carries its own, shorter list (``_ssl`` ... ``_tkinter``), so on a non-English Windows
(the wording the design note says is handled "in any language") ``_decimal`` or ``unicodedata`` failing to
load its DLL is not environment: the crash is left "unknown".
"""
import pytest

from pytest_depfix.diagnose import families as F
from pytest_depfix.models import Crash, ExceptionRecord


@pytest.mark.parametrize("module", ["_decimal", "_elementtree", "_asyncio", "select", "unicodedata", "_zoneinfo"])
def test_every_listed_stdlib_extension_is_environment_as_an_import_error(module):
    msg = f"DLL load failed while importing {module}: Das angegebene Modul wurde nicht gefunden."
    sig = F.classify(Crash(exceptions=[ExceptionRecord(type="ImportError", message=msg)]))
    assert sig.family == F.ENVIRONMENT, (sig.family, sig.message)
