"""'cannot import name 'six'' with no module and no frames: the module comes from the pin that imports it.

Python 3.6 printed no module for a failed ``from X import name``.  The real
paste (scikit-learn 0.23 under imbalanced-learn 0.4.3 on Colab) is the one
line; the reader finds ``from sklearn.externals import six`` in the pinned
imbalanced-learn, and the probe's "no" in the pinned scikit-learn ties it.
"""
from tests.support.diagnose_crashes import diagnose_paste

SK = {
    "sk": [{"version": "0.22.2", "upload_time": "2020-03-03T00:00:00Z",
            "files": {"sk/__init__.py": "", "sk/externals/__init__.py": "", "sk/externals/six.py": "PY3 = True\n"}},
           {"version": "0.23.1", "upload_time": "2020-05-19T00:00:00Z",
            "files": {"sk/__init__.py": "", "sk/externals/__init__.py": "", "sk/externals/joblib.py": ""}}],
    "imb": [{"version": "0.4.3", "upload_time": "2018-11-20T00:00:00Z", "requires_dist": ["sk>=0.20"],
             "files": {"imb/__init__.py": "from .zen import fetch\n",
                       "imb/zen.py": "import six\nfrom sk.externals import six as _six\n\n\ndef fetch():\n    return six, _six\n"}},
            {"version": "0.5.0", "upload_time": "2019-06-28T00:00:00Z", "requires_dist": ["sk>=0.21"],
             "files": {"imb/__init__.py": "from .zen import fetch\n", "imb/zen.py": "def fetch():\n    return None\n"}}],
    "six": [{"version": "1.15.0", "upload_time": "2020-05-21T00:00:00Z", "files": {"six.py": "PY3 = True\n"}}],
}




def test_the_module_is_the_one_a_pin_imports_the_name_from_and_its_owner_lacks(index_for):
    index, target = index_for(SK, python="3.6")
    d = diagnose_paste(index, target, "imb==0.4.3\nsk==0.23.1\nsix==1.15.0\n", "ImportError: cannot import name 'six'\n")
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("imb", ">=0.5.0") in got
    assert any(name == "sk" and "0.23" in spec for name, spec in got)


def test_an_import_the_owner_still_has_does_not_name_the_module(index_for):
    index, target = index_for(SK, python="3.6")
    d = diagnose_paste(index, target, "imb==0.4.3\nsk==0.22.2\nsix==1.15.0\n", "ImportError: cannot import name 'six'\n")
    assert not any(c.name in ("imb", "sk") for c in d.culprits)


PIL = {
    "pil": [{"version": "4.1.0", "upload_time": "2017-04-03T00:00:00Z",
             "files": {"pil/__init__.py": "VERSION = '1.1.7'\nPILLOW_VERSION = '4.1.0'\n",
                       "pil/image.py": "from . import VERSION, PILLOW_VERSION\n\n\ndef open(fp):\n    return fp\n"}}],
}


def test_a_pin_importing_the_name_from_its_own_release_that_has_it_is_a_broken_install(index_for):
    # Pillow 4.1.0 ("cannot import name 'VERSION'", fixed by reinstalling): its own
    # ``from . import VERSION`` is satisfied by the release, so the installed files are not it.
    index, target = index_for(PIL, python="3.6")
    d = diagnose_paste(index, target, "pil==4.1.0\n", "ImportError: cannot import name 'VERSION'\n")
    assert d.verdict == "environment"
    assert d.culprits == []
    assert "reinstall" in d.advice


def test_a_name_the_own_release_lacks_is_not_called_a_broken_install(index_for):
    spec = {"pil": [dict(PIL["pil"][0], files={"pil/__init__.py": "PILLOW_VERSION = '4.1.0'\n",
                                               "pil/image.py": "from . import VERSION\n"})]}
    index, target = index_for(spec, python="3.6")
    d = diagnose_paste(index, target, "pil==4.1.0\n", "ImportError: cannot import name 'VERSION'\n")
    assert d.verdict != "environment"
