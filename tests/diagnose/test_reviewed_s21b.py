"""Review of session 21's readings (0637280, acf5db4/1a2d30f, ee4c655/c31224d, c6de9bc, c367481).

Each test pins a case where a new reading fires where it should not, misses its own intended
shape, or raises.
"""
import pytest

from tests.support.diagnose_crashes import diagnose_paste


# -- 0637280: "can't set attribute" on another object than self -> _read_only_dependency ---------

_PLAIN_URL = ("class URL(object):\n    def __init__(self, drivername, database=None):\n"
              "        self.drivername = drivername\n        self.database = database\n")
_TUPLE_URL = ("from collections import namedtuple\n\n\n"
              "class URL(namedtuple('URL', ['drivername', 'username', 'database'])):\n    pass\n")


def _sqlay(old=_PLAIN_URL, new=_TUPLE_URL):
    return [{"version": v, "files": {"sqlay/__init__.py": "", "sqlay/url.py": text}}
            for v, text in (("1.3.23", old), ("1.3.24", old), ("1.4.5", new))]


def test_an_unrelated_declared_pins_new_named_tuple_field_is_not_the_object_set(index_for):
    # The failing line sets .netloc on the stdlib's urlsplit() result (a named tuple in every
    # Python: the assigner's own slip).  The declared pin 'urlly' happens to add a named tuple with
    # a field 'netloc' in its new release, but the assigning module never imports urlly: nothing
    # ties that class to the object set, so urlly must not be moved.
    caller = ("from urllib.parse import urlsplit\n\n\nclass Client(object):\n    def connect(self, url, host):\n"
              "        parts = urlsplit(url)\n        parts.netloc = host\n")
    plain = "class Url(object):\n    def __init__(self, netloc):\n        self.netloc = netloc\n"
    tup = "from collections import namedtuple\n\n\nclass Url(namedtuple('Url', ['scheme', 'netloc', 'path'])):\n    pass\n"
    universe = {"clienty": [{"version": "2.4.1", "requires_dist": ["urlly>=1.0"],
                             "files": {"clienty/__init__.py": caller}}],
                "urlly": [{"version": v, "files": {"urlly/__init__.py": "", "urlly/url.py": text}}
                          for v, text in (("1.0.0", plain), ("1.1.0", plain), ("2.0.0", tup))]}
    paste = ('Traceback (most recent call last):\n'
             '  File "/srv/app/app.py", line 10, in main\n'
             '    Client().connect(url, "example.org")\n'
             '  File "/usr/lib/python3.8/site-packages/clienty/__init__.py", line 7, in connect\n'
             '    parts.netloc = host\n'
             "AttributeError: can't set attribute\n")
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "clienty==2.4.1\nurlly==2.0.0\n", paste)
    assert not any(c.name == "urlly" for c in d.culprits), d.summary


def test_an_attribute_of_an_object_held_by_self_is_another_object_than_self(index_for):
    # ``self.engine_url.database = ...`` sets the attribute of the URL that self holds, not of self:
    # the same change as Flask-SQLAlchemy's ``sa_url.database = ...`` and the same pin goes back.
    # (the module imports sqlay, as Flask-SQLAlchemy imports sqlalchemy: the tie to the object set)
    caller = ("import os\nfrom sqlay.url import URL\n\nclass SQLAlchemy(object):\n    def apply_driver_hacks(self, app):\n"
              "        if self.engine_url.drivername == 'sqlite':\n"
              "            self.engine_url.database = os.path.join(app.root_path, self.engine_url.database)\n")
    universe = {"flasky": [{"version": "2.4.1", "requires_dist": ["sqlay>=0.8"],
                            "files": {"flasky/__init__.py": caller}}],
                "sqlay": _sqlay()}
    paste = ('Traceback (most recent call last):\n'
             '  File "/srv/app/app.py", line 10, in create_app\n'
             '    db.apply_driver_hacks(app)\n'
             '  File "/usr/lib/python3.8/site-packages/flasky/__init__.py", line 7, in apply_driver_hacks\n'
             '    self.engine_url.database = os.path.join(app.root_path, self.engine_url.database)\n'
             "AttributeError: can't set attribute\n")
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "flasky==2.4.1\nsqlay==1.4.5\n", paste)
    assert [(c.name, c.constraint) for c in d.culprits] == [("sqlay", "<=1.3.24")], d.summary


def test_a_typing_named_tuple_field_is_read_only_too():
    # SQLAlchemy's URL is a collections.namedtuple; the other common spelling of a named tuple,
    # ``class URL(NamedTuple)`` with annotated fields, has the same read-only fields.
    import ast

    from pytest_depfix.diagnose.verdict import _named_tuple_classes

    text = ("from typing import NamedTuple\n\n\nclass URL(NamedTuple):\n    drivername: str\n    database: str\n")
    assert _named_tuple_classes(ast.parse(text), "database") == {"URL"}


# -- acf5db4 + 1a2d30f: _new_attribute_reader ----------------------------------------------------

_COMPOSER = ("class Composer:\n    def compose(self):\n        if self.loader.max_depth:\n            return None\n"
             "        return self.loader.anchors\n\n\nclass Loader(Composer):\n    pass\n")


def test_a_pin_that_began_setting_the_attribute_is_not_a_new_reader(index_for):
    # ruamely read .max_depth in every release (not the change).  pyyamly, also a home of a
    # 'Loader', only began *assigning* ``self.max_depth`` in an unrelated Emitter: a release that
    # sets the attribute on its own objects cannot make a Loader lack it, yet ``\.max_depth\b``
    # counts the assignment as a read and pyyamly is moved back.
    old_pyy = "class Loader(object):\n    pass\n"
    new_pyy = old_pyy + ("\n\nclass Emitter(object):\n    def __init__(self, max_depth=None):\n"
                         "        self.max_depth = max_depth\n")
    universe = {
        "ruamely": [{"version": v, "files": {"ruamely/__init__.py": "", "ruamely/composer.py": _COMPOSER}}
                    for v in ("0.18.16", "0.18.17", "0.19.0")],
        "pyyamly": [{"version": v, "files": {"pyyamly/__init__.py": "", "pyyamly/loader.py": text}}
                    for v, text in (("6.0.1", old_pyy), ("6.0.2", old_pyy), ("6.0.3", new_pyy))],
        "hyperyaml": [{"version": "1.2.2", "requires_dist": ["ruamely>=0.17", "pyyamly>=5"], "files": {
            "hyperyaml/__init__.py": "from ruamely.composer import Loader\n\n\ndef load(s):\n    return Loader().compose()\n"}}]}
    index, target = index_for(universe, python="3.12")
    d = diagnose_paste(index, target, "hyperyaml==1.2.2\nruamely==0.19.0\npyyamly==6.0.3\n",
                       "AttributeError: 'Loader' object has no attribute 'max_depth'\n")
    assert not any(c.name == "pyyamly" for c in d.culprits), d.summary



def test_a_pin_that_only_mentions_the_attribute_in_a_comment_is_not_a_new_reader(index_for):
    # The same set, pyyamly's new release mentioning ``loader.max_depth`` only in a comment: the
    # reading searches raw text, so a comment or docstring counts as a read and pyyamly is moved.
    old_pyy = "class Loader(object):\n    pass\n"
    new_pyy = ("# TODO: honour ruamel's loader.max_depth once it is public\n" + old_pyy)
    universe = {
        "ruamely": [{"version": v, "files": {"ruamely/__init__.py": "", "ruamely/composer.py": _COMPOSER}}
                    for v in ("0.18.16", "0.18.17", "0.19.0")],
        "pyyamly": [{"version": v, "files": {"pyyamly/__init__.py": "", "pyyamly/loader.py": text}}
                    for v, text in (("6.0.1", old_pyy), ("6.0.2", old_pyy), ("6.0.3", new_pyy))],
        "hyperyaml": [{"version": "1.2.2", "requires_dist": ["ruamely>=0.17", "pyyamly>=5"], "files": {
            "hyperyaml/__init__.py": "from ruamely.composer import Loader\n\n\ndef load(s):\n    return Loader().compose()\n"}}]}
    index, target = index_for(universe, python="3.12")
    d = diagnose_paste(index, target, "hyperyaml==1.2.2\nruamely==0.19.0\npyyamly==6.0.3\n",
                       "AttributeError: 'Loader' object has no attribute 'max_depth'\n")
    assert not any(c.name == "pyyamly" for c in d.culprits), d.summary

# -- ee4c655 + c31224d: a paste indented as a whole is re-read dedented ---------------------------

def test_an_indented_mypy_report_is_not_a_crash():
    # A type checker's report quoted under a Markdown list item is not a traceback.  Indented, it
    # used to parse to nothing; the dedented reading now takes "pkg/mod.py:12: error: ..." for an
    # exception of class 'error' raised at pkg/mod.py:12 (a frame, so c31224d's filter keeps it).
    from pytest_depfix.crash import parse_traceback

    paste = ("    src/app/models.py:12: error: Incompatible types in assignment (expression has type \"str\", "
             "variable has type \"int\")  [assignment]\n"
             "    Found 1 error in 1 file (checked 3 source files)\n")
    assert parse_traceback(paste) == []


@pytest.mark.xfail(strict=True, reason="known gap: only a paste indented as a whole is dedented; the list item's "
                                       "own text above the block leaves nothing common to remove")
def test_an_indented_report_under_its_list_items_text_is_read_without_the_indentation():
    # The Markdown list item the reading is about keeps its own text at a smaller indentation: the
    # block under it (kaleido#226's report, nine spaces in) is still indented as a whole.
    from pytest_depfix.crash import parse_traceback

    block = "\n".join("         " + ln if ln else ln for ln in (
        '         path = os.environ.get("BROWSER_PATH", which_browser())',
        '>       elif "snap" in path:',
        "E       TypeError: argument of type 'NoneType' is not iterable",
        "",
        "/usr/lib/python3.12/site-packages/kaleido/scopes/plotly.py:64: TypeError")) + "\n"
    paste = "1. Running the test suite fails:\n\n" + block
    crashes = parse_traceback(paste)
    assert [(c.root.type, [(f.file.rsplit("/", 1)[-1], f.line) for f in c.root.frames]) for c in crashes] == \
        [("TypeError", [("plotly.py", 64)])]


# -- c6de9bc: Django's debug page heading without its labels -------------------------------------

def test_a_django_heading_whose_class_does_not_end_in_error_is_read():
    # Django's own exceptions on its debug page are mostly not '...Error': ImproperlyConfigured
    # (the database backend's version check), NoReverseMatch, TemplateDoesNotExist.
    from pytest_depfix.diagnose.message_only import infer_message

    paste = ("ImproperlyConfigured\nmysqlclient 1.4.0 or newer is required; you have 0.10.1.\n"
             "/usr/local/lib/python3.8/site-packages/django/db/backends/mysql/base.py, line 36, in <module>\n")
    found = infer_message(paste)
    assert found is not None and found.exc_type.endswith("ImproperlyConfigured"), found
    assert [(f.file.rsplit("/", 1)[-1], f.line) for f in found.frames] == [("base.py", 36)]


def test_the_exception_location_of_django_before_3_2_is_read():
    # Django up to 3.1 prints the Exception Location as "path in function, line N"
    # (technical_500.html: "{{ lastframe.filename }} in {{ lastframe.function }}, line {{ lastframe.lineno }}").
    from pytest_depfix.diagnose.message_only import infer_message

    paste = ("TypeError\ncannot unpack non-iterable function object\n"
             "/usr/local/lib/python3.8/dist-packages/maintenancemode/middleware.py in process_request, line 71\n")
    found = infer_message(paste)
    assert found is not None and (found.exc_type, found.message) == \
        ("TypeError", "cannot unpack non-iterable function object"), found
    assert [(f.file.rsplit("/", 1)[-1], f.line, f.function) for f in found.frames] == \
        [("middleware.py", 71, "process_request")]


# -- c367481: an __all__ entry two strings with no comma between them make -----------------------

def test_three_strings_joined_by_two_missing_commas_spell_the_entry():
    # 'Schema' 'Model' 'abort' on three lines is one entry 'SchemaModelabort'; finditer's pairs
    # never see the whole run.
    from pytest_depfix.diagnose.verdict import _all_lists, _joined_by_missing_comma

    text = "__all__ = (\n    'Api',\n    'Schema'\n    'Model'\n    'abort',\n)\n"
    assert _all_lists(text, "SchemaModelabort") is True
    assert _joined_by_missing_comma(text, "SchemaModelabort")


def test_prefixed_strings_joined_by_a_missing_comma_spell_the_entry():
    # Python 2-era modules (flask-restplus's own time) write u'...' entries.
    from pytest_depfix.diagnose.verdict import _all_lists, _joined_by_missing_comma

    text = "__all__ = (\n    u'SchemaModel'\n    u'abort',\n)\n"
    assert _all_lists(text, "SchemaModelabort") is True
    assert _joined_by_missing_comma(text, "SchemaModelabort")


def test_a_comment_between_the_joined_strings_is_still_a_missing_comma(index_for):
    # A trailing comment after the first string does not change what Python joins.
    joined = ("from .model import SchemaModel\nfrom .errors import abort\n\n"
              "__all__ = (\n    'SchemaModel'  # the schema-backed model\n    'abort',\n)\n")
    listed = "from .model import SchemaModel\nfrom .errors import abort\n\n__all__ = (\n    'SchemaModel',\n    'abort',\n)\n"
    files = lambda body: {"restx/__init__.py": body, "restx/model.py": "class SchemaModel:\n    pass\n",
                          "restx/errors.py": "def abort():\n    pass\n"}
    universe = {"restx": [{"version": v, "files": files(b)} for v, b in
                          (("0.9.2", listed), ("0.10.0", joined), ("0.10.1", listed))]}
    index, target = index_for(universe, python="3.5")
    d = diagnose_paste(index, target, "restx==0.10.0\n",
                       "AttributeError: module 'restx' has no attribute 'SchemaModelabort'\n")
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("restx", "<=0.9.2"), ("restx", ">=0.10.1")], d.summary
