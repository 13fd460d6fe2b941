"""Second review of session 24's readings: inputs where the new code gives a wrong or harmful answer.

Each test fails on the engine as it stands after the first review (tests/diagnose/test_reviewed_s24.py);
the comment above it says why, and what the user would want instead.
"""
from packaging.specifiers import SpecifierSet

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import diagnose_paste, simple_parse


def _culprits(d):
    return [(c.name, c.constraint) for c in d.culprits]


def _admits(d, name, version):
    """Whether some culprit range for ``name`` admits ``version``."""
    ranges = [SpecifierSet(c.constraint) for c in d.culprits if c.name == name]
    assert ranges, d.summary
    return any(r.contains(version) for r in ranges)


# --------------------------------------------------------------------------
# A missing name's way back must take the call's keywords (_accepting_the_call)
# --------------------------------------------------------------------------
# The shape of tests/diagnose/test_call_keywords_narrow.py: poolcore 1.0.3 calls
# scopes.CancelScope(...); the pinned scopes 2.2.0 has no CancelScope.
from tests.diagnose.test_call_keywords_narrow import CALLER, NONE, PASTE, TAKES  # noqa: E402

SHIELD_ONLY = "class CancelScope:\n    def __init__(self, shield=False):\n        self.shield = shield\n"


def _scopes_universe(bodies, call="shield=True", caller_requires=("scopes",), extra_files=None):
    """poolcore 1.0.3 calling scopes.CancelScope(<call>), and scopes' releases ``(version, __init__ body)``."""
    def scopes(v, body):
        files = {"scopes/__init__.py": body}
        files.update((extra_files or {}).get(v, {}))
        return {"version": v, "files": files}

    return {
        "poolcore": [{"version": "1.0.3", "requires_dist": list(caller_requires),
                      "files": {"poolcore/__init__.py": "",
                                "poolcore/_sync.py": CALLER.replace("shield=True", call)}}],
        "scopes": [scopes(v, body) for v, body in bodies],
    }


# 1. Two keywords: the last one asked replaces the narrowing of the first.
# CancelScope took ``shield`` in 1.x and gained ``deadline`` in 3.0.  For the call
# CancelScope(deadline=5, shield=True), ``deadline`` narrows the presence range (<2.2.0) to
# >=3.0.0; then ``shield``'s own range (<2.2.0, the stretch next to the pin) has no final release
# in common with >=3.0.0, and _accepting_the_call falls back to ``narrowed = accepting``: the
# answer becomes scopes<2.2.0, where CancelScope(shield=False) refuses ``deadline`` and the same
# line fails at once.  With the keywords the other way round the answer is >=3.0.0: the verdict
# depends on the order the caller happened to write its keywords in.
def test_the_second_keyword_does_not_undo_what_the_first_ruled_out(index_for):
    bodies = (("1.3.0", SHIELD_ONLY), ("1.4.0", SHIELD_ONLY), ("2.2.0", NONE), ("2.3.0", NONE),
              ("3.0.0", TAKES), ("3.1.0", TAKES))
    for call in ("deadline=5, shield=True", "shield=True, deadline=5"):
        index, target = index_for(_scopes_universe(bodies, call=call), python="3.9")
        d = diagnose_paste(index, target, "poolcore==1.0.3\nscopes==2.2.0\n", PASTE.replace("shield=True", call))
        assert not _admits(d, "scopes", "1.4.0"), (call, _culprits(d))  # 1.4's CancelScope refuses deadline=
        assert _admits(d, "scopes", "3.0.0"), (call, _culprits(d))


# 2. A keyword the probe cannot place in the older releases still narrows.
# The docstring says "A keyword the probe cannot place leaves it as it was", but probe_range ->
# find_range counts an UNKNOWN answer as "not accepted".  scopes 1.x builds CancelScope on its
# compiled _cscope type (its constructor cannot be read); only 3.x's explicit __init__ reads as
# taking ``shield``, so the accepting range is >=3.0.0 and replaces the presence range.  poolcore
# itself declares scopes<3: the one range offered is outside its authors' own word, and 1.4.0
# (the presence range's way back, which the probe never showed to refuse shield=) is dropped.
COMPILED_BASE = "from ._cscope import CancelScope as _Base\n\n\nclass CancelScope(_Base):\n    pass\n"


def test_a_keyword_the_probe_cannot_place_in_older_releases_leaves_the_presence_range(index_for):
    bodies = (("1.3.0", COMPILED_BASE), ("1.4.0", COMPILED_BASE), ("2.2.0", NONE), ("3.0.0", TAKES), ("3.1.0", TAKES))
    compiled = {v: {"scopes/_cscope.so": ""} for v in ("1.3.0", "1.4.0")}
    index, target = index_for(_scopes_universe(bodies, caller_requires=("scopes<3",), extra_files=compiled), python="3.9")
    d = diagnose_paste(index, target, "poolcore==1.0.3\nscopes==2.2.0\n", PASTE)
    assert _admits(d, "scopes", "1.4.0"), _culprits(d)


# 3. A class whose constructor attrs generates is read as taking no arguments.
# pysource's accepts() knows @dataclass fields but not attrs (``@attr.s`` / ``@attrs.define``,
# the way trio's CancelScope is built): "CancelScope() takes no arguments" is a definite NO, so the
# keyword narrowing sends scopes from 1.4.0's range (whose attrs CancelScope takes shield=) back
# across a major to 0.9.0, the last release with a hand-written __init__ -- below poolcore's own
# declared scopes>=1.0.
ATTRS = "import attr\n\n\n@attr.s\nclass CancelScope:\n    shield = attr.ib(default=False)\n"


def test_an_attrs_class_takes_its_fields_as_keywords(index_for):
    bodies = (("0.9.0", SHIELD_ONLY), ("1.3.0", ATTRS), ("1.4.0", ATTRS), ("2.2.0", NONE), ("2.3.0", NONE))
    index, target = index_for(_scopes_universe(bodies, caller_requires=("scopes>=1.0",)), python="3.9")
    d = diagnose_paste(index, target, "poolcore==1.0.3\nscopes==2.2.0\n", PASTE)
    assert _admits(d, "scopes", "1.4.0"), _culprits(d)


# 4. A positional-only parameter counts as taking the keyword.
# The probe answers "has parameter 'shield'" for ``def __init__(self, shield=False, /)``
# (accepts(): ``param in fn.params or param in fn.posonly``), so 1.x reads as accepting the call;
# but CancelScope(shield=True) raises "got some positional-only arguments passed as keyword
# arguments" there.  The narrowing is skipped and scopes is sent back to 1.4.0, exactly the
# "same line fails at once" move the reading exists to prevent.
POSONLY = "class CancelScope:\n    def __init__(self, shield=False, /):\n        self.shield = shield\n"


def test_a_positional_only_parameter_does_not_take_the_calls_keyword(index_for):
    bodies = (("1.3.0", POSONLY), ("1.4.0", POSONLY), ("2.2.0", NONE), ("2.3.0", NONE), ("3.0.0", TAKES), ("3.1.0", TAKES))
    index, target = index_for(_scopes_universe(bodies), python="3.9")
    d = diagnose_paste(index, target, "poolcore==1.0.3\nscopes==2.2.0\n", PASTE)
    assert not _admits(d, "scopes", "1.4.0"), _culprits(d)
    assert _admits(d, "scopes", "3.0.0"), _culprits(d)


# 5. The narrowed range is reported as the name's presence range.
# After _accepting_the_call replaces the presence range, _removed_name still writes "scopes.CancelScope
# is present in scopes>=3.0.0" as the culprit's evidence and, since that range lies above the pin,
# the summary "scopes==2.2.0 does not have scopes.CancelScope yet (scopes>=3.0.0 has it)": the
# user reads that the name is new, while 1.3.0 and 1.4.0 have it.  Nothing says the older
# CancelScope was ruled out because it refuses shield=.
def test_the_evidence_says_the_older_releases_refuse_the_keyword_not_that_the_name_is_new(index_for):
    bodies = (("1.3.0", "import abc\n\n\nclass CancelScope(metaclass=abc.ABCMeta):\n    @abc.abstractmethod\n"
                        "    def cancel(self):\n        pass\n"),
              ("1.4.0", "import abc\n\n\nclass CancelScope(metaclass=abc.ABCMeta):\n    @abc.abstractmethod\n"
                        "    def cancel(self):\n        pass\n"),
              ("2.2.0", NONE), ("3.0.0", TAKES), ("3.1.0", TAKES))
    index, target = index_for(_scopes_universe(bodies), python="3.9")
    d = diagnose_paste(index, target, "poolcore==1.0.3\nscopes==2.2.0\n", PASTE)
    assert _culprits(d) and not _admits(d, "scopes", "1.4.0"), _culprits(d)  # (the narrowing itself is right)
    assert "yet" not in d.summary, d.summary
    assert any("shield" in e for c in d.culprits if c.name == "scopes" for e in c.evidence), \
        [c.evidence for c in d.culprits]


# --------------------------------------------------------------------------
# A super() protocol with no frame (_protocol_adopter, _asker_before_protocol)
# --------------------------------------------------------------------------
# 6. The deferral to a base that dropped the method only holds in a set of three pins.
# The first review's fix has _protocol_adopter ask _super_method_dropped before the asker-back
# reading; but _super_method_dropped returns [] whenever the set has more than MAX_HOME_SET (3)
# movable pins (and for any name without an underscore).  The first review's own case
# (viewy 3.0.3's View subclasses widgety's Widget and calls super()._ipython_display_(), which
# widgety 8 dropped) with two unrelated pins beside it is answered again by the asker-back:
# "viewy==3.0.3 asks the classes after its mixins for _ipython_display_(), which no pin of the set
# defines" (widgety 7.7.2 defines it) and viewy back to 2.9.0, a release before its View had the
# method.  Before session 24 this was "unknown"; the user wants widgety moved, or nothing.
from tests.diagnose.test_reviewed_s24 import SUPER_PASTE, VIEW, VIEW_EARLY, WIDGET_NEW, WIDGET_OLD  # noqa: E402


def test_a_subclass_of_a_base_that_dropped_the_method_is_not_sent_back_in_a_bigger_set(index_for):
    universe = {"widgety": [{"version": v, "files": {"widgety/__init__.py": text}} for v, text in
                            (("7.7.1", WIDGET_OLD), ("7.7.2", WIDGET_OLD), ("8.0.0", WIDGET_NEW), ("8.0.1", WIDGET_NEW))],
                "viewy": [{"version": v, "requires_dist": ["widgety>=7"], "files": {"viewy/__init__.py": text}}
                          for v, text in (("2.9.0", VIEW_EARLY), ("3.0.3", VIEW))],
                "tornadoy": [{"version": "6.1", "files": {"tornadoy/__init__.py": ""}}],
                "traitletsy": [{"version": "5.9.0", "files": {"traitletsy/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "widgety==8.0.1\nviewy==3.0.3\ntornadoy==6.1\ntraitletsy==5.9.0\n", SUPER_PASTE)
    assert not any(c.name == "viewy" for c in d.culprits), (d.summary, _culprits(d))
    assert "no pin of the set defines" not in d.summary, d.summary


# 7. "No pin adopted the method" is checked over the first eight pins only.
# _super_callers passes _protocol_adopter ``movable`` cut to MAX_PROTOCOL_PINS (8) pins in file
# order; the adopter search only looks there, and when it finds nobody the new asker-back reading
# answers "no pin of the set defines __sklearn_tags__".  A frozen, alphabetical requirements file
# puts scikit-learn among the first eight and xgboost/interpret after them: the asker is sent back
# (sklearny<=1.5.2) although interpy 0.6.8 defines the method -- the answer the same reading gives
# for the same two packages in a two-pin set (test_super_protocol_frameless.py).  The candidates are
# already limited to pins declaring the asker; the cap should not decide which of them are read.
MIXIN = ("class BaseEstimator:\n    def __sklearn_tags__(self):\n        return {}\n\n"
         "class ClassifierMixin:\n    def __sklearn_tags__(self):\n        tags = super().__sklearn_tags__()\n        return tags\n")
OLD_MIXIN = "class BaseEstimator:\n    pass\n\nclass ClassifierMixin:\n    pass\n"
EBM = "from sklearny.base import ClassifierMixin\n\nclass EBMClassifier(ClassifierMixin):\n    pass\n"
EBM_TAGS = EBM + "\n    def __sklearn_tags__(self):\n        return {}\n"


def test_the_adopter_listed_after_the_eighth_pin_is_still_found(index_for):
    universe = {"sklearny": [{"version": v, "files": {"sklearny/__init__.py": "",
                                                      "sklearny/base.py": MIXIN if v >= "1.6" else OLD_MIXIN}}
                             for v in ("1.5.2", "1.6.0", "1.6.1")],
                "interpy": [{"version": v, "requires_dist": ["sklearny"],
                             "files": {"interpy/__init__.py": "", "interpy/ebm.py": EBM if v == "0.6.7" else EBM_TAGS}}
                            for v in ("0.6.7", "0.6.8")]}
    before = ["joblibby", "numpyy", "pandasy"]
    after = ["scipyy", "sixy", "threadpoolctly", "tzdatay", "urllib3y"]
    for name in before + after:
        universe[name] = [{"version": "1.0", "files": {f"{name}/__init__.py": ""}}]
    index, target = index_for(universe, python="3.11")
    reqs = "".join(f"{n}==1.0\n" for n in before) + "sklearny==1.6.0\n" + "".join(f"{n}==1.0\n" for n in after) \
        + "interpy==0.6.7\n"
    pins = parse_requirements_text(reqs, target)
    kb = load_knowledge(bundled=False)
    crash = infer_message("'super' object has no attribute '__sklearn_tags__'\n", kb).to_crash()
    d = diagnose(crash, pins, target, index, kb, probe=ApiProbe(index))
    assert _culprits(d) == [("interpy", ">=0.6.8")], (d.summary, _culprits(d))


# --------------------------------------------------------------------------
# A release's own broken build (_own_build_mismatch)
# --------------------------------------------------------------------------
# 8. A dependant pip compiles from its sdist is compiled against the base too.
# The guard "no other pin of the set is compiled against it" is users.compiled_dependants, which
# counts a dependant only when its release's files for the target include a .so/.pyd.  A dependant
# with no wheel for the target is built by pip from its sdist against the installed base (the usual
# way a "spacy.strings.StringStore size changed" report arises beside a locally compiled
# neuralcoref); its release lists only .pyx sources, so the reading claims "no other pin of the set is compiled
# against spacyy: the release's own binaries were built against different builds of it" and
# offers spacyy's packaging post-release, which leaves the locally built extension as it was.
STRINGS = ("ValueError: spacyy.strings.StringStore size changed, may indicate binary incompatibility. "
           "Expected 80 from C header, got 64 from PyObject\n")


def test_a_dependant_built_from_its_sdist_is_no_own_build_mismatch(index_for):
    def spacy(v):
        return {"version": v, "files": {"spacyy/__init__.py": "", "spacyy/strings.so": ""}}

    universe = {"spacyy": [spacy("2.1.9"), spacy("2.2.0"), spacy("2.2.0.post1"), spacy("2.3.0")],
                "neuralcorefy": [{"version": "4.0", "requires_dist": ["spacyy>=2.1.0"], "wheel": False, "sdist": True,
                                  "files": {"neuralcorefy/__init__.py": "from .neuralcoref import NeuralCoref\n",
                                            "neuralcorefy/neuralcoref.pyx": "from spacyy.strings cimport StringStore\n",
                                            "neuralcorefy/neuralcoref.pxd": "from spacyy.strings cimport StringStore\n"}}]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("neuralcorefy==4.0\nspacyy==2.2.0\n", target)
    d = diagnose(simple_parse(STRINGS, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert "own binaries" not in d.summary, d.summary
    assert ("spacyy", "==2.2.0.post1") not in _culprits(d), _culprits(d)
