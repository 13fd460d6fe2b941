"""Struct sizes in "X size changed" are the binary's own word on direction, unless time outranks them.

gevent/gevent#1680: gevent 20.6.2 was compiled against greenlet 0.4.16; greenlet 0.4.17, a micro release
in the same 0.4 series, grew its struct, and importing gevent warned "greenlet.greenlet size changed ...
Expected 144 from C header, got 152 from PyObject".  The runtime struct is the bigger one: greenlet is
too new for the build.  The fix the maintainer gave is gevent>=20.9.0 (built against 0.4.17) or greenlet
back to 0.4.16.  Series start dates alone read it the other way (gevent is younger than the 0.4 series).
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

WARNING = ("/usr/local/lib/python3.7/importlib/_bootstrap.py:219: RuntimeWarning: greenlety.greenlet size changed, "
           "may indicate binary incompatibility. Expected 144 from C header, got 152 from PyObject\n")
UNIVERSE = {
    "greenlety": [{"version": "0.4.0", "upload_time": "2013-01-10T00:00:00Z"},
                  {"version": "0.4.16", "upload_time": "2020-06-01T00:00:00Z"},
                  {"version": "0.4.17", "upload_time": "2020-09-22T00:00:00Z"},
                  {"version": "1.0.0", "upload_time": "2021-01-13T00:00:00Z"}],
    "geventy": [{"version": "20.6.2", "upload_time": "2020-06-16T00:00:00Z", "requires_dist": ["greenlety>=0.4.16"],
                 "files": {"geventy/__init__.py": "", "geventy/_ext.so": ""}},
                {"version": "20.9.0", "upload_time": "2020-09-24T00:00:00Z", "requires_dist": ["greenlety>=0.4.17"],
                 "files": {"geventy/__init__.py": "", "geventy/_ext.so": ""}}],
}


def _culprits(index_for, text: str):
    index, target = index_for(UNIVERSE, python="3.7")
    pins = parse_requirements_text("geventy==20.6.2\ngreenlety==0.4.17\n", target)
    d = diagnose(simple_parse(text, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    return d, [(c.name, c.constraint) for c in d.culprits]


def test_a_runtime_struct_bigger_than_the_header_means_the_base_is_too_new(index_for):
    d, culprits = _culprits(index_for, WARNING)
    assert d.verdict == "transitive"
    assert ("greenlety", ">=0.5") not in culprits, culprits
    assert any(name == "geventy" and ">=20.9" in spec for name, spec in culprits) \
        or any(name == "greenlety" and spec.startswith("<") for name, spec in culprits), culprits


def test_the_same_sizes_reversed_still_move_the_base_forward(index_for):
    d, culprits = _culprits(index_for, WARNING.replace("Expected 144", "Expected 160"))
    assert any(name == "greenlety" and spec.startswith(">") for name, spec in culprits), culprits
