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


def test_a_private_method_keyword_error_is_asked_of_the_pin_classes_defining_it(index_for):
    # Bachmann1234/marshmallow-polyfield#27: marshmallow 3.0.0rc7 passes partial= to _deserialize;
    # polyfield 5.6's override takes (value, attr, obj), 5.7's takes **kwargs.
    from pytest_depfix.diagnose.message_only import infer_message

    field = "class Field:\n    def _deserialize(self, value, attr, data, **kwargs):\n        pass\n"
    poly = lambda extra: ("from marshmallowy import Field\n\nclass PolyField(Field):\n"
                          f"    def _deserialize(self, value, attr, obj{extra}):\n        pass\n")
    universe = {"marshmallowy": [{"version": "3.0.0rc7", "files": {"marshmallowy/__init__.py": field}}],
                "polyfieldy": [{"version": "5.6", "requires_dist": ["marshmallowy"], "files": {"polyfieldy/__init__.py": poly("")}},
                               {"version": "5.7", "requires_dist": ["marshmallowy"], "files": {"polyfieldy/__init__.py": poly(", **kwargs")}}]}
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("polyfieldy==5.6\nmarshmallowy==3.0.0rc7\n", target)
    kb = load_knowledge(bundled=False)
    crash = infer_message("TypeError: _deserialize() got an unexpected keyword argument 'partial'\n", kb).to_crash()
    d = diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))
    assert ("polyfieldy", ">=5.7") in [(c.name, c.constraint) for c in d.culprits], d.summary
