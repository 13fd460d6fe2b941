"""A keyword refused inside a pin's forwarding ``__init__``: asked of the class the caller called.

zai-org/GLM-TTS: gradio 6.0's ``Blocks.__init__`` hands ``**kwargs`` to ``BlockContext``, which
refuses ``theme``; gradio 5 took ``theme`` itself, and 6.1.0 pops it again, from a comprehension
over a literal list of deprecated names.  The message names BlockContext, whose releases never
took ``theme``; the project called Blocks.
"""
from packaging.specifiers import SpecifierSet

from tests.support.diagnose_crashes import diagnose_paste

CONTEXT = "class BlockContext:\n    def __init__(self, render=True):\n        self.render = render\n\n\n"
V5 = CONTEXT + ("class Blocks(BlockContext):\n    def __init__(self, title=None, theme=None, **kwargs):\n"
                "        self.theme = theme\n        super().__init__(render=False, **kwargs)\n")
V6 = CONTEXT + ("class Blocks(BlockContext):\n    def __init__(self, title=None, **kwargs):\n"
                "        self.title = title\n        super().__init__(render=False, **kwargs)\n")
V61 = CONTEXT + ("class Blocks(BlockContext):\n    def __init__(self, title=None, **kwargs):\n"
                 "        deprecated = ['theme', 'css']\n"
                 "        self.old = {k: kwargs.pop(k) for k in deprecated if k in kwargs}\n"
                 "        super().__init__(render=False, **kwargs)\n")
PASTE = """Traceback (most recent call last):
  File "/app/glmtts_inference_gradio.py", line 12, in <module>
    with gr.Blocks(title="GLMTTS Inference", theme=gr.themes.Soft()) as app:
  File "/env/lib/python3.10/site-packages/gradiox/blocks.py", line 9, in __init__
    super().__init__(render=False, **kwargs)
TypeError: BlockContext.__init__() got an unexpected keyword argument 'theme'
"""


def test_the_class_the_caller_called_is_asked_not_the_base_the_message_names(index_for):
    universe = {"gradiox": [{"version": v, "files": {"gradiox/__init__.py": "from .blocks import Blocks\n",
                                                     "gradiox/blocks.py": body}}
                            for v, body in (("5.50.0", V5), ("6.0.2", V6), ("6.1.0", V61))]}
    index, target = index_for(universe, python="3.10")
    d = diagnose_paste(index, target, "gradiox==6.0.2\n", PASTE)
    [c] = [c for c in d.culprits if c.name == "gradiox"]
    spec = SpecifierSet(c.constraint)
    assert "6.1.0" in spec and "5.50.0" in spec and "6.0.2" not in spec, d.summary
    assert "Blocks" in c.evidence[0], c.evidence
