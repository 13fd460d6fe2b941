"""A callable on the failing line became a generator function: "'generator' object is not reversible".

sphinx-doc/sphinx#9727 shape: docutils 0.18 made ``Node.traverse()`` yield its nodes, and Sphinx 1.8.5
calls ``reversed(node.parent.traverse(nodes.classifier))``; 0.18.1 returned a list again.  Another module
of docutils defines a ``traverse`` that has always been a generator, and is not the one.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

SITE = "/home/travis/virtualenv/python3.6.7/lib/python3.6/site-packages"
TB = ("Exception occurred:\n"
      f'  File "{SITE}/sphinxy/util/nodes.py", line 3, in apply_source_workaround\n'
      "    for classifier in reversed(node.parent.traverse(nodes.classifier)):\n"
      "TypeError: 'generator' object is not reversible\n")
LIST = "class Node:\n    def traverse(self, condition=None):\n        return list(self._traverse(condition))\n"
GEN = "class Node:\n    def traverse(self, condition=None):\n        for n in self._traverse(condition):\n            yield n\n"
MATH = "class Walker:\n    def traverse(self):\n        yield self\n"


def _diagnose(index_for, pinned="0.18", message=None):
    universe = {"docutilsy": [{"version": v, "files": {"docutilsy/__init__.py": "", "docutilsy/nodes.py": GEN if v == "0.18" else LIST,
                                                       "docutilsy/math2html.py": MATH}}
                              for v in ("0.16", "0.17.1", "0.18", "0.18.1", "0.19")],
                "sphinxy": [{"version": "1.8.5", "requires_dist": ["docutilsy>=0.11"],
                             "files": {"sphinxy/__init__.py": "", "sphinxy/util/__init__.py": "",
                                       "sphinxy/util/nodes.py": "from docutilsy import nodes\n\ndef apply_source_workaround(node):\n"
                                       "    for classifier in reversed(node.parent.traverse(nodes.classifier)):\n        pass\n"}}]}
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text(f"sphinxy==1.8.5\ndocutilsy=={pinned}\n", target)
    tb = TB if message is None else TB.replace("'generator' object is not reversible", message)
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_pin_whose_callable_became_a_generator_moves_to_its_nearest_releases_returning_a_value(index_for):
    d = _diagnose(index_for)
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("docutilsy", "<=0.17.1"), ("docutilsy", ">=0.18.1")], d.summary
    assert d.verdict == "transitive"


def test_a_callable_that_always_yielded_is_not_the_change(index_for):
    d = _diagnose(index_for, message="'generator' object is not subscriptable")
    assert all(c.name == "docutilsy" for c in d.culprits) and d.culprits
    d = _diagnose(index_for, pinned="0.18.1")  # the pinned release returns a list: nothing changed here
    assert not d.culprits, d.summary


def test_a_project_line_calling_a_name_some_pin_defines_is_not_read(index_for):
    # Review: the project's rows(data)[0] was pinned on an unrelated pin's generator 'rows'.
    universe = {"utilsy": [{"version": v, "files": {"utilsy/__init__.py": "def rows(x):\n" + (
        "    yield x\n" if v == "2.0" else "    return [x]\n")}} for v in ("1.0", "2.0", "3.0")]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("utilsy==2.0\n", target)
    tb = ('Traceback (most recent call last):\n  File "app.py", line 5, in <module>\n    first = rows(data)[0]\n'
          "TypeError: 'generator' object is not subscriptable\n")
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert not d.culprits, d.summary
