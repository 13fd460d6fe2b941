"""Reading pin sets as pip does, writing them back strictly."""

import pytest

from pytest_depfix.errors import BadInput
from pytest_depfix.requirements import format_pins, parse_pin, parse_requirements_text, read_requirements
from pytest_depfix.target import Target


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_order_spelling_comments_hashes_and_options(tmp_path):
    req = write(tmp_path, "requirements.txt", """
# a comment
--index-url https://user:secret@example.invalid/simple
typing_extensions==3.7.4.3  # trailing comment
PyWavelets==1.1.1 \\
    --hash=sha256:abc
Pillow[extra]==8.1.0
""")
    pins = read_requirements(req)
    assert [p.name for p in pins] == ["typing_extensions", "PyWavelets", "Pillow"]
    assert [p.version for p in pins] == ["3.7.4.3", "1.1.1", "8.1.0"]
    assert pins.pins[2].extras == ("extra",)
    assert pins.index_url.startswith("https://user:secret@")
    assert format_pins(pins.pins, {"pywavelets": "1.2.0"}) == "typing_extensions==3.7.4.3\nPyWavelets==1.2.0\nPillow==8.1.0\n"


def test_includes_and_constraints(tmp_path):
    write(tmp_path, "base.txt", "six==1.15.0\n")
    write(tmp_path, "cons.txt", "numpy<2\n")
    req = write(tmp_path, "req.txt", "-r base.txt\n-c cons.txt\nnumpy==1.19.3\n")
    pins = read_requirements(req)
    assert [p.name for p in pins] == ["six", "numpy"]
    assert [c.name for c in pins.constraints] == ["numpy"]


def test_markers_are_evaluated_for_the_target_not_the_host(tmp_path):
    req = write(tmp_path, "r.txt", 'dataclasses==0.8; python_version < "3.7"\ntyping-extensions==4.0.0; python_version < "3.8"\n')
    pins = read_requirements(req, Target.from_spec("3.7", "linux"))
    assert [(p.name, p.active) for p in pins] == [("dataclasses", False), ("typing-extensions", True)]


def test_duplicate_names_keep_first_position_and_warn(tmp_path):
    req = write(tmp_path, "r.txt", "foo_bar==1.0\nsix==1.0\nFoo-Bar==2.0\n")
    pins = read_requirements(req)
    assert [p.name for p in pins] == ["foo_bar", "six"]
    assert any("pinned twice" in w for w in pins.warnings)


def test_bad_lines_are_one_line_errors(tmp_path):
    with pytest.raises(BadInput, match="cannot read requirement"):
        read_requirements(write(tmp_path, "r.txt", "numpy[==1.0\n"))
    with pytest.raises(BadInput, match="not found"):
        read_requirements(tmp_path / "missing.txt")
    with pytest.raises(BadInput, match="binary"):
        p = tmp_path / "bin.txt"
        p.write_bytes(b"\x00\x01\x02")
        read_requirements(p)


def test_credentials_never_echoed_in_errors(tmp_path):
    with pytest.raises(BadInput) as info:
        read_requirements(write(tmp_path, "r.txt", "pkg @ https://user:hunter2@host.invalid/x.whl ; ;\n"))
    assert "hunter2" not in str(info.value)


def test_keep_pin_must_be_exact():
    assert parse_pin("torch==1.8.0").version == "1.8.0"
    with pytest.raises(BadInput, match="exact pin"):
        parse_pin("torch>=1.8")


def test_include_cycle_is_a_warning_not_a_hang(tmp_path):
    write(tmp_path, "a.txt", "-r b.txt\nsix==1\n")
    write(tmp_path, "b.txt", "-r a.txt\n")
    pins = read_requirements(tmp_path / "a.txt")
    assert [p.name for p in pins] == ["six"]
    assert any("cycle" in w for w in pins.warnings)


def test_an_include_path_with_a_nul_byte_is_bad_input_not_a_crash():
    # Found by benchmarks/fuzz_inputs.py (seed 10678): '-r ../../et\x00c/passwd' raised ValueError from pathlib.
    with pytest.raises(BadInput, match="NUL byte"):
        parse_requirements_text("-r ../../et\x00c/passwd\nflask==2.0.0\n")


@pytest.mark.parametrize("line", [
    "pandas==1--extra-index-url https://tok:s3cr3tT0ken",  # a credential cut from its @host by a bad edit
    "httplib2==0-i https://user:s3cr3tT0ken-r other.txt@example.invalid/simple",  # spaces inside the userinfo
    "pandas==1--extra-index-url https://aws:wJalrXUt/s3cr3tT0ken@host/simple",  # a secret holding a '/'
])
def test_an_unreadable_line_never_shows_what_follows_a_scheme(line):
    # Found by benchmarks/fuzz_inputs.py over 100,000 mutated requirements files.
    with pytest.raises(BadInput) as err:
        parse_requirements_text(line + "\n")
    assert "s3cr3tT0ken" not in str(err.value) and "://***" in str(err.value)
