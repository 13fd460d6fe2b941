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
