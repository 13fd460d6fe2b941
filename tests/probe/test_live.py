"""Real releases on the configured index: four API breaks the probe must place exactly."""

from __future__ import annotations

import pytest

from pytest_depfix.diagnose.probe import ApiProbe, Question
from pytest_depfix.index import PackageIndex
from pytest_depfix.target import Target

pytestmark = pytest.mark.live

CASES = [
    # (dist, question, python, last version with it, first version without it after)
    ("numpy", "numpy:float", "3.9", "1.23.5", "1.24.0"),
    ("pillow", "PIL.Image:ANTIALIAS", "3.11", "9.5.0", "10.0.0"),
    ("scipy", "scipy.integrate:simps", "3.11", "1.13.1", "1.14.0"),
    ("msgpack", "msgpack:unpackb(encoding)", "3.9", "0.6.2", "1.0.0"),
]


@pytest.mark.parametrize("dist, question, python, last_with, gone_in", CASES, ids=[c[0] for c in CASES])
def test_real_api_break_is_found_by_bisection(dist, question, python, last_with, gone_in, cache_dir):
    index = PackageIndex.from_config(Target.from_spec(python, "linux x86_64"), cache_dir=str(cache_dir))
    probe = ApiProbe(index)
    ra = probe.find_range(dist, Question.parse(question))
    assert (ra.last_with, ra.first_without_after) == (last_with, gone_in), ra.answers
    assert ra.releases_read < ra.versions_considered / 3  # bisection, not a scan
    assert ra.answers[gone_in] == "no" and ra.answers[last_with] == "yes"


@pytest.mark.parametrize("dist, question, python, first_with", [
    ("pydantic", "pydantic:field_validator", "3.9", "2.0"),              # pydantic 2's _dynamic_imports table
    ("sqlalchemy", "sqlalchemy:__all__", "3.9", "0.4.0"),               # 1.x builds it under 'global __all__'
], ids=["pydantic", "sqlalchemy"])
def test_names_provided_lazily_or_through_globals_are_found(dist, question, python, first_with, cache_dir):
    index = PackageIndex.from_config(Target.from_spec(python, "linux x86_64"), cache_dir=str(cache_dir))
    ra = ApiProbe(index).find_range(dist, Question.parse(question))
    assert ra.first_with == first_with, ra.answers
