"""The upload-date guess "the break came with the series' first release", as a constraint."""
from packaging.specifiers import SpecifierSet

from pytest_depfix.diagnose.verdict import below_series


def test_a_final_release_goes_below_its_series():
    assert below_series("3.2.1") == "<3.2"
    assert below_series("0.12.0") == "<0.12"


def test_a_pre_release_pin_goes_below_its_whole_series_pre_releases_included():
    # channelstream 0.6.12 under marshmallow 3.0.0rc3: the 3.0 pre-releases before it carried the same
    # break, and the thread went back to 2.x; "<3.0" excludes them all (PEP 440)
    spec = SpecifierSet(below_series("3.0.0rc3"))
    assert spec.contains("2.19.5") and not spec.contains("3.0.0rc2", prereleases=True)
