"""A caller newer than its callee's break reads a removed class attribute; its later release stopped.

alphapy 2.4.0 (requires pandas>=1.0) still called ``DataFrame.from_items``, which pandas 1.0
removed; alphapy 2.4.1 rewrote the line to ``DataFrame.from_dict``.  A caller released after
the break is moved forward only to a release that no longer reads the attribute.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

FRAME = "class DataFrame:\n    @classmethod\n    def from_dict(cls, d, orient='columns'):\n        return cls()\n"
SYSTEM = "from pandy import DataFrame\n\n\ndef run_system(gtlist):\n    tf = {call}\n    return tf\n"
UNIVERSE = {
    "pandy": [{"version": "0.25.3", "upload_time": "2019-11-01T00:00:00Z",
               "files": {"pandy/__init__.py": FRAME + "\n    @classmethod\n    def from_items(cls, items):\n        return cls()\n"}},
              {"version": "1.0.1", "upload_time": "2020-02-05T00:00:00Z", "files": {"pandy/__init__.py": FRAME}}],
    "alphay": [{"version": v, "upload_time": t, "requires_dist": ["pandy>=1.0"],
                "files": {"alphay/__init__.py": "", "alphay/system.py": SYSTEM.format(call=call)}}
               for v, t, call in (("2.4.0", "2020-03-01T00:00:00Z", "DataFrame.from_items(gtlist, orient='index')"),
                                  ("2.4.1", "2020-03-20T00:00:00Z", "DataFrame.from_dict(dict(gtlist), orient='index')"))],
}
PASTE = ('Traceback (most recent call last):\n'
         '  File "/home/d/.local/lib/python3.7/site-packages/alphay/system.py", line 5, in run_system\n'
         "    tf = DataFrame.from_items(gtlist, orient='index')\n"
         "AttributeError: type object 'DataFrame' has no attribute 'from_items'\n")


def test_the_caller_release_that_stopped_reading_the_attribute_is_offered(index_for):
    index, target = index_for(UNIVERSE, python="3.7")
    pins = parse_requirements_text("alphay==2.4.0\npandy==1.0.1\n", target)
    (crash,) = parse_traceback(PASTE)
    crash = attribute(crash, pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("alphay", ">=2.4.1") in [(c.name, c.constraint) for c in d.culprits]


def test_a_release_a_major_series_away_is_weaker_evidence(index_for):
    # sphinx-doc/sphinx (schedula 0.1.12 read Sphinx._listeners; the first release without it is 1.2.11)
    universe = dict(UNIVERSE, alphay=[dict(r, version=v) for r, v in zip(UNIVERSE["alphay"], ("0.1.12", "1.2.11"))])
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("alphay==0.1.12\npandy==1.0.1\n", target)
    (crash,) = parse_traceback(PASTE)
    crash = attribute(crash, pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    got = {(c.name, c.constraint): c.confidence for c in d.culprits}
    assert 0 < got[("alphay", ">=1.2.11")] < 0.8



GUARDED = ("None\n    if hasattr(DataFrame, 'from_items'):\n        tf = DataFrame.from_items(gtlist)\n"
           "    else:\n        tf = DataFrame.from_dict(dict(gtlist))")


def _guarded_universe(later_call):
    return dict(UNIVERSE, alphay=[dict(r, files={"alphay/__init__.py": "", "alphay/system.py": SYSTEM.format(call=call)})
                                  for r, call in zip(UNIVERSE["alphay"], ("DataFrame.from_items(gtlist, orient='index')",
                                                                          later_call))])


def _diagnose_guarded(index_for, later_call):
    index, target = index_for(_guarded_universe(later_call), python="3.7")
    pins = parse_requirements_text("alphay==2.4.0\npandy==1.0.1\n", target)
    (crash,) = parse_traceback(PASTE)
    crash = attribute(crash, pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_read_kept_under_a_hasattr_guard_no_longer_fails(index_for):
    # pytest-mock#28: 0.10.1 kept config.add_cleanup under "if hasattr(config, 'add_cleanup'):" with a
    # fallback for pytest 2.7.  Here alphay 2.4.1 guards DataFrame.from_items the same way.
    d = _diagnose_guarded(index_for, GUARDED)
    assert ("alphay", ">=2.4.1") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_an_unguarded_read_beside_the_guarded_one_still_fails(index_for):
    d = _diagnose_guarded(index_for, "DataFrame.from_items(gtlist) if gtlist else " + GUARDED)
    assert ("alphay", ">=2.4.1") not in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_only_a_hasattr_test_on_the_same_receiver_guards_a_read():
    import re

    from pytest_depfix.diagnose.verdict import _reads_unguarded

    reads = re.compile(r"\.from_items\b")

    def unguarded(text):
        return _reads_unguarded(text, "from_items", reads)

    assert not unguarded("if hasattr(cfg, 'from_items'):\n    f = cfg.from_items\n")
    assert not unguarded("if ok and hasattr(cfg, 'from_items'):\n    f = cfg.from_items\n")
    assert not unguarded("if not hasattr(cfg, 'from_items'):\n    f = None\nelse:\n    f = cfg.from_items\n")
    assert unguarded("if hasattr(cfg, 'from_items') or force:\n    f = cfg.from_items\n")  # runs without it
    assert unguarded("if not hasattr(cfg, 'from_items'):\n    f = cfg.from_items\n")  # the branch without it
    assert unguarded("if hasattr(self, 'from_items'):\n    f = cfg.from_items\n")  # another object
    assert unguarded("print 'py2'\nf = cfg.from_items\n")  # unparsable text is read as text
