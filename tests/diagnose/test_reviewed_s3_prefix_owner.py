"""Reviewed (s3): ``_prefix_owner`` is meant for a bare extension file (``flash_attn_2_cuda.so``), but it runs
for any extension path module_owner cannot place, and it matches the *base* library's own name.

torch-scatter is typically installed from PyG's find-links page, so it is often absent from a requirements
file.  Its extension ``site-packages/torch_scatter/_scatter_cuda...so`` failing on a c10 symbol then has
``torch_scatter`` as module; ``torch`` is the longest pin that starts it, and base_name is still None when
_prefix_owner runs (it only becomes torch afterwards, from the symbol), so torch is taken for the extension
*and* the base: "binary mismatch between torch and torch", and torch is moved to another series.
Before this change the verdict was "unknown" with no culprit.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse


def test_an_unpinned_torch_extension_folder_is_not_taken_for_torch_itself(index_for):
    universe = {"torch": [{"version": "1.4.0", "upload_time": "2020-01-16T00:00:00Z"},
                          {"version": "1.5.0", "upload_time": "2020-04-21T00:00:00Z"}],
                "numpy": [{"version": "1.18.0"}]}
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("torch==1.5.0\nnumpy==1.18.0\n", target)
    tb = ("ImportError: /env/lib/python3.7/site-packages/torch_scatter/_scatter_cuda.cpython-37m-x86_64-linux-gnu.so: "
          "undefined symbol: _ZN3c106Symbol14fromQualStringERKSs\n")
    d = diagnose(simple_parse(tb, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert "between torch and torch" not in d.summary, d.summary
    assert [c for c in d.culprits if c.name == "torch"] == [], [(c.name, c.constraint) for c in d.culprits]
