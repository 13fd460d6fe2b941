"""A compiled callee's own frame for a call it refused: the caller is the frame outside it.

spaCy 3's Cython ``Matcher.add`` is printed as the innermost frame of "add() takes exactly 2
positional arguments (3 given)"; the call was textgenie's ``matcher.add("Passive", None, rule)``.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.7/site-packages/textgeniex/grammar_utils.py", line 3, in is_passive
    matcher.add("Passive", None, passive_rule)
  File "spacyx/matcher/matcher.pyx", line 76, in spacyx.matcher.matcher.Matcher.add
TypeError: add() takes exactly 2 positional arguments (3 given)
"""
OLD = "def is_passive(matcher, passive_rule):\n    # match\n    matcher.add(\"Passive\", None, passive_rule)\n"
NEW = "def is_passive(matcher, passive_rule):\n    # match\n    matcher.add(\"Passive\", [passive_rule])\n"


def test_the_caller_outside_the_compiled_frame_is_the_one_that_adapted(index_for):
    universe = {
        "spacyx": [{"version": "3.1.3", "files": {"spacyx/__init__.py": "", "spacyx/matcher/__init__.py": ""}}],
        "textgeniex": [{"version": v, "requires_dist": ["spacyx"],
                        "files": {"textgeniex/__init__.py": "", "textgeniex/grammar_utils.py": body}}
                       for v, body in (("0.1.9.3", OLD), ("0.2.0", NEW))],
    }
    index, target = index_for(universe, python="3.7")
    d = diagnose_paste(index, target, "textgeniex==0.1.9.3\nspacyx==3.1.3\n", PASTE)
    assert ("textgeniex", ">=0.2.0") in [(c.name, c.constraint) for c in d.culprits], d.summary
