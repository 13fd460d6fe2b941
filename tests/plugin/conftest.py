"""A real broken world for the plugin: a library whose 2.0 release removed a function.

``libold`` 1.0 and 1.1 provide ``helper``; 2.0 removed it.  The 2.0 wheel is
unpacked into a site folder (as ``pip install --target`` would) so the test
project really imports it and importlib.metadata really owns its files.
"""

from __future__ import annotations

import zipfile

import pytest

UNIVERSE = {
    "libold": [
        {"version": "1.0", "files": {"libold/__init__.py": "def helper():\n    return 1\n"}, "upload_time": "2020-01-01T00:00:00Z"},
        {"version": "1.1", "files": {"libold/__init__.py": "def helper():\n    return 2\n"}, "upload_time": "2020-06-01T00:00:00Z"},
        {"version": "2.0", "files": {"libold/__init__.py": "def other():\n    return 3\n"}, "upload_time": "2021-01-01T00:00:00Z"},
    ],
    "six": [{"version": "1.15.0"}, {"version": "1.16.0"}],
}


@pytest.fixture
def broken_world(make_local_index, tmp_path, cache_dir, isolated_pip_config, monkeypatch):
    """(index, site_dir): the local index, and libold 2.0 + six installed in a site folder."""
    index = make_local_index(UNIVERSE)
    site = tmp_path / "site"
    site.mkdir()
    for f in index.files["libold"] + index.files["six"]:
        if f.path.name.startswith(("libold-2.0-", "six-1.15.0-")):
            with zipfile.ZipFile(f.path) as zf:
                zf.extractall(site)
    # "Installed" through PYTHONPATH, as a site folder would be (pytester's
    # subprocesses inherit it; verification's isolated environments drop it).
    monkeypatch.setenv("PYTHONPATH", str(site))
    return index, site
