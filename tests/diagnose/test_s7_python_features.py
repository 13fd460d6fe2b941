"""Code the target Python cannot compile or evaluate, found in the pin's own files.

Real cases behind it: mdomke/schwifty#59 (schwifty 2021.6.1's ``bic.py`` starts
with ``from __future__ import annotations``; Python 3.6 stops with
``SyntaxError: future feature annotations is not defined`` at that location,
which is no frame) and aio-libs/aiohttp-cors#501 (0.8.0 subscripts
``collections.abc.Mapping`` at import; Python 3.8 says ``'ABCMeta' object is not
subscriptable``, with no frame at all in the report).
"""

from __future__ import annotations

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.families import PYTHON_VERSION, classify
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.pyfeatures import too_new
from pytest_depfix.requirements import parse_requirements_text

SCHWIFTY_PASTE = """Traceback (most recent call last):
  File "<string>", line 1, in <module>
  File "/tmp/venv36/lib/python3.6/site-packages/sw/__init__.py", line 3, in <module>
    from sw.bic import BIC
  File "/tmp/venv36/lib/python3.6/site-packages/sw/bic.py", line 1
    from __future__ import annotations
    ^
SyntaxError: future feature annotations is not defined
"""


def test_the_future_import_of_annotations_needs_python_3_7():
    hit = too_new("'''doc'''\nfrom __future__ import annotations\nX = 1\n", (3, 6))
    assert hit is not None and hit.needs == (3, 7) and hit.line == 2
    assert hit.statement == "from __future__ import annotations"
    assert too_new("from __future__ import annotations\nX = 1\n", (3, 7)) is None


def test_collections_abc_classes_subscripted_at_import_need_python_3_9():
    for text in ("from collections.abc import Mapping\nX = Mapping[str, int]\n",
                 "import collections.abc\nclass A(collections.abc.Mapping[str, int]):\n    pass\n",
                 "from collections import abc\ndef f(x: abc.Sequence[int]) -> None:\n    pass\n"):
        hit = too_new(text, (3, 8))
        assert hit is not None and hit.needs == (3, 9), text
        assert too_new(text, (3, 9)) is None
    # typing's aliases are subscriptable on every Python; a postponed annotation is never evaluated
    assert too_new("from typing import Mapping\nX = Mapping[str, int]\n", (3, 8)) is None
    assert too_new("from __future__ import annotations\nfrom collections import abc\n"
                   "def f(x: abc.Sequence[int]) -> None:\n    pass\n", (3, 8)) is None
    # a name rebound at module level is no longer the abc class
    assert too_new("from collections.abc import Mapping\nMapping = dict\nX = Mapping[str, int]\n", (3, 8)) is None


def test_the_compilers_refusal_is_a_python_version_signal():
    from pytest_depfix.crash import parse_traceback

    (crash,) = parse_traceback(SCHWIFTY_PASTE)
    sig = classify(crash)
    assert sig.family == PYTHON_VERSION and sig.detail["python_added"] == "3.7"


def sw_universe():
    future = "from __future__ import annotations\nclass BIC:\n    pass\n"
    plain = "class BIC:\n    pass\n"
    init = "X = 0\nfrom sw.bic import BIC\n"
    return {"sw": [
        {"version": "2021.1.0", "upload_time": "2021-01-01T00:00:00Z",
         "files": {"sw/__init__.py": init, "sw/bic.py": plain}},
        {"version": "2021.4.0", "upload_time": "2021-04-01T00:00:00Z",
         "files": {"sw/__init__.py": init, "sw/bic.py": future}},
        {"version": "2021.6.1", "upload_time": "2021-06-01T00:00:00Z",
         "files": {"sw/__init__.py": init, "sw/bic.py": future}},
    ]}


def test_the_location_of_the_syntax_error_names_the_file_and_the_release_before_it_is_offered(index_for):
    from pytest_depfix.crash import parse_traceback

    index, target = index_for(sw_universe(), python="3.6")
    pins = parse_requirements_text("sw==2021.6.1\n", target)
    (crash,) = parse_traceback(SCHWIFTY_PASTE)
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.family == PYTHON_VERSION and d.verdict == "transitive"
    assert [(c.name, c.constraint) for c in d.culprits] == [("sw", "==2021.1.0")]
    assert "sw/bic.py line 1" in d.culprits[0].evidence[0]


def cors_universe():
    new = "import collections.abc\nclass _Config(collections.abc.Mapping[str, int]):\n    pass\n"
    return {"cors": [
        {"version": "0.6.0", "upload_time": "2018-01-01T00:00:00Z", "files": {"cors/__init__.py": "X = 1\n"}},
        {"version": "0.7.0", "upload_time": "2019-01-01T00:00:00Z", "files": {"cors/__init__.py": "X = 2\n"}},
        {"version": "0.8.0", "upload_time": "2025-01-01T00:00:00Z", "files": {"cors/__init__.py": new}},
        {"version": "0.8.1", "upload_time": "2025-02-01T00:00:00Z", "requires_python": ">=3.9",
         "files": {"cors/__init__.py": new}},
    ]}


def test_a_frameless_abc_subscript_error_goes_back_when_no_later_release_runs_on_the_target(index_for):
    from pytest_depfix.crash import parse_traceback

    index, target = index_for(cors_universe(), python="3.8")
    pins = parse_requirements_text("cors==0.8.0\n", target)
    (crash,) = parse_traceback("TypeError: 'ABCMeta' object is not subscriptable\n")
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert d.family == PYTHON_VERSION and d.verdict == "transitive"
    # 0.8.1 is not installable on 3.8: the only move is back, to the newest release without it
    assert [(c.name, c.constraint) for c in d.culprits] == [("cors", "==0.7.0")]
