"""object.__init__ refuses a pin's super().__init__(...) arguments: another pin's base class lost its __init__.

Sanic-CORS 2.0.1's ``class CORS(Extension)`` calls ``super(CORS, self).__init__(app, config)``; sanic-ext 22.6
dropped ``Extension.__init__``, so the call reached ``object.__init__``, which takes no arguments.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/app/app.py", line 149, in create_app
    CORS(app)
  File "/usr/local/lib/python3.10/site-packages/corsx/extension.py", line 9, in __init__
    super(CORS, self).__init__(app, config)
TypeError: object.__init__() takes exactly one argument (the instance to initialize)
"""
CORS = ("try:\n    from extx.extensions.base import Extension\nexcept ImportError:\n    Extension = object\n\n\n"
        "class CORS(Extension):\n    def __init__(self, app, config=None):\n        super(CORS, self).__init__(app, config)\n")
WITH_INIT = "class Extension:\n    def __init__(self, app, config):\n        self.app = app\n"
WITHOUT = "class Extension:\n    name = 'x'\n"


def _diagnose(index_for, pinned_body=WITHOUT, source=None):
    universe = {"extx": [{"version": v, "files": {"extx/__init__.py": "", "extx/extensions/__init__.py": "",
                                                  "extx/extensions/base.py": b}}
                         for v, b in (("22.3.2", WITH_INIT), ("22.6.1", pinned_body))],
                "corsx": [{"version": "2.0.1", "files": {"corsx/__init__.py": "", "corsx/extension.py": CORS}}]}
    index, target = index_for(universe, python="3.10")
    paste = PASTE if source is None else PASTE.replace("super(CORS, self).__init__(app, config)", source)
    return diagnose_paste(index, target, "extx==22.6.1\ncorsx==2.0.1\n", paste)


def test_the_base_that_lost_its_init_goes_back_to_the_release_defining_it(index_for):
    d = _diagnose(index_for)
    assert d.verdict == "transitive", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("extx", "<=22.3.2")], d.summary


def test_a_base_that_still_defines_init_is_not_the_cause(index_for):
    d = _diagnose(index_for, pinned_body=WITH_INIT)
    assert ("extx", "<=22.3.2") not in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_call_that_is_no_super_init_with_arguments_is_not_read(index_for):
    d = _diagnose(index_for, source="object.__init__(self, app)")
    assert ("extx", "<=22.3.2") not in [(c.name, c.constraint) for c in d.culprits], d.summary
