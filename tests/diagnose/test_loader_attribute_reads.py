"""A loader replaced the import's message; the module it names reads a removed attribute when imported.

axnsan12/drf-yasg#813: "ImportError: Could not import 'drf_yasg.generators.OpenAPISchemaGenerator'
for API setting 'DEFAULT_GENERATOR_CLASS'." (Django REST framework's settings loader, its first
sentence only).  drf-yasg 1.21.3's inspectors build a table at import that reads
``serializers.NullBooleanField``, which djangorestframework 3.14 removed.
"""
from pytest_depfix.crash import parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = ("ImportError: Could not import 'drfy_yasg.generators.OpenAPISchemaGenerator' for API setting "
         "'DEFAULT_GENERATOR_CLASS'.\n")


def _universe():
    def drf(v, has):
        fields = "class BooleanField:\n    pass\n" + ("class NullBooleanField:\n    pass\n" if has else "")
        return {"version": v, "files": {"rest_frameworky/__init__.py": "", "rest_frameworky/serializers.py": fields}}

    def yasg(v, reads):
        table = "    (serializers.NullBooleanField, 'boolean'),\n" if reads else ""
        field = ("from rest_frameworky import serializers\n\nMAPPING = [\n    (serializers.BooleanField, 'boolean'),\n"
                 + table + "]\n")
        return {"version": v, "requires_dist": ["rest-frameworky>=3.10"],
                "files": {"drfy_yasg/__init__.py": "", "drfy_yasg/inspectors.py": field,
                          "drfy_yasg/generators.py": "from .inspectors import MAPPING\n\nclass OpenAPISchemaGenerator:\n    pass\n"}}
    return {"rest-frameworky": [drf("3.13.1", True), drf("3.14.0", False)],
            "drfy-yasg": [yasg("1.21.3", True), yasg("1.21.4", False)]}


def _diagnose(index_for, paste=PASTE):
    index, target = index_for(_universe(), python="3.10")
    pins = parse_requirements_text("rest-frameworky==3.14.0\ndrfy-yasg==1.21.3\n", target)
    crash = parse_traceback(paste)[0]
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_module_level_read_of_a_removed_attribute_is_the_loaders_hidden_error(index_for):
    d = _diagnose(index_for)
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("rest-frameworky", "<3.14.0") in {(n, c.split(",")[-1]) for n, c in got} or \
        any(n == "rest-frameworky" for n, _ in got), d.summary
    assert ("drfy-yasg", ">=1.21.4") in got, d.summary
    assert "NullBooleanField" in d.summary


def test_a_loader_naming_a_module_that_reads_nothing_missing_says_nothing(index_for):
    d = _diagnose(index_for, PASTE.replace("drfy_yasg.generators", "drfy_yasg.inspectors").replace(
        "OpenAPISchemaGenerator", "MAPPING"))
    # the same module is read: still the same finding; a module reading nothing missing is tested below
    assert "NullBooleanField" in d.summary
    index, target = index_for(_universe(), python="3.10")
    pins = parse_requirements_text("rest-frameworky==3.13.1\ndrfy-yasg==1.21.3\n", target)
    d = diagnose(parse_traceback(PASTE)[0], pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert not d.culprits, d.summary
