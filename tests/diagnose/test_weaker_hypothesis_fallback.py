"""When the likelier fixes cannot be had, the weaker hypotheses set aside by PLAUSIBLE_RATIO are tried.

HaasCP/mocca#3: requests-toolbelt 0.9.1 imports ``appengine`` from urllib3's contrib,
which urllib3 2 dropped; requests-toolbelt 1.0 stopped, but the kept datapane 0.14.0
caps requests-toolbelt below 0.10.  Holding urllib3 back is the fix that is left.
"""
from pytest_depfix.crash.parse import parse_traceback
from pytest_depfix.engine import AnalysisRequest, analyze
from pytest_depfix.requirements import parse_pin, parse_requirements_text

COMPAT_OLD = "try:\n    from wrap.packages.lib.contrib import appengine as gae\nexcept ImportError:\n    from lib.contrib import appengine as gae\n"
UNIVERSE = {
    "lib": [{"version": "1.26.5", "upload_time": "2021-05-26T00:00:00Z",
             "files": {"lib/__init__.py": "", "lib/contrib/__init__.py": "", "lib/contrib/appengine.py": "X = 1\n"}},
            {"version": "2.1.0", "upload_time": "2023-11-13T00:00:00Z",
             "files": {"lib/__init__.py": "", "lib/contrib/__init__.py": "", "lib/contrib/socks.py": ""}}],
    "wrap": [{"version": "2.25.1", "upload_time": "2020-12-16T00:00:00Z", "requires_dist": ["lib>=1.21,<1.27"],
              "files": {"wrap/__init__.py": "", "wrap/packages.py": "import lib\n"}},
             {"version": "2.31.0", "upload_time": "2023-05-22T00:00:00Z", "requires_dist": ["lib>=1.21"],
              "files": {"wrap/__init__.py": "", "wrap/packages.py": "import lib\n"}}],
    "belt": [{"version": "0.9.1", "upload_time": "2019-01-30T00:00:00Z", "requires_dist": ["wrap"],
              "files": {"belt/__init__.py": "from . import _compat\n", "belt/_compat.py": COMPAT_OLD}},
             {"version": "1.0.0", "upload_time": "2023-05-01T00:00:00Z", "requires_dist": ["wrap"],
              "files": {"belt/__init__.py": "", "belt/_compat.py": "gae = None\n"}}],
    "app": [{"version": "0.14.0", "upload_time": "2022-06-01T00:00:00Z", "requires_dist": ["belt>=0.9.1,<0.10.0"],
             "files": {"app/__init__.py": "import belt\n"}}],
}
PINS = "app==0.14.0\nbelt==0.9.1\nwrap==2.31.0\nlib==2.1.0\n"


def _paste(printed_path: str) -> str:
    return ("Traceback (most recent call last):\n"
            '  File "/env/lib/python3.9/site-packages/belt/_compat.py", line 2, in <module>\n'
            "    from wrap.packages.lib.contrib import appengine as gae\n"
            "ImportError: cannot import name 'appengine' from 'wrap.packages.lib.contrib'" + printed_path + "\n")


def _report(index, target, paste):
    pins = parse_requirements_text(PINS, target)
    req = AnalysisRequest(pins=pins, target=target, crashes=parse_traceback(paste), index=index,
                          keep=[parse_pin("app==0.14.0")])
    return analyze(req)


def test_the_weaker_hypothesis_is_used_when_the_likelier_one_conflicts_with_a_kept_pin(index_for):
    # No path printed: the module's owner by name is wrap, suspected only by upload dates (0.5),
    # below the release-files reading of belt (0.8), which the kept app rules out.  The thread's
    # own fix was this one: requests 2.25.1, which takes urllib3 1.26.5 with it.
    index, target = index_for(UNIVERSE, python="3.9")
    report = _report(index, target, _paste(" (unknown location)"))
    assert report.resolution.ok
    pins = dict(report.resolution.pins)
    assert pins["app"] == "0.14.0" and pins["belt"] == "0.9.1"
    assert (pins["wrap"], pins["lib"]) == ("2.25.1", "1.26.5")
    assert any("less certain hypothesis" in w for w in report.warnings)


def test_without_a_conflict_the_weaker_hypothesis_stays_aside(index_for):
    index, target = index_for(UNIVERSE, python="3.9")
    pins = parse_requirements_text("belt==0.9.1\nwrap==2.31.0\nlib==2.1.0\n", target)  # no app capping belt
    report = analyze(AnalysisRequest(pins=pins, target=target, crashes=parse_traceback(_paste(" (unknown location)")),
                                     index=index))
    assert dict(report.resolution.pins)["belt"] == "1.0.0"
    assert dict(report.resolution.pins)["wrap"] == "2.31.0"


def test_the_module_where_the_message_says_it_lives_is_the_one_asked(index_for):
    # 'wrap.packages.lib.contrib' printed with lib/contrib/__init__.py is lib.contrib: read from releases.
    index, target = index_for(UNIVERSE, python="3.9")
    report = _report(index, target, _paste(" (/env/lib/python3.9/site-packages/lib/contrib/__init__.py)"))
    culprits = {(c.name, c.source) for d in report.diagnoses for c in d.culprits}
    assert ("lib", "api-probe") in culprits
    assert dict(report.resolution.pins)["lib"] == "1.26.5"


def test_a_readings_own_failure_leaves_that_crash_unknown_and_the_report_whole(index_for, monkeypatch):
    # (review, session 15) a reading that raises must not abort the analysis: the crash is
    # reported unknown, its pins are left alone, and a warning says so.
    import pytest_depfix.diagnose as diagnose_module

    def broken(*args, **kwargs):
        raise KeyError("a reading's own bug")

    monkeypatch.setattr(diagnose_module, "diagnose", broken)
    index, target = index_for(UNIVERSE, python="3.9")
    report = _report(index, target, _paste(" (unknown location)"))
    assert report.resolution.ok and report.resolution.changes == []
    assert [d.verdict for d in report.diagnoses] == ["unknown"]
    assert any("diagnosis failed (KeyError)" in w for w in report.warnings)
