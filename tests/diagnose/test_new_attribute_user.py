"""No frame, an attribute the target's Python lacks: the one pin reading it, else no pin helps.

K1DV5/docal#25: "'ImportFrom' object has no attribute 'end_lineno'" on Python 3.7; ast nodes
carry end positions since 3.8 (What's New in Python 3.8, ast).
"""
from pytest_depfix.crash import parse_traceback
from pytest_depfix.diagnose.families import PYTHON_VERSION, classify
from pytest_depfix.diagnose.users import INSTANCE, uses_in_source
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'ImportFrom' object has no attribute 'end_lineno'\n"
READS = "class Parser:\n    def mark(self, p, lineno):\n        self.end_lineno = lineno\n        return p.end_lineno + 1\n"
OLD = "class Parser:\n    def mark(self, p, lineno):\n        return p.lineno + 1\n"


def test_an_ast_nodes_end_position_is_new_in_python_38():
    sig = classify(parse_traceback(PASTE)[0])
    assert sig.family == PYTHON_VERSION and sig.detail["python_added"] == "3.8"
    assert classify(parse_traceback("AttributeError: 'Widget' object has no attribute 'end_lineno'\n")[0]).family != PYTHON_VERSION


def test_setting_an_attribute_is_no_read_of_it():
    use = uses_in_source(READS, INSTANCE, "end_lineno", raises="AttributeError")
    assert use is not None and use.line == 4


def _universe(bodies):
    return {"docalx": [{"version": v, "files": {"docalx/__init__.py": "", "docalx/parsing.py": b}} for v, b in bodies]}


def test_the_one_reader_goes_back_to_its_release_before_it_read(index_for):
    index, target = index_for(_universe([("2.1.0", OLD), ("3.0.1", READS)]), python="3.7")
    d = diagnose_paste(index, target, "docalx==3.0.1\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("docalx", "<=2.1.0")], d.summary


def test_with_no_release_that_does_without_it_the_python_is_the_cause(index_for):
    index, target = index_for(_universe([("3.0.0", READS), ("3.0.1", READS)]), python="3.7")
    d = diagnose_paste(index, target, "docalx==3.0.1\n", PASTE)
    assert d.verdict == "environment" and not d.culprits, d.summary
    assert "Python >= 3.8" in d.advice
