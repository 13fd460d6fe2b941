"""'barplot() takes from 0 to 1 positional arguments but 2 ... were given': the releases that took that many.

seaborn 0.12 made every argument of its plotting functions but ``data`` keyword-only
(a Stack Overflow paste from Code Runner: ``sns.barplot(faces, frequencies, ...)``).
The probe counts only parameters that may be passed by position; keyword-only ones
after ``*`` do not count.
"""
from pytest_depfix.crash import parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

OLD = "def barplot(x=None, y=None, hue=None, data=None, palette=None, **kwargs):\n    return x\n"
NEW = "def barplot(data=None, *, x=None, y=None, hue=None, palette=None, **kwargs):\n    return data\n"
UNIVERSE = {
    "seab": [{"version": "0.11.2", "files": {"seab/__init__.py": "from .categorical import *\n", "seab/categorical.py": OLD}},
             {"version": "0.12.0", "files": {"seab/__init__.py": "from .categorical import *\n", "seab/categorical.py": NEW}}],
}
PASTE = ('File ["/Users/me/deitel/ch01/RollDieDynamic.py", line 17](coderunner:///Users/me/deitel/ch01/'
         'RollDieDynamic.py#(539,0)!), in update\n'
         "    axes = sns.barplot(faces, frequencies, palette='bright')  # new bars\n"
         "TypeError: barplot() takes from 0 to 1 positional arguments but 2 positional arguments "
         "(and 1 keyword-only argument) were given\n")


def _diagnose(index, target, pins_text, paste):
    pins = parse_requirements_text(pins_text, target)
    crash = parse_traceback(paste)[0]
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_markdown_linked_frame_line_is_a_frame():
    crash = parse_traceback(PASTE)[0]
    frame = crash.root.frames[-1]
    assert (frame.file, frame.line, frame.function) == ("/Users/me/deitel/ch01/RollDieDynamic.py", 17, "update")


def test_the_project_call_with_too_many_positionals_is_held_to_the_releases_that_took_them(index_for):
    index, target = index_for(UNIVERSE, python="3.9")
    d = _diagnose(index, target, "seab==0.12.0\n", PASTE)
    assert d.verdict == "project"
    assert [(c.name, c.constraint) for c in d.culprits] == [("seab", "<0.12.0")]
    assert "takes 2 positional arguments" in d.summary


def test_a_callable_that_never_took_them_gives_no_range(index_for):
    spec = {"seab": [dict(r, files={"seab/__init__.py": "from .categorical import *\n", "seab/categorical.py": NEW})
                     for r in UNIVERSE["seab"]]}
    index, target = index_for(spec, python="3.9")
    d = _diagnose(index, target, "seab==0.12.0\n", PASTE)
    assert d.culprits == []


def test_star_args_take_any_number(index_for):
    star = "def barplot(*args, data=None, **kwargs):\n    return data\n"
    spec = {"seab": [dict(r, files={"seab/__init__.py": "from .categorical import *\n", "seab/categorical.py": star if r["version"] == "0.12.0" else NEW})
                     for r in UNIVERSE["seab"]]}
    index, target = index_for(spec, python="3.9")
    d = _diagnose(index, target, "seab==0.12.0\n", PASTE)
    assert not any(c.name == "seab" for c in d.culprits)


def test_python_2s_bare_method_arity_is_asked_of_the_class_defining_it(index_for):
    # thumbor-community/aws#107: "_convert_to_request_dict() takes exactly 3 arguments (4 given)" (Python 2 names
    # no class); botocore's BaseClient method took a context argument from a later release on.
    old = "class BaseClient(object):\n    def _convert_to_request_dict(self, api_params, operation_model):\n        return {}\n"
    new = ("class BaseClient(object):\n    def _convert_to_request_dict(self, api_params, operation_model, context=None):\n"
           "        return {}\n")
    universe = {"botoc": [{"version": v, "tag": "py2.py3-none-any", "files": {"botoc/__init__.py": "", "botoc/client.py": src}}
                          for v, src in (("1.3.7", old), ("1.3.10", new))],
                "tornb": [{"version": "1.3.1", "tag": "py2.py3-none-any", "requires_dist": ["botoc"],
                           "files": {"tornb/__init__.py": "import botoc\n"}}]}
    index, target = index_for(universe, python="2.7")
    d = _diagnose(index, target, "tornb==1.3.1\nbotoc==1.3.7\n",
                  "TypeError: _convert_to_request_dict() takes exactly 3 arguments (4 given)\n")
    assert [(c.name, c.constraint) for c in d.culprits] == [("botoc", ">=1.3.10")]
