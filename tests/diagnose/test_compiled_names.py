"""A name missing from a compiled module: read from the C strings of its releases' binaries.

sqlalchemy#10470: SQLAlchemy 2.0.22 reads ``cx_Oracle.DB_TYPE_NVARCHAR``, which cx_Oracle
defines only from 8.0; cx_Oracle is one extension module with no Python source.  Its 7.3
binary never spells the name and 8.0's does, so the name was added, not removed.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

SO = "cx_Oraclish.cpython-39-x86_64-linux-gnu.so"


def _binary(v: str) -> str:
    names = ["PyInit_cx_Oraclish", "connect", "NUMBER"] + (["DB_TYPE_NVARCHAR"] if v >= "8" else [])
    return "\x7fELF\x00" + "\x00".join(names) + "\x00"


def test_a_name_only_later_binaries_spell_moves_the_compiled_pin_forward(index_for):
    universe = {"cx-oraclish": [{"version": v, "files": {SO: _binary(v)}} for v in ("7.2.3", "7.3.0", "8.0.1", "8.3.0")]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("cx-oraclish==7.3.0\n", target)
    crash = simple_parse("AttributeError: module 'cx_Oraclish' has no attribute 'DB_TYPE_NVARCHAR'\n", pins)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits][:1] == [("cx-oraclish", ">=8.0.1")], d.summary


def test_a_binary_that_only_mentions_a_removed_name_in_a_message_does_not_have_it(index_for):
    # Review: 8.1's "OLD_TYPE was removed in cxo 8; use NEW_TYPE" made 8.1 look like it had OLD_TYPE.
    def binary(v):
        if v < "8":
            return "\x7fELF\x00PyInit_cx_Oraclish\x00OLD_TYPE\x00"
        if v == "8.0":
            return "\x7fELF\x00PyInit_cx_Oraclish\x00NEW_TYPE\x00"
        return "\x7fELF\x00PyInit_cx_Oraclish\x00NEW_TYPE\x00OLD_TYPE was removed in cxo 8; use NEW_TYPE\x00"

    universe = {"cx-oraclish": [{"version": v, "files": {SO: binary(v)}} for v in ("7.2", "7.3", "8.0", "8.1")]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("cx-oraclish==8.0\n", target)
    crash = simple_parse("AttributeError: module 'cx_Oraclish' has no attribute 'OLD_TYPE'\n", pins)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    from packaging.specifiers import SpecifierSet

    assert d.culprits and all("8.1" not in SpecifierSet(c.constraint) for c in d.culprits if c.name == "cx-oraclish"), d.summary
