"""A release whose own module imports a name its own package lacks: broken against itself.

authlib#213: Authlib 0.14's compatibility shim ``authlib/flask/client/__init__.py`` runs ``from
authlib.integrations.flask_client import OAuth, RemoteApp``, and 0.14 dropped RemoteApp from
``flask_client``; 0.14.1 fixed the shim.  The pin moves, either way, and the verdict is its own.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

SITE = "/Users/u/venv/lib/python3.6/site-packages"
TB = (">>> from authy.flask.client import OAuth\n"
      "Traceback (most recent call last):\n"
      '  File "<stdin>", line 1, in <module>\n'
      f'  File "{SITE}/authy/flask/client/__init__.py", line 1, in <module>\n'
      "    from authy.integrations.flask_client import OAuth, RemoteApp\n"
      "ImportError: cannot import name 'RemoteApp'\n")


def _release(v):
    client = "class OAuth:\n    pass\n" + ("class RemoteApp:\n    pass\n" if v == "0.13" else "")
    shim = ("from authy.integrations.flask_client import OAuth, RemoteApp\n" if v != "0.14.1"
            else "from authy.integrations.flask_client import OAuth\n")
    return {"version": v, "files": {"authy/__init__.py": "", "authy/flask/__init__.py": "",
                                    "authy/flask/client/__init__.py": shim, "authy/integrations/__init__.py": "",
                                    "authy/integrations/flask_client.py": client}}


def test_a_release_importing_its_own_missing_name_moves_to_its_next_release_that_changed_the_import(index_for):
    index, target = index_for({"authy": [_release(v) for v in ("0.13", "0.14", "0.14.1")]}, python="3.6")
    pins = parse_requirements_text("authy==0.14\n", target)
    crash = attribute(parse_traceback(TB)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("authy", ">=0.14.1") in [(c.name, c.constraint) for c in d.culprits], d.summary
    assert d.verdict == "direct" and "broken against itself" in d.summary
