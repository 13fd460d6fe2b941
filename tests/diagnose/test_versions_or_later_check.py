"""An import-time check worded "requires <name> versions X or later. You have Y", raised as a package's own exception.

fecgov/openFEC#3607 (benchmarks/cases/kombu440-requires-redis320-redis2106-celery411-openfec-py36):
kombu 4.4.0's Redis transport raises ``kombu.exceptions.VersionMismatch: Redis transport requires
redis-py versions 3.2.0 or later. You have 2.10.6``, pasted from a Cloud Foundry log
(``2019-03-06T14:01:56.64-0500 [APP/PROC/WEB/0] ERR ``).  The check names the project
("redis-py"), not the distribution ("redis"), and the checker is the exception's package.
"""
import pytest

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


def _signal(line):
    return families.classify(parse_traceback(line + "\n")[0])


def test_the_checkers_own_wordings_become_a_declared_floor_with_what_was_found():
    # jax/__init__.py's _check_jaxlib_version (0.1.x to 0.4.x), pandas/compat/numpy/__init__.py
    # (1.x and 0.x wordings), and a plain "X>=v is required, found/you have Y".
    cases = {
        "RuntimeError: jaxlib is version 0.1.69, but this version of jax requires version >= 0.1.74.":
            ("jaxlib>=0.1.74", "jax", ("jaxlib", "0.1.69")),
        "ValueError: jaxlib is version 0.1.37, but this version of jax requires version 0.1.38.":
            ("jaxlib>=0.1.38", "jax", ("jaxlib", "0.1.37")),
        "ImportError: this version of pandas is incompatible with numpy < 1.20.3\nyour numpy version is 1.19.5.\n"
        "Please upgrade numpy to >= 1.20.3 to use this pandas version":
            ("numpy>=1.20.3", "pandas", ("numpy", "1.19.5")),
        "ImportError: pandas 0.16.2 is incompatible with numpy < 1.7.0, your numpy version is 1.6.2. Please upgrade "
        "numpy to >= 1.7.0 to use pandas version 0.16.2":
            ("numpy>=1.7.0", "pandas", ("numpy", "1.6.2")),
        "ValueError: numexpr>=2.7.3 is required, found 2.6.1": ("numexpr>=2.7.3", None, ("numexpr", "2.6.1")),
        "ImportError: cryptography>=3.3 is required, you have 2.8": ("cryptography>=3.3", None, ("cryptography", "2.8")),
    }
    for line, (req, by, found) in cases.items():
        sig = _signal(line)
        assert (sig.family, sig.requirement, sig.required_by or None, sig.found) == (families.DECLARED, req, by, found), line


def test_a_ticked_requirement_in_the_message_is_the_floor():
    # transformers' Trainer (4.30+) when accelerate is older than it needs, or missing
    sig = _signal("ImportError: Using the `Trainer` with `PyTorch` requires `accelerate>=0.20.1`: Please run "
                  "`pip install transformers[torch]` or `pip install accelerate -U`")
    assert (sig.family, sig.requirement) == (families.DECLARED, "accelerate>=0.20.1")


def test_the_found_version_is_read_whole_after_a_semicolon():
    # "you have 1.19.5" once gave found '5': the optional name before the version must start with a letter
    assert _signal("ImportError: Matplotlib requires numpy>=1.20; you have 1.19.5").found == ("numpy", "1.19.5")


def test_a_found_version_followed_by_a_comma_is_read():
    assert _signal("ValueError: numexpr>=2.7.3 is required, found 2.6.1, please upgrade").found == ("numexpr", "2.6.1")
    # and a name joined to its version by a hyphen ("numpy-1.19.5") gives the whole version
    assert _signal("ImportError: needs numpy >=1.20 but got numpy-1.19.5").found == ("numpy", "1.19.5")


@pytest.mark.parametrize("found", ["0.1.69", "0.1.69+cuda111"])  # (a CUDA build of the pinned release is that release)
def test_jaxs_check_moves_jaxlib_up_or_jax_back(index_for, found):
    universe = {
        "jaxlib": [{"version": v, "files": {"jaxlib/__init__.py": ""}} for v in ("0.1.69", "0.1.74", "0.1.75")],
        "jax": [{"version": v, "files": {"jax/__init__.py": ""}} for v in ("0.2.20", "0.2.26")],
    }
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("jax==0.2.26\njaxlib==0.1.69\n", target)
    paste = ('Traceback (most recent call last):\n'
             '  File "/home/u/run.py", line 1, in <module>\n'
             '    import jax\n'
             '  File "/usr/lib/python3.8/site-packages/jax/__init__.py", line 3, in <module>\n'
             '    raise RuntimeError(msg)\n'
             f'RuntimeError: jaxlib is version {found}, but this version of jax requires version >= 0.1.74.\n')
    d = diagnose(parse_traceback(paste)[0], pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "transitive", d.summary
    assert ("jaxlib", ">=0.1.74") in {(c.name, c.constraint) for c in d.culprits}
