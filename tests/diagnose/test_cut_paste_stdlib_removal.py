"""A paste cut above the call that used a name the target's Python removed: the set is searched for its users.

django-wiki#1083 (Python 3.9): every stored copy of the traceback ends inside Django's template
frames; the call of ``Element.getiterator`` was in django-wiki's markdown extension, which 0.7.2
rewrote.  The last printed line does not say ``getiterator``, so Django is not the caller.
"""
from __future__ import annotations

from pytest_depfix.diagnose import families as F
from tests.support.diagnose_crashes import diagnose_paste

UNIVERSE = {
    "djangoy": [{"version": "3.0.10", "files": {"djangoy/template/base.py": "def render(self):\n    return self.nodelist.render(context)\n"}},
                {"version": "3.0.11", "files": {"djangoy/template/base.py": "def render(self):\n    return self.nodelist.render(context)\n"}}],
    "wikiy": [{"version": "0.6", "upload_time": "2020-05-01T00:00:00Z", "requires_dist": ["djangoy"],
               "files": {"wikiy/mdx/table.py": "def run(root):\n    for t in list(root.getiterator('table')):\n        pass\n"}},
              {"version": "0.7.2", "upload_time": "2021-01-01T00:00:00Z", "requires_dist": ["djangoy"],
               "files": {"wikiy/mdx/table.py": "def run(root):\n    for t in list(root.iter('table')):\n        pass\n"}}],
}
PASTE = ("Traceback (most recent call last):\n"
         '  File "/v/lib/python3.9/site-packages/djangoy/template/base.py", line 2, in render\n'
         "    return self.nodelist.render(context)\n"
         "AttributeError: 'xml.etree.ElementTree.Element' object has no attribute 'getiterator'\n")


def test_a_dotted_stdlib_class_is_matched_by_its_own_name():
    from pytest_depfix.models import Crash, ExceptionRecord
    sig = F.classify(Crash([ExceptionRecord("AttributeError", "'xml.etree.ElementTree.Element' object has no attribute 'getiterator'")]))
    assert (sig.family, sig.python_removed) == (F.PYTHON_VERSION, "3.9")


def test_the_pin_that_uses_the_name_is_the_caller_not_the_last_printed_frame(index_for):
    index, target = index_for(UNIVERSE, python="3.9")
    d = diagnose_paste(index, target, "wikiy==0.6\ndjangoy==3.0.10\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("wikiy", ">=0.7.2")]
    assert any("ends above the failing call" in n for n in d.details.get("notes", []))


def test_when_no_pin_uses_the_name_the_printed_caller_stands(index_for):
    index, target = index_for({"djangoy": UNIVERSE["djangoy"]}, python="3.9")
    d = diagnose_paste(index, target, "djangoy==3.0.10\n", PASTE)
    assert "djangoy==3.0.10 uses" in d.summary
