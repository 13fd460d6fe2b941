"""Second review of session 20's readings: inputs the new readings got wrong.

Each test is one finding: the `_SAID_RAISED` verb reading on documentation prose, the loop-string
reader of ``**kwargs`` keys, the refusal-age guard on packages whose majors come fast, and the
frameless "property 'x' of 'Cls' object has no setter" reading.
"""
import ast

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.pysource import read_function
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_paste, simple_parse


# --- _SAID_RAISED: "raises X: <condition>" is documentation, not an exception line -------------------------

def test_a_sphinx_raises_field_in_a_pasted_docstring_is_not_the_exception():
    # A reST docstring's ":raises ConfigError: if ..." field above the message the user got: the
    # field is read as the exception and hides CPython's AttributeError on the next line.
    paste = ("    :raises ConfigError: if the file does not exist\n"
             "module 'yaml' has no attribute 'FullLoader'\n")
    inferred = infer_message(paste)
    assert inferred is not None and inferred.exc_type == "AttributeError", inferred


def test_a_readme_sentence_saying_what_a_function_raises_is_not_an_exception():
    # README prose: what follows "raises X:" is the condition it is raised under, not its message.
    inferred = infer_message("Calling `load()` raises ConfigError: when the file is missing.\n")
    assert inferred is None, inferred


# --- _loop_strings: only the loop that pops from **kwargs counts ------------------------------------------

def _kwarg_keys(src: str):
    fn = next(n for n in ast.walk(ast.parse(src)) if isinstance(n, ast.FunctionDef))
    return read_function(fn).kwarg_keys


def test_a_loop_name_reused_by_a_loop_over_a_literal_list_that_pops_nothing_adds_no_keys():
    # "key" runs over ("width", "height") for setattr, and later over names computed from kwargs,
    # which are popped: width and height are not keys the function takes out of **kwargs.
    keys = _kwarg_keys("def __init__(self, **kwargs):\n"
                       "    for key in ('width', 'height'):\n"
                       "        setattr(self, key, None)\n"
                       "    for key in [k for k in kwargs if k.startswith('legacy_')]:\n"
                       "        kwargs.pop(key)\n"
                       "    super().__init__(**kwargs)\n")
    assert not keys & {"width", "height"}, keys


def test_a_literal_list_rebound_before_the_loop_gives_no_keys():
    # "names" was a literal list, then became the sorted keyword names: the loop pops whatever was
    # passed, not "theme" and "css".
    keys = _kwarg_keys("def __init__(self, **kwargs):\n"
                       "    names = ['theme', 'css']\n"
                       "    names = sorted(kwargs)\n"
                       "    for k in names:\n"
                       "        kwargs.pop(k, None)\n"
                       "    super().__init__(**kwargs)\n")
    assert not keys & {"theme", "css"}, keys


# --- _majors_apart: a package whose majors come fast -------------------------------------------------------

OPEN_OLD = "def open_workbook(path):\n    if path.endswith('.xlsx'):\n        return 'xlsx reader'\n    return 'xls reader'\n"
OPEN_NEW = ("FILE_FORMAT_DESCRIPTIONS = {'xls': 'Excel xls', 'xlsx': 'Excel xlsx file'}\n\n"
            "class XLRDError(Exception):\n    pass\n\n"
            "def open_workbook(path):\n    fmt = path.rsplit('.', 1)[-1]\n    if fmt != 'xls':\n"
            "        raise XLRDError(FILE_FORMAT_DESCRIPTIONS[fmt] + '; not supported')\n    return 'xls reader'\n")


def test_a_refusal_three_fast_majors_old_is_still_what_changed(index_for):
    # A package bumping its major several times a year (cryptography, setuptools, pyarrow): the
    # refusal came in 42.0.0, several releases before it lacked it, the pin is 44.0.0.  The major
    # count says "too old"; 41.0.7 is the release before the change and should be offered.
    universe = {"fastmaj": [{"version": v, "files": {"fastmaj/core.py": OPEN_OLD}} for v in ("40.0.0", "41.0.0", "41.0.7")] +
                           [{"version": v, "files": {"fastmaj/core.py": OPEN_NEW}} for v in ("42.0.0", "43.0.0", "44.0.0")]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("fastmaj==44.0.0\n", target)
    d = diagnose(simple_parse("XLRDError: Excel xlsx file; not supported\n", pins), pins, target, index,
                 load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("fastmaj", "<=41.0.7")], d.summary


# --- _read_only_named_class ---------------------------------------------------------------------------------

PASTE = """                # Let pillow know that it is okay to return 16-bit
>               image.mode = desired_mode
E               AttributeError: property 'mode' of 'PngImageFile' object has no setter
"""
OLD = "class Image:\n    def __init__(self):\n        self.mode = 'RGB'\n"
NEW = ("class Image:\n    def __init__(self):\n        self._mode = 'RGB'\n\n"
       "    @property\n    def mode(self):\n        return self._mode\n")
PLUGIN = "from .Image import Image\n\n\nclass PngImageFile(Image):\n    format = 'PNG'\n"


def test_a_keep_pin_defining_the_named_class_leaves_the_other_definer_unmoved(index_for):
    # The keep pin pilk is the image library (Image.mode became read-only in 10.1); another pin,
    # thumbz, happens to define a class of the same name and, in its pinned release, a new
    # unrelated read-only "mode".  Two pins define the class: the message does not say which, and
    # the keep pin is the likelier home; moving thumbz is no answer.
    universe = {
        "pilk": [{"version": v, "files": {"pilk/__init__.py": "", "pilk/Image.py": body,
                                          "pilk/PngImagePlugin.py": PLUGIN}}
                 for v, body in (("10.0.1", OLD), ("10.1.0", NEW))],
        "thumbz": [{"version": v, "files": {"thumbz/__init__.py": "", "thumbz/formats.py":
                                            "class PngImageFile:\n    pass\n\n\n" + extra}}
                   for v, extra in (("1.0.0", "class Thumb:\n    mode = 'fit'\n"),
                                    ("1.1.0", "class Thumb:\n    @property\n    def mode(self):\n        return 'fit'\n"))],
    }
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "pilk==10.1.0\nthumbz==1.1.0\n", PASTE, keep=("pilk",))
    assert not any(c.name == "thumbz" for c in d.culprits), d.summary


def test_a_read_only_attribute_of_a_class_outside_the_named_class_moves_nothing(index_for):
    # plugx defines PngImageFile over basex's Image, whose mode is a read-only property in every
    # release; plugx 2.0 adds an unrelated Palette whose mode is read-only too.  plugx's change is
    # not why PngImageFile's mode has no setter: plugx must not be moved.
    universe = {
        "basex": [{"version": v, "files": {"basex/__init__.py": "", "basex/Image.py": NEW}} for v in ("1.0.0", "1.1.0")],
        "plugx": [{"version": v, "files": {"plugx/__init__.py": "", "plugx/png.py":
                                           "from basex.Image import Image\n\n\nclass PngImageFile(Image):\n    pass\n\n\n"
                                           + extra}}
                  for v, extra in (("1.0.0", "class Palette:\n    mode = 'P'\n"),
                                   ("2.0.0", "class Palette:\n    @property\n    def mode(self):\n        return 'P'\n"))],
    }
    index, target = index_for(universe, python="3.11")
    d = diagnose_paste(index, target, "basex==1.1.0\nplugx==2.0.0\n", PASTE)
    assert not any(c.name == "plugx" and c.constraint.startswith("<=") for c in d.culprits), d.summary


# --- _enclosing_callable: a nested class is not the module's class of that name ----------------------------

NESTED = ("class BlockContext:\n"
          "    def __init__(self, render=True):\n"
          "        self.render = render\n\n\n"
          "class Blocks(BlockContext):\n"
          "    def __init__(self, title=None, **kwargs):\n"
          "        super().__init__(**kwargs)\n\n\n"
          "class Legacy:\n"
          "    class Blocks(BlockContext):\n"
          "        def __init__(self, **kwargs):\n"
          "            super().__init__(render=False, **kwargs)\n")


def test_a_frame_in_a_nested_class_is_not_asked_of_the_top_level_class_of_that_name(monkeypatch):
    # The frame runs Legacy.Blocks.__init__ (line 13); the module's own top-level Blocks is another
    # class, whose keyword range says nothing of what the caller called.
    import types

    import pytest_depfix.diagnose.probe as probe_module
    from pytest_depfix.diagnose.verdict import _enclosing_callable
    from pytest_depfix.models import Frame

    class Tree:
        def __init__(self, probe, name, version):
            pass

        def read(self, rel):
            return NESTED if rel == "gradiox/blocks.py" else None

    monkeypatch.setattr(probe_module, "ReleaseTree", Tree)
    line = NESTED.splitlines().index("            super().__init__(render=False, **kwargs)") + 1
    frame = Frame(file="/env/lib/python3.10/site-packages/gradiox/blocks.py", line=line, function="__init__",
                  relpath="gradiox/blocks.py")
    got = _enclosing_callable(types.SimpleNamespace(probe=object()), types.SimpleNamespace(name="gradiox", version="6.0.2"),
                              frame)
    assert got != ("gradiox.blocks", "Blocks"), got
