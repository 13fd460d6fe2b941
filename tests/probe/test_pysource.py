"""The static reader on in-memory sources: each test pins one way a package binds a name."""

from __future__ import annotations

from pytest_depfix.diagnose.pysource import NO, UNKNOWN, YES, DictTree, Resolver, pick, read_module


def lookup(files, module, name, python=(3, 11)):
    return Resolver(DictTree(files), python).lookup(module, name)


NUMPY_LIKE = '''
__deprecated_attrs__ = {}
_msg = "module 'np' has no attribute {n}"
_type_info = [("object", ""), ("float", "float64"), ("int", "int_")]
if __SETUP__:
    pass
else:
    __deprecated_attrs__.update({n: (1, _msg.format(n=n)) for n, extended in _type_info[:1]})
    __former_attrs__ = {n: _msg.format(n=n) for n, extended in _type_info}
    def __getattr__(attr):
        try:
            val, msg = __deprecated_attrs__[attr]
        except KeyError:
            pass
        else:
            return val
        if attr in __former_attrs__:
            raise AttributeError(__former_attrs__[attr])
        if attr == "testing":
            import np.testing as testing
            return testing
        raise AttributeError("no attribute " + attr)
'''


def test_table_built_by_a_comprehension_over_a_literal_list_marks_names_removed():
    files = {"np/__init__.py": NUMPY_LIKE}
    f = lookup(files, "np", "float")
    assert f.value == NO and "__former_attrs__" in f.evidence and "np/__init__.py:" in f.evidence
    assert lookup(files, "np", "testing").value == YES  # served by an explicit branch that returns
    assert lookup(files, "np", "anything").value == NO  # closed __getattr__: every other path raises


def test_deprecated_table_still_provides_the_name():
    src = NUMPY_LIKE.replace("_type_info[:1]", "_type_info").replace("__former_attrs__ = {n: _msg.format(n=n) for n, extended in _type_info}", "__former_attrs__ = {}")
    f = lookup({"np/__init__.py": src}, "np", "float")
    assert f.value == YES and "deprecat" in f.evidence


def test_pillow_9_style_tables_local_to_getattr():
    src = ("import warnings\n"
           "def __getattr__(name):\n"
           "    categories = {'NORMAL': 0, 'SEQUENCE': 1}\n"
           "    if name in categories:\n        warnings.warn('deprecated')\n        return categories[name]\n"
           "    old_resampling = {'LINEAR': 'BILINEAR', 'ANTIALIAS': 'LANCZOS'}\n"
           "    if name in old_resampling:\n        warnings.warn(name)\n        return 1\n"
           "    raise AttributeError(name)\n")
    files = {"PIL/__init__.py": "", "PIL/Image.py": src}
    f = lookup(files, "PIL.Image", "ANTIALIAS")
    assert f.value == YES and "old_resampling" in f.evidence
    assert lookup(files, "PIL.Image", "NORMAL").value == YES
    assert lookup(files, "PIL.Image", "BICUBIC").value == NO


def test_open_getattr_is_unknown():
    src = "def __getattr__(name):\n    return globals()['_' + name]\n"
    assert lookup({"m/__init__.py": src}, "m", "x").value == UNKNOWN


def test_pillow_style_getattr_with_literal_names():
    src = ("class Resampling:\n    LANCZOS = 1\n"
           "def __getattr__(name):\n"
           "    if name in ('LINEAR', 'ANTIALIAS'):\n        return Resampling.LANCZOS\n"
           "    raise AttributeError(name)\n")
    files = {"PIL/__init__.py": "", "PIL/Image.py": src}
    assert lookup(files, "PIL.Image", "ANTIALIAS").value == YES
    assert lookup(files, "PIL.Image", "CUBIC").value == NO


def test_star_import_respects_all():
    files = {"p/__init__.py": "from .a import *\n", "p/a.py": "__all__ = ['x']\nx = 1\ny = 2\n_z = 3\n"}
    assert lookup(files, "p", "x").value == YES
    assert lookup(files, "p", "y").value == NO
    files["p/a.py"] = "x = 1\ny = 2\n_z = 3\n"  # no __all__: public names only
    assert lookup(files, "p", "y").value == YES
    assert lookup(files, "p", "_z").value == NO


def test_all_summed_from_submodules_is_followed():
    files = {"p/__init__.py": "from .core import *\n",
             "p/core/__init__.py": "from . import num\nfrom .num import *\n__all__ = []\n__all__ += num.__all__\n",
             "p/core/num.py": "__all__ = ['ones']\ndef ones(shape, dtype=None):\n    pass\n"}
    f = lookup(files, "p", "ones")
    assert f.value == YES and f.refs[0].kind == "function" and "dtype" in f.refs[0].fn.params


def test_version_info_branches_are_evaluated_for_the_target():
    src = "import sys\nif sys.version_info >= (3, 10):\n    def new():\n        pass\nelse:\n    def old():\n        pass\n"
    files = {"m.py": src}
    assert lookup(files, "m", "new", (3, 11)).value == YES and not lookup(files, "m", "new", (3, 11)).conditional
    assert lookup(files, "m", "new", (3, 9)).value == NO
    assert lookup(files, "m", "old", (3, 9)).value == YES


def test_type_checking_imports_are_not_runtime_names():
    src = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .x import Only\n"
    assert lookup({"m/__init__.py": src, "m/x.py": "Only = 1\n"}, "m", "Only").value == NO


def test_del_removes_a_binding():
    assert lookup({"m.py": "x = 1\ndel x\n"}, "m", "x").value == NO


def test_lazy_loader_attach_and_attach_stub():
    files = {"sk/__init__.py": "import lazy_loader as lazy\n__getattr__, __dir__, __all__ = lazy.attach(__name__, submodules=['filters'], submod_attrs={'io': ['imread']})\n",
             "sk/io.py": "def imread(fname, plugin=None):\n    pass\n", "sk/filters.py": ""}
    assert lookup(files, "sk", "imread").value == YES
    assert lookup(files, "sk", "filters").value == YES
    stubbed = {"sc/__init__.py": "import lazy_loader as lazy\n__getattr__, __dir__, __all__ = lazy.attach_stub(__name__, __file__)\n",
               "sc/__init__.pyi": "from ._impl import thing as thing\n", "sc/_impl.py": "def thing():\n    pass\n"}
    f = lookup(stubbed, "sc", "thing")
    assert f.value == YES and "stub" in f.evidence
    assert lookup(stubbed, "sc", "other").value == UNKNOWN


def test_compiled_module_with_a_stub_is_read_from_the_stub():
    files = {"c/__init__.py": "from ._ext import fast\n", "c/_ext.cpython-311-x86_64-linux-gnu.so": "", "c/_ext.pyi": "def fast(x: int, *, k: int = ...) -> int: ...\n"}
    r = Resolver(DictTree(files))
    f = r.lookup("c._ext", "fast")
    assert f.value == YES and f.refs[0].fn.params == ["x", "k"]
    assert r.lookup("c._ext", "slow").value == NO


def test_class_attribute_inherited_and_instance_attribute():
    files = {"m.py": "class Base:\n    def close(self):\n        pass\nclass C(Base):\n    def __init__(self):\n        self.handle = None\n"}
    r = Resolver(DictTree(files))
    c = r.lookup("m", "C").refs[0]
    assert r.class_attr(c, "close").value == YES
    assert r.class_attr(c, "handle").value == YES
    assert r.class_attr(c, "nope").value == NO
    ext = Resolver(DictTree({"m.py": "from other import Base\nclass C(Base):\n    pass\n"}))
    assert ext.class_attr(ext.lookup("m", "C").refs[0], "x").value == UNKNOWN


def test_kwargs_read_by_key_and_dataclass_fields():
    files = {"m.py": "def f(a, **kw):\n    enc = kw.pop('encoding', None)\n    return g(**kw)\ndef g(b):\n    pass\n"
                     "from dataclasses import dataclass\n@dataclass\nclass D:\n    x: int\n    y: int = 0\n"}
    r = Resolver(DictTree(files))
    fn = r.lookup("m", "f").refs[0]
    assert r.accepts(fn, "encoding").value == YES
    assert r.accepts(fn, "b").value == YES
    assert r.accepts(fn, "c").value == NO
    d = r.lookup("m", "D").refs[0]
    assert r.accepts(d, "y").value == YES


def test_try_except_fallback_pair_prefers_the_readable_branch():
    files = {"mp/__init__.py": "try:\n    from ._c import unpackb\nexcept ImportError:\n    from .fallback import unpackb\n",
             "mp/_c.cpython-311-x86_64-linux-gnu.so": "", "mp/fallback.py": "def unpackb(packed, **kwargs):\n    return Unpacker(**kwargs)\nclass Unpacker:\n    def __init__(self, file_like=None, raw=False):\n        pass\n"}
    r = Resolver(DictTree(files))
    f = r.lookup("mp", "unpackb")
    assert f.value == YES and not f.conditional  # bound on both paths: certainly there, from one of two places
    assert len(f.refs) == 2
    assert pick([r.accepts(ref, "encoding") for ref in f.refs]).value == NO
    assert pick([r.accepts(ref, "raw") for ref in f.refs]).value == YES


def test_syntax_error_is_unknown_not_a_crash():
    m = read_module("def broken(:\n", "m.py", "m")
    assert m.syntax_error
    assert lookup({"m.py": "def broken(:\n"}, "m", "x").value == UNKNOWN


def test_all_is_a_module_attribute_even_when_a_function_builds_it():
    # SQLAlchemy 1.4's package ends with __go(locals()), whose 'global __all__' builds the list;
    # flask-sqlalchemy 2.x reads sqlalchemy.__all__, and SQLAlchemy 2.0 stopped defining it.
    sa14 = ("from .sql import select\n\ndef __go(lcls):\n    global __all__\n    import inspect as _inspect\n"
            "    __all__ = sorted(name for name in lcls if not name.startswith('_'))\n\n__go(locals())\n")
    assert lookup({"sa/__init__.py": sa14}, "sa", "__all__").value == YES
    assert lookup({"sa/__init__.py": "from .sql import select\n"}, "sa", "__all__").value == NO
    assert lookup({"sa/__init__.py": "__all__ = ['select']\nfrom .sql import select\n"}, "sa", "__all__").value == YES
    # A global assigned only inside a function that declares nothing global stays local.
    local = "def f():\n    __all__ = []\n"
    assert lookup({"sa/__init__.py": local}, "sa", "__all__").value == NO


def test_huggingface_hubs_own_attach_with_a_named_table_lazy_loads_names():
    init = ("_SUBMOD_ATTRS = {\n    'serialization': ['split_torch_state_dict_into_shards'],\n"
            "    'hf_api': ['HfApi'],\n}\n\ndef _attach(package_name, submodules=None, submod_attrs=None):\n"
            "    def __getattr__(name):\n        raise AttributeError(name)\n    return __getattr__, None, []\n\n"
            "__getattr__, __dir__, __all__ = _attach(__name__, submodules=[], submod_attrs=_SUBMOD_ATTRS)\n")
    files = {"hub/__init__.py": init, "hub/serialization.py": "def split_torch_state_dict_into_shards():\n    pass\n",
             "hub/hf_api.py": "class HfApi:\n    pass\n"}
    f = lookup(files, "hub", "split_torch_state_dict_into_shards")
    assert f.value == YES and "lazy-loaded from hub.serialization" in f.evidence
    assert lookup(files, "hub", "upload_folder").value != YES


def test_pydantic_2s_dynamic_imports_table_provides_its_names():
    init = ("_dynamic_imports = {\n    'field_validator': (__spec__.parent, '.functional_validators'),\n"
            "    'BaseModel': (__spec__.parent, '.main'),\n}\n\n"
            "def __getattr__(attr_name):\n    dynamic_attr = _dynamic_imports.get(attr_name)\n"
            "    if dynamic_attr is None:\n        return _getattr_migration(attr_name)\n"
            "    package, module_name = dynamic_attr\n    return getattr(import_module(module_name, package=package), attr_name)\n")
    files = {"pyd/__init__.py": init, "pyd/functional_validators.py": "def field_validator():\n    pass\n",
             "pyd/main.py": "class BaseModel:\n    pass\n"}
    f = lookup(files, "pyd", "field_validator")
    assert f.value == YES and "pyd.functional_validators" in f.evidence


def test_a_deprecated_table_read_with_get_serves_its_names_with_a_warning():
    # Markdown 3.1-3.3: 'version' lives only as a key of __deprecated__, which __getattr__ returns from.
    init = ("__version__ = '3.3.7'\n__deprecated__ = {\n    'version': ('__version__', __version__),\n}\n\n"
            "def __getattr__(name):\n    deprecated = __deprecated__.get(name)\n    if deprecated:\n"
            "        warnings.warn('deprecated', DeprecationWarning)\n        return deprecated[1]\n"
            "    raise AttributeError(name)\n")
    f = lookup({"md/__init__.py": init}, "md", "version")
    assert f.value == YES and "deprecation" in f.evidence
    assert lookup({"md/__init__.py": init}, "md", "version_info").value != YES
    # A table whose name does not say its names are served proves nothing about them.
    plain = init.replace("__deprecated__", "__table__")
    assert lookup({"md/__init__.py": plain}, "md", "version").value != YES


def test_a_helper_that_adds_a_modules_all_to_ours_carries_its_names_through_star_imports():
    # numpy 1.22-1.26: core/__init__.py stopped adding fromnumeric.__all__ itself; numeric.py does it through
    # 'def extend_all(module)' + 'extend_all(fromnumeric)'. Without following it, np.sum and np.product read as absent.
    extend_all = ("def extend_all(module):\n    existing = set(__all__)\n    mall = getattr(module, '__all__')\n"
                  "    for a in mall:\n        if a not in existing:\n            __all__.append(a)\n")
    files = {"np/__init__.py": "from .core import *\ndef __getattr__(attr):\n    raise AttributeError(attr)\n",
             "np/core/__init__.py": "from . import numeric\nfrom .numeric import *\n__all__ = []\n__all__ += numeric.__all__\n",
             "np/core/numeric.py": "from . import fromnumeric\nfrom .fromnumeric import *\n__all__ = ['ones']\n"
                                   + extend_all + "extend_all(fromnumeric)\n",
             "np/core/fromnumeric.py": "__all__ = ['product', 'sum']\ndef product(a):\n    pass\ndef sum(a):\n    pass\n"}
    assert lookup(files, "np", "product").value == YES
    assert lookup(files, "np", "prod").value == NO
    # A helper that touches __all__ but not its argument's is no such thing.
    files["np/core/numeric.py"] = ("from . import fromnumeric\nfrom .fromnumeric import *\n__all__ = ['ones']\n"
                                   "def add(name):\n    __all__.append(name)\nadd(fromnumeric)\n")
    assert lookup(files, "np", "product").value == NO


def test_a_lazy_module_import_structure_with_names_appended_later_provides_them():
    # transformers 4.28: _import_structure["models.llama"].append("LlamaTokenizer") under a try/else, then
    # sys.modules[__name__] = _LazyModule(__name__, globals()["__file__"], _import_structure, ...).
    init = ("import sys\nfrom typing import TYPE_CHECKING\nfrom .utils import _LazyModule\n"
            "_import_structure = {'models.llama': ['LlamaConfig'], 'models.auto': ['AutoModel']}\n"
            "try:\n    import sentencepiece\nexcept ImportError:\n    pass\nelse:\n"
            "    _import_structure['models.llama'].append('LlamaTokenizer')\n"
            "    _import_structure['models.bert'] = ['BertTokenizer']\n"
            "if TYPE_CHECKING:\n    from .models.llama import LlamaConfig\nelse:\n"
            "    sys.modules[__name__] = _LazyModule(__name__, globals()['__file__'], _import_structure, module_spec=__spec__)\n")
    files = {"tf/__init__.py": init, "tf/utils.py": "class _LazyModule:\n    pass\n", "tf/models/__init__.py": "",
             "tf/models/llama/__init__.py": "class LlamaConfig:\n    pass\nclass LlamaTokenizer:\n    pass\n",
             "tf/models/bert/__init__.py": "class BertTokenizer:\n    pass\n",
             "tf/models/auto/__init__.py": "class AutoModel:\n    pass\n"}
    for name in ("LlamaConfig", "LlamaTokenizer", "BertTokenizer", "AutoModel"):
        assert lookup(files, "tf", name).value == YES, name
    assert not lookup(files, "tf", "LlamaConfig").conditional
    assert lookup(files, "tf", "LlamaTokenizer").conditional  # only when sentencepiece imports
    assert lookup(files, "tf", "MistralTokenizer").value == NO
    # A table entry whose module does not define the name is no provider.
    files["tf/models/auto/__init__.py"] = ""
    assert lookup(files, "tf", "AutoModel").value == NO


def test_a_module_that_replaces_itself_in_sys_modules_serves_its_table_or_is_unknown():
    # werkzeug 0.16.1: _DeprecatedImportModule(__name__, {".utils": ["secure_filename"], ...}, "Werkzeug 1.0")
    replacer = ("import sys\nfrom types import ModuleType\n\nclass _Deprecated(ModuleType):\n"
                "    def __init__(self, name, available, removed_in):\n        super().__init__(name)\n"
                "        sys.modules[name] = self\n\n"
                "_Deprecated(__name__, {'.utils': ['secure_filename'], '.': ['exceptions']}, 'Werkzeug 1.0')\n"
                "from .serving import run_simple\n")
    files = {"wz/__init__.py": replacer, "wz/utils.py": "def secure_filename(f):\n    return f\n",
             "wz/serving.py": "def run_simple():\n    pass\n", "wz/exceptions.py": ""}
    assert lookup(files, "wz", "secure_filename").value == YES
    assert lookup(files, "wz", "run_simple").value == YES
    assert lookup(files, "wz", "nothing_here").value == UNKNOWN  # the replacing object decides at run time
    # werkzeug 0.15: 'new_module = sys.modules["wz"] = module("wz")' at module level: every other name is unknown.
    files["wz/__init__.py"] = "import sys\nfrom types import ModuleType as module\nnew_module = sys.modules['wz'] = module('wz')\n"
    assert lookup(files, "wz", "secure_filename").value == UNKNOWN


def test_a_name_bound_in_a_try_and_in_every_handler_is_bound_for_certain():
    # scikit-learn 0.23.2 sklearn/utils/fixes.py: parse_version from pkg_resources, else from distutils.
    src = ("try:\n    from pkg_resources import parse_version\nexcept ImportError:\n"
           "    from distutils.version import LooseVersion as parse_version\n")
    f = lookup({"m.py": src}, "m", "parse_version")
    assert f.value == YES and not f.conditional
    only_try = "try:\n    from fast import thing\nexcept ImportError:\n    pass\n"
    assert lookup({"m.py": only_try}, "m", "thing").conditional
    reraise = "try:\n    from fast import thing\nexcept ImportError:\n    raise RuntimeError('need fast')\n"
    assert lookup({"m.py": reraise}, "m", "thing").value == YES  # a re-raising handler binds nothing, leaves no path


def test_only_plain_bindings_on_every_path_of_a_try_are_certain():
    nested = ("try:\n    from lxml import etree\nexcept ImportError:\n    try:\n        import xml.etree.cElementTree as etree\n"
              "    except ImportError:\n        pass\n")
    assert lookup({"m.py": nested}, "m", "etree").conditional
    branch = ("import sys\ntry:\n    from fast import escape\nexcept ImportError:\n    if sys.platform == 'win32':\n"
              "        escape = None\n")
    assert lookup({"m.py": branch}, "m", "escape").conditional
    deleted = "try:\n    from a import X\nexcept ImportError:\n    X = None\nelse:\n    del X\n"
    assert not (lookup({"m.py": deleted}, "m", "X").value == YES and not lookup({"m.py": deleted}, "m", "X").conditional)


def test_version_tests_with_short_or_stepped_slices_follow_python():
    import ast

    from pytest_depfix.diagnose.pysource import version_side

    def side(expr, python=(3, 8, 1)):
        return version_side(ast.parse(expr, mode="eval").body, python)

    assert side("sys.version_info[:2] >= (3, 8, 1)") is False  # (3, 8) < (3, 8, 1)
    assert side("sys.version_info[:2] == (3, 8, 0)") is False
    assert side("sys.version_info[:3:2] >= (3, 2)") is None  # a step: not read
    assert side("sys.version_info >= (3,)") is True


def test_names_bound_through_locals_in_a_loop_over_a_literal_list_are_there():
    # scipy.signal 1.1-1.12: the window functions stay in the signal namespace through a loop
    # writing locals(); 1.13 dropped the loop (and gaussian with it).
    init = ("from . import windows\n"
            "deprecated_windows = ('boxcar', 'gaussian')\n"
            "def deco(name):\n    return getattr(windows, name)\n"
            "for name in deprecated_windows:\n    locals()[name] = deco(name)\n"
            "del deprecated_windows, name, deco\n")
    r = Resolver(DictTree({"sig/__init__.py": init, "sig/windows.py": "def gaussian(M, std):\n    return M\n"}))
    assert r.lookup("sig", "gaussian").value == YES
    assert r.lookup("sig", "hann").value == NO
    # a loop writing something else binds nothing
    other = init.replace("locals()[name] = deco(name)", "print(deco(name))")
    r2 = Resolver(DictTree({"sig/__init__.py": other, "sig/windows.py": ""}))
    assert r2.lookup("sig", "gaussian").value == NO


MARSHMALLOW_2 = '''
from marshmallow.compat import with_metaclass
class SchemaMeta(type):
    pass
class BaseSchema(object):
    def __init__(self, extra=None, only=(), exclude=(), prefix='', strict=None, many=False):
        pass
class Schema(with_metaclass(SchemaMeta, BaseSchema)):
    __doc__ = BaseSchema.__doc__
'''


def test_a_base_given_through_six_style_with_metaclass_is_followed():
    # marshmallow 2.x: Schema's constructor (and its 'strict') is BaseSchema's.
    r = Resolver(DictTree({"marshmallow/__init__.py": "", "marshmallow/schema.py": MARSHMALLOW_2}))
    schema = r.lookup("marshmallow.schema", "Schema").refs[0]
    assert r.accepts(schema, "strict").value == YES
    assert r.accepts(schema, "unknown").value == NO
    assert r.class_attr(schema, "__init__").value == YES


def test_a_base_made_by_any_other_call_is_unknown_not_absent():
    r = Resolver(DictTree({"m.py": "Base = declarative_base()\nclass Model(make_base(Base)):\n    id = 1\n"}))
    model = r.lookup("m", "Model").refs[0]
    assert r.accepts(model, "name").value == UNKNOWN
    assert r.class_attr(model, "query").value == UNKNOWN
    assert r.class_attr(model, "id").value == YES


TRANSFORMERS_452 = '''
import sys
from pathlib import Path
from .utils import _LazyModule, define_import_structure
_import_structure = {"configuration_utils": ["PretrainedConfig"]}
_import_structure["cache_utils"] = ["Cache", "EncoderDecoderCache"]
if TYPE_CHECKING:
    from .cache_utils import Cache
else:
    _import_structure = {k: set(v) for k, v in _import_structure.items()}
    import_structure = define_import_structure(Path(__file__).parent / "models", prefix="models")
    import_structure[frozenset({})].update(_import_structure)
    sys.modules[__name__] = _LazyModule(__name__, globals()["__file__"], import_structure, module_spec=__spec__)
'''


def test_a_lazy_table_merged_into_one_built_at_run_time_is_read_and_the_rest_is_unknown():
    # transformers 4.52: the literal table is merged into define_import_structure's; 'EncoderDecoderCache'
    # was read as "not defined" before, a false no.
    files = {"tf/__init__.py": TRANSFORMERS_452, "tf/cache_utils.py": "class Cache: pass\nclass EncoderDecoderCache(Cache): pass\n",
             "tf/configuration_utils.py": "class PretrainedConfig: pass\n", "tf/utils.py": ""}
    assert lookup(files, "tf", "EncoderDecoderCache").value == YES
    assert lookup(files, "tf", "PretrainedConfig").value == YES  # the literal's keys survive the set() rebuild
    assert lookup(files, "tf", "LlamaModel").value == UNKNOWN  # gathered from models/ at run time


def test_a_lazy_table_given_directly_still_answers_no_for_names_it_lacks():
    src = TRANSFORMERS_452.replace("import_structure, module_spec", "_import_structure, module_spec")
    files = {"tf/__init__.py": src, "tf/cache_utils.py": "class Cache: pass\n", "tf/configuration_utils.py": "", "tf/utils.py": ""}
    assert lookup(files, "tf", "LlamaModel").value == NO


WEBSOCKETS_14 = '''
import typing
from .imports import lazy_import
if typing.TYPE_CHECKING:
    from .asyncio.client import connect
else:
    lazy_import(
        globals(),
        aliases={"connect": ".asyncio.client", "Headers": ".datastructures"},
        deprecated_aliases={"WebSocketClientProtocol": ".legacy.client"},
    )
'''


def test_a_lazy_import_handed_globals_serves_its_alias_tables():
    # websockets 10-15: 'connect' was read as "not defined", a false no for every release
    files = {"ws/__init__.py": WEBSOCKETS_14, "ws/imports.py": "", "ws/asyncio/__init__.py": "",
             "ws/asyncio/client.py": "class connect:\n    def __init__(self, uri, additional_headers=None, **kwargs):\n        pass\n",
             "ws/datastructures.py": "class Headers: pass\n", "ws/legacy/__init__.py": "",
             "ws/legacy/client.py": "class WebSocketClientProtocol: pass\n"}
    assert lookup(files, "ws", "connect").value == YES
    assert lookup(files, "ws", "WebSocketClientProtocol").value == YES
    assert lookup(files, "ws", "serve").value == NO  # the tables are read, and it is in neither
    opaque = {"m.py": "from .setup import install\ninstall(globals())\n", "setup.py": ""}
    assert lookup(opaque, "m", "anything").value == UNKNOWN


def test_a_call_may_leave_out_a_parameter_only_when_it_is_absent_or_has_a_default():
    # click 8.2's Parameter.make_metavar(self, ctx) made ctx required: "missing 1 required positional argument: 'ctx'"
    files = {"m.py": "class P:\n    def make_metavar(self, ctx):\n        pass\n    def old(self):\n        pass\n"
                     "    def opt(self, ctx=None, *, fmt, style='x'):\n        pass\n"}
    r = Resolver(DictTree(files))
    cls = r.lookup("m", "P").refs[0]
    meth = {n: r.class_attr(cls, n).refs[0] for n in ("make_metavar", "old", "opt")}
    assert r.accepts(meth["make_metavar"], "!ctx").value == NO
    assert r.accepts(meth["old"], "!ctx").value == YES
    assert r.accepts(meth["opt"], "!ctx").value == YES
    assert r.accepts(meth["opt"], "!fmt").value == NO  # keyword-only without a default
    assert r.accepts(meth["opt"], "!style").value == YES


def test_a_module_that_updates_its_globals_from_a_run_time_table_has_unknown_names():
    # keras 2.11 keras/initializers/__init__.py: Constant and friends come from globals().update(LOCAL.ALL_OBJECTS)
    files = {"k/__init__.py": "", "k/initializers.py": "LOCAL = {}\nLOCAL['Constant'] = object\nglobals().update(LOCAL)\n"
                                                       "def get(x):\n    return x\n"}
    assert lookup(files, "k.initializers", "Constant").value == UNKNOWN
    assert lookup(files, "k.initializers", "get").value == YES
    literal = {"k/__init__.py": "", "k/m.py": "globals().update({'a': 1})\n"}
    assert lookup(literal, "k.m", "zzz").value == NO  # a literal table adds only its own keys


def test_a_name_every_branch_of_a_platform_chain_binds_or_raises_is_certain():
    # pyserial 3.5's serial/__init__.py: one Serial per platform, and an ImportError for the rest.
    files = {"serial/__init__.py": (
        "import os\nimport sys\n"
        "if sys.platform == 'cli':\n    from serial.serialcli import Serial\n"
        "else:\n    if os.name == 'nt':\n        from serial.serialwin32 import Serial\n"
        "    elif os.name == 'posix':\n        from serial.serialposix import Serial, PosixPollSerial\n"
        "    else:\n        raise ImportError('no implementation for your platform')\n"),
        "serial/serialcli.py": "class Serial:\n    pass\n", "serial/serialwin32.py": "class Serial:\n    pass\n",
        "serial/serialposix.py": "class Serial:\n    pass\n\nclass PosixPollSerial(Serial):\n    pass\n"}
    f = lookup(files, "serial", "Serial")
    assert f.value == YES and not f.conditional
    assert lookup(files, "serial", "PosixPollSerial").conditional  # only one branch binds it


def test_hasattr_of_a_standard_module_is_decided_by_when_the_name_was_added():
    # typing-extensions 3.7.4.1 defines _TypedDictMeta only where typing has no TypedDict (added in 3.8).
    src = ("import typing\nif hasattr(typing, 'TypedDict'):\n    TypedDict = typing.TypedDict\nelse:\n"
           "    class _TypedDictMeta(type):\n        pass\n")
    files = {"te.py": src}
    assert lookup(files, "te", "_TypedDictMeta", python=(3, 9)).value == NO
    found = lookup(files, "te", "_TypedDictMeta", python=(3, 7))
    assert found.value == YES and not found.conditional
    negated = src.replace("if hasattr", "if not hasattr").replace("TypedDict = typing.TypedDict", "pass")
    assert lookup({"te.py": negated}, "te", "_TypedDictMeta", python=(3, 9)).value == YES
    # A name the table does not know stays a condition.
    unknown = src.replace("'TypedDict'", "'Whatever'")
    assert lookup({"te.py": unknown}, "te", "_TypedDictMeta", python=(3, 9)).conditional


def test_a_constructor_inherited_through_several_bases_is_found_in_pythons_method_order():
    # urllib3 1.26: NewConnectionError(ConnectTimeoutError, PoolError); the first base's chain ends at
    # Exception, and C3 puts PoolError.__init__(self, pool, message) before their shared HTTPError.
    src = ("class HTTPError(Exception):\n    pass\n"
           "class PoolError(HTTPError):\n    def __init__(self, pool, message):\n        pass\n"
           "class TimeoutError(HTTPError):\n    pass\n"
           "class ConnectTimeoutError(TimeoutError):\n    pass\n"
           "class NewConnectionError(ConnectTimeoutError, PoolError):\n    pass\n")
    res = Resolver(DictTree({"exc.py": src}), (3, 10))
    cls = res.lookup("exc", "NewConnectionError").refs[0]
    assert res.accepts(cls, "pool").value == YES
    assert res.accepts(cls, "conn").value == NO
    # With one base, the walk is as before: Exception's constructor is not read.
    single = src.replace("(ConnectTimeoutError, PoolError)", "(ConnectTimeoutError)")
    res = Resolver(DictTree({"exc.py": single}), (3, 10))
    assert res.accepts(res.lookup("exc", "NewConnectionError").refs[0], "pool").value == UNKNOWN


def test_setattr_on_the_module_itself_for_computed_names_makes_names_unknown():
    # pandas 0.22's pandas/core/common.py: m = sys.modules['pandas.core.common'] / for t in ...: setattr(m, t, outer(t))
    src = ("import sys\nfrom pandas.api import types\nm = sys.modules['pandas.core.common']\n"
           "for t in [t for t in dir(types) if not t.startswith('_')]:\n    setattr(m, t, getattr(types, t))\n")
    files = {"pandas/__init__.py": "", "pandas/core/__init__.py": "", "pandas/core/common.py": src}
    assert lookup(files, "pandas.core.common", "is_list_like").value == UNKNOWN
    # a constant name set on another object says nothing about the module's names
    other = src.replace("m = sys.modules['pandas.core.common']", "m = object()")
    assert lookup({**files, "pandas/core/common.py": other}, "pandas.core.common", "is_list_like").value == NO


FASTMCP_LIKE = '''
from pydantic_settings import BaseSettings, SettingsConfigDict
from pydantic import BaseModel, ConfigDict, Extra


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FASTMCP_", extra="ignore")
    debug: bool = False


class Strict(BaseSettings):
    model_config = SettingsConfigDict(extra="forbid")
    debug: bool = False


class Old(BaseModel):
    class Config:
        extra = Extra.allow


class Server:
    def __init__(self, name=None, **settings):
        self.settings = Settings(**settings)


class StrictServer:
    def __init__(self, name=None, **settings):
        self.settings = Strict(**settings)
'''


def test_a_pydantic_model_that_ignores_or_allows_extras_takes_any_keyword():
    # mcp 1.12.2's FastMCP passed **settings to a BaseSettings with extra="ignore": version= was
    # accepted (and dropped); 1.12.3 took **settings away.  A model that forbids extras says nothing.
    r = Resolver(DictTree({"m.py": FASTMCP_LIKE}))
    assert r.accepts(r.lookup("m", "Server").refs[0], "version").value == YES
    assert r.accepts(r.lookup("m", "Old").refs[0], "anything").value == YES
    assert r.accepts(r.lookup("m", "StrictServer").refs[0], "version").value == UNKNOWN  # BaseSettings is not read


HASS_LIKE = '''
from typing import Callable
type CALLBACK_TYPE = Callable[[], None]
type Pair[T: (int, str)] = tuple[T, T]


class HassJob[**_P, _R_co]:
    pass


class BaseCoordinatorEntity[
    _T: (int, str)
](HassJob):
    pass


class HomeAssistant:
    def __init__(self) -> None:
        self.helpers = object()

    async def async_run[T](self, job: T) -> T:
        return job
'''


def test_a_module_in_python_3_12_type_syntax_is_still_read():
    # Home Assistant 2025.4's core.py: on an older parser the whole module read as a syntax error,
    # so HomeAssistant and its 'helpers' looked absent from every release that uses PEP 695.
    import sys

    r = Resolver(DictTree({"hass/__init__.py": "", "hass/core.py": HASS_LIKE}))
    assert r.lookup("hass.core", "HomeAssistant").value == YES
    assert r.lookup("hass.core", "CALLBACK_TYPE").value == YES
    lines = HASS_LIKE.splitlines()
    # line numbers kept past a parameter list written over several lines
    assert r.lookup("hass.core", "HomeAssistant").refs[0].cls.line == lines.index("class HomeAssistant:") + 1
    assert r.class_attr(r.lookup("hass.core", "HomeAssistant").refs[0], "helpers").value == YES
    if sys.version_info < (3, 12):
        from pytest_depfix.diagnose.pysource import without_type_parameters

        assert without_type_parameters("class A[T](B[T]):\n    def f[K](self): pass\n") == \
            "class A(B[T]):\n    def f(self): pass\n"
        assert without_type_parameters("x = type == 1\n") == "x = type == 1\n"
