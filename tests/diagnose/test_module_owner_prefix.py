"""A pin named like a module by its prefix owns it only when its wheel ships it.

graphql-python/graphql-server#29: ``cannot import name 'get_default_backend' from 'graphql'``
was laid on graphql-server-core (named ``graphql-...``, shipping ``graphql_server``) instead of
graphql-core, which ships ``graphql`` and dropped the name in 3.0.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "app.py", line 3, in <module>
    from flask_graphqly import GraphQLView
  File "/usr/local/lib/python3.7/site-packages/flask_graphqly/__init__.py", line 1, in <module>
    from graphql_server import HttpQueryError
  File "/usr/local/lib/python3.7/site-packages/graphql_server/__init__.py", line 5, in <module>
    from graphql import get_default_backend
ImportError: cannot import name 'get_default_backend' from 'graphql' (/usr/local/lib/python3.7/site-packages/graphql/__init__.py)
"""


def _universe():
    def core(v, body):
        return {"version": v, "files": {"graphql/__init__.py": body}}

    return {
        "graphql-core": [core("2.3.2", "def get_default_backend():\n    pass\n"), core("3.0.0", "def graphql():\n    pass\n")],
        "graphql-server-core": [{"version": "1.1.1", "requires_dist": ["graphql-core"],
                                 "files": {"graphql_server/__init__.py": "from graphql import get_default_backend\n"}}],
        "flask-graphqly": [{"version": "2.0.0", "requires_dist": ["graphql-server-core"],
                            "files": {"flask_graphqly/__init__.py": "from graphql_server import HttpQueryError\n"}}],
    }


def test_the_pin_that_ships_the_module_is_its_owner(index_for):
    index, target = index_for(_universe(), python="3.7")
    d = diagnose_paste(index, target, "flask-graphqly==2.0.0\ngraphql-server-core==1.1.1\ngraphql-core==3.0.0\n", PASTE)
    names = [c.name for c in d.culprits]
    assert names and names[0] == "graphql-core", d.summary
    assert "graphql-server-core==1.1.1 no longer has" not in d.summary
