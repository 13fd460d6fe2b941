"""A module no pin provides, imported by a pin whose earlier releases declared its distribution.

flairNLP/flair#2765: transformers 4.19.0 stopped requiring sacremoses, but its transfo-xl
tokenizer still imports it: "No module named 'sacremoses'".  The pin goes back to its newest
release that declared the distribution; the set is reported as missing it, never added to.
"""
from tests.support.diagnose_crashes import diagnose_paste

TOKENIZER = "import os\n\nimport sacremosy as sm\n\n\ndef tokenize(text):\n    return sm.MosesTokenizer().tokenize(text)\n"
PASTE = "ModuleNotFoundError: No module named 'sacremosy'\n"


def _universe(imports=True, still_declared=False):
    def tokly(version, declared):
        files = {"tokly/__init__.py": "", "tokly/tokenization.py": TOKENIZER if imports else "import os\n"}
        return {"version": version, "requires_dist": ["sacremosy"] if declared else ["numpy"], "files": files}
    return {
        "tokly": [tokly("4.17.0", True), tokly("4.18.0", True), tokly("4.19.0", still_declared)],
        "flairy": [{"version": "0.11.2", "requires_dist": ["tokly>=4.0"], "files": {"flairy/__init__.py": "import tokly\n"}}],
    }


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="3.9")
    return diagnose_paste(index, target, "flairy==0.11.2\ntokly==4.19.0\n", PASTE)


def test_the_pin_that_dropped_the_declaration_goes_back_to_the_last_release_with_it(index_for):
    d = _diagnose(index_for, _universe())
    assert d.verdict == "transitive", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("tokly", "<=4.18.0")]
    assert "imports sacremosy but no longer requires" in d.culprits[0].evidence[0]


def test_a_pin_that_still_declares_it_means_the_set_is_only_missing_it(index_for):
    d = _diagnose(index_for, _universe(still_declared=True))
    assert d.verdict == "unknown" and not d.culprits


def test_a_pin_that_never_imports_it_is_not_the_one(index_for):
    d = _diagnose(index_for, _universe(imports=False))
    assert not d.culprits
