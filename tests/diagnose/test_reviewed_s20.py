"""Review of session 20's readings: inputs that still give a wrong answer.

``_new_line_on_path`` (a pin's line on the failing path, new in its pinned release):
a runner's or framework's dispatch line above the project's own code is not the call
that reached the failure, and an environment error raised inside a pin says nothing
about which release is right.  ``_unvendored``: setuptools' ``extern`` is an import
hook serving the copy the host ships under ``_vendor``, not an alias of the installed pin.
"""
import pytest

from tests.support.diagnose_crashes import diagnose_paste

SQLX = "class PathRegistry:\n    def __eq__(self, other):\n        return self.path == other.path\n"
FAIL = ('  File "/env/lib/python3.8/site-packages/sqlx/path_registry.py", line 3, in __eq__\n'
        "    return self.path == other.path\n"
        "AttributeError: type object 'datetime.datetime' has no attribute 'path'\n")


def _runner(index_for, dist, top, rel, function, old, new, paste):
    def body(line):
        return f"def {function}(pyfuncitem, testfunction, testargs):\n    {line}\n    return True\n"
    universe = {dist: [{"version": v, "files": {f"{top}/__init__.py": "", rel: body(l)}}
                       for v, l in (("7.0.0", old), ("7.0.1", old), ("7.1.0", new))],
                "sqlx": [{"version": "0.9.8", "files": {"sqlx/__init__.py": "", "sqlx/path_registry.py": SQLX}}]}
    index, target = index_for(universe, python="3.8")
    return diagnose_paste(index, target, f"{dist}==7.1.0\nsqlx==0.9.8\n", paste)


def test_a_runners_new_dispatch_line_above_the_projects_test_moves_nothing(index_for):
    paste = ("Traceback (most recent call last):\n"
             '  File "/env/lib/python3.8/site-packages/_pytest/python.py", line 2, in pytest_pyfunc_call\n'
             "    result = testfunction(**testargs)\n"
             '  File "/app/tests/test_models.py", line 12, in test_eq\n'
             "    registry == other\n" + FAIL)
    d = _runner(index_for, "pytest", "_pytest", "_pytest/python.py", "pytest_pyfunc_call",
                "testfunction(**testargs)", "result = testfunction(**testargs)", paste)
    assert not d.culprits, (d.verdict, d.summary)


def test_a_frameworks_new_dispatch_line_above_the_projects_view_moves_nothing(index_for):
    paste = ("Traceback (most recent call last):\n"
             '  File "/env/lib/python3.8/site-packages/djangox/core/handlers/base.py", line 2, in _get_response\n'
             "    response = wrapped_callback(request, *callback_args, **callback_kwargs)\n"
             '  File "/app/shop/views.py", line 30, in detail\n'
             "    registry == other\n" + FAIL)
    d = _runner(index_for, "djangox", "djangox", "djangox/core/handlers/base.py", "_get_response",
                "response = callback(request, *callback_args, **callback_kwargs)",
                "response = wrapped_callback(request, *callback_args, **callback_kwargs)", paste)
    assert not d.culprits, (d.verdict, d.summary)


SESSIONS_OLD = "class Session:\n    def send(self, request, **kwargs):\n        return self.adapter.send(request)\n"
SESSIONS_NEW = "class Session:\n    def send(self, request, **kwargs):\n        r = adapter.send(request, **kwargs)\n"


def _requests_like(index_for, inner_rel, inner_text, paste):
    universe = {"reqx": [{"version": v, "files": {"reqx/__init__.py": "", "reqx/sessions.py": s, inner_rel: inner_text}}
                         for v, s in (("2.30.0", SESSIONS_OLD), ("2.30.1", SESSIONS_OLD), ("2.31.0", SESSIONS_NEW))]}
    index, target = index_for(universe, python="3.8")
    return diagnose_paste(index, target, "reqx==2.31.0\n", paste)


HEAD = ("Traceback (most recent call last):\n"
        '  File "/app/app/client.py", line 8, in fetch\n'
        "    return session.send(prepared)\n"
        '  File "/env/lib/python3.8/site-packages/reqx/sessions.py", line 3, in send\n'
        "    r = adapter.send(request, **kwargs)\n")


@pytest.mark.parametrize("last", ["FileNotFoundError: [Errno 2] No such file or directory: '/etc/ssl/client.pem'",
                                  "PermissionError: [Errno 13] Permission denied: '/etc/ssl/client.pem'",
                                  "KeyboardInterrupt"])
def test_an_environment_error_inside_a_pin_is_no_reason_to_move_it(index_for, last):
    adapters = "class HTTPAdapter:\n    def send(self, request):\n        with open(request.cert) as fh:\n            pass\n"
    paste = HEAD + ('  File "/env/lib/python3.8/site-packages/reqx/adapters.py", line 3, in send\n'
                    "    with open(request.cert) as fh:\n" + last + "\n")
    d = _requests_like(index_for, "reqx/adapters.py", adapters, paste)
    assert not d.culprits, (d.verdict, d.summary)


EXTERN = ("import sys\nclass VendorImporter:\n    def __init__(self, root, names, vendor_pkg):\n"
          "        self.root, self.names, self.vendor_pkg = root, names, vendor_pkg\n"
          "VendorImporter(__name__, ('vpkgx',), 'hostx._vendor')\n")
THING_OLD = "class Thing:\n    def __init__(self, total=1, legacy=False):\n        pass\n"
THING_NEW = "class Thing:\n    def __init__(self, total=1):\n        pass\n"


def _extern_universe(path):
    def caller(kw):
        return f"from {path}.vpkgx.util import Thing\n\n\ndef build():\n    return Thing(total=1{kw})\n"
    return {
        "vpkgx": [{"version": v, "files": {"vpkgx/__init__.py": "", "vpkgx/util.py": t}}
                  for v, t in (("1.0.0", THING_OLD), ("2.0.0", THING_NEW))],
        "hostx": [{"version": v, "files": {"hostx/__init__.py": "", "hostx/extern/__init__.py": EXTERN,
                                           "hostx/_vendor/__init__.py": "", "hostx/_vendor/vpkgx/__init__.py": "",
                                           "hostx/_vendor/vpkgx/util.py": THING_OLD}}
                  for v in ("60.0.0", "60.1.0")],
        "callerx": [{"version": v, "files": {"callerx/__init__.py": "", "callerx/build.py": caller(kw)}}
                    for v, kw in (("1.0.0", ", legacy=True"), ("1.1.0", ""))],
    }


def _extern_diagnose(index_for, path):
    from pytest_depfix.diagnose import diagnose, load_knowledge
    from pytest_depfix.diagnose.message_only import infer_message
    from pytest_depfix.diagnose.probe import ApiProbe
    from pytest_depfix.requirements import parse_requirements_text

    index, target = index_for(_extern_universe(path), python="3.11")
    pins = parse_requirements_text("vpkgx==2.0.0\nhostx==60.0.0\ncallerx==1.0.0\n", target)
    paste = "got an unexpected keyword argument 'legacy'\n"
    return diagnose(infer_message(paste).to_crash(), pins, target, index, load_knowledge(bundled=False),
                    probe=ApiProbe(index))


def test_setuptools_style_extern_alias_of_a_shipped_vendor_copy_is_not_the_installed_pin(index_for):
    # setuptools/pkg_resources ``extern``: a VendorImporter serving ``hostx._vendor.vpkgx``, the
    # copy the host ships (which takes ``legacy=``); the installed vpkgx is never called.
    d = _extern_diagnose(index_for, "hostx.extern")
    assert not any(c.name == "vpkgx" for c in d.culprits), (d.verdict, d.summary, d.culprits)
