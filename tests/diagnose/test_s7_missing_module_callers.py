"""A frameless "No module named 'pkg.sub'": the pin still importing the removed module is the caller.

django-crispy-forms/django-crispy-forms#956: the post is only Django's template
loader message, in backticks: "ImportError raised when trying to load
'crispy_forms.templatetags.crispy_forms_field': No module named 'django.utils.lru_cache'".
Django 3.0 removed the module; crispy-forms 1.7.2 imports it, and 1.8 imports it only when
``django.VERSION < (3, 0)``.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = ("`ImportError raised when trying to load 'crispy_forms.templatetags.crispy_forms_field': "
         "No module named 'django.utils.lru_cache'`\n")

UNIVERSE = {
    "dj": [{"version": "2.2.28", "upload_time": "2022-04-11T00:00:00Z",
            "files": {"dj/__init__.py": "VERSION = (2, 2)\n", "dj/utils/__init__.py": "",
                      "dj/utils/lru_cache.py": "from functools import lru_cache\n"}},
           {"version": "3.0", "upload_time": "2019-12-02T00:00:00Z",
            "files": {"dj/__init__.py": "VERSION = (3, 0)\n", "dj/utils/__init__.py": ""}}],
    "forms": [{"version": "1.7.2", "upload_time": "2019-01-01T00:00:00Z",
               "files": {"forms/__init__.py": "", "forms/utils.py": "from dj.utils.lru_cache import lru_cache\n"}},
              {"version": "1.8.1", "upload_time": "2019-11-22T00:00:00Z",
               "files": {"forms/__init__.py": "",
                         "forms/utils.py": "import dj\nif dj.VERSION < (3, 0):\n    from dj.utils.lru_cache import lru_cache\n"
                                           "else:\n    from functools import lru_cache\n"}}],
}


def test_a_whole_line_in_backticks_is_read_as_the_message_it_quotes():
    found = infer_message(PASTE)
    assert found is not None and found.exc_type == "ModuleNotFoundError"
    assert found.message == "No module named 'django.utils.lru_cache'"


def test_the_pin_importing_the_removed_module_moves_to_its_release_that_stopped(index_for):
    index, target = index_for(UNIVERSE, python="3.7")
    pins = parse_requirements_text("dj==3.0\nforms==1.7.2\n", target)
    found = infer_message(PASTE.replace("django.", "dj."))
    d = diagnose(found.to_crash(), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("forms", ">=1.8.1") in got
    assert any("forms 1.7.2 uses dj.utils.lru_cache" in e for c in d.culprits for e in c.evidence)
