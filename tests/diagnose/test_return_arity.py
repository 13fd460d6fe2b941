"""'too many values to unpack': the failing line unpacks another pin's method, whose return grew.

dagster-io/dagster (croniter 1.4.0): dagster 1.3.9's ``expanded, _ = CroniterShim.expand(s)``;
its ``CroniterShim`` builds on croniter's class and forwards ``expand``; croniter 1.4.0's
``expand`` returns ``cls._expand(...)``, which now returns three values.  The owner goes
back to its newest release whose method returns the two the line expects.
"""
from tests.support.diagnose_crashes import diagnose_paste

CRON = ("class croniter:\n    @classmethod\n    def _expand(cls, expr):\n        return {ret}\n\n"
        "    @classmethod\n    def expand(cls, expr):\n        return cls._expand(expr)\n")
SHIM = ("import functools\n\nfrom cronny import croniter as _croniter\n\n\nclass CroniterShim(_croniter):\n"
        "    @classmethod\n    @functools.lru_cache(maxsize=128)\n    def expand(cls, *args, **kwargs):\n"
        "        return super().expand(*args, **kwargs)\n\n\ndef is_valid_cron_string(s):\n"
        "    expanded, _ = CroniterShim.expand(s)\n    return len(expanded) == 5\n")
# (the report printed no code line: the engine reads line 14 from the caller's release)
PASTE = ('Traceback (most recent call last):\n'
         '  File "/usr/local/lib/python3.10/site-packages/dagstery/schedules.py", line 14, in is_valid_cron_string\n'
         "ValueError: too many values to unpack (expected 2)\n")


def _universe(own_override=False):
    def cronny(version, ret):
        return {"version": version, "files": {"cronny/__init__.py": "from .croniter import croniter\n",
                                              "cronny/croniter.py": CRON.format(ret=ret)}}
    shim = SHIM.replace("return super().expand(*args, **kwargs)", "return [], None") if own_override else SHIM
    return {"cronny": [cronny("1.3.14", "[], None"), cronny("1.3.15", "[], None"), cronny("1.4.0", "[], None, []")],
            "dagstery": [{"version": "1.3.9", "requires_dist": ["cronny"],
                          "files": {"dagstery/__init__.py": "", "dagstery/schedules.py": shim}}]}


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.10")
    return diagnose_paste(index, target, "dagstery==1.3.9\ncronny==1.4.0\n", PASTE)


def test_the_owner_goes_back_to_the_newest_release_returning_what_the_line_unpacks(index_for):
    d = _diagnose(index_for, _universe())
    assert d.verdict == "transitive", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("cronny", "<=1.3.15")]
    assert "returns 3 values" in d.summary


def test_a_class_that_computes_the_value_itself_is_not_followed_to_its_base(index_for):
    d = _diagnose(index_for, _universe(own_override=True))
    assert not d.culprits
