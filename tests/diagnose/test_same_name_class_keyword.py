"""A keyword the set's own class of that name takes, refused by another class of the same name.

nicolargo/glances#2614: "HTTPConnection.request() got an unexpected keyword argument
'chunked'".  urllib3 2.0's ``HTTPConnection.request`` takes ``chunked=`` and its pool
passes it, but docker 6.0's connection builds on http.client's ``HTTPConnection``, whose
``request`` does not.  The class that refused is not the set's; the pin that began passing
the keyword goes back to its releases before it.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

CONNECTION = ("import http.client\n\n\nclass HTTPConnection(http.client.HTTPConnection):\n"
              "    def request(self, method, url, body=None, headers=None{extra}):\n"
              "        return super().request(method, url, body, headers or {{}})\n\n"
              "    def request_chunked(self, method, url):\n"
              "        return self.request(method, url{self_call})\n")
POOL = ("from .connection import HTTPConnection\n\n\nclass Pool:\n    def urlopen(self, conn, method, url, chunked=False):\n"
        "        return conn.request(method, url{call})\n")
DOCKERISH = ("import http.client\n\n\nclass UnixHTTPConnection(http.client.HTTPConnection):\n    pass\n")


def _universe(pool_calls_in_old: bool = False, own_takes: bool = True):
    def release(version, new):
        return {"version": version, "files": {
            "webpool/__init__.py": "",
            "webpool/connection.py": CONNECTION.format(extra=", chunked=False" if own_takes and new else "",
                                                       self_call=", chunked=True" if new else ""),
            "webpool/connectionpool.py": POOL.format(call=", chunked=chunked" if new or pool_calls_in_old else "")}}
    return {
        "webpool": [release("1.26.18", False), release("2.0.0", True), release("2.1.0", True)],
        "dockerish": [{"version": "6.0.0", "requires_dist": ["webpool>=1.26"],
                       "files": {"dockerish/__init__.py": "", "dockerish/unixconn.py": DOCKERISH}}],
    }


PASTE = "TypeError: HTTPConnection.request() got an unexpected keyword argument 'chunked'\n"


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("dockerish==6.0.0\nwebpool==2.1.0\n", target)
    return diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_pin_that_began_passing_the_keyword_goes_back_before_it(index_for):
    d = _diagnose(index_for, _universe())
    assert [(c.name, c.constraint) for c in d.culprits] == [("webpool", "<2.0.0")]
    assert d.verdict == "transitive"
    assert "another class refused it" in d.summary
    # The pool's call of another object's request, not the class's own self.request(...)
    assert "connectionpool.py" in d.culprits[0].evidence[0]


def test_a_call_the_pin_has_always_made_is_no_answer(index_for):
    d = _diagnose(index_for, _universe(pool_calls_in_old=True))
    assert not any(c.name == "webpool" and c.source == "release-files" for c in d.culprits)


def test_a_set_class_that_refuses_the_keyword_is_not_read_as_another_class(index_for):
    d = _diagnose(index_for, _universe(own_takes=False))
    assert "another class refused it" not in d.summary
