"""The answer must import what it needs from itself: a move that breaks another import is resolved again.

tugstugi/mongolian-speech-recognition#13: librosa 0.8 removed ``librosa.output``; every librosa before
0.8 runs ``from numba.decorators import jit`` at import time, and numba 0.50 removed
``numba.decorators``.  Moving librosa back alone swaps one crash for another; the thread also held numba
below 0.50.
"""
from __future__ import annotations

import json

import pytest

from pytest_depfix.cli import main
from pytest_depfix.diagnose.contracts import _module_level_from_imports

OLD = "from numbay.decorators import jit\n\ndef f():\n    return jit\n"
NEW = "from numbay import jit\n"
UNIVERSE = {
    "numbay": [{"version": "0.48.0", "files": {"numbay/__init__.py": "from .decorators import jit\n",
                                               "numbay/decorators.py": "def jit(f):\n    return f\n"}},
               {"version": "0.53.1", "files": {"numbay/__init__.py": "def jit(f):\n    return f\n"}}],
    "librosy": [{"version": v, "requires_dist": ["numbay>=0.43"],
                 "files": {"librosy/__init__.py": "from .util import decorators\n" + ("from . import output\n" if v < "0.8" else ""),
                           "librosy/util/__init__.py": "", "librosy/util/decorators.py": OLD if v < "0.8" else NEW,
                           **({"librosy/output.py": "def write_wav(p, y, sr):\n    pass\n"} if v < "0.8" else {})}}
                for v in ("0.6.3", "0.7.1", "0.7.2", "0.8.0")],
}
TRACEBACK = ('Traceback (most recent call last):\n  File "/home/u/asr/preprocess.py", line 12, in <module>\n'
             "    librosy.output.write_wav(path, y, sr)\nAttributeError: module 'librosy' has no attribute 'output'\n")


@pytest.fixture
def world(make_local_index, tmp_path, cache_dir, isolated_pip_config):
    index = make_local_index(UNIVERSE)
    (tmp_path / "requirements.txt").write_text("librosy==0.8.0\nnumbay==0.53.1\n")
    (tmp_path / "crash.txt").write_text(TRACEBACK)
    return index, tmp_path


def test_a_move_that_breaks_an_import_of_another_pin_moves_that_pin_too(world, capsys):
    index, d = world
    code = main(["analyze", "--requirements", str(d / "requirements.txt"), "--traceback", str(d / "crash.txt"),
                 "--python", "3.7", "--platform", "linux", "--index-url", index.file_url, "--no-pip-config",
                 "--report", str(d / "r.json")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out == "librosy==0.7.2\nnumbay==0.48.0\n"
    report = json.loads((d / "r.json").read_text())
    assert any("imports jit from numbay.decorators" in w for w in report["warnings"])


def test_only_top_level_imports_count_as_run_by_every_import():
    text = ("from a import x\ntry:\n    from b import y\nexcept ImportError:\n    y = None\n"
            "if flag:\n    from c import z\ndef f():\n    from d import w\nfrom .rel import r\n")
    assert _module_level_from_imports(text) == [("a", "x", 1)]
