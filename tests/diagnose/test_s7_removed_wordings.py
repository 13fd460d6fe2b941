"""A frameless "X was removed" message: the pin whose code still uses X is the caller, and its adapted release a fix.

pyRDDL/pyRDDLGym-jax#16: "AttributeError: jax.tree_map was removed in JAX v0.6.0: use
jax.tree.map (jax v0.4.25 or newer) or jax.tree_util.tree_map (any JAX version)." was
pasted alone; pyRDDLGym-jax 2.4 calls ``jax.tree_map`` and 2.5 calls
``jax.tree_util.tree_map``.  The maintainers released 2.5 for it.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.families import ATTRIBUTE, classify
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

UNIVERSE = {
    "jx": [{"version": "0.5.3", "upload_time": "2025-03-01T00:00:00Z",
            "files": {"jx/__init__.py": "from jx.tree_util import tree_map\n", "jx/tree_util.py": "def tree_map(f, t):\n    pass\n"}},
           {"version": "0.6.0", "upload_time": "2025-04-16T00:00:00Z",
            "files": {"jx/__init__.py": "from jx import tree_util\n", "jx/tree_util.py": "def tree_map(f, t):\n    pass\n"}}],
    "planner": [{"version": "2.4", "upload_time": "2025-03-20T00:00:00Z", "requires_dist": ["jx"],
                 "files": {"planner/__init__.py": "", "planner/core.py": "import jx\n\n\ndef step(p):\n    return jx.tree_map(abs, p)\n"}},
                {"version": "2.5", "upload_time": "2025-05-01T00:00:00Z", "requires_dist": ["jx"],
                 "files": {"planner/__init__.py": "",
                           "planner/core.py": "import jx\n\n\ndef step(p):\n    return jx.tree_util.tree_map(abs, p)\n"}}],
}


def test_jax_wording_names_the_module_the_name_and_the_release():
    crash = simple_parse("AttributeError: jax.tree_map was removed in JAX v0.6.0: use jax.tree.map instead.\n")
    sig = classify(crash)
    assert (sig.family, sig.module, sig.name, sig.detail["removed_in"]) == (ATTRIBUTE, "jax", "tree_map", ("JAX", "0.6.0"))


def test_numpy_wording_still_reads_the_same():
    sig = classify(simple_parse("AttributeError: `np.float_` was removed in the NumPy 2.0 release. Use `np.float64` instead.\n"))
    assert (sig.module, sig.name, sig.detail["removed_in"]) == ("numpy", "float_", ("NumPy", "2.0"))


def test_a_wording_only_a_knowledge_entry_knows_still_finds_the_caller(index_for, tmp_path):
    kbfile = tmp_path / "kb.toml"
    kbfile.write_text('''schema = 1
[[break]]
id = "jx-tree-map"
package = "jx"
changed_in = "0.6.0"
kind = "removed-name"
exception = "AttributeError"
message = "tree_map is gone from jx"
module = "jx"
name = "tree_map"
fix = "jx<0.6"
source = "https://example.org/jx/changelog"
''')
    index, target = index_for(UNIVERSE, python="3.10")
    pins = parse_requirements_text("planner==2.4\njx==0.6.0\n", target)
    crash = simple_parse("AttributeError: tree_map is gone from jx\n", pins)
    d = diagnose(crash, pins, target, index, load_knowledge([str(kbfile)], bundled=False), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    assert got == {("jx", "<0.6"), ("planner", ">=2.5")}
    assert any("planner 2.4 uses jx.tree_map" in e for c in d.culprits for e in c.evidence)
