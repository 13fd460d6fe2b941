"""tzlocal 5.0 removed its pytz_deprecation_shim wrapper (regebro/tzlocal#140): the bundled entry.

myusuf3/delorean#120 (benchmarks/cases/tzlocal50-zoneinfo-no-localize-delorean100-py39): only the
repr of the exception was pasted, with no frame.
A tzlocal 3.x pin (3.0 returned zoneinfo too, 4.x wrapped it again) is not this entry's.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = "AttributeError: 'ZoneInfo' object has no attribute 'localize'\n"  # (the repr form is read as this)


def _culprits(index_for, tzlocal):
    files = {"tzlocal/__init__.py": ""}
    universe = {"tzlocal": [{"version": v, "files": files} for v in ("2.1", "3.0", "4.3.1", "5.0")],
                "delorean": [{"version": "1.0.0", "files": {"delorean/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text(f"Delorean==1.0.0\ntzlocal=={tzlocal}\n", target)
    crash = attribute(parse_traceback(PASTE)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    return {(c.name, c.constraint) for c in d.culprits}


def test_a_tzlocal_5_pin_goes_back_below_5(index_for):
    assert ("tzlocal", "<5") in _culprits(index_for, "5.0")


def test_a_tzlocal_3_pin_is_not_this_entrys(index_for):
    assert ("tzlocal", "<5") not in _culprits(index_for, "3.0")
