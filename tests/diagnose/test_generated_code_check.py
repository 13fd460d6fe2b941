"""grpc's generated code checks the installed grpcio: "... installed is at version 1.75.1, but the generated code
in x_pb2_grpc.py depends on grpcio>=1.78.0."  (smg-project/smg#409: smg-grpc-proto 0.3.2 ships code generated for
grpcio 1.78.0 but declares grpcio>=1.62.0.)  The check names the requirement; the pin moves to meet it.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = ("RuntimeError: The grpc package installed is at version 1.75.1, but the generated code\n"
         "in sglang_scheduler_pb2_grpc.py depends on grpcio>=1.78.0.\n")


def _universe():
    return {"grpcio": [{"version": v, "files": {"grpc/__init__.py": ""}} for v in ("1.75.1", "1.76.0", "1.78.0")],
            "protoy": [{"version": "0.3.2", "requires_dist": ["grpcio>=1.62.0"], "files": {"protoy/__init__.py": ""}}]}


def test_the_generated_codes_requirement_is_met(index_for):
    index, target = index_for(_universe(), python="3.12")
    d = diagnose_paste(index, target, "grpcio==1.75.1\nprotoy==0.3.2\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits][:1] == [("grpcio", ">=1.78.0")], d.summary
