"""The pin's own import fails, and the same version was re-released as a post-release: the rebuild.

PyMySQL/mysqlclient-python#352: mysqlclient 1.4.2's Windows wheels shipped a stale ``_mysql`` extension, so
``import MySQLdb`` raised "this is MySQLdb version (1, 4, 2, ...), but _mysql is version (1, 4, 1, ...)";
1.4.2.post1 re-released the same code, rebuilt.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "C:\\\\env\\\\lib\\\\site-packages\\\\mysqlx\\\\__init__.py", line 4, in <module>
    (version_info, _mysql.version_info))
ImportError: this is mysqlx version (1, 4, 2, 'final', 0), but _mysql is version (1, 4, 1, 'final', 0)
"""
INIT = ("from . import _mysql\nversion_info = (1, 4, 2, 'final', 0)\nif version_info != _mysql.version_info:\n"
        "    raise ImportError('this is mysqlx version %r, but _mysql is version %r' %\n"
        "        (version_info, _mysql.version_info))\n")


def _diagnose(index_for, versions=("1.4.1", "1.4.2", "1.4.2.post1", "1.4.3"), paste=PASTE):
    # the version check sits beside a compiled extension, which is what a rebuild can change
    universe = {"mysqlx": [{"version": v, "files": {"mysqlx/__init__.py": INIT, "mysqlx/_mysql.cp37-win_amd64.pyd": "MZ"}}
                           for v in versions]}
    index, target = index_for(universe, python="3.7", platform="win_amd64")
    return diagnose_paste(index, target, "mysqlx==1.4.2\n", paste)


def test_the_post_release_of_the_pinned_version_is_the_move(index_for):
    d = _diagnose(index_for)
    assert [(c.name, c.constraint) for c in d.culprits] == [("mysqlx", "==1.4.2.post1")], d.summary


def test_no_post_release_leaves_it_open(index_for):
    d = _diagnose(index_for, versions=("1.4.1", "1.4.2", "1.4.3"))
    assert not any(c.constraint.startswith("==1.4.2.post") for c in d.culprits), d.summary


def test_a_pure_python_release_is_not_rebuilt_by_a_post_release(index_for):
    universe = {"mysqlx": [{"version": v, "files": {"mysqlx/__init__.py": INIT, "mysqlx/_mysql.py": "version_info = ()\n"}}
                           for v in ("1.4.1", "1.4.2", "1.4.2.post1")]}
    index, target = index_for(universe, python="3.7", platform="win_amd64")
    d = diagnose_paste(index, target, "mysqlx==1.4.2\n", PASTE)
    assert not any(c.constraint == "==1.4.2.post1" for c in d.culprits), d.summary


def test_a_failure_after_import_is_no_packaging_sign(index_for):
    paste = PASTE.replace(", in <module>\n    (version_info", ", in connect\n    (version_info")
    d = _diagnose(index_for, paste=paste)
    assert not any(c.constraint == "==1.4.2.post1" for c in d.culprits), d.summary
