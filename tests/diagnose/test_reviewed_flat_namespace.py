"""Found by review: the new macOS flat-namespace pattern reads a C++ symbol (__Z...) as 'environment'.

'symbol not found in flat namespace' is macOS's wording of Linux's 'undefined symbol:'; a mangled C++
symbol of another package's library (torch_scatter built against another torch) is the ABI mismatch the
Linux wording is classified as, not a system library to reinstall.
"""
from pytest_depfix.diagnose import families as F
from pytest_depfix.diagnose import load_knowledge
from pytest_depfix.diagnose.message_only import infer_message

MAC = ("ImportError: dlopen(/Users/u/venv/lib/python3.10/site-packages/torch_scatter/_scatter_cpu.so, 0x0006): "
       "symbol not found in flat namespace '__ZN3c106detail14torchCheckFailEPKcS2_jRKNSt3__112basic_stringIcNS3_11"
       "char_traitsIcEENS3_9allocatorIcEEEE'\n")
LINUX = ("OSError: /home/u/venv/lib/python3.10/site-packages/torch_scatter/_scatter_cpu.so: undefined symbol: "
         "_ZN3c106detail14torchCheckFailEPKcS2_jRKSs\n")


def test_a_cpp_symbol_missing_in_the_flat_namespace_is_read_like_an_undefined_symbol():
    kb = load_knowledge(bundled=False)
    linux = F.classify(infer_message(LINUX, kb).to_crash()).family
    mac = F.classify(infer_message(MAC, kb).to_crash()).family
    assert linux == F.ABI
    assert mac != F.ENVIRONMENT, mac
