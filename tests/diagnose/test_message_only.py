"""Message-only pastes: the wording names the exception class, or the paste is refused.

The messages below are quoted verbatim from public threads (the benchmark
cases and their neighbours), where the reporter pasted nothing but the message.
"""

from __future__ import annotations

import pytest

from pytest_depfix.diagnose import classify, load_knowledge
from pytest_depfix.diagnose.message_only import MAX_LINES, infer_message


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize("paste, exc_type, family", [
    # aleju/imgaug#855: NumPy 2's expired-attribute message, no "AttributeError:" prefix.
    ("`np.sctypes` was removed in the NumPy 2.0 release. Access dtypes explicitly instead.. Did you mean: 'dtypes'?\n",
     "AttributeError", "attribute"),
    # productive-dev/minimal-reverse-proxy-demo#39 without its type: a docker-compose prefix, then the message.
    ("temperature-service  | cannot import name 'escape' from 'jinja2' "
     "(/usr/local/lib/python3.7/site-packages/jinja2/__init__.py)\n", "ImportError", "import-name"),
    ("module 'numpy' has no attribute 'float'.\n", "AttributeError", "attribute"),
    ("> Client.__init__() got an unexpected keyword argument 'proxies'\n", "TypeError", "signature"),
    ("No module named 'sklearn.externals.joblib'\n", "ModuleNotFoundError", "import-name"),
    ("```\nmodule 'collections' has no attribute 'Mapping'\n```\n", "AttributeError", "python-version"),
])
def test_a_wording_only_cpython_or_numpy_prints_names_its_class(kb, paste, exc_type, family):
    found = infer_message(paste, kb)
    assert found is not None and found.exc_type == exc_type
    crash = found.to_crash()
    assert crash.when == "message" and crash.final.frames == []
    assert classify(crash).family == family


def test_a_knowledge_base_entry_lends_its_exception_class_to_its_message(kb):
    # tensorflow/tensorflow#56266's "Relevant log output", with the first line's type cut off.
    paste = ("Descriptors cannot not be created directly.\n"
             "If this call came from a _pb2.py file, your generated code is out of date and must be regenerated "
             "with protoc >= 3.19.0.\n")
    found = infer_message(paste, kb)
    assert found is not None and found.exc_type == "TypeError"
    assert "knowledge-base entry" in found.reason
    assert found.message.count("\n") == 1  # the following line belongs to the message
    assert kb.match(found.exc_type, found.message)


def test_without_the_knowledge_base_that_message_is_not_enough():
    assert infer_message("Descriptors cannot not be created directly.\n", None) is None


@pytest.mark.parametrize("paste", [
    "",
    "nothing to see here\n",
    "I upgraded numpy and now my imports are broken, any idea?\n",
    "ERROR: Could not find a version that satisfies the requirement torch==1.8.0\n",
    "Successfully installed jinja2-3.1.2 flask-1.1.2\n",
    "the function got an argument it did not like\n",
])
def test_prose_and_tool_output_stay_no_traceback(kb, paste):
    assert infer_message(paste, kb) is None


def test_a_long_log_with_no_traceback_is_not_read_as_a_message(kb):
    log = "".join(f"INFO step {i} done\n" for i in range(MAX_LINES)) + "cannot import name 'escape' from 'jinja2'\n"
    assert infer_message(log, kb) is None
    assert infer_message(log.split("\n", 1)[1], kb) is not None  # one line shorter: a message again


def test_the_note_says_what_was_assumed_and_quotes_the_message(kb):
    found = infer_message("cannot import name 'escape' from 'jinja2'\n", kb)
    note = found.note()
    assert "no traceback" in note and "ImportError" in note and "'escape'" in note


def test_an_exception_quoted_inside_prose_is_read_from_where_its_type_starts(kb):
    # A thread's whole paste (selenium 4.3 removed find_element_by_*), lead-in included.
    found = infer_message("im getting this error: AttributeError: 'WebDriver' object has no attribute "
                          "'find_element_by_class_name'\n", kb)
    assert found.exc_type == "AttributeError"
    assert found.message == "'WebDriver' object has no attribute 'find_element_by_class_name'"


PIP_CONFLICT = """\
INFO: pip is looking at multiple versions of transformers to determine which version is compatible with other requirements. This could take a while.
ERROR: Cannot install -r requirements.txt (line 36) and tokenizers==0.10.3 because these package versions have conflicting dependencies.

The conflict is caused by:
    The user requested tokenizers==0.10.3
    transformers 4.32.0 depends on tokenizers!=0.11.3, <0.14 and >=0.11.1

To fix this you could try to:
1. loosen the range of package versions you've specified
"""


def test_pips_resolver_report_is_a_declared_conflict_with_its_requirement(kb):
    # PKU-YuanGroup/Open-Sora-Plan's install failure, verbatim.
    found = infer_message(PIP_CONFLICT, kb)
    assert found.exc_type == "pip.ResolutionImpossible"
    assert "depends on tokenizers" in found.message  # the paragraphs after the first line belong to it
    sig = classify(found.to_crash())
    assert sig.family == "declared"
    assert sig.required_by == "transformers 4.32.0"
    assert sig.requirement == "tokenizers!=0.11.3,<0.14,>=0.11.1"
    assert sig.found == ("tokenizers", "0.10.3")


def test_a_pip_build_failure_keeps_the_whole_report_and_names_the_sdist(kb):
    # pypa/setuptools#2782's paste, cut (as stored) before the error line itself.
    paste = ("$ pip install setoptconf\nLooking in indexes: https://pypi.org/simple\nCollecting setoptconf\n"
             "  Using cached setoptconf-0.2.0.tar.gz (13 kB)\n    ERROR: Command errored out with exit status 1:\n"
             "     command: /src/.venv/bin/python3.6m -c 'import io, os, sys, setuptools, tokenize; sys.argv[0] = '\n")
    found = infer_message(paste, kb)
    assert found.exc_type == "pip.InstallationSubprocessError"
    assert "Command errored out" in found.note() and "Using cached setoptconf" in found.message
    sig = classify(found.to_crash())
    assert sig.family == "build" and sig.detail["sdist"] == ("setoptconf", "0.2.0")


def test_a_bracketed_type_and_a_retyped_capital_module_are_still_read(kb):
    # psf/requests thread behind benchmarks/cases/py310-collections-mutablemapping-requests2111-py311, verbatim.
    found = infer_message("[AttributeError]: Module 'collections' has no attribute 'MutableMapping'\n", kb)
    assert found.exc_type == "AttributeError"
    sig = classify(found.to_crash())
    assert sig.family == "python-version" and sig.python_removed == "3.10"


def test_a_message_wrapped_over_two_lines_is_read_whole(kb):
    # hendrikvanEerten/afterglowpy (NumPy 2.2.3): the first lines of NumPy's message, wrapped as printed.
    paste = ("A module that was compiled using NumPy 1.x cannot be run in\n"
             "NumPy 2.2.3 as it may crash. To support both 1.x and 2.x\n"
             "versions of NumPy, modules must be compiled with NumPy 2.0.\n")
    found = infer_message(paste, kb)
    assert found is not None and found.exc_type == "ImportError"
    assert classify(found.to_crash()).family == "abi"


def test_a_tool_quoting_the_exception_after_a_colon_is_read_from_there(kb):
    # MichaelRigart/ansible-role-interfaces: Ansible's warning, wrapped, then its own fatal line.
    paste = ("[WARNING]: Skipping plugin (/home/s/roles/MichaelRigart.interfaces/filter_plugins/filters.py) as it seems to\n"
             "be invalid: module 'jinja2' has no attribute 'contextfilter'\n"
             'fatal: [homecenter]: FAILED! => {"msg": "An unhandled exception occurred"}\n')
    found = infer_message(paste, kb)
    assert found is not None and found.exc_type == "AttributeError"
    sig = classify(found.to_crash())
    assert (sig.module, sig.name) == ("jinja2", "contextfilter")
    # A colon followed by prose is still prose.
    assert infer_message("note: the module has no attribute we need\n", kb) is None


def test_a_logged_stack_printed_after_the_message_becomes_its_frames(kb):
    # scikit-learn-contrib/hdbscan (joblib 1.2.0): a logger printed the message, then the frames, innermost first.
    paste = ("__init__() got an unexpected keyword argument 'cachedir':\n"
             'File "/usr/local/lib/python3.9/site-packages/hdbscan/hdbscan_.py", line 509, in <module>\n'
             'File "/usr/local/lib/python3.9/site-packages/hdbscan/__init__.py", line 1, in <module>\n')
    found = infer_message(paste, kb)
    assert found.exc_type == "TypeError" and found.message == "__init__() got an unexpected keyword argument 'cachedir'"
    crash = found.to_crash()
    assert [(f.file.rsplit("/", 1)[-1], f.line) for f in crash.root.frames] == [("__init__.py", 1), ("hdbscan_.py", 509)]
    assert crash.when == "text"


def test_a_partially_initialised_module_attribute_message_names_its_class(kb):
    # JaidedAI/EasyOCR (opencv-python 4.6.0.66 beside opencv-python-headless 4.5.4.60)
    found = infer_message("partially initialized module 'cv2' has no attribute 'gapi_wip_gst_GStreamerPipeline' "
                          "(most likely due to a circular import)\n", kb)
    assert found is not None and found.exc_type == "AttributeError"


def test_a_message_after_a_full_width_colon_in_a_chinese_log_line_is_read(kb):
    # foreveryh/DeepseekR1-Speed-Test#1: the script logs each provider's error after "：" with no space
    text = ("---------------------------\n开始测试服务商：火山引擎\n---------------------------\n\n"
            "服务商 火山引擎 测试过程中发生错误：Client.__init__() got an unexpected keyword argument 'proxies'\n")
    found = infer_message(text, kb)
    assert (found.exc_type, found.message) == ("TypeError", "Client.__init__() got an unexpected keyword argument 'proxies'")
    assert infer_message("开始测试服务商：火山引擎\n", kb) is None


def test_a_message_after_a_dash_separator_of_a_tools_log_line_is_read(kb):
    # treeverse/dvc#3456: dvc logs "ERROR: unexpected error - <the exception's message>"
    found = infer_message("ERROR: unexpected error - No module named 'jsonpath_ng.bin'; 'jsonpath_ng' is not a package\n", kb)
    assert (found.exc_type, found.message) == ("ModuleNotFoundError", "No module named 'jsonpath_ng.bin'; 'jsonpath_ng' is not a package")
    assert infer_message("2020-03-11 - INFO - starting the run\n", kb) is None


def test_a_message_quoted_as_inline_code_after_a_tools_colon_is_read(kb):
    # firebase-admin-python#475: "Error: `module 'google.api_core' has no attribute 'path_template'`"
    found = infer_message("Error: `module 'google.api_core' has no attribute 'path_template'`\n", kb)
    assert (found.exc_type, found.message) == ("AttributeError", "module 'google.api_core' has no attribute 'path_template'")
    found = infer_message("Error: `module 'google.api_core' has no attribute 'path_template'` (see the docs)\n", kb)
    assert found.message == "module 'google.api_core' has no attribute 'path_template'"


def test_a_retold_import_error_without_the_word_name_is_read_as_cpythons_wording(kb):
    # yceruto/django-ajax#54: the Django management frames, cut before the import, then the
    # reporter's own sentence in place of the exception line.
    paste = ('Traceback (most recent call last):\n'
             '  File "/Users/b/env/lib/python3.7/site-packages/django/core/management/base.py", line 366, in execute\n'
             '    self.check()\n'
             "cannot import 'available_attrs' from 'django.utils.decorators'\n")
    found = infer_message(paste, kb)
    assert found is not None and found.exc_type == "ImportError"
    assert found.message == "cannot import name 'available_attrs' from 'django.utils.decorators'"
    assert classify(found.to_crash()).family == "import-name"
    assert infer_message("I cannot import torch from my notebook\n", kb) is None


def test_a_library_exception_quoted_with_its_module_names_its_class(kb):
    # build-on-aws/amazon-bedrock-quick-start#3, verbatim.
    found = infer_message("UnknownServiceError( botocore.exceptions.UnknownServiceError: Unknown service: "
                          "'bedrock-runtime'\n", kb)
    assert found is not None and found.exc_type == "botocore.exceptions.UnknownServiceError"
    assert found.message == "Unknown service: 'bedrock-runtime'"


def test_scikit_learns_parameter_validation_wording_names_its_class(kb):
    # mljar/mljar-supervised#604, verbatim.
    found = infer_message("The 'criterion' parameter of RandomForestRegressor must be a str among {'squared_error', "
                          "'poisson', 'absolute_error', 'friedman_mse'}. Got 'mse' instead.\n", kb)
    assert found is not None and found.exc_type == "sklearn.utils._param_validation.InvalidParameterError"


def test_an_arrow_or_a_bullet_before_the_message_is_not_part_of_it(kb):
    # sero01000/tiktok-downloader-bot#4, verbatim.
    found = infer_message("=> cannot import name 'executor' from 'aiogram'\n", kb)
    assert found is not None and found.exc_type == "ImportError"
    assert found.message == "cannot import name 'executor' from 'aiogram'"
    assert infer_message("* module 'numpy' has no attribute 'float'\n", kb).exc_type == "AttributeError"


def test_the_not_a_package_tail_of_a_missing_submodule_is_part_of_cpythons_wording(kb):
    # DSE-MSU/DeepRobust#124, verbatim (inline-code quotes included).
    found = infer_message("`` No module named 'scipy.sparse.linalg.eigen.arpack'; 'scipy.sparse.linalg.eigen' "
                          "is not a package.``\n", kb)
    assert found is not None and found.exc_type == "ModuleNotFoundError"
    assert classify(found.to_crash()).module == "scipy.sparse.linalg.eigen.arpack"


def test_a_module_attribute_error_retold_without_the_word_module_is_read_back(kb):
    # matthewwithanm/django-imagekit#569, verbatim.
    found = infer_message("'PIL.Image' has no attribute 'ANTIALIAS'\n", kb)
    assert found is not None and found.exc_type == "AttributeError"
    assert found.message == "module 'PIL.Image' has no attribute 'ANTIALIAS'"
    assert infer_message("'Foo' has no attribute 'bar'\n", kb) is None  # a bare class name is not read so


def test_a_bracketed_log_level_before_the_message_is_not_part_of_it(kb):
    # taskmgr818/hath-with-natter#4, verbatim.
    found = infer_message("[ERROR] get() got an unexpected keyword argument 'proxies'\n", kb)
    assert found is not None and found.exc_type == "TypeError"
    assert found.message == "get() got an unexpected keyword argument 'proxies'"


def test_pips_legacy_check_wording_is_a_declared_conflict():
    # meolu/walle-web#945: "ERROR: babel 2.7.0 has requirement pytz>=2015.7, but you'll have pytz 2015.6 which is incompatible."
    from pytest_depfix.diagnose.families import classify

    line = "ERROR: babel 2.7.0 has requirement pytz>=2015.7, but you'll have pytz 2015.6 which is incompatible.\n"
    inferred = infer_message(line, None)
    assert inferred is not None
    sig = classify(inferred.to_crash())
    assert (sig.family, sig.requirement, sig.found) == ("declared", "pytz>=2015.7", ("pytz", "2015.6"))


def test_a_title_cut_before_its_last_quote_is_still_cpythons_attribute_error():
    # aws-psycopg2#2: the issue title "module 'psycopg2' has no attribute 'errors" lost its closing quote.
    inferred = infer_message("module 'psycopg2' has no attribute 'errors\n", None)
    assert inferred is not None and inferred.exc_type == "AttributeError"
    assert infer_message("module 'psycopg2' has no attribute 'errors and more prose\n", None) is None


def test_a_signature_error_inside_a_tools_own_message_is_read_to_its_closing_quote():
    # docker/docker-py#3194: Ansible's task result quotes docker's TypeError inside its "msg".
    paste = ('TASK [deploy docker] ****\n'
             'fatal: [nas]: FAILED! => {"changed": false, "msg": "Configuration error - kwargs_from_env() got an '
             "unexpected keyword argument 'ssl_version'\"}\n")
    found = infer_message(paste, None)
    assert found is not None and found.exc_type == "TypeError"
    assert found.message == "kwargs_from_env() got an unexpected keyword argument 'ssl_version'"
    found = infer_message('{"msg": "run() missing 1 required positional argument: \'self\'"}\n', None)
    assert found is not None and found.message == "run() missing 1 required positional argument: 'self'"
    assert infer_message("the docs say run() got an unexpected keyword once\n", None) is None


def test_a_builtin_exception_printed_as_its_repr_names_its_class():
    # devbis/ble2mqtt#38: the log line ends in the exception's repr, quotes escaped or not.
    line = ("ble2mqtt_1 | WARNING: Error while connecting to Blind, 'BleakClientBlueZDBus' object has no attribute "
            "'_properties' AttributeError(\"'BleakClientBlueZDBus' object has no attribute '_properties'\"), failure_count=1\n")
    found = infer_message(line, None)
    assert (found.exc_type, found.message) == ("AttributeError", "'BleakClientBlueZDBus' object has no attribute '_properties'")
    found = infer_message("failed: ImportError('cannot import name \\'x\\' from \\'y\\'')\n", None)
    assert (found.exc_type, found.message) == ("ImportError", "cannot import name 'x' from 'y'")
    assert infer_message("we raise ValueError() here\n", None) is None


def test_a_repr_cut_before_its_closing_quote_is_read_only_when_cpython_words_it():
    # PrefectHQ/prefect#17006: the reporter pasted the repr up to the module's closing quote.
    found = infer_message("ImportError(\"cannot import name 'acreate_markdown_artifact' from 'prefect.artifacts'\n", None)
    assert (found.exc_type, found.message) == (
        "ImportError", "cannot import name 'acreate_markdown_artifact' from 'prefect.artifacts'")
    # a cut repr whose words CPython never says for that class stays unread
    assert infer_message('TypeError("the frobnicator refused the widget today\n', None) is None
    # ... and so does one whose quote closes later on the line (it is no cut repr)
    assert infer_message("log: ImportError(\"cannot import name 'x' from 'y'\" was seen twice\n", None) is None


def test_a_title_that_lost_its_quote_and_carries_a_stray_word_is_still_cpythons_import_error():
    # pmorissette/bt#109: the issue title "cannot import name 'PandasError python".
    inferred = infer_message("cannot import name 'PandasError python\n", None)
    assert inferred is not None and inferred.exc_type == "ImportError"
    assert infer_message("cannot import name 'PandasError because the docs are old and wrong\n", None) is None


def test_a_library_exception_printed_as_its_repr_names_its_class_and_first_line():
    # render-examples/celery#2: Celery's worker logs kombu's error as its repr, newlines escaped.
    line = ('Control command error: OperationalError("\\nCannot route message for exchange \'reply.celery.pidbox\': '
            'Table empty or key no longer exists.\\nProbably the key (\'_kombu.binding.reply.celery.pidbox\') has been '
            'removed from the Redis database.\\n")\n')
    found = infer_message(line, None)
    assert (found.exc_type, found.message) == (
        "OperationalError", "Cannot route message for exchange 'reply.celery.pidbox': Table empty or key no longer exists.")
    # a call in prose or code is no exception: the class must end in Error or Exception
    assert infer_message('we call Config("x") here\n', None) is None


def test_a_repr_keeps_a_windows_path_and_a_quoted_raise_statement_is_no_message():
    found = infer_message("Startup failed: ConfigError('C:\\\\Users\\\\nick\\\\config.yaml not found')\n", None)
    assert (found.exc_type, found.message) == ("ConfigError", "C:\\Users\\nick\\config.yaml not found")
    assert infer_message("    raise ConfigError('bad value')\n", None) is None
    assert infer_message("    raise  ConfigError('bad value')\n", None) is None


CRONITER = (  # dagster's report of croniter 1.4.0: a retyped frame header above a typeless message
    'file "/usr/local/lib/python3.10/site-packages/dagster/_utils/schedules.py", line 35, in is_valid_cron_string\n'
    "too many values to unpack (expected 2)\n"
)


def test_a_frame_header_above_a_typeless_unpack_message_is_its_frame():
    found = infer_message(CRONITER)
    assert (found.exc_type, found.message) == ("ValueError", "too many values to unpack (expected 2)")
    (frame,) = found.frames
    assert frame.file.endswith("dagster/_utils/schedules.py") and frame.line == 35
    assert frame.function == "is_valid_cron_string"


def test_a_frame_and_its_code_line_above_the_message_keep_the_code_line():
    found = infer_message('  File "/x/site-packages/pkg/mod.py", line 7, in f\n    a, b = g()\n'
                          "not enough values to unpack (expected 2, got 1)\n")
    assert found.exc_type == "ValueError"
    (frame,) = found.frames
    assert frame.source == "a, b = g()"


def test_prose_above_the_message_is_no_frame():
    found = infer_message("this happens on startup\ntoo many values to unpack (expected 2)\n")
    assert found.exc_type == "ValueError" and found.frames == []


def test_frames_under_a_traceback_header_above_a_typeless_message_are_not_its_frames():
    # django-ajax under Django 3: the paste was cut between Django's checks and the failing import
    found = infer_message("Traceback (most recent call last):\n"
                          '  File "/env/lib/python3.7/site-packages/django/core/management/base.py", line 366, in execute\n'
                          "    self.check()\n"
                          "cannot import 'available_attrs' from 'django.utils.decorators'\n")
    assert found.exc_type == "ImportError" and found.frames == []
