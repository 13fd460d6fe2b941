"""The compatibility matrix (and `depfix check`) and the knowledge-base loader."""

from __future__ import annotations

import json

from pytest_depfix.cli import main
from pytest_depfix.diagnose import check_matrix, load_knowledge
from pytest_depfix.requirements import parse_requirements_text

UNIVERSE = {
    "flask": [{"version": "1.1.2", "requires_dist": ["Werkzeug>=0.15", "itsdangerous>=0.24", "click>=5.1",
                                                      "colorama; platform_system == 'Windows'"]}],
    "werkzeug": [{"version": "2.0.3"}],
    "itsdangerous": [{"version": "2.0.1"}],
    "httplib2": [{"version": "0.20.1", "requires_dist": ["pyparsing<3,>=2.4.2"]}],
    "pyparsing": [{"version": "2.4.7"}, {"version": "3.0.0", "requires_python": ">=3.6"}],
    "oldwheel": [{"version": "1.0", "tag": "cp36-cp36m-manylinux1_x86_64"}],
}


def test_matrix_reports_conflicts_missing_and_uninstallable(index_for):
    index, target = index_for(UNIVERSE, python="3.8")
    pins = parse_requirements_text("flask==1.1.2\nwerkzeug==2.0.3\nitsdangerous==2.0.1\nhttplib2==0.20.1\n"
                                   "pyparsing==3.0.0\noldwheel==1.0\n", target)
    report = check_matrix(pins, target, index)
    assert [c.describe() for c in report.conflicts] == [
        "httplib2==0.20.1 requires pyparsing<3,>=2.4.2, but the set pins pyparsing==3.0.0"]
    assert report.missing == [("click>=5.1", "flask==1.1.2")]  # colorama's marker is false on Linux
    assert [n for n, _, _ in report.not_installable] == ["oldwheel"]
    alts = report.demands()
    assert [(c.name, c.constraint) for c in alts[0]][0] == ("pyparsing", "<3,>=2.4.2")
    assert report.to_dict()["ok"] is False


def test_markers_are_evaluated_for_the_target_not_the_host(index_for):
    index, target = index_for(UNIVERSE, python="3.8", platform="win_amd64")
    pins = parse_requirements_text("flask==1.1.2\nwerkzeug==2.0.3\nitsdangerous==2.0.1\n", target)
    missing = [r for r, _ in check_matrix(pins, target, index).missing]
    assert any(r.startswith("colorama") for r in missing)


def test_check_command_prints_json_and_exits_1_when_inconsistent(index_for, tmp_path, capsys, monkeypatch):
    index, target = index_for(UNIVERSE, python="3.8")
    req = tmp_path / "r.txt"
    req.write_text("httplib2==0.20.1\npyparsing==3.0.0\n")
    monkeypatch.setattr("pytest_depfix.commands.check.index_from_args", lambda args, t: _Ctx(index))
    code = main(["check", "--requirements", str(req), "--python", "3.8", "--platform", "linux", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and data["conflicts"][0]["requirer"] == "httplib2"


class _Ctx:
    def __init__(self, index):
        self.index = index

    def __enter__(self):
        return self.index

    def __exit__(self, *exc):
        return False


def test_bad_user_entries_are_warnings_not_crashes(tmp_path):
    f = tmp_path / "kb.toml"
    f.write_text('''schema = 1
[[break]]
id = "good"
package = "foo"
kind = "removed-name"
exception = "ImportError"
message = "cannot import name 'x' from 'foo'"
fix = "foo<2"
[[break]]
id = "bad-regex"
package = "foo"
kind = "removed-name"
exception = "ImportError"
message = "(unclosed"
fix = "foo<2"
[[break]]
id = "bad-fix"
package = "foo"
kind = "removed-name"
exception = "ImportError"
message = "x"
fix = "foo is broken"
''')
    py = tmp_path / "pyproject.toml"
    py.write_text('[[tool.depfix.break]]\nid = "mine"\npackage = "bar"\nkind = "signature"\nexception = "TypeError"\n'
                  'message = "unexpected keyword argument \'k\'"\nfix = "bar<3"\n')
    kb = load_knowledge([str(f), str(tmp_path / "nope.toml")], str(py), bundled=False)
    assert sorted(e.id for e in kb.entries) == ["good", "mine"]
    assert len(kb.warnings) == 3 and any("bad-regex" in w for w in kb.warnings) and any("nope.toml" in w for w in kb.warnings)
    assert [e.id for e in kb.match("ModuleNotFoundError", "cannot import name 'x' from 'foo'")] == ["good"]
    assert [e.id for e in kb.match("TypeError", "f() got an unexpected keyword argument 'k'")] == ["mine"]


def test_bundled_knowledge_base_loads_cleanly_and_is_sourced():
    kb = load_knowledge()
    assert kb.warnings == []
    assert len(kb) >= 60 and all(e.source.startswith("http") for e in kb.entries)


def test_windows_runtime_breaks_of_one_release_are_known_with_their_sources():
    kb = load_knowledge()
    # wpilibsuite/allwpilib#2874 (numpy 1.19.4 on Windows 10 2004)
    (np_entry,) = kb.match("RuntimeError", "The current Numpy installation ('c:\\\\users\\\\j\\\\numpy\\\\__init__.py') fails to "
                                           "pass a sanity check due to a bug in the windows runtime.")
    assert (np_entry.fix, np_entry.source) == ("numpy<1.19.4", "https://github.com/numpy/numpy/issues/17963")
    # ultralytics/yolov5#13293 (torch 2.4.0 Windows wheels)
    (torch_entry,) = kb.match("OSError", '[WinError 126] The specified module could not be found. Error loading '
                                         '"C:\\Users\\Hp\\AppData\\Local\\Programs\\Python\\Python312\\Lib\\site-packages\\torch\\lib\\fbgemm.dll" '
                                         'or one of its dependencies.')
    assert torch_entry.fix == "torch!=2.4.0" and "131662" in torch_entry.source


def test_no_kernel_image_is_the_environment_and_the_advice_covers_old_and_new_gpus():
    # pytorch/pytorch#30532 (a Kepler K40m under torch 1.3) and MRzzm/DINet#100 (an RTX 3090 under a cu101 build)
    # print the same line; only the sm_86 wording says which way the GPU and the build differ.
    kb = load_knowledge()
    (general,) = kb.match("RuntimeError", "CUDA error: no kernel image is available for execution on the device")
    assert general.environment and "older torch" in general.advice and "+cu111" in general.advice
    (ampere,) = kb.match("RuntimeError", "NVIDIA GeForce RTX 3090 with CUDA capability sm_86 is not compatible with "
                                          "the current PyTorch installation.")
    assert ampere.environment and "sm_86" in ampere.advice


def test_pydantic_2s_removed_field_keywords_are_known_by_their_user_error():
    # ntropy-network/ntropy-sdk#161: Field(regex=...) under pydantic 2.0
    kb = load_knowledge()
    (entry,) = kb.match("pydantic.errors.PydanticUserError", "`regex` is removed. use `pattern` instead")
    assert (entry.package, entry.fix, entry.kind) == ("pydantic", "pydantic<2", "signature")
    assert kb.match("pydantic.errors.PydanticUserError", "`regex` is deprecated") == []


def test_setuptools_59_6_no_longer_importing_distutils_version_is_known_with_the_caller_that_adapted():
    # pytorch/pytorch#69894: torch 1.10's tensorboard reads distutils.version after 'from setuptools import distutils'.
    (entry,) = load_knowledge().match("AttributeError", "module 'distutils' has no attribute 'version'")
    assert entry.fix == "setuptools<59.6" and [(c.package, c.fixed_in) for c in entry.callers] == [("torch", "1.11.0")]


def test_urllib3_2_refusing_an_old_openssl_is_known_with_the_pin_that_avoids_it():
    # ML-GSAI/EGSDE#12 (and the wording before 2.1: "urllib3 v2.0 only supports OpenSSL 1.1.1+")
    kb = load_knowledge()
    for message in ("urllib3 v2 only supports OpenSSL 1.1.1+, currently the 'ssl' module is compiled with "
                    "'OpenSSL 1.0.2o-fips  27 Mar 2018'. See: https://github.com/urllib3/urllib3/issues/2168",
                    "urllib3 v2.0 only supports OpenSSL 1.1.1+, currently the 'ssl' module is compiled with 'LibreSSL 2.8.3'"):
        (entry,) = kb.match("ImportError", message)
        assert entry.fix == "urllib3<2" and not entry.environment


def test_a_python_36_import_message_without_its_module_still_finds_the_entry_about_that_name():
    # petercunha/Emotion#25: Python 3.6 printed "cannot import name 'imread'" with no "from 'scipy.misc'"
    kb = load_knowledge()
    assert [e.id for e in kb.match("ImportError", "cannot import name 'imread'")] == ["scipy-misc-removed-imread"]
    assert kb.match("ImportError", "cannot import name 'no_such_name_anywhere'") == []


def test_an_entry_written_for_attribute_access_also_explains_the_import_of_the_same_removed_name():
    kb = load_knowledge()
    ids = [e.id for e in kb.match("ImportError", "cannot import name 'imsave' from 'scipy.misc' (/x/scipy/misc/__init__.py)")]
    assert "scipy-misc-removed-imread" in ids
    # the message pattern still decides: an import error about another module is not this entry
    assert "scipy-misc-removed-imread" not in [e.id for e in kb.match("ImportError", "cannot import name 'imsave' from 'imageio'")]


def test_pandas_2_enforced_deprecations_static_reading_cannot_see_are_known():
    kb = load_knowledge()
    assert [e.id for e in kb.match("TypeError", "DataFrame.drop() takes from 1 to 2 positional arguments but 3 were given")] \
        == ["pandas-2-keyword-only-arguments"]
    assert "pandas-2-removed-to-csv-line-terminator" in [
        e.id for e in kb.match("TypeError", "NDFrame.to_csv() got an unexpected keyword argument 'line_terminator'")]
    assert kb.match("TypeError", "backdrop() takes from 1 to 2 positional arguments but 3 were given") == []


def test_a_shared_type_error_is_given_to_typing_extensions_only_under_pydantic_frames():
    # python/typing_extensions#179: issubclass() arg 1 must be a class, from pydantic/fields.py
    kb = load_knowledge()
    assert "typing-extensions-4.6-pydantic-1-literal" in [e.id for e in kb.match("TypeError", "issubclass() arg 1 must be a class")]
    entry = next(e for e in kb.entries if e.id == "typing-extensions-4.6-pydantic-1-literal")
    assert entry.context_pattern.search("pydantic/fields.py") and not entry.context_pattern.search("attrs/_make.py")


def test_ruamel_yaml_018s_removed_pyyaml_functions_are_known_by_their_own_error():
    # nukezil/IOMatch#4: yaml.load(f.read(), Loader=yaml.Loader) under ruamel.yaml 0.18.5
    kb = load_knowledge()
    message = ('"load()" has been removed, use\n\n  yaml = YAML(typ=\'rt\')\n  yaml.load(...)\n\n'
               "and register any classes that you use, or check the tag attribute on the loaded data,\n"
               'instead of file "/hy-tmp/IOMatch/semilearn/core/utils/misc.py", line 23')
    (entry,) = kb.match("AttributeError", message)
    assert (entry.package, entry.fix, entry.changed_in) == ("ruamel.yaml", "ruamel.yaml<0.18", "0.18.0")
    assert kb.match("AttributeError", '"load()" has been deprecated') == []
    (dump,) = kb.match("AttributeError", '"round_trip_dump()" has been removed, use')
    assert dump.id == entry.id


def test_websockets_14s_new_connect_refusing_extra_headers_is_known_by_asyncios_message():
    # Sdl-Jenny/ykt#4: websockets.connect(uri, extra_headers=...) under websockets 15.0.1
    kb = load_knowledge()
    (entry,) = kb.match("TypeError", "BaseEventLoop.create_connection() got an unexpected keyword argument 'extra_headers'")
    assert (entry.package, entry.fix, entry.changed_in) == ("websockets", "websockets<14", "14.0")
    assert kb.match("TypeError", "create_connection() got an unexpected keyword argument 'ssl_context'") == []


def test_sqlalchemy_2_refusing_a_plain_sql_string_is_known_by_its_own_error():
    # wireservice/csvkit#1212, pandasql#102: "Not an executable object: 'SELECT * FROM db'".
    (entry,) = load_knowledge().match("sqlalchemy.exc.ObjectNotExecutableError", "Not an executable object: 'SELECT * FROM db'")
    assert (entry.package, entry.fix) == ("SQLAlchemy", "SQLAlchemy<2")
    assert entry.source.startswith("https://github.com/sqlalchemy/")
    assert load_knowledge().match("AttributeError", "Not an executable object") == []


def test_check_says_incomplete_and_exits_3_when_a_pin_could_not_be_read(index_for, tmp_path, capsys, monkeypatch):
    # A pin whose metadata the index could not give is not "consistent": it was never checked.
    index, target = index_for(UNIVERSE, python="3.8")
    req = tmp_path / "r.txt"
    req.write_text("werkzeug==2.0.3\nitsdangerous==2.0.1\n")
    real = index.metadata

    def metadata(name, version):
        if name == "itsdangerous":
            raise ValueError("truncated wheel")
        return real(name, version)

    monkeypatch.setattr(index, "metadata", metadata)
    monkeypatch.setattr("pytest_depfix.commands.check.index_from_args", lambda args, t: _Ctx(index))
    code = main(["check", "--requirements", str(req), "--python", "3.8", "--platform", "linux"])
    out = capsys.readouterr().out.splitlines()
    assert code == 3
    assert out[-2] == "error: itsdangerous==2.0.1: metadata unavailable (truncated wheel)"
    assert out[-1].startswith("incomplete: 1 package(s) could not be read")
    code = main(["check", "--requirements", str(req), "--python", "3.8", "--platform", "linux", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 3 and data["ok"] is True and data["complete"] is False


def test_check_does_not_call_an_unpinned_line_consistent(index_for, tmp_path, capsys, monkeypatch):
    # A requirement without an exact version is never read: the verdict speaks only for the pins.
    index, target = index_for(UNIVERSE, python="3.8")
    req = tmp_path / "r.txt"
    req.write_text("werkzeug==2.0.3\nitsdangerous>=2\n")
    monkeypatch.setattr("pytest_depfix.commands.check.index_from_args", lambda args, t: _Ctx(index))
    code = main(["check", "--requirements", str(req), "--python", "3.8", "--platform", "linux"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[-2] == "unpinned: itsdangerous has no exact version; not checked"
    assert out[-1] == "consistent among 1 pinned package(s); 1 unpinned not checked"
