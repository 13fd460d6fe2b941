"""Third review of session 23's readings (tests written to fail on the reviewed engine).

Readings under review: ``_own_class_lacks``, ``_attribute_reader_adapted``, the frameless hidden-import
reading for any exception class, and ``_post_release_rebuild``'s compiled-member check.
"""
from tests.support.diagnose_crashes import diagnose_paste


def _moves(d):
    return sorted((c.name, c.constraint) for c in d.culprits)


# --- _own_class_lacks -------------------------------------------------------------------------------

OWN_PASTE = """Traceback (most recent call last):
  File "/srv/app/main.py", line 3, in main
    client.send(b"x")
  File "/venv/lib/python3.8/site-packages/clienty/core.py", line 8, in send
    time.sleep(self.retry_delay)
AttributeError: 'Client' object has no attribute 'retry_delay'
"""
OWN_OLD = ("import time\n\n\nclass Client:\n    def __init__(self, url, retry_delay=1.0):\n        self.url = url\n"
           "        self.retry_delay = retry_delay\n\n    def send(self, data):\n        time.sleep(self.retry_delay)\n")
OWN_SLIP = ("import time\n\n\nclass Client:\n    def __init__(self, url):\n        self.url = url\n\n\n"
            "    def send(self, data):\n        time.sleep(self.retry_delay)\n")
# 1.0.1 takes the argument again but still forgets to keep it: 'retry_delay' is only a local name of __init__
OWN_HALF = ("import time\n\n\nclass Client:\n    def __init__(self, url, retry_delay=1.0):\n        self.url = url\n"
            "        retry_delay = float(retry_delay)\n\n    def send(self, data):\n        time.sleep(self.retry_delay)\n")
OWN_FIXED = ("import time\n\n\nclass Client:\n    def __init__(self, url, retry_delay=1.0):\n        self.url = url\n"
             "        self.retry_delay = float(retry_delay)\n\n    def send(self, data):\n        time.sleep(self.retry_delay)\n")


def test_a_local_variable_of_the_same_name_does_not_bind_the_attribute(index_for):
    # _own_class_lacks asks _class_sets, which counts ANY Name stored anywhere inside the class --
    # a local variable of a method included -- as the class binding the attribute.  clienty 1.0.1's
    # __init__ assigns a local 'retry_delay' but never self.retry_delay, so Client.send still fails there;
    # the nearest release whose class binds it is 1.0.2.  The engine moves to >=1.0.1, which crashes the same.
    universe = {"clienty": [{"version": v, "files": {"clienty/__init__.py": "", "clienty/core.py": b}}
                            for v, b in (("0.9", OWN_OLD), ("1.0", OWN_SLIP), ("1.0.1", OWN_HALF), ("1.0.2", OWN_FIXED))]}
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "clienty==1.0\n", OWN_PASTE)
    moves = _moves(d)
    assert ("clienty", ">=1.0.1") not in moves, d.summary
    assert ("clienty", ">=1.0.2") in moves, d.summary


WAIT_PASTE = """Traceback (most recent call last):
  File "/srv/app/main.py", line 3, in main
    serve(app)
  File "/venv/lib/python3.8/site-packages/waitressy/server.py", line 6, in print_listen
    self.log_info(format_str.format(1))
AttributeError: 'MultiSocketServer' object has no attribute 'log_info'
"""
WAIT_SLIP = ("class MultiSocketServer:\n    def __init__(self, map):\n        self.map = map\n\n"
             "    def print_listen(self, format_str):\n        self.log_info(format_str.format(1))\n")
WAIT_FIXED = ("class MultiSocketServer:\n    def __init__(self, map, log_info=None):\n        self.map = map\n"
              "        self.log_info = log_info\n\n"
              "    def print_listen(self, format_str):\n        self.log_info(format_str.format(1))\n")
WAIT_OLD = ("class MultiSocketServer:\n    def log_info(self, msg):\n        print(msg)\n\n"
            "    def print_listen(self, format_str):\n        self.log_info(format_str)\n")


def _waitress(index_for, pinned=WAIT_SLIP, paste=WAIT_PASTE, python="3.8", extra=None):
    universe = {"waitressy": [{"version": v, "files": {"waitressy/__init__.py": "", "waitressy/server.py": b}}
                              for v, b in (("1.4.4", WAIT_OLD), ("2.0.0", pinned), ("2.0.1", WAIT_FIXED))]}
    universe.update(extra or {})
    index, target = index_for(universe, python=python)
    reqs = "waitressy==2.0.0\n" + "".join(f"{k}=={v[0]['version']}\n" for k, v in (extra or {}).items())
    d = diagnose_paste(index, target, reqs, paste.replace("python3.8", f"python{python}"))
    return d, _moves(d)


def test_a_class_named_like_the_base_it_imports_still_has_a_base_from_elsewhere(index_for):
    # 'class MultiSocketServer(MultiSocketServer)' subclasses the class imported under that name (from
    # another distribution, which may bind log_info), but the base walk looks the base up by name among
    # the file's own classes, finds the class itself, marks it seen, and concludes no base binds it:
    # the same shape as test_a_base_from_elsewhere_may_bind_it (no move), spelled with a shadowing name.
    pinned = "from asyncorey import MultiSocketServer\n\n\n" + WAIT_SLIP.replace(
        "class MultiSocketServer:", "class MultiSocketServer(MultiSocketServer):")
    extra = {"asyncorey": [{"version": "1.0", "files": {"asyncorey/__init__.py":
                                                         "class MultiSocketServer:\n    def log_info(self, m):\n        pass\n"}}]}
    d, moves = _waitress(index_for, pinned=pinned, extra=extra)
    assert ("waitressy", ">=2.0.1") not in moves, d.summary
    assert not any("never bind" in n for n in d.details.get("notes", [])), d.details.get("notes")


def test_a_did_you_mean_suffix_does_not_hide_the_slip(index_for):
    # Python 3.10+ appends ". Did you mean: '...'?" to an attribute error when a near name exists;
    # _own_class_lacks fullmatches the bare message, so the same crash on 3.11 gets no reading at all.
    pinned = WAIT_SLIP.replace("self.map = map", "self.map = map\n        self.log_infos = []")
    paste = WAIT_PASTE.replace("'log_info'\n", "'log_info'. Did you mean: 'log_infos'?\n")
    d, moves = _waitress(index_for, pinned=pinned, paste=paste, python="3.11")
    assert moves == [("waitressy", "<=1.4.4"), ("waitressy", ">=2.0.1")], d.summary


def test_a_class_that_sets_its_attributes_from_keywords_binds_names_it_does_not_spell(index_for):
    # MultiSocketServer.__init__ stores every keyword it is given with setattr(self, ...): which attributes
    # the object has depends on its caller (here the project, which passed no log_info), not on the class.
    # _class_sets sees only spelled bindings, so the engine calls it "the release's own slip" (evidence
    # "never bind") and moves waitressy both ways; that reading is unjustified for a dynamically bound class.
    pinned = ("class MultiSocketServer:\n    def __init__(self, map, **options):\n        self.map = map\n"
              "        for key, value in options.items():\n            setattr(self, key, value)\n\n"
              "    def print_listen(self, format_str):\n        self.log_info(format_str.format(1))\n")
    d, moves = _waitress(index_for, pinned=pinned)
    assert not any(n == "waitressy" for n, _ in moves), d.summary


# --- _attribute_reader_adapted ----------------------------------------------------------------------

def test_a_class_a_python_file_of_the_set_defines_is_not_read_as_compiled(index_for):
    # The reading is for a class no Python file of the set defines (a compiled class, mujoco's MjModel),
    # but nothing checks that.  Here requestz's Python Response never had to_dict in any release, so the
    # project's own code called a method that never existed; helperz merely happens to be the one pin
    # whose (unrelated) export helper reads '.to_dict', and its later rewrite is no fix for this crash.
    models = "class Response:\n    def __init__(self, body):\n        self.body = body\n\n    def json(self):\n        return {}\n"
    universe = {"requestz": [{"version": v, "files": {"requestz/__init__.py": "from .models import Response\n",
                                                      "requestz/models.py": models}} for v in ("1.0", "2.0")],
                "helperz": [{"version": "1.0", "files": {"helperz/__init__.py": "",
                                                         "helperz/export.py": "def dump(obj):\n    return obj.to_dict()\n"}},
                            {"version": "1.1", "files": {"helperz/__init__.py": "",
                                                         "helperz/export.py": "def dump(obj):\n    return dict(obj)\n"}}]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "helperz==1.0\nrequestz==2.0\n",
                       "AttributeError: 'Response' object has no attribute 'to_dict'\n")
    assert ("helperz", ">=1.1") not in _moves(d), d.summary


def test_a_kept_pin_reading_the_name_too_leaves_no_one_reader(index_for):
    # find_name_users counts only movable pins, so when the kept pin (the user's own app, which also
    # reads '.bvh_geomid') is as likely the reader, dmz is still called "the one pin reading it" and moved.
    universe = {"mujocoz": [{"version": v, "files": {"mujocoz/__init__.py": "",
                                                     "mujocoz/_structs.cpython-311-x86_64-linux-gnu.so": "ELF"}}
                            for v in ("2.3.7", "3.0.0")],
                "dmz": [{"version": "1.0.14", "files": {"dmz/__init__.py": "",
                                                        "dmz/physics.py": "def ids(model):\n    return model.bvh_geomid\n"}},
                        {"version": "1.0.15", "files": {"dmz/__init__.py": "",
                                                        "dmz/physics.py": "def ids(model):\n    return model.bvh_nodeid\n"}}],
                "robotapp": [{"version": "0.1", "files": {"robotapp/__init__.py": "",
                                                          "robotapp/scene.py": "def boxes(model):\n    return model.bvh_geomid[:4]\n"}}]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "dmz==1.0.14\nmujocoz==3.0.0\nrobotapp==0.1\n",
                       "AttributeError: 'MjModel' object has no attribute 'bvh_geomid'\n", keep=("robotapp",))
    assert ("dmz", ">=1.0.15") not in _moves(d), d.summary


# --- the hidden import behind a frameless refusal of any class ---------------------------------------

ES_MODULE = ("from searchy.exceptions import MissingDependency\n\n\n"
             "def get_backend(url=None):\n"
             "    if not url:\n"
             "        raise ValueError(\"Could not configure the search backend: 'URL' is required\")\n"
             "    try:\n"
             "        from elasticsearchy.helpers import bulk_index\n"
             "    except ImportError as exc:\n"
             "        raise MissingDependency('Could not configure the search backend: ' + str(exc))\n"
             "    return bulk_index\n")


def test_a_refusal_of_another_class_than_the_handler_raises_is_not_the_hidden_import(index_for):
    # Before the broadening only a pasted ImportError was read through an "except ImportError:" handler.
    # Now any class is, and the handler is matched by a prefix of its message alone: the pasted ValueError
    # (raised above the try, about a missing URL) is read as the MissingDependency the handler raises, and
    # elasticsearchy is moved for an import that this crash never reached.  The handler raises
    # MissingDependency, not ValueError, and the message's "'URL' is required" is not the ImportError's text.
    files = {"searchy/__init__.py": "", "searchy/exceptions.py": "class MissingDependency(Exception):\n    pass\n",
             "searchy/backends/__init__.py": "", "searchy/backends/es.py": ES_MODULE}
    universe = {"searchy": [{"version": v, "requires_dist": ["elasticsearchy"], "files": files} for v in ("2.4.0", "2.4.1")],
                "elasticsearchy": [{"version": v, "files": {"elasticsearchy/__init__.py": "",
                                                            "elasticsearchy/helpers.py": body}}
                                   for v, body in (("1.7", "def bulk_index(*a):\n    pass\n"), ("1.8", "def bulk(*a):\n    pass\n"))]}
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "searchy==2.4.0\nelasticsearchy==1.8\n",
                       "ValueError: Could not configure the search backend: 'URL' is required\n")
    assert "message_read_from_imports" not in d.details, d.summary
    assert not any(c.name == "elasticsearchy" for c in d.culprits), d.summary


# --- _post_release_rebuild's compiled members ---------------------------------------------------------

from tests.diagnose.test_post_release_rebuild import INIT as MYSQL_INIT, PASTE as MYSQL_PASTE  # noqa: E402


def _rebuild(index_for, files):
    universe = {"mysqlx": [{"version": v, "files": dict(files, **{"mysqlx/__init__.py": MYSQL_INIT})}
                           for v in ("1.4.1", "1.4.2", "1.4.2.post1", "1.4.3")]}
    index, target = index_for(universe, python="3.7", platform="win_amd64")
    return diagnose_paste(index, target, "mysqlx==1.4.2\n", MYSQL_PASTE)


def test_c_data_files_of_a_pure_python_release_are_nothing_compiled(index_for):
    # The compiled check counts any path ending in .c/.cpp/.pyx, test data and examples included
    # (pycparser's sdist ships tests/c_files/*.c and is pure Python).  This release's _mysql is a .py
    # module: by the rule's own reasoning (test_a_pure_python_release_is_not_rebuilt_by_a_post_release)
    # a post-release cannot rebuild anything in it.
    d = _rebuild(index_for, {"mysqlx/_mysql.py": "version_info = ()\n",
                             "mysqlx/tests/c_files/example.c": "int main(void) { return 0; }\n"})
    assert not any(c.constraint == "==1.4.2.post1" for c in d.culprits), d.summary


def test_cxx_sources_count_as_compiled_like_cpp(index_for):
    # The release builds its _mysql extension from C++ sources named .cc (Google's and many pybind11
    # projects' spelling); .cpp counts, .cc does not (verdict.py's own _COMPILED_SUFFIXES lists both),
    # so the same rebuilt release gets no post-release move.
    d = _rebuild(index_for, {"mysqlx/_mysql.cc": "// extension source\n", "setup.py": "from setuptools import setup\n"})
    assert [(c.name, c.constraint) for c in d.culprits] == [("mysqlx", "==1.4.2.post1")], d.summary
