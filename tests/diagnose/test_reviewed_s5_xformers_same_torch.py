"""xFormers' "built for PyTorch X (you have Y)" with the same torch release is not a torch version problem.

Defect: ``families._ABI_BUILT_FOR`` reads the warning and leaves
``sig.direction`` None when the built-for and running torch are the same
release (only the local build label differs: ``2.1.0+cu121`` vs
``2.1.0+cpu``).  The ABI step then ignores what the message said, derives a
direction from upload dates (xformers 0.0.22.post7 came out after torch
2.1.0's series started: "base-too-old") and moves torch to the next series
(``torch>=2.2``), plus a meaningless ``xformers<0.0``.

Realistic scenario (A1111 / ComfyUI / Fooocus reports): torch 2.1.0 was
installed from PyPI's CPU wheel or another CUDA index, then xformers
0.0.22.post7 (``Requires-Dist: torch==2.1.0``, built for 2.1.0+cu121) was
installed.  The warning prints::

    xFormers was built for:
        PyTorch 2.1.0+cu121 with CUDA 1201 (you have 2.1.0+cpu)

The pins are exactly the pair xformers was built for; the mismatch is the
torch build variant (CPU vs CUDA 12.1), which no version move fixes.  Moving
torch to 2.2 breaks xformers' own ``torch==2.1.0`` requirement and the
message says the opposite.  Expected: no culprit that moves torch off the
release the message says xformers was built for.
"""

from __future__ import annotations

from packaging.specifiers import SpecifierSet

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = """WARNING[XFORMERS]: xFormers can't load C++/CUDA extensions. xFormers was built for:
    PyTorch 2.1.0+cu121 with CUDA 1201 (you have 2.1.0+cpu)
    Python  3.10.11 (you have 3.10.11)
  Please reinstall xformers (see https://github.com/facebookresearch/xformers#installing-xformers)
  Memory-efficient attention, SwiGLU, sparse and more won't be available.
  Set XFORMERS_MORE_DETAILS=1 for more details
"""


def universe():
    return {
        "torch": [{"version": "2.0.1", "upload_time": "2023-05-08T00:00:00Z"},
                  {"version": "2.1.0", "upload_time": "2023-10-04T00:00:00Z"},
                  {"version": "2.2.0", "upload_time": "2024-01-30T00:00:00Z"}],
        "xformers": [{"version": "0.0.22", "requires_dist": ["torch==2.0.1"], "upload_time": "2023-09-27T00:00:00Z"},
                     {"version": "0.0.22.post7", "requires_dist": ["torch==2.1.0"], "upload_time": "2023-10-21T00:00:00Z"},
                     {"version": "0.0.24", "requires_dist": ["torch==2.2.0"], "upload_time": "2024-02-01T00:00:00Z"}],
    }


def test_a_build_variant_mismatch_of_the_same_torch_release_moves_no_torch_version(index_for):
    index, target = index_for(universe(), python="3.10")
    pins = parse_requirements_text("torch==2.1.0\nxformers==0.0.22.post7\n", target)
    crash = infer_message(PASTE).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    moves = [(c.name, c.constraint) for c in d.culprits]
    torch_moves = [spec for name, spec in moves if name == "torch"]
    # xformers 0.0.22.post7 was built for torch 2.1.0 (the message and its Requires-Dist agree): keep it.
    assert all("2.1.0" in SpecifierSet(spec) for spec in torch_moves), (d.verdict, moves)
