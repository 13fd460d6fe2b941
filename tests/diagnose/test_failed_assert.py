"""A pin's own bare ``assert`` failed: the releases around it that did not assert it, or rewrote the check.

pytest-asyncio#298-style: 0.18.1's ``_preprocess_async_fixtures`` asserted every async fixture
carried the asyncio mark, pytest-trio's do not; 0.18.3 skipped unmarked fixtures in strict mode
before the assert.  The paste is cut after pytest's bare "E".
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

CHECK = ("def _preprocess_async_fixtures(config, holder):\n"
         "    for fixturedef in holder:\n"
         "{skip}"
         "        assert _has_explicit_asyncio_mark(fixturedef.func)\n")
SKIP = "        if mode == 'strict' and not marked(fixturedef):\n            continue\n"
SITE = "/venv/lib/python3.8/site-packages"
PASTE = (f"{SITE}/asyncy/plugin.py:7: in pytest_pycollect_makeitem\n"
         "    _preprocess_async_fixtures(collector.config, _HOLDER)\n"
         f"{SITE}/asyncy/plugin.py:4: in _preprocess_async_fixtures\n"
         "    assert _has_explicit_asyncio_mark(fixturedef.func)\n"
         "E\n")


def _plugin(v: str) -> str:
    if v < "0.17":
        body = "def _preprocess_async_fixtures(config, holder):\n    pass\n"
    elif v in ("0.17.0", "0.18.1"):
        body = CHECK.format(skip="")
    elif v == "0.18.2":  # reformatted, a new docstring, code after the check: no rewrite of it
        body = CHECK.format(skip="        # every async fixture\n").replace("assert _has", "assert  _has").replace(
            "def _preprocess_async_fixtures(config, holder):\n",
            "def _preprocess_async_fixtures(config, holder) -> None:\n    \"\"\"Mark them.\"\"\"\n") + "    return None\n"
    else:
        body = CHECK.format(skip=SKIP)
    return body + "\ndef pytest_pycollect_makeitem(collector):\n    _preprocess_async_fixtures(collector.config, [])\n"


def _diagnose(index_for, versions, pinned="0.18.1", paste=PASTE):
    universe = {"asyncy": [{"version": v, "files": {"asyncy/__init__.py": "", "asyncy/plugin.py": _plugin(v)}} for v in versions]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text(f"asyncy=={pinned}\n", target)
    crashes = parse_traceback(paste)
    assert crashes and crashes[0].root.type == "AssertionError"
    crash = attribute(crashes[0], pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_release_that_rewrote_the_function_holding_the_check_and_the_one_before_it_are_offered(index_for):
    # 0.18.2 only reformatted the function: not a rewrite.
    d = _diagnose(index_for, ["0.16.0", "0.17.0", "0.18.1", "0.18.2", "0.18.3", "0.19.0"])
    assert d.verdict == "direct"
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("asyncy", "<=0.16.0"), ("asyncy", ">=0.18.3")]


def test_a_check_every_release_holds_unchanged_offers_nothing(index_for):
    d = _diagnose(index_for, ["0.17.0", "0.18.1", "0.18.2"])
    assert d.culprits == []
