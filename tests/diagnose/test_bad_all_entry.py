"""A star import fails on a name the module's own ``__all__`` lists but no identifier could be.

getsentry/sentry-python#4139: sentry-sdk 2.23.0 listed ``"_experimental_logger.py"`` in
``sentry_sdk.__all__``; 2.22.0 and 2.23.1 did not.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = ("E   AttributeError: module 'sentryx' has no attribute '_experimental_logger.py'. "
         "Did you mean: '_experimental_logger'?\n")
GOOD = "__all__ = ['init', 'capture']\n\ndef init():\n    pass\n\ndef capture():\n    pass\n"
BAD = "__all__ = ['init', 'capture', '_experimental_logger.py']\n\ndef init():\n    pass\n\ndef capture():\n    pass\n"


def _diagnose(index_for, bodies, pinned="2.23.0"):
    universe = {"sentryx": [{"version": v, "files": {"sentryx/__init__.py": b}} for v, b in bodies]}
    index, target = index_for(universe, python="3.10")
    return diagnose_paste(index, target, f"sentryx=={pinned}\n", PASTE)


def test_the_releases_whose_all_does_not_list_it(index_for):
    d = _diagnose(index_for, [("2.22.0", GOOD), ("2.23.0", BAD), ("2.23.1", GOOD)])
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("sentryx", "<=2.22.0"), ("sentryx", ">=2.23.1")]
    assert d.verdict == "direct", d.summary


def test_an_all_that_does_not_list_it_says_nothing(index_for):
    d = _diagnose(index_for, [("2.22.0", GOOD), ("2.23.0", GOOD)])
    assert not d.culprits, d.summary


def test_an_all_built_any_other_way_is_unknown():
    from pytest_depfix.diagnose.verdict import _all_lists

    assert _all_lists("__all__ = ['a']\n__all__.append('x.py')\n", "x.py") is None
    assert _all_lists("__all__ = list(_B)\n", "x.py") is None
    assert _all_lists("__all__ = ['a', 'x.py']\n", "x.py") is True


# -- two adjacent strings with no comma between them: frol/flask-restplus-server-example#49 --------
# flask-restplus 0.10.0's __all__ has 'SchemaModel' and 'abort' on two lines with no comma:
# Python joins them into 'SchemaModelabort', which `from flask_restplus import *` cannot find.

JOINED = ("from .model import SchemaModel\nfrom .errors import abort\n\n"
          "__all__ = (\n    'SchemaModel'\n    'abort',\n)\n")
LISTED = "from .model import SchemaModel\nfrom .errors import abort\n\n__all__ = (\n    'SchemaModel',\n    'abort',\n)\n"
GHOST = "from .model import SchemaModel\n\n__all__ = ('SchemaModel', 'SchemaModelabort')\n"


def _joined(index_for, pinned_body):
    files = lambda body: {"restx/__init__.py": body, "restx/model.py": "class SchemaModel:\n    pass\n",
                          "restx/errors.py": "def abort():\n    pass\n"}
    universe = {"restx": [{"version": v, "files": files(b)} for v, b in
                          (("0.9.2", LISTED), ("0.10.0", pinned_body), ("0.10.1", LISTED))]}
    index, target = index_for(universe, python="3.5")
    return diagnose_paste(index, target, "restx==0.10.0\n",
                          "AttributeError: module 'restx' has no attribute 'SchemaModelabort'\n")


def test_a_name_two_strings_with_no_comma_spell_is_a_bad_entry(index_for):
    d = _joined(index_for, JOINED)
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("restx", "<=0.9.2"), ("restx", ">=0.10.1")], d.summary
    assert d.verdict == "direct"


def test_a_listed_identifier_no_strings_join_into_is_not_read_so(index_for):
    d = _joined(index_for, GHOST)
    assert not d.culprits, d.summary
