"""``operator torchvision::nms does not exist``: another build of the same releases, or releases that do not fit.

pytorch/pytorch#122494: torch 2.2.1+cpu from the PyTorch index beside PyPI's (CUDA) torchvision 0.17.1.
torchvision 0.17.1 declares torch==2.2.1, which the pin meets: the fix is the matching build from the
same index, no pin change.  When the pinned torchvision declares another torch, its releases that declare
the pinned one are the fix.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

UNIVERSE = {
    "torch": [{"version": v, "files": {"torch/__init__.py": ""}} for v in ("2.1.0", "2.2.1")],
    "torchvision": [{"version": "0.16.0", "requires_dist": ["torch==2.1.0"], "files": {"torchvision/__init__.py": ""}},
                    {"version": "0.17.1", "requires_dist": ["torch==2.2.1"], "files": {"torchvision/__init__.py": ""}}],
}
PASTE = "RuntimeError: operator torchvision::nms does not exist\n"


def _diagnose(index_for, reqs):
    index, target = index_for(UNIVERSE, python="3.10")
    pins = parse_requirements_text(reqs, target)
    return diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_same_releases_in_other_builds_are_the_environment(index_for):
    d = _diagnose(index_for, "torch==2.2.1+cpu\ntorchvision==0.17.1\n")
    assert d.verdict == "environment" and d.culprits == []
    assert "torchvision==0.17.1+cpu" in d.advice


def test_releases_that_do_not_fit_move_torchvision_to_one_declaring_the_pinned_torch(index_for):
    d = _diagnose(index_for, "torch==2.2.1\ntorchvision==0.16.0\n")
    [culprit] = d.culprits
    assert culprit.name == "torchvision" and culprit.constraint and "0.17.1" in culprit.constraint, culprit
