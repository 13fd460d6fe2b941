"""A frameless "'super' object has no attribute '_ipython_display_'": the base class in another pin lost it.

volkamerlab/teachopencadd#262: nglview 3.0.3's widgets call ``super()._ipython_display_()``;
ipywidgets 8.0 dropped ``Widget._ipython_display_``.  The message names no class, so the pin that
makes the ``super()`` call is the caller, and the one other pin whose pinned release no longer
defines the method (and whose earlier release did) goes back.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'super' object has no attribute '_ipython_display_'\n"
OLD = "class Widget:\n    def _ipython_display_(self, **kwargs):\n        return None\n"
NEW = "class Widget:\n    def _repr_mimebundle_(self, **kwargs):\n        return None\n"
CALLER = ("from widgety import Widget\n\n\nclass View(Widget):\n    def _ipython_display_(self, **kwargs):\n"
          "        super()._ipython_display_(**kwargs)\n")
REQS = "widgety==8.0.1\nviewy==3.0.3\n"


def _universe(caller=CALLER, newest=NEW):
    return {"widgety": [{"version": v, "files": {"widgety/__init__.py": text}}
                        for v, text in (("7.7.1", OLD), ("7.7.2", OLD), ("8.0.0", newest), ("8.0.1", newest))],
            "viewy": [{"version": "3.0.3", "requires_dist": ["widgety>=7"], "files": {"viewy/__init__.py": caller}}]}


def test_the_base_that_dropped_the_method_goes_back_to_the_last_release_defining_it(index_for):
    index, target = index_for(_universe(), python="3.10")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("widgety", "<=7.7.2")], d.summary


def test_no_pin_calling_super_for_it_moves_no_pin(index_for):
    # the project's own class may make the call, and its base is not known
    index, target = index_for(_universe(caller=CALLER.replace("super()._ipython_display_", "self._repr_mimebundle_")),
                              python="3.10")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not d.culprits, d.summary


def test_a_base_that_still_defines_the_method_is_not_the_change(index_for):
    index, target = index_for(_universe(newest=OLD), python="3.10")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not d.culprits, d.summary


def test_super_with_arguments_is_read_as_the_same_call(index_for):
    caller = CALLER.replace("super()._ipython_display_", "super(View, self)._ipython_display_")
    index, target = index_for(_universe(caller=caller), python="3.10")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("widgety", "<=7.7.2")], d.summary
