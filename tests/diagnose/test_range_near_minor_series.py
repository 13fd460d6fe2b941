"""A name alive in one minor series only, before the pinned release: found by probing the last releases of the minor series before the pin.

matplotlib's ``FigureCanvasQTAgg.set_window_title`` lived in ``backend_qtagg``
only in 3.5.x (the module came in 3.5, the method went in 3.6); with the pin
at 3.7.0 the even-spaced probes and the major series' ends stepped over it.
"""
from pytest_depfix.diagnose.probe import ApiProbe, Question

WITH = "class Canvas:\n    def set_window_title(self, t):\n        pass\n"
WITHOUT = "class Canvas:\n    pass\n"
VERSIONS = ["1.0.0", "2.0.0", "3.0.0", "3.1.0", "3.2.0", "3.3.0", "3.4.0", "3.5.0", "3.5.3", "3.6.0", "3.6.3", "3.7.0", "3.7.5"]
UNIVERSE = {"mpl": [{"version": v, "upload_time": f"20{10 + i:02d}-01-01T00:00:00Z",
                     "files": {"mpl/__init__.py": "", "mpl/qt.py": WITH if v.startswith("3.5.") else WITHOUT}}
                    for i, v in enumerate(VERSIONS)]}


def test_the_last_release_of_each_recent_minor_series_is_probed_before_spaced_points(index_for):
    index, _ = index_for(UNIVERSE, python="3.8")
    got = ApiProbe(index).find_range("mpl", Question("mpl.qt", name="Canvas", attribute="set_window_title"), near="3.7.0")
    assert got.present == ">=3.5.0,<3.6.0"
