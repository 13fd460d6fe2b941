"""'No module named X' in a caller's frame: its later release that stopped reaching X where it can fail.

philipperemy/keras-tcn#280: keras-tcn 3.5.5 imported ``keras.src.saving`` (new in Keras 2.13) under
TensorFlow 2.12's Keras; 3.5.6 put the import under ``try/except ImportError`` with a fallback.  The
thread's fix is that micro release, smaller than moving Keras and TensorFlow a minor each.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

UNIVERSE = {
    "kerasy": [{"version": "2.12.0", "upload_time": "2023-03-20T00:00:00Z", "files": {"kerasy/__init__.py": "", "kerasy/saving.py": "def register(f):\n    return f\n"}},
               {"version": "2.13.1", "upload_time": "2023-06-27T00:00:00Z", "files": {"kerasy/__init__.py": "", "kerasy/src/__init__.py": "",
                                                                                      "kerasy/src/saving.py": "def register(f):\n    return f\n"}}],
    "tcny": [{"version": "3.5.5", "upload_time": "2023-07-01T00:00:00Z", "requires_dist": ["kerasy"],
              "files": {"tcny/__init__.py": "", "tcny/tcn.py": "import os\nfrom kerasy.src.saving import register\n"}},
             {"version": "3.5.6", "upload_time": "2024-01-01T00:00:00Z", "requires_dist": ["kerasy"],
              "files": {"tcny/__init__.py": "", "tcny/tcn.py": "import os\ntry:\n    from kerasy.src.saving import register\n"
                                                               "except ImportError:\n    from kerasy.saving import register\n"}}],
}
SITE = "/home/u/env/lib/python3.11/site-packages"
TB = ("Traceback (most recent call last):\n"
      f'  File "{SITE}/tcny/tcn.py", line 2, in <module>\n'
      "    from kerasy.src.saving import register\n"
      "ModuleNotFoundError: No module named 'kerasy.src'\n")


def test_the_caller_release_that_guarded_the_import_is_offered(index_for):
    index, target = index_for(UNIVERSE, python="3.11")
    pins = parse_requirements_text("tcny==3.5.5\nkerasy==2.12.0\n", target)
    d = diagnose(simple_parse(TB, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("tcny", ">=3.5.6") in [(c.name, c.constraint) for c in d.culprits], [(c.name, c.constraint) for c in d.culprits]
