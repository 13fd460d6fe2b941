"""A qualified name the thread retyped in lower case still names the set's class.

mvanderlee/aiotrino#4 quotes "trinoresponsehandler.set_response_params() got an unexpected
keyword argument 'timeout_ceil_threshold'": Python prints aiotrino's ``TrinoResponseHandler``.
aiohttp 3.9 passes the keyword to the override, which aiotrino 0.2.3 learnt to take.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = ("trinoresponsehandler.set_response_params() got an unexpected keyword argument "
         "'timeout_ceil_threshold'\n")
OLD = ("from aiohttpy import ResponseHandler\n\n\nclass TrinoResponseHandler(ResponseHandler):\n"
       "    def set_response_params(self, *, timer=None, skip_payload=False):\n        pass\n")
NEW = OLD.replace("skip_payload=False)", "skip_payload=False, timeout_ceil_threshold=5)")
BASE = ("class ResponseHandler:\n    def set_response_params(self, *, timer=None, skip_payload=False,"
        " timeout_ceil_threshold=5):\n        pass\n\n\ndef connect(h):\n"
        "    h.set_response_params(timer=None, timeout_ceil_threshold=5)\n")


def _universe(twin=False):
    def trino(v, body):
        files = {"aiotrinoy/__init__.py": "", "aiotrinoy/client.py": body}
        if twin:  # a second spelling of the same name elsewhere: which one is meant is unknown
            files["aiotrinoy/legacy.py"] = "class TrinoResponsehandler:\n    pass\n"
        return {"version": v, "requires_dist": ["aiohttpy"], "files": files}

    return {"aiotrinoy": [trino("0.2.2", OLD), trino("0.2.3", NEW)],
            "aiohttpy": [{"version": "3.9.3", "files": {"aiohttpy/__init__.py": BASE}}]}


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("aiotrinoy==0.2.2\naiohttpy==3.9.3\n", target)
    crash = infer_message(PASTE).to_crash()
    from pytest_depfix.crash import attribute

    crash = attribute(crash, pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_lower_cased_class_is_read_as_the_one_the_set_defines(index_for):
    d = _diagnose(index_for, _universe())
    assert ("aiotrinoy", ">=0.2.3") in [(c.name, c.constraint) for c in d.culprits], d.summary
    assert any("read as retyped" in n for n in d.details.get("notes", []))


def test_two_spellings_leave_it_unread(index_for):
    d = _diagnose(index_for, _universe(twin=True))
    assert not d.culprits, d.summary
