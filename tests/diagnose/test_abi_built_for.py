"""xFormers' warning that its C++/CUDA extensions were built for another torch.

Fooocus (lllyasviel/Fooocus PR #2517) pasted only the warning, no traceback:
xformers 0.0.20 was built for torch 2.0.1 and torch 2.1.0 ran.  The wording names
both versions, so the paste is a binary mismatch between xformers and torch, and
the releases' own Requires-Dist (xformers pins the torch it was built for) say
which xformers was built for the pinned torch.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose import families as F
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = """WARNING[XFORMERS]: xFormers can't load C++/CUDA extensions. xFormers was built for:
    PyTorch 2.0.1+cu118 with CUDA 1108 (you have 2.1.0+cu121)
    Python  3.10.11 (you have 3.10.9)
  Please reinstall xformers (see https://github.com/facebookresearch/xformers#installing-xformers)
  Memory-efficient attention, SwiGLU, sparse and more won't be available.
  Set XFORMERS_MORE_DETAILS=1 for more details
"""


def test_the_warning_alone_is_read_as_a_binary_mismatch_with_torch():
    found = infer_message(PASTE)
    assert found is not None and found.exc_type == "ImportError"
    crash = found.to_crash()
    sig = F.classify(crash)
    assert sig.family == F.ABI
    assert (sig.module, sig.extension) == ("torch", "xformers")
    assert sig.detail == {"built_for": "2.0.1+cu118", "runtime": "2.1.0+cu121"}
    assert sig.direction == "base-too-new"


def test_xformers_moves_to_the_release_built_for_the_pinned_torch(index_for):
    universe = {
        "torch": [{"version": "2.0.1", "upload_time": "2023-05-08T00:00:00Z"},
                  {"version": "2.1.0", "upload_time": "2023-10-04T00:00:00Z"}],
        "xformers": [{"version": "0.0.20", "requires_dist": ["torch==2.0.1"], "upload_time": "2023-05-23T00:00:00Z"},
                     {"version": "0.0.22", "requires_dist": ["torch==2.0.1"], "upload_time": "2023-09-27T00:00:00Z"},
                     {"version": "0.0.22.post7", "requires_dist": ["torch==2.1.0"], "upload_time": "2023-10-21T00:00:00Z"}],
    }
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("torch==2.1.0\nxformers==0.0.20\n", target)
    crash = infer_message(PASTE).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.family == F.ABI and d.verdict == "transitive"
    moves = [(c.name, c.constraint) for c in d.culprits]
    assert moves and moves[0][0] == "xformers", moves
    assert "0.0.22.post7" in moves[0][1] and not any(name == "torch" and "<2.1" in spec for name, spec in moves[:1])


def test_a_torch_extension_whose_build_matches_is_not_this_wording():
    assert F._ABI_BUILT_FOR.search("xFormers was built for: PyTorch 2.1.0 with CUDA 1201") is None
