"""The target model: tags, markers and Requires-Python for a Python that is not the running one."""

import pytest
from packaging.markers import Marker, default_environment

from pytest_depfix.errors import BadInput
from pytest_depfix.target import Target


def test_py37_linux_takes_cp37_manylinux1_wheels_and_not_cp38():
    t = Target.from_spec("3.7", "linux x86_64")
    assert t.supports_wheel("torch-1.8.0-cp37-cp37m-manylinux1_x86_64.whl") is not None
    assert t.supports_wheel("torch-1.8.0-cp38-cp38-manylinux1_x86_64.whl") is None
    assert t.supports_wheel("six-1.15.0-py2.py3-none-any.whl") is not None
    assert t.supports_wheel("numpy-1.19.3-cp37-cp37m-win_amd64.whl") is None


def test_specific_binary_wheel_outranks_pure_python():
    t = Target.from_spec("3.7", "linux")
    binary = t.supports_wheel("pkg-1-cp37-cp37m-manylinux2014_x86_64.whl")
    pure = t.supports_wheel("pkg-1-py3-none-any.whl")
    assert binary < pure


def test_glibc_floor_of_a_named_manylinux_platform_is_respected():
    old = Target.from_spec("3.11", "manylinux_2_17_x86_64")
    assert old.supports_wheel("x-1-cp311-cp311-manylinux_2_28_x86_64.whl") is None
    assert old.supports_wheel("x-1-cp311-cp311-manylinux_2_17_x86_64.whl") is not None
    uv_spelling = Target.from_spec("3.11", "x86_64-manylinux_2_17")
    assert uv_spelling.platforms == old.platforms


def test_marker_env_is_complete_so_nothing_leaks_from_the_host():
    t = Target.from_spec("3.7", "win_amd64")
    env = t.marker_env()
    assert set(default_environment()) <= set(env)
    assert t.evaluate(Marker('python_version < "3.8"'))
    assert t.evaluate(Marker('sys_platform == "win32" and platform_machine == "AMD64"'))
    assert not t.evaluate(Marker('platform_system == "Linux"'))


def test_requires_python_is_checked_for_the_target():
    t = Target.from_spec("3.7", "linux")
    assert t.allows_python(">=3.6")
    assert not t.allows_python(">=3.8")
    assert t.allows_python(None)
    assert t.allows_python("garbage spec")  # pip ignores an unparsable Requires-Python


def test_macos_and_windows_targets():
    mac = Target.from_spec("3.9", "macosx_11_0_arm64")
    assert mac.supports_wheel("x-1-cp39-cp39-macosx_11_0_arm64.whl") is not None
    assert mac.supports_wheel("x-1-cp39-cp39-macosx_10_9_x86_64.whl") is None
    assert mac.evaluate(Marker('sys_platform == "darwin"'))


@pytest.mark.parametrize("bad", ["4.0", "three", "3.x", ""])
def test_bad_python_versions_are_one_line_errors(bad):
    if bad == "":
        assert Target.from_spec(bad, "linux").python  # empty means the running one
        return
    with pytest.raises(BadInput, match="not a Python version"):
        Target.from_spec(bad, "linux")


def test_unknown_platform_is_a_clear_error():
    with pytest.raises(BadInput, match="unknown platform"):
        Target.from_spec("3.7", "amiga")
