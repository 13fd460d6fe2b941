"""A frameless "got an unexpected keyword argument 'method_whitelist'" under urllib3 2.

fanout/pubcontrol (2023-05-05): pubcontrol 3.3.0 calls
``requests.packages.urllib3.util.Retry(..., method_whitelist=...)``.  requests 2.16+ no
longer ships urllib3: ``requests/packages.py`` aliases the installed one, so the call is
urllib3's, and urllib3 2 dropped the keyword.  pubcontrol's sdist installs ``src/`` as the
``pubcontrol`` package (``package_dir={'pubcontrol': 'src'}``).  The reporter quoted only the
fragment, without "TypeError:" or the function.
"""
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import _module_path, _package_folder

RETRY_OLD = "class Retry:\n    def __init__(self, total=10, method_whitelist=None):\n        pass\n"
RETRY_NEW = "class Retry:\n    def __init__(self, total=10, allowed_methods=None):\n        pass\n"
ALIAS = ("import sys\nimport urllib3\nfor mod in list(sys.modules):\n    if mod.startswith('urllib3'):\n"
         "        sys.modules['requests.packages.' + mod] = sys.modules[mod]\n")
CLIENT_OLD = ("from requests.packages.urllib3.util import Retry\n\ndef session():\n"
              "    retry = Retry(\n        total=3,\n        method_whitelist=frozenset(['GET']))\n    return retry\n")
CLIENT_NEW = CLIENT_OLD.replace("method_whitelist", "allowed_methods")
PASTE = "got an unexpected keyword argument 'method_whitelist'\n"


def _universe():
    def pub(version, client):
        return {"version": version, "wheel": False, "sdist": True,
                "files": {"src/__init__.py": "from .pubcontrolclient import session\n", "src/pubcontrolclient.py": client}}

    return {
        "urllib3x": [{"version": v, "files": {"urllib3x/__init__.py": "", "urllib3x/util/__init__.py": "from .retry import Retry\n",
                                              "urllib3x/util/retry.py": body}}
                     for v, body in (("1.26.15", RETRY_OLD), ("2.0.2", RETRY_NEW))],
        "requestsx": [{"version": "2.30.0", "files": {"requestsx/__init__.py": "from . import packages\n",
                                                     "requestsx/packages.py": ALIAS.replace("urllib3", "urllib3x")}}],
        "pubctl": [pub("3.3.0", CLIENT_OLD.replace("requests.packages.urllib3", "requestsx.packages.urllib3x")),
                   pub("3.4.0", CLIENT_NEW.replace("requests.packages.urllib3", "requestsx.packages.urllib3x"))],
    }


def test_the_quoted_fragment_reads_as_a_type_error():
    inferred = infer_message(PASTE)
    assert inferred is not None and inferred.exc_type == "TypeError"
    assert infer_message("it got an unexpected keyword argument 'x' when I ran it\n") is None


def test_an_sdist_whose_src_folder_is_the_package_maps_onto_the_package():
    members = ["pubctl-3.3.0/PKG-INFO", "pubctl-3.3.0/setup.py", "pubctl-3.3.0/src/__init__.py", "pubctl-3.3.0/src/item.py",
               "pubctl-3.3.0/pubctl.egg-info/top_level.txt"]
    renamed = _package_folder(members, "pubctl")
    assert renamed == ("src", "pubctl")
    assert _module_path("pubctl-3.3.0/src/item.py", True, renamed) == ["pubctl/item.py"]
    # the usual src layout keeps its package folder
    assert _package_folder(["p-1/src/pubctl/__init__.py", "p-1/src/__init__.py"], "pubctl") is None


def test_a_call_through_an_aliased_vendor_path_is_the_aliased_pins(index_for):
    from pytest_depfix.diagnose import diagnose, load_knowledge
    from pytest_depfix.diagnose.probe import ApiProbe
    from pytest_depfix.requirements import parse_requirements_text

    index, target = index_for(_universe(), python="3.11")
    pins = parse_requirements_text("urllib3x==2.0.2\nrequestsx==2.30.0\npubctl==3.3.0\n", target)
    d = diagnose(infer_message(PASTE).to_crash(), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("pubctl", ">=3.4.0") in got, d.summary
    assert any(name == "urllib3x" and "<2.0.2" in spec for name, spec in got), d.summary
