"""Error messages -> families, on real messages (each cited)."""

from __future__ import annotations

import pytest

from pytest_depfix.diagnose import families as F
from pytest_depfix.models import Crash, ExceptionRecord, Frame


def _sig(etype, message, source=""):
    frames = [Frame("x.py", 1, "f", source)] if source else []
    return F.classify(Crash([ExceptionRecord(etype, message, frames)]))


@pytest.mark.parametrize("etype,message,family,module,name", [
    # pallets/jinja#1632
    ("ImportError", "cannot import name 'Markup' from 'jinja2' (/Users/w/lib/python3.7/site-packages/jinja2/__init__.py)",
     F.IMPORT_NAME, "jinja2", "Markup"),
    # microsoft/DeepSpeed#2845 (torch 2.0 removed torch._six)
    ("ModuleNotFoundError", "No module named 'torch._six'", F.IMPORT_NAME, "torch._six", None),
    # numpy 1.24 release notes / SamsungLabs/ritm_interactive_segmentation#36
    ("AttributeError", "module 'numpy' has no attribute 'float'.\n`np.float` was a deprecated alias", F.ATTRIBUTE, "numpy", "float"),
    # python/cpython#91639: Python 3.10 removed the collections ABC aliases
    ("AttributeError", "module 'collections' has no attribute 'Mapping'", F.PYTHON_VERSION, "collections", "Mapping"),
    ("ImportError", "cannot import name 'Mapping' from 'collections' (/usr/lib/python3.10/collections/__init__.py)",
     F.PYTHON_VERSION, "collections", "Mapping"),
    # Python 3.12 removed distutils (PEP 632)
    ("ModuleNotFoundError", "No module named 'distutils'", F.PYTHON_VERSION, "distutils", None),
])
def test_names_and_modules(etype, message, family, module, name):
    sig = _sig(etype, message)
    assert (sig.family, sig.module, sig.name) == (family, module, name)


def test_python36_import_error_takes_the_module_from_the_source_line():
    # Python 3.6 prints no module: "cannot import name 'soft_unicode'" (pallets/markupsafe#286 era)
    sig = _sig("ImportError", "cannot import name 'soft_unicode'", source="from markupsafe import Markup, soft_unicode")
    assert (sig.family, sig.module, sig.name) == (F.IMPORT_NAME, "markupsafe", "soft_unicode")


@pytest.mark.parametrize("message,function,name", [
    # scikit-learn 1.4 removed OneHotEncoder(sparse=...)
    ("OneHotEncoder.__init__() got an unexpected keyword argument 'sparse'", "OneHotEncoder.__init__", "sparse"),
    # PyYAML 6: yaml/pyyaml#576
    ("load() missing 1 required positional argument: 'Loader'", "load", "Loader"),
    ("__init__() takes 2 positional arguments but 3 were given", "__init__", None),
])
def test_signature_changes(message, function, name):
    sig = _sig("TypeError", message)
    assert (sig.family, sig.function, sig.name) == (F.SIGNATURE, function, name)


@pytest.mark.parametrize("etype,message,direction", [
    # numpy/numpy#26710-era message, numpy 2.0 release
    ("ImportError", "A module that was compiled using NumPy 1.x cannot be run in\nNumPy 2.0.0 as it may crash.", "base-too-new"),
    # scikit-learn / pandas against an older numpy (numpy/numpy#18355)
    ("ValueError", "numpy.ndarray size changed, may indicate binary incompatibility. Expected 88 from C header, got 80 from PyObject",
     "base-too-old"),
    ("RuntimeError", "module compiled against API version 0x10 but this version of numpy is 0xf", "base-too-old"),
])
def test_numpy_abi(etype, message, direction):
    sig = _sig(etype, message)
    assert (sig.family, sig.module, sig.direction) == (F.ABI, "numpy", direction)


def test_undefined_symbol_names_the_extension():
    # pyg-team/pytorch_geometric#999 style: a torch extension built for another torch
    sig = _sig("OSError", "/usr/local/lib/python3.8/dist-packages/torch_sparse/_version_cuda.so: undefined symbol: _ZN3c104cuda20CUDACachingAllocator9allocatorE")
    assert sig.family == F.ABI
    assert sig.extension.endswith("_version_cuda.so")
    assert sig.name.startswith("_ZN3c10")


@pytest.mark.parametrize("etype,message,requirement,found", [
    ("pkg_resources.VersionConflict", "(urllib3 2.0.2 (/usr/lib/python3/site-packages), Requirement.parse('urllib3<1.27,>=1.21.1'))",
     "urllib3<1.27,>=1.21.1", ("urllib3", "2.0.2")),
    # huggingface/transformers dependency_versions_check
    ("ImportError", "tokenizers>=0.11.1,!=0.11.3,<0.14 is required for a normal functioning of this module, but found tokenizers==0.14.0.",
     "tokenizers>=0.11.1,!=0.11.3,<0.14", ("tokenizers", "0.14.0")),
])
def test_declared(etype, message, requirement, found):
    sig = _sig(etype, message)
    assert (sig.family, sig.requirement, sig.found) == (F.DECLARED, requirement, found)


def test_distribution_not_found_names_the_requirer():
    sig = _sig("pkg_resources.DistributionNotFound", "The 'tqdm>=4.27' distribution was not found and is required by transformers")
    assert (sig.family, sig.requirement, sig.required_by) == (F.DECLARED, "tqdm>=4.27", "transformers")


@pytest.mark.parametrize("etype,message", [
    ("RuntimeError", "cuDNN error: CUDNN_STATUS_NOT_INITIALIZED"),  # pytorch/pytorch#53336
    ("RuntimeError", "CUDA error: no kernel image is available for execution on the device"),  # pytorch/pytorch#31285
    ("RuntimeError", "The NVIDIA driver on your system is too old (found version 10010)."),
    ("ImportError", "libGL.so.1: cannot open shared object file: No such file or directory"),  # opencv/opencv-python#370
    ("torch.cuda.OutOfMemoryError", "CUDA out of memory. Tried to allocate 20.00 MiB"),
    ("AssertionError", "Torch not compiled with CUDA enabled"),
    # pyqtgraph's thread: numpy 1.15.4's own multiarray in a broken Windows venv (worked in a fresh one).
    ("ImportError", "DLL load failed: The specified module could not be found."),
    ("ImportError", "DLL load failed while importing _multiarray_umath: The specified module could not be found."),
])
def test_environment(etype, message):
    sig = _sig(etype, message)
    assert sig.family == F.ENVIRONMENT and sig.advice


def test_environment_is_found_behind_a_replica_reraise():
    inner = ExceptionRecord("RuntimeError", "cuDNN error: CUDNN_STATUS_NOT_INITIALIZED", [Frame("conv.py", 1, "f")], relation="remote")
    outer = ExceptionRecord("RuntimeError", "Caught RuntimeError in replica 0 on device 0.", [Frame("_utils.py", 2, "reraise")])
    assert F.classify(Crash([inner, outer])).family == F.ENVIRONMENT


def test_unrelated_errors_stay_unknown():
    assert _sig("ZeroDivisionError", "division by zero").family == F.UNKNOWN
    assert _sig("KeyError", "'model'").family == F.UNKNOWN


def test_a_message_naming_the_release_that_removed_it_is_read_with_that_release():
    # imgaug/imgaug#859: NumPy 2 says which release removed np.sctypes (quoted without its type)
    msg = "`np.sctypes` was removed in the NumPy 2.0 release. Access dtypes explicitly instead.. Did you mean: 'dtypes'?"
    for etype in ("AttributeError", "Exception"):
        sig = _sig(etype, msg)
        assert (sig.family, sig.module, sig.name) == (F.ATTRIBUTE, "numpy", "sctypes")
        assert sig.detail["removed_in"] == ("NumPy", "2.0")


@pytest.mark.parametrize("etype,message,added", [
    ("ImportError", "cannot import name 'Literal' from 'typing'", "3.8"),  # codemagic-cli-tools on Python 3.7
    ("ImportError", "cannot import name 'TypeAlias' from 'typing' (/usr/lib64/python3.9/typing.py)", "3.10"),
    ("ModuleNotFoundError", "No module named 'tomllib'", "3.11"),
    ("AttributeError", "'str' object has no attribute 'removeprefix'", "3.9"),
])
def test_a_name_the_target_python_does_not_have_yet_is_a_python_version_break(etype, message, added):
    sig = _sig(etype, message)
    assert sig.family == F.PYTHON_VERSION and sig.detail["python_added"] == added and sig.python_removed is None


@pytest.mark.parametrize("message,added", [
    # swansonk14/p_tqdm#49: setup.py's '__version__: str | None = None' on Python 3.9
    ("unsupported operand type(s) for |: 'type' and 'NoneType'", "3.10"),
    # davep/textual-fspicker#55 (0.4.2): 'str | Callable[[str], str]' on Python 3.9
    ("unsupported operand type(s) for |: 'type' and '_CallableGenericAlias'", "3.10"),
    # 'list[int]' evaluated on Python 3.8
    ("'type' object is not subscriptable", "3.9"),
])
def test_type_syntax_evaluated_on_an_older_python_is_a_python_version_break(message, added):
    sig = _sig("TypeError", message)
    assert sig.family == F.PYTHON_VERSION and sig.detail["python_added"] == added and sig.detail["feature"]


def test_or_on_numbers_or_sets_is_no_python_version_break():
    assert _sig("TypeError", "unsupported operand type(s) for |: 'int' and 'str'").family == F.UNKNOWN
    assert _sig("TypeError", "unsupported operand type(s) for |: 'dict' and 'dict'").family == F.UNKNOWN


def test_a_retyped_import_error_is_read_with_its_lost_underscore():
    # pallets/werkzeug#2464 as pasted: a line break after "name", mismatched quotes, "parse rule".
    message = ("cannot import name\n\"parse rule' from 'werkzeug.routing'"
               "(/usr/local/lib/python3.9/site-packages/werkzeug/routing/__init__.py)")
    sig = _sig("ImportError", message)
    assert (sig.family, sig.module, sig.name) == (F.IMPORT_NAME, "werkzeug.routing", "parse_rule")
    assert sig.detail["retyped"] and sig.detail["path"].endswith("werkzeug/routing/__init__.py")
    assert _sig("ImportError", "cannot import name\n'x' from '3 + 4'").family == F.UNKNOWN  # no module name: no guess


def test_a_module_attribute_message_that_lost_its_closing_quote_is_still_read():
    # PeterRochford/SkillMetrics: "AttributeError: module 'numpy' has no attribute 'asscalar" as posted.
    sig = _sig("AttributeError", "module 'numpy' has no attribute 'asscalar")
    assert (sig.family, sig.module, sig.name) == (F.ATTRIBUTE, "numpy", "asscalar")


def test_a_keyword_the_standard_library_dropped_is_told_by_the_raising_frame():
    # LuckyLoki/booru (Python 3.9): json.loads(..., encoding=) raised inside json's own __init__.py.
    frames = [Frame("parser.py", 145, "deserialize", 'return json.loads(better_object(data), encoding="utf-8")'),
              Frame("/usr/lib/python3.9/json/__init__.py", 359, "loads", "return cls(**kw).decode(s)")]
    sig = F.classify(Crash([ExceptionRecord("TypeError", "__init__() got an unexpected keyword argument 'encoding'", frames)]))
    assert (sig.family, sig.module, sig.name, sig.python_removed) == (F.PYTHON_VERSION, "json", "encoding", "3.9")
    # The same keyword refused inside a library is a library's signature change.
    lib = [Frame("/v/lib/python3.9/site-packages/json5/__init__.py", 3, "loads")]
    sig = F.classify(Crash([ExceptionRecord("TypeError", "__init__() got an unexpected keyword argument 'encoding'", lib)]))
    assert sig.family == F.SIGNATURE


def test_a_space_pasted_into_dunder_init_does_not_hide_the_class():
    # cistrome/MIRA#44: "OneHotEncoder.__init __() got an unexpected keyword argument 'sparse_output'"
    sig = _sig("TypeError", "OneHotEncoder.__init __() got an unexpected keyword argument 'sparse_output'")
    assert (sig.family, sig.function, sig.name) == (F.SIGNATURE, "OneHotEncoder.__init__", "sparse_output")


@pytest.mark.parametrize("message", [
    "unsupported operand type(s) for |: 'ABCMeta' and 'NoneType'",  # collections.abc classes
    "unsupported operand type(s) for |: 'ModelMetaclass' and 'NoneType'",  # a pydantic model
    "'ABCMeta' object is not subscriptable",  # collections.abc.Iterable[int] before 3.9
])
def test_classes_with_metaclasses_are_types_too(message):
    assert _sig("TypeError", message).family == F.PYTHON_VERSION


def test_the_loose_import_reading_keeps_to_the_first_lines_and_to_names_of_a_few_words():
    # (Its cost on long messages is measured by benchmarks/bench_classify.py, not here.)
    sig = _sig("ImportError", "cannot import name " + "a from " * 12000 + "(")
    assert sig.detail.get("retyped") is None
    sig = _sig("ImportError", "cannot import name Foo\nPlease install it from conda")
    assert (sig.name, sig.module, sig.detail.get("retyped")) == ("Foo", None, None)


def test_a_name_added_in_a_micro_release_is_a_python_version_break():
    # gitpython-developers/GitPython (Python 3.7.1): typing.OrderedDict is new in 3.7.2.
    sig = _sig("ImportError", "cannot import name 'OrderedDict' from 'typing' (/usr/lib64/python3.7/typing.py)")
    assert sig.family == F.PYTHON_VERSION and sig.detail["python_added"] == "3.7.2"


def test_a_library_message_naming_the_release_that_removed_a_class_attribute_is_read_with_it():
    # MaartenGr/KeyBERT#71 (gensim 4.2.0)
    sig = _sig("AttributeError", "The vocab attribute was removed from KeyedVector in Gensim 4.0.0.\n"
                                 "Use KeyedVector's .key_to_index dict, .index_to_key list, and methods ...")
    assert (sig.family, sig.cls, sig.name, sig.detail["removed_in"]) == (F.ATTRIBUTE, "KeyedVector", "vocab", ("Gensim", "4.0.0"))


# Windows error 1114 as real pastes print it, in the languages Windows used (sources: lazydog28/mc_auto_boss#205,
# mattyamonaca/layerdivider#52, thomasantony/llamacpp-python#17, facebookresearch/demucs#79,
# bitsandbytes-foundation/bitsandbytes#320, docling-project/docling#3159).
@pytest.mark.parametrize("message", [
    "DLL load failed while importing onnxruntime_pybind11_state: 动态链接库(DLL)初始化例程失败。",
    "DLL load failed while importing onnxruntime_pybind11_state: ダイナミック リンク ライブラリ (DLL) 初期化ルーチンの実行に失敗しました。",
    "DLL load failed while importing _pyllamacpp: Eine DLL-Initialisierungsroutine ist fehlgeschlagen.",
    "DLL load failed: Error en una rutina de inicialización de biblioteca de vínculos dinámicos (DLL).",
    "DLL load failed while importing _pyllamacpp: A DLL initialization routine failed.",
])
def test_a_dll_whose_start_up_code_failed_is_the_machine_not_a_pin(message):
    sig = F.classify(Crash([ExceptionRecord("ImportError", message, [])]))
    assert sig.family == F.ENVIRONMENT, sig
    assert "Visual C++" in sig.advice


@pytest.mark.parametrize("message", [
    "[WinError 1114] A dynamic link library (DLL) initialization routine failed",
    "[WinError 1114] Dynamic Link Library (DLL) initialization routine failed. Error loading c10.dll",
])
def test_winerror_1114_from_ctypes_is_the_machine_too(message):
    assert F.classify(Crash([ExceptionRecord("OSError", message, [])])).family == F.ENVIRONMENT


def test_a_dll_that_loaded_but_lacks_a_procedure_is_still_a_binary_mismatch():
    sig = F.classify(Crash([ExceptionRecord("ImportError", "DLL load failed while importing _C: The specified procedure could not be found.", [])]))
    assert sig.family != F.ENVIRONMENT


@pytest.mark.parametrize("etype,message", [
    # SamLynnEvans/Transformer#13: spaCy 2 with no 'en' model installed or linked
    ("OSError", "[E050] Can't find model 'en'. It doesn't seem to be a shortcut link, a Python package or a valid "
                "path to a data directory."),
    # NLTK 3.8.2+ looking for data that was never downloaded (its message colours the resource name)
    ("LookupError", "\n**********\n  Resource \x1b[93mpunkt_tab\x1b[0m not found.\n  Please use the NLTK Downloader to "
                    "obtain the resource:\n"),
])
def test_a_model_or_data_package_that_was_never_installed_is_the_environment(etype, message):
    assert _sig(etype, message).family == F.ENVIRONMENT


def test_spacy_3_refusing_a_shortcut_name_is_not_the_environment():
    # E941 is spaCy 3 dropping shortcut links: a version's behaviour, not a missing install.
    sig = _sig("OSError", "[E941] Can't find model 'en'. It looks like you're trying to load a model from a shortcut, "
                          "which is obsolete as of spaCy v3.0.")
    assert sig.family != F.ENVIRONMENT


def test_python_2_s_module_attribute_wording_takes_the_module_from_the_failing_line():
    # rgz_rcnn#9 on Python 2.7: "'module' object has no attribute 'placeholder'" names no module
    sig = _sig("AttributeError", "'module' object has no attribute 'placeholder'",
               "self.data = tf.placeholder(tf.float32, shape=[None, None, None, 3])")
    assert (sig.family, sig.module, sig.name) == (F.ATTRIBUTE, "tensorflow", "placeholder")
    nested = _sig("AttributeError", "'module' object has no attribute 'imresize'", "img = scipy.misc.imresize(img, 0.5)")
    assert (nested.module, nested.name) == ("scipy.misc", "imresize")
    bare = _sig("AttributeError", "'module' object has no attribute 'placeholder'")
    assert bare.module in (None, "") and bare.cls == "module"  # no line: nothing to read it from


def test_numpy_2_s_removed_from_the_class_wording_names_the_class_and_the_release():
    sig = _sig("AttributeError", "`ptp` was removed from the ndarray class in NumPy 2.0. Use np.ptp(arr, ...) instead.")
    assert (sig.family, sig.cls, sig.name, sig.detail["removed_in"]) == (F.ATTRIBUTE, "ndarray", "ptp", ("NumPy", "2.0"))


def test_a_library_subclass_named_after_the_stdlib_class_meets_the_stdlib_removal():
    # bugwarrior#1050 (Python 3.12): its ConfigParser subclass still called readfp().
    sig = _sig("AttributeError", "'BugwarriorConfigParser' object has no attribute 'readfp'. Did you mean: 'read'?")
    assert (sig.family, sig.cls, sig.name, sig.python_removed) == (F.PYTHON_VERSION, "BugwarriorConfigParser", "readfp", "3.12")
    # A short base name is not matched as a suffix: "Element" would claim any "...Element" class.
    assert _sig("AttributeError", "'TreeElement' object has no attribute 'getchildren'").family == F.ATTRIBUTE


def test_python_2s_instance_wording_is_an_attribute_of_a_class():
    # sphinx-argparse#96 (Python 2.7): docutils' parser read a setting Sphinx 1.7 no longer set.
    sig = _sig("AttributeError", "Values instance has no attribute 'tab_width'")
    assert (sig.family, sig.cls, sig.name) == (F.ATTRIBUTE, "Values", "tab_width")


def test_a_librarys_own_unquoted_wording_is_an_attribute_of_a_class():
    # flairNLP/flair#3570 (transformers 4.47's tokenizer __getattr__), verbatim.
    sig = _sig("AttributeError", "RobertaTokenizerFast has no attribute _bos_token")
    assert (sig.family, sig.cls, sig.name) == (F.ATTRIBUTE, "RobertaTokenizerFast", "_bos_token")
    # prose is not read that way
    assert _sig("AttributeError", "this object has no attribute foo").family != F.ATTRIBUTE


def test_python_2s_last_part_of_a_missing_module_is_widened_by_the_failing_import():
    # scrapy 1.2.1 on Ubuntu's split Twisted (Python 2.7): "No module named web" of `from twisted.web import http`.
    frames = [Frame("/usr/local/lib/python2.7/dist-packages/scrapy/utils/response.py", 10, "<module>",
                    "from twisted.web import http")]
    sig = F.classify(Crash([ExceptionRecord("ImportError", "No module named web", frames)]))
    assert (sig.family, sig.module) == (F.IMPORT_NAME, "twisted.web")
    # a name the failing line does not import keeps its own spelling
    frames[0].source = "import yaml"
    assert F.classify(Crash([ExceptionRecord("ImportError", "No module named web", frames)])).module == "web"


def test_unittests_removals_of_312_and_313_are_python_version_breaks():
    # unittest-xml-reporting 3.0.4 on Python 3.12 (dj-rest-auth#656): `from unittest import TestResult, _TextTestResult`
    sig = _sig("ImportError", "cannot import name '_TextTestResult' from 'unittest' (/usr/lib/python3.12/unittest/__init__.py)")
    assert (sig.family, sig.python_removed) == (F.PYTHON_VERSION, "3.12")
    assert _sig("AttributeError", "module 'unittest' has no attribute 'makeSuite'").python_removed == "3.13"
    assert _sig("AttributeError", "'MyTestCase' object has no attribute 'assertEquals'").python_removed == "3.12"


def test_the_ast_node_classes_python_314_removed_are_python_version_breaks():
    # numericalunits#21 (Python 3.14): `isinstance(node, ast.Num)`
    sig = _sig("AttributeError", "module 'ast' has no attribute 'Num'")
    assert (sig.family, sig.python_removed) == (F.PYTHON_VERSION, "3.14")


def test_python_3_10s_positional_count_wording_with_keyword_only_arguments_is_a_signature_change():
    # mwaskom/seaborn (0.12 made data arguments keyword-only), verbatim.
    sig = _sig("TypeError", "barplot() takes from 0 to 1 positional arguments but 2 positional arguments "
                            "(and 1 keyword-only argument) were given")
    assert (sig.family, sig.function) == (F.SIGNATURE, "barplot")


def test_a_bare_import_error_under_a_relative_from_import_names_the_absolute_module():
    # statsmodels/statsmodels#4756 (Python 3.6): "cannot import name '_representation'" raised by
    # 'from . import (_representation, ...)' in statsmodels/tsa/statespace/tools.py.
    from pytest_depfix.crash import parse_traceback
    from pytest_depfix.diagnose.families import classify

    tb = ("Traceback (most recent call last):\n"
          '  File "C:\\\\env\\\\lib\\\\site-packages\\\\statsmodels\\\\tsa\\\\statespace\\\\tools.py", line 59, in set_mode\n'
          "    from . import (_representation, _kalman_filter,\n"
          "ImportError: cannot import name '_representation'\n")
    sig = classify(parse_traceback(tb)[0])
    assert (sig.module, sig.name) == ("statsmodels.tsa.statespace", "_representation")
    up = tb.replace("from . import (", "from ..base import (")
    assert classify(parse_traceback(up)[0]).module == "statsmodels.tsa.base"


@pytest.mark.parametrize("message,cls,name", [
    ("unexpected attribute 'value' to Dropdown", "Dropdown", "value"),  # NervanaSystems/nlp-architect#166
    ("unexpected attribute 'plot_width' to figure, similar attributes are outer_width, width or min_width",
     "figure", "plot_width"),
])
def test_bokehs_refusal_of_an_undeclared_property_is_a_missing_class_attribute(message, cls, name):
    s = _sig("AttributeError", message)
    assert (s.family, s.cls, s.name) == (F.ATTRIBUTE, cls, name)


def test_the_same_words_in_another_exception_are_not_bokehs():
    assert _sig("ValueError", "unexpected attribute 'value' to Dropdown").family != F.ATTRIBUTE


def test_a_version_conflicts_repr_inside_a_plugin_loaders_message_is_a_declared_conflict():
    # pytest-dev/pytest-xdist#296 (a tox run on pytest 3.2.5 with pytest-xdist 1.22.4)
    sig = _sig("_pytest.vendored_packages.pluggy.PluginValidationError",
               "Plugin 'xdist' could not be loaded: (pytest 3.2.5 (/home/w/.tox/py27/lib/python2.7/site-packages), "
               "Requirement.parse('pytest>=3.4'))!")
    assert (sig.family, sig.found, sig.requirement) == (F.DECLARED, ("pytest", "3.2.5"), "pytest>=3.4")
