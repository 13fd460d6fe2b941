"""setuptools' install-time refusal: "error: protobuf 3.20.2 is installed but protobuf>=4.21.3 is required by {'grpcio-status'}".

google/turbinia#1154: grpcio-status 1.49.0 raised its protobuf floor to 4.21.3; the paste is that one line.
It names a declared conflict, so the set's own declarations decide.
"""
from pytest_depfix.diagnose import check_matrix, diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

LINE = "error: protobufy 3.20.2 is installed but protobufy>=4.21.3 is required by {'grpcio-statusy'}\n"


def test_the_line_is_a_version_conflict():
    found = infer_message(LINE)
    assert found is not None and found.exc_type == "pkg_resources.VersionConflict"
    assert infer_message("error: the file is installed but not required by anyone\n") is None


def test_the_requiring_pin_moves_to_its_release_that_accepts_the_pinned_version(index_for):
    universe = {"protobufy": [{"version": v, "files": {"protobufy/__init__.py": ""}} for v in ("3.20.2", "4.21.3")],
                "grpcio-statusy": [{"version": v, "requires_dist": [f"protobufy>={floor}"],
                                    "files": {"grpcio_statusy/__init__.py": ""}}
                                   for v, floor in (("1.48.2", "3.12.0"), ("1.49.0", "4.21.3"))]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("protobufy==3.20.2\ngrpcio-statusy==1.49.0\n", target)
    d = diagnose(infer_message(LINE).to_crash(), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index),
                 matrix=check_matrix(pins, target, index))
    assert ("grpcio-statusy", "<=1.48.2") in [(c.name, c.constraint) for c in d.culprits], d.summary
