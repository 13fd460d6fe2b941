"""Knowledge entries added in session 12, each against fixture wheels.

TensorFlow 2.16 made tf.keras Keras 3: a Keras 2 name missing from the keras._tf_keras shim.
shap/shap#3672: "module 'keras._tf_keras.keras.backend' has no attribute 'learning_phase'" under
tensorflow 2.16.1 with keras 3.3.3; tensorflow 2.15.1 (with Keras 2.15) works.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

MESSAGE = "AttributeError: module 'keras._tf_keras.keras.backend' has no attribute 'learning_phase'\n"


def _universe():
    return {"tensorflow": [{"version": "2.15.1", "requires_dist": ["keras<2.16,>=2.15"], "files": {"tensorflow/__init__.py": ""}},
                           {"version": "2.16.1", "requires_dist": ["keras>=3.0"], "files": {"tensorflow/__init__.py": ""}}],
            "keras": [{"version": "2.15.0", "files": {"keras/__init__.py": "", "keras/backend.py": "def learning_phase():\n    pass\n"}},
                      {"version": "3.3.3", "files": {"keras/__init__.py": "", "keras/_tf_keras/__init__.py": "",
                                                     "keras/_tf_keras/keras/__init__.py": "",
                                                     "keras/_tf_keras/keras/backend/__init__.py": "x = 1\n"}}]}


def _diagnose(index_for, tf_version: str):
    index, target = index_for(_universe(), python="3.11")
    keras = "3.3.3" if tf_version >= "2.16" else "2.15.0"
    pins = parse_requirements_text(f"tensorflow=={tf_version}\nkeras=={keras}\n", target)
    kb = load_knowledge()
    return diagnose(infer_message(MESSAGE, kb).to_crash(), pins, target, index, kb, probe=ApiProbe(index))


def test_a_keras_2_name_missing_from_tf_keras_under_tensorflow_216_holds_tensorflow_back(index_for):
    d = _diagnose(index_for, "2.16.1")
    assert d.details.get("knowledge") == "tensorflow-216-tf-keras-is-keras3"
    assert ("tensorflow", "<2.16") in [(c.name, c.constraint) for c in d.culprits]


def test_the_entry_does_not_speak_for_a_tensorflow_before_216(index_for):
    d = _diagnose(index_for, "2.15.1")
    assert d.details.get("knowledge") != "tensorflow-216-tf-keras-is-keras3"


SPHINX_PASTE = ("#14 2.108 Theme error:\n#14 2.108 An error happened in rendering the page about.\n"
                "#14 2.108 Reason: UndefinedError(\"'style' is undefined\")\n")


def test_sphinx_7s_removed_style_template_key_holds_sphinx_below_7(index_for):
    # readthedocs/sphinx_rtd_theme#1465: theme 0.4.3's layout.html reads {{ style }}.
    universe = {"sphinx": [{"version": v, "files": {"sphinx/__init__.py": ""}} for v in ("6.2.1", "7.0.1")],
                "sphinx-rtd-theme": [{"version": "0.4.3", "files": {"sphinx_rtd_theme/__init__.py": ""}}]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("sphinx==7.0.1\nsphinx-rtd-theme==0.4.3\n", target)
    kb = load_knowledge()
    inferred = infer_message(SPHINX_PASTE, kb)
    assert inferred is not None and inferred.exc_type.endswith("UndefinedError")
    d = diagnose(inferred.to_crash(), pins, target, index, kb, probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("sphinx", "<7")]


def test_a_knowledge_callers_pin_counts_when_it_ships_the_failing_module_without_a_frame(index_for):
    # gristlabs/asttokens#133: only asttokens' frames are printed; six (which ships six.moves) has none,
    # and the entry's caller six>=1.16.0 is the fix.
    universe = {"six": [{"version": v, "files": {"six.py": "moves = None\n"}} for v in ("1.15.0", "1.16.0")],
                "asttokensy": [{"version": "2.4.1", "requires_dist": ["six"],
                                "files": {"asttokensy/__init__.py": "", "asttokensy/util.py": "from six.moves import xrange\n"}}]}
    index, target = index_for(universe, python="3.12")
    pins = parse_requirements_text("asttokensy==2.4.1\nsix==1.15.0\n", target)
    tb = ("Traceback (most recent call last):\n"
          '  File "/venv/lib/python3.12/site-packages/asttokensy/util.py", line 1, in <module>\n'
          "    from six.moves import xrange\n"
          "ModuleNotFoundError: No module named 'six.moves'\n")
    from pytest_depfix.crash import attribute, parse_traceback

    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))
    assert ("six", ">=1.16.0") in [(c.name, c.constraint) for c in d.culprits], d.summary
