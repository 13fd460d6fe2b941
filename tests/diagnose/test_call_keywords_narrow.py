"""A missing module name comes back only where it also takes the failing call's keywords.

encode/httpcore 1.0.3 calls ``anyio.CancelScope(shield=True)``; anyio 2.2.0 has no CancelScope,
anyio 1.4.0 has one that takes no arguments (the abstract base), and anyio 3.0.0 on takes ``shield``.
"""
from packaging.specifiers import SpecifierSet

from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/srv/app/main.py", line 3, in <module>
    pool.request("GET", "/")
  File "/venv/lib/python3.9/site-packages/poolcore/_sync.py", line 4, in __init__
    self._shield = scopes.CancelScope(shield=True)
AttributeError: module 'scopes' has no attribute 'CancelScope'
"""
CALLER = "import scopes\n\n\nclass Pool:\n    def __init__(self):\n        self._shield = scopes.CancelScope(shield=True)\n"
ABSTRACT = "import abc\n\n\nclass CancelScope(metaclass=abc.ABCMeta):\n    @abc.abstractmethod\n    def cancel(self):\n        pass\n"
NONE = "def open_cancel_scope(shield=False):\n    return None\n"
TAKES = "class CancelScope:\n    def __init__(self, deadline=None, shield=False):\n        self.shield = shield\n"


def _universe():
    return {
        "poolcore": [{"version": "1.0.3", "files": {"poolcore/__init__.py": "", "poolcore/_sync.py": CALLER}}],
        "scopes": [{"version": v, "files": {"scopes/__init__.py": body}}
                   for v, body in (("1.3.0", ABSTRACT), ("1.4.0", ABSTRACT), ("2.2.0", NONE),
                                   ("3.0.0", TAKES), ("3.1.0", TAKES))],
    }


def _admits(d, version):
    """Whether the culprit ranges for scopes admit ``version``."""
    ranges = [SpecifierSet(c.constraint) for c in d.culprits if c.name == "scopes"]
    assert ranges, d.summary
    return any(r.contains(version) for r in ranges)


def test_a_name_that_refuses_the_calls_keyword_is_no_way_back(index_for):
    index, target = index_for(_universe(), python="3.9")
    d = diagnose_paste(index, target, "poolcore==1.0.3\nscopes==2.2.0\n", PASTE)
    assert not _admits(d, "1.4.0"), d.summary
    assert _admits(d, "3.0.0"), d.summary


def test_a_call_without_keywords_keeps_the_presence_range(index_for):
    index, target = index_for(_universe(), python="3.9")
    d = diagnose_paste(index, target, "poolcore==1.0.3\nscopes==2.2.0\n",
                       PASTE.replace("CancelScope(shield=True)", "CancelScope()"))
    assert _admits(d, "1.4.0") and _admits(d, "3.0.0"), d.summary
