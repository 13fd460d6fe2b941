"""A refusal whose printed values are most of its message, and one every release says.

pysnmp#37 (pyasn1 0.2.3 under pysnmp 4.3.2): "Component value is tag-incompatible: Integer(...)
vs Integer(...)" is raised by ``'...: %r vs %r' % (value, t)``; the two reprs are most of the
line, so the raise is recognised by its whole template.  pyasn1 0.1.8 onwards all raise it: what
changed is what they accept, and only the upload dates (pysnmp 4.3.2 came before pyasn1 0.2)
say where.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.raised import _template_fits
from pytest_depfix.requirements import parse_requirements_text

RAISER = ("class PyAsn1Error(Exception):\n    pass\n"
          "def set_component(value, t):\n"
          "    if not t.isSameTypeWith(value):\n"
          "        raise PyAsn1Error('Component value is tag-incompatible: %r vs %r' % (value, t))\n")
SITE = "/usr/lib/python3.8/site-packages"
LONG = ", ".join(f"('name{i}', {i})" for i in range(30))
TB = ("Traceback (most recent call last):\n"
      f'  File "{SITE}/snmpy/api.py", line 3, in defaults\n'
      "    set_component(1, self._status)\n"
      f'  File "{SITE}/asnish/univ.py", line 5, in set_component\n'
      "    raise PyAsn1Error('Component value is tag-incompatible: %r vs %r' % (value, t))\n"
      f"asnish.univ.PyAsn1Error: Component value is tag-incompatible: Integer('noError', NamedValues({LONG})) "
      "vs Integer(subtypeSpec=ConstraintsIntersection())\n")


def _universe(caller_uploaded: str):
    return {"asnish": [{"version": v, "upload_time": t, "files": {"asnish/__init__.py": "", "asnish/univ.py": RAISER}}
                       for v, t in (("0.1.8", "2015-07-01T00:00:00Z"), ("0.1.9", "2015-09-01T00:00:00Z"),
                                    ("0.2.1", "2017-02-01T00:00:00Z"), ("0.2.3", "2017-03-01T00:00:00Z"))],
            "snmpy": [{"version": "4.3.2", "upload_time": caller_uploaded, "requires_dist": ["asnish>=0.1.8"],
                       "files": {"snmpy/__init__.py": "",
                                 "snmpy/api.py": "from asnish.univ import set_component\n"
                                                 "def defaults(self):\n    set_component(1, self._status)\n"}}]}


def _diagnose(index_for, caller_uploaded):
    index, target = index_for(_universe(caller_uploaded), python="3.8")
    pins = parse_requirements_text("snmpy==4.3.2\nasnish==0.2.3\n", target)
    crash = attribute(parse_traceback(TB)[0], pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_refusal_every_release_says_is_held_below_the_series_its_older_caller_never_saw(index_for):
    d = _diagnose(index_for, "2016-02-01T00:00:00Z")
    assert ("asnish", "<0.2") in [(c.name, c.constraint) for c in d.culprits], d.summary
    assert d.verdict == "transitive"


def test_a_caller_newer_than_the_refusers_series_gets_no_dated_guess(index_for):
    d = _diagnose(index_for, "2017-06-01T00:00:00Z")
    assert not any(c.name == "asnish" for c in d.culprits), d.summary


def test_a_template_fits_a_message_whose_fields_printed_most_of_it():
    template = "Component value is tag-incompatible: %r vs %r"
    assert _template_fits(template, "Component value is tag-incompatible: Integer('x', y) vs Integer()")
    assert not _template_fits(template, "Component value is tag-compatible: Integer('x') vs Integer()")
    assert not _template_fits(template, "Component value is tag-incompatible: Integer('x')")  # no ' vs '
    assert not _template_fits("%s", "anything at all")  # no opening text to anchor it
    assert _template_fits("Expected %d items, got %d.", "Expected 3 items, got 4.")
    assert not _template_fits("Expected %d items, got %d.", "Expected 3 items, got 4 more")


def test_a_short_template_ending_in_a_field_does_not_claim_any_message():
    # Review: 'Unknown %s' fitted "Unknown engine: openpyxl; use one of xlrd, odf" whole.
    assert not _template_fits("Unknown %s", "Unknown engine: openpyxl; use one of xlrd, odf")


def test_a_refusal_the_project_called_itself_gets_no_dated_guess(index_for):
    # Review: a test runner's frame further out was taken for the refuser's caller.
    tb = TB.replace(f'  File "{SITE}/snmpy/api.py", line 3, in defaults\n    set_component(1, self._status)\n',
                    f'  File "{SITE}/snmpy/api.py", line 3, in defaults\n    run(test)\n'
                    '  File "tests/test_snmp.py", line 4, in test_defaults\n    set_component(1, status)\n')
    index, target = index_for(_universe("2016-02-01T00:00:00Z"), python="3.8")
    pins = parse_requirements_text("snmpy==4.3.2\nasnish==0.2.3\n", target)
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert not any(c.name == "asnish" and c.source == "upload-dates" for c in d.culprits), d.summary
