"""A class no pin defines, whose missing attribute Python pairs with one it has ("Did you mean").

RVC-Project/Retrieval-based-Voice-Conversion-WebUI#2450: PyCharm's plotting helper defines
``FigureCanvasInterAgg`` on top of matplotlib's ``FigureCanvasAgg`` and calls ``tostring_rgb``,
which matplotlib 3.10 removed.  Python suggests ``tostring_argb``; the pin class defining it
is asked where it still had ``tostring_rgb``.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

AGG_OLD = ("class RendererAgg:\n    def tostring_argb(self):\n        pass\n\n\nclass FigureCanvasAgg:\n"
           "    def tostring_rgb(self):\n        pass\n\n    def tostring_argb(self):\n        pass\n")
AGG_NEW = "class FigureCanvasAgg:\n    def tostring_argb(self):\n        pass\n"
UNIVERSE = {"mpl": [{"version": v, "files": {"mpl/__init__.py": "", "mpl/pyplot.py": "def show():\n    pass\n",
                                              "mpl/backends/__init__.py": "", "mpl/backends/backend_agg.py": src}}
                    for v, src in (("3.9.4", AGG_OLD), ("3.10.0", AGG_NEW))]}
PASTE = ('Traceback (most recent call last):\n  File "C:\\\\Users\\\\me\\\\main.py", line 9, in <module>\n    plt.show()\n'
         '  File "C:\\\\env\\\\lib\\\\site-packages\\\\mpl\\\\pyplot.py", line 2, in show\n    _backend_mod.show()\n'
         '  File "C:\\\\Program Files\\\\PyCharm\\\\helpers\\\\pycharm_matplotlib_backend\\\\backend_interagg.py", line 73, in show\n'
         "    buffer = self.tostring_rgb()\n"
         "AttributeError: 'FigureCanvasInterAgg' object has no attribute 'tostring_rgb'. Did you mean: 'tostring_argb'?\n")


def _diagnose(index_for, paste):
    index, target = index_for(UNIVERSE, python="3.10", platform="win_amd64")
    pins = parse_requirements_text("mpl==3.10.0\n", target)
    (crash,) = parse_traceback(paste)
    crash = attribute(crash, pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_pin_class_with_the_suggested_method_says_where_the_attribute_was(index_for):
    d = _diagnose(index_for, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("mpl", "<3.10.0")]
    assert "FigureCanvasAgg" in " ".join(d.culprits[0].evidence)


def test_without_pythons_suggestion_nothing_is_guessed(index_for):
    d = _diagnose(index_for, PASTE.replace(" Did you mean: 'tostring_argb'?", ""))
    assert d.culprits == []
