"""Reviewed (s3): ``_built_here`` turns every ABI mismatch of an sdist-only extension into "environment, rebuild it".

The famous pycocotools case (cocodataset/cocoapi#248 and many duplicates): pycocotools 2.0.2 is only an
sdist, pip builds it in an *isolated* build environment against the newest numpy (1.20), and the pinned
numpy 1.19.5 then fails with "numpy.ndarray size changed ... Expected 88 from C header, got 80 from PyObject".
The fix is numpy>=1.20 (what the message's direction, base-too-old, said before this change).  The new
rule returns verdict "environment" with no culprit, and advises
``pip install --force-reinstall --no-binary pycocotools`` - which, under build isolation, builds against the
newest numpy again and fails the same way.  The rule was written for torch extensions (mmcv-full), whose
builds use the installed torch; numpy-based extensions are built in isolation.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

SITE = "/env/lib/python3.8/site-packages"
TB = ('Traceback (most recent call last):\n  File "/work/train.py", line 3, in <module>\n    from pycocotoolsy.coco import COCO\n'
      f'  File "{SITE}/pycocotoolsy/coco.py", line 55, in <module>\n    from . import mask as maskUtils\n'
      f'  File "{SITE}/pycocotoolsy/mask.py", line 3, in <module>\n    import pycocotoolsy._mask as _mask\n'
      '  File "pycocotoolsy/_mask.pyx", line 1, in init pycocotoolsy._mask\n'
      "ValueError: numpy.ndarray size changed, may indicate binary incompatibility. Expected 88 from C header, got 80 from PyObject\n")


def test_an_sdist_only_numpy_extension_built_against_a_newer_numpy_still_moves_numpy(index_for):
    universe = {
        "numpy": [{"version": "1.19.0", "upload_time": "2020-06-20T00:00:00Z"},
                  {"version": "1.19.5", "upload_time": "2021-01-05T00:00:00Z"},
                  {"version": "1.20.0", "upload_time": "2021-01-30T00:00:00Z"}],
        "pycocotoolsy": [{"version": "2.0.2", "upload_time": "2020-09-04T00:00:00Z", "wheel": False, "sdist": True,
                          "files": {"pycocotoolsy/__init__.py": "", "pycocotoolsy/coco.py": "", "pycocotoolsy/mask.py": ""}}],
    }
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("numpy==1.19.5\npycocotoolsy==2.0.2\n", target)
    d = diagnose(simple_parse(TB, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict != "environment", d.advice
    assert ("numpy", ">=1.20") in [(c.name, c.constraint) for c in d.culprits], [(c.name, c.constraint) for c in d.culprits]
