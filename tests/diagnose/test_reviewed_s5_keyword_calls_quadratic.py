"""``users.keyword_calls`` is quadratic in the number of calls passing the keyword.

Defect: for every call that passes ``keyword=``, ``keyword_calls`` calls
``_bindings(mod, node.lineno)``, which walks the whole module tree again
(``ast.walk`` for enclosing functions, then every module statement).  A module
with N such calls costs N full walks: O(N x module size).

Realistic scenario: the frameless short-keyword search (``_keyword_call_pairs``,
e.g. ``__init__() got an unexpected keyword argument 'name'``) reads every
movable pin's release with ``keyword_call_sites``.  protoc-generated ``*_pb2.py``
modules (TensorFlow, googleapis-common-protos, grpc tooling ship hundreds of
them) hold one ``_descriptor.FieldDescriptor(name=..., ...)`` call per field;
Keras' application modules pass ``name=`` to hundreds of layers.  One 300 kB
generated module with 1000 such calls takes ~16 s here, 2000 calls ~70 s,
so a single paste can stall the analysis for minutes.

Expected: the module's import bindings are computed once per scope (the
module's own, plus each enclosing function's), so reading 1000 calls costs
about as much as parsing the file (well under a second).
"""

from __future__ import annotations

import time

from pytest_depfix.diagnose.users import keyword_calls


def _generated_pb2(n: int) -> str:
    head = "from google.protobuf import descriptor as _descriptor\n\nDESCRIPTOR = None\n"
    return head + "".join(
        f"_F{i} = _descriptor.FieldDescriptor(name='f{i}', full_name='pkg.M.f{i}', index={i}, number={i + 1}, "
        f"type=9, cpp_type=9, label=1, has_default_value=False, default_value=b'', message_type=None, "
        f"enum_type=None, containing_type=None, is_extension=False, extension_scope=None, "
        f"serialized_options=None, file=DESCRIPTOR)\n" for i in range(n))


def test_reading_a_generated_module_with_many_keyword_calls_is_linear():
    src = _generated_pb2(1000)
    start = time.perf_counter()
    found = keyword_calls(src, "name")
    elapsed = time.perf_counter() - start
    assert len(found) == 1000 and found[0][0] == "google.protobuf.descriptor.FieldDescriptor"
    assert elapsed < 3.0, f"keyword_calls took {elapsed:.1f} s for 1000 calls in one module"
