"""A library's own ImportError saying a name "has been moved to" another package is a removed name.

intel/ipex-llm#8617: fschat 0.2.20 imports ``BaseSettings`` from pydantic; pydantic 2.0 raises
``pydantic.errors.PydanticImportError: BaseSettings has been moved to the pydantic-settings package``.
"""
import time

from pytest_depfix.crash import parse_traceback
from pytest_depfix.diagnose.families import IMPORT_NAME, classify
from tests.support.diagnose_crashes import diagnose_paste

PASTE = ("pydantic.errors.PydanticImportError: BaseSettings has been moved to the pydantic-settings package. "
         "See https://docs.pydantic.dev/2.0/migration/#basesettings-has-moved-to-pydantic-settings for more details.\n")


def _sig(text):
    return classify(parse_traceback(text)[0])


def test_the_moved_name_reads_as_a_name_the_raising_package_dropped():
    sig = _sig(PASTE)
    assert (sig.family, sig.module, sig.name) == (IMPORT_NAME, "pydantic", "BaseSettings")
    assert sig.detail["moved_to"] == "pydantic-settings"


def test_a_module_qualified_name_keeps_its_module():
    sig = _sig("pydantic.errors.PydanticImportError: `pydantic.generics:GenericModel` has been moved to `pydantic.BaseModel`.\n")
    assert (sig.family, sig.module, sig.name) == (IMPORT_NAME, "pydantic.generics", "GenericModel")


def test_a_plain_error_saying_moved_is_not_read_so():
    assert _sig("ValueError: the file has been moved to the archive folder\n").family != IMPORT_NAME


def test_a_long_line_is_read_quickly():
    start = time.perf_counter()
    _sig("x.errors.XImportError: " + "a" * 50_000 + " has been moved to\n")
    assert time.perf_counter() - start < 0.5


def test_both_the_caller_and_the_package_are_ways_out(index_for):
    universe = {
        "pydanticy": [{"version": v, "files": {"pydanticy/__init__.py": body}} for v, body in
                      (("1.10.0", "class BaseSettings:\n    pass\n"), ("2.0", "class BaseModel:\n    pass\n"))],
        "fschaty": [{"version": v, "requires_dist": ["pydanticy"], "files": {"fschaty/__init__.py": "", "fschaty/api.py": body}}
                    for v, body in (("0.2.20", "from pydanticy import BaseSettings\n"),
                                    ("0.2.36", "from pydantic_settings import BaseSettings\n"))],
    }
    index, target = index_for(universe)
    d = diagnose_paste(index, target, "fschaty==0.2.20\npydanticy==2.0\n", PASTE.replace("pydantic.errors", "pydanticy.errors"))
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("fschaty", ">=0.2.36") in got and any(n == "pydanticy" and "<2.0" in c for n, c in got), d.summary
