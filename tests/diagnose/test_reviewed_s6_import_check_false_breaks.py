"""Review (session 6): ``diagnose/contracts.broken_imports`` reports breaks the answer does not have.

The import check turns every definite "no" into a demand and resolves again, so a false "no" moves a
pin the crash never involved (or leaves a false warning that "the answer may need the import fixed by
hand").  Two ordinary shapes give a false "no":

* six's ``six.moves`` is built at import time (``moves = _MovedItems(...)`` registered on a meta-path
  importer); no file ``six/moves.py`` exists, so the probe answers "module six.moves is missing" for
  ``from six.moves import range`` / ``from six.moves.urllib.parse import urlparse``, which thousands
  of releases run at import time.
* namespace packages: ``top_owner`` keys the owner by the first dotted part only, with
  ``setdefault`` keeping whichever pin comes first, so ``from google.protobuf import descriptor_pb2``
  is asked of googleapis-common-protos (which ships ``google/api``) instead of protobuf.
"""
from __future__ import annotations

import json

import pytest

from pytest_depfix.cli import main
from pytest_depfix.diagnose.contracts import broken_imports
from pytest_depfix.diagnose.probe import ApiProbe

SIX = '''import sys
import types


class _LazyModule(types.ModuleType):
    pass


class _MovedItems(_LazyModule):
    """Lazy loading of moved objects"""
    __path__ = []


class _SixMetaPathImporter(object):
    def __init__(self, six_module_name):
        self.name = six_module_name
        self.known_modules = {}

    def _add_module(self, mod, *fullnames):
        for fullname in fullnames:
            self.known_modules[self.name + "." + fullname] = mod


_importer = _SixMetaPathImporter(__name__)
moves = _MovedItems(__name__ + ".moves")
_importer._add_module(moves, "moves")
sys.meta_path.append(_importer)
'''
USES_SIX = "from six.moves import range\nfrom six.moves.urllib.parse import urlparse\n\n\ndef pages(n):\n    return list(range(n))\n"
UNIVERSE = {
    "six": [{"version": "1.16.0", "files": {"six.py": SIX}}],
    # 1.0 declares an old six (the set's conflict); 2.0 is the smallest move and imports six.moves;
    # 3.0 dropped six entirely (a bigger move the crash gives no reason for).
    "oauthy": [{"version": "1.0", "requires_dist": ["six<1.10"], "files": {"oauthy/__init__.py": USES_SIX}},
               {"version": "2.0", "requires_dist": ["six>=1.10"], "files": {"oauthy/__init__.py": USES_SIX}},
               {"version": "3.0", "files": {"oauthy/__init__.py": "def pages(n):\n    return list(range(n))\n"}}],
    "gcommon": [{"version": "1.56.0", "files": {"google/api/__init__.py": "", "google/api/http_pb2.py": "X = 1\n"}}],
    "gproto": [{"version": "3.20.0", "files": {"google/protobuf/__init__.py": "",
                                              "google/protobuf/descriptor_pb2.py": "X = 1\n"}}],
    "protoplus": [{"version": v, "files": {"protoplus/__init__.py": "from google.protobuf import descriptor_pb2\n"}}
                  for v in ("1.0", "2.0")],
}


def test_six_moves_imports_are_no_break(index_for):
    index, _ = index_for(UNIVERSE, python="3.9")
    chosen = {"oauthy": "2.0", "six": "1.16.0"}
    found = broken_imports(ApiProbe(index), index, chosen, {"oauthy": "1.0", "six": "1.16.0"}, {k: k for k in chosen})
    assert [b.describe() for b in found] == []


def test_a_namespace_package_import_is_asked_of_the_pin_that_ships_that_module(index_for):
    index, _ = index_for(UNIVERSE, python="3.9")
    chosen = {"gcommon": "1.56.0", "gproto": "3.20.0", "protoplus": "2.0"}
    before = dict(chosen, protoplus="1.0")
    found = broken_imports(ApiProbe(index), index, chosen, before, {k: k for k in chosen})
    assert [b.describe() for b in found] == []


@pytest.fixture
def world(make_local_index, tmp_path, cache_dir, isolated_pip_config):
    index = make_local_index(UNIVERSE)
    (tmp_path / "requirements.txt").write_text("oauthy==1.0\nsix==1.16.0\n")
    return index, tmp_path


def test_the_false_six_break_does_not_move_the_answer(world, capsys):
    index, d = world
    code = main(["analyze", "--requirements", str(d / "requirements.txt"), "--python", "3.9", "--platform", "linux",
                 "--index-url", index.file_url, "--no-pip-config", "--report", str(d / "r.json")])
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads((d / "r.json").read_text())
    assert out == "oauthy==2.0\nsix==1.16.0\n"
    assert not any("breaks an import" in w or "keeps every import" in w for w in report["warnings"]), report["warnings"]
