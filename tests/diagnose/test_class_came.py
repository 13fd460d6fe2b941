"""A frameless attribute error on a class that is new in its home's pinned release, read by an older pin.

open-zaak/open-zaak#585: pip 20.1 began handing ``ParsedRequirement`` objects out of its requirement-file
parser; pip-tools 4.4.0, uploaded before pip 20.1, reads ``.editable`` off them.  pip 20.0.2 had no such class.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'ParsedRequirement' object has no attribute 'editable'\n"
NEW = "class ParsedRequirement:\n    def __init__(self, req):\n        self.is_editable = False\n"
OLD = "class InstallRequirement:\n    def __init__(self, req):\n        self.editable = False\n"
CALLER = "import pipz.req\n\n\ndef parse(reqs):\n    return [r for r in reqs if not r.editable]\n"


def _moves(index_for, caller_uploaded="2020-01-10T00:00:00Z", before=OLD):
    universe = {
        "pipz": [{"version": v, "upload_time": t, "files": {"pipz/__init__.py": "", "pipz/req.py": body}}
                 for v, t, body in (("20.0.2", "2020-01-24T00:00:00Z", before), ("20.1", "2020-04-28T00:00:00Z", NEW))],
        "piptoolz": [{"version": "4.4.0", "upload_time": caller_uploaded,
                      "files": {"piptoolz/__init__.py": "", "piptoolz/sync.py": CALLER}}],
    }
    index, target = index_for(universe, python="3.7")
    d = diagnose_paste(index, target, "pipz==20.1\npiptoolz==4.4.0\n", PASTE)
    return d, [(c.name, c.constraint) for c in d.culprits]


def test_the_home_goes_back_to_before_its_new_class_came(index_for):
    d, moves = _moves(index_for)
    assert moves == [("pipz", "<=20.0.2")], d.summary
    assert d.verdict == "transitive", d.summary


def test_a_reader_uploaded_after_the_class_came_may_be_what_changed(index_for):
    d, moves = _moves(index_for, caller_uploaded="2020-06-01T00:00:00Z")
    assert ("pipz", "<=20.0.2") not in moves, d.summary


def test_a_class_the_release_before_already_had_is_not_new(index_for):
    d, moves = _moves(index_for, before=NEW)
    assert ("pipz", "<=20.0.2") not in moves, d.summary
