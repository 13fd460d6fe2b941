"""A missing top-level module is asked as a module, not as an attribute of itself.

quantumlib/Cirq#6633: cirq-core 1.4.0 does ``import attrs``; attrs 21.2.0 ships only the
``attr`` package, and ``attrs`` came beside it in 21.3.0.  The answer is attrs>=21.3.0,
never a guess from upload dates that moves attrs back.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

UNIVERSE = {
    "attrs": [{"version": "20.3.0", "upload_time": "2020-11-05T00:00:00Z", "files": {"attr/__init__.py": "s = 1\n"}},
              {"version": "21.2.0", "upload_time": "2021-05-07T00:00:00Z", "files": {"attr/__init__.py": "s = 1\n"}},
              {"version": "21.3.0", "upload_time": "2021-12-28T00:00:00Z",
               "files": {"attr/__init__.py": "s = 1\n", "attrs/__init__.py": "from attr import s\n"}}],
    "cirq-core": [{"version": "1.4.0", "upload_time": "2024-07-01T00:00:00Z", "requires_dist": ["attrs"],
                   "files": {"cirq/__init__.py": "import attrs\n"}}],
}

PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.12/site-packages/cirq/__init__.py", line 1, in <module>
    import attrs
ModuleNotFoundError: No module named 'attrs'
"""


def test_the_release_that_added_the_module_is_the_fix(index_for):
    index, target = index_for(UNIVERSE, python="3.12")
    pins = parse_requirements_text("cirq-core==1.4.0\nattrs==21.2.0\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("attrs", ">=21.3.0")]
    assert d.verdict == "transitive"
