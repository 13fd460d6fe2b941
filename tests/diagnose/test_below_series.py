"""The upload-date guess "the break came with the series' first release", as a constraint."""
from packaging.specifiers import SpecifierSet

from pytest_depfix.diagnose.verdict import below_series


def test_a_final_release_goes_below_its_series():
    assert below_series("3.2.1") == "<3.2"
    assert below_series("0.12.0") == "<0.12"


def test_a_pre_release_pin_keeps_the_earlier_pre_releases_of_its_series_reachable():
    # temperusb under pyusb 1.0.0b2: "<1.0" would exclude 1.0.0b1 itself (PEP 440), leaving no way back
    spec = SpecifierSet(below_series("1.0.0b2"))
    assert spec.contains("1.0.0b1", prereleases=True) and spec.contains("0.4.3")
    assert not spec.contains("1.0.0b2", prereleases=True)
