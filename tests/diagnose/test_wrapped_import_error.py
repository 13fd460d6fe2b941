"""An import error a library's wrapper re-raises under its own first line, and a keyword cut at its quote.

LLaVA#1793: transformers' lazy module prints "RuntimeError: Failed to import transformers.trainer
because of the following error (look up to see its traceback):" and, on the next line, the
import's own message: peft 0.14.0 imports ``EncoderDecoderCache``, which transformers 4.37.2
does not have yet (4.43 does; peft 0.13.2 does not import it).
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, families, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

# LLaVA#1793, verbatim; package names changed to the fixtures'.
PASTE = ("RuntimeError: Failed to import transformy.trainer because of the following error (look up to see its "
         "traceback):\ncannot import name 'EncoderDecoderCache' from 'transformy' "
         "(/opt/conda/envs/llava/lib/python3.10/site-packages/transformy/__init__.py)\n")


def _universe():
    def transformy(v, has):
        init = "class Cache:\n    pass\n" + ("class EncoderDecoderCache(Cache):\n    pass\n" if has else "")
        return {"version": v, "files": {"transformy/__init__.py": init}}

    def pefty(v, uses):
        names = "Cache, EncoderDecoderCache" if uses else "Cache"
        return {"version": v, "requires_dist": ["transformy>=4.36"],
                "files": {"pefty/__init__.py": "", "pefty/peft_model.py": f"from transformy import {names}\n"}}
    return {"transformy": [transformy("4.37.2", False), transformy("4.43.0", True)],
            "pefty": [pefty("0.13.2", False), pefty("0.14.0", True)]}


def test_the_import_error_under_a_wrappers_first_line_is_the_one_diagnosed(index_for):
    index, target = index_for(_universe(), python="3.10")
    pins = parse_requirements_text("pefty==0.14.0\ntransformy==4.37.2\n", target)
    crash = attribute(parse_traceback(PASTE)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("pefty", "==0.13.2") in got and ("transformy", ">=4.43.0") in got, d.summary
    assert d.family == "import-name"


def test_a_wrapper_with_no_import_wording_below_stays_as_printed(index_for):
    index, target = index_for(_universe(), python="3.10")
    pins = parse_requirements_text("pefty==0.14.0\ntransformy==4.37.2\n", target)
    paste = PASTE.split("\n")[0] + "\nsomething else went wrong\n"
    crash = attribute(parse_traceback(paste)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert not d.culprits and d.family != "import-name", d.summary


def test_a_keyword_whose_closing_quote_the_paste_lost_is_still_read():
    # OpenBMB/ChatDev#467: "TypeError: __init__() got an unexpected keyword argument 'proxies" (quote lost)
    m = families._SIG_KW.search("__init__() got an unexpected keyword argument 'proxies")
    assert m is not None and m.group(2) == "proxies"
    assert families._SIG_KW.search("f() got an unexpected keyword argument 'proxies and more") is None


# ChatDev#467's frames: openai 1.3.3 passes proxies= to httpx.Client; httpx 0.28 refuses it.
TB_KW = """Traceback (most recent call last):
  File "/home/u/env/lib/python3.9/site-packages/opny/_base_client.py", line 5, in __init__
    self._client = http_client or clienty.Client(
TypeError: __init__() got an unexpected keyword argument 'proxies'
"""


def _kw_universe():
    def clienty(v, takes):
        params = "self, base_url=None, proxies=None" if takes else "self, base_url=None"
        return {"version": v, "files": {"clienty/__init__.py": f"class Client:\n    def __init__({params}):\n        pass\n"}}
    head = "import clienty\nclass Base:\n    def __init__(self, http_client=None, proxies=None):\n        x = 1\n"
    old = head + "        self._client = http_client or clienty.Client(\n            base_url='', proxies=proxies)\n"
    moved = ("import clienty\nclass Wrapper(clienty.Client):\n    pass\nclass Base:\n"
             "    def __init__(self, http_client=None, proxies=None):\n        x = 1\n        y = 2\n"
             "        self._client = http_client or Wrapper(\n            base_url='', proxies=proxies)\n")
    fixed = head + "        self._client = http_client or clienty.Client(\n            base_url='')\n"
    return {"clienty": [clienty("0.27.2", True), clienty("0.28.1", False)],
            "opny": [{"version": v, "requires_dist": ["clienty>=0.23"],
                      "files": {"opny/__init__.py": "", "opny/_base_client.py": src}}
                     for v, src in (("1.3.3", old), ("1.3.9", moved), ("1.55.3", fixed))]}


def test_a_failing_line_that_moved_but_still_passes_the_keyword_is_no_adaptation(index_for):
    index, target = index_for(_kw_universe(), python="3.9")
    pins = parse_requirements_text("opny==1.3.3\nclienty==0.28.1\n", target)
    crash = attribute(parse_traceback(TB_KW)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("opny", ">=1.3.9") not in got, d.summary
    assert ("opny", ">=1.55.3") in got, d.summary


def test_a_multiple_values_error_is_no_reason_to_check_the_keyword_is_still_passed(index_for):
    # "got multiple values for argument 'timeout'": the usual fix keeps timeout= and drops the
    # positional, so a release still passing timeout= may well be the fix (review finding).
    tb = ('Traceback (most recent call last):\n  File "/home/u/env/lib/python3.9/site-packages/opnz/base.py", line 5, in make\n'
          "    return clienty.Client(url, 30, timeout=5)\n"
          "TypeError: __init__() got multiple values for argument 'timeout'\n")

    def clienty(v, new):
        params = "self, base_url, timeout=None, retries=0" if new else "self, base_url, retries=0, timeout=None"
        return {"version": v, "files": {"clienty/__init__.py": f"class Client:\n    def __init__({params}):\n        pass\n"}}

    def opnz(v, call):
        return {"version": v, "requires_dist": ["clienty>=0.1"],
                "files": {"opnz/__init__.py": "", "opnz/base.py": f"import clienty\n\n\ndef make(url):\n    return {call}\n"}}
    universe = {"clienty": [clienty("0.27.0", False), clienty("0.28.0", True)],
                "opnz": [opnz("1.0.0", "clienty.Client(url, 30, timeout=5)"), opnz("1.1.0", "clienty.Client(url, timeout=5)")]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("opnz==1.0.0\nclienty==0.28.0\n", target)
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("opnz", ">=1.1.0") in {(c.name, c.constraint) for c in d.culprits}, d.summary


SP = "/opt/conda/envs/llava/lib/python3.10/site-packages"
# A full chain (review of session 14): the import error with its frames, then the wrapper.
TB_CHAIN = f"""Traceback (most recent call last):
  File "{SP}/transformy/utils/import_utils.py", line 6, in _get_module
    return importlib.import_module("." + module_name, self.__name__)
  File "{SP}/pefty/peft_model.py", line 1, in <module>
    from transformy import Cache, EncoderDecoderCache
ImportError: cannot import name 'EncoderDecoderCache' from 'transformy' ({SP}/transformy/__init__.py)

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/home/u/LLaVA/train.py", line 1, in <module>
    from transformy.trainer import Trainer
  File "{SP}/transformy/utils/import_utils.py", line 8, in _get_module
    raise RuntimeError(
RuntimeError: Failed to import transformy.trainer because of the following error (look up to see its traceback):
cannot import name 'EncoderDecoderCache' from 'transformy' ({SP}/transformy/__init__.py)
"""


def test_a_printed_chain_is_cut_at_the_wrapped_import_error_and_its_frames_read(index_for):
    index, target = index_for(_universe(), python="3.10")
    pins = parse_requirements_text("pefty==0.14.0\ntransformy==4.37.2\n", target)
    crash = attribute(parse_traceback(TB_CHAIN)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    got = {(c.name, c.constraint) for c in d.culprits}
    assert d.verdict == "transitive" and ("transformy", ">=4.43.0") in got, (d.verdict, d.summary, got)
    assert any(c.name == "pefty" for c in d.culprits), got


def test_the_callable_names_on_a_line_include_one_after_a_subscript():
    from pytest_depfix.diagnose.verdict import _CALLED_DOTTED
    assert _CALLED_DOTTED.findall("self._client = self._clients[0].Client(") == ["Client"]
    assert _CALLED_DOTTED.findall("x = httpx.Client(base_url='')") == ["httpx.Client"]
