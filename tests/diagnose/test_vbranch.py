"""Which branch of a library-version test a release takes under the pinned set (diagnose/vbranch.py).

djrobstep/sqlakeyset#72: 1.0.1679375467 still ships sqla14.py importing SQLAlchemy's LegacyRow,
but sqla.py imports it only below SQLAlchemy 2.0.0b1; under 2.0.3 it imports sqla20.
"""
import ast

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.vbranch import Evaluator, unreached
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

PICK = ("import sqlalchemy\nfrom packaging import version\n\nSQLA_VERSION = version.parse(sqlalchemy.__version__)\n\n"
        "if SQLA_VERSION < version.parse('1.4.0b1'):\n    from .sqla13 import rows\n"
        "elif SQLA_VERSION < version.parse('2.0.0b1'):\n    from .sqla14 import rows\nelse:\n    from .sqla20 import rows\n")
FILES = {"kset/__init__.py": "from .sqla import rows\n", "kset/sqla.py": PICK,
         "kset/sqla13.py": "rows = 13\n", "kset/sqla14.py": "from sqlalchemy.engine.row import LegacyRow\nrows = 14\n",
         "kset/sqla20.py": "from sqlalchemy.engine.row import Row\nrows = 20\n"}


def _versions(sqla):
    return lambda module: sqla if module.split(".")[0] == "sqlalchemy" else None


def test_a_version_test_is_read_directly_through_a_flag_and_through_not():
    tree = ast.parse(PICK + "OLD = sqlalchemy.__version__ < '2'\n")
    ev = Evaluator(tree, _versions("2.0.3"))
    tests = [n.test for n in ast.walk(tree) if isinstance(n, ast.If)]
    assert [ev.test(t) for t in tests] == [False, False]
    assert ev.test(ast.parse("not OLD").body[0].value) is True
    assert ev.test(ast.parse("sys.version_info >= (3, 8)").body[0].value) is None  # not a library's version


def test_a_module_imported_only_in_a_branch_not_taken_is_unreached():
    read = FILES.get
    paths = sorted(FILES)
    assert unreached(read, paths, "kset/sqla14.py", _versions("2.0.3")) is True
    assert unreached(read, paths, "kset/sqla20.py", _versions("2.0.3")) is False
    assert unreached(read, paths, "kset/sqla14.py", _versions("1.4.46")) is False
    assert unreached(read, paths, "kset/sqla14.py", lambda m: None) is False  # no version known: reached


def test_the_caller_that_picks_its_module_by_version_is_found_adapted(index_for):
    old = dict(FILES, **{"kset/sqla.py": "from .sqla14 import rows\n"})
    universe = {
        "sqlalchemy": [{"version": v, "files": {"sqlalchemy/__init__.py": f"__version__ = '{v}'\n",
                                                "sqlalchemy/engine/__init__.py": "", "sqlalchemy/engine/row.py": body}}
                       for v, body in (("1.4.46", "class Row: pass\nclass LegacyRow(Row): pass\n"), ("2.0.3", "class Row: pass\n"))],
        "kset": [{"version": "1.0.1659142803", "requires_dist": ["sqlalchemy"], "files": old},
                 {"version": "1.0.1679375467", "requires_dist": ["sqlalchemy"], "files": FILES}],
    }
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("kset==1.0.1659142803\nsqlalchemy==2.0.3\n", target)
    paste = "ImportError: cannot import name 'LegacyRow' from 'sqlalchemy.engine.row'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("kset", ">=1.0.1679375467") in [(c.name, c.constraint) for c in d.culprits]
