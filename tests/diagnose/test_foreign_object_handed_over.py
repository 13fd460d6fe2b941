"""A reader of a foreign class's attribute, and the dependency that began handing that class over.

O365/python-o365#670: O365 2.0.15 (2021-05) reads ``.localize`` off what tzlocal returns; tzlocal
3.0 (2021-06) returns a ``zoneinfo.ZoneInfo`` where 2.1 returned a pytz timezone.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'zoneinfo.ZoneInfo' object has no attribute 'localize'\n"
READS = "import tzlocaly\n\ndef now():\n    tz = tzlocaly.get_localzone()\n    return tz.localize(None)\n"


def _universe():
    def rel(name, v, when, **kw):
        return {"version": v, "upload_time": when, "files": {f"{name}/__init__.py": "x = 1\n"}, **kw}

    return {
        "o365y": [{"version": "2.0.15", "upload_time": "2021-05-25T00:00:00Z", "requires_dist": ["tzlocaly>=1.5"],
                   "files": {"o365y/__init__.py": "", "o365y/utils.py": READS}}],
        "tzlocaly": [rel("tzlocaly", "2.0.0", "2019-07-23T00:00:00Z"), rel("tzlocaly", "2.1", "2020-05-08T00:00:00Z"),
                     rel("tzlocaly", "3.0", "2021-06-21T00:00:00Z")],
    }


def test_the_dependency_that_opened_a_later_series_after_the_reader_goes_back(index_for):
    index, target = index_for(_universe(), python="3.9")
    d = diagnose_paste(index, target, "o365y==2.0.15\ntzlocaly==3.0\n", PASTE)
    assert ("tzlocaly", "<=2.1") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_an_attribute_message_that_lost_its_last_quote_is_still_read():
    # alltheplaces/alltheplaces#6430: "... has no attribute '_handleSignals" as the thread stores it
    from pytest_depfix.crash import parse_traceback
    from pytest_depfix.diagnose.families import ATTRIBUTE, classify

    sig = classify(parse_traceback("AttributeError: 'EPollReactor' object has no attribute '_handleSignals\n")[0])
    assert (sig.family, sig.cls, sig.name) == (ATTRIBUTE, "EPollReactor", "_handleSignals")
    sig = classify(parse_traceback("AttributeError: type object 'Reactor' has no attribute 'run\n")[0])
    assert (sig.family, sig.cls, sig.name) == (ATTRIBUTE, "Reactor", "run")
