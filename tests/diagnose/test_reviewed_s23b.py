"""Review of the readings added after f5bd25a (and the parser readings of session 23): failing tests.

Each test describes what a careful user would expect and fails on the code as reviewed; the comment
above each says why.
"""
from pytest_depfix.crash import parse_traceback
from tests.support.diagnose_crashes import diagnose_paste


def _moves(d):
    return [(c.name, c.constraint) for c in d.culprits]


# --- _post_release_rebuild runs before the readings that actually explain an import-time failure ------------

from tests.diagnose.test_own_import_slip import FIXED as SLIP_FIXED, OLD as SLIP_OLD, PASTE as SLIP_PASTE, SLIP  # noqa: E402,E501


def test_a_post_release_carrying_the_same_slip_does_not_preempt_the_own_import_slip(index_for):
    # _post_release_rebuild was put in decide() *before* _own_import_slip, _message_names_release and
    # _inactive_extra_conflict although its docstring says "when nothing else explains a failure".  Here the
    # release's own code refuses its own function (test_own_import_slip.py's case) and 0.12.0.post1 re-released
    # that very code (only its packaging was redone): the slip reading still moves mqtty to 0.11.1 / 0.12.1, but
    # the post-release guess now answers first with "==0.12.0.post1", which fails the same way.
    universe = {"mqtty": [{"version": v, "files": {"mqtty/__init__.py": "from .client import Client\n",
                                                   "mqtty/client.py": b}}
                          for v, b in (("0.11.1", SLIP_OLD), ("0.12.0", SLIP), ("0.12.0.post1", SLIP),
                                       ("0.12.1", SLIP_FIXED))]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "mqtty==0.12.0\n", SLIP_PASTE)
    assert ("mqtty", "==0.12.0.post1") not in _moves(d), d.summary
    assert sorted(_moves(d)) == [("mqtty", "<=0.11.1"), ("mqtty", ">=0.12.1")], d.summary


MUJOCO_PASTE = """Traceback (most recent call last):
  File "/app/train.py", line 1, in <module>
    import gymy
  File "/usr/local/lib/python3.8/site-packages/gymy/__init__.py", line 2, in <module>
    HOPPER = mujoco.MjModel.from_xml_path(_HOPPER_XML)
ValueError: XML Error: global coordinates no longer supported. To convert existing models, load and save them in MuJoCo 2.3.3 or older
"""


def test_a_message_naming_another_pins_release_beats_the_post_release_guess(index_for):
    # The failing line is gymy's own import, but the message names mujoco's release and a direction: before
    # a46b5df _message_names_release moved mujoco to <=2.3.3 (as test_message_names_release.py's frameless paste
    # still does).  A gymy 0.28.1.post1 on the index now makes _post_release_rebuild answer first (it runs earlier
    # in decide()) and the wrong package moves: gymy to its post-release, mujoco stays where it breaks.
    universe = {"mujoco": [{"version": v, "files": {"mujoco/__init__.py": "class MjModel:\n    pass\n"}}
                           for v in ("2.3.2", "2.3.3", "2.3.4", "2.3.6")],
                "gymy": [{"version": v, "requires_dist": ["mujoco>=2.3.2"],
                          "files": {"gymy/__init__.py": "import mujoco\nHOPPER = mujoco.MjModel.from_xml_path(_HOPPER_XML)\n"}}
                         for v in ("0.28.1", "0.28.1.post1")]}
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "gymy==0.28.1\nmujoco==2.3.6\n", MUJOCO_PASTE)
    assert _moves(d) == [("mujoco", "<=2.3.3")], d.summary


MAIN_PASTE = """Traceback (most recent call last):
  File "/usr/lib/python3.9/runpy.py", line 197, in _run_module_as_main
    return _run_code(code, main_globals, None,
  File "/usr/lib/python3.9/runpy.py", line 87, in _run_code
    exec(code, run_globals)
  File "/usr/local/lib/python3.9/site-packages/docsy/__main__.py", line 3, in <module>
    main()
  File "/usr/local/lib/python3.9/site-packages/docsy/cli.py", line 9, in main
    build(load_config(args.config))
  File "/usr/local/lib/python3.9/site-packages/docsy/cli.py", line 5, in load_config
    return cfg["nav"]
KeyError: 'nav'
"""
DOCSY_CLI = ("import sys\n\n\ndef load_config(path):\n    return cfg[\"nav\"]\n\n\n"
             "def main():\n    build(load_config(args.config))\n")


def test_a_pins_main_module_is_no_import_of_the_pin(index_for):
    # "python -m docsy build" puts docsy/__main__.py's <module> frame at the bottom of every crash of the tool,
    # import or not.  _post_release_rebuild takes any <module> frame of the pin as "the pin's own import fails",
    # so a KeyError the user's config causes deep in the run (docsy.cli.load_config) is answered with "move to
    # the post-release" -- a packaging rebuild has nothing to do with a missing "nav" key.
    universe = {"docsy": [{"version": v, "files": {"docsy/__init__.py": "", "docsy/cli.py": DOCSY_CLI,
                                                   "docsy/__main__.py": "from .cli import main\n\nmain()\n"}}
                          for v in ("1.4.0", "1.4.2", "1.4.2.post1")]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "docsy==1.4.2\n", MAIN_PASTE)
    assert ("docsy", "==1.4.2.post1") not in _moves(d), d.summary


# --- the far gallop restricted to a kept callee (far=ctx.is_keep(callee)) --------------------------------------

FAR_PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.6/site-packages/wagtaily/routable/models.py", line 1, in <module>
    from djangoy.urls import URLResolver
ImportError: cannot import name 'URLResolver'
"""
FAR_VERSIONS = ["2.2", "2.3"] + [f"2.{m}.{p}" for m in (4, 5, 6, 7) for p in range(4)] + ["2.8"]


def test_a_callee_another_pin_holds_below_the_name_still_lets_the_caller_go_far_back(index_for):
    # 9259163 gallops past the caller's nearest ten releases only for a kept callee, on the ground that "a callee
    # that may move forward is the smaller change".  Here djangoy is not kept, but it cannot move forward within the
    # set either: djext==1.0 (its only release) declares djangoy<2.0, and URLResolver exists only from djangoy 2.0.
    # The one fix that keeps the set whole is the caller's newest release without the import, wagtaily 2.3
    # (test_caller_back_far.py's case), which f5bd25a offered; now the only culprit is djangoy>=2.0, which
    # contradicts djext's declared range.  The restriction should ask whether the callee can move, not only
    # whether the user kept it.
    from packaging.version import Version

    def body(v):
        return ("from djangoy.urls import URLResolver\n" if Version(v) >= Version("2.4.0")
                else "from djangoy.urls import RegexURLResolver\n")
    universe = {"djangoy": [{"version": "1.11.28", "files": {"djangoy/__init__.py": "",
                                                             "djangoy/urls.py": "RegexURLResolver = object\n"}},
                            {"version": "2.0",
                             "files": {"djangoy/__init__.py": "",
                                       "djangoy/urls.py": "RegexURLResolver = object\nURLResolver = object\n"}}],
                "wagtaily": [{"version": v, "files": {"wagtaily/__init__.py": "", "wagtaily/routable/__init__.py": "",
                                                      "wagtaily/routable/models.py": body(v)}} for v in FAR_VERSIONS],
                "djext": [{"version": "1.0", "requires_dist": ["djangoy<2.0"], "files": {"djext/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.6")
    d = diagnose_paste(index, target, "wagtaily==2.8\ndjangoy==1.11.28\ndjext==1.0\n", FAR_PASTE)
    assert ("wagtaily", "==2.3") in _moves(d), d.summary


# --- _class_came -----------------------------------------------------------------------------------------------

CAME_PASTE = "AttributeError: 'ParsedRequirement' object has no attribute 'editable'\n"
CAME_OLD = "class InstallRequirement:\n    def __init__(self, req):\n        self.editable = False\n"
CAME_CALLER = "import pipz.req\n\n\ndef parse(reqs):\n    return [r for r in reqs if not r.editable]\n"


def test_a_new_class_that_defines_the_attribute_is_not_the_object_lacking_it(index_for):
    # _class_came never reads the new class itself: it only asks that the class be new in the home's pinned
    # release and that an older pin read ".editable" somewhere.  Here pipz 20.1's ParsedRequirement defines
    # editable at class level, so no instance of it can raise "'ParsedRequirement' object has no attribute
    # 'editable'": the object that did is some other ParsedRequirement (the project's own, say), and moving pip
    # back to 20.0.2 is unfounded.  The reading answers "pipz<=20.0.2" anyway.
    new = ("class ParsedRequirement:\n    editable = False\n\n    def __init__(self, req):\n"
           "        self.req = req\n")
    universe = {
        "pipz": [{"version": v, "upload_time": t, "files": {"pipz/__init__.py": "", "pipz/req.py": body}}
                 for v, t, body in (("20.0.2", "2020-01-24T00:00:00Z", CAME_OLD), ("20.1", "2020-04-28T00:00:00Z", new))],
        "piptoolz": [{"version": "4.4.0", "upload_time": "2020-01-10T00:00:00Z",
                      "files": {"piptoolz/__init__.py": "", "piptoolz/sync.py": CAME_CALLER}}],
    }
    index, target = index_for(universe, python="3.7")
    d = diagnose_paste(index, target, "pipz==20.1\npiptoolz==4.4.0\n", CAME_PASTE)
    assert ("pipz", "<=20.0.2") not in _moves(d), d.summary


# --- _base_init_dropped ----------------------------------------------------------------------------------------

from tests.diagnose.test_base_init_dropped import CORS, PASTE as CORS_PASTE  # noqa: E402 (the reading's own fixtures)


def test_an_earlier_init_that_takes_no_arguments_is_no_way_back(index_for):
    # _base_init_dropped's has_init only asks whether the base class defines *an* __init__.  extx 22.3.2's
    # Extension.__init__(self) takes no arguments either, so in that release CORS's super().__init__(app, config)
    # fails just the same ("__init__() takes 1 positional argument but 3 were given"); the reading still sends
    # extx back to 22.3.2, a move that cannot fix the crash.
    no_args = "class Extension:\n    def __init__(self):\n        self.routes = []\n"
    universe = {"extx": [{"version": v, "files": {"extx/__init__.py": "", "extx/extensions/__init__.py": "",
                                                  "extx/extensions/base.py": b}}
                         for v, b in (("22.3.2", no_args), ("22.6.1", "class Extension:\n    name = 'x'\n"))],
                "corsx": [{"version": "2.0.1", "files": {"corsx/__init__.py": "", "corsx/extension.py": CORS}}]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "extx==22.6.1\ncorsx==2.0.1\n", CORS_PASTE)
    assert ("extx", "<=22.3.2") not in _moves(d), d.summary



# --- parser: _join_message_on_next_line and _unitalic -----------------------------------------------------------

def test_an_exception_heading_above_a_pasted_traceback_is_no_crash_of_its_own():
    # _join_message_on_next_line joins any unindented "Builtin:" line with the line below.  A reporter's heading
    # "Exception:" over their words and the real traceback becomes a second, invented crash
    # ("Exception: When I import the package I get this error") in front of the real one; the analyze command
    # diagnoses every crash parsed.  Before 2216ace this paste parsed as the one ImportError.  (Python prints
    # "Type: " with nothing after only when the message starts with a line break; an exception line cannot stand
    # *above* the frames of its own traceback.)
    text = ("Exception:\n"
            "When I import the package I get this error\n"
            "Traceback (most recent call last):\n"
            '  File "/app/run.py", line 3, in <module>\n'
            "    import foo\n"
            '  File "/usr/lib/python3.9/site-packages/foo/__init__.py", line 2, in <module>\n'
            "    from bar import baz\n"
            "ImportError: cannot import name 'baz' from 'bar' (/usr/lib/python3.9/site-packages/bar/__init__.py)\n")
    crashes = parse_traceback(text)
    assert [[e.type for e in c.exceptions] for c in crashes] == [["ImportError"]]


def test_a_message_on_the_next_line_is_read_in_a_windows_paste_too():
    # The join is gated on ":\n" or ": \n" occurring in the text, so the same statsmodels paste saved with
    # Windows line endings (read_text_arg decodes bytes and keeps "\r\n") is not joined and parses to nothing
    # ("no traceback found"), while every other reading of the parser goes through str.splitlines().
    text = ("NotImplementedError: \r\n"
            "statsmodels.tsa.arima_model.ARMA and statsmodels.tsa.arima_model.ARIMA have\r\n"
            "been removed in favor of statsmodels.tsa.arima.model.ARIMA (note the .\r\n")
    [crash] = parse_traceback(text)
    assert crash.final.type == "NotImplementedError"
    assert crash.final.message.startswith("statsmodels.tsa.arima_model.ARMA and")


def test_italics_close_once_an_inner_exception_line_keeps_its_trailing_underscore():
    # _unitalic drops a trailing "_" from *every* exception line of a paste that opens italics, not only from the
    # line where the italics close.  In a chained paste wrapped in _..._ the inner "AttributeError: __enter__"
    # (Python <= 3.10's "with" on an object that is no context manager) is read as "__enter_"; only the last
    # line, "RuntimeError: run failed_", carries the closing mark.  Before 8ed604e the inner line was read right.
    text = ("_Traceback (most recent call last):\n"
            '  File "/usr/lib/python3.9/site-packages/pooly/core.py", line 5, in run\n'
            "    with self.lock:\n"
            "AttributeError: __enter__\n"
            "\n"
            "During handling of the above exception, another exception occurred:\n"
            "\n"
            "Traceback (most recent call last):\n"
            '  File "/app/run.py", line 5, in <module>\n'
            "    pooly.run()\n"
            "RuntimeError: run failed_\n")
    [crash] = parse_traceback(text)
    assert [(e.type, e.message) for e in crash.exceptions] == [("AttributeError", "__enter__"),
                                                               ("RuntimeError", "run failed")]
