"""Reviewed (s7b): ``_forwarding_call`` (verdict.py, 7e88522) asks the wrong base for a nested class's ``super()``.

For a bare ``__init__() got an unexpected keyword argument`` raised at a
``super().__init__(..., **kw)`` line, the callable asked is "the enclosing class's first
base".  The enclosing class is found among the module's top-level classes only, and
``ast.walk(cls)`` then descends into everything inside it, nested classes included: a
``super()`` call in ``Outer.Interpreter(Other)`` is attributed to ``Outer``'s first base
(``Script``), not to ``Other``.  Here ``Script.__init__`` accepted ``column`` before jd
0.18.0, so "jd<0.18.0" is offered -- a false fix: the class that refuses the keyword is
``Other``, whose ``__init__`` never accepted ``column`` in any release (jd 0.17.2 fails
the same way).  The innermost class spanning the line is the one whose base to ask
(or none, when the ``super()`` call is not directly in that class's methods).
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

def api(script_params):
    return ("class Script:\n"
            f"    def __init__(self, code, {script_params}):\n"
            "        pass\n"
            "\n"
            "\n"
            "class Other:\n"
            "    def __init__(self, code, path=None):\n"
            "        pass\n"
            "\n"
            "\n"
            "class Outer(Script):\n"
            "    class Interpreter(Other):\n"
            "        def __init__(self, code, namespaces, **kwds):\n"
            "            super().__init__(code,\n"
            "                             **kwds)\n")
JEDI = {
    "jd": [{"version": "0.17.2", "upload_time": "2020-07-17T00:00:00Z", "files": {"jd/__init__.py": "", "jd/api.py": api("line=None, column=None")}},
           {"version": "0.18.0", "upload_time": "2020-12-25T00:00:00Z", "files": {"jd/__init__.py": "", "jd/api.py": api("path=None")}}],
    "ipy": [{"version": "7.18.0", "upload_time": "2020-08-29T00:00:00Z", "requires_dist": ["jd>=0.16"],
             "files": {"ipy/__init__.py": "", "ipy/completer.py": "from jd.api import Outer\n\n\ndef complete(t):\n"
                                                                    "    return Outer.Interpreter(t, [], column=1)\n"}}],
}
PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.8/site-packages/ipy/completer.py", line 5, in complete
    return Outer.Interpreter(t, [], column=1)
  File "/venv/lib/python3.8/site-packages/jd/api.py", line 14, in __init__
    super().__init__(code,
TypeError: __init__() got an unexpected keyword argument 'column'
"""



def test_a_super_call_in_a_nested_class_asks_that_class_s_base_not_the_outer_one(index_for):
    index, target = index_for(JEDI, python="3.8")
    pins = parse_requirements_text("ipy==7.18.0\njd==0.18.0\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    # Other.__init__ (Interpreter's base) never took 'column': no jd release accepts the call
    assert ("jd", "<0.18.0") not in got
    assert not any("Script.__init__" in e for c in d.culprits for e in c.evidence)
