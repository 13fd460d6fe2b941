"""A pin's extension missing a C++ symbol of its own namespace: that build of the release is broken.

streamlit/streamlit#5394: protobuf 3.20.2's macOS wheel for Python 3.10 could not load its
own ``google/protobuf/pyext/_message`` ("symbol not found in flat namespace
(__ZN6google8protobuf15FieldDescriptor12TypeOnceInitEPKS1_)"); 3.19.4 loaded.
"""
from pytest_depfix.diagnose import families as F
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/private/tmp/env/lib/python3.10/site-packages/google/protoy/descriptor.py", line 47, in <module>
    from google.protoy.pyext import _message
ImportError: dlopen(/private/tmp/env/lib/python3.10/site-packages/google/protoy/pyext/_message.cpython-310-darwin.so, 0x0002): symbol not found in flat namespace (__ZN6google6protoy15FieldDescriptor12TypeOnceInitEPKS1_)
"""


def _universe(tag="cp310-cp310-macosx_10_9_x86_64"):
    def protoy(version):
        return {"version": version, "tag": tag, "files": {
            "google/protoy/__init__.py": "", "google/protoy/descriptor.py": "", "google/protoy/pyext/__init__.py": ""}}
    return {"protoy": [protoy("3.19.4"), protoy("3.20.1"), protoy("3.20.2")]}


def _diagnose(index_for, paste, tag="cp310-cp310-macosx_10_9_x86_64"):
    index, target = index_for(_universe(tag), python="3.10", platform="macosx_10_9_x86_64")
    return diagnose_paste(index, target, "protoy==3.20.2\n", paste)


def test_the_pin_goes_back_before_its_broken_index_build(index_for):
    d = _diagnose(index_for, PASTE)
    assert d.verdict == "direct", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("protoy", "<3.20.2")]
    assert "own C++ namespace" in d.summary


def test_without_a_binary_wheel_for_the_target_the_extension_was_built_elsewhere(index_for):
    # (protobuf 3.20.2 has only a pure wheel for CPython 3.10 on macOS: the .so was not the index's)
    d = _diagnose(index_for, PASTE, tag="py2.py3-none-any")
    assert not d.culprits and "own C++ namespace" not in d.summary


def test_a_library_the_loader_expected_it_in_is_a_system_build(index_for):
    # (the second review's input: Homebrew's libprotobuf named after "Expected in:")
    paste = PASTE.rstrip("\n") + "\n  Expected in: /usr/local/opt/protobuf/lib/libprotobuf.30.dylib\n"
    d = _diagnose(index_for, paste)
    assert "own C++ namespace" not in d.summary


def test_another_librarys_symbol_is_not_read_as_a_broken_build(index_for):
    d = _diagnose(index_for, PASTE.replace("__ZN6google6protoy", "__ZN4absl6protoy"))
    assert "own C++ namespace" not in d.summary


def test_odd_digits_in_a_mangled_name_fail_closed():
    from pytest_depfix.diagnose.verdict import _mangled_namespaces

    assert _mangled_namespaces("_ZN\u00b2x") == []
    assert len(_mangled_namespaces("_ZN" + "9" * 5000)) <= 4


def test_macos_symbol_wordings_are_abi_signals():
    from pytest_depfix.crash import parse_traceback

    sig = F.classify(parse_traceback(PASTE)[0])
    assert sig.family == F.ABI and sig.name == "_ZN6google6protoy15FieldDescriptor12TypeOnceInitEPKS1_"
    assert sig.extension.endswith("google/protoy/pyext/_message.cpython-310-darwin.so")
