"""A version check whose message contradicts itself: the checker's later release that rewrote it.

coleifer/peewee#1277: sqlite-web 0.1.7 compared version strings, so peewee 2.10.1 failed
"Peewee >= 2.4.3 is required. Found version 2.10.1"; sqlite-web 0.1.8 compares int tuples.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

RAISE = ("    raise RuntimeError('Peewee >= 2.4.3 is required. Found version %s. '\n"
         "                       'Please update by running pip install --update peewee' % __version__)\n")
OLD = "from peew import __version__\n\nif __version__ < '2.4.3':\n" + RAISE
NEW = ("from peew import __version__\n\npeewee_version = tuple([int(p) for p in __version__.split('.')])\n"
       "if peewee_version <= (2, 4, 2):\n" + RAISE)
UNIVERSE = {
    "peew": [{"version": "2.10.1", "files": {"peew.py": "__version__ = '2.10.1'\n"}}],
    "sqlweb": [{"version": v, "requires_dist": ["peew"], "files": {"sqlweb/__init__.py": "", "sqlweb/app.py": src}}
               for v, src in (("0.1.6", OLD), ("0.1.7", OLD), ("0.1.8", NEW))],
}
PASTE = ("RuntimeError: Peewee >= 2.4.3 is required. Found version 2.10.1. "
         "Please update by running pip install --update peewee\n")


def _diagnose(index_for, paste):
    index, target = index_for(UNIVERSE, python="3.6")
    pins = parse_requirements_text("sqlweb==0.1.7\npeew==2.10.1\n", target)
    return diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_checker_moves_to_the_release_that_rewrote_its_check(index_for):
    d = _diagnose(index_for, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("sqlweb", ">=0.1.8")]
    assert "contradict" in d.culprits[0].evidence[0]


def test_a_check_the_found_version_really_fails_is_not_called_wrong(index_for):
    d = _diagnose(index_for, PASTE.replace("2.10.1", "2.3.9"))
    assert ("sqlweb", ">=0.1.8") not in [(c.name, c.constraint) for c in d.culprits]
