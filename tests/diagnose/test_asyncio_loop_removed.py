"""Python 3.10's asyncio refuses ``loop=``: "As of 3.10, the *loop* parameter was removed from Event()".

aio-libs/aiohttp-devtools#362: aiohttp-devtools 0.13.1 builds ``asyncio.Event(loop=self._loop)``;
1.0 no longer passes it.  The message names only the standard library, so the pins passing
``loop=`` to that very callable are the callers.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.families import PYTHON_VERSION, classify
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

MESSAGE = "TypeError: As of 3.10, the *loop* parameter was removed from Event() since it is no longer necessary\n"


def _watch(v):
    arg = "loop=self._loop" if v < "1.0" else ""
    return f"import asyncio\n\nclass Watcher:\n    def __init__(self):\n        self.stopper = asyncio.Event({arg})\n"


def _diagnose(index_for, message=MESSAGE):
    universe = {"devtoolsy": [{"version": v, "files": {"devtoolsy/__init__.py": "", "devtoolsy/watch.py": _watch(v)}}
                              for v in ("0.13.0", "0.13.1", "1.0")]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("devtoolsy==0.13.1\n", target)
    crash = simple_parse(message, pins)
    return crash, diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_pin_passing_the_removed_parameter_moves_to_its_release_that_stopped(index_for):
    crash, d = _diagnose(index_for)
    sig = classify(crash)
    assert (sig.family, sig.module, sig.function, sig.python_removed) == (PYTHON_VERSION, "asyncio", "Event", "3.10")
    assert [(c.name, c.constraint) for c in d.culprits] == [("devtoolsy", ">=1.0")], d.summary


def test_a_pin_passing_loop_to_another_callable_is_not_the_caller(index_for):
    crash, d = _diagnose(index_for, MESSAGE.replace("Event()", "Queue()"))
    assert not any(c.name == "devtoolsy" for c in d.culprits), d.summary


def test_a_printed_callers_frame_is_moved_to_its_release_that_stopped_passing_loop(index_for):
    from pytest_depfix.crash import attribute, parse_traceback

    universe = {"devtoolsy": [{"version": v, "files": {"devtoolsy/__init__.py": "", "devtoolsy/watch.py": _watch(v)}}
                              for v in ("0.13.0", "0.13.1", "1.0")]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("devtoolsy==0.13.1\n", target)
    tb = ("Traceback (most recent call last):\n"
          '  File "/usr/lib/python3.10/site-packages/devtoolsy/watch.py", line 5, in __init__\n'
          "    self.stopper = asyncio.Event(loop=self._loop)\n"
          '  File "/usr/lib/python3.10/asyncio/mixins.py", line 17, in __init__\n'
          "    raise TypeError(\n" + MESSAGE)
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint, c.source) for c in d.culprits][:1] == [("devtoolsy", ">=1.0", "release-files")], d.summary
    assert "loop=" in d.summary and "uses Event()" not in d.summary, d.summary
