"""A frameless "'X' object has no attribute 'y'": after the class's owner, the pin that reached ``obj.y``.

pytest-dev/pytest-asyncio#820-style paste (pytest 8.2 dropped ``FixtureDef.unittest``; pytest-asyncio
0.21.1 read it and 0.21.2 stopped): the thread's fix is the caller's micro release, smaller than holding
pytest back a minor.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

OLD_DEF = "class FixtureDef:\n    def __init__(self, unittest=False):\n        self.unittest = unittest\n        self.argname = 'x'\n"
NEW_DEF = "class FixtureDef:\n    def __init__(self):\n        self.argname = 'x'\n"
USES = "def setup(fixturedef):\n    if fixturedef.unittest:\n        return None\n    return fixturedef.argname\n"
STOPPED = "def setup(fixturedef):\n    return fixturedef.argname\n"
UNIVERSE = {
    "pytesty": [{"version": "8.1.2", "files": {"pytesty/fixtures.py": OLD_DEF}},
                {"version": "8.2.0", "files": {"pytesty/fixtures.py": NEW_DEF}}],
    "asyncplug": [{"version": "0.21.1", "requires_dist": ["pytesty>=7"], "files": {"asyncplug/plugin.py": USES}},
                  {"version": "0.21.2", "requires_dist": ["pytesty>=7"], "files": {"asyncplug/plugin.py": STOPPED}}],
    "appy": [{"version": "0.6.5", "files": {"appy/views.py": USES}},  # a Django app declaring no Django
             {"version": "0.6.6", "files": {"appy/views.py": STOPPED}}],
    "other": [{"version": "1.0", "requires_dist": ["pytesty>=7"], "files": {"other/__init__.py": "import unittest\n"}}],
}
PASTE = "AttributeError: 'FixtureDef' object has no attribute 'unittest'\n"


def _culprits(index_for, reqs):
    index, target = index_for(UNIVERSE, python="3.10")
    pins = parse_requirements_text(reqs, target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    return d, sorted((c.name, c.constraint) for c in d.culprits)


def test_the_pin_reading_the_dropped_attribute_and_its_release_that_stopped_are_offered(index_for):
    d, culprits = _culprits(index_for, "other==1.0\nasyncplug==0.21.1\npytesty==8.2.0\n")
    assert ("asyncplug", ">=0.21.2") in culprits, culprits
    assert any(name == "pytesty" and "<8.2.0" in spec for name, spec in culprits), culprits
    assert d.verdict == "transitive"


def test_an_import_of_a_module_named_like_the_attribute_is_no_use(index_for):
    # 'import unittest' in 'other' is not 'obj.unittest': only asyncplug is a user, so the answer stands
    # even with 'other' listed first; without asyncplug no caller is offered at all.
    _, culprits = _culprits(index_for, "other==1.0\npytesty==8.2.0\n")
    assert [name for name, _ in culprits] == ["pytesty"], culprits


def test_in_a_small_set_declaring_nothing_the_pin_reading_the_attribute_is_still_found(index_for):
    # django-admin-autocomplete-all 0.6.5 reads request.is_ajax (gone in Django 4) and declares no Django.
    _, culprits = _culprits(index_for, "appy==0.6.5\npytesty==8.2.0\n")
    assert ("appy", ">=0.6.6") in culprits, culprits


def test_a_class_no_pin_defines_moves_the_one_pin_reading_the_attribute_back_to_before_it_did(index_for):
    # reservoirpy#70: hyperopt 0.2.7 calls rstate.integers() on the RandomState its caller passes;
    # NumPy is not in the set and no pin defines RandomState.  hyperopt 0.2.5 called randint().
    universe = {
        "hyperoptish": [
            {"version": "0.2.5", "files": {"hyperoptish/fmin.py": "def run(self):\n    return self.rstate.randint(2 ** 31 - 1)\n"}},
            {"version": "0.2.7", "files": {"hyperoptish/fmin.py": "def run(self):\n    return self.rstate.integers(2 ** 31 - 1)\n"}},
        ],
        "reservoirish": [{"version": "0.3.2", "requires_dist": ["hyperoptish"],
                          "files": {"reservoirish/hyper.py": "import numpy as np\n\ndef search():\n"
                                                           "    return dict(rstate=np.random.RandomState(42))\n"}}],
    }
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("reservoirish==0.3.2\nhyperoptish==0.2.7\n", target)
    paste = "AttributeError: 'numpy.random.mtrand.RandomState' object has no attribute 'integers'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("hyperoptish", "<=0.2.5")]


def test_a_class_printed_without_its_module_is_never_taken_for_no_pins(index_for):
    # facebook/prophet (wrong conda env): "'Prophet' object has no attribute 'stan_backend'" names no
    # module; an unread class may be the pin's own, so the pin reading it is not moved back.
    universe = {"prophetish": [
        {"version": "0.5", "files": {"prophetish/diagnostics.py": "def f(m):\n    return m.backend\n"}},
        {"version": "0.6", "files": {"prophetish/diagnostics.py": "def f(m):\n    return m.stan_backend.get_type()\n"}},
    ], "stanish": [{"version": "2.19", "files": {"stanish/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("prophetish==0.6\nstanish==2.19\n", target)
    paste = "AttributeError: 'Prophet' object has no attribute 'stan_backend'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("prophetish", "<=0.5") not in [(c.name, c.constraint) for c in d.culprits]


def test_under_a_known_break_the_one_pin_that_stopped_reading_the_attribute_is_offered_as_strongly(index_for):
    # oturns/geosnap#368: "'Series' object has no attribute 'iteritems'" alone; the knowledge base
    # knows pandas 2.0 removed it, and geosnap 0.12.0 stopped calling it.
    universe = {
        "pandas": [{"version": v, "files": {"pandas/__init__.py": "class Series:\n    def items(self):\n        pass\n"}}
                   for v in ("1.5.3", "2.0.1")],
        "geosnapish": [
            {"version": "0.11.0", "requires_dist": ["pandas"],
             "files": {"geosnapish/_data.py": "def walk(arg):\n    for k, v in arg.iteritems():\n        yield k\n"}},
            {"version": "0.12.0", "requires_dist": ["pandas"],
             "files": {"geosnapish/_data.py": "def walk(arg):\n    for k, v in arg.items():\n        yield k\n"}},
        ],
    }
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("geosnapish==0.11.0\npandas==2.0.1\n", target)
    paste = "AttributeError: 'Series' object has no attribute 'iteritems'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(), probe=ApiProbe(index))
    got = {(c.name, c.constraint): c.confidence for c in d.culprits}
    assert ("pandas", "<2") in got
    assert got.get(("geosnapish", ">=0.12.0"), 0) >= 0.8


def _networkx_universe(readers):
    graph = "class Graph:\n    def __init__(self):\n        self.nodes = {}\n"
    universe = {"networkx": [{"version": v, "files": {"networkx/__init__.py": graph}} for v in ("2.3", "2.4")]}
    for name in readers:
        universe[name] = [
            {"version": "0.0.9", "requires_dist": ["networkx"],
             "files": {f"{name}/search.py": "def mark(g, var):\n    g.node[var]['type'] = 'x'\n"}},
            {"version": "0.0.10", "requires_dist": ["networkx"],
             "files": {f"{name}/search.py": "def mark(g, var):\n    g.nodes[var]['type'] = 'x'\n"}},
        ]
    return universe


def test_under_a_known_break_a_short_attribute_is_searched_in_the_one_pin_declaring_its_owner(index_for):
    # akelleh/causality#82: "'Graph' object has no attribute 'node'" alone; networkx 2.4 removed
    # Graph.node (a knowledge entry), causality 0.0.10 stopped reading it.
    index, target = index_for(_networkx_universe(["causalish"]), python="3.7")
    pins = parse_requirements_text("causalish==0.0.9\nnetworkx==2.4\n", target)
    paste = "AttributeError: 'Graph' object has no attribute 'node'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("causalish", ">=0.0.10") in got and any(name == "networkx" for name, _ in got)


def test_a_short_attribute_is_not_searched_among_several_pins(index_for):
    index, target = index_for(_networkx_universe(["causalish", "otherish"]), python="3.7")
    pins = parse_requirements_text("causalish==0.0.9\notherish==0.0.9\nnetworkx==2.4\n", target)
    paste = "AttributeError: 'Graph' object has no attribute 'node'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert not any(c.name in ("causalish", "otherish") for c in d.culprits)
