"""A bare "SyntaxError: invalid syntax" located in a pin's module: the release file says which syntax.

streamlit-searchbox 0.1.0 (streamlit-searchbox#10) used a ``match`` statement;
on Python 3.9 the compiler says only "invalid syntax".  The located module,
read from the pinned release, names Python 3.10; the fix is the first later
release the target can parse (0.1.1), with the newest earlier one beside it.
"""
from tests.support.diagnose_crashes import diagnose_paste

MATCH = "def f(i):\n    match i:\n        case 1:\n            return 1\n"
PLAIN = "def f(i):\n    if i == 1:\n        return 1\n"
SB = {"sb": [{"version": "0.0.4", "upload_time": "2023-01-01T00:00:00Z", "files": {"sb/__init__.py": PLAIN}},
             {"version": "0.1.0", "upload_time": "2023-02-01T00:00:00Z", "files": {"sb/__init__.py": MATCH}},
             {"version": "0.1.1", "upload_time": "2023-02-02T00:00:00Z", "files": {"sb/__init__.py": PLAIN}}]}
PASTE = ('SyntaxError: File "C:\\venv\\lib\\site-packages\\sb\\__init__.py", line 2 match i: ^ '
         'SyntaxError: invalid syntax\n')




def test_the_located_module_names_the_python_that_parses_it_and_the_release_that_stopped(index_for):
    index, target = index_for(SB, python="3.9", platform="win_amd64")
    d = diagnose_paste(index, target, "sb==0.1.0\n", PASTE)
    assert d.family == "python-version"
    assert {(c.name, c.constraint) for c in d.culprits} == {("sb", ">=0.1.1"), ("sb", "==0.0.4")}
    assert "Python >= 3.10" in d.advice


def test_on_a_python_that_parses_it_the_syntax_error_is_not_read_as_too_new(index_for):
    index, target = index_for(SB, python="3.10", platform="win_amd64")
    d = diagnose_paste(index, target, "sb==0.1.0\n", PASTE)
    assert d.family != "python-version" and not d.culprits


# plotext 5.2.2 (plotext#102): pytest's "E" lines of a SyntaxError, the paste cut inside the location line.
STAR = "def transpose(x, n):\n    return x\n\ndef f(xl, yl, ol, other):\n    return xl, yl, *transpose(ol, len(other))\n"
STAR_OK = STAR.replace("return xl, yl, *transpose", "return (xl, yl, *transpose").replace("len(other))\n", "len(other)))\n")
PLOT = {"plotx": [{"version": "5.2.2", "files": {"plotx/__init__.py": "", "plotx/_utility.py": STAR}},
                  {"version": "5.2.7", "files": {"plotx/__init__.py": "", "plotx/_utility.py": STAR_OK}}]}
CUT = ('_utility.py", line 5\n'
       "E       return xl, yl, *transpose(ol, len(other))\n"
       "E                      ^\n"
       "E   SyntaxError: invalid syntax\n")


def test_pytests_e_lines_of_a_syntax_error_give_its_location_and_code():
    from pytest_depfix.crash import parse_traceback

    for paste in (CUT, CUT.replace('_utility.py", line 5', 'E     File "/venv/site-packages/plotx/_utility.py", line 5')):
        [crash] = parse_traceback(paste)
        loc = crash.root.location
        assert (crash.root.type, crash.root.message) == ("SyntaxError", "invalid syntax")
        assert (loc.file.rsplit("/", 1)[-1], loc.line, loc.source) == ("_utility.py", 5, "return xl, yl, *transpose(ol, len(other))")


def test_an_unparenthesized_starred_return_is_new_in_python_38():
    from pytest_depfix.diagnose.pyfeatures import too_new

    assert too_new(STAR, (3, 7)).needs == (3, 8)
    assert too_new(STAR, (3, 8)) is None
    assert too_new(STAR_OK, (3, 7)) is None
    assert too_new("x = a, *b\n", (3, 7)) is None


def test_a_bare_file_name_is_the_one_pin_whose_file_of_that_name_holds_the_shown_line(index_for):
    index, target = index_for(PLOT, python="3.7")
    d = diagnose_paste(index, target, "plotx==5.2.2\n", CUT)
    assert d.family == "python-version", d.summary
    assert ("plotx", ">=5.2.7") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_bare_file_name_no_pin_holds_is_left_alone(index_for):
    index, target = index_for(PLOT, python="3.7")
    d = diagnose_paste(index, target, "plotx==5.2.2\n", CUT.replace("_utility.py", "_helpers.py"))
    assert not d.culprits, d.summary


def test_only_a_bare_starred_tuple_is_new_in_38_whatever_the_characters_before_it():
    from pytest_depfix.diagnose.pyfeatures import too_new

    assert too_new("def f(a, b):\n    s = 'h\u00e9llo'; return (a, *b)\n", (3, 7)) is None  # (review) byte offsets
    assert too_new("def f(a, b):\n    return (a), *b\n", (3, 7)).needs == (3, 8)


def test_syntax_older_pythons_lack_is_read_off_the_tree():
    # ast.parse's feature_version starts at 3.7: an f-string on 2.7 is read from the tree itself
    from pytest_depfix.diagnose.pyfeatures import too_new

    assert too_new("x = f'{a}'\n", (2, 7)).needs == (3, 6)
    assert too_new("x = f'{a}'\n", (3, 6)) is None
    assert too_new("async def f():\n    await g()\n", (3, 4)).needs == (3, 5)
    assert too_new("def f(*, a):\n    pass\n", (2, 7)).needs == (3, 0)
    assert too_new("print(1)\n", (2, 7)) is None


# lordfriend/Albireo#166: feedparser 6.0.0 (a package) on Python 2.7; 5.2.1 is one module, feedparser.py
FP_PASTE = ('Traceback (most recent call last):\n  File "app.py", line 1, in <module>\n    import feedparsery\n'
            '  File "C:\\env\\lib\\site-packages\\feedparsery\\__init__.py", line 1, in <module>\n    from . import http\n'
            '  File "C:\\env\\lib\\site-packages\\feedparsery\\http.py", line 2\n'
            "    x = f'{a}:{b}'\n          ^\nSyntaxError: invalid syntax\n")


def test_an_earlier_release_laid_out_otherwise_is_judged_by_what_importing_it_runs(index_for):
    universe = {"feedparsery": [
        {"version": "5.2.1", "wheel": False, "sdist": True, "files": {"feedparsery.py": "def parse(x):\n    return '%s' % x\n",
                                                                      "setup.py": "from setuptools import setup\nsetup()\n"}},
        {"version": "6.0.0", "tag": "py2.py3-none-any", "files": {"feedparsery/__init__.py": "from . import http\n",
                                       "feedparsery/http.py": "a = b = 1\nx = f'{a}:{b}'\n"}}]}
    index, target = index_for(universe, python="2.7", platform="win_amd64")
    d = diagnose_paste(index, target, "feedparsery==6.0.0\n", FP_PASTE)
    assert ("feedparsery", "==5.2.1") in [(c.name, c.constraint) for c in d.culprits], d.summary
