"""A frameless keyword error that names a plain function: the calls of that function passing the keyword.

miguelgrinberg/Flask-Migrate#380: alembic 1.5.0 (yanked since) dropped ``command.current``'s
``head_only``; Flask-Migrate 2.5.3 passes it.  Only ``current() got an unexpected keyword
argument 'head_only'`` is printed.  The pinned alembic is yanked, so the range search never
reads it: the range leaves it out by name.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "TypeError: current() got an unexpected keyword argument 'head_only'\n"
OLD = "def current(config, verbose=False, head_only=False):\n    return config\n"
NEW = "def current(config, verbose=False):\n    return config\n"
MIGRATE = ("from alembicy import command\n\n\ndef current(directory=None, verbose=False, head_only=False):\n"
           "    command.current(directory, verbose=verbose{})\n")


def _universe():
    alembic = [{"version": v, "files": {"alembicy/__init__.py": "", "alembicy/command.py": t}}
               for v, t in (("1.4.2", OLD), ("1.4.3", OLD), ("1.5.1", NEW))]
    alembic.append({"version": "1.5.0", "yanked": "", "files": {"alembicy/__init__.py": "", "alembicy/command.py": NEW}})
    migrate = [{"version": v, "requires_dist": ["alembicy>=0.7"],
                "files": {"migratey/__init__.py": MIGRATE.format(extra)}}
               for v, extra in (("2.5.2", ""), ("2.5.3", ", head_only=head_only"))]
    return {"alembicy": alembic, "migratey": migrate}


def test_the_one_call_of_the_named_function_passing_the_keyword_is_asked(index_for):
    index, target = index_for(_universe(), python="3.8")
    d = diagnose_paste(index, target, "migratey==2.5.3\nalembicy==1.5.0\n", PASTE)
    assert d.verdict == "transitive", d.summary
    moves = {(c.name, c.constraint) for c in d.culprits}
    assert ("migratey", "<=2.5.2") in moves, d.summary
    assert any(n == "alembicy" and "!=1.5.0" in spec for n, spec in moves), d.summary


def test_calls_of_other_functions_passing_the_keyword_do_not_count(index_for):
    index, target = index_for(_universe(), python="3.8")
    d = diagnose_paste(index, target, "migratey==2.5.3\nalembicy==1.5.0\n", PASTE.replace("current()", "upgrade()"))
    assert not d.culprits, d.summary


def test_an_unread_pre_release_pin_is_not_left_out_by_name(index_for):
    # (mpmath 1.4.0a0's shape) a pre-release pin is read below it, as before: no '!=1.5.0rc1' that lets 1.5.0rc2 in
    universe = _universe()
    universe["alembicy"] = [r for r in universe["alembicy"] if r["version"] != "1.5.0"] + [
        {"version": "1.5.0rc1", "files": {"alembicy/__init__.py": "", "alembicy/command.py": NEW}}]
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "migratey==2.5.3\nalembicy==1.5.0rc1\n", PASTE)
    assert not any("!=1.5.0rc1" in c.constraint for c in d.culprits), d.summary
