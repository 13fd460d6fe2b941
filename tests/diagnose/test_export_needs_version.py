"""A module that binds a name only when another pin is new enough: that pin's floor.

tensorflow/hub#615: tensorflow-hub 0.7.0 imports ``KerasLayer`` in a ``try`` whose ``except ImportError``
checks ``LooseVersion(tf.__version__) < LooseVersion("1.14.0")``; under tensorflow 1.13.1 the name is
missing, and tensorflow 1.14.0 is the way out, not tensorflow-hub back a minor.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "train.py", line 3, in <module>
    layer = hub.KerasLayer(url)
AttributeError: module 'hubby' has no attribute 'KerasLayer'
"""
TRY = ('from distutils.version import LooseVersion\nimport tensy as tf\n\ntry:\n    from hubby.keras_layer import KerasLayer\n'
       'except ImportError:\n    if LooseVersion(tf.__version__) < LooseVersion("1.14.0"):\n        pass\n    else:\n        raise\n')
IF = 'import tensy as tf\n\nif tf.__version__ >= "1.14.0":\n    from hubby.keras_layer import KerasLayer\n'
REQS = "hubby==0.7.0\ntensy==1.13.1\n"


def _universe(init=TRY):
    return {"tensy": [{"version": v, "files": {"tensy/__init__.py": f"__version__ = '{v}'\n"}}
                      for v in ("1.13.1", "1.14.0", "1.15.0")],
            "hubby": [{"version": v, "requires_dist": ["tensy"], "files": {
                "hubby/__init__.py": init, "hubby/keras_layer.py": "class KerasLayer:\n    pass\n"}} for v in ("0.6.0", "0.7.0")]}


def test_a_handler_saying_the_other_pin_is_too_old_gives_its_floor(index_for):
    index, target = index_for(_universe(), python="3.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits][:1] == [("tensy", ">=1.14.0")], d.summary


def test_an_if_around_the_binding_gives_the_same_floor(index_for):
    index, target = index_for(_universe(init=IF), python="3.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits][:1] == [("tensy", ">=1.14.0")], d.summary


def test_a_floor_the_pin_already_meets_moves_nothing_by_it(index_for):
    index, target = index_for(_universe(init=TRY.replace("1.14.0", "1.13.0")), python="3.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not any(c.name == "tensy" for c in d.culprits), d.summary
