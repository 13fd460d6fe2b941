"""The failing statement kept, the test of the ``if`` around it changed: the caller guarded it.

encode/httpcore#1004 (python-gitlab's Python 3.14 smoke job): httpcore 1.0.7's ``__init__`` runs
``setattr(__locals[__name], "__module__", "httpcore")`` for every public name, and Python 3.14's
``typing.Union`` refuses it; httpcore 1.0.8 kept the line and widened the ``if`` above it to skip
``SOCKET_OPTION``.  The same line with a changed guard is an adaptation, weighed below a rewrite.
"""
from pytest_depfix.diagnose.adapted import enclosing_tests
from pytest_depfix.diagnose.verdict import CONF_TIME
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.14/site-packages/respxy/mocks.py", line 1, in <module>
    import httpcorey
  File "/venv/lib/python3.14/site-packages/httpcorey/__init__.py", line 7, in <module>
    setattr(__locals[__name], "__module__", "httpcorey")  # noqa
AttributeError: 'typing.Union' object has no attribute '__module__' and no __dict__ for setting new attributes. Did you mean: '__reduce__'?
"""
OLD = ('__all__ = ["Client", "SOCKET_OPTION"]\nClient = object\nSOCKET_OPTION = None\n\n__locals = locals()\n'
       'for __name in __all__:\n    setattr(__locals[__name], "__module__", "httpcorey")  # noqa\n')
GUARDED = OLD.replace('for __name in __all__:\n    setattr', 'for __name in __all__:\n    if __name != "SOCKET_OPTION":\n        setattr')


def _universe(later=GUARDED):
    def core(v, body):
        return {"version": v, "files": {"httpcorey/__init__.py": body}}

    return {"httpcorey": [core("1.0.7", OLD), core("1.0.8", later)],
            "respxy": [{"version": "0.22.0", "requires_dist": ["httpcorey"],
                        "files": {"respxy/__init__.py": "", "respxy/mocks.py": "import httpcorey\n"}}]}


def _diagnose(index_for, universe, paste=PASTE):
    index, target = index_for(universe, python="3.14")
    return diagnose_paste(index, target, "httpcorey==1.0.7\nrespxy==0.22.0\n", paste)


def test_the_same_line_under_a_new_guard_moves_the_pin_forward(index_for):
    d = _diagnose(index_for, _universe())
    found = {(c.name, c.constraint): c for c in d.culprits}
    assert ("httpcorey", ">=1.0.8") in found, d.summary
    assert found[("httpcorey", ">=1.0.8")].confidence == CONF_TIME + 0.1
    assert "changed the test of the if around it" in found[("httpcorey", ">=1.0.8")].evidence[0]


def test_an_unchanged_module_is_no_adaptation(index_for):
    d = _diagnose(index_for, _universe(later=OLD + "\nx = 1\n"))
    assert ("httpcorey", ">=1.0.8") not in {(c.name, c.constraint) for c in d.culprits}, d.summary


def test_tests_are_read_per_branch_and_per_function():
    import ast
    tree = ast.parse("if a:\n    f()\nelse:\n    f()\ndef g():\n    f()\n")
    key = ast.dump(tree.body[0].body[0])
    test = ast.dump(tree.body[0].test)
    assert enclosing_tests(tree, key) == {("T:" + test,), ("F:" + test,), ()}


def test_only_an_added_or_changed_test_guards():
    from pytest_depfix.diagnose.adapted import guarded_anew
    assert guarded_anew(("T:a",), {("T:b",)}) and guarded_anew((), {("T:a",)}) and guarded_anew(("T:a",), {("T:a", "T:b")})
    # flask-marshmallow 1.1.0 dropped the inner 'if self.SQLAlchemySchema:' around the line
    assert not guarded_anew(("T:a", "T:b"), {("T:a",)}) and not guarded_anew(("T:a",), {()})
    # dropping an outer test ('if PY2:') guards nothing either
    assert not guarded_anew(("T:PY2", "T:x"), {("T:x",)})
    assert not guarded_anew(("T:a",), {("T:a",)}) and not guarded_anew(("T:a",), set())


def test_a_removed_test_is_no_guard(index_for):
    # (review) dropping 'if sys.version_info >= (3, 7):' around the line guards nothing
    old = OLD.replace('for __name in __all__:\n    setattr', 'for __name in __all__:\n    if __name:\n        setattr')
    universe = _universe(later=OLD)
    universe["httpcorey"][0]["files"]["httpcorey/__init__.py"] = old
    d = _diagnose(index_for, universe, paste=PASTE.replace("line 7, in <module>", "line 8, in <module>"))
    assert ("httpcorey", ">=1.0.8") not in {(c.name, c.constraint) for c in d.culprits}, d.summary
