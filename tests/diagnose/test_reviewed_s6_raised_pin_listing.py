"""Review (session 6): a frameless unknown message lists the files of every movable pin before reading four.

``verdict._raised_message`` orders the movable pins by whether the message names one of their top-level
packages, computing ``_pin_tops`` (``probe._members``: one ``list_members`` range read of each wheel) for
*every* movable pin, and then reads only ``MAX_REFUSAL_PINS`` (4) of them.  Any pasted message no pattern
knows ("the frobnicator backend refused ...") therefore costs one cold network read per pin of the set
(hundreds for a frozen environment) even when no pin raises it.  The rest of the engine bounds the same
listing at ``verdict.MAX_LISTED_PINS``; names can be matched against pin names first and listings read
only as far as needed.
"""
from __future__ import annotations

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.verdict import MAX_LISTED_PINS
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

N = 60
UNIVERSE = {f"filler{i}": [{"version": "1.0", "files": {f"filler{i}/__init__.py": "X = 1\n"}}] for i in range(N)}


def test_an_unknown_frameless_message_does_not_list_every_pin(index_for):
    index, target = index_for(UNIVERSE, python="3.8")
    pins = parse_requirements_text("".join(f"filler{i}==1.0\n" for i in range(N)), target)
    listed = []
    real = index.list_members

    def spy(dist, version, *a, **k):
        listed.append(dist)
        return real(dist, version, *a, **k)

    index.list_members = spy
    d = diagnose(simple_parse("RuntimeError: the frobnicator backend refused the connection handshake\n", pins), pins,
                 target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "unknown"
    assert len(set(listed)) <= MAX_LISTED_PINS, f"{len(set(listed))} pins listed"
