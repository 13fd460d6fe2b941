"""A module no pin installs, imported by a pin whose later release began declaring the distribution shipping it.

andreax79/airflow-code-editor#69: 7.4.0 imports ``psslib`` without declaring ``pss``, which installs it; 7.4.1
added ``Requires-Dist: pss >=1.44``.  The Airflow UI printed only the line, with typographic quotes:
'Broken plugin: [airflow_code_editor.airflow_code_editor] No module named ‘psslib’'.
"""
from pytest_depfix.diagnose import load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from tests.support.diagnose_crashes import diagnose_paste

UI = "Error displayed the Airflow UI \u2014 \u201cBroken plugin: [codeed.plugin] No module named \u2018psslib\u2019\u201d\n"
PASTE = "ModuleNotFoundError: No module named 'psslib'\n"
REQS = "airflowy==2.7.0\ncodeed==7.4.0\n"


def _universe(declares=True):
    return {"airflowy": [{"version": "2.7.0", "files": {"airflowy/__init__.py": ""}}],
            "pss": [{"version": "1.44", "files": {"psslib/__init__.py": ""}}],
            "codeed": [{"version": v, "requires_dist": deps, "files": {"codeed/__init__.py": "",
                                                                       "codeed/plugin.py": "import psslib\n"}}
                       for v, deps in (("7.4.0", []), ("7.4.1", ["pss>=1.44"] if declares else []))]}


def test_a_bracketed_tool_prefix_and_typographic_quotes_are_read():
    inferred = infer_message(UI, load_knowledge(bundled=False))
    assert inferred is not None and inferred.exc_type == "ModuleNotFoundError"
    assert "'psslib'" in inferred.message


def test_the_importing_pin_moves_to_its_release_that_declares_the_shipping_distribution(index_for):
    index, target = index_for(_universe(), python="3.11")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("codeed", ">=7.4.1")], d.summary


def test_no_later_release_declaring_it_moves_nothing(index_for):
    index, target = index_for(_universe(declares=False), python="3.11")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not d.culprits, d.summary
