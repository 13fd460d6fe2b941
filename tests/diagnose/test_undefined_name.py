"""A NameError in a pin's own frame for a name its release never binds: the release's own slip.

Textualize/rich#185: rich 4.1.0's ``Progress.track`` calls ``progress.refresh()`` where only
``self`` exists (the module's demo under ``if __name__ == "__main__":`` binds ``progress``,
which an import never runs); rich 4.2.0 reads ``self.refresh()``.  The reporter's paste,
verbatim, starts mid-traceback.
"""
from pytest_depfix.diagnose.undefined import reads_unbound
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """In my code I use rich library (manual update), new version crashes.
    for social_network, net_info in progress1.track(site_data.items(), description=""):
  File "/home/snoop/.local/lib/python3.7/site-packages/richy/progress.py", line 9, in track
    progress.refresh()
NameError: name 'progress' is not defined
Error in atexit._run_exitfuncs:
Traceback (most recent call last):
"""

HEAD = "class Progress:\n    def refresh(self):\n        pass\n\n"
SLIP = HEAD + ("    def track(self, sequence):\n        for value in sequence:\n            yield value\n"
               "            if not self.auto_refresh:\n                progress.refresh()\n")
FIXED = SLIP.replace("progress.refresh()", "self.refresh()")
OLDER = HEAD  # no track() yet
DEMO = '\n\nif __name__ == "__main__":\n    progress = Progress()\n'


def _universe(v410=SLIP + DEMO, older=FIXED):
    def rel(v, text):
        return {"version": v, "files": {"richy/__init__.py": "", "richy/progress.py": text}}
    return {"richy": [rel("4.0.0", older), rel("4.1.0", v410), rel("4.2.0", FIXED), rel("5.0.0", FIXED)]}


def _diagnose(index_for, universe=None, paste=PASTE, keep=()):
    index, target = index_for(universe or _universe(), python="3.7")
    return diagnose_paste(index, target, "richy==4.1.0\n", paste, keep=keep)


def test_a_name_the_release_never_binds_moves_the_pin_to_its_nearest_releases_without_the_slip(index_for):
    d = _diagnose(index_for)
    assert d.verdict == "direct", d.summary
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("richy", "<=4.0.0"), ("richy", ">=4.2.0")]
    assert "binds it nowhere" in d.summary


def test_an_earlier_release_without_the_function_is_no_way_back(index_for):
    d = _diagnose(index_for, _universe(older=OLDER))
    assert [(c.name, c.constraint) for c in d.culprits] == [("richy", ">=4.2.0")], d.summary


def test_a_name_the_module_binds_is_left_to_other_readings(index_for):
    bound = "import progress\n" + SLIP
    d = _diagnose(index_for, _universe(v410=bound))
    assert not d.culprits and d.verdict == "unknown", d.summary


def test_a_star_import_may_bind_it_so_nothing_is_claimed(index_for):
    d = _diagnose(index_for, _universe(v410="from os import *\n" + SLIP))
    assert not d.culprits, d.summary


def test_a_printed_line_that_does_not_read_the_name_is_another_release(index_for):
    d = _diagnose(index_for, paste=PASTE.replace("    progress.refresh()", "    bar.refresh()"))
    assert not d.culprits, d.summary


def test_a_kept_pin_is_not_moved(index_for):
    d = _diagnose(index_for, keep=["richy"])
    assert not d.culprits, d.summary


def test_scopes_are_read_as_python_reads_them():
    closure = "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n"
    assert reads_unbound(closure, "inner", "x") is False
    # a class body's names are not visible inside its methods
    cls = "class A:\n    y = 1\n    def m(self):\n        return y\n"
    assert reads_unbound(cls, "m", "y") is True
    declared = "def setup():\n    global z\n    z = 1\n\ndef use():\n    return z\n"
    assert reads_unbound(declared, "use", "z") is False
    assert reads_unbound("def f():\n    return q\nexec('q = 1')\n", "f", "q") is None
    assert reads_unbound("def f(:\n", "f", "q") is None
    # the function nearest above the frame's line is the one asked
    two = "def f():\n    return 1\n\nclass B:\n    def f(self):\n        return w\n"
    assert reads_unbound(two, "f", "w", line=6) is True
    assert reads_unbound(two, "f", "w", line=2) is False


def test_a_global_bound_by_an_import_inside_a_function_is_bound():
    # (review) the lazy-import pattern: 'global np' then 'import numpy as np' in a setup function
    text = "def setup():\n    global np\n    import numpy as np\n\n\ndef f():\n    return np.zeros(3)\n"
    assert reads_unbound(text, "f", "np") is False
    # 'if __name__ != "__main__":' is no demo block: what it binds is bound on import
    guarded = 'if __name__ != "__main__":\n    progress = 1\n\n\ndef f():\n    return progress\n'
    assert reads_unbound(guarded, "f", "progress") is False


def test_a_patch_that_fixed_the_slip_is_found_when_the_newest_release_moved_the_module(index_for):
    # r0x0r/pywebview#50: pywebview 1.2.1 fixed gtk.py's unbound name; by 3.0 the module had moved elsewhere,
    # so the newest release answers nothing about it
    def rel(v, files):
        return {"version": v, "files": dict({"richy/__init__.py": ""}, **files)}
    universe = {"richy": [rel("4.0.0", {"richy/progress.py": FIXED}), rel("4.1.0", {"richy/progress.py": SLIP}),
                          rel("4.1.1", {"richy/progress.py": FIXED}), rel("5.0.0", {"richy/platforms/progress.py": FIXED})]}
    d = _diagnose(index_for, universe)
    assert sorted(c.constraint for c in d.culprits) == ["<=4.0.0", ">=4.1.1"], d.summary
