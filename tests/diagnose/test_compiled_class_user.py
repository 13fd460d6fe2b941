"""A compiled class of a pin lacks an attribute, no frame printed: the pin that reads it moves.

matplotlib/matplotlib#8570: ``'PySide.QtGui.QPixmap' object has no attribute
'setDevicePixelRatio'``.  PySide 1.2.4 builds QPixmap in ``QtGui.pyd``, so no source says which
release has what; matplotlib 2.0.1 began calling ``pm.setDevicePixelRatio`` and 2.0.2 guarded it.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'PySide.QtGui.QPixmap' object has no attribute 'setDevicePixelRatio'\n"
USES = "def _icon(pm, ratio):\n    pm.setDevicePixelRatio(ratio)\n    return pm\n"
GUARDED = "def _icon(pm, ratio):\n    if hasattr(pm, 'setDevicePixelRatio'):\n        pm.setDevicePixelRatio(ratio)\n    return pm\n"
BEFORE = "def _icon(pm, ratio):\n    return pm\n"


def _universe(qtgui="PySide/QtGui.pyd"):
    def mpl(v, body):
        return {"version": v, "files": {"mplq/__init__.py": "", "mplq/backend_qt.py": body}}

    return {"mplq": [mpl("2.0.0", BEFORE), mpl("2.0.1", USES), mpl("2.0.2", GUARDED)],
            "pyside": [{"version": "1.2.4", "files": {"PySide/__init__.py": "", qtgui: "\x00compiled\x00"}}]}


def test_the_reader_of_a_compiled_class_moves_either_way(index_for):
    index, target = index_for(_universe(), python="3.9", platform="win_amd64")
    d = diagnose_paste(index, target, "mplq==2.0.1\npyside==1.2.4\n", PASTE)
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("mplq", "<=2.0.0"), ("mplq", ">=2.0.2")], d.summary
    assert "compiled code" in d.summary


def test_a_class_the_owner_ships_as_source_is_the_owners_reading(index_for):
    # the owner's own module is Python: its release is read for the class, not its readers
    universe = _universe(qtgui="PySide/QtGui.py")
    universe["pyside"][0]["files"]["PySide/QtGui.py"] = "class QPixmap(object):\n    pass\n"
    index, target = index_for(universe, python="3.9", platform="win_amd64")
    d = diagnose_paste(index, target, "mplq==2.0.1\npyside==1.2.4\n", PASTE)
    assert ("mplq", ">=2.0.2") not in [(c.name, c.constraint) for c in d.culprits], d.summary
