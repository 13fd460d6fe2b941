"""A worker log's exception repr above a traceback the paste cut before its exception line.

Celery's worker logs ``Unrecoverable error: AttributeError("'float' object has no
attribute 'items'",)`` and then the traceback; the stored copy of celery#5175 ends
inside it, after kombu's ``kombu/transport/redis.py`` frame.  The frames are read
as printed; kombu declares redis only for its ``redis`` extra, and the crash runs
in ``kombu.transport.redis``, so redis 3.0 (a series begun after kombu's release)
is the suspect by upload dates.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

SITE = "/user/lib/python3.6/site-packages"
PASTE = ("[2018-11-15 12:02:53,607: CRITICAL/MainProcess] Unrecoverable error: "
         "AttributeError(\"'float' object has no attribute 'items'\",)\n"
         "Traceback (most recent call last):\n"
         f'  File "{SITE}/celeryy/worker.py", line 2, in start\n'
         "    self.loop()\n"
         f'  File "{SITE}/kombuy/transport/redisy.py", line 3, in on_readable\n')


def _universe(kombu_requires):
    return {
        "celeryy": [{"version": "4.2.1", "wheel": True, "requires_dist": ["kombuy>=4.2"], "upload_time": "2018-06-01T00:00:00Z",
                     "files": {"celeryy/__init__.py": "", "celeryy/worker.py": "def start(self):\n    self.loop()\n"}}],
        "kombuy": [{"version": "4.2.1", "wheel": True, "requires_dist": kombu_requires, "upload_time": "2018-05-30T00:00:00Z",
                    "files": {"kombuy/__init__.py": "", "kombuy/transport/__init__.py": "",
                              "kombuy/transport/redisy.py": "def on_readable(self, fileno):\n    pipe = self.pipe\n"
                                                            "    pipe.zadd('k', 1.0, 'tag')\n"}}],
        "redisy": [{"version": v, "wheel": True, "upload_time": t, "files": {"redisy/__init__.py": ""}}
                   for v, t in (("2.10.6", "2017-08-16T00:00:00Z"), ("3.0.0", "2018-11-15T00:00:00Z"))],
    }


def _diagnose(index, target, reqs):
    pins = parse_requirements_text(reqs, target)
    found = infer_message(PASTE)
    crash = attribute(found.to_crash(), pins, target=target, installed=False, index=index)
    return crash, diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_cut_traceback_under_the_logged_repr_gives_its_frames_outermost_first():
    assert parse_traceback(PASTE) == []  # no exception line: the parser alone finds no traceback
    found = infer_message(PASTE)
    assert (found.exc_type, found.message) == ("AttributeError", "'float' object has no attribute 'items'")
    assert [(f.function, f.source) for f in found.frames] == [("start", "self.loop()"), ("on_readable", "")]


def test_a_pin_needed_under_an_extra_named_by_the_crashing_module_is_the_suspect(index_for):
    index, target = index_for(_universe(["redisy>=2.10.5; extra == 'redisy'"]), python="3.6")
    crash, d = _diagnose(index, target, "celeryy==4.2.1\nkombuy==4.2.1\nredisy==3.0.0\n")
    assert crash.root.frames[-1].dist == "kombuy"
    assert d.verdict == "transitive", d.summary
    assert ("redisy", "<3.0") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_an_extra_the_crashing_module_does_not_name_is_no_suspect(index_for):
    universe = _universe(["redisy>=2.10.5; extra == 'redisy'"])
    universe["kombuy"][0]["files"] = {"kombuy/__init__.py": "", "kombuy/transport/__init__.py": "",
                                      "kombuy/transport/memory.py": "def on_readable(self, fileno):\n    pass\n"}
    index, target = index_for(universe, python="3.6")
    paste = PASTE.replace("transport/redisy.py", "transport/memory.py")
    pins = parse_requirements_text("celeryy==4.2.1\nkombuy==4.2.1\nredisy==3.0.0\n", target)
    crash = attribute(infer_message(paste).to_crash(), pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "unknown" and not d.culprits, d.summary


def test_carets_under_a_frames_code_do_not_end_the_cut_block():
    # (review) Python 3.11 prints ^^^^ under the failing part of a frame's line
    paste = PASTE.replace("    self.loop()\n", "    self.loop()\n    ^^^^^^^^^^^\n")
    assert [f.function for f in infer_message(paste).frames] == ["start", "on_readable"]
