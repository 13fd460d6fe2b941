"""A pin's entry point that now runs into the pin's own ``raise``: the project's call is no longer supported.

ruamel.yaml 0.18 made the module-level ``load()`` call ``error_deprecation(...)``,
which raises ``AttributeError``; 0.17 had no such call.  Ansible printed the
module's traceback inside its JSON result (``"module_stderr": "Traceback ...\\n..."``),
one line with its newlines escaped, as the yedit thread shows it.
"""
from pytest_depfix.crash.parse import json_quoted_traceback, parse_traceback
from tests.support.diagnose_crashes import diagnose_paste

SITE = "/usr/local/lib/python3.9/dist-packages"
OLD = ("def error_deprecation(fun, method, arg=''):\n    raise AttributeError(fun)\n\n"
       "def load(stream, Loader=None):\n    warn_deprecation('load', 'load')\n    return Loader(stream).get()\n")
NEW = OLD.replace("    warn_deprecation('load', 'load')\n", "    error_deprecation('load', 'load', arg=_error_dep_arg)\n")
PASTE = ('fatal: [192.168.62.185]: FAILED! => {"changed": false, "module_stderr": "Traceback (most recent call last):\\n'
         '  File \\"/tmp/ansible_yedit_payload/ansible_yedit_payload.zip/ansible/modules/yedit.py\\", line 493, in load\\n'
         '    data = yaml.load(contents)\\n'
         f'  File \\"{SITE}/ruamely/main.py\\", line 5, in load\\n'
         "    error_deprecation('load', 'load', arg=_error_dep_arg)\\n"
         f'  File \\"{SITE}/ruamely/main.py\\", line 2, in error_deprecation\\n'
         '    raise AttributeError(fun)\\nAttributeError: \\n\\"load')


def _universe():
    versions = [("0.16.0", OLD), ("0.17.0", OLD), ("0.17.40", OLD), ("0.18.0", NEW), ("0.18.5", NEW)]
    return {"ruamely": [{"version": v, "wheel": True, "files": {"ruamely/__init__.py": "", "ruamely/main.py": text}}
                        for v, text in versions]}


def test_a_traceback_inside_a_json_string_is_unescaped_and_parsed():
    text = json_quoted_traceback(PASTE)
    assert text.startswith("Traceback (most recent call last):\n  File \"/tmp/ansible_yedit_payload/")
    [crash] = parse_traceback(PASTE)
    assert crash.root.type == "AttributeError"
    assert [f.function for f in crash.root.frames] == ["load", "load", "error_deprecation"]
    assert crash.root.frames[-1].source == "raise AttributeError(fun)"


def test_a_json_string_with_no_traceback_header_is_not_read():
    assert json_quoted_traceback('{"msg": "File \\"x.py\\", line 3\\nValueError: no"}') is None


def test_the_release_before_the_refusing_line_came_is_the_way_back(index_for):
    index, target = index_for(_universe(), python="3.9")
    d = diagnose_paste(index, target, "ruamely==0.18.5\n", PASTE)
    assert d.verdict == "project", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("ruamely", "<=0.17.40")], d.summary


def test_a_refusal_the_pin_always_had_moves_nothing(index_for):
    universe = _universe()
    for release in universe["ruamely"]:
        release["files"]["ruamely/main.py"] = NEW
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "ruamely==0.18.5\n", PASTE)
    assert not d.culprits, d.summary


def test_a_refusal_reached_from_another_pin_is_not_read_as_the_projects_call(index_for):
    universe = _universe()
    universe["callery"] = [{"version": "1.0", "wheel": True, "files": {"callery/__init__.py": "", "callery/io.py": "x = 1\n"}}]
    index, target = index_for(universe, python="3.9")
    paste = PASTE.replace("/tmp/ansible_yedit_payload/ansible_yedit_payload.zip/ansible/modules/yedit.py",
                          f"{SITE}/callery/io.py")
    d = diagnose_paste(index, target, "ruamely==0.18.5\ncallery==1.0\n", paste)
    assert d.verdict != "project" and not any(c.source == "release-files" for c in d.culprits), d.summary


def test_an_assert_the_entry_line_now_leads_to_is_a_refusal_too(index_for):
    # gym 0.25 wrapped every environment in PassiveEnvChecker, whose assert refuses one with no observation_space
    old = ("class PassiveEnvChecker:\n    def __init__(self, env):\n        assert hasattr(\n            env, 'observation_space'\n"
           "        ), 'The environment must specify an observation space.'\n\n\ndef make(env):\n    return env\n")
    new = old.replace("    return env\n", "    env = PassiveEnvChecker(env)\n    return env\n")
    universe = {"gymy": [{"version": v, "files": {"gymy/__init__.py": "", "gymy/registration.py": t}}
                         for v, t in (("0.23.1", old), ("0.24.0", old), ("0.25.1", new))]}
    paste = ('Traceback (most recent call last):\n  File "./dqn_learn.py", line 32, in <module>\n'
             "    env = gym.make('dqnenv-v0')\n"
             '  File "/usr/local/lib/python3.7/dist-packages/gymy/registration.py", line 10, in make\n'
             "    env = PassiveEnvChecker(env)\n"
             '  File "/usr/local/lib/python3.7/dist-packages/gymy/registration.py", line 5, in __init__\n'
             "    ), 'The environment must specify an observation space.'\n"
             "AssertionError: The environment must specify an observation space.\n")
    index, target = index_for(universe, python="3.7")
    d = diagnose_paste(index, target, "gymy==0.25.1\n", paste)
    assert [(c.name, c.constraint) for c in d.culprits] == [("gymy", "<=0.24.0")], d.summary


def test_the_line_came_many_releases_back_in_the_pins_own_series(index_for):
    # ruamel.yaml's shape: a long 0.17.x series before 0.18.0 brought the refusal; the nearest is found
    versions = [(f"0.17.{k}", OLD) for k in range(0, 41, 4)] + [(f"0.18.{k}", NEW) for k in range(0, 6)]
    universe = {"ruamely": [{"version": v, "files": {"ruamely/__init__.py": "", "ruamely/main.py": t}} for v, t in versions]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "ruamely==0.18.5\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("ruamely", "<=0.17.40")], d.summary


def test_an_entry_line_changed_in_an_older_series_is_no_new_refusal(index_for):
    # (review) validy 1.1.0 renamed the helper validate() calls; pinned 1.8.0 refuses the project's bad data
    old = ("def _check(data):\n    if not isinstance(data, dict):\n        raise TypeError(data)\n\n"
           "def validate(data, strict=False):\n    check_type(data)\n    return data\n\ncheck_type = _check\n")
    new = old.replace("    check_type(data)\n", "    _check(data)\n")
    paste = ('Traceback (most recent call last):\n  File "app/main.py", line 10, in <module>\n    validy.validate(payload)\n'
             f'  File "{SITE}/validy/core.py", line 6, in validate\n    _check(data)\n'
             f'  File "{SITE}/validy/core.py", line 3, in _check\n    raise TypeError(data)\n'
             "TypeError: ['age': 'must be int']\n")
    versions = [("1.0.0", old)] + [(f"1.{k}.0", new) for k in range(1, 9)]
    universe = {"validy": [{"version": v, "files": {"validy/__init__.py": "", "validy/core.py": t}} for v, t in versions]}
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "validy==1.8.0\n", paste)
    assert not any(c.source == "release-files" for c in d.culprits), d.summary


def test_a_character_beyond_the_bmp_in_the_json_string_is_one_character():
    # (review) json writes 😀 as a surrogate pair of \u escapes; a lone half would break printing
    text = json_quoted_traceback(PASTE.replace('\\"load', '\\ud83d\\ude00 \\ud83d'))
    assert "\U0001F600" in text and "\ufffd" in text
    text.encode("utf-8")


def test_the_entry_line_may_be_the_refusal_itself(index_for):
    # pandas-datareader 0.6.0's DataReader raises ImmediateDeprecationError for Yahoo; 0.5.0 had no such line
    old = "def DataReader(name, source):\n    return fetch(name, source)\n"
    new = ("def DataReader(name, source):\n    if source == 'yahoo':\n"
           "        raise ImmediateDeprecationError(DEP_ERROR_MSG.format('Yahoo Daily'))\n    return fetch(name, source)\n")
    universe = {"datareadery": [{"version": v, "files": {"datareadery/__init__.py": "", "datareadery/data.py": t}}
                                for v, t in (("0.4.0", old), ("0.5.0", old), ("0.6.0", new))]}
    paste = ('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
             f'  File "{SITE}/datareadery/data.py", line 3, in DataReader\n'
             "    raise ImmediateDeprecationError(DEP_ERROR_MSG.format('Yahoo Daily'))\n"
             "datareadery.exceptions.ImmediateDeprecationError: Yahoo Daily has been immediately deprecated\n")
    index, target = index_for(universe, python="3.9")
    d = diagnose_paste(index, target, "datareadery==0.6.0\n", paste)
    assert [(c.name, c.constraint) for c in d.culprits] == [("datareadery", "<=0.5.0")], d.summary
