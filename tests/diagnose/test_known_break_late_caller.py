"""A caller released after a known break may still adapt later: its next release is offered.

web2py/py4web#493: PyJWT 2.0.0 (December 2020) made ``jwt.encode`` return str; py4web
1.20210407.1, released months later, still called ``.decode()`` on it, and 1.20210426.1
dropped that.  The paste is a log: the code line, the exception, then ``path.py:81``.
A caller newer than its callee is usually one asking for too much (the callee is too
old), but a knowledge entry that says the callee broke the API says otherwise.
"""
from __future__ import annotations

from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

OLD = "import jwt\n\n\ndef token(data, secret):\n    return jwt.encode(data, secret).decode()\n"
NEW = "import jwt\n\n\ndef token(data, secret):\n    return jwt.encode(data, secret)\n"
UNIVERSE = {
    "pyjwt": [{"version": v, "upload_time": t, "files": {"jwt/__init__.py": "def encode(d, k):\n    return ''\n"}}
              for v, t in (("1.7.1", "2018-12-01T00:00:00Z"), ("2.0.0", "2020-12-22T00:00:00Z"),
                           ("2.0.1", "2021-01-19T00:00:00Z"))],
    "py4webish": [
        {"version": "1.20210407.1", "upload_time": "2021-04-07T00:00:00Z", "requires_dist": ["pyjwt"],
         "files": {"py4webish/__init__.py": "", "py4webish/utils/__init__.py": "", "py4webish/utils/factories.py": OLD}},
        {"version": "1.20210426.1", "upload_time": "2021-04-26T00:00:00Z", "requires_dist": ["pyjwt"],
         "files": {"py4webish/__init__.py": "", "py4webish/utils/__init__.py": "", "py4webish/utils/factories.py": NEW}},
    ],
}
PASTE = ("  return jwt.encode(data, secret).decode()\n"
         "AttributeError: 'str' object has no attribute 'decode'\n"
         "py4webish\\utils\\factories.py:5\n\n"
         "ERROR:tornado.access:500 GET /myfeed (127.0.0.1) 143.34ms\n")


def test_a_log_line_naming_the_raising_file_takes_the_code_line_quoted_above_as_its_source():
    (crash,) = parse_traceback(PASTE)
    (frame,) = crash.final.frames
    assert (frame.file, frame.line, frame.source) == ("py4webish\\utils\\factories.py", 5,
                                                      "return jwt.encode(data, secret).decode()")


def test_the_late_caller_that_adapted_is_offered_beside_the_known_break(index_for):
    index, target = index_for(UNIVERSE, python="3.7")
    pins = parse_requirements_text("py4webish==1.20210407.1\npyjwt==2.0.1\n", target)
    crash = attribute(parse_traceback(PASTE)[0], pins, target=target, installed=False, index=index)
    assert crash.final.frames[0].relpath == "py4webish/utils/factories.py"
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("pyjwt", "<2") in got
    assert ("py4webish", ">=1.20210426.1") in got
