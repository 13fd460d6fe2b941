"""A library's exception carrying the builtin error it caught, and a constructor's factory passing a keyword on.

PawPrints-Archive#163: huey 1.10.4's scheduler re-raises what reading the schedule
raised as ``ScheduleReadException("TypeError: __init__() got an unexpected keyword
argument 'decode_components'.")``.  huey calls ``ConnectionPool.from_url(url,
decode_components=True)``; redis 3 took the keyword there, redis 4 forwards it to the
connection's constructor, which refuses it.
"""
from pytest_depfix.diagnose.families import SIGNATURE, UNKNOWN, classify
from pytest_depfix.models import Crash, ExceptionRecord
from tests.support.diagnose_crashes import diagnose_paste

PASTE = ("huey.exceptions.ScheduleReadException: TypeError: __init__() got an unexpected keyword argument "
         "'decode_components'.\n")
OLD = ("class Connection:\n    def __init__(self, host='localhost'):\n        self.host = host\n\n\n"
       "class ConnectionPool:\n    def __init__(self, connection_class=Connection, **connection_kwargs):\n"
       "        self.kwargs = connection_kwargs\n\n"
       "    @classmethod\n    def from_url(cls, url, db=None, decode_components=False, **kwargs):\n"
       "        return cls(**kwargs)\n")
NEW = OLD.replace("def from_url(cls, url, db=None, decode_components=False, **kwargs):",
                  "def from_url(cls, url, **kwargs):")
HUEY = ("try:\n    from redisy import ConnectionPool\nexcept ImportError:\n    ConnectionPool = None\n\n\n"
        "def storage(url):\n    return ConnectionPool.from_url(\n        url, decode_components=True)\n")


def _universe():
    return {
        "redisy": [{"version": v, "files": {"redisy/__init__.py": "from redisy.connection import ConnectionPool\n",
                                            "redisy/connection.py": text}}
                   for v, text in (("3.5.3", OLD), ("4.0.2", NEW))],
        "hueyy": [{"version": "1.10.4", "files": {"hueyy/__init__.py": "", "hueyy/storage.py": HUEY}}],
    }


def _crash(exc_type, message):
    return Crash([ExceptionRecord(exc_type, message, [])])


def test_a_library_exception_carrying_a_builtin_is_read_as_that_builtin():
    sig = classify(_crash("huey.exceptions.ScheduleReadException",
                          "TypeError: __init__() got an unexpected keyword argument 'decode_components'."))
    assert (sig.family, sig.exc_type, sig.name) == (SIGNATURE, "TypeError", "decode_components")


def test_a_builtin_is_not_unwrapped_from_another_builtin_nor_from_plain_words():
    assert classify(_crash("RuntimeError", "TypeError: __init__() got an unexpected keyword argument 'x'")).family == UNKNOWN
    assert classify(_crash("huey.exceptions.ScheduleReadException", "could not read: TypeError")).family == UNKNOWN


def test_a_factory_of_the_class_passing_the_keyword_on_is_the_call_that_failed(index_for):
    index, target = index_for(_universe(), python="3.6")
    d = diagnose_paste(index, target, "hueyy==1.10.4\nredisy==4.0.2\n", PASTE)
    assert d.verdict == "transitive", d.summary
    assert ("redisy", "<4.0.2") in [(c.name, c.constraint) for c in d.culprits] or \
        any(c.name == "redisy" and "<4" in c.constraint for c in d.culprits), d.summary


def test_a_module_function_passing_the_keyword_is_no_constructor_call(index_for):
    universe = _universe()
    universe["hueyy"][0]["files"]["hueyy/storage.py"] = HUEY.replace("ConnectionPool.from_url(", "connect_url(").replace(
        "from redisy import ConnectionPool", "from redisy.connection import connect_url")
    for release, text in zip(universe["redisy"], (OLD, NEW)):
        release["files"]["redisy/connection.py"] = text + (
            "\n\ndef connect_url(url, decode_components=False):\n    return url\n" if text is OLD else
            "\n\ndef connect_url(url):\n    return url\n")
    index, target = index_for(universe, python="3.6")
    d = diagnose_paste(index, target, "hueyy==1.10.4\nredisy==4.0.2\n", PASTE)
    assert not d.culprits, d.summary


def test_a_function_of_a_capitalized_module_is_no_constructor(index_for):
    # (review) PIL.Image.open: Image is a module; "__init__() got ... 'formats'" is not its call
    universe = {
        "pillowy": [{"version": v, "files": {"pillowy/__init__.py": "", "pillowy/Image.py": f"def open(fp{kw}):\n    return fp\n"}}
                    for v, kw in (("8.0.0", ", formats=None"), ("9.0.0", ""))],
        "readery": [{"version": "1.0", "files": {"readery/__init__.py": "from pillowy import Image\n\n\n"
                                                 "def load(fp):\n    return Image.open(fp, formats=['PNG'])\n"}}],
    }
    index, target = index_for(universe, python="3.6")
    d = diagnose_paste(index, target, "readery==1.0\npillowy==9.0.0\n",
                       "TypeError: __init__() got an unexpected keyword argument 'formats'\n")
    assert not d.culprits, d.summary


def test_a_signature_wording_inside_a_library_message_is_that_typeerror():
    # flake8-black#49: the exceptions-module class is a bare exception line now; its message carries the TypeError
    sig = classify(_crash("flake8.exceptions.FailedToLoadPlugin",
                          "Flake8 failed to load plugin \"BLK\" due to __init__() got an unexpected keyword argument 'preview'."))
    assert (sig.family, sig.exc_type, sig.name) == (SIGNATURE, "TypeError", "preview")


def test_torchscripts_argument_count_wording_is_a_signature_change():
    # jma712/GEAR#1: torch-geometric 1.3.0 calls torch-scatter 2.0's scripted scatter_mean with six arguments
    sig = classify(_crash("RuntimeError", "scatter_mean() expected at most 5 argument(s) but received 6 argument(s)"))
    assert (sig.family, sig.function, sig.detail.get("positional")) == (SIGNATURE, "scatter_mean", 6)
    assert classify(_crash("RuntimeError", "scatter_mean() expected at most 5 argument(s) but received 5 argument(s)")).family == UNKNOWN


# -- Sphinx's ExtensionError appends the caught error untyped: "(exception: ...)" ---------------
# Deltares/dfm_tools#1137: Sphinx 8.2.0 no longer imports sphinx.util.console; nbsphinx 0.9.6's
# html_collect_pages handler reads it, and Sphinx reports the handler's error inside its own.

SPHINX = ("sphinx.errors.ExtensionError: Handler <function html_collect_pages at 0x000001AC234374C0> for "
          "event 'html-collect-pages' threw an exception (exception: module 'sphinx.util' has no attribute "
          "'console')")


def test_a_caught_error_appended_untyped_is_read_by_its_wording():
    from pytest_depfix.diagnose.families import ATTRIBUTE

    sig = classify(_crash("sphinx.errors.ExtensionError", SPHINX.split(": ", 1)[1]))
    assert (sig.family, sig.exc_type, sig.module, sig.name) == (ATTRIBUTE, "AttributeError", "sphinx.util", "console")


def test_an_appended_text_with_no_known_wording_stays_unknown():
    sig = classify(_crash("sphinx.errors.ExtensionError", "Handler <function f> for event 'x' threw an exception "
                                                          "(exception: the frobnicator is tired)"))
    assert sig.family == UNKNOWN


# -- a wrapper listing each attempt's error on its own line ------------------------------------------
# Azure/azure-sdk-for-python (msal 1.32.1 under azure-identity 1.17.1): DefaultAzureCredential reports
# every credential it tried, one per line; EnvironmentCredential's line carries msal's AttributeError.

AZURE = ("DefaultAzureCredential failed to retrieve a token from the included credentials.\n"
         "20:36:01   Attempted credentials:\n"
         "20:36:01     EnvironmentCredential: Authentication failed: 'MsalResponse' object has no attribute 'headers'")


def test_a_later_line_in_cpythons_wording_is_the_caught_error():
    from pytest_depfix.diagnose.families import ATTRIBUTE

    sig = classify(_crash("azure.core.exceptions.ClientAuthenticationError", AZURE))
    assert (sig.family, sig.exc_type, sig.cls, sig.name) == (ATTRIBUTE, "AttributeError", "MsalResponse", "headers")


def test_later_lines_with_no_cpython_wording_or_from_a_remote_error_stay_unknown():
    plain = AZURE.replace("'MsalResponse' object has no attribute 'headers'", "the token endpoint said no")
    assert classify(_crash("azure.core.exceptions.ClientAuthenticationError", plain)).family == UNKNOWN
    # another process's error sent back is not this process's AttributeError
    assert classify(_crash("xmlrpc.client.Fault", AZURE)).family == UNKNOWN
