"""A knowledge entry about one call, met by a paste with no frame: the call is looked for in the set.

graphql-python/flask-graphql-auth (PyJWT 2.0.0): the paste is one line, "GraphQLLocatedError: 'str'
object has no attribute 'decode'".  graphql-core's error carries the resolver's AttributeError message
as its own; the knowledge entry on PyJWT 2.0 (jwt.encode returns str) is about calls to jwt.encode,
which no frame shows, but Flask-GraphQL-Auth 1.3.2, declaring PyJWT, makes them.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.families import ATTRIBUTE, classify
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.models import Crash, ExceptionRecord
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

PASTE = "graphql.error.located_error.GraphQLLocatedError: 'str' object has no attribute 'decode'\n"
AUTH = ("import jwt\n\n\ndef create_access_token(identity, secret):\n"
        "    return jwt.encode({'identity': identity}, secret, algorithm='HS256').decode('utf-8')\n")


def _universe(auth=AUTH, requires=("PyJWT",)):
    return {"pyjwt": [{"version": v, "files": {"jwt/__init__.py": "def encode(payload, key, algorithm=None):\n    return ''\n"}}
                      for v in ("1.7.1", "2.0.0")],
            "flask-graphql-authy": [{"version": "1.3.2", "requires_dist": list(requires),
                                     "files": {"flask_graphql_authy/__init__.py": auth}}]}


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("flask-graphql-authy==1.3.2\npyjwt==2.0.0\n", target)
    return diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(), probe=ApiProbe(index))


def test_a_library_error_carrying_a_builtin_message_is_read_as_that_builtin():
    sig = classify(Crash([ExceptionRecord("graphql.error.located_error.GraphQLLocatedError",
                                          "'str' object has no attribute 'decode'", [])]))
    assert (sig.family, sig.exc_type, sig.cls, sig.name) == (ATTRIBUTE, "AttributeError", "str", "decode")


def test_the_entrys_call_made_by_a_pin_declaring_its_package_applies_it(index_for):
    d = _diagnose(index_for, _universe())
    assert ("pyjwt", "<2") in [(c.name.lower(), c.constraint) for c in d.culprits], d.summary


def test_no_pin_making_the_call_leaves_the_entry_out(index_for):
    d = _diagnose(index_for, _universe(auth="def create_access_token(identity):\n    return identity.decode('utf-8')\n"))
    assert ("pyjwt", "<2") not in [(c.name.lower(), c.constraint) for c in d.culprits], d.summary


def test_a_pin_making_the_call_without_declaring_the_package_leaves_it_out(index_for):
    d = _diagnose(index_for, _universe(requires=()))
    assert ("pyjwt", "<2") not in [(c.name.lower(), c.constraint) for c in d.culprits], d.summary
