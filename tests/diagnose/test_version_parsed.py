"""int() refused a segment of a pin's own version: the caller that parses it by hand moves.

cookiecutter-flask#38: Flask-Migrate 1.3.0 parses alembic's ``__version__`` with
``int(v) for v in ...split('.')``; alembic 0.7.5.post2's ``post2`` part fails; 1.3.1 keeps three parts.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "ValueError: invalid literal for int() with base 10: 'post2'\n"
PARSES = ("from alembicx import __version__ as __alembic_version__\n"
          "alembic_version = tuple([int(v) for v in __alembic_version__.split('.')])\n")
THREE = ("from alembicx import __version__ as __alembic_version__\n"
         "alembic_version = tuple([int(v) for v in __alembic_version__.split('.')[0:3]])\n")


def _universe():
    return {
        "alembicx": [{"version": v, "files": {"alembicx/__init__.py": f"__version__ = '{v}'\n"}}
                     for v in ("0.7.5", "0.7.5.post2", "0.7.6")],
        "flaskmig": [{"version": v, "requires_dist": ["alembicx"], "files": {"flaskmig/__init__.py": body}}
                     for v, body in (("1.3.0", PARSES), ("1.3.1", THREE))],
    }


def test_the_caller_that_parses_the_version_moves_and_the_plain_release_is_weaker(index_for):
    index, target = index_for(_universe())
    d = diagnose_paste(index, target, "flaskmig==1.3.0\nalembicx==0.7.5.post2\n", PASTE)
    got = [(c.name, c.constraint) for c in d.culprits]
    assert got[0] == ("flaskmig", ">=1.3.1") and ("alembicx", ">=0.7.6") in got, d.summary
    assert d.culprits[0].confidence > d.culprits[-1].confidence


def test_a_segment_no_pin_has_says_nothing(index_for):
    index, target = index_for(_universe())
    d = diagnose_paste(index, target, "flaskmig==1.3.0\nalembicx==0.7.5.post2\n", PASTE.replace("post2", "rc1"))
    assert not d.culprits, d.summary


def test_a_split_int_line_about_another_version_is_not_the_parser(index_for):
    # (review) a dependant parsing Python's own version, that also mentions alembicx
    universe = _universe()
    universe["aaadep"] = [{"version": v, "requires_dist": ["alembicx"], "files": {"aaadep/__init__.py": body}}
                          for v, body in (("2.0", "import sys\nimport alembicx\n__version__ = '2.0'\n"
                                                  "PY_MAJOR = int(sys.version.split('.')[0])\n"),
                                          ("2.1", "import alembicx\n__version__ = '2.1'\n"))]
    index, target = index_for(universe)
    d = diagnose_paste(index, target, "aaadep==2.0\nflaskmig==1.3.0\nalembicx==0.7.5.post2\n", PASTE)
    assert not any(c.name == "aaadep" for c in d.culprits), d.summary
    assert ("flaskmig", ">=1.3.1") in [(c.name, c.constraint) for c in d.culprits], d.summary
