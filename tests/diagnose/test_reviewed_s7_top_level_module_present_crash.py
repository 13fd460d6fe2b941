"""Reviewed (s7): 'No module named attrs' with a pinned release that *has* attrs crashes (verdict.py, 3e4f495).

3e4f495 asks a missing top-level module as ``(module, name=None)`` in ``_removed_name``.
``probe_range`` and ``_pinned_has`` accept ``name=None``, but when the pinned release does
have the module (the installed copy is the odd one: a distro package, a half-finished
upgrade, a shadowing file - exactly the "environment" case the next lines write) the code
calls ``_compiled_member(ctx, callee, mod, name)`` with ``name=None``, and its
``"/".join(module.split(".") + [name])`` raises ``TypeError: sequence item 1: expected str
instance, NoneType found``.  Before 3e4f495 the same paste asked ``attrs.attrs`` and ended
in a diagnosis; now ``diagnose`` raises.

Suggested fix: in ``_removed_name`` pass ``mod.rpartition(".")`` pieces (or skip the
compiled-member check) when ``name`` is None - e.g. ``_compiled_member(ctx, callee,
*(mod.rpartition(".")[::2]))`` with an empty parent handled - and make ``_compiled_member``
tolerate ``name=None``.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

UNIVERSE = {
    "attrs": [{"version": "21.2.0", "upload_time": "2021-05-07T00:00:00Z", "files": {"attr/__init__.py": "s = 1\n"}},
              {"version": "21.3.0", "upload_time": "2021-12-28T00:00:00Z",
               "files": {"attr/__init__.py": "s = 1\n", "attrs/__init__.py": "from attr import s\n"}}],
    "cirq-core": [{"version": "1.4.0", "upload_time": "2024-07-01T00:00:00Z", "requires_dist": ["attrs"],
                   "files": {"cirq/__init__.py": "import attrs\n"}}],
}

PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.12/site-packages/cirq/__init__.py", line 1, in <module>
    import attrs
ModuleNotFoundError: No module named 'attrs'
"""


def test_a_pinned_release_that_has_the_missing_top_level_module_is_diagnosed(index_for):
    index, target = index_for(UNIVERSE, python="3.12")
    pins = parse_requirements_text("cirq-core==1.4.0\nattrs==21.3.0\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    # the index's 21.3.0 has attrs/: the installed copy is not that release
    assert d.verdict == "environment"
