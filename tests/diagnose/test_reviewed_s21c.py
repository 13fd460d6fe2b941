"""Reviewer's inputs for da38584 (a library error carrying a builtin's wording; a knowledge entry's context
looked for in the set when the paste has no frame) and f212735 (Python 3 submodules known as added in 3.x)."""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.families import ATTRIBUTE, classify
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.models import Crash, ExceptionRecord
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_paste, simple_parse

DECODE = "AttributeError: 'str' object has no attribute 'decode'\n"
H5PY = [{"version": v, "files": {"h5py/__init__.py": "class File:\n    attrs = {}\n"}} for v in ("2.10.0", "3.1.0")]
PYJWT = [{"version": v, "files": {"jwt/__init__.py": "def encode(payload, key, algorithm=None):\n    return ''\n"}}
         for v in ("1.7.1", "2.0.0")]


def _kb_diagnose(index_for, universe, reqs, paste, python="3.8"):
    index, target = index_for(universe, python=python)
    pins = parse_requirements_text(reqs, target)
    return diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(), probe=ApiProbe(index))


def _culprits(d):
    return [(c.name.lower(), c.constraint) for c in d.culprits]


# --- da38584 (b): the entry's context read from a pin declaring its package ---------------------------------

def test_a_caller_already_adapted_to_pyjwt_2_does_not_apply_the_pyjwt_entry(index_for):
    """Keras' frameless "'str' object has no attribute 'decode'" under h5py 3.1.0; the set also holds
    djangorestframework-simplejwt 4.6.0, the knowledge entry's own caller at its fixed_in, whose jwt.encode()
    result is never decoded.  Its call is not the failing one: h5py's entry is the answer, not pyjwt<2."""
    simplejwt = [{"version": "4.6.0", "requires_dist": ["PyJWT>=1.7.1,<3", "django"],
                  "files": {"rest_framework_simplejwt/__init__.py": "",
                            "rest_framework_simplejwt/backends.py":
                                "import jwt\n\n\nclass TokenBackend:\n    def encode(self, payload):\n"
                                "        token = jwt.encode(payload, self.signing_key, algorithm=self.algorithm)\n"
                                "        if isinstance(token, bytes):  # PyJWT <= 1.7.1\n"
                                "            return token.decode('utf-8')\n"
                                "        return token  # PyJWT >= 2.0.0\n"}}]
    universe = {"h5py": H5PY, "pyjwt": PYJWT, "djangorestframework-simplejwt": simplejwt,
                "django": [{"version": "3.1.0", "files": {"django/__init__.py": ""}}]}
    d = _kb_diagnose(index_for, universe, "djangorestframework-simplejwt==4.6.0\ndjango==3.1.0\npyjwt==2.0.0\n"
                     "h5py==3.1.0\n", DECODE)
    assert ("pyjwt", "<2") not in _culprits(d) and ("h5py", "<3") in _culprits(d), d.summary


def test_a_jwt_encode_named_only_in_a_docstring_does_not_apply_the_pyjwt_entry(index_for):
    """The pin declaring PyJWT names ``jwt.encode(...)`` in a docstring only (its code calls jwt.decode): the
    context regex is searched over whole files, comments and docstrings included."""
    tokens = ("import jwt\n\n\ndef read_token(token, key):\n"
              '    """Reads a token made by jwt.encode(payload, key); the caller makes it."""\n'
              "    return jwt.decode(token, key, algorithms=['HS256'])\n")
    universe = {"h5py": H5PY, "pyjwt": PYJWT,
                "tokenreadery": [{"version": "1.0.0", "requires_dist": ["PyJWT"], "files": {"tokenreadery/__init__.py": tokens}}]}
    d = _kb_diagnose(index_for, universe, "tokenreadery==1.0.0\npyjwt==2.0.0\nh5py==3.1.0\n", DECODE)
    assert ("pyjwt", "<2") not in _culprits(d), d.summary


def test_a_jwt_encode_in_a_django_apps_tests_module_does_not_apply_the_pyjwt_entry(index_for):
    """A Django app ships ``tests.py`` beside its modules (never imported at run time); only it calls
    ``jwt.encode(...).decode()``.  _shipped_modules drops test *folders* only, so the test module counts."""
    tests_py = ("import jwt\nfrom django.test import TestCase\n\n\nclass T(TestCase):\n    def test_token(self):\n"
                "        token = jwt.encode({'a': 1}, 'k').decode('utf-8')\n")
    universe = {"h5py": H5PY, "pyjwt": PYJWT,
                "django-tokeny": [{"version": "1.0.0", "requires_dist": ["PyJWT"],
                                   "files": {"django_tokeny/__init__.py": "", "django_tokeny/models.py": "X = 1\n",
                                             "django_tokeny/tests.py": tests_py}}]}
    d = _kb_diagnose(index_for, universe, "django-tokeny==1.0.0\npyjwt==2.0.0\nh5py==3.1.0\n", DECODE)
    assert ("pyjwt", "<2") not in _culprits(d), d.summary


def test_pydantic_2_itself_does_not_apply_the_typing_extensions_46_entry_to_any_issubclass_error(index_for):
    """typing-extensions-4.6-pydantic-1-literal's context ``pydantic[\\/]|pydantic\\.`` matches pydantic's own
    files (and those of every pin importing ``pydantic.x``): with pydantic 2.5 (past the entry's fixed_in
    1.10.8) any frameless "issubclass() arg 1 must be a class" now holds typing-extensions<4.6."""
    universe = {"typing-extensions": [{"version": v, "files": {"typing_extensions.py": "Literal = None\n"}}
                                      for v in ("4.5.0", "4.8.0")],
                "pydantic": [{"version": "2.5.0", "requires_dist": ["typing-extensions>=4.6.1"],
                              "files": {"pydantic/__init__.py": "from pydantic.main import BaseModel\n",
                                        "pydantic/main.py": "class BaseModel:\n    pass\n"}}]}
    d = _kb_diagnose(index_for, universe, "pydantic==2.5.0\ntyping-extensions==4.8.0\n",
                     "TypeError: issubclass() arg 1 must be a class\n")
    assert ("typing-extensions", "<4.6") not in _culprits(d), d.summary


def test_scikit_learns_check_optimize_result_does_not_apply_the_scipy_16_entry_to_keras_h5py_error(index_for):
    """scipy-16-lbfgs-message-str's context ``_check_optimize_result|\\.message\\.decode\\(`` names a function every
    scikit-learn since 0.22 defines, also the releases adapted to SciPy 1.6 (0.24 on).  An ML set with
    scikit-learn 1.0.2, scipy 1.7.3 and h5py 3.1.0 meeting Keras' frameless "'str' object has no attribute
    'decode'" (h5py 3's str attrs) now gets scipy<1.6 instead of h5py<3."""
    sklearn = [{"version": "1.0.2", "requires_dist": ["scipy>=1.1.0", "numpy"],
                "files": {"sklearn/__init__.py": "", "sklearn/utils/__init__.py": "",
                          "sklearn/utils/optimize.py":
                              "def _check_optimize_result(solver, result, max_iter=None, extra_warning_msg=None):\n"
                              "    if solver == 'lbfgs':\n        if result.status != 0:\n"
                              "            warning_msg = str(result.message)\n    return result.nit\n"}}]
    universe = {"h5py": H5PY, "scikit-learn": sklearn,
                "scipy": [{"version": v, "files": {"scipy/__init__.py": "", "scipy/optimize.py": "class OptimizeResult(dict):\n    pass\n"}}
                          for v in ("1.5.4", "1.7.3")],
                "numpy": [{"version": "1.21.0", "files": {"numpy/__init__.py": ""}}]}
    d = _kb_diagnose(index_for, universe, "scikit-learn==1.0.2\nscipy==1.7.3\nnumpy==1.21.0\nh5py==3.1.0\n", DECODE)
    assert ("scipy", "<1.6") not in _culprits(d) and ("h5py", "<3") in _culprits(d), d.summary


# --- da38584 (a): a library exception carrying a builtin's wording -------------------------------------------

def test_an_rpc_clients_error_carrying_the_servers_message_is_not_a_local_attribute_error():
    """jsonrpcclient's ReceivedErrorResponseError holds the *server's* error message: the AttributeError happened
    in another process and environment, so reading it as this set's AttributeError of NoneType.x is a misread."""
    sig = classify(Crash([ExceptionRecord("jsonrpcclient.exceptions.ReceivedErrorResponseError",
                                          "'NoneType' object has no attribute 'x'", [])]))
    assert sig.family != ATTRIBUTE, (sig.family, sig.exc_type)


def test_a_sphinx_wrapper_quoting_a_tools_message_around_the_builtin_is_still_read():
    """Before da38584 the Sphinx branch took what infer_message found inside the caught text; it now also
    demands the whole caught text be the builtin's wording, so a caught message with its own prefix is lost."""
    sig = classify(Crash([ExceptionRecord(
        "sphinx.errors.ExtensionError",
        "Handler <function builder_inited at 0x7f> for event 'builder-inited' threw an exception "
        "(exception: Could not load theme: module 'sphinx.util' has no attribute 'console')", [])]))
    assert (sig.family, sig.module, sig.name) == (ATTRIBUTE, "sphinx.util", "console"), (sig.family, sig.exc_type)


# --- f212735: Python 3 submodules in ADDED -------------------------------------------------------------------

HTML_PASTE = (
    "Traceback (most recent call last):\n"
    '  File "app.py", line 1, in <module>\n'
    "    from bs4 import BeautifulSoup\n"
    '  File "/venv/lib/python3.9/site-packages/bs4/__init__.py", line 2, in <module>\n'
    "    from html.parser import HTMLParser\n"
    "ModuleNotFoundError: No module named 'html.parser'; 'html' is not a package\n")


def test_a_pin_shipping_a_top_level_html_module_on_python_3_is_not_a_python_version_break(index_for):
    """PyPI's ``html`` distribution installs ``html.py``, hiding the standard library's html package on
    Python 3.9: "No module named 'html.parser'; 'html' is not a package".  html.parser is in 3.9; the
    diagnosis must not be a Python-version one (and the html pin is what has to go)."""
    universe = {"beautifulsoup4": [{"version": "4.9.3", "files": {"bs4/__init__.py": "from html.parser import HTMLParser\n"}}],
                "html": [{"version": "1.16", "files": {"html.py": "class HTML:\n    pass\n"}}]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "beautifulsoup4==4.9.3\nhtml==1.16\n", HTML_PASTE)
    assert d.family != "python-version", (d.verdict, d.family, d.summary)


SIX_PASTE = (
    "Traceback (most recent call last):\n"
    '  File "app.py", line 1, in <module>\n'
    "    import fetchy\n"
    '  File "/venv/lib/python2.7/site-packages/fetchy/__init__.py", line 1, in <module>\n'
    "    from six.moves.urllib.parse import urlparse\n"
    "ImportError: No module named urllib.parse\n")


def test_six_moves_urllib_parse_on_27_is_not_a_python_version_break(index_for):
    """``from six.moves.urllib.parse import urlparse`` on 2.7 with six 1.3.0 (no urllib in six.moves until
    1.4.0): Python 2 says "No module named urllib.parse".  The module is six's, not the standard library's:
    reading it as urllib.parse, new in Python 3.0, sends the caller back instead of six forward."""
    def rel(name, v, files, requires=()):
        return {"version": v, "tag": "py2.py3-none-any", "requires_dist": list(requires), "files": files}
    universe = {"six": [rel("six", "1.3.0", {"six.py": "class _MovedItems(object):\n    pass\nmoves = _MovedItems()\n"}),
                        rel("six", "1.4.0", {"six.py": "class Module_six_moves_urllib(object):\n    parse = None\n"
                                                       "# six.moves.urllib.parse\n"})],
            "fetchy": [rel("fetchy", "1.0.0", {"fetchy/__init__.py": "import six\n"}),
                       rel("fetchy", "1.1.0", {"fetchy/__init__.py": "from six.moves.urllib.parse import urlparse\n"},
                           ["six"])]}
    index, target = index_for(universe, python="2.7")
    d = diagnose_paste(index, target, "fetchy==1.1.0\nsix==1.3.0\n", SIX_PASTE)
    assert d.family != "python-version", (d.verdict, d.family, d.summary, _culprits(d))


URLLIB_PASTE = (
    "Traceback (most recent call last):\n"
    '  File "/home/u/proj/main.py", line 1, in <module>\n'
    "    import requests\n"
    '  File "/venv/lib/python3.8/site-packages/requests/__init__.py", line 2, in <module>\n'
    "    from urllib.parse import urlparse\n"
    "ModuleNotFoundError: No module named 'urllib.parse'; 'urllib' is not a package\n")


def test_a_pin_shipping_a_top_level_urllib_module_on_python_3_is_still_named(index_for):
    """urllib.parse exists on Python 3.8; a pin installing ``urllib.py`` hides the package.  Before f212735 the
    pin was named (urllib==1.0 no longer has urllib.parse); now "exists since Python 3.0 ... something else
    hides it" with no culprit."""
    universe = {"requests": [{"version": "2.25.0", "files": {"requests/__init__.py": "from urllib.parse import urlparse\n"}}],
                "urllib": [{"version": "1.0", "files": {"urllib.py": "x = 1\n"}}]}
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "requests==2.25.0\nurllib==1.0\n", URLLIB_PASTE)
    assert d.family != "python-version" and "urllib" in [n for n, _ in _culprits(d)], (d.verdict, d.family, d.summary)


FUTURE_PASTE = (
    "Traceback (most recent call last):\n"
    '  File "app.py", line 1, in <module>\n'
    "    import jary\n"
    '  File "/venv/lib/python2.7/site-packages/jary/__init__.py", line 1, in <module>\n'
    "    from http.cookiejar import CookieJar\n"
    "ImportError: No module named cookiejar\n")


def test_the_future_backports_http_package_on_27_moves_future_not_python(index_for):
    """Python 2.7 has no ``http`` package at all: on 2.7 it is the ``future`` distribution's (http/client.py,
    http/cookiejar.py ...).  With future 0.15.0 lacking http/cookiejar.py the answer was future>=0.16.0; now
    it is "http.cookiejar, new in Python 3.0" with no culprit."""
    def rel(v, files, requires=()):
        return {"version": v, "tag": "py2.py3-none-any", "requires_dist": list(requires), "files": files}
    universe = {"future": [rel("0.15.0", {"http/__init__.py": "", "http/client.py": "x = 1\n"}),
                           rel("0.16.0", {"http/__init__.py": "", "http/client.py": "x = 1\n",
                                          "http/cookiejar.py": "class CookieJar(object):\n    pass\n"})],
                "jary": [rel("1.0.0", {"jary/__init__.py": "from http.cookiejar import CookieJar\n"}, ["future"])]}
    index, target = index_for(universe, python="2.7")
    d = diagnose_paste(index, target, "jary==1.0.0\nfuture==0.15.0\n", FUTURE_PASTE)
    assert ("future", ">=0.16.0") in _culprits(d), (d.verdict, d.family, d.summary, _culprits(d))
