"""A message-only paste with the failing code line printed right above the exception line.

openvino's CI pasted networkx 2.8.1's ``InEdgeView.__setstate__`` lines and, under them,
``AttributeError: 'Graph' object has no attribute '_adj'``, all indented alike and with no
frame.  The line right above the message is the failing line: the pin holding it is asked.
"""
from pytest_depfix.diagnose.message_only import infer_message

LINE = 'self._adjdict = G._pred if hasattr(G, "pred") else G._adj'
PASTE = ("def __setstate__(self, state):\n    self._graph = G = state[\"_graph\"]\n"
         f"    {LINE}\n    AttributeError: 'Graph' object has no attribute '_adj'\n")


def test_the_code_line_above_the_message_is_its_shown_line():
    found = infer_message(PASTE)
    assert found.exc_type == "AttributeError"
    assert found.to_crash().root.source_hint == LINE


def test_prose_or_a_def_line_above_the_message_is_no_shown_line():
    assert infer_message("I upgraded and now:\nAttributeError: 'Graph' object has no attribute '_adj'\n").shown == ""
    assert infer_message("def __setstate__(self, state):\nAttributeError: 'Graph' object has no attribute '_adj'\n").shown == ""


def test_the_one_pin_holding_the_shown_line_moves_to_its_release_without_it(index_for):
    body = "class View:\n    def __setstate__(self, state):\n        self._graph = G = state['_graph']\n        {}\n"
    universe = {"nxy": [{"version": v, "files": {"nxy/__init__.py": "", "nxy/views.py": body.format(line)}}
                        for v, line in (("2.8.1", LINE), ("2.8.2", "self._adjdict = state['_adjdict']"))]}
    index, target = index_for(universe, python="3.8")
    from pytest_depfix.crash import attribute
    from pytest_depfix.diagnose import diagnose, load_knowledge
    from pytest_depfix.diagnose.probe import ApiProbe
    from pytest_depfix.requirements import parse_requirements_text

    pins = parse_requirements_text("nxy==2.8.1\n", target)
    crash = attribute(infer_message(PASTE).to_crash(), pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("nxy", ">=2.8.2") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_keyword_errors_line_above_is_no_shown_line():
    # (review) the user's own "import krpc_pb2" above a protobuf TypeError must not turn off the call readings
    found = infer_message("    import krpcy_pb2\n    TypeError: __new__() got an unexpected keyword argument 'serialized_options'\n")
    assert found.exc_type == "TypeError" and found.shown == ""
