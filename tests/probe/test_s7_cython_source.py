"""A compiled module whose Cython source ships beside it answers "yes" from that source.

Real case behind it: milvus-io/milvus-model#32.  pyarrow 17.0.0's ``_parquet``
extension asked ``pyarrow.lib`` for ``ListViewType`` and a Colab session that
still had an older ``pyarrow.lib`` loaded said it has none.  The wheel ships
``pyarrow/lib.pyx``, which includes ``types.pxi``, which defines ``cdef class
ListViewType``: the pinned release has it, so the installed copy is the odd one
out (a verdict of environment), not pyarrow 17.
"""

from __future__ import annotations

from pytest_depfix.diagnose.pysource import UNKNOWN, YES, DictTree, Resolver

SO = "pa/lib.cpython-310-x86_64-linux-gnu.so"


def tree(**extra):
    files = {"pa/__init__.py": "from pa.lib import *\n", SO: "\x7fELF",
             "pa/lib.pyx": 'cimport cython\ninclude "types.pxi"\ninclude "table.pxi"\n\ndef cpu_count():\n    return 1\n',
             "pa/types.pxi": "cdef class DataType:\n    pass\n\n\ncdef class ListViewType(DataType):\n    pass\n",
             "pa/table.pxi": "class Table:\n    pass\n\nTIMEOUT = 3\n"}
    files.update(extra)
    return Resolver(DictTree(files))


def test_a_class_defined_in_an_included_pxi_is_there():
    found = tree().lookup("pa.lib", "ListViewType")
    assert found.value == YES and "pa/types.pxi" in found.evidence


def test_functions_classes_and_values_at_top_level_count():
    r = tree()
    assert r.lookup("pa.lib", "cpu_count").value == YES
    assert r.lookup("pa.lib", "Table").value == YES
    assert r.lookup("pa.lib", "TIMEOUT").value == YES


def test_silence_of_the_source_proves_nothing():
    assert tree().lookup("pa.lib", "ListType").value == UNKNOWN


def test_an_indented_definition_is_no_module_attribute():
    r = tree(**{"pa/types.pxi": "cdef class DataType:\n    def ListViewType(self):\n        pass\n"})
    assert r.lookup("pa.lib", "ListViewType").value == UNKNOWN


def test_without_the_pyx_the_compiled_module_stays_unknown():
    r = Resolver(DictTree({"pa/__init__.py": "", SO: "\x7fELF", "pa/types.pxi": "cdef class ListViewType:\n    pass\n"}))
    assert r.lookup("pa.lib", "ListViewType").value == UNKNOWN


def test_a_star_import_from_another_distribution_may_bring_any_name():
    # keras 2.4.3's keras/utils/__init__.py is only "from tensorflow.keras.utils import *"
    r = Resolver(DictTree({"keras/__init__.py": "", "keras/utils/__init__.py": "from tensorflow.keras.utils import *\n"}))
    found = r.lookup("keras.utils", "get_file")
    assert found.value == UNKNOWN and "another distribution" in found.evidence


def test_a_star_import_from_the_standard_library_does_not_hide_a_missing_name():
    from pytest_depfix.diagnose.pysource import NO

    r = Resolver(DictTree({"m/__init__.py": "from os.path import *\n"}))
    assert r.lookup("m", "get_file").value == NO


def test_a_name_alive_only_between_probe_points_is_found_from_the_pins_neighbour(make_local_index, tmp_path):
    # fsspec: asyn.maybe_sync lived only in 0.8.x; 0.9.0 (the pin) dropped it.  Neither end nor the
    # interior probe points have it, so the release just before the pin is probed first.
    from pytest_depfix.diagnose.probe import ApiProbe, Question
    from pytest_depfix.index import PackageIndex
    from pytest_depfix.target import Target

    releases = [{"version": v, "files": {"fs/__init__.py": "", "fs/asyn.py": "X = 1\n"}}
                for v in ["0.1.0", "0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.6.0", "0.7.0", "0.7.1", "0.7.2", "0.7.3",
                          "0.9.0", "1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0"]]
    releases.insert(10, {"version": "0.8.0", "files": {"fs/__init__.py": "", "fs/asyn.py": "def maybe_sync():\n    pass\n"}})
    local = make_local_index({"fs": releases})
    target = Target.from_spec("3.11", "linux")
    index = PackageIndex.from_config(target, index_url=local.file_url, use_pip_config=False, cache_dir=str(tmp_path / "c"))
    probe = ApiProbe(index)
    q = Question.parse("fs.asyn:maybe_sync")
    assert probe.find_range("fs", q).present == "<0"  # the blind search misses it
    assert probe.find_range("fs", q, near="0.9.0").present == ">=0.8.0,<0.9.0"
