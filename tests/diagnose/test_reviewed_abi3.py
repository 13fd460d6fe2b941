"""Found by review: _extension_did_not_load treats a stable-ABI (abi3) extension as built against a Python pre-release."""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text


def _universe(member, later_version="43.0.0"):
    return {"cryp": [
        # an abi3 wheel (cp37-abi3) uploaded long before Python 3.13.0: it is NOT built against a 3.13 pre-release
        {"version": "42.0.0", "upload_time": "2024-01-22T00:00:00Z", "files": {"cryp/__init__.py": "", member: "\x7fELF"}},
        {"version": later_version, "upload_time": "2024-11-01T00:00:00Z", "files": {"cryp/__init__.py": "", member: "\x7fELF"}},
    ]}


def test_an_abi3_extension_that_did_not_load_is_not_a_prerelease_build(index_for):
    index, target = index_for(_universe("cryp/_rust.abi3.so"), python="3.13")
    pins = parse_requirements_text("cryp==42.0.0\n", target)
    kb = load_knowledge(bundled=False)
    crash = infer_message("ImportError: cannot import name '_rust' from 'cryp'\n", kb).to_crash()
    d = diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))
    assert (d.verdict, [(c.name, c.constraint) for c in d.culprits]) == ("environment", []), (d.verdict, d.culprits, d.summary)


def test_a_backport_uploaded_after_the_final_is_not_offered_as_a_lower_bound(index_for):
    # 41.0.9 (a backport of the older series) is uploaded after 3.13.0: '>=41.0.9' still admits the broken 42.0.0
    index, target = index_for(_universe("cryp/_rust.cpython-313-x86_64-linux-gnu.so", later_version="41.0.9"), python="3.13")
    pins = parse_requirements_text("cryp==42.0.0\n", target)
    kb = load_knowledge(bundled=False)
    crash = infer_message("ImportError: cannot import name '_rust' from 'cryp'\n", kb).to_crash()
    d = diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))
    for c in d.culprits:
        from packaging.specifiers import SpecifierSet
        assert "42.0.0" not in SpecifierSet(c.constraint), (d.verdict, c)


def test_a_wheel_built_after_the_release_candidate_is_not_a_prerelease_build(index_for):
    # Python 3.13.0rc1 came out 2024-08-01; the ABI is frozen from rc1 on (the docstring says so itself),
    # and projects are asked to upload cp313 wheels during the rc phase (numpy 2.1.0, 2024-08-18, did).
    universe = {"cryp": [
        {"version": "42.0.0", "upload_time": "2024-08-20T00:00:00Z",
         "files": {"cryp/__init__.py": "", "cryp/_rust.cpython-313-x86_64-linux-gnu.so": "\x7fELF"}},
        {"version": "43.0.0", "upload_time": "2024-11-01T00:00:00Z",
         "files": {"cryp/__init__.py": "", "cryp/_rust.cpython-313-x86_64-linux-gnu.so": "\x7fELF"}},
    ]}
    index, target = index_for(universe, python="3.13")
    pins = parse_requirements_text("cryp==42.0.0\n", target)
    kb = load_knowledge(bundled=False)
    crash = infer_message("ImportError: cannot import name '_rust' from 'cryp'\n", kb).to_crash()
    d = diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))
    assert (d.verdict, d.culprits) == ("environment", []), (d.verdict, d.culprits)
