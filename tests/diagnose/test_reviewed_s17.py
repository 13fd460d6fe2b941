"""The second review of session 17's readings: each finding's own input, pinned.

The reviewer's scratch inputs, with the behaviour each must keep now that the finding is fixed.
"""
from pytest_depfix.diagnose import raised
from tests.support.diagnose_crashes import diagnose_paste


def moves(d):
    return sorted((c.name, c.constraint) for c in d.culprits)


# -- _foreign_base: the pin's own class sets the attribute, or its module cannot be parsed

BACKEND = {"1.0": "class Model:\n    def __init__(self):\n        self.backend = None\n",
           "2.0": "class Model:\n    def __init__(self):\n        self.engine = None\n"}
FIT = {"1.0": "class Model:\n    def fit(self):\n        pass\n",
       "2.0": "class Model:\n    def other(self):\n        pass\n"}


def _fb_diagnose(index_for, base, sub_files, cls, attr):
    """basey's Model (1.0 had ``attr``, 2.0 not) under suby's class ``cls``, printed with no frame."""
    universe = {
        "basey": [{"version": v, "files": {"basey/__init__.py": "", "basey/core.py": t}} for v, t in base.items()],
        "suby": [{"version": v, "requires_dist": ["basey"], "files": {"suby/__init__.py": "", **sub_files}}
                 for v in ("1.0", "1.1")],
    }
    index, target = index_for(universe, python="3.9")
    return diagnose_paste(index, target, "suby==1.1\nbasey==2.0\n",
                          f"AttributeError: '{cls}' object has no attribute '{attr}'\n")


def test_fb_own_init_sets_attr(index_for):
    # the pin's class sets self.backend itself; old base releases also had it
    sub = ("from basey.core import Model\n\n\nclass Prophet(Model):\n    def __init__(self):\n"
           "        super().__init__()\n        self._load()\n        self.backend = 1\n"
           "    def _load(self):\n        return self.backend\n")
    assert not _fb_diagnose(index_for, BACKEND, {"suby/f.py": sub}, "Prophet", "backend").culprits


def test_fb_intermediate_own_class_defines_attr(index_for):
    own = ("from basey.core import Model\n\n\nclass Mid(Model):\n    def __init__(self):\n        self.ready = True\n"
           "    def fit(self):\n        return 1\n\n\nclass Leaf(Mid):\n    def __init__(self):\n        pass\n"
           "    def go(self):\n        return self.fit()\n")
    assert not _fb_diagnose(index_for, FIT, {"suby/f.py": own}, "Leaf", "fit").culprits


def test_fb_no_super_init(index_for):
    sub = ("from basey.core import Model\n\n\nclass Prophet(Model):\n    def __init__(self, b):\n"
           "        if b:\n            self.backend = b\n"
           "    def load(self):\n        return self.backend\n")
    assert not _fb_diagnose(index_for, BACKEND, {"suby/f.py": sub}, "Prophet", "backend").culprits


def test_fb_syntax_error_in_own_base_module(index_for):
    leaf = "from .base import Mid\n\n\nclass Leaf(Mid):\n    def go(self):\n        return self.fit()\n"
    mid = "from basey.core import Model\nprint 'py2'\n\n\nclass Mid(Model):\n    pass\n"
    d = _fb_diagnose(index_for, FIT, {"suby/f.py": leaf, "suby/base.py": mid}, "Leaf", "fit")
    assert d.summary and not d.culprits  # no SyntaxError escapes the diagnosis


# -- _new_own_line's left mode: a reworded or moved old line is no sign

FUNC_OLD = "def parse(value):\n    number = float(value)\n    return number\n"
FUNC_NEW = "def parse(value):\n    number = float(str(value).strip())\n    return number\n"
PASTE = ('Traceback (most recent call last):\n  File "/home/u/proj/app.py", line 5, in main\n'
         "    libx.parse(row)\n"
         '  File "/usr/lib/python3.8/site-packages/libx/__init__.py", line 2, in parse\n'
         "    number = float(value)\nValueError: could not convert string to float: 'abc'\n")


def _u(last):
    return {"libx": [{"version": v, "files": {"libx/__init__.py": b}}
                     for v, b in (("1.0.0", FUNC_OLD), ("1.1.0", FUNC_OLD), ("1.2.0", FUNC_OLD), ("1.2.1", last))]}



def test_value_error_on_user_input_line_reformatted(index_for):
    index, target = index_for(_u(FUNC_NEW), python="3.8")
    d = diagnose_paste(index, target, "libx==1.2.0\n", PASTE)
    assert not d.culprits



def test_key_error_old_line_reformatted(index_for):
    old = "def get(cfg, name):\n    return cfg['sections'][name]\n"
    new = "def get(cfg, name):\n    sections = cfg['sections']\n    return sections[name]\n"
    u = {"libx": [{"version": v, "files": {"libx/__init__.py": b}}
                  for v, b in (("1.0.0", old), ("1.1.0", old), ("1.2.0", old), ("1.2.1", new))]}
    paste = ('Traceback (most recent call last):\n  File "/home/u/proj/app.py", line 5, in main\n'
             "    libx.get(cfg, 'db')\n"
             '  File "/usr/lib/python3.8/site-packages/libx/__init__.py", line 2, in get\n'
             "    return cfg['sections'][name]\nKeyError: 'db'\n")
    index, target = index_for(u, python="3.8")
    d = diagnose_paste(index, target, "libx==1.2.0\n", paste)
    assert not d.culprits



def test_function_moved_to_another_module(index_for):
    old = "def parse(value):\n    number = float(value)\n    return number\n"
    u = {"libx": [{"version": v, "files": {"libx/__init__.py": b, **({"libx/_parse.py": old} if v == "1.2.1" else {})}}
                  for v, b in (("1.0.0", old), ("1.1.0", old), ("1.2.0", old), ("1.2.1", "from ._parse import parse\n"))]}
    index, target = index_for(u, python="3.8")
    d = diagnose_paste(index, target, "libx==1.2.0\n", PASTE)
    assert not d.culprits, d.summary
    assert not d.culprits



def test_a_later_release_that_could_not_be_read_is_no_sign(index_for, monkeypatch):
    from pytest_depfix.diagnose import probe as P
    from tests.diagnose.test_new_own_line import HOOK, HOOK_PASTE, _hook_universe

    orig = P.ReleaseTree.read

    def read(self, path):
        if self.version == "2.6.1":
            raise OSError("connection reset")
        return orig(self, path)

    monkeypatch.setattr(P.ReleaseTree, "read", read)
    index, target = index_for(_hook_universe(HOOK), python="3.8")
    d = diagnose_paste(index, target, "requestsy==2.6.0\n", HOOK_PASTE)
    assert not d.culprits, d.summary


def test_a_plain_value_error_another_pin_runs_into_is_no_sign(index_for):
    from tests.diagnose.test_new_own_line import HOOK_PASTE, _hook_universe

    universe = _hook_universe("x = 1\n")
    universe["callery"] = [{"version": "1.0", "files": {"callery/__init__.py": "x = 1\n"}}]
    paste = HOOK_PASTE.replace('./setup.py", line 225', '/usr/lib/python3.8/site-packages/callery/__init__.py", line 1')
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "requestsy==2.6.0\ncallery==1.0\n", paste)
    assert not d.culprits, d.summary


def test_a_later_minor_release_dropping_an_old_line_is_no_sign(index_for):
    from tests.diagnose.test_new_own_line import HOOK, HOOK_PASTE

    universe = {"requestsy": [{"version": v, "files": {"requestsy/__init__.py": "from .packages import x\n",
                                                       "requestsy/packages/__init__.py": body}}
                              for v, body in (("2.5.3", HOOK), ("2.6.0", HOOK), ("2.7.0", "x = 1\n"))]}
    index, target = index_for(universe, python="3.8")
    assert not diagnose_paste(index, target, "requestsy==2.6.0\n", HOOK_PASTE).culprits



# -- _package_silent: a refusal that moved to a sibling package

MSG = ("Unable to determine Axes to steal space for Colorbar. Either provide the *cax* argument to use as the "
       "Axes for the Colorbar, provide the *ax* argument to steal space from it, or add *mappable* to an Axes.")
RAISES = f"def colorbar(mappable, cax=None, ax=None):\n    if cax is None and ax is None:\n        raise ValueError(\n            {MSG!r})\n"
RAISES2 = f"def steal(mappable, cax=None, ax=None):\n    if cax is None and ax is None:\n        raise ValueError(\n            {MSG!r})\n"
SILENT = "def colorbar(mappable, cax=None, ax=None):\n    return mappable\n"
PASTE = ('Traceback (most recent call last):\n  File "tests/test_plot.py", line 3, in test_plot\n    plt.colorbar()\n'
         '  File "/venv/lib/python3.9/site-packages/mplx/core/figure.py", line 4, in colorbar\n'
         f"    raise ValueError(\nValueError: {MSG}\n")


def _universe():
    def files(v, body):
        extra = {f"mplx/f{k:03d}.py": "x = 1\n" for k in range(70)}
        out = {"mplx/__init__.py": "", "mplx/core/__init__.py": "", "mplx/core/figure.py": body,
               "mplx/legacy/__init__.py": "", **extra}
        if v != "3.6.0":
            out["mplx/legacy/_helpers.py"] = RAISES2  # the refusal lived in a sibling package before
        return out
    return {"mplx": [{"version": v, "files": files(v, b)} for v, b in (("3.5.2", SILENT), ("3.5.3", SILENT), ("3.6.0", RAISES))]}



def test_a_refusal_in_a_sibling_package_keeps_the_earlier_release_from_counting_as_silent(index_for, monkeypatch):
    monkeypatch.setattr(raised, "MAX_FILES", 2)
    index, target = index_for(_universe(), python="3.9")
    d = diagnose_paste(index, target, "mplx==3.6.0\n", PASTE)
    assert ("mplx", "<=3.5.3") not in [(c.name, c.constraint) for c in d.culprits], d.summary



# -- protobuf: the generated module's dotted name names its owner

PB2_GOOGLE = ("# -*- coding: utf-8 -*-\n# Generated by the protocol buffer compiler.  DO NOT EDIT!\n"
       "# source: google/api/annotations.proto\n# Protobuf Python Version: {}\n"
       "from google.protobuf import runtime_version as _runtime_version\n")
PB_PASTE = ("google.protobuf.runtime_version.VersionError: Detected incompatible Protobuf Gencode/Runtime versions when "
         "loading google/api/annotations.proto: gencode 5.29.0 runtime 5.28.3. Runtime version cannot be older "
         "than the linked gencode version.\n")



def test_a_namespace_packages_generated_module_names_its_pin(index_for):
    u = {"googleapis-common-protos": [{"version": v, "requires_dist": ["protobuf>=3.19"],
            "files": {"google/api/__init__.py": "", "google/api/annotations_pb2.py": PB2_GOOGLE.format(g)}}
            for v, g in (("1.65.0", "5.28.0"), ("1.66.0", "5.29.0"))],
         "protobuf": [{"version": v, "files": {"google/protobuf/__init__.py": ""}} for v in ("5.28.3", "5.29.0")]}
    index, target = index_for(u, python="3.12")
    d = diagnose_paste(index, target, "googleapis-common-protos==1.66.0\nprotobuf==5.28.3\n", PB_PASTE)
    assert ("googleapis-common-protos", "<=1.65.0") in moves(d), d.summary



# -- the pre-release pin read below it gives a range
def test_an_unread_pre_release_pin_gets_the_range_below_it(index_for):
    from tests.diagnose.test_named_keyword_call import PASTE as KW_PASTE, _universe

    universe = _universe()
    universe["alembicy"] = [r for r in universe["alembicy"] if r["version"] != "1.5.0"] + [
        {"version": "1.5.0rc1", "files": {"alembicy/__init__.py": "",
                                          "alembicy/command.py": "def current(config, verbose=False):\n    return config\n"}}]
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "migratey==2.5.3\nalembicy==1.5.0rc1\n", KW_PASTE)
    assert any(n == "alembicy" and "<1.5.0rc1" in spec for n, spec in moves(d)), d.summary


# -- the parser, the families, the probe
def test_a_pytest_gt_line_over_a_message_that_is_no_exception_is_no_crash():
    from pytest_depfix.crash import parse_traceback

    assert parse_traceback(">       m.assert_called_with(1)\nE       Expected: call(1)\n") == []
    assert parse_traceback(">       f()\nE       Failed: DID NOT RAISE <class 'ValueError'>\n") == []


def test_a_redis_module_command_is_not_read_as_the_servers_age():
    from pytest_depfix.diagnose.families import environment_advice

    assert environment_advice("unknown command 'FT.SEARCH', with args beginning with: 'idx'") is None
    assert environment_advice("ERR unknown command 'XREVRANGE', with args beginning with:") is not None


def test_parse_quietly_drops_a_byte_order_mark():
    from pytest_depfix.diagnose.pysource import parse_quietly

    assert parse_quietly("\ufeffx = 1\n").body[0].targets[0].id == "x"


def test_a_vars_alias_handed_to_a_call_makes_names_unknown(index_for):
    from pytest_depfix.diagnose.probe import ApiProbe, Question

    text = "_g = vars()\nbuild(_g)\n"
    index, target = index_for({"genny": [{"version": "1.0", "files": {"genny/__init__.py": text}}]}, python="3.9")
    assert ApiProbe(index).ask("genny", "1.0", Question("genny", name="Thing")).value == "unknown"


def test_a_base_through_an_aliased_module_import_is_that_modules_class(index_for):
    # "import structlogy as sl" then class R(sl.dev.ConsoleRenderer)

    renderer = "class ConsoleRenderer:\n    def __init__(self):\n        self.{} = {{}}\n"
    universe = {
        "structlogy": [{"version": v, "files": {"structlogy/__init__.py": "from structlogy import dev\n",
                                                "structlogy/dev.py": renderer.format(attr)}}
                       for v, attr in (("23.2.0", "_level_to_color"), ("23.3.0", "_styles"))],
        "puyay": [{"version": "0.2.0", "files": {"puyay/__init__.py": "",
                                                 "puyay/log.py": "import structlogy as sl\n\n\n"
                                                 "class R(sl.dev.ConsoleRenderer):\n    def render(self):\n"
                                                 "        return self._level_to_color\n"}}],
    }
    index, target = index_for(universe, python="3.12")
    d = diagnose_paste(index, target, "puyay==0.2.0\nstructlogy==23.3.0\n",
                       "AttributeError: 'R' object has no attribute '_level_to_color'\n")
    assert any(n == "structlogy" and "<23.3.0" in spec for n, spec in moves(d)), d.summary
