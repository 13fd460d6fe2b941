"""Reviewed (s3): pandas' optional-dependency message names the *import* name, which families.py takes for the
distribution name (``sig.requirement = "bs4>=4.9.3"``).

pandas' ``import_optional_dependency`` prints "Pandas requires version '4.9.3' or newer of 'bs4' (version
'4.6.0' currently installed)." - ``bs4`` is beautifulsoup4's import name (likewise ``odf`` is odfpy's,
``psycopg2`` may be psycopg2-binary).  The declared-requirement rule then finds no pin named bs4 and answers
"no pin of the set can satisfy it without moving a keep-pin" (there is no keep-pin), with no culprit.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse


def test_the_import_name_in_pandas_message_is_mapped_to_its_distribution(index_for):
    universe = {"pandasy": [{"version": "1.3.0"}],
                "beautifulsoup4": [{"version": v, "files": {"bs4/__init__.py": ""}} for v in ("4.6.0", "4.9.3")]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("pandasy==1.3.0\nbeautifulsoup4==4.6.0\n", target)
    paste = "ImportError: Pandasy requires version '4.9.3' or newer of 'bs4' (version '4.6.0' currently installed).\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("beautifulsoup4", ">=4.9.3") in [(c.name, c.constraint) for c in d.culprits], d.summary
