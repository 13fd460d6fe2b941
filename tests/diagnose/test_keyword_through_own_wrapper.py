"""A frameless keyword error whose call is of the caller's own class, which hands its keywords to another pin's.

unitycatalog/unitycatalog-python#9 (benchmarks/cases/httpx0281-proxies-removed-unitycatalog011-py39):
Stainless-generated SDKs (openai, anthropic, unitycatalog) build their own
``SyncHttpxClientWrapper(DefaultHttpxClient)`` with ``proxies=``; ``DefaultHttpxClient`` is
``_DefaultHttpxClient`` at run time (``httpx.Client`` only under ``TYPE_CHECKING``), whose
``__init__(**kwargs)`` passes everything to ``super().__init__``.  httpx 0.28 dropped
``proxies``; the paste is only the shown line and the TypeError.
"""
from packaging.specifiers import SpecifierSet

from tests.support.diagnose_crashes import diagnose_paste

SDK = '''import httpx
from typing import TYPE_CHECKING, Any


class _DefaultHttpxClient(httpx.Client):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", 5)
        super().__init__(**kwargs)


if TYPE_CHECKING:
    DefaultHttpxClient = httpx.Client
else:
    DefaultHttpxClient = _DefaultHttpxClient


class SyncHttpxClientWrapper(DefaultHttpxClient):
    def __del__(self) -> None:
        pass


class Api:
    def __init__(self, proxies=None):
        self._client = SyncHttpxClientWrapper(base_url="x", proxies=proxies)
'''

PASTE = "    super().__init__(**kwargs)\nTypeError: __init__() got an unexpected keyword argument 'proxies'\n"


def _httpx(version, param):
    client = f"class Client:\n    def __init__(self, {param}=None, base_url='', timeout=None):\n        pass\n"
    return {"version": version, "files": {"httpx/__init__.py": "from ._client import Client\n", "httpx/_client.py": client}}


def _universe(sdk_text, sdk_version):
    return {"sdk": [{"version": sdk_version, "files": {"sdk/__init__.py": "", "sdk/_base_client.py": sdk_text}}],
            "httpx": [_httpx("0.27.2", "proxies"), _httpx("0.28.1", "proxy")]}


def test_the_keyword_goes_through_the_callers_wrapper_to_the_base_it_forwards_to(index_for):
    index, target = index_for(_universe(SDK, "0.1.1"), python="3.9")
    d = diagnose_paste(index, target, "sdk==0.1.1\nhttpx==0.28.1\n", PASTE)
    assert d.verdict == "transitive", d.summary
    assert {(c.name, c.constraint) for c in d.culprits} == {("httpx", "<0.28.1")}, d.culprits
    assert "hands its keywords to httpx.Client" in d.culprits[0].evidence[0]


def test_a_wrapper_that_takes_the_keyword_itself_does_not_hand_it_on(index_for):
    own = SDK.replace("def __init__(self, **kwargs: Any) -> None:", "def __init__(self, proxies=None, **kwargs: Any) -> None:")
    index, target = index_for(_universe(own, "0.1.2"), python="3.9")
    d = diagnose_paste(index, target, "sdk==0.1.2\nhttpx==0.28.1\n", PASTE)
    assert not any(c.name == "httpx" for c in d.culprits), (d.verdict, d.summary, d.culprits)


def test_the_sync_and_async_wrappers_over_one_callee_are_one_answer(index_for):
    both = SDK + '''

class _DefaultAsyncHttpxClient(httpx.AsyncClient):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)


class AsyncHttpxClientWrapper(_DefaultAsyncHttpxClient):
    pass


class AsyncApi:
    def __init__(self, proxies=None):
        self._client = AsyncHttpxClientWrapper(base_url="x", proxies=proxies)
'''

    def httpx(version, sync, asyn):
        text = (f"class Client:\n    def __init__(self, {sync}=None, base_url=''):\n        pass\n"
                f"class AsyncClient:\n    def __init__(self, {asyn}=None, base_url=''):\n        pass\n")
        return {"version": version, "files": {"httpx/__init__.py": "from ._client import Client, AsyncClient\n",
                                              "httpx/_client.py": text}}

    universe = {"sdk": [{"version": "0.1.3", "files": {"sdk/__init__.py": "", "sdk/_base_client.py": both}}],
                "httpx": [httpx("0.9.0", "proxies", "other"), httpx("0.27.2", "proxies", "proxies"),
                          httpx("0.28.1", "proxy", "proxy")]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "sdk==0.1.3\nhttpx==0.28.1\n", PASTE)
    (culprit,) = d.culprits
    # the releases whose Client and AsyncClient both take it
    assert culprit.name == "httpx" and "0.27.2" in SpecifierSet(culprit.constraint)
    assert "0.9.0" not in SpecifierSet(culprit.constraint)
