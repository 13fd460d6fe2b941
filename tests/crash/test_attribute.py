"""Attribution: frames -> distribution/version, project or stdlib; call edges.

Foreign paths come from real tracebacks (sources cited); installed attribution
uses a real wheel installed with pip into a temporary site-packages directory;
index attribution uses the real PackageIndex over a local file:// index.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pytest_depfix.crash import attribute, classify_path, crash_from_exception, parse_traceback
from pytest_depfix.crash.attribute import clear_caches
from pytest_depfix.requirements import parse_requirements_text
from pytest_depfix.target import Target
from tests.support.wheels import build_wheel

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-retinaface-cudnn"
PY37 = Target.from_spec("3.7", "linux")


def _pins(text: str):
    return parse_requirements_text(text, PY37)


@pytest.mark.parametrize(
    "path, kind, module",
    [
        # https://github.com/pytorch/pytorch/issues/53336 (conda env)
        ("/home/lei/anaconda3/envs/py37-1/lib/python3.7/site-packages/torch/nn/modules/conv.py", "site", "torch.nn.modules.conv"),
        # Colab dist-packages (corpus 27)
        ("/usr/local/lib/python3.7/dist-packages/torch/utils/data/_utils/worker.py", "site", "torch.utils.data._utils.worker"),
        # Windows, Lib\site-packages, extension module
        ("C:\\Python39\\Lib\\site-packages\\cv2\\__init__.py", "site", "cv2"),
        ("C:\\Users\\USER\\anaconda3\\lib\\site-packages\\IPython\\core\\interactiveshell.py", "site", "IPython.core.interactiveshell"),
        ("/x/site-packages/torch/_C.cpython-37m-x86_64-linux-gnu.so", "site", "torch._C"),
        # pyenv / user site / uv
        ("/root/.pyenv/versions/3.8.5/lib/python3.8/site-packages/numpy/core/__init__.py", "site", "numpy.core"),
        ("/data/users/icycola/.local/lib/python3.13/site-packages/infinicore/tensor.py", "site", "infinicore.tensor"),
        # stdlib of several layouts
        ("/usr/lib/python3.7/xml/etree/ElementTree.py", "stdlib", "xml.etree.ElementTree"),
        ("/usr/local/Cellar/python/3.7.3/Frameworks/Python.framework/Versions/3.7/lib/python3.7/concurrent/futures/_base.py", "stdlib", "concurrent.futures._base"),
        ("/usr/lib64/python2.7/SocketServer.py", "stdlib", "SocketServer"),
        ("D:\\study\\PYTHON\\lib\\multiprocessing\\pool.py", "stdlib", "multiprocessing.pool"),
        ("/opt/conda/lib/python3.6/lib-dynload/_ssl.cpython-36m-x86_64-linux-gnu.so", "stdlib", "_ssl"),
        ("<frozen importlib._bootstrap>", "stdlib", "importlib._bootstrap"),
        # interactive and project
        ("<ipython-input-3-323b2829d3c1>", "interactive", None),
        ("Cell In[38]", "interactive", None),
        ("train.py", "other", None),
        ("/home/lei/compatibility_analysis/RetinaFace_Pytorch/torchvision_model.py", "other", None),
    ],
)
def test_path_layouts(path, kind, module):
    info = classify_path(path)
    assert (info.kind, info.module) == (kind, module)


def test_egg_directory_names_distribution_and_version():
    # https://github.com/pytest-dev/pytest/pull/3345 (corpus 10)
    info = classify_path("/env/lib/python3.6/site-packages/pytest-3.5.1.dev11+g12a5f609-py3.6.egg/_pytest/assertion/rewrite.py")
    assert info.egg == ("pytest", "3.5.1.dev11+g12a5f609")
    assert info.module == "_pytest.assertion.rewrite"


def test_seed_case_frames_are_torch_torchvision_and_project_with_pinned_versions():
    (crash,) = parse_traceback((SEED / "traceback.txt").read_text())
    pins = parse_requirements_text((SEED / "requirements.txt").read_text(), PY37)
    out = attribute(crash, pins, target=PY37, installed=False)
    inner = out.final.frames
    assert [(f.owner, f.dist, f.version) for f in inner[2:5]] == [
        ("project", None, None), ("dist", "torch", "1.8.0"), ("dist", "torchvision", pins.get("torchvision").version)]
    assert [(e.caller, e.callee) for e in out.edges] == [
        ("torch", "<project>"), ("<project>", "torch"), ("torch", "torchvision"), ("torchvision", "torch")]
    assert out.edges[1].frame_index == 3
    assert (out.innermost_library, out.raised_in) == ("torch", "torch")
    assert crash.final.frames[0].owner == "unknown", "attribute() must not mutate its input"


def test_well_known_import_name_mismatches_follow_the_pins():
    text = (
        'Traceback (most recent call last):\n  File "app.py", line 1, in <module>\n    import cv2\n'
        '  File "C:\\Python39\\Lib\\site-packages\\cv2\\__init__.py", line 5, in <module>\n    from .cv2 import *\n'
        '  File "C:\\Python39\\Lib\\site-packages\\yaml\\__init__.py", line 5, in load\n    x\n'
        '  File "C:\\Python39\\Lib\\site-packages\\google\\protobuf\\message.py", line 5, in f\n    x\n'
        "ImportError: DLL load failed\n"
    )
    (crash,) = parse_traceback(text)
    pins = _pins("opencv-python-headless==4.5.1.48\npyyaml==5.4\nprotobuf==3.20.0\n")
    frames = attribute(crash, pins, installed=False).final.frames
    assert [(f.dist, f.version) for f in frames[1:]] == [
        ("opencv-python-headless", "4.5.1.48"), ("pyyaml", "5.4"), ("protobuf", "3.20.0")]
    # without pins the table still names the usual distribution, without a version
    bare = attribute(crash, None, installed=False).final.frames
    assert [(f.dist, f.version) for f in bare[1:]] == [("opencv-python", None), ("PyYAML", None), ("protobuf", None)]


# https://github.com/scrapinghub/python-scrapinghub/issues/149 (msgpack 1.0 compiled Unpacker)
MSGPACK_PYX = (
    'Traceback (most recent call last):\n  File "foobar.py", line 15, in <module>\n    job.items.list(count=1)\n'
    '  File "/home/a/.miniconda3/envs/d/lib/python3.8/site-packages/scrapinghub/hubstorage/serialization.py", '
    "line 28, in mpdecode\n    unpacker = Unpacker(encoding='utf8')\n"
    '  File "msgpack/_unpacker.pyx", line 317, in msgpack._cmsgpack.Unpacker.__init__\n'
    "TypeError: __init__() got an unexpected keyword argument 'encoding'\n"
)


def test_relative_cython_frame_of_a_pinned_package_is_that_package():
    (crash,) = parse_traceback(MSGPACK_PYX)
    pins = _pins("msgpack==1.0.0\nscrapinghub==2.3.0\n")
    out = attribute(crash, pins, installed=False)
    frames = out.final.frames
    assert [(f.owner, f.dist) for f in frames] == [("project", None), ("dist", "scrapinghub"), ("dist", "msgpack")]
    assert frames[2].version == "1.0.0" and out.raised_in == "msgpack"


def test_bare_cython_frame_is_named_by_its_dotted_function():
    # https://github.com/scikit-image/scikit-image/issues/7442 (numpy 2.0 vs scikit-image 0.22 on Python 3.9)
    text = ('Traceback (most recent call last):\n  File "geometry.pyx", line 1, in init skimage._shared.geometry\n'
            "ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject\n")
    (crash,) = parse_traceback(text)
    frame = attribute(crash, _pins("scikit-image==0.22.0\nnumpy==2.0.0\n"), installed=False).final.frames[0]
    assert (frame.owner, frame.dist, frame.version) == ("dist", "scikit-image", "0.22.0")


def test_relative_cython_frame_stays_project_when_unpinned_or_the_project_has_it(tmp_path):
    (crash,) = parse_traceback(MSGPACK_PYX)
    assert attribute(crash, _pins("scrapinghub==2.3.0\n"), installed=False).final.frames[2].owner == "project"
    (tmp_path / "msgpack").mkdir()
    (tmp_path / "msgpack" / "_unpacker.pyx").write_text("# the project's own Cython\n")
    frames = attribute(crash, _pins("msgpack==1.0.0\n"), project_root=str(tmp_path), installed=False).final.frames
    assert frames[2].owner == "project"


# https://github.com/lixxu/sanic-jinja2/issues/50: the paste cut the site-packages prefix.
SANIC_CUT = ('  File "sanic_jinja2/__init__.py", line 6, in <module>\n    from collections import Mapping\n'
             "ImportError: cannot import name 'Mapping' from 'collections' (/usr/local/lib/python3.10/collections/__init__.py)\n")


def test_a_cut_relative_frame_in_a_pins_package_directory_is_that_pins_code(tmp_path):
    (crash,) = parse_traceback(SANIC_CUT)
    pins = _pins("sanic-jinja2==0.10.0\nsanic==21.9.3\n")
    frame = attribute(crash, pins, installed=False).final.frames[0]
    assert (frame.owner, frame.dist, frame.version) == ("dist", "sanic-jinja2", "0.10.0")
    # Not when nothing in the set is named so, nor when the project has the file, nor for a bare file.
    assert attribute(crash, _pins("sanic==21.9.3\n"), installed=False).final.frames[0].owner == "project"
    (tmp_path / "sanic_jinja2").mkdir()
    (tmp_path / "sanic_jinja2" / "__init__.py").write_text("# the project's own package\n")
    assert attribute(crash, pins, project_root=str(tmp_path), installed=False).final.frames[0].owner == "project"
    (bare,) = parse_traceback(SANIC_CUT.replace("sanic_jinja2/__init__.py", "sanic_jinja2.py"))
    assert attribute(bare, pins, installed=False).final.frames[0].owner == "project"


# alteia-python-sdk (2021-08-05): the paste starts inside the frame line, cut within "site-packages".
ALTEIA_CUT = ('packages\\alteia\\core\\connection\\connection.py", line 39, in __init__\n'
              "    'TRACE', 'POST']))\n"
              "TypeError: __init__() got an unexpected keyword argument 'allowed_methods'\n")


def test_a_paste_cut_inside_its_first_frame_line_keeps_that_frame_and_its_package():
    (crash,) = parse_traceback(ALTEIA_CUT)
    (frame,) = crash.final.frames
    assert (frame.line, frame.function, frame.source) == (39, "__init__", "'TRACE', 'POST']))")
    frame = attribute(crash, _pins("alteia==1.3.0\nurllib3==1.25.10\n"), installed=False).final.frames[0]
    assert (frame.owner, frame.dist) == ("dist", "alteia")
    # Only the paste's first line is read so: a later line like it is text, not a frame.
    (crash2,) = parse_traceback("Traceback (most recent call last):\n" + ALTEIA_CUT.replace("packages", "x\npackages", 1))
    assert all(f.line != 39 for f in crash2.final.frames)


def test_unmappable_site_packages_frame_is_unknown_with_module():
    (crash,) = parse_traceback('File "/v/lib/python3.9/site-packages/zzqx_private/core.py", line 3, in f\n    g()\nValueError: x\n')
    frame = attribute(crash, None, installed=False).final.frames[0]
    assert (frame.owner, frame.dist, frame.module) == ("unknown", None, "zzqx_private.core")


def test_stdlib_is_decided_for_the_target_python():
    text = (
        'Traceback (most recent call last):\n  File "/usr/lib/python3.7/distutils/core.py", line 1, in setup\n    x\n'
        'File "/usr/local/Cellar/python/3.12.1/Frameworks/Python.framework/Versions/3.12/imp.py", line 2, in f\n    y\nValueError: v\n'
    )
    (crash,) = parse_traceback(text)
    assert attribute(crash, None, target=PY37, installed=False).final.frames[0].owner == "stdlib"
    frames37 = attribute(crash, None, target=PY37, installed=False).final.frames
    frames312 = attribute(crash, None, target=Target.from_spec("3.12", "linux"), installed=False).final.frames
    assert frames37[1].owner == "stdlib" and frames312[1].owner == "project"


def test_project_root_gives_project_modules(tmp_path):
    src = tmp_path / "pkg" / "mod.py"
    (crash,) = parse_traceback(f'Traceback (most recent call last):\n  File "{src}", line 1, in f\n    x\nValueError: v\n')
    frame = attribute(crash, None, project_root=str(tmp_path), installed=False).final.frames[0]
    assert (frame.owner, frame.module) == ("project", "pkg.mod")


def test_installed_distribution_found_through_its_record(tmp_path, monkeypatch):
    """A real wheel, installed by pip into a temp site-packages, raising live."""
    wheel = build_wheel(tmp_path / "wheels", "fancy-vision", "2.3.1",
                        files={"fvision/__init__.py": "def boom():\n    raise RuntimeError('fvision failed')\n"})
    site = tmp_path / "lib" / "python3.11" / "site-packages"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    monkeypatch.syspath_prepend(str(site))
    clear_caches()
    import fvision  # noqa: F401 - the wheel just installed

    try:
        fvision.boom()
    except RuntimeError as exc:
        crash = crash_from_exception(exc, nodeid="t::x")
    out = attribute(crash, None, project_root=str(Path(__file__).parent), installed=True)
    inner = out.final.frames[-1]
    assert (inner.owner, inner.dist, inner.version, inner.module) == ("dist", "fancy-vision", "2.3.1", "fvision")
    assert out.final.frames[0].owner == "project"
    assert [(e.caller, e.callee) for e in out.edges] == [("<project>", "fancy-vision")]
    # pins spell it their way and win the name; the installed RECORD gives the version
    pinned = attribute(crash, _pins("Fancy_Vision==2.0\n"), installed=True)
    assert (pinned.final.frames[-1].dist, pinned.final.frames[-1].version) == ("Fancy_Vision", "2.3.1")
    sys.modules.pop("fvision", None)
    clear_caches()


def test_index_top_level_names_map_a_foreign_import_name(make_local_index, cache_dir, isolated_pip_config):
    """The import name 'fvision' is only connected to 'fancy-vision' by the wheel's file list."""
    from pytest_depfix.index import PackageIndex

    local = make_local_index({"fancy-vision": [{"version": "1.2", "files": {"fvision/__init__.py": "", "fvision/ops.py": ""}}],
                              "other": [{"version": "1.0"}]})
    index = PackageIndex.from_config(PY37, index_url=local.file_url, use_pip_config=False, cache_dir=str(cache_dir))
    (crash,) = parse_traceback(
        'Traceback (most recent call last):\n  File "/home/u/venv/lib/python3.7/site-packages/fvision/ops.py", line 9, in op\n'
        "    x\nTypeError: bad\n"
    )
    pins = _pins("other==1.0\nfancy-vision==1.2\n")
    frame = attribute(crash, pins, target=PY37, installed=False, index=index).final.frames[0]
    assert (frame.owner, frame.dist, frame.version) == ("dist", "fancy-vision", "1.2")
    assert attribute(crash, pins, target=PY37, installed=False).final.frames[0].owner == "unknown"


def test_an_sdist_only_pin_maps_its_import_name_from_below_the_sdists_root_folder(make_local_index, cache_dir,
                                                                                  isolated_pip_config):
    """explorerhq/sql-explorer#330: django-sql-explorer 1.1.1 is an sdist; its package 'explorer' sits under
    'django-sql-explorer-1.1.1/'.  Its tests folder and setup.py are never taken for import names."""
    from pytest_depfix.index import PackageIndex

    files = {"explorer/__init__.py": "", "explorer/models.py": "x = 1\n", "tests/__init__.py": "", "setup.py": ""}
    local = make_local_index({"django-sqlx": [{"version": "1.1.1", "wheel": False, "sdist": True, "files": files}],
                              "other": [{"version": "1.0", "files": {"other/__init__.py": ""}}]})
    index = PackageIndex.from_config(PY37, index_url=local.file_url, use_pip_config=False, cache_dir=str(cache_dir))
    (crash,) = parse_traceback(
        'Traceback (most recent call last):\n  File "/Users/j/Envs/n/lib/python3.6/site-packages/explorer/models.py", '
        "line 10, in <module>\n    from django.core.urlresolvers import reverse\n"
        "ModuleNotFoundError: No module named 'django.core.urlresolvers'\n")
    pins = _pins("other==1.0\ndjango-sqlx==1.1.1\n")
    frame = attribute(crash, pins, target=PY37, installed=False, index=index).final.frames[0]
    assert (frame.owner, frame.dist, frame.version) == ("dist", "django-sqlx", "1.1.1")
    (tests_crash,) = parse_traceback(
        'Traceback (most recent call last):\n  File "/u/lib/python3.7/site-packages/tests/models.py", line 1, in <module>\n'
        "    x\nTypeError: bad\n")
    assert attribute(tests_crash, pins, target=PY37, installed=False, index=index).final.frames[0].dist != "django-sqlx"


def test_syntax_error_location_is_attributed_and_named_as_raised_in():
    # https://github.com/veg/hivtrace/pull/45 (corpus 24)
    text = (Path(__file__).parent.parent / "corpus" / "tracebacks" / "24-py27-syntaxerror-print-function.txt").read_text()
    (crash,) = parse_traceback(text)
    out = attribute(crash, _pins("hivtrace==0.4.0\n"), target=Target.from_spec("2.7", "linux"), installed=False)
    assert (out.final.location.dist, out.raised_in, out.innermost_library) == ("hivtrace", "hivtrace", "hivtrace")


def test_a_path_with_site_packages_cut_out_is_the_pin_whose_release_has_that_file(make_local_index, cache_dir,
                                                                                  isolated_pip_config):
    """mfogel/django-simple-email-confirmation: 'path\\simple_email_confirmation\\models.py' (an sdist-only pin)."""
    from pytest_depfix.index import PackageIndex

    files = {"semc/__init__.py": "", "semc/models.py": "x = 1\n"}
    local = make_local_index({"django-semc": [{"version": "0.22", "wheel": False, "sdist": True, "files": files}],
                              "other": [{"version": "1.0", "files": {"tests/__init__.py": "", "tests/models.py": ""}}]})
    index = PackageIndex.from_config(PY37, index_url=local.file_url, use_pip_config=False, cache_dir=str(cache_dir))
    pins = _pins("other==1.0\ndjango-semc==0.22\n")

    def frame_of(path):
        (crash,) = parse_traceback(f'Traceback (most recent call last):\n  File "{path}", line 2, in M\n    x\nTypeError: bad\n')
        return attribute(crash, pins, target=PY37, installed=False, index=index).final.frames[0]

    got = frame_of("path\\semc\\models.py")
    assert (got.owner, got.dist, got.relpath) == ("dist", "django-semc", "semc/models.py")
    assert frame_of("myproject/semc/views.py").owner == "project"  # no such file in the release
    assert frame_of("tests/models.py").owner == "project"  # too generic a folder to say whose it is


def test_a_reporters_placeholder_for_the_start_of_a_path_leaves_the_rest_a_path():
    # mhadam/clutch#22: "<path removed>/lib/python3.7/site-packages/clutch/..."
    from pytest_depfix.crash.attribute import classify_path

    info = classify_path("<path removed>/lib/python3.7/site-packages/clutch/schema/user/method/session/accessor.py")
    assert (info.kind, info.relpath) == ("site", "clutch/schema/user/method/session/accessor.py")
    assert classify_path("<stdin>").kind == "interactive"
    assert classify_path("<ipython-input-3-1f2e>").kind == "interactive"


def test_a_relative_path_is_the_pins_code_but_only_a_cut_site_path_is_its_release_file():
    # gramps-project/gramps-web-api (pytest run in the package's own checkout): 'gramps_webapi/auth/__init__.py'
    # is attributed to the pin, but it may be the checkout, so no release file is claimed for readers of it.
    pins = _pins("gramps-webapi==1.1.7\nsqlalchemy==1.4.49\n")
    tb = ("Traceback (most recent call last):\n"
          '  File "gramps_webapi/auth/__init__.py", line 31, in <module>\n'
          "    from sqlalchemy.orm import mapped_column, relationship\n"
          "ImportError: cannot import name 'mapped_column' from 'sqlalchemy.orm'\n")
    frame = attribute(parse_traceback(tb)[0], pins, installed=False).final.frames[0]
    assert frame.relpath is None
    cut = attribute(parse_traceback(tb.replace('"gramps_webapi/', '"packages/gramps_webapi/'))[0], pins,
                    installed=False).final.frames[0]
    assert cut.relpath == "gramps_webapi/auth/__init__.py"
