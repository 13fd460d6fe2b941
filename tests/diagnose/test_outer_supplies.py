"""A library reads an attribute on an object an outer pin builds; that pin's later release sets it.

Jakski/sphinxcontrib-autoyaml#30: ruamel.yaml 0.19's composer reads ``self.loader.max_depth``;
sphinxcontrib-autoyaml 1.1.3 builds the Loader and never sets it; 1.2.0 does ``loader.max_depth = 0``.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

COMPOSER = ("class Composer:\n    def compose_node(self):\n        if self.loader.max_depth and self.depth > 1:\n"
            "            return None\n        return self\n")
OLD = "from ruamy.composer import Composer\n\n\ndef compose(loader):\n    return loader.compose_node()\n"
NEW = "from ruamy.composer import Composer\n\n\ndef compose(loader):\n    loader.max_depth = 0\n    return loader.compose_node()\n"
UNIVERSE = {
    "ruamy": [{"version": "0.19.1", "files": {"ruamy/__init__.py": "", "ruamy/composer.py": COMPOSER}}],
    "autoyamly": [{"version": v, "requires_dist": ["ruamy"], "files": {"autoyamly/__init__.py": src}}
                  for v, src in (("1.1.3", OLD), ("1.2.0", NEW))],
}
PASTE = ('Traceback (most recent call last):\n'
         '  File "/app/venv/lib/python3.12/site-packages/autoyamly/__init__.py", line 5, in compose\n'
         '    return loader.compose_node()\n'
         '  File "/app/venv/lib/python3.12/site-packages/ruamy/composer.py", line 3, in compose_node\n'
         '    if self.loader.max_depth and self.depth > 1:\n'
         "AttributeError: 'Loader' object has no attribute 'max_depth'\n")


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.12")
    pins = parse_requirements_text("autoyamly==1.1.3\nruamy==0.19.1\n", target)
    (crash,) = parse_traceback(PASTE)
    crash = attribute(crash, pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_outer_pins_release_that_sets_the_attribute_is_offered(index_for):
    d = _diagnose(index_for, UNIVERSE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("autoyamly", ">=1.2.0")]


def test_an_outer_pin_that_never_sets_it_is_not_offered(index_for):
    universe = dict(UNIVERSE, autoyamly=[dict(r, files={"autoyamly/__init__.py": OLD}) for r in UNIVERSE["autoyamly"]])
    d = _diagnose(index_for, universe)
    assert not any(c.name == "autoyamly" for c in d.culprits)
