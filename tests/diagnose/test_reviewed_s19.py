"""The session 19 review's inputs, each pinned to the answer the review asked for.

Each reading added in session 19 was tried against an input built to break it: a Python
version check in the new "or later. You have" and "is required, found" wordings (the s4
review's finding, back through the new patterns), a server's and a C library's version check
whose name is also a pin's, argument checks worded like requirements, a whole stdlib module
removed (``import imp``) under a release that imports another removed one, and a removed
module whose backport the release declares.
"""
from pytest_depfix.crash import parse_traceback
from pytest_depfix.diagnose import diagnose, families, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_paste, simple_parse


def _signal(line):
    return families.classify(parse_traceback(line + "\n")[0])


def _culprits(d):
    return {(c.name, c.constraint) for c in d.culprits}


# -- "requires Python 3.7 or later. You have 3.6.9" -----------------------------------------------

PYTHON_CHECKS = ("RuntimeError: Scikit-learn requires Python 3.7 or later. You have 3.6.9",
                 "RuntimeError: this package requires Python 3.7 or later; found 3.6.9",
                 "RuntimeError: Python>=3.7 is required, found 3.6.9",
                 "ValueError: python>=3.7 is required, you have 3.6")


def test_a_python_version_check_in_the_new_wordings_is_not_a_requirement_on_a_package_named_python():
    # families.py _VERSIONS_OR_LATER / _SPEC_REQUIRED_FOUND: _RUNTIME_REQUIRES excludes "Python"
    # (review s4, tests/diagnose/test_reviewed_s4_runtime_requires_python.py); the new patterns do not.
    for line in PYTHON_CHECKS:
        sig = _signal(line)
        assert not (sig.family == families.DECLARED and (sig.requirement or "").lower().startswith("python")), \
            (line, sig.family, sig.requirement)


def test_a_python_version_check_in_the_new_wordings_does_not_invent_a_keep_pin(index_for):
    universe = {"scikit-learn": [{"version": "0.22.2", "requires_python": ">=3.5"},
                                 {"version": "1.0.0", "requires_python": ">=3.7"}],
                "helpery": [{"version": "1.0.0"}]}
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("helpery==1.0.0\nscikit-learn==1.0.0\n", target)
    for line in PYTHON_CHECKS[:3]:
        d = diagnose(simple_parse(line + "\n", pins), pins, target, index, load_knowledge(bundled=False),
                     probe=ApiProbe(index))
        assert "keep-pin" not in d.summary, (line, d.verdict, d.family, d.summary)


# -- a check on something else that shares a pin's name --------------------------------------------

def test_a_server_version_check_does_not_move_the_client_library_pin(index_for):
    # "You have 4.0.9" is the Redis server's version; the set pins redis(-py) 3.5.3.  The found
    # version is not the pin's, so the check is not about the pin: moving redis to 5.0 is a guess.
    universe = {"redis": [{"version": v, "files": {"redis/__init__.py": ""}} for v in ("3.5.3", "4.0.0", "5.0.0")],
                "streamy": [{"version": "1.0.0", "requires_dist": ["redis>=3"], "files": {"streamy/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.8")
    for paste in ('Traceback (most recent call last):\n'
                  '  File "/srv/app/run.py", line 3, in <module>\n'
                  '    import streamy\n'
                  '  File "/usr/lib/python3.8/site-packages/streamy/__init__.py", line 9, in <module>\n'
                  '    raise RuntimeError(msg)\n'
                  'RuntimeError: consumer groups need a server with streams: this feature requires Redis 5.0 or '
                  'later. You have 4.0.9\n',
                  "RuntimeError: Redis>=5.0 is required, found 4.0.9\n"):
        d = diagnose_paste(index, target, "streamy==1.0.0\nredis==3.5.3\n", paste)
        assert ("redis", ">=5.0") not in _culprits(d), (d.verdict, d.summary, _culprits(d))


def test_a_c_library_version_check_does_not_move_its_python_binding(index_for):
    # "OpenSSL" is the C library; module_owner's "py" + name guess turns it into pyOpenSSL, whose
    # versions (0.14, 16.0) have nothing to do with OpenSSL's 1.1.1.
    universe = {"pyopenssl": [{"version": v, "files": {"OpenSSL/__init__.py": ""}} for v in ("0.14", "0.15.1", "16.0.0")],
                "tlsy": [{"version": "1.0.0", "files": {"tlsy/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.8")
    paste = ('Traceback (most recent call last):\n'
             '  File "/usr/lib/python3.8/site-packages/tlsy/__init__.py", line 9, in <module>\n'
             '    raise ImportError(msg)\n'
             'ImportError: TLS 1.3 requires OpenSSL 1.1.1 or later. You have 1.0.2\n')
    d = diagnose_paste(index, target, "tlsy==1.0.0\npyopenssl==0.14\n", paste)
    assert not any(name == "pyopenssl" for name, _ in _culprits(d)), (d.verdict, d.summary, _culprits(d))


# -- argument checks worded like requirements -------------------------------------------------------

def test_argument_checks_are_not_declared_requirements():
    # _SPEC_REQUIRED_FOUND takes any identifier before ">=N is required"; "batch_size" then
    # reaches the verdict as a distribution ("no pin ... without moving a keep-pin").
    for line in ("ValueError: batch_size>=1 is required, got 0.",
                 "ValueError: n_samples>=2 is required, found 1",
                 "ValueError: k>=1 is required, got 0"):
        assert _signal(line).family != families.DECLARED, (line, _signal(line).requirement)


def test_the_word_version_is_not_the_required_distribution():
    # _VERSIONS_OR_LATER's name is optional-"versions"-free: "requires version 2.10 or later" reads
    # as a distribution named "version".
    for line in ("ImportError: h5py requires version 2.10 or later. You have 2.9",
                 "mypkg.errors.VersionError: SQLite requires version 3.9 or later, found 3.7.17"):
        sig = _signal(line)
        assert not (sig.requirement or "").lower().startswith("version"), (line, sig.requirement)


# -- a whole stdlib module removed --------------------------------------------------------------------

INIT = "from netx.classes import graph\nfrom netx.algorithms import dag\n"


def _release(version, graph, dag, when, requires=()):
    return {"version": version, "upload_time": when, "requires_dist": list(requires), "files": {
        "netx/__init__.py": INIT, "netx/classes/__init__.py": "", "netx/classes/graph.py": graph,
        "netx/algorithms/__init__.py": "", "netx/algorithms/dag.py": dag}}


def _framed(line, exc):
    return ('Traceback (most recent call last):\n'
            '  File "/home/u/app.py", line 1, in <module>\n'
            '    import netx\n'
            '  File "/usr/lib/python3.13/site-packages/netx/__init__.py", line 1, in <module>\n'
            '    from netx.classes import graph\n'
            '  File "/usr/lib/python3.13/site-packages/netx/classes/graph.py", line 1, in <module>\n'
            f'    {line}\n'
            f'{exc}\n')


def test_a_release_that_dropped_a_removed_module_but_imports_another_is_not_the_fix(index_for):
    # verdict.py adapted_culprits: still_broken is defined only when the signal has a name, so for
    # "No module named 'imp'" (module removals: 3.12's imp/asyncore, 3.13's cgi/telnetlib...) the
    # new stdlib_removed_at_import check never runs: netx 2.3 trades `import imp` for `import asyncore`.
    universe = {"netx": [
        _release("2.2", "import imp\n", "import os\n", "2018-09-19T00:00:00Z"),
        _release("2.3", "import importlib\n", "import asyncore\n", "2019-04-11T00:00:00Z"),
        _release("2.4", "import importlib\n", "import os\n", "2019-10-16T00:00:00Z"),
    ]}
    index, target = index_for(universe, python="3.13")
    pins = parse_requirements_text("netx==2.2\n", target)
    paste = _framed("import imp", "ModuleNotFoundError: No module named 'imp'")
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    culprits = _culprits(d)
    assert ("netx", ">=2.4") in culprits and ("netx", ">=2.3") not in culprits, (culprits, d.summary)


def test_a_removed_module_whose_backport_the_release_declares_is_no_reason_to_pass_it_over(index_for):
    # users.stdlib_removed_at_import: `import cgi` on 3.13 is met by legacy-cgi, which netx 2.3
    # declares for that Python (as discord.py declares audioop-lts, SpeechRecognition standard-aifc);
    # like setuptools' distutils, an import the release itself provides for proves nothing.
    universe = {"netx": [
        _release("2.2", "from collections import Mapping\n", "import os\n", "2018-09-19T00:00:00Z"),
        _release("2.3", "from collections.abc import Mapping\n", "import cgi\n", "2019-04-11T00:00:00Z",
                 ["legacy-cgi; python_version >= '3.13'"]),
        _release("2.4", "from collections.abc import Mapping\n", "import os\n", "2019-10-16T00:00:00Z"),
    ], "legacy-cgi": [{"version": "2.6.1", "files": {"cgi.py": "", "cgitb.py": ""}}]}
    index, target = index_for(universe, python="3.13")
    pins = parse_requirements_text("netx==2.2\n", target)
    paste = _framed("from collections import Mapping", "ImportError: cannot import name 'Mapping' from 'collections' "
                    "(/usr/lib/python3.13/collections/__init__.py)")
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("netx", ">=2.3") in _culprits(d), (_culprits(d), d.summary)
