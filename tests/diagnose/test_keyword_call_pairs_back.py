"""A frameless refused keyword: the caller's release before it began passing it, and a pre-release pin.

flake8-black#49: flake8-black 0.2.5 (since yanked) passes ``preview=`` to black's ``FileMode``;
black took it in 22.1.0, and every black before that is a beta (21.9b0 here), which the probe's
release list leaves out unless the pin is one.  The maintainer said to downgrade flake8-black:
0.2.4 passed no ``preview``.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

# flake8-black#49, verbatim; package names changed to the fixtures'.
PASTE = ("flake8.exceptions.FailedToLoadPlugin: Flake8 failed to load plugin \"BLK\" due to __init__() got an "
         "unexpected keyword argument 'preview'.\n")


def _universe():
    def blacky(v, preview):
        fields = "    line_length: int = 88\n" + ("    preview: bool = False\n" if preview else "")
        return {"version": v, "files": {"blacky/__init__.py": "from blacky.mode import Mode\nFileMode = Mode\n",
                                        "blacky/mode.py": "from dataclasses import dataclass\n\n@dataclass\nclass Mode:\n"
                                                          + fields}}

    def flake8y(v, preview):
        extra = ", preview=False" if preview else ""
        return {"version": v, "requires_dist": ["blacky>=19.3b0"],
                "files": {"flake8y_black.py": f"import blacky\n\ndef load():\n    return blacky.FileMode(line_length=88{extra})\n"}}
    return {"blacky": [blacky("19.10b0", False), blacky("21.9b0", False), blacky("22.1.0", True), blacky("23.1.0", True)],
            "flake8y-black": [flake8y("0.2.3", False), flake8y("0.2.4", False), flake8y("0.2.5", True)]}


def _diagnose(index_for):
    index, target = index_for(_universe(), python="3.10")
    pins = parse_requirements_text("flake8y-black==0.2.5\nblacky==21.9b0\n", target)
    crashes = parse_traceback(PASTE)
    crash = crashes[0] if crashes else infer_message(PASTE, load_knowledge(bundled=False)).to_crash()
    crash = attribute(crash, pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_caller_before_it_began_passing_the_keyword_and_the_callee_that_took_it_are_both_offered(index_for):
    d = _diagnose(index_for)
    got = {(c.name, c.constraint) for c in d.culprits}
    assert ("flake8y-black", "<=0.2.4") in got, d.summary
    assert ("blacky", ">=22.1.0") in got, d.summary  # the pinned beta is read, though betas are no probe points


def test_a_pre_release_pin_above_final_releases_keeps_the_finals_range(index_for):
    # lightwood's scikit-learn 0.22rc3: Imputer is in 0.21.3 and gone from 0.22rc3 and 0.22.1.  The
    # finals' range (<0.22) stands; the pinned candidate is not made a probe point.
    def sk(v, has):
        return {"version": v, "files": {"sklearny/__init__.py": "", "sklearny/preprocessing.py":
                                        "class StandardScaler:\n    pass\n" + ("class Imputer:\n    pass\n" if has else "")}}
    universe = {"sklearny": [sk("0.13.0", False), sk("0.20.4", True), sk("0.21.3", True), sk("0.22rc3", False),
                             sk("0.22.0", False), sk("0.22.1", False)],
                "cesiumy": [{"version": "0.9.9", "requires_dist": ["sklearny>=0.20"],
                             "files": {"cesiumy/__init__.py": "", "cesiumy/featurize.py": "from sklearny.preprocessing import Imputer\n"}}]}
    index, target = index_for(universe, python="3.7")
    pins = parse_requirements_text("cesiumy==0.9.9\nsklearny==0.22rc3\n", target)
    tb = ('Traceback (most recent call last):\n  File "/l/lib/python3.7/site-packages/cesiumy/featurize.py", line 1, in <module>\n'
          "    from sklearny.preprocessing import Imputer\n"
          "ImportError: cannot import name 'Imputer' from 'sklearny.preprocessing'\n")
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert any(c.name == "sklearny" and c.constraint.endswith("<0.22.0") and c.source == "api-probe" for c in d.culprits), \
        [(c.name, c.constraint, c.source) for c in d.culprits]


def test_a_local_label_pin_below_every_release_keeps_the_probe_answer(index_for):
    # torch==1.12.1+cu116 from PyTorch's own index: the PyPI-like index lists no such release, so it
    # is no probe point (the probe could not read it) and the listed releases' range stands.
    def t(v, has):
        return {"version": v, "files": {"torchy/__init__.py": "X = 1\n" + ("def compile():\n    pass\n" if has else "")}}
    app = "import torchy\n\ndef go():\n    return torchy.compile()\n"
    universe = {"torchy": [t("1.13.0", False), t("2.0.0", True), t("2.0.1", True)],
                "appy": [{"version": "1.0.0", "requires_dist": ["torchy"], "files": {"appy/__init__.py": app}}]}
    tb = ('Traceback (most recent call last):\n  File "/env/lib/python3.10/site-packages/appy/__init__.py", line 4, in go\n'
          "    return torchy.compile()\nAttributeError: module 'torchy' has no attribute 'compile'\n")
    index, target = index_for(universe, python="3.10")
    for pin in ("1.12.1+cu116", "1.13.0+cu117"):
        pins = parse_requirements_text(f"appy==1.0.0\ntorchy=={pin}\n", target)
        crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
        d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
        assert ("torchy", ">=2.0.0") in {(c.name, c.constraint) for c in d.culprits}, (pin, d.summary)
