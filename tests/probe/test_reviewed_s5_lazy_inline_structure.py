"""A lazy module whose table is built by a call written inline is still built at run time: unknown, not absent.

Defect: ``pysource`` marks ``lazy_dynamic`` only when the table handed to
``_LazyModule`` is a *name* bound to a call (``import_structure =
define_import_structure(...)``, then ``_LazyModule(..., import_structure)``).
When the call is written inline, ``_LazyModule(__name__, _file,
define_import_structure(_file), module_spec=__spec__)``, the reader records no
table at all and answers "'LlamaForCausalLM' is not defined in
.../__init__.py": a certain "no".

Realistic scenario: this inline form is exactly what every model subpackage of
transformers >= 4.46 ships (``transformers/models/llama/__init__.py``: an
``if TYPE_CHECKING:`` block of star imports, else ``sys.modules[__name__] =
_LazyModule(__name__, _file, define_import_structure(_file),
module_spec=__spec__)``), and what transformers' own ``add-new-model`` template
generates.  Read as absent, every name of every model subpackage disappears
from 4.46 on, so a crash such as ``cannot import name 'X' from
'transformers.models.llama'`` gets a false "removed in 4.46" culprit.

docs/design.md (Lazy import structures, commit 89dc7b8): names a lazy table
gathers at run time from the package's files are unknown, never absent.
Expected: the lookup is not NO (YES via the star imports would be fine too).
"""

from __future__ import annotations

from pytest_depfix.diagnose.pysource import NO, DictTree, Resolver

MODEL_INIT = '''from typing import TYPE_CHECKING

from ...utils import _LazyModule
from ...utils.import_utils import define_import_structure


if TYPE_CHECKING:
    from .configuration_llama import *
    from .modeling_llama import *
else:
    import sys

    _file = globals()["__file__"]
    sys.modules[__name__] = _LazyModule(__name__, _file, define_import_structure(_file), module_spec=__spec__)
'''

FILES = {
    "tf/__init__.py": "",
    "tf/utils/__init__.py": "class _LazyModule: pass\n",
    "tf/utils/import_utils.py": "def define_import_structure(path): pass\n",
    "tf/models/__init__.py": "",
    "tf/models/llama/__init__.py": MODEL_INIT,
    "tf/models/llama/configuration_llama.py": "__all__ = ['LlamaConfig']\nclass LlamaConfig: pass\n",
    "tf/models/llama/modeling_llama.py": "__all__ = ['LlamaForCausalLM']\nclass LlamaForCausalLM: pass\n",
}


def test_a_model_subpackage_with_an_inline_define_import_structure_is_not_read_as_lacking_its_classes():
    found = Resolver(DictTree(FILES), (3, 11)).lookup("tf.models.llama", "LlamaForCausalLM")
    assert found.value != NO, found.evidence
