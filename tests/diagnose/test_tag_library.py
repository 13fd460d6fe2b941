"""Django's "'staticfiles' is not a registered tag library": the release that dropped it, and the templates loading it.

wagtail-experiments#25: Django 3.0 removed the staticfiles tag library; wagtail-experiments 0.2's
report.html runs '{% load i18n staticfiles %}', 0.3's runs '{% load i18n static %}'.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = ("I have a TemplateSyntaxError at /admin/experiments/experiment/report/1/\n"
         "'staticfiles' is not a registered tag library. Must be one of...\n")
LIB = "djangoy/contrib/staticfiles/templatetags/staticfiles.py"


def _universe(caller_new: str = "{% load i18n static %}\n"):
    provider = [{"version": v, "files": dict({"djangoy/__init__.py": "", "djangoy/templatetags/static.py": "x = 1\n"},
                                             **({LIB: "x = 1\n"} if v < "3" else {}))}
                for v in ("2.1.0", "2.2.17", "3.0", "3.1.5")]
    caller = [{"version": v, "requires_dist": ["djangoy"],
               "files": {"experiments/__init__.py": "",
                         "experiments/templates/experiments/report.html": "{% load i18n staticfiles %}\n" if v == "0.2" else caller_new}}
              for v in ("0.2", "0.3")]
    return {"djangoy": provider, "wagexp": caller}


def _diagnose(index_for, universe, reqs="wagexp==0.2\ndjangoy==3.1.5\n"):
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text(reqs, target)
    kb = load_knowledge(bundled=False)
    inferred = infer_message(PASTE, kb)
    assert inferred is not None and inferred.exc_type.endswith("TemplateSyntaxError")
    return diagnose(inferred.to_crash(), pins, target, index, kb, probe=ApiProbe(index))


def test_the_provider_before_it_dropped_the_library_and_the_caller_that_stopped_loading_it(index_for):
    d = _diagnose(index_for, _universe())
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("djangoy", "<3.0"), ("wagexp", ">=0.3")]
    assert d.verdict == "transitive"


def test_a_caller_that_never_stopped_loading_it_leaves_only_the_provider(index_for):
    d = _diagnose(index_for, _universe(caller_new="{% load staticfiles %}\n"))
    assert [(c.name, c.constraint) for c in d.culprits] == [("djangoy", "<3.0")]


def test_a_library_the_pinned_provider_ships_is_no_version_question(index_for):
    d = _diagnose(index_for, _universe(), reqs="wagexp==0.2\ndjangoy==2.2.17\n")
    assert d.culprits == []


def test_templates_past_the_read_cap_are_never_taken_for_no_load(index_for, monkeypatch):
    # Review finding: a cut list read as "no template loads it" offered a caller release that still does.
    from pytest_depfix.diagnose import templates

    monkeypatch.setattr(templates, "MAX_TEMPLATES", 1)
    universe = _universe()
    for rel in universe["wagexp"]:
        rel["files"]["experiments/templates/experiments/zz_more.html"] = "{% load staticfiles %}\n"
    d = _diagnose(index_for, universe)
    assert not any(c.name == "wagexp" for c in d.culprits)
