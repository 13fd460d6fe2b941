"""Third review of session 24's readings: inputs where the new code gives a wrong or harmful answer.

Covers what tests/diagnose/test_reviewed_s24.py and test_reviewed_s24b.py did not: the setup.py
pip builds (verdict._building_setup in _syntax_too_new), Django's copy-and-paste debug view
(message_only._django_debug), and the probe's attrs / positional-only readings (pysource).
Each test fails on the engine as it stands; the comment above it says why, and what the user
would want instead.
"""
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import NO, ApiProbe, Question
from tests.diagnose.test_call_keywords_narrow import PASTE as CALL_PASTE
from tests.diagnose.test_call_keywords_narrow import NONE, TAKES
from tests.diagnose.test_reviewed_s24b import SHIELD_ONLY, _admits, _culprits, _scopes_universe
from tests.support.diagnose_crashes import diagnose_paste

# --------------------------------------------------------------------------
# A SyntaxError in the setup.py pip builds: syntax too NEW for the target
# --------------------------------------------------------------------------
# 1. _syntax_too_new now finds the owner of ".../pip-build-x/haxory/setup.py" through
# _building_setup and turns the signal into a Python-version one, but (unlike the
# _bare_location_holder branch right below it) never marks the location as that pin's file.
# _feature_users then reads the frame's party -- the build folder is nobody's -- and answers
# verdict "project": "syntax Python 3.5 cannot parse (`print(f'{v}')`) is new in Python 3.6",
# no culprit.  The user is told their own code is at fault, while the file is haxory 0.3's
# sdist setup.py; haxory 0.2's builds on 3.5.  The same f-string in haxory's installed
# core.py is answered "transitive, haxory==0.2".
# (verdict.py _syntax_too_new: `owner, rel = _building_setup(ctx, loc) or (None, rel)` leaves loc.owner unset)
FSTRING_PASTE = """Collecting haxory
  Using cached haxory-0.3.tar.gz
    Complete output from command python setup.py egg_info:
    Traceback (most recent call last):
      File "<string>", line 20, in <module>
      File "/tmp/pip-build-yuswawpl/haxory/setup.py", line 3
        print(f'{v}')
                   ^
    SyntaxError: invalid syntax
"""
PLAIN_SETUP = "from setuptools import setup\nsetup(name='haxory')\n"
FSTRING_SETUP = "from setuptools import setup\nv = 'x'\nprint(f'{v}')\nsetup(name='haxory')\n"


def test_a_building_setup_py_too_new_for_the_target_is_the_pins_not_the_projects(index_for):
    def release(v, setup):
        return {"version": v, "wheel": False, "sdist": True, "files": {"setup.py": setup, "haxory/__init__.py": ""}}

    universe = {"haxory": [release("0.2", PLAIN_SETUP), release("0.3", FSTRING_SETUP), release("0.4", FSTRING_SETUP)]}
    index, target = index_for(universe, python="3.5")
    d = diagnose_paste(index, target, "haxory==0.3\n", FSTRING_PASTE)
    assert d.verdict != "project", d.summary
    assert _admits(d, "haxory", "0.2") and not _admits(d, "haxory", "0.3"), (d.summary, _culprits(d))


# --------------------------------------------------------------------------
# Django's copy-and-paste view (message_only._django_debug)
# --------------------------------------------------------------------------
# 2. Django 3.0 on prints the copy-and-paste view's frames in Python's own layout
# ('  File "...", line 47, in inner' over '    response = get_response(request)'), ending in
# "Exception Type: TypeError at /admin/" -- the " at /url" the new _DEBUG_TYPE reads.  No
# exception line follows the frames, so parse_traceback finds nothing, and _django_debug only
# collects the Django 1.x/2.x layout (_DEBUG_FRAME 'File "..." in f' over '  223. code'): the
# class and message are read, every printed frame is dropped, and the diagnosis runs frameless
# (the sqlparse frame that made the call is lost).
# (message_only.py _django_debug: `f = _DEBUG_FRAME.match(head.strip())` is the only frame layout read)
DJANGO3_VIEW = """Environment:

Request Method: GET
Request URL: http://127.0.0.1:8000/admin/

Django Version: 3.2
Python Version: 3.8.5

Traceback (most recent call last):
  File "/usr/lib/python3.8/site-packages/django/core/handlers/exception.py", line 47, in inner
    response = get_response(request)
  File "/usr/lib/python3.8/site-packages/sqlparse/engine/filter_stack.py", line 29, in run
    stream = filter_.process(stream)

Exception Type: TypeError at /admin/
Exception Value: process() takes exactly 3 arguments (2 given)
"""


def test_djangos_newer_copy_and_paste_view_keeps_its_frames():
    inferred = infer_message(DJANGO3_VIEW, None)
    assert (inferred.exc_type, inferred.message) == ("TypeError", "process() takes exactly 3 arguments (2 given)")
    assert [(f.file.rsplit("/", 1)[-1], f.line, f.function, f.source) for f in inferred.frames] == [
        ("exception.py", 47, "inner", "response = get_response(request)"),
        ("filter_stack.py", 29, "run", "stream = filter_.process(stream)")]


# --------------------------------------------------------------------------
# The probe's attrs and positional-only readings (pysource.Resolver.accepts)
# --------------------------------------------------------------------------
# 3. An attrs base reached through the method order is skipped.  generated_init is checked only
# for the class asked about; a class with several bases goes through _mro_constructor, which
# looks for an ``__init__`` in each base's methods, passes over the attrs base (its constructor
# is generated, not written) and answers with the mixin's ``__init__(self)``: "has no parameter
# 'shield'", a definite NO.  Python calls _Scope's generated __init__(shield=False) first.  The
# keyword narrowing then sends scopes from 1.4.0 (whose CancelScope takes shield=) back across a
# major to 0.9.0 (culprit scopes<1.3.0), below poolcore's own scopes>=1.0.
# (pysource.py _mro_constructor: no `c.generated_init` check before `for meth in ("__init__", "__new__")`)
ATTRS_WITH_MIXIN = ("import attr\n\n\nclass _Checkpoints:\n    def __init__(self):\n        self.points = []\n\n\n"
                    "@attr.s\nclass _Scope:\n    shield = attr.ib(default=False)\n\n\n"
                    "class CancelScope(_Scope, _Checkpoints):\n    pass\n")


def test_an_attrs_base_before_a_mixin_takes_its_fields_as_keywords(index_for):
    bodies = (("0.9.0", SHIELD_ONLY), ("1.3.0", ATTRS_WITH_MIXIN), ("1.4.0", ATTRS_WITH_MIXIN),
              ("2.2.0", NONE), ("2.3.0", NONE))
    index, target = index_for(_scopes_universe(bodies, caller_requires=("scopes>=1.0",)), python="3.9")
    d = diagnose_paste(index, target, "poolcore==1.0.3\nscopes==2.2.0\n", CALL_PASTE)
    assert _admits(d, "scopes", "1.4.0"), _culprits(d)


# 4. A positional-only parameter beside **kwargs is answered "has parameter" without reading where
# **kwargs goes.  For ``def __init__(self, shield=False, /, **kwargs): super().__init__(**kwargs)``
# the call CancelScope(shield=True) puts shield into kwargs and the base's __init__(deadline=None)
# refuses it: "got an unexpected keyword argument 'shield'".  The probe says YES (the new
# `param in fn.posonly and fn.kwarg is not None` short-cut returns before the **kwargs
# forwarding is read, as it is for any other keyword), so the keyword narrowing keeps scopes 1.4.0
# -- where the same line fails at once -- instead of moving forward to 3.0.0.
# (pysource.py accepts: `if param in fn.params or (param in fn.posonly and (param.isdigit() or fn.kwarg is not None))`)
POSONLY_FORWARDING = ("class _Base:\n    def __init__(self, deadline=None):\n        self.deadline = deadline\n\n\n"
                      "class CancelScope(_Base):\n    def __init__(self, shield=False, /, **kwargs):\n"
                      "        super().__init__(**kwargs)\n        self.shield = shield\n")


def test_a_positional_only_parameter_beside_forwarded_kwargs_does_not_take_the_keyword(index_for):
    index, target = index_for({"scopes": [{"version": "1.4.0", "files": {"scopes/__init__.py": POSONLY_FORWARDING}}]},
                              python="3.9")
    found = ApiProbe(index).ask("scopes", "1.4.0", Question("scopes", name="CancelScope", parameter="shield"))
    assert found.value == NO, found.evidence


def test_the_narrowing_moves_past_a_positional_only_parameter_beside_forwarded_kwargs(index_for):
    bodies = (("1.3.0", POSONLY_FORWARDING), ("1.4.0", POSONLY_FORWARDING), ("2.2.0", NONE), ("2.3.0", NONE),
              ("3.0.0", TAKES), ("3.1.0", TAKES))
    index, target = index_for(_scopes_universe(bodies), python="3.9")
    d = diagnose_paste(index, target, "poolcore==1.0.3\nscopes==2.2.0\n", CALL_PASTE)
    assert not _admits(d, "scopes", "1.4.0"), _culprits(d)
    assert _admits(d, "scopes", "3.0.0"), _culprits(d)
