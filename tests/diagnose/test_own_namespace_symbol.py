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


def _universe():
    def protoy(version):
        return {"version": version, "files": {"google/protoy/__init__.py": "", "google/protoy/descriptor.py": "",
                                              "google/protoy/pyext/__init__.py": ""}}
    return {"protoy": [protoy("3.19.4"), protoy("3.20.1"), protoy("3.20.2")]}


def test_the_pin_goes_back_before_the_broken_build(index_for):
    index, target = index_for(_universe(), python="3.10")
    d = diagnose_paste(index, target, "protoy==3.20.2\n", PASTE)
    assert d.verdict == "direct", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("protoy", "<3.20.2")]
    assert "own C++ namespace" in d.summary


def test_another_librarys_symbol_is_not_read_as_a_broken_build(index_for):
    index, target = index_for(_universe(), python="3.10")
    d = diagnose_paste(index, target, "protoy==3.20.2\n", PASTE.replace("__ZN6google6protoy", "__ZN4absl6protoy"))
    assert "own C++ namespace" not in d.summary


def test_macos_symbol_wordings_are_abi_signals():
    from pytest_depfix.crash import parse_traceback

    sig = F.classify(parse_traceback(PASTE)[0])
    assert sig.family == F.ABI and sig.name == "_ZN6google6protoy15FieldDescriptor12TypeOnceInitEPKS1_"
    assert sig.extension.endswith("google/protoy/pyext/_message.cpython-310-darwin.so")
