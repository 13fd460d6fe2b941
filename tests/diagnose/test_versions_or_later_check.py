"""An import-time check worded "requires <name> versions X or later. You have Y", raised as a package's own exception.

fecgov/openFEC#3607 (benchmarks/cases/kombu440-requires-redis320-redis2106-celery411-openfec-py36):
kombu 4.4.0's Redis transport raises ``kombu.exceptions.VersionMismatch: Redis transport requires
redis-py versions 3.2.0 or later. You have 2.10.6``, pasted from a Cloud Foundry log
(``2019-03-06T14:01:56.64-0500 [APP/PROC/WEB/0] ERR ``).  The check names the project
("redis-py"), not the distribution ("redis"), and the checker is the exception's package.
"""
from pytest_depfix.crash import parse_traceback
from pytest_depfix.diagnose import diagnose, families, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = ("2019-03-06T14:01:56.64-0500 [APP/PROC/WEB/0] ERR kombu.exceptions.VersionMismatch: Redis transport "
         "requires redis-py versions 3.2.0 or later. You have 2.10.6\n")


def test_the_cloud_foundry_line_is_read_and_classified_as_a_declared_floor():
    (crash,) = parse_traceback(PASTE)
    assert crash.final.type == "kombu.exceptions.VersionMismatch"
    sig = families.classify(crash)
    assert (sig.family, sig.requirement, sig.required_by, sig.found) == (
        families.DECLARED, "redis-py>=3.2.0", "kombu", ("redis-py", "2.10.6"))


def test_a_message_that_only_mentions_later_versions_is_not_a_check():
    (crash,) = parse_traceback("ValueError: this feature requires numpy 1.20 or later to be useful\n")
    assert families.classify(crash).family != families.DECLARED


def test_the_project_name_with_a_py_suffix_finds_the_pin_that_ships_it(index_for):
    universe = {
        "redis": [{"version": v, "files": {"redis/__init__.py": ""}} for v in ("2.10.6", "3.2.0", "3.2.1")],
        "kombu": [{"version": v, "files": {"kombu/__init__.py": "", "kombu/exceptions.py": ""}}
                  for v in ("4.3.0", "4.4.0")],
    }
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("kombu==4.4.0\nredis==2.10.6\n", target)
    d = diagnose(parse_traceback(PASTE)[0], pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "transitive", d.summary
    assert ("redis", ">=3.2.0") in {(c.name, c.constraint) for c in d.culprits}
