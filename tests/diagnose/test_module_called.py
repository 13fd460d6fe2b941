""""'module' object is not callable": a dotted callable that became a submodule.

locustio#333: gevent 1.1 added ``gevent/signal.py`` and locustio 0.7.3 still calls
``gevent.signal(signal.SIGTERM, handler)``.  Its log wrote Python 2's stderr piece by piece:
"TypeError", ":", then the message, each on its own prefixed line.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

P = "[2015-09-10 07:23:09,612] precise64/ERROR/stderr: "
TB = "".join(P + ln + "\n" for ln in (
    "Traceback (most recent call last):",
    'File "/usr/local/lib/python2.7/dist-packages/locusty/main.py", line 3, in main',
    "",
    "geventy.signal(signal.SIGTERM, handler)",
    "TypeError",
    ":",
    "'module' object is not callable",
    ""))


def _universe():
    def files(v):
        if v < "1.1":
            return {"geventy/__init__.py": "def signal(signalnum, handler):\n    pass\n"}
        return {"geventy/__init__.py": "", "geventy/signal.py": "def signal(signalnum, handler):\n    pass\n"}
    return {"geventy": [{"version": v, "sdist": True, "wheel": False, "files": files(v)} for v in ("1.0.1", "1.0.2", "1.1b4")],
            "locusty": [{"version": "0.7.3", "sdist": True, "wheel": False, "requires_dist": ["geventy>=1.0.1"],
                         "files": {"locusty/__init__.py": "",
                                   "locusty/main.py": "import signal\nimport geventy\ndef main(handler):\n"
                                                      "    geventy.signal(signal.SIGTERM, handler)\n"}}]}


def _diagnose(index_for, tb=TB):
    index, target = index_for(_universe(), python="2.7")
    pins = parse_requirements_text("locusty==0.7.3\ngeventy==1.1b4\n", target)
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    return crash, diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_logged_type_colon_and_message_on_separate_lines_are_one_exception():
    crash = parse_traceback(TB)[0]
    assert (crash.root.type, crash.root.message) == ("TypeError", "'module' object is not callable")


def test_a_callable_that_became_a_submodule_holds_its_owner_before_the_module(index_for):
    crash, d = _diagnose(index_for)
    assert [(c.name, c.constraint) for c in d.culprits] == [("geventy", "<=1.0.2")], d.summary
    assert d.verdict == "transitive"


def test_a_module_called_on_a_line_naming_no_pins_module_is_left_open(index_for):
    crash, d = _diagnose(index_for, TB.replace("geventy.signal(signal.SIGTERM, handler)", "os.path(signal.SIGTERM)"))
    assert not d.culprits, d.summary
