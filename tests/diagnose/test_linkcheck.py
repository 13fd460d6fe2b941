"""A paste cut before its message: the missing import is found by reading imports in the order Python runs them.

bmabey/pyLDAvis#250's stored traceback stops inside gensim's frames; the name (scipy.linalg.triu, gone
in SciPy 1.13) is found by walking gensim's own modules from the innermost frame's statement and asking
the pinned SciPy about every name gensim imports from it.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe, Question
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

SITE = "/home/u/venv/lib/python3.11/site-packages"
CUT = (f'Traceback (most recent call last):\n  File "/home/u/nb.py", line 5, in <module>\n    from gensy import models\n'
       f'  File "{SITE}/gensy/__init__.py", line 3, in <module>\n    from gensy import corpora, matutils\n'
       f'  File "{SITE}/gensy/corpora/__init__.py", line 2, in <module>\n    from .indexed import IndexedCorpus\n'
       "ImportError\n")


def _gensy(matutils):
    return {
        "gensy/__init__.py": "import logging\nfrom gensy import corpora, matutils\n",
        "gensy/corpora/__init__.py": "import os\nfrom .indexed import IndexedCorpus\nfrom .late import Late\n",
        "gensy/corpora/indexed.py": "from gensy import utils\nclass IndexedCorpus: pass\n",
        "gensy/corpora/late.py": "from scy.linalg import gone_too\nclass Late: pass\n",
        "gensy/utils.py": "import scy.sparse\nfrom gensy import matutils\n",
        "gensy/matutils.py": matutils,
    }


MATUTILS = ("try:\n    from scy.linalg import never_there\nexcept ImportError:\n    never_there = None\n"
            "import sys\nif sys.platform == 'win32':\n    from scy.linalg import win_only\n"
            "def later():\n    from scy.linalg import in_a_function\n"
            "from scy.linalg import get_blas, triu\n")


def _universe(ext_bytes=None):
    def scy(has_triu):
        files = {"scy/__init__.py": "", "scy/sparse.py": "",
                 "scy/linalg/__init__.py": "from ._basic import *\n" + ("from ._ext import *\n" if ext_bytes else ""),
                 "scy/linalg/_basic.py": "def get_blas(): pass\ndef gone_too(): pass\n" + ("def triu(): pass\n" if has_triu else "")}
        if ext_bytes:
            files["scy/linalg/_ext.cpython-311-x86_64-linux-gnu.so"] = ext_bytes
        return files
    return {"gensy": [{"version": "4.3.2", "files": _gensy(MATUTILS)}],
            "scy": [{"version": "1.12.0", "files": scy(True)}, {"version": "1.13.0", "files": scy(False)}]}


def _run(index, target, text="gensy==4.3.2\nscy==1.13.0\n"):
    pins = parse_requirements_text(text, target)
    return diagnose(simple_parse(CUT, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_first_unguarded_import_the_pinned_owner_lacks_becomes_the_lost_message(index_for):
    index, target = index_for(_universe(), python="3.11")
    d = _run(index, target)
    assert d.details["message_read_from_imports"] == "cannot import name 'triu' from 'scy.linalg'"
    assert [(c.name, c.constraint) for c in d.culprits][0] == ("scy", "<1.13.0")
    assert "gensy/matutils.py runs 'from scy.linalg import triu'" in d.summary


def test_guarded_conditional_and_function_level_imports_are_not_taken_for_the_failure(index_for):
    # never_there, win_only and in_a_function are missing from every scy; only triu is the failure,
    # and late.py (imported after the frame's statement finished) is never reached first.
    index, target = index_for(_universe(), python="3.11")
    assert _run(index, target).details["message_read_from_imports"].endswith("'triu' from 'scy.linalg'")


def test_nothing_missing_leaves_the_paste_as_it_was(index_for):
    index, target = index_for(_universe(), python="3.11")
    d = _run(index, target, "gensy==4.3.2\nscy==1.12.0\n")
    assert "message_read_from_imports" not in d.details and d.culprits == []


def test_a_star_import_from_a_binary_that_never_spells_the_name_cannot_bring_it(index_for):
    index, target = index_for(_universe(b"\x7fELF get_blas_impl PyInit__ext"), python="3.11")
    probe = ApiProbe(index)
    assert probe.ask("scy", "1.13.0", Question.parse("scy.linalg:triu")).value == "no"
    assert probe.ask("scy", "1.12.0", Question.parse("scy.linalg:triu")).value == "yes"


def test_a_binary_that_spells_the_name_or_may_compress_its_strings_proves_nothing(index_for):
    for ext in (b"\x7fELF triu PyInit__ext", b"\x7fELF _cython_3_1_2 PyInit__ext"):
        index, target = index_for(_universe(ext), python="3.11")
        assert ApiProbe(index).ask("scy", "1.13.0", Question.parse("scy.linalg:triu")).value == "unknown", ext
