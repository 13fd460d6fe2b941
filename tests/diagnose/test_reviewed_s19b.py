"""The second session 19 review's inputs, each pinned to the answer the review asked for.

Reviewed: 0954d72 (a frameless keyword error through the caller's own wrapper class),
56d708e (an option dropped from an optparse/argparse namespace), 6bc071f (a declared
conflict's two sides) and 270880a (the first review's fixes).  Each test fails on the
reviewed code and passes once its finding is fixed.
"""
import pytest

from pytest_depfix.crash import parse_traceback
from pytest_depfix.diagnose import families
from tests.support.diagnose_crashes import diagnose_paste


def _signal(line):
    return families.classify(parse_traceback(line + "\n")[0])


def _culprits(d):
    return {(c.name, c.constraint) for c in d.culprits}


# -- 270880a: a "python-" distribution is not "Python" ---------------------------------------------

@pytest.mark.parametrize("line", [
    "ImportError: python-dateutil>=2.7.0 is required, found 2.6.1",
    "RuntimeError: Celery requires python-dateutil 2.7.0 or later. You have 2.6.1",
    "ImportError: python-multipart>=0.0.5 is required, you have 0.0.4",
])
def test_a_distribution_whose_name_starts_with_python_is_still_the_required_one(line):
    # families.py _VERSIONS_OR_LATER / _SPEC_REQUIRED_FOUND: the look-ahead "(?!(?i:python)\b)"
    # meant to keep "Python>=3.7" out also refuses "python-dateutil" ('\b' holds before '-'), so
    # checks on python-dateutil, python-multipart, python-socketio... are no longer read
    # (before 270880a they were: DECLARED python-dateutil>=2.7.0, found 2.6.1).
    sig = _signal(line)
    assert sig.family == families.DECLARED and (sig.requirement or "").startswith("python-"), \
        (line, sig.family, sig.requirement)


# (270880a's local build tag: test_versions_or_later_check.py::test_jaxs_check_moves_jaxlib_up_or_jax_back)


# -- 56d708e: an option the pinned release still declares in another form --------------------------

OLD_DECL = 'parser.add_argument("--output-dir", dest="output_dir", default=".")\n'


@pytest.mark.parametrize("declared", [
    'parser.add_argument("--output_dir", default=".")\n',              # underscore flag: dest output_dir
    'parser.add_argument("-od", "--output-dir", default=".")\n',       # a two-letter short flag first
    'parser.add_argument("output_dir")\n',                             # a positional: dest output_dir
    'OUTPUT = partial(Option, "--output-dir", default=".")\n',         # pip's own partial(Option, ...) form
])
def test_an_option_the_pinned_release_still_declares_does_not_move_it(index_for, declared):
    # verdict.py _method_dropped (option namespaces): the declaration pattern knows only dest= and a
    # hyphenated long flag right after "(" (or after one one-letter short flag).  Each form here
    # declares 'output_dir' (argparse's dest from "--output_dir" or a positional, optparse's from
    # the long flag), and clitool 2.0 is moved back to 1.0 as "no longer defines" it: a guess
    # dressed as a fix.  (The reading pin, runner, is the one whose fix it is, if any.)
    name, old = "output_dir", OLD_DECL
    head = "import argparse\nfrom functools import partial\nfrom optparse import Option\nparser = argparse.ArgumentParser()\n"
    universe = {
        "clitool": [{"version": "1.0", "files": {"clitool/__init__.py": "", "clitool/cli.py": head + old}},
                    {"version": "2.0", "files": {"clitool/__init__.py": "", "clitool/cli.py": head + declared}}],
        "runner": [{"version": "1.0", "files": {"runner/__init__.py": "",
                                                "runner/go.py": f"def go(args):\n    return args.{name}\n"}}],
    }
    index, target = index_for(universe, python="3.9")
    paste = f"AttributeError: 'Namespace' object has no attribute '{name}'\n"
    d = diagnose_paste(index, target, "runner==1.0\nclitool==2.0\n", paste)
    assert not any(c.name == "clitool" for c in d.culprits), (declared, d.summary, _culprits(d))


# -- 0954d72: the own-wrapper reading -------------------------------------------------------------

WRAPPER_PASTE = "    super().__init__(**kwargs)\nTypeError: __init__() got an unexpected keyword argument 'proxies'\n"


def _httpx(version, param):
    client = f"class Client:\n    def __init__(self, {param}=None, base_url='', timeout=None):\n        pass\n"
    return {"version": version, "files": {"httpx/__init__.py": "from ._client import Client\n", "httpx/_client.py": client}}


def _sdk_universe(sdk_text):
    return {"sdk": [{"version": "0.1.0", "files": {"sdk/__init__.py": "", "sdk/_base_client.py": sdk_text}}],
            "httpx": [_httpx("0.27.2", "proxies"), _httpx("0.28.1", "proxy")]}


def test_a_wrapper_forwarding_under_another_name_than_kwargs_is_read(index_for):
    # verdict.py _forwarded_to_foreign_base tests the probe's evidence text for
    # "forwards **kwargs to super": a wrapper written "def __init__(self, **kw)" (or **kwds,
    # **options) is read by the probe the same way ("forwards **kw to super.__init__, which could
    # not be read") but never matches, so the reading only works for the parameter name 'kwargs'.
    sdk = ('import httpx\n\n\nclass SyncHttpxClientWrapper(httpx.Client):\n'
           '    def __init__(self, **kw):\n        kw.setdefault("timeout", 5)\n        super().__init__(**kw)\n\n\n'
           'class Api:\n    def __init__(self, proxies=None):\n'
           '        self._client = SyncHttpxClientWrapper(base_url="x", proxies=proxies)\n')
    index, target = index_for(_sdk_universe(sdk), python="3.9")
    d = diagnose_paste(index, target, "sdk==0.1.0\nhttpx==0.28.1\n", WRAPPER_PASTE)
    assert _culprits(d) == {("httpx", "<0.28.1")}, (d.verdict, d.summary, _culprits(d))


def test_a_wrapper_that_inherits_the_foreign_constructor_is_read(index_for):
    # openai 1.0-1.16's shape: "class SyncHttpxClientWrapper(httpx.Client)" with only a __del__, so
    # the probe's evidence is "inherits its constructor from httpx.Client, which could not be read",
    # not "forwards **kwargs to super": the most direct wrapper is the one the reading misses.
    sdk = ('import httpx\n\n\nclass SyncHttpxClientWrapper(httpx.Client):\n'
           '    def __del__(self):\n        pass\n\n\n'
           'class Api:\n    def __init__(self, proxies=None):\n'
           '        self._client = SyncHttpxClientWrapper(base_url="x", proxies=proxies)\n')
    index, target = index_for(_sdk_universe(sdk), python="3.9")
    d = diagnose_paste(index, target, "sdk==0.1.0\nhttpx==0.28.1\n",
                       "TypeError: __init__() got an unexpected keyword argument 'proxies'\n")
    assert _culprits(d) == {("httpx", "<0.28.1")}, (d.verdict, d.summary, _culprits(d))


def test_many_own_classes_taking_a_common_keyword_do_not_silence_a_direct_call(index_for):
    # verdict.py _keyword_call_pairs (4611d5e's cap on 0954d72's cost): MAX_WRAPPER_QUESTIONS returns
    # [] as soon as a ninth own class passing the keyword is met.  Before 0954d72 own classes were
    # never collected, and pyrelational-style direct calls of another pin's class were read; a
    # common keyword ('timeout', 'name', 'verbose') passed to nine of a pin's own classes that take
    # it themselves now throws that reading away.  (The cap should stop asking, not answer [];
    # and an own class the probe answers YES for costs nothing to skip.)
    own = "".join(f"class Part{i}:\n    def __init__(self, timeout=None):\n        self.timeout = timeout\n\n\n"
                  for i in range(12))
    calls = "def build():\n    return [" + ", ".join(f"Part{i}(timeout=1)" for i in range(12)) + "]\n"
    caller = "import trainlib as tl\n\n\ndef fit():\n    return tl.Trainer(timeout=5)\n"
    trainer = lambda v, p: {"version": v, "files": {"trainlib/__init__.py": f"class Trainer:\n    def __init__(self, {p}=None):\n        pass\n"}}
    universe = {"app": [{"version": "1.0", "files": {"app/__init__.py": "", "app/parts.py": own + calls, "app/fit.py": caller}}],
                "trainlib": [trainer("1.0", "timeout"), trainer("2.0", "deadline")]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "app==1.0\ntrainlib==2.0\n",
                       "TypeError: __init__() got an unexpected keyword argument 'timeout'\n")
    assert ("trainlib", "<2.0") in _culprits(d), (d.verdict, d.summary, _culprits(d))


def test_an_option_no_pin_reads_is_not_laid_on_a_pin_that_once_declared_it(index_for):
    # verdict.py _method_dropped (option namespaces): the design's reading pairs the pin that dropped
    # the option with the pin still reading it (prequ reads pip's process_dependency_links).  Here no
    # pin of the set reads '.output_dir' at all: the namespace is the project's own parser, and
    # clitool, whose 1.0 happened to declare an option of that common name, is moved back anyway.
    head = "import argparse\nparser = argparse.ArgumentParser()\n"
    universe = {
        "clitool": [{"version": "1.0", "files": {"clitool/__init__.py": "", "clitool/cli.py": head + OLD_DECL}},
                    {"version": "2.0", "files": {"clitool/__init__.py": "", "clitool/cli.py": head}}],
        "helpery": [{"version": "1.0", "files": {"helpery/__init__.py": "def help():\n    return 1\n"}}],
    }
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "helpery==1.0\nclitool==2.0\n",
                       "AttributeError: 'Namespace' object has no attribute 'output_dir'\n")
    assert not any(c.name == "clitool" for c in d.culprits), (d.summary, _culprits(d))
