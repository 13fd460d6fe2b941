"""A pin pip builds from its sdist caps a build tool to releases that use a name the target Python removed.

deepgram/live-streaming-starter-kit#12: PyAudio 0.2.13 ships no Linux wheel, so pip builds its sdist,
whose ``[build-system]`` asks for ``setuptools<=65.1.1``; that setuptools' pkg_resources registers
``pkgutil.ImpImporter``, gone in Python 3.12.  PyAudio 0.2.14 dropped the cap.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: module 'pkgutil' has no attribute 'ImpImporter'. Did you mean: 'zipimporter'?\n"
CAPPED = '[build-system]\nrequires = ["setuptools<=65.1.1", "wheel"]\n'
UNCAPPED = '[build-system]\nrequires = ["setuptools", "wheel"]\n'
OLD_TOOL = "import pkgutil\n\nregister_finder(pkgutil.ImpImporter, find_on_path)\n"
NEW_TOOL = "import pkgutil\n\nregister_finder(pkgutil.zipimporter, find_on_path)\n"


def _universe(pinned=CAPPED, wheel_for_pinned=False, old_tool=OLD_TOOL):
    def audio(v, pyproject, wheel=False):
        files = {"setup.py": "from setuptools import setup\nsetup(name='pyaudy')\n", "pyaudy/__init__.py": ""}
        if pyproject:
            files["pyproject.toml"] = pyproject
        return {"version": v, "wheel": wheel, "sdist": True, "files": files}
    return {"pyaudy": [audio("0.2.11", None), audio("0.2.12", CAPPED), audio("0.2.13", pinned, wheel_for_pinned),
                       audio("0.2.14", UNCAPPED)],
            "setuptools": [{"version": "65.1.1", "files": {"pkg_resources/__init__.py": old_tool}},
                           {"version": "68.0.0", "files": {"pkg_resources/__init__.py": NEW_TOOL}}]}


def _moves(index_for, **kw):
    index, target = index_for(_universe(**kw), python="3.12")
    d = diagnose_paste(index, target, "pyaudy==0.2.13\n", PASTE)
    return d, sorted((c.name, c.constraint) for c in d.culprits)


def test_the_pin_moves_to_its_nearest_releases_that_build_on_the_target(index_for):
    d, moves = _moves(index_for)
    assert moves == [("pyaudy", "<=0.2.11"), ("pyaudy", ">=0.2.14")], d.summary
    assert "setuptools to <=65.1.1" in d.culprits[0].evidence[0]


def test_an_uncapped_build_gets_the_newest_tool_and_is_no_sign(index_for):
    d, moves = _moves(index_for, pinned=UNCAPPED)
    assert not moves, d.summary


def test_a_wheel_for_the_target_is_never_built(index_for):
    d, moves = _moves(index_for, wheel_for_pinned=True)
    assert not moves, d.summary


def test_a_cap_on_a_tool_release_that_never_used_the_name_is_no_sign(index_for):
    d, moves = _moves(index_for, old_tool=NEW_TOOL)
    assert not moves, d.summary
