"""A builtin's refusal of a value's shape in a pin's code, and Sphinx's report of an extension's handler.

sphinx-gallery/sphinx-gallery#879: sphinx 4.3.0 stores the search index's objects as a list;
sphinx-gallery 0.10.0's ``embed_code_links`` indexes it by name ("list indices must be integers or
slices, not str").  Sphinx prints only "Extension error (sphinx_gallery.docs_resolv):" and the
handler's name: that is read as one frame of the extension's module.  The one declared dependency
of that pin whose series began after the pin's upload is the suspect, by upload dates.
"""
from pytest_depfix.diagnose import load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from tests.support.diagnose_crashes import diagnose_paste

SPHINX = ("Extension error (galleryx.docs_resolv):\nHandler <function embed_code_links at 0x7f17c813c9e0> for event "
          "'build-finished' threw an exception (exception: list indices must be integers or slices, not str)\n")
PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.9/site-packages/galleryx/docs_resolv.py", line 4, in embed_code_links
    return index["objects"][name]
TypeError: list indices must be integers or slices, not str
"""
REQS = "galleryx==0.10.0\nsphinxy==4.3.0\n"


def _universe(newer_time="2021-11-07T00:00:00Z"):
    return {"sphinxy": [{"version": v, "upload_time": t, "files": {"sphinxy/__init__.py": ""}}
                        for v, t in (("4.2.0", "2021-09-12T00:00:00Z"), ("4.3.0", newer_time))],
            "galleryx": [{"version": v, "upload_time": t, "requires_dist": ["sphinxy>=1.8"],
                          "files": {"galleryx/__init__.py": "", "galleryx/docs_resolv.py":
                                    "import sphinxy\n\ndef embed_code_links(index, name):\n    return index['objects'][name]\n"}}
                         for v, t in (("0.10.0", "2021-10-01T00:00:00Z"), ("0.10.1", "2021-11-22T00:00:00Z"))]}


def test_sphinx_names_the_handlers_module_as_its_one_frame():
    inferred = infer_message(SPHINX, load_knowledge(bundled=False))
    assert inferred is not None and inferred.exc_type == "TypeError"
    assert [(f.module, f.function) for f in inferred.frames] == [("galleryx.docs_resolv", "embed_code_links")]


def test_the_dependency_whose_series_is_newer_than_the_caller_goes_back(index_for):
    index, target = index_for(_universe(), python="3.9")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert d.verdict == "transitive", d.summary
    assert ("sphinxy", "<4.3") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_dependency_older_than_the_caller_is_no_suspect(index_for):
    index, target = index_for(_universe(newer_time="2021-09-30T00:00:00Z"), python="3.9")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not any(c.name == "sphinxy" for c in d.culprits), d.summary
