"""Parser unit tests, one per format, on real tracebacks.

Texts are real outputs: either copied from public issues (source beside each)
or produced in this test by running real code / real pytest.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from pytest_depfix.crash import parse_traceback
from pytest_depfix.models import LOST_EXCEPTION

# https://github.com/pytorch/pytorch/issues/53336 style, the project's seed case (shared/cases/seed-retinaface-cudnn)
REPLICA = """\
Traceback (most recent call last):
  File "train.py", line 152, in <module>
    main()
  File "/home/lei/anaconda3/envs/py37-1/lib/python3.7/site-packages/torch/_utils.py", line 429, in reraise
    raise self.exc_type(msg)
RuntimeError: Caught RuntimeError in replica 0 on device 0.
Original Traceback (most recent call last):
  File "/home/lei/anaconda3/envs/py37-1/lib/python3.7/site-packages/torch/nn/modules/conv.py", line 396, in _conv_forward
    self.padding, self.dilation, self.groups)
RuntimeError: cuDNN error: CUDNN_STATUS_NOT_INITIALIZED
"""


def _run_python(code: str) -> str:
    """The real stderr of a real interpreter running ``code``."""
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True)
    return proc.stderr


def test_replica_reraise_gives_outer_then_original_with_remote_relation():
    (crash,) = parse_traceback(REPLICA)
    outer, inner = crash.exceptions
    assert (outer.type, outer.relation, len(outer.frames)) == ("RuntimeError", "remote", 2)
    assert inner.message == "cuDNN error: CUDNN_STATUS_NOT_INITIALIZED"
    assert inner.frames[-1].file.endswith("torch/nn/modules/conv.py") and inner.frames[-1].line == 396
    assert crash.root is inner and crash.final is inner


def test_chained_cause_and_context_from_a_real_interpreter():
    text = _run_python(
        """
        def f():
            raise KeyError("k")
        try:
            try:
                f()
            except KeyError as e:
                raise ValueError("v") from e
        except ValueError:
            raise RuntimeError("r")
        """
    )
    (crash,) = parse_traceback(text)
    assert [(e.type, e.message, e.relation) for e in crash.exceptions] == [
        ("KeyError", "'k'", "cause"),
        ("ValueError", "v", "context"),
        ("RuntimeError", "r", None),
    ]
    assert [f.function for f in crash.exceptions[0].frames] == ["<module>", "f"]


def test_exception_group_from_a_real_interpreter():
    if sys.version_info < (3, 11):
        return
    text = _run_python(
        """
        def g():
            raise ExceptionGroup("many", [ValueError("a"), TypeError("b")])
        g()
        """
    )
    (crash,) = parse_traceback(text)
    assert [(e.type, e.relation) for e in crash.exceptions] == [
        ("ExceptionGroup", "group"), ("ValueError", "group"), ("TypeError", None)]
    assert crash.exceptions[0].message == "many (2 sub-exceptions)"
    assert crash.exceptions[0].frames[-1].function == "g"


def test_recursion_error_keeps_printed_frames_only():
    text = _run_python(
        """
        def r(n):
            return r(n + 1)
        r(0)
        """
    )
    assert "[Previous line repeated" in text
    (crash,) = parse_traceback(text)
    assert crash.final.type == "RecursionError"
    assert 2 <= len(crash.final.frames) <= 5


def test_syntax_error_location_is_not_a_frame():
    text = _run_python("compile('x = (1,\\n', 'broken.py', 'exec')")
    (crash,) = parse_traceback(text)
    assert crash.final.type == "SyntaxError"
    assert [f.function for f in crash.final.frames] == ["<module>"]
    assert crash.final.location.file == "broken.py"


def test_multiprocessing_remote_traceback():
    # Spawned workers cannot import functions defined with -c, so use the text CPython printed in
    # https://github.com/hongluzhou/HID/issues/3 (also in the corpus as 12-remote-pool-starmap-windows).
    text = (
        'multiprocessing.pool.RemoteTraceback: \n"""\nTraceback (most recent call last):\n'
        '  File "/usr/lib/python3.8/multiprocessing/pool.py", line 125, in worker\n'
        "    result = (True, func(*args, **kwds))\n"
        '  File "/src/job.py", line 3, in work\n    return {}[x]\nKeyError: 838\n"""\n\n'
        "The above exception was the direct cause of the following exception:\n\n"
        'Traceback (most recent call last):\n  File "/src/job.py", line 7, in <module>\n'
        "    pool.map(work, [838])\n"
        '  File "/usr/lib/python3.8/multiprocessing/pool.py", line 771, in get\n    raise self._value\nKeyError: 838\n'
    )
    (crash,) = parse_traceback(text)
    assert [(e.type, e.relation, len(e.frames)) for e in crash.exceptions] == [("KeyError", "remote", 2), ("KeyError", None, 2)]


def test_pytest_formats_from_a_real_pytest_run(pytester):
    pytester.makepyfile(
        test_x="""
        def helper():
            raise ValueError("bad thing")
        def test_a():
            helper()
        def test_b():
            assert 1 == 2
        """
    )
    for style in ("long", "short", "line", "native", "auto"):
        out = pytester.runpytest_subprocess(f"--tb={style}", "-p", "no:randomly").stdout.str()
        crashes = parse_traceback(out)
        assert [(c.final.type, c.final.message.split("\n")[0]) for c in crashes] == [
            ("ValueError", "bad thing"), ("AssertionError", "assert 1 == 2")], (style, out)
        assert crashes[0].final.frames[-1].line == 2, style
        if style != "native":
            assert crashes[0].final.frames[-1].file.endswith("test_x.py")


def test_pytest_collection_error_from_a_real_pytest_run(pytester):
    pytester.makepyfile(test_imp="import no_such_module_depfix\n\ndef test_ok():\n    pass\n")
    out = pytester.runpytest_subprocess("-p", "no:randomly").stdout.str()
    (crash,) = parse_traceback(out)
    assert crash.when == "collect"
    assert (crash.final.type, crash.final.message) == ("ModuleNotFoundError", "No module named 'no_such_module_depfix'")
    assert crash.final.frames[-1].file.endswith("test_imp.py") and crash.final.frames[-1].line == 1


def test_jupyter_with_ansi_colours():
    # IPython 8 output as a notebook stores it (ANSI kept), shape as in https://github.com/rustedpy/result/issues/200
    text = (
        "\x1b[0;31m---------------------------------------------------------------------------\x1b[0m\n"
        "\x1b[0;31mModuleNotFoundError\x1b[0m                       Traceback (most recent call last)\n"
        "Cell \x1b[0;32mIn[3], line 1\x1b[0m\n\x1b[0;32m----> 1\x1b[0m \x1b[38;5;28;01mimport\x1b[39;00m \x1b[38;5;21;01mcv2\x1b[39;00m\n"
        "\nFile \x1b[0;32m~/env/lib/python3.10/site-packages/cv2/__init__.py:8\x1b[0m, in \x1b[0;36m<module>\x1b[0;34m()\x1b[0m\n"
        "\x1b[0;32m----> 8\x1b[0m \x1b[38;5;28;01mimport\x1b[39;00m numpy\n\n"
        "\x1b[0;31mModuleNotFoundError\x1b[0m: No module named 'numpy'\n"
    )
    (crash,) = parse_traceback(text)
    assert crash.final.type == "ModuleNotFoundError"
    assert [(f.file, f.line) for f in crash.final.frames] == [("Cell In[3]", 1), ("~/env/lib/python3.10/site-packages/cv2/__init__.py", 8)]


def test_several_independent_tracebacks_in_one_log():
    text = "INFO start\n" + REPLICA + "INFO retry\n" + _run_python("import json; json.loads('')")
    crashes = parse_traceback(text)
    assert [c.final.type for c in crashes] == ["RuntimeError", "json.decoder.JSONDecodeError"]


def test_log_prefix_with_changing_timestamps():
    body = _run_python("import os; os.not_found()").splitlines()
    text = "\n".join(f"2024-05-0{1 + i % 9}T10:00:{i:02d}.123Z {line}" for i, line in enumerate(body))
    (crash,) = parse_traceback(text)
    assert (crash.final.type, len(crash.final.frames)) == ("AttributeError", 1)


def test_windows_paths_and_crlf():
    text = (
        'Traceback (most recent call last):\r\n  File "C:\\Users\\me\\app.py", line 1, in <module>\r\n'
        "    import cv2\r\n  File \"C:\\Python39\\Lib\\site-packages\\cv2\\__init__.py\", line 5, in <module>\r\n"
        "    from .cv2 import *\r\nImportError: DLL load failed: The specified module could not be found.\r\n"
    )
    (crash,) = parse_traceback(text)
    assert crash.final.frames[-1].file == "C:\\Python39\\Lib\\site-packages\\cv2\\__init__.py"
    assert crash.final.message.startswith("DLL load failed")


def test_garbage_and_near_misses_give_nothing():
    for text in ("", "hello world\n", "Error: something went wrong", "FAILED test_x.py::test_a - ValueError: x",
                 "/src/x.py:12: DeprecationWarning: the imp module is deprecated\n  import imp",
                 "Traceback (most recent call last):\n", "E   assert foo\n", "\x00\x01\x02" * 100):
        assert parse_traceback(text) == [], text


# --- Bare exception lines: "Type: message" with no frames --------------------------------------------
# Python prints exactly this for an exception without traceback (sys.tracebacklimit = 0), and users
# paste just that line.  The pastes below are verbatim from benchmarks/cases/<folder>/traceback.txt.

def _records(text):
    return [[(e.type, e.message, len(e.frames), e.relation) for e in c.exceptions] for c in parse_traceback(text)]


def test_bare_exception_lines_from_a_real_interpreter():
    text = _run_python(
        """
        import sys
        sys.tracebacklimit = 0
        def f():
            raise ValueError("boom\\nsecond line")
        f()
        """
    )
    assert text.strip() == "ValueError: boom\nsecond line"
    assert _records(text) == [[("ValueError", "boom\nsecond line", 0, None)]]
    chained = _run_python(
        """
        import sys
        sys.tracebacklimit = 0
        try:
            {}["k"]
        except KeyError as e:
            raise RuntimeError("r") from e
        """
    )
    assert _records(chained) == [[("KeyError", "'k'", 0, "cause"), ("RuntimeError", "r", 0, None)]]


def test_message_only_pastes_are_frameless_crashes():
    pastes = [
        # benchmarks/cases/declared-numba0610-numpy22-py313: https://github.com/numba/numba/issues/10033
        ("ImportError: Numba needs NumPy 2.1 or less. Got NumPy 2.2.\n",
         ("ImportError", "Numba needs NumPy 2.1 or less. Got NumPy 2.2.")),
        # benchmarks/cases/pillow10-antialias-moviepy103-py311: https://github.com/Zulko/moviepy/issues/2002
        ("AttributeError: module 'PIL.Image' has no attribute 'ANTIALIAS'\n",
         ("AttributeError", "module 'PIL.Image' has no attribute 'ANTIALIAS'")),
        # benchmarks/cases/numpy1194-win-fmod-sanity-frccharacterization-py37: https://github.com/wpilibsuite/allwpilib/issues/2874
        ("RuntimeError: The current Numpy installation ('c:\\\\users\\\\jason\\\\appdata\\\\local\\\\programs\\\\python\\\\python37"
         "\\\\lib\\\\site-packages\\\\numpy\\\\__init__.py') fails to pass a sanity check due to a bug in the windows runtime.\n",
         ("RuntimeError", "The current Numpy installation ('c:\\\\users\\\\jason\\\\appdata\\\\local\\\\programs\\\\python\\\\python37"
          "\\\\lib\\\\site-packages\\\\numpy\\\\__init__.py') fails to pass a sanity check due to a bug in the windows runtime.")),
    ]
    for text, (typ, message) in pastes:
        assert _records(text) == [[(typ, message, 0, None)]], text


def test_bare_exception_keeps_its_continuation_lines_in_the_message():
    # benchmarks/cases/protobuf4-descriptors-tf271-py38: https://github.com/tensorflow/tensorflow/issues/56266
    text = (
        "TypeError: Descriptors cannot not be created directly.\n"
        "If this call came from a _pb2.py file, your generated code is out of date and must be regenerated with protoc >= 3.19.0.\n"
        "If you cannot immediately regenerate your protos, some other possible workarounds are:\n"
        " 1. Downgrade the protobuf package to 3.20.x or lower.\n"
        " 2. Set PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python (but this will use pure-Python parsing and will be much slower).\n"
    )
    (crash,) = parse_traceback(text)
    assert (crash.final.type, crash.final.frames) == ("TypeError", [])
    assert crash.final.message == text.strip()[len("TypeError: "):]
    assert crash.final.message.split("\n")[3] == " 1. Downgrade the protobuf package to 3.20.x or lower."


def test_docker_compose_prefix_is_learned_from_a_bare_line_and_stripped():
    # benchmarks/cases/jinja31-escape-removed-flask112-docker-py37:
    # https://github.com/productive-dev/minimal-reverse-proxy-demo/issues/39
    text = ("temperature-service  | ImportError: cannot import name 'escape' from 'jinja2' "
            "(/usr/local/lib/python3.7/site-packages/jinja2/__init__.py)\n")
    assert _records(text) == [[("ImportError", "cannot import name 'escape' from 'jinja2' "
                                "(/usr/local/lib/python3.7/site-packages/jinja2/__init__.py)", 0, None)]]
    # the learned prefix is stripped from the message's continuation lines too
    more = "web_1  | ValueError: first\nweb_1  | second\nweb_1  | \nweb_1  | INFO: done\n"
    assert _records(more) == [[("ValueError", "first\nsecond", 0, None)]]


def test_ray_worker_prefix_is_learned_from_a_bare_line_after_another_crash():
    # benchmarks/cases/gymnasium100-no-autoresetmode-alepy0111-rayrllib2470-atari-py311:
    # https://github.com/ray-project/ray/issues/53836 -- the driver's error first, then the
    # worker's own line under Ray's "(Actor pid=N) " prefix, its path cut by the paste.
    text = ("ray.exceptions.ActorDiedError: The actor died because of an error raised in its creation task\n"
            "\n"
            "(PPO pid=8491) ImportError: cannot import name 'AutoresetMode' from 'gymnasium.vector' (/home/u/gymnasi\n")
    assert [r[0][:2] for r in _records(text)][-1] == ("ImportError", "cannot import name 'AutoresetMode' from "
                                                     "'gymnasium.vector' (/home/u/gymnasi")
    # an address beside the pid, and continuation lines under the same prefix
    more = "(RolloutWorker pid=12, ip=10.0.0.3) ValueError: first\n(RolloutWorker pid=12, ip=10.0.0.3) second\n"
    assert _records(more) == [[("ValueError", "first\nsecond", 0, None)]]
    # a parenthesis that is not Ray's stays part of the line (no exception read from it)
    assert _records("(see below) ValueError: not a prefix\n") == []


def test_headerless_timestamped_tail_gives_its_dotted_exception():
    # benchmarks/cases/declared-pyparsing3-httplib2-py38: https://github.com/red-hat-storage/ocs-ci/issues/5000
    text = (
        "2021-10-24 11:09:54      raise VersionConflict(dist, req).with_context(dependent_req)\n"
        "2021-10-24 11:09:54  pkg_resources.ContextualVersionConflict: (pyparsing 3.0.0 (/home/jenkins/workspace/"
        "qe-deploy-ocs-cluster/ocs-ci/venv/lib/python3.8/site-packages), Requirement.parse('pyparsing<3,>=2.4.2'), {'httplib2'})\n"
    )
    (crash,) = parse_traceback(text)
    assert (crash.final.type, len(crash.final.frames)) == ("pkg_resources.ContextualVersionConflict", 0)
    assert crash.final.message.startswith("(pyparsing 3.0.0 (/home/jenkins/") and crash.final.message.endswith("{'httplib2'})")


def test_headerless_timestamped_frames_teach_the_prefix_and_keep_their_frames():
    # benchmarks/cases/sqlalchemy2-all-removed-flasksqlalchemy241-golinks-py39: a docker log
    # pasted from its first frame line, with no "Traceback" header to learn the stamp from.
    text = (
        '2023-01-26 21:06:40   File "/usr/src/app/server/src/main.py", line 54, in init_app_without_routes\n'
        "2023-01-26 21:06:40     db = SQLAlchemy(app)\n"
        '2023-01-26 21:06:40   File "/usr/local/lib/python3.9/site-packages/flask_sqlalchemy/__init__.py", line 74, in _include_sqlalchemy\n'
        "2023-01-26 21:06:40     for key in module.__all__:\n"
        "2023-01-26 21:06:40 AttributeError: module 'sqlalchemy' has no attribute '__all__'\n"
    )
    (crash,) = parse_traceback(text)
    assert (crash.final.type, crash.final.message) == ("AttributeError", "module 'sqlalchemy' has no attribute '__all__'")
    assert [(f.function, f.source) for f in crash.final.frames] == [
        ("init_app_without_routes", "db = SQLAlchemy(app)"), ("_include_sqlalchemy", "for key in module.__all__:")]


def test_a_message_without_an_exception_type_stays_no_traceback():
    # benchmarks/cases/numpy2-sctypes-removed-imgaug040-py310: https://github.com/aleju/imgaug/issues/855
    # The paste has no exception type at all, so there is no crash to read from it.
    text = "`np.sctypes` was removed in the NumPy 2.0 release. Access dtypes explicitly instead.. Did you mean: 'dtypes'?\n"
    assert parse_traceback(text) == []


def test_log_lines_that_look_like_exceptions_are_not_crashes():
    for text in (
        "ERROR: Could not find a version that satisfies the requirement torch==1.4.0 (from versions: 2.0.0)\n"
        "ERROR: No matching distribution found for torch==1.4.0\n",  # pip
        "npm ERR! code ENOENT\nnpm ERR! syscall open\n",
        "Error: ENOENT: no such file or directory, open 'package.json'\n",
        "Warning: apt-key is deprecated. Manage keyring files in trusted.gpg.d instead.\n",
        "WARNING: Running pip as the 'root' user can result in broken permissions\n",
        "Failure: the build did not finish\n", "note: This error originates from a subprocess\n",
        "In my script I get ValueError: x\n", "ValueError:\n", "    ValueError: indented, so a quoted line\n",
    ):
        assert parse_traceback(text) == [], text
    assert _records("foo.Error: dotted generic names do count\n") == [[("foo.Error", "dotted generic names do count", 0, None)]]


def test_a_traceback_repeating_the_pasted_exception_line_is_one_crash():
    tb = _run_python("import json; json.loads('')")
    final = tb.strip().splitlines()[-1]
    assert final.startswith("json.decoder.JSONDecodeError: ")
    (alone,) = parse_traceback(tb)
    assert len(alone.final.frames) >= 1
    for text in (final + "\n\n" + tb, tb + "\n" + final + "\n", final + "\n" + tb + final + "\n"):
        crashes = parse_traceback(text)
        assert [(c.final.type, len(c.final.frames)) for c in crashes] == [(alone.final.type, len(alone.final.frames))], text
    # a different bare exception next to a traceback is its own crash
    crashes = parse_traceback("OSError: disk full\n\n" + tb)
    assert [c.final.type for c in crashes] == ["OSError", "json.decoder.JSONDecodeError"]


# Copied Colab output keeps frame paths as markdown links (kazuhitogo/karaage-ai-book issue behind
# benchmarks/cases/keras29-get-config-tfgpu1152-karaageaibook-py37).
COLAB = """\
---------------------------------------------------------------------------
ImportError                               Traceback (most recent call last)
[<ipython-input-12-f781bf1ab174>](https://localhost:8080/#) in <module>
----> 1 from keras.models import Sequential
      2 from keras.layers import Dense

3 frames
[/usr/local/lib/python3.7/dist-packages/keras/backend.py](https://localhost:8080/#) in <module>
     38 from tensorflow.python.eager import context
---> 39 from tensorflow.python.eager.context import get_config
     40 from tensorflow.python.framework import config

ImportError: cannot import name 'get_config' from 'tensorflow.python.eager.context' (/usr/local/lib/python3.7/dist-packages/tensorflow_core/python/eager/context.py)
"""


def test_colab_link_frames_are_frames():
    (crash,) = parse_traceback(COLAB)
    frames = crash.final.frames
    assert [(f.file, f.line, f.function) for f in frames] == [
        ("<ipython-input-12-f781bf1ab174>", 1, "<module>"),
        ("/usr/local/lib/python3.7/dist-packages/keras/backend.py", 39, "<module>"),
    ]
    assert frames[1].source == "from tensorflow.python.eager.context import get_config"
    # A markdown link that is not a frame header stays text.
    assert parse_traceback("[docs](https://example.org) in the wiki\n") == []


# Spyder's console (pandas 2 removed Series.append; the thread behind
# benchmarks/cases/pandas2-series-append-abcanalysis0121-win-py310), pasted without a header.
SPYDER = """\
Cell In[33], line 1
    ABC_by_y = abc_analysis(...)

  File ~\\miniconda3\\envs\\ml_ts\\lib\\site-packages\\abc_analysis\\abc_analysis.py:246 in abc_analysis
    dictCurve = abc_curve(psData)

  File ~\\miniconda3\\envs\\ml_ts\\lib\\site-packages\\abc_analysis\\abc_analysis.py:163 in abc_curve
    y = pd.Series([0]).append(y)

  File ~\\miniconda3\\envs\\ml_ts\\lib\\site-packages\\pandas\\core\\generic.py:5989 in __getattr__
    return object.__getattribute__(self, name)

AttributeError: 'Series' object has no attribute 'append'
"""


def test_spyder_frames_without_a_header_and_with_indented_sources():
    (crash,) = parse_traceback(SPYDER)
    frames = crash.final.frames
    assert [(f.line, f.function) for f in frames] == [(1, "<module>"), (246, "abc_analysis"), (163, "abc_curve"),
                                                      (5989, "__getattr__")]
    assert [f.source for f in frames] == ["ABC_by_y = abc_analysis(...)", "dictCurve = abc_curve(psData)",
                                          "y = pd.Series([0]).append(y)", "return object.__getattribute__(self, name)"]
    assert crash.final.type == "AttributeError"


def test_a_location_line_after_a_frameless_exception_is_its_frame():
    # The semantica thread behind benchmarks/cases/httpx028-app-kwarg-starlette0351-testclient-semantica-win-py312.
    text = ("TypeError: Client.__init__() got an unexpected keyword argument 'app'\n"
            "..\\AppData\\Roaming\\Python\\Python312\\site-packages\\starlette\\testclient.py:402\n")
    (crash,) = parse_traceback(text)
    (frame,) = crash.final.frames
    assert (frame.file.endswith("starlette\\testclient.py"), frame.line) == (True, 402)
    assert crash.final.message == "Client.__init__() got an unexpected keyword argument 'app'"
    # A second message line that is not a location stays message.
    (other,) = parse_traceback("ValueError: bad value\nsee the docs at 10:30\n")
    assert other.final.frames == []


def test_a_non_ascii_digit_in_a_frame_like_line_does_not_lose_the_paste():
    text = ('Traceback (most recent call last):\n  File "a.py", line 1, in <module>\n    x\nValueError: v\n\n'
            "File x.py:\u00b2 in f\n")
    (crash,) = parse_traceback(text)
    assert crash.final.type == "ValueError"


def test_an_airflow_task_log_prefix_is_read_through_even_when_only_some_lines_carry_it():
    # fsspec/filesystem_spec (2020-09-15): the frame line without the prefix, the source and error with it.
    paste = ('File "/home/u/.virtualenvs/p/lib/python3.6/site-packages/fsspec/asyn.py", line 19, in _run_until_done\n'
             "{bash_operator.py:157} INFO -     loop = asyncio.get_running_loop()\n"
             "{bash_operator.py:157} INFO - AttributeError: module 'asyncio' has no attribute 'get_running_loop'\n")
    (crash,) = parse_traceback(paste)
    assert crash.root.type == "AttributeError" and crash.root.message.endswith("'get_running_loop'")
    assert [(f.line, f.source) for f in crash.root.frames] == [(19, "loop = asyncio.get_running_loop()")]


# kiyoon/pyLDAvis-style paste (bmabey/pyLDAvis#250): the stored copy stops inside the frames.
CUT_IPYTHON = """---------------------------------------------------------------------------
ImportError                               Traceback (most recent call last)
Cell In[4], line 5
      3 import string
----> 5 from gensim import models

File ~/.virtualenvs/venv/lib/python3.11/site-packages/gensim/__init__.py:11
      9 import logging
---> 11 from gensim import parsing, corpora, matutils, interfaces, models, similarities, utils  # noqa:F401

File ~/.virtualenvs/venv/lib/python3.11/site-packages/gensim/corpora/__init__.py:6
      5 # bring corpus classes directly into package namespace, to save some typing
----> 6 from .indexedcorpus import IndexedCorpus  # noqa:F401 must appear before the other classes
      8 from .mmcorpus import MmCorpus  # noqa:F401
"""


def test_an_ipython_paste_cut_before_its_last_line_keeps_the_type_its_header_printed():
    [crash] = parse_traceback(CUT_IPYTHON)
    assert (crash.final.type, crash.final.message) == ("ImportError", "")
    assert [(f.file.rsplit("/", 2)[-2:], f.line) for f in crash.final.frames][1:] == [
        (["gensim", "__init__.py"], 11), (["corpora", "__init__.py"], 6)]


def test_a_cut_paste_whose_header_names_no_exception_type_is_still_not_a_crash():
    assert parse_traceback(CUT_IPYTHON.replace("ImportError  ", "Something    ")) == []
    # Without that header line, the frames stand on their own: a crash whose exception line is lost.
    [crash] = parse_traceback(CUT_IPYTHON.split("\n", 2)[2])
    assert crash.root.type == LOST_EXCEPTION


def test_markdown_bold_a_reporter_put_on_the_traceback_is_read_through():
    # pydata/pandas-datareader#527 and peterdemin/pip-compile-multi#290 bolded lines of the paste
    text = ('Traceback (most recent call last):\n'
            '  File "/usr/local/lib/python3.6/site-packages/pandas_datareader/data.py", line 14, in <module>\n'
            '    ***from pandas_datareader.fred import FredReader***\n'
            '  File "/usr/local/lib/python3.6/site-packages/pandas_datareader/***fred.py***", line 1, in <module>\n'
            '    from pandas.core.common import is_list_like\n'
            "***ImportError: cannot import name 'is_list_like'***\n")
    [crash] = parse_traceback(text)
    assert (crash.final.type, crash.final.message) == ("ImportError", "cannot import name 'is_list_like'")
    assert [f.file.rsplit("/", 1)[-1] for f in crash.final.frames] == ["data.py", "fred.py"]
    [bold] = parse_traceback(text.replace("***ImportError: cannot import name 'is_list_like'***",
                                          "**ImportError: cannot import name 'is_list_like'**"))
    assert bold.final.message == "cannot import name 'is_list_like'"


def test_markdown_italics_around_a_pasted_frame_and_exception_are_read_through():
    # Sc0rpi0n/pyupdater (pyinstaller 3.6's duplicate nacl hook): the reporter wrapped the block in _..._
    text = ('_File "c:\\env\\lib\\site-packages\\PyInstaller\\depend\\imphook.py", line 289, in __init__\n'
            "    assert self.hook_module_name not in HOOKS_MODULE_NAMES\n"
            "AssertionError_\n")
    [crash] = parse_traceback(text)
    assert crash.final.type == "AssertionError"
    assert [f.line for f in crash.final.frames] == [289]
    # source that ends in an underscore keeps it
    [plain] = parse_traceback('Traceback (most recent call last):\n  File "/srv/app.py", line 3, in <module>\n'
                              "    x = _private_\nNameError: name '_private_' is not defined\n")
    assert plain.final.frames[0].source == "x = _private_"


def test_a_builtin_exception_whose_message_starts_on_the_next_line_is_read():
    # facebookresearch/Kats#145: statsmodels 0.13's NotImplementedError prints its text after a line break
    text = ("NotImplementedError: \n"
            "statsmodels.tsa.arima_model.ARMA and statsmodels.tsa.arima_model.ARIMA have\n"
            "been removed in favor of statsmodels.tsa.arima.model.ARIMA (note the .\n")
    [crash] = parse_traceback(text)
    assert crash.final.type == "NotImplementedError"
    assert crash.final.message.startswith("statsmodels.tsa.arima_model.ARMA and")
    # a word that is no builtin exception, with a colon, is a heading
    assert parse_traceback("Summary:\nthings went wrong\n") == []


def test_an_import_statement_quoted_with_a_trailing_colon_above_a_bare_import_error_is_its_source():
    # encode/django-rest-framework (ionyweb): Python 2's message names no module; the line above does
    text = "from djangorestframework.response import ErrorResponse :\nImportError: cannot import name ErrorResponse\n"
    [crash] = parse_traceback(text)
    assert crash.final.source_hint == "from djangorestframework.response import ErrorResponse"


def test_double_asterisks_inside_source_are_kept():
    text = ('Traceback (most recent call last):\n  File "/srv/app.py", line 3, in <module>\n    f(*args, **kwargs)\n'
            'TypeError: f() got an unexpected keyword argument \'x\'\n')
    [crash] = parse_traceback(text)
    assert crash.final.frames[-1].source == "f(*args, **kwargs)"


def test_a_lone_code_line_before_a_frameless_exception_is_kept_as_a_hint_not_a_frame():
    [crash] = parse_traceback("    token = jwt.encode(t, 'k').decode('utf-8')\nAttributeError: 'str' object has no attribute 'decode'\n")
    assert crash.final.frames == [] and crash.final.source_hint == "token = jwt.encode(t, 'k').decode('utf-8')"
    [prose] = parse_traceback("    I ran my script and got\nAttributeError: 'str' object has no attribute 'decode'\n")
    assert prose.final.source_hint == ""


def test_a_frame_line_pasted_from_its_opening_quote_is_still_a_frame():
    text = ('"path\\simple_email_confirmation\\models.py", line 217, in EmailAddress\n'
            "    settings.AUTH_USER_MODEL, related_name='email_address_set',\n"
            "TypeError: __init__() missing 1 required positional argument: 'on_delete'\n")
    [crash] = parse_traceback(text)
    assert [(f.file, f.line, f.function) for f in crash.final.frames] == [
        ("path\\simple_email_confirmation\\models.py", 217, "EmailAddress")]


VSCODE_IPYTHON = """---------------------------------------------------------------------------
AttributeError                            Traceback (most recent call last)
File /opt/conda/lib/python3.10/site-packages/transformers/modeling_utils.py:871, in _load_state_dict_into_meta_model(model, state_dict)
    [867](vscode-remote+dev-002dcontainer.vscode-resource.vscode-cdn.net/opt/conda/lib/python3.10/site-packages/transformers/modeling_utils.py:867) set_module_kwargs = {}
--> [871](vscode-remote+dev-002dcontainer.vscode-resource.vscode-cdn.net/opt/conda/lib/python3.10/site-packages/transformers/modeling_utils.py:871) if dtype is not None and param.dtype != torch.float8_e4m3fn:
    [872](vscode-remote+dev-002dcontainer.vscode-resource.vscode-cdn.net/opt/conda/lib/python3.10/site-packages/transformers/modeling_utils.py:872)     pass

AttributeError: module 'torch' has no attribute 'float8_e4m3fn'
"""


def test_line_numbers_vs_code_printed_as_links_are_line_numbers():
    # huggingface/transformers#32185: a notebook in VS Code turns each line number into a link
    [crash] = parse_traceback(VSCODE_IPYTHON)
    (frame,) = crash.final.frames
    assert (frame.line, frame.source) == (871, "if dtype is not None and param.dtype != torch.float8_e4m3fn:")
    [cut] = parse_traceback(VSCODE_IPYTHON.replace(VSCODE_IPYTHON.splitlines()[4] + "\n", ""))
    assert cut.final.frames[0].source == ""  # a context line is never taken for the failing one


FLATTENED_GUNICORN = """\tError: class uri 'eventlet' invalid or not found:
\t[Traceback (most recent call last):
\tFile "/app/venv/lib64/python3.6/site-packages/gunicorn/util.py", line 99, in load_class
\tmod = importlib.import_module('.'.join(components))
\tFile "/usr/lib64/python3.6/importlib/__init__.py", line 126, in import_module
\treturn _bootstrap._gcd_import(name[level:], package, level)
\tFile "<frozen importlib._bootstrap>", line 994, in _gcd_import
\tFile "/app/venv/lib64/python3.6/site-packages/gunicorn/workers/geventlet.py", line 20, in <module>
\tfrom eventlet.wsgi import ALREADY_HANDLED as EVENTLET_ALREADY_HANDLED
\tImportError: cannot import name 'ALREADY_HANDLED'
"""


def test_a_paste_flattened_behind_one_tab_keeps_each_frames_code_line():
    # eventlet/eventlet#702: gunicorn's log puts every line behind one tab; on Python 3.6 the module of
    # the failed import is only in the code line, so losing it loses the culprit.
    [crash] = parse_traceback(FLATTENED_GUNICORN)
    sources = [(f.function, f.source) for f in crash.final.frames]
    assert sources == [("load_class", "mod = importlib.import_module('.'.join(components))"),
                       ("import_module", "return _bootstrap._gcd_import(name[level:], package, level)"),
                       ("_gcd_import", ""),
                       ("<module>", "from eventlet.wsgi import ALREADY_HANDLED as EVENTLET_ALREADY_HANDLED")]
    assert (crash.final.type, crash.final.message) == ("ImportError", "cannot import name 'ALREADY_HANDLED'")


def test_a_flattened_paste_keeps_a_plain_import_as_its_frames_code_line():
    # celery/py-amqp#97: "from amqp import promise" has none of "(=.[", and on Python 3.5 it is the
    # only place that names the module the failed import came from.
    text = ('File "/usr/lib/python3.5/site-packages/celery/app/base.py", line 19, in <module>\n'
            "from amqp import promise\n"
            "ImportError: cannot import name 'promise'\n")
    [crash] = parse_traceback(text)
    assert [f.source for f in crash.final.frames] == ["from amqp import promise"]
    prose = ('File "/usr/lib/python3.5/site-packages/celery/app/base.py", line 19, in <module>\n'
             "import this library please\n"
             "ImportError: cannot import name 'promise'\n")
    assert [f.source for f in parse_traceback(prose)[0].final.frames] == [""]


def test_a_colab_paste_that_starts_at_its_first_linked_frame_header_is_a_traceback():
    # hpparvi/PyTransit#159: the reporter copied from the first frame, without Colab's "----" header
    text = ("[/usr/local/lib/python3.11/dist-packages/pytransit/utils/de.py](https://localhost:8080/#) in _eval_vfun(self, ngen)\n"
            "    242 \n    243             self._minidx = argmin(fitc)\n--> 244             if fitc.ptp() < self.min_ptp:\n"
            "    245                 break\n\n"
            "AttributeError: `ptp` was removed from the ndarray class in NumPy 2.0. Use np.ptp(arr, ...) instead.\n")
    [crash] = parse_traceback(text)
    [frame] = crash.final.frames
    assert (frame.file, frame.line, frame.function, frame.source) == (
        "/usr/local/lib/python3.11/dist-packages/pytransit/utils/de.py", 244, "_eval_vfun", "if fitc.ptp() < self.min_ptp:")


NOSE_CUT = """\
ERROR: Failure: AttributeError (type object 'Callable' has no attribute '_abc_registry')
----------------------------------------------------------------------
Traceback (most recent call last):
  File "/usr/local/lib/python3.7/site-packages/nose/failure.py", line 39, in runTest
    raise self.exc_val.with_traceback(self.tb)
  File "/usr/local/lib/python3.7/site-packages/nose/loader.py", line 418, in loadTestsFromName
    addr.filename, addr.module)
"""


def test_nose_names_the_exception_in_its_header_so_a_paste_cut_before_the_last_line_still_has_it():
    # ivankorobkov/python-inject#34: every stored copy stops inside the import frames
    [crash] = parse_traceback(NOSE_CUT)
    assert (crash.final.type, crash.final.message) == ("AttributeError", "type object 'Callable' has no attribute '_abc_registry'")
    assert [f.line for f in crash.final.frames] == [39, 418]


def test_a_complete_nose_traceback_keeps_its_own_last_line_over_the_header():
    text = NOSE_CUT.replace("Callable", "X") + "AttributeError: type object 'Callable' has no attribute '_abc_registry'\n"
    [crash] = parse_traceback(text)
    assert crash.final.message == "type object 'Callable' has no attribute '_abc_registry'"


def test_a_nose_header_with_no_traceback_after_it_is_not_a_crash():
    assert parse_traceback("ERROR: Failure: ImportError (No module named foo)\n\nRan 1 test in 0.001s\n") == []


def test_a_syntax_error_pasted_on_one_line_keeps_its_location_code_and_message():
    # streamlit-searchbox#10: the forum joined the report's lines
    text = ('SyntaxError: File "C:\\Users\\g\\venv\\lib\\site-packages\\streamlit_searchbox\\__init__.py", line 108 '
            'match interaction: ^ SyntaxError: invalid syntax\n')
    [crash] = parse_traceback(text)
    rec = crash.final
    assert (rec.type, rec.message) == ("SyntaxError", "invalid syntax")
    assert (rec.location.file.endswith("streamlit_searchbox\\__init__.py"), rec.location.line, rec.location.source) == (
        True, 108, "match interaction:")


def test_an_interactive_session_lends_the_typed_statement_to_its_stdin_frame():
    # prompt-toolkit/python-prompt-toolkit#616-style REPL paste: CPython prints no source for <stdin>.
    text = (">>> import prompt_toolkit\n>>> prompt_toolkit.__version__\n'2.0.3'\n"
            ">>> from prompt_toolkit.shortcuts import create_prompt_application\n"
            "Traceback (most recent call last):\n"
            '  File "<stdin>", line 1, in <module>\n'
            "ImportError: cannot import name 'create_prompt_application'\n"
            ">>> def f():\n...     return g()\n...\n>>> f()\n"
            "Traceback (most recent call last):\n"
            '  File "<stdin>", line 1, in <module>\n'
            '  File "<stdin>", line 2, in f\n'
            "NameError: name 'g' is not defined\n")
    first, second = parse_traceback(text)
    assert first.final.frames[0].source == "from prompt_toolkit.shortcuts import create_prompt_application"
    assert [fr.source for fr in second.final.frames] == ["f()", ""]


def test_a_prompt_escaped_by_markdown_still_lends_its_statement_to_the_stdin_frame():
    # A paste copied from rendered markdown keeps the escape before each prompt ("\\>>> ").
    text = ("\\>>> from pip import get_installed_distributions\n"
            "Traceback (most recent call last):\n"
            '  File "<stdin>", line 1, in <module>\n'
            "ImportError: cannot import name 'get_installed_distributions'\n")
    (crash,) = parse_traceback(text)
    assert crash.final.frames[0].source == "from pip import get_installed_distributions"
    # a backslash elsewhere is left alone
    (plain,) = parse_traceback(text.replace("\\>>> ", "x\\>>> "))
    assert plain.final.frames[0].source == ""


def test_an_import_statement_quoted_above_a_bare_python36_import_error_is_its_source_hint():
    # pallets-eco/wtforms#581, verbatim: the statement, then Python 3.6's message without the module.
    (crash,) = parse_traceback("from wtforms.widgets import HTMLString\nImportError: cannot import name 'HTMLString'\n")
    assert crash.final.source_hint == "from wtforms.widgets import HTMLString"


def test_a_frame_header_cut_at_its_start_by_the_paste_is_still_a_frame():
    # fmtr/amniotic#17, verbatim: the paste begins in the middle of the last frame's header.
    text = ("...\n\npackages/amniotic/mqtt/loop.py\", line 66, in __init__\n    self.client = mqtt.Client()\n"
            "                  ^^^^^^^^^^^^^\n"
            "TypeError: Client.__init__() missing 1 required positional argument: 'callback_api_version'\n")
    (crash,) = parse_traceback(text)
    (frame,) = crash.final.frames
    assert (frame.file, frame.line, frame.function, frame.source) == (
        "packages/amniotic/mqtt/loop.py", 66, "__init__", "self.client = mqtt.Client()")
    # prose mentioning a file is not a frame
    assert parse_traceback('see utils/io.py", line 3 in the docs\n') == []


def test_a_pytest_paste_cut_after_a_bare_E_under_an_assert_is_an_assertion_error():
    # pytest-asyncio#298: the reporter's paste ends at "E" below pytest-asyncio's own assert.
    frames = ("/venv/lib/python3.8/site-packages/pytest_asyncio/plugin.py:244: in _preprocess_async_fixtures\n"
              "    assert _has_explicit_asyncio_mark(fixturedef.func)\n")
    crashes = parse_traceback(frames + "E\n")
    assert len(crashes) == 1 and crashes[0].root.type == "AssertionError" and crashes[0].root.message == ""
    # Under any other statement a bare "E" says nothing about the exception.
    assert parse_traceback(frames.replace("assert _has", "_has") + "E\n") == []


IPY_CUT = ("circuitq\\core.py in transform_charge_to_flux(self)\n"
           "   1207         reversed_subspace_pos = dict(map(reversed, self.subspace_pos.items()))\n"
           "   1208         length = len(self.estates[:,0])\n"
           "-> 1209         T = np.ones((length, length), dtype=np.complex)\n"
           "   1210         for i in range(length):\n")


def test_an_ipython_frame_cut_after_its_arrow_is_a_crash_whose_exception_line_is_lost():
    # A Windows notebook paste (circuitq under NumPy 1.24) with site-packages cut off the header and no exception line.
    crashes = parse_traceback(IPY_CUT)
    assert len(crashes) == 1
    root = crashes[0].root
    assert (root.type, root.message) == (LOST_EXCEPTION, "")
    assert [(f.file, f.line, f.source) for f in root.frames] == [
        ("circuitq\\core.py", 1209, "T = np.ones((length, length), dtype=np.complex)")]


def test_a_relative_x_py_in_f_line_without_an_arrow_stays_prose():
    assert parse_traceback("see circuitq\\core.py in transform_charge_to_flux(self)\n") == []
    assert parse_traceback("circuitq/core.py in transform_charge_to_flux(self)\n   12   x = 1\n") == []


def test_a_cpython_paste_cut_after_a_frame_at_an_import_is_a_crash_whose_exception_line_is_lost():
    # mirumee/ariadne#345: the post ends at ariadne/graphql.py's 'from graphql.validation.rules import RuleType'.
    frames = ('  File "./example.py", line 1, in <module>\n'
              "    from ariadne import QueryType\n"
              '  File "x/lib/python3.8/site-packages/ariadne/graphql.py", line 18, in <module>\n'
              "    from graphql.validation.rules import RuleType\n")
    [crash] = parse_traceback(frames)
    assert crash.root.type == LOST_EXCEPTION and crash.root.frames[-1].line == 18
    # A frame at any other statement, cut the same way, is not read as a crash.
    assert parse_traceback(frames.replace("from graphql.validation.rules import RuleType", "run(RuleType)")) == []


def test_a_pytest_paste_cut_after_its_gt_line_keeps_that_line_as_the_source_hint():
    # pnuckowski/aioresponses#88: only the '>' line and the 'E' line were posted.
    text = (">       self.resp.content = StreamReader()\n"
            "E       TypeError: __init__() missing 1 required positional argument: 'protocol'\n")
    [crash] = parse_traceback(text)
    assert crash.root.type == "TypeError" and crash.root.frames == []
    assert crash.root.source_hint == "self.resp.content = StreamReader()"


def test_a_bare_line_of_a_class_from_a_packages_exceptions_module_is_an_exception():
    # infopanel#4: voluptuous 0.11.1's MultipleInvalid has no Error suffix; its module says what it is
    [crash] = parse_traceback("voluptuous.error.MultipleInvalid: expected a list for dictionary value @ data['frames']\n")
    assert crash.root.type == "voluptuous.error.MultipleInvalid"
    assert parse_traceback("app.views.Summary: this is prose\n") == []
    assert parse_traceback("error.Summary: two parts only\n") == []


def test_a_pytest_fragment_cut_before_its_location_still_names_its_assertion():
    # facebookresearch/hydra#2562: the paste starts at "self = ..." and ends at the bare "E   AssertionError"
    text = ("self = <optuna.storages._rdb.storage._VersionManager object at 0x7f815c5d60d0>\n"
            "    def get_current_version(self) -> str:\n    \n"
            "        version = context.get_current_revision()\n"
            ">       assert version is not None\n"
            "E       AssertionError\n")
    [crash] = parse_traceback(text)
    assert (crash.root.type, crash.root.source_hint) == ("AssertionError", "assert version is not None")
    assert parse_traceback("E       AssertionError\n") == []  # no ">" line: nothing vouches for it


def test_frame_headers_a_narrow_terminal_wrapped_are_joined_back():
    # facebook/prophet#2697: "File" / "\"/long/path.py\", line" / " 171, in f" on three lines
    text = ('Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n  File\n'
            '"/Users/foo/lib/python3.10/site-packages/prophet/forecaster.py", line\n 158, in __init__\n'
            '    self._load_stan_backend(stan_backend)\n  File \n'
            '"/Users/foo/lib/python3.10/site-packages/prophet/forecaster.py", line 171, in _load_stan_backend\n'
            '    logger.debug("Loaded stan backend: %s", self.stan_backend.get_type())\n'
            "AttributeError: 'Prophet' object has no attribute 'stan_backend'\n")
    [crash] = parse_traceback(text)
    assert [(f.line, f.function) for f in crash.root.frames] == [(1, "<module>"), (158, "__init__"), (171, "_load_stan_backend")]
    assert crash.root.frames[-1].source.startswith("logger.debug(")


def test_a_frame_header_a_console_cut_at_its_width_is_joined_back():
    # pydata/pandas-datareader#507: the Windows console cut the header at 80 columns, mid-word
    head = '  File "D:\\program file\\python27\\lib\\site-packages\\pandas_datareader\\data.py", l'
    assert len(head) == 80
    text = ("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n" + head +
            "\nine 291, in DataReader\n    raise ImmediateDeprecationError(DEP_ERROR_MSG.format('Yahoo Daily'))\n"
            "pandas_datareader.exceptions.ImmediateDeprecationError:\nYahoo Daily has been immediately deprecated\n")
    [crash] = parse_traceback(text)
    assert [(f.line, f.function) for f in crash.root.frames] == [(1, "<module>"), (291, "DataReader")]


def test_a_frame_header_retyped_with_a_lower_case_file_is_a_frame():
    (crash,) = parse_traceback('Traceback (most recent call last):\n'
                               '  file "/srv/app/site-packages/pkg/mod.py", line 35, in check\n'
                               '    expanded, _ = Shim.expand(s)\n'
                               'ValueError: too many values to unpack (expected 2)\n')
    (frame,) = crash.root.frames
    assert (frame.file, frame.line, frame.function) == ("/srv/app/site-packages/pkg/mod.py", 35, "check")


def test_the_last_line_of_a_call_spread_over_lines_is_the_shown_code_even_at_the_margin():
    (crash,) = parse_traceback(').format(solver, result.status, result.message.decode("latin1"))\n'
                               "AttributeError: 'str' object has no attribute 'decode'\n")
    assert crash.root.source_hint == ').format(solver, result.status, result.message.decode("latin1"))'
    (prose,) = parse_traceback("it fails here (on fit)\nAttributeError: 'str' object has no attribute 'decode'\n")
    assert prose.root.source_hint == ""
