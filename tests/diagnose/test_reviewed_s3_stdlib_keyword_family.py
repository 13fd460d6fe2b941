"""Reviewed (s3): families.py classifies *any* "dataclass() got an unexpected keyword argument 'kw_only'" as
the standard library's keyword (python-version, added in 3.10), before the caller's frames are looked at.

pydantic < 1.10's ``pydantic.dataclasses.dataclass`` (and chex < 0.1.8x's ``chex.dataclass``) raise exactly
this message on any Python when a caller passes ``kw_only=True``.  On a 3.11 target the python-version rule
then says "exists since Python 3.10 ... something else hides it" with no culprit, where the signature rule
(before this change) found the release of the callee that accepts the keyword.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

SITE = "/v/lib/python3.11/site-packages"


def _pyd(accepts):
    kw = ", kw_only=False" if accepts else ""
    return {"pydanticy/__init__.py": "", "pydanticy/dataclasses.py":
            f"def dataclass(_cls=None, *, init=True, repr=True, eq=True, frozen=False{kw}):\n    return _cls\n"}


def test_a_third_party_dataclass_refusing_kw_only_is_not_blamed_on_python(index_for):
    universe = {
        "pydanticy": [{"version": "1.9.2", "files": _pyd(False)}, {"version": "1.10.0", "files": _pyd(True)}],
        "usery": [{"version": "2.0.0", "files": {"usery/__init__.py": "", "usery/models.py":
                   "from pydanticy.dataclasses import dataclass\n\n@dataclass(kw_only=True)\nclass M:\n    x: int = 0\n"}}],
    }
    index, target = index_for(universe, python="3.11")
    tb = ('Traceback (most recent call last):\n  File "/home/u/app.py", line 1, in <module>\n    import usery.models\n'
          f'  File "{SITE}/usery/models.py", line 3, in <module>\n    @dataclass(kw_only=True)\n'
          "TypeError: dataclass() got an unexpected keyword argument 'kw_only'\n")
    pins = parse_requirements_text("usery==2.0.0\npydanticy==1.9.2\n", target)
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.family != "python-version", d.summary
    assert ("pydanticy", ">=1.10.0") in [(c.name, c.constraint) for c in d.culprits], d.summary
