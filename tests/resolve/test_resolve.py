"""The minimal-change resolver over small real universes (real wheels, file:// index)."""

from __future__ import annotations

from pytest_depfix.models import Constraint, Culprit


def rel(version, *deps, python=None, **kw):
    d = {"version": version, "requires_dist": list(deps)}
    if python:
        d["requires_python"] = python
    d.update(kw)
    return d


TORCH = {
    "torch": [rel("1.7.1"), rel("1.8.0"), rel("1.8.1"), rel("1.9.0")],
    "torchvision": [rel("0.8.2", "torch==1.7.1"), rel("0.9.0", "torch==1.8.0"), rel("0.9.1", "torch==1.8.1"),
                    rel("0.10.0", "torch==1.9.0", python=">=3.8")],
    "numpy": [rel("1.19.3"), rel("1.19.5"), rel("1.20.0")],
}
TORCH_PINS = "torch==1.8.0\ntorchvision==0.9.0\nnumpy==1.19.3\n"


def cul(name, spec, conf=0.8, together=()):
    return Culprit(name, spec, conf, ["evidence line"], "kb", list(together))


def moved(res):
    return {c.name: (c.from_version, c.to_version) for c in res.changes}


def test_a_consistent_set_without_demands_changes_nothing(solve):
    res = solve(TORCH, TORCH_PINS)
    assert res.ok and res.changes == []
    assert res.pins == {"torch": "1.8.0", "torchvision": "0.9.0", "numpy": "1.19.3"}


def test_culprit_moves_and_drags_only_what_requires_it(solve):
    res = solve(TORCH, TORCH_PINS, demands=[[cul("torch", ">=1.8.1")]])
    assert moved(res) == {"torch": ("1.8.0", "1.8.1"), "torchvision": ("0.9.0", "0.9.1")}
    reasons = {c.name: c.reason for c in res.changes}
    assert "crash 1" in reasons["torch"] and "torch>=1.8.1" in reasons["torch"]
    assert "torchvision==0.9.0 requires torch==1.8.0" in reasons["torchvision"]
    assert res.stats["proven_minimal"] is True


def test_keep_pin_never_moves_and_the_clash_reads_as_a_chain(solve):
    res = solve(TORCH, TORCH_PINS, keep={"torchvision": "0.9.0"}, demands=[[cul("torch", ">=1.8.1")]])
    assert not res.ok
    text = "\n".join(res.conflict)
    assert "torchvision==0.9.0 (kept) requires torch==1.8.0" in text
    assert "crash 1 needs torch>=1.8.1" in text
    assert "impossible" not in text.lower()
    assert res.partial["torchvision"] == "0.9.0"


def test_keep_versus_keep_names_both_sides(solve):
    res = solve(TORCH, "torch==1.9.0\ntorchvision==0.9.0\n", keep={"torch": "1.9.0", "torchvision": "0.9.0"})
    assert not res.ok
    assert any("torchvision==0.9.0 requires torch==1.8.0; you keep torch==1.9.0" in line for line in res.conflict)


def test_python_of_the_target_is_called_out_on_its_own(solve):
    res = solve(TORCH, TORCH_PINS, demands=[[cul("torch", ">=1.9")]])
    assert not res.ok
    py = [line for line in res.conflict if line.startswith("Python:")]
    assert py and "torchvision 0.10.0" in py[0] and "3.8" in py[0]
    ok = solve(TORCH, TORCH_PINS, python="3.9", demands=[[cul("torch", ">=1.9")]])
    assert moved(ok) == {"torch": ("1.8.0", "1.9.0"), "torchvision": ("0.9.0", "0.10.0")}


def test_fewest_changes_beats_the_more_confident_culprit(solve):
    # Moving torch needs torchvision too (2 changes); moving numpy alone is 1 change.
    res = solve(TORCH, TORCH_PINS, demands=[[cul("torch", ">=1.8.1", 0.9), cul("numpy", ">=1.19.5", 0.4)]])
    assert moved(res) == {"numpy": ("1.19.3", "1.19.5")}


def test_equal_changes_then_the_more_confident_culprit(solve):
    uni = {"a": [rel("1.0"), rel("1.1")], "b": [rel("1.0"), rel("1.1")]}
    res = solve(uni, "a==1.0\nb==1.0\n", demands=[[cul("a", ">=1.1", 0.3), cul("b", ">=1.1", 0.7)]])
    assert moved(res) == {"b": ("1.0", "1.1")}
    assert "confidence 0.70" in res.changes[0].reason


def test_equal_moves_go_forward_before_following_the_more_confident_culprit(solve):
    # flask-mysqldb#29's shape: Flask 3.0.0 -> 2.3.3 (KB, 0.9) or Flask-MySQLdb 1.0.1 -> 2.0.0
    # (read from release files, 0.8): one major move each, one release away.  Forward wins,
    # the way pip and uv prefer newer releases: the maintainers' own fix, the set stays current.
    uni = {"flask": [rel("2.3.3"), rel("3.0.0")], "flask-mysqldb": [rel("1.0.1"), rel("2.0.0")]}
    res = solve(uni, "flask==3.0.0\nflask-mysqldb==1.0.1\n",
                demands=[[cul("flask", "<3", 0.9), cul("flask-mysqldb", ">=2.0.0", 0.8)]])
    assert moved(res) == {"flask-mysqldb": ("1.0.1", "2.0.0")}
    # A smaller move still beats direction: a minor step back over a major step forward.
    uni = {"jinja2": [rel("3.0.3"), rel("3.1.2")], "flask": [rel("1.1.2"), rel("2.0.0")]}
    res = solve(uni, "flask==1.1.2\njinja2==3.1.2\n", demands=[[cul("jinja2", "<3.1", 0.8), cul("flask", ">=2.0", 0.8)]])
    assert moved(res) == {"jinja2": ("3.1.2", "3.0.3")}


def test_together_constraints_hold_with_their_culprit(solve):
    uni = {"flask": [rel("1.1.2"), rel("2.0.0")], "werkzeug": [rel("1.0.1"), rel("2.0.0")], "six": [rel("1.15.0")]}
    res = solve(uni, "flask==1.1.2\nwerkzeug==1.0.1\nsix==1.15.0\n",
                demands=[[cul("flask", ">=2", 0.9, together=[Constraint("werkzeug", ">=2", "flask 2 needs it")])]])
    assert moved(res) == {"flask": ("1.1.2", "2.0.0"), "werkzeug": ("1.0.1", "2.0.0")}
    assert "goes together with flask>=2" in {c.name: c.reason for c in res.changes}["werkzeug"]


def test_smallest_move_stays_in_the_minor_then_counts_releases(solve):
    uni = {"lib": [rel("1.1.0"), rel("1.2.0"), rel("1.2.1"), rel("1.3.0"), rel("2.0.0")]}
    res = solve(uni, "lib==1.2.0\n", constraints=[Constraint("lib", "!=1.2.0", "bad build")])
    assert moved(res) == {"lib": ("1.2.0", "1.2.1")}
    uni = {"lib": [rel("1.0.%d" % i) for i in range(10)] + [rel("2.0.0")]}
    res = solve(uni, "lib==1.0.0\n", constraints=[Constraint("lib", ">1.0.0")])
    assert moved(res) == {"lib": ("1.0.0", "1.0.1")}
    # Distance is counted in releases, not version numbers: 3.0 is one release away, 1.0.3 two.
    uni = {"lib": [rel("1.0.1"), rel("1.0.2"), rel("1.0.3"), rel("3.0")]}
    res = solve(uni, "lib==1.0.1\n", constraints=[Constraint("lib", "!=1.0.1,!=1.0.2")])
    assert moved(res) == {"lib": ("1.0.1", "1.0.3")}  # same major wins over distance


def test_wheels_for_another_platform_do_not_count(solve):
    uni = {"fast": [rel("1.0", tag="cp37-cp37m-manylinux2014_x86_64"), rel("1.1", tag="cp38-cp38-manylinux2014_x86_64"),
                    rel("1.2", tag="py3-none-any"), rel("1.3", tag="cp37-cp37m-win_amd64")],
           "user": [rel("1.0", "fast>=1.1")]}
    res = solve(uni, "fast==1.0\nuser==1.0\n")
    assert moved(res) == {"fast": ("1.0", "1.2")}  # 1.1 is cp38 only, 1.3 is Windows only


def test_an_sdist_only_release_is_installable(solve):
    uni = {"old": [rel("1.0"), rel("1.1", wheel=False, sdist=True)], "user": [rel("1.0", "old>=1.1")]}
    res = solve(uni, "old==1.0\nuser==1.0\n")
    assert moved(res) == {"old": ("1.0", "1.1")}


def test_a_pin_with_no_wheel_for_the_target_must_move(solve):
    uni = {"fast": [rel("1.0", tag="cp39-cp39-manylinux2014_x86_64"), rel("0.9")]}
    res = solve(uni, "fast==1.0\n")
    assert moved(res) == {"fast": ("1.0", "0.9")}
    assert "no wheel" in res.changes[0].reason


def test_yanked_only_when_it_was_the_users_own_pin(solve):
    uni = {"lib": [rel("1.0"), rel("1.1", yanked="broken"), rel("1.2")], "user": [rel("1.0", "lib>=1.1")]}
    res = solve(uni, "lib==1.0\nuser==1.0\n")
    assert moved(res) == {"lib": ("1.0", "1.2")}
    kept = solve(uni, "lib==1.1\nuser==1.0\n")
    assert kept.ok and kept.changes == []


def test_pre_releases_only_when_the_user_pinned_one(solve):
    uni = {"lib": [rel("1.0"), rel("2.0rc1"), rel("2.0")], "user": [rel("1.0", "lib>1.0")]}
    assert moved(solve(uni, "lib==1.0\nuser==1.0\n")) == {"lib": ("1.0", "2.0")}
    uni = {"lib": [rel("2.0b1"), rel("2.0rc1"), rel("2.0")]}
    res = solve(uni, "lib==2.0b1\n", constraints=[Constraint("lib", "!=2.0b1")])
    assert moved(res) == {"lib": ("2.0b1", "2.0rc1")}


def test_requirements_outside_the_set_are_named_never_added(solve):
    uni = {"app": [rel("1.0", "helper>=2", "numpy>=1.19")], "numpy": [rel("1.19.3")], "helper": [rel("2.0")]}
    res = solve(uni, "app==1.0\nnumpy==1.19.3\n")
    assert res.ok and res.changes == []
    assert res.missing == [("helper>=2", "app==1.0")]
    assert set(res.pins) == {"app", "numpy"}


def test_unpinned_lines_get_the_newest_allowed_version(solve):
    uni = {"lib": [rel("1.0"), rel("1.5"), rel("2.0", python=">=3.9")], "user": [rel("1.0", "lib<2")]}
    res = solve(uni, "lib>=1.0\nuser==1.0\n")
    assert moved(res) == {"lib": (None, "1.5")}
    assert "not pinned exactly" in res.changes[0].reason


def test_inactive_pins_are_kept_as_written(solve):
    uni = {"lib": [rel("1.0"), rel("2.0")], "winonly": [rel("1.0")]}
    res = solve(uni, "lib==1.0\nwinonly==0.5 ; sys_platform == 'win32'\n")
    assert res.ok and res.pins == {"lib": "1.0", "winonly": "0.5"}


def test_extras_requested_by_the_line_bring_their_requirements(solve):
    uni = {"app": [rel("1.0", "fast>=2 ; extra == 'speed'")], "fast": [rel("1.0"), rel("2.0")]}
    res = solve(uni, "app[speed]==1.0\nfast==1.0\n")
    assert moved(res) == {"fast": ("1.0", "2.0")}
    plain = solve(uni, "app==1.0\nfast==1.0\n")
    assert plain.changes == []


def test_user_spelling_is_kept_in_changes_and_pins(solve):
    uni = {"Typing_Extensions": [rel("3.7.4.3"), rel("4.0.0")], "user": [rel("1.0", "typing-extensions>=4")]}
    res = solve(uni, "Typing_Extensions==3.7.4.3\nuser==1.0\n")
    assert res.changes[0].name == "Typing_Extensions"
    assert res.pins["typing-extensions"] == "4.0.0"


def test_a_culprit_outside_the_set_cannot_fix_the_crash(solve):
    res = solve(TORCH, TORCH_PINS, demands=[[cul("pillow", "<9")]])
    assert not res.ok
    assert any("pillow" in line for line in res.conflict)


def test_running_out_of_rounds_is_not_called_impossible(solve):
    uni = {"a": [rel("1.0", "b==1.0"), rel("2.0", "b==2.0")], "b": [rel("1.0", "c==1.0"), rel("2.0", "c==2.0")],
           "c": [rel("1.0"), rel("2.0")]}
    res = solve(uni, "a==1.0\nb==1.0\nc==1.0\n", demands=[[cul("a", ">=2")]], max_rounds=1)
    assert not res.ok
    assert res.conflict[0].startswith("gave up after 1 rounds")
    full = solve(uni, "a==1.0\nb==1.0\nc==1.0\n", demands=[[cul("a", ">=2")]])
    assert moved(full) == {"a": ("1.0", "2.0"), "b": ("1.0", "2.0"), "c": ("1.0", "2.0")}


def test_same_input_same_answer(solve):
    runs = [solve(TORCH, TORCH_PINS, demands=[[cul("torch", "!=1.8.0", 0.5), cul("numpy", ">1.19.3", 0.5)]])
            for _ in range(2)]
    assert runs[0].pins == runs[1].pins and moved(runs[0]) == moved(runs[1])


def test_metadata_is_fetched_only_for_examined_versions(solve):
    uni = {"big": [rel("1.%d" % i) for i in range(40)], "other": [rel("1.0", "big>=1.20")]}
    res = solve(uni, "big==1.20\nother==1.0\n")
    assert res.changes == [] and res.stats["metadata_fetches"] == 2
    res = solve(uni, "big==1.10\nother==1.0\n")
    assert moved(res) == {"big": ("1.10", "1.20")}
    assert res.stats["metadata_fetches"] <= 4  # the pins, then the first candidate that fits


def test_a_forced_major_bump_down_a_chain_of_dependents_is_proved_minimal_without_blowing_up(solve):
    # h must reach 2.x; every d_k's 1.x needs d_{k-1} < 2, so the whole chain moves.
    # Each round frees one more link; a search that re-enumerates the links it
    # already freed at every failure (no backjumping, no chained bound) runs
    # out of its node budget here and cannot prove the answer minimal.
    versions = ["1.0", "1.1", "1.2", "2.0", "2.1"]
    uni = {"h": [rel(v) for v in versions]}
    prev = "h"
    for k in range(1, 9):
        uni[f"d{k}"] = [rel(v, f"{prev}<2" if v < "2" else f"{prev}>=2") for v in versions]
        prev = f"d{k}"
    pins = "".join(f"{n}==1.1\n" for n in uni)
    res = solve(uni, pins, demands=[[cul("h", ">=2")]], node_cap=5000)
    assert {c.name: c.to_version for c in res.changes} == {n: "2.0" for n in uni}
    assert res.stats["proven_minimal"] is True
    assert res.stats["candidates_examined"] < 2000


def test_equal_moves_up_and_down_prefer_the_upgrade_even_across_a_release_candidate(solve):
    # pyvista/pyvista#7790: typing-extensions 4.9.0 -> 4.10.0 (4.10.0rc1 between them) against
    # pyvista 0.46.0 -> 0.45.3 (nothing between): both one step, so the upgrade wins the tie.
    universe = {"caller": [rel("0.45.3"), rel("0.46.0")],
                "te": [rel("4.9.0"), rel("4.10.0rc1"), rel("4.10.0")]}
    res = solve(universe, "caller==0.46.0\nte==4.9.0\n",
                demands=[[cul("te", ">=4.10.0"), cul("caller", "==0.45.3")]])
    assert moved(res) == {"te": ("4.9.0", "4.10.0")}


def test_newer_releases_for_other_pythons_are_described_by_the_nearest_floor(solve):
    # pyupgrade after 2.0.2 needs >=3.6.1 (3.22.0 needs >=3.11): the line names the nearest one.
    uni = {"upg": [rel("2.0.2"), rel("2.1.0", python=">=3.6.1"), rel("2.2.0", python=">=3.6.1"), rel("2.3.0", python=">=3.7"),
                   rel("2.4.0", python=">=3.8"), rel("3.22.0", python=">=3.11")]}
    res = solve(uni, "upg==2.0.2\n", python="3.6.0", demands=[[cul("upg", ">=2.1")]])
    assert not res.ok
    py = [line for line in res.conflict if line.startswith("Python: upg")]
    assert py and "2.1.0" in py[-1] and ">=3.6.1" in py[-1] and ">=3.11" not in py[-1]


def test_a_pin_whose_own_metadata_is_unreadable_stays_taken_on_trust(solve):
    # crossbario/autobahn-python#364: Twisted 11.1.0's only file is an sdist with no PKG-INFO.  It is
    # the release that ran, so it stays (kept or not) and the crash's culprit still moves; a moved-to
    # release with unreadable metadata is still refused.
    universe = {"twistedy": [rel("11.1.0", wheel=False, sdist=True, pkg_info=False), rel("13.0.0")],
                "autobahny": [rel("0.10.1", "twistedy>=11"), rel("0.10.2", "twistedy>=11")]}
    pins = "twistedy==11.1.0\nautobahny==0.10.1\n"
    res = solve(universe, pins, python="3.7", check=False, keep={"twistedy": "11.1.0"},
                demands=[[cul("autobahny", ">=0.10.2")]])
    assert res.ok and moved(res) == {"autobahny": ("0.10.1", "0.10.2")}, res.conflict
    assert any("metadata unreadable" in n for n in res.stats["notes"])
    res = solve(universe, "twistedy==13.0.0\nautobahny==0.10.1\n", python="3.7", check=False,
                demands=[[cul("twistedy", "<13")]])
    assert not res.ok
