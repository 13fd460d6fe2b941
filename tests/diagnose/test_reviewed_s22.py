"""Adversarial review of the s22 readings: inputs on which a new reading gives a wrong answer."""
import pytest

from tests.support.diagnose_crashes import diagnose_paste


def _pairs(d):
    return [(c.name, c.constraint) for c in d.culprits]


# --- _message_names_release -------------------------------------------------------------------------------------

def test_named_series_or_older_keeps_a_patch_of_that_series(index_for):
    """"load and save them in MuJoCo 2.3 or older" names the 2.3 series: mujoco 2.3.6 is one of its releases.

    ``_NAMED_RELEASE`` turns "2.3 or older" into ``<=2.3``, which PEP 440 reads as ``<=2.3.0``, so the
    pinned 2.3.6 is "excluded" and moved back to 2.3.0.  The message does not rule 2.3.6 out (a human
    reading of "2.3 or older" is ``<2.4``): no culprit may exclude the pinned 2.3.6.
    """
    universe = {"mujoco": [{"version": v, "files": {"mujoco/__init__.py": ""}} for v in ("2.2.2", "2.3.0", "2.3.3", "2.3.6")],
                "gymy": [{"version": "0.28.1", "requires_dist": ["mujoco>=2.2"], "files": {"gymy/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.8")
    paste = ("ValueError: XML Error: global coordinates no longer supported. To convert existing models, "
             "load and save them in MuJoCo 2.3 or older\n")
    d = diagnose_paste(index, target, "gymy==0.28.1\nmujoco==2.3.6\n", paste)
    assert not any(c.name == "mujoco" and c.constraint in ("<=2.3", "<=2.3.0") for c in d.culprits), _pairs(d)


# --- _class_unhashable ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("decorator", ["@attr.s(cmp=False)", "@attr.s(hash=False)"])
def test_attrs_classes_that_keep_identity_hashing_are_hashable(decorator):
    """``@attr.s(cmp=False)`` (attrs' spelling of eq=False before 19.2) and ``@attr.s(hash=False)`` ("leave
    __hash__ untouched") both keep ``object.__hash__``: instances hash fine (checked against attrs itself).

    ``_class_unhashable`` only knows ``eq=False`` and ``hash=True``, so it calls both unhashable, and a pin
    that moved a class onto one of them is blamed for "unhashable type".  Correct: False.
    """
    from pytest_depfix.diagnose.verdict import _class_unhashable

    text = f"import attr\n\n\n{decorator}\nclass SwitchInfo:\n    names = attr.ib(default=())\n"
    assert _class_unhashable(text, "SwitchInfo") is False


# --- _keyword_spelled_by_one -----------------------------------------------------------------------------------

def test_a_pin_that_never_imports_the_class_is_no_caller_of_its_method(index_for):
    """"Group.create_array() got an unexpected keyword argument 'exists_ok'", frameless; zarry's Group never took it.

    The only other pin spelling ``exists_ok=`` is loggy, which neither depends on zarry nor imports it (it
    spells the word in its own ``save(path, exists_ok=False)``).  The caller is the project; loggy cannot be
    calling ``Group.create_array``.  The reading moves loggy forward to its first release not spelling the
    word.  Correct: loggy is left alone.
    """
    group = "class Group:\n    def create_array(self, name, *, shape=None, overwrite=False):\n        return name\n"
    own = "import os\n\n\ndef save(path, exists_ok=False):\n    return os.path.exists(path) and exists_ok\n"
    fixed = own.replace("exists_ok", "overwrite")
    universe = {"zarry": [{"version": v, "files": {"zarry/__init__.py": "from zarry.group import Group\n",
                                                   "zarry/group.py": group}} for v in ("3.0.0", "3.1.2")],
                "loggy": [{"version": v, "files": {"loggy/__init__.py": "", "loggy/store.py": text}}
                          for v, text in (("1.0.0", own), ("1.1.0", own), ("2.0.0", fixed))]}
    index, target = index_for(universe, python="3.12")
    d = diagnose_paste(index, target, "loggy==1.1.0\nzarry==3.1.2\n",
                       "TypeError: Group.create_array() got an unexpected keyword argument 'exists_ok'\n")
    assert not any(c.name == "loggy" for c in d.culprits), _pairs(d)


# --- _super_method_dropped -------------------------------------------------------------------------------------

def test_a_pin_the_caller_never_reaches_is_not_its_super_class(index_for):
    """"'super' object has no attribute '_ipython_display_'", frameless; viewy calls ``super()._ipython_display_()``.

    viewy's class builds on widgety's Widget (its one dependency), which never defined the method.  plotty,
    which viewy neither imports nor requires, dropped a method of that name in its pinned 5.0.0.  Nothing puts
    plotty's classes under viewy's ``super()``, yet the reading moves plotty back to 4.1.0.  Correct: plotty
    is left alone (no culprit from this reading).
    """
    caller = ("from widgety import Widget\n\n\nclass View(Widget):\n    def _ipython_display_(self, **kwargs):\n"
              "        super()._ipython_display_(**kwargs)\n")
    widget = "class Widget:\n    def _repr_mimebundle_(self, **kwargs):\n        return None\n"
    old = "class Figure:\n    def _ipython_display_(self):\n        return None\n"
    new = "class Figure:\n    def _repr_html_(self):\n        return ''\n"
    universe = {"widgety": [{"version": v, "files": {"widgety/__init__.py": widget}} for v in ("7.0.0", "8.0.1")],
                "viewy": [{"version": "3.0.3", "requires_dist": ["widgety>=7"], "files": {"viewy/__init__.py": caller}}],
                "plotty": [{"version": v, "files": {"plotty/__init__.py": text}}
                           for v, text in (("4.0.0", old), ("4.1.0", old), ("5.0.0", new))]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "widgety==8.0.1\nviewy==3.0.3\nplotty==5.0.0\n",
                       "AttributeError: 'super' object has no attribute '_ipython_display_'\n")
    assert not any(c.name == "plotty" for c in d.culprits), _pairs(d)


# --- _new_own_line, the stdlib-refused branch -------------------------------------------------------------------

JSON_PASTE = """Traceback (most recent call last):
  File "/home/u/app/report.py", line 9, in main
    print(out.dump({"when": datetime.now()}))
  File "/venv/lib/python3.10/site-packages/reporty/out.py", line 5, in dump
    return json.dumps(payload, sort_keys=True)
  File "/usr/lib/python3.10/json/__init__.py", line 238, in dumps
    **kw).encode(obj)
  File "/usr/lib/python3.10/json/encoder.py", line 199, in encode
    chunks = self.iterencode(o, _one_shot=True)
  File "/usr/lib/python3.10/json/encoder.py", line 257, in iterencode
    return _iterencode(o, 0)
  File "/usr/lib/python3.10/json/encoder.py", line 179, in default
    raise TypeError(f'Object of type {o.__class__.__name__} '
TypeError: Object of type datetime is not JSON serializable
"""


def test_a_comment_added_to_an_old_line_is_no_rewording(index_for):
    """The project hands reporty's ``dump`` a datetime; json refuses it ("Object of type datetime is not JSON
    serializable") below reporty's line ``return json.dumps(payload, sort_keys=True)``, unchanged since 1.0.0.

    reporty 1.3.0 only appended a comment to that line (``  # stable key order``).  The refused branch reads
    "the first later release whose file lacks the line" and offers reporty>=1.3.0, though the code refused is
    identical and the value refused is the project's.  Correct: no culprit for reporty.
    """
    line = "    return json.dumps(payload, sort_keys=True)"
    text = "import json\n\n\ndef dump(payload):\n" + line + "\n"
    commented = "import json\n\n\ndef dump(payload):\n" + line + "  # stable key order\n"
    universe = {"reporty": [{"version": v, "files": {"reporty/__init__.py": "", "reporty/out.py": t}}
                            for v, t in (("1.0.0", text), ("1.1.0", text), ("1.2.0", text), ("1.3.0", commented))]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "reporty==1.2.0\n", JSON_PASTE)
    assert not any(c.name == "reporty" for c in d.culprits), _pairs(d)


# --- _setup_imports_undeclared ----------------------------------------------------------------------------------

SETUP_PASTE = """Collecting xmlsecy>=0.6.0 (from samly==1.2.3)
    Complete output from command python setup.py egg_info:
    Traceback (most recent call last):
      File "<string>", line 1, in <module>
      File "/tmp/pip-build-jqqwzjnw/xmlsecy/setup.py", line 3, in <module>
        import pkgconfig
    ImportError: No module named 'pkgconfig'
"""
SETUP_TOP = "from setuptools import setup\n\nimport pkgconfig\n\nsetup(name='xmlsecy')\n"


def test_another_platforms_wheel_is_no_wheel_for_the_target(index_for):
    """xmlsecy 1.0.3 still imports pkgconfig at the top of setup.py and declares nothing, but ships a
    Windows wheel (cp35-cp35m-win_amd64) beside its sdist.  On the linux target pip builds the sdist just
    the same, yet ``builds()`` reads the members of "any wheel" (``_members`` without ``built=True``) and
    calls 1.0.3 buildable: xmlsecy>=1.0.3 is offered.  Correct: no forward way out (1.0.3 fails the same).
    """
    def release(v, tag=None):
        r = {"version": v, "wheel": tag is not None, "sdist": True,
             "files": {"setup.py": SETUP_TOP, "xmlsecy/__init__.py": ""}}
        if tag:
            r["tag"] = tag
        return r
    universe = {"xmlsecy": [release("1.0.0"), release("1.0.1"), release("1.0.3", tag="cp35-cp35m-win_amd64")],
                "samly": [{"version": "1.2.3", "requires_dist": ["xmlsecy>=0.6.0"], "files": {"samly/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.5", platform="linux x86_64")
    d = diagnose_paste(index, target, "samly==1.2.3\nxmlsecy==1.0.1\n", SETUP_PASTE)
    assert not any(c.name == "xmlsecy" and c.constraint.startswith(">=") for c in d.culprits), _pairs(d)


# --- JINJA_UNDEFINED_ATTR --------------------------------------------------------------------------------------

def test_a_standard_library_class_in_a_template_is_no_pins_class(index_for):
    """"jinja2.exceptions.UndefinedError: 'collections.OrderedDict object' has no attribute 'iteritems'": a
    template called ``.iteritems()`` on the standard library's OrderedDict (a Python 2 habit).

    The new branch reads any dotted module as "a pin's class" and hands ``OrderedDict``/``iteritems`` to the
    class readings, which find compaty's own vendored ``OrderedDict`` (it dropped ``iteritems`` in 2.0.0) and
    move compaty back.  The object is ``collections``'s, not compaty's.  Correct: no culprit.
    """
    old = "class OrderedDict(dict):\n    def iteritems(self):\n        return iter(self.items())\n"
    new = "class OrderedDict(dict):\n    pass\n"
    universe = {"compaty": [{"version": v, "files": {"compaty/__init__.py": "", "compaty/odict.py": t}}
                            for v, t in (("1.0.0", old), ("1.1.0", old), ("2.0.0", new))],
                "temply": [{"version": "3.0.0", "requires_dist": ["compaty"], "files": {"temply/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "temply==3.0.0\ncompaty==2.0.0\n",
                       "jinja2.exceptions.UndefinedError: 'collections.OrderedDict object' has no attribute 'iteritems'\n")
    assert not any(c.name == "compaty" for c in d.culprits), _pairs(d)


# --- _namespace_owner ------------------------------------------------------------------------------------------

def test_a_deeper_subpackage_belongs_to_the_pin_that_ships_it_not_to_its_parents(index_for):
    """"No module named 'nsy.monitor.otel.exporter'": nsy-otel-distro ships ``nsy/monitor/otel/`` (but never
    ``exporter``), nsy-otel-exp ships ``nsy/monitor/otel/exporter/`` from 1.0.0 (0.9.0, pinned, used
    ``nsy/monitor/otel_exporter/``).

    ``_namespace_owner`` cuts the module to three parts (``nsy/monitor/otel``) and so names nsy-otel-distro
    the owner, and nsy-otel-exp is never asked (at s22start the older rules gave nsy-otel-exp>=1.0.0 here; the new
    reading now answers nsy-otel-distro<1.1).  Correct: nsy-otel-exp>=1.0.0, the release shipping the path.
    """
    universe = {"nsy-otel-distro": [{"version": v, "files": {"nsy/__init__.py": "", "nsy/monitor/__init__.py": "",
                                                             "nsy/monitor/otel/__init__.py": "X = 1\n"}}
                                    for v in ("1.0.0", "1.1.0")],
                "nsy-otel-exp": [{"version": "0.9.0", "files": {"nsy/monitor/otel_exporter/__init__.py": "class E:\n    pass\n"}},
                                 {"version": "1.0.0", "files": {"nsy/monitor/otel/exporter/__init__.py": "class E:\n    pass\n"}}]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "nsy-otel-exp==0.9.0\nnsy-otel-distro==1.1.0\n",
                       "ModuleNotFoundError: No module named 'nsy.monitor.otel.exporter'\n")
    assert ("nsy-otel-exp", ">=1.0.0") in _pairs(d), (_pairs(d), d.summary)


# --- _inactive_extra_conflict ----------------------------------------------------------------------------------

RUNNER_PASTE = """Traceback (most recent call last):
  File "/home/u/proj/run_tests.py", line 4, in <module>
    main()
  File "/venv/lib/python3.8/site-packages/pytesty/runner.py", line 5, in main
    return plugins[name]
KeyError: 'cacheprovider'
"""


@pytest.mark.parametrize("extra", ["tests_no_zope", "tests-mypy", "developer"])
def test_a_projects_own_test_extra_under_another_name_says_nothing_of_what_users_run(index_for, extra):
    """attrs declares ``pytest>=4.3.0`` under ``extra == "tests_no_zope"`` (attrs 21.3-22.x) and ``mypy`` under
    ``tests-mypy`` (23.2+); scikit-image has a ``developer`` extra.  These are the project's own work extras as
    much as ``tests`` or ``dev``, but ``_WORK_EXTRA`` fullmatches only the bare words, so a crash whose stack
    passes through the pinned pytesty 4.0.0 is "explained" by attrsy's test extra and pytesty goes to
    >=4.3.0.  Correct: a test/developer extra's range is no statement of what users run: no culprit.
    """
    runner = "plugins = {}\n\n\ndef main(name='cacheprovider'):\n    return plugins[name]\n"
    universe = {"pytesty": [{"version": v, "files": {"pytesty/__init__.py": "", "pytesty/runner.py": runner}}
                            for v in ("3.9.0", "4.0.0", "4.3.0", "4.4.0")],
                "attrsy": [{"version": "22.1.0", "requires_dist": [f'pytesty>=4.3.0; extra == "{extra}"'],
                            "files": {"attrsy/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "attrsy==22.1.0\npytesty==4.0.0\n", RUNNER_PASTE)
    assert not d.culprits, (_pairs(d), d.summary)


def test_a_common_function_name_is_no_sign_of_the_pin_with_the_extras_conflict(index_for):
    """"TypeError: run() got an unexpected keyword argument 'capture_output'", no frame: ``subprocess.run`` on
    Python 3.6 (the keyword came in 3.7).  invoky 1.4.0 happens to define a ``def run(`` of its own, and fabricy
    declares ``invoky>=2.0`` for its ``invoke`` extra.

    ``_defines_named_function`` takes any ``def run(`` in the release as "the function the message names", so
    the extras reading moves invoky to >=2.0, though nothing ties ``run()`` to invoky (the name is the standard
    library's and a hundred packages').  Correct: invoky is not moved.
    """
    tasks = "def run(command, hide=False, warn=False):\n    return command\n"
    universe = {"invoky": [{"version": v, "files": {"invoky/__init__.py": "", "invoky/tasks.py": tasks}}
                           for v in ("1.4.0", "2.0.0")],
                "fabricy": [{"version": "2.5.0", "requires_dist": ['invoky>=2.0; extra == "invoke"', "paramiky"],
                             "files": {"fabricy/__init__.py": ""}}],
                "paramiky": [{"version": "2.7.0", "files": {"paramiky/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.6")
    d = diagnose_paste(index, target, "fabricy==2.5.0\nparamiky==2.7.0\ninvoky==1.4.0\n",
                       "TypeError: run() got an unexpected keyword argument 'capture_output'\n")
    assert not any(c.name == "invoky" for c in d.culprits), (_pairs(d), d.summary)


# --- _became_unhashable ----------------------------------------------------------------------------------------

def test_a_standard_library_class_of_the_same_name_leaves_it_open(index_for):
    """"TypeError: unhashable type: 'Counter'" in the project's own line ``seen.add(collections.Counter(words))``:
    ``collections.Counter`` is a dict, unhashable by design.  metricy also has a ``Counter`` class, which
    became a plain ``@dataclass`` in its pinned 2.0.0.

    The reading excludes only the ``builtins`` types, so the one *pin* named ``Counter`` is taken as the
    class and metricy is moved, though the standard library's class of that name is unhashable and the
    failing line is the project's.  Correct: as with two pins' classes of the name, it stays open: no culprit.
    """
    plain = "class Counter:\n    def __init__(self, name):\n        self.name = name\n"
    data = "import dataclasses\n\n\n@dataclasses.dataclass\nclass Counter:\n    name: str = ''\n"
    universe = {"metricy": [{"version": v, "files": {"metricy/__init__.py": "from metricy.core import Counter\n",
                                                     "metricy/core.py": t}}
                            for v, t in (("1.0.0", plain), ("1.1.0", plain), ("2.0.0", data), ("2.1.0", plain))]}
    paste = """Traceback (most recent call last):
  File "/home/u/proj/words.py", line 12, in count
    seen.add(collections.Counter(words))
TypeError: unhashable type: 'Counter'
"""
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "metricy==2.0.0\n", paste)
    assert not any(c.name == "metricy" for c in d.culprits), (_pairs(d), d.summary)


def test_a_kept_pins_class_of_the_name_still_makes_two_homes(index_for):
    """"unhashable type: 'SwitchInfo'" raised in the kept plumby 2.0.0's own ``_validate_args`` (its SwitchInfo
    became a ``@dataclass`` in 2.0.0).  clicky, another pin, also defines a ``SwitchInfo`` that became a
    dataclass in its pinned 3.0.0.

    ``_became_unhashable`` drops keep-pins from the class homes *before* asking whether the name is one
    pin's, so the kept plumby's class vanishes from the count and clicky is moved, though the frame is
    plumby's and clicky's class is never shown to be the one hashed.  Correct: clicky is not moved (two
    homes leave it open; the kept pin's own change cannot be undone by moving another pin).
    """
    plain = "class SwitchInfo:\n    def __init__(self, **kw):\n        self.__dict__.update(kw)\n"
    data = "import dataclasses\n\n\n@dataclasses.dataclass\nclass SwitchInfo:\n    names: tuple = ()\n"
    app = "from plumby.switches import SwitchInfo\n\n\nclass Application:\n    def _validate_args(self, sw):\n        return {sw: 1}\n"
    universe = {"plumby": [{"version": v, "files": {"plumby/__init__.py": "", "plumby/switches.py": t,
                                                    "plumby/application.py": app}}
                           for v, t in (("1.10.0", plain), ("2.0.0", data))],
                "clicky": [{"version": v, "files": {"clicky/__init__.py": "", "clicky/info.py": t}}
                           for v, t in (("2.0.0", plain), ("2.1.0", plain), ("3.0.0", data), ("3.0.1", plain))]}
    paste = """Traceback (most recent call last):
  File "/venv/lib/python3.12/site-packages/plumby/application.py", line 6, in _validate_args
    return {sw: 1}
TypeError: unhashable type: 'SwitchInfo'
"""
    index, target = index_for(universe, python="3.12")
    d = diagnose_paste(index, target, "plumby==2.0.0\nclicky==3.0.0\n", paste, keep=("plumby",))
    assert not any(c.name == "clicky" for c in d.culprits), (_pairs(d), d.summary)
