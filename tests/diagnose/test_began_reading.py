"""A pin's own line reads an attribute off plain data: its newest earlier release that did not.

mansenfranzen/autodoc_pydantic#275: Sphinx 7.3 turned each config option into an object and
``Config.__iter__`` reads ``opt.rebuild``; a value still registered the old way is a tuple, and
Sphinx itself fails with "'tuple' object has no attribute 'rebuild'".  Sphinx 7.2.6 is the way back.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Exception occurred:
  File "C:\\proj\\.venv\\Lib\\site-packages\\sphinxy\\config.py", line 4, in __iter__
    yield ConfigValue(name, getattr(self, name), opt.rebuild)
AttributeError: 'tuple' object has no attribute 'rebuild'
"""
NEW = ("class Config:\n    def __iter__(self):\n        for name, opt in self._options.items():\n"
       "            yield ConfigValue(name, getattr(self, name), opt.rebuild)\n")
OLD = ("class Config:\n    def __iter__(self):\n        for name, value in self.values.items():\n"
       "            yield ConfigValue(name, getattr(self, name), value[1])\n")
NO_ITER = "class Config:\n    pass\n"


def _universe(older=OLD, message_type="tuple"):
    def rel(v, body):
        return {"version": v, "files": {"sphinxy/__init__.py": "", "sphinxy/config.py": body}}

    return {"sphinxy": [rel("7.2.6", older), rel("7.3.7", NEW)],
            "pydanticdoc": [{"version": "2.1.0", "requires_dist": ["sphinxy"], "files": {"pydanticdoc/__init__.py": ""}}]}


def _diagnose(index_for, universe, paste=PASTE):
    index, target = index_for(universe, python="3.11", platform="win_amd64")
    return diagnose_paste(index, target, "sphinxy==7.3.7\npydanticdoc==2.1.0\n", paste)


def test_the_pin_that_began_reading_the_attribute_moves_back(index_for):
    d = _diagnose(index_for, _universe())
    assert [(c.name, c.constraint) for c in d.culprits] == [("sphinxy", "<=7.2.6")], d.summary
    assert "did not read it yet" in d.culprits[0].evidence[0]


def test_an_earlier_release_without_the_function_is_no_evidence(index_for):
    d = _diagnose(index_for, _universe(older=NO_ITER))
    assert not d.culprits, d.summary


def test_none_is_not_plain_data_handed_over(index_for):
    d = _diagnose(index_for, _universe(), paste=PASTE.replace("'tuple' object", "'NoneType' object"))
    assert ("sphinxy", "<=7.2.6") not in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_data_the_project_handed_over_is_the_projects_shape(index_for):
    # (review) a user passing a list to a library that reads .columns: not the library's release to move
    paste = PASTE.replace("Exception occurred:\n", 'Exception occurred:\n  File "C:\\\\proj\\\\conf.py", line 3, in <module>\n'
                                                    "    list(cfg)\n")
    d = _diagnose(index_for, _universe(), paste=paste)
    assert not d.culprits, d.summary


JL_PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.7/site-packages/jupyterlaby/extension.py", line 3, in load_jupyter_server_extension
    add_handlers(web_app, config)
  File "/venv/lib/python3.7/site-packages/jlservery/handlers.py", line 3, in add_handlers
    handlers.append((url_pattern, LabHandler))
AttributeError: 'NotebookWebApplication' object has no attribute 'append'
"""
JL_OLD = ("def add_handlers(web_app, config):\n    handlers = []\n    url_pattern, LabHandler = '/lab', object\n"
          "    handlers.append((url_pattern, LabHandler))\n    web_app.add_handlers('.*$', handlers)\n")
JL_NEW = ("def add_handlers(handlers, extension_app):\n    url_pattern, LabHandler = '/lab', object\n"
          "    handlers.append((url_pattern, LabHandler))\n")


def _jl(index_for, paste=JL_PASTE):
    universe = {"jlservery": [{"version": v, "files": {"jlservery/__init__.py": "", "jlservery/handlers.py": body}}
                              for v, body in (("1.2.0", JL_OLD), ("2.0.0", JL_NEW))],
                "jupyterlaby": [{"version": "2.1.5", "requires_dist": ["jlservery"],
                                 "files": {"jupyterlaby/__init__.py": "",
                                           "jupyterlaby/extension.py": "from jlservery.handlers import add_handlers\n\n"
                                                                       "add_handlers(web_app, config)\n"}}]}
    index, target = index_for(universe, python="3.7")
    return diagnose_paste(index, target, "jupyterlaby==2.1.5\njlservery==2.0.0\n", paste)


def test_an_object_another_pin_hands_over_read_as_a_new_parameter_moves_the_reader_back(index_for):
    # jupyterlab/jupyterlab#9009: jupyterlab 2.1.5 hands its web app to jupyterlab-server 2.0's add_handlers
    d = _jl(index_for)
    assert [(c.name, c.constraint) for c in d.culprits] == [("jlservery", "<=1.2.0")], d.summary


def test_the_same_object_from_the_projects_own_frame_is_left(index_for):
    d = _jl(index_for, JL_PASTE.replace("/venv/lib/python3.7/site-packages/jupyterlaby/extension.py", "/home/me/app.py"))
    assert ("jlservery", "<=1.2.0") not in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_plain_data_a_pin_hands_over_never_goes_back_a_major(index_for):
    # (review) a tuple handed over by jupyterlab: the from-pin reading, which may cross a major, is for objects
    d = _jl(index_for, JL_PASTE.replace("'NotebookWebApplication' object", "'tuple' object"))
    assert ("jlservery", "<=1.2.0") not in [(c.name, c.constraint) for c in d.culprits], d.summary
