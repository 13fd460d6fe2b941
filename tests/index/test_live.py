"""Against the real configured index (network): run with ``-m live``."""

from __future__ import annotations

import pytest

from pytest_depfix.index import PackageIndex
from pytest_depfix.target import Target

pytestmark = pytest.mark.live

PY37 = Target.from_spec("3.7", "manylinux_2_17_x86_64")


@pytest.fixture
def index(tmp_path):
    with PackageIndex.from_config(PY37, cache_dir=str(tmp_path / "cache")) as idx:
        yield idx


def test_six_metadata(index):
    meta = index.metadata("six", "1.15.0")
    assert (meta.name, meta.version, meta.requires_dist) == ("six", "1.15.0", [])
    assert meta.requires_python.startswith(">=2.7")


def test_torch_180_has_a_cp37_wheel_for_linux(index):
    rel = index.release("torch", "1.8.0")
    assert rel.installable(PY37) == "wheel"
    assert rel.best_wheel(PY37).filename == "torch-1.8.0-cp37-cp37m-manylinux1_x86_64.whl"
    assert rel.installable(Target.from_spec("3.10", "linux")) is None
    deps = [r.name for r in index.metadata("torch", "1.8.0").dependencies(PY37)]
    assert deps == ["typing-extensions", "numpy"]
    assert index.stats["bytes"] < 3_000_000  # range reads, not the 700 MB wheel


def test_as_of_on_the_real_index(tmp_path):
    idx = PackageIndex.from_config(PY37, cache_dir=str(tmp_path / "c"), as_of="2021-03-05")
    assert str(idx.releases("torch")[-1].version) == "1.8.0"
