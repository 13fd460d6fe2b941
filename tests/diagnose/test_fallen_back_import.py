"""An ``except ImportError`` fallback that imports what the set never held: the first import is the break.

fabric#2263: fabric 3.0.1 tries ``from invoke.vendor.decorator import decorator`` and falls
back to ``from decorator import decorator``; invoke 2.1 dropped its vendored copy and the set
has no ``decorator``.  Python prints both, "During handling of the above exception".
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

# fabric#2263, verbatim; package names changed to the fixtures'.
TB = """Traceback (most recent call last):
  File "/home/u/venv/lib64/python3.7/site-packages/fabricy/connection.py", line 2, in <module>
    from invoky.vendor.decorator import decorator
ModuleNotFoundError: No module named 'invoky.vendor.decorator'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "<string>", line 1, in <module>
  File "/home/u/venv/lib64/python3.7/site-packages/fabricy/connection.py", line 4, in <module>
    from decorator import decorator
ModuleNotFoundError: No module named 'decorator'
"""
CONNECTION = ("try:\n    from invoky.vendor.decorator import decorator\nexcept ImportError:\n"
              "    from decorator import decorator\n")


def _universe():
    def invoky(v, vendored):
        files = {"invoky/__init__.py": "", "invoky/vendor/__init__.py": ""}
        if vendored:
            files["invoky/vendor/decorator.py"] = "def decorator(f):\n    return f\n"
        return {"version": v, "files": files}
    return {"invoky": [invoky("2.0.1", True), invoky("2.1.0", False)],
            "fabricy": [{"version": "3.0.1", "requires_dist": ["invoky>=2.0"],
                         "files": {"fabricy/__init__.py": "", "fabricy/connection.py": CONNECTION}}]}


def _diagnose(index_for, tb=TB, reqs="fabricy==3.0.1\ninvoky==2.1.0\n"):
    index, target = index_for(_universe(), python="3.7")
    pins = parse_requirements_text(reqs, target)
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_fallback_outside_the_set_is_diagnosed_as_the_import_it_fell_back_from(index_for):
    d = _diagnose(index_for)
    assert ("invoky", "<2.1.0") in {(c.name, c.constraint.split(",")[-1]) for c in d.culprits}, d.summary
    assert "fell back from" in d.summary


def test_a_fallback_to_a_pin_of_the_set_is_diagnosed_as_printed(index_for):
    # The fallback's module is a pin's: its own message is the one to read, not the first import.
    tb = TB.replace("from decorator import decorator", "from invoky.util import decorator") \
        .replace("No module named 'decorator'", "No module named 'invoky.util'")
    d = _diagnose(index_for, tb=tb)
    assert "fell back from" not in d.summary
    assert "invoky.util" in d.summary, d.summary  # the printed message is the one diagnosed
    assert not any(c.constraint.endswith("<2.1.0") for c in d.culprits), d.culprits
