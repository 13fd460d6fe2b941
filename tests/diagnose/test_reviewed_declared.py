"""Found by review: _declared's new DistributionNotFound check calls SpecifierSet.contains on the pin's raw version.

With packaging < 26 (the project allows packaging>=22) a non-PEP 440 pin ('===' arbitrary equality)
raises InvalidVersion out of diagnose(). Run with packaging 24.2 first on sys.path to see it.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse


def test_a_distribution_not_found_with_an_arbitrary_equality_pin_does_not_raise(index_for):
    index, target = index_for({"dpt-rp1-py": [{"version": "0.1.6"}]}, python="3.8")
    pins = parse_requirements_text("dpt-rp1-py===0.1.6-custom\n", target)
    tb = ('Traceback (most recent call last):\n  File "/usr/bin/dptrp1", line 6, in <module>\n'
          "    from pkg_resources import load_entry_point\n"
          '  File "/usr/lib/python3.8/site-packages/pkg_resources/__init__.py", line 786, in resolve\n'
          "    raise DistributionNotFound(req, requirers)\n"
          "pkg_resources.DistributionNotFound: The 'dpt-rp1-py>=0.1' distribution was not found and is required by "
          "the application\n")
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False))
    assert d.verdict in ("environment", "unknown", "direct", "transitive")
