"""A crash with no frames: the caller is found by reading the set's release files.

Real cases behind it: alexferl/flask-mysqldb#29 (the thread shows only
``ImportError: cannot import name '_app_ctx_stack' from 'flask'``; Flask-MySQLdb
2.0.0 branches on Flask's version instead) and timsainb/noisereduce#102 (only
numpy's ``np.float`` message; librosa 0.10 stopped using it).  The fixture
universe mirrors their shapes with small real wheels on a local index.
"""

from __future__ import annotations

from packaging.specifiers import SpecifierSet

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.users import uses_in_source
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_text


def test_a_module_alias_an_attribute_and_a_from_import_are_uses():
    assert uses_in_source("import numpy as np\nx = np.float(3)\n", "numpy", "float").line == 2
    assert uses_in_source("import numpy\n\n\ny = numpy.float\n", "numpy", "float").line == 4
    assert uses_in_source("from flask import (\n    g,\n    _app_ctx_stack,\n)\n", "flask", "_app_ctx_stack").line == 1
    assert uses_in_source("import numpy.random\nz = numpy.float\n", "numpy", "float").line == 2


def test_other_names_strings_and_other_modules_are_not_uses():
    assert uses_in_source("import numpy as np\nx = np.float64(3)\n", "numpy", "float") is None
    assert uses_in_source('"""np.float is gone"""\nimport numpy as np\n', "numpy", "float") is None
    assert uses_in_source("import builtins as np\nx = np.float\n", "numpy", "float") is None
    assert uses_in_source("print 'python 2'\nnp.float\n", "numpy", "float") is None  # unparsable: no evidence


def test_a_use_guarded_by_a_version_branch_or_a_try_is_an_adaptation():
    flask_mysqldb_2 = ("flask_major_version = 3\nfrom flask import current_app\nif flask_major_version >= 3:\n"
                       "    from flask import g\nelse:\n    from flask import _app_ctx_stack\n")
    assert uses_in_source(flask_mysqldb_2, "flask", "_app_ctx_stack") is None
    guarded = "try:\n    from flask import _app_ctx_stack\nexcept ImportError:\n    _app_ctx_stack = None\n"
    assert uses_in_source(guarded, "flask", "_app_ctx_stack") is None
    plain_if = "import os\nif os.environ:\n    from flask import _app_ctx_stack\n"
    assert uses_in_source(plain_if, "flask", "_app_ctx_stack").line == 3


def universe(*, fixed_uses: str = "from flaskish import g\n"):
    flaskish = "def current_app(): pass\ng = object()\n"
    return {
        "flaskish": [
            {"version": "2.3.3", "upload_time": "2023-08-21T00:00:00Z", "files": {"flaskish/__init__.py": flaskish + "_app_ctx_stack = object()\n"}},
            {"version": "3.0.0", "upload_time": "2023-09-30T00:00:00Z", "files": {"flaskish/__init__.py": flaskish}},
        ],
        "flaskish-db": [
            {"version": "1.0.1", "upload_time": "2018-07-23T00:00:00Z", "requires_dist": ["flaskish>=0.12"],
             "files": {"flaskish_db/__init__.py": "from flaskish import _app_ctx_stack, current_app\n"}},
            {"version": "1.0.2", "upload_time": "2019-01-23T00:00:00Z", "requires_dist": ["flaskish>=0.12"],
             "files": {"flaskish_db/__init__.py": "from flaskish import _app_ctx_stack, current_app\n# docs\n"}},
            {"version": "2.0.0", "upload_time": "2023-10-04T00:00:00Z", "requires_dist": ["flaskish>=0.12"],
             "files": {"flaskish_db/__init__.py": fixed_uses}},
        ],
        "unrelated": [
            {"version": "1.0", "upload_time": "2020-01-01T00:00:00Z",
             "files": {"unrelated/__init__.py": "from flaskish import _app_ctx_stack\n"}},  # uses it, but declares nothing
        ],
    }


PINS = "flaskish==3.0.0\nflaskish-db==1.0.1\nunrelated==1.0\n"
PASTE = "ImportError: cannot import name '_app_ctx_stack' from 'flaskish'\n"


def _diagnose(index, target, paste=PASTE, keep=()):
    pins = parse_requirements_text(PINS, target)
    crash = infer_message(paste, load_knowledge()).to_crash() if not paste.startswith("ImportError") else None
    if crash is None:
        from pytest_depfix.crash import attribute, parse_traceback

        (crash,) = parse_traceback(paste)
        crash = attribute(crash, pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, load_knowledge(), keep=set(keep), probe=ApiProbe(index))


def test_a_frameless_crash_offers_the_declared_dependant_that_stopped_using_the_name(index_for):
    index, target = index_for(universe(), python="3.11")
    d = _diagnose(index, target)
    found = {(c.name, c.constraint): c for c in d.culprits}
    assert ("flaskish-db", ">=2.0.0") in found  # 1.0.2 still imports it: not the adapted release
    moved = found[("flaskish-db", ">=2.0.0")]
    assert moved.source == "release-files"
    assert "no caller frame was printed" in moved.evidence[0] and "flaskish_db/__init__.py line 1" in moved.evidence[0]
    assert ("flaskish", "<3.0.0") in found or any(c.name == "flaskish" for c in d.culprits)
    assert not any(c.name == "unrelated" for c in d.culprits)


def test_a_message_only_paste_gets_the_same_caller(index_for):
    index, target = index_for(universe(), python="3.11")
    d = _diagnose(index, target, paste="cannot import name '_app_ctx_stack' from 'flaskish'\n")
    assert any(c.name == "flaskish-db" and c.constraint == ">=2.0.0" for c in d.culprits)


def test_a_caller_that_never_stopped_using_the_name_is_no_culprit_but_is_noted(index_for):
    index, target = index_for(universe(fixed_uses="from flaskish import _app_ctx_stack\n"), python="3.11")
    d = _diagnose(index, target)
    assert not any(c.name == "flaskish-db" for c in d.culprits)
    assert any("no later release of flaskish-db read stopped using it" in n for n in d.details.get("notes", []))


def test_a_kept_caller_is_not_read(index_for):
    index, target = index_for(universe(), python="3.11")
    d = _diagnose(index, target, keep=["flaskish-db"])
    assert not any(c.name == "flaskish-db" for c in d.culprits)


def test_a_try_that_catches_less_than_the_error_does_not_guard_the_use():
    # black 22.1.0's patch_click(): ModuleNotFoundError does not catch click 8.1's ImportError.
    black_22_1 = ("def patch_click():\n    try:\n        from click import core\n        from click import _unicodefun\n"
                  "    except ModuleNotFoundError:\n        return\n")
    assert uses_in_source(black_22_1, "click", "_unicodefun").line == 4
    black_22_3 = black_22_1.replace("except ModuleNotFoundError:", "except (ModuleNotFoundError, ImportError):")
    assert uses_in_source(black_22_3, "click", "_unicodefun") is None
    # An AttributeError needs an AttributeError handler (or a broader one).
    attr = "import numpy as np\ntry:\n    x = np.float\nexcept ImportError:\n    x = float\n"
    assert uses_in_source(attr, "numpy", "float", raises="AttributeError").line == 3
    assert uses_in_source(attr.replace("ImportError", "Exception"), "numpy", "float", raises="AttributeError") is None


def abi_universe():
    so = "cvx/_cvx.cpython-310-x86_64-linux-gnu.so"
    tag = "cp310-cp310-manylinux_2_17_x86_64"
    return {
        "numpy": [
            {"version": "1.26.4", "upload_time": "2024-02-05T00:00:00Z", "files": {"numpy/__init__.py": ""}},
            {"version": "2.0.0", "upload_time": "2024-06-16T00:00:00Z", "files": {"numpy/__init__.py": ""}},
        ],
        "cvx": [  # declares numpy>=1.21.2 throughout: the declarations admit numpy 2 and say nothing about the build
            {"version": "4.6.0.66", "upload_time": "2022-06-07T00:00:00Z", "requires_dist": ["numpy>=1.21.2"], "tag": tag,
             "files": {"cvx/__init__.py": "from ._cvx import *\n", so: "\x7fELF"}},
            {"version": "4.7.0.68", "upload_time": "2022-12-29T00:00:00Z", "requires_dist": ["numpy>=1.21.2"], "tag": tag,
             "files": {"cvx/__init__.py": "from ._cvx import *\n", so: "\x7fELF"}},
            {"version": "4.10.0.84", "upload_time": "2024-06-17T00:00:00Z", "requires_dist": ["numpy>=1.21.2"], "tag": tag,
             "files": {"cvx/__init__.py": "from ._cvx import *\n", so: "\x7fELF"}},
        ],
        "purely": [{"version": "1.0", "upload_time": "2023-01-01T00:00:00Z", "requires_dist": ["numpy"]}],
    }


def test_a_frameless_numpy_abi_break_is_paired_with_the_sets_only_compiled_dependant(index_for):
    # Verbatim from the thread behind benchmarks/cases/numpy2-multiarray-opencv46066-cogsvd-py310.
    index, target = index_for(abi_universe(), python="3.10")
    pins = parse_requirements_text("numpy==2.0.0\ncvx==4.6.0.66\npurely==1.0\n", target)
    d = diagnose_text(index, target, pins, "ImportError: numpy.core.multiarray failed to import\n")
    assert any("cvx is the only package of the set" in n for n in d.details.get("notes", []))
    found = {(c.name, c.constraint) for c in d.culprits}
    from packaging.specifiers import SpecifierSet

    held = [spec for name, spec in found if name == "numpy"]
    assert held and all("2.0.0" not in SpecifierSet(s) and "1.26.4" in SpecifierSet(s) for s in held)
    # 4.7.0.68 also "admits" numpy 2.0.0 by declaration, like 4.6.0.66 does: that is no pairing.
    assert ("cvx", ">=4.7.0.68") not in found
    # The first release uploaded after numpy 2.0.0 was built against it: as much evidence as the
    # upload date that says 4.6.0.66 was built against numpy 1.x, so the resolver's size rule decides.
    rebuilt = next(c for c in d.culprits if c.name == "cvx")
    assert rebuilt.constraint == ">=4.10.0.84" and "built against that series" in rebuilt.evidence[-1]
    assert rebuilt.confidence >= max(c.confidence for c in d.culprits if c.name == "numpy")


def driver_universe():
    remote_old = ("class WebDriver:\n    def find_element(self, by, value):\n        pass\n"
                  "    def find_element_by_class_name(self, name):\n        return self.find_element('class', name)\n")
    remote_new = "class WebDriver:\n    def find_element(self, by, value):\n        pass\n"
    chrome = "from ..remote.webdriver import WebDriver as RemoteWebDriver\n\nclass WebDriver(RemoteWebDriver):\n    pass\n"

    def release(version, date, remote):
        return {"version": version, "upload_time": date,
                "files": {"seleniumish/__init__.py": "", "seleniumish/webdriver/__init__.py": "",
                          "seleniumish/webdriver/remote/__init__.py": "", "seleniumish/webdriver/remote/webdriver.py": remote,
                          "seleniumish/webdriver/chrome/__init__.py": "", "seleniumish/webdriver/chrome/webdriver.py": chrome}}

    return {
        "seleniumish": [release("4.2.0", "2022-05-27T00:00:00Z", remote_old), release("4.3.0", "2022-06-23T00:00:00Z", remote_new),
                        release("4.4.0", "2022-08-09T00:00:00Z", remote_new)],
        "trader": [{"version": "0.1.9", "upload_time": "2022-06-21T00:00:00Z", "requires_dist": ["seleniumish"],
                    "files": {"trader/__init__.py": "class Trader:\n    def login(self, d):\n        d.find_element_by_class_name('x')\n"}}],
    }


def _frameless(index, target, paste, keep=()):
    pins = parse_requirements_text("trader==0.1.9\nseleniumish==4.4.0\n", target)
    crash = infer_message(paste, load_knowledge()).to_crash()
    return diagnose(crash, pins, target, index, load_knowledge(), keep=set(keep), probe=ApiProbe(index))


def test_a_frameless_class_attribute_is_owned_by_the_pin_that_defines_the_class(index_for):
    # pytrading212's issue, whole: the reporter's lead-in, then selenium 4.3's removal.
    index, target = index_for(driver_universe(), python="3.10")
    d = _frameless(index, target, "im getting this error: AttributeError: 'WebDriver' object has no attribute "
                                  "'find_element_by_class_name'\n")
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("seleniumish", "<4.3.0")]
    assert "defined by seleniumish" in d.culprits[0].evidence[0]


def test_a_class_no_pin_defines_is_read_by_the_method_name_and_a_kept_owner_stays(index_for):
    index, target = index_for(driver_universe(), python="3.10")
    # No pin's class is named Browser: the one pin that dropped a method of that distinctive name answers.
    d = _frameless(index, target, "AttributeError: 'Browser' object has no attribute 'find_element_by_class_name'\n")
    assert [(c.name, c.constraint) for c in d.culprits] == [("seleniumish", "<=4.2.0")]
    assert "no longer defines 'find_element_by_class_name'" in d.summary
    d = _frameless(index, target, "AttributeError: 'Browser' object has no attribute 'find_element_by_class_name'\n",
                   keep=["seleniumish"])
    assert d.verdict == "unknown" and d.culprits == []
    d = _frameless(index, target, "AttributeError: 'WebDriver' object has no attribute 'find_element_by_class_name'\n",
                   keep=["seleniumish"])
    assert not any(c.name == "seleniumish" for c in d.culprits)


def build_universe():
    old_setup = ("import sys\nfrom setuptools import setup\nSETUP_KWARGS = {}\nif sys.version_info >= (3, 0):\n"
                 "    SETUP_KWARGS['use_2to3'] = True\nsetup(name='optconf', **SETUP_KWARGS)\n")
    new_setup = "from setuptools import setup\nsetup(name='optconf')\n"
    return {
        "optconf": [
            {"version": "0.2.0", "upload_time": "2014-01-01T00:00:00Z", "sdist": True, "wheel": False,
             "files": {"setup.py": old_setup, "optconf/__init__.py": ""}},
            {"version": "0.3.0", "upload_time": "2021-06-01T00:00:00Z", "sdist": True, "wheel": False,
             "files": {"setup.py": new_setup, "optconf/__init__.py": ""}},
        ],
        "setuptools": [{"version": v, "upload_time": t} for v, t in
                       [("57.5.0", "2021-08-30T00:00:00Z"), ("58.0.0", "2021-09-04T00:00:00Z"), ("58.0.2", "2021-09-06T00:00:00Z")]],
    }


BUILD_LOG = ("$ pip install optconf\nCollecting optconf\n  Using cached optconf-0.2.0.tar.gz (13 kB)\n"
             "    ERROR: Command errored out with exit status 1:\n     command: /src/.venv/bin/python3.6m -c 'import io'\n")


def test_a_cut_build_log_is_explained_by_the_sdists_own_setup_script(index_for):
    index, target = index_for(build_universe(), python="3.6")
    pins = parse_requirements_text("optconf==0.2.0\nsetuptools==58.0.2\n", target)
    crash = infer_message(BUILD_LOG, load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.verdict == "transitive" and d.family == "build"
    found = {(c.name, c.constraint): c for c in d.culprits}
    assert set(found) == {("setuptools", "<58"), ("optconf", ">=0.3.0")}
    assert "SETUP_KWARGS['use_2to3'] = True" in found[("setuptools", "<58")].evidence[0]


def test_a_setup_script_without_the_removed_option_leaves_the_build_failure_to_the_environment(index_for):
    index, target = index_for(build_universe(), python="3.6")
    pins = parse_requirements_text("optconf==0.3.0\nsetuptools==58.0.2\n", target)
    crash = infer_message(BUILD_LOG.replace("0.2.0", "0.3.0"), load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.verdict == "environment" and d.culprits == []


def test_reading_other_peoples_code_prints_no_warnings(recwarn):
    # selenium 4.4.0's docstrings hold '\_' escapes: a bare ast.parse warns (SyntaxWarning on 3.12+).
    source = 'import numpy as np\ndef f():\n    """find_element_by_\\_name"""\n    return np.float\n'
    assert uses_in_source(source, "numpy", "float", raises="AttributeError").line == 4
    assert not [w for w in recwarn if issubclass(w.category, (SyntaxWarning, DeprecationWarning))]


def test_a_fallback_in_an_except_handler_is_an_adaptation():
    fallback = ("try:\n    from collections.abc import Mapping\nexcept ImportError:\n"
                "    from collections import Mapping\n")
    assert uses_in_source(fallback, "collections", "Mapping") is None
    assert uses_in_source("from collections import Mapping\n", "collections", "Mapping").line == 1


def stdlib_universe():
    return {
        "mailer": [
            {"version": "5.0.0", "upload_time": "2018-05-30T00:00:00Z",
             "files": {"mailer/common.py": "from cgi import escape\n"}},
            {"version": "5.1.0", "upload_time": "2020-09-09T00:00:00Z",
             "files": {"mailer/common.py": "from sys import version_info\nif version_info >= (3, 2):\n"
                                           "    from html import escape\nelse:\n    from cgi import escape\n"}},
        ],
        "other": [{"version": "1.0", "upload_time": "2019-01-01T00:00:00Z", "files": {"other/__init__.py": "import cgi\n"}}],
    }


def test_a_frameless_python_removal_finds_the_pin_that_uses_the_name(index_for):
    # mailinglogger's thread (ImportError: cannot import name 'escape' from 'cgi' on Python 3.8), two lines, no File line.
    index, target = index_for(stdlib_universe(), python="3.8")
    pins = parse_requirements_text("mailer==5.0.0\nother==1.0\n", target)
    from pytest_depfix.crash import parse_traceback

    (crash,) = parse_traceback("from cgi import escape\nImportError: cannot import name 'escape' from 'cgi' "
                               "(/usr/lib64/python3.8/cgi.py)\n")
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.verdict == "transitive" and d.family == "python-version"
    assert [(c.name, c.constraint) for c in d.culprits] == [("mailer", ">=5.1.0")]


def test_an_import_time_floor_is_read_from_a_raise():
    keras_243 = ("try:\n    from tensorflow.keras.layers.experimental.preprocessing import RandomRotation\n"
                 "except ImportError:\n    raise ImportError(\n        'Keras requires TensorFlow 2.2 or higher. '\n"
                 "        'Install TensorFlow via `pip install tensorflow`')\n")
    from pytest_depfix.diagnose.users import import_time_floor

    assert import_time_floor(keras_243, "tensorflow") == "2.2"
    assert import_time_floor(keras_243, "numpy") is None
    assert import_time_floor("print('Keras requires TensorFlow 2.2 or higher')\n", "tensorflow") is None  # not raised


def too_new_caller_universe():
    ctx = "def context():\n    pass\n"
    return {
        "tensorflow-gpu": [
            {"version": "1.15.2", "upload_time": "2020-01-27T00:00:00Z", "files": {"tensorflow/__init__.py": "",
             "tensorflow/python/__init__.py": "", "tensorflow/python/eager/__init__.py": "", "tensorflow/python/eager/context.py": ctx}},
            {"version": "2.5.0", "upload_time": "2021-05-13T00:00:00Z", "files": {"tensorflow/__init__.py": "",
             "tensorflow/python/__init__.py": "", "tensorflow/python/eager/__init__.py": "",
             "tensorflow/python/eager/context.py": ctx + "def get_config():\n    pass\n"}},
        ],
        "keras": [
            {"version": "2.3.1", "upload_time": "2019-10-07T00:00:00Z",
             "files": {"keras/__init__.py": "", "keras/backend.py": "from tensorflow.python.eager import context\n"}},
            {"version": "2.4.3", "upload_time": "2020-06-24T00:00:00Z",
             "files": {"keras/__init__.py": "try:\n    import tensorflow\nexcept ImportError:\n"
                                            "    raise ImportError('Keras requires TensorFlow 2.2 or higher.')\n",
                       "keras/backend.py": "from tensorflow.python.eager import context\n"}},
            {"version": "2.9.0", "upload_time": "2022-05-13T00:00:00Z",
             "files": {"keras/__init__.py": "", "keras/backend.py": "from tensorflow.python.eager.context import get_config\n"}},
        ],
    }


def test_a_caller_too_new_for_the_kept_library_moves_back_past_its_import_time_floor(index_for):
    from pytest_depfix.crash import attribute, parse_traceback

    index, target = index_for(too_new_caller_universe(), python="3.7")
    pins = parse_requirements_text("tensorflow-gpu==1.15.2\nkeras==2.9.0\n", target)
    tb = ('Traceback (most recent call last):\n  File "app.py", line 1, in <module>\n    import keras\n'
          '  File "/usr/local/lib/python3.7/dist-packages/keras/backend.py", line 1, in <module>\n'
          "    from tensorflow.python.eager.context import get_config\n"
          "ImportError: cannot import name 'get_config' from 'tensorflow.python.eager.context' "
          "(/usr/local/lib/python3.7/dist-packages/tensorflow/python/eager/context.py)\n")
    (crash,) = parse_traceback(tb)
    crash = attribute(crash, pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(), keep={"tensorflow-gpu"}, probe=ApiProbe(index))
    assert d.verdict == "direct"
    # 2.4.3 does not use get_config but refuses TensorFlow < 2.2 at import; 2.3.1 is the newest that fits.
    assert [(c.name, c.constraint) for c in d.culprits] == [("keras", "==2.3.1")]


BUILD_ENV_TB = """\
  File "<frozen importlib._bootstrap_external>", line 995, in exec_module
  File "<frozen importlib._bootstrap>", line 488, in _call_with_frames_removed
  File "/tmp/pip-build-env-r4268o3h/overlay/lib/python3.12/site-packages/setuptools/__init__.py", line 10, in <module>
    import distutils.core
ModuleNotFoundError: No module named 'distutils'
"""


def test_a_crash_inside_pips_build_env_moves_the_sdist_only_pin_to_a_release_with_a_wheel(index_for):
    # stockdex's thread: numpy==1.25.1 has no cp312 wheel, so pip built it and old setuptools needed distutils.
    from pytest_depfix.crash import attribute, parse_traceback

    universe = {
        "nump": [{"version": "1.25.1", "upload_time": "2023-07-08T00:00:00Z", "sdist": True, "wheel": False},
                 {"version": "1.26.0", "upload_time": "2023-09-16T00:00:00Z"}],
        "stock": [{"version": "0.5.0", "upload_time": "2024-05-01T00:00:00Z", "requires_dist": ["nump>=1.24"]},
                  {"version": "0.6.0", "upload_time": "2024-06-30T00:00:00Z", "requires_dist": ["nump==1.25.1"]}],
    }
    index, target = index_for(universe, python="3.12")
    pins = parse_requirements_text("nump==1.25.1\nstock==0.6.0\n", target)
    (crash,) = parse_traceback(BUILD_ENV_TB)
    crash = attribute(crash, pins, target=target, installed=False)
    from pytest_depfix.diagnose import check_matrix, classify

    assert classify(crash).family == "build"
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index), matrix=check_matrix(pins, target, index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("nump", ">=1.26.0")]
    assert "has no wheel" in d.culprits[0].evidence[0]


def test_a_name_new_in_a_later_python_finds_the_caller_release_that_stopped_using_it(index_for):
    # The codemagic-cli-tools case's shape: 'from typing import Literal' on Python 3.7; the next release imports it
    # from typing_extensions.
    universe = {
        "cli": [{"version": "0.53.1", "upload_time": "2024-01-10T00:00:00Z",
                 "files": {"cli/export.py": "from typing import Literal\n"}},
                {"version": "0.53.2", "upload_time": "2024-01-12T00:00:00Z",
                 "files": {"cli/export.py": "from typing_extensions import Literal\n"}}],
    }
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("cli==0.53.1\n", target)
    d = diagnose_text(index, target, pins, "ImportError: cannot import name 'Literal' from 'typing'\n")
    assert d.verdict == "transitive" and d.family == "python-version"
    assert [(c.name, c.constraint) for c in d.culprits] == [("cli", ">=0.53.2")]
    # On a Python that has it, the same message is no Python-version break.
    index39, target39 = index_for(universe, python="3.9")
    d39 = diagnose_text(index39, target39, parse_requirements_text("cli==0.53.1\n", target39),
                        "ImportError: cannot import name 'Literal' from 'typing'\n")
    assert d39.verdict == "unknown" and d39.culprits == []


def test_a_release_too_big_to_read_whole_counts_as_adapted_when_the_using_module_did(index_for, tmp_path):
    # pip 22.3 -> 23.1 on Python 3.12: the vendored pkg_resources stopped using pkgutil.ImpImporter,
    # but pip's whole source is over the probe's read cap.
    big = "DATA = '" + "x" * 80_000 + "'\n"
    universe = {
        "pipx": [{"version": "22.3", "upload_time": "2022-10-15T00:00:00Z",
                  "files": {"pipx/_vendor/pkg_resources/__init__.py": "import pkgutil\nregister(pkgutil.ImpImporter)\n"}},
                 {"version": "23.1", "upload_time": "2023-04-15T00:00:00Z",
                  "files": {"pipx/_vendor/pkg_resources/__init__.py": "import pkgutil\nif hasattr(pkgutil, 'ImpImporter'):\n"
                                                                     "    register(pkgutil.ImpImporter)\n",
                            "pipx/_vendor/rich/_emoji_codes.py": big}}],
    }
    index, target = index_for(universe, python="3.12")
    pins = parse_requirements_text("pipx==22.3\n", target)
    from pytest_depfix.crash import parse_traceback

    (crash,) = parse_traceback("AttributeError: module 'pkgutil' has no attribute 'ImpImporter'. Did you mean: 'zipimporter'?\n")
    probe = ApiProbe(index, cache_dir=str(tmp_path / "probe"), max_bytes=70_000)
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=probe)
    assert [(c.name, c.constraint) for c in d.culprits] == [("pipx", ">=23.1")]


def test_a_frameless_caller_too_new_for_its_library_moves_back(index_for):
    # mlflow's CI: accelerate 0.32.0 imports split_torch_state_dict_into_shards, which huggingface-hub has only
    # from 0.21; tokenizers 0.14.1 holds huggingface-hub below 0.18. Only the error line was posted.
    hub = lambda extra: {"hub/__init__.py": "def hf_hub_download():\n    pass\n" + extra}  # noqa: E731
    universe = {
        "hub": [{"version": "0.17.3", "upload_time": "2023-09-25T00:00:00Z", "files": hub("")},
                {"version": "0.21.0", "upload_time": "2024-02-15T00:00:00Z",
                 "files": hub("def split_torch_state_dict_into_shards():\n    pass\n")}],
        "accel": [{"version": "0.31.0", "upload_time": "2024-06-07T00:00:00Z", "requires_dist": ["hub"],
                   "files": {"accel/utils.py": "from hub import hf_hub_download\n"}},
                  {"version": "0.32.0", "upload_time": "2024-07-03T00:00:00Z", "requires_dist": ["hub"],
                   "files": {"accel/utils.py": "from hub import hf_hub_download, split_torch_state_dict_into_shards\n"}}],
        "tok": [{"version": "0.14.1", "upload_time": "2023-10-06T00:00:00Z", "requires_dist": ["hub<0.18"]}],
    }
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("accel==0.32.0\nhub==0.17.3\ntok==0.14.1\n", target)
    crash = infer_message("cannot import name 'split_torch_state_dict_into_shards' from 'hub'\n", load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    found = {(c.name, c.constraint) for c in d.culprits}
    assert ("accel", "==0.31.0") in found and ("hub", ">=0.21.0") in found
    assert "does not have hub.split_torch_state_dict_into_shards yet" in d.summary


def test_a_frameless_caller_too_new_for_its_library_may_also_move_forward_to_where_it_stopped(index_for):
    # oliverlambson/django-pydantic-field#24: django-pydantic-field 0.2.7 imports pydantic 1.10's get_config
    # under pydantic 1.9.1; 0.2.8 stopped.  Back (before it began) and forward (after it stopped) are both fixes.
    pyd = lambda extra: {"pyd/__init__.py": "", "pyd/config.py": "class BaseConfig:\n    pass\n" + extra}  # noqa: E731
    universe = {
        "pyd": [{"version": "1.9.1", "files": pyd("")}, {"version": "1.10.0", "files": pyd("def get_config():\n    pass\n")}],
        "djpf": [{"version": v, "requires_dist": ["pyd"], "files": {"djpf/fields.py": src}}
                 for v, src in (("0.2.6", "from pyd.config import BaseConfig\n"),
                                ("0.2.7", "from pyd.config import BaseConfig, get_config\n"),
                                ("0.2.8", "from pyd.config import BaseConfig\n"))],
    }
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("djpf==0.2.7\npyd==1.9.1\n", target)
    crash = infer_message("ImportError: cannot import name 'get_config' from 'pyd.config'\n", load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    found = {(c.name, c.constraint) for c in d.culprits}
    assert {("djpf", "==0.2.6"), ("djpf", ">=0.2.8"), ("pyd", ">=1.10.0")} <= found


def test_a_branch_on_a_python_2_flag_is_a_guard():
    # requests 2.19-2.27's compat.py: the collections import only runs on Python 2.
    compat = ("import sys\nis_py2 = sys.version_info[0] == 2\nif is_py2:\n    from collections import MutableMapping\n"
              "else:\n    from collections.abc import MutableMapping\n")
    assert uses_in_source(compat, "collections", "MutableMapping") is None
    six_style = "import six\nif six.PY2:\n    from collections import Mapping\n"
    assert uses_in_source(six_style, "collections", "Mapping") is None
    assert uses_in_source("import collections\nclass Jar(collections.MutableMapping):\n    pass\n",
                          "collections", "MutableMapping", raises="AttributeError").line == 2


def test_a_branch_on_a_module_level_flag_set_from_a_library_version_is_a_guard():
    # scikit-image 0.14.2's util/arraycrop.py (scikit-image#3586): numpy 1.16 dropped _validate_lengths.
    arraycrop = ("import numpy as np\nfrom distutils.version import LooseVersion as Version\n"
                 "old_numpy = Version(np.__version__) < Version('1.16')\n"
                 "if old_numpy:\n    from numpy.lib.arraypad import _validate_lengths\n"
                 "else:\n    from numpy.lib.arraypad import _as_pairs\n")
    assert uses_in_source(arraycrop, "numpy.lib.arraypad", "_validate_lengths") is None
    assert uses_in_source(arraycrop.replace("if old_numpy:", "if not old_numpy:"), "numpy.lib.arraypad",
                          "_validate_lengths") is None
    # a flag about something else guards nothing
    other = arraycrop.replace("Version(np.__version__) < Version('1.16')", "np.ndim(0) == 0")
    assert uses_in_source(other, "numpy.lib.arraypad", "_validate_lengths").line == 5


def test_a_flag_is_read_as_the_test_it_stands_for_and_nothing_else_is_a_flag():
    # review of session 14: a Python-version flag takes the target's side, as the inline test does
    py_flag = "import sys\nMODERN = sys.version_info >= (3, 3)\nif MODERN:\n    from collections import Mapping\n"
    assert uses_in_source(py_flag, "collections", "Mapping", python=(3, 10)).line == 4
    assert uses_in_source(py_flag.replace("if MODERN:", "if not MODERN:"), "collections", "Mapping", python=(3, 10)) is None
    # a list built with hasattr() is no test
    plugins = ("import numpy as np\nPLUGINS = [p for p in np.__all__ if hasattr(np, p)]\n"
               "if PLUGINS:\n    from numpy.lib.arraypad import _validate_lengths\n")
    assert uses_in_source(plugins, "numpy.lib.arraypad", "_validate_lengths").line == 4
    # a function's own 'old' is not the module's flag
    shadowed = ("import numpy as np\nfrom distutils.version import LooseVersion as V\nold = V(np.__version__) < V('1.16')\n"
                "def f(x):\n    old = x\n    if old:\n        from numpy.lib.arraypad import _validate_lengths\n")
    assert uses_in_source(shadowed, "numpy.lib.arraypad", "_validate_lengths").line == 7


def test_a_flag_is_shadowed_only_by_the_functions_own_binding():
    head = "import numpy as np\nfrom distutils.version import LooseVersion as V\nold = V(np.__version__) < V('1.16')\n"
    use = "        if old:\n            from numpy.lib.arraypad import _validate_lengths\n"
    sibling = head + "class C:\n    def a(self):\n        old = 1\n    def b(self):\n" + use
    class_body = head + "class C:\n    old = old\n    def b(self):\n" + use
    nested = head + "def f():\n    def helper():\n        old = 1\n" + use.replace("        ", "    ", 1).replace("            ", "        ")
    comprehension = head + "def f(xs):\n    y = [old for old in xs]\n" + use.replace("        ", "    ", 1).replace("            ", "        ")
    for text in (sibling, class_body, nested, comprehension):
        assert uses_in_source(text, "numpy.lib.arraypad", "_validate_lengths") is None, text
    own = head + "def f(x):\n    old = x\n" + use.replace("        ", "    ", 1).replace("            ", "        ")
    assert uses_in_source(own, "numpy.lib.arraypad", "_validate_lengths").line == 7


def test_the_first_release_that_adapted_is_found_by_bisection_past_the_first_few(index_for):
    # requests 2.11.1 -> 2.19: seventeen releases still subclass collections.MutableMapping.
    old = "import collections\nclass Jar(collections.MutableMapping):\n    pass\n"
    new = "from collections.abc import MutableMapping\nclass Jar(MutableMapping):\n    pass\n"
    versions = [f"2.{minor}.0" for minor in range(11, 30)]
    universe = {"req": [{"version": v, "upload_time": f"20{10 + i // 2:02d}-0{1 + i % 2}-01T00:00:00Z",
                         "files": {"req/cookies.py": old if v < "2.19.0" else new}} for i, v in enumerate(versions)]}
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("req==2.11.0\n", target)
    crash = infer_message("AttributeError: module 'collections' has no attribute 'MutableMapping'\n",
                          load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("req", ">=2.19.0")]


def test_an_undeclared_user_is_found_when_no_declared_dependant_uses_the_name(index_for):
    # Flask-WTF 0.14.2 imports url_encode from werkzeug, which it reaches only through Flask's requirement.
    universe = {
        "werk": [{"version": "0.16.1", "upload_time": "2020-01-27T00:00:00Z", "files": {"werk/__init__.py": "def url_encode():\n    pass\n"}},
                 {"version": "1.0.0", "upload_time": "2020-02-06T00:00:00Z", "files": {"werk/__init__.py": ""}}],
        "flaskish": [{"version": "1.1.1", "upload_time": "2019-07-08T00:00:00Z", "requires_dist": ["werk>=0.15"],
                      "files": {"flaskish/__init__.py": "import werk\n"}}],
        "flaskish-wtf": [{"version": "0.14.2", "upload_time": "2017-01-10T00:00:00Z", "requires_dist": ["flaskish"],
                          "files": {"flaskish_wtf/recaptcha.py": "from werk import url_encode\n"}},
                         {"version": "0.14.3", "upload_time": "2020-02-06T00:00:00Z", "requires_dist": ["flaskish"],
                          "files": {"flaskish_wtf/recaptcha.py": "from urllib.parse import urlencode\n"}}],
    }
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("flaskish==1.1.1\nflaskish-wtf==0.14.2\nwerk==1.0.0\n", target)
    crash = infer_message("ImportError: cannot import name 'url_encode' from 'werk'\n", load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert ("flaskish-wtf", ">=0.14.3") in {(c.name, c.constraint) for c in d.culprits}


CLEARML_1103 = ("try:\n    from requests.packages.urllib3.contrib import appengine as gaecontrib\nexcept ImportError:\n"
                "    from urllib3.contrib import appengine as gaecontrib\n")
CLEARML_1104 = ("try:\n    from requests.packages.urllib3.contrib import appengine as gaecontrib\nexcept ImportError:\n"
                "    try:\n        from urllib3.contrib import appengine as gaecontrib\n    except ImportError:\n"
                "        gaecontrib = None\n")


def test_a_handler_that_reaches_for_the_same_name_is_no_guard():
    # clearml 1.10.3's vendored requests_toolbelt: both imports fail under urllib3 2; 1.10.4 ends in None.
    assert uses_in_source(CLEARML_1103, "requests.packages.urllib3.contrib", "appengine").line == 2
    assert uses_in_source(CLEARML_1104, "requests.packages.urllib3.contrib", "appengine") is None
    assert uses_in_source(CLEARML_1104, "urllib3.contrib", "appengine") is None


def test_an_unchanged_failing_statement_whose_fallback_was_made_safe_is_adapted(index_for):
    universe = {
        "urllib3x": [{"version": "1.26.15", "upload_time": "2023-03-11T00:00:00Z",
                      "files": {"urllib3x/__init__.py": "", "urllib3x/contrib/__init__.py": "", "urllib3x/contrib/appengine.py": ""}},
                     {"version": "2.0.2", "upload_time": "2023-05-03T00:00:00Z",
                      "files": {"urllib3x/__init__.py": "", "urllib3x/contrib/__init__.py": ""}}],
        "clear": [{"version": "1.10.3", "upload_time": "2023-04-06T00:00:00Z", "requires_dist": ["urllib3x"],
                   "files": {"clear/compat.py": CLEARML_1103.replace("requests.packages.urllib3", "urllib3x").replace(
                       "from urllib3.contrib", "from urllib3x.contrib")}},
                  {"version": "1.10.4", "upload_time": "2023-05-08T00:00:00Z", "requires_dist": ["urllib3x"],
                   "files": {"clear/compat.py": CLEARML_1104.replace("requests.packages.urllib3", "urllib3x").replace(
                       "from urllib3.contrib", "from urllib3x.contrib")}}],
    }
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("clear==1.10.3\nurllib3x==2.0.2\n", target)
    tb = ('Traceback (most recent call last):\n  File "/env/lib/python3.9/site-packages/clear/compat.py", line 2, in <module>\n'
          "    from urllib3x.contrib import appengine as gaecontrib\n"
          "ImportError: cannot import name 'appengine' from 'urllib3x.contrib' (/env/lib/python3.9/site-packages/urllib3x/contrib/__init__.py)\n")
    d = diagnose_text(index, target, pins, tb)
    moved = [c for c in d.culprits if c.name == "clear"]
    assert [(c.constraint, c.source) for c in moved] == [(">=1.10.4", "release-files")]
    assert "no longer reaches" in moved[0].evidence[0]


def test_a_keyword_dropped_by_a_class_of_the_set_is_owned_by_the_pin_that_defines_it(index_for):
    # starlette's TestClient passes app= to httpx.Client, which httpx 0.28 dropped; httpx is only a starlette extra.
    from pytest_depfix.crash import attribute, parse_traceback

    client = "class Client:\n    def __init__(self, *, base_url='', {extra}timeout=5):\n        pass\n"
    universe = {
        "httpy": [{"version": "0.27.2", "upload_time": "2024-08-27T00:00:00Z",
                   "files": {"httpy/__init__.py": "from ._client import Client\n", "httpy/_client.py": client.format(extra="app=None, ")}},
                  {"version": "0.28.1", "upload_time": "2024-12-06T00:00:00Z",
                   "files": {"httpy/__init__.py": "from ._client import Client\n", "httpy/_client.py": client.format(extra="")}}],
        "starly": [{"version": "0.35.1", "upload_time": "2024-01-11T00:00:00Z", "requires_dist": ["httpy; extra == 'full'"],
                    "files": {"starly/testclient.py": "import httpy\n" + "\n" * 400 + "c = httpy.Client(app=1)\n"}}],
    }
    index, target = index_for(universe, python="3.12")
    pins = parse_requirements_text("httpy==0.28.1\nstarly==0.35.1\n", target)
    (crash,) = parse_traceback("TypeError: Client.__init__() got an unexpected keyword argument 'app'\n"
                               "/env/lib/python3.12/site-packages/starly/testclient.py:402\n")
    crash = attribute(crash, pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    owned = [c for c in d.culprits if c.name == "httpy"]
    assert owned and "0.27.2" in SpecifierSet(owned[0].constraint) and "0.28.1" not in SpecifierSet(owned[0].constraint)


def test_a_frameless_attribute_of_an_unowned_module_is_traced_to_the_pin_that_reaches_it(index_for):
    # django4byexample's paste: "module 'lib' has no attribute 'OpenSSL_add_all_algorithms'" (cryptography 39's cffi
    # lib dropped it; pyOpenSSL 22.0.0 calls it at import, 22.1.0 does not).
    universe = {
        "crypt": [{"version": "38.0.4", "upload_time": "2022-11-27T00:00:00Z"},
                  {"version": "39.0.0", "upload_time": "2023-01-01T00:00:00Z"}],
        "openssl-py": [{"version": "22.0.0", "upload_time": "2022-01-29T00:00:00Z", "requires_dist": ["crypt>=35"],
                        "files": {"OpenSSL/crypto.py": "from crypt import binding\n_lib = binding.lib\n"
                                                       "_lib.OpenSSL_add_all_algorithms()\n"}},
                       {"version": "22.1.0", "upload_time": "2022-09-29T00:00:00Z", "requires_dist": ["crypt>=38"],
                        "files": {"OpenSSL/crypto.py": "from crypt import binding\n_lib = binding.lib\n"}}],
    }
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("crypt==39.0.0\nopenssl-py==22.0.0\n", target)
    crash = infer_message("module 'lib' has no attribute 'OpenSSL_add_all_algorithms'\n", load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.verdict == "transitive"
    assert ("openssl-py", ">=22.1.0") in {(c.name, c.constraint) for c in d.culprits}
    # A short, common name is not searched for: too many code paths reach 'get'.
    crash2 = infer_message("module 'lib' has no attribute 'get'\n", load_knowledge()).to_crash()
    d2 = diagnose(crash2, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert not any(c.source == "release-files" for c in d2.culprits)


def test_guards_that_guard_nothing_are_not_guards():
    # A handler that re-raises hides nothing.
    reraise = "try:\n    from numpy import float\nexcept ImportError as e:\n    raise ImportError('upgrade') from e\n"
    assert uses_in_source(reraise, "numpy", "float").line == 2
    # The access decides the exception: 'np.float' raises AttributeError, which 'except ImportError' lets through,
    # and 'from numpy import float' raises ImportError, which it catches, whatever the caller asked about.
    attr = "import numpy as np\ntry:\n    x = np.float\nexcept ImportError:\n    x = float\n"
    assert uses_in_source(attr, "numpy", "float", raises="ImportError").line == 3
    imp = "try:\n    from numpy import float\nexcept ImportError:\n    float = None\n"
    assert uses_in_source(imp, "numpy", "float", raises="AttributeError") is None
    # 'if args.version:' is not a branch on a version; 'if TYPE_CHECKING:' never runs.
    cli = "import collections\nif args.version:\n    x = collections.Mapping\n"
    assert uses_in_source(cli, "collections", "Mapping", raises="AttributeError").line == 3
    typing_only = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from collections import Mapping\n"
    assert uses_in_source(typing_only, "collections", "Mapping") is None


def test_an_old_first_fallback_to_the_new_module_is_a_guard():
    # Runs fine on 3.10: the handler imports the working alternative, not the same failure.
    old_first = "try:\n    from collections import Mapping\nexcept ImportError:\n    from collections.abc import Mapping\n"
    assert uses_in_source(old_first, "collections", "Mapping") is None


def test_a_module_that_moved_away_in_a_release_too_big_to_read_is_no_adaptation(index_for, tmp_path):
    big = "DATA = '" + "x" * 80_000 + "'\n"
    universe = {"pipx": [
        {"version": "22.3", "upload_time": "2022-10-15T00:00:00Z",
         "files": {"pipx/_vendor/pkg_resources/__init__.py": "import pkgutil\nregister(pkgutil.ImpImporter)\n"}},
        {"version": "23.1", "upload_time": "2023-04-15T00:00:00Z",  # the use moved to another module
         "files": {"pipx/_vendor/pkg_resources/_impl.py": "import pkgutil\nregister(pkgutil.ImpImporter)\n",
                   "pipx/_vendor/rich/_emoji_codes.py": big}}]}
    index, target = index_for(universe, python="3.12")
    pins = parse_requirements_text("pipx==22.3\n", target)
    from pytest_depfix.crash import parse_traceback

    (crash,) = parse_traceback("AttributeError: module 'pkgutil' has no attribute 'ImpImporter'\n")
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index, cache_dir=str(tmp_path / "p"), max_bytes=70_000))
    assert not any(c.name == "pipx" for c in d.culprits)


def test_a_builtin_class_in_a_frameless_message_reads_no_release(index_for, tmp_path):
    index, target = index_for(driver_universe(), python="3.10")
    pins = parse_requirements_text("trader==0.1.9\nseleniumish==4.4.0\n", target)
    crash = infer_message("AttributeError: 'NoneType' object has no attribute 'group'\n", load_knowledge()).to_crash()
    probe = ApiProbe(index, cache_dir=str(tmp_path / "p"))
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=probe)
    assert d.culprits == [] and not probe.fetched_releases


def test_a_name_raised_from_the_callees_own_getattr_never_moves_the_callee_back(index_for):
    # BeReal toolkit's thread: Pillow 9.0.1's Image.__getattr__ raises for Resampling, new in 9.1.0; the
    # innermost frame is Pillow itself, which must not be read as a caller that should move back.
    getattr_src = "def __getattr__(name):\n    raise AttributeError(name)\n"
    universe = {"pillowish": [
        {"version": "9.0.0", "upload_time": "2022-01-02T00:00:00Z", "files": {"pillowish/__init__.py": "", "pillowish/Image.py": getattr_src}},
        {"version": "9.0.1", "upload_time": "2022-02-03T00:00:00Z", "files": {"pillowish/__init__.py": "", "pillowish/Image.py": getattr_src}},
        {"version": "9.1.0", "upload_time": "2022-04-01T00:00:00Z",
         "files": {"pillowish/__init__.py": "", "pillowish/Image.py": "class Resampling:\n    LANCZOS = 1\n" + getattr_src}}]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("pillowish==9.0.1\n", target)
    tb = ('Traceback (most recent call last):\n  File "/home/u/app.py", line 3, in <module>\n'
          "    img.resize((1, 1), Image.Resampling.LANCZOS)\n"
          '  File "/usr/lib/python3/dist-packages/pillowish/Image.py", line 2, in __getattr__\n'
          "    raise AttributeError(name)\nAttributeError: module 'pillowish.Image' has no attribute 'Resampling'\n")
    d = diagnose_text(index, target, pins, tb)
    assert [(c.name, c.constraint) for c in d.culprits] == [("pillowish", ">=9.1.0")]
    assert "does not have yet" in d.summary


def test_a_module_reached_through_its_parents_alias_is_a_use():
    # pyeviews 1.0.3: 'import pandas as pd' ... 'pd.core.panel.Panel' (pandas 0.25 removed pandas.core.panel).
    src = "import pandas as pd\n\ndef f(x):\n    return isinstance(x, pd.core.panel.Panel)\n"
    assert uses_in_source(src, "pandas.core", "panel", raises="AttributeError").line == 4
    assert uses_in_source("from pandas import core\ncore.panel\n", "pandas.core", "panel").line == 2
    assert uses_in_source("import pandas as pd\npd.panel\n", "pandas.core", "panel") is None


def test_a_knowledge_entry_supplies_the_module_a_bare_message_left_out(index_for, tmp_path):
    # pengzhiliang/Conformer#2 printed only "ImportError: cannot import name 'container_abcs'": the entry knows it
    # is torch._six's, so the set is still read for the caller that adapted (timm), beside the entry's own fix.
    kb_file = tmp_path / "kb.toml"
    kb_file.write_text('[[break]]\nid = "flaskish-3-ctx-stack"\npackage = "flaskish"\nchanged_in = "3.0.0"\n'
                       'kind = "removed-name"\nexception = "ImportError"\n'
                       'message = "cannot import name \'?_app_ctx_stack\'?$"\nmodule = "flaskish"\nname = "_app_ctx_stack"\n'
                       'fix = "flaskish<3"\nsource = "https://example.invalid/changelog"\n')
    kb = load_knowledge([str(kb_file)])
    index, target = index_for(universe(), python="3.11")
    pins = parse_requirements_text(PINS, target)
    from pytest_depfix.crash import parse_traceback

    (crash,) = parse_traceback("ImportError: cannot import name '_app_ctx_stack'\n")
    d = diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))
    found = {(c.name, c.constraint) for c in d.culprits}
    assert ("flaskish", "<3") in found and ("flaskish-db", ">=2.0.0") in found


def _crypt(version, when, names):
    return {"version": version, "upload_time": when,
            "files": {"crypt/__init__.py": "",
                      "crypt/_openssl.abi3.so": "\x7fELF\x00" + "\x00".join(names) + "\x00"}}


def _binding_universe(older_names):
    return {
        "crypt": [_crypt("38.0.4", "2022-11-27T00:00:00Z", older_names),
                  _crypt("39.0.0", "2023-01-01T00:00:00Z", ["X509_new", "OpenSSL_add_all_algorithms_conf"])],
        "openssl-py": [{"version": "22.0.0", "upload_time": "2022-01-29T00:00:00Z", "requires_dist": ["crypt>=35"],
                        "files": {"OpenSSL/crypto.py": "from crypt import binding\n_lib = binding.lib\n"
                                                       "_lib.OpenSSL_add_all_algorithms()\n"}}],
    }


def _binding_diagnosis(index, target):
    pins = parse_requirements_text("crypt==39.0.0\nopenssl-py==22.0.0\n", target)
    crash = infer_message("module 'lib' has no attribute 'OpenSSL_add_all_algorithms'\n", load_knowledge()).to_crash()
    return diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))


def test_a_binding_that_lost_the_name_is_confirmed_by_reading_its_compiled_modules(index_for):
    # The same paste; cryptography 38.0.4's _openssl.abi3.so holds the name as a C string, 39.0.0's does not.
    # Bytes are searched, never loaded: the fixture's "binaries" are plain bytes with the names inside.
    index, target = index_for(_binding_universe(["X509_new", "OpenSSL_add_all_algorithms"]), python="3.10")
    (held,) = [c for c in _binding_diagnosis(index, target).culprits if c.name == "crypt"]
    assert held.constraint == "<39.0" and held.source == "release-files" and held.confidence >= 0.8
    assert "compiled modules of crypt 38.0.4" in held.evidence[0]


def test_without_the_name_in_the_older_binary_the_guess_stays_a_guess(index_for):
    index, target = index_for(_binding_universe(["X509_new"]), python="3.10")
    held = [c for c in _binding_diagnosis(index, target).culprits if c.name == "crypt"]
    assert held and all(c.source == "upload-dates" and c.confidence < 0.8 for c in held)


def test_the_callees_own_getattr_frame_hands_the_caller_role_to_the_frame_that_asked(index_for):
    # SkillMetrics 1.1.8 calls np.asscalar; numpy 1.23's module __getattr__ raises: skillmetrics is the caller.
    getattr_src = "def __getattr__(attr):\n    raise AttributeError(attr)\n"
    universe = {
        "numpyish": [{"version": "1.22.4", "upload_time": "2022-05-20T00:00:00Z",
                      "files": {"numpyish/__init__.py": "def asscalar(a):\n    return a\n" + getattr_src}},
                     {"version": "1.23.3", "upload_time": "2022-09-09T00:00:00Z", "files": {"numpyish/__init__.py": getattr_src}}],
        "skill": [{"version": "1.1.8", "upload_time": "2021-10-12T00:00:00Z", "requires_dist": ["numpyish"],
                   "files": {"skill/axes.py": "import numpyish as np\n\ndef axes(i):\n    return np.asscalar(i)\n"}}],
    }
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("skill==1.1.8\nnumpyish==1.23.3\n", target)
    tb = ('Traceback (most recent call last):\n'
          '  File "/home/u/lib/python3.9/site-packages/skill/axes.py", line 4, in axes\n    return np.asscalar(i)\n'
          '  File "/home/u/lib/python3.9/site-packages/numpyish/__init__.py", line 2, in __getattr__\n'
          "    raise AttributeError(attr)\nAttributeError: module 'numpyish' has no attribute 'asscalar'\n")
    d = diagnose_text(index, target, pins, tb)
    assert d.verdict == "transitive" and d.summary.endswith("which skill uses")
    assert [c.name for c in d.culprits] == ["numpyish"] and d.culprits[0].constraint.endswith("<1.23.3")


def test_a_cut_paste_whose_only_frame_is_the_callees_getattr_reads_the_set_for_the_caller(index_for):
    # opendp/smartnoise-sdk: the IPython paste lost the header of the snsynth frame; only numpy's __getattr__ is left.
    from pytest_depfix.crash import attribute, parse_traceback

    getattr_src = "def __getattr__(attr):\n    raise AttributeError(attr)\n"
    universe = {
        "numpyish": [{"version": "1.26.4", "upload_time": "2024-02-05T00:00:00Z",
                      "files": {"numpyish/__init__.py": "def product(a):\n    return a\n" + getattr_src}},
                     {"version": "2.1.2", "upload_time": "2024-10-05T00:00:00Z", "files": {"numpyish/__init__.py": getattr_src}}],
        "synth": [{"version": "1.0.4", "upload_time": "2024-07-30T00:00:00Z", "requires_dist": ["numpyish"],
                   "files": {"synth/mwem.py": "import numpyish as np\n\ndef fit(d):\n    return np.product(d)\n"}},
                  {"version": "1.0.5", "upload_time": "2025-01-18T00:00:00Z", "requires_dist": ["numpyish"],
                   "files": {"synth/mwem.py": "import numpyish as np\n\ndef fit(d):\n    return np.prod(d)\n"}}],
    }
    index, target = index_for(universe, python="3.12")
    pins = parse_requirements_text("synth==1.0.4\nnumpyish==2.1.2\n", target)
    tb = ("--> 576 dimensionality = np.product(dims_sizes)\n\n"
          "File /opt/conda/lib/python3.12/site-packages/numpyish/__init__.py:2, in __getattr__(attr)\n"
          "--> 2 raise AttributeError(attr)\n"
          "AttributeError: module 'numpyish' has no attribute 'product'\n")
    (crash,) = parse_traceback(tb)
    crash = attribute(crash, pins, target=target, installed=False)
    assert [f.dist for f in crash.root.frames] == ["numpyish"]
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert ("synth", ">=1.0.5") in {(c.name, c.constraint) for c in d.culprits}


def test_a_keyword_a_nameless_init_refused_is_traced_through_the_call_site_to_its_owner(index_for):
    # alteia 1.3.0 passes Retry(..., allowed_methods=...) (urllib3 1.26 renamed method_whitelist); Python 3.9
    # prints only "__init__() got an unexpected keyword argument". The caller's source at the frame says whose.
    connection = ("import requests\nfrom urllib3x.util.retry import Retry\n\n\nclass Connection:\n"
                  "    def __init__(self):\n        self.retry = Retry(total=3,\n"
                  "                           allowed_methods=frozenset(['GET',\n"
                  "                                                      'TRACE', 'POST']))\n")
    universe = {
        "urllib3x": [{"version": "1.25.10", "upload_time": "2020-07-22T00:00:00Z",
                      "files": {"urllib3x/__init__.py": "", "urllib3x/util/__init__.py": "",
                                "urllib3x/util/retry.py": "class Retry:\n    def __init__(self, total=10, method_whitelist=None):\n        pass\n"}},
                     {"version": "1.26.0", "upload_time": "2020-11-10T00:00:00Z",
                      "files": {"urllib3x/__init__.py": "", "urllib3x/util/__init__.py": "",
                                "urllib3x/util/retry.py": "class Retry:\n    def __init__(self, total=10, allowed_methods=None):\n        pass\n"}}],
        "alteia": [{"version": "1.3.0", "upload_time": "2021-07-28T00:00:00Z", "requires_dist": ["urllib3x>=1.23,<2"],
                    "files": {"alteia/__init__.py": "", "alteia/core/__init__.py": "", "alteia/core/connection/__init__.py": "",
                              "alteia/core/connection/connection.py": connection}}],
    }
    index, target = index_for(universe, python="3.9", platform="win_amd64")
    pins = parse_requirements_text("alteia==1.3.0\nurllib3x==1.25.10\n", target)
    paste = ('packages\\alteia\\core\\connection\\connection.py", line 9, in __init__\n'
             "    'TRACE', 'POST']))\nTypeError: __init__() got an unexpected keyword argument 'allowed_methods'\n")
    d = diagnose_text(index, target, pins, paste)
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("urllib3x", ">=1.26.0")]
    assert "urllib3x.util.retry.Retry" in d.culprits[0].evidence[0] and "line 7" in d.culprits[0].evidence[0]


def test_a_keyword_passed_to_a_class_the_caller_defines_is_traced_to_the_base_it_inherits_init_from(index_for):
    # chartmogul/chartmogul-python#28: chartmogul 1.2.2 nests 'class _Schema(Schema)' in Activity and calls
    # _Schema(strict=True); marshmallow 3.0 dropped 'strict' from Schema.__init__ (Python 3.7 names no class).
    activity = ("from marshmallow import Schema, fields\n\n\nclass Activity(object):\n"
                "    class _Schema(Schema):\n        id = fields.Int()\n\n    _schema = _Schema(strict=True)\n")

    def mm(version, params):
        return {"version": version, "upload_time": "2019-08-18T00:00:00Z" if version.startswith("3") else "2019-06-15T00:00:00Z",
                "files": {"marshmallow/__init__.py": "from marshmallow.schema import Schema\nfrom marshmallow import fields\n",
                          "marshmallow/fields.py": "class Int:\n    pass\n",
                          "marshmallow/schema.py": f"class Schema(object):\n    def __init__(self, {params}):\n        pass\n"}}

    universe = {"marshmallow": [mm("2.20.1", "only=(), strict=None, many=False"), mm("3.0.0", "only=None, many=False, unknown=None")],
                "chartmogul": [{"version": "1.2.2", "upload_time": "2019-04-03T00:00:00Z", "requires_dist": ["marshmallow>=2.12.1"],
                                "files": {"chartmogul/__init__.py": "", "chartmogul/api/__init__.py": "",
                                          "chartmogul/api/activity.py": activity}}]}
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("chartmogul==1.2.2\nmarshmallow==3.0.0\n", target)
    paste = ('Traceback (most recent call last):\n'
             'File "/usr/local/lib/python3.7/site-packages/chartmogul/api/activity.py", line 4, in <module>\n'
             "class Activity(object):\n"
             'File "/usr/local/lib/python3.7/site-packages/chartmogul/api/activity.py", line 8, in Activity\n'
             "_schema = _Schema(strict=True)\nTypeError: __init__() got an unexpected keyword argument 'strict'\n")
    d = diagnose_text(index, target, pins, paste)
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint, c.source) for c in d.culprits][:1] == [("marshmallow", "<3.0.0", "api-probe")]
    assert "inherits __init__ from Schema" in d.culprits[0].evidence[0]


def test_a_frame_cut_to_a_bare_file_name_is_the_pin_whose_release_has_that_line(index_for):
    # LuckyLoki/booru (Python 3.9): the paste starts at 'parser.py", line 145'; booru 1.0.13 has that line in
    # booru/utils/parser.py, 1.0.14 dropped the keyword.
    from pytest_depfix.crash import attribute, parse_traceback

    def parser(encoding):
        body = "import json\n" + "\n" * 142 + "def deserialize(data):\n"
        return body + ('    return json.loads(data, encoding="utf-8")\n' if encoding else "    return json.loads(data)\n")

    universe = {"booru": [
        {"version": "1.0.13", "upload_time": "2022-05-12T00:00:00Z",
         "files": {"booru/__init__.py": "", "booru/utils/__init__.py": "", "booru/utils/parser.py": parser(True)}},
        {"version": "1.0.14", "upload_time": "2022-05-16T00:00:00Z",
         "files": {"booru/__init__.py": "", "booru/utils/__init__.py": "", "booru/utils/parser.py": parser(False)}},
    ], "other": [{"version": "1.0", "upload_time": "2020-01-01T00:00:00Z", "files": {"other/parser.py": "x = 1\n"}}]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("booru==1.0.13\nother==1.0\n", target)
    paste = ('parser.py", line 145, in deserialize\n    return json.loads(data, encoding="utf-8")\n'
             '  File "/usr/lib/python3.9/json/__init__.py", line 359, in loads\n    return cls(**kw).decode(s)\n'
             "TypeError: __init__() got an unexpected keyword argument 'encoding'\n")
    (crash,) = parse_traceback(paste)
    crash = attribute(crash, pins, target=target, installed=False)
    assert crash.root.frames[0].owner == "project"  # attribution alone cannot tell
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.verdict == "transitive" and d.family == "python-version"
    assert [(c.name, c.constraint, c.source) for c in d.culprits] == [("booru", ">=1.0.14", "release-files")]
    assert any("booru 1.0.13's booru/utils/parser.py" in n for n in d.details.get("notes", []))


def test_a_class_keyword_with_no_caller_in_the_set_is_asked_of_the_pin_that_exports_the_class(index_for):
    # cistrome/MIRA#44 as pasted from a notebook: no frame headers. scikit-learn re-exports OneHotEncoder from
    # preprocessing/__init__.py; the defining module is found through that import, not by scanning every file.
    def sk(version, param):
        return {"version": version, "upload_time": "2022-01-01T00:00:00Z" if param == "sparse" else "2022-12-08T00:00:00Z",
                "files": {"sk/__init__.py": "", "sk/preprocessing/__init__.py": "from ._encoders import OneHotEncoder\n",
                          "sk/preprocessing/_encoders.py": f"class OneHotEncoder:\n    def __init__(self, {param}=True):\n        pass\n"}}

    universe = {"sk": [sk("1.1.3", "sparse"), sk("1.2.0", "sparse_output")]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("sk==1.1.3\n", target)
    d = diagnose_text(index, target, pins, "TypeError: OneHotEncoder.__init__() got an unexpected keyword argument 'sparse_output'\n")
    assert d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("sk", ">=1.2.0")]
    assert "sk.preprocessing._encoders.OneHotEncoder" in d.culprits[0].evidence[0]


def test_a_call_sites_callable_is_the_one_its_try_body_imports_not_the_fallback():
    from pytest_depfix.diagnose.users import _own_statements
    import ast

    src = ("try:\n    from urllib3.util.retry import Retry\nexcept ImportError:\n"
           "    from requests.packages.urllib3.util.retry import Retry\n"
           "def later():\n    from simplejson import loads\n")
    names = [n.module for n in _own_statements(ast.parse(src)) if isinstance(n, ast.ImportFrom)]
    assert names == ["urllib3.util.retry", "requests.packages.urllib3.util.retry"]  # nested def not entered


def test_a_name_the_pinned_release_has_is_a_broken_install_not_a_version_to_move(index_for):
    # transifex/transifex-client#103: Ubuntu's urllib3 1.7.1 dropped urllib3/packages/six.py; the index's 1.7.1 has it.
    def u3(version):
        return {"version": version, "upload_time": "2013-08-14T00:00:00Z",
                "files": {"u3/__init__.py": "", "u3/packages/__init__.py": "", "u3/packages/six.py": "PY2 = True\n"}}

    universe = {"u3": [u3("1.6"), u3("1.7.1")],
                "txclient": [{"version": "0.11", "upload_time": "2015-11-12T00:00:00Z", "requires_dist": ["u3"],
                              "files": {"txclib/__init__.py": "", "txclib/utils.py": "from u3.packages import six\n"}}]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("txclient==0.11\nu3==1.7.1\n", target)
    tb = ('Traceback (most recent call last):\n'
          '  File "/usr/local/lib/python3.8/dist-packages/txclib/utils.py", line 1, in <module>\n'
          "    from u3.packages import six\nImportError: cannot import name 'six' from 'u3.packages' "
          "(/usr/lib/python3/dist-packages/u3/packages/__init__.py)\n")
    d = diagnose_text(index, target, pins, tb)
    assert d.verdict == "environment" and d.culprits == []
    assert "force-reinstall u3==1.7.1" in d.advice


def test_a_caller_newer_than_its_callee_moves_forward_only_to_a_release_that_stopped_reaching_the_name(index_for):
    # bokeh/bokeh#12537: bokeh 3.0.0rc6 imports NotRequired from a typing-extensions 3.10 that predates it;
    # 3.0.1 moved the import under TYPE_CHECKING.  A later release that merely edits the line is no such move.
    te = lambda v, when, names: {"version": v, "upload_time": when,  # noqa: E731
                                 "files": {"typing_extensions.py": "".join(f"{n} = object()\n" for n in names)}}
    ser = "from typing_extensions import NotRequired, TypeAlias\n"
    guarded = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from typing_extensions import NotRequired, TypeAlias\n"
    universe = {
        "typing-extensions": [te("3.10.0.2", "2021-08-03T00:00:00Z", ["TypeAlias"]),
                              te("4.0.0", "2021-11-14T00:00:00Z", ["TypeAlias", "NotRequired"])],
        "bokehish": [
            {"version": "3.0.0rc6", "upload_time": "2022-10-19T00:00:00Z", "requires_dist": ["typing-extensions>=3.10"],
             "files": {"bokehish/__init__.py": "", "bokehish/serialization.py": ser}},
            {"version": "3.0.0", "upload_time": "2022-10-25T00:00:00Z", "requires_dist": ["typing-extensions>=3.10"],
             "files": {"bokehish/__init__.py": "", "bokehish/serialization.py": "# edited\n" + ser}},
            {"version": "3.0.1", "upload_time": "2022-10-27T00:00:00Z",
             "files": {"bokehish/__init__.py": "", "bokehish/serialization.py": guarded}}],
    }
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("bokehish==3.0.0rc6\ntyping-extensions==3.10.0.2\n", target)
    tb = ('Traceback (most recent call last):\n'
          '  File ".venv/lib/python3.9/site-packages/bokehish/serialization.py", line 1, in <module>\n'
          "    from typing_extensions import NotRequired, TypeAlias\n"
          "ImportError: cannot import name 'NotRequired' from 'typing_extensions'\n")
    d = diagnose_text(index, target, pins, tb)
    found = {(c.name, c.constraint) for c in d.culprits}
    assert ("bokehish", ">=3.0.1") in found and ("bokehish", ">=3.0.0") not in found
    assert any(c.name == "typing-extensions" for c in d.culprits)


def test_a_version_branch_is_taken_as_the_target_takes_it_for_a_name_its_python_lacks():
    from pytest_depfix.diagnose.users import uses_in_source

    # gitpython 3.1.20: on 3.7.0/3.7.1 the else branch runs and typing.OrderedDict (3.7.2) is not there.
    src = ("import sys\nif sys.version_info[:2] < (3, 7):\n    from collections import OrderedDict\n"
           "else:\n    from typing import OrderedDict\n")
    assert uses_in_source(src, "typing", "OrderedDict") is None  # read as a guard when no target is known
    assert uses_in_source(src, "typing", "OrderedDict", python=(3, 7)).line == 5
    assert uses_in_source(src, "typing", "OrderedDict", python=(3, 6)) is None
    # 3.1.24 tests the micro version, which a target given as "3.7" cannot answer: a guard again.
    fixed = src.replace("[:2] < (3, 7)", "[:3] < (3, 7, 2)")
    assert uses_in_source(fixed, "typing", "OrderedDict", python=(3, 7)) is None
    assert uses_in_source(fixed, "typing", "OrderedDict", python=(3, 7, 1)) is None  # takes the collections side


def test_an_upload_date_guess_whose_target_release_lacks_the_name_too_is_dropped(index_for):
    # openai 0.9.4 has no ChatCompletion, and neither has 0.8.0: "it went with the 0.9 series" moves nothing.
    universe = {"openaiish": [
        {"version": v, "upload_time": t, "files": {"openaiish/__init__.py": "class Completion:\n    pass\n"}}
        for v, t in (("0.8.0", "2021-06-01T00:00:00Z"), ("0.9.4", "2021-08-01T00:00:00Z"))]}
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("openaiish==0.9.4\n", target)
    d = diagnose_text(index, target, pins, "AttributeError: module 'openaiish' has no attribute 'ChatCompletion'\n")
    assert d.culprits == [] and d.verdict == "unknown"
    assert any("lacks openaiish.ChatCompletion as well" in n for n in d.details.get("notes", []))


def test_a_name_new_in_a_later_python_offers_the_callers_earlier_release_too(index_for):
    # fsspec/filesystem_spec (Python 3.6): 0.8.1 started calling asyncio.get_running_loop (3.7); 0.8.0 did not,
    # 0.9.0 no longer does at import.  Both moves are offered; the resolver takes the smaller (0.8.0).
    def fs(version, when, body):
        return {"version": version, "upload_time": when, "files": {"fs/__init__.py": "", "fs/asyn.py": body}}

    universe = {"fs": [fs("0.8.0", "2020-08-10T00:00:00Z", "import asyncio\nloop = asyncio.get_event_loop()\n"),
                       fs("0.8.1", "2020-09-01T00:00:00Z", "import asyncio\nloop = asyncio.get_running_loop()\n"),
                       fs("0.9.0", "2021-04-01T00:00:00Z", "import asyncio\nimport sys\nif sys.version_info >= (3, 7):\n"
                                                            "    loop = asyncio.get_running_loop\n")]}
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("fs==0.8.1\n", target)
    d = diagnose_text(index, target, pins, "AttributeError: module 'asyncio' has no attribute 'get_running_loop'\n")
    assert d.family == "python-version"
    assert {(c.name, c.constraint) for c in d.culprits} == {("fs", ">=0.9.0"), ("fs", "==0.8.0")}


def test_a_module_whose_name_is_not_its_distributions_is_owned_by_the_pin_that_ships_it(index_for):
    # wq/wq#61: 'rest_framework.serializers' is djangorestframework's; no alias table needs to know.
    def drf(version, names):
        return {"version": version, "upload_time": "2022-01-01T00:00:00Z" if "NullBooleanField" in names else "2022-09-22T00:00:00Z",
                "files": {"rest_framework/__init__.py": "", "rest_framework/serializers.py": "".join(f"class {n}:\n    pass\n" for n in names)}}

    universe = {"djangorestframework": [drf("3.13.1", ["Field", "NullBooleanField"]), drf("3.14.0", ["Field"])],
                "other": [{"version": "1.0", "upload_time": "2020-01-01T00:00:00Z", "files": {"other/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("djangorestframework==3.14.0\nother==1.0\n", target)
    d = diagnose_text(index, target, pins, "AttributeError: module 'rest_framework.serializers' has no attribute 'NullBooleanField'\n")
    assert ("djangorestframework", "<3.14.0") in {(c.name, c.constraint.split(",")[-1]) for c in d.culprits}


def test_a_frame_cut_to_a_relative_path_is_the_pin_that_ships_that_path_with_that_line(index_for):
    # bempp/bempp-cl: 'bempp/api/assembly/op.py", line 3, in __init__' (the import name is not the pin's name).
    universe = {
        "bempp-cl": [{"version": "0.3.1", "upload_time": "2024-01-01T00:00:00Z",
                      "files": {"bempp/__init__.py": "", "bempp/api/__init__.py": "", "bempp/api/assembly/__init__.py": "",
                                "bempp/api/assembly/op.py": "import numpy as _np\n\ndtype = _np.find_common_type([], [])\n"}}],
        "numpyish": [{"version": "2.0.2", "upload_time": "2024-08-26T00:00:00Z", "files": {"numpyish/__init__.py": ""}}],
    }
    index, target = index_for(universe, python="3.12")
    pins = parse_requirements_text("bempp-cl==0.3.1\nnumpyish==2.0.2\n", target)
    d = diagnose_text(index, target, pins, 'bempp/api/assembly/op.py", line 3, in __init__\n'
                                            "    dtype = _np.find_common_type([], [])\n"
                                            "AttributeError: module 'numpyish' has no attribute 'find_common_type'\n")
    assert any("bempp-cl 0.3.1's bempp/api/assembly/op.py" in n for n in d.details.get("notes", []))


def test_version_tests_compare_like_python_does():
    import ast

    from pytest_depfix.diagnose.pysource import version_side

    def takes(expr, python):
        return version_side(ast.parse(expr, mode="eval").body, python)

    assert takes("sys.version_info > (3, 7)", (3, 7)) is True  # (3, 7, x, ...) > (3, 7)
    assert takes("sys.version_info <= (3, 7)", (3, 7)) is False
    assert takes("sys.version_info[:2] > (3, 7)", (3, 7)) is False
    assert takes("sys.version_info >= (3, 7, 2)", (3, 7)) is None  # the micro version is not known
    assert takes("sys.version_info >= (3, 7, 2)", (3, 8)) is True
    assert takes("sys.version_info >= (3, 7, 2)", (3, 7, 1)) is False
    assert takes("sys.version_info[0] == 3", (3, 7)) is None  # not a tuple test


def test_a_submodule_file_is_no_attribute_until_imported_so_it_proves_no_broken_install(index_for):
    # scipy < 1.9: 'module scipy has no attribute signal' without 'import scipy.signal'; 1.9 lazy-loads it.
    universe = {"sp": [
        {"version": "1.8.0", "upload_time": "2022-02-05T00:00:00Z", "files": {"sp/__init__.py": "", "sp/signal.py": "x = 1\n"}},
        {"version": "1.9.0", "upload_time": "2022-07-29T00:00:00Z",
         "files": {"sp/__init__.py": "import importlib\n\ndef __getattr__(name):\n    if name == 'signal':\n"
                                     "        return importlib.import_module('sp.signal')\n    raise AttributeError(name)\n",
                   "sp/signal.py": "x = 1\n"}}]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("sp==1.8.0\n", target)
    d = diagnose_text(index, target, pins, "AttributeError: module 'sp' has no attribute 'signal'\n")
    assert d.verdict != "environment"


def test_who_ships_a_module_is_read_only_from_wheels_and_real_packages(index_for):
    # 'google' is a namespace (no __init__.py); an sdist's 'tests' folder is nobody's module.
    universe = {"protobufish": [{"version": "4.21.0", "upload_time": "2022-05-26T00:00:00Z",
                                 "files": {"google/protobuf/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("protobufish==4.21.0\n", target)
    d = diagnose_text(index, target, pins, "ModuleNotFoundError: No module named 'google.cloud'\n")
    assert d.culprits == [] and "missing" in d.summary


def test_with_a_caller_frame_a_name_new_in_a_later_python_offers_both_moves_of_the_caller(index_for):
    def fs(version, when, body):
        return {"version": version, "upload_time": when, "files": {"fs/__init__.py": "", "fs/asyn.py": body}}

    universe = {"fs": [fs("0.8.0", "2020-08-10T00:00:00Z", "import asyncio\n\n\ndef run():\n    return asyncio.get_event_loop()\n"),
                       fs("0.8.1", "2020-09-01T00:00:00Z", "import asyncio\n\n\ndef run():\n    return asyncio.get_running_loop()\n"),
                       fs("0.9.0", "2021-04-01T00:00:00Z", "import asyncio\n\n\ndef run():\n    return asyncio.get_event_loop()\n")]}
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("fs==0.8.1\n", target)
    d = diagnose_text(index, target, pins, 'Traceback (most recent call last):\n'
                      '  File "/v/lib/python3.6/site-packages/fs/asyn.py", line 5, in run\n'
                      "    return asyncio.get_running_loop()\n"
                      "AttributeError: module 'asyncio' has no attribute 'get_running_loop'\n")
    assert {(c.name, c.constraint) for c in d.culprits} == {("fs", ">=0.9.0"), ("fs", "==0.8.0")}


def test_the_callers_earlier_release_is_offered_exactly_never_as_a_range_that_admits_older_failing_ones(index_for):
    # fs 0.7.0 uses the name again; 0.8.0 does not but needs dep>=2.  '<=0.8.0' would let the resolver pick 0.7.0.
    def fs(version, when, body, requires=()):
        return {"version": version, "upload_time": when, "requires_dist": list(requires),
                "files": {"fs/__init__.py": "", "fs/asyn.py": body}}

    uses = "import asyncio\n\n\ndef run():\n    return asyncio.get_running_loop()\n"
    universe = {"fs": [fs("0.7.0", "2020-07-01T00:00:00Z", uses),
                       fs("0.8.0", "2020-08-10T00:00:00Z", "import asyncio\n\n\ndef run():\n    return None\n", ["dep>=2"]),
                       fs("0.8.1", "2020-09-01T00:00:00Z", uses)],
                "dep": [{"version": "1.0", "upload_time": "2020-01-01T00:00:00Z", "files": {"dep/__init__.py": ""}},
                        {"version": "2.0", "upload_time": "2020-06-01T00:00:00Z", "files": {"dep/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("fs==0.8.1\ndep==1.0\n", target)
    d = diagnose_text(index, target, pins, "AttributeError: module 'asyncio' has no attribute 'get_running_loop'\n")
    assert ("fs", "==0.8.0") in {(c.name, c.constraint) for c in d.culprits}
    assert not any(c.name == "fs" and c.constraint.startswith("<") for c in d.culprits)


def test_a_projects_own_relative_frame_is_not_given_to_a_pin_that_ships_a_tests_folder(index_for):
    universe = {"helperlib": [{"version": "1.0", "upload_time": "2020-01-01T00:00:00Z",
                               "files": {"helperlib/__init__.py": "", "tests/test_io.py": "import x\nfrom numpyish import float_\n"}}],
                "numpyish": [{"version": "2.0.0", "upload_time": "2024-06-16T00:00:00Z", "files": {"numpyish/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("helperlib==1.0\nnumpyish==2.0.0\n", target)
    d = diagnose_text(index, target, pins, 'tests/test_io.py", line 2, in <module>\n    from numpyish import float_\n'
                                            "ImportError: cannot import name 'float_' from 'numpyish'\n")
    assert not any("helperlib 1.0's" in n for n in d.details.get("notes", []))


def _plots_universe(user_code: str):
    # matplotlib 3.9 dropped cm.get_cmap (imageqc's own script called it; no frame was pasted).
    return {
        "plots": [{"version": "3.8.4", "files": {"plots/__init__.py": "", "plots/cm.py": "def get_cmap(n):\n    return n\n"}},
                  {"version": "3.9.0", "files": {"plots/__init__.py": "", "plots/cm.py": "def colormaps():\n    return []\n"}}],
        "seaborny": [{"version": "0.13.0", "requires_dist": ["plots>=3.0"],
                      "files": {"seaborny/__init__.py": user_code}}],
    }


def _diagnose_get_cmap(index_for, seaborny_code):
    index, target = index_for(_plots_universe(seaborny_code), python="3.10")
    pins = parse_requirements_text("plots==3.9.0\nseaborny==0.13.0\n", target)
    crash = infer_message("AttributeError: module 'plots.cm' has no attribute 'get_cmap'\n", load_knowledge()).to_crash()
    return diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))


def test_a_frameless_name_no_other_pin_reaches_is_the_projects_own_call(index_for):
    d = _diagnose_get_cmap(index_for, "import plots.cm\nx = plots.cm.colormaps\n")
    assert d.verdict == "project"
    assert "project's own code" in d.summary
    assert ("plots", "<3.9.0") in {(c.name, c.constraint) for c in d.culprits} or \
        any(c.name == "plots" and "3.9.0" not in SpecifierSet(c.constraint) for c in d.culprits)


def test_a_frameless_name_another_pin_reaches_stays_that_pins_break(index_for):
    d = _diagnose_get_cmap(index_for, "import plots.cm\nx = plots.cm.get_cmap('viridis')\n")
    assert d.verdict == "transitive"


def test_an_earlier_caller_that_requires_another_build_of_the_kept_base_is_passed_over(index_for):
    # karaage-ai-book: keras 2.9 imports get_config, which tensorflow-gpu 1.15.2 lacks. keras 2.4.1 does not
    # import it, but requires 'tensorflow': pip would install a second TensorFlow over the kept GPU build.
    from pytest_depfix.diagnose.users import last_without_before

    universe = {
        "tf-gpu": [{"version": "1.15.2", "files": {"tf/__init__.py": "", "tf/context.py": "def context():\n    pass\n"}}],
        "tf": [{"version": "2.2.0", "files": {"tf/__init__.py": ""}}],
        "kerasy": [
            {"version": "2.3.1", "files": {"kerasy/__init__.py": "from tf.context import context\n"}},
            {"version": "2.4.1", "requires_dist": ["tf"], "files": {"kerasy/__init__.py": "import tf\n"}},
            {"version": "2.9.0", "files": {"kerasy/__init__.py": "from tf.context import get_config\n"}},
        ],
    }
    index, target = index_for(universe, python="3.7")
    probe = ApiProbe(index)
    args = (probe, index, "kerasy", "2.9.0", "tf.context", "get_config")
    assert last_without_before(*args, base=("tf", "1.15.2")) == "2.4.1"
    assert last_without_before(*args, base=("tf", "1.15.2"), base_dist="tf-gpu") == "2.3.1"
    # the base's own distribution is no clash
    assert last_without_before(*args, base=("tf", "2.2.0"), base_dist="tf") == "2.4.1"


def test_names_imported_through_another_packages_alias_are_not_asked_of_the_callee(index_for):
    # clearml 1.10.4 still imports Retry from requests.packages.urllib3: that module is requests'
    # alias of urllib3, not a module of the urllib3 wheel, so it says nothing about urllib3 2.0.2.
    from types import SimpleNamespace

    from pytest_depfix.diagnose.users import _imports_other_missing

    universe = {
        "urlthree": [{"version": "2.0.2", "files": {"urlthree/__init__.py": "", "urlthree/util.py": "class Retry:\n    pass\n"}}],
        "clearly": [{"version": "1.10.4", "files": {"clearly/net.py":
                     "from reqs.packages.urlthree.util import Retry\nfrom urlthree.util import Gone\n"}}],
    }
    index, target = index_for(universe, python="3.9")
    ctx = SimpleNamespace(probe=ApiProbe(index), callee=SimpleNamespace(kind="dist", name="urlthree", version="2.0.2"),
                          evidence=[], target=target)
    assert _imports_other_missing(ctx, "clearly", "1.10.4", "clearly/net.py", "reqs.packages.urlthree.contrib", "appengine") is False
    # the callee's own module is asked, and a name it lacks refuses the release
    assert _imports_other_missing(ctx, "clearly", "1.10.4", "clearly/net.py", "urlthree.contrib", "appengine") is True


def test_a_loop_over_a_tuple_of_modules_uses_each_of_them():
    # Flask-SQLAlchemy 3.0.1's __getattr__: 'for mod in (sa, sa.orm): if name in mod.__all__'
    src = ("import sqlalchemy as sa\nimport sqlalchemy.orm\n\nclass SQLAlchemy:\n    def __getattr__(self, name):\n"
           "        for mod in (sa, sa.orm):\n            if name in mod.__all__:\n                return getattr(mod, name)\n")
    assert uses_in_source(src, "sqlalchemy", "__all__", "AttributeError").line == 7
    assert uses_in_source(src, "sqlalchemy.orm", "__all__", "AttributeError").line == 7
    assert uses_in_source(src.replace("(sa, sa.orm)", "(other,)"), "sqlalchemy", "__all__", "AttributeError") is None


def test_a_whole_module_is_used_by_any_unguarded_import_of_it():
    # paracelsus 0.5.0 on Python 3.10: 'import tomllib' (new in 3.11); 0.5.1 falls back to tomli.
    assert uses_in_source("import tomllib\n", "tomllib", "").line == 1
    assert uses_in_source("import os\nfrom tomllib import loads\n", "tomllib", "").line == 2
    assert uses_in_source("import tomllib_compat\n", "tomllib", "") is None
    guarded = "try:\n    import tomllib\nexcept ModuleNotFoundError:\n    import tomli as tomllib\n"
    assert uses_in_source(guarded, "tomllib", "") is None
    branch = "import sys\nif sys.version_info >= (3, 11):\n    import tomllib\nelse:\n    import tomli as tomllib\n"
    assert uses_in_source(branch, "tomllib", "", python=(3, 10)) is None
    assert uses_in_source(branch, "tomllib", "", python=(3, 11)).line == 3


def test_a_lazy_import_inside_a_function_does_not_refuse_a_forward_move(index_for):
    # Only imports that run when the module is imported trade one ImportError for the next.
    from types import SimpleNamespace

    from pytest_depfix.diagnose.users import _imports_other_missing

    universe = {
        "jinjy": [{"version": "3.1.1", "files": {"jinjy/__init__.py": "def pass_eval_context(f):\n    return f\n"}}],
        "airy": [{"version": "1.2.5", "files": {"airy/report.py":
                  "from jinjy import pass_eval_context\n\ndef legacy():\n    from jinjy import Markup\n    return Markup\n"}},
                 {"version": "1.2.6", "files": {"airy/report.py": "from jinjy import pass_eval_context, Markup\n"}}],
    }
    index, target = index_for(universe, python="3.9")
    ctx = SimpleNamespace(probe=ApiProbe(index), callee=SimpleNamespace(kind="dist", name="jinjy", version="3.1.1"),
                          evidence=[], target=target)
    assert _imports_other_missing(ctx, "airy", "1.2.5", "airy/report.py", "jinjy", "evalcontextfilter") is False
    assert _imports_other_missing(ctx, "airy", "1.2.6", "airy/report.py", "jinjy", "evalcontextfilter") is True


def test_a_symbol_version_is_matched_whole(index_for):
    from pytest_depfix.diagnose.users import member_mentions

    so = "lib/m.cpython-310-x86_64-linux-gnu.so"
    universe = {"libby": [{"version": "1.0", "files": {"lib/__init__.py": "", so: "\x7fELF\x00GLIBCXX_3.4.29\x00"}}]}
    index, target = index_for(universe, python="3.10")
    probe = ApiProbe(index)
    assert member_mentions(probe, "libby", "1.0", so, "GLIBCXX_3.4.29") is True
    assert member_mentions(probe, "libby", "1.0", so, "GLIBCXX_3.4.2") is False


def test_a_local_name_bound_to_two_modules_in_two_functions_counts_for_both():
    # imbalanced-learn 0.6.2: 'import keras' in one helper and 'from tensorflow import keras' in the
    # next; 'keras.utils.Sequence' in the first is keras's (keras 2.8 left it out of keras.utils).
    src = ("def from_keras():\n    try:\n        import keras\n        return keras.utils.Sequence\n"
           "    except ImportError:\n        return None\n\n\ndef from_tf():\n    try:\n        from tensorflow import keras\n"
           "        return keras.utils.Sequence\n    except ImportError:\n        return None\n")
    assert uses_in_source(src, "keras.utils", "Sequence", raises="AttributeError").line == 4
    assert uses_in_source(src, "tensorflow.keras.utils", "Sequence", raises="AttributeError").line == 12
    assert uses_in_source(src, "torch.utils", "Sequence", raises="AttributeError") is None


def test_an_import_in_both_branches_of_a_version_test_is_not_a_use():
    # pipupgrade 0.1.1 picks its import of get_installed_distributions by pip's version (pip 10 moved it).
    src = ("import pip\n\nPIP9 = int(pip.__version__.split('.')[0]) < 9\n\nif PIP9:\n"
           "    from pip import get_installed_distributions\nelse:\n"
           "    from pip._internal.utils.misc import get_installed_distributions\n")
    assert uses_in_source(src, "pip", "get_installed_distributions") is None
    plain = "import pip\n\nif FAST:\n    from pip import get_installed_distributions\nelse:\n    from pip._internal.utils.misc import get_installed_distributions\n"
    assert uses_in_source(plain, "pip", "get_installed_distributions").line == 4  # not a version test


def test_a_name_bound_by_an_importing_call_stands_for_its_module():
    # eventlet 0.33.2's greendns: 'dns = import_patched("dns")', then 'dns.rdtypes.ANY.__all__'.
    text = ("from eventlet import patcher\n\n\ndef import_patched(name):\n    return patcher.import_patched(name)\n\n\n"
            "dns = import_patched('dns')\nfor pkg in dns.rdtypes.ANY.__all__:\n    pass\n")
    use = uses_in_source(text, "dns.rdtypes", "ANY", raises="AttributeError")
    assert use is not None and use.line == 9
    assert uses_in_source("import importlib\nnp = importlib.import_module('numpy')\nnp.float\n", "numpy", "float",
                          raises="AttributeError").line == 3
    # __import__ with a fromlist returns the submodule itself
    assert uses_in_source("m = __import__('dns.rdtypes', fromlist=['ANY'])\nm.ANY\n", "dns.rdtypes", "ANY",
                          raises="AttributeError").line == 2
    # a call that imports nothing binds nothing
    assert uses_in_source("dns = make('dns')\ndns.rdtypes.ANY\n", "dns.rdtypes", "ANY", raises="AttributeError") is None
