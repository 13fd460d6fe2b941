"""A release that must compile for the target ranks after one with a wheel for it.

coffinxp/loxs#29: aiohttp 3.7.0 to 3.8.1 ship CPython wheels up to 3.9 and an sdist; on
Python 3.11 pip must compile their C code, which fails.  3.8.3 is the first with a cp311 wheel.
"""
from pytest_depfix.models import Culprit


def cul(name, spec):
    return Culprit(name, spec, 0.8, [], "test")


def _universe(old_tag="cp39-cp39-manylinux2014_x86_64"):
    def rel(v, tag, sdist=True):
        return {"version": v, "tag": tag, "sdist": sdist, "files": {"aiohttpy/__init__.py": ""}}

    return {"aiohttpy": [rel("3.5.4", old_tag), rel("3.7.0", old_tag), rel("3.7.4", old_tag),
                         rel("3.8.3", "cp311-cp311-manylinux2014_x86_64")]}


def test_a_release_that_must_compile_ranks_after_one_with_a_wheel(solve):
    res = solve(_universe(), "aiohttpy==3.5.4\n", python="3.11", platform="linux x86_64",
                demands=[[cul("aiohttpy", ">=3.7.0")]])
    assert res.ok and res.pins == {"aiohttpy": "3.8.3"}
    (change,) = res.changes
    assert "3.7.0, 3.7.4 passed over: no wheel for" in change.reason, change.reason


def test_a_pure_packages_sdist_is_as_good_as_a_wheel(solve):
    res = solve(_universe(old_tag="py2-none-any"), "aiohttpy==3.5.4\n", python="3.11", platform="linux x86_64",
                demands=[[cul("aiohttpy", ">=3.7.0")]])
    assert res.ok and res.pins == {"aiohttpy": "3.7.0"}


def test_a_release_that_must_compile_is_still_taken_when_nothing_else_fits(solve):
    res = solve(_universe(), "aiohttpy==3.5.4\n", python="3.11", platform="linux x86_64",
                demands=[[cul("aiohttpy", ">=3.7.0,<3.8")]])
    assert res.ok and res.pins == {"aiohttpy": "3.7.0"}


def test_a_release_built_for_the_targets_python_elsewhere_is_not_ranked_down(solve):
    # tornado 4.5.3: Windows cp36 wheels, an sdist that builds on Linux for the same Python
    res = solve(_universe(old_tag="cp311-cp311-win_amd64"), "aiohttpy==3.5.4\n", python="3.11", platform="linux x86_64",
                demands=[[cul("aiohttpy", ">=3.7.0")]])
    assert res.ok and res.pins == {"aiohttpy": "3.7.0"}


def test_the_reason_names_only_admitted_releases_and_a_chosen_compile(solve):
    # (review) a demand that already rules 3.7.x out does not list them as passed over
    res = solve(_universe(), "aiohttpy==3.5.4\n", python="3.11", platform="linux x86_64",
                demands=[[cul("aiohttpy", ">=3.8")]])
    (change,) = res.changes
    assert "passed over" not in change.reason, change.reason
    # nothing but a compile fits: the reason says pip must build it
    res = solve(_universe(), "aiohttpy==3.5.4\n", python="3.11", platform="linux x86_64",
                demands=[[cul("aiohttpy", ">=3.7.0,<3.7.4")]])
    (change,) = res.changes
    assert "aiohttpy==3.7.0 has no wheel for" in change.reason, change.reason


def test_a_python2_platform_wheel_is_no_build_for_python3(solve):
    res = solve(_universe(old_tag="py2-none-win32"), "aiohttpy==3.5.4\n", python="3.11", platform="linux x86_64",
                demands=[[cul("aiohttpy", ">=3.7.0")]])
    assert res.pins == {"aiohttpy": "3.8.3"}
