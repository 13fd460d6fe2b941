"""A refusal whose own way out is a major back: the one dependency that opened a new series after the refuser.

agronholm/apscheduler#450 / tzlocal's tracker: APScheduler 3.6.3 (2019-11) raises "Only timezones
from the pytz library are supported"; tzlocal 3.0 (2021) returns zoneinfo objects.  The raise sits
in APScheduler's own util.py, whose last release without it is 2.x, a major back.  Upload dates
name the other suspect: tzlocal's pinned release opened a series after APScheduler 3.6.3 was built.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.7/site-packages/apschedy/util.py", line 4, in astimezone
    raise TypeError('Only timezones from the pytz library are supported')
TypeError: Only timezones from the pytz library are supported
"""
RAISES = ("def astimezone(obj):\n    if not hasattr(obj, 'localize'):\n"
          "        raise TypeError('Only timezones from the pytz library are supported')\n    return obj\n")
QUIET = "def astimezone(obj):\n    return obj\n"


def _universe(pytz_series=False, back_in_series=False, attrs=False, tz4=False):
    def aps(v, body, when):
        return {"version": v, "upload_time": when, "requires_dist": ["tzlocaly>=1.2", "pytzy", "sixy"] + (["attrsy"] if attrs else []),
                "files": {"apschedy/__init__.py": "", "apschedy/util.py": body}}

    def rel(name, v, when):
        return {"version": v, "upload_time": when, "files": {f"{name}/__init__.py": "x = 1\n"}}

    sixy = [rel("sixy", "1.13.0", "2019-06-01T00:00:00Z"), rel("sixy", "1.15.0", "2020-05-21T00:00:00Z")]
    pytzy = [rel("pytzy", "2019.3", "2019-10-01T00:00:00Z"), rel("pytzy", "2020.1", "2020-04-01T00:00:00Z")]
    if pytz_series:  # a second dependency that jumped a series: time alone no longer says which
        pytzy = [rel("pytzy", "1.0", "2019-10-01T00:00:00Z"), rel("pytzy", "2.0", "2020-04-01T00:00:00Z")]
    return {"apschedy": [aps("2.1.2", QUIET, "2014-01-01T00:00:00Z"),
                         aps("3.6.2", QUIET if back_in_series else RAISES, "2019-10-01T00:00:00Z"),
                         aps("3.6.3", RAISES, "2019-11-05T00:00:00Z")],
            "tzlocaly": [rel("tzlocaly", "2.0.0", "2019-07-23T00:00:00Z"), rel("tzlocaly", "2.1", "2020-05-08T00:00:00Z"),
                         rel("tzlocaly", "3.0", "2021-08-13T00:00:00Z")]
            + ([rel("tzlocaly", "4.0", "2021-10-01T00:00:00Z")] if tz4 else []),
            "pytzy": pytzy, "sixy": sixy,
            # a two-digit calendar version (attrs 20.3.0, uploaded in 2020): a new year is no new series
            "attrsy": [rel("attrsy", "19.3.0", "2019-10-15T00:00:00Z"), rel("attrsy", "20.3.0", "2020-11-03T00:00:00Z")]}


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.7")
    pytz = "2.0" if "2.0" in [r["version"] for r in universe["pytzy"]] else "2020.1"
    tz = universe["tzlocaly"][-1]["version"]
    return diagnose_paste(index, target, f"apschedy==3.6.3\ntzlocaly=={tz}\npytzy=={pytz}\nsixy==1.15.0\nattrsy==20.3.0\n",
                          PASTE)


def test_the_dependency_that_opened_a_new_series_after_the_refuser_moves_back(index_for):
    d = _diagnose(index_for, _universe())
    found = {(c.name, c.constraint): c for c in d.culprits}
    assert ("apschedy", "<=2.1.2") in found and ("tzlocaly", "<=2.1") in found, found
    assert "upload dates" in found[("tzlocaly", "<=2.1")].evidence[0]


def test_two_such_dependencies_are_a_guess(index_for):
    d = _diagnose(index_for, _universe(pytz_series=True))
    assert "tzlocaly" not in {c.name for c in d.culprits}, d.culprits


def test_calendar_versions_are_no_series_and_the_way_back_is_the_series_it_was_built_against(index_for):
    # pytz 2020.1 and attrs 20.3.0 opened no series; tzlocal 4.0 goes back to 2.x, not to 3.0
    d = _diagnose(index_for, _universe(attrs=True, tz4=True))
    assert ("tzlocaly", "<=2.1") in [(c.name, c.constraint) for c in d.culprits], d.culprits
    assert "attrsy" not in {c.name for c in d.culprits}


def test_a_way_back_inside_the_refusers_series_is_enough(index_for):
    d = _diagnose(index_for, _universe(back_in_series=True))
    assert [(c.name, c.constraint) for c in d.culprits if c.name == "apschedy"] == [("apschedy", "<=3.6.2")]
    assert "tzlocaly" not in {c.name for c in d.culprits}
