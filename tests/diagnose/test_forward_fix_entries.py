"""A knowledge-base entry whose change IS the fix: the release that learnt something new.

pkginfo 1.10.0 learnt Metadata-Version 2.3; before it, twine reads a 2.3 wheel as
"missing required fields: Name, Version" and lists the versions it knows.  The
entry applies to pins before 1.10.0 (the opposite of an entry about a breaking
release, which applies to pins from it on) and never to a pin that has it.
"""

from __future__ import annotations

from pytest_depfix.crash import attribute
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

UNIVERSE = {
    "pkginfo": [{"version": v, "files": {"pkginfo/__init__.py": ""}} for v in ("1.9.6", "1.10.0", "1.12.0")],
    "twine": [{"version": "5.0.0", "requires_dist": ["pkginfo>=1.8.1"], "files": {"twine/__init__.py": ""}}],
}
# eternnoir/pyTelegramBotAPI#2221, verbatim.
PASTE = ("> Checking dist\\pytelegrambotapi-4.17.0-py3-none-any.whl: ERROR    InvalidDistribution: Metadata is missing "
         "required fields: Name, Version. Make sure the distribution includes the files where those fields are specified, "
         "and is using a supported Metadata-Version: 1.0, 1.1, 1.2, 2.0, 2.1, 2.2.\n")


def _diagnose(index, target, reqs: str):
    kb = load_knowledge()
    pins = parse_requirements_text(reqs, target)
    found = infer_message(PASTE, kb)
    assert found is not None and found.exc_type == "InvalidDistribution"
    crash = attribute(found.to_crash(), pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))


def test_a_pin_before_the_release_that_learnt_it_moves_forward_to_that_release(index_for):
    index, target = index_for(UNIVERSE, python="3.11")
    d = _diagnose(index, target, "twine==5.0.0\npkginfo==1.9.6\n")
    assert [(c.name, c.constraint) for c in d.culprits] == [("pkginfo", ">=1.10.0")]
    assert d.details.get("knowledge") == "pkginfo110-metadata-version-23"


def test_a_pin_that_already_has_it_is_not_explained_by_the_entry(index_for):
    index, target = index_for(UNIVERSE, python="3.11")
    d = _diagnose(index, target, "twine==5.0.0\npkginfo==1.10.0\n")
    assert d.details.get("knowledge") != "pkginfo110-metadata-version-23"
    assert ("pkginfo", ">=1.10.0") not in [(c.name, c.constraint) for c in d.culprits]
