"""A pin's failing line sets an attribute of another pin's object, which that pin made read-only.

codeforpdx/dwellinglybackend#232: Flask-SQLAlchemy 2.4.1's ``apply_driver_hacks`` runs
``sa_url.database = os.path.join(...)``; SQLAlchemy 1.4 turned ``URL`` into a named tuple, so
Python 3.8 says only "can't set attribute".  The declared dependency whose release made the
attribute read-only goes back to the release before.
"""
from tests.support.diagnose_crashes import diagnose_paste

CALLER = ("import os\nfrom sqlay.url import URL\n\nclass SQLAlchemy(object):\n    def apply_driver_hacks(self, app, sa_url):\n"
          "        if sa_url.drivername == 'sqlite':\n"
          "            sa_url.database = os.path.join(app.root_path, sa_url.database)\n")
PLAIN = ("class URL(object):\n    def __init__(self, drivername, database=None):\n"
         "        self.drivername = drivername\n        self.database = database\n")
TUPLE = ("from collections import namedtuple\n\n\n"
         "class URL(namedtuple('URL', ['drivername', 'username', 'database'])):\n    pass\n")
PASTE = ('Traceback (most recent call last):\n'
         '  File "/srv/app/app.py", line 10, in create_app\n'
         '    db.apply_driver_hacks(app, url)\n'
         '  File "/usr/lib/python3.8/site-packages/flasky/__init__.py", line 7, in apply_driver_hacks\n'
         '    sa_url.database = os.path.join(app.root_path, sa_url.database)\n'
         "AttributeError: can't set attribute\n")


def _universe(old=PLAIN, new=TUPLE):
    return {"flasky": [{"version": "2.4.1", "requires_dist": ["sqlay>=0.8"], "files": {"flasky/__init__.py": CALLER}}],
            "sqlay": [{"version": v, "files": {"sqlay/__init__.py": "", "sqlay/url.py": text}}
                      for v, text in (("1.3.23", old), ("1.3.24", old), ("1.4.5", new))]}


def test_the_declared_dependency_that_made_the_field_read_only_goes_back(index_for):
    index, target = index_for(_universe(), python="3.8")
    d = diagnose_paste(index, target, "flasky==2.4.1\nsqlay==1.4.5\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("sqlay", "<=1.3.24")], d.summary


def test_a_field_read_only_in_every_release_is_no_change(index_for):
    index, target = index_for(_universe(old=TUPLE), python="3.8")
    d = diagnose_paste(index, target, "flasky==2.4.1\nsqlay==1.4.5\n", PASTE)
    assert not d.culprits, d.summary


def test_a_declared_pin_the_assigning_module_never_imports_is_not_blamed(index_for):
    index, target = index_for({**_universe(), "flasky": [{"version": "2.4.1", "requires_dist": ["sqlay>=0.8"], "files": {
        "flasky/__init__.py": CALLER.replace("from sqlay.url import URL", "import json")}}]}, python="3.8")
    d = diagnose_paste(index, target, "flasky==2.4.1\nsqlay==1.4.5\n", PASTE)
    assert not d.culprits, d.summary


def test_a_pin_the_assigner_does_not_declare_is_not_blamed(index_for):
    universe = _universe()
    universe["flasky"][0]["requires_dist"] = []
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "flasky==2.4.1\nsqlay==1.4.5\n", PASTE)
    assert not d.culprits, d.summary


def test_named_tuple_fields_are_read_in_each_spelling():
    import ast

    from pytest_depfix.diagnose.verdict import _named_tuple_classes

    text = ("import collections\nfrom sqlay import util\n"
            "Plain = collections.namedtuple('Plain', 'drivername database')\n"
            "class URL(util.namedtuple('URL', ('drivername', 'database'))):\n    pass\n"
            "Other = collections.namedtuple('Other', ['host'])\n")
    assert _named_tuple_classes(ast.parse(text), "database") == {"Plain", "URL"}
