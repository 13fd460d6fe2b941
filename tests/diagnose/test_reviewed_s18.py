"""The session 18 review's inputs, each pinned to the answer the review asked for.

Each reading added in session 18 was tried against an input built to break it: a compiled
file elsewhere in a pure-Python release, a caller module this Python cannot parse, the
project's own import of a missing module, "got multiple values" under a same-named class,
and an import shadowed inside a function.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.users import positional_calls
from pytest_depfix.requirements import parse_requirements_text
from tests.diagnose import test_same_name_class_keyword as same_name
from tests.diagnose.test_dropped_dependency import _universe as dropped_universe
from tests.diagnose.test_return_arity import CRON
from tests.support.diagnose_crashes import diagnose_paste, simple_parse


def test_a_class_of_a_pure_python_module_is_not_a_compiled_callee(index_for):
    caller = "from pandy.frame import Frame\n\n\ndef render(x):\n    return ', '.join(Frame.names(x))\n"
    paste = ('Traceback (most recent call last):\n'
             '  File "/srv/app/main.py", line 11, in main\n'
             '    render(x)\n'
             '  File "/srv/venv/lib/python3.10/site-packages/reporty/report.py", line 5, in render\n'
             "    return ', '.join(Frame.names(x))\n"
             "TypeError: sequence item 0: expected str instance, NoneType found\n")

    def pandy(version, when):  # an unrelated extension elsewhere in the release
        return {"version": version, "upload_time": when, "files": {
            "pandy/__init__.py": "", "pandy/frame.py": "class Frame:\n    @staticmethod\n    def names(x):\n        return [None]\n",
            "pandy/_libs/hashing.so": "ELF"}}
    universe = {"pandy": [pandy("0.9.3", "2015-10-01T00:00:00Z"), pandy("0.10.0", "2016-12-20T00:00:00Z")],
                "reporty": [{"version": "0.9", "upload_time": "2015-04-01T00:00:00Z", "requires_dist": ["pandy"],
                             "files": {"reporty/__init__.py": "", "reporty/report.py": caller}}]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "reporty==0.9\npandy==0.10.0\n", paste)
    assert not d.culprits and "compiled" not in d.summary


def test_a_caller_module_this_python_cannot_parse_is_no_answer_and_no_crash(index_for):
    caller = "from .shim import CroniterShim\n\n\ndef is_valid(s):\n    expanded, _ = CroniterShim.expand(s)\n    return expanded\n"
    shim = "from cronny import croniter\n\nprint 'py2'\n\nclass CroniterShim(croniter):\n    pass\n"
    paste = ('Traceback (most recent call last):\n'
             '  File "/usr/local/lib/python3.10/site-packages/dagstery/schedules.py", line 5, in is_valid\n'
             '    expanded, _ = CroniterShim.expand(s)\n'
             "ValueError: too many values to unpack (expected 2)\n")

    def cronny(version, ret):
        return {"version": version, "files": {"cronny/__init__.py": "from .croniter import croniter\n",
                                              "cronny/croniter.py": CRON.format(ret=ret)}}
    universe = {"cronny": [cronny("1.3.15", "[], None"), cronny("1.4.0", "[], None, []")],
                "dagstery": [{"version": "1.3.9", "requires_dist": ["cronny"], "files": {
                    "dagstery/__init__.py": "", "dagstery/schedules.py": caller, "dagstery/shim.py": shim}}]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "dagstery==1.3.9\ncronny==1.4.0\n", paste)
    assert "unexpected" not in d.summary and not d.culprits


def test_the_projects_own_import_of_a_missing_module_moves_no_pin(index_for):
    paste = ('Traceback (most recent call last):\n'
             '  File "/srv/app/myproject/tokens.py", line 3, in <module>\n'
             '    import sacremosy\n'
             "ModuleNotFoundError: No module named 'sacremosy'\n")
    index, target = index_for(dropped_universe(), python="3.9")
    d = diagnose_paste(index, target, "flairy==0.11.2\ntokly==4.19.0\n", paste)
    assert not d.culprits


def test_multiple_values_under_a_same_named_class_is_not_another_class_refusing(index_for):
    index, target = index_for(same_name._universe(), python="3.10")
    pins = parse_requirements_text("dockerish==6.0.0\nwebpool==2.1.0\n", target)
    paste = "TypeError: HTTPConnection.request() got multiple values for argument 'chunked'\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert "another class refused it" not in d.summary


def test_positional_calls_bind_names_in_the_innermost_scope_once_each():
    text = ("from a.mod import Spectrum\n\n\ndef f(x):\n    from b.mod import Spectrum\n"
            "    def g():\n        return Spectrum(1, 2, 3)\n    return g\n\n\n"
            "class Local:\n    pass\n\n\ndef h():\n    return Spectrum(4, 5, 6)\n")
    found = [(full, use.line) for full, use in positional_calls(text, 3)]
    assert found == [("b.mod.Spectrum", 7), ("a.mod.Spectrum", 16)]
    shadowed = "from a.mod import Spectrum\n\n\nclass Spectrum(Spectrum):\n    pass\n\n\ndef h():\n    return Spectrum(1, 2, 3)\n"
    assert positional_calls(shadowed, 3) == []
