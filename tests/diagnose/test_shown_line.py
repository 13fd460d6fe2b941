"""A constructor's missing argument with only the failing line shown: its class, and the pin holding the line.

pnuckowski/aioresponses#88: aiohttp 3.0's ``StreamReader.__init__`` requires ``protocol``;
aioresponses 0.3.2 runs ``self.resp.content = StreamReader()``, 0.4.0 passes it.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = (">       self.resp.content = StreamReader()\n"
         "E       TypeError: __init__() missing 1 required positional argument: 'protocol'\n")


def _universe(new_line: str):
    streams = lambda v: ("class StreamReader:\n    def __init__(self, protocol, limit=2 ** 16):\n        pass\n" if v >= "3"
                         else "class StreamReader:\n    def __init__(self, limit=2 ** 16):\n        pass\n")
    mock = lambda line: f"from aiohttpy.streams import StreamReader\n\nclass Mock:\n    def build(self):\n        {line}\n"
    return {"aiohttpy": [{"version": v, "files": {"aiohttpy/__init__.py": "from .streams import StreamReader\n",
                                                  "aiohttpy/streams.py": streams(v)}} for v in ("2.3.10", "3.0.1")],
            "aioresp": [{"version": "0.3.2", "requires_dist": ["aiohttpy"],
                         "files": {"aioresp/__init__.py": "", "aioresp/core.py": mock("self.resp.content = StreamReader()")}},
                        {"version": "0.4.0", "requires_dist": ["aiohttpy"],
                         "files": {"aioresp/__init__.py": "", "aioresp/core.py": mock(new_line)}}]}


def _diagnose(index_for, new_line):
    index, target = index_for(_universe(new_line), python="3.6")
    pins = parse_requirements_text("aioresp==0.3.2\naiohttpy==3.0.1\n", target)
    crash = attribute(parse_traceback(PASTE)[0], pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_class_the_line_calls_and_the_pin_holding_the_line_are_both_offered(index_for):
    d = _diagnose(index_for, "self.resp.content = StreamReader(protocol=self)")
    found = {c.name: c.constraint for c in d.culprits}
    assert found.get("aiohttpy", "").endswith("<3.0.1") and found.get("aioresp") == ">=0.4.0", found


def test_a_pin_that_kept_the_line_is_not_offered_forward(index_for):
    d = _diagnose(index_for, "self.resp.content = StreamReader()  # still")
    assert not any(c.name == "aioresp" for c in d.culprits)
