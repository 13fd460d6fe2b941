"""An importer whose next releases all run the broken import is walked past them, not given up.

Kaggle's MLPrimitives 0.2.4 (MLBazaar/MLPrimitives#216): keras 2.4.3 raises "Keras requires
TensorFlow 2.2 or higher" under TensorFlow 1.15.3.  keras 2.4.0 and 2.4.1 have no such check, but
both import ``tensorflow.keras`` names TensorFlow 1.15 lacks; keras 2.3.1 is the release that fits.
The check's text is read from the raising file, so the release that added it is known.
"""
from __future__ import annotations

import pytest

from pytest_depfix.cli import main

CHECKED = ("try:\n    from tensorflowy.keras import __version__\nexcept ImportError:\n"
           "    raise ImportError('Kerasy requires TensorflowY 2.2 or higher. '\n"
           "                      'Install TensorflowY via `pip install tensorflowy`')\n")
UNIVERSE = {
    "tensorflowy": [
        {"version": "1.15.3", "upload_time": "2020-05-01T00:00:00Z",
         "files": {"tensorflowy/__init__.py": "", "tensorflowy/keras/__init__.py": "layers = None\n"}},
        {"version": "2.2.0", "upload_time": "2020-05-07T00:00:00Z",
         "files": {"tensorflowy/__init__.py": "", "tensorflowy/keras/__init__.py": "__version__ = '2.3.0'\n"}},
    ],
    "kerasy": [
        {"version": "2.3.1", "upload_time": "2019-10-07T00:00:00Z", "files": {"kerasy/__init__.py": "import tensorflowy\n"}},
        {"version": "2.4.0", "upload_time": "2020-06-17T00:00:00Z", "requires_dist": ["tensorflowy"],
         "files": {"kerasy/__init__.py": "from tensorflowy.keras import __version__\n"}},
        {"version": "2.4.1", "upload_time": "2020-06-18T00:00:00Z", "requires_dist": ["tensorflowy"],
         "files": {"kerasy/__init__.py": "from tensorflowy.keras import __version__\n"}},
        {"version": "2.4.3", "upload_time": "2020-06-24T00:00:00Z", "requires_dist": ["tensorflowy"], "files": {"kerasy/__init__.py": CHECKED}},
    ],
}
TRACEBACK = ('Traceback (most recent call last):\n  File "/home/u/run.py", line 1, in <module>\n    import kerasy\n'
             '  File "/home/u/venv/lib/python3.6/site-packages/kerasy/__init__.py", line 4, in <module>\n'
             "    'Install TensorflowY via `pip install tensorflowy`')\n"
             "ImportError: Kerasy requires TensorflowY 2.2 or higher. Install TensorflowY via `pip install tensorflowy`\n")


@pytest.fixture
def world(make_local_index, tmp_path, cache_dir, isolated_pip_config):
    index = make_local_index(UNIVERSE)
    (tmp_path / "requirements.txt").write_text("kerasy==2.4.3\ntensorflowy==1.15.3\n")
    (tmp_path / "crash.txt").write_text(TRACEBACK)
    return index, tmp_path


def test_the_importer_is_walked_past_every_release_that_runs_the_broken_import(world, capsys):
    index, d = world
    code = main(["analyze", "--requirements", str(d / "requirements.txt"), "--traceback", str(d / "crash.txt"),
                 "--python", "3.6", "--platform", "linux", "--index-url", index.file_url, "--no-pip-config",
                 "--keep", "tensorflowy==1.15.3"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out == "kerasy==2.3.1\ntensorflowy==1.15.3\n"
