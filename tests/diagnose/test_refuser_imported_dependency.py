"""A refusal every release of its pin raises: the dependency its package imports that opened a later series after it.

azavea/docker-django#159: Django 2.2.24 (uploaded 2021-06-02) raises "database connection isn't set
to UTC" from ``django/db/backends/postgresql/utils.py`` whenever psycopg2 hands its tzinfo factory a
non-zero offset; psycopg2 2.9 (2021-06-14) began handing it a timedelta.  Django does not declare
psycopg2 (an optional backend is imported, not declared), and 2.9 is a new minor, not a new major.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AssertionError: database connection isn't set to UTC\n"
UTILS = ("def utc_tzinfo_factory(offset):\n    if offset != 0:\n"
         "        raise AssertionError(\"database connection isn't set to UTC\")\n    return None\n")
BASE = "import psycopgy\n\nfrom .utils import utc_tzinfo_factory\n\n\nclass DatabaseWrapper:\n    pass\n"


def _universe(imported=True):
    def django(v, when):
        files = {"djangoy/__init__.py": "", "djangoy/db/__init__.py": "", "djangoy/db/backends/__init__.py": "",
                 "djangoy/db/backends/pg/__init__.py": "", "djangoy/db/backends/pg/utils.py": UTILS,
                 "djangoy/db/backends/pg/base.py": BASE if imported else BASE.replace("import psycopgy\n", "")}
        return {"version": v, "upload_time": when, "files": files}

    def psycopg(v, when):
        return {"version": v, "upload_time": when, "files": {"psycopgy/__init__.py": ""}}

    return {"djangoy": [django("2.2.23", "2021-05-01T00:00:00Z"), django("2.2.24", "2021-06-02T00:00:00Z")],
            "psycopgy": [psycopg("2.8.5", "2020-04-06T00:00:00Z"), psycopg("2.8.6", "2020-09-06T00:00:00Z"),
                         psycopg("2.9.0", "2021-06-14T00:00:00Z"), psycopg("2.9.1", "2021-06-17T00:00:00Z")]}


def test_the_dependency_its_package_imports_goes_back_to_the_series_the_refuser_knew(index_for):
    index, target = index_for(_universe(), python="3.9")
    d = diagnose_paste(index, target, "djangoy==2.2.24\npsycopgy==2.9.1\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("psycopgy", "<=2.8.6")], d.summary
    assert d.verdict == "transitive"


def test_a_pin_the_refusers_package_never_imports_is_not_suspected(index_for):
    index, target = index_for(_universe(imported=False), python="3.9")
    d = diagnose_paste(index, target, "djangoy==2.2.24\npsycopgy==2.9.1\n", PASTE)
    assert not d.culprits, d.summary


def test_a_path_part_that_abbreviates_a_word_of_the_message_is_read_first():
    from pytest_depfix.diagnose.raised import _names_word

    said = {"database", "connection", "isn", "set", "to", "utc"}
    assert _names_word("db", said)
    assert not _names_word("backends", said)
    assert not _names_word("d", said)
