"""A subclass's override that never took a keyword its base package began to pass.

evalstate/fast-agent#175: fast-agent-mcp 0.2.25's ``MCPAgentClientSession.send_request``
overrides mcp's ``ClientSession.send_request``; mcp 1.9.0's ``call_tool`` passes
``progress_callback=`` to it.  No fast-agent release takes the keyword, so the fix is the
base package's releases before it began passing it.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

SESSION = ("class ClientSession:\n    async def send_request(self, request, result_type{extra}):\n        return request\n\n"
           "    async def call_tool(self, name):\n        return await self.send_request(\n            name, dict{call})\n")
AGENT = ("from mcpy.client import ClientSession\n\n\nclass MCPAgentClientSession(ClientSession):\n"
         "    async def send_request(self, request, result_type, request_read_timeout_seconds=None):\n"
         "        return await super().send_request(request, result_type)\n")
UNIVERSE = {
    "mcpy": [{"version": v, "files": {"mcpy/__init__.py": "", "mcpy/client.py": SESSION.format(extra=extra, call=call)}}
             for v, extra, call in (("1.7.0", "", ""), ("1.8.1", "", ""),
                                    ("1.9.0", ", progress_callback=None", ", progress_callback=None"))],
    "fastagent": [{"version": "0.2.25", "requires_dist": ["mcpy>=1.7"],
                   "files": {"fastagent/__init__.py": "", "fastagent/session.py": AGENT}}],
}
PASTE = "TypeError: MCPAgentClientSession.send_request() got an unexpected keyword argument 'progress_callback'\n"


def _diagnose(index_for, pins_text):
    index, target = index_for(UNIVERSE, python="3.12")
    pins = parse_requirements_text(pins_text, target)
    return diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_base_package_is_held_before_the_release_that_began_passing_the_keyword(index_for):
    d = _diagnose(index_for, "fastagent==0.2.25\nmcpy==1.9.0\n")
    assert [(c.name, c.constraint) for c in d.culprits] == [("mcpy", "<1.9.0")]
    assert "never took 'progress_callback'" in d.summary


def test_a_base_that_has_always_passed_it_is_no_answer(index_for):
    UNIVERSE["mcpy"][0]["files"]["mcpy/client.py"] = SESSION.format(extra=", progress_callback=None", call=", progress_callback=None")
    UNIVERSE["mcpy"][1]["files"]["mcpy/client.py"] = SESSION.format(extra=", progress_callback=None", call=", progress_callback=None")
    try:
        d = _diagnose(index_for, "fastagent==0.2.25\nmcpy==1.9.0\n")
        assert not any(c.name == "mcpy" and c.source == "release-files" for c in d.culprits)
    finally:
        UNIVERSE["mcpy"][0]["files"]["mcpy/client.py"] = SESSION.format(extra="", call="")
        UNIVERSE["mcpy"][1]["files"]["mcpy/client.py"] = SESSION.format(extra="", call="")
