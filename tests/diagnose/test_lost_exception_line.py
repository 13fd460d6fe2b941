"""An IPython paste cut after its arrowed line: the lost AttributeError is read back from the statement.

circuitq 1.2.1's ``T = np.ones((length, length), dtype=np.complex)`` under NumPy 1.24, pasted with no
exception line.  The frame's file imports ``numpy as np``; of the statement's reads, only
``np.complex`` is missing from the pinned NumPy.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from packaging.specifiers import SpecifierSet

PASTE = ("circuitqy\\core.py in transform_charge_to_flux(self)\n"
         "      2     length = 3\n"
         "-> 3         T = np.ones((length, length), dtype=np.complex)\n")
CORE = "import numpy as np\n\ndef transform_charge_to_flux(self):\n    T = np.ones((3, 3), dtype=np.complex)\n"


def _universe(core: str = CORE):
    numpyish = [{"version": v, "files": {"numpy/__init__.py": "def ones(shape, dtype=None):\n    pass\n"
                                         + ("complex = complex\n" if v < "1.24" else "")}}
                for v in ("1.23.5", "1.24.2")]
    return {"numpy": numpyish,
            "circuitqy": [{"version": "1.2.1", "requires_dist": ["numpy"],
                           "files": {"circuitqy/__init__.py": "", "circuitqy/core.py": core}}]}


def _diagnose(index_for, core: str = CORE, paste: str = PASTE):
    index, target = index_for(_universe(core), python="3.10", platform="win_amd64")
    pins = parse_requirements_text("circuitqy==1.2.1\nnumpy==1.24.2\n", target)
    crash = attribute(parse_traceback(paste)[0], pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_one_read_the_pinned_owner_lacks_is_the_lost_attribute_error(index_for):
    d = _diagnose(index_for)
    assert d.details.get("message_read_from_imports") == "module 'numpy' has no attribute 'complex'"
    from packaging.specifiers import SpecifierSet

    numpy = [SpecifierSet(c.constraint) for c in d.culprits if c.name == "numpy"]
    assert numpy and "1.23.5" in numpy[0] and "1.24.2" not in numpy[0]


def test_a_name_the_file_does_not_import_as_a_module_is_not_asked(index_for):
    d = _diagnose(index_for, core=CORE.replace("import numpy as np", "from numpy import ones as np"))
    assert "message_read_from_imports" not in d.details
    assert d.culprits == []


def test_a_cpython_paste_cut_at_an_import_has_its_lost_import_error_read_from_the_release(index_for):
    # mirumee/ariadne#345: graphql-core 3.1.0b2 removed RuleType from graphql.validation.rules.
    rules = "RuleType = type\n"
    universe = {"graphqly": [{"version": v, "files": {"graphqly/__init__.py": "", "graphqly/rules.py": rules if v < "3.1" else "x = 1\n"}}
                             for v in ("3.0.6", "3.1.0b2")],
                "ariadny": [{"version": "0.10.0", "requires_dist": ["graphqly>=3.0"],
                             "files": {"ariadny/__init__.py": "", "ariadny/graphql.py": "import os\nfrom graphqly.rules import RuleType\n"}}]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("ariadny==0.10.0\ngraphqly==3.1.0b2\n", target)
    paste = ('  File "x/lib/python3.8/site-packages/ariadny/graphql.py", line 2, in <module>\n'
             "    from graphqly.rules import RuleType\n")
    crash = attribute(parse_traceback(paste)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.details.get("message_read_from_imports") == "cannot import name 'RuleType' from 'graphqly.rules'"
    assert "graphqly" in [c.name for c in d.culprits]


def test_a_write_or_a_guarded_read_on_the_lost_line_says_nothing(index_for):
    # Review finding: 'np.complex = complex' (a shim) and a read under hasattr cannot raise the AttributeError.
    for line in ("np.complex = complex", "T = np.complex if hasattr(np, 'complex') else complex"):
        paste = PASTE.replace("T = np.ones((length, length), dtype=np.complex)", line)
        d = _diagnose(index_for, core=CORE.replace("T = np.ones((3, 3), dtype=np.complex)", line), paste=paste)
        assert "message_read_from_imports" not in d.details, line


# googlecolab/colabtools#4020: Colab's IPython 7 names the type in its header, prints frame headers
# as "<ipython-input-3-85d1> in <cell line: 1>()" and "/usr/.../tuner.py in <module>", and the paste
# stops at autokeras 1.1.0's "class AutoTuner(keras_tuner.engine.tuner.Tuner):" (keras-tuner 1.4.0
# moved the engine under src/ and kept only engine/hyperparameters).
COLAB = ("AttributeError                            Traceback (most recent call last)\n"
         "<ipython-input-3-85d187d68977> in <cell line: 1>()\n"
         "----> 1 import autokerasy as ak\n\n4 frames\n"
         "/usr/local/lib/python3.10/dist-packages/autokerasy/engine/tuner.py in <module>\n"
         "      1 import keras_tunery\n"
         "----> 2 class AutoTuner(keras_tunery.engine.tuner.Tuner):\n"
         '      3     """A Tuner class based on KerasTuner for AutoKeras.\n')


def test_colabs_ipython_7_frame_headers_are_frames():
    [crash] = parse_traceback(COLAB)
    assert (crash.root.type, crash.root.message) == ("AttributeError", "")
    assert [(f.function, f.line, f.source) for f in crash.root.frames] == [
        ("<cell line: 1>", 1, "import autokerasy as ak"),
        ("<module>", 2, "class AutoTuner(keras_tunery.engine.tuner.Tuner):")]


def test_a_typed_header_with_the_message_cut_reads_a_dotted_chain_down_to_the_module_that_lacks_it(index_for):
    def tuner(v):
        files = {"keras_tunery/__init__.py": "from keras_tunery import engine\n",
                 "keras_tunery/engine/__init__.py": "from keras_tunery.engine import hyperparameters\n",
                 "keras_tunery/engine/hyperparameters.py": "x = 1\n"}
        if v < "1.4":
            files["keras_tunery/engine/tuner.py"] = "class Tuner:\n    pass\n"
        return {"version": v, "files": files}

    universe = {"keras-tunery": [tuner(v) for v in ("1.3.0", "1.3.5", "1.4.0")],
                "autokerasy": [{"version": "1.1.0", "requires_dist": ["keras-tunery>=1.1"],
                                "files": {"autokerasy/__init__.py": "", "autokerasy/engine/__init__.py": "",
                                          "autokerasy/engine/tuner.py": "import keras_tunery\n"
                                          "class AutoTuner(keras_tunery.engine.tuner.Tuner):\n    pass\n"}}]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("autokerasy==1.1.0\nkeras-tunery==1.4.0\n", target)
    crash = attribute(parse_traceback(COLAB)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.details.get("message_read_from_imports") == "module 'keras_tunery.engine' has no attribute 'tuner'"
    assert any(c.name == "keras-tunery" and "1.3.5" in SpecifierSet(c.constraint) for c in d.culprits), d.summary
