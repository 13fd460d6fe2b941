"""A refusal whose module came with a new layout: the nearest release without that module, read whole.

kibble's setup under elasticsearch 8: "Positional arguments can't be used with Elasticsearch
API methods" is raised in ``elasticsearch/_sync/client/utils.py``, a folder 8.0 introduced;
7.17 has no such module.  Read whole and silent throughout, 7.17 is the end of the refusal.
A release where the refusal only moved to another module is no end.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

NEW = ("def _rewrite(api):\n    def wrapped(*args, **kwargs):\n        if args:\n"
       "            raise TypeError(\"Positional arguments can't be used with Elasticsearch API methods. \"\n"
       "                            \"Instead only use keyword arguments.\")\n        return api(**kwargs)\n    return wrapped\n")
OLD = "def query_params(*names):\n    def deco(f):\n        return f\n    return deco\n"


def _universe(old_also_refuses=False):
    old_files = {"elasticy/__init__.py": "", "elasticy/client/__init__.py": "",
                 "elasticy/client/utils.py": NEW if old_also_refuses else OLD}
    new_files = {"elasticy/__init__.py": "", "elasticy/_sync/__init__.py": "", "elasticy/_sync/client/__init__.py": "",
                 "elasticy/_sync/client/utils.py": NEW}
    return {"elasticy": [{"version": "7.16.0", "files": old_files}, {"version": "7.17.13", "files": old_files},
                         {"version": "8.0.0", "files": new_files}, {"version": "8.3.3", "files": new_files}]}


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("elasticy==8.3.3\n", target)
    text = "TypeError: Positional arguments can't be used with Elasticsearch API methods. Instead only use keyword arguments.\n"
    return diagnose(simple_parse(text, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_release_before_the_new_layout_silent_throughout_ends_the_refusal(index_for):
    d = _diagnose(index_for, _universe())
    assert [(c.name, c.constraint) for c in d.culprits] == [("elasticy", "<=7.17.13")], d.summary


def test_a_refusal_that_only_moved_module_is_no_end(index_for):
    d = _diagnose(index_for, _universe(old_also_refuses=True))
    assert d.culprits == []


def test_the_same_refusal_reworded_in_the_old_layout_is_no_end(index_for):
    # (the second review's input: 7.x raised it in other words from its client/utils.py)
    reworded = NEW.replace("Positional arguments can't be used with Elasticsearch API methods. ",
                           "Elasticsearch API methods refuse positional arguments: ").replace(
        "Instead only use keyword arguments.", "use keyword arguments only")
    universe = _universe()
    for release in universe["elasticy"][:2]:
        release["files"] = dict(release["files"], **{"elasticy/client/utils.py": reworded})
    d = _diagnose(index_for, universe)
    assert d.culprits == []


def test_the_evidence_says_the_module_is_gone_not_silent(index_for):
    d = _diagnose(index_for, _universe())
    assert "has no elasticy/_sync/client/utils.py and, read whole, raises it nowhere" in d.culprits[0].evidence[0]
