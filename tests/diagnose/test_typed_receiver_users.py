"""A frameless missing attribute read off many objects: asked again off a receiver named like the class.

numbersparser's docs build on Sphinx 7.3.7: "'Theme' object has no attribute
'config'".  sphinx-nefertiti 0.3.2 reads ``app.config`` everywhere and ``app.builder.theme.config``
once; 0.3.3 stopped the latter.  Untyped, every release "still reads .config"; read off a receiver
named ``theme``, 0.3.3 is the one that stopped.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = "Running Sphinx v7.3.7\n'Theme' object has no attribute 'config'\n"
OLD = ("def setup(app):\n    prefs = app.config.html_theme_options\n    config = app.builder.theme.config\n"
       "    return prefs, config\n")
NEW = "def setup(app):\n    prefs = app.config.html_theme_options\n    return prefs\n"


def _universe(stops=True):
    def sphinxy(v, has):
        theme = "class Theme:\n    def __init__(self):\n" + ("        self.config = {}\n" if has else "        self.name = 'x'\n")
        return {"version": v, "files": {"sphinxy/__init__.py": "", "sphinxy/theming.py": theme}}

    def nef(v, body):
        return {"version": v, "requires_dist": ["sphinxy"], "files": {"nefertitiy/__init__.py": body}}

    return {"sphinxy": [sphinxy("7.2.6", True), sphinxy("7.3.7", False)],
            "nefertitiy": [nef("0.3.2", OLD), nef("0.3.3", NEW if stops else OLD + "\nx = 1\n")]}


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("sphinxy==7.3.7\nnefertitiy==0.3.2\n", target)
    return diagnose(infer_message(PASTE).to_crash(), pins, target, index, load_knowledge(bundled=False),
                    probe=ApiProbe(index))


def test_the_pin_that_stopped_reading_it_off_a_theme_is_an_alternative(index_for):
    d = _diagnose(index_for, _universe())
    assert ("nefertitiy", ">=0.3.3") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_pin_still_reading_it_off_a_theme_is_no_alternative(index_for):
    d = _diagnose(index_for, _universe(stops=False))
    assert "nefertitiy" not in {c.name for c in d.culprits}, d.summary
