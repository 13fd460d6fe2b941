"""A keyword refused inside a library's own ``super().__init__(**kwargs)`` came from the frame outside it.

packit/packit#2595: marshmallow 4.0 dropped ``Field.__init__(default=...)``; marshmallow's
``Boolean.__init__`` forwards ``**kwargs`` to it, so the innermost frame is marshmallow's
own, and packit 1.7.0's ``fields.Boolean(default=False)`` is the call that passed it.
packit 1.8.0 rewrote that line; marshmallow 3.x accepts the keyword.  Both are fixes.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

FIELDS_3 = ("class Field:\n    def __init__(self, *, default=None, load_default=None, **kwargs):\n        pass\n\n\n"
            "class Boolean(Field):\n    def __init__(self, *, truthy=None, **kwargs):\n        super().__init__(**kwargs)\n")
FIELDS_4 = ("class Field:\n    def __init__(self, *, load_default=None, dump_default=None):\n        pass\n\n\n"
            "class Boolean(Field):\n    def __init__(self, *, truthy=None, **kwargs):\n        super().__init__(**kwargs)\n")
SCHEMA_OLD = "from mm import fields\n\n\nclass Item:\n    mkpath = fields.Boolean(default=False)\n"
SCHEMA_NEW = "from mm import fields\n\n\nclass Item:\n    mkpath = fields.Boolean(dump_default=False)\n"

UNIVERSE = {
    "mm": [{"version": "3.26.1", "upload_time": "2025-02-01T00:00:00Z",
            "files": {"mm/__init__.py": "", "mm/fields.py": FIELDS_3}},
           {"version": "4.0.0", "upload_time": "2025-04-16T00:00:00Z",
            "files": {"mm/__init__.py": "", "mm/fields.py": FIELDS_4}}],
    "pk": [{"version": "1.7.0", "upload_time": "2025-04-01T00:00:00Z", "requires_dist": ["mm"],
            "files": {"pk/__init__.py": "", "pk/schema.py": SCHEMA_OLD}},
           {"version": "1.8.0", "upload_time": "2025-05-09T00:00:00Z", "requires_dist": ["mm"],
            "files": {"pk/__init__.py": "", "pk/schema.py": SCHEMA_NEW}}],
}

PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.13/site-packages/pk/schema.py", line 4, in <module>
    class Item:
  File "/venv/lib/python3.13/site-packages/pk/schema.py", line 5, in Item
    mkpath = fields.Boolean(default=False)
  File "/venv/lib/python3.13/site-packages/mm/fields.py", line 8, in __init__
    super().__init__(**kwargs)
TypeError: Field.__init__() got an unexpected keyword argument 'default'
"""


def test_the_library_forwarding_kwargs_is_the_callee_and_the_outer_caller_moves_or_it_holds_back(index_for):
    index, target = index_for(UNIVERSE, python="3.13")
    pins = parse_requirements_text("pk==1.7.0\nmm==4.0.0\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "transitive"
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("mm", "<4.0.0") in got
    assert ("pk", ">=1.8.0") in got
    assert "through mm's **kwargs" in d.summary


def test_a_call_without_forwarding_is_read_as_before(index_for):
    no_forward = {k: [dict(r) for r in v] for k, v in UNIVERSE.items()}
    for rel in no_forward["mm"]:
        rel["files"] = {n: t.replace("super().__init__(**kwargs)", "super().__init__(default=truthy)")
                        for n, t in rel["files"].items()}
    index, target = index_for(no_forward, python="3.13")
    pins = parse_requirements_text("pk==1.7.0\nmm==4.0.0\n", target)
    paste = PASTE.replace("super().__init__(**kwargs)", "super().__init__(default=truthy)")
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert "through mm's **kwargs" not in d.summary


API_17 = ("class Script:\n    def __init__(self, code, line=None, column=None):\n        pass\n\n\n"
          "class Interpreter(Script):\n    def __init__(self, code, namespaces, **kwds):\n"
          "        super().__init__(code,\n                         **kwds)\n")
API_18 = ("class Script:\n    def __init__(self, code, path=None):\n        pass\n\n\n"
          "class Interpreter(Script):\n    def __init__(self, code, namespaces, **kwds):\n"
          "        super().__init__(code,\n                         **kwds)\n")
JEDI = {
    "jd": [{"version": "0.17.2", "upload_time": "2020-07-17T00:00:00Z", "files": {"jd/__init__.py": "", "jd/api.py": API_17}},
           {"version": "0.18.0", "upload_time": "2020-12-25T00:00:00Z", "files": {"jd/__init__.py": "", "jd/api.py": API_18}}],
    "ipy": [{"version": "7.18.0", "upload_time": "2020-08-29T00:00:00Z", "requires_dist": ["jd>=0.16"],
             "files": {"ipy/__init__.py": "", "ipy/completer.py": "from jd.api import Interpreter\n\n\ndef complete(t):\n"
                                                                    "    return Interpreter(t, [], column=1)\n"}}],
}

JEDI_PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.8/site-packages/ipy/completer.py", line 5, in complete
    return Interpreter(t, [], column=1)
  File "/venv/lib/python3.8/site-packages/jd/api.py", line 8, in __init__
    super().__init__(code,
TypeError: __init__() got an unexpected keyword argument 'column'
"""


def test_the_forwarding_on_a_line_the_traceback_does_not_show_is_read_from_the_release(index_for):
    # ipython/ipython#12740: jedi 0.18.0's Interpreter passes **kwds (second line of the call) to Script
    index, target = index_for(JEDI, python="3.8")
    pins = parse_requirements_text("ipy==7.18.0\njd==0.18.0\n", target)
    d = diagnose(simple_parse(JEDI_PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("jd", "<0.18.0") in {(c.name, c.constraint) for c in d.culprits}
    assert "through jd's **kwargs" in d.summary


def test_a_keyword_forwarded_to_a_class_picked_at_run_time_holds_the_forwarder_back_to_where_it_still_named_it(index_for):
    # redis-py 4.0 (flask-redis#48-style): make_connection() passes **self.connection_kwargs to a
    # connection class chosen at run time; 3.5.3's module still took kwargs.pop('charset').
    v3 = ("class Connection:\n    def __init__(self, encoding='utf-8'):\n        pass\n\n\n"
          "class Pool:\n    def __init__(self, **kwargs):\n        if 'charset' in kwargs:\n"
          "            kwargs['encoding'] = kwargs.pop('charset')\n        self.connection_kwargs = kwargs\n"
          "        self.connection_class = Connection\n\n"
          "    def make_connection(self):\n        return self.connection_class(**self.connection_kwargs)\n")
    v4 = v3.replace("        if 'charset' in kwargs:\n            kwargs['encoding'] = kwargs.pop('charset')\n", "")
    universe = {"redisish": [
        {"version": "3.5.3", "upload_time": "2020-06-01T00:00:00Z", "files": {"redisish/__init__.py": "", "redisish/connection.py": v3}},
        {"version": "4.0.2", "upload_time": "2021-11-01T00:00:00Z", "files": {"redisish/__init__.py": "", "redisish/connection.py": v4}},
    ]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("redisish==4.0.2\n", target)
    paste = ("Traceback (most recent call last):\n"
             '\tFile "/home/me/myProject/test.py", line 17, in save\n'
             "\t\tclient.hmset(key, mapping)\n"
             '\t  File "/home/me/.venv/lib/python3.9/site-packages/redisish/connection.py", line 14, in make_connection\n'
             "\t\treturn self.connection_class(**self.connection_kwargs)\n"
             "\tTypeError: __init__() got an unexpected keyword argument 'charset'\n")
    from pytest_depfix.crash import attribute, parse_traceback

    crash = attribute(parse_traceback(paste)[0], pins, target=target, installed=False)
    assert crash.final.frames[-1].source == "return self.connection_class(**self.connection_kwargs)"
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("redisish", "<=3.5.3")]
    assert d.verdict == "project"
