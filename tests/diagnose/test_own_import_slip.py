"""A pin's import runs into its own function refusing the arguments: the release's own slip.

empicano/aiomqtt#102: asyncio-mqtt 0.12.0 defines ``_outgoing_call(self, func)`` as a method of ``Client`` and
applies it as ``@_outgoing_call`` in the same class body, so importing the package fails; 0.12.1 made it a
module-level decorator ``_outgoing_call(method)``.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
  File "/usr/local/lib/python3.9/site-packages/mqtty/__init__.py", line 1, in <module>
    from .client import Client
  File "/usr/local/lib/python3.9/site-packages/mqtty/client.py", line 1, in <module>
    class Client:
  File "/usr/local/lib/python3.9/site-packages/mqtty/client.py", line 6, in Client
    async def subscribe(self, *args):
TypeError: _outgoing_call() missing 1 required positional argument: 'func'
"""
SLIP = ("class Client:\n    def _outgoing_call(self, func):\n        return func\n\n"
        "    @_outgoing_call\n    async def subscribe(self, *args):\n        return 1\n")
FIXED = ("def _outgoing_call(method):\n    return method\n\n\nclass Client:\n"
         "    @_outgoing_call\n    async def subscribe(self, *args):\n        return 1\n")
OLD = "class Client:\n    async def subscribe(self, *args):\n        return 1\n"


def _diagnose(index_for, bodies, paste=PASTE):
    universe = {"mqtty": [{"version": v, "files": {"mqtty/__init__.py": "from .client import Client\n",
                                                   "mqtty/client.py": b}} for v, b in bodies]}
    index, target = index_for(universe, python="3.9")
    return diagnose_paste(index, target, "mqtty==0.12.0\n", paste)


def test_the_release_whose_own_import_refuses_its_own_function_moves_to_its_neighbours(index_for):
    d = _diagnose(index_for, [("0.11.1", OLD), ("0.12.0", SLIP), ("0.12.1", FIXED)])
    assert d.verdict == "direct", d.summary
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("mqtty", "<=0.11.1"), ("mqtty", ">=0.12.1")], d.summary


def test_a_function_another_module_defines_is_not_the_releases_own_slip(index_for):
    # the refusing function lives elsewhere (another pin, or another module of the release): left to other readings
    other = SLIP.replace("_outgoing_call", "_incoming_call")
    d = _diagnose(index_for, [("0.11.1", OLD), ("0.12.0", other), ("0.12.1", FIXED)])
    assert not any(c.constraint == "<=0.11.1" for c in d.culprits), d.summary


def test_a_refusal_at_run_time_is_not_an_import_slip(index_for):
    paste = PASTE.replace(", in Client\n", ", in subscribe\n")
    d = _diagnose(index_for, [("0.11.1", OLD), ("0.12.0", SLIP), ("0.12.1", FIXED)], paste=paste)
    assert not any(c.constraint == "<=0.11.1" for c in d.culprits), d.summary
