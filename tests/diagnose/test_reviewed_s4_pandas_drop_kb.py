"""Reviewed (s4): the bundled ``pandas-2-keyword-only-arguments`` entry (knowledge.toml, b036211/c501764) blames
pandas for any ``drop()`` whose positional arguments ran out.

On Python <= 3.9 a method's TypeError names no class: "drop() takes from 1 to 3 positional arguments but 4
were given" is SQLAlchemy's ``Table.drop(bind=None, checkfirst=False)`` (or any class's ``drop``) as much as
pandas'.  The entry has no call context and the ``\\d+ to \\d+`` counts take any signature, so with pandas 2
pinned the verdict moves pandas to <2, although no pandas frame, and no DataFrame, is in the traceback.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse


def test_a_drop_of_another_library_does_not_move_pandas(index_for):
    universe = {"pandas": [{"version": v} for v in ("1.5.3", "2.0.0")],
                "sqlalchemy": [{"version": "1.4.0", "files": {"sqlalchemy/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("pandas==2.0.0\nsqlalchemy==1.4.0\n", target)
    tb = ('Traceback (most recent call last):\n'
          '  File "/home/u/proj/db.py", line 12, in <module>\n'
          '    users_table.drop(engine, True, False)\n'
          "TypeError: drop() takes from 1 to 3 positional arguments but 4 were given\n")
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert ("pandas", "<2") not in [(c.name, c.constraint) for c in d.culprits], (d.verdict, d.summary)
