"""Reviewed (s3): the mixed-install rule aligns packages that merely share a pkgutil-style namespace folder.

google-cloud-storage, google-cloud-core and google-api-core (1.x) each ship ``google/__init__.py``
(a pkg_resources/pkgutil namespace); backports.* do the same with ``backports/__init__.py``.  They share
a dash-stem ("google", "backports") and a top folder, but they are different projects whose versions
have nothing to do with each other: a circular import inside one of them must not "align" the others.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

NS_INIT = "__path__ = __import__('pkgutil').extend_path(__path__, __name__)\n"


def _files(sub):
    return {"nsy/__init__.py": NS_INIT, f"nsy/{sub}/__init__.py": "from .client import Client\n",
            f"nsy/{sub}/client.py": "class Client: pass\n"}


def test_namespace_siblings_are_not_aligned_to_each_others_version(index_for):
    universe = {
        "nsy-cloud-storage": [{"version": v, "files": _files("storage")} for v in ("1.30.0", "1.31.0")],
        "nsy-api-core": [{"version": v, "files": _files("api_core")} for v in ("1.30.0", "1.31.0")],
    }
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("nsy-cloud-storage==1.31.0\nnsy-api-core==1.30.0\n", target)
    paste = ("ImportError: cannot import name 'Client' from partially initialized module 'nsy.storage' "
             "(most likely due to a circular import) (/v/lib/python3.10/site-packages/nsy/storage/__init__.py)\n")
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    # The two distributions never install each other's files (only the shared namespace __init__),
    # so neither release explains the circular import: no pin should be moved to the other's version.
    assert [c for c in d.culprits if c.source == "mixed-install"] == [], [(c.name, c.constraint) for c in d.culprits]
