""""got an unexpected keyword argument 'extra_headers'" retold without the callable.

deepgram/deepgram-python-sdk#483 posted only that sentence (websockets 14 under deepgram-sdk 3.7.6).
The set is read for the one call passing the keyword to another pin's callable that refuses it.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

UNIVERSE = {
    "wsock": [{"version": v, "files": {"wsock/__init__.py": f"def connect(uri, {kw}=None, open_timeout=10):\n    return uri\n"}}
              for v, kw in (("13.1", "extra_headers"), ("14.0", "additional_headers"))],
    "dgram": [{"version": "3.7.6", "requires_dist": ["wsock"],
               "files": {"dgram/__init__.py": "", "dgram/socket.py": "import wsock\n\n\nasync def start(url, h):\n"
                                                                       "    return await wsock.connect(\n        url,\n        extra_headers=h,\n    )\n"}}],
}


def test_the_one_call_passing_the_keyword_names_its_callee_and_range(index_for):
    index, target = index_for(UNIVERSE, python="3.12")
    pins = parse_requirements_text("dgram==3.7.6\nwsock==14.0\n", target)
    paste = "TypeError: got an unexpected keyword argument 'extra_headers'.\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("wsock", "<14.0")]
    assert d.verdict == "transitive"


def test_the_bundled_websockets_entry_knows_the_retold_sentence():
    (entry,) = load_knowledge().match("TypeError", "got an unexpected keyword argument 'extra_headers'.")
    assert entry.fix == "websockets<14"
